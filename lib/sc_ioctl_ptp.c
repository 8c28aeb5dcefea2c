/*
 * sc_ioctl_ptp.c: the arguments of PTP hardware clock requests ('=',
 * <linux/ptp_clock.h>), as data for lib/sc_ioctl_struct.c, with the
 * clock times and the layouts that depend on flags as functions.
 */
#include <linux/ptp_clock.h>
#include <stdint.h>
#include <string.h>

#include "sc_ioctl_struct.h"
#include "xlat.h"

/*
 * {sec=, nsec=} and reserved when used; an absolute time (rtc) gets
 * its date in a comment when it is one (not 0, nsec in range).
 */
static void
clock_time(struct ptc__dc *c, const unsigned char *p, int rtc)
{
	struct ptp_clock_time t;

	memcpy(&t, p, sizeof(t));
	ptc__s_open(c);
	ptc__s_field(c, "sec");
	ptc__p_int(c, t.sec);
	ptc__s_field(c, "nsec");
	ptc__p_uint(c, t.nsec);
	if (t.reserved != 0) {
		ptc__s_field(c, "reserved");
		ptc__p_hex(c, t.reserved);
	}
	ptc__s_close(c);
	if (rtc && ptc__xstyle(c) != PTC_XLAT_RAW && t.nsec < 1000000000 &&
	    (t.sec != 0 || t.nsec != 0))
		ptc__p_time_comment(c, t.sec, t.nsec);
}

static void
time_abs(struct ptc__dc *c, const unsigned char *p)
{
	clock_time(c, p, 1);
}

static void
time_rel(struct ptc__dc *c, const unsigned char *p)
{
	clock_time(c, p, 0);
}

/*
 * The samples of a ptp_sys_offset (2 n + 1 times) or of a
 * ptp_sys_offset_extended (n triples); n_samples leads both.
 */
static void
samples(struct ptc__dc *c, const unsigned char *ts, size_t off, int ext)
{
	unsigned n;
	size_t i, k, count;

	memcpy(&n, ts - off, sizeof(n));
	if (n > PTP_MAX_SAMPLES)
		n = PTP_MAX_SAMPLES;
	count = ext ? n : 2 * (size_t)n + 1;
	ptc__l_open(c);
	for (i = 0; i < count; i++) {
		size_t step = sizeof(struct ptp_clock_time) * (ext ? 3 : 1);

		if (!c->f->verbose && ptc__arr_full(c, i))
			break;
		if (!ext) {
			time_abs(c, ts + i * step);
			continue;
		}
		ptc__l_open(c);
		for (k = 0; k < 3; k++)
			time_abs(c, ts + i * step +
			    k * sizeof(struct ptp_clock_time));
		ptc__l_close(c);
	}
	ptc__l_close(c);
}

static void
sysoff_ts(struct ptc__dc *c, const unsigned char *p)
{
	samples(c, p, offsetof(struct ptp_sys_offset, ts), 0);
}

static void
sysoff_ext_ts(struct ptc__dc *c, const unsigned char *p)
{
	samples(c, p, offsetof(struct ptp_sys_offset_extended, ts), 1);
}

#define RSV(type) { "rsv", offsetof(type, rsv), 4, IF_ARRAY, IF_X, \
	sizeof(((type *)0)->rsv) / 4, NULL, NULL, NULL, IO_NZ, 0, NULL, 0, \
	NULL }
#define FN(type, m, fn, opt) { #m, offsetof(type, m), \
	sizeof(((type *)0)->m), IF_FN, 0, 0, NULL, NULL, NULL, opt, 0, NULL, \
	0, fn }

static const struct ioc_field caps_f[] = {
	IOC_F(struct ptp_clock_caps, max_adj, IF_D),
	IOC_F(struct ptp_clock_caps, n_alarm, IF_D),
	IOC_F(struct ptp_clock_caps, n_ext_ts, IF_D),
	IOC_F(struct ptp_clock_caps, n_per_out, IF_D),
	IOC_F(struct ptp_clock_caps, pps, IF_D),
	IOC_F(struct ptp_clock_caps, n_pins, IF_D),
	IOC_F(struct ptp_clock_caps, cross_timestamping, IF_D),
	IOC_F(struct ptp_clock_caps, adjust_phase, IF_D),
	RSV(struct ptp_clock_caps),
};
IOC_S(caps_s, struct ptp_clock_caps, caps_f);

#define EXTTS_FLAGS IOC_FX(struct ptp_extts_request, flags, IF_FLAGS, \
	&ptc__xt_ptp_extts_flags, "PTP_???")
static const struct ioc_field extts1_f[] = {
	IOC_F(struct ptp_extts_request, index, IF_U),
	EXTTS_FLAGS,
};
IOC_S(extts1_s, struct ptp_extts_request, extts1_f);
static const struct ioc_field extts2_f[] = {
	IOC_F(struct ptp_extts_request, index, IF_U),
	EXTTS_FLAGS,
	RSV(struct ptp_extts_request),
};
IOC_S(extts2_s, struct ptp_extts_request, extts2_f);

static const struct ioc_field sysoff_f[] = {
	IOC_F(struct ptp_sys_offset, n_samples, IF_U),
	RSV(struct ptp_sys_offset),
	FN(struct ptp_sys_offset, ts, sysoff_ts, IO_OK),
};
IOC_S(sysoff_s, struct ptp_sys_offset, sysoff_f);
static const struct ioc_field sysoff_ext_f[] = {
	IOC_F(struct ptp_sys_offset_extended, n_samples, IF_U),
	RSV(struct ptp_sys_offset_extended),
	FN(struct ptp_sys_offset_extended, ts, sysoff_ext_ts, IO_OK),
};
IOC_S(sysoff_ext_s, struct ptp_sys_offset_extended, sysoff_ext_f);
static const struct ioc_field precise_f[] = {
	FN(struct ptp_sys_offset_precise, device, time_abs, 0),
	FN(struct ptp_sys_offset_precise, sys_realtime, time_abs, 0),
	FN(struct ptp_sys_offset_precise, sys_monoraw, time_rel, 0),
	RSV(struct ptp_sys_offset_precise),
};
IOC_S(precise_s, struct ptp_sys_offset_precise, precise_f);

/* The getters show the pin's index, and the rest on success. */
#define PIN_NAME \
	{ "name", offsetof(struct ptp_pin_desc, name), 64, IF_STR, 0, 0, \
	    NULL, NULL, NULL, IO_OK, 0, NULL, 0, NULL }
#define PIN_OUT(opt) \
	{ "func", offsetof(struct ptp_pin_desc, func), 4, IF_ENUM, 0, 0, \
	    &ptc__xt_ptp_pin_funcs, "PTP_PF_???", NULL, opt, 0, NULL, 0, \
	    NULL }, \
	{ "chan", offsetof(struct ptp_pin_desc, chan), 4, IF_U, 0, 0, NULL, \
	    NULL, NULL, opt, 0, NULL, 0, NULL }
static const struct ioc_field pin_get1_f[] = {
	IOC_F(struct ptp_pin_desc, index, IF_U),
	PIN_NAME,
	PIN_OUT(IO_OK),
};
IOC_S(pin_get1_s, struct ptp_pin_desc, pin_get1_f);
static const struct ioc_field pin_get2_f[] = {
	IOC_F(struct ptp_pin_desc, index, IF_U),
	RSV(struct ptp_pin_desc),
	PIN_NAME,
	PIN_OUT(IO_OK),
};
IOC_S(pin_get2_s, struct ptp_pin_desc, pin_get2_f);
static const struct ioc_field pin_set1_f[] = {
	IOC_F(struct ptp_pin_desc, index, IF_U),
	PIN_OUT(0),
};
IOC_S(pin_set1_s, struct ptp_pin_desc, pin_set1_f);
static const struct ioc_field pin_set2_f[] = {
	IOC_F(struct ptp_pin_desc, index, IF_U),
	PIN_OUT(0),
	RSV(struct ptp_pin_desc),
};
IOC_S(pin_set2_s, struct ptp_pin_desc, pin_set2_f);

/*
 * A periodic output request: phase in place of start, and on in place
 * of the reserved words, as the flags say.
 */
static void
perout(struct ptc__dc *c, unsigned cmd, uint64_t v)
{
	struct ptp_perout_request r;
	unsigned i;

	if (ptc__rdall(c, v, &r, sizeof(r)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__s_open(c);
	ptc__s_field(c, r.flags & PTP_PEROUT_PHASE ? "phase" : "start");
	clock_time(c, (const unsigned char *)&r.start,
	    !(r.flags & PTP_PEROUT_PHASE));
	ptc__s_field(c, "period");
	time_rel(c, (const unsigned char *)&r.period);
	ptc__s_field(c, "index");
	ptc__p_uint(c, r.index);
	ptc__s_field(c, "flags");
	ptc__p_flags_unk(c, &ptc__xt_ptp_perout_flags, r.flags,
	    "PTP_PEROUT_???");
	if (r.flags & PTP_PEROUT_DUTY_CYCLE) {
		ptc__s_field(c, "on");
		time_rel(c, (const unsigned char *)&r.on);
	} else if (cmd == PTP_PEROUT_REQUEST2 &&
	    (r.rsv[0] | r.rsv[1] | r.rsv[2] | r.rsv[3]) != 0) {
		ptc__s_field(c, "rsv");
		ptc__l_open(c);
		for (i = 0; i < 4; i++)
			ptc__p_hex(c, r.rsv[i]);
		ptc__l_close(c);
	}
	ptc__s_close(c);
}

static const struct ioc_req reqs[] = {
	{ PTP_CLOCK_GETCAPS, IR_OUT, NULL, &caps_s, 0, NULL },
	{ PTP_CLOCK_GETCAPS2, IR_OUT, NULL, &caps_s, 0, NULL },
	{ PTP_EXTTS_REQUEST, IR_IN, &extts1_s, NULL, 0, NULL },
	{ PTP_EXTTS_REQUEST2, IR_IN, &extts2_s, NULL, 0, NULL },
	{ PTP_PEROUT_REQUEST, IR_FN, NULL, NULL, 0, perout },
	{ PTP_PEROUT_REQUEST2, IR_FN, NULL, NULL, 0, perout },
	{ PTP_SYS_OFFSET, IR_IN, &sysoff_s, NULL, 0, NULL },
	{ PTP_SYS_OFFSET2, IR_IN, &sysoff_s, NULL, 0, NULL },
	{ PTP_PIN_GETFUNC, IR_IN, &pin_get1_s, NULL, 0, NULL },
	{ PTP_PIN_GETFUNC2, IR_IN, &pin_get2_s, NULL, 0, NULL },
	{ PTP_PIN_SETFUNC, IR_IN, &pin_set1_s, NULL, 0, NULL },
	{ PTP_PIN_SETFUNC2, IR_IN, &pin_set2_s, NULL, 0, NULL },
	{ PTP_SYS_OFFSET_PRECISE, IR_OUT, NULL, &precise_s, 0, NULL },
	{ PTP_SYS_OFFSET_PRECISE2, IR_OUT, NULL, &precise_s, 0, NULL },
	{ PTP_SYS_OFFSET_EXTENDED, IR_IN, &sysoff_ext_s, NULL, 0, NULL },
	{ PTP_SYS_OFFSET_EXTENDED2, IR_IN, &sysoff_ext_s, NULL, 0, NULL },
};
const struct ioc_reqtab ptc__ioc_ptp = { reqs, IOC_NF(reqs), 0 };
