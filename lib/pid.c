/*
 * pid.c: facts about a process from /proc, checked before a tool
 * touches it, so "no such process", "zombie" and "kernel thread" each get
 * their own message.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define PF_KTHREAD_FLAG 0x00200000 /* include/linux/sched.h */

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
	char path[64], buf[1024], *p;
	unsigned long flags = 0;
	FILE *fp;
	size_t n;
	char state;

	if (pid <= 0)
		return ptc_fail(ESRCH, "invalid PID %d", (int)pid);
	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	if ((fp = fopen(path, "re")) == NULL)
		return ptc_fail(ESRCH, "no such process %d", (int)pid);
	n = fread(buf, 1, sizeof(buf) - 1, fp);
	fclose(fp);
	buf[n] = '\0';
	/* comm may hold spaces and parentheses: parse after the last ')'. */
	if ((p = strrchr(buf, ')')) == NULL ||
	    sscanf(p + 1, " %c %*d %*d %*d %*d %*d %lu", &state, &flags) != 2)
		return ptc_fail(ESRCH, "no such process %d", (int)pid);
	if (state == 'Z' || state == 'X')
		return ptc_fail(ESRCH, "process %d is a zombie", (int)pid);
	if (flags & PF_KTHREAD_FLAG)
		return ptc_fail(EPERM, "process %d is a kernel thread",
		    (int)pid);
	return 0;
}

ssize_t
ptc_pid_threads(pid_t pid, pid_t **tids)
{
	char path[64];
	struct dirent *de;
	pid_t *v = NULL, *nv;
	size_t n = 0, cap = 0;
	DIR *d;

	snprintf(path, sizeof(path), "/proc/%d/task", (int)pid);
	if ((d = opendir(path)) == NULL)
		return ptc_fail(ESRCH, "no such process %d", (int)pid);
	while ((de = readdir(d)) != NULL) {
		if (!isdigit((unsigned char)de->d_name[0]))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			if ((nv = reallocarray(v, cap, sizeof(*v))) == NULL) {
				free(v);
				closedir(d);
				return -1;
			}
			v = nv;
		}
		v[n++] = (pid_t)atoi(de->d_name);
	}
	closedir(d);
	*tids = v;
	return (ssize_t)n;
}

int
ptc_pid_comm(pid_t pid, char *buf, size_t len)
{
	char path[64];
	FILE *fp;
	size_t n;

	snprintf(path, sizeof(path), "/proc/%d/comm", (int)pid);
	if ((fp = fopen(path, "re")) == NULL)
		return ptc_fail(ESRCH, "no such process %d", (int)pid);
	n = fread(buf, 1, len - 1, fp);
	fclose(fp);
	buf[n] = '\0';
	if (n > 0 && buf[n - 1] == '\n')
		buf[n - 1] = '\0';
	return 0;
}
