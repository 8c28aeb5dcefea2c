/*
 * regs.c: registers of a stopped thread by name.  A snapshot holds the
 * raw register blocks as the kernel gives them and the view they were
 * read with: the CPU layer's native table, or another one when the
 * kernel gives another layout (a 32-bit task under a 64-bit kernel).
 * Names are resolved through that view, and only blocks that changed
 * are written back, in one request each, so a set of changes is atomic.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct ptc_regs {
	const struct ptc__regview *view; /* NULL until fetched: native */
	unsigned have;        /* blocks fetched: 1 << PTC__RS_* */
	unsigned dirty;       /* blocks changed since the fetch */
	int fp_ext;           /* FP block is the extended (XSAVE) image */
	size_t fp_len;
	unsigned char gen[PTC__GREGS_MAX];
	unsigned char fp[PTC__FPREGS_MAX];
};

/* The first general register that decodes as flags ("rflags"). */
static const char *
flags_name(const struct ptc__regview *v)
{
	char buf[128];
	size_t i;

	for (i = 0; i < v->ndescs; i++)
		if (v->descs[i].info.kind == PTC_REG_GENERAL &&
		    v->decode(v->descs[i].info.name, 0, buf, sizeof(buf)) == 0)
			return v->descs[i].info.name;
	return NULL;
}

const struct ptc__regview *
ptc__regview_native(void)
{
	return ptc_arch_view;
}

static const struct ptc__regview *
view_of(const struct ptc_regs *r)
{
	return r != NULL && r->view != NULL ? r->view : ptc__regview_native();
}

static const struct ptc__regdesc *
find(const struct ptc__regview *v, const char *name)
{
	size_t i;

	for (i = 0; i < v->ndescs; i++)
		if (strcmp(v->descs[i].info.name, name) == 0)
			return &v->descs[i];
	return NULL;
}

size_t
ptc_reg_count(void)
{
	return ptc_regs_reg_count(NULL);
}

const struct ptc_reginfo *
ptc_reg_at(size_t i)
{
	return ptc_regs_reg_at(NULL, i);
}

const struct ptc_reginfo *
ptc_reg_lookup(const char *name)
{
	return ptc_regs_reg_lookup(NULL, name);
}

size_t
ptc_regs_reg_count(const struct ptc_regs *r)
{
	return view_of(r)->ndescs;
}

const struct ptc_reginfo *
ptc_regs_reg_at(const struct ptc_regs *r, size_t i)
{
	const struct ptc__regview *v = view_of(r);

	return i < v->ndescs ? &v->descs[i].info : NULL;
}

const struct ptc_reginfo *
ptc_regs_reg_lookup(const struct ptc_regs *r, const char *name)
{
	const struct ptc__regdesc *d = find(view_of(r), name);

	return d != NULL ? &d->info : NULL;
}

const char *
ptc_regs_arch(const struct ptc_regs *r)
{
	const struct ptc__regview *v = view_of(r);

	if (v->code_arch != NULL && r != NULL &&
	    (r->have & (1u << PTC__RS_GEN)))
		return v->code_arch(r->gen);
	return v->arch;
}

const char *
ptc_regs_pc_name(const struct ptc_regs *r)
{
	return view_of(r)->pc_name;
}

const char *
ptc_regs_sp_name(const struct ptc_regs *r)
{
	return view_of(r)->sp_name;
}

const char *
ptc_regs_flags_name(const struct ptc_regs *r)
{
	return flags_name(view_of(r));
}

unsigned
ptc_regs_ptrsize(const struct ptc_regs *r)
{
	return view_of(r)->ptrsize;
}

int
ptc_regs_decode(const struct ptc_regs *r, const char *name, uint64_t val,
    char *buf, size_t len)
{
	return view_of(r)->decode(name, val, buf, len);
}

int
ptc_proc_ptrsize(pid_t pid)
{
	int c = ptc_os_exe_class(pid);

	if (c < 0)
		return -1;
	return c == 32 ? 4 : 8;
}

int
ptc_task_ptrsize(struct ptc_task *t)
{
	struct ptc_regs r;
	int n;

	/* The executable tells x32 (ILP32 in 64-bit mode) apart. */
	if ((n = ptc_proc_ptrsize(t->tgid > 0 ? t->tgid : t->pid)) > 0)
		return n;
	if (ptc_regs_fetch(&r, t, 0) != 0)
		return -1;
	return (int)view_of(&r)->ptrsize;
}

int
ptc_reg_decode(const char *name, uint64_t val, char *buf, size_t len)
{
	return ptc_regs_decode(NULL, name, val, buf, len);
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
	const struct ptc__regview *v = ptc__regview_native();
	int n;

	r->have = r->dirty = 0;
	r->view = NULL;
	if (!t->stopped)
		return ptc_fail(ESRCH, "task %d is not stopped", (int)t->pid);
	/*
	 * The kernel gives the task's own layout; its size tells which.
	 * The native block may have room for more than the kernel fills
	 * (aarch64 appends the syscall number).
	 */
	if ((n = ptc_os_getregs(t->pid, r->gen, sizeof(r->gen))) < 0)
		return -1;
	if ((size_t)n != v->gregs_size &&
	    (v = ptc_arch_regview_other((size_t)n)) == NULL) {
		v = ptc__regview_native();
		if ((size_t)n > v->gregs_size)
			return ptc_fail(ENOTSUP, "task %d: a register block "
			    "of %d bytes, of no layout known here",
			    (int)t->pid, n);
	}
	r->view = v;
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
	    ptc_os_setregs(t->pid, r->gen, view_of(r)->gregs_size) != 0)
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
	dst->view = src->view;
	dst->have = src->have;
	dst->dirty = src->dirty;
	dst->fp_ext = src->fp_ext;
	dst->fp_len = src->fp_len;
	memcpy(dst->gen, src->gen, view_of(src)->gregs_size);
	if (src->have & (1u << PTC__RS_FP))
		memcpy(dst->fp, src->fp, src->fp_len);
	return 0;
}

/* Bytes of a register at off: all of it, or the lower half of a split one. */
static size_t
lo_size(const struct ptc__regdesc *d)
{
	return d->off_hi != 0 ? d->info.size / 2u : d->info.size;
}

/*
 * Bytes of the FP block every snapshot of the view must have: its
 * fixed part, else as far as the table reaches (ymm upper halves aside).
 */
static size_t
fp_extent(const struct ptc__regview *v)
{
	size_t i, end, max = 0;

	if (v->fp_fixed != 0)
		return v->fp_fixed;
	for (i = 0; i < v->ndescs; i++) {
		if (v->descs[i].set != PTC__RS_FP)
			continue;
		end = (size_t)v->descs[i].off + lo_size(&v->descs[i]);
		if (end > max)
			max = end;
	}
	return max;
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
		*len = view_of(r)->gregs_size;
		return (unsigned char *)r->gen;
	}
	*len = r->fp_len;
	/*
	 * The table describes the FXSAVE-style image; the legacy block of
	 * a 32-bit task (FSAVE format) is shorter and laid out otherwise.
	 */
	if (r->fp_len < fp_extent(view_of(r))) {
		ptc_fail(ENODATA, "%s: the kernel gives no FXSAVE state for "
		    "this task (%zu bytes)", d->info.name, r->fp_len);
		return NULL;
	}
	return (unsigned char *)r->fp;
}

static const struct ptc__regdesc *
lookup(const struct ptc_regs *r, const char *name)
{
	const struct ptc__regdesc *d = find(view_of(r), name);

	if (d == NULL)
		ptc_fail(EINVAL, "unknown register '%s'", name);
	return d;
}

/*
 * Whether the FP block the kernel gave holds all of d: x86's AVX upper
 * halves are only in the extended (XSAVE) image, longer than the 512
 * bytes of the legacy one; ppc64le's vector registers only where the
 * CPU has VMX and VSX.
 */
static int
present(const struct ptc_regs *r, const struct ptc__regdesc *d)
{
	if (d->set != PTC__RS_FP)
		return 0;
	if (d->off_hi != 0 && r->fp_len < (size_t)d->off_hi + lo_size(d))
		return ptc_fail(ENODATA, "%s: the kernel gives no AVX state",
		    d->info.name);
	if (r->fp_len < (size_t)d->off + lo_size(d))
		return ptc_fail(ENODATA, "%s: the kernel gives no such "
		    "register for this thread: its CPU lacks the unit",
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

	if ((d = lookup(r, name)) == NULL || (b = block(r, d, &blen)) == NULL ||
	    present(r, d) != 0)
		return -1;
	memset(tmp, 0, sizeof(tmp));
	if (d->info.size == 0 || d->shift != 0) {
		memcpy(&word, b + d->off, sizeof(word));
		word = (word >> d->shift) & mask(d->info.bits);
		memcpy(tmp, &word, sizeof(word));
		size = d->info.size ? d->info.size : 1;
	} else if (d->off_hi != 0) {
		size = d->info.size;
		memcpy(tmp, b + d->off, size / 2);
		memcpy(tmp + size / 2, b + d->off_hi, size / 2);
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

	if ((d = lookup(r, name)) == NULL)
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

	if ((d = lookup(r, name)) == NULL || (b = block(r, d, &blen)) == NULL ||
	    present(r, d) != 0)
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
		memcpy(b + d->off, tmp, size / 2);
		memcpy(b + d->off_hi, tmp + size / 2, size / 2);
	} else {
		memcpy(b + d->off, tmp, size);
	}
	if (d->set == PTC__RS_FP && r->fp_ext && d->xfeature != 0) {
		/* The kernel only takes components marked present. */
		memcpy(&word, b + view_of(r)->xfeatures_off, sizeof(word));
		word |= d->xfeature;
		memcpy(b + view_of(r)->xfeatures_off, &word, sizeof(word));
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

	ptc_regs_get(r, view_of(r)->pc_name, &v);
	return v;
}

uint64_t
ptc_regs_sp(const struct ptc_regs *r)
{
	uint64_t v = 0;

	ptc_regs_get(r, view_of(r)->sp_name, &v);
	return v;
}

int
ptc_regs_syscall(const struct ptc_regs *r, uint64_t *nr, uint32_t *arch)
{
	const struct ptc__regview *v = view_of(r);

	if (!(r->have & (1u << PTC__RS_GEN)))
		return ptc_fail(ENODATA, "registers were not read");
	if (arch != NULL)
		*arch = v->audit(r->gen);
	return v->in_syscall(r->gen, nr);
}

int
ptc_regs_have_avx(const struct ptc_regs *r)
{
	return (r->have & (1u << PTC__RS_FP)) && r->fp_ext &&
	    r->fp_len >= 576 + 256;
}

/* One-register helpers used by address expressions and tools. */

/*
 * A snapshot of t with the block that holds name, resolved in the
 * task's own view (known only once the general block is read).
 */
static int
fetch_for(struct ptc_regs *r, struct ptc_task *t, const char *name)
{
	const struct ptc__regdesc *d;

	if (ptc_regs_fetch(r, t, 0) != 0 || (d = lookup(r, name)) == NULL)
		return -1;
	if (d->set == PTC__RS_FP)
		return ptc_regs_fetch(r, t, PTC_REGS_FP);
	return 0;
}

int
ptc_reg_read(struct ptc_task *t, const char *name, uint64_t *val)
{
	struct ptc_regs r;

	if (fetch_for(&r, t, name) != 0)
		return -1;
	return ptc_regs_get(&r, name, val);
}

int
ptc_reg_write(struct ptc_task *t, const char *name, uint64_t val)
{
	struct ptc_regs r;

	if (fetch_for(&r, t, name) != 0 || ptc_regs_set(&r, name, val) != 0)
		return -1;
	return ptc_regs_store(&r, t);
}

static int
pcsp_read(struct ptc_task *t, int sp, uint64_t *val)
{
	struct ptc_regs r;

	if (ptc_regs_fetch(&r, t, 0) != 0)
		return -1;
	return ptc_regs_get(&r, sp ? view_of(&r)->sp_name :
	    view_of(&r)->pc_name, val);
}

int
ptc_pc_read(struct ptc_task *t, uint64_t *pc)
{
	return pcsp_read(t, 0, pc);
}

int
ptc_pc_write(struct ptc_task *t, uint64_t pc)
{
	struct ptc_regs r;

	if (ptc_regs_fetch(&r, t, 0) != 0 ||
	    ptc_regs_set(&r, view_of(&r)->pc_name, pc) != 0)
		return -1;
	return ptc_regs_store(&r, t);
}

int
ptc_sp_read(struct ptc_task *t, uint64_t *sp)
{
	return pcsp_read(t, 1, sp);
}

const void *
ptc__regs_gen(const struct ptc_regs *r)
{
	return r->gen;
}
