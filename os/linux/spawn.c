/*
 * spawn.c: starting a program for a tracer.  The child waits on a pipe
 * until the tracer has seized it, then sets up its descriptors, switches
 * user, installs the seccomp filter and execs, so the filter is in place
 * from the program's first instruction and the tracer sees the execve
 * itself.  Also the PATH search that finds the program first, and the
 * wait for its end.
 */
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

#include "os.h"

extern char **environ;

static void
child_exec(const struct ptc_os_spawn_opts *o, int rfd)
{
	char go;
	ssize_t n;

	do
		n = read(rfd, &go, 1);
	while (n == -1 && errno == EINTR);
	if (n != 1)
		_exit(127);
	close(rfd);
	if (o->stdin_fd >= 0)
		dup2(o->stdin_fd, 0);
	if (o->stdout_fd >= 0)
		dup2(o->stdout_fd, 1);
	if (o->stderr_fd >= 0)
		dup2(o->stderr_fd, 2);
	if (o->user != NULL && (initgroups(o->user, o->gid) == -1 ||
	    setgid(o->gid) == -1 || setuid(o->uid) == -1)) {
		fprintf(stderr, "%s: cannot switch to user %s: %s\n",
		    getprogname(), o->user, strerror(errno));
		_exit(127);
	}
	if (o->filter != NULL &&
	    ptc_os_seccomp_install(o->filter, o->filter_len) == -1) {
		fprintf(stderr, "%s: seccomp filter: %s\n", getprogname(),
		    strerror(errno));
		_exit(127);
	}
	if (o->stop_before_exec)
		raise(SIGSTOP);
	execve(o->path, o->argv, o->envp != NULL ? o->envp : environ);
	fprintf(stderr, "%s: exec: %s\n", getprogname(), strerror(errno));
	_exit(127);
}

pid_t
ptc_os_spawn(const struct ptc_os_spawn_opts *o, int *gofd)
{
	int fds[2], st, e;
	pid_t pid, mid;

	if (pipe2(fds, O_CLOEXEC) == -1)
		return -1;
	if (!o->detached) {
		pid = fork();
		if (pid == -1)
			goto fail;
		if (pid == 0) {
			close(fds[1]);
			child_exec(o, fds[0]);
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
		pid_t self = getpid(), gc = fork();

		if (gc != 0)
			_exit(gc == -1 ? 1 : 0);
		/*
		 * Attach only once the middle process is gone: its end sends
		 * the program a SIGCHLD, which the kernel drops while the
		 * program is untraced (ignored by default) but would show as
		 * the trace's first line once it is traced.
		 */
		while (getppid() == self)
			usleep(200);
		/* -DD: a process group of its own; -DDD: a session. */
		if (o->detached == 2)
			setpgid(0, 0);
		else if (o->detached >= 3)
			setsid();
		close(fds[0]);
		*gofd = fds[1];
		return pid;
	}
	close(fds[1]);
	while (waitpid(mid, &st, 0) == -1 && errno == EINTR)
		;
	child_exec(o, fds[0]);
	return -1;
fail:
	e = errno;
	close(fds[0]);
	close(fds[1]);
	errno = e;
	return -1;
}

char *
ptc_os_which(const char *prog)
{
	struct stat st;
	const char *path, *p, *e;
	char buf[PATH_MAX];
	int saved = ENOENT, n;

	if (strlen(prog) >= sizeof(buf)) {
		errno = ENAMETOOLONG;
		return NULL;
	}
	if (strchr(prog, '/') != NULL) {
		if (stat(prog, &st) == -1)
			return NULL;
		return strdup(prog);
	}
	/* glibc's execvp() default: confstr(_CS_PATH). */
	if ((path = getenv("PATH")) == NULL)
		path = "/bin:/usr/bin";
	for (p = path; ; p = e + 1) {
		e = strchrnul(p, ':');
		/* An empty entry is the current directory. */
		n = snprintf(buf, sizeof(buf), "%.*s%s%s", (int)(e - p), p,
		    e == p ? "" : "/", prog);
		if (n > 0 && (size_t)n < sizeof(buf) && stat(buf, &st) == 0 &&
		    !S_ISDIR(st.st_mode)) {
			if (access(buf, X_OK) == 0)
				return strdup(buf);
			saved = EACCES;
		}
		if (*e == '\0')
			break;
	}
	errno = saved;
	return NULL;
}

int
ptc_os_reap(pid_t pid, int *code, int *sig)
{
	int st;

	for (;;) {
		if (waitpid(pid, &st, __WALL) == -1)
			return -1;
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
