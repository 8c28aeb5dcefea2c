/*
 * ptpeek: read the memory of a live process: a hexdump with the
 * process's own addresses, raw bytes, typed values, a C string or a
 * variable by its DWARF type (-d); search its memory for bytes, a
 * string or a typed value (-F) and print every address where it occurs;
 * re-check a candidate list read from stdin (ADDR "-"); or watch a
 * value and print each change (-w).  The engines are in lib/scan.c.
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

#define RAW_CHUNK    (4 * 1024 * 1024) /* raw output, per read */
#define STR_MAX      (64 * 1024 * 1024)

static pid_t pid;
static struct ptc_target *tgt;
static struct ptc_progress *prog; /* long reads */

static const struct cli_opt opts[] = {
	{ 'd', "dwarf", NULL, "print the variable expr by its DWARF type" },
	{ 'F', "find", "PATTERN", "print the addresses where PATTERN occurs" },
	{ 'j', "json", NULL, "print JSON objects, one a line" },
	{ 'n', "count", "COUNT", "with -w: end after COUNT changes" },
	{ 'r', "raw", NULL, "write the raw bytes (not to a terminal)" },
	{ 'S', "stop", NULL, "stop the process while reading" },
	{ 's', "string", NULL, "print the C string at addr" },
	{ 't', "type", "TYPE", "print values of TYPE (u32, i64, f64, ptr, "
	    "...)" },
	{ 'v', "values", NULL, "with -F: print each match's value too" },
	{ 'w', "watch", "INTERVAL", "print the value each time it changes" },
	{ 0, NULL, NULL, NULL }
};
static const char *const synopsis[] = {
	"[-r | -t type | -s] [-j] [-S] pid addr [len]",
	"[-j] [-S] [-t type] [-v] -F pattern pid [addr [len]]",
	"[-j] [-t type] [-n count] -w interval pid addr [len]",
	"-d [-j] [-S] pid expr",
	NULL
};
static const struct cli cli = { synopsis, opts, 0 };

/* Report a failed or short read and exit 1. */
static void
read_failed(void)
{
	int e = errno;

	ptc_progress_end(prog);
	prog = NULL;
	fflush(stdout);
	if (e == ESRCH || e == EPERM)
		errx(1, "%s", ptc_error());
	errx(1, "process %d: %s", (int)pid, ptc_error());
}

static void
finish(void)
{
	ptc_progress_end(prog);
	prog = NULL;
	cli_exit(0);
}

static void
do_raw(uint64_t addr, uint64_t len)
{
	unsigned char *buf;
	uint64_t done = 0;

	if ((buf = malloc(RAW_CHUNK)) == NULL)
		err(1, "malloc");
	prog = ptc_progress_new("reading", len, PTC_PROGRESS_BYTES);
	while (len > 0) {
		size_t want = len < RAW_CHUNK ? (size_t)len : RAW_CHUNK;
		ssize_t n = ptc_target_read(tgt, addr, buf, want);
		size_t off = 0;

		while (n > 0 && off < (size_t)n) {
			ssize_t w;

			if (ptc_cleanup_pending()) {
				ptc_progress_end(prog);
				errx(1, "process %d: interrupted", (int)pid);
			}
			w = write(STDOUT_FILENO, buf + off, (size_t)n - off);
			if (w < 0) {
				if (errno == EINTR)
					continue;
				ptc_progress_end(prog);
				err(1, "stdout");
			}
			off += (size_t)w;
		}
		if (n < (ssize_t)want) {
			free(buf);
			read_failed();
		}
		ptc_progress_update(prog, done += want);
		addr += want;
		len -= want;
	}
	free(buf);
}

static void
do_string(uint64_t addr, uint64_t max, int json)
{
	char *buf;
	ssize_t n;
	int trunc;

	if ((buf = malloc((size_t)max + 1)) == NULL)
		err(1, "malloc");
	n = ptc_target_read_str(tgt, addr, buf, (size_t)max, &trunc);
	if (n < 0)
		read_failed();
	if (json ? printf("{\"addr\":\"0x%" PRIx64 "\",\"string\":", addr) < 0 ||
	    ptc_json_str(stdout, buf, (size_t)n) < 0 || putchar('}') == EOF :
	    ptc_escape_bare(stdout, buf, (size_t)n) < 0)
		err(1, "stdout");
	if (putchar('\n') == EOF)
		err(1, "stdout");
	/* stopped by an unreadable page rather than by max */
	if (trunc && (uint64_t)n < max)
		read_failed();
	free(buf);
}

/* Bytes mapped by the process (UINT64_MAX when unknown). */
static uint64_t
mapped_total(struct ptc_target *t)
{
	const struct ptc_maps *m = ptc_target_maps(t);
	uint64_t total = 0;

	if (m == NULL)
		return UINT64_MAX;
	for (size_t i = 0; i < ptc_maps_count(m); i++)
		total += ptc_maps_at(m, i)->end - ptc_maps_at(m, i)->start;
	return total;
}

static void
warn_line(const char *msg)
{
	warnx("%s", msg);
}

/* ADDR "-": candidates from stdin; exit 1 if a line was bad. */
static void
do_list(struct ptc_scan *sc, uint64_t len)
{
	struct ptc_scan_counts c;

	if (ptc_scan_list(sc, stdin, len, &c) < 0)
		read_failed();
	if (c.unmapped > 0)
		warnx("process %d: %lu candidate%s not readable, skipped",
		    (int)pid, c.unmapped, c.unmapped == 1 ? "" : "s");
	ptc_target_close(tgt);
	if (c.bad > 0) {
		fflush(stdout);
		errx(1, "%lu bad candidate line%s", c.bad, c.bad == 1 ? "" :
		    "s");
	}
	finish();
}

static void
do_watch(struct ptc_scan *sc, uint64_t addr, uint64_t len,
    const char *interval, const char *count)
{
	enum ptc_scan_end why;
	uint64_t ns, n = 0;

	if (ptc_scan_watch(sc, addr, len, ptc_interval_parse(interval, &ns) ==
	    0 ? ns : 0, count != NULL && ptc_parse_u64(count, &n) == 0 ? n :
	    0, &why) < 0)
		read_failed();
	if (why == PTC_SCAN_EXITED)
		warnx("process %d has exited", (int)pid);
	ptc_target_close(tgt);
	finish();
}

int
main(int argc, char *argv[])
{
	enum { DUMP, RAW, VALUES, STRING } mode = DUMP, want;
	static struct ptc_scan sc;
	static struct ptc_pat *pat;
	const char *pattern = NULL, *watch = NULL, *count = NULL;
	struct ptc_target *t;
	struct ptc_vars *v;
	uint64_t addr = 0, len, ns;
	int ch, stop = 0, have_len, dwarf = 0, json = 0, list, n;

	ptc_cleanup_signals();
	while ((ch = cli_getopt(&cli, argc, argv)) != -1) {
		switch (ch) {
		case 'F':
			pattern = optarg;
			break;
		case 'd':
			dwarf = 1;
			break;
		case 'j':
			json = 1;
			break;
		case 'n':
			count = optarg;
			break;
		case 'S':
			stop = 1;
			break;
		case 'r':
		case 's':
		case 't':
			want = ch == 'r' ? RAW : ch == 's' ? STRING : VALUES;
			if (mode != DUMP && mode != want)
				cli_usage_error(&cli,
				    "-r, -s and -t exclude each other");
			if (ch == 't' && ptc_vtype_parse(optarg, &sc.type) < 0)
				cli_usage_error(&cli, "%s", ptc_error());
			sc.typed |= ch == 't';
			mode = want;
			break;
		case 'v':
			sc.flags |= PTC_SCAN_VALUES;
			break;
		case 'w':
			watch = optarg;
			break;
		}
	}
	argc -= optind;
	argv += optind;
	list = argc >= 2 && strcmp(argv[1], "-") == 0;
	if (pattern != NULL && (mode == RAW || mode == STRING))
		cli_usage_error(&cli,
		    "-F searches: it takes -t but not -r or -s");
	if (argc < (pattern != NULL ? 1 : 2))
		cli_usage_error(&cli, "missing operand");
	if (argc > 3 || (dwarf && argc > 2))
		cli_usage_error(&cli, "too many operands");
	if (dwarf && (mode != DUMP || pattern != NULL || watch != NULL))
		cli_usage_error(&cli, "-d takes no -F, -r, -s, -t or -w");
	if (json && mode == RAW)
		cli_usage_error(&cli, "-j prints records: not with -r");
	if ((sc.flags & PTC_SCAN_VALUES) && pattern == NULL)
		cli_usage_error(&cli, "-v needs -F");
	if (count != NULL && watch == NULL)
		cli_usage_error(&cli, "-n needs -w");
	if (watch != NULL && (pattern != NULL || mode == RAW ||
	    mode == STRING || stop || list))
		cli_usage_error(&cli, "-w takes no -F, -r, -s, -S or \"-\"");
	if (watch != NULL && ptc_interval_parse(watch, &ns) < 0)
		cli_usage_error(&cli, "-w: %s", ptc_error());
	if (count != NULL && ptc_parse_u64(count, &ns) < 0)
		cli_usage_error(&cli, "-n: %s", ptc_error());
	if (watch != NULL && sc.typed && argc == 3)
		cli_usage_error(&cli, "-w -t watches one value: no len");
	if (list && (mode == RAW || mode == STRING))
		cli_usage_error(&cli, "\"-\" reads candidates: not with -r "
		    "or -s");
	if (ptc_pid_parse(argv[0], &pid) < 0)
		cli_usage_error(&cli, "%s", ptc_error());
	/* a malformed expression or pattern: exit 2, process untouched */
	if (argc >= 2 && !list && !dwarf && ptc_addr_check(argv[1]) < 0)
		errx(2, "%s: %s", argv[1], ptc_error());
	/*
	 * A pointer is as wide as the process's, whatever ours is.  A pattern
	 * that is malformed is a usage error (2); one that is well formed but
	 * too wide for this process's pointers is the process's (1).
	 */
	if (pattern != NULL) {
		if ((pat = ptc_pat_parse(pattern, sc.typed, sc.type, 8)) == NULL)
			errx(2, "%s", ptc_error());
		ptc_pat_free(pat);
	}
	sc.psize = (n = ptc_proc_ptrsize(pid)) > 0 ? (size_t)n : sizeof(void *);
	if (pattern != NULL && (pat = ptc_pat_parse(pattern, sc.typed,
	    sc.type, sc.psize)) == NULL)
		errx(1, "%s", ptc_error());
	if (pat != NULL && ptc_pat_relative(pat) && !list)
		errx(2, "-F %s compares with the value seen before: give "
		    "candidates with values on stdin (\"-\" as addr)", pattern);
	sc.pat = pat;
	sc.out = stdout;
	sc.flags |= json ? PTC_SCAN_JSON : 0;
	sc.warn = warn_line;
	if (mode == RAW && isatty(STDOUT_FILENO))
		errx(1, "refusing to write raw bytes to a terminal");
	if ((tgt = sc.target = t = ptc_target_open(pid)) == NULL)
		errx(1, "%s", ptc_error());
	/* every thread stops, so that none changes memory under the read */
	if (stop && (ptc_target_session(t) == NULL ||
	    ptc_attach(ptc_target_session(t), pid,
	    PTC_ATTACH_STOP | PTC_ATTACH_THREADS, NULL) < 0))
		errx(1, "process %d: cannot stop it: %s", (int)pid,
		    ptc_error());
	if (dwarf) {
		if ((v = ptc_vars_open(t)) == NULL)
			errx(1, "process %d: %s", (int)pid, ptc_error());
		if (ptc_var_print(v, argv[1], json ? PTC_VAR_JSON |
		    PTC_VAR_RECORD : 0, stdout) < 0) {
			char why[1024];

			snprintf(why, sizeof(why), "%s", ptc_error());
			ptc_vars_close(v);
			errx(1, "process %d: %s", (int)pid, why);
		}
		putchar('\n');
		ptc_vars_close(v);	/* the target detaches at exit */
		finish();
	}
	if (argc >= 2 && !list && ptc_addr_eval(t, argv[1], &addr) < 0)
		errx(1, "process %d: %s: %s", (int)pid, argv[1], ptc_error());
	have_len = argc == 3;
	if (have_len && ptc_parse_u64(argv[2], &len) < 0)
		errx(1, "length %s: %s", argv[2], ptc_error());
	if (!have_len)
		len = mode == VALUES ? 1 : mode == STRING ? 4096 : 64;
	if (list)
		do_list(&sc, len);
	if (watch != NULL)
		do_watch(&sc, addr, len, watch, count);
	if (pattern != NULL) {
		if (argc >= 2 && !have_len) {
			/* from ADDR to the end of its mapping */
			const struct ptc_maps *m = ptc_target_maps(t);
			const struct ptc_map *mp = m != NULL ?
			    ptc_maps_find(m, addr) : NULL;
			if (mp == NULL)
				errx(1, "process %d: 0x%" PRIx64 ": not in any "
				    "mapping", (int)pid, addr);
			len = mp->end - addr;
		}
		if (argc >= 2 && len > 0 && len - 1 > UINT64_MAX - addr)
			errx(1, "process %d: 0x%" PRIx64 " + %" PRIu64
			    ": range wraps around the address space",
			    (int)pid, addr, len);
		if (ptc_scan_find(&sc, argc >= 2, addr, len) < 0)
			read_failed();
		ptc_pat_free(pat);
		ptc_target_close(t);
		finish();
	}
	if (len == 0) {
		ptc_target_close(t);
		finish();
	}
	if (mode == VALUES && len > UINT64_MAX / ptc_scan_size(&sc))
		errx(1, "count %s: too large", argv[2]);
	if (mode == STRING && len > STR_MAX)
		errx(1, "length %s: more than the %d bytes a string may have",
		    argv[2], STR_MAX);
	{
		uint64_t bytes = mode == VALUES ? len * ptc_scan_size(&sc) :
		    len;
		if (bytes - 1 > UINT64_MAX - addr)
			errx(1, "process %d: 0x%" PRIx64 " + %" PRIu64
			    ": range wraps around the address space",
			    (int)pid, addr, bytes);
		/*
		 * A length no range of the process could satisfy is a
		 * mistake: say so instead of dumping up to the first hole.
		 */
		if (mode != STRING && bytes > (1u << 20) &&
		    bytes > mapped_total(t))
			errx(1, "process %d: length %" PRIu64 " is more than "
			    "the %" PRIu64 " bytes the process has mapped",
			    (int)pid, bytes, mapped_total(t));
	}
	if (mode == RAW)
		do_raw(addr, len);
	else if (mode == STRING)
		do_string(addr, len, json);
	else if (ptc_scan_read(&sc, addr, len) < 0)
		read_failed();
	ptc_target_close(t);
	finish();
}
