/*
 * pidns.c: process ids across pid namespaces.  A tracee in another pid
 * namespace numbers processes its own way; the tracer finds the process
 * an id names by reading the NSpid (NStgid, NSpgid, NSsid) lists of
 * /proc/PID/status, whose entries go from the namespace of our /proc
 * down to the process's own.  That is strace's -Y and
 * --decode-pids=pidns, and ptc_os_procpid(): a /proc mounted by an
 * ancestor namespace (unshare -p without --mount-proc) numbers even our
 * own tracees differently from us.
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
#include "linux.h"

/* Deepest nesting the kernel allows (MAX_PID_NS_LEVEL) plus ours. */
#define NS_LEVELS 34

int
ptc_os_comm_quiet(pid_t pid, char *buf, size_t len)
{
	char path[64];
	size_t n;
	FILE *fp;

	buf[0] = '\0';
	snprintf(path, sizeof(path), "/proc/%d/comm", ptc_os_procpid(pid));
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
 * namespace ns, depth entries below /proc's; its id at depth out_depth
 * (ours, or /proc's with 0) in *outp.
 */
static int
match(const char *dir, int kind, pid_t id, ino_t ns, int depth,
    int out_depth, pid_t *outp)
{
	pid_t ids[NS_LEVELS];
	int n = ns_ids(dir, kind, ids);

	if (n <= depth || n <= out_depth || ids[depth] != id)
		return 0;
	if (!ns_is(dir, n - 1 - depth, ns))
		return 0;
	*outp = ids[out_depth];
	return 1;
}

/*
 * How many levels our pid namespace is below /proc's: 0 unless /proc
 * was mounted by an ancestor namespace; -1 until asked.  Neither it nor
 * our namespace changes for a process.
 */
static int proc_depth = -1;
static ino_t self_ns;

static int
our_depth(void)
{
	pid_t ids[NS_LEVELS];
	int n;

	if (proc_depth < 0) {
		self_ns = ns_ino("/proc/self/ns/pid");
		n = ns_ids("/proc/self", PTC_OS_PID_TID, ids);
		proc_depth = n > 1 ? n - 1 : 0;
	}
	return proc_depth;
}

/*
 * Scan /proc for a task numbered id (of kind) in the namespace ns, depth
 * levels below /proc's: its /proc entry, or 0; its id for us in *outp.  A thread id is looked
 * for among the processes first (most tracees lead their thread group),
 * then among all threads.
 */
static pid_t
scan(int kind, pid_t id, ino_t ns, int depth, pid_t *outp)
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
		if (match(dir, kind, id, ns, depth, our_depth(), outp))
			out = (pid_t)atoi(e->d_name);
	}
	if (out != 0 || kind != PTC_OS_PID_TID) {
		closedir(d);
		return out;
	}
	rewinddir(d);
	while (out == 0 && (e = readdir(d)) != NULL) {
		if (!isdigit((unsigned char)e->d_name[0]))
			continue;
		snprintf(dir, sizeof(dir), "/proc/%s", e->d_name);
		snprintf(tdir, sizeof(tdir), "%s/task", dir);
		if ((td = opendir(tdir)) == NULL)
			continue;
		while (out == 0 && (te = readdir(td)) != NULL) {
			if (!isdigit((unsigned char)te->d_name[0]))
				continue;
			snprintf(tdir, sizeof(tdir), "%s/task/%s", dir,
			    te->d_name);
			if (match(tdir, kind, id, ns, depth, our_depth(),
			    outp))
				out = (pid_t)atoi(te->d_name);
		}
		closedir(td);
	}
	closedir(d);
	return out;
}

/*
 * The last answers, checked again before use (the process may be gone
 * and its number reused): a tracee asks about the same few ids, our
 * /proc paths name the same few tasks, and a /proc scan reads every
 * process's status.
 */
#define CACHE 64
static struct {
	ino_t ns;
	int kind;
	pid_t id, procpid;
} cache[CACHE];
static unsigned cache_next;

/*
 * The task numbered id (of kind) in the namespace ns, depth levels below
 * /proc's: its id for us, 0 if there is none; its /proc entry (for a
 * group or session, a member's) in *procp.
 */
static pid_t
lookup(int kind, pid_t id, ino_t ns, int depth, pid_t *procp)
{
	char dir[64];
	pid_t out = 0, procpid;
	unsigned i;

	for (i = 0; i < CACHE; i++) {
		if (cache[i].ns != ns || cache[i].kind != kind ||
		    cache[i].id != id)
			continue;
		snprintf(dir, sizeof(dir), "/proc/%d", (int)cache[i].procpid);
		if (match(dir, kind, id, ns, depth, our_depth(), &out)) {
			*procp = cache[i].procpid;
			return out;
		}
		cache[i].ns = 0;
	}
	if ((procpid = scan(kind, id, ns, depth, &out)) == 0)
		return 0;
	i = cache_next++ % CACHE;
	cache[i].ns = ns;
	cache[i].kind = kind;
	cache[i].id = id;
	cache[i].procpid = procpid;
	*procp = procpid;
	return out;
}

int
ptc_os_procpid(pid_t pid)
{
	pid_t procpid = 0;

	if (pid <= 0 || our_depth() == 0)
		return (int)pid;
	if (self_ns == 0 ||
	    lookup(PTC_OS_PID_TID, pid, self_ns, our_depth(), &procpid) == 0)
		return 0;
	return (int)procpid;
}

int
ptc_os_procpid_safe(pid_t pid)
{
	unsigned i;

	if (pid <= 0 || proc_depth <= 0)
		return (int)pid;
	for (i = 0; i < CACHE; i++)
		if (cache[i].ns != 0 && cache[i].kind == PTC_OS_PID_TID &&
		    cache[i].id == pid && cache[i].ns == self_ns)
			return (int)cache[i].procpid;
	return 0;
}

pid_t
ptc_os_ourpid(int procpid)
{
	char dir[64];
	pid_t ids[NS_LEVELS];
	int depth = our_depth();

	if (depth == 0 || procpid <= 0)
		return procpid;
	snprintf(dir, sizeof(dir), "/proc/%d", procpid);
	return ns_ids(dir, PTC_OS_PID_TID, ids) > depth ? ids[depth] : 0;
}

pid_t
ptc_os_pid_translate(pid_t task, pid_t id, int kind)
{
	char dir[64];
	pid_t ids[NS_LEVELS], procpid;
	ino_t ns, self;
	int n, ptask;

	if (id <= 0 || kind < 0 || kind > PTC_OS_PID_SID)
		return 0;
	if (task <= 0)
		return id;
	ptask = ptc_os_procpid(task);
	snprintf(dir, sizeof(dir), "/proc/%d/ns/pid", ptask);
	ns = ns_ino(dir);
	(void)our_depth();      /* ours does not change: read once */
	self = self_ns;
	if (ns == 0 || self == 0)
		return 0;
	if (ns == self)
		return id;
	/* The task's own namespace is the last entry of its NSpid. */
	snprintf(dir, sizeof(dir), "/proc/%d", ptask);
	if ((n = ns_ids(dir, PTC_OS_PID_TID, ids)) < 2)
		return 0;
	return lookup(kind, id, ns, n - 1, &procpid);
}
