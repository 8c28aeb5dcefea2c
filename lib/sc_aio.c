/*
 * sc_aio.c: the Linux native AIO calls (io_setup, io_submit,
 * io_getevents, io_pgetevents, io_cancel) as strace 6.1 shows them: a
 * struct iocb shows the fields its opcode uses, the fields left zero
 * are left out, and an io_event array has the length the call returned.
 */
#include <inttypes.h>
#include <string.h>

#include "sc_priv.h"
#include "xlat.h"

struct k_iocb {
	uint64_t data;
	uint32_t key, rw_flags;         /* this order on little-endian CPUs */
	uint16_t opcode;
	int16_t reqprio;
	uint32_t fildes;
	uint64_t buf, nbytes;
	int64_t offset;
	uint64_t reserved2;
	uint32_t flags, resfd;
};

struct k_io_event {
	uint64_t data, obj;
	int64_t res, res2;
};

enum { CMD_PREAD = 0, CMD_PWRITE = 1, CMD_POLL = 5, CMD_PREADV = 7,
    CMD_PWRITEV = 8 };
#define FLAG_RESFD  1u
#define FLAG_IOPRIO 2u

/* The opcode, named or "61453 / * IOCB_CMD_??? * /". */
static void
opcode(struct ptc__dc *c, unsigned op)
{
	const char *name = ptc__xname(&ptc__xt_aio_cmds, op);
	char buf[64];

	if (name != NULL || c->f->json || ptc__xstyle(c) == PTC_XLAT_RAW) {
		ptc__p_xval(c, op, 'u', name);
		return;
	}
	snprintf(buf, sizeof(buf), "%u /* %s */", op,
	    ptc__xunknown(&ptc__xt_aio_cmds));
	ptc__p_raw(c, buf);
}

/* aio_data to aio_fildes, what io_cancel shows of its iocb too. */
static void
header(struct ptc__dc *c, const struct k_iocb *cb)
{
	static const struct ptc__arg none = { NULL, NULL, -1, 0, 0 };

	ptc__f_x(c, "aio_data", cb->data);
	if (cb->key != 0)
		ptc__f_u(c, "aio_key", cb->key);
	if (cb->rw_flags != 0) {
		ptc__s_field(c, "aio_rw_flags");
		ptc__p_flags(c, &ptc__xt_rwf_flags, cb->rw_flags, NULL);
	}
	ptc__s_field(c, "aio_lio_opcode");
	opcode(c, cb->opcode);
	if (cb->flags & FLAG_IOPRIO) {
		ptc__s_field(c, "aio_reqprio");
		ptc__a_ioprio(c, &none, (uint16_t)cb->reqprio);
	} else if (cb->reqprio != 0) {
		ptc__f_d(c, "aio_reqprio", cb->reqprio);
	}
	ptc__s_field(c, "aio_fildes");
	ptc__p_fd(c, (int)cb->fildes);
}

static void
common_flags(struct ptc__dc *c, const struct k_iocb *cb)
{
	if (cb->flags != 0) {
		ptc__s_field(c, "aio_flags");
		ptc__p_flags(c, &ptc__xt_aio_iocb_flags, cb->flags, NULL);
	}
	if (cb->flags & FLAG_RESFD) {
		ptc__s_field(c, "aio_resfd");
		ptc__p_fd(c, (int)cb->resfd);
	} else if (cb->resfd != 0) {
		ptc__f_x(c, "aio_resfd", cb->resfd);
	}
}

/* A buffer and length the kernel would take (none past SSIZE_MAX). */
static int
valid(const struct ptc__dc *c, const struct k_iocb *cb)
{
	if (c->wordsize == 4)
		return cb->buf <= UINT32_MAX && cb->nbytes <= INT32_MAX;
	return (int64_t)cb->nbytes >= 0;
}

static void
iocb(struct ptc__dc *c, uint64_t addr)
{
	struct k_iocb cb;

	if (ptc__rdall(c, addr, &cb, sizeof(cb)) != 0) {
		ptc__p_addr(c, addr);
		return;
	}
	ptc__s_open(c);
	header(c, &cb);
	switch (cb.opcode) {
	case CMD_PREAD: case CMD_PWRITE:
		ptc__s_field(c, "aio_buf");
		if (cb.opcode == CMD_PWRITE && valid(c, &cb))
			ptc__p_buf(c, cb.buf, cb.nbytes);
		else
			ptc__p_hex(c, cb.buf);
		ptc__f_u(c, "aio_nbytes", cb.nbytes);
		ptc__f_d(c, "aio_offset", cb.offset);
		common_flags(c, &cb);
		break;
	case CMD_PREADV: case CMD_PWRITEV:
		if (valid(c, &cb)) {
			ptc__s_field(c, "aio_buf");
			ptc__p_iovec(c, cb.buf, cb.nbytes,
			    cb.opcode == CMD_PWRITEV ? 0 : -1, ~0ull);
		} else {
			ptc__f_x(c, "aio_buf", cb.buf);
			ptc__f_u(c, "aio_nbytes", cb.nbytes);
		}
		ptc__f_d(c, "aio_offset", cb.offset);
		common_flags(c, &cb);
		break;
	case CMD_POLL:
		ptc__s_field(c, "aio_buf");
		ptc__p_flags(c, &ptc__xt_poll_events, cb.buf, NULL);
		common_flags(c, &cb);
		break;
	}
	ptc__s_close(c);
}

/* io_submit's iocbpp: nr (arg 1) pointers to iocbs; nr < 0 an address. */
void
ptc__a_iocbpp(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	int64_t nr = c->wordsize == 4 ? (int32_t)c->a[1] : (int64_t)c->a[1];
	uint64_t i, p;

	(void)a;
	if (nr < 0 || v == 0) {
		ptc__p_addr(c, v);
		return;
	}
	if (nr > 0 && ptc__rdall(c, v, &p, (size_t)c->wordsize) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__l_open(c);
	for (i = 0; i < (uint64_t)nr; i++) {
		p = 0;
		if (ptc__rdall(c, v + i * c->wordsize, &p,
		    (size_t)c->wordsize) != 0) {
			ptc__more_at(c, v + i * c->wordsize);
			break;
		}
		if (ptc__arr_full(c, i))
			break;
		iocb(c, p);
	}
	ptc__l_close(c);
}

/* io_cancel's iocb: its header only. */
void
ptc__a_iocb_hdr(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	struct k_iocb cb;

	(void)a;
	if (ptc__rdall(c, v, &cb, sizeof(cb)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__s_open(c);
	header(c, &cb);
	ptc__s_close(c);
}

static void
io_event(struct ptc__dc *c, const struct k_io_event *e)
{
	ptc__s_open(c);
	ptc__f_x(c, "data", e->data);
	ptc__f_x(c, "obj", e->obj);
	ptc__f_d(c, "res", e->res);
	ptc__f_d(c, "res2", e->res2);
	ptc__s_close(c);
}

/* io_cancel's result (shown at exit, the table's ">"). */
void
ptc__a_io_event(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	struct k_io_event e;

	(void)a;
	if (ptc__rdall(c, v, &e, sizeof(e)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	io_event(c, &e);
}

/* io_getevents' events: as many as it returned (shown at exit). */
void
ptc__a_io_events(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	struct k_io_event e;
	uint64_t i;

	(void)a;
	if (c->is_error || v == 0) {
		ptc__p_addr(c, v);
		return;
	}
	if (c->rval > 0 && ptc__rdall(c, v, &e, sizeof(e)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__l_open(c);
	for (i = 0; i < (uint64_t)c->rval; i++) {
		if (ptc__rdall(c, v + i * sizeof(e), &e, sizeof(e)) != 0) {
			ptc__more_at(c, v + i * sizeof(e));
			break;
		}
		if (ptc__arr_full(c, i))
			break;
		io_event(c, &e);
	}
	ptc__l_close(c);
}

/* io_setup's ctx_idp: "[0x7f...]" at exit. */
void
ptc__a_aio_ctx(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	uint64_t ctx = 0;

	(void)a;
	if (v == 0 || ptc__rdall(c, v, &ctx, (size_t)c->wordsize) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__l_open(c);
	ptc__p_addr(c, ctx);
	ptc__l_close(c);
}
