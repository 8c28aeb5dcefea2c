/*
 * procfs.c: facts about a process read from /proc: its state and kind
 * (stat), thread group (status), threads (task/), name (comm) and
 * mappings (maps).  Everything else in the library asks through these.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "os.h"
#include "linux.h"

#define PF_KTHREAD_FLAG 0x00200000 /* include/linux/sched.h */

int
ptc_os_proc_state(pid_t pid, struct ptc_os_pstate *st)
{
	char path[64], buf[1024], *p;
	unsigned long flags = 0;
	FILE *fp;
	size_t n;

	snprintf(path, sizeof(path), "/proc/%d/stat", ptc_os_procpid(pid));
	if ((fp = fopen(path, "re")) == NULL)
		return ptc_fail(ESRCH, "no such process %d", (int)pid);
	n = fread(buf, 1, sizeof(buf) - 1, fp);
	fclose(fp);
	buf[n] = '\0';
	/* comm may hold spaces and parentheses: parse after the last ')'. */
	if ((p = strrchr(buf, ')')) == NULL ||
	    sscanf(p + 1, " %c %*d %*d %*d %*d %*d %lu", &st->state,
	    &flags) != 2)
		return ptc_fail(ESRCH, "no such process %d", (int)pid);
	st->zombie = st->state == 'Z' || st->state == 'X';
	st->kthread = (flags & PF_KTHREAD_FLAG) != 0;
	/* 't' is a tracing stop, 'T' a group-stop (job control). */
	st->group_stopped = st->state == 'T';
	return 0;
}

int
ptc_os_status_int(pid_t pid, const char *field, int *val)
{
	char path[64], line[256];
	size_t n = strlen(field);
	FILE *fp;
	int found = -1;

	snprintf(path, sizeof(path), "/proc/%d/status", ptc_os_procpid(pid));
	if ((fp = fopen(path, "re")) == NULL)
		return -1;
	while (fgets(line, sizeof(line), fp) != NULL)
		if (strncmp(line, field, n) == 0 && line[n] == ':') {
			found = sscanf(line + n + 1, "%d", val) == 1 ? 0 : -1;
			break;
		}
	fclose(fp);
	return found;
}

pid_t
ptc_os_tgid(pid_t pid)
{
	int tgid = 0;

	/* /proc numbers the group leader its own way, as it does pid */
	if (ptc_os_status_int(pid, "Tgid", &tgid) != 0 || tgid <= 0 ||
	    (tgid = ptc_os_ourpid(tgid)) <= 0)
		return pid;
	return tgid;
}

ssize_t
ptc_os_threads(pid_t pid, pid_t **tids)
{
	char path[64];
	struct dirent *de;
	pid_t *v = NULL, *nv;
	size_t n = 0, cap = 0;
	DIR *d;

	snprintf(path, sizeof(path), "/proc/%d/task", ptc_os_procpid(pid));
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
		v[n++] = ptc_os_ourpid(atoi(de->d_name));
	}
	closedir(d);
	*tids = v;
	return (ssize_t)n;
}

int
ptc_os_comm(pid_t pid, char *buf, size_t len)
{
	char path[64];
	FILE *fp;
	size_t n;

	snprintf(path, sizeof(path), "/proc/%d/comm", ptc_os_procpid(pid));
	if ((fp = fopen(path, "re")) == NULL)
		return ptc_fail(ESRCH, "no such process %d", (int)pid);
	n = fread(buf, 1, len - 1, fp);
	fclose(fp);
	buf[n] = '\0';
	if (n > 0 && buf[n - 1] == '\n')
		buf[n - 1] = '\0';
	return 0;
}

/* The error of opening or reading pid's maps file, as a detail. */
static int
maps_fail(pid_t pid, const char *path, int e)
{
	if (e == ENOENT || e == ESRCH)
		return ptc_fail(ESRCH, "no such process %d", (int)pid);
	if (e == EACCES || e == EPERM)
		return ptc_fail(EPERM, "not allowed to read the mappings of "
		    "process %d", (int)pid);
	return ptc_fail(e, "%s: %s", path, strerror(e));
}

char *
ptc_os_maps_text(pid_t pid, size_t *lenp)
{
	char path[64], *buf = NULL, *nb;
	size_t len = 0, cap = 0, got;
	FILE *fp;
	int e;

	snprintf(path, sizeof(path), "/proc/%d/maps", ptc_os_procpid(pid));
	if ((fp = fopen(path, "re")) == NULL)
		return maps_fail(pid, path, errno), NULL;
	for (;;) {
		if (cap - len < 4096) {
			if ((nb = realloc(buf, cap ? cap * 2 : 65536)) == NULL) {
				free(buf);
				fclose(fp);
				return NULL;
			}
			buf = nb;
			cap = cap ? cap * 2 : 65536;
		}
		got = fread(buf + len, 1, cap - len, fp);
		len += got;
		if (got == 0)
			break;
	}
	if (ferror(fp)) {
		/* Reading the maps of a process that just died: ESRCH. */
		e = errno ? errno : EIO;
		free(buf);
		fclose(fp);
		if (e == ESRCH)
			return ptc_fail(ESRCH, "process %d exited", (int)pid),
			    NULL;
		return maps_fail(pid, path, e), NULL;
	}
	fclose(fp);
	if (len == 0) {
		/* Kernel threads and zombies have no mappings at all. */
		free(buf);
		return ptc_fail(ESRCH, "process %d has no memory mappings "
		    "(exited, zombie or kernel thread)", (int)pid), NULL;
	}
	*lenp = len;
	return buf;
}
