/*
 * sc_ioctl_evdev.c: the arguments of input device requests ('E',
 * <linux/input.h>), as data for lib/sc_ioctl_struct.c.
 */
#include <linux/input.h>
#include <inttypes.h>
#include <stdint.h>
#include <string.h>

#include "sc_ioctl_struct.h"
#include "xlat.h"

IOC_VAL(int_s, 4, IF_D, NULL, NULL);
IOC_VAL(hex_s, 4, IF_X, NULL, NULL);
IOC_VAL(uint_s, 4, IF_U, NULL, NULL);
IOC_VAL(ulong_s, sizeof(unsigned long), IF_U, NULL, NULL);
static const struct ioc_field rep_f[] = {
	IOC_FO(NULL, 0, 4, IF_U, NULL, NULL),
	IOC_FO(NULL, 4, 4, IF_U, NULL, NULL),
};
static const struct ioc_struct rep_s = { 8, 2, rep_f, 1, 0, 0 };
static const struct ioc_field keycode_f[] = {
	IOC_FO(NULL, 0, 4, IF_U, NULL, NULL),
	IOC_FO(NULL, 4, 4, IF_ENUM, &ptc__xt_evdev_keycode, "KEY_???"),
};
static const struct ioc_struct keycode_s = { 8, 2, keycode_f, 1, 0, 0 };

static const struct ioc_field id_f[] = {
	IOC_F(struct input_id, bustype, IF_U),
	IOC_F(struct input_id, vendor, IF_U),
	IOC_F(struct input_id, product, IF_U),
	IOC_F(struct input_id, version, IF_U),
};
IOC_S(id_s, struct input_id, id_f);

static const struct ioc_field keymap_f[] = {
	IOC_F(struct input_keymap_entry, flags, IF_U),
	IOC_F(struct input_keymap_entry, len, IF_U),
	IOC_F(struct input_keymap_entry, index, IF_U),
	IOC_FX(struct input_keymap_entry, keycode, IF_ENUM,
	    &ptc__xt_evdev_keycode, "KEY_???"),
	IOC_FARR(struct input_keymap_entry, scancode, IF_X, 1),
};
IOC_SBRIEF(keymap_s, struct input_keymap_entry, keymap_f, 2);

/* struct ff_effect and the members of its union. */
static const struct ioc_field trigger_f[] = {
	IOC_F(struct ff_trigger, button, IF_U),
	IOC_F(struct ff_trigger, interval, IF_U),
};
IOC_S(trigger_s, struct ff_trigger, trigger_f);
static const struct ioc_field replay_f[] = {
	IOC_F(struct ff_replay, length, IF_U),
	IOC_F(struct ff_replay, delay, IF_U),
};
IOC_S(replay_s, struct ff_replay, replay_f);
static const struct ioc_field envelope_f[] = {
	IOC_F(struct ff_envelope, attack_length, IF_U),
	IOC_F(struct ff_envelope, attack_level, IF_U),
	IOC_F(struct ff_envelope, fade_length, IF_U),
	/* strace shows this one in hex */
	IOC_F(struct ff_envelope, fade_level, IF_X),
};
IOC_S(envelope_s, struct ff_envelope, envelope_f);
static const struct ioc_field constant_f[] = {
	IOC_F(struct ff_constant_effect, level, IF_D),
	IOC_FSUB(struct ff_constant_effect, envelope, &envelope_s),
};
IOC_S(constant_s, struct ff_constant_effect, constant_f);
static const struct ioc_field ramp_f[] = {
	IOC_F(struct ff_ramp_effect, start_level, IF_D),
	IOC_F(struct ff_ramp_effect, end_level, IF_D),
	IOC_FSUB(struct ff_ramp_effect, envelope, &envelope_s),
};
IOC_S(ramp_s, struct ff_ramp_effect, ramp_f);
static const struct ioc_field periodic_f[] = {
	IOC_F(struct ff_periodic_effect, waveform, IF_U),
	IOC_F(struct ff_periodic_effect, period, IF_U),
	IOC_F(struct ff_periodic_effect, magnitude, IF_D),
	IOC_F(struct ff_periodic_effect, offset, IF_D),
	IOC_F(struct ff_periodic_effect, phase, IF_U),
	IOC_FSUB(struct ff_periodic_effect, envelope, &envelope_s),
	IOC_F(struct ff_periodic_effect, custom_len, IF_U),
	IOC_F(struct ff_periodic_effect, custom_data, IF_PTR),
};
IOC_S(periodic_s, struct ff_periodic_effect, periodic_f);
static const struct ioc_field rumble_f[] = {
	IOC_F(struct ff_rumble_effect, strong_magnitude, IF_U),
	IOC_F(struct ff_rumble_effect, weak_magnitude, IF_U),
};
IOC_S(rumble_s, struct ff_rumble_effect, rumble_f);
static const struct ioc_case ff_cases[] = {
	{ FF_CONSTANT, "constant", &constant_s },
	{ FF_RAMP, "ramp", &ramp_s },
	{ FF_PERIODIC, "periodic", &periodic_s },
	{ FF_RUMBLE, "rumble", &rumble_s },
	{ 0, NULL, NULL },
};
static const struct ioc_field ff_f[] = {
	IOC_FX(struct ff_effect, type, IF_ENUM, &ptc__xt_evdev_ff_types,
	    "FF_???"),
	IOC_F(struct ff_effect, id, IF_D),
	IOC_F(struct ff_effect, direction, IF_U),
	IOC_FSUB(struct ff_effect, trigger, &trigger_s),
	IOC_FSUB(struct ff_effect, replay, &replay_s),
	{ "u", offsetof(struct ff_effect, u),
	    sizeof(((struct ff_effect *)0)->u), IF_UNION, 0, 0, NULL, NULL,
	    NULL, 0, 0, ff_cases },
};
IOC_SBRIEF(ff_s, struct ff_effect, ff_f, 3);

static const struct ioc_field absinfo_f[] = {
	IOC_F(struct input_absinfo, value, IF_U),
	IOC_F(struct input_absinfo, minimum, IF_U),
	IOC_F(struct input_absinfo, maximum, IF_U),
	IOC_F(struct input_absinfo, fuzz, IF_U),
	IOC_F(struct input_absinfo, flat, IF_U),
	IOC_F(struct input_absinfo, resolution, IF_U),
};
static const struct ioc_struct absinfo_s = { sizeof(struct input_absinfo),
	IOC_NF(absinfo_f), absinfo_f, 0, 2,
	offsetof(struct input_absinfo, resolution) };

/* EVIOCGMTSLOTS(len): a code, then as many values as len holds. */
static const struct ioc_field mtslots_f[] = {
	IOC_FO("code", 0, 4, IF_ENUM, &ptc__xt_evdev_mtslots, "ABS_MT_???"),
	{ "values", 4, 4, IF_ARRAY, IF_D, 255, NULL, NULL, NULL, 0, 0, NULL },
};
static const struct ioc_struct mtslots_s = { 1024, IOC_NF(mtslots_f),
	mtslots_f, 0, 0, 4 };

/*
 * EVIOCGBIT(ev, len): the bits the kernel set in as many bytes as it
 * returned, each named by ev's table, as strace shows them: names
 * apart by spaces (four, then "...", without -v), under -X raw the
 * words in hex, under -X verbose both.
 */
static void
evdev_bits(struct ptc__dc *c, unsigned cmd, uint64_t v)
{
	uint64_t w[64];
	size_t len, nw, i, shown = 0;
	const struct ptc__xtab *x = NULL;
	const char *unk = NULL;
	int style = ptc__xstyle(c);

	/* the bits there are of each kind: no more are read */
	size_t max = sizeof(w) * 8;

	switch ((cmd & 0xff) - 0x20) {
	case 0:
		x = &ptc__xt_evdev_ev;
		unk = "EV_???";
		max = EV_CNT;
		break;
	case EV_KEY:
		x = &ptc__xt_evdev_keycode;
		unk = "KEY_???";
		max = KEY_CNT;
		break;
	case EV_ABS:
		x = &ptc__xt_evdev_abs;
		unk = "ABS_???";
		max = ABS_CNT;
		break;
	case EV_REL: max = REL_CNT; break;
	case EV_MSC: max = MSC_CNT; break;
	case EV_LED: max = LED_CNT; break;
	case EV_SND: max = SND_CNT; break;
	case EV_FF: max = FF_CNT; break;
	case EV_SW: max = SW_CNT; break;
	}
	max = (max + 7) / 8;
	len = c->rval < (int64_t)max ? (size_t)c->rval : max;
	nw = (len + 7) / 8;
	memset(w, 0, sizeof(w));
	if (c->is_error || c->rval <= 0 ||
	    (nw > 0 && ptc__rdall(c, v, w, nw * 8) != 0)) {
		ptc__p_addr(c, v);
		return;
	}
	if (c->f->json) {
		ptc__l_open(c);
		for (i = 0; i < len * 8; i++)
			if (w[i / 64] >> (i % 64) & 1)
				x != NULL ? ptc__p_enum(c, x, i, unk) :
				    ptc__p_uint(c, i);
		ptc__l_close(c);
		return;
	}
	ptc__pre(c);
	ptc__sb_putc(c->o, '[');
	for (i = 0; style != PTC_XLAT_RAW && i < len * 8; i++) {
		const char *n;

		if (!(w[i / 64] >> (i % 64) & 1))
			continue;
		if (shown > 0)
			ptc__sb_putc(c->o, ' ');
		if (shown++ == 4 && !c->f->verbose) {
			ptc__sb_puts(c->o, "...");
			break;
		}
		n = x != NULL ? ptc__xname(x, i) : NULL;
		if (n != NULL && style == PTC_XLAT_VERBOSE)
			ptc__sb_printf(c->o, "%#zx /* %s */", i, n);
		else if (n != NULL)
			ptc__sb_puts(c->o, n);
		else if (unk != NULL)
			ptc__sb_printf(c->o, "%#zx /* %s */", i, unk);
		else
			ptc__sb_printf(c->o, "%#zx", i);
	}
	if (style == PTC_XLAT_ABBREV) {
		ptc__sb_putc(c->o, ']');
		return;
	}
	ptc__sb_puts(c->o, style == PTC_XLAT_RAW ? "" : "] /* [");
	for (i = 0; i < nw; i++)
		ptc__sb_printf(c->o, w[i] != 0 ? "%s%#" PRIx64 : "%s%" PRIu64,
		    i > 0 ? ", " : "", w[i]);
	ptc__sb_puts(c->o, style == PTC_XLAT_RAW ? "]" : "] */");
}

/* Requests whose number carries a length or an axis. */
#define ANYLEN 0xc000ffffu
#define ANYAXIS 0xc000ffc0u	/* and any size */

static const struct ioc_req reqs[] = {
	{ EVIOCGVERSION, IR_OUT, NULL, &hex_s, 0 },
	{ EVIOCGEFFECTS, IR_OUT, NULL, &int_s, 0 },
	{ EVIOCGID, IR_OUT, NULL, &id_s, 0 },
	{ EVIOCGKEYCODE, IR_OUT, NULL, &keycode_s, 0 },
	{ EVIOCSKEYCODE, IR_IN, &keycode_s, NULL, 0 },
	{ EVIOCGKEYCODE_V2, IR_OUT, NULL, &keymap_s, 0 },
	{ EVIOCSKEYCODE_V2, IR_IN, &keymap_s, NULL, 0 },
	{ EVIOCGREP, IR_OUT, NULL, &rep_s, 0 },
	{ EVIOCSREP, IR_IN, &rep_s, NULL, 0 },
	{ EVIOCSCLOCKID, IR_IN, &uint_s, NULL, 0 },
	{ EVIOCSFF, IR_IN, &ff_s, NULL, 0 },
	{ EVIOCRMFF, IR_VAL, &int_s, NULL, 0 },
	{ EVIOCGRAB, IR_VAL, &ulong_s, NULL, 0 },
	{ EVIOCREVOKE, IR_VAL, &ulong_s, NULL, 0 },
	/* buffers sized by the request: their address */
	{ EVIOCGNAME(0), IR_ADDR, NULL, NULL, ANYLEN },
	{ EVIOCGPHYS(0), IR_ADDR, NULL, NULL, ANYLEN },
	{ EVIOCGUNIQ(0), IR_ADDR, NULL, NULL, ANYLEN },
	{ EVIOCGPROP(0), IR_ADDR, NULL, NULL, ANYLEN },
	{ EVIOCGMTSLOTS(0), IR_OUT, NULL, &mtslots_s, ANYLEN },
	{ EVIOCGKEY(0), IR_ADDR, NULL, NULL, ANYLEN },
	{ EVIOCGLED(0), IR_ADDR, NULL, NULL, ANYLEN },
	{ EVIOCGSND(0), IR_ADDR, NULL, NULL, ANYLEN },
	{ EVIOCGSW(0), IR_ADDR, NULL, NULL, ANYLEN },
	{ EVIOCGBIT(0, 0), IR_FN, NULL, NULL, 0xc000ffe0u, evdev_bits },
	{ EVIOCGABS(0), IR_OUT, NULL, &absinfo_s, ANYAXIS },
	{ EVIOCSABS(0), IR_IN, &absinfo_s, NULL, ANYAXIS },
};
const struct ioc_reqtab ptc__ioc_evdev = { reqs, IOC_NF(reqs), 1 };
