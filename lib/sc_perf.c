/*
 * sc_perf.c: perf_event_open's struct perf_event_attr, as strace 6.1
 * shows it (PERF_EVENT_IOC_MODIFY_ATTRIBUTES shows one too).
 *
 * The structure grew over the years (PERF_ATTR_SIZE_VER0..VER7): its
 * size field says how much of it the caller passes, and the fields past
 * that size are left out.  Without -v only the part up to the bit
 * fields shows, the bits left zero left out.  The kernel answers a size
 * it does not take with E2BIG and writes its own size there: that shows
 * as "size=OLD => NEW".
 */
#include <errno.h>
#include <inttypes.h>
#include <stddef.h>
#include <string.h>

#include "sc_priv.h"
#include "xlat.h"

/* The layout of PERF_ATTR_SIZE_VER7, the bit fields as one word. */
struct k_attr {
	uint32_t type, size;
	uint64_t config, sample_period, sample_type, read_format, bits;
	uint32_t wakeup_events, bp_type;
	uint64_t config1, config2, branch_sample_type, sample_regs_user;
	uint32_t sample_stack_user;
	int32_t clockid;
	uint64_t sample_regs_intr;
	uint32_t aux_watermark;
	uint16_t sample_max_stack, reserved_2;
	uint32_t aux_sample_size, reserved_3;
	uint64_t sig_data;
};

#define ATTR_VER0   64u
#define ATTR_MAX    ((unsigned)sizeof(struct k_attr))
#define A_OFF(m)    ((unsigned)offsetof(struct k_attr, m))

enum { T_HARDWARE, T_SOFTWARE, T_TRACEPOINT, T_HW_CACHE, T_RAW,
    T_BREAKPOINT };

/* The one-bit fields by bit number; precise_ip (bits 15, 16) apart. */
static const char *const bit_names[] = {
	"disabled", "inherit", "pinned", "exclusive", "exclude_user",
	"exclude_kernel", "exclude_hv", "exclude_idle", "mmap", "comm",
	"freq", "inherit_stat", "enable_on_exec", "task", "watermark",
	NULL, NULL, "mmap_data", "sample_id_all", "exclude_host",
	"exclude_guest", "exclude_callchain_kernel",
	"exclude_callchain_user", "mmap2", "comm_exec", "use_clockid",
	"context_switch", "write_backward", "namespaces", "ksymbol",
	"bpf_event", "aux_output", "cgroup", "text_poke", "build_id",
	"inherit_thread", "remove_on_exec", "sigtrap",
};
#define BITS_KNOWN 38

#define BIT_FREQ        10
#define BIT_WATERMARK   14
#define BIT_USE_CLOCKID 25
#define PRECISE_SHIFT   15

#define SAMPLE_BRANCH_STACK (1u << 11)
#define SAMPLE_STACK_USER   (1u << 13)
#define BP_X_RW             7u      /* HW_BREAKPOINT_X | HW_BREAKPOINT_RW */

static const char *const precise_desc[] = {
	"arbitrary skid", "constant skid", "requested to have 0 skid",
	"must have 0 skid",
};

/* A value of x as strace's printxval() writes it, into s. */
static const char *
sxv(const struct ptc__dc *c, char *s, size_t len, const struct ptc__xtab *x,
    uint64_t v)
{
	const char *name = ptc__xname(x, v);
	const char *unk = ptc__xunknown(x);

	if (name != NULL || unk == NULL || c->f->json ||
	    ptc__xstyle(c) == PTC_XLAT_RAW)
		return ptc__sxval(s, len, ptc__xstyle(c), v, 'x', name);
	snprintf(s, len, "%#" PRIx64 " /* %s */", v, unk);
	return s;
}

/* "0xHIGH<<32|": the bits of a config above a shift, appended to s. */
static void
config_part(char *s, size_t len, uint64_t v, unsigned shift)
{
	size_t n = strlen(s);

	if (v != 0 && n < len)
		snprintf(s + n, len - n, "%#" PRIx64 "<<%u|", v, shift);
}

/* A value of x appended to s, then suffix. */
static void
config_val(const struct ptc__dc *c, char *s, size_t len,
    const struct ptc__xtab *x, uint64_t v, const char *suffix)
{
	size_t n = strlen(s);
	char one[96];

	if (n < len)
		snprintf(s + n, len - n, "%s%s", sxv(c, one, sizeof(one), x, v),
		    suffix);
}

/* config, whose meaning goes by type. */
static void
config(struct ptc__dc *c, const struct k_attr *a)
{
	char s[400] = "";

	switch (a->type) {
	case T_HARDWARE:
		config_part(s, sizeof(s), a->config >> 32, 32);
		config_val(c, s, sizeof(s), &ptc__xt_perf_hw_id,
		    a->config & 0xffffffffu, "");
		break;
	case T_SOFTWARE:
		ptc__s_field(c, "config");
		ptc__p_enum(c, &ptc__xt_perf_sw_ids, a->config, NULL);
		return;
	case T_TRACEPOINT:
		ptc__f_u(c, "config", a->config);
		return;
	case T_HW_CACHE:
		/* the PMU, 0, then result << 16 | operation << 8 | cache */
		config_part(s, sizeof(s), a->config >> 32, 32);
		config_part(s, sizeof(s), (a->config & 0xffffffffu) >> 24, 24);
		config_val(c, s, sizeof(s), &ptc__xt_perf_hw_cache_op_result_id,
		    (a->config >> 16) & 0xff, "<<16|");
		config_val(c, s, sizeof(s), &ptc__xt_perf_hw_cache_op_id,
		    (a->config >> 8) & 0xff, "<<8|");
		config_val(c, s, sizeof(s), &ptc__xt_perf_hw_cache_id,
		    a->config & 0xff, "");
		break;
	default:
		ptc__f_x(c, "config", a->config);
		return;
	}
	ptc__s_field(c, "config");
	ptc__p_raw(c, s);
}

static int
bit(const struct k_attr *a, unsigned n)
{
	return (int)((a->bits >> n) & 1);
}

/* The bit fields: without -v those set only. */
static void
bits(struct ptc__dc *c, const struct k_attr *a)
{
	unsigned i, precise = (unsigned)(a->bits >> PRECISE_SHIFT) & 3;

	for (i = 0; i < BITS_KNOWN; i++) {
		if (i == PRECISE_SHIFT) {
			ptc__f_u(c, "precise_ip", precise);
			ptc__p_comment(c, "%s", precise_desc[precise]);
			continue;
		}
		if (bit_names[i] == NULL)
			continue;
		if (c->f->verbose || bit(a, i))
			ptc__f_u(c, bit_names[i], (unsigned)bit(a, i));
	}
	if (a->bits >> BITS_KNOWN) {
		ptc__f_x(c, "__reserved_1", a->bits >> BITS_KNOWN);
		ptc__p_comment(c, "Bits 63..38");
	}
}

/* How a field past config2 shows. */
enum { K_U, K_X, K_FLAGS, K_ENUM, K_NOTE };

/*
 * The fields past config2, in order: each is there when it starts
 * within the size passed (the kernel's view of a short structure), and
 * shows when its condition holds: sample_type has bits "sample", or
 * bit fields bit "bit" (+1) is set.  Reserved bytes show as a comment
 * when not zero.
 */
static const struct tail_field {
	unsigned short off, size;
	const char *name;
	unsigned char kind;
	unsigned char bit;
	uint32_t sample;
	const struct ptc__xtab *x;
} tail_fields[] = {
	{ A_OFF(branch_sample_type), 8, "branch_sample_type", K_FLAGS, 0,
	    SAMPLE_BRANCH_STACK, &ptc__xt_perf_branch_sample_type },
	{ A_OFF(sample_regs_user), 8, "sample_regs_user", K_X, 0, 0, NULL },
	{ A_OFF(sample_stack_user), 4, "sample_stack_user", K_X, 0,
	    SAMPLE_STACK_USER, NULL },
	{ A_OFF(clockid), 4, "clockid", K_ENUM, BIT_USE_CLOCKID + 1, 0,
	    &ptc__xt_clocks },
	{ A_OFF(sample_regs_intr), 8, "sample_regs_intr", K_X, 0, 0, NULL },
	{ A_OFF(aux_watermark), 4, "aux_watermark", K_U, 0, 0, NULL },
	{ A_OFF(sample_max_stack), 2, "sample_max_stack", K_U, 0, 0, NULL },
	{ A_OFF(reserved_2), 2, NULL, K_NOTE, 0, 0, NULL },
	{ A_OFF(aux_sample_size), 4, "aux_sample_size", K_U, 0, 0, NULL },
	{ A_OFF(reserved_3), 4, NULL, K_NOTE, 0, 0, NULL },
	{ A_OFF(sig_data), 8, "sig_data", K_X, 0, 0, NULL },
};

/* The fields from wakeup_events on (-v), as far as size goes. */
static void
tail(struct ptc__dc *c, const struct k_attr *a, unsigned size)
{
	const struct tail_field *t;
	int bp = a->type == T_BREAKPOINT;
	uint64_t v;
	size_t i;

	ptc__f_u(c, bit(a, BIT_WATERMARK) ? "wakeup_watermark" :
	    "wakeup_events", a->wakeup_events);
	if (bp) {
		ptc__s_field(c, "bp_type");
		ptc__p_enum(c, &ptc__xt_hw_breakpoint_type, a->bp_type,
		    a->bp_type <= BP_X_RW ? "HW_BREAKPOINT_INVALID" : NULL);
	}
	ptc__f_x(c, bp ? "bp_addr" : "config1", a->config1);
	if (A_OFF(config2) >= size)
		return;
	if (bp)
		ptc__f_u(c, "bp_len", a->config2);
	else
		ptc__f_x(c, "config2", a->config2);
	for (i = 0; i < sizeof(tail_fields) / sizeof(tail_fields[0]); i++) {
		t = &tail_fields[i];
		if (t->off >= size)
			return;
		if ((t->sample != 0 && !(a->sample_type & t->sample)) ||
		    (t->bit != 0 && !bit(a, t->bit - 1u)))
			continue;
		v = 0;
		memcpy(&v, (const unsigned char *)a + t->off, t->size);
		switch (t->kind) {
		case K_U:
			ptc__f_u(c, t->name, v);
			break;
		case K_X:
			ptc__f_x(c, t->name, v);
			break;
		case K_FLAGS:
			ptc__s_field(c, t->name);
			ptc__p_flags(c, t->x, v, NULL);
			break;
		case K_ENUM:
			ptc__s_field(c, t->name);
			ptc__p_enum(c, t->x, v, NULL);
			break;
		default:
			if (v != 0)
				ptc__p_comment(c, "bytes %u..%u: %#" PRIx64,
				    t->off, t->off + t->size - 1u, v);
		}
	}
}

void
ptc__p_perf_attr(struct ptc__dc *c, uint64_t addr, uint32_t size, int resized)
{
	struct k_attr a;
	uint32_t given = size, now;
	unsigned len;

	len = size > ATTR_MAX ? ATTR_MAX : size == 0 ? ATTR_VER0 : size;
	/* Shorter than the first version: the kernel takes none of it. */
	if (addr == 0 || c->f->noderef || len < ATTR_VER0) {
		ptc__p_addr(c, addr);
		return;
	}
	if (!c->f->verbose)
		len = A_OFF(wakeup_events);
	memset(&a, 0, sizeof(a));
	if (ptc__rdall(c, addr, &a, len) != 0) {
		ptc__p_addr(c, addr);
		return;
	}
	a.size = given;
	ptc__s_open(c);
	ptc__s_field(c, "type");
	ptc__p_enum(c, &ptc__xt_perf_type_id, a.type, NULL);
	ptc__s_field(c, "size");
	ptc__p_enum(c, &ptc__xt_perf_attr_size, a.size, NULL);
	if (resized && !c->f->json) {
		ptc__sb_puts(c->o, " => ");
		if (ptc__rdall(c, addr + A_OFF(size), &now, sizeof(now)) == 0) {
			c->after_field = 1;
			ptc__p_enum(c, &ptc__xt_perf_attr_size, now, NULL);
		} else {
			ptc__sb_puts(c->o, "???");
		}
	}
	config(c, &a);
	ptc__f_u(c, bit(&a, BIT_FREQ) ? "sample_freq" : "sample_period",
	    a.sample_period);
	ptc__s_field(c, "sample_type");
	ptc__p_flags(c, &ptc__xt_perf_event_sample_format, a.sample_type,
	    NULL);
	ptc__s_field(c, "read_format");
	ptc__p_flags(c, &ptc__xt_perf_event_read_format, a.read_format, NULL);
	bits(c, &a);
	if (c->f->verbose)
		tail(c, &a, len);
	/* The caller passed more than was shown. */
	if (a.size > len || (a.size == 0 && len < ATTR_VER0))
		ptc__s_more(c);
	ptc__s_close(c);
}

/*
 * perf_event_open's attr: shown at exit (">>" in the table), its size
 * as it was at entry.
 */
void
ptc__a_perf_attr(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	uint32_t size;
	uint32_t head[2];

	(void)a;
	if (c->wordsize == 4)
		v = (uint32_t)v;
	if (!c->saved_ok[c->cur]) {
		ptc__p_addr(c, v);
		return;
	}
	/* type and size, as the tracee's memory had them */
	memcpy(head, &c->saved[c->cur], sizeof(head));
	size = head[1];
	ptc__p_perf_attr(c, v, size, c->exiting && c->is_error &&
	    c->rval == -E2BIG);
}
