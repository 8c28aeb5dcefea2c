/*
 * ptpoke: write the memory of a live process: hex bytes, typed values,
 * a string or raw bytes from stdin, also into read-only code pages.
 * The whole input is checked, and the whole range found mapped, before
 * anything is written; -o saves the bytes about to be overwritten so
 * that feeding them back on stdin undoes the change.  -r writes them
 * again every INTERVAL (a freeze) until a signal or the process ends.
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

#define STDIN_MAX (256 * 1024 * 1024)

static const struct cli_opt opts[] = {
	{ 'o', "old", "OLDFILE", "save the bytes overwritten to OLDFILE" },
	{ 'r', "repeat", "INTERVAL", "write again every INTERVAL until "
	    "interrupted (freeze)" },
	{ 's', "string", "STRING", "write STRING, without its NUL" },
	{ 't', "type", "TYPE", "the values are of TYPE (u32, i64, f64, ptr, "
	    "...)" },
	{ 0, NULL, NULL, NULL }
};
static const char *const synopsis[] = {
	"[-t type] [-s string] [-o oldfile] [-r interval] pid addr "
	"[value ... | -]", NULL
};
/* in order: a value operand may look like an option (-1) */
static const struct cli cli = { synopsis, opts, 1 };

static unsigned char *
read_stdin(size_t *lenp)
{
	unsigned char *buf = NULL;
	size_t len = 0, cap = 0;

	if (isatty(STDIN_FILENO))
		errx(1, "refusing to read raw bytes from a terminal");
	for (;;) {
		ssize_t n;

		if (cap - len < 65536) {
			if (cap >= STDIN_MAX)
				errx(1, "stdin: more than %d bytes", STDIN_MAX);
			cap = cap ? cap * 2 : 65536;
			if ((buf = realloc(buf, cap)) == NULL)
				err(1, "malloc");
		}
		n = read(STDIN_FILENO, buf + len, cap - len);
		if (n < 0) {
			if (errno == EINTR && !ptc_cleanup_pending())
				continue;
			err(1, "stdin");
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	*lenp = len;
	return buf;
}

/*
 * One typed value into out; its size.  A pointer is as wide as the
 * process's (4 bytes in a 32-bit program), whatever the tool's width.
 */
static size_t
value(enum ptc_vtype type, pid_t pid, const char *s, unsigned char *out)
{
	uint64_t v;
	uint32_t w;
	int psize;

	if (ptc_value_parse(type, s, out) < 0)
		errx(1, "%s", ptc_error());
	if (type != PTC_VT_PTR || (psize = ptc_proc_ptrsize(pid)) != 4)
		return ptc_vtype_size(type);
	memcpy(&v, out, sizeof(v));
	if (v > UINT32_MAX)
		errx(1, "ptr value out of range \"%s\": process %d has 4-byte "
		    "pointers", s, (int)pid);
	w = (uint32_t)v;
	memcpy(out, &w, sizeof(w));
	return sizeof(w);
}

/* The bytes to write, from the operands after ADDR. */
static unsigned char *
build(int typed, enum ptc_vtype type, pid_t pid, const char *str, int argc,
    char *argv[], size_t *lenp)
{
	unsigned char *buf;
	size_t len = 0, cap = 16;

	if (str != NULL) {
		if (argc > 0)
			cli_usage_error(&cli, "-s takes no value operands");
		*lenp = strlen(str);
		if ((buf = malloc(*lenp + 1)) == NULL)
			err(1, "malloc");
		memcpy(buf, str, *lenp);
		return buf;
	}
	if (argc == 0)
		cli_usage_error(&cli, "nothing to write: give values, -s or -");
	if (argc == 1 && strcmp(argv[0], "-") == 0) {
		if (typed)
			cli_usage_error(&cli,
			    "- reads raw bytes: it takes no -t");
		return read_stdin(lenp);
	}
	for (int i = 0; i < argc; i++)
		cap += strlen(argv[i]) / 2 + 8;
	if ((buf = malloc(cap)) == NULL)
		err(1, "malloc");
	for (int i = 0; i < argc; i++) {
		if (typed) {
			len += value(type, pid, argv[i], buf + len);
		} else {
			ssize_t n = ptc_hex_parse(argv[i], buf + len);
			if (n < 0)
				errx(1, "%s", ptc_error());
			len += (size_t)n;
		}
	}
	*lenp = len;
	return buf;
}

/* Fail unless every byte of [addr, addr + len) is in some mapping. */
static void
check_mapped(struct ptc_target *t, pid_t pid, uint64_t addr, size_t len)
{
	const struct ptc_maps *m = ptc_target_maps(t);
	uint64_t a = addr, end;

	if (len - 1 > UINT64_MAX - addr)
		errx(1, "process %d: 0x%" PRIx64 " + %zu: range wraps around "
		    "the address space", (int)pid, addr, len);
	if (m == NULL)
		errx(1, "process %d: %s", (int)pid, ptc_error());
	end = addr + (len - 1);
	for (;;) {
		const struct ptc_map *mp = ptc_maps_find(m, a);

		if (mp == NULL)
			errx(1, "process %d: %zu bytes at 0x%" PRIx64 ": 0x%"
			    PRIx64 " is not mapped; nothing written",
			    (int)pid, len, addr, a);
		if (mp->end - 1 >= end)
			break;
		a = mp->end;
	}
}

static void
save_old(struct ptc_target *t, uint64_t addr, size_t len, const char *path)
{
	unsigned char *old;
	FILE *fp;
	ssize_t n;

	if ((old = malloc(len ? len : 1)) == NULL)
		err(1, "malloc");
	n = len ? ptc_target_read(t, addr, old, len) : 0;
	if (n != (ssize_t)len)
		errx(1, "process %d: -o: %s; nothing written",
		    (int)ptc_target_pid(t), ptc_error());
	if ((fp = fopen(path, "we")) == NULL)
		err(1, "%s", path);
	if (fwrite(old, 1, len, fp) != len || fclose(fp) != 0)
		err(1, "%s", path);
	free(old);
}

int
main(int argc, char *argv[])
{
	enum ptc_vtype type = PTC_VT_U8;
	const char *str = NULL, *oldfile = NULL, *repeat = NULL;
	enum ptc_scan_end why;
	uint64_t ns = 0;
	/* static: still reachable when an error exits (leak checkers) */
	static struct ptc_target *t;
	static unsigned char *data;
	uint64_t addr;
	size_t len;
	ssize_t n;
	pid_t pid;
	int ch, typed = 0;

	ptc_cleanup_signals();
	while ((ch = cli_getopt(&cli, argc, argv)) != -1) {
		switch (ch) {
		case 'o':
			oldfile = optarg;
			break;
		case 'r':
			repeat = optarg;
			if (ptc_interval_parse(repeat, &ns) < 0)
				cli_usage_error(&cli, "-r: %s", ptc_error());
			break;
		case 's':
			str = optarg;
			break;
		case 't':
			if (ptc_vtype_parse(optarg, &type) < 0)
				cli_usage_error(&cli, "%s", ptc_error());
			typed = 1;
			break;
		}
	}
	argc -= optind;
	argv += optind;
	if (typed && str != NULL)
		cli_usage_error(&cli, "-s and -t exclude each other");
	if (argc < 2)
		cli_usage_error(&cli, "missing operand");
	if (ptc_pid_parse(argv[0], &pid) < 0)
		cli_usage_error(&cli, "%s", ptc_error());
	/* a malformed expression: exit 2, process untouched */
	if (ptc_addr_check(argv[1]) < 0)
		errx(2, "%s: %s", argv[1], ptc_error());
	/* all of the input is checked before the process is touched */
	data = build(typed, type, pid, str, argc - 2, argv + 2, &len);
	/* The target stays bound to this process if its PID is reused. */
	if ((t = ptc_target_open(pid)) == NULL)
		errx(1, "%s", ptc_error());
	if (ptc_addr_eval(t, argv[1], &addr) < 0)
		errx(1, "process %d: %s: %s", (int)pid, argv[1], ptc_error());
	if (len == 0) {
		ptc_target_close(t);
		exit(0);
	}
	check_mapped(t, pid, addr, len);
	if (oldfile != NULL)
		save_old(t, addr, len, oldfile);
	/* -o may have waited (a FIFO): the process must still be the one. */
	if (ptc_target_alive(t) != 0)
		errx(1, "%s: nothing written", ptc_error());
	/* Interrupted while reading stdin: the user wants nothing written. */
	if (ptc_cleanup_pending())
		errx(1, "process %d: interrupted by %s: nothing written",
		    (int)pid, strsignal(ptc_cleanup_pending()));
	n = ptc_target_write(t, addr, data, len);
	if (n != (ssize_t)len)
		errx(1, "process %d: %s; %zd of %zu bytes written", (int)pid,
		    ptc_error(), n < 0 ? 0 : n, len);
	if (repeat != NULL && ptc_freeze(t, addr, data, len, ns, &why) < 0)
		errx(1, "process %d: %s", (int)pid, ptc_error());
	if (repeat != NULL && why == PTC_SCAN_EXITED)
		warnx("process %d has exited", (int)pid);
	free(data);
	ptc_target_close(t);
	return 0;
}
