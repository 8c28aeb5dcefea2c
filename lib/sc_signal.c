/*
 * sc_signal.c: signals, signal sets, sigaction, siginfo.
 */
#include <linux/audit.h>

#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"
#include "sc_priv.h"
#include "xlat.h"

/* Bytes of a signal set shown at most (1024 signals). */
#define SIGSET_MAX 128

void
ptc__p_signo(struct ptc__dc *c, int sig)
{
	ptc__p_xval(c, (uint64_t)(int64_t)sig, 'd', ptc_signame(sig));
}

void
ptc__a_signo(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	(void)a;
	ptc__p_signo(c, (int)v);
}

/* A signal returned (rt_sigtimedwait's): its number, the name after it. */
void
ptc__r_signo(struct ptc__dc *c, int64_t v)
{
	const char *name = ptc_signame((int)v);

	ptc__p_int(c, v);
	if (name != NULL && !c->f->json)
		ptc__sb_printf(c->o, " (%s)", name);
}

/* Name of signal sig without "SIG", into buf. */
static const char *
short_name(char *buf, size_t len, int sig)
{
	const char *s = ptc_signame(sig);

	if (s == NULL)
		snprintf(buf, len, "%d", sig);
	else
		snprintf(buf, len, "%s", s + 3);
	return buf;
}

/* A member of a set in the -X style: "USR1", "10", "10 / * USR1 * /". */
static const char *
member_name(const struct ptc__dc *c, char *buf, size_t len, int sig)
{
	char name[16], num[16];

	snprintf(num, sizeof(num), "%d", sig);
	return ptc__sxnum(buf, len, ptc__xstyle(c), num,
	    short_name(name, sizeof(name), sig));
}

/*
 * "[HUP INT]"; a set holding more than half of all signals is shown as
 * the complement, "~[KILL STOP]", as strace does.
 */
void
ptc__p_sigset(struct ptc__dc *c, const void *set, size_t len)
{
	const unsigned char *b = set;
	size_t nbits = len * 8, i, count = 0;
	int inv, first = 1;
	char name[40];

	for (i = 0; i < nbits; i++)
		if (b[i / 8] & (1u << (i % 8)))
			count++;
	inv = count * 2 > nbits;
	ptc__pre(c);
	if (c->f->json) {
		ptc__sb_puts(c->o, "[");
		for (i = 0; i < nbits; i++) {
			if (!(b[i / 8] & (1u << (i % 8))))
				continue;
			if (!first)
				ptc__sb_putc(c->o, ',');
			first = 0;
			short_name(name, sizeof(name), (int)i + 1);
			ptc__sb_printf(c->o, "\"%s\"", name);
		}
		ptc__sb_puts(c->o, "]");
		return;
	}
	ptc__sb_puts(c->o, inv ? "~[" : "[");
	for (i = 0; i < nbits; i++) {
		int set_bit = (b[i / 8] & (1u << (i % 8))) != 0;

		if (set_bit == inv)
			continue;
		if (!first)
			ptc__sb_putc(c->o, ' ');
		first = 0;
		ptc__sb_puts(c->o, member_name(c, name, sizeof(name),
		    (int)i + 1));
	}
	ptc__sb_putc(c->o, ']');
}

/*
 * A sigset_t pointer whose size in bytes is argument a->aux: a size
 * below min or above the kernel's 8 bytes shows the address, as strace
 * does (the kernel refuses it).
 */
static void
sigset_at(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v,
    uint64_t min)
{
	unsigned char set[SIGSET_MAX];
	uint64_t len = a->aux >= 0 ? c->a[a->aux] : 8;

	if (v == 0 || (a->out && c->is_error) || len < min || len > 8 ||
	    ptc__rdall(c, v, set, (size_t)len) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__p_sigset(c, set, (size_t)len);
}

/* The usual one: at least a word. */
void
ptc__a_sigset(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	sigset_at(c, a, v, (uint64_t)c->wordsize);
}

/* rt_sigpending's: any size from one byte up. */
void
ptc__a_sigset_any(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	sigset_at(c, a, v, 1);
}

static void
p_handler(struct ptc__dc *c, uint64_t h)
{
	if (c->wordsize == 4)
		h &= 0xffffffffu;
	if (h == 0)
		ptc__p_xval(c, h, 'x', "SIG_DFL");
	else if (h == 1)
		ptc__p_xval(c, h, 'x', "SIG_IGN");
	else if (h == (c->wordsize == 4 ? 0xffffffffull : ~0ull))
		ptc__p_xval(c, h, 'x', "SIG_ERR");
	else
		ptc__p_addr(c, h);
}

/* The kernel's struct sigaction: handler, flags, restorer, mask. */
void
ptc__a_sigaction(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	uint64_t sa[4];
	uint32_t sa32[4];
	size_t masklen;

	if (v == 0 || (a->out && c->is_error)) {
		ptc__p_addr(c, v);
		return;
	}
	if (c->wordsize == 4) {
		if (ptc__rdall(c, v, sa32, sizeof(sa32)) != 0) {
			ptc__p_addr(c, v);
			return;
		}
		sa[0] = sa32[0];
		sa[1] = sa32[1];
		sa[2] = sa32[2];
		sa[3] = sa32[3];
		masklen = 4;
	} else {
		if (ptc__rdall(c, v, sa, sizeof(sa)) != 0) {
			ptc__p_addr(c, v);
			return;
		}
		masklen = 8;
	}
	ptc__s_open(c);
	ptc__s_field(c, "sa_handler");
	p_handler(c, sa[0]);
	ptc__s_field(c, "sa_mask");
	ptc__p_sigset(c, &sa[3], masklen);
	ptc__s_field(c, "sa_flags");
	/* All of the word: strace shows stray high bits too. */
	ptc__p_flags(c, &ptc__xt_sa_flags, sa[1], NULL);
	if (sa[1] & 0x04000000) {
		ptc__s_field(c, "sa_restorer");
		ptc__p_addr(c, sa[2]);
	}
	ptc__s_close(c);
}

/* The mask a signal handler returns to, from the frame at the stack. */
void
ptc__a_sigreturn(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	uint64_t mask, off;

	(void)a;
	(void)v;
	/*
	 * The signal frame at sp: on x86_64 the ucontext, its uc_sigmask
	 * 296 bytes in; on aarch64 a siginfo (128 bytes) and the ucontext,
	 * uc_sigmask 40 bytes into it; on ppc64 the ucontext 128 bytes up
	 * (the kernel's __SIGNAL_FRAMESIZE), uc_sigmask 40 bytes into it.
	 */
	if (c->arch == AUDIT_ARCH_X86_64)
		off = 296;
	else if (c->arch == AUDIT_ARCH_AARCH64)
		off = 128 + 40;
	else if (c->arch == AUDIT_ARCH_PPC64LE)
		off = 128 + 40;
	else
		return;
	if (ptc__rdall(c, c->sp + off, &mask, 8) != 0)
		return;
	ptc__s_open(c);
	ptc__s_field(c, "mask");
	ptc__p_sigset(c, &mask, 8);
	ptc__s_close(c);
}

void
ptc__a_stack(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	struct {
		uint64_t sp;
		int32_t flags, pad;
		uint64_t size;
	} ss;

	if (v == 0 || (a->out && c->is_error) ||
	    ptc__rdall(c, v, &ss, sizeof(ss)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__s_open(c);
	ptc__s_field(c, "ss_sp");
	ptc__p_addr(c, ss.sp);
	ptc__s_field(c, "ss_flags");
	ptc__p_flags(c, &ptc__xt_ss_flags, (uint32_t)ss.flags, NULL);
	ptc__s_field(c, "ss_size");
	ptc__p_uint(c, ss.size);
	ptc__s_close(c);
}

/* ---- siginfo ---- */

static const struct ptc__xtab *
code_table(int sig)
{
	switch (sig) {
	case SIGCHLD: return &ptc__xt_sigchld_codes;
	case SIGSEGV: return &ptc__xt_sigsegv_codes;
	case SIGBUS: return &ptc__xt_sigbus_codes;
	case SIGILL: return &ptc__xt_sigill_codes;
	case SIGFPE: return &ptc__xt_sigfpe_codes;
	case SIGTRAP: return &ptc__xt_sigtrap_codes;
	case SIGPOLL: return &ptc__xt_sigpoll_codes;
	case SIGSYS: return &ptc__xt_sigsys_codes;
	case SIGPROF: return &ptc__xt_sigprof_codes;
	}
	return NULL;
}

/* A user id: unsigned, but (uid_t)-1 ("no user") as -1, as strace has it. */
static void
field_uid(struct ptc__dc *c, const char *name, uint32_t v)
{
	ptc__s_field(c, name);
	if (v == 0xffffffffu)
		ptc__p_int(c, -1);
	else
		ptc__p_uint(c, v);
}

/*
 * A time in clock ticks (times(2)'s), with -X abbrev or verbose the
 * seconds in a comment: "10 / * 0.10 s * /".
 */
static void
field_clock(struct ptc__dc *c, const char *name, uint64_t v)
{
	static long tck;
	char frac[32];
	int w = 0;
	long t;

	ptc__s_field(c, name);
	ptc__p_uint(c, v);
	if (tck == 0)
		tck = sysconf(_SC_CLK_TCK);
	if (v == 0 || tck <= 0 || ptc__xstyle(c) == PTC_XLAT_RAW)
		return;
	for (t = tck; t >= 10 && w < 9; t /= 10)
		w++;
	snprintf(frac, sizeof(frac), "%.*f", w,
	    (double)(v % (uint64_t)tck) / (double)tck);
	ptc__p_comment(c, "%" PRIu64 "%s s", v / (uint64_t)tck,
	    strchr(frac, '.') != NULL ? strchr(frac, '.') : "");
}

/*
 * Members of the union in a siginfo, at the offsets of the tracer's own
 * layout (the kernel gives PTRACE_GETSIGINFO's siginfo in it whatever
 * the tracee's): the union starts at SI_U, and a pointer or long takes
 * SI_P bytes (x86_64 and aarch64: 16 and 8; i386: 12 and 4).
 */
#define SI_U offsetof(siginfo_t, si_pid)
#define SI_P sizeof(void *)

static uint64_t
si_word(const siginfo_t *si, size_t off, size_t len)
{
	const unsigned char *b = (const unsigned char *)si;
	uint64_t v = 0;
	uint32_t w = 0;
	uint16_t h = 0;

	if (len == 8)
		memcpy(&v, b + off, 8);
	else if (len == 4)
		memcpy(&w, b + off, 4), v = w;
	else
		memcpy(&h, b + off, 2), v = h;
	return v;
}

static void
field_ptr(struct ptc__dc *c, const char *name, uint64_t v)
{
	ptc__s_field(c, name);
	ptc__p_addr(c, v);
}

/* Who sent a signal: si_pid and si_uid. */
static void
sig_source(struct ptc__dc *c, const siginfo_t *si)
{
	ptc__s_field(c, "si_pid");
	ptc__p_pid(c, si->si_pid, PTC__PID_TGID);
	field_uid(c, "si_uid", si->si_uid);
}

/* The value sent with a signal: si_int and si_ptr. */
static void
sig_value(struct ptc__dc *c, const siginfo_t *si)
{
	ptc__f_d(c, "si_int", (int32_t)si_word(si, SI_U + 8, 4));
	field_ptr(c, "si_ptr", si_word(si, SI_U + 8, SI_P));
}

/*
 * A siginfo as strace 6.1 shows it: the fields the signal and its code
 * give meaning to.  The union's members are read by si_word().
 */
static void
siginfo_body(struct ptc__dc *c, const siginfo_t *si)
{
	const struct ptc__xtab *x = code_table(si->si_signo);
	const char *code;
	int code_v = si->si_code;

	ptc__s_open(c);
	if (si->si_signo == 0) {        /* nothing was stored */
		ptc__s_close(c);
		return;
	}
	ptc__s_field(c, "si_signo");
	ptc__p_signo(c, si->si_signo);
	ptc__s_field(c, "si_code");
	code = ptc__xname(&ptc__xt_si_codes, (uint64_t)(int64_t)code_v);
	if (code == NULL && x != NULL)
		code = ptc__xname(x, (uint64_t)(int64_t)code_v);
	ptc__p_xval(c, (uint32_t)code_v, 'x', code);
	if (si->si_errno != 0) {
		ptc__s_field(c, "si_errno");
		ptc__p_xval(c, (uint32_t)si->si_errno, 'u',
		    ptc_errname(si->si_errno));
	}
	if (code_v <= 0) {              /* sent by a process */
		switch (code_v) {
		case SI_TIMER:
			ptc__s_field(c, "si_timerid");
			ptc__p_hex(c, (uint32_t)si_word(si, SI_U, 4));
			ptc__f_d(c, "si_overrun",
			    (int32_t)si_word(si, SI_U + 4, 4));
			sig_value(c, si);
			break;
		case SI_SIGIO:
			ptc__f_d(c, "si_band",
			    (int64_t)(long)si_word(si, SI_U, SI_P));
			ptc__s_field(c, "si_fd");
			ptc__p_fd(c, (int32_t)si_word(si, SI_U + SI_P, 4));
			break;
		case SI_USER: case SI_TKILL:
			sig_source(c, si);
			break;
		default:
			sig_source(c, si);
			if (si_word(si, SI_U + 8, SI_P) != 0)
				sig_value(c, si);
			break;
		}
		ptc__s_close(c);
		return;
	}
	switch (si->si_signo) {
	case SIGCHLD:
		sig_source(c, si);
		ptc__s_field(c, "si_status");
		if (code_v == CLD_EXITED)
			ptc__p_int(c, si->si_status);
		else
			ptc__p_signo(c, si->si_status);
		field_clock(c, "si_utime", (uint64_t)si->si_utime);
		field_clock(c, "si_stime", (uint64_t)si->si_stime);
		break;
	case SIGILL: case SIGFPE: case SIGTRAP:
		field_ptr(c, "si_addr", si_word(si, SI_U, SI_P));
		break;
	case SIGBUS:
		field_ptr(c, "si_addr", si_word(si, SI_U, SI_P));
		if (code_v == 4 || code_v == 5) {   /* BUS_MCEERR_AR, _AO */
			ptc__s_field(c, "si_addr_lsb");
			ptc__p_hex(c, si_word(si, SI_U + SI_P, 2));
		}
		break;
	case SIGSEGV:
		field_ptr(c, "si_addr", si_word(si, SI_U, SI_P));
		if (code_v == 3) {                  /* SEGV_BNDERR */
			field_ptr(c, "si_lower",
			    si_word(si, SI_U + 2 * SI_P, SI_P));
			field_ptr(c, "si_upper",
			    si_word(si, SI_U + 3 * SI_P, SI_P));
		} else if (code_v == 4) {           /* SEGV_PKUERR */
			ptc__s_field(c, "si_pkey");
			ptc__p_uint(c, si_word(si, SI_U + 2 * SI_P, 4));
		}
		break;
	case SIGPOLL:
		if (code_v >= POLL_IN && code_v <= POLL_HUP) {
			ptc__f_d(c, "si_band",
			    (int64_t)(long)si_word(si, SI_U, SI_P));
			ptc__s_field(c, "si_fd");
			ptc__p_fd(c, (int32_t)si_word(si, SI_U + SI_P, 4));
		}
		break;
	case SIGSYS: {
		uint32_t arch = (uint32_t)si_word(si, SI_U + SI_P + 4, 4);
		uint32_t nr = (uint32_t)si_word(si, SI_U + SI_P, 4);
		const char *name = ptc_sc_name(arch, nr);
		char buf[64];

		field_ptr(c, "si_call_addr", si_word(si, SI_U, SI_P));
		ptc__s_field(c, "si_syscall");
		if (name != NULL && !c->f->json) {
			snprintf(buf, sizeof(buf), "__NR_%s", name);
			ptc__p_xval(c, nr, 'u', buf);
		} else {
			ptc__p_uint(c, nr);
		}
		ptc__s_field(c, "si_arch");
		ptc__p_enum(c, &ptc__xt_audit_arch, arch, "AUDIT_ARCH_???");
		break;
	}
	default:
		if (si->si_pid != 0 || si->si_uid != 0)
			sig_source(c, si);
		if (si_word(si, SI_U + 8, SI_P) != 0)
			sig_value(c, si);
		break;
	}
	ptc__s_close(c);
}

void
ptc__a_siginfo(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	siginfo_t si;

	if (v == 0 || (a->out && c->is_error) ||
	    ptc__rdall(c, v, &si, sizeof(si)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	siginfo_body(c, &si);
}

int
ptc_siginfo_print(FILE *fp, const siginfo_t *si, const struct ptc_fmt *f)
{
	return ptc__siginfo_print_task(fp, si, f, 0);
}

/* pid: whose pid namespace numbers si_pid (0: the tracer's). */
int
ptc__siginfo_print_task(FILE *fp, const siginfo_t *si,
    const struct ptc_fmt *f, pid_t pid)
{
	struct ptc__sb b = { 0 };
	struct ptc__dc c;
	int rc = 0;

	memset(&c, 0, sizeof(c));
	c.o = &b;
	c.f = f;
	c.pid = pid;
	c.wordsize = 8;
	siginfo_body(&c, si);
	if (b.oom)
		rc = ptc_fail(ENOMEM, "siginfo: out of memory");
	else if (fwrite(b.p, 1, b.len, fp) != b.len)
		rc = -1;
	free(b.p);
	return rc;
}
