/*
 * test_proc.c: sessions, attach/detach, spawn and the event loop against
 * real child processes.
 */
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "ptcore.h"
#include "os.h"

static char
state_of(pid_t pid)
{
	char path[64], buf[512], *p;
	FILE *fp;
	size_t n;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	if ((fp = fopen(path, "r")) == NULL)
		return 0;
	n = fread(buf, 1, sizeof(buf) - 1, fp);
	fclose(fp);
	buf[n] = '\0';
	p = strrchr(buf, ')');
	return p ? p[2] : 0;
}

/*
 * The state of pid once it has had up to a second to reach want: a
 * sleeper let go runs for a moment before it sleeps again, longer on a
 * loaded machine.
 */
static char
state_after(pid_t pid, char want)
{
	char st = state_of(pid);

	for (int i = 0; i < 100 && st != want; i++) {
		usleep(10000);
		st = state_of(pid);
	}
	return st;
}

static int
tracer_of(pid_t pid)
{
	char path[64], line[256];
	FILE *fp;
	int tp = -1;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	if ((fp = fopen(path, "r")) == NULL)
		return -1;
	while (fgets(line, sizeof(line), fp))
		if (sscanf(line, "TracerPid: %d", &tp) == 1)
			break;
	fclose(fp);
	return tp;
}

static pid_t
sleeper(void)
{
	pid_t pid = fork();

	if (pid == 0) {
		for (;;)
			pause();
	}
	usleep(20000);
	return pid;
}

static void
reap_child(pid_t pid)
{
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
}

static void
test_spawn_sees_execve_first(void **state)
{
	struct ptc_session *s = ptc_session_new(PTC_TRACE_SYSCALLS |
	    PTC_TRACE_EXEC | PTC_TRACE_EXITKILL);
	char *argv[] = { "true", NULL };
	struct ptc_task *t;
	struct ptc_event ev;
	struct ptc_scinfo si;
	int first = 1, enters = 0, exits = 0, code = -1;

	(void)state;
	assert_non_null(s);
	assert_int_equal(ptc_spawn(s, argv, NULL, &t), 0);
	assert_int_equal(ptc_resume(t, PTC_RESUME_SYSCALL, 0), 0);
	while (ptc_wait(s, &ev) == 0) {
		if (ev.type == PTC_EV_EXITED) {
			code = ev.status;
			break;
		}
		if (ev.type == PTC_EV_SYSCALL_ENTER) {
			assert_int_equal(ptc_syscall_info(ev.task, &si), 0);
			assert_int_equal(si.op, PTC_SC_ENTRY);
			if (first)
				assert_int_equal(si.nr, SYS_execve);
			first = 0;
			enters++;
		} else if (ev.type == PTC_EV_SYSCALL_EXIT) {
			assert_int_equal(ptc_syscall_info(ev.task, &si), 0);
			assert_int_equal(si.op, PTC_SC_EXIT);
			exits++;
		}
		assert_int_equal(ptc_resume(ev.task, PTC_RESUME_SYSCALL, 0), 0);
	}
	assert_int_equal(code, 0);
	assert_true(enters > 5);
	/* exit_group never returns */
	assert_int_equal(exits, enters - 1);
	ptc_session_free(s);
}

static void
test_spawn_missing_program(void **state)
{
	struct ptc_session *s = ptc_session_new(0);
	char *argv[] = { "no-such-program-ptools", NULL };

	(void)state;
	assert_int_equal(ptc_spawn(s, argv, NULL, NULL), -1);
	assert_int_equal(errno, ENOENT);
	assert_string_equal(ptc_error(),
	    "no-such-program-ptools: command not found");
	ptc_session_free(s);
}

static void
make_file(const char *path, mode_t mode)
{
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	fputs("#!/bin/sh\nexit 0\n", fp);
	fclose(fp);
	assert_int_equal(chmod(path, mode), 0);
}

/* The PATH search follows execvp: in order, no directories, no non-executables. */
static void
test_which(void **state)
{
	char dir[] = "/tmp/ptc-which-XXXXXX", p[4][256], path[1100], want[300];
	char *old = getenv("PATH") ? strdup(getenv("PATH")) : NULL, *got;
	int i;

	(void)state;
	assert_non_null(mkdtemp(dir));
	for (i = 0; i < 4; i++) {
		snprintf(p[i], sizeof(p[i]), "%s/d%d", dir, i);
		assert_int_equal(mkdir(p[i], 0755), 0);
	}
	snprintf(want, sizeof(want), "%s/prog", p[0]);
	assert_int_equal(mkdir(want, 0755), 0);       /* a directory */
	snprintf(want, sizeof(want), "%s/prog", p[1]);
	make_file(want, 0644);                         /* not executable */
	snprintf(want, sizeof(want), "%s/prog", p[3]);
	make_file(want, 0755);
	snprintf(want, sizeof(want), "%s/prog", p[2]);
	make_file(want, 0755);                         /* the first that runs */

	snprintf(path, sizeof(path), "%s:%s:%s:%s", p[0], p[1], p[2], p[3]);
	setenv("PATH", path, 1);
	got = ptc_os_which("prog");
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);

	/* Only a directory and a file that cannot run: EACCES, as execvp. */
	snprintf(path, sizeof(path), "%s:%s", p[0], p[1]);
	setenv("PATH", path, 1);
	errno = 0;
	assert_null(ptc_os_which("prog"));
	assert_int_equal(errno, EACCES);
	errno = 0;
	assert_null(ptc_os_which("no-such-program-ptools"));
	assert_int_equal(errno, ENOENT);

	/* A name with a slash is taken as it is, if it exists. */
	snprintf(want, sizeof(want), "%s/prog", p[1]);
	got = ptc_os_which(want);
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
	errno = 0;
	assert_null(ptc_os_which("/nonexistent/prog"));
	assert_int_equal(errno, ENOENT);

	/* No PATH: execvp's default, /bin before /usr/bin. */
	unsetenv("PATH");
	got = ptc_os_which("sh");
	assert_non_null(got);
	assert_string_equal(got, "/bin/sh");
	free(got);

	if (old != NULL)
		setenv("PATH", old, 1);
	free(old);
	for (i = 3; i >= 0; i--) {
		snprintf(want, sizeof(want), "%s/prog", p[i]);
		if (i == 0)
			rmdir(want);
		else
			unlink(want);
		rmdir(p[i]);
	}
	rmdir(dir);
}

/* ptc_spawn's options reach the program: environment and descriptors. */
static void
test_spawn_opts(void **state)
{
	struct ptc_session *s = ptc_session_new(PTC_TRACE_EXEC |
	    PTC_TRACE_EXITKILL);
	char *argv[] = { "sh", "-c", "echo \"$PTC_X\"; echo err >&2", NULL };
	char *envp[] = { "PTC_X=hello", "PATH=/bin:/usr/bin", NULL };
	struct ptc_spawn_opts o = { .envp = envp, .stdin_fd = -1 };
	struct ptc_task *t;
	struct ptc_event ev;
	char buf[64];
	int out[2], code = -1, execs = 0;
	ssize_t n;

	(void)state;
	assert_non_null(s);
	assert_int_equal(pipe(out), 0);
	o.stdout_fd = out[1];
	o.stderr_fd = out[1];
	assert_int_equal(ptc_spawn(s, argv, &o, &t), 0);
	close(out[1]);
	assert_int_equal(ptc_resume(t, PTC_RESUME_CONT, 0), 0);
	while (ptc_wait(s, &ev) == 0) {
		if (ev.type == PTC_EV_EXITED) {
			code = ev.status;
			break;
		}
		if (ev.type == PTC_EV_EXEC)
			execs++;
		assert_int_equal(ev.type == PTC_EV_SIGNAL, 0);
		assert_int_equal(ptc_resume(ev.task, PTC_RESUME_CONT, 0), 0);
	}
	assert_int_equal(code, 0);
	assert_int_equal(execs, 1);
	n = read(out[0], buf, sizeof(buf) - 1);
	assert_true(n > 0);
	buf[n] = '\0';
	assert_string_equal(buf, "hello\nerr\n");
	close(out[0]);
	ptc_session_free(s);
}

static void
test_attach_stop_detach(void **state)
{
	pid_t pid = sleeper();
	struct ptc_session *s = ptc_session_new(0);
	struct ptc_task *t;
	uint64_t sp = 0, pc = 0;

	(void)state;
	assert_int_equal(ptc_attach(s, pid, PTC_ATTACH_STOP, &t), 0);
	assert_true(ptc_task_stopped(t));
	assert_int_equal(state_of(pid), 't');
	assert_int_equal(tracer_of(pid), getpid());
	assert_int_equal(ptc_sp_read(t, &sp), 0);
	assert_int_equal(ptc_pc_read(t, &pc), 0);
	assert_true(sp != 0 && pc != 0);
	ptc_session_free(s);
	usleep(10000);
	assert_int_equal(tracer_of(pid), 0);
	assert_int_equal(state_after(pid, 'S'), 'S');
	reap_child(pid);
}

static void
test_attach_stops_only_the_new_task(void **state)
{
	pid_t a = sleeper(), b = sleeper();
	struct ptc_session *s = ptc_session_new(0);
	struct ptc_task *ta, *tb;

	(void)state;
	assert_int_equal(ptc_attach(s, a, PTC_ATTACH_STOP, &ta), 0);
	assert_int_equal(ptc_resume(ta, PTC_RESUME_CONT, 0), 0);
	assert_int_equal(ptc_attach(s, b, PTC_ATTACH_STOP, &tb), 0);
	assert_true(ptc_task_stopped(tb));
	assert_false(ptc_task_stopped(ta));
	assert_int_equal(state_after(a, 'S'), 'S');
	ptc_session_free(s);
	usleep(10000);
	assert_int_equal(tracer_of(a), 0);
	assert_int_equal(tracer_of(b), 0);
	assert_int_equal(state_after(a, 'S'), 'S');
	assert_int_equal(state_after(b, 'S'), 'S');
	reap_child(a);
	reap_child(b);
}

static void
test_group_stop_stays_stopped(void **state)
{
	pid_t pid = sleeper();
	struct ptc_session *s = ptc_session_new(0);
	struct ptc_task *t;
	uint64_t pc;
	int st;

	(void)state;
	kill(pid, SIGSTOP);
	waitpid(pid, &st, WUNTRACED);
	assert_int_equal(state_of(pid), 'T');
	assert_int_equal(ptc_attach(s, pid, PTC_ATTACH_STOP, &t), 0);
	assert_true(ptc_task_was_stopped(t));
	assert_int_equal(ptc_pc_read(t, &pc), 0);
	ptc_session_free(s);
	usleep(10000);
	assert_int_equal(tracer_of(pid), 0);
	assert_int_equal(state_of(pid), 'T');
	kill(pid, SIGCONT);
	usleep(10000);
	assert_int_equal(state_of(pid), 'S');
	reap_child(pid);
}

static void
test_attach_errors(void **state)
{
	struct ptc_session *s = ptc_session_new(0);

	(void)state;
	assert_int_equal(ptc_attach(s, 4194304, 0, NULL), -1);
	assert_int_equal(errno, ESRCH);
	assert_int_equal(ptc_attach(s, 2, 0, NULL), -1);
	assert_int_equal(errno, EPERM);
	assert_string_equal(ptc_error(), "process 2 is a kernel thread");
	ptc_session_free(s);
}

static void
test_follow_forks(void **state)
{
	struct ptc_session *s = ptc_session_new(PTC_TRACE_FORKS |
	    PTC_TRACE_EXITKILL);
	char *argv[] = { "sh", "-c", "/bin/true; /bin/true; exit 3", NULL };
	struct ptc_task *t;
	struct ptc_event ev;
	int forks = 0, exits = 0, code = -1;
	pid_t leader;

	(void)state;
	assert_int_equal(ptc_spawn(s, argv, NULL, &t), 0);
	leader = ptc_task_pid(t);
	assert_int_equal(ptc_resume(t, PTC_RESUME_CONT, 0), 0);
	while (ptc_wait(s, &ev) == 0) {
		if (ev.type == PTC_EV_FORK || ev.type == PTC_EV_CLONE ||
		    ev.type == PTC_EV_VFORK)
			forks++;
		if (ev.type == PTC_EV_EXITED) {
			exits++;
			if (ev.pid == leader)
				code = ev.status;
			continue;
		}
		ptc_resume(ev.task, PTC_RESUME_CONT,
		    ev.type == PTC_EV_SIGNAL ? ev.sig : 0);
	}
	assert_int_equal(errno, ECHILD);
	assert_int_equal(code, 3);
	assert_true(forks >= 1);
	assert_int_equal(exits, forks + 1);
	ptc_session_free(s);
}

/*
 * Attached while it forks, a process may show its fork event to the
 * attach's own wait, and a detach may meet one too.  The event must
 * still reach the caller's next wait, and the child of an event nobody
 * took must not stay traced: each round's first traced child is one
 * that a fork event of that round names.
 */
static void
test_attach_mid_fork(void **state)
{
	struct ptc_session *s;
	struct ptc_task *t;
	struct ptc_event ev;
	pid_t forker, kid, forks[200];
	int round, n, i, nforks, named;

	(void)state;
	if ((forker = fork()) == 0) {
		/* Forks back to back, so an attach often meets one. */
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		signal(SIGCHLD, SIG_IGN);
		for (;;)
			if (fork() == 0)
				_exit(0);
	}
	usleep(20000);
	for (round = 0; round < 300; round++) {
		s = ptc_session_new(PTC_TRACE_FORKS);
		assert_int_equal(ptc_attach(s, forker, PTC_ATTACH_STOP |
		    PTC_ATTACH_THREADS, &t), 0);
		assert_int_equal(ptc_resume(t, PTC_RESUME_CONT, 0), 0);
		kid = 0;
		named = nforks = 0;
		for (n = 0; n < 200 && !named; n++) {
			assert_int_equal(ptc_wait(s, &ev), 0);
			if (ev.pid == forker && ev.type == PTC_EV_FORK)
				forks[nforks++] = ev.new_pid;
			else if (ev.task != NULL && ev.pid != forker &&
			    kid == 0)
				kid = ev.pid;
			for (i = 0; kid != 0 && i < nforks; i++)
				named |= forks[i] == kid;
			if (ev.task != NULL && ev.type != PTC_EV_EXITED &&
			    ev.type != PTC_EV_KILLED)
				ptc_resume(ev.task, PTC_RESUME_CONT, 0);
		}
		ptc_session_free(s);
		if (!named)
			fail_msg("round %d: child %d, but no fork event names "
			    "it", round, (int)kid);
	}
	reap_child(forker);
}

static void
test_pid_parse(void **state)
{
	pid_t p;

	(void)state;
	assert_int_equal(ptc_pid_parse("123", &p), 0);
	assert_int_equal(p, 123);
	assert_int_equal(ptc_pid_parse("0123", &p), 0);
	assert_int_equal(p, 123);
	assert_int_equal(ptc_pid_parse("12x", &p), -1);
	assert_string_equal(ptc_error(), "invalid PID '12x'");
	assert_int_equal(ptc_pid_parse("0", &p), -1);
	assert_int_equal(ptc_pid_parse("99999999999", &p), -1);
	assert_int_equal(ptc_pid_parse("", &p), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spawn_sees_execve_first),
		cmocka_unit_test(test_spawn_missing_program),
		cmocka_unit_test(test_which),
		cmocka_unit_test(test_spawn_opts),
		cmocka_unit_test(test_attach_stop_detach),
		cmocka_unit_test(test_attach_stops_only_the_new_task),
		cmocka_unit_test(test_group_stop_stays_stopped),
		cmocka_unit_test(test_attach_errors),
		cmocka_unit_test(test_follow_forks),
		cmocka_unit_test(test_attach_mid_fork),
		cmocka_unit_test(test_pid_parse),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
