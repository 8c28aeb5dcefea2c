/*
 * sc_ioctl.c: ioctl request names, the return value, and the arguments
 * of the terminal requests and of those that take a plain value or a
 * number behind a pointer.  Structure arguments are described as data
 * in lib/sc_ioctl_*.c and printed by lib/sc_ioctl_struct.c, which is
 * asked first.
 */
#include <asm/ioctls.h>
#include <asm/ioctl.h>
#include <asm/termbits.h>
#include <asm/termios.h>
#include <linux/blkzoned.h>
#include <linux/btrfs.h>
#include <linux/counter.h>
#include <linux/fs.h>
#include <linux/kd.h>
#include <linux/loop.h>
#include <linux/nbd.h>
#include <linux/nsfs.h>
#include <linux/random.h>
#include <linux/rtc.h>
#include <linux/watchdog.h>
#include <mtd/ubi-user.h>
#include <scsi/sg.h>

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "sc_priv.h"
#include "xlat.h"

/*
 * The first entry of request cmd in the generated table (sorted by
 * number, then name), or NULL.
 */
static const struct ptc__xlat *
ioctl_first(unsigned cmd)
{
	const struct ptc__xtab *x = &ptc__xt_ioctlent;
	unsigned lo = 0, hi = x->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (x->v[mid].val < cmd)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < x->n && x->v[lo].val == cmd ? &x->v[lo] : NULL;
}

/*
 * A code of table x inside a request name (EVIOCGABS(ABS_X)): by name,
 * or in hex with unknown in a comment; under -X verbose the whole name
 * is already a comment, so an unknown code goes bare.
 */
static int
code_name(char *buf, size_t len, int style, const struct ptc__xtab *x,
    unsigned v, const char *unknown)
{
	const char *n = ptc__xname(x, v);

	if (n != NULL)
		return snprintf(buf, len, "%s", n);
	if (style == PTC_XLAT_VERBOSE)
		return snprintf(buf, len, "%#x", v);
	return snprintf(buf, len, "%#x /* %s */", v, unknown);
}

/*
 * Requests whose number carries a parameter (a length, an axis, a mixer
 * channel) print as a call, EVIOCGBIT(EV_KEY, 8), as strace prints
 * them; 0 when cmd is not one of them.
 */
static int
ioctl_numbered(char *buf, size_t len, int style, unsigned cmd)
{
	static const struct {
		unsigned char type, dir, nr;
		const char *name;
	} sized[] = {
		{ 'E', 2, 0x06, "EVIOCGNAME" }, { 'E', 2, 0x07, "EVIOCGPHYS" },
		{ 'E', 2, 0x08, "EVIOCGUNIQ" }, { 'E', 2, 0x09, "EVIOCGPROP" },
		{ 'E', 2, 0x0a, "EVIOCGMTSLOTS" }, { 'E', 2, 0x18, "EVIOCGKEY" },
		{ 'E', 2, 0x19, "EVIOCGLED" }, { 'E', 2, 0x1a, "EVIOCGSND" },
		{ 'E', 2, 0x1b, "EVIOCGSW" },
		{ 'H', 2, 0x04, "HIDIOCGRAWNAME" },
		{ 'H', 2, 0x05, "HIDIOCGRAWPHYS" },
		{ 'H', 2, 0x06, "HIDIOCSFEATURE" },
		{ 'H', 2, 0x08, "HIDIOCGRAWUNIQ" },
		{ 'H', 2, 0x12, "HIDIOCGPHYS" },
		{ 'H', 3, 0x06, "HIDIOCSFEATURE" },
		{ 'H', 3, 0x07, "HIDIOCGFEATURE" },
		{ 'U', 2, 0x2c, "UI_GET_SYSNAME" },
		{ 'j', 2, 0x13, "JSIOCGNAME" },
		{ 'k', 1, 0x00, "SPI_IOC_MESSAGE" },
	};
	unsigned dir = cmd >> 30, type = (cmd >> 8) & 0xff, nr = cmd & 0xff;
	unsigned size = (cmd >> 16) & 0x3fff;
	const char *n;
	char code[64];
	size_t i;

	if ((n = ptc__xname(&ptc__xt_ioctl_extra, cmd)) != NULL)
		return snprintf(buf, len, "%s", n);
	if (type == 'M' && (dir == _IOC_READ || dir == _IOC_WRITE))
		return snprintf(buf, len, "MIXER_%s(%u)",
		    dir == _IOC_READ ? "READ" : "WRITE", nr);
	if (type == 'E' && dir == _IOC_WRITE && nr >= 0xc0) {
		code_name(code, sizeof(code), style, &ptc__xt_evdev_abs,
		    nr - 0xc0, "ABS_???");
		return snprintf(buf, len, "EVIOCSABS(%s)", code);
	}
	if (type == 'E' && dir == _IOC_READ && nr >= 0x20 && nr < 0x40) {
		if (nr == 0x20)
			snprintf(code, sizeof(code), "0");
		else
			code_name(code, sizeof(code), style, &ptc__xt_evdev_ev,
			    nr - 0x20, "EV_???");
		return snprintf(buf, len, "EVIOCGBIT(%s, %u)", code, size);
	}
	if (type == 'E' && dir == _IOC_READ && nr >= 0x40 && nr < 0x80) {
		code_name(code, sizeof(code), style, &ptc__xt_evdev_abs,
		    nr - 0x40, "ABS_???");
		return snprintf(buf, len, "EVIOCGABS(%s)", code);
	}
	for (i = 0; i < sizeof(sized) / sizeof(sized[0]); i++)
		if (sized[i].type == type && sized[i].dir == dir &&
		    sized[i].nr == nr)
			return snprintf(buf, len, "%s(%u)", sized[i].name,
			    size);
	return 0;
}

/*
 * The name of request cmd as strace prints it: the parameterised form
 * above and every name the headers give the number, joined by " or ",
 * else _IOC(dir, type, nr, size).
 */
char *
ptc__ioctl_name(char *buf, size_t len, int style, unsigned cmd)
{
	static const char *const dirs[] = {
		"_IOC_NONE", "_IOC_WRITE", "_IOC_READ", "_IOC_READ|_IOC_WRITE",
	};
	const struct ptc__xtab *x = &ptc__xt_ioctlent;
	const struct ptc__xlat *e = ioctl_first(cmd);
	size_t n;
	int k;

	buf[0] = '\0';
	k = ioctl_numbered(buf, len, style, cmd);
	n = k > 0 && (size_t)k < len ? (size_t)k : 0;
	if (e == NULL && n == 0) {
		snprintf(buf, len, "_IOC(%s, %#x, %#x, %#x)", dirs[cmd >> 30],
		    (cmd >> 8) & 0xff, cmd & 0xff, (cmd >> 16) & 0x3fff);
		return buf;
	}
	for (; e != NULL && e < x->v + x->n && e->val == cmd && n < len; e++)
		n += snprintf(buf + n, len - n, "%s%s", n > 0 ? " or " : "",
		    e->name);
	return buf;
}

void
ptc__a_ioctl_cmd(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	char buf[256];

	(void)a;
	if (!c->exiting)
		ptc__ioctl_enter(c, (unsigned)v, c->a[2]);
	ptc__ioctl_name(buf, sizeof(buf), ptc__xstyle(c), (unsigned)v);
	/* -X: the number, and the name or _IOC() in a comment. */
	if (c->f->json)
		ptc__p_raw(c, buf);
	else
		ptc__p_xval(c, (unsigned)v, 'x', buf);
}

static const struct {
	unsigned v;
	const char *name;
} speeds[] = {
	{ B0, "B0" }, { B50, "B50" }, { B75, "B75" }, { B110, "B110" },
	{ B134, "B134" }, { B150, "B150" }, { B200, "B200" },
	{ B300, "B300" }, { B600, "B600" }, { B1200, "B1200" },
	{ B1800, "B1800" }, { B2400, "B2400" }, { B4800, "B4800" },
	{ B9600, "B9600" }, { B19200, "B19200" }, { B38400, "B38400" },
	{ B57600, "B57600" }, { B115200, "B115200" }, { B230400, "B230400" },
	{ B460800, "B460800" }, { B500000, "B500000" }, { B576000, "B576000" },
	{ B921600, "B921600" }, { B1000000, "B1000000" },
	{ B1152000, "B1152000" }, { B1500000, "B1500000" },
	{ B2000000, "B2000000" }, { B2500000, "B2500000" },
	{ B3000000, "B3000000" }, { B3500000, "B3500000" },
	{ B4000000, "B4000000" },
};

static const char *
speed_name(unsigned v)
{
	size_t i;

	for (i = 0; i < sizeof(speeds) / sizeof(speeds[0]); i++)
		if (v == speeds[i].v)
			return speeds[i].name;
	return NULL;
}

/* Append "|" (unless first) and field value v named name, -X styled. */
static void
term_part(const struct ptc__dc *c, char *buf, size_t len, unsigned v,
    const char *name)
{
	size_t n = strlen(buf);

	if (n > 0 && n + 1 < len)
		buf[n++] = '|';
	ptc__sxval(buf + n, len - n, ptc__xstyle(c), v, 'x', name);
}

static void
term_oflag(const struct ptc__dc *c, char *buf, size_t len, unsigned f)
{
	static const struct {
		const char *name;
		unsigned mask, shift;
	} dly[] = {
		{ "NL", NLDLY, 8 }, { "CR", CRDLY, 9 }, { "TAB", TABDLY, 11 },
		{ "BS", BSDLY, 13 }, { "VT", VTDLY, 14 }, { "FF", FFDLY, 15 },
	};
	char rest[256], name[8];
	size_t i;

	/* The delay fields come first, as values, then the flags. */
	buf[0] = '\0';
	for (i = 0; i < sizeof(dly) / sizeof(dly[0]); i++) {
		snprintf(name, sizeof(name), "%s%u", dly[i].name,
		    (f & dly[i].mask) >> dly[i].shift);
		/* strace knows TAB3 by its other name */
		if ((f & dly[i].mask) == TAB3 && dly[i].mask == TABDLY)
			snprintf(name, sizeof(name), "XTABS");
		term_part(c, buf, len, f & dly[i].mask, name);
	}
	f &= ~(unsigned)(NLDLY | CRDLY | TABDLY | BSDLY | VTDLY | FFDLY);
	if (f != 0)
		snprintf(buf + strlen(buf), len - strlen(buf), "|%s",
		    ptc__xsflags(c, rest, sizeof(rest), &ptc__xt_term_oflags,
		    f, NULL));
}

static void
term_cflag(const struct ptc__dc *c, char *buf, size_t len, unsigned f)
{
	char rest[256], cs[8];

	buf[0] = '\0';
	term_part(c, buf, len, f & CBAUD, speed_name(f & CBAUD));
	/* the input speed, when set apart from the output one */
	if (f & CIBAUD) {
		unsigned in = (f & CIBAUD) >> IBSHIFT;
		char sp[64], sh[64];
		size_t n = strlen(buf);

		/* "B1800<<IBSHIFT": each side styled as strace styles it */
		ptc__sxval(sp, sizeof(sp), ptc__xstyle(c), in, 'x',
		    speed_name(in));
		ptc__sxval(sh, sizeof(sh), ptc__xstyle(c), IBSHIFT, 'x',
		    "IBSHIFT");
		snprintf(buf + n, n < len ? len - n : 0, "%s%s<<%s",
		    n > 0 ? "|" : "", sp, sh);
	}
	/* CSIZE is bits 4-5 on most CPUs, 8-9 on PowerPC */
	snprintf(cs, sizeof(cs), "CS%u", 5 + (f & CSIZE) / (CSIZE & -CSIZE));
	term_part(c, buf, len, f & CSIZE, cs);
	f &= ~(unsigned)(CBAUD | CIBAUD | CSIZE);
	if (f != 0)
		snprintf(buf + strlen(buf), len - strlen(buf), "|%s",
		    ptc__xsflags(c, rest, sizeof(rest), &ptc__xt_term_cflags,
		    f, NULL));
}

/* By index: the order of c_cc differs between CPUs (PowerPC). */
static const char *const cc_names[] = {
	[VINTR] = "VINTR", [VQUIT] = "VQUIT", [VERASE] = "VERASE",
	[VKILL] = "VKILL", [VEOF] = "VEOF", [VTIME] = "VTIME",
	[VMIN] = "VMIN", [VSWTC] = "VSWTC", [VSTART] = "VSTART",
	[VSTOP] = "VSTOP", [VSUSP] = "VSUSP", [VEOL] = "VEOL",
	[VREPRINT] = "VREPRINT", [VDISCARD] = "VDISCARD",
	[VWERASE] = "VWERASE", [VLNEXT] = "VLNEXT", [VEOL2] = "VEOL2",
};

/*
 * PowerPC has no termios2: its struct termios holds the speeds itself,
 * and TCGETS shows them as TCGETS2 does elsewhere.
 */
#ifdef TCGETS2
#define TERMIOS_SPEEDS 0
#else
#define TERMIOS_SPEEDS 1
#endif

/* What an argument that points to a value is (ioctl_args below). */
enum {
	T_INT = 1, T_UINT, T_USHORT, T_LONG, T_ULONG, T_U64, T_TERMIOS,
	T_WINSIZE, T_TERMIOS2, T_TERMIO,
};

/*
 * The three layouts of terminal settings, read into one: struct
 * termios (kind T_TERMIOS), termios2 (its speeds too) and the old
 * struct termio (16-bit flags, NCC control characters).
 */
struct term {
	unsigned iflag, oflag, cflag, lflag, ispeed, ospeed;
	unsigned char line, cc[32];
	size_t ncc;
};

static int
term_read(struct ptc__dc *c, uint64_t v, int type, struct term *t)
{
	union {
		struct termios t;
#ifdef TCGETS2
		struct termios2 t2;
#endif
		struct termio o;
	} u;
	size_t len = type == T_TERMIO ? sizeof(u.o) :
#ifdef TCGETS2
	    type == T_TERMIOS2 ? sizeof(u.t2) :
#endif
	    sizeof(u.t);

	memset(t, 0, sizeof(*t));
	if (c->f->noderef || ptc__rdall(c, v, &u, len) != 0)
		return -1;
	if (type == T_TERMIO) {
		t->iflag = u.o.c_iflag;
		t->oflag = u.o.c_oflag;
		t->cflag = u.o.c_cflag;
		t->lflag = u.o.c_lflag;
		t->line = u.o.c_line;
		t->ncc = sizeof(u.o.c_cc);
		memcpy(t->cc, u.o.c_cc, t->ncc);
		return 0;
	}
	/* termios2 begins as termios does */
	t->iflag = u.t.c_iflag;
	t->oflag = u.t.c_oflag;
	t->cflag = u.t.c_cflag;
	t->lflag = u.t.c_lflag;
	t->line = u.t.c_line;
	t->ncc = sizeof(u.t.c_cc);
	memcpy(t->cc, u.t.c_cc, t->ncc);
#ifdef TCGETS2
	t->ispeed = u.t2.c_ispeed;
	t->ospeed = u.t2.c_ospeed;
#else
	t->ispeed = u.t.c_ispeed;
	t->ospeed = u.t.c_ospeed;
#endif
	return 0;
}

/* Terminal settings as strace shows them: flags by name, the rest with -v. */
static void
termios(struct ptc__dc *c, uint64_t v, int type)
{
	struct term t;
	char buf[512];
	size_t i;

	if (term_read(c, v, type, &t) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__s_open(c);
	ptc__s_field(c, "c_iflag");
	ptc__p_raw(c, ptc__xsflags(c, buf, sizeof(buf), &ptc__xt_term_iflags,
	    t.iflag, ""));
	ptc__s_field(c, "c_oflag");
	term_oflag(c, buf, sizeof(buf), t.oflag);
	ptc__p_raw(c, buf);
	ptc__s_field(c, "c_cflag");
	term_cflag(c, buf, sizeof(buf), t.cflag);
	ptc__p_raw(c, buf);
	ptc__s_field(c, "c_lflag");
	ptc__p_raw(c, ptc__xsflags(c, buf, sizeof(buf), &ptc__xt_term_lflags,
	    t.lflag, ""));
	if (!c->f->verbose) {
		ptc__s_more(c);
		ptc__s_close(c);
		return;
	}
	ptc__s_field(c, "c_line");
	ptc__p_enum(c, &ptc__xt_term_line_discs, t.line, "N_???");
	ptc__s_field(c, "c_cc");
	ptc__pre(c);
	ptc__sb_putc(c->o, c->f->json ? '{' : '[');
	for (i = 0; i < t.ncc; i++) {
		char name[24];

		if (i < sizeof(cc_names) / sizeof(cc_names[0]) &&
		    cc_names[i] != NULL)
			snprintf(name, sizeof(name), "%s", cc_names[i]);
		else
			snprintf(name, sizeof(name), "%zu", i);
		if (c->f->json)
			ptc__sb_printf(c->o, "%s\"%s\":%u", i ? "," : "", name,
			    t.cc[i]);
		else
			ptc__sb_printf(c->o, t.cc[i] ? "%s[%s]=%#x" :
			    "%s[%s]=%u", i ? ", " : "", name, t.cc[i]);
	}
	ptc__sb_putc(c->o, c->f->json ? '}' : ']');
	if (type == T_TERMIOS2 || (type == T_TERMIOS && TERMIOS_SPEEDS)) {
		ptc__s_field(c, "c_ispeed");
		ptc__p_uint(c, t.ispeed);
		ptc__s_field(c, "c_ospeed");
		ptc__p_uint(c, t.ospeed);
	}
	ptc__s_close(c);
}

static void
winsize(struct ptc__dc *c, uint64_t v)
{
	uint16_t w[4];

	if (ptc__rdall(c, v, w, sizeof(w)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__s_open(c);
	ptc__s_field(c, "ws_row");
	ptc__p_uint(c, w[0]);
	ptc__s_field(c, "ws_col");
	ptc__p_uint(c, w[1]);
	ptc__s_field(c, "ws_xpixel");
	ptc__p_uint(c, w[2]);
	ptc__s_field(c, "ws_ypixel");
	ptc__p_uint(c, w[3]);
	ptc__s_close(c);
}

/*
 * How a request's argument prints, as strace's decoder for its type
 * prints it.  Requests not listed show the argument as a number in hex.
 */
enum {
	A_NONE = 1,	/* no argument shown at all */
	A_VAL_D,	/* the argument itself, a signed int */
	A_VAL_U,	/* the argument itself, unsigned */
	A_FD,		/* the argument is a descriptor */
	A_IN,		/* points to a value read by the kernel */
	A_OUT,		/* points to a value the kernel writes */
};

static const struct {
	unsigned cmd;
	unsigned char how, type;
} ioctl_args[] = {
	/* terminals ('T') */
	{ TCGETS, A_OUT, T_TERMIOS }, { TIOCGLCKTRMIOS, A_OUT, T_TERMIOS },
	{ TCSETS, A_IN, T_TERMIOS }, { TCSETSW, A_IN, T_TERMIOS },
	{ TCSETSF, A_IN, T_TERMIOS }, { TIOCSLCKTRMIOS, A_IN, T_TERMIOS },
#ifdef TCGETS2
	{ TCGETS2, A_OUT, T_TERMIOS2 }, { TCSETS2, A_IN, T_TERMIOS2 },
	{ TCSETSW2, A_IN, T_TERMIOS2 }, { TCSETSF2, A_IN, T_TERMIOS2 },
#endif
	{ TCGETA, A_OUT, T_TERMIO }, { TCSETA, A_IN, T_TERMIO },
	{ TCSETAW, A_IN, T_TERMIO }, { TCSETAF, A_IN, T_TERMIO },
	{ TIOCGWINSZ, A_OUT, T_WINSIZE }, { TIOCSWINSZ, A_IN, T_WINSIZE },
	{ TCXONC, A_VAL_U, 0 }, { TCFLSH, A_VAL_U, 0 },
	{ TCSBRK, A_VAL_D, 0 }, { TCSBRKP, A_VAL_D, 0 },
	{ TIOCSCTTY, A_VAL_D, 0 },
	{ TIOCGPGRP, A_OUT, T_INT }, { TIOCGSID, A_OUT, T_INT },
	{ TIOCGETD, A_OUT, T_INT }, { TIOCGSOFTCAR, A_OUT, T_INT },
	{ TIOCGPTN, A_OUT, T_INT }, { FIONREAD, A_OUT, T_INT },
	{ TIOCOUTQ, A_OUT, T_INT }, { TIOCGEXCL, A_OUT, T_INT },
	{ TIOCGDEV, A_OUT, T_INT },
	{ TIOCSPGRP, A_IN, T_INT }, { TIOCSETD, A_IN, T_INT },
	{ FIONBIO, A_IN, T_INT }, { FIOASYNC, A_IN, T_INT },
	{ TIOCPKT, A_IN, T_INT }, { TIOCSSOFTCAR, A_IN, T_INT },
	{ TIOCSPTLCK, A_IN, T_INT },
	{ TIOCSBRK, A_NONE, 0 }, { TIOCCBRK, A_NONE, 0 },
	{ TIOCCONS, A_NONE, 0 }, { TIOCNOTTY, A_NONE, 0 },
	{ TIOCEXCL, A_NONE, 0 }, { TIOCNXCL, A_NONE, 0 },
	{ FIOCLEX, A_NONE, 0 }, { FIONCLEX, A_NONE, 0 },
	{ TIOCVHANGUP, A_NONE, 0 }, { TIOCSSERIAL, A_NONE, 0 },
	/* block devices (0x12) */
	{ BLKRASET, A_VAL_U, 0 }, { BLKFRASET, A_VAL_U, 0 },
	{ BLKSECTGET, A_OUT, T_USHORT }, { BLKROTATIONAL, A_OUT, T_USHORT },
	{ BLKROGET, A_OUT, T_INT }, { BLKBSZGET, A_OUT, T_INT },
	{ BLKSSZGET, A_OUT, T_INT }, { BLKALIGNOFF, A_OUT, T_INT },
	{ BLKROSET, A_IN, T_INT }, { BLKBSZSET, A_IN, T_INT },
	{ BLKPBSZGET, A_OUT, T_UINT }, { BLKIOMIN, A_OUT, T_UINT },
	{ BLKIOOPT, A_OUT, T_UINT }, { BLKDISCARDZEROES, A_OUT, T_UINT },
	{ BLKGETZONESZ, A_OUT, T_UINT }, { BLKGETNRZONES, A_OUT, T_UINT },
	{ BLKRAGET, A_OUT, T_LONG }, { BLKFRAGET, A_OUT, T_LONG },
	{ BLKGETSIZE, A_OUT, T_ULONG },
	{ BLKGETSIZE64, A_OUT, T_U64 },
#ifdef BLKGETDISKSEQ
	{ BLKGETDISKSEQ, A_OUT, T_U64 },
#endif
	{ BLKRRPART, A_NONE, 0 }, { BLKFLSBUF, A_NONE, 0 },
	{ BLKTRACESTART, A_NONE, 0 }, { BLKTRACESTOP, A_NONE, 0 },
	{ BLKTRACETEARDOWN, A_NONE, 0 },
	/* file systems ('X', 0x94) */
	{ FIFREEZE, A_NONE, 0 }, { FITHAW, A_NONE, 0 },
	{ FICLONE, A_VAL_D, 0 },
	/* random ('R') */
	{ RNDGETENTCNT, A_OUT, T_INT }, { RNDADDTOENTCNT, A_IN, T_INT },
	{ RNDZAPENTCNT, A_NONE, 0 }, { RNDCLEARPOOL, A_NONE, 0 },
	{ RNDRESEEDCRNG, A_NONE, 0 },
	/* loop devices ('L') */
	{ LOOP_CLR_FD, A_NONE, 0 }, { LOOP_SET_CAPACITY, A_NONE, 0 },
	{ LOOP_CTL_GET_FREE, A_NONE, 0 },
	{ LOOP_SET_FD, A_FD, 0 }, { LOOP_CHANGE_FD, A_FD, 0 },
	{ LOOP_CTL_ADD, A_VAL_D, 0 }, { LOOP_CTL_REMOVE, A_VAL_D, 0 },
	{ LOOP_SET_DIRECT_IO, A_VAL_U, 0 },
	{ LOOP_SET_BLOCK_SIZE, A_VAL_U, 0 },
	/* watchdogs ('W') */
	{ WDIOC_GETSTATUS, A_OUT, T_INT }, { WDIOC_GETBOOTSTATUS, A_OUT, T_INT },
	{ WDIOC_GETTEMP, A_OUT, T_INT }, { WDIOC_GETTIMEOUT, A_OUT, T_INT },
	{ WDIOC_GETPRETIMEOUT, A_OUT, T_INT },
	{ WDIOC_GETTIMELEFT, A_OUT, T_INT },
	{ WDIOC_SETTIMEOUT, A_IN, T_INT }, { WDIOC_SETPRETIMEOUT, A_IN, T_INT },
	{ WDIOC_KEEPALIVE, A_NONE, 0 },
	/* consoles ('K') */
	{ KDENABIO, A_NONE, 0 }, { KDDISABIO, A_NONE, 0 },
	{ KDMAPDISP, A_NONE, 0 }, { KDUNMAPDISP, A_NONE, 0 },
	{ PIO_FONTRESET, A_NONE, 0 },
	/* network block devices (0xab) */
	{ NBD_DISCONNECT, A_NONE, 0 }, { NBD_CLEAR_SOCK, A_NONE, 0 },
	{ NBD_DO_IT, A_NONE, 0 }, { NBD_CLEAR_QUE, A_NONE, 0 },
	{ NBD_PRINT_DEBUG, A_NONE, 0 },
	/* counters ('>') */
	{ COUNTER_ENABLE_EVENTS_IOCTL, A_NONE, 0 },
	{ COUNTER_DISABLE_EVENTS_IOCTL, A_NONE, 0 },
	/* btrfs (0x94): these take a structure they never read */
	{ BTRFS_IOC_TRANS_START, A_NONE, 0 }, { BTRFS_IOC_TRANS_END, A_NONE, 0 },
	{ BTRFS_IOC_SYNC, A_NONE, 0 }, { BTRFS_IOC_SCRUB_CANCEL, A_NONE, 0 },
	{ BTRFS_IOC_QUOTA_RESCAN_WAIT, A_NONE, 0 },
	{ BTRFS_IOC_DEFRAG, A_NONE, 0 }, { BTRFS_IOC_BALANCE, A_NONE, 0 },
	/* real-time clocks ('p') */
	{ RTC_AIE_ON, A_NONE, 0 }, { RTC_AIE_OFF, A_NONE, 0 },
	{ RTC_UIE_ON, A_NONE, 0 }, { RTC_UIE_OFF, A_NONE, 0 },
	{ RTC_PIE_ON, A_NONE, 0 }, { RTC_PIE_OFF, A_NONE, 0 },
	{ RTC_WIE_ON, A_NONE, 0 }, { RTC_WIE_OFF, A_NONE, 0 },
	{ RTC_VL_CLR, A_NONE, 0 },
	/* UBI volumes ('O') */
	{ UBI_IOCVOLCRBLK, A_NONE, 0 }, { UBI_IOCVOLRMBLK, A_NONE, 0 },
	/* SCSI generic (0x22) */
	{ SG_GET_TIMEOUT, A_NONE, 0 },
	/* namespaces (0xb7) */
	{ NS_GET_USERNS, A_NONE, 0 }, { NS_GET_PARENT, A_NONE, 0 },
	{ NS_GET_NSTYPE, A_NONE, 0 }, { NS_GET_OWNER_UID, A_OUT, T_UINT },
};

/* The value of type type at v in brackets, as strace's printnum_*(). */
static void
num(struct ptc__dc *c, uint64_t v, int type)
{
	union {
		int32_t i;
		uint32_t u;
		uint16_t h;
		int64_t l;
		uint64_t ul;
	} x;
	size_t len;

	switch (type) {
	case T_USHORT:
		len = 2;
		break;
	case T_LONG: case T_ULONG:
		len = (size_t)c->wordsize;
		break;
	case T_U64:
		len = 8;
		break;
	default:
		len = 4;
	}
	memset(&x, 0, sizeof(x));
	if (ptc__rdall(c, v, &x, len) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__l_open(c);
	switch (type) {
	case T_INT:
		ptc__p_int(c, x.i);
		break;
	case T_UINT:
		ptc__p_uint(c, x.u);
		break;
	case T_USHORT:
		ptc__p_uint(c, x.h);
		break;
	case T_LONG:
		ptc__p_int(c, len == 4 ? (int64_t)x.i : x.l);
		break;
	default:
		ptc__p_uint(c, x.ul);
	}
	ptc__l_close(c);
}

/*
 * The argument: decoded for requests known to carry a value, nothing
 * for those that take none, else the number in hex.
 */
void
ptc__a_ioctl_arg(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	unsigned cmd = (unsigned)c->a[1];
	size_t i;

	(void)a;
	if (c->wordsize == 4)
		v = (uint32_t)v;
	if (ptc__ioctl_struct(c, cmd, v))
		return;
	for (i = 0; i < sizeof(ioctl_args) / sizeof(ioctl_args[0]); i++)
		if (ioctl_args[i].cmd == cmd)
			break;
	if (i == sizeof(ioctl_args) / sizeof(ioctl_args[0])) {
		ptc__p_hex(c, v);
		return;
	}
	switch (ioctl_args[i].how) {
	case A_NONE:
		return;
	case A_VAL_D:
		ptc__p_int(c, (int32_t)v);
		return;
	case A_VAL_U:
		ptc__p_uint(c, v);
		return;
	case A_FD:
		ptc__p_fd(c, (int)v);
		return;
	case A_OUT:
		/* Nothing was written: strace shows the address. */
		if (c->is_error) {
			ptc__p_addr(c, v);
			return;
		}
		break;
	}
	switch (ioctl_args[i].type) {
	case T_TERMIOS: case T_TERMIOS2: case T_TERMIO:
		if (v == 0)
			ptc__p_addr(c, v);
		else
			termios(c, v, ioctl_args[i].type);
		return;
	case T_WINSIZE:
		if (v == 0)
			ptc__p_addr(c, v);
		else
			winsize(c, v);
		return;
	}
	num(c, v, ioctl_args[i].type);
}

/*
 * The return value: a number, or for NS_GET_NSTYPE the namespace type
 * it is, as strace adds it ("268435456 (CLONE_NEWUSER)").
 */
void
ptc__r_ioctl(struct ptc__dc *c, int64_t v)
{
	const char *n;

	ptc__p_int(c, c->wordsize == 4 ? (int32_t)v : v);
	/* strace adds it under -X raw too. */
	if ((unsigned)c->a[1] != NS_GET_NSTYPE || c->f->json)
		return;
	if ((n = ptc__xname(&ptc__xt_clone_flags, (uint64_t)v)) != NULL)
		ptc__sb_printf(c->o, " (%s)", n);
}
