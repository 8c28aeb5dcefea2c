/*
 * sc_sched.c: struct sched_attr of sched_setattr and sched_getattr, as
 * strace 6.1 shows it: the fields the given size covers, the ones the
 * KEEP flags of sched_setattr make the kernel ignore left out, and the
 * size the kernel asks for when it refuses a structure (E2BIG).
 */
#include <errno.h>
#include <inttypes.h>
#include <string.h>

#include "sc_priv.h"
#include "xlat.h"

#define ATTR_MIN_SIZE   48      /* SCHED_ATTR_SIZE_VER0 */
#define ATTR_SIZE       56      /* SCHED_ATTR_SIZE_VER1 */
#define FLAG_KEEP_POLICY 0x08
#define FLAG_KEEP_PARAMS 0x10

struct attr {
	uint32_t size, policy;
	uint64_t flags;
	int32_t nice;
	uint32_t priority;
	uint64_t runtime, deadline, period;
	uint32_t util_min, util_max;
};

/*
 * The attributes at addr: usize the size sched_getattr was given (the
 * kernel says in the size field how much it wrote), 0 for sched_setattr
 * (its size field says how much there is).
 */
static void
sched_attr(struct ptc__dc *c, uint64_t addr, unsigned usize)
{
	struct attr at;
	unsigned size;
	int set = usize == 0;

	memset(&at, 0, sizeof(at));
	if (addr == 0 || c->f->noderef) {
		ptc__p_addr(c, addr);
		return;
	}
	if (!set) {
		size = usize < sizeof(at) ? usize : (unsigned)sizeof(at);
		if (ptc__rdall(c, addr, &at, size) != 0) {
			ptc__p_addr(c, addr);
			return;
		}
		size = at.size;
	} else {
		if (ptc__rdall(c, addr, &at.size, sizeof(at.size)) != 0) {
			ptc__p_addr(c, addr);
			return;
		}
		usize = at.size != 0 ? at.size : ATTR_MIN_SIZE;
		size = usize < sizeof(at) ? usize : (unsigned)sizeof(at);
		if (size >= ATTR_MIN_SIZE &&
		    ptc__rdall(c, addr, &at, size) != 0) {
			ptc__p_addr(c, addr);
			return;
		}
	}
	ptc__s_open(c);
	ptc__f_u(c, "size", at.size);
	if (size >= ATTR_MIN_SIZE) {
		if (!set || (int32_t)at.policy < 0 ||
		    !(at.flags & (FLAG_KEEP_POLICY | FLAG_KEEP_PARAMS))) {
			ptc__s_field(c, "sched_policy");
			ptc__p_enum(c, &ptc__xt_sched_policies, at.policy,
			    NULL);
		}
		ptc__s_field(c, "sched_flags");
		ptc__p_flags(c, &ptc__xt_sched_flags, at.flags, NULL);
		if (!set || !(at.flags & FLAG_KEEP_PARAMS)) {
			ptc__s_field(c, "sched_nice");
			ptc__p_int(c, at.nice);
			ptc__f_u(c, "sched_priority", at.priority);
			ptc__f_u(c, "sched_runtime", at.runtime);
			ptc__f_u(c, "sched_deadline", at.deadline);
			ptc__f_u(c, "sched_period", at.period);
		}
		if (size >= ATTR_SIZE) {
			ptc__f_u(c, "sched_util_min", at.util_min);
			ptc__f_u(c, "sched_util_max", at.util_max);
		}
	}
	if ((set ? usize : at.size) > size)
		ptc__s_more(c);
	ptc__s_close(c);
}

/* sched_setattr's attributes; at exit the size the kernel wanted. */
void
ptc__a_sched_attr_in(struct ptc__dc *c, const struct ptc__arg *a,
    uint64_t v)
{
	uint32_t size;

	(void)a;
	if (!c->exiting) {
		sched_attr(c, v, 0);
		return;
	}
	if (c->f->noderef || c->f->json || !c->is_error ||
	    c->rval != -E2BIG || ptc__rdall(c, v, &size, sizeof(size)) != 0)
		return;
	ptc__sb_printf(c->o, " => {size=%" PRIu32 "}", size);
}

/* sched_getattr's: as much as its size argument lets the kernel write. */
void
ptc__a_sched_attr_out(struct ptc__dc *c, const struct ptc__arg *a,
    uint64_t v)
{
	(void)a;
	if ((unsigned)c->a[2] == 0) {
		ptc__p_addr(c, v);
		return;
	}
	sched_attr(c, v, (unsigned)c->a[2]);
}
