/*
 * trace_path.c: strace's -P PATH.  Only syscalls that use one of the
 * given paths are shown: a path argument equal to a given path or to
 * what it resolves to, or a descriptor argument whose /proc/PID/fd link
 * names one.  Which arguments are paths and which descriptors follows
 * strace 6.1's list of special cases (dirfd and path pairs, mmap's
 * descriptor, select and poll sets, ...); the rest of the file syscalls
 * are looked at by their first argument as a path, the rest of the
 * descriptor and network ones by their first argument as a descriptor.
 * The kind of each syscall is found by name once per arch.
 */
#include <linux/audit.h>

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "sc_priv.h"
#include "trace_int.h"

/* Which arguments of a syscall name paths and descriptors. */
enum kind {
	K_NONE,         /* none, or none strace looks at */
	K_PATH0,        /* path, ... */
	K_FD0,          /* fd, ... */
	K_FD0_FD1,      /* fd, fd */
	K_FD0_PATH1,    /* dirfd, path */
	K_PATH0_PATH1,  /* path, path */
	K_PATH1,        /* x, path */
	K_FDPATH2,      /* dirfd, path, dirfd, path */
	K_FD4,          /* mmap: x, x, x, x, fd */
	K_OLDMMAP,      /* i386 mmap: the arguments are in memory */
	K_FD1_PATH2,    /* symlinkat: x, dirfd, path */
	K_FD0_FD2,      /* fd, x, fd */
	K_FD2,          /* epoll_ctl: x, x, fd */
	K_FANOTIFY,     /* x, x, 64-bit mask, dirfd, path */
	K_SELECT,       /* nfds and three fd_sets */
	K_OLDSELECT,    /* i386 select: its arguments in memory */
	K_POLL,         /* an array of struct pollfd */
	K_FSCONFIG,     /* a path or a descriptor, by command */
};

static const struct {
	const char *name;
	enum kind kind;
} special[] = {
	{ "dup2", K_FD0_FD1 }, { "dup3", K_FD0_FD1 },
	{ "kexec_file_load", K_FD0_FD1 }, { "sendfile", K_FD0_FD1 },
	{ "sendfile64", K_FD0_FD1 }, { "tee", K_FD0_FD1 },
	{ "execveat", K_FD0_PATH1 }, { "faccessat", K_FD0_PATH1 },
	{ "faccessat2", K_FD0_PATH1 }, { "fchmodat", K_FD0_PATH1 },
	{ "fchownat", K_FD0_PATH1 }, { "fspick", K_FD0_PATH1 },
	{ "fstatat64", K_FD0_PATH1 }, { "futimesat", K_FD0_PATH1 },
	{ "inotify_add_watch", K_FD0_PATH1 }, { "mkdirat", K_FD0_PATH1 },
	{ "mknodat", K_FD0_PATH1 }, { "mount_setattr", K_FD0_PATH1 },
	{ "name_to_handle_at", K_FD0_PATH1 }, { "newfstatat", K_FD0_PATH1 },
	{ "open_tree", K_FD0_PATH1 }, { "openat", K_FD0_PATH1 },
	{ "openat2", K_FD0_PATH1 }, { "readlinkat", K_FD0_PATH1 },
	{ "statx", K_FD0_PATH1 }, { "unlinkat", K_FD0_PATH1 },
	{ "utimensat", K_FD0_PATH1 }, { "utimensat_time64", K_FD0_PATH1 },
	{ "link", K_PATH0_PATH1 }, { "mount", K_PATH0_PATH1 },
	{ "pivot_root", K_PATH0_PATH1 },
	{ "quotactl", K_PATH1 }, { "symlink", K_PATH1 },
	{ "linkat", K_FDPATH2 }, { "move_mount", K_FDPATH2 },
	{ "renameat", K_FDPATH2 }, { "renameat2", K_FDPATH2 },
	{ "mmap", K_FD4 }, { "mmap2", K_FD4 },
	{ "symlinkat", K_FD1_PATH2 },
	{ "copy_file_range", K_FD0_FD2 }, { "splice", K_FD0_FD2 },
	{ "epoll_ctl", K_FD2 },
	{ "fanotify_mark", K_FANOTIFY },
	{ "select", K_SELECT }, { "_newselect", K_SELECT },
	{ "pselect6", K_SELECT }, { "pselect6_time64", K_SELECT },
	{ "poll", K_POLL }, { "ppoll", K_POLL }, { "ppoll_time64", K_POLL },
	{ "fsconfig", K_FSCONFIG },
	/* Descriptor or network calls with nothing strace looks at. */
	{ "accept", K_NONE }, { "accept4", K_NONE }, { "bpf", K_NONE },
	{ "epoll_create", K_NONE }, { "epoll_create1", K_NONE },
	{ "eventfd", K_NONE }, { "eventfd2", K_NONE },
	{ "fanotify_init", K_NONE }, { "fsmount", K_NONE },
	{ "fsopen", K_NONE }, { "inotify_init", K_NONE },
	{ "inotify_init1", K_NONE }, { "io_uring_enter", K_NONE },
	{ "io_uring_register", K_NONE }, { "io_uring_setup", K_NONE },
	{ "landlock_add_rule", K_NONE }, { "landlock_create_ruleset", K_NONE },
	{ "landlock_restrict_self", K_NONE }, { "memfd_create", K_NONE },
	{ "memfd_secret", K_NONE }, { "mq_getsetattr", K_NONE },
	{ "mq_notify", K_NONE }, { "mq_open", K_NONE },
	{ "mq_timedreceive", K_NONE }, { "mq_timedreceive_time64", K_NONE },
	{ "mq_timedsend", K_NONE }, { "mq_timedsend_time64", K_NONE },
	{ "perf_event_open", K_NONE }, { "pidfd_open", K_NONE },
	{ "pipe", K_NONE }, { "pipe2", K_NONE }, { "signalfd", K_NONE },
	{ "signalfd4", K_NONE }, { "socket", K_NONE },
	{ "socketpair", K_NONE }, { "timerfd_create", K_NONE },
	{ "timerfd_gettime", K_NONE }, { "timerfd_gettime64", K_NONE },
	{ "timerfd_settime", K_NONE }, { "timerfd_settime64", K_NONE },
	{ "userfaultfd", K_NONE },
};

static enum kind
kind_of(uint32_t arch, uint64_t nr)
{
	const char *name = ptc_sc_name(arch, nr);
	unsigned cl = ptc_sc_classes(arch, nr);
	size_t i;

	if (name == NULL || !(cl & (PTC_SCC_FILE | PTC_SCC_DESC |
	    PTC_SCC_NETWORK)))
		return K_NONE;
	/* i386's first mmap and select take their arguments in memory. */
	if (arch == AUDIT_ARCH_I386 && strcmp(name, "mmap") == 0)
		return K_OLDMMAP;
	if (arch == AUDIT_ARCH_I386 && strcmp(name, "select") == 0)
		return K_OLDSELECT;
	for (i = 0; i < sizeof(special) / sizeof(special[0]); i++)
		if (strcmp(name, special[i].name) == 0)
			return special[i].kind;
	return cl & PTC_SCC_FILE ? K_PATH0 : K_FD0;
}

static int
known(const struct ptc__pathset *ps, const char *path)
{
	size_t i;

	for (i = 0; i < ps->n; i++)
		if (strcmp(ps->paths[i], path) == 0)
			return 1;
	return 0;
}

/* Keep path (taken over) unless it is there already. */
static int
store(struct ptc__pathset *ps, char *path)
{
	char **np;

	if (known(ps, path)) {
		free(path);
		return 0;
	}
	if ((np = realloc(ps->paths, (ps->n + 1) * sizeof(*np))) == NULL) {
		free(path);
		return -1;
	}
	ps->paths = np;
	ps->paths[ps->n++] = path;
	return 0;
}

int
ptc__pathset_add(struct ptc__pathset *ps, const char *path)
{
	char *p;

	if (ps->ngiven == PTC__PATHS_MAX)
		return ptc_fail(E2BIG, "too many paths for -P (at most %d)",
		    PTC__PATHS_MAX);
	if ((p = strdup(path)) == NULL || store(ps, p) != 0)
		return ptc_fail(ENOMEM, "%s", strerror(ENOMEM));
	ps->ngiven++;
	ps->resolved = 0;
	return 0;
}

void
ptc__pathset_resolve(struct ptc__pathset *ps, int quiet, int xstyle)
{
	size_t i, n = ps->n;
	char *r;

	if (ps->resolved)
		return;
	ps->resolved = 1;
	for (i = ps->checked; i < n; i++) {
		if ((r = realpath(ps->paths[i], NULL)) == NULL)
			continue;
		if (strcmp(r, ps->paths[i]) == 0) {
			free(r);
			continue;
		}
		if (!quiet) {
			fflush(stderr);
			fprintf(stderr, "%s: Requested path ", getprogname());
			ptc_escape(stderr, ps->paths[i],
			    strlen(ps->paths[i]), xstyle);
			fputs(" resolved into ", stderr);
			ptc_escape(stderr, r, strlen(r), xstyle);
			fputc('\n', stderr);
		}
		store(ps, r);
	}
	/* The resolutions just stored are their own real paths. */
	ps->checked = ps->n;
}

void
ptc__pathset_free(struct ptc__pathset *ps)
{
	size_t i;

	for (i = 0; i < ps->n; i++)
		free(ps->paths[i]);
	free(ps->paths);
	for (i = 0; i < PTC__NARCH; i++)
		free(ps->map[i].kind);
	memset(ps, 0, sizeof(*ps));
}

/* The path argument at addr is one of the set. */
static int
upath(const struct ptc__pathset *ps, pid_t pid, uint64_t addr)
{
	char buf[PATH_MAX + 2];
	ssize_t n;
	int trunc = 0;

	/* strace takes at most PATH_MAX bytes and the NUL. */
	if (addr == 0)
		return 0;
	n = ptc_mem_read_str(pid, addr, buf, PATH_MAX + 1, &trunc);
	/* "" is a path too: -P '' shows the AT_EMPTY_PATH calls. */
	return n >= 0 && !trunc && known(ps, buf);
}

/* The descriptor names a path of the set. */
static int
fdpath(const struct ptc__pathset *ps, pid_t pid, int64_t fd)
{
	char buf[PATH_MAX + 1];

	return ptc_os_fdpath_live(pid, (int)fd, buf, sizeof(buf)) == 0 &&
	    known(ps, buf);
}

/* Arguments a syscall takes from memory (i386's oldest mmap, select). */
static int
indirect(pid_t pid, uint64_t addr, uint64_t *out, int n)
{
	uint32_t w[6];
	int i;

	if (addr == 0 || ptc_mem_read(pid, addr, w, (size_t)n * 4,
	    PTC_MEM_AUTO) != (ssize_t)n * 4)
		return -1;
	for (i = 0; i < n; i++)
		out[i] = w[i];
	return 0;
}

static int
fdsets(const struct ptc__pathset *ps, pid_t pid, int ws, const uint64_t *a)
{
	int nfds = (int)a[0], i, j;
	size_t size;
	unsigned char *set;

	if (nfds <= 0)
		return 0;
	if (nfds > 1024 * 1024)
		nfds = 1024 * 1024;
	size = ((size_t)(nfds + 7) / 8 + ws - 1) & ~(size_t)(ws - 1);
	if ((set = malloc(size)) == NULL)
		return 0;
	for (i = 1; i <= 3; i++) {
		if (a[i] == 0 || ptc_mem_read(pid, a[i], set, size,
		    PTC_MEM_AUTO) != (ssize_t)size)
			continue;
		for (j = 0; j < nfds; j++)
			if ((set[j / 8] >> (j % 8) & 1) && fdpath(ps, pid, j)) {
				free(set);
				return 1;
			}
	}
	free(set);
	return 0;
}

static int
pollfds(const struct ptc__pathset *ps, pid_t pid, uint64_t addr,
    uint64_t nfds)
{
	int32_t v[2 * 256];
	uint64_t done = 0;
	ssize_t got;
	size_t i, want;

	nfds &= 0xffffffffu;
	if (nfds > 1024 * 1024)
		nfds = 1024 * 1024;
	if (addr + nfds * 8 < addr)
		return 0;
	/* Element by element in effect: a short read ends at the last one. */
	while (done < nfds) {
		want = nfds - done < 256 ? (size_t)(nfds - done) : 256;
		got = ptc_mem_read(pid, addr + done * 8, v, want * 8,
		    PTC_MEM_AUTO);
		if (got <= 0)
			return 0;
		for (i = 0; i < (size_t)got / 8; i++)
			if (fdpath(ps, pid, v[2 * i]))
				return 1;
		if ((size_t)got < want * 8)
			return 0;
		done += want;
	}
	return 0;
}

static const uint8_t *
kinds(struct ptc__pathset *ps, uint32_t arch, size_t *np)
{
	size_t i, nr;

	for (i = 0; i < PTC__NARCH; i++)
		if (ps->map[i].kind != NULL && ps->map[i].arch == arch)
			break;
	if (i == PTC__NARCH) {
		for (i = 0; i < PTC__NARCH && ps->map[i].kind != NULL; i++)
			;
		if (i == PTC__NARCH)
			return NULL;
		ps->map[i].n = (size_t)ptc_sc_count(arch);
		if ((ps->map[i].kind = malloc(ps->map[i].n + 1)) == NULL)
			return NULL;
		ps->map[i].arch = arch;
		for (nr = 0; nr < ps->map[i].n; nr++)
			ps->map[i].kind[nr] = (uint8_t)kind_of(arch, nr);
	}
	*np = ps->map[i].n;
	return ps->map[i].kind;
}

int
ptc__pathset_match(struct ptc__pathset *ps, pid_t pid, uint32_t arch,
    uint64_t nr, const uint64_t a[6])
{
	const uint8_t *k;
	uint64_t ind[6];
	size_t n;
	int ws = (arch & __AUDIT_ARCH_64BIT) ? 8 : 4;

	if ((k = kinds(ps, arch, &n)) == NULL || nr >= n)
		return 0;
	switch ((enum kind)k[nr]) {
	case K_NONE:
		return 0;
	case K_PATH0:
		return upath(ps, pid, a[0]);
	case K_FD0:
		return fdpath(ps, pid, a[0]);
	case K_FD0_FD1:
		return fdpath(ps, pid, a[0]) || fdpath(ps, pid, a[1]);
	case K_FD0_PATH1:
		return fdpath(ps, pid, a[0]) || upath(ps, pid, a[1]);
	case K_PATH0_PATH1:
		return upath(ps, pid, a[0]) || upath(ps, pid, a[1]);
	case K_PATH1:
		return upath(ps, pid, a[1]);
	case K_FDPATH2:
		return fdpath(ps, pid, a[0]) || fdpath(ps, pid, a[2]) ||
		    upath(ps, pid, a[1]) || upath(ps, pid, a[3]);
	case K_FD4:
		return fdpath(ps, pid, a[4]);
	case K_OLDMMAP:
		return indirect(pid, a[0], ind, 6) == 0 &&
		    fdpath(ps, pid, ind[4]);
	case K_FD1_PATH2:
		return fdpath(ps, pid, a[1]) || upath(ps, pid, a[2]);
	case K_FD0_FD2:
		return fdpath(ps, pid, a[0]) || fdpath(ps, pid, a[2]);
	case K_FD2:
		return fdpath(ps, pid, a[2]);
	case K_FANOTIFY:
		/* The 64-bit mask takes two arguments on a 32-bit ABI. */
		if (ws == 4)
			return fdpath(ps, pid, a[4]) || upath(ps, pid, a[5]);
		return fdpath(ps, pid, a[3]) || upath(ps, pid, a[4]);
	case K_SELECT:
		return fdsets(ps, pid, ws, a);
	case K_OLDSELECT:
		return indirect(pid, a[0], ind, 5) == 0 &&
		    fdsets(ps, pid, ws, ind);
	case K_POLL:
		return pollfds(ps, pid, a[0], a[1]);
	case K_FSCONFIG:
		switch ((unsigned)a[1]) {
		case 3:         /* FSCONFIG_SET_PATH */
		case 4:         /* FSCONFIG_SET_PATH_EMPTY */
			return fdpath(ps, pid, a[4]) || upath(ps, pid, a[3]);
		case 5:         /* FSCONFIG_SET_FD */
			return fdpath(ps, pid, a[4]);
		}
		return 0;
	}
	return 0;
}
