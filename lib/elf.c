/*
 * elf.c: ELF files through elfutils' libelf: symbols (.symtab and
 * .dynsym), sections, program headers and the bytes at a link-time
 * address.
 *
 * The whole file is read into memory and handed to elf_memory() rather
 * than mapped: a file that is truncated or rewritten while we look at it
 * must give an error, not SIGBUS.  Every header value taken from the file
 * is checked before it is used, so a malformed file makes ptc_elf_open()
 * or a lookup fail but never crashes.
 */
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <inttypes.h>
#include <limits.h>
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
};

struct esec {
	uint64_t addr, size;
	int alloc;
};

struct ptc_elf {
	Elf *elf;
	char *image;
	size_t len;
	GElf_Ehdr eh;
	GElf_Phdr *ph;
	size_t nph;
	struct esec *sec;    /* indexed by section number */
	size_t nsec;
	size_t shstrndx;     /* SIZE_MAX when unknown */
	struct esym *syms;   /* sorted by address */
	size_t nsyms;
	uint32_t *byname;    /* indexes into syms, sorted by name */
	int has_symtab;
};

static pthread_once_t elf_once = PTHREAD_ONCE_INIT;
static int elf_ok;

static void
elf_init(void)
{
	elf_ok = elf_version(EV_CURRENT) != EV_NONE;
}

/* Read all of fd (a regular file, or anything read(2) can drain). */
static int
read_all(int fd, char **bufp, size_t *lenp)
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
	cap = S_ISREG(st.st_mode) && st.st_size > 0 ? (size_t)st.st_size : 65536;
	if (cap > ELF_MAX_SIZE) {
		errno = EFBIG;
		return -1;
	}
	if ((buf = malloc(cap)) == NULL)
		return -1;
	for (;;) {
		ssize_t n;

		if (len == cap) {
			char *nb;

			if (cap >= ELF_MAX_SIZE) {
				free(buf);
				errno = EFBIG;
				return -1;
			}
			cap *= 2;
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

/* qsort_r is a GNU extension; the table is passed through a static. */
static _Thread_local const struct esym *sort_syms;

static int
name_order(const void *pa, const void *pb)
{
	const struct esym *a = &sort_syms[*(const uint32_t *)pa];
	const struct esym *b = &sort_syms[*(const uint32_t *)pb];
	int c;

	if ((c = name_cmp(a->name, b->name)) != 0)
		return c;
	/* .symtab before .dynsym, then the better binding */
	if (a->dyn != b->dyn)
		return (int)a->dyn - (int)b->dyn;
	if ((c = sym_rank(a) - sym_rank(b)) != 0)
		return c;
	if (a->value != b->value)
		return a->value < b->value ? -1 : 1;
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
			v[n].size = s.st_size;
			v[n].shndx = s.st_shndx;
			v[n].type = (uint8_t)GELF_ST_TYPE(s.st_info);
			v[n].bind = (uint8_t)GELF_ST_BIND(s.st_info);
			v[n].dyn = sh.sh_type == SHT_DYNSYM;
			n++;
		}
	}
	if (n > 0) {
		size_t i, j;

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
		n = j;
		if ((e->byname = reallocarray(NULL, n, sizeof(uint32_t))) == NULL) {
			free(v);
			return -1;
		}
		for (i = 0; i < n; i++)
			e->byname[i] = (uint32_t)i;
		sort_syms = v;
		qsort(e->byname, n, sizeof(uint32_t), name_order);
		sort_syms = NULL;
	}
	e->syms = v;
	e->nsyms = n;
	return 0;
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

/* Takes ownership of image (malloc'd, len bytes). */
static struct ptc_elf *
elf_from_image(char *image, size_t len, const char *what)
{
	struct ptc_elf *e;
	int saved;

	pthread_once(&elf_once, elf_init);
	if (!elf_ok) {
		free(image);
		ptc_fail(ENOSYS, "libelf version mismatch");
		return NULL;
	}
	if (len < EI_NIDENT || memcmp(image, ELFMAG, SELFMAG) != 0) {
		free(image);
		ptc_fail(ENOEXEC, "%s: not an ELF file", what);
		return NULL;
	}
	if ((e = calloc(1, sizeof(*e))) == NULL) {
		free(image);
		return NULL;
	}
	e->image = image;
	e->len = len;
	e->shstrndx = SIZE_MAX;
	e->elf = elf_memory(image, len);
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

struct ptc_elf *
ptc_elf_open(const char *path)
{
	char *image;
	size_t len;
	int fd, saved;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		ptc_fail(errno, "%s: %s", path, strerror(errno));
		return NULL;
	}
	if (read_all(fd, &image, &len) == -1) {
		saved = errno;
		close(fd);
		ptc_fail(saved, "%s: %s", path, strerror(saved));
		return NULL;
	}
	close(fd);
	return elf_from_image(image, len, path);
}

struct ptc_elf *
ptc_elf_open_fd(int fd, const char *what)
{
	char *image;
	size_t len;

	if (read_all(fd, &image, &len) == -1) {
		ptc_fail(errno, "%s: %s", what, strerror(errno));
		return NULL;
	}
	return elf_from_image(image, len, what);
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
	free(e->image);
	free(e->ph);
	free(e->sec);
	free(e->syms);
	free(e->byname);
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
}

int
ptc_elf_sym_byname(struct ptc_elf *e, const char *name, struct ptc_sym *sym)
{
	size_t lo = 0, hi = e->nsyms;

	/* first entry not less than name */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (name_cmp(e->syms[e->byname[mid]].name, name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < e->nsyms && name_cmp(e->syms[e->byname[lo]].name, name) == 0) {
		size_t i;

		/* an exact spelling wins over a versioned one */
		for (i = lo; i < e->nsyms &&
		    name_cmp(e->syms[e->byname[i]].name, name) == 0; i++) {
			if (strcmp(e->syms[e->byname[i]].name, name) == 0) {
				fill(&e->syms[e->byname[i]], sym);
				return 0;
			}
		}
		fill(&e->syms[e->byname[lo]], sym);
		return 0;
	}
	return ptc_fail(ENOENT, "unknown symbol '%s'", name);
}

/* Index of the last symbol at or below addr, or SIZE_MAX. */
static size_t
last_at_or_below(const struct ptc_elf *e, uint64_t addr)
{
	size_t lo = 0, hi = e->nsyms;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (e->syms[mid].value <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
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
	return e->nsyms;
}

int
ptc_elf_sym_at(struct ptc_elf *e, size_t i, struct ptc_sym *sym)
{
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
			memcpy(out, e->image + p->p_offset + off, fn);
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
