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
	for (i = 0; i < n; i++)
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
