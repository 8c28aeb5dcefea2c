/*
 * sc_ioctl_kd.c: the arguments of console requests ('K', <linux/kd.h>):
 * values and single numbers as data for lib/sc_ioctl_struct.c, the key
 * map entries, tables and fonts in code.
 */
#include <linux/ioctl.h>
#include <linux/kd.h>
#include <linux/keyboard.h>
#include <errno.h>
#include <inttypes.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "sc_ioctl_struct.h"
#include "xlat.h"

#define PIT_TICK_RATE 1193182u  /* the PC speaker's clock, in Hz */
#define E_TABSZ 256             /* screen map entries */
#define MAX_DIACR 256           /* accent table entries */
#define GPFIRST 0x3b4           /* the graphics card's I/O ports */
#define GPLAST 0x3df

IOC_VAL(mode_s, 4, IF_ENUM, &ptc__xt_kd_modes, "KD_???");
IOC_VAL(getmode_s, 4, IF_ENUM, &ptc__xt_kd_modes, "KD_???");
IOC_VAL(kbtype_s, 1, IF_ENUM, &ptc__xt_kd_kbd_types, "KB_???");
IOC_VAL(led_s, 1, IF_FLAGS, &ptc__xt_kd_leds, "LED_???");
IOC_VAL(dfltled_s, 1, IF_FLAGS, &ptc__xt_kd_default_leds, "LED_???");
IOC_VAL(meta_s, 4, IF_ENUM, &ptc__xt_kd_meta, "K_???");

static const struct ioc_field clr_f[] = {
	IOC_F(struct unimapinit, advised_hashsize, IF_U),
	IOC_F(struct unimapinit, advised_hashstep, IF_U),
	IOC_F(struct unimapinit, advised_hashlevel, IF_U),
};
IOC_S(clr_s, struct unimapinit, clr_f);

static const struct ioc_field rep_f[] = {
	IOC_F(struct kbd_repeat, delay, IF_D),
	IOC_F(struct kbd_repeat, period, IF_D),
};
IOC_S(rep_s, struct kbd_repeat, rep_f);

/* A value of x, unknown ones in decimal (strace's printxval_d). */
static void
xval_d(struct ptc__dc *c, const struct ptc__xtab *x, int32_t v,
    const char *unknown)
{
	const char *n = ptc__xname(x, (uint32_t)v);

	if (n != NULL) {
		ptc__p_xval(c, (uint32_t)v, 'd', n);
		return;
	}
	ptc__p_int(c, v);
	if (ptc__xstyle(c) != PTC_XLAT_RAW)
		ptc__p_comment(c, "%s", unknown);
}

/* The frequency a PIT divisor gives, or "off". */
static void
sound(struct ptc__dc *c, unsigned cmd, uint64_t v)
{
	uint32_t freq = v != 0 ? (uint32_t)(PIT_TICK_RATE / v) : 0;

	(void)cmd;
	ptc__p_uint(c, v);
	if (ptc__xstyle(c) == PTC_XLAT_RAW)
		return;
	if (freq != 0)
		ptc__p_comment(c, "%u Hz", freq);
	else
		ptc__p_comment(c, "off");
}

/* KDMKTONE: the length in ticks above 16 bits, the divisor below. */
static void
tone(struct ptc__dc *c, unsigned cmd, uint64_t v)
{
	uint32_t ticks = (uint32_t)v >> 16, count = (uint32_t)v & 0xffff;
	uint32_t freq = ticks != 0 && count != 0 ? PIT_TICK_RATE / count : 0;

	(void)cmd;
	if (c->f->json) {
		ptc__p_uint(c, (uint32_t)v);
		return;
	}
	ptc__pre(c);
	if (ticks != 0)
		ptc__sb_printf(c->o, "%u<<16|", ticks);
	ptc__sb_printf(c->o, "%u", count);
	if (ptc__xstyle(c) == PTC_XLAT_RAW)
		return;
	if (freq != 0)
		ptc__p_comment(c, "%u Hz, %u ms", freq, ticks);
	else
		ptc__p_comment(c, "off");
}

/* An I/O port, the ones of the graphics card from its first. */
static void
ioport(struct ptc__dc *c, unsigned cmd, uint64_t v)
{
	(void)cmd;
	ptc__p_hex(c, v);
	if (v >= GPFIRST && v <= GPLAST && ptc__xstyle(c) != PTC_XLAT_RAW)
		ptc__p_comment(c, "GPFIRST + %" PRIu64, v - GPFIRST);
}

static void
kbmode_set(struct ptc__dc *c, unsigned cmd, uint64_t v)
{
	(void)cmd;
	xval_d(c, &ptc__xt_kd_kbd_modes, (int32_t)v, "K_???");
}

static void
kbmode_get(struct ptc__dc *c, unsigned cmd, uint64_t v)
{
	int32_t m;

	(void)cmd;
	if (c->is_error || c->f->noderef || ptc__rdall(c, v, &m,
	    sizeof(m)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__l_open(c);
	xval_d(c, &ptc__xt_kd_kbd_modes, m, "K_???");
	ptc__l_close(c);
}

static void
sigaccept(struct ptc__dc *c, unsigned cmd, uint64_t v)
{
	(void)cmd;
	if (v < INT32_MAX)
		ptc__p_signo(c, (int)v);
	else
		ptc__p_uint(c, v);
}

/* n bytes at v in \x form; what a failed get wrote is nothing. */
static void
hexbytes(struct ptc__dc *c, uint64_t v, uint64_t n, int get)
{
	if (get && c->is_error)
		ptc__p_addr(c, v);
	else
		ptc__p_hexbuf(c, v, n);
}

static void
scrnmap(struct ptc__dc *c, unsigned cmd, uint64_t v)
{
	hexbytes(c, v, E_TABSZ, cmd == GIO_SCRNMAP);
}

static void
font(struct ptc__dc *c, unsigned cmd, uint64_t v)
{
	/* 256 characters of 32 rows of 8 pixels */
	hexbytes(c, v, 8192, cmd == GIO_FONT);
}

static void
cmap(struct ptc__dc *c, unsigned cmd, uint64_t v)
{
	hexbytes(c, v, 3 * 16, cmd == GIO_CMAP);
}

/* A screen map entry: a character, or the font's own by offset. */
static void
unichar(struct ptc__dc *c, const unsigned char *p)
{
	int style = ptc__xstyle(c), direct;
	uint16_t e;
	char buf[40];

	memcpy(&e, p, sizeof(e));
	direct = (e & ~UNI_DIRECT_MASK) == UNI_DIRECT_BASE;
	if (style != PTC_XLAT_ABBREV || !direct)
		ptc__p_hex(c, e);
	if (style == PTC_XLAT_RAW || !direct || c->f->json)
		return;
	if (style == PTC_XLAT_VERBOSE) {
		ptc__p_comment(c, "UNI_DIRECT_BASE+%#x", e & UNI_DIRECT_MASK);
		return;
	}
	snprintf(buf, sizeof(buf), "UNI_DIRECT_BASE+%#x", e & UNI_DIRECT_MASK);
	ptc__p_raw(c, buf);
}

/* A Unicode screen map: 256 characters. */
static void
uniscrnmap(struct ptc__dc *c, unsigned cmd, uint64_t v)
{
	if ((cmd == GIO_UNISCRNMAP && c->is_error) || c->f->noderef)
		ptc__p_addr(c, v);
	else
		ptc__ioc_array(c, v, E_TABSZ, sizeof(uint16_t), unichar, NULL,
		    0);
}

/* A character in quotes, as strace's print_char() shows it. */
static void
qchar(struct ptc__dc *c, unsigned char ch)
{
	static const char ws[] = "\t\n\v\f\r", wsname[] = "tnvfr";
	const char *w = ch != 0 ? strchr(ws, ch) : NULL;
	char buf[16];

	if (w != NULL)
		snprintf(buf, sizeof(buf), "'\\%c'", wsname[w - ws]);
	else if (ch == '\'' || ch == '\\')
		snprintf(buf, sizeof(buf), "'\\%c'", ch);
	else if (ch >= 0x20 && ch < 0x7f)
		snprintf(buf, sizeof(buf), "'%c'", ch);
	else
		snprintf(buf, sizeof(buf), "'\\x%02x'", ch);
	ptc__p_raw(c, buf);
}

/* A key value: its name, or K(type, value) in a comment. */
static void
keyval(struct ptc__dc *c, uint16_t v)
{
	unsigned t = KTYP(v), k = KVAL(v);
	const char *n;
	char buf[64];

	ptc__p_hex(c, v);
	if (ptc__xstyle(c) == PTC_XLAT_RAW || c->f->json)
		return;
	if ((n = ptc__xname(&ptc__xt_kd_keys, v)) != NULL) {
		ptc__p_comment(c, "%s", n);
		return;
	}
	n = ptc__xname(&ptc__xt_kd_key_types, t);
	if (n == NULL) {
		snprintf(buf, sizeof(buf), "%#x", t);
		n = buf;
	}
	ptc__sb_printf(c->o, " /* K(%s, ", n);
	switch (t) {
	case KT_LATIN: case KT_META: case KT_LETTER: case KT_DEAD2:
		c->after_field = 1;
		qchar(c, (unsigned char)k);
		break;
	default:
		ptc__sb_printf(c->o, k != 0 ? "%#x" : "%u", k);
	}
	ptc__sb_puts(c->o, ") */");
}

static void
kbent(struct ptc__dc *c, unsigned cmd, uint64_t v)
{
	struct kbentry e;
	const char *n;

	if (v == 0 || c->f->noderef || ptc__rdall(c, v, &e,
	    offsetof(struct kbentry, kb_value)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__s_open(c);
	ptc__s_field(c, "kb_table");
	if ((n = ptc__xname(&ptc__xt_kd_key_tables, e.kb_table)) != NULL)
		ptc__p_xval(c, e.kb_table, 'x', n);
	else
		ptc__p_flags_unk(c, &ptc__xt_kd_keymap_flags, e.kb_table,
		    "K_???");
	ptc__f_u(c, "kb_index", e.kb_index);
	if (cmd == KDSKBENT || !c->is_error) {
		ptc__s_field(c, "kb_value");
		if (ptc__rdall(c, v + offsetof(struct kbentry, kb_value),
		    &e.kb_value, sizeof(e.kb_value)) != 0)
			ptc__p_raw(c, "???");
		else
			keyval(c, e.kb_value);
	}
	ptc__s_close(c);
}

static void
kbsent(struct ptc__dc *c, unsigned cmd, uint64_t v)
{
	unsigned char f, s[sizeof(((struct kbsentry *)0)->kb_string)];
	const unsigned char *nul;
	ssize_t got;
	size_t len, size;

	if (v == 0 || c->f->noderef || ptc__rdall(c, v, &f, 1) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__s_open(c);
	ptc__s_field(c, "kb_func");
	ptc__p_enum(c, &ptc__xt_kd_fn_vals, f, "KVAL(K_\?\?\?)");
	if (cmd == KDGKBSENT && c->is_error) {
		ptc__s_close(c);
		return;
	}
	ptc__s_field(c, "kb_string");
	got = ptc__rd(c, v + 1, s, sizeof(s));
	nul = got > 0 ? memchr(s, 0, (size_t)got) : NULL;
	if (nul == NULL && got != (ssize_t)sizeof(s)) {
		ptc__p_raw(c, "???");
		ptc__s_close(c);
		return;
	}
	/* up to the NUL and -s, "..." when either cut it */
	len = nul != NULL ? (size_t)(nul - s) : sizeof(s);
	size = nul != NULL ? len + 1 : sizeof(s);
	if (size > c->f->strsize)
		size = c->f->strsize;
	ptc__p_bytes(c, s, len < size ? len : size, len >= size);
	ptc__s_close(c);
}

static void
accent(struct ptc__dc *c, const unsigned char *p)
{
	struct kbdiacr d;

	memcpy(&d, p, sizeof(d));
	ptc__s_open(c);
	ptc__s_field(c, "diacr");
	qchar(c, d.diacr);
	ptc__s_field(c, "base");
	qchar(c, d.base);
	ptc__s_field(c, "result");
	qchar(c, d.result);
	ptc__s_close(c);
}

static const struct ioc_field accent_uc_f[] = {
	IOC_F(struct kbdiacruc, diacr, IF_X),
	IOC_F(struct kbdiacruc, base, IF_X),
	IOC_F(struct kbdiacruc, result, IF_X),
};
IOC_S(accent_uc_s, struct kbdiacruc, accent_uc_f);

/* The accent tables: a count, then that many entries (at most 256). */
static void
diacr(struct ptc__dc *c, unsigned cmd, uint64_t v)
{
	int uc = cmd == KDGKBDIACRUC || cmd == KDSKBDIACRUC;
	uint32_t cnt;

	if (((cmd == KDGKBDIACR || cmd == KDGKBDIACRUC) && c->is_error) ||
	    v == 0 || c->f->noderef || ptc__rdall(c, v, &cnt,
	    sizeof(cnt)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__s_open(c);
	ptc__f_u(c, "kb_cnt", cnt);
	ptc__s_field(c, uc ? "kbdiacruc" : "kbdiacr");
	if (uc)
		ptc__ioc_array(c, v + offsetof(struct kbdiacrsuc, kbdiacruc),
		    cnt < MAX_DIACR ? cnt : MAX_DIACR,
		    sizeof(struct kbdiacruc), NULL, &accent_uc_s,
		    cnt > MAX_DIACR);
	else
		ptc__ioc_array(c, v + offsetof(struct kbdiacrs, kbdiacr),
		    cnt < MAX_DIACR ? cnt : MAX_DIACR,
		    sizeof(struct kbdiacr), accent, NULL, cnt > MAX_DIACR);
	ptc__s_close(c);
}

/* KDGETKEYCODE adds the key code the kernel found after " => ". */
static void
keycode(struct ptc__dc *c, unsigned cmd, uint64_t v)
{
	struct kbkeycode k;

	if (v == 0 || c->f->noderef || ptc__rdall(c, v, &k, sizeof(k)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__s_open(c);
	ptc__f_x(c, "scancode", k.scancode);
	/* as it was at entry (ptc__ioctl_enter() kept the first bytes) */
	ptc__f_x(c, "keycode", c->saved_ok[IOC_SAVED] ?
	    (uint32_t)(c->saved[IOC_SAVED] >> 32) : k.keycode);
	if (cmd == KDGETKEYCODE && !c->is_error && !c->f->json) {
		ptc__sb_puts(c->o, " => ");
		c->after_field = 1;
		ptc__p_hex(c, k.keycode);
	}
	ptc__s_close(c);
}

/* A pointer of the tracee's word size at addr, 0 when unreadable. */
static uint64_t
rdptr(struct ptc__dc *c, uint64_t addr)
{
	uint64_t p = 0;
	uint32_t p32;

	if (c->wordsize == 4) {
		if (ptc__rdall(c, addr, &p32, sizeof(p32)) == 0)
			p = p32;
	} else if (ptc__rdall(c, addr, &p, sizeof(p)) != 0) {
		p = 0;
	}
	return p;
}

static const struct ioc_field unipair_f[] = {
	IOC_F(struct unipair, unicode, IF_X),
	IOC_F(struct unipair, fontpos, IF_X),
};
IOC_S(unipair_s, struct unipair, unipair_f);

/*
 * GIO_UNIMAP, PIO_UNIMAP: the count and the pairs; a get shows the
 * count the kernel wrote after " => " and the pairs it filled, as
 * many as there was room for.
 */
static void
unimap(struct ptc__dc *c, unsigned cmd, uint64_t v)
{
	uint16_t ct, was;
	uint64_t entries;

	if (v == 0 || c->f->noderef || ptc__rdall(c, v, &ct, sizeof(ct)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	entries = rdptr(c, v + (uint64_t)c->wordsize);
	was = c->saved_ok[IOC_SAVED] ? (uint16_t)c->saved[IOC_SAVED] : ct;
	ptc__s_open(c);
	ptc__f_u(c, "entry_ct", cmd == GIO_UNIMAP ? was : ct);
	if (cmd == GIO_UNIMAP && !c->f->json) {
		ptc__sb_puts(c->o, " => ");
		c->after_field = 1;
		ptc__p_uint(c, ct);
	}
	ptc__s_field(c, "entries");
	if (cmd == GIO_UNIMAP && c->is_error && c->rval != -ENOMEM)
		ptc__p_addr(c, entries);
	else
		ptc__ioc_array(c, entries, cmd == GIO_UNIMAP ? was : ct,
		    sizeof(struct unipair), NULL, &unipair_s, 0);
	ptc__s_close(c);
}

static void
fontdesc(struct ptc__dc *c, uint16_t count, uint16_t height, uint64_t data,
    int addr)
{
	ptc__s_open(c);
	ptc__f_u(c, "charcount", count);
	ptc__f_u(c, "charheight", height);
	ptc__s_field(c, "chardata");
	if (addr)
		ptc__p_addr(c, data);
	else
		ptc__p_hexbuf(c, data, (count < 512 ? count : 512) * 32u);
	ptc__s_close(c);
}

/* GIO_FONTX, PIO_FONTX: a font's size and its rows of pixels. */
static void
fontx(struct ptc__dc *c, unsigned cmd, uint64_t v)
{
	uint16_t d[2], was[2];
	uint64_t data;

	if (v == 0 || c->f->noderef || ptc__rdall(c, v, d, sizeof(d)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	data = rdptr(c, v + (uint64_t)c->wordsize);
	memcpy(was, c->saved_ok[IOC_SAVED] ? (const void *)&c->saved[IOC_SAVED] :
	    (const void *)d, sizeof(was));
	if (cmd == PIO_FONTX) {
		fontdesc(c, d[0], d[1], data, 0);
		return;
	}
	fontdesc(c, was[0], was[1], data, 1);
	if (c->is_error || c->f->json)
		return;
	ptc__sb_puts(c->o, " => ");
	fontdesc(c, d[0], d[1], data, 0);
}

/*
 * The name of a default font: 32 bytes the last of which should be
 * its NUL, "..." after 31 without one.
 */
static void
fontname(struct ptc__dc *c, uint64_t v)
{
	char buf[32];
	const char *z;
	ssize_t got;
	size_t len;

	if (v == 0 || (got = ptc__rd(c, v, buf, sizeof(buf))) <= 0) {
		ptc__p_addr(c, v);
		return;
	}
	z = memchr(buf, '\0', (size_t)got);
	if (z == NULL && (size_t)got < sizeof(buf)) {
		ptc__p_addr(c, v);
		return;
	}
	len = z != NULL ? (size_t)(z - buf) : sizeof(buf) - 1;
	if (len > c->f->strsize)
		ptc__p_bytes(c, buf, c->f->strsize, 1);
	else
		ptc__p_bytes(c, buf, len, z == NULL);
}

/* KDFONTOP: the fields the operation uses, its font data. */
static void
fontop_fields(struct ptc__dc *c, const uint32_t *f, uint64_t data,
    int exiting)
{
	uint32_t op = f[0], w = f[2] < 32 ? f[2] : 32;
	uint32_t n = f[4] < 512 ? f[4] : 512;

	ptc__s_open(c);
	if (!exiting) {
		ptc__s_field(c, "op");
		ptc__p_enum(c, &ptc__xt_kd_font_ops, op, "KD_FONT_OP_???");
		if (op != KD_FONT_OP_SET_DEFAULT && op != KD_FONT_OP_COPY) {
			ptc__s_field(c, "flags");
			ptc__p_flags_unk(c, &ptc__xt_kd_font_flags, f[1],
			    "KD_FONT_FLAG_???");
		}
	}
	if (op != KD_FONT_OP_COPY)
		ptc__f_u(c, "width", f[2]);
	ptc__f_u(c, "height", f[3]);
	if (op != KD_FONT_OP_SET_DEFAULT && op != KD_FONT_OP_COPY)
		ptc__f_u(c, "charcount", f[4]);
	switch (op) {
	case KD_FONT_OP_GET:
		if (!exiting) {
			ptc__s_field(c, "data");
			ptc__p_addr(c, data);
			break;
		}
		/* FALLTHROUGH */
	case KD_FONT_OP_SET:
		ptc__s_field(c, "data");
		ptc__p_hexbuf(c, data, (w + 7) / 8 * 32 * n);
		break;
	case KD_FONT_OP_SET_DEFAULT:
		if (!exiting) {
			/* the font's name */
			ptc__s_field(c, "data");
			fontname(c, data);
		}
		break;
	case KD_FONT_OP_COPY:
		break;
	default:
		ptc__s_field(c, "data");
		ptc__p_addr(c, data);
	}
	ptc__s_close(c);
}

static void
fontop(struct ptc__dc *c, unsigned cmd, uint64_t v)
{
	uint32_t f[5], was[5];
	uint64_t data;

	(void)cmd;
	if (v == 0 || c->f->noderef || ptc__rdall(c, v, f, sizeof(f)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	data = rdptr(c, v + (c->wordsize == 4 ? 20 : 24));
	memcpy(was, f, sizeof(was));
	if (c->saved_ok[IOC_SAVED])
		memcpy(was, &c->saved[IOC_SAVED], sizeof(c->saved[0]));
	fontop_fields(c, was, data, 0);
	if (was[0] == KD_FONT_OP_SET || was[0] == KD_FONT_OP_COPY ||
	    c->is_error || c->f->json)
		return;
	ptc__sb_puts(c->o, " => ");
	fontop_fields(c, f, data, 1);
}

static const struct ioc_req reqs[] = {
	{ KIOCSOUND, IR_FN, NULL, NULL, 0, sound },
	{ KDMKTONE, IR_FN, NULL, NULL, 0, tone },
	{ KDGETLED, IR_OUT, NULL, &led_s, 0, NULL },
	{ KDSETLED, IR_VAL, &led_s, NULL, 0, NULL },
	{ KDGKBLED, IR_OUT, NULL, &dfltled_s, 0, NULL },
	{ KDSKBLED, IR_VAL, &dfltled_s, NULL, 0, NULL },
	{ KDGKBTYPE, IR_OUT, NULL, &kbtype_s, 0, NULL },
	{ KDADDIO, IR_FN, NULL, NULL, 0, ioport },
	{ KDDELIO, IR_FN, NULL, NULL, 0, ioport },
	{ KDSETMODE, IR_VAL, &mode_s, NULL, 0, NULL },
	{ KDGETMODE, IR_OUT, NULL, &getmode_s, 0, NULL },
	{ GIO_SCRNMAP, IR_FN, NULL, NULL, 0, scrnmap },
	{ PIO_SCRNMAP, IR_FN, NULL, NULL, 0, scrnmap },
	{ GIO_UNISCRNMAP, IR_FN, NULL, NULL, 0, uniscrnmap },
	{ PIO_UNISCRNMAP, IR_FN, NULL, NULL, 0, uniscrnmap },
	{ KDGKBMODE, IR_FN, NULL, NULL, 0, kbmode_get },
	{ KDSKBMODE, IR_FN, NULL, NULL, 0, kbmode_set },
	{ KDGKBENT, IR_FN, NULL, NULL, 0, kbent },
	{ KDSKBENT, IR_FN, NULL, NULL, 0, kbent },
	{ KDGKBSENT, IR_FN, NULL, NULL, 0, kbsent },
	{ KDSKBSENT, IR_FN, NULL, NULL, 0, kbsent },
	{ KDGKBDIACR, IR_FN, NULL, NULL, 0, diacr },
	{ KDSKBDIACR, IR_FN, NULL, NULL, 0, diacr },
	{ KDGKBDIACRUC, IR_FN, NULL, NULL, 0, diacr },
	{ KDSKBDIACRUC, IR_FN, NULL, NULL, 0, diacr },
	{ KDGETKEYCODE, IR_FN, NULL, NULL, 0, keycode },
	{ KDSETKEYCODE, IR_FN, NULL, NULL, 0, keycode },
	{ KDSIGACCEPT, IR_FN, NULL, NULL, 0, sigaccept },
	{ KDKBDREP, IR_INOUT, &rep_s, &rep_s, 0, NULL },
	{ GIO_FONT, IR_FN, NULL, NULL, 0, font },
	{ PIO_FONT, IR_FN, NULL, NULL, 0, font },
	{ KDGKBMETA, IR_OUT, NULL, &meta_s, 0, NULL },
	{ KDSKBMETA, IR_VAL, &meta_s, NULL, 0, NULL },
	{ PIO_UNIMAPCLR, IR_IN, &clr_s, NULL, 0, NULL },
	{ GIO_CMAP, IR_FN, NULL, NULL, 0, cmap },
	{ PIO_CMAP, IR_FN, NULL, NULL, 0, cmap },
	{ GIO_UNIMAP, IR_FN, NULL, NULL, 0, unimap },
	{ PIO_UNIMAP, IR_FN, NULL, NULL, 0, unimap },
	{ GIO_FONTX, IR_FN, NULL, NULL, 0, fontx },
	{ PIO_FONTX, IR_FN, NULL, NULL, 0, fontx },
	{ KDFONTOP, IR_FN, NULL, NULL, 0, fontop },
};
const struct ioc_reqtab ptc__ioc_kd = { reqs, IOC_NF(reqs), 0 };
