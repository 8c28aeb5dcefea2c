/*
 * ptrace.c: the Linux ptrace layer.  This is the only file that names
 * ptrace requests and decodes wait statuses; lib/proc.c builds the
 * portable session model on top of it, from the plain values these
 * functions take and return.
 */
#include <sys/ptrace.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <sys/user.h>
#include <sys/wait.h>

#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "os.h"
#include "linux.h"

static unsigned long
ptrace_options(unsigned flags, bool spawned)
{
	unsigned long o = 0;

	if (flags & PTC_TRACE_SYSCALLS)
		o |= PTRACE_O_TRACESYSGOOD;
	if (flags & PTC_TRACE_FORKS)
		o |= PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK |
		    PTRACE_O_TRACECLONE | PTRACE_O_TRACEVFORKDONE;
	if (flags & PTC_TRACE_EXEC)
		o |= PTRACE_O_TRACEEXEC;
	if (flags & PTC_TRACE_EXIT)
		o |= PTRACE_O_TRACEEXIT;
	if (flags & PTC_TRACE_SECCOMP)
		o |= PTRACE_O_TRACESECCOMP;
	/* Only programs we started die with us; attached ones run on. */
	if ((flags & PTC_TRACE_EXITKILL) && spawned)
		o |= PTRACE_O_EXITKILL;
	return o;
}

/*
 * TracerPid of pid from /proc as we number it, or 0; a tracer outside
 * our pid namespace keeps /proc's number.
 */
static pid_t
tracer_of(pid_t pid)
{
	int tp = 0;
	pid_t ours;

	if (ptc_os_status_int(pid, "TracerPid", &tp) != 0 || tp <= 0)
		return 0;
	return (ours = ptc_os_ourpid(tp)) > 0 ? ours : tp;
}

int
ptc_os_seize(pid_t pid, unsigned trace_flags, bool spawned)
{
	pid_t tp;

	if (ptrace(PTRACE_SEIZE, pid, 0, ptrace_options(trace_flags,
	    spawned)) == 0)
		return 0;
	if (errno == ESRCH)
		return ptc_fail(ESRCH, "no such process");
	if (errno == EPERM) {
		if ((tp = tracer_of(pid)) != 0 && tp != getpid())
			return ptc_fail(EPERM,
			    "already traced by process %d", (int)tp);
		return ptc_fail(EPERM, "%s (ptrace needs the same user "
		    "or CAP_SYS_PTRACE)", strerror(EPERM));
	}
	return -1;
}

/* Fill ev from a signal-delivery or trap stop with its siginfo. */
static void
getsiginfo(pid_t pid, struct ptc_os_stop *ev)
{
	if (ptrace(PTRACE_GETSIGINFO, pid, 0, &ev->si) != 0)
		memset(&ev->si, 0, sizeof(ev->si));
}

static int
is_stop_signal(int sig)
{
	return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN ||
	    sig == SIGTTOU;
}

int
ptc_os_decode(pid_t pid, int status, struct ptc_os_stop *ev)
{
	unsigned long msg = 0;
	int sig, event;

	memset(ev, 0, sizeof(*ev));
	if (WIFEXITED(status)) {
		ev->type = PTC_EV_EXITED;
		ev->status = WEXITSTATUS(status);
		return 0;
	}
	if (WIFSIGNALED(status)) {
		ev->type = PTC_EV_KILLED;
		ev->sig = WTERMSIG(status);
		ev->core = WCOREDUMP(status) ? 1 : 0;
		return 0;
	}
	if (!WIFSTOPPED(status))
		return ptc_fail(EINVAL, "unexpected wait status %#x", status);

	sig = WSTOPSIG(status);
	event = (unsigned)status >> 16;
	switch (event) {
	case 0:
		if (sig == (SIGTRAP | 0x80)) {
			/* Entry or exit: the caller asks for the syscall info. */
			ev->type = PTC_EV_SYSCALL_ENTER;
			return 0;
		}
		ev->sig = sig;
		getsiginfo(pid, ev);
		/*
		 * A step over a syscall instruction ends with a trap the
		 * kernel reports at the syscall's exit; on CPUs without
		 * their own report (aarch64) it looks like a kill() from
		 * nobody: SI_USER with pid and uid 0.
		 */
		if (sig == SIGTRAP && ((ev->si.si_code != SI_USER &&
		    ev->si.si_code != SI_TKILL && ev->si.si_code != SI_QUEUE) ||
		    (ev->si.si_code == SI_USER && ev->si.si_pid == 0 &&
		    ev->si.si_uid == 0)))
			ev->type = PTC_EV_STEP;
		else
			ev->type = PTC_EV_SIGNAL;
		return 0;
	case PTRACE_EVENT_STOP:
		ev->sig = sig;
		ev->type = is_stop_signal(sig) ? PTC_EV_GROUP_STOP :
		    PTC_EV_INTERRUPT;
		return 0;
	case PTRACE_EVENT_FORK:
	case PTRACE_EVENT_VFORK:
	case PTRACE_EVENT_CLONE:
		ptrace(PTRACE_GETEVENTMSG, pid, 0, &msg);
		ev->new_pid = (pid_t)msg;
		ev->type = event == PTRACE_EVENT_FORK ? PTC_EV_FORK :
		    event == PTRACE_EVENT_VFORK ? PTC_EV_VFORK : PTC_EV_CLONE;
		return 0;
	case PTRACE_EVENT_VFORK_DONE:
		ev->type = PTC_EV_VFORK_DONE;
		return 0;
	case PTRACE_EVENT_EXEC:
		ptrace(PTRACE_GETEVENTMSG, pid, 0, &msg);
		ev->old_pid = (pid_t)msg;
		ev->type = PTC_EV_EXEC;
		return 0;
	case PTRACE_EVENT_EXIT:
		ptrace(PTRACE_GETEVENTMSG, pid, 0, &msg);
		ev->status = (int)msg;
		ev->type = PTC_EV_EXITING;
		return 0;
	case PTRACE_EVENT_SECCOMP:
		ev->type = PTC_EV_SECCOMP;
		return 0;
	default:
		ev->sig = sig;
		ev->type = PTC_EV_INTERRUPT;
		return 0;
	}
}

int
ptc_os_resume(pid_t pid, enum ptc_resume how, int sig)
{
	enum __ptrace_request req;

	switch (how) {
	case PTC_RESUME_SYSCALL:
		req = PTRACE_SYSCALL;
		break;
	case PTC_RESUME_STEP:
		req = PTRACE_SINGLESTEP;
		break;
	case PTC_RESUME_LISTEN:
		req = PTRACE_LISTEN;
		break;
	default:
		req = PTRACE_CONT;
		break;
	}
	if (ptrace(req, pid, 0, (long)sig) != 0) {
		/* arm's kernel has no PTRACE_SINGLESTEP: EIO, task or not. */
		if (how == PTC_RESUME_STEP && errno == EIO)
			return ptc_fail(ENOTSUP, "single-step of task %d: not "
			    "supported on this CPU (the kernel has no "
			    "PTRACE_SINGLESTEP here)", (int)pid);
		return ptc_fail(errno, "resume of task %d: %s", (int)pid,
		    strerror(errno));
	}
	return 0;
}

int
ptc_os_interrupt(pid_t pid)
{
	if (ptrace(PTRACE_INTERRUPT, pid, 0, 0) != 0)
		return ptc_fail(errno, "interrupt of task %d: %s", (int)pid,
		    strerror(errno));
	return 0;
}

/* Whether sig is pending for thread tid alone (SigPnd, not ShdPnd). */
int
ptc_os_sig_pending(pid_t tid, int sig)
{
	char path[64], line[128];
	unsigned long long set = 0;
	FILE *fp;
	int found = 0;

	snprintf(path, sizeof(path), "/proc/%d/status", ptc_os_procpid(tid));
	if ((fp = fopen(path, "re")) == NULL)
		return 0;
	while (fgets(line, sizeof(line), fp) != NULL)
		if (sscanf(line, "SigPnd: %llx", &set) == 1) {
			found = 1;
			break;
		}
	fclose(fp);
	return found && (set & (1ull << (sig - 1))) != 0;
}

int
ptc_os_stop_child(pid_t pid, pid_t *child)
{
	unsigned long msg = 0;
	siginfo_t si;
	int ev;

	*child = 0;
	if (ptrace(PTRACE_GETSIGINFO, pid, 0, &si) != 0)
		/* A group-stop has no siginfo, but is a stop. */
		return errno == EINVAL ? 0 : -1;
	ev = si.si_code >> 8;
	if (si.si_signo == SIGTRAP && (si.si_code & 0xff) == SIGTRAP &&
	    (ev == PTRACE_EVENT_FORK || ev == PTRACE_EVENT_VFORK ||
	    ev == PTRACE_EVENT_CLONE) &&
	    ptrace(PTRACE_GETEVENTMSG, pid, 0, &msg) == 0)
		*child = (pid_t)msg;
	return 0;
}

int
ptc_os_detach(pid_t pid, int sig)
{
	return ptrace(PTRACE_DETACH, pid, 0, (long)sig) == 0 ? 0 : -1;
}

/*
 * Whether SIGTRAP is pending for thread tid itself, with only
 * async-signal-safe calls (for ptc_os_detach_now): "SigPnd:\tHEX".
 */
static int
trap_pending_safe(pid_t tid)
{
	char path[64], buf[2048], *p, *e;
	unsigned long long set = 0;
	ssize_t n;
	int fd, v;

	snprintf(path, sizeof(path), "/proc/%d/status",
	    ptc_os_procpid_safe(tid));
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return 0;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	if ((p = strstr(buf, "\nSigPnd:")) == NULL)
		return 0;
	for (p += 8; *p == ' ' || *p == '\t'; p++)
		;
	for (e = p; *e != '\0' && *e != '\n'; e++) {
		v = *e >= '0' && *e <= '9' ? *e - '0' :
		    *e >= 'a' && *e <= 'f' ? *e - 'a' + 10 : -1;
		if (v < 0)
			break;
		set = set << 4 | (unsigned)v;
	}
	return (set & (1ull << (SIGTRAP - 1))) != 0;
}

/* Wait up to about 200 ms for a stop of pid: 1 stopped, 0 not. */
static int
wait_stop_safe(pid_t pid)
{
	struct timespec ms = { 0, 1000000 };
	int i, status;

	for (i = 0; i < 200; i++) {
		if (waitpid(pid, &status, __WALL | WNOHANG) == pid)
			return WIFSTOPPED(status);
		nanosleep(&ms, NULL);
	}
	return 0;
}

/*
 * Let the SIGTRAP a task has queued for itself (a step trap) arrive
 * while we trace it, so the detach drops it.  0, or -1 when the task
 * could not be stopped.
 */
static int
drain_trap_safe(pid_t pid)
{
	int i;

	for (i = 0; i < 4 && trap_pending_safe(pid); i++) {
		if (ptrace(PTRACE_CONT, pid, 0, 0L) == 0) {
			if (!wait_stop_safe(pid))
				return -1;
		} else if (errno != ESRCH ||
		    ptrace(PTRACE_INTERRUPT, pid, 0, 0L) != 0 ||
		    !wait_stop_safe(pid))
			return -1;
	}
	return 0;
}

/*
 * For a signal handler: detach pid with as little as possible, only
 * async-signal-safe calls and bounded waits.  A running task is
 * interrupted first; a step trap it has queued is let arrive and
 * dropped.  The detach ends a single-step in progress, which the
 * kernel leaves armed when the tracer just exits.
 */
void
ptc_os_detach_now(pid_t pid)
{
	if (drain_trap_safe(pid) != 0 || ptrace(PTRACE_DETACH, pid, 0, 0L) == 0)
		return;
	if (errno != ESRCH || ptrace(PTRACE_INTERRUPT, pid, 0, 0L) != 0 ||
	    !wait_stop_safe(pid) || drain_trap_safe(pid) != 0)
		return;
	ptrace(PTRACE_DETACH, pid, 0, 0L);
}

int
ptc_os_getregset(pid_t pid, unsigned note, void *buf, size_t len)
{
	struct iovec iov = { buf, len };

	if (ptrace(PTRACE_GETREGSET, pid, (void *)(uintptr_t)note, &iov) != 0)
		return ptc_fail(errno, "register set %#x of task %d: %s",
		    note, (int)pid, strerror(errno));
	return (int)iov.iov_len;
}

/*
 * The number of the syscall pid is stopped at the entry of (or at a
 * seccomp stop of), -2 at its exit (the kernel tells no number there),
 * -1 at any other stop.
 */
static int32_t
sysnr_info(pid_t pid)
{
	struct __ptrace_syscall_info si;

	memset(&si, 0, sizeof(si));
	if (ptrace(PTRACE_GET_SYSCALL_INFO, pid, (void *)sizeof(si), &si) < 0)
		return -1;
	switch (si.op) {
	case PTRACE_SYSCALL_INFO_ENTRY:
		return (int32_t)si.entry.nr;
	case PTRACE_SYSCALL_INFO_SECCOMP:
		return (int32_t)si.seccomp.nr;
	case PTRACE_SYSCALL_INFO_EXIT:
		return -2;
	default:
		return -1;
	}
}

int
ptc_os_getregs(pid_t pid, void *buf, size_t len)
{
	struct iovec iov = { buf, len };
	int32_t nr = -1;
	int64_t nr64;

	if (ptrace(PTRACE_GETREGSET, pid, (void *)NT_PRSTATUS, &iov) != 0)
		return ptc_fail(errno, "registers of task %d: %s", (int)pid,
		    strerror(errno));
	/*
	 * Where the syscall number is kept apart, it follows the block as
	 * a 64-bit number (-1, "no syscall", if the kernel does not give
	 * it), so the block stays a whole number of registers.
	 */
	if (ptc_arch_sysnr_regset != 0 && iov.iov_len + sizeof(nr64) <= len) {
		if (ptc_arch_sysnr_regset == PTC__SYSNR_INFO)
			nr = sysnr_info(pid);
		else if (ptc_os_getregset(pid, ptc_arch_sysnr_regset, &nr,
		    sizeof(nr)) != (int)sizeof(nr))
			nr = -1;
		nr64 = nr;
		memcpy((char *)buf + iov.iov_len, &nr64, sizeof(nr64));
		return (int)(iov.iov_len + sizeof(nr64));
	}
	return (int)iov.iov_len;
}

int
ptc_os_setregs(pid_t pid, const void *buf, size_t len)
{
	struct iovec iov = { (void *)buf, len };

	if (ptrace(PTRACE_SETREGSET, pid, (void *)NT_PRSTATUS, &iov) != 0)
		return ptc_fail(errno, "set registers of task %d: %s",
		    (int)pid, strerror(errno));
	return 0;
}

int
ptc_os_set_sysnr(pid_t pid, int64_t nr)
{
	/* The kernel's NT_ARM_SYSTEM_CALL is an int: -1 is "no syscall". */
	int32_t n = (int32_t)nr;
	struct iovec iov = { &n, sizeof(n) };

#if defined(__arm__)
	/* arm keeps the number under way apart from r7, unnamed. */
	(void)iov;
	if (ptrace(PTRACE_SET_SYSCALL, pid, 0, (void *)(intptr_t)n) != 0)
		return ptc_fail(errno, "set the syscall number of task %d: %s",
		    (int)pid, strerror(errno));
	return 0;
#endif
	if (ptc_arch_sysnr_regset == 0)
		return ptc_fail(ENOTSUP, "task %d: the syscall number is a "
		    "general register", (int)pid);
	if (ptrace(PTRACE_SETREGSET, pid,
	    (void *)(uintptr_t)ptc_arch_sysnr_regset, &iov) != 0)
		return ptc_fail(errno, "set the syscall number of task %d: %s",
		    (int)pid, strerror(errno));
	return 0;
}

int
ptc_os_peek(pid_t pid, uint64_t addr, unsigned long *word)
{
	errno = 0;
	*word = (unsigned long)ptrace(PTRACE_PEEKDATA, pid,
	    (void *)(uintptr_t)addr, 0);
	return errno == 0 ? 0 : -1;
}

int
ptc_os_poke(pid_t pid, uint64_t addr, unsigned long word)
{
	return ptrace(PTRACE_POKEDATA, pid, (void *)(uintptr_t)addr,
	    (void *)word) == 0 ? 0 : -1;
}

int
ptc_os_syscall_info(pid_t pid, struct ptc_scinfo *out)
{
	struct __ptrace_syscall_info si;
	long n;
	int i;

	memset(&si, 0, sizeof(si));
	n = ptrace(PTRACE_GET_SYSCALL_INFO, pid, (void *)sizeof(si), &si);
	if (n < 0)
		return ptc_fail(errno, "syscall info of task %d: %s",
		    (int)pid, strerror(errno));
	memset(out, 0, sizeof(*out));
	out->arch = si.arch;
	out->pc = si.instruction_pointer;
	out->sp = si.stack_pointer;
	switch (si.op) {
	case PTRACE_SYSCALL_INFO_ENTRY:
		out->op = PTC_SC_ENTRY;
		out->nr = si.entry.nr;
		for (i = 0; i < 6; i++)
			out->args[i] = si.entry.args[i];
		break;
	case PTRACE_SYSCALL_INFO_SECCOMP:
		out->op = PTC_SC_SECCOMP;
		out->nr = si.seccomp.nr;
		for (i = 0; i < 6; i++)
			out->args[i] = si.seccomp.args[i];
		break;
	case PTRACE_SYSCALL_INFO_EXIT:
		out->op = PTC_SC_EXIT;
		out->rval = si.exit.rval;
		out->is_error = si.exit.is_error;
		break;
	default:
		out->op = PTC_SC_NONE;
		break;
	}
	return 0;
}
