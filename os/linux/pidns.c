/*
 * pidns.c: process ids for strace's -Y and --decode-pids=pidns.  A
 * tracee in another pid namespace numbers processes its own way; the
 * tracer finds the process an id names by reading the NSpid (NStgid,
 * NSpgid, NSsid) lists of /proc/PID/status, whose entries go from the
 * namespace of our /proc down to the process's own.
 */
#include <sys/ioctl.h>
#include <sys/stat.h>

#include <linux/nsfs.h>

#include <ctype.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "os.h"

/* Deepest nesting the kernel allows (MAX_PID_NS_LEVEL) plus ours. */
#define NS_LEVELS 34

int
ptc_os_comm_quiet(pid_t pid, char *buf, size_t len)
{
	char path[64];
	size_t n;
	FILE *fp;

	buf[0] = '\0';
	snprintf(path, sizeof(path), "/proc/%d/comm", (int)pid);
	if ((fp = fopen(path, "re")) == NULL)
		return -1;
	if (fgets(buf, (int)len, fp) == NULL)
		buf[0] = '\0';
	fclose(fp);
	n = strlen(buf);
	while (n > 0 && buf[n - 1] == '\n')
		buf[--n] = '\0';
	return 0;
}

/* Inode of a namespace file, 0 if it cannot be read. */
static ino_t
ns_ino(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? st.st_ino : 0;
}

/*
 * The ids of kind from a status file (dir "/proc/PID" or
 * "/proc/PID/task/TID"), outermost first; how many, 0 if unreadable.
 */
static int
ns_ids(const char *dir, int kind, pid_t *ids)
{
	static const char *const keys[] = {
		"NSpid:", "NStgid:", "NSpgid:", "NSsid:"
	};
	char path[300], line[512], *p, *end;
	size_t klen = strlen(keys[kind]);
	int n = 0;
	long v;
	FILE *fp;

	snprintf(path, sizeof(path), "%s/status", dir);
	if ((fp = fopen(path, "re")) == NULL)
		return 0;
	while (fgets(line, sizeof(line), fp) != NULL) {
		if (strncmp(line, keys[kind], klen) != 0)
			continue;
		for (p = line + klen; n < NS_LEVELS; p = end) {
			v = strtol(p, &end, 10);
			if (end == p)
				break;
			ids[n++] = (pid_t)v;
		}
		break;
	}
	fclose(fp);
	return n;
}

/*
 * Whether the pid namespace of the task in dir, up levels, is the one
 * whose inode is want: the kernel walks up with NS_GET_PARENT.
 */
static int
ns_is(const char *dir, int up, ino_t want)
{
	char path[300];
	struct stat st;
	int fd, pfd, ok;

	snprintf(path, sizeof(path), "%s/ns/pid", dir);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return 0;
	for (; up > 0; up--) {
		pfd = ioctl(fd, NS_GET_PARENT);
		close(fd);
		if (pfd == -1)
			return 0;
		fd = pfd;
	}
	ok = fstat(fd, &st) == 0 && st.st_ino == want;
	close(fd);
	return ok;
}

/*
 * Whether dir's task is numbered id (of kind) at the depth of the
 * namespace ns, depth entries below ours; its id for us in *outp.
 */
static int
match(const char *dir, int kind, pid_t id, ino_t ns, int depth, pid_t *outp)
{
	pid_t ids[NS_LEVELS];
	int n = ns_ids(dir, kind, ids);

	if (n <= depth || ids[depth] != id)
		return 0;
	if (!ns_is(dir, n - 1 - depth, ns))
		return 0;
	*outp = ids[0];
	return 1;
}

/* Scan /proc (and the threads too for a thread id). */
static pid_t
scan(int kind, pid_t id, ino_t ns, int depth)
{
	char dir[300], tdir[600];
	struct dirent *e, *te;
	DIR *d, *td;
	pid_t out = 0;

	if ((d = opendir("/proc")) == NULL)
		return 0;
	while (out == 0 && (e = readdir(d)) != NULL) {
		if (!isdigit((unsigned char)e->d_name[0]))
			continue;
		snprintf(dir, sizeof(dir), "/proc/%s", e->d_name);
		if (kind != PTC_OS_PID_TID) {
			match(dir, kind, id, ns, depth, &out);
			continue;
		}
		snprintf(tdir, sizeof(tdir), "%s/task", dir);
		if ((td = opendir(tdir)) == NULL)
			continue;
		while (out == 0 && (te = readdir(td)) != NULL) {
			if (!isdigit((unsigned char)te->d_name[0]))
				continue;
			snprintf(tdir, sizeof(tdir), "%s/task/%s", dir,
			    te->d_name);
			match(tdir, kind, id, ns, depth, &out);
		}
		closedir(td);
	}
	closedir(d);
	return out;
}

/*
 * The last answers, checked again before use (the process may be gone
 * and its number reused): a tracee asks about the same few ids, and a
 * /proc scan reads every process's status.
 */
#define CACHE 16
static struct {
	ino_t ns;
	int kind;
	pid_t id, out;
} cache[CACHE];
static unsigned cache_next;

pid_t
ptc_os_pid_translate(pid_t task, pid_t id, int kind)
{
	char dir[64];
	pid_t ids[NS_LEVELS], out = 0;
	ino_t ns, self;
	int depth, n;
	unsigned i;

	if (id <= 0 || kind < 0 || kind > PTC_OS_PID_SID)
		return 0;
	if (task <= 0)
		return id;
	snprintf(dir, sizeof(dir), "/proc/%d/ns/pid", (int)task);
	ns = ns_ino(dir);
	self = ns_ino("/proc/self/ns/pid");
	if (ns == 0 || self == 0)
		return 0;
	if (ns == self)
		return id;
	/* The task's own namespace is the last entry of its NSpid. */
	snprintf(dir, sizeof(dir), "/proc/%d", (int)task);
	if ((n = ns_ids(dir, PTC_OS_PID_TID, ids)) < 2)
		return 0;
	depth = n - 1;
	for (i = 0; i < CACHE; i++) {
		if (cache[i].ns != ns || cache[i].kind != kind ||
		    cache[i].id != id)
			continue;
		if (kind == PTC_OS_PID_TID)
			snprintf(dir, sizeof(dir), "/proc/%d/task/%d",
			    (int)cache[i].out, (int)cache[i].out);
		else
			snprintf(dir, sizeof(dir), "/proc/%d",
			    (int)cache[i].out);
		if (match(dir, kind, id, ns, depth, &out))
			return out;
		cache[i].ns = 0;
	}
	if ((out = scan(kind, id, ns, depth)) != 0) {
		i = cache_next++ % CACHE;
		cache[i].ns = ns;
		cache[i].kind = kind;
		cache[i].id = id;
		cache[i].out = out;
	}
	return out;
}
