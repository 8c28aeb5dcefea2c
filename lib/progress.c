/*
 * progress.c: a one-line progress report on stderr for long work.  It
 * only ever writes to a terminal that the process has in the foreground,
 * waits a moment before the first line so short work shows nothing,
 * redraws at most ten times a second, and blanks the line at the end, so
 * what follows on stderr (and all output to files and pipes) is as if
 * there had been no progress report at all.
 */
#include <sys/ioctl.h>

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "internal.h"

#define FIRST_NS    250000000LL /* quiet for the first quarter second */
#define INTERVAL_NS 100000000LL /* then at most ten lines a second */

struct ptc_progress {
	char what[48];
	uint64_t total;
	unsigned flags;
	int live;          /* writing to a foreground terminal */
	int64_t start_ns;
	int64_t next_ns;   /* no redraw before this */
	size_t shown;      /* columns on the line now */
};

/* The report being shown, blanked at exit if the tool did not end it. */
static struct ptc_progress *showing;
static int atexit_done;

static int64_t
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void
put(const char *s, size_t n)
{
	ssize_t w;
	int saved = errno;

	while (n > 0) {
		w = write(STDERR_FILENO, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		s += w;
		n -= (size_t)w;
	}
	errno = saved;
}

static void
blank(struct ptc_progress *p)
{
	char buf[512];
	size_t n = p->shown < sizeof(buf) - 2 ? p->shown : sizeof(buf) - 2;

	if (p->shown == 0)
		return;
	buf[0] = '\r';
	memset(buf + 1, ' ', n);
	buf[n + 1] = '\r';
	put(buf, n + 2);
	p->shown = 0;
}

static void
blank_at_exit(void)
{
	if (showing != NULL)
		blank(showing);
}

/* Columns of the terminal on stderr, one less so the line never wraps. */
static size_t
width(void)
{
	struct winsize ws;

	if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 1)
		return ws.ws_col - 1u;
	return 79;
}

static void
fmt_count(char *buf, size_t len, uint64_t n, unsigned flags)
{
	static const char *const unit[] = { "KiB", "MiB", "GiB", "TiB" };
	double v = (double)n;
	size_t u = 0;

	if (!(flags & PTC_PROGRESS_BYTES)) {
		snprintf(buf, len, "%" PRIu64, n);
		return;
	}
	if (n < 1024) {
		snprintf(buf, len, "%" PRIu64 " B", n);
		return;
	}
	v /= 1024;
	while (v >= 1024 && u < sizeof(unit) / sizeof(unit[0]) - 1) {
		v /= 1024;
		u++;
	}
	snprintf(buf, len, "%.1f %s", v, unit[u]);
}

struct ptc_progress *
ptc_progress_new(const char *what, uint64_t total, unsigned flags)
{
	struct ptc_progress *p;
	pid_t fg;

	if ((p = calloc(1, sizeof(*p))) == NULL)
		return NULL;
	snprintf(p->what, sizeof(p->what), "%s", what != NULL ? what : "");
	p->total = total;
	p->flags = flags;
	fg = tcgetpgrp(STDERR_FILENO);
	/* A background job keeps quiet: its terminal belongs to another. */
	p->live = isatty(STDERR_FILENO) && fg != -1 && fg == getpgrp();
	p->start_ns = now_ns();
	p->next_ns = p->start_ns + FIRST_NS;
	return p;
}

void
ptc_progress_update(struct ptc_progress *p, uint64_t done)
{
	char line[512], a[32], b[32];
	size_t n, w, shown;
	int64_t t;
	int len;

	if (p == NULL || !p->live)
		return;
	t = now_ns();
	if (t < p->next_ns)
		return;
	p->next_ns = t + INTERVAL_NS;
	fmt_count(a, sizeof(a), done, p->flags);
	if (p->total > 0) {
		fmt_count(b, sizeof(b), p->total, p->flags);
		len = snprintf(line + 1, sizeof(line) - 1, "%s: %s %s of %s (%u%%)",
		    getprogname(), p->what, a, b, (unsigned)(done >= p->total ? 100 :
		    (done * 100.0) / (double)p->total));
	} else
		len = snprintf(line + 1, sizeof(line) - 1, "%s: %s %s",
		    getprogname(), p->what, a);
	if (len < 0)
		return;
	n = (size_t)len < sizeof(line) - 1 ? (size_t)len : sizeof(line) - 2;
	w = width();
	if (n > w)
		n = w;
	shown = n;
	/* Cover what is left of a longer previous line. */
	while (n < p->shown && n + 1 < sizeof(line))
		line[1 + n++] = ' ';
	line[0] = '\r';
	put(line, n + 1);
	p->shown = n > shown ? n : shown;
	if (!atexit_done) {
		atexit(blank_at_exit);
		atexit_done = 1;
	}
	showing = p;
}

void
ptc_progress_end(struct ptc_progress *p)
{
	if (p == NULL)
		return;
	blank(p);
	if (showing == p)
		showing = NULL;
	free(p);
}
