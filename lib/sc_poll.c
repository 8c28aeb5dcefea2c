/*
 * sc_poll.c: poll, select and epoll; their results are appended to the
 * return value as strace does ("1 ([{fd=3, revents=POLLIN}])").
 */
#include <inttypes.h>
#include <linux/audit.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "sc_priv.h"
#include "xlat.h"

struct k_pollfd {
	int32_t fd;
	int16_t events, revents;
};

static void
pollfds(struct ptc__dc *c, uint64_t v, uint64_t n, int results)
{
	struct k_pollfd p;
	uint64_t i, shown = 0;

	if (v == 0 || n > PTC__ARR_MAX * 1024) {
		ptc__p_addr(c, v);
		return;
	}
	if (n > 0 && ptc__rdall(c, v, &p, sizeof(p)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__l_open(c);
	for (i = 0; i < n; i++) {
		if (ptc__rdall(c, v + i * sizeof(p), &p, sizeof(p)) != 0) {
			if (!results) {
				ptc__s_more(c);
				ptc__p_comment(c, "%#" PRIx64,
				    v + i * sizeof(p));
			}
			break;
		}
		if (results && p.revents == 0)
			continue;
		/* -s counts the entries shown; -v shows them all, as strace. */
		if ((shown >= c->f->strsize && !c->f->verbose) ||
		    shown >= PTC__ARR_MAX) {
			ptc__s_more(c);
			break;
		}
		shown++;
		ptc__s_open(c);
		ptc__s_field(c, "fd");
		/* strace names the paths in the request, not in the result. */
		if (results)
			ptc__p_int(c, p.fd);
		else
			ptc__p_fd(c, p.fd);
		/* the kernel ignores a negative descriptor's events */
		if (results || p.fd >= 0) {
			ptc__s_field(c, results ? "revents" : "events");
			ptc__p_flags(c, &ptc__xt_poll_events,
			    (uint16_t)(results ? p.revents : p.events), NULL);
		}
		ptc__s_close(c);
	}
	ptc__l_close(c);
}

void
ptc__a_pollfd(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	pollfds(c, v, a->aux >= 0 ? (uint32_t)c->a[a->aux] : 0, 0);
}

/*
 * The count a poll or select returns, then " (Timeout)", or " (" and 0
 * when the caller goes on with what is ready (text output only).
 */
static int
ready_begin(struct ptc__dc *c, int64_t v)
{
	ptc__p_int(c, v);
	if (c->f->json)
		return -1;
	if (v == 0) {
		ptc__sb_puts(c->o, " (Timeout)");
		return -1;
	}
	ptc__sb_puts(c->o, " (");
	return 0;
}

void
ptc__r_poll(struct ptc__dc *c, int64_t v)
{
	if (ready_begin(c, v) != 0)
		return;
	pollfds(c, c->a[0], (uint32_t)c->a[1], 1);
	if (strcmp(c->e->name, "ppoll") == 0 && c->a[2] != 0) {
		ptc__sb_puts(c->o, ", left ");
		c->depth = 0;
		ptc__p_timespec(c, c->a[2]);
	}
	ptc__sb_putc(c->o, ')');
}

/*
 * Read the fd_set at v of nfds bits into buf (at least 1024 bytes);
 * the number of descriptors set in it, -1 if unreadable.
 */
static int
fdset_read(struct ptc__dc *c, uint64_t v, int nfds, unsigned char *buf)
{
	size_t len;
	int i, n = 0;

	if (nfds > 1024 * 8)
		nfds = 1024 * 8;
	len = ((size_t)nfds + 63) / 64 * 8;
	if (len > 0 && ptc__rdall(c, v, buf, len) != 0)
		return -1;
	for (i = 0; i < nfds; i++)
		if (buf[i / 8] & (1u << (i % 8)))
			n++;
	return n;
}

/* "[3 4]": the descriptors set in buf, of nfds bits. */
static void
fdset_print(struct ptc__dc *c, const unsigned char *buf, int nfds)
{
	int i, first = 1, shown = 0;

	if (nfds > 1024 * 8)
		nfds = 1024 * 8;
	ptc__pre(c);
	ptc__sb_putc(c->o, '[');
	for (i = 0; i < nfds; i++) {
		if (!(buf[i / 8] & (1u << (i % 8))))
			continue;
		if (shown++ >= (int)c->f->strsize) {
			ptc__sb_puts(c->o, c->f->json ? "" : " ...");
			break;
		}
		if (!first)
			ptc__sb_puts(c->o, c->f->json ? "," : " ");
		first = 0;
		ptc__sb_printf(c->o, "%d", i);
	}
	ptc__sb_putc(c->o, ']');
}

void
ptc__a_fdset(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	int nfds = a->aux >= 0 ? (int)c->a[a->aux] : 0;
	unsigned char buf[1024];

	/* a negative count reads nothing */
	if (v == 0 || nfds < 0 || fdset_read(c, v, nfds, buf) < 0) {
		ptc__p_addr(c, v);
		return;
	}
	fdset_print(c, buf, nfds);
}

/* "1 (in [3], left {...})": only the sets that have a descriptor ready. */
void
ptc__r_select(struct ptc__dc *c, int64_t v)
{
	static const char *const names[] = { "in", "out", "except" };
	int i, any = 0, nfds = (int)c->a[0];
	int spec = strcmp(c->e->name, "pselect6") == 0;
	unsigned char buf[1024];

	if (ready_begin(c, v) != 0)
		return;
	for (i = 0; i < 3 && nfds > 0; i++) {
		if (c->a[i + 1] == 0 ||
		    fdset_read(c, c->a[i + 1], nfds, buf) <= 0)
			continue;
		ptc__sb_printf(c->o, "%s%s ", any ? ", " : "", names[i]);
		c->depth = 0;
		fdset_print(c, buf, nfds);
		any = 1;
	}
	if (c->a[4] != 0) {
		ptc__sb_printf(c->o, "%sleft ", any ? ", " : "");
		c->depth = 0;
		if (spec) {
			ptc__p_timespec(c, c->a[4]);
		} else {
			int64_t tv[2];

			if (ptc__rdall(c, c->a[4], tv, sizeof(tv)) == 0)
				ptc__sb_printf(c->o, "{tv_sec=%" PRId64
				    ", tv_usec=%" PRId64 "}", tv[0], tv[1]);
		}
	}
	ptc__sb_putc(c->o, ')');
}

/*
 * struct epoll_event is packed on x86 (4 + 8 bytes); elsewhere the
 * 64-bit data is aligned (4 + 4 of padding + 8).
 */
static size_t
epoll_size(const struct ptc__dc *c)
{
	return c->arch == AUDIT_ARCH_X86_64 || c->arch == AUDIT_ARCH_I386 ?
	    12 : 16;
}

static int
epoll_ev(struct ptc__dc *c, uint64_t v)
{
	unsigned char b[16];
	size_t sz = epoll_size(c);
	uint32_t ev;
	uint64_t data;

	if (ptc__rdall(c, v, b, sz) != 0)
		return -1;
	memcpy(&ev, b, 4);
	memcpy(&data, b + sz - 8, 8);
	ptc__s_open(c);
	ptc__s_field(c, "events");
	ptc__p_flags(c, &ptc__xt_epoll_events, ev, NULL);
	ptc__s_field(c, "data");
	ptc__s_open(c);
	ptc__s_field(c, "u32");
	ptc__p_uint(c, (uint32_t)data);
	ptc__s_field(c, "u64");
	ptc__p_uint(c, data);
	ptc__s_close(c);
	ptc__s_close(c);
	return 0;
}

void
ptc__a_epoll_event(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	(void)a;
	/* EPOLL_CTL_DEL (2) reads no event */
	if (v == 0 || (int)c->a[1] == 2 || epoll_ev(c, v) != 0)
		ptc__p_addr(c, v);
}

void
ptc__a_epoll_events(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	int64_t i, n = c->rval;

	(void)a;
	if (c->is_error || v == 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__l_open(c);
	for (i = 0; i < n; i++) {
		if (i >= (int64_t)c->f->strsize || i >= PTC__ARR_MAX) {
			ptc__s_more(c);
			break;
		}
		if (epoll_ev(c, v + (uint64_t)i * epoll_size(c)) != 0)
			break;
	}
	ptc__l_close(c);
}

/* pselect6's and io_pgetevents' last argument: {sigset pointer, size}. */
void
ptc__a_pselect_sig(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	uint64_t ss[2];
	unsigned char set[128];

	(void)a;
	if (v == 0 || ptc__rdall(c, v, ss, sizeof(ss)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__s_open(c);
	ptc__s_field(c, "sigmask");
	if (ss[0] == 0 || ss[1] == 0 || ss[1] > sizeof(set) ||
	    ptc__rdall(c, ss[0], set, (size_t)ss[1]) != 0)
		ptc__p_addr(c, ss[0]);
	else
		ptc__p_sigset(c, set, (size_t)ss[1]);
	ptc__s_field(c, "sigsetsize");
	ptc__p_uint(c, ss[1]);
	ptc__s_close(c);
}
