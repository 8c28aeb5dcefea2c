/*
 * ptpeek: read the memory of a live process: a hexdump with the
 * process's own addresses, raw bytes, typed values, a C string or a
 * variable by its DWARF type (-d); or search its memory for bytes, a
 * string or a typed value (-F) and print every address where it occurs.
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

#define DUMP_CHUNK   (64 * 1024)       /* hexdump and values, per read */
#define RAW_CHUNK    (4 * 1024 * 1024) /* raw output, per read */
#define STR_MAX      (64 * 1024 * 1024)

static pid_t pid;
static struct ptc_target *tgt;
static struct ptc_progress *prog; /* long reads and searches */

static const struct cli_opt opts[] = {
	{ 'd', "dwarf", NULL, "print the variable expr by its DWARF type" },
	{ 'F', "find", "PATTERN", "print the addresses where PATTERN occurs" },
	{ 'j', "json", NULL, "with -d: print a JSON object" },
	{ 'r', "raw", NULL, "write the raw bytes (not to a terminal)" },
	{ 'S', "stop", NULL, "stop the process while reading" },
	{ 's', "string", NULL, "print the C string at addr" },
	{ 't', "type", "TYPE", "print values of TYPE (u32, i64, f64, ptr, "
	    "...)" },
	{ 0, NULL, NULL, NULL }
};
static const char *const synopsis[] = {
	"[-r | -t type | -s] [-S] pid addr [len]",
	"[-S] [-t type] -F pattern pid [addr [len]]", "-d [-j] [-S] pid expr",
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
do_dump(uint64_t addr, uint64_t len)
{
	static unsigned char buf[DUMP_CHUNK];
	uint64_t done = 0;

	prog = ptc_progress_new("reading", len, PTC_PROGRESS_BYTES);
	while (len > 0) {
		size_t want = len < sizeof(buf) ? (size_t)len : sizeof(buf);
		ssize_t n;

		/* As do_raw: -S holds the process stopped until we end. */
		if (ptc_cleanup_pending()) {
			ptc_progress_end(prog);
			errx(1, "process %d: interrupted", (int)pid);
		}
		n = ptc_target_read(tgt, addr, buf, want);
		if (n > 0 && ptc_hexdump(stdout, addr, buf, (size_t)n) < 0)
			err(1, "stdout");
		if (n < (ssize_t)want)
			read_failed();
		ptc_progress_update(prog, done += want);
		addr += want;
		len -= want;
	}
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

/*
 * A pointer is as wide as the process's: 4 bytes in a 32-bit program,
 * whatever the tool's own width.  0 until ptr_size() asked.
 */
static size_t psize;

static size_t
ptr_size(void)
{
	int n;

	if (psize == 0)
		psize = (n = ptc_proc_ptrsize(pid)) > 0 ? (size_t)n :
		    ptc_vtype_size(PTC_VT_PTR);
	return psize;
}

static size_t
value_size(enum ptc_vtype t)
{
	return t == PTC_VT_PTR ? ptr_size() : ptc_vtype_size(t);
}

static int
value_print(enum ptc_vtype t, const unsigned char *p)
{
	uint64_t v = 0;

	if (t == PTC_VT_PTR && ptr_size() < sizeof(v)) {
		memcpy(&v, p, ptr_size());
		return ptc_value_print(stdout, t, &v);
	}
	return ptc_value_print(stdout, t, p);
}

static void
do_values(enum ptc_vtype t, uint64_t addr, uint64_t count)
{
	static unsigned char buf[DUMP_CHUNK];
	size_t sz = value_size(t);

	while (count > 0) {
		size_t nv = count < sizeof(buf) / sz ? (size_t)count :
		    sizeof(buf) / sz;
		ssize_t n = ptc_target_read(tgt, addr, buf, nv * sz);

		for (size_t i = 0; n > 0 && (i + 1) * sz <= (size_t)n; i++)
			if (value_print(t, buf + i * sz) < 0)
				err(1, "stdout");
		if (n < (ssize_t)(nv * sz))
			read_failed();
		addr += nv * sz;
		count -= nv;
	}
}

static void
do_string(uint64_t addr, uint64_t max)
{
	char *buf;
	ssize_t n;
	int trunc;

	if ((buf = malloc((size_t)max + 1)) == NULL)
		err(1, "malloc");
	n = ptc_target_read_str(tgt, addr, buf, (size_t)max, &trunc);
	if (n < 0)
		read_failed();
	if (ptc_escape_bare(stdout, buf, (size_t)n) < 0 ||
	    putchar('\n') == EOF)
		err(1, "stdout");
	/* stopped by an unreadable page rather than by max */
	if (trunc && (uint64_t)n < max)
		read_failed();
	free(buf);
}

static int
print_match(uint64_t addr, void *ctx)
{
	(void)ctx;
	return printf("0x%" PRIx64 "\n", addr) < 0;
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

/* Readable, and not [vvar] and the like, which cannot be read at all. */
static int
searchable(const struct ptc_map *mp)
{
	return mp->perms[0] == 'r' && strcmp(mp->path, "[vvar]") != 0 &&
	    strcmp(mp->path, "[vvar_vclock]") != 0;
}

static unsigned char *pat;      /* -F: the bytes searched for */
static size_t plen, palign = 1;

/* Turn the -F argument into bytes, before the process is touched. */
static void
parse_pattern(const char *pattern, int typed, enum ptc_vtype type)
{
	if ((pat = malloc(strlen(pattern) + 8)) == NULL)
		err(1, "malloc");
	if (typed) {
		if (ptc_value_parse(type, pattern, pat) < 0)
			errx(1, "-F: %s", ptc_error());
		plen = palign = value_size(type);
		if (plen < ptc_vtype_size(type) && (pat[4] | pat[5] | pat[6] |
		    pat[7]) != 0)
			errx(1, "-F: ptr value out of range \"%s\": process %d "
			    "has %zu-byte pointers", pattern, (int)pid, plen);
	} else if (strncmp(pattern, "str:", 4) == 0) {
		plen = strlen(pattern + 4);
		memcpy(pat, pattern + 4, plen);
	} else {
		ssize_t n = ptc_hex_parse(pattern, pat);
		if (n < 0)
			errx(1, "-F: %s", ptc_error());
		plen = (size_t)n;
	}
	if (plen == 0)
		errx(1, "-F: empty pattern");
}

static void
do_search(struct ptc_target *t, int have_range, uint64_t addr, uint64_t len)
{
	if (have_range) {
		if (ptc_mem_search(pid, addr, addr + len, pat, plen, palign, 0,
		    print_match, NULL) < 0)
			read_failed();
	} else {
		const struct ptc_maps *m = ptc_target_maps(t);

		if (m == NULL)
			errx(1, "process %d: %s", (int)pid, ptc_error());
		uint64_t total = 0, done = 0;

		for (int pass = 0; pass < 2; pass++) {
			for (size_t i = 0; i < ptc_maps_count(m); i++) {
				const struct ptc_map *mp = ptc_maps_at(m, i);

				if (!searchable(mp))
					continue;
				if (pass == 0) {
					total += mp->end - mp->start;
					continue;
				}
				if (ptc_mem_search(pid, mp->start, mp->end, pat,
				    plen, palign, 1, print_match, NULL) < 0)
					read_failed();
				done += mp->end - mp->start;
				ptc_progress_update(prog, done);
			}
			if (pass == 0)
				prog = ptc_progress_new("searching", total,
				    PTC_PROGRESS_BYTES);
		}
	}
	free(pat);
}

int
main(int argc, char *argv[])
{
	enum { DUMP, RAW, VALUES, STRING } mode = DUMP, want;
	enum ptc_vtype type = PTC_VT_U8;
	const char *pattern = NULL;
	struct ptc_target *t;
	struct ptc_vars *v;
	uint64_t addr, len;
	int ch, stop = 0, typed = 0, have_len, dwarf = 0, vflags = 0;

	ptc_cleanup_signals();
	while ((ch = cli_getopt(&cli, argc, argv)) != -1) {
		switch (ch) {
		case 'F':
			pattern = optarg;
			break;
		case 'd':
		case 'j':	/* -j: a JSON record of what -d prints */
			vflags |= ch == 'd' ? 0 : PTC_VAR_JSON | PTC_VAR_RECORD;
			dwarf |= ch == 'd';
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
			if (ch == 't' && ptc_vtype_parse(optarg, &type) < 0)
				cli_usage_error(&cli, "%s", ptc_error());
			typed |= ch == 't';
			mode = want;
			break;
		}
	}
	argc -= optind;
	argv += optind;
	if (pattern != NULL && (mode == RAW || mode == STRING))
		cli_usage_error(&cli,
		    "-F searches: it takes -t but not -r or -s");
	if (argc < (pattern != NULL ? 1 : 2))
		cli_usage_error(&cli, "missing operand");
	if (argc > 3 || (dwarf && argc > 2))
		cli_usage_error(&cli, "too many operands");
	if (dwarf ? mode != DUMP || pattern != NULL : vflags != 0)
		cli_usage_error(&cli, "-d takes no -F, -r, -s or -t; -j needs -d");
	if (ptc_pid_parse(argv[0], &pid) < 0)
		cli_usage_error(&cli, "%s", ptc_error());
	if (pattern != NULL)
		parse_pattern(pattern, typed, type);
	if (mode == RAW && isatty(STDOUT_FILENO))
		errx(1, "refusing to write raw bytes to a terminal");
	if ((tgt = t = ptc_target_open(pid)) == NULL)
		errx(1, "%s", ptc_error());
	/* every thread stops, so that none changes memory under the read */
	if (stop && (ptc_target_session(t) == NULL ||
	    ptc_attach(ptc_target_session(t), pid,
	    PTC_ATTACH_STOP | PTC_ATTACH_THREADS, NULL) < 0))
		errx(1, "process %d: cannot stop it: %s", (int)pid,
		    ptc_error());
	if (dwarf) {
		if ((v = ptc_vars_open(t)) == NULL ||
		    ptc_var_print(v, argv[1], vflags, stdout) < 0)
			errx(1, "process %d: %s", (int)pid, ptc_error());
		putchar('\n');
		ptc_vars_close(v);	/* the target detaches at exit */
		finish();
	}
	if (argc >= 2 && ptc_addr_eval(t, argv[1], &addr) < 0)
		errx(1, "process %d: %s: %s", (int)pid, argv[1], ptc_error());
	have_len = argc == 3;
	if (have_len && ptc_parse_u64(argv[2], &len) < 0)
		errx(1, "length %s: %s", argv[2], ptc_error());
	if (!have_len)
		len = mode == VALUES ? 1 : mode == STRING ? 4096 : 64;

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
		do_search(t, argc >= 2, addr, len);
		ptc_target_close(t);
		finish();
	}
	if (len == 0) {
		ptc_target_close(t);
		finish();
	}
	if (mode == VALUES && len > UINT64_MAX / value_size(type))
		errx(1, "count %s: too large", argv[2]);
	if (mode == STRING && len > STR_MAX)
		errx(1, "length %s: more than the %d bytes a string may have",
		    argv[2], STR_MAX);
	{
		uint64_t bytes = mode == VALUES ? len * value_size(type) :
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
	switch (mode) {
	case DUMP:
		do_dump(addr, len);
		break;
	case RAW:
		do_raw(addr, len);
		break;
	case VALUES:
		do_values(type, addr, len);
		break;
	case STRING:
		do_string(addr, len);
		break;
	}
	ptc_target_close(t);
	finish();
}
