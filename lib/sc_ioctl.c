/*
 * sc_ioctl.c: ioctl request names and the arguments of the common
 * terminal and descriptor requests.
 */
#include <asm/ioctls.h>
#include <asm/termbits.h>

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "sc_priv.h"
#include "xlat.h"

/* Requests two subsystems define with one number: strace names both. */
static const struct {
	unsigned v;
	const char *name;
} shared[] = {
	{ 0x40049409, "BTRFS_IOC_CLONE or FICLONE" },
	{ 0x4020940d, "BTRFS_IOC_CLONE_RANGE or FICLONERANGE" },
	{ 0xc0189436, "BTRFS_IOC_FILE_EXTENT_SAME or FIDEDUPERANGE" },
};

void
ptc__a_ioctl_cmd(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	const char *n = ptc__xname(&ptc__xt_ioctls, (uint32_t)v);
	size_t i;

	for (i = 0; n == NULL && i < sizeof(shared) / sizeof(shared[0]); i++)
		if (shared[i].v == (uint32_t)v)
			n = shared[i].name;
	unsigned cmd = (unsigned)v, dir = cmd >> 30;
	static const char *const dirs[] = {
		"_IOC_NONE", "_IOC_WRITE", "_IOC_READ", "_IOC_READ|_IOC_WRITE",
	};
	char buf[96];

	(void)a;
	if (n == NULL) {
		snprintf(buf, sizeof(buf), "_IOC(%s, %#x, %#x, %#x)",
		    dirs[dir], (cmd >> 8) & 0xff, cmd & 0xff,
		    (cmd >> 16) & 0x3fff);
		n = buf;
	}
	/* -X: the number, and the name or _IOC() in a comment. */
	if (c->f->json)
		ptc__p_raw(c, n);
	else
		ptc__p_xval(c, cmd, 'x', n);
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
	snprintf(cs, sizeof(cs), "CS%u", 5 + ((f & CSIZE) >> 4));
	term_part(c, buf, len, f & CSIZE, cs);
	f &= ~(unsigned)(CBAUD | CSIZE);
	if (f != 0)
		snprintf(buf + strlen(buf), len - strlen(buf), "|%s",
		    ptc__xsflags(c, rest, sizeof(rest), &ptc__xt_term_cflags,
		    f, NULL));
}

static const char *const cc_names[] = {
	"VINTR", "VQUIT", "VERASE", "VKILL", "VEOF", "VTIME", "VMIN",
	"VSWTC", "VSTART", "VSTOP", "VSUSP", "VEOL", "VREPRINT", "VDISCARD",
	"VWERASE", "VLNEXT", "VEOL2",
};

/* struct termios as strace shows it: flags by name, c_cc with -v. */
static void
termios(struct ptc__dc *c, uint64_t v)
{
	struct termios t;
	char buf[512];
	size_t i;

	if (ptc__rdall(c, v, &t, sizeof(t)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__s_open(c);
	ptc__s_field(c, "c_iflag");
	ptc__p_raw(c, ptc__xsflags(c, buf, sizeof(buf), &ptc__xt_term_iflags,
	    t.c_iflag, ""));
	ptc__s_field(c, "c_oflag");
	term_oflag(c, buf, sizeof(buf), t.c_oflag);
	ptc__p_raw(c, buf);
	ptc__s_field(c, "c_cflag");
	term_cflag(c, buf, sizeof(buf), t.c_cflag);
	ptc__p_raw(c, buf);
	ptc__s_field(c, "c_lflag");
	ptc__p_raw(c, ptc__xsflags(c, buf, sizeof(buf), &ptc__xt_term_lflags,
	    t.c_lflag, ""));
	if (!c->f->verbose) {
		ptc__s_more(c);
		ptc__s_close(c);
		return;
	}
	ptc__s_field(c, "c_line");
	if (t.c_line == 0)
		ptc__p_xval(c, 0, 'x', "N_TTY");
	else
		ptc__p_uint(c, t.c_line);
	ptc__s_field(c, "c_cc");
	ptc__pre(c);
	ptc__sb_putc(c->o, c->f->json ? '{' : '[');
	for (i = 0; i < NCCS; i++) {
		char name[16];

		if (i < sizeof(cc_names) / sizeof(cc_names[0]))
			snprintf(name, sizeof(name), "%s", cc_names[i]);
		else
			snprintf(name, sizeof(name), "%zu", i);
		if (c->f->json)
			ptc__sb_printf(c->o, "%s\"%s\":%u", i ? "," : "", name,
			    t.c_cc[i]);
		else
			ptc__sb_printf(c->o, t.c_cc[i] ? "%s[%s]=%#x" :
			    "%s[%s]=%u", i ? ", " : "", name, t.c_cc[i]);
	}
	ptc__sb_putc(c->o, c->f->json ? '}' : ']');
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

static void
intp(struct ptc__dc *c, uint64_t v)
{
	int32_t i;

	if (ptc__rdall(c, v, &i, sizeof(i)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__l_open(c);
	ptc__p_int(c, i);
	ptc__l_close(c);
}

/* The argument: decoded for requests known to carry a value. */
void
ptc__a_ioctl_arg(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	unsigned cmd = (unsigned)c->a[1];
	int out = 0;

	(void)a;
	switch (cmd) {
	case TCGETS: case TIOCGWINSZ: case FIONREAD: case TIOCGPGRP:
	case TIOCOUTQ: case TIOCGSID: case TIOCGPTN: case TIOCGETD:
	case TIOCMGET:
		out = 1;
		break;
	case TCSETS: case TCSETSW: case TCSETSF: case TIOCSWINSZ:
	case FIONBIO: case TIOCSPGRP: case FIOASYNC: case TIOCSPTLCK:
	case TIOCSETD: case TIOCMSET: case TIOCMBIS: case TIOCMBIC:
		break;
	case TCXONC: case TCFLSH: case TCSBRK: case TCSBRKP:
	case TIOCSCTTY:
		ptc__p_uint(c, (uint32_t)v);
		return;
	case 0x40049409: /* FICLONE: the source descriptor */
		ptc__p_fd(c, (int)v);
		return;
	case TIOCNOTTY: case FIOCLEX: case FIONCLEX: case TIOCEXCL:
	case TIOCNXCL: case TIOCSBRK: case TIOCCBRK:
		return;
	default:
		ptc__p_addr(c, v);
		return;
	}
	if (v == 0 || (out && c->is_error)) {
		ptc__p_addr(c, v);
		return;
	}
	switch (cmd) {
	case TCGETS: case TCSETS: case TCSETSW: case TCSETSF:
		termios(c, v);
		return;
	case TIOCGWINSZ: case TIOCSWINSZ:
		winsize(c, v);
		return;
	}
	intp(c, v);
}
