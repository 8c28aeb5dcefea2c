/*
 * pidguard.c: a handle on a process that outlives its PID (a pidfd),
 * so a tool that looked at a process and then waited (for input, for a
 * FIFO) can tell that the PID now names another process before it
 * writes into it.
 */
#include <sys/syscall.h>
#include <sys/types.h>

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include "os.h"

int
ptc_os_pid_hold(pid_t pid)
{
#ifdef SYS_pidfd_open
	int fd = (int)syscall(SYS_pidfd_open, pid, 0);

	if (fd < 0)
		return ptc_fail(errno, "process %d: %s", (int)pid,
		    errno == ESRCH ? "no such process" : "cannot hold it");
	return fd;
#else
	(void)pid;
	return ptc_fail(ENOSYS, "no pidfd on this system");
#endif
}

int
ptc_os_pid_alive(int fd)
{
#ifdef SYS_pidfd_send_signal
	if (fd < 0)
		return 0;
	if (syscall(SYS_pidfd_send_signal, fd, 0, NULL, 0) != 0 &&
	    errno == ESRCH)
		return ptc_fail(ESRCH, "the process has exited");
#else
	(void)fd;
#endif
	return 0;
}

int
ptc_os_pid_ends(int fd, int ms)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };

	/* A pidfd polls readable once the whole process has exited. */
	return fd >= 0 && poll(&p, 1, ms) == 1;
}
