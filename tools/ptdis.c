/*
 * ptdis: disassemble raw bytes (a file or standard input), the memory of
 * a live process, or a function or section of an ELF file, one
 * instruction a line: address, bytes, mnemonic and operands, with
 * <symbol>: labels and <symbol+0xoff> branch targets where symbols are
 * known, and with -l a FILE:LINE line where each source line starts.
 * Bytes that do not decode are shown as .byte data.
 */
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ptcore.h"
#include "common/cli.h"

static int lflag;

static const struct cli_opt opts[] = {
	{ 'a', "arch", "ARCH", "decode for ARCH, not the machine's or file's" },
	{ 'b', "base", "BASE", "address of the first input byte (raw input)" },
	{ 'e', "elf", "ELF", "disassemble a function or section of file ELF" },
	{ 'j', "json", NULL, "print one JSON object per instruction" },
	{ 'l', "lines", NULL, "mark where each source line starts (DWARF)", &lflag },
	{ 'n', "count", "COUNT", "stop after COUNT instructions" },
	{ 'p', "pid", "PID", "disassemble the memory of process PID" },
	{ 's', "syntax", "SYNTAX", "intel (the default) or att" },
	{ 0, NULL, NULL, NULL }
};
static const char *const synopsis[] = {
	"[-hjV] [-a arch] [-b base] [-n count] [-s syntax] [file]",
	"[-hjlV] [-n count] [-s syntax] -p pid addr [len]",
	"[-hjlV] [-a arch] [-n count] [-s syntax] -e elf [symbol | section]",
	NULL
};
static const struct cli cli = { synopsis, opts, 0 };

/* Where the names of addresses come from: an ELF file, a process, none. */
struct names {
	struct ptc_elf *e;
	struct ptc_syms *ss;
	const struct ptc_elf_code *code; /* -e: its label names its start */
	struct ptc_dwarf *dw;	/* -l: the source lines */
};

struct out {
	struct ptc_dis *d;
	int json;
	unsigned awidth;        /* address column, characters */
	unsigned bwidth;        /* bytes column, characters */
	struct names nm;
	uint64_t lines;         /* -l: instructions with a source line */
};

static const char hexdig[] = "0123456789abcdef";

static size_t
put_str(char *p, const char *s)
{
	size_t n = strlen(s);

	memcpy(p, s, n);
	return n;
}

static size_t
put_bytes(char *p, const struct ptc_insn *in)
{
	for (unsigned i = 0; i < in->size; i++) {
		*p++ = hexdig[in->bytes[i] >> 4];
		*p++ = hexdig[in->bytes[i] & 15];
	}
	return 2 * in->size;
}

/* The symbol that starts at addr, or NULL. */
static const char *
label_at(const struct names *nm, uint64_t addr, char *buf, size_t len)
{
	struct ptc_sym sym;

	if (nm->code != NULL && nm->code->label != NULL &&
	    addr == nm->code->addr)
		return nm->code->label;
	if (nm->e != NULL)
		return ptc_elf_sym_label(nm->e, addr, &sym) == 0 ? sym.name :
		    NULL;
	if (nm->ss != NULL && ptc_syms_label(nm->ss, addr, buf, len) == 0)
		return buf;
	return NULL;
}

/* "symbol+0xoff" for a branch target, in a process else "module+0xoff". */
static const char *
target_at(const struct names *nm, uint64_t addr, char *buf, size_t len)
{
	char mod[256];

	if (nm->e != NULL)
		return ptc_elf_describe(nm->e, addr, buf, len) == 0 ? buf : NULL;
	if (nm->ss == NULL || ptc_syms_describe(nm->ss, addr, buf, len, mod,
	    sizeof(mod)) < 0)
		return NULL;
	if (buf[0] == '\0')  /* no symbol covers it (a PLT slot) */
		snprintf(buf, len, "%s", mod);
	return buf[0] != '\0' ? buf : NULL;
}

static void
emit(const char *line, size_t n)
{
	if (fwrite_unlocked(line, 1, n, stdout) != n)
		err(1, "stdout");
}

static void
print_text(const struct out *o, const struct ptc_insn *in, const char *label,
    const char *tsym, const struct ptc_srcloc *src)
{
	char line[1024], *p = line;
	size_t n;

	/* names come from the file or the process: escaped */
	if (label != NULL) {
		*p++ = '<';
		p += strlen(ptc_escape_name(p, 256, label));
		p += put_str(p, ">:\n");
	}
	/* as objdump -l: FILE:LINE before the line's first instruction */
	if (src != NULL)
		p += sprintf(p, "%s:%d\n", ptc_escape_name(p + 600, 300,
		    src->file), src->line);
	p += n = (size_t)sprintf(p, "0x%" PRIx64, in->addr);
	for (; n < o->awidth; n++)
		*p++ = ' ';
	p += put_str(p, "  ");
	p += n = put_bytes(p, in);
	for (; n < o->bwidth; n++)
		*p++ = ' ';
	p += put_str(p, "  ");
	p += n = put_str(p, in->mnemonic);
	if (in->operands[0] != '\0') {
		for (; n < 6; n++)
			*p++ = ' ';
		*p++ = ' ';
		p += put_str(p, in->operands);
	}
	if (tsym != NULL) {
		p += put_str(p, " <");
		p += strlen(ptc_escape_name(p, 256, tsym));
		*p++ = '>';
	}
	*p++ = '\n';
	emit(line, (size_t)(p - line));
}

/* s as a JSON string, or null. */
static void
json_or_null(const char *s)
{
	if (s == NULL)
		fputs("null", stdout);
	else
		ptc_json_str(stdout, s, strlen(s));
}

static void
print_json(const struct ptc_insn *in, const char *label, const char *tsym,
    const struct ptc_srcloc *src)
{
	char bytes[2 * PTC_INSN_MAX + 1];
	const char *sep = "";

	bytes[put_bytes(bytes, in)] = '\0';
	printf("{\"address\":\"0x%" PRIx64 "\",\"size\":%u,\"bytes\":\"%s\","
	    "\"mnemonic\":", in->addr, in->size, bytes);
	json_or_null(in->mnemonic);
	fputs(",\"operands\":", stdout);
	json_or_null(in->operands);
	fputs(",\"groups\":[", stdout);
	for (unsigned bit = 1; bit <= PTC_DIS_DATA; bit <<= 1)
		if (in->groups & bit) {
			printf("%s\"%s\"", sep, ptc_dis_group_name(bit));
			sep = ",";
		}
	if (in->groups & PTC_DIS_REL)
		printf("],\"target\":\"0x%" PRIx64 "\"", in->target);
	else
		fputs("],\"target\":null", stdout);
	fputs(",\"target_symbol\":", stdout);
	json_or_null(tsym);
	fputs(",\"label\":", stdout);
	json_or_null(label);
	if (lflag) {
		fputs(",\"file\":", stdout);
		json_or_null(src != NULL ? src->file : NULL);
		printf(src != NULL ? ",\"line\":%d" : ",\"line\":null",
		    src != NULL ? src->line : 0);
	}
	fputs("}\n", stdout);
}

/*
 * -l: the source line of addr (NULL: none known), and whether it is
 * another one than the last instruction's.
 */
static const struct ptc_srcloc *
source(struct out *o, uint64_t addr, struct ptc_srcloc *src, int *changed)
{
	static char *last;
	static int last_line;

	*changed = 0;
	if (o->nm.dw == NULL || ptc_dwarf_srcline(o->nm.dw, addr, src, 1) < 1 ||
	    src->file == NULL || src->line <= 0) {
		free(last);
		last = NULL;
		return NULL;
	}
	o->lines++;
	if (last != NULL && last_line == src->line &&
	    strcmp(last, src->file) == 0)
		return src;
	*changed = 1;
	free(last);
	last = strdup(src->file);
	last_line = src->line;
	return src;
}

/* Disassemble len bytes at buf, the first at address base. */
static void
disasm(struct out *o, const uint8_t *buf, size_t len, uint64_t base,
    uint64_t count)
{
	struct ptc_insn in;
	struct ptc_srcloc sbuf;
	const struct ptc_srcloc *src;
	uint64_t addr = base, last = len > 0 ? base + len - 1 : base;
	const char *label, *tsym;
	char tbuf[256], lbuf[256];
	int newline;

	o->awidth = (unsigned)snprintf(NULL, 0, "0x%" PRIx64, last);
	o->bwidth = ptc_dis_unit(o->d) == 1 ? 16 : 8;
	while (count-- > 0 && ptc_dis_next(o->d, &buf, &len, &addr, &in)) {
		label = label_at(&o->nm, in.addr, lbuf, sizeof(lbuf));
		tsym = (in.groups & PTC_DIS_REL) ? target_at(&o->nm, in.target,
		    tbuf, sizeof(tbuf)) : NULL;
		src = source(o, in.addr, &sbuf, &newline);
		if (o->json)
			print_json(&in, label, tsym, src);
		else
			print_text(o, &in, label, tsym, newline ? src : NULL);
	}
	if (o->nm.dw != NULL && o->lines == 0)
		warnx("no DWARF line information for these addresses");
}

static struct ptc_dis *
open_arch(const char *arch, unsigned flags)
{
	const char *const *names = ptc_dis_arch_names();
	struct ptc_dis *d;

	if ((d = ptc_dis_open(arch, flags)) != NULL)
		return d;
	if (arch == NULL || errno != EINVAL ||
	    strncmp(ptc_error(), "unknown", 7) != 0)
		cli_usage_error(&cli, "%s", ptc_error());
	fprintf(stderr, "%s: unknown architecture: %s\n", getprogname(), arch);
	fprintf(stderr, "%s: known architectures:", getprogname());
	for (size_t i = 0; names[i] != NULL; i++)
		fprintf(stderr, " %s", names[i]);
	fputc('\n', stderr);
	cli_usage(&cli, stderr);
	exit(2);
}

static void
dis_elf(struct out *o, const char *path, const char *what, const char *arch,
    unsigned flags, uint64_t count)
{
	struct ptc_elf_code code;

	/* the library's messages about the file name it */
	if ((o->nm.e = ptc_elf_open(path)) == NULL)
		errx(1, "%s", ptc_error());
	if (ptc_elf_code(o->nm.e, what, &code) < 0)
		errx(1, "%s: %s", path, ptc_error());
	o->nm.code = &code;
	if (lflag && (o->nm.dw = ptc_dwarf_open_file(path)) == NULL)
		warnx("%s", ptc_error());
	if (arch != NULL)
		o->d = open_arch(arch, flags);
	else if ((o->d = ptc_dis_open_file(o->nm.e, code.thumb, flags)) == NULL)
		errx(1, "%s: %s", path, ptc_error());
	disasm(o, code.data, code.size, code.addr, count);
	ptc_elf_code_free(&code);
	ptc_dwarf_free(o->nm.dw);
	ptc_dis_close(o->d);
	ptc_elf_close(o->nm.e);
}

static uint64_t
parse_num(const char *what, const char *s)
{
	uint64_t v;

	if (ptc_parse_u64(s, &v) < 0)
		cli_usage_error(&cli, "bad %s: %s", what, s);
	return v;
}

/*
 * len bytes at the address expression expr of process pidarg.  Without
 * len: 64 bytes, or 16 for each of -n COUNT instructions, and a read cut
 * short by an unmapped page is then no error.
 */
static int
dis_pid(struct out *o, const char *pidarg, int argc, char *argv[],
    const char *arch, unsigned flags, uint64_t count)
{
	struct ptc_target *t;
	uint64_t addr, len = 64;
	uint8_t *buf;
	ssize_t n;
	pid_t pid;
	int rc = 0;

	if (ptc_pid_parse(pidarg, &pid) < 0)
		cli_usage_error(&cli, "%s", ptc_error());
	if (argc < 1)
		cli_usage_error(&cli, "-p needs an address");
	if (argc > 2)
		cli_usage_error(&cli, "too many operands");
	if (argc == 2)
		len = parse_num("length", argv[1]);
	else if (count != UINT64_MAX)
		len = count < (1 << 16) ? count * PTC_INSN_MAX : 1 << 20;
	if (len > (1 << 30))
		cli_usage_error(&cli, "length too large: %s", argv[1]);
	ptc_cleanup_signals();
	if (ptc_pid_check(pid) < 0 || (t = ptc_target_open(pid)) == NULL)
		errx(1, "pid %d: %s", (int)pid, ptc_error());
	if (ptc_addr_eval(t, argv[0], &addr) < 0)
		errx(1, "pid %d: %s: %s", (int)pid, argv[0], ptc_error());
	if ((buf = malloc(len > 0 ? len : 1)) == NULL)
		err(1, "pid %d", (int)pid);
	n = len > 0 ? ptc_mem_read(pid, addr, buf, len, PTC_MEM_AUTO) : 0;
	if (n < 0)
		errx(1, "pid %d: read at 0x%" PRIx64 ": %s", (int)pid, addr,
		    ptc_error());
	if ((uint64_t)n < len && argc == 2) {
		warnx("pid %d: read %zd of %" PRIu64 " bytes at 0x%" PRIx64
		    ": %s", (int)pid, n, len, addr, ptc_error());
		rc = 1;
	}
	o->d = arch != NULL ? open_arch(arch, flags) :
	    ptc_dis_open_pid(pid, flags);
	if (o->d == NULL)
		cli_usage_error(&cli, "%s", ptc_error());
	o->nm.ss = ptc_target_syms(t);
	if (lflag && (o->nm.dw = ptc_dwarf_new(pid)) == NULL)
		warnx("pid %d: %s", (int)pid, ptc_error());
	disasm(o, buf, (size_t)n, addr, count);
	ptc_dwarf_free(o->nm.dw);
	free(buf);
	ptc_dis_close(o->d);
	ptc_target_close(t);
	return rc;
}

int
main(int argc, char *argv[])
{
	struct out o = { 0 };
	const char *arch = NULL, *elf = NULL, *pidarg = NULL, *errstr;
	uint64_t base = 0, count = UINT64_MAX;
	unsigned flags = 0;
	int ch, bflag = 0, fd;
	void *buf;
	size_t len;

	while ((ch = cli_getopt(&cli, argc, argv)) != -1) {
		switch (ch) {
		case 'a': arch = optarg; break;
		case 'b':
			base = parse_num("base address", optarg);
			bflag = 1;
			break;
		case 'e': elf = optarg; break;
		case 'j': o.json = 1; break;
		case 'n':
			count = (uint64_t)strtonum(optarg, 1, LLONG_MAX, &errstr);
			if (errstr != NULL)
				cli_usage_error(&cli, "count is %s", errstr);
			break;
		case 'p': pidarg = optarg; break;
		case 's':
			if (strcmp(optarg, "att") == 0)
				flags |= PTC_DIS_ATT;
			else if (strcmp(optarg, "intel") == 0)
				flags &= ~PTC_DIS_ATT;
			else
				cli_usage_error(&cli,
				    "unknown syntax: %s (att or intel)", optarg);
			break;
		}
	}
	argc -= optind;
	argv += optind;
	if (elf != NULL && bflag)
		cli_usage_error(&cli, "-b is for raw bytes, not with -e");
	if (pidarg != NULL && (bflag || elf != NULL))
		cli_usage_error(&cli, "-p does not go with %s",
		    bflag ? "-b" : "-e");
	if (argc > 1 && pidarg == NULL)
		cli_usage_error(&cli, "too many operands");
	if (lflag && pidarg == NULL && elf == NULL)
		cli_usage_error(&cli, "-l needs -e or -p: raw bytes have no "
		    "source lines");
	if (!isatty(STDOUT_FILENO))
		setvbuf(stdout, NULL, _IOFBF, 1 << 20);
	if (pidarg != NULL)
		cli_exit(dis_pid(&o, pidarg, argc, argv, arch, flags, count));
	if (elf != NULL) {
		dis_elf(&o, elf, argc > 0 ? argv[0] : NULL, arch, flags, count);
		cli_exit(0);
	}
	o.d = open_arch(arch, flags);
	if (argc == 0 || strcmp(argv[0], "-") == 0)
		fd = STDIN_FILENO;
	else if ((fd = open(argv[0], O_RDONLY)) < 0)
		err(1, "%s", argv[0]);
	if (ptc_read_all(fd, SIZE_MAX, &buf, &len) < 0)
		err(1, "%s", argc == 0 ? "stdin" : argv[0]);
	disasm(&o, buf, len, base, count);
	free(buf);
	ptc_dis_close(o.d);
	cli_exit(0);
}
