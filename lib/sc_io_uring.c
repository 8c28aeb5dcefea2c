/*
 * sc_io_uring.c: the io_uring calls' structures (linux/io_uring.h).
 */
#include <inttypes.h>
#include <string.h>

#include "internal.h"
#include "sc_priv.h"
#include "xlat.h"

/*
 * struct io_uring_params as 30 u32 words: sq_entries cq_entries flags
 * sq_thread_cpu sq_thread_idle features wq_fd resv[3], then sq_off
 * and cq_off, 10 words each.
 */
enum {
	P_SQ_ENTRIES, P_CQ_ENTRIES, P_FLAGS, P_SQ_CPU, P_SQ_IDLE, P_FEATURES,
	P_WQ_FD, P_RESV, P_SQ_OFF = 10, P_CQ_OFF = 20, P_WORDS = 30
};

#define K_IORING_SETUP_ATTACH_WQ 0x20u

/* "name=[0x1, 0, ...]": n u32 words in hex, when any is not zero. */
static void
resv_words(struct ptc__dc *c, const char *name, const uint32_t *w, int n)
{
	int i;

	for (i = 0; i < n && w[i] == 0; i++)
		;
	if (i == n)
		return;
	ptc__s_field(c, name);
	ptc__l_open(c);
	for (i = 0; i < n && !ptc__arr_full(c, (uint64_t)i); i++)
		ptc__p_hex(c, w[i]);
	ptc__l_close(c);
}

/* struct io_sqring_offsets or io_cqring_offsets: 7 u32s, resv1, resv2. */
static void
ring_offsets(struct ptc__dc *c, const char *name, const uint32_t *w,
    const char *const *names)
{
	uint64_t resv2;
	int i;

	ptc__s_field(c, name);
	ptc__s_open(c);
	for (i = 0; i < 7; i++)
		ptc__f_u(c, names[i], w[i]);
	if (w[7] != 0)
		ptc__f_x(c, "resv1", w[7]);
	memcpy(&resv2, &w[8], sizeof(resv2));
	if (resv2 != 0)
		ptc__f_x(c, "resv2", resv2);
	ptc__s_close(c);
}

/*
 * io_uring_setup's parameters: what the caller asks for at entry, what
 * the kernel answered (sizes, features, ring offsets) at exit.
 */
void
ptc__a_io_uring_params(struct ptc__dc *c, const struct ptc__arg *a,
    uint64_t v)
{
	static const char *const sq[] = { "head", "tail", "ring_mask",
	    "ring_entries", "flags", "dropped", "array" };
	static const char *const cq[] = { "head", "tail", "ring_mask",
	    "ring_entries", "overflow", "cqes", "flags" };
	uint32_t p[P_WORDS];
	int i = c->cur;

	(void)a;
	if (c->exiting) {
		if (!c->saved_ok[i])
			return;
		c->depth = 1;           /* inside the "{" entry opened */
		c->items[1] = 1;
		if (!c->is_error && ptc__rdall(c, v, p, sizeof(p)) == 0) {
			ptc__f_u(c, "sq_entries", p[P_SQ_ENTRIES]);
			ptc__f_u(c, "cq_entries", p[P_CQ_ENTRIES]);
			ptc__s_field(c, "features");
			ptc__p_flags(c, &ptc__xt_io_uring_features,
			    p[P_FEATURES], NULL);
			ring_offsets(c, "sq_off", p + P_SQ_OFF, sq);
			ring_offsets(c, "cq_off", p + P_CQ_OFF, cq);
		}
		ptc__s_close(c);
		return;
	}
	c->saved_ok[i] = 0;
	if (v == 0 || c->f->noderef || ptc__rdall(c, v, p, sizeof(p)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__s_open(c);
	ptc__s_field(c, "flags");
	ptc__p_flags(c, &ptc__xt_io_uring_setup_flags, p[P_FLAGS], NULL);
	ptc__f_x(c, "sq_thread_cpu", p[P_SQ_CPU]);
	ptc__f_u(c, "sq_thread_idle", p[P_SQ_IDLE]);
	if (p[P_FLAGS] & K_IORING_SETUP_ATTACH_WQ) {
		ptc__s_field(c, "wq_fd");
		ptc__p_fd(c, (int32_t)p[P_WQ_FD]);
	}
	resv_words(c, "resv", p + P_RESV, 3);
	/* JSON's entry stands alone: the object closes now. */
	if (c->f->json) {
		ptc__s_close(c);
		return;
	}
	c->saved_ok[i] = 1;
}

/* ---- io_uring_register ---- */

enum {
	R_BUFFERS, R_UNBUFFERS, R_FILES, R_UNFILES, R_EVENTFD, R_UNEVENTFD,
	R_FILES_UPDATE, R_EVENTFD_ASYNC, R_PROBE, R_PERSONALITY,
	R_UNPERSONALITY, R_RESTRICTIONS, R_ENABLE_RINGS, R_FILES2,
	R_FILES_UPDATE2, R_BUFFERS2, R_BUFFERS_UPDATE, R_IOWQ_AFF,
	R_UNIOWQ_AFF, R_IOWQ_MAX_WORKERS, R_RING_FDS, R_UNRING_FDS,
	R_PBUF_RING, R_UNPBUF_RING
};

/* What the argument of a call left for its exit (c->saved). */
enum { X_NONE, X_PROBE_LATER, X_PROBE_SHOWN, X_WORKERS };

/* One element of an array, read into e; i is its index. */
typedef void uring_elem(struct ptc__dc *c, const void *e, uint64_t i);

/*
 * n elements of esz bytes at v as strace's print_array() shows them:
 * NULL, "[]", the address when the first is unreadable, "... / * addr
 * * /" where a later one is.  1 when every element printed or -s cut
 * the array short (strace's print_array() result).
 */
static int
uring_arr(struct ptc__dc *c, uint64_t v, uint64_t n, size_t esz,
    uring_elem *fn)
{
	unsigned char e[16];
	uint64_t i;

	if (v == 0 || n == 0) {
		if (v == 0)
			ptc__p_addr(c, v);
		else {
			ptc__l_open(c);
			ptc__l_close(c);
		}
		return 0;
	}
	if (n > UINT64_MAX / esz || v + n * esz <= v ||
	    ptc__rdall(c, v, e, esz) != 0) {
		ptc__p_addr(c, v);
		return 0;
	}
	ptc__l_open(c);
	for (i = 0; i < n; i++) {
		if (ptc__rdall(c, v + i * esz, e, esz) != 0) {
			ptc__more_at(c, v + i * esz);
			break;
		}
		if (ptc__arr_full(c, i)) {
			i = n;          /* cut short by -s: all the same */
			break;
		}
		fn(c, e, i);
	}
	ptc__l_close(c);
	return i == n;
}

/* A value of x in decimal, "255 / * IORING_OP_??? * /" when unnamed. */
static void
xval_u(struct ptc__dc *c, const struct ptc__xtab *x, uint64_t v)
{
	const char *s = ptc__xname(x, v), *unk = ptc__xunknown(x);

	if (s != NULL || unk == NULL || c->f->json ||
	    ptc__xstyle(c) == PTC_XLAT_RAW) {
		ptc__p_xval(c, v, 'u', s);
		return;
	}
	ptc__pre(c);
	ptc__sb_printf(c->o, "%" PRIu64 " /* %s */", v, unk);
}

static void
el_fd(struct ptc__dc *c, const void *e, uint64_t i)
{
	(void)i;
	ptc__p_fd(c, (int32_t)ptc__u32at(e, 0));
}

/* A descriptor to update with, or IORING_REGISTER_FILES_SKIP and such. */
static void
el_update_fd(struct ptc__dc *c, const void *e, uint64_t i)
{
	int32_t fd = (int32_t)ptc__u32at(e, 0);

	(void)i;
	if (fd < -1)
		ptc__p_xval(c, (uint64_t)(int64_t)fd, 'd',
		    ptc__xname(&ptc__xt_io_uring_files_update_fds,
		    (uint32_t)fd));
	else
		ptc__p_fd(c, fd);
}

static void
el_hex64(struct ptc__dc *c, const void *e, uint64_t i)
{
	(void)i;
	ptc__p_hex(c, ptc__u64at(e, 0));
}

/* IORING_REGISTER_IOWQ_MAX_WORKERS': "[IO_WQ_BOUND]=4". */
static void
el_worker(struct ptc__dc *c, const void *e, uint64_t i)
{
	ptc__pre(c);
	if (c->f->json) {
		ptc__sb_printf(c->o, "%" PRIu32, ptc__u32at(e, 0));
		return;
	}
	ptc__sb_putc(c->o, '[');
	c->after_field = 1;
	xval_u(c, &ptc__xt_io_uring_iowq_acct, i);
	ptc__sb_printf(c->o, "]=%" PRIu32, ptc__u32at(e, 0));
}

/* struct io_uring_rsrc_update of IORING_REGISTER_RING_FDS. */
static void
el_ring_fd(struct ptc__dc *c, const void *e, uint64_t i)
{
	uint32_t off = ptc__u32at(e, 0);

	(void)i;
	ptc__s_open(c);
	if (off == UINT32_MAX)
		ptc__f_d(c, "offset", -1);
	else
		ptc__f_u(c, "offset", off);
	if (ptc__u32at(e, 4) != 0)
		ptc__f_x(c, "resv", ptc__u32at(e, 4));
	ptc__s_field(c, "data");
	ptc__p_fd(c, (int32_t)ptc__u64at(e, 8));
	ptc__s_close(c);
}

/* The same of IORING_UNREGISTER_RING_FDS: data unused. */
static void
el_ring_unfd(struct ptc__dc *c, const void *e, uint64_t i)
{
	(void)i;
	ptc__s_open(c);
	ptc__f_u(c, "offset", ptc__u32at(e, 0));
	if (ptc__u32at(e, 4) != 0)
		ptc__f_x(c, "resv", ptc__u32at(e, 4));
	if (ptc__u64at(e, 8) != 0)
		ptc__f_x(c, "data", ptc__u64at(e, 8));
	ptc__s_close(c);
}

/* "name=[...]": n u32 (esz 4) or u64 words in hex, when any is not 0. */
static void
resv_hex(struct ptc__dc *c, const char *name, const void *p, int n,
    size_t esz)
{
	int i, any = 0;

	for (i = 0; i < n; i++)
		any |= (esz == 4 ? ptc__u32at(p, i * 4) :
		    ptc__u64at(p, i * 8)) != 0;
	if (!any)
		return;
	ptc__s_field(c, name);
	ptc__l_open(c);
	for (i = 0; i < n && !ptc__arr_full(c, (uint64_t)i); i++)
		ptc__p_hex(c, esz == 4 ? ptc__u32at(p, i * 4) :
		    ptc__u64at(p, i * 8));
	ptc__l_close(c);
}

/* struct io_uring_restriction. */
static void
el_restriction(struct ptc__dc *c, const void *e, uint64_t i)
{
	const unsigned char *r = e;
	uint16_t op;

	(void)i;
	memcpy(&op, r, sizeof(op));
	ptc__s_open(c);
	ptc__s_field(c, "opcode");
	ptc__p_enum(c, &ptc__xt_io_uring_restriction_op, op, NULL);
	switch (op) {
	case 0:
		ptc__s_field(c, "register_op");
		ptc__p_enum(c, &ptc__xt_io_uring_register_op, r[2], NULL);
		break;
	case 1:
		ptc__s_field(c, "sqe_op");
		ptc__p_enum(c, &ptc__xt_io_uring_ops, r[2], NULL);
		break;
	case 2:
	case 3:
		ptc__s_field(c, "sqe_flags");
		ptc__p_flags(c, &ptc__xt_io_uring_sqe_flags, r[2], NULL);
		break;
	default:
		ptc__p_comment(c, "op: %#x", r[2]);
	}
	if (r[3] != 0)
		ptc__f_x(c, "resv", r[3]);
	resv_hex(c, "resv2", r + 4, 3, 4);
	ptc__s_close(c);
}

/* struct io_uring_probe_op. */
static void
el_probe_op(struct ptc__dc *c, const void *e, uint64_t i)
{
	const unsigned char *o = e;

	(void)i;
	ptc__s_open(c);
	ptc__s_field(c, "op");
	xval_u(c, &ptc__xt_io_uring_ops, o[0]);
	if (o[1] != 0)
		ptc__f_x(c, "resv", o[1]);
	ptc__s_field(c, "flags");
	ptc__p_flags(c, &ptc__xt_io_uring_op_flags,
	    (uint16_t)(o[2] | o[3] << 8), NULL);
	if (ptc__u32at(o, 4) != 0)
		ptc__f_x(c, "resv2", ptc__u32at(o, 4));
	ptc__s_close(c);
}

/*
 * struct io_uring_probe with n ops, from p (read already); more: the
 * kernel has more ops than the caller made room for.
 */
static void
probe(struct ptc__dc *c, const unsigned char *p, unsigned n, int more)
{
	unsigned i;

	ptc__s_open(c);
	ptc__s_field(c, "last_op");
	xval_u(c, &ptc__xt_io_uring_ops, p[0]);
	ptc__f_u(c, "ops_len", p[1]);
	if ((p[2] | p[3]) != 0)
		ptc__f_x(c, "resv", (uint16_t)(p[2] | p[3] << 8));
	resv_hex(c, "resv2", p + 4, 3, 4);
	ptc__s_field(c, "ops");
	ptc__l_open(c);
	for (i = 0; i < n; i++) {
		if (ptc__arr_full(c, i))
			break;
		el_probe_op(c, p + 16 + i * 8, i);
	}
	if (more && i == n)
		ptc__s_more(c);
	ptc__l_close(c);
	ptc__s_close(c);
}

/*
 * IORING_REGISTER_PROBE's structure, of nr ops: 1 if all zero (and
 * skip_zero: not shown), -1 if unreadable (its address shown).
 */
static int
probe_at(struct ptc__dc *c, uint64_t v, unsigned nr, int skip_zero)
{
	unsigned char p[16 + 256 * 8];
	size_t len = 16 + (size_t)nr * 8, i;
	unsigned n;

	if (ptc__rdall(c, v, p, len) != 0) {
		ptc__p_addr(c, v);
		return -1;
	}
	for (i = 0; i < len && p[i] == 0; i++)
		;
	if (skip_zero && i == len)
		return 1;
	n = c->exiting && p[1] < nr ? p[1] : nr;
	probe(c, p, n, c->exiting && nr < p[1]);
	return 0;
}

/* The descriptors or buffers a resource registration or update names. */
static void
rsrc_data(struct ptc__dc *c, unsigned op, uint64_t data, uint64_t tags,
    uint32_t nr)
{
	ptc__s_field(c, "data");
	if (op == R_FILES2)
		uring_arr(c, data, nr, 4, el_fd);
	else if (op == R_FILES_UPDATE2)
		uring_arr(c, data, nr, 4, el_update_fd);
	else
		ptc__p_iovec(c, data, nr, -1, ~0ull);
	ptc__s_field(c, "tags");
	uring_arr(c, tags, nr, 8, el_hex64);
}

/*
 * struct io_uring_rsrc_register (FILES2, BUFFERS2) or io_uring_rsrc_update2
 * (FILES_UPDATE2, BUFFERS_UPDATE) of size bytes.
 */
static void
rsrc(struct ptc__dc *c, unsigned op, uint64_t v, uint32_t size)
{
	unsigned char r[32];

	if (size < 32 || ptc__rdall(c, v, r, sizeof(r)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__s_open(c);
	if (op == R_FILES2 || op == R_BUFFERS2) {
		ptc__f_u(c, "nr", ptc__u32at(r, 0));
		ptc__s_field(c, "flags");
		ptc__p_flags(c, &ptc__xt_io_uring_rsrc_flags, ptc__u32at(r, 4),
		    NULL);
		if (ptc__u64at(r, 8) != 0)
			ptc__f_x(c, "resv2", ptc__u64at(r, 8));
		rsrc_data(c, op, ptc__u64at(r, 16), ptc__u64at(r, 24),
		    ptc__u32at(r, 0));
	} else {
		ptc__f_u(c, "offset", ptc__u32at(r, 0));
		if (ptc__u32at(r, 4) != 0)
			ptc__f_x(c, "resv", ptc__u32at(r, 4));
		rsrc_data(c, op, ptc__u64at(r, 8), ptc__u64at(r, 16),
		    ptc__u32at(r, 24));
		ptc__f_u(c, "nr", ptc__u32at(r, 24));
		if (ptc__u32at(r, 28) != 0)
			ptc__f_x(c, "resv2", ptc__u32at(r, 28));
	}
	if (size > 32)
		ptc__p_extra_bytes(c, v, 32, size);
	ptc__s_close(c);
}

/* struct io_uring_files_update: offset, resv, then nr descriptors. */
static void
files_update(struct ptc__dc *c, uint64_t v, uint32_t nr)
{
	unsigned char u[16];

	if (ptc__rdall(c, v, u, sizeof(u)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__s_open(c);
	ptc__f_u(c, "offset", ptc__u32at(u, 0));
	if (ptc__u32at(u, 4) != 0)
		ptc__f_x(c, "resv", ptc__u32at(u, 4));
	ptc__s_field(c, "fds");
	uring_arr(c, ptc__u64at(u, 8), nr, 4, el_update_fd);
	ptc__s_close(c);
}

/* struct io_uring_buf_reg of IORING_(UN)REGISTER_PBUF_RING. */
static void
buf_reg(struct ptc__dc *c, uint64_t v)
{
	unsigned char b[40];

	if (ptc__rdall(c, v, b, sizeof(b)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__s_open(c);
	ptc__s_field(c, "ring_addr");
	ptc__p_addr(c, ptc__u64at(b, 0));
	ptc__f_u(c, "ring_entries", ptc__u32at(b, 8));
	ptc__f_u(c, "bgid", (uint16_t)(b[12] | b[13] << 8));
	if ((b[14] | b[15]) != 0)
		ptc__f_x(c, "pad", (uint16_t)(b[14] | b[15] << 8));
	resv_hex(c, "resv", b + 16, 3, 8);
	ptc__s_close(c);
}

/*
 * io_uring_register's argument, by opcode.  A probe all zero at entry
 * (as the kernel wants it) shows at exit, filled in; the maximum
 * worker counts show as "[in] => [out]".
 */
void
ptc__a_io_uring_reg_arg(struct ptc__dc *c, const struct ptc__arg *a,
    uint64_t v)
{
	unsigned op = (uint32_t)c->a[1];
	uint32_t nr = (uint32_t)c->a[3];
	int i = c->cur, r;

	(void)a;
	if (c->exiting) {
		switch (c->saved[i]) {
		case X_PROBE_LATER:
			ptc__sb_puts(c->o, ", ");
			if (c->is_error)
				ptc__p_addr(c, v);
			else
				probe_at(c, v, nr, 0);
			break;
		case X_PROBE_SHOWN:
			if (c->is_error)
				break;
			ptc__sb_puts(c->o, " => ");
			probe_at(c, v, nr, 0);
			break;
		case X_WORKERS:
			if (c->is_error)
				ptc__p_addr(c, v);
			else
				uring_arr(c, v, nr, 4, el_worker);
			break;
		}
		return;
	}
	c->saved[i] = X_NONE;
	if (v == 0 || c->f->noderef) {
		ptc__p_addr(c, v);
		return;
	}
	switch (op) {
	case R_BUFFERS:
		ptc__p_iovec(c, v, nr, -1, ~0ull);
		break;
	case R_FILES:
	case R_EVENTFD:
	case R_EVENTFD_ASYNC:
		uring_arr(c, v, nr, 4, el_fd);
		break;
	case R_FILES_UPDATE:
		files_update(c, v, nr);
		break;
	case R_PROBE:
		if (nr > 256)
			ptc__p_addr(c, v);
		else if ((r = probe_at(c, v, nr, !c->f->json)) == 1)
			c->saved[i] = X_PROBE_LATER;
		else if (r == 0 && !c->f->json)
			c->saved[i] = X_PROBE_SHOWN;
		break;
	case R_RESTRICTIONS:
		uring_arr(c, v, nr, 16, el_restriction);
		break;
	case R_FILES2:
	case R_BUFFERS2:
	case R_FILES_UPDATE2:
	case R_BUFFERS_UPDATE:
		rsrc(c, op, v, nr);
		break;
	case R_IOWQ_AFF:
		ptc__p_cpuset(c, v, nr);
		break;
	case R_IOWQ_MAX_WORKERS:
		if (uring_arr(c, v, nr, 4, el_worker) && !c->f->json) {
			ptc__sb_puts(c->o, " => ");
			c->saved[i] = X_WORKERS;
		}
		break;
	case R_RING_FDS:
		uring_arr(c, v, nr, 16, el_ring_fd);
		break;
	case R_UNRING_FDS:
		uring_arr(c, v, nr, 16, el_ring_unfd);
		break;
	case R_PBUF_RING:
	case R_UNPBUF_RING:
		buf_reg(c, v);
		break;
	default:
		ptc__p_addr(c, v);
	}
}
