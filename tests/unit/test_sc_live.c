/*
 * test_sc_live: decode the syscalls of a real child through the
 * default memory reader and compare with strace's text for them.
 */
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <sys/ptrace.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "ptcore.h"

/* The child: a few calls with known arguments, then exit. */
static void
child(void)
{
	static const char msg[] = "hello\tworld\n";
	struct timespec ts = { 0, 1 };
	int fds[2], sv[2];

	/* Descriptors the runner left open would shift the numbers. */
	syscall(SYS_close_range, 3, ~0u, 0);
	raise(SIGSTOP);
	syscall(SYS_openat, AT_FDCWD, "/nonexistent/ptools", O_RDONLY | O_CLOEXEC);
	syscall(SYS_write, -1, msg, sizeof(msg) - 1);
	syscall(SYS_pipe2, fds, O_NONBLOCK);
	syscall(SYS_close, 12345);
	syscall(SYS_nanosleep, &ts, NULL);
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0)
		syscall(SYS_write, sv[0], "z", 1);
	syscall(SYS_exit_group, 7);
}

/* Trace the child's syscalls; its lines (one per call) go to out. */
static void
trace(char *out, size_t outlen, int json, int fds)
{
	struct ptc_fmt f = { .strsize = 32, .json = json, .decode_fds = fds };
	struct ptc_scdec *d = ptc_scdec_new();
	FILE *fp = fmemopen(out, outlen, "w");
	pid_t pid;
	int st, on = 0;

	assert_non_null(d);
	assert_non_null(fp);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		child();
		_exit(1);
	}
	assert_int_equal(waitpid(pid, &st, WSTOPPED), pid);
	assert_int_equal(ptrace(PTRACE_SEIZE, pid, 0,
	    PTRACE_O_TRACESYSGOOD | PTRACE_O_EXITKILL), 0);
	kill(pid, SIGCONT);
	ptrace(PTRACE_SYSCALL, pid, 0, 0);
	while (waitpid(pid, &st, 0) == pid && WIFSTOPPED(st)) {
		struct __ptrace_syscall_info psi;
		struct ptc_scinfo si = { 0 };

		if (WSTOPSIG(st) != (SIGTRAP | 0x80)) {
			ptrace(PTRACE_SYSCALL, pid, 0, 0);
			continue;
		}
		ptrace(PTRACE_GET_SYSCALL_INFO, pid, sizeof(psi), &psi);
		si.arch = psi.arch;
		si.sp = psi.stack_pointer;
		if (psi.op == PTRACE_SYSCALL_INFO_ENTRY) {
			si.op = PTC_SC_ENTRY;
			si.nr = psi.entry.nr;
			memcpy(si.args, psi.entry.args, sizeof(si.args));
			if (si.nr == SYS_openat)
				on = 1;
			if (on) {
				ptc_sc_enter(d, fp, pid, &si, &f);
				if (si.nr == SYS_exit_group) {
					ptc_sc_noreturn(d, fp, &f);
					fputc('\n', fp);
				}
			}
		} else if (psi.op == PTRACE_SYSCALL_INFO_EXIT && on) {
			si.op = PTC_SC_EXIT;
			si.rval = psi.exit.rval;
			si.is_error = psi.exit.is_error;
			ptc_sc_exit(d, fp, &si, &f);
			fputc('\n', fp);
		}
		ptrace(PTRACE_SYSCALL, pid, 0, 0);
	}
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 7);
	fclose(fp);
	ptc_scdec_free(d);
}

static void
test_text(void **state)
{
	char out[4096];
	const char *want =
	    "openat(AT_FDCWD, \"/nonexistent/ptools\", O_RDONLY|O_CLOEXEC) = -1 ENOENT (No such file or directory)\n"
	    "write(-1, \"hello\\tworld\\n\", 12)         = -1 EBADF (Bad file descriptor)\n"
	    "pipe2([3, 4], O_NONBLOCK)               = 0\n"
	    "close(12345)                            = -1 EBADF (Bad file descriptor)\n"
	    "nanosleep({tv_sec=0, tv_nsec=1}, NULL)  = 0\n"
	    "socketpair(AF_UNIX, SOCK_STREAM, 0, [5, 6]) = 0\n"
	    "write(5, \"z\", 1)                        = 1\n"
	    "exit_group(7)                           = ?\n";

	(void)state;
	trace(out, sizeof(out), 0, 0);
	assert_string_equal(out, want);
}

static void
test_json(void **state)
{
	char out[4096];

	(void)state;
	trace(out, sizeof(out), 1, 0);
	assert_non_null(strstr(out, "\"syscall\":\"openat\",\"args\":[\"AT_FDCWD\","
	    "\"/nonexistent/ptools\",\"O_RDONLY|O_CLOEXEC\"],\"retval\":-1,"
	    "\"errno\":\"ENOENT\"\n"));
	assert_non_null(strstr(out, "\"syscall\":\"nanosleep\",\"args\":"
	    "[{\"tv_sec\":0,\"tv_nsec\":1},null],\"retval\":0\n"));
	assert_non_null(strstr(out, "\"syscall\":\"exit_group\",\"args\":[7],"
	    "\"retval\":null\n"));
}

/*
 * Does the kernel answer sock_diag queries about unix sockets?  Without
 * the unix_diag module (a guest booted without modules) nobody can
 * name a socket's peer, strace neither.
 */
static int
unix_diag_works(void)
{
	struct {
		struct nlmsghdr nh;
		struct unix_diag_req req;
	} q;
	union {
		struct nlmsghdr nh;
		char b[8192];
	} r;
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
	ssize_t n;

	if (fd == -1)
		return 0;
	memset(&q, 0, sizeof(q));
	q.nh.nlmsg_len = sizeof(q);
	q.nh.nlmsg_type = SOCK_DIAG_BY_FAMILY;
	q.nh.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	q.req.sdiag_family = AF_UNIX;
	q.req.udiag_states = ~0u;
	n = send(fd, &q, sizeof(q), 0) == (ssize_t)sizeof(q) ?
	    recv(fd, &r, sizeof(r), 0) : -1;
	close(fd);
	return n >= (ssize_t)sizeof(r.nh) && r.nh.nlmsg_type != NLMSG_ERROR;
}

/* -y names the pipe, -yy the socket's peer. */
static void
test_decode_fds(void **state)
{
	char out[8192];
	const char *p;
	unsigned long a, b, c, d;

	(void)state;
	trace(out, sizeof(out), 0, PTC_FDS_PATH | PTC_FDS_SOCKET);
	assert_non_null(strstr(out, "close(12345)"));
	p = strstr(out, "write(");
	p = p != NULL ? strstr(p + 1, "write(") : NULL;
	assert_non_null(p);
	if (!unix_diag_works()) {
		/* write(5<UNIX-STREAM:[A]>, ...): the inode alone. */
		assert_int_equal(sscanf(p, "write(%*d<UNIX-STREAM:[%lu]>", &a), 1);
		p = strstr(out, "socketpair(");
		assert_non_null(p);
		assert_int_equal(sscanf(p, "socketpair(AF_UNIX, SOCK_STREAM, 0, "
		    "[%*d<UNIX-STREAM:[%lu]>, %*d<UNIX-STREAM:[%lu]>])", &c,
		    &d), 2);
		assert_true(a == c && c != d);
		assert_non_null(strstr(out, "pipe2([3<pipe:["));
		return;
	}
	/* write(5<UNIX-STREAM:[A->B]>, ...) and the pair's ends agree. */
	assert_int_equal(sscanf(p, "write(%*d<UNIX-STREAM:[%lu->%lu]>", &a, &b), 2);
	p = strstr(out, "socketpair(");
	assert_non_null(p);
	assert_int_equal(sscanf(p, "socketpair(AF_UNIX, SOCK_STREAM, 0, "
	    "[%*d<UNIX-STREAM:[%lu->%lu]>, %*d<UNIX-STREAM:[%lu->%lu]>])",
	    &c, &d, &d, &d), 4);
	assert_true(a == c);
	assert_non_null(strstr(out, "pipe2([3<pipe:["));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_decode_fds),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
