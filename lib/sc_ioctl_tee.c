/*
 * sc_ioctl_tee.c: the arguments of trusted execution environment
 * requests (0xa4, <linux/tee.h>), as data for lib/sc_ioctl_struct.c,
 * and the code the indirect ones need: a struct tee_ioctl_buf_data
 * pointing to the call's header, its parameters right after it.
 */
#include <linux/ioctl.h>
#include <linux/tee.h>
#include <inttypes.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "sc_ioctl_struct.h"
#include "xlat.h"

/* Shared memory from a dma-buf descriptor: a vendor request. */
struct tee_shm_fd {
	int64_t fd;
	uint64_t size;
	uint32_t flags;
	uint8_t pad1[4];
	int32_t id;
	uint8_t pad2[4];
};
#define TEE_SHM_REGISTER_FD _IOWR(TEE_IOC_MAGIC, 8, struct tee_shm_fd)

/* session numbers print in hex, as the TEE client library's do */
static const struct ioc_field cancel_f[] = {
	IOC_F(struct tee_ioctl_cancel_arg, cancel_id, IF_U),
	IOC_F(struct tee_ioctl_cancel_arg, session, IF_X),
};
IOC_S(cancel_s, struct tee_ioctl_cancel_arg, cancel_f);
static const struct ioc_field close_f[] = {
	IOC_F(struct tee_ioctl_close_session_arg, session, IF_X),
};
IOC_S(close_s, struct tee_ioctl_close_session_arg, close_f);

#define SHMFLAGS(type) IOC_FX(type, flags, IF_FLAGS, &ptc__xt_tee_shm_flags, \
	"TEE_IOCTL_SHM_???")
static const struct ioc_field alloc_in_f[] = {
	IOC_F(struct tee_ioctl_shm_alloc_data, size, IF_X),
	SHMFLAGS(struct tee_ioctl_shm_alloc_data),
};
IOC_S(alloc_in_s, struct tee_ioctl_shm_alloc_data, alloc_in_f);
static const struct ioc_field alloc_out_f[] = {
	IOC_F(struct tee_ioctl_shm_alloc_data, size, IF_X),
	SHMFLAGS(struct tee_ioctl_shm_alloc_data),
	IOC_F(struct tee_ioctl_shm_alloc_data, id, IF_D),
};
IOC_S(alloc_out_s, struct tee_ioctl_shm_alloc_data, alloc_out_f);

static const struct ioc_field reg_in_f[] = {
	IOC_F(struct tee_ioctl_shm_register_data, addr, IF_PTR),
	IOC_F(struct tee_ioctl_shm_register_data, length, IF_X),
	SHMFLAGS(struct tee_ioctl_shm_register_data),
};
IOC_S(reg_in_s, struct tee_ioctl_shm_register_data, reg_in_f);
static const struct ioc_field reg_out_f[] = {
	IOC_F(struct tee_ioctl_shm_register_data, length, IF_X),
	SHMFLAGS(struct tee_ioctl_shm_register_data),
	IOC_F(struct tee_ioctl_shm_register_data, id, IF_D),
};
IOC_S(reg_out_s, struct tee_ioctl_shm_register_data, reg_out_f);

static const struct ioc_field fd_in_f[] = {
	IOC_F(struct tee_shm_fd, fd, IF_FD),
	SHMFLAGS(struct tee_shm_fd),
};
IOC_S(fd_in_s, struct tee_shm_fd, fd_in_f);
static const struct ioc_field fd_out_f[] = {
	IOC_F(struct tee_shm_fd, size, IF_X),
	IOC_F(struct tee_shm_fd, id, IF_D),
};
IOC_S(fd_out_s, struct tee_shm_fd, fd_out_f);

/* A UUID's 16 bytes as its text form. */
static void
uuid(struct ptc__dc *c, const unsigned char *p)
{
	char buf[40];
	size_t i, n = 0;

	for (i = 0; i < 16; i++)
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%s%02x",
		    i == 4 || i == 6 || i == 8 || i == 10 ? "-" : "", p[i]);
	ptc__p_raw(c, buf);
}

#define ORIGIN(type) IOC_FX(type, ret_origin, IF_ENUM, \
	&ptc__xt_tee_origins, "TEEC_ORIGIN_???")
typedef struct tee_ioctl_open_session_arg open_t;
static const struct ioc_field open_head_f[] = {
	{ "uuid", offsetof(open_t, uuid), 16, IF_FN, 0, 0, NULL, NULL, NULL,
	    0, 0, NULL, 0, uuid },
	IOC_FX(open_t, clnt_login, IF_ENUM, &ptc__xt_tee_login_types,
	    "TEE_IOCTL_LOGIN_???"),
};
IOC_S(open_head_s, open_t, open_head_f);
static const struct ioc_field open_tail_f[] = {
	IOC_F(open_t, cancel_id, IF_U),
	IOC_F(open_t, num_params, IF_U),
};
IOC_S(open_tail_s, open_t, open_tail_f);
static const struct ioc_field open_out_f[] = {
	IOC_F(open_t, session, IF_X),
	IOC_F(open_t, ret, IF_U),
	ORIGIN(open_t),
};
IOC_S(open_out_s, open_t, open_out_f);

typedef struct tee_ioctl_invoke_arg invoke_t;
static const struct ioc_field invoke_f[] = {
	IOC_F(invoke_t, func, IF_U),
	IOC_F(invoke_t, session, IF_X),
	IOC_F(invoke_t, cancel_id, IF_U),
	IOC_F(invoke_t, num_params, IF_U),
};
IOC_S(invoke_s, invoke_t, invoke_f);
static const struct ioc_field invoke_out_f[] = {
	IOC_F(invoke_t, ret, IF_U),
	ORIGIN(invoke_t),
};
IOC_S(invoke_out_s, invoke_t, invoke_out_f);

typedef struct tee_iocl_supp_recv_arg recv_t;
static const struct ioc_field recv_f[] = {
	IOC_F(recv_t, func, IF_U),
	IOC_F(recv_t, num_params, IF_U),
};
IOC_S(recv_s, recv_t, recv_f);
static const struct ioc_field recv_out_f[] = {
	IOC_F(recv_t, num_params, IF_U),
};
IOC_S(recv_out_s, recv_t, recv_out_f);

typedef struct tee_iocl_supp_send_arg send_t;
static const struct ioc_field send_f[] = {
	IOC_F(send_t, num_params, IF_U),
};
IOC_S(send_s, send_t, send_f);
static const struct ioc_field send_out_f[] = {
	IOC_F(send_t, ret, IF_U),
};
IOC_S(send_out_s, send_t, send_out_f);

/*
 * The requests whose buf_ptr points to a header and its parameters:
 * the header's fields (login: the client's credentials after head),
 * where it counts the parameters, and what the kernel answers.
 */
static const struct tee_buf {
	unsigned cmd;
	size_t size, nparams;
	const struct ioc_struct *head, *tail, *out;
} bufs[] = {
	{ TEE_IOC_OPEN_SESSION, sizeof(open_t), offsetof(open_t, num_params),
	    &open_head_s, &open_tail_s, &open_out_s },
	{ TEE_IOC_INVOKE, sizeof(invoke_t), offsetof(invoke_t, num_params),
	    &invoke_s, NULL, &invoke_out_s },
	{ TEE_IOC_SUPPL_RECV, sizeof(recv_t), offsetof(recv_t, num_params),
	    &recv_s, NULL, &recv_out_s },
	{ TEE_IOC_SUPPL_SEND, sizeof(send_t), offsetof(send_t, num_params),
	    &send_s, NULL, &send_out_s },
};

/*
 * The client's credentials of a session opened as a group: the group
 * id; none for the other known logins; the bytes for unknown ones.
 */
static void
login(struct ptc__dc *c, const open_t *o)
{
	uint32_t gid;
	unsigned i;

	switch (o->clnt_login) {
	case TEE_IOCTL_LOGIN_PUBLIC:
	case TEE_IOCTL_LOGIN_USER:
	case TEE_IOCTL_LOGIN_APPLICATION:
	case TEE_IOCTL_LOGIN_USER_APPLICATION:
		return;
	case TEE_IOCTL_LOGIN_GROUP:
	case TEE_IOCTL_LOGIN_GROUP_APPLICATION:
		memcpy(&gid, o->clnt_uuid, sizeof(gid));
		ptc__s_field(c, "clnt_uuid");
		if (gid == UINT32_MAX)
			ptc__p_int(c, -1);
		else
			ptc__p_uint(c, gid);
		return;
	}
	ptc__s_field(c, "clnt_uuid");
	ptc__l_open(c);
	for (i = 0; i < sizeof(o->clnt_uuid); i++)
		ptc__p_hex(c, o->clnt_uuid[i]);
	ptc__l_close(c);
}

static void
param(struct ptc__dc *c, const unsigned char *b)
{
	struct tee_ioctl_param pv, *p = &pv;
	static const char *const memref[] = { "shm_offs", "size", "shm_id" };
	static const char *const value[] = { "a", "b", "c" };
	const char *const *n = value;

	memcpy(p, b, sizeof(*p));

	ptc__s_open(c);
	ptc__s_field(c, "attr");
	ptc__p_enum(c, &ptc__xt_tee_param_types,
	    p->attr & ~(uint64_t)TEE_IOCTL_PARAM_ATTR_META,
	    "TEE_IOCTL_PARAM_ATTR_");
	if ((p->attr & TEE_IOCTL_PARAM_ATTR_META) && !c->f->json)
		ptc__sb_puts(c->o, "|TEE_IOCTL_PARAM_ATTR_META");
	switch (p->attr) {
	case TEE_IOCTL_PARAM_ATTR_TYPE_NONE:
		ptc__s_close(c);
		return;
	case TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INPUT:
	case TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_OUTPUT:
	case TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INOUT:
		n = memref;
		break;
	}
	ptc__f_x(c, n[0], p->a);
	ptc__f_x(c, n[1], p->b);
	if (n == memref)
		ptc__f_u(c, n[2], p->c);
	else
		ptc__f_x(c, n[2], p->c);
	ptc__s_close(c);
}

/* ", params=[...]": n parameters at addr (NULL when there are none). */
static void
params(struct ptc__dc *c, uint64_t addr, uint32_t n)
{
	ptc__s_field(c, "params");
	ptc__ioc_array(c, n != 0 ? addr : 0, n, sizeof(struct tee_ioctl_param),
	    param, NULL, 0);
}

static void
buf_only(struct ptc__dc *c, const struct tee_ioctl_buf_data *bd)
{
	ptc__s_open(c);
	ptc__f_u(c, "buf_len", bd->buf_len);
	ptc__s_field(c, "buf_ptr");
	ptc__p_addr(c, bd->buf_ptr);
	ptc__s_close(c);
}

static void
tee_buf(struct ptc__dc *c, unsigned cmd, uint64_t v)
{
	const struct tee_buf *t = bufs;
	struct tee_ioctl_buf_data bd;
	unsigned char h[sizeof(open_t)];
	uint32_t n;

	while (t->cmd != cmd)
		t++;
	if (v == 0 || c->f->noderef || ptc__rdall(c, v, &bd, sizeof(bd)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	/* what the kernel refuses without looking further */
	memset(h, 0, sizeof(h));
	if (bd.buf_len > TEE_MAX_ARG_SIZE || bd.buf_len < t->size ||
	    ptc__rdall(c, bd.buf_ptr, h, t->size) != 0) {
		buf_only(c, &bd);
		return;
	}
	memcpy(&n, h + t->nparams, sizeof(n));
	if (t->size + (uint64_t)n * sizeof(struct tee_ioctl_param) !=
	    bd.buf_len) {
		buf_only(c, &bd);
		return;
	}
	ptc__s_open(c);
	ptc__f_u(c, "buf_len", bd.buf_len);
	ptc__s_field(c, "buf_ptr");
	ptc__s_open(c);
	ptc__ioc_fields(c, t->head, h, bd.buf_ptr);
	if (t->tail != NULL) {
		login(c, (const open_t *)h);
		ptc__ioc_fields(c, t->tail, h, bd.buf_ptr);
	}
	params(c, bd.buf_ptr + t->size, n);
	ptc__s_close(c);
	if (!c->is_error && !c->f->json) {
		ptc__sb_puts(c->o, " => ");
		ptc__s_open(c);
		ptc__ioc_fields(c, t->out, h, bd.buf_ptr);
		params(c, bd.buf_ptr + t->size, n);
		ptc__s_close(c);
	}
	ptc__s_close(c);
}

/* The version: OP-TEE's own capabilities by name, others' in hex. */
static void
version(struct ptc__dc *c, unsigned cmd, uint64_t v)
{
	struct tee_ioctl_version_data d;

	(void)cmd;
	if (v == 0 || c->f->noderef || ptc__rdall(c, v, &d, sizeof(d)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__s_open(c);
	ptc__s_field(c, "impl_id");
	ptc__p_enum(c, &ptc__xt_tee_impl_ids, d.impl_id, "TEE_IMPL_ID_???");
	ptc__s_field(c, "gen_caps");
	ptc__p_flags_unk(c, &ptc__xt_tee_gen_caps, d.gen_caps,
	    "TEE_GEN_CAP_???");
	ptc__s_field(c, "impl_caps");
	if (d.impl_id == TEE_IMPL_ID_OPTEE)
		ptc__p_flags_unk(c, &ptc__xt_tee_optee_caps, d.impl_caps,
		    "TEE_OPTEE_CAP_???");
	else
		ptc__p_hex(c, d.impl_caps);
	ptc__s_close(c);
}

static const struct ioc_req reqs[] = {
	{ TEE_IOC_VERSION, IR_FN, NULL, NULL, 0, version },
	{ TEE_IOC_CANCEL, IR_IN, &cancel_s, NULL, 0, NULL },
	{ TEE_IOC_CLOSE_SESSION, IR_IN, &close_s, NULL, 0, NULL },
	{ TEE_IOC_SHM_ALLOC, IR_INOUT, &alloc_in_s, &alloc_out_s, 0, NULL },
	{ TEE_IOC_SHM_REGISTER, IR_INOUT, &reg_in_s, &reg_out_s, 0, NULL },
	{ TEE_SHM_REGISTER_FD, IR_INOUT, &fd_in_s, &fd_out_s, 0, NULL },
	{ TEE_IOC_OPEN_SESSION, IR_FN, NULL, NULL, 0, tee_buf },
	{ TEE_IOC_INVOKE, IR_FN, NULL, NULL, 0, tee_buf },
	{ TEE_IOC_SUPPL_RECV, IR_FN, NULL, NULL, 0, tee_buf },
	{ TEE_IOC_SUPPL_SEND, IR_FN, NULL, NULL, 0, tee_buf },
};
const struct ioc_reqtab ptc__ioc_tee = { reqs, IOC_NF(reqs), 0 };
