/*
 * fdpath.c: what a tracee's descriptor refers to, for strace's -y.
 */
#include <stdio.h>
#include <unistd.h>

#include "internal.h"
#include "sc_priv.h"

int
ptc__fdpath(pid_t pid, int fd, char *buf, size_t len)
{
	char link[64];
	ssize_t n;

	if (fd >= 0)
		snprintf(link, sizeof(link), "/proc/%d/fd/%d", (int)pid, fd);
	else
		snprintf(link, sizeof(link), "/proc/%d/cwd", (int)pid);
	n = readlink(link, buf, len - 1);
	if (n < 0)
		return -1;
	buf[n] = '\0';
	return 0;
}
