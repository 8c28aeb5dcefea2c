/*
 * trace_out.c: where trace output goes (an -o file, an -o '|command'
 * pipe, -ff's files) without losing any of it in silence.  Each output
 * is a stdio stream over a writer that, when the system refuses the
 * bytes (ENOSPC, EPIPE, EIO), says so once on stderr at the first
 * failure, drops what it could not write, counts the lines dropped and
 * reports the count when the output is closed.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "internal.h"
#include "trace_int.h"

struct sink {
	int fd;
	pid_t cmd;	/* the '|command' of the output, or 0 */
	char *name;	/* as the user wrote it, for messages */
	int err;	/* the first write error, 0 for none */
	uint64_t lost;	/* lines dropped */
	int midline;	/* the data dropped last did not end a line */
};

static ssize_t
sink_write(void *cookie, const char *buf, size_t len)
{
	struct sink *k = cookie;
	size_t done = 0;

	while (k->err == 0 && done < len) {
		ssize_t n = write(k->fd, buf + done, len - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			k->err = n < 0 ? errno : EIO;
			fprintf(stderr, "%s: %s: %s\n", getprogname(),
			    k->name, strerror(k->err));
			break;
		}
		done += (size_t)n;
	}
	/* What was not written is dropped, counted in lines. */
	for (size_t i = done; i < len; i++) {
		if (buf[i] == '\n') {
			k->lost++;
			k->midline = 0;
		} else
			k->midline = 1;
	}
	return (ssize_t)len;
}

static int
sink_close(void *cookie)
{
	struct sink *k = cookie;
	int rc = 0;

	if (k->midline)
		k->lost++;
	if (k->lost > 0)
		fprintf(stderr, "%s: %s: %llu line%s of trace output lost\n",
		    getprogname(), k->name, (unsigned long long)k->lost,
		    k->lost == 1 ? "" : "s");
	rc = close(k->fd);
	/* The command sees the end of its input and ends (unless the
	 * tracer's wait reaped it already). */
	while (k->cmd > 0 && waitpid(k->cmd, NULL, 0) < 0 && errno == EINTR)
		continue;
	free(k->name);
	free(k);
	return rc;
}

/* A stream over fd (the command cmd reads, waited for at the close). */
static FILE *
sink_open(int fd, pid_t cmd, const char *name)
{
	static const cookie_io_functions_t io = {
		.write = sink_write, .close = sink_close
	};
	struct sink *k;
	FILE *fp;

	if ((k = calloc(1, sizeof(*k))) == NULL ||
	    (k->name = strdup(name)) == NULL) {
		free(k);
		return NULL;
	}
	k->fd = fd;
	k->cmd = cmd;
	if ((fp = fopencookie(k, "w", io)) == NULL) {
		free(k->name);
		free(k);
	}
	return fp;
}

/* Run "sh -c cmd" reading the pipe: the write end in *wfd, its pid. */
static pid_t
run_cmd(const char *cmd, int *wfd)
{
	char *argv[] = { "sh", "-c", (char *)cmd, NULL };
	struct ptc_os_spawn_opts o = {
		.path = "/bin/sh", .argv = argv, .stdout_fd = -1,
		.stderr_fd = -1,
	};
	int p[2], go, e;
	pid_t pid;

	/* CLOEXEC: the traced program must not inherit the pipe. */
	if (pipe2(p, O_CLOEXEC) != 0)
		return -1;
	o.stdin_fd = p[0];
	if ((pid = ptc_os_spawn(&o, &go)) < 0) {
		e = errno;
		close(p[0]);
		close(p[1]);
		errno = e;
		return -1;
	}
	close(p[0]);
	/* No tracing: let it go at once. */
	if (write(go, "", 1) != 1) {
		e = errno;
		close(go);
		close(p[1]);
		waitpid(pid, NULL, 0);
		errno = e;
		return -1;
	}
	close(go);
	*wfd = p[1];
	return pid;
}

FILE *
ptc__out_open(const char *name, int append, int *tty, pid_t *cmdpid)
{
	FILE *out;
	pid_t cmd = 0;
	int fd;

	if (name[0] == '|' || name[0] == '!') {
		if ((cmd = run_cmd(name + 1, &fd)) < 0)
			return NULL;
	} else {
		fd = open(name, O_WRONLY | O_CREAT | O_CLOEXEC |
		    (append ? O_APPEND : O_TRUNC), 0666);
		if (fd < 0)
			return NULL;
	}
	if (tty != NULL)
		*tty = isatty(fd);
	if (cmdpid != NULL)
		*cmdpid = cmd;
	if ((out = sink_open(fd, cmd, name)) == NULL) {
		int e = errno;

		close(fd);
		if (cmd > 0)
			waitpid(cmd, NULL, 0);
		errno = e;
	}
	return out;
}
