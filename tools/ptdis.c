/*
 * ptdis: disassemble raw bytes (a file or standard input), the memory of
 * a live process, or a function or section of an ELF file, one
 * instruction a line: address, bytes, mnemonic and operands, with
 * <symbol>: labels and <symbol+0xoff> branch targets where symbols are
 * known.  Bytes that do not decode are shown as .byte data.
 */
#include <elf.h>
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

/* Where the names of addresses come from (ELF file or live process). */
struct namer {
	/* Name of the symbol that starts at addr, or NULL. */
	const char *(*label)(void *ctx, uint64_t addr);
	/* "sym+0xoff" for addr into buf; 0, or -1 when nothing covers it. */
	int (*describe)(void *ctx, uint64_t addr, char *buf, size_t len);
	void *ctx;
};

struct out {
	struct ptc_dis *d;
	int json;
	unsigned awidth;        /* address column, characters */
	unsigned bwidth;        /* bytes column, characters */
	const struct namer *nm; /* NULL: no symbols */
};

static const char hexdig[] = "0123456789abcdef";

static FILE *usage_fp; /* stdout for -h, else stderr */

static void
usage(void)
{
	fprintf(usage_fp != NULL ? usage_fp : stderr,
	    "usage: ptdis [-hjV] [-a arch] [-b base] [-n count] [-s syntax] [file]\n"
	    "       ptdis [-hjV] [-n count] [-s syntax] -p pid addr [len]\n"
	    "       ptdis [-hjV] [-a arch] [-n count] [-s syntax] -e elf [symbol | section]\n");
}

static void
usage_err(const char *fmt, const char *arg)
{
	fprintf(stderr, "%s: ", getprogname());
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	usage();
	exit(2);
}

/* "0x" and the hex digits of v, no padding; returns the length. */
static size_t
put_hex(char *p, uint64_t v)
{
	char tmp[16];
	size_t n = 0, i;

	do {
		tmp[n++] = hexdig[v & 15];
		v >>= 4;
	} while (v != 0);
	p[0] = '0';
	p[1] = 'x';
	for (i = 0; i < n; i++)
		p[2 + i] = tmp[n - 1 - i];
	return n + 2;
}

static size_t
put_str(char *p, const char *s)
{
	size_t n = strlen(s);

	memcpy(p, s, n);
	return n;
}

/* s as a JSON string with quotes; capstone's text is plain ASCII. */
static size_t
put_json_str(char *p, const char *s, size_t max)
{
	char *o = p;

	*o++ = '"';
	for (; *s != '\0' && (size_t)(o - p) + 8 < max; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\') {
			*o++ = '\\';
			*o++ = (char)c;
		} else if (c < 0x20 || c >= 0x7f) {
			memcpy(o, "\\u00", 4);
			o[4] = hexdig[c >> 4];
			o[5] = hexdig[c & 15];
			o += 6;
		} else
			*o++ = (char)c;
	}
	*o++ = '"';
	return (size_t)(o - p);
}

/*
 * A symbol name (from the file or the process, so maybe hostile) into
 * p, at most max bytes: control and non-ASCII bytes as \ooo, so no
 * escape sequence reaches the terminal.  Returns the length.
 */
static size_t
put_name(char *p, const char *s, size_t max)
{
	char *o = p;
	unsigned char c;

	for (; *s != '\0' && (size_t)(o - p) + 5 <= max; s++) {
		c = (unsigned char)*s;
		if (c == '\\') {
			*o++ = '\\';
			*o++ = '\\';
		} else if (c < 0x20 || c >= 0x7f) {
			*o++ = '\\';
			*o++ = (char)('0' + (c >> 6));
			*o++ = (char)('0' + ((c >> 3) & 7));
			*o++ = (char)('0' + (c & 7));
		} else {
			*o++ = (char)c;
		}
	}
	return (size_t)(o - p);
}

static void
emit(const char *line, size_t n)
{
	if (fwrite_unlocked(line, 1, n, stdout) != n)
		err(1, "stdout");
}

static void
print_text(const struct out *o, const struct ptc_insn *in, const char *tsym)
{
	char line[512], *p = line;
	size_t n, i;

	n = put_hex(p, in->addr);
	p += n;
	for (; n < o->awidth; n++)
		*p++ = ' ';
	*p++ = ' ';
	*p++ = ' ';
	for (i = 0; i < in->size; i++) {
		*p++ = hexdig[in->bytes[i] >> 4];
		*p++ = hexdig[in->bytes[i] & 15];
	}
	for (n = 2 * i; n < o->bwidth; n++)
		*p++ = ' ';
	*p++ = ' ';
	*p++ = ' ';
	n = put_str(p, in->mnemonic);
	p += n;
	if (in->operands[0] != '\0') {
		for (; n < 6; n++)
			*p++ = ' ';
		*p++ = ' ';
		p += put_str(p, in->operands);
	}
	if (tsym != NULL) {
		*p++ = ' ';
		*p++ = '<';
		p += put_name(p, tsym, 200);
		*p++ = '>';
	}
	*p++ = '\n';
	emit(line, (size_t)(p - line));
}

static void
print_json(const struct out *o, const struct ptc_insn *in, const char *label,
    const char *tsym)
{
	char line[1024], *p = line;
	unsigned bit;
	size_t i;
	int first = 1;

	(void)o;
	p += put_str(p, "{\"address\":\"");
	p += put_hex(p, in->addr);
	p += put_str(p, "\",\"size\":");
	p += snprintf(p, 8, "%u", in->size);
	p += put_str(p, ",\"bytes\":\"");
	for (i = 0; i < in->size; i++) {
		*p++ = hexdig[in->bytes[i] >> 4];
		*p++ = hexdig[in->bytes[i] & 15];
	}
	p += put_str(p, "\",\"mnemonic\":");
	p += put_json_str(p, in->mnemonic, 80);
	p += put_str(p, ",\"operands\":");
	p += put_json_str(p, in->operands, 400);
	p += put_str(p, ",\"groups\":[");
	for (bit = 1; bit <= PTC_DIS_DATA; bit <<= 1) {
		if (!(in->groups & bit))
			continue;
		if (!first)
			*p++ = ',';
		first = 0;
		*p++ = '"';
		p += put_str(p, ptc_dis_group_name(bit));
		*p++ = '"';
	}
	p += put_str(p, "],\"target\":");
	if (in->groups & PTC_DIS_REL) {
		*p++ = '"';
		p += put_hex(p, in->target);
		*p++ = '"';
	} else
		p += put_str(p, "null");
	p += put_str(p, ",\"target_symbol\":");
	if (tsym != NULL)
		p += put_json_str(p, tsym, 200);
	else
		p += put_str(p, "null");
	p += put_str(p, ",\"label\":");
	if (label != NULL)
		p += put_json_str(p, label, 200);
	else
		p += put_str(p, "null");
	*p++ = '}';
	*p++ = '\n';
	emit(line, (size_t)(p - line));
}

/* Disassemble len bytes at buf, the first at address base. */
static void
disasm(struct out *o, const uint8_t *buf, size_t len, uint64_t base,
    uint64_t count)
{
	struct ptc_insn in;
	uint64_t addr = base, last = len > 0 ? base + len - 1 : base;
	const char *label, *tsym;
	char tbuf[256], lbuf[300];
	unsigned unit = ptc_dis_unit(o->d);

	o->awidth = (unsigned)put_hex(tbuf, last);
	o->bwidth = unit == 1 ? 16 : 8;
	while (count-- > 0 && ptc_dis_next(o->d, &buf, &len, &addr, &in)) {
		label = tsym = NULL;
		if (o->nm != NULL) {
			label = o->nm->label(o->nm->ctx, in.addr);
			if ((in.groups & PTC_DIS_REL) &&
			    o->nm->describe(o->nm->ctx, in.target, tbuf,
			    sizeof(tbuf)) == 0)
				tsym = tbuf;
		}
		if (o->json)
			print_json(o, &in, label, tsym);
		else {
			if (label != NULL) {
				size_t n;

				lbuf[0] = '<';
				n = put_name(lbuf + 1, label, sizeof(lbuf) - 5);
				memcpy(lbuf + 1 + n, ">:\n", 3);
				emit(lbuf, n + 4);
			}
			print_text(o, &in, tsym);
		}
	}
}

static struct ptc_dis *open_arch(const char *, unsigned);
static uint64_t parse_num(const char *, const char *);

/* Symbols of an ELF file, walked in address order along the output. */
struct elf_names {
	struct ptc_elf *e;
	size_t n, next;  /* symbol count; first symbol not yet passed */
	const char *asked;  /* the symbol asked for labels its own start */
	uint64_t asked_addr;
};

static const char *
elf_label(void *ctx, uint64_t addr)
{
	struct elf_names *en = ctx;
	struct ptc_sym sym;
	const char *name = NULL;

	/* the first of a run at one address is the best name for it */
	while (en->next < en->n && ptc_elf_sym_at(en->e, en->next, &sym) == 0 &&
	    sym.value <= addr) {
		if (sym.value == addr && name == NULL && sym.name[0] != '\0')
			name = sym.name;
		en->next++;
	}
	if (en->asked != NULL && addr == en->asked_addr)
		name = en->asked;
	return name;
}

static int
elf_describe(void *ctx, uint64_t addr, char *buf, size_t len)
{
	struct elf_names *en = ctx;
	struct ptc_sym sym;
	int covered;

	if (ptc_elf_sym_find(en->e, addr, &sym, &covered) < 0 || !covered ||
	    sym.name[0] == '\0')
		return -1;
	if (addr == sym.value)
		snprintf(buf, len, "%s", sym.name);
	else
		snprintf(buf, len, "%s+0x%" PRIx64, sym.name, addr - sym.value);
	return 0;
}

/*
 * A relocatable object (.o) has no segments to read a symbol's bytes
 * from: its own section (-ffunction-sections) or .text holds them.
 */
static int
sym_in_text(struct ptc_elf *e, const char *name, uint64_t addr,
    uint64_t size, uint8_t *out)
{
	char sec[300];
	const char *try[2] = { sec, ".text" };
	const void *data;
	uint64_t saddr, ssize;
	size_t i;

	if (ptc_elf_type(e) != ET_REL)
		return -1;
	snprintf(sec, sizeof(sec), ".text.%s", name);
	for (i = 0; i < 2; i++)
		if (ptc_elf_section(e, try[i], &data, &saddr, &ssize) == 0 &&
		    addr >= saddr && size <= ssize &&
		    addr - saddr <= ssize - size) {
			memcpy(out, (const uint8_t *)data + (addr - saddr),
			    size);
			return 0;
		}
	return ptc_fail(ENOENT, "%s is in no section ptdis reads", name);
}

/*
 * The bytes to show from an ELF file: a section, or a function by
 * symbol; a name that starts with a dot is tried as a section first.
 */
static void
elf_range(struct ptc_elf *e, const char *path, const char *what,
    const uint8_t **data, uint8_t **copy, uint64_t *addr, uint64_t *size,
    int *thumb, int *is_sym)
{
	struct ptc_sym sym;
	const void *sdata;
	int sec_first = what[0] == '.';
	size_t i, n;

	*copy = NULL;
	*thumb = *is_sym = 0;
	if (ptc_elf_section(e, what, &sdata, addr, size) == 0) {
		if (sec_first || ptc_elf_sym_byname(e, what, &sym) < 0) {
			*data = sdata;
			return;
		}
	} else if (errno != ENOENT)  /* a section without bytes */
		errx(1, "%s: %s", path, ptc_error());
	if (ptc_elf_sym_byname(e, what, &sym) == 0) {
		/* ARM marks thumb functions with the low address bit */
		if (ptc_elf_machine(e) == EM_ARM && (sym.value & 1)) {
			sym.value &= ~(uint64_t)1;
			*thumb = 1;
		}
		*addr = sym.value;
		*size = sym.size;
		*is_sym = 1;
		if (*size == 0) {
			/* no size: up to the next symbol, or a little */
			*size = 64;
			n = ptc_elf_nsyms(e);
			for (i = 0; i < n; i++) {
				struct ptc_sym nx;

				if (ptc_elf_sym_at(e, i, &nx) == 0 &&
				    nx.value > sym.value) {
					if (nx.value - sym.value < 65536)
						*size = nx.value - sym.value;
					break;
				}
			}
		}
		if ((*copy = malloc(*size)) == NULL)
			err(1, "%s", path);
		if (ptc_elf_read(e, *addr, *copy, *size) < 0 &&
		    sym_in_text(e, what, *addr, *size, *copy) < 0)
			errx(1, "%s: %s at 0x%" PRIx64 ": %s", path, what, *addr,
			    ptc_error());
		*data = *copy;
		return;
	}
	errx(1, "%s: no symbol or section %s", path, what);
}

static void
dis_elf(struct out *o, const char *path, const char *what, const char *arch,
    unsigned flags, uint64_t count)
{
	struct elf_names en = { 0 };
	struct namer nm = { elf_label, elf_describe, &en };
	struct ptc_elf *e;
	const uint8_t *data;
	uint8_t *copy;
	uint64_t addr, size;
	int thumb, is_sym;

	if ((e = ptc_elf_open(path)) == NULL) {
		if (strstr(ptc_error(), path) != NULL)
			errx(1, "%s", ptc_error());
		errx(1, "%s: %s", path, ptc_error());
	}
	elf_range(e, path, what != NULL ? what : ".text", &data, &copy, &addr,
	    &size, &thumb, &is_sym);
	if (is_sym) {
		en.asked = what;
		en.asked_addr = addr;
	}
	if (arch == NULL && thumb)
		arch = "thumb";
	if (arch != NULL)
		o->d = open_arch(arch, flags);
	else if ((o->d = ptc_dis_open_elf(ptc_elf_machine(e), ptc_elf_class(e),
	    ptc_elf_big_endian(e), flags)) == NULL)
		errx(1, "%s: %s", path, ptc_error());
	en.e = e;
	en.n = ptc_elf_nsyms(e);
	o->nm = &nm;
	disasm(o, data, size, addr, count);
	free(copy);
	ptc_dis_close(o->d);
	ptc_elf_close(e);
}

/* Symbols of a live process. */
static const char *
pid_label(void *ctx, uint64_t addr)
{
	static char name[256];

	/* a symbol starts here when it covers addr with no offset */
	if (ptc_syms_describe(ctx, addr, name, sizeof(name), NULL, 0) < 0 ||
	    name[0] == '\0' || strchr(name, '+') != NULL)
		return NULL;
	return name;
}

static int
pid_describe(void *ctx, uint64_t addr, char *buf, size_t len)
{
	char mod[256];

	if (ptc_syms_describe(ctx, addr, buf, len, mod, sizeof(mod)) < 0)
		return -1;
	/* no symbol covers it (a PLT slot): the module and offset then */
	if (buf[0] == '\0')
		snprintf(buf, len, "%s", mod);
	return buf[0] != '\0' ? 0 : -1;
}

/* The disassembler for process pid: its executable's machine. */
static struct ptc_dis *
pid_dis(pid_t pid, const char *arch, unsigned flags)
{
	struct ptc_elf *e;
	struct ptc_dis *d = NULL;

	if (arch != NULL)
		return open_arch(arch, flags);
	if ((e = ptc_pid_elf(pid)) != NULL) {
		d = ptc_dis_open_elf(ptc_elf_machine(e), ptc_elf_class(e),
		    ptc_elf_big_endian(e), flags);
		ptc_elf_close(e);
	}
	return d != NULL ? d : open_arch(NULL, flags);
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
	struct namer nm = { pid_label, pid_describe, NULL };
	struct ptc_target *t;
	uint64_t addr, len = 64;
	uint8_t *buf;
	ssize_t n;
	pid_t pid;
	int rc = 0;

	if (ptc_pid_parse(pidarg, &pid) < 0)
		usage_err("%s", ptc_error());
	if (argc < 1)
		usage_err("-p needs an address%s", "");
	if (argc > 2)
		usage_err("too many operands%s", "");
	if (argc == 2)
		len = parse_num("bad length: %s", argv[1]);
	else if (count != UINT64_MAX)
		len = count < (1 << 16) ? count * PTC_INSN_MAX : 1 << 20;
	if (len > (1 << 30))
		usage_err("length too large: %s", argv[1]);
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
	o->d = pid_dis(pid, arch, flags);
	nm.ctx = ptc_target_syms(t);
	o->nm = nm.ctx != NULL ? &nm : NULL;
	disasm(o, buf, (size_t)n, addr, count);
	free(buf);
	ptc_dis_close(o->d);
	ptc_target_close(t);
	return rc;
}

/* The whole of fd into a malloc'd buffer. */
static uint8_t *
read_all(int fd, size_t *lenp)
{
	size_t cap = 1 << 16, len = 0;
	uint8_t *buf = malloc(cap), *nb;
	ssize_t r;

	if (buf == NULL)
		return NULL;
	for (;;) {
		if (len == cap) {
			if ((nb = reallocarray(buf, cap, 2)) == NULL) {
				free(buf);
				return NULL;
			}
			buf = nb;
			cap *= 2;
		}
		r = read(fd, buf + len, cap - len);
		if (r == 0)
			break;
		if (r < 0) {
			if (errno == EINTR)
				continue;
			free(buf);
			return NULL;
		}
		len += (size_t)r;
	}
	*lenp = len;
	return buf;
}

static uint64_t
parse_num(const char *fmt, const char *s)
{
	uint64_t v;

	if (ptc_parse_u64(s, &v) < 0)
		usage_err(fmt, s);
	return v;
}

static void
unknown_arch(const char *arch)
{
	const char *const *names = ptc_dis_arch_names();
	size_t i;

	fprintf(stderr, "%s: unknown architecture: %s\n", getprogname(), arch);
	fprintf(stderr, "%s: known architectures:", getprogname());
	for (i = 0; names[i] != NULL; i++)
		fprintf(stderr, " %s", names[i]);
	fputc('\n', stderr);
	usage();
	exit(2);
}

static struct ptc_dis *
open_arch(const char *arch, unsigned flags)
{
	struct ptc_dis *d;

	if ((d = ptc_dis_open(arch, flags)) != NULL)
		return d;
	if (arch != NULL && errno == EINVAL &&
	    strncmp(ptc_error(), "unknown", 7) == 0)
		unknown_arch(arch);
	fprintf(stderr, "%s: %s\n", getprogname(), ptc_error());
	usage();
	exit(2);
}

int
main(int argc, char *argv[])
{
	struct out o = { 0 };
	const char *arch = NULL, *elf = NULL, *pidarg = NULL, *errstr;
	uint64_t base = 0, count = UINT64_MAX;
	unsigned flags = 0;
	int ch, bflag = 0, fd, rc = 0;
	uint8_t *buf;
	size_t len;

	while ((ch = getopt(argc, argv, "a:b:e:hjn:p:s:V")) != -1) {
		switch (ch) {
		case 'a':
			arch = optarg;
			break;
		case 'b':
			base = parse_num("bad base address: %s", optarg);
			bflag = 1;
			break;
		case 'e':
			elf = optarg;
			break;
		case 'h':
			usage_fp = stdout;
			usage();
			return 0;
		case 'j':
			o.json = 1;
			break;
		case 'n':
			count = (uint64_t)strtonum(optarg, 1, LLONG_MAX, &errstr);
			if (errstr != NULL)
				usage_err("count is %s", errstr);
			break;
		case 'p':
			pidarg = optarg;
			break;
		case 's':
			if (strcmp(optarg, "att") == 0)
				flags |= PTC_DIS_ATT;
			else if (strcmp(optarg, "intel") == 0)
				flags &= ~PTC_DIS_ATT;
			else
				usage_err("unknown syntax: %s (att or intel)",
				    optarg);
			break;
		case 'V':
			printf("%s %s\n", getprogname(), ptc_version());
			return 0;
		default:
			usage();
			return 2;
		}
	}
	argc -= optind;
	argv += optind;
	if (elf != NULL && bflag)
		usage_err("-b is for raw bytes, not with %s", "-e");
	if (pidarg != NULL && (bflag || elf != NULL))
		usage_err("-p does not go with %s", bflag ? "-b" : "-e");
	if (argc > 1 && pidarg == NULL)
		usage_err("too many operands%s", "");
	if (!isatty(STDOUT_FILENO))
		setvbuf(stdout, NULL, _IOFBF, 1 << 20);
	if (pidarg != NULL)
		rc = dis_pid(&o, pidarg, argc, argv, arch, flags, count);
	else if (elf != NULL)
		dis_elf(&o, elf, argc > 0 ? argv[0] : NULL, arch, flags, count);
	if (pidarg != NULL || elf != NULL)
		goto done;
	o.d = open_arch(arch, flags);
	if (argc == 0 || strcmp(argv[0], "-") == 0)
		fd = STDIN_FILENO;
	else if ((fd = open(argv[0], O_RDONLY)) < 0)
		err(1, "%s", argv[0]);
	if ((buf = read_all(fd, &len)) == NULL)
		err(1, "%s", argc == 0 ? "stdin" : argv[0]);
	disasm(&o, buf, len, base, count);
	free(buf);
	ptc_dis_close(o.d);
done:
	if (fflush(stdout) != 0 || ferror(stdout))
		err(1, "stdout");
	return rc;
}
