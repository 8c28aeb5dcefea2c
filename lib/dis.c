/*
 * dis.c: the disassembler behind ptdis and ptstep, a thin layer over
 * capstone.  Every capstone mode and constant the suite uses is in the
 * arch table below, one row per CPU, so that a capstone upgrade touches
 * one row per CPU; which row is the native CPU is the arch/ layer's call.
 *
 * Speed: capstone's detail mode (operands and groups) costs about a
 * quarter of the decoding time.  Instructions are decoded without it and
 * their groups, which depend on the instruction id only, are learnt the
 * first time an id is met, with a second handle that has detail on.  An
 * immediate branch target is read back from the operand text, which
 * capstone prints as the absolute address.
 */
#include <elf.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <capstone/capstone.h>

#include "internal.h"

struct dis_arch {
	const char *names[4];  /* canonical name first, then aliases */
	cs_arch arch;
	cs_mode mode;
	unsigned bits;         /* address width */
	unsigned unit;         /* smallest instruction: what data skips */
	int elf_machine;       /* EM_*, 0 when chosen by name only */
	int elf_class;         /* 32 or 64; 0 for any */
	int elf_big;           /* byte order of the ELF files it reads */
	int x86;               /* takes the AT&T syntax option */
};

static const struct dis_arch archs[] = {
	{ { "x86_64", "x86-64", "amd64" }, CS_ARCH_X86, CS_MODE_64,
	    64, 1, EM_X86_64, 64, 0, 1 },
	{ { "i386", "x86", "i686" }, CS_ARCH_X86, CS_MODE_32,
	    32, 1, EM_386, 32, 0, 1 },
	{ { "x86-16", "8086", "i8086" }, CS_ARCH_X86, CS_MODE_16,
	    16, 1, 0, 0, 0, 1 },
	{ { "aarch64", "arm64" }, CS_ARCH_ARM64, CS_MODE_LITTLE_ENDIAN,
	    64, 4, EM_AARCH64, 64, 0, 0 },
	{ { "arm" }, CS_ARCH_ARM, CS_MODE_ARM,
	    32, 4, EM_ARM, 32, 0, 0 },
	{ { "armeb" }, CS_ARCH_ARM, CS_MODE_ARM | CS_MODE_BIG_ENDIAN,
	    32, 4, EM_ARM, 32, 1, 0 },
	{ { "thumb" }, CS_ARCH_ARM, CS_MODE_THUMB,
	    32, 2, 0, 0, 0, 0 },
	{ { "mips" }, CS_ARCH_MIPS, CS_MODE_MIPS32 | CS_MODE_BIG_ENDIAN,
	    32, 4, EM_MIPS, 32, 1, 0 },
	{ { "mipsel" }, CS_ARCH_MIPS, CS_MODE_MIPS32 | CS_MODE_LITTLE_ENDIAN,
	    32, 4, EM_MIPS, 32, 0, 0 },
	{ { "mips64" }, CS_ARCH_MIPS, CS_MODE_MIPS64 | CS_MODE_BIG_ENDIAN,
	    64, 4, EM_MIPS, 64, 1, 0 },
	{ { "mips64el" }, CS_ARCH_MIPS, CS_MODE_MIPS64 | CS_MODE_LITTLE_ENDIAN,
	    64, 4, EM_MIPS, 64, 0, 0 },
	{ { "ppc", "powerpc" }, CS_ARCH_PPC, CS_MODE_32 | CS_MODE_BIG_ENDIAN,
	    32, 4, EM_PPC, 32, 1, 0 },
	{ { "ppc64", "powerpc64" }, CS_ARCH_PPC, CS_MODE_64 | CS_MODE_BIG_ENDIAN,
	    64, 4, EM_PPC64, 64, 1, 0 },
	{ { "ppc64le", "powerpc64le" }, CS_ARCH_PPC,
	    CS_MODE_64 | CS_MODE_LITTLE_ENDIAN, 64, 4, EM_PPC64, 64, 0, 0 },
};
#define NARCHS (sizeof(archs) / sizeof(archs[0]))

/* Capstone's generic groups and ours, bit for bit. */
static const struct {
	uint8_t cs;
	unsigned ptc;
} group_map[] = {
	{ CS_GRP_JUMP, PTC_DIS_JUMP },
	{ CS_GRP_CALL, PTC_DIS_CALL },
	{ CS_GRP_RET, PTC_DIS_RET },
	{ CS_GRP_INT, PTC_DIS_INT },
	{ CS_GRP_IRET, PTC_DIS_IRET },
	{ CS_GRP_PRIVILEGE, PTC_DIS_PRIV },
};

#define GC_KNOWN 0x80 /* group cache entry filled */

struct ptc_dis {
	const struct dis_arch *a;
	csh h;          /* decoding, detail off */
	csh hd;         /* learning groups, detail on */
	cs_insn *ci;
	cs_insn *cd;
	uint8_t *gcache; /* per instruction id: groups | GC_KNOWN */
	size_t ngcache;
};

/* Filled once from the table, for ptc_dis_arch_names(). */
static const char *all_names[NARCHS * 4 + 1];
static unsigned char name_canon[NARCHS * 4];

const char *const *
ptc_dis_arch_names(void)
{
	size_t i, j, n = 0;

	if (all_names[0] != NULL)
		return all_names;
	for (i = 0; i < NARCHS; i++)
		for (j = 0; j < 4 && archs[i].names[j] != NULL; j++) {
			name_canon[n] = j == 0;
			all_names[n++] = archs[i].names[j];
		}
	all_names[n] = NULL;
	return all_names;
}

int
ptc_dis_arch_canonical(size_t i)
{
	ptc_dis_arch_names();
	return i < NARCHS * 4 && all_names[i] != NULL && name_canon[i];
}

static struct ptc_dis *
dis_new(const struct dis_arch *a, unsigned flags)
{
	struct ptc_dis *d;
	cs_err e;

	if ((flags & PTC_DIS_ATT) && !a->x86) {
		ptc_fail(EINVAL, "AT&T syntax is for x86 only, not %s",
		    a->names[0]);
		return NULL;
	}
	if ((d = calloc(1, sizeof(*d))) == NULL)
		return NULL;
	d->a = a;
	if ((e = cs_open(a->arch, a->mode, &d->h)) != CS_ERR_OK) {
		free(d);
		ptc_fail(ENOTSUP, "capstone cannot open %s: %s", a->names[0],
		    cs_strerror(e));
		return NULL;
	}
	if ((e = cs_open(a->arch, a->mode, &d->hd)) != CS_ERR_OK) {
		cs_close(&d->h);
		free(d);
		ptc_fail(ENOTSUP, "capstone cannot open %s: %s", a->names[0],
		    cs_strerror(e));
		return NULL;
	}
	cs_option(d->hd, CS_OPT_DETAIL, CS_OPT_ON);
	if (flags & PTC_DIS_ATT)
		cs_option(d->h, CS_OPT_SYNTAX, CS_OPT_SYNTAX_ATT);
	d->ci = cs_malloc(d->h);
	d->cd = cs_malloc(d->hd);
	if (d->ci == NULL || d->cd == NULL) {
		ptc_dis_close(d);
		errno = ENOMEM;
		return NULL;
	}
	return d;
}

struct ptc_dis *
ptc_dis_open(const char *arch, unsigned flags)
{
	size_t i, j;

	if (arch == NULL)
		arch = ptc_arch_dis_native();
	for (i = 0; i < NARCHS; i++)
		for (j = 0; j < 4 && archs[i].names[j] != NULL; j++)
			if (strcasecmp(arch, archs[i].names[j]) == 0)
				return dis_new(&archs[i], flags);
	ptc_fail(EINVAL, "unknown architecture: %s", arch);
	return NULL;
}

struct ptc_dis *
ptc_dis_open_elf(int machine, int elfclass, int big_endian, unsigned flags)
{
	size_t i;

	for (i = 0; i < NARCHS; i++)
		if (archs[i].elf_machine == machine &&
		    (archs[i].elf_class == 0 || archs[i].elf_class == elfclass) &&
		    archs[i].elf_big == !!big_endian)
			return dis_new(&archs[i], flags);
	ptc_fail(ENOTSUP, "no disassembler for ELF machine %d (%d-bit, %s)",
	    machine, elfclass, big_endian ? "big-endian" : "little-endian");
	return NULL;
}

struct ptc_dis *
ptc_dis_open_file(const struct ptc_elf *e, int thumb, unsigned flags)
{
	if (thumb && ptc_elf_machine(e) == EM_ARM)
		return ptc_dis_open("thumb", flags);
	return ptc_dis_open_elf(ptc_elf_machine(e), ptc_elf_class(e),
	    ptc_elf_big_endian(e), flags);
}

struct ptc_dis *
ptc_dis_open_pid(pid_t pid, unsigned flags)
{
	struct ptc_elf *e;
	struct ptc_dis *d = NULL;

	if ((e = ptc_pid_elf(pid)) != NULL) {
		d = ptc_dis_open_file(e, (ptc__elf_entry(e) & 1) != 0, flags);
		ptc_elf_close(e);
	}
	return d != NULL ? d : ptc_dis_open(NULL, flags);
}

void
ptc_dis_close(struct ptc_dis *d)
{
	if (d == NULL)
		return;
	if (d->ci != NULL)
		cs_free(d->ci, 1);
	if (d->cd != NULL)
		cs_free(d->cd, 1);
	cs_close(&d->h);
	cs_close(&d->hd);
	free(d->gcache);
	free(d);
}

const char *
ptc_dis_arch(const struct ptc_dis *d)
{
	return d->a->names[0];
}

unsigned
ptc_dis_addr_bits(const struct ptc_dis *d)
{
	return d->a->bits;
}

const char *
ptc_dis_group_name(unsigned bit)
{
	switch (bit) {
	case PTC_DIS_JUMP: return "jump";
	case PTC_DIS_CALL: return "call";
	case PTC_DIS_RET: return "ret";
	case PTC_DIS_INT: return "int";
	case PTC_DIS_IRET: return "iret";
	case PTC_DIS_PRIV: return "privilege";
	case PTC_DIS_REL: return "branch_relative";
	case PTC_DIS_DATA: return "data";
	}
	return NULL;
}

/* Groups of the instruction just decoded into d->ci, from its id. */
static unsigned
groups_of(struct ptc_dis *d, const uint8_t *code, size_t size, uint64_t addr)
{
	unsigned id = d->ci->id, g = 0;
	const uint8_t *p = code;
	size_t i, k, n = size;
	uint64_t a = addr;

	if (id < d->ngcache && (d->gcache[id] & GC_KNOWN))
		return d->gcache[id] & ~GC_KNOWN;
	if (id >= d->ngcache) {
		size_t nn = id + 64;
		uint8_t *gc = realloc(d->gcache, nn);

		if (gc == NULL)
			return 0;  /* no groups rather than no output */
		memset(gc + d->ngcache, 0, nn - d->ngcache);
		d->gcache = gc;
		d->ngcache = nn;
	}
	if (cs_disasm_iter(d->hd, &p, &n, &a, d->cd) && d->cd->detail != NULL) {
		const cs_detail *det = d->cd->detail;

		for (i = 0; i < det->groups_count; i++)
			for (k = 0; k < sizeof(group_map) / sizeof(group_map[0]); k++)
				if (det->groups[i] == group_map[k].cs)
					g |= group_map[k].ptc;
	}
	d->gcache[id] = (uint8_t)(g | GC_KNOWN);
	return g;
}

/*
 * The immediate target of a branch: its last operand when that is a
 * plain number, with the "#" that ARM puts before immediates.
 */
static int
parse_target(const char *ops, uint64_t *target)
{
	const char *p = strrchr(ops, ',');
	uint64_t v = 0;
	int hex = 0, digits = 0;

	p = p == NULL ? ops : p + 1;
	while (*p == ' ')
		p++;
	if (*p == '#')
		p++;
	if (p[0] == '0' && p[1] == 'x') {
		hex = 1;
		p += 2;
	}
	for (; *p != '\0'; p++, digits++) {
		unsigned c = (unsigned char)*p, dv;

		if (c >= '0' && c <= '9')
			dv = c - '0';
		else if (hex && c >= 'a' && c <= 'f')
			dv = c - 'a' + 10;
		else
			return 0;
		if (digits >= 16)
			return 0;
		v = hex ? v << 4 | dv : v * 10 + dv;
	}
	if (digits == 0)
		return 0;
	*target = v;
	return 1;
}

static void
fill_data(struct ptc_insn *in, const uint8_t *code, size_t n, uint64_t addr)
{
	static const char hx[] = "0123456789abcdef";
	char *o = in->operands;
	size_t i;

	memset(in, 0, offsetof(struct ptc_insn, mnemonic));
	in->addr = addr;
	in->size = (unsigned)n;
	in->groups = PTC_DIS_DATA;
	memcpy(in->bytes, code, n);
	memcpy(in->mnemonic, ".byte", sizeof(".byte"));
	for (i = 0; i < n; i++) {
		if (i > 0) {
			*o++ = ',';
			*o++ = ' ';
		}
		*o++ = '0';
		*o++ = 'x';
		*o++ = hx[code[i] >> 4];
		*o++ = hx[code[i] & 15];
	}
	*o = '\0';
}

static const struct ptc__arch_code *code_by_name(const char *disarch);

int
ptc_dis_next(struct ptc_dis *d, const uint8_t **code, size_t *len,
    uint64_t *addr, struct ptc_insn *in)
{
	const uint8_t *start = *code;
	uint64_t a0 = *addr;
	size_t n;

	if (*len == 0)
		return 0;
	if (cs_disasm_iter(d->h, code, len, addr, d->ci)) {
		const cs_insn *ci = d->ci;
		const struct ptc__arch_code *c;
		size_t ml = strlen(ci->mnemonic), ol = strlen(ci->op_str);

		in->addr = ci->address;
		in->size = ci->size;
		memcpy(in->bytes, ci->bytes, ci->size);
		if (ml >= sizeof(in->mnemonic))
			ml = sizeof(in->mnemonic) - 1;
		memcpy(in->mnemonic, ci->mnemonic, ml);
		in->mnemonic[ml] = '\0';
		if (ol >= sizeof(in->operands))
			ol = sizeof(in->operands) - 1;
		memcpy(in->operands, ci->op_str, ol);
		in->operands[ol] = '\0';
		in->groups = groups_of(d, start, ci->size, a0);
		/*
		 * A call capstone puts in no group (PowerPC's bl): the
		 * CPU's table knows it.
		 */
		if (!(in->groups & (PTC_DIS_JUMP | PTC_DIS_CALL)) &&
		    (c = code_by_name(ptc_dis_arch(d))) != NULL &&
		    ptc__insn_match(c->calls, 2, in))
			in->groups |= PTC_DIS_CALL;
		in->target = 0;
		if ((in->groups & (PTC_DIS_JUMP | PTC_DIS_CALL)) &&
		    parse_target(in->operands, &in->target))
			in->groups |= PTC_DIS_REL;
		return 1;
	}
	/*
	 * Either the bytes are no instruction (skip one unit) or the buffer
	 * ends inside one: with zeros after the end it would decode to
	 * something longer than what is left.
	 */
	n = d->a->unit;
	if (*len < PTC_INSN_MAX) {
		uint8_t pad[PTC_INSN_MAX] = { 0 };
		const uint8_t *p = pad;
		size_t pn = sizeof(pad);
		uint64_t pa = a0;

		memcpy(pad, start, *len);
		if (cs_disasm_iter(d->h, &p, &pn, &pa, d->ci) &&
		    d->ci->size > *len)
			n = *len;
	}
	if (n > *len)
		n = *len;
	fill_data(in, start, n, a0);
	*code += n;
	*len -= n;
	*addr += n;
	return 1;
}

size_t
ptc_dis_one(struct ptc_dis *d, const void *buf, size_t len, uint64_t addr,
    struct ptc_insn *in)
{
	const uint8_t *p = buf;
	size_t n = len < PTC_INSN_MAX ? len : PTC_INSN_MAX;

	if (!ptc_dis_next(d, &p, &n, &addr, in))
		return 0;
	return in->size;
}

unsigned
ptc_dis_unit(const struct ptc_dis *d)
{
	return d->a->unit;
}

/*
 * Syscall and breakpoint instructions, and the registers of a syscall.
 * Which bytes make a syscall or a trap and which registers carry it is
 * the CPU layer's knowledge, as data (ptc_arch_code, arch/<cpu>/dis.c):
 * one row per kind of code the CPU runs, matched here for every CPU by
 * disassembler architecture or by the audit arch of a snapshot's code.
 */
const char *
ptc_arch_dis_native(void)
{
	return ptc_arch_code[0]->disarch;
}

static const struct ptc__arch_code *
code_by_name(const char *disarch)
{
	size_t i;

	for (i = 0; ptc_arch_code[i] != NULL; i++)
		if (strcmp(ptc_arch_code[i]->disarch, disarch) == 0)
			return ptc_arch_code[i];
	return NULL;
}

int
ptc__insn_match(const struct ptc__insn_pat *pats, size_t n,
    const struct ptc_insn *in)
{
	uint32_t w;
	size_t i, j;

	if (in->size == 0)
		return 0;
	for (i = 0; i < n; i++) {
		if (pats[i].size == 0 || pats[i].size != in->size)
			continue;
		/*
		 * Bytes capstone does not decode match an exact pattern only
		 * (scv 0, newer than capstone 4).
		 */
		if ((in->groups & PTC_DIS_DATA) && (pats[i].size < 4 ||
		    pats[i].mask != 0xffffffff))
			continue;
		for (w = 0, j = 0; j < in->size; j++)
			w |= (uint32_t)in->bytes[j] << (8 * j);
		if ((w & pats[i].mask) == pats[i].value)
			return 1;
	}
	return 0;
}

int
ptc_insn_is_syscall(const struct ptc_dis *d, const struct ptc_insn *in)
{
	const struct ptc__arch_code *c = code_by_name(ptc_dis_arch(d));

	return c != NULL && ptc__insn_match(c->sys, 2, in);
}

int
ptc_insn_is_breakpoint(const struct ptc_dis *d, const struct ptc_insn *in)
{
	const struct ptc__arch_code *c = code_by_name(ptc_dis_arch(d));

	return c != NULL && ptc__insn_match(c->bp, 2, in);
}

int
ptc_regs_syscall_args(const struct ptc_regs *r, uint64_t *nr,
    uint64_t args[6], uint32_t *arch)
{
	const struct ptc__arch_code *c = NULL;
	uint64_t unused;
	uint32_t a = 0;
	size_t i;

	ptc_regs_syscall(r, &unused, &a);
	for (i = 0; ptc_arch_code[i] != NULL && c == NULL; i++)
		if (ptc_arch_code[i]->audit == a)
			c = ptc_arch_code[i];
	if (c == NULL)
		return ptc_fail(ENOTSUP, "no syscall convention known for "
		    "audit arch %#x", (unsigned)a);
	if (ptc_regs_get(r, c->regs[0], nr) != 0)
		return -1;
	for (i = 0; i < 6; i++)
		if (ptc_regs_get(r, c->regs[i + 1], &args[i]) != 0)
			return -1;
	if (arch != NULL)
		*arch = a;
	return 0;
}
