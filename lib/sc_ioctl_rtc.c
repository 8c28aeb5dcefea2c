/*
 * sc_ioctl_rtc.c: the arguments of real-time clock requests ('p',
 * <linux/rtc.h>), as data for lib/sc_ioctl_struct.c; a parameter's
 * value, whose type its number says, prints by a function.
 */
#include <linux/rtc.h>
#include <stdint.h>

#include "sc_ioctl_struct.h"
#include "xlat.h"

static const struct ioc_field time_f[] = {
	IOC_F(struct rtc_time, tm_sec, IF_D),
	IOC_F(struct rtc_time, tm_min, IF_D),
	IOC_F(struct rtc_time, tm_hour, IF_D),
	IOC_F(struct rtc_time, tm_mday, IF_D),
	IOC_F(struct rtc_time, tm_mon, IF_D),
	IOC_F(struct rtc_time, tm_year, IF_D),
	IOC_F(struct rtc_time, tm_wday, IF_D),
	IOC_F(struct rtc_time, tm_yday, IF_D),
	IOC_F(struct rtc_time, tm_isdst, IF_D),
};
IOC_SBRIEF(time_s, struct rtc_time, time_f, 6);

static const struct ioc_field wkalrm_f[] = {
	IOC_F(struct rtc_wkalrm, enabled, IF_U),
	IOC_F(struct rtc_wkalrm, pending, IF_U),
	IOC_FSUB(struct rtc_wkalrm, time, &time_s),
};
IOC_S(wkalrm_s, struct rtc_wkalrm, wkalrm_f);

static const struct ioc_field pll_f[] = {
	IOC_F(struct rtc_pll_info, pll_ctrl, IF_D),
	IOC_F(struct rtc_pll_info, pll_value, IF_D),
	IOC_F(struct rtc_pll_info, pll_max, IF_D),
	IOC_F(struct rtc_pll_info, pll_min, IF_D),
	IOC_F(struct rtc_pll_info, pll_posmult, IF_D),
	IOC_F(struct rtc_pll_info, pll_negmult, IF_D),
	IOC_F(struct rtc_pll_info, pll_clock, IF_D),
};
IOC_S(pll_s, struct rtc_pll_info, pll_f);

IOC_VAL(ulong_s, sizeof(unsigned long), IF_U, NULL, NULL);
IOC_VAL(vl_s, 4, IF_FLAGS, &ptc__xt_rtc_vl_flags, "RTC_VL_???");

/* The value of a parameter: its kind follows the parameter's number. */
static void
param_value(struct ptc__dc *c, const struct rtc_param *p)
{
	switch (p->param) {
	case RTC_PARAM_FEATURES:
		ptc__s_field(c, "uvalue");
		ptc__p_flags_unk(c, &ptc__xt_rtc_features, p->uvalue,
		    "1<<RTC_FEATURE_???");
		break;
	case RTC_PARAM_CORRECTION:
		ptc__s_field(c, "svalue");
		ptc__p_int(c, p->svalue);
		break;
	case RTC_PARAM_BACKUP_SWITCH_MODE:
		ptc__s_field(c, "uvalue");
		ptc__p_enum(c, &ptc__xt_rtc_bsms, p->uvalue, "RTC_BSM_???");
		break;
	default:
		ptc__s_field(c, "uvalue");
		ptc__p_hex(c, p->uvalue);
	}
}

static void
pad(struct ptc__dc *c, const struct rtc_param *p)
{
	if (p->__pad == 0)
		return;
	ptc__s_field(c, "__pad");
	ptc__p_hex(c, p->__pad);
}

/* RTC_PARAM_SET shows it all; RTC_PARAM_GET the value after " => ". */
static void
param(struct ptc__dc *c, unsigned cmd, uint64_t v)
{
	struct rtc_param p;

	if (ptc__rdall(c, v, &p, sizeof(p)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__s_open(c);
	ptc__s_field(c, "param");
	ptc__p_enum(c, &ptc__xt_rtc_params, p.param, "RTC_PARAM_???");
	if (cmd == RTC_PARAM_SET)
		param_value(c, &p);
	ptc__s_field(c, "index");
	ptc__p_uint(c, p.index);
	pad(c, &p);
	ptc__s_close(c);
	if (cmd == RTC_PARAM_SET || c->f->json)
		return;
	ptc__sb_puts(c->o, " => ");
	if (c->is_error) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__s_open(c);
	param_value(c, &p);
	pad(c, &p);
	ptc__s_close(c);
}

static const struct ioc_req reqs[] = {
	{ RTC_ALM_READ, IR_OUT, NULL, &time_s, 0, NULL },
	{ RTC_RD_TIME, IR_OUT, NULL, &time_s, 0, NULL },
	{ RTC_ALM_SET, IR_IN, &time_s, NULL, 0, NULL },
	{ RTC_SET_TIME, IR_IN, &time_s, NULL, 0, NULL },
	{ RTC_WKALM_RD, IR_OUT, NULL, &wkalrm_s, 0, NULL },
	{ RTC_WKALM_SET, IR_IN, &wkalrm_s, NULL, 0, NULL },
	{ RTC_PLL_GET, IR_OUT, NULL, &pll_s, 0, NULL },
	{ RTC_PLL_SET, IR_IN, &pll_s, NULL, 0, NULL },
	{ RTC_IRQP_READ, IR_OUT, NULL, &ulong_s, 0, NULL },
	{ RTC_EPOCH_READ, IR_OUT, NULL, &ulong_s, 0, NULL },
	{ RTC_IRQP_SET, IR_VAL, &ulong_s, NULL, 0, NULL },
	{ RTC_EPOCH_SET, IR_VAL, &ulong_s, NULL, 0, NULL },
	{ RTC_VL_READ, IR_OUT, NULL, &vl_s, 0, NULL },
	{ RTC_PARAM_GET, IR_FN, NULL, NULL, 0, param },
	{ RTC_PARAM_SET, IR_FN, NULL, NULL, 0, param },
};
const struct ioc_reqtab ptc__ioc_rtc = { reqs, IOC_NF(reqs), 1 };
