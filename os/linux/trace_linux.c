/*
 * trace_linux.c: starting a program for the tracer.  The child waits on
 * a pipe until the tracer has seized it, then switches user, installs
 * the seccomp filter and execs, so the filter is in place from the
 * program's first instruction and the tracer sees the execve itself.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sys/stat.h>
#include <sys/wait.h>

#include "internal.h"
#include "trace_int.h"

static void
child_exec(const struct ptc__child *c, int rfd)
{
	char go;
	ssize_t n;

	do
		n = read(rfd, &go, 1);
	while (n == -1 && errno == EINTR);
	if (n != 1)
		_exit(127);
	close(rfd);
	if (c->user != NULL) {
		if (initgroups(c->user, c->gid) == -1 || setgid(c->gid) == -1 ||
		    setuid(c->uid) == -1) {
			fprintf(stderr, "%s: cannot switch to user %s: %s\n",
			    getprogname(), c->user, strerror(errno));
			_exit(127);
		}
	}
	if (c->prog != NULL && ptc__seccomp_install(c->prog, c->proglen) == -1) {
		fprintf(stderr, "%s: seccomp filter: %s\n", getprogname(),
		    strerror(errno));
		_exit(127);
	}
	execve(c->path, c->argv, c->envp);
	fprintf(stderr, "%s: exec: %s\n", getprogname(), strerror(errno));
	_exit(127);
}

pid_t
ptc__trace_fork(const struct ptc__child *c, int *gofd)
{
	int fds[2];
	pid_t pid, mid;

	if (pipe2(fds, O_CLOEXEC) == -1)
		return -1;
	if (!c->detached) {
		pid = fork();
		if (pid == -1)
			goto fail;
		if (pid == 0) {
			close(fds[1]);
			child_exec(c, fds[0]);
		}
		close(fds[0]);
		*gofd = fds[1];
		return pid;
	}
	/*
	 * -D: this process becomes the program, so it keeps its pid and its
	 * parent; the tracer runs in a grandchild, not in the way of the
	 * program's children or its parent's wait().
	 */
	pid = getpid();
	mid = fork();
	if (mid == -1)
		goto fail;
	if (mid == 0) {
		pid_t gc = fork();

		if (gc != 0)
			_exit(gc == -1 ? 1 : 0);
		/* -DD: a process group of its own; -DDD: a session. */
		if (c->detached == 2)
			setpgid(0, 0);
		else if (c->detached >= 3)
			setsid();
		close(fds[0]);
		*gofd = fds[1];
		return pid;
	}
	close(fds[1]);
	int st;

	while (waitpid(mid, &st, 0) == -1 && errno == EINTR)
		;
	child_exec(c, fds[0]);
	return -1;
fail:
	close(fds[0]);
	close(fds[1]);
	return -1;
}

char *
ptc__trace_which(const char *prog)
{
	struct stat st;
	const char *path, *p, *e;
	char buf[PATH_MAX];
	int saved = ENOENT;

	if (strlen(prog) >= sizeof(buf)) {
		errno = ENAMETOOLONG;
		return NULL;
	}
	if (strchr(prog, '/') != NULL) {
		if (stat(prog, &st) == -1)
			return NULL;
		return strdup(prog);
	}
	path = getenv("PATH");
	if (path == NULL)
		path = "/usr/local/bin:/bin:/usr/bin";
	for (p = path; ; p = e + 1) {
		e = strchrnul(p, ':');
		int n = snprintf(buf, sizeof(buf), "%.*s%s%s", (int)(e - p), p,
		    e == p ? "" : "/", prog);

		if (n > 0 && (size_t)n < sizeof(buf) && stat(buf, &st) == 0 &&
		    S_ISREG(st.st_mode) && access(buf, X_OK) == 0)
			return strdup(buf);
		if (errno == EACCES)
			saved = EACCES;
		if (*e == '\0')
			break;
	}
	errno = saved;
	return NULL;
}

int
ptc__trace_reap(pid_t pid, int *code, int *sig)
{
	int st;

	for (;;) {
		if (waitpid(pid, &st, __WALL) == -1) {
			if (errno == EINTR && ptc_cleanup_pending() == 0)
				continue;
			return -1;
		}
		if (WIFEXITED(st)) {
			*code = WEXITSTATUS(st);
			return 0;
		}
		if (WIFSIGNALED(st)) {
			*sig = WTERMSIG(st);
			return 0;
		}
	}
}

/* The first field of /proc/PID/task/TID/syscall: a number, or not. */
static long
blocked_nr(pid_t pid, pid_t tid)
{
	char path[64], buf[32];
	long nr = -1;
	FILE *fp;

	snprintf(path, sizeof(path), "/proc/%d/task/%d/syscall", (int)pid,
	    (int)tid);
	if ((fp = fopen(path, "re")) == NULL)
		return -1;
	if (fgets(buf, sizeof(buf), fp) != NULL && buf[0] >= '0' &&
	    buf[0] <= '9')
		nr = strtol(buf, NULL, 10);
	fclose(fp);
	return nr;
}

size_t
ptc__trace_blocked(pid_t pid, pid_t **tidsp, long **nrp)
{
	char path[64];
	struct dirent *de;
	pid_t *tids = NULL, *t;
	long *nrs = NULL, *nr;
	size_t n = 0;
	DIR *dir;

	*tidsp = NULL;
	*nrp = NULL;
	snprintf(path, sizeof(path), "/proc/%d/task", (int)pid);
	if ((dir = opendir(path)) == NULL)
		return 0;
	while ((de = readdir(dir)) != NULL) {
		if (de->d_name[0] < '0' || de->d_name[0] > '9')
			continue;
		if ((t = reallocarray(tids, n + 1, sizeof(*t))) == NULL)
			break;
		tids = t;
		if ((nr = reallocarray(nrs, n + 1, sizeof(*nr))) == NULL)
			break;
		nrs = nr;
		tids[n] = (pid_t)strtol(de->d_name, NULL, 10);
		nrs[n] = blocked_nr(pid, tids[n]);
		n++;
	}
	closedir(dir);
	*tidsp = tids;
	*nrp = nrs;
	return n;
}
