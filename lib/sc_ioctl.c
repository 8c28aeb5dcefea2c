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

void
ptc__a_ioctl_cmd(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	const char *n = ptc__xname(&ptc__xt_ioctls, (uint32_t)v);
	unsigned cmd = (unsigned)v, dir = cmd >> 30;
	static const char *const dirs[] = {
		"_IOC_NONE", "_IOC_WRITE", "_IOC_READ", "_IOC_READ|_IOC_WRITE",
	};
	char buf[96];

	(void)a;
	if (n != NULL) {
		ptc__p_raw(c, n);
		return;
	}
	snprintf(buf, sizeof(buf), "_IOC(%s, %#x, %#x, %#x)", dirs[dir],
	    (cmd >> 8) & 0xff, cmd & 0xff, (cmd >> 16) & 0x3fff);
	ptc__p_raw(c, buf);
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

static void
termios(struct ptc__dc *c, uint64_t v)
{
	struct termios t;
	const char *sp = NULL;
	size_t i;

	if (ptc__rdall(c, v, &t, sizeof(t)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	for (i = 0; i < sizeof(speeds) / sizeof(speeds[0]); i++)
		if ((t.c_cflag & CBAUD) == speeds[i].v)
			sp = speeds[i].name;
	ptc__pre(c);
	if (c->f->json) {
		ptc__sb_printf(c->o, "{\"c_iflag\":%u,\"c_oflag\":%u,"
		    "\"c_cflag\":%u,\"c_lflag\":%u}", t.c_iflag, t.c_oflag,
		    t.c_cflag, t.c_lflag);
		return;
	}
	/* strace's short form: speed and a few telling mode bits. */
	ptc__sb_putc(c->o, '{');
	if (sp != NULL)
		ptc__sb_puts(c->o, sp);
	else
		ptc__sb_printf(c->o, "%#x", t.c_cflag & CBAUD);
	ptc__sb_printf(c->o, " %sopost %sisig %sicanon %secho ...}",
	    (t.c_oflag & OPOST) ? "" : "-", (t.c_lflag & ISIG) ? "" : "-",
	    (t.c_lflag & ICANON) ? "" : "-", (t.c_lflag & ECHO) ? "" : "-");
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
