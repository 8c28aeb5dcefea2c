/*
 * regs.c: registers of a stopped thread by name.  A snapshot holds the
 * raw register blocks as the kernel gives them; names are resolved
 * through the CPU layer's table, and only blocks that changed are
 * written back, in one request each, so a set of changes is atomic.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct ptc_regs {
	unsigned have;        /* blocks fetched: 1 << PTC__RS_* */
	unsigned dirty;       /* blocks changed since the fetch */
	int fp_ext;           /* FP block is the extended (XSAVE) image */
	size_t fp_len;
	unsigned char gen[PTC__GREGS_MAX];
	unsigned char fp[PTC__FPREGS_MAX];
};

size_t
ptc_reg_count(void)
{
	return ptc_arch_nregdescs;
}

const struct ptc_reginfo *
ptc_reg_at(size_t i)
{
	return i < ptc_arch_nregdescs ? &ptc_arch_regdescs[i].info : NULL;
}

static const struct ptc__regdesc *
find(const char *name)
{
	size_t i;

	for (i = 0; i < ptc_arch_nregdescs; i++)
		if (strcmp(ptc_arch_regdescs[i].info.name, name) == 0)
			return &ptc_arch_regdescs[i];
	return NULL;
}

const struct ptc_reginfo *
ptc_reg_lookup(const char *name)
{
	const struct ptc__regdesc *d = find(name);

	return d != NULL ? &d->info : NULL;
}

int
ptc_reg_decode(const char *name, uint64_t val, char *buf, size_t len)
{
	return ptc_arch_reg_decode(name, val, buf, len);
}

struct ptc_regs *
ptc_regs_new(void)
{
	return calloc(1, sizeof(struct ptc_regs));
}

void
ptc_regs_free(struct ptc_regs *r)
{
	free(r);
}

int
ptc_regs_fetch(struct ptc_regs *r, struct ptc_task *t, unsigned flags)
{
	int n;

	r->have = r->dirty = 0;
	if (!t->stopped)
		return ptc_fail(ESRCH, "task %d is not stopped", (int)t->pid);
	if (ptc_os_getregs(t->pid, r->gen, ptc_arch_gregs_size) < 0)
		return -1;
	r->have |= 1u << PTC__RS_GEN;
	if (flags & PTC_REGS_FP) {
		n = ptc_os_getfpregs(t->pid, r->fp, sizeof(r->fp), &r->fp_ext);
		if (n < 0)
			return -1;
		r->fp_len = (size_t)n;
		r->have |= 1u << PTC__RS_FP;
	}
	return 0;
}

int
ptc_regs_store(struct ptc_regs *r, struct ptc_task *t)
{
	if (r->dirty == 0)
		return 0;
	if (!t->stopped)
		return ptc_fail(ESRCH, "task %d is not stopped", (int)t->pid);
	if ((r->dirty & (1u << PTC__RS_GEN)) &&
	    ptc_os_setregs(t->pid, r->gen, ptc_arch_gregs_size) != 0)
		return -1;
	if ((r->dirty & (1u << PTC__RS_FP)) &&
	    ptc_os_setfpregs(t->pid, r->fp, r->fp_len, r->fp_ext) != 0)
		return -1;
	/* Cached syscall info may describe the old registers. */
	t->sci_valid = false;
	r->dirty = 0;
	return 0;
}

int
ptc_regs_copy(struct ptc_regs *dst, const struct ptc_regs *src)
{
	dst->have = src->have;
	dst->dirty = src->dirty;
	dst->fp_ext = src->fp_ext;
	dst->fp_len = src->fp_len;
	memcpy(dst->gen, src->gen, ptc_arch_gregs_size);
	if (src->have & (1u << PTC__RS_FP))
		memcpy(dst->fp, src->fp, src->fp_len);
	return 0;
}

/* The block that holds d and its length, or NULL with errno set. */
static unsigned char *
block(const struct ptc_regs *r, const struct ptc__regdesc *d, size_t *len)
{
	if (!(r->have & (1u << d->set))) {
		ptc_fail(ENODATA, "register %s was not read", d->info.name);
		return NULL;
	}
	if (d->set == PTC__RS_GEN) {
		*len = ptc_arch_gregs_size;
		return (unsigned char *)r->gen;
	}
	*len = r->fp_len;
	return (unsigned char *)r->fp;
}

static const struct ptc__regdesc *
lookup(const char *name)
{
	const struct ptc__regdesc *d = find(name);

	if (d == NULL)
		ptc_fail(EINVAL, "unknown register '%s'", name);
	return d;
}

static int
need_hi(const struct ptc_regs *r, const struct ptc__regdesc *d)
{
	if (d->off_hi == 0)
		return 0;
	if (!r->fp_ext || r->fp_len < (size_t)d->off_hi + 16)
		return ptc_fail(ENODATA, "%s: the kernel gives no AVX state",
		    d->info.name);
	return 0;
}

static uint64_t
mask(unsigned bits)
{
	return bits >= 64 ? ~(uint64_t)0 : ((uint64_t)1 << bits) - 1;
}

int
ptc_regs_get_bytes(const struct ptc_regs *r, const char *name, void *buf,
    size_t len)
{
	const struct ptc__regdesc *d;
	unsigned char *b, tmp[32];
	size_t blen, size;
	uint64_t word;

	if ((d = lookup(name)) == NULL || (b = block(r, d, &blen)) == NULL ||
	    need_hi(r, d) != 0)
		return -1;
	memset(tmp, 0, sizeof(tmp));
	if (d->info.size == 0 || d->shift != 0) {
		memcpy(&word, b + d->off, sizeof(word));
		word = (word >> d->shift) & mask(d->info.bits);
		memcpy(tmp, &word, sizeof(word));
		size = d->info.size ? d->info.size : 1;
	} else if (d->off_hi != 0) {
		memcpy(tmp, b + d->off, 16);
		memcpy(tmp + 16, b + d->off_hi, 16);
		size = 32;
	} else {
		size = d->info.size;
		memcpy(tmp, b + d->off, size);
	}
	if (len < size)
		return ptc_fail(ERANGE, "register %s has %zu bytes", name,
		    size);
	memcpy(buf, tmp, size);
	return (int)size;
}

int
ptc_regs_get(const struct ptc_regs *r, const char *name, uint64_t *val)
{
	const struct ptc__regdesc *d;
	unsigned char tmp[32];

	if ((d = lookup(name)) == NULL)
		return -1;
	if (d->info.size > 8)
		return ptc_fail(EINVAL, "register %s is wider than 64 bits",
		    name);
	memset(tmp, 0, sizeof(tmp));
	if (ptc_regs_get_bytes(r, name, tmp, sizeof(tmp)) < 0)
		return -1;
	memcpy(val, tmp, sizeof(*val));
	return 0;
}

int
ptc_regs_set_bytes(struct ptc_regs *r, const char *name, const void *buf,
    size_t len)
{
	const struct ptc__regdesc *d;
	unsigned char *b, tmp[32];
	size_t blen, size;
	uint64_t word, val, m;

	if ((d = lookup(name)) == NULL || (b = block(r, d, &blen)) == NULL ||
	    need_hi(r, d) != 0)
		return -1;
	size = d->info.size ? d->info.size : 1;
	if (len > size && len > 8)
		return ptc_fail(ERANGE, "value too wide for %s (%u bits)",
		    name, d->info.bits);
	memset(tmp, 0, sizeof(tmp));
	memcpy(tmp, buf, len);
	if (d->info.size == 0 || d->shift != 0 || d->info.size < 8) {
		memcpy(&val, tmp, sizeof(val));
		if (d->info.bits < 64 && (val & ~mask(d->info.bits)) != 0)
			return ptc_fail(ERANGE, "value %#llx too wide for %s "
			    "(%u bits)", (unsigned long long)val, name,
			    d->info.bits);
		memcpy(&word, b + d->off, sizeof(word));
		m = mask(d->info.bits) << d->shift;
		word = (word & ~m) | ((val << d->shift) & m);
		memcpy(b + d->off, &word, sizeof(word));
	} else if (d->off_hi != 0) {
		memcpy(b + d->off, tmp, 16);
		memcpy(b + d->off_hi, tmp + 16, 16);
	} else {
		memcpy(b + d->off, tmp, size);
	}
	if (d->set == PTC__RS_FP && r->fp_ext && d->xfeature != 0) {
		/* The kernel only takes components marked present. */
		memcpy(&word, b + ptc_arch_xfeatures_off, sizeof(word));
		word |= d->xfeature;
		memcpy(b + ptc_arch_xfeatures_off, &word, sizeof(word));
	}
	r->dirty |= 1u << d->set;
	return 0;
}

int
ptc_regs_set(struct ptc_regs *r, const char *name, uint64_t val)
{
	return ptc_regs_set_bytes(r, name, &val, sizeof(val));
}

uint64_t
ptc_regs_pc(const struct ptc_regs *r)
{
	uint64_t v = 0;

	ptc_regs_get(r, ptc_arch_pc_name, &v);
	return v;
}

uint64_t
ptc_regs_sp(const struct ptc_regs *r)
{
	uint64_t v = 0;

	ptc_regs_get(r, ptc_arch_sp_name, &v);
	return v;
}

int
ptc_regs_syscall(const struct ptc_regs *r, uint64_t *nr, uint32_t *arch)
{
	if (arch != NULL)
		*arch = ptc_arch_audit(r->gen);
	return ptc_arch_in_syscall(r->gen, nr);
}

int
ptc_regs_have_avx(const struct ptc_regs *r)
{
	return (r->have & (1u << PTC__RS_FP)) && r->fp_ext &&
	    r->fp_len >= 576 + 256;
}

/* One-register helpers used by address expressions and tools. */

int
ptc_reg_read(struct ptc_task *t, const char *name, uint64_t *val)
{
	struct ptc_regs r;
	const struct ptc__regdesc *d;

	if ((d = lookup(name)) == NULL)
		return -1;
	if (ptc_regs_fetch(&r, t, d->set == PTC__RS_FP ? PTC_REGS_FP : 0))
		return -1;
	return ptc_regs_get(&r, name, val);
}

int
ptc_reg_write(struct ptc_task *t, const char *name, uint64_t val)
{
	struct ptc_regs r;
	const struct ptc__regdesc *d;

	if ((d = lookup(name)) == NULL)
		return -1;
	if (ptc_regs_fetch(&r, t, d->set == PTC__RS_FP ? PTC_REGS_FP : 0) ||
	    ptc_regs_set(&r, name, val) != 0)
		return -1;
	return ptc_regs_store(&r, t);
}

int
ptc_pc_read(struct ptc_task *t, uint64_t *pc)
{
	return ptc_reg_read(t, ptc_arch_pc_name, pc);
}

int
ptc_pc_write(struct ptc_task *t, uint64_t pc)
{
	return ptc_reg_write(t, ptc_arch_pc_name, pc);
}

int
ptc_sp_read(struct ptc_task *t, uint64_t *sp)
{
	return ptc_reg_read(t, ptc_arch_sp_name, sp);
}

const void *
ptc__regs_gen(const struct ptc_regs *r)
{
	return r->gen;
}
