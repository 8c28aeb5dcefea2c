/*
 * elf.c: ELF files through elfutils' libelf: symbols (.symtab and
 * .dynsym), sections, program headers and the bytes at a link-time
 * address.
 *
 * Files are read with pread (libelf's ELF_C_READ) rather than mapped: a
 * file that is truncated or rewritten while we look at it must give an
 * error, not SIGBUS, and only the parts needed are read (the symbols of
 * a 2 MB libc are a small part of it).  Every header value taken from
 * the file is checked before it is used, so a malformed file makes
 * ptc_elf_open() or a lookup fail but never crashes.
 */
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <inttypes.h>
#include <limits.h>
#include <stddef.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

/* Larger files are refused: no real executable or library comes near. */
#define ELF_MAX_SIZE ((size_t)1 << (sizeof(size_t) > 4 ? 32 : 31))

struct esym {
	const char *name;
	uint64_t value;
	uint64_t size;
	uint32_t shndx;
	uint8_t type;
	uint8_t bind;
	uint8_t dyn;     /* from .dynsym */
	uint8_t synth;   /* made up for a PLT entry ("puts@plt") */
	uint8_t thumb;   /* an ARM Thumb function: its value had the low
			    bit set, cleared here to give its address */
};

struct esec {
	uint64_t addr, size;
	int alloc;
};

struct ptc_elf {
	Elf *elf;
	char *image;         /* the file in memory, or NULL: read from fd */
	int fd;
	size_t len;          /* size of the file */
	GElf_Ehdr eh;
	GElf_Phdr *ph;
	size_t nph;
	struct esec *sec;    /* indexed by section number */
	size_t nsec;
	size_t shstrndx;     /* SIZE_MAX when unknown */
	struct esym *syms;   /* sorted by address */
	size_t nsyms;
	uint32_t *byname;    /* hash of names: index + 1 into syms, 0 empty */
	size_t nbuckets;     /* a power of two, or 0 before the first lookup */
	int sorted;          /* syms sorted and merged (at first need) */
	int has_symtab;
	char **pool;         /* names of made-up symbols */
	size_t npool;
};

static pthread_once_t elf_once = PTHREAD_ONCE_INIT;
static int elf_ok;

static void
elf_init(void)
{
	elf_ok = elf_version(EV_CURRENT) != EV_NONE;
}

int
ptc_read_all(int fd, size_t max, void **bufp, size_t *lenp)
{
	struct stat st;
	size_t cap, len = 0;
	char *buf;

	if (fstat(fd, &st) == -1)
		return -1;
	if (S_ISDIR(st.st_mode)) {
		errno = EISDIR;
		return -1;
	}
	if (S_ISREG(st.st_mode) && (uint64_t)st.st_size > max) {
		errno = EFBIG;
		return -1;
	}
	cap = S_ISREG(st.st_mode) && st.st_size > 0 ? (size_t)st.st_size : 65536;
	if (cap > max)
		cap = max > 0 ? max : 1;
	if ((buf = malloc(cap)) == NULL)
		return -1;
	for (;;) {
		ssize_t n;

		if (len == cap) {
			char *nb;

			if (cap >= max) {
				free(buf);
				errno = EFBIG;
				return -1;
			}
			cap = cap > max / 2 ? max : cap * 2;
			if ((nb = realloc(buf, cap)) == NULL) {
				free(buf);
				return -1;
			}
			buf = nb;
		}
		n = read(fd, buf + len, cap - len);
		if (n == -1) {
			if (errno == EINTR)
				continue;
			free(buf);
			return -1;
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	*bufp = buf;
	*lenp = len;
	return 0;
}

static int
pread_all(int fd, void *buf, size_t len, uint64_t off)
{
	char *p = buf;

	while (len > 0) {
		ssize_t n = pread(fd, p, len, (off_t)off);

		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n == 0)
				errno = EIO;
			return -1;
		}
		p += n;
		len -= (size_t)n;
		off += (uint64_t)n;
	}
	return 0;
}

/* Order for the address table: address, then the better name first. */
static int
sym_rank(const struct esym *s)
{
	int r = 0;

	/* global before weak before local; typed before untyped */
	if (s->bind == STB_WEAK)
		r += 2;
	else if (s->bind != STB_GLOBAL)
		r += 4;
	if (s->type == STT_NOTYPE)
		r += 1;
	return r;
}

/*
 * Names compare as if a version suffix ("memcpy@@GLIBC_2.14") were not
 * there, so such a symbol is found under its plain name.
 */
static int
name_cmp(const char *a, const char *b)
{
	for (;; a++, b++) {
		int ca = *a == '@' ? 0 : (unsigned char)*a;
		int cb = *b == '@' ? 0 : (unsigned char)*b;

		if (ca != cb)
			return ca - cb;
		if (ca == 0)
			return 0;
	}
}

static int
addr_order(const void *pa, const void *pb)
{
	const struct esym *a = pa, *b = pb;
	int c;

	if (a->value != b->value)
		return a->value < b->value ? -1 : 1;
	if ((c = sym_rank(a) - sym_rank(b)) != 0)
		return c;
	if (a->size != b->size)
		return a->size > b->size ? -1 : 1;
	/* "malloc" reads better than its alias "__libc_malloc" */
	if ((c = (int)strspn(a->name, "_") - (int)strspn(b->name, "_")) != 0)
		return c;
	if ((c = strcmp(a->name, b->name)) != 0)
		return c;
	return (int)a->dyn - (int)b->dyn;
}

/* FNV-1a of a name up to a version suffix (see name_cmp). */
static uint32_t
name_hash(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s != '\0' && *s != '@'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/*
 * Which of two symbols of the same name a lookup by name returns: the
 * exact spelling over a versioned one, .symtab over .dynsym, then the
 * better binding.
 */
static int
name_better(const struct esym *a, const struct esym *b, const char *name)
{
	int ea = strcmp(a->name, name) == 0, eb = strcmp(b->name, name) == 0;

	if (ea != eb)
		return ea;
	if (a->dyn != b->dyn)
		return !a->dyn;
	return sym_rank(a) < sym_rank(b);
}

/*
 * The name index is a hash table built at the first lookup by name:
 * linear in the symbols, where sorting 3,000 names of a libc costs more
 * than the rest of opening the file.
 */
static int
build_names(struct ptc_elf *e)
{
	size_t nb = 16, i;

	while (nb < 2 * e->nsyms)
		nb *= 2;
	if ((e->byname = calloc(nb, sizeof(uint32_t))) == NULL)
		return -1;
	e->nbuckets = nb;
	for (i = 0; i < e->nsyms; i++) {
		size_t b = name_hash(e->syms[i].name) & (nb - 1);

		while (e->byname[b] != 0)
			b = (b + 1) & (nb - 1);
		e->byname[b] = (uint32_t)(i + 1);
	}
	return 0;
}

/* Symbols worth naming an address with. */
static int
sym_wanted(const GElf_Sym *s, const char *name)
{
	int type = GELF_ST_TYPE(s->st_info);

	if (name == NULL || name[0] == '\0')
		return 0;
	if (s->st_shndx == SHN_UNDEF || s->st_shndx == SHN_ABS ||
	    s->st_shndx == SHN_COMMON)
		return 0;
	/* TLS values are offsets in the thread block, not addresses. */
	switch (type) {
	case STT_FUNC:
	case STT_OBJECT:
	case STT_NOTYPE:
	case STT_GNU_IFUNC:
		break;
	default:
		return 0;
	}
	/* assembler-local labels (".L...") and ARM-style mapping symbols */
	if (name[0] == '.' && name[1] == 'L')
		return 0;
	if (name[0] == '$' && (name[1] == 'x' || name[1] == 'd' ||
	    name[1] == 'a' || name[1] == 't') &&
	    (name[2] == '\0' || name[2] == '.'))
		return 0;
	return 1;
}

static int
push_sym(struct esym **vp, size_t *np, size_t *capp, const struct esym *s)
{
	if (*np == *capp) {
		size_t nc = *capp ? *capp * 2 : 256;
		struct esym *nv;

		if (nc > UINT32_MAX || (nv = reallocarray(*vp, nc,
		    sizeof(**vp))) == NULL)
			return -1;
		*vp = nv;
		*capp = nc;
	}
	(*vp)[(*np)++] = *s;
	return 0;
}

struct slot {
	uint64_t addr;      /* GOT slot a dynamic relocation fills */
	const char *name;   /* with the symbol's address */
};

static int
slot_order(const void *pa, const void *pb)
{
	const struct slot *a = pa, *b = pb;

	return a->addr < b->addr ? -1 : a->addr > b->addr;
}

/*
 * The GOT slot a PLT entry jumps through, for the machines whose PLT
 * layout we know.  -1 for PLT0 and anything else.
 * x86-64: every entry that reaches a function is "[endbr64] [bnd] jmp
 * *disp32(%rip)", lazy (.plt), IBT (.plt.sec) or GOT-bound (.plt.got).
 * i386: "[endbr32] jmp *abs32" in executables, "[endbr32] jmp
 * *disp32(%ebx)" in position-independent code, %ebx holding got (the
 * address of .got.plt).
 * AArch64: "[bti c] adrp x16, PAGE; ldr x17, [x16, #OFF]; add x16,
 * x16, #OFF; br x17", the slot at PAGE + OFF.
 * ARM: "add ip, pc, #A; add ip, ip, #B; ldr pc, [ip, #C]!" (ARM code,
 * A and B rotated immediates), the slot at the entry + 8 + A + B + C;
 * a Thumb "bx pc" (and a halfword to fill) may come first.
 */
static int
plt_slot(int machine, const unsigned char *c, size_t len, uint64_t addr,
    uint64_t got, uint64_t *slot)
{
	size_t i = 0;
	int32_t disp;

	switch (machine) {
	case EM_X86_64:
		if (len >= 4 && c[0] == 0xf3 && c[1] == 0x0f && c[2] == 0x1e &&
		    c[3] == 0xfa)
			i = 4;
		if (i < len && c[i] == 0xf2)
			i++;
		if (i + 6 > len || c[i] != 0xff || c[i + 1] != 0x25)
			return -1;
		memcpy(&disp, c + i + 2, 4);
		*slot = addr + i + 6 + (uint64_t)(int64_t)disp;
		return 0;
	case EM_386:
		if (len >= 4 && c[0] == 0xf3 && c[1] == 0x0f && c[2] == 0x1e &&
		    c[3] == 0xfb)
			i = 4;
		if (i + 6 > len || c[i] != 0xff ||
		    (c[i + 1] != 0x25 && c[i + 1] != 0xa3))
			return -1;
		memcpy(&disp, c + i + 2, 4);
		if (c[i + 1] == 0x25)
			*slot = (uint32_t)disp;
		else if (got != 0)
			*slot = (uint32_t)(got + (uint64_t)(int64_t)disp);
		else
			return -1;
		return 0;
	case EM_AARCH64: {
		uint32_t w[4];
		uint64_t imm, page;

		if (len >= 4 && c[0] == 0x5f && c[1] == 0x24 && c[2] == 0x03 &&
		    c[3] == 0xd5)           /* bti c */
			i = 4;
		if (i + sizeof(w) > len)
			return -1;
		/* little-endian words; a big-endian image has no entry here */
		for (size_t k = 0; k < 4; k++)
			w[k] = (uint32_t)c[i + 4 * k] |
			    (uint32_t)c[i + 4 * k + 1] << 8 |
			    (uint32_t)c[i + 4 * k + 2] << 16 |
			    (uint32_t)c[i + 4 * k + 3] << 24;
		/* adrp x16; ldr x17, [x16, #imm12*8]; add x16, x16; br x17 */
		if ((w[0] & 0x9f00001f) != 0x90000010 ||
		    (w[1] & 0xffc003ff) != 0xf9400211 ||
		    (w[2] & 0xffc003ff) != 0x91000210 ||
		    w[3] != 0xd61f0220)
			return -1;
		imm = ((uint64_t)((w[0] >> 5) & 0x7ffff) << 2 |
		    ((w[0] >> 29) & 3)) << 12;
		if (imm & (1ULL << 32))             /* 33-bit signed */
			imm |= ~((1ULL << 33) - 1);
		page = (addr + i) & ~(uint64_t)0xfff;
		*slot = page + imm + (uint64_t)((w[1] >> 10) & 0xfff) * 8;
		return 0;
	}
	case EM_ARM: {
		uint32_t w[3], imm[2];
		size_t k;

		if (len < sizeof(w))
			return -1;
		for (k = 0; k < 3; k++)
			w[k] = (uint32_t)c[4 * k] | (uint32_t)c[4 * k + 1] << 8 |
			    (uint32_t)c[4 * k + 2] << 16 |
			    (uint32_t)c[4 * k + 3] << 24;
		if ((w[0] & 0xfffff000) != 0xe28fc000 ||
		    (w[1] & 0xfffff000) != 0xe28cc000 ||
		    (w[2] & 0xfffff000) != 0xe5bcf000)
			return -1;
		for (k = 0; k < 2; k++) {
			uint32_t v = w[k] & 0xff, rot = 2 * ((w[k] >> 8) & 0xf);

			imm[k] = rot == 0 ? v : (v >> rot | v << (32 - rot));
		}
		*slot = (uint32_t)(addr + 8 + imm[0] + imm[1] + (w[2] & 0xfff));
		return 0;
	}
	default:
		return -1;
	}
}

/* Collect the relocations that name a symbol, sorted by the slot. */
static int
dyn_slots(struct ptc_elf *e, struct slot **sp, size_t *np)
{
	Elf_Scn *scn = NULL;
	struct slot *v = NULL;
	size_t n = 0, cap = 0;

	while ((scn = elf_nextscn(e->elf, scn)) != NULL) {
		GElf_Shdr sh, lsh;
		Elf_Scn *lscn;
		Elf_Data *d, *ld;
		size_t cnt, i, entsz;
		int rela;

		if (gelf_getshdr(scn, &sh) == NULL ||
		    (sh.sh_type != SHT_RELA && sh.sh_type != SHT_REL))
			continue;
		rela = sh.sh_type == SHT_RELA;
		if (sh.sh_link == 0 || sh.sh_link >= e->nsec ||
		    (lscn = elf_getscn(e->elf, sh.sh_link)) == NULL ||
		    gelf_getshdr(lscn, &lsh) == NULL ||
		    (lsh.sh_type != SHT_DYNSYM && lsh.sh_type != SHT_SYMTAB) ||
		    lsh.sh_link == 0 || lsh.sh_link >= e->nsec)
			continue;
		if ((d = elf_getdata(scn, NULL)) == NULL || d->d_buf == NULL ||
		    (ld = elf_getdata(lscn, NULL)) == NULL || ld->d_buf == NULL)
			continue;
		entsz = gelf_fsize(e->elf, rela ? ELF_T_RELA : ELF_T_REL, 1,
		    EV_CURRENT);
		if (entsz == 0)
			continue;
		cnt = d->d_size / entsz;
		for (i = 0; i < cnt; i++) {
			GElf_Rela r;
			GElf_Rel rl;
			GElf_Sym sym;
			const char *name;

			if (rela) {
				if (gelf_getrela(d, (int)i, &r) == NULL)
					break;
			} else {
				if (gelf_getrel(d, (int)i, &rl) == NULL)
					break;
				r.r_offset = rl.r_offset;
				r.r_info = rl.r_info;
			}
			if (GELF_R_SYM(r.r_info) == 0 ||
			    gelf_getsym(ld, (int)GELF_R_SYM(r.r_info), &sym) == NULL)
				continue;
			name = elf_strptr(e->elf, lsh.sh_link, sym.st_name);
			if (name == NULL || name[0] == '\0')
				continue;
			if (n == cap) {
				size_t nc = cap ? cap * 2 : 64;
				struct slot *nv = reallocarray(v, nc, sizeof(*v));

				if (nv == NULL) {
					free(v);
					return -1;
				}
				v = nv;
				cap = nc;
			}
			v[n].addr = r.r_offset;
			v[n].name = name;
			n++;
		}
	}
	if (n > 0)
		qsort(v, n, sizeof(*v), slot_order);
	*sp = v;
	*np = n;
	return 0;
}

/* The address i386 PIC code keeps in %ebx: .got.plt, else .got; 0 if none. */
static uint64_t
got_base(struct ptc_elf *e)
{
	uint64_t got = 0;
	size_t i;

	for (i = 1; i < e->nsec; i++) {
		Elf_Scn *scn = elf_getscn(e->elf, i);
		const char *sn;
		GElf_Shdr sh;

		if (scn == NULL || gelf_getshdr(scn, &sh) == NULL ||
		    (sn = elf_strptr(e->elf, e->shstrndx, sh.sh_name)) == NULL)
			continue;
		if (strcmp(sn, ".got.plt") == 0)
			return sh.sh_addr;
		if (strcmp(sn, ".got") == 0)
			got = sh.sh_addr;
	}
	return got;
}

/*
 * Name the PLT entries after the functions they call ("puts@plt"), as
 * objdump does, so a call into the PLT reads as what it calls.
 */
static int
plt_syms(struct ptc_elf *e, struct esym **vp, size_t *np, size_t *capp)
{
	static const char *const plts[] = { ".plt", ".plt.sec", ".plt.got" };
	struct slot *slots;
	size_t nslots, i;
	uint64_t got;

	if ((e->eh.e_machine != EM_X86_64 && e->eh.e_machine != EM_386 &&
	    e->eh.e_machine != EM_AARCH64 && e->eh.e_machine != EM_ARM) ||
	    e->shstrndx == SIZE_MAX)
		return 0;
	if (dyn_slots(e, &slots, &nslots) == -1)
		return -1;
	got = got_base(e);
	for (i = 1; nslots > 0 && i < e->nsec; i++) {
		Elf_Scn *scn = elf_getscn(e->elf, i);
		const unsigned char *c;
		const char *sn;
		GElf_Shdr sh;
		Elf_Data *d;
		size_t k, ent, off, step;

		if (scn == NULL || gelf_getshdr(scn, &sh) == NULL ||
		    sh.sh_type != SHT_PROGBITS ||
		    (sn = elf_strptr(e->elf, e->shstrndx, sh.sh_name)) == NULL)
			continue;
		for (k = 0; k < sizeof(plts) / sizeof(plts[0]); k++)
			if (strcmp(sn, plts[k]) == 0)
				break;
		if (k == sizeof(plts) / sizeof(plts[0]))
			continue;
		ent = sh.sh_entsize >= 8 && sh.sh_entsize <= 64 ?
		    (size_t)sh.sh_entsize : 16;
		step = ent;
		/* ARM: 12-byte entries after a 20-byte PLT0, by their words */
		if (e->eh.e_machine == EM_ARM) {
			ent = 12;
			step = 4;
		}
		if ((d = elf_rawdata(scn, NULL)) == NULL || d->d_buf == NULL)
			continue;
		c = d->d_buf;
		for (off = 0; off + ent <= d->d_size; off += step) {
			struct slot key, *hit;
			struct esym s;
			char **np2, *name;
			uint64_t slot;

			if (plt_slot(e->eh.e_machine, c + off, ent,
			    sh.sh_addr + off, got, &slot) == -1)
				continue;
			key.addr = slot;
			if ((hit = bsearch(&key, slots, nslots, sizeof(*slots),
			    slot_order)) == NULL)
				continue;
			if ((np2 = reallocarray(e->pool, e->npool + 1,
			    sizeof(*e->pool))) == NULL)
				goto fail;
			e->pool = np2;
			if (asprintf(&name, "%s@plt", hit->name) == -1)
				goto fail;
			e->pool[e->npool++] = name;
			memset(&s, 0, sizeof(s));
			s.name = name;
			s.value = sh.sh_addr + off;
			s.size = ent;
			/* ARM: a Thumb caller's "bx pc" stub starts it */
			if (e->eh.e_machine == EM_ARM && off >= 4 &&
			    memcmp(c + off - 4, "\x78\x47", 2) == 0) {
				s.value -= 4;
				s.size += 4;
			}
			s.shndx = (uint32_t)i;
			s.type = STT_FUNC;
			s.bind = STB_LOCAL;
			s.synth = 1;
			if (push_sym(vp, np, capp, &s) == -1)
				goto fail;
		}
	}
	free(slots);
	return 0;
fail:
	free(slots);
	return -1;
}

static int
load_syms(struct ptc_elf *e)
{
	Elf_Scn *scn = NULL;
	size_t cap = 0, n = 0;
	struct esym *v = NULL;

	while ((scn = elf_nextscn(e->elf, scn)) != NULL) {
		GElf_Shdr sh;
		Elf_Data *d;
		size_t cnt, i, entsz;

		if (gelf_getshdr(scn, &sh) == NULL)
			continue;
		if (sh.sh_type != SHT_SYMTAB && sh.sh_type != SHT_DYNSYM)
			continue;
		if (sh.sh_link == 0 || sh.sh_link >= e->nsec)
			continue;
		if ((d = elf_getdata(scn, NULL)) == NULL || d->d_buf == NULL)
			continue;
		if (sh.sh_type == SHT_SYMTAB)
			e->has_symtab = 1;
		entsz = gelf_fsize(e->elf, ELF_T_SYM, 1, EV_CURRENT);
		if (entsz == 0)
			continue;
		cnt = d->d_size / entsz;
		for (i = 1; i < cnt; i++) {
			GElf_Sym s;
			const char *name;

			if (gelf_getsym(d, (int)i, &s) == NULL)
				break;
			name = elf_strptr(e->elf, sh.sh_link, s.st_name);
			if (!sym_wanted(&s, name))
				continue;
			if (n == cap) {
				size_t nc = cap ? cap * 2 : 256;
				struct esym *nv;

				if (nc > UINT32_MAX ||
				    (nv = reallocarray(v, nc, sizeof(*v))) == NULL) {
					free(v);
					return -1;
				}
				v = nv;
				cap = nc;
			}
			v[n].name = name;
			v[n].value = s.st_value;
			v[n].thumb = 0;
			if (e->eh.e_machine == EM_ARM && (s.st_value & 1) &&
			    (GELF_ST_TYPE(s.st_info) == STT_FUNC ||
			    GELF_ST_TYPE(s.st_info) == STT_GNU_IFUNC)) {
				v[n].value &= ~(uint64_t)1;
				v[n].thumb = 1;
			}
			v[n].size = s.st_size;
			v[n].shndx = s.st_shndx;
			v[n].type = (uint8_t)GELF_ST_TYPE(s.st_info);
			v[n].bind = (uint8_t)GELF_ST_BIND(s.st_info);
			v[n].dyn = sh.sh_type == SHT_DYNSYM;
			n++;
		}
	}
	if (plt_syms(e, &v, &n, &cap) == -1) {
		free(v);
		return -1;
	}
	e->syms = v;
	e->nsyms = n;
	return 0;
}

/*
 * Sort by address at the first lookup that needs the order, so a lookup
 * by name alone does not pay for it.  The name index refers to places
 * in the table, so it is rebuilt after.
 */
static void
sort_syms(struct ptc_elf *e)
{
	struct esym *v = e->syms;
	size_t i, j, n = e->nsyms;

	if (e->sorted)
		return;
	e->sorted = 1;
	if (n == 0)
		return;
	qsort(v, n, sizeof(*v), addr_order);
	/* .symtab and .dynsym mostly repeat each other: keep one */
	for (i = 0, j = 0; i < n; i++) {
		if (j > 0 && v[j - 1].value == v[i].value &&
		    strcmp(v[j - 1].name, v[i].name) == 0) {
			if (!v[i].dyn)
				v[j - 1].dyn = 0;
			continue;
		}
		v[j++] = v[i];
	}
	e->nsyms = j;
	free(e->byname);
	e->byname = NULL;
	e->nbuckets = 0;
}

static int
load_headers(struct ptc_elf *e)
{
	size_t i, nph, nsec;

	if (elf_getphdrnum(e->elf, &nph) != 0)
		nph = 0;
	if (nph > 0) {
		if ((e->ph = calloc(nph, sizeof(*e->ph))) == NULL)
			return -1;
		for (i = 0; i < nph; i++) {
			if (gelf_getphdr(e->elf, (int)i, &e->ph[e->nph]) == NULL)
				continue;
			e->nph++;
		}
	}
	if (elf_getshdrnum(e->elf, &nsec) != 0)
		nsec = 0;
	if (nsec > 0) {
		if ((e->sec = calloc(nsec, sizeof(*e->sec))) == NULL)
			return -1;
		e->nsec = nsec;
		for (i = 0; i < nsec; i++) {
			Elf_Scn *scn = elf_getscn(e->elf, i);
			GElf_Shdr sh;

			if (scn == NULL || gelf_getshdr(scn, &sh) == NULL)
				continue;
			e->sec[i].addr = sh.sh_addr;
			e->sec[i].size = sh.sh_size;
			e->sec[i].alloc = (sh.sh_flags & SHF_ALLOC) != 0;
		}
	}
	if (elf_getshdrstrndx(e->elf, &e->shstrndx) != 0 ||
	    e->shstrndx >= e->nsec)
		e->shstrndx = SIZE_MAX;
	return 0;
}

/* Everything after e->elf is set; frees e on failure. */
static struct ptc_elf *
elf_setup(struct ptc_elf *e, const char *what)
{
	int saved;

	if (e->elf == NULL || elf_kind(e->elf) != ELF_K_ELF ||
	    gelf_getehdr(e->elf, &e->eh) == NULL) {
		ptc_fail(ENOEXEC, "%s: bad ELF file: %s", what,
		    elf_errmsg(-1));
		goto fail;
	}
	if (gelf_getclass(e->elf) == ELFCLASSNONE) {
		ptc_fail(ENOEXEC, "%s: bad ELF class", what);
		goto fail;
	}
	if (load_headers(e) == -1 || load_syms(e) == -1) {
		ptc_fail(errno ? errno : ENOMEM, "%s: %s", what,
		    strerror(errno ? errno : ENOMEM));
		goto fail;
	}
	return e;
fail:
	saved = errno;
	ptc_elf_close(e);
	errno = saved;
	return NULL;
}

static int
elf_lib_ok(void)
{
	pthread_once(&elf_once, elf_init);
	if (!elf_ok)
		return ptc_fail(ENOSYS, "libelf version mismatch");
	return 0;
}

/* Takes ownership of image (malloc'd, len bytes). */
static struct ptc_elf *
elf_from_image(char *image, size_t len, const char *what)
{
	struct ptc_elf *e;

	if (elf_lib_ok() == -1) {
		free(image);
		return NULL;
	}
	if (len < EI_NIDENT || memcmp(image, ELFMAG, SELFMAG) != 0) {
		free(image);
		ptc_fail(ENOEXEC, "%s: not an ELF file", what);
		return NULL;
	}
	if ((e = calloc(1, sizeof(*e))) == NULL) {
		free(image);
		ptc_fail(ENOMEM, "%s: %s", what, strerror(ENOMEM));
		return NULL;
	}
	e->fd = -1;
	e->image = image;
	e->len = len;
	e->shstrndx = SIZE_MAX;
	e->elf = elf_memory(image, len);
	return elf_setup(e, what);
}

/*
 * Takes ownership of fd.  A regular file is read by libelf with pread
 * as parts are needed (a library's symbols without the rest of it); a
 * file that shrinks meanwhile gives read errors, not SIGBUS as a mapping
 * would.  Anything else (a pipe) is read to its end first.
 */
static struct ptc_elf *
elf_from_fd(int fd, const char *what)
{
	struct ptc_elf *e;
	unsigned char magic[SELFMAG];
	struct stat st;
	char *image;
	size_t len;

	if (elf_lib_ok() == -1)
		goto fail;
	if (fstat(fd, &st) == -1) {
		ptc_fail(errno, "%s: %s", what, strerror(errno));
		goto fail;
	}
	if (S_ISDIR(st.st_mode)) {
		ptc_fail(EISDIR, "%s: %s", what, strerror(EISDIR));
		goto fail;
	}
	if (!S_ISREG(st.st_mode)) {
		if (ptc_read_all(fd, ELF_MAX_SIZE, (void **)&image, &len) == -1) {
			ptc_fail(errno, "%s: %s", what, strerror(errno));
			goto fail;
		}
		close(fd);
		return elf_from_image(image, len, what);
	}
	if (pread(fd, magic, SELFMAG, 0) != SELFMAG ||
	    memcmp(magic, ELFMAG, SELFMAG) != 0) {
		ptc_fail(ENOEXEC, "%s: not an ELF file", what);
		goto fail;
	}
	if ((e = calloc(1, sizeof(*e))) == NULL) {
		ptc_fail(ENOMEM, "%s: %s", what, strerror(ENOMEM));
		goto fail;
	}
	e->fd = fd;
	e->len = (size_t)st.st_size;
	e->shstrndx = SIZE_MAX;
	e->elf = elf_begin(fd, ELF_C_READ, NULL);
	return elf_setup(e, what);
fail:
	close(fd);
	return NULL;
}

struct ptc_elf *
ptc_elf_open(const char *path)
{
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		ptc_fail(errno, "%s: %s", path, strerror(errno));
		return NULL;
	}
	return elf_from_fd(fd, path);
}

struct ptc_elf *
ptc_elf_open_fd(int fd, const char *what)
{
	int own;

	if ((own = fcntl(fd, F_DUPFD_CLOEXEC, 0)) == -1) {
		ptc_fail(errno, "%s: %s", what, strerror(errno));
		return NULL;
	}
	return elf_from_fd(own, what);
}

struct ptc_elf *
ptc_elf_open_mem(const void *buf, size_t len)
{
	char *image;

	if ((image = malloc(len ? len : 1)) == NULL)
		return NULL;
	memcpy(image, buf, len);
	return elf_from_image(image, len, "ELF image");
}

void
ptc_elf_close(struct ptc_elf *e)
{
	if (e == NULL)
		return;
	if (e->elf != NULL)
		elf_end(e->elf);
	if (e->fd != -1)
		close(e->fd);
	free(e->image);
	free(e->ph);
	free(e->sec);
	free(e->syms);
	free(e->byname);
	for (size_t i = 0; i < e->npool; i++)
		free(e->pool[i]);
	free(e->pool);
	free(e);
}

int
ptc_elf_machine(const struct ptc_elf *e)
{
	return e->eh.e_machine;
}

int
ptc_elf_class(const struct ptc_elf *e)
{
	return e->eh.e_ident[EI_CLASS] == ELFCLASS32 ? 32 : 64;
}

int
ptc__thumb_at(pid_t pid, uint64_t addr)
{
	const struct ptc_map *m;
	struct ptc_maps *maps;
	struct ptc_elf *e = NULL;
	struct ptc_sym sym;
	uint64_t bias;
	int covered = 0, r = -1;

	if ((maps = ptc_maps_read(pid)) == NULL)
		return -1;
	if ((m = ptc_maps_find(maps, addr)) != NULL && m->path[0] == '/' &&
	    (e = ptc_elf_open(m->path)) != NULL &&
	    ptc_elf_machine(e) == EM_ARM &&
	    ptc_elf_bias(e, m->start, m->offset, &bias) == 0 &&
	    ptc_elf_sym_find(e, addr - bias, &sym, &covered) == 0 &&
	    covered && (sym.type == STT_FUNC || sym.type == STT_GNU_IFUNC))
		r = sym.thumb;
	ptc_elf_close(e);
	ptc_maps_free(maps);
	return r;
}

uint64_t
ptc__elf_entry(const struct ptc_elf *e)
{
	return e->eh.e_entry;
}

int
ptc_elf_type(const struct ptc_elf *e)
{
	return e->eh.e_type;
}

int
ptc_elf_big_endian(const struct ptc_elf *e)
{
	return e->eh.e_ident[EI_DATA] == ELFDATA2MSB;
}

int
ptc_elf_has_symtab(const struct ptc_elf *e)
{
	return e->has_symtab;
}

static void
fill(const struct esym *s, struct ptc_sym *out)
{
	if (out == NULL)
		return;
	out->name = s->name;
	out->value = s->value;
	out->size = s->size;
	out->type = s->type;
	out->thumb = s->thumb;
}

/* The symbol ptc_elf_sym_byname() finds, or NULL (errno set). */
static const struct esym *
sym_byname(struct ptc_elf *e, const char *name)
{
	const struct esym *best = NULL;
	size_t b;

	if (e->nsyms > 0 && e->nbuckets == 0 && build_names(e) == -1)
		return NULL;
	if (e->nsyms == 0) {
		ptc_fail(ENOENT, "unknown symbol '%s'", name);
		return NULL;
	}
	for (b = name_hash(name) & (e->nbuckets - 1); e->byname[b] != 0;
	    b = (b + 1) & (e->nbuckets - 1)) {
		const struct esym *s = &e->syms[e->byname[b] - 1];

		/* "puts" is not its PLT entry; "puts@plt" is */
		if (s->synth && strcmp(s->name, name) != 0)
			continue;
		if (name_cmp(s->name, name) == 0 &&
		    (best == NULL || name_better(s, best, name)))
			best = s;
	}
	if (best == NULL)
		ptc_fail(ENOENT, "unknown symbol '%s'", name);
	return best;
}

int
ptc_elf_sym_byname(struct ptc_elf *e, const char *name, struct ptc_sym *sym)
{
	const struct esym *s = sym_byname(e, name);

	if (s == NULL)
		return -1;
	fill(s, sym);
	return 0;
}

/* Index of the last symbol at or below addr, or SIZE_MAX. */
static size_t
last_at_or_below(const struct ptc_elf *e, uint64_t addr)
{
	size_t lo = ptc__count_le(e->syms, e->nsyms, sizeof(*e->syms),
	    offsetof(struct esym, value), addr);

	return lo == 0 ? SIZE_MAX : lo - 1;
}

/* A symbol with no size covers up to the next symbol, within its section. */
static int
covers(const struct ptc_elf *e, size_t i, uint64_t addr)
{
	const struct esym *s = &e->syms[i];
	const struct esec *sec;
	size_t j;

	if (s->size > 0)
		return addr - s->value < s->size;
	if (addr == s->value)
		return 1;
	if (s->shndx >= e->nsec)
		return 0;
	sec = &e->sec[s->shndx];
	if (!sec->alloc || addr < sec->addr || addr - sec->addr >= sec->size)
		return 0;
	for (j = i + 1; j < e->nsyms; j++) {
		if (e->syms[j].value > s->value)
			return addr < e->syms[j].value;
	}
	return 1;
}

/*
 * How far back to look for a large symbol that encloses smaller ones
 * before it (a function with local labels inside): a bound keeps the
 * lookup logarithmic.
 */
#define COVER_SCAN 64

int
ptc_elf_sym_find(struct ptc_elf *e, uint64_t addr, struct ptc_sym *sym,
    int *covered)
{
	size_t i, k, best = SIZE_MAX;

	sort_syms(e);
	if ((i = last_at_or_below(e, addr)) == SIZE_MAX)
		return ptc_fail(ENOENT, "no symbol at or below 0x%" PRIx64,
		    addr);
	/* the run of symbols at the same address starts with the best name */
	for (k = 0; k < COVER_SCAN && i != SIZE_MAX; k++, i--) {
		size_t first = i;

		while (first > 0 && e->syms[first - 1].value == e->syms[i].value)
			first--;
		if (best == SIZE_MAX)
			best = first;
		for (size_t j = first; j <= i; j++) {
			if (e->syms[j].size > 0 && covers(e, j, addr)) {
				fill(&e->syms[j], sym);
				*covered = 1;
				return 0;
			}
		}
		if (e->syms[first].size == 0 && covers(e, first, addr) &&
		    first == best) {
			fill(&e->syms[first], sym);
			*covered = 1;
			return 0;
		}
		if (first == 0)
			break;
		i = first;
	}
	fill(&e->syms[best], sym);
	*covered = 0;
	return 0;
}

int
ptc_elf_sym_byaddr(struct ptc_elf *e, uint64_t addr, struct ptc_sym *sym)
{
	int covered;

	return ptc_elf_sym_find(e, addr, sym, &covered);
}

size_t
ptc_elf_nsyms(struct ptc_elf *e)
{
	sort_syms(e);
	return e->nsyms;
}

int
ptc_elf_sym_at(struct ptc_elf *e, size_t i, struct ptc_sym *sym)
{
	sort_syms(e);
	if (i >= e->nsyms)
		return ptc_fail(ERANGE, "symbol index %zu out of range (%zu)",
		    i, e->nsyms);
	fill(&e->syms[i], sym);
	return 0;
}

int
ptc_elf_section(struct ptc_elf *e, const char *name, const void **data,
    uint64_t *addr, uint64_t *size)
{
	size_t i;

	if (e->shstrndx == SIZE_MAX)
		return ptc_fail(ENOENT, "no section names in this file");
	for (i = 1; i < e->nsec; i++) {
		Elf_Scn *scn = elf_getscn(e->elf, i);
		GElf_Shdr sh;
		Elf_Data *d;
		const char *n;

		if (scn == NULL || gelf_getshdr(scn, &sh) == NULL)
			continue;
		n = elf_strptr(e->elf, e->shstrndx, sh.sh_name);
		if (n == NULL || strcmp(n, name) != 0)
			continue;
		if (sh.sh_type == SHT_NOBITS)
			return ptc_fail(ENODATA, "section %s has no file data",
			    name);
		/* raw bytes, as they are in memory of a same-endian process */
		if ((d = elf_rawdata(scn, NULL)) == NULL)
			return ptc_fail(ENOEXEC, "section %s: %s", name,
			    elf_errmsg(-1));
		if (data != NULL)
			*data = d->d_buf;
		if (addr != NULL)
			*addr = sh.sh_addr;
		if (size != NULL)
			*size = d->d_buf == NULL ? 0 : d->d_size;
		return 0;
	}
	return ptc_fail(ENOENT, "no section %s", name);
}

int
ptc_elf_read(struct ptc_elf *e, uint64_t addr, void *buf, size_t len)
{
	unsigned char *out = buf;
	uint64_t a = addr;
	size_t left = len;

	while (left > 0) {
		const GElf_Phdr *p = NULL;
		uint64_t off, n, avail;
		size_t i;

		for (i = 0; i < e->nph; i++) {
			const GElf_Phdr *q = &e->ph[i];

			if (q->p_type == PT_LOAD && a >= q->p_vaddr &&
			    a - q->p_vaddr < q->p_memsz) {
				p = q;
				break;
			}
		}
		if (p == NULL)
			return ptc_fail(EFAULT, "0x%" PRIx64
			    " is not in a loaded segment", a);
		off = a - p->p_vaddr;
		avail = p->p_memsz - off;
		n = left < avail ? left : avail;
		if (off < p->p_filesz) {
			uint64_t fn = p->p_filesz - off;

			if (fn > n)
				fn = n;
			if (p->p_offset > e->len || off > e->len - p->p_offset ||
			    fn > e->len - p->p_offset - off)
				return ptc_fail(EIO, "segment at 0x%" PRIx64
				    " runs past the end of the file", p->p_vaddr);
			if (e->image != NULL)
				memcpy(out, e->image + p->p_offset + off, fn);
			else if (pread_all(e->fd, out, fn,
			    p->p_offset + off) == -1)
				return ptc_fail(EIO, "reading 0x%" PRIx64
				    ": %s", a, strerror(errno));
			/* bytes past p_filesz are zero-filled in memory */
			memset(out + fn, 0, n - fn);
		} else
			memset(out, 0, n);
		out += n;
		left -= n;
		a += n;
		if (left > 0 && a == 0)
			return ptc_fail(EFAULT, "read wraps around the address space");
	}
	return 0;
}

int
ptc_elf_bias(const struct ptc_elf *e, uint64_t map_start, uint64_t map_offset,
    uint64_t *bias)
{
	uint64_t pg = (uint64_t)sysconf(_SC_PAGESIZE);
	size_t i;

	if (pg == 0 || (pg & (pg - 1)) != 0)
		pg = 4096;
	for (i = 0; i < e->nph; i++) {
		const GElf_Phdr *p = &e->ph[i];
		uint64_t seg_off = p->p_offset & ~(pg - 1);
		uint64_t seg_end = p->p_offset + p->p_filesz;

		if (p->p_type != PT_LOAD)
			continue;
		if (seg_end <= seg_off)
			seg_end = seg_off + 1;
		if (map_offset < seg_off || map_offset >= seg_end)
			continue;
		*bias = map_start - ((p->p_vaddr & ~(pg - 1)) +
		    (map_offset - seg_off));
		return 0;
	}
	return ptc_fail(ENOENT, "file offset 0x%" PRIx64
	    " is in no loadable segment", map_offset);
}

int
ptc_elf_load_range(const struct ptc_elf *e, uint64_t *lo, uint64_t *hi)
{
	uint64_t l = UINT64_MAX, h = 0;
	size_t i;

	for (i = 0; i < e->nph; i++) {
		const GElf_Phdr *p = &e->ph[i];

		if (p->p_type != PT_LOAD || p->p_memsz == 0 ||
		    p->p_vaddr + p->p_memsz < p->p_vaddr)
			continue;
		if (p->p_vaddr < l)
			l = p->p_vaddr;
		if (p->p_vaddr + p->p_memsz > h)
			h = p->p_vaddr + p->p_memsz;
	}
	if (l >= h)
		return ptc_fail(ENOENT, "no loadable segments");
	*lo = l;
	*hi = h;
	return 0;
}

int
ptc_elf_build_id(struct ptc_elf *e, const void **id, size_t *len)
{
	size_t i;

	for (i = 1; i < e->nsec; i++) {
		Elf_Scn *scn = elf_getscn(e->elf, i);
		GElf_Shdr sh;
		Elf_Data *d;
		GElf_Nhdr nh;
		size_t off = 0, noff, doff;

		if (scn == NULL || gelf_getshdr(scn, &sh) == NULL ||
		    sh.sh_type != SHT_NOTE)
			continue;
		if ((d = elf_getdata(scn, NULL)) == NULL || d->d_buf == NULL)
			continue;
		while ((off = gelf_getnote(d, off, &nh, &noff, &doff)) > 0) {
			if (nh.n_type == NT_GNU_BUILD_ID && nh.n_namesz == 4 &&
			    memcmp((char *)d->d_buf + noff, "GNU", 4) == 0 &&
			    nh.n_descsz > 0) {
				*id = (char *)d->d_buf + doff;
				*len = nh.n_descsz;
				return 0;
			}
		}
	}
	return ptc_fail(ENOENT, "no build-id note");
}

const char *
ptc_elf_debuglink(struct ptc_elf *e)
{
	const void *data;
	uint64_t size;
	const char *s;

	if (ptc_elf_section(e, ".gnu_debuglink", &data, NULL, &size) == -1)
		return NULL;
	s = data;
	if (size == 0 || memchr(s, '\0', size) == NULL || s[0] == '\0' ||
	    strchr(s, '/') != NULL)
		return NULL;
	return s;
}

int
ptc_elf_sym_label(struct ptc_elf *e, uint64_t addr, struct ptc_sym *sym)
{
	size_t i;

	sort_syms(e);
	if ((i = last_at_or_below(e, addr)) == SIZE_MAX ||
	    e->syms[i].value != addr)
		return ptc_fail(ENOENT, "no symbol starts at 0x%" PRIx64, addr);
	/* the run of symbols at one address starts with the best name */
	while (i > 0 && e->syms[i - 1].value == addr)
		i--;
	for (; i < e->nsyms && e->syms[i].value == addr; i++)
		if (e->syms[i].name[0] != '\0') {
			fill(&e->syms[i], sym);
			return 0;
		}
	return ptc_fail(ENOENT, "no symbol starts at 0x%" PRIx64, addr);
}

int
ptc_elf_describe(struct ptc_elf *e, uint64_t addr, char *buf, size_t len)
{
	struct ptc_sym sym;
	int covered;

	if (ptc_elf_sym_find(e, addr, &sym, &covered) == -1)
		return -1;
	if (!covered || sym.name[0] == '\0')
		return ptc_fail(ENOENT, "no symbol covers 0x%" PRIx64, addr);
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
	const char *try[2] = { NULL, ".text" };
	const void *data;
	uint64_t saddr, ssize;
	char *own;
	size_t i;

	if (asprintf(&own, ".text.%s", name) == -1)
		return ptc_fail(ENOMEM, "%s: out of memory", name);
	try[0] = own;
	for (i = 0; i < 2; i++)
		if (ptc_elf_section(e, try[i], &data, &saddr, &ssize) == 0 &&
		    addr >= saddr && size <= ssize &&
		    addr - saddr <= ssize - size) {
			memcpy(out, (const uint8_t *)data + (addr - saddr),
			    size);
			free(own);
			return 0;
		}
	free(own);
	return ptc_fail(ENOENT, "%s is in neither %s.%s nor .text", name,
	    ".text", name);
}

/* Bytes of a function without a size: up to the next symbol, or a few. */
#define CODE_UNSIZED 64
#define CODE_UNSIZED_MAX 65536

/* The function called name, into c; -1 ENOENT when there is none. */
static int
code_of_sym(struct ptc_elf *e, const char *name, struct ptc_elf_code *c)
{
	const struct esym *es;
	struct ptc_sym sym;
	char why[256];
	size_t i;
	int saved;

	if ((es = sym_byname(e, name)) == NULL)
		return -1;
	fill(es, &sym);
	/* ARM marks thumb functions with the low address bit */
	c->thumb = es->thumb;
	c->addr = sym.value;
	c->size = sym.size;
	c->label = name;
	if (c->size == 0) {
		c->size = CODE_UNSIZED;
		sort_syms(e);
		i = last_at_or_below(e, sym.value);
		i = i == SIZE_MAX ? 0 : i + 1;
		if (i < e->nsyms &&
		    e->syms[i].value - sym.value < CODE_UNSIZED_MAX)
			c->size = e->syms[i].value - sym.value;
	}
	if ((c->copy = malloc(c->size > 0 ? c->size : 1)) == NULL)
		return ptc_fail(ENOMEM, "%s: out of memory", name);
	if (ptc_elf_read(e, c->addr, c->copy, c->size) == -1 &&
	    (ptc_elf_type(e) != ET_REL ||
	    sym_in_text(e, name, c->addr, c->size, c->copy) == -1)) {
		saved = errno;
		snprintf(why, sizeof(why), "%s", ptc_error());
		ptc_elf_code_free(c);
		/* not ENOENT: the symbol is there */
		return ptc_fail(saved == ENOENT ? EFAULT : saved,
		    "%s at 0x%" PRIx64 ": %s", name, sym.value, why);
	}
	c->data = c->copy;
	return 0;
}

int
ptc_elf_code(struct ptc_elf *e, const char *what, struct ptc_elf_code *c)
{
	const void *sdata;
	int r;

	memset(c, 0, sizeof(*c));
	if (what == NULL)
		what = ".text";
	if (ptc_elf_section(e, what, &sdata, &c->addr, &c->size) == 0) {
		/* a name with a dot is a section first, others a symbol */
		if (what[0] == '.' || ptc_elf_sym_byname(e, what, NULL) == -1) {
			c->data = sdata;
			return 0;
		}
	} else if (errno != ENOENT)
		return -1;  /* a section without bytes */
	if ((r = code_of_sym(e, what, c)) == 0 || errno != ENOENT)
		return r;
	return ptc_fail(ENOENT, "no symbol or section %s", what);
}

void
ptc_elf_code_free(struct ptc_elf_code *c)
{
	free(c->copy);
	memset(c, 0, sizeof(*c));
}
