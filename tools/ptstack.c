/*
 * ptstack: print a backtrace of every thread of a live process, as
 * pstack does: a "thread TID COMM" line, then one line per frame with
 * its address, symbol+offset, module and, where DWARF knows it, the
 * source file and line.  Each thread is stopped only while its own
 * stack is read.
 */
#include <err.h>
#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ptcore.h"
#include "common/cli.h"

static const struct cli_opt opts[] = {
	{ 'a', "addresses", NULL,
	    "addresses and symbols only: no source lines, no inlined frames" },
	{ 'j', "json", NULL, "print JSON Lines, one object per frame" },
	{ 'n', "max-frames", "MAX", "print at most MAX frames per thread" },
	{ 't', "tid", "TID", "only thread TID" },
	{ 0, NULL, NULL, NULL }
};
static const char *const synopsis[] = {
	"[-aj] [-n max] [-t tid] pid", NULL
};
static const struct cli cli = { synopsis, opts, 0 };

static int json, no_lines;
static unsigned max_frames;

struct out {
	FILE *fp;          /* the thread's frames, printed once all are read */
	const char *prefix; /* JSON members of the thread */
};

static int
frame(const struct ptc_frame *f, void *arg)
{
	struct out *o = arg;

	return ptc_frame_print(o->fp, f, json, o->prefix);
}

static int
cmp_tid(const void *a, const void *b)
{
	pid_t x = *(const pid_t *)a, y = *(const pid_t *)b;

	return (x > y) - (x < y);
}

/*
 * Stop thread tid, read its stack, let it go, then print it.  0, 1 when
 * the thread was gone (skipped with a note), -1 after a message.
 */
static int
thread(struct ptc_session *s, struct ptc_dwarf *d, pid_t tid)
{
	struct ptc_task *task;
	struct out o = { NULL, NULL };
	char comm[64], *buf = NULL, *pre = NULL;
	size_t len = 0, plen = 0;
	FILE *pfp;
	int n;

	if (ptc_pid_comm(tid, comm, sizeof(comm)) < 0 ||
	    ptc_attach(s, tid, PTC_ATTACH_STOP, &task) < 0) {
		if (errno == ESRCH) {
			warnx("thread %d exited: skipped", (int)tid);
			return 1;
		}
		warnx("thread %d: %s", (int)tid, ptc_error());
		return -1;
	}
	if ((o.fp = open_memstream(&buf, &len)) == NULL)
		err(1, "memory");
	if (json) {
		if ((pfp = open_memstream(&pre, &plen)) == NULL)
			err(1, "memory");
		fprintf(pfp, "\"tid\":%d,\"comm\":", (int)tid);
		ptc_json_str(pfp, comm, strlen(comm));
		fputc(',', pfp);
		fclose(pfp);
		o.prefix = pre;
	}
	n = ptc_dwarf_unwind(d, tid, max_frames, frame, &o);
	ptc_detach(s, task, 0);
	fclose(o.fp);
	if (n < 0) {
		int gone = errno == ESRCH;

		free(buf);
		free(pre);
		if (gone) {
			warnx("thread %d exited: skipped", (int)tid);
			return 1;
		}
		warnx("thread %d: %s", (int)tid, ptc_error());
		return -1;
	}
	if (!json) {
		printf("thread %d ", (int)tid);
		ptc_escape_bare(stdout, comm, strlen(comm));
		putchar('\n');
	}
	fwrite(buf, 1, len, stdout);
	free(buf);
	free(pre);
	return 0;
}

int
main(int argc, char *argv[])
{
	struct ptc_session *s;
	struct ptc_dwarf *d;
	pid_t pid, tid = 0, *tids;
	ssize_t n;
	uint64_t v;
	int ch, rc = 0, found = 0;

	ptc_cleanup_signals();
	while ((ch = cli_getopt(&cli, argc, argv)) != -1) {
		switch (ch) {
		case 'a':
			no_lines = 1;
			break;
		case 'j':
			json = 1;
			break;
		case 'n':
			if (ptc_parse_u64(optarg, &v) < 0 || v == 0 ||
			    v > 100000)
				cli_usage_error(&cli, "-n: bad count '%s'",
				    optarg);
			max_frames = (unsigned)v;
			break;
		case 't':
			if (ptc_pid_parse(optarg, &tid) < 0)
				cli_usage_error(&cli, "-t: %s", ptc_error());
			break;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc != 1)
		cli_usage_error(&cli, argc < 1 ? "missing operand" :
		    "too many operands");
	if (ptc_pid_parse(argv[0], &pid) < 0)
		cli_usage_error(&cli, "%s", ptc_error());
	if (ptc_pid_check(pid) < 0)
		errx(1, "process %d: %s", (int)pid, ptc_error());
	if ((n = ptc_pid_threads(pid, &tids)) < 0)
		errx(1, "process %d: %s", (int)pid, ptc_error());
	qsort(tids, (size_t)n, sizeof(*tids), cmp_tid);
	if ((d = ptc_dwarf_new(pid)) == NULL)
		errx(1, "process %d: %s", (int)pid, ptc_error());
	ptc_dwarf_set_lines(d, !no_lines);
	if (!no_lines && ptc_dwarf_exe_lines(d) == 0)
		warnx("process %d: no DWARF line information: addresses and "
		    "symbols only", (int)pid);
	if ((s = ptc_session_new(0)) == NULL)
		err(1, "session");
	for (ssize_t i = 0; i < n; i++) {
		if (tid != 0 && tids[i] != tid)
			continue;
		found = 1;
		if (thread(s, d, tids[i]) < 0)
			rc = 1;
		if (ptc_cleanup_pending() != 0)
			break;
	}
	ptc_session_free(s);
	ptc_dwarf_free(d);
	free(tids);
	if (tid != 0 && !found)
		errx(1, "process %d: no thread %d", (int)pid, (int)tid);
	if (ptc_cleanup_pending() != 0)
		rc = 1;
	cli_exit(rc);
}
