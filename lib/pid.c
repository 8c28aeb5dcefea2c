/*
 * pid.c: PIDs from the command line, and facts about a process (from
 * the OS layer) checked before a tool touches it, so "no such process",
 * "zombie" and "kernel thread" each get their own message.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <unistd.h>

#include "internal.h"

int
ptc_pid_parse(const char *s, pid_t *pid)
{
	uint64_t v = 0; /* no wrap before the INT_MAX check on 32-bit */
	const char *p;

	if (s == NULL || *s == '\0')
		return ptc_fail(EINVAL, "empty PID");
	for (p = s; *p != '\0'; p++) {
		if (!isdigit((unsigned char)*p))
			return ptc_fail(EINVAL, "invalid PID '%s'", s);
		v = v * 10 + (unsigned long)(*p - '0');
		if (v > INT_MAX)
			return ptc_fail(EINVAL, "PID out of range '%s'", s);
	}
	if (v == 0)
		return ptc_fail(EINVAL, "invalid PID '%s'", s);
	*pid = (pid_t)v;
	return 0;
}

int
ptc_pid_check(pid_t pid)
{
	struct ptc_os_pstate st;

	if (pid <= 0)
		return ptc_fail(ESRCH, "invalid PID %d", (int)pid);
	if (ptc_os_proc_state(pid, &st) != 0)
		return -1;
	if (st.zombie)
		return ptc_fail(ESRCH, "process %d is a zombie", (int)pid);
	if (st.kthread)
		return ptc_fail(EPERM, "process %d is a kernel thread",
		    (int)pid);
	return 0;
}

ssize_t
ptc_pid_threads(pid_t pid, pid_t **tids)
{
	return ptc_os_threads(pid, tids);
}

int
ptc_pid_comm(pid_t pid, char *buf, size_t len)
{
	return ptc_os_comm(pid, buf, len);
}

struct ptc_elf *
ptc_pid_elf(pid_t pid)
{
	struct ptc_elf *e;
	char what[64];
	int fd;

	if ((fd = ptc_os_exe_open(pid)) == -1)
		return NULL;
	snprintf(what, sizeof(what), "executable of process %d", (int)pid);
	e = ptc_elf_open_fd(fd, what);
	close(fd);
	return e;
}

int
ptc_pid_hold(pid_t pid)
{
	return ptc_os_pid_hold(pid);
}

int
ptc_pid_alive(int fd)
{
	return ptc_os_pid_alive(fd);
}
