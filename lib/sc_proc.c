/*
 * sc_proc.c: processes: execve's vectors, wait statuses, clone and
 * clone3, rusage, uname, rlimits, futex, and process ids with what -Y
 * and --decode-pids=pidns add to them.
 */
#include <linux/audit.h>
#include <linux/futex.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <sys/wait.h>

#include <errno.h>
#include <inttypes.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "sc_priv.h"
#include "xlat.h"

#define K_CLONE_PIDFD          0x00001000
#define K_CLONE_SETTLS         0x00080000
#define K_CLONE_PARENT_SETTID  0x00100000
#define K_CLONE_CHILD_CLEARTID 0x00200000
#define K_CLONE_CHILD_SETTID   0x01000000
#define K_CLONE_INTO_CGROUP    0x200000000ULL

/* Read the word-sized pointer at addr (4 bytes for compat tasks). */
static int
rd_ptr(struct ptc__dc *c, uint64_t addr, uint64_t *p)
{
	uint32_t p32;

	if (c->wordsize == 4) {
		if (ptc__rdall(c, addr, &p32, 4) != 0)
			return -1;
		*p = p32;
		return 0;
	}
	return ptc__rdall(c, addr, p, 8);
}

/* An array of string pointers ending in NULL (argv, verbose envp). */
static void
strvec(struct ptc__dc *c, uint64_t v)
{
	uint64_t p;
	unsigned i;

	if (v == 0 || rd_ptr(c, v, &p) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__l_open(c);
	for (i = 0; ; i++) {
		uint64_t at = v + (uint64_t)i * (unsigned)c->wordsize;

		if (rd_ptr(c, at, &p) != 0) {
			/* strace ends the array with the unreadable address. */
			ptc__s_more(c);
			ptc__p_comment(c, "%#" PRIx64, at);
			break;
		}
		if (p == 0)
			break;
		/* -v shows every string, as strace does. */
		if ((!c->f->verbose && i >= c->f->strsize) ||
		    i >= PTC__ARR_MAX) {
			ptc__s_more(c);
			break;
		}
		ptc__p_str(c, p, c->f->strsize);
	}
	ptc__l_close(c);
}

void
ptc__a_argv(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	(void)a;
	strvec(c, v);
}

/* envp: the count only, unless -v, as strace shows it. */
void
ptc__a_envp(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	uint64_t buf[64];
	uint32_t *b32 = (uint32_t *)buf;
	unsigned n = 0, i, ws = (unsigned)c->wordsize;
	ssize_t got;

	(void)a;
	if (c->f->verbose || v == 0) {
		strvec(c, v);
		return;
	}
	ptc__p_addr(c, v);
	if (c->f->noderef)
		return;
	/* Count in chunks, bounded: a runaway vector stops at 1M. */
	for (;;) {
		got = ptc__rd(c, v + (uint64_t)n * ws, buf, sizeof(buf));
		for (i = 0; got > 0 && i < (size_t)got / ws; i++, n++)
			if (ws == 8 ? buf[i] == 0 : b32[i] == 0)
				goto done;
		if (got < (ssize_t)sizeof(buf)) {
			/* the end was not readable: strace says so */
			if (n > 0)
				ptc__p_comment(c, "%u var%s, unterminated", n,
				    n == 1 ? "" : "s");
			return;
		}
		if (n >= (1u << 20))
			break;
	}
done:
	ptc__p_comment(c, "%u var%s", n, n == 1 ? "" : "s");
}

/* ---- wait ---- */

static void
wstatus_str(char *buf, size_t len, int s)
{
	const char *sig;
	char tmp[16];
	size_t n;

	if (WIFEXITED(s)) {
		snprintf(buf, len, "WIFEXITED(s) && WEXITSTATUS(s) == %d",
		    WEXITSTATUS(s));
	} else if (WIFSIGNALED(s)) {
		sig = ptc_signame(WTERMSIG(s));
		if (sig == NULL) {
			snprintf(tmp, sizeof(tmp), "%d", WTERMSIG(s));
			sig = tmp;
		}
		snprintf(buf, len, "WIFSIGNALED(s) && WTERMSIG(s) == %s%s", sig,
		    WCOREDUMP(s) ? " && WCOREDUMP(s)" : "");
	} else if (WIFSTOPPED(s)) {
		sig = ptc_signame(WSTOPSIG(s));
		if (sig == NULL) {
			snprintf(tmp, sizeof(tmp), "%d", WSTOPSIG(s));
			sig = tmp;
		}
		snprintf(buf, len, "WIFSTOPPED(s) && WSTOPSIG(s) == %s", sig);
	} else if (WIFCONTINUED(s)) {
		snprintf(buf, len, "WIFCONTINUED(s)");
	} else {
		snprintf(buf, len, "%#x", s);
		return;
	}
	n = strlen(buf);
	if ((s >> 16) != 0)
		snprintf(buf + n, len - n, " | %#x << 16", (unsigned)s >> 16);
}

void
ptc__a_wstatus(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	char buf[128];
	int s;

	(void)a;
	if (v == 0 || c->is_error || c->rval == 0 ||
	    ptc__rdall(c, v, &s, sizeof(s)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	wstatus_str(buf, sizeof(buf), s);
	if (c->f->json) {
		ptc__p_raw(c, buf);
		return;
	}
	ptc__pre(c);
	ptc__sb_printf(c->o, "[{%s}]", buf);
}

static void
p_timeval(struct ptc__dc *c, int64_t sec, int64_t usec)
{
	ptc__s_open(c);
	ptc__s_field(c, "tv_sec");
	ptc__p_int(c, sec);
	/* strace shows the microseconds unsigned, as the task's word */
	ptc__s_field(c, "tv_usec");
	ptc__p_uint(c, ptc__word(c, usec));
	ptc__s_close(c);
}

void
ptc__a_rusage(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	struct rusage ru;

	/*
	 * wait4 = 0 (WNOHANG, no child ready): nothing was written;
	 * getrusage's 0 is its success.
	 */
	if (v == 0 || (a->out && (c->is_error ||
	    (c->rval == 0 && c->e->ret != ptc__r_int))) ||
	    ptc__rdall(c, v, &ru, sizeof(ru)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__s_open(c);
	ptc__s_field(c, "ru_utime");
	p_timeval(c, ru.ru_utime.tv_sec, ru.ru_utime.tv_usec);
	ptc__s_field(c, "ru_stime");
	p_timeval(c, ru.ru_stime.tv_sec, ru.ru_stime.tv_usec);
	if (c->f->verbose) {
		static const char *const names[] = {
			"ru_maxrss", "ru_ixrss", "ru_idrss", "ru_isrss",
			"ru_minflt", "ru_majflt", "ru_nswap", "ru_inblock",
			"ru_oublock", "ru_msgsnd", "ru_msgrcv", "ru_nsignals",
			"ru_nvcsw", "ru_nivcsw",
		};
		const long *f = &ru.ru_maxrss;
		size_t i;

		for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
			ptc__s_field(c, names[i]);
			/* unsigned, as strace shows them */
			ptc__p_uint(c, (unsigned long)f[i *
			    (sizeof(ru.ru_maxrss) / sizeof(long))]);
		}
	} else {
		ptc__s_more(c);
	}
	ptc__s_close(c);
}

/* ---- clone ---- */

/* The flags and the exit signal are two values, each in the -X style. */
static char *
clone_flags_str(const struct ptc__dc *c, char *buf, size_t len, uint64_t fl,
    int with_sig)
{
	char rest[512], sn[64];
	int sig = (int)(fl & 0xff);

	if (!with_sig) {
		ptc__xsflags(c, buf, len, &ptc__xt_clone_flags, fl, NULL);
		return buf;
	}
	fl &= ~0xffull;
	ptc__sxval(sn, sizeof(sn), ptc__xstyle(c), (uint64_t)sig, 'd',
	    ptc_signame(sig));
	if (fl == 0) {
		snprintf(buf, len, "%s", sn);
		return buf;
	}
	ptc__xsflags(c, rest, sizeof(rest), &ptc__xt_clone_flags, fl, NULL);
	if (sig == 0)
		snprintf(buf, len, "%s", rest);
	else
		snprintf(buf, len, "%s|%s", rest, sn);
	return buf;
}

/*
 * clone(flags, stack, parent_tid, child_tid, tls) on x86_64; the other
 * CPUs swap the last two (the row says clone_rest:1, or a 32-bit task).
 */
void
ptc__a_clone_flags(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	char buf[600];

	(void)a;
	ptc__s_field(c, "child_stack");
	ptc__p_addr(c, c->a[1]);
	c->after_field = 0;
	ptc__argsep(c);
	ptc__s_field(c, "flags");
	ptc__p_raw(c, clone_flags_str(c, buf, sizeof(buf), v, 1));
}

void
ptc__a_clone_rest(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	uint64_t fl = c->a[0];
	int first = 1, i386 = c->wordsize == 4 || a->aux == 1;
	int32_t tid;

	(void)v;
#define SEP() do { if (!first) ptc__sb_puts(c->o, c->f->json ? "," : ", "); \
	first = 0; } while (0)
	if (fl & (K_CLONE_PARENT_SETTID | K_CLONE_PIDFD)) {
		SEP();
		ptc__s_field(c, "parent_tid");
		if (c->is_error ||
		    ptc__rdall(c, c->a[2], &tid, sizeof(tid)) != 0) {
			ptc__p_addr(c, c->a[2]);
		} else {
			ptc__l_open(c);
			if (fl & K_CLONE_PARENT_SETTID)
				ptc__p_pid(c, tid, PTC__PID_TID);
			else
				ptc__p_fd(c, tid);
			ptc__l_close(c);
		}
		c->after_field = 0;
	}
	if (fl & K_CLONE_SETTLS) {
		SEP();
		ptc__s_field(c, "tls");
		if (c->arch == AUDIT_ARCH_I386)
			ptc__p_user_desc(c, c->a[3]);
		else
			ptc__p_addr(c, c->a[i386 ? 3 : 4]);
		c->after_field = 0;
	}
	if (fl & (K_CLONE_CHILD_SETTID | K_CLONE_CHILD_CLEARTID)) {
		SEP();
		ptc__s_field(c, "child_tidptr");
		ptc__p_addr(c, c->a[i386 ? 4 : 3]);
		c->after_field = 0;
	}
#undef SEP
}

void
ptc__a_none(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	(void)c;
	(void)a;
	(void)v;
}

/*
 * The bytes of a structure past the part we know, from off up to len
 * (at most a page): nothing when all are zero, "???" when they cannot
 * be read, else "/ * bytes OFF..END * / "\x.."" as strace shows them.
 * pre (NULL: the separator of a structure's field) is written first
 * when something follows.  1 when it was.
 */
static void
tail_sep(struct ptc__dc *c, const char *pre)
{
	if (pre != NULL) {
		ptc__sb_puts(c->o, pre);
		c->after_field = 1;
	}
}

static int
tail_bytes(struct ptc__dc *c, const char *pre, uint64_t addr, size_t off,
    size_t len)
{
	unsigned char buf[4096];
	size_t i, show;

	if (len > sizeof(buf))
		len = sizeof(buf);
	if (off >= len)
		return 0;
	int ok = ptc__rdall(c, addr + off, buf, len - off) == 0;

	for (i = 0; ok && i < len - off && buf[i] == 0; i++)
		;
	if (ok && i == len - off)
		return 0;
	show = len - off < c->f->strsize ? len - off : c->f->strsize;
	if (c->f->json) {
		/* a member needs a name: "unknown_bytes", null if unreadable */
		ptc__s_field(c, "unknown_bytes");
		if (ok)
			ptc__p_bytes(c, buf, show, 0);
		else
			ptc__p_addr(c, 0);
		return 1;
	}
	tail_sep(c, pre);
	if (!ok) {
		ptc__p_raw(c, "???");
		return 1;
	}
	ptc__pre(c);
	ptc__sb_printf(c->o, "/* bytes %zu..%zu */ ", off, len - 1);
	ptc__sb_escape(c->o, buf, show, 1);
	if (show < len - off)
		ptc__sb_puts(c->o, "...");
	return 1;
}

/* clone3's set_tid: the ids for the new task in each pid namespace. */
static void
set_tids(struct ptc__dc *c, uint64_t addr, uint64_t n)
{
	int32_t tid;
	uint64_t i;

	if (addr == 0 || n == 0 || n > 32) {
		ptc__p_addr(c, addr);
		return;
	}
	for (i = 0; i < n; i++) {
		if (ptc__rdall(c, addr + i * 4, &tid, sizeof(tid)) != 0) {
			if (i == 0) {
				ptc__p_addr(c, addr);
				return;
			}
			ptc__s_more(c);
			ptc__p_comment(c, "%#" PRIx64, addr + i * 4);
			break;
		}
		if (i == 0)
			ptc__l_open(c);
		if (ptc__arr_full(c, i))
			break;
		ptc__p_int(c, tid);
	}
	ptc__l_close(c);
}

/*
 * struct clone_args of clone3 (the size its second argument says), as
 * strace 6.1 shows it: the fields that apply, the bytes past the known
 * part when not zero; at exit " => {...}" with what the kernel stored
 * (the pidfd or the parent's tid) and those bytes again.
 */
void
ptc__a_clone_args(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	/* flags pidfd child_tid parent_tid exit_signal stack stack_size tls
	 * set_tid set_tid_size cgroup */
	uint64_t ca[11] = { 0 }, size = c->a[1];
	size_t len = size < sizeof(ca) ? (size_t)size : sizeof(ca);
	const char *pre = " => {";
	int32_t id;

	(void)a;
	if (c->exiting) {
		if (c->f->json || c->is_error || len < 64 || (!(c->saved[0] &
		    (K_CLONE_PARENT_SETTID | K_CLONE_PIDFD)) && size <= len))
			return;
		if (ptc__rdall(c, v, ca, len) != 0) {
			ptc__sb_puts(c->o, " => ");
			ptc__p_addr(c, v);
			return;
		}
		c->depth = 1;   /* inside the " => {" opened below */
		c->items[1] = 0;
		if (ca[0] & (K_CLONE_PIDFD | K_CLONE_PARENT_SETTID)) {
			uint64_t at = ca[ca[0] & K_CLONE_PIDFD ? 1 : 3];

			ptc__sb_puts(c->o, pre);
			pre = ", ";
			ptc__s_field(c, ca[0] & K_CLONE_PIDFD ? "pidfd" :
			    "parent_tid");
			if (at == 0 ||
			    ptc__rdall(c, at, &id, sizeof(id)) != 0) {
				ptc__p_addr(c, at);
			} else {
				ptc__l_open(c);
				if (ca[0] & K_CLONE_PIDFD)
					ptc__p_fd(c, id);
				else
					ptc__p_pid(c, id, PTC__PID_TID);
				ptc__l_close(c);
			}
		}
		if (size > len && tail_bytes(c, pre, v, len, (size_t)size))
			pre = ", ";
		if (pre[0] == ',')
			ptc__sb_putc(c->o, '}');
		c->depth = 0;
		return;
	}
	c->saved_ok[0] = 0;
	if (len < 64 || ptc__rdall(c, v, ca, len) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	c->saved[0] = ca[0];
	c->saved_ok[0] = 1;
	ptc__s_open(c);
	ptc__s_field(c, "flags");
	ptc__p_xflags(c, ca[0], "CLONE_???", &ptc__xt_clone_flags,
	    &ptc__xt_clone3_flags);
	if (ca[0] & K_CLONE_PIDFD) {
		ptc__s_field(c, "pidfd");
		ptc__p_addr(c, ca[1]);
	}
	if (ca[0] & (K_CLONE_CHILD_SETTID | K_CLONE_CHILD_CLEARTID)) {
		ptc__s_field(c, "child_tid");
		ptc__p_addr(c, ca[2]);
	}
	if (ca[0] & K_CLONE_PARENT_SETTID) {
		ptc__s_field(c, "parent_tid");
		ptc__p_addr(c, ca[3]);
	}
	ptc__s_field(c, "exit_signal");
	if (ca[4] < 0x7fffffff)
		ptc__p_signo(c, (int)ca[4]);
	else
		ptc__p_uint(c, ca[4]);
	ptc__s_field(c, "stack");
	ptc__p_addr(c, ca[5]);
	ptc__s_field(c, "stack_size");
	ptc__p_hex(c, ca[6]);
	if (ca[0] & K_CLONE_SETTLS) {
		ptc__s_field(c, "tls");
		if (c->arch == AUDIT_ARCH_I386)
			ptc__p_user_desc(c, ca[7]);
		else
			ptc__p_addr(c, ca[7]);
	}
	if (ca[8] != 0 || ca[9] != 0) {
		ptc__s_field(c, "set_tid");
		set_tids(c, ca[8], ca[9]);
		ptc__s_field(c, "set_tid_size");
		ptc__p_uint(c, ca[9]);
	}
	if (len > 80 && (ca[10] != 0 || (ca[0] & K_CLONE_INTO_CGROUP))) {
		ptc__s_field(c, "cgroup");
		ptc__p_uint(c, ca[10]);
	}
	if (size > len)
		tail_bytes(c, NULL, v, len, (size_t)size);
	ptc__s_close(c);
}

/* ---- i386 TLS descriptors ---- */

/*
 * struct user_desc (asm/ldt.h): entry_number, base_addr, limit, then
 * the bit fields seg_32bit:1 contents:2 read_exec_only:1
 * limit_in_pages:1 seg_not_present:1 useable:1.
 */
void
ptc__p_user_desc(struct ptc__dc *c, uint64_t addr)
{
	static const struct {
		const char *name;
		unsigned shift, mask;
	} bits[] = {
		{ "seg_32bit", 0, 1 },
		{ "contents", 1, 3 },
		{ "read_exec_only", 3, 1 },
		{ "limit_in_pages", 4, 1 },
		{ "seg_not_present", 5, 1 },
		{ "useable", 6, 1 },
		{ "lm", 7, 1 },         /* 64-bit processes only */
	};
	static const struct ptc__arg none = { NULL, NULL, -1, 0, 0 };
	uint32_t u[4];
	char buf[32];
	size_t i, n = sizeof(bits) / sizeof(bits[0]) - (c->wordsize == 4);

	if (ptc__rdall(c, addr, u, sizeof(u)) != 0) {
		ptc__p_addr(c, addr);
		return;
	}
	ptc__s_open(c);
	ptc__s_field(c, "entry_number");
	ptc__a_id(c, &none, u[0]);      /* -1 is "any free entry" */
	ptc__s_field(c, "base_addr");
	snprintf(buf, sizeof(buf), "%#08x", (unsigned)u[1]);
	ptc__p_raw(c, buf);
	ptc__s_field(c, "limit");
	snprintf(buf, sizeof(buf), "%#08x", (unsigned)u[2]);
	ptc__p_raw(c, buf);
	for (i = 0; i < n; i++) {
		ptc__s_field(c, bits[i].name);
		ptc__p_uint(c, (u[3] >> bits[i].shift) & bits[i].mask);
	}
	ptc__s_close(c);
}

/* set_thread_area's and get_thread_area's argument. */
void
ptc__a_user_desc(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	if (a->out && c->is_error) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__p_user_desc(c, v);
}

/* modify_ldt's: a struct user_desc only when the size says it is one. */
void
ptc__a_ldt_desc(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	(void)a;
	if (c->a[2] != 16)
		ptc__p_addr(c, v);
	else
		ptc__p_user_desc(c, v);
}

/*
 * modify_ldt returns an int the kernel does not sign-extend on 64-bit
 * CPUs: an error comes back as 0xfffff001..0xffffffff, shown as strace
 * shows it, "= 4294967258 ENOSYS (Function not implemented)".
 */
void
ptc__r_ldt(struct ptc__dc *c, int64_t v)
{
	const char *name;
	int err = -(int)(uint32_t)v;

	ptc__r_int(c, v);
	if ((uint64_t)v < 0xfffff000u || (uint64_t)v > 0xffffffffu ||
	    c->f->json || (name = ptc_errname(err)) == NULL)
		return;
	ptc__sb_printf(c->o, " %s (%s)", name, strerror(err));
}

/* set_thread_area: the entry the kernel chose, "= 0 (entry_number=12)". */
void
ptc__r_tls(struct ptc__dc *c, int64_t v)
{
	uint32_t entry;

	ptc__r_int(c, v);
	if (!c->f->json && ptc__rdall(c, c->a[0], &entry, 4) == 0)
		ptc__sb_printf(c->o, " (entry_number=%u)", (unsigned)entry);
}

/*
 * shmat through ipc: the kernel returns 0 and stores the address at
 * the fourth argument (ipc's third); show that address, as strace does.
 */
void
ptc__r_shmat_ipc(struct ptc__dc *c, int64_t v)
{
	uint32_t addr;

	if (ptc__rdall(c, c->a[3], &addr, 4) == 0)
		ptc__p_hex(c, addr);
	else
		ptc__r_int(c, v);
}

/* ---- uname ---- */

void
ptc__a_utsname(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	struct utsname u;
	static const char *const names[] = {
		"sysname", "nodename", "release", "version", "machine",
		"domainname",
	};
	const char *f[6];
	size_t i, n;

	(void)a;
	if (c->is_error || ptc__rdall(c, v, &u, sizeof(u)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	f[0] = u.sysname;
	f[1] = u.nodename;
	f[2] = u.release;
	f[3] = u.version;
	f[4] = u.machine;
	f[5] = u.domainname;
	n = c->f->verbose ? 6 : 2;
	ptc__s_open(c);
	for (i = 0; i < n; i++) {
		size_t len = strnlen(f[i], sizeof(u.sysname));

		ptc__s_field(c, names[i]);
		if (len > c->f->strsize)
			ptc__p_bytes(c, f[i], c->f->strsize, 1);
		else
			ptc__p_bytes(c, f[i], len, 0);
	}
	if (!c->f->verbose)
		ptc__s_more(c);
	ptc__s_close(c);
}

/* ---- rlimits ---- */

static void
rlim_val(struct ptc__dc *c, uint64_t v, int is64)
{
	char buf[64];

	if (v == ~0ull || (!is64 && c->wordsize == 4 && v == 0xffffffffu)) {
		ptc__p_xval(c, v, 'u', is64 ? "RLIM64_INFINITY" :
		    "RLIM_INFINITY");
		return;
	}
	/* strace writes 1024 itself as it is, 2048 as 2*1024 */
	if (v > 1024 && v % 1024 == 0 && !c->f->json) {
		snprintf(buf, sizeof(buf), "%" PRIu64 "*1024", v / 1024);
		ptc__p_xval(c, v, 'u', buf);
		return;
	}
	ptc__p_uint(c, v);
}

void
ptc__a_rlimit(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	uint64_t rl[2];
	uint32_t rl32[2];
	/* A 64-bit task's struct rlimit is prlimit64's struct rlimit64. */
	int is64 = strcmp(c->e->name, "prlimit64") == 0 || c->wordsize == 8;

	if (v == 0 || (a->out && c->is_error)) {
		ptc__p_addr(c, v);
		return;
	}
	if (!is64 && c->wordsize == 4) {
		/* A 32-bit task's struct rlimit: two 32-bit words. */
		if (ptc__rdall(c, v, rl32, sizeof(rl32)) != 0) {
			ptc__p_addr(c, v);
			return;
		}
		rl[0] = rl32[0];
		rl[1] = rl32[1];
	} else if (ptc__rdall(c, v, rl, sizeof(rl)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__s_open(c);
	ptc__s_field(c, "rlim_cur");
	rlim_val(c, rl[0], is64);
	ptc__s_field(c, "rlim_max");
	rlim_val(c, rl[1], is64);
	ptc__s_close(c);
}

/* ---- futex ---- */

/*
 * The name of a futex operation: the command, _PRIVATE, and
 * FUTEX_CLOCK_REALTIME where the command takes a timeout it can measure
 * (the kernel refuses it elsewhere); NULL for what no name fits.
 */
static const char *
futex_op_name(int op, char *buf, size_t len)
{
	int cmd = op & 127;
	const char *name = ptc__xname(&ptc__xt_futex_ops, (unsigned)cmd);
	int rt = (op & FUTEX_CLOCK_REALTIME) != 0;

	if (name == NULL ||
	    (op & ~(127 | FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME)) != 0)
		return NULL;
	if (rt && cmd != FUTEX_WAIT && cmd != FUTEX_WAIT_BITSET &&
	    cmd != FUTEX_WAIT_REQUEUE_PI && cmd != FUTEX_LOCK_PI2)
		return NULL;
	snprintf(buf, len, "%s%s%s", name, !(op & FUTEX_PRIVATE_FLAG) ? "" :
	    cmd == FUTEX_FD ? "|FUTEX_PRIVATE_FLAG" : "_PRIVATE",
	    rt ? "|FUTEX_CLOCK_REALTIME" : "");
	return buf;
}

/* "0xN" for a part of FUTEX_WAKE_OP's val3, "0" for none. */
static int
wake_op_num(char *s, size_t len, unsigned v)
{
	return v == 0 ? snprintf(s, len, "0") : snprintf(s, len, "%#x", v);
}

/*
 * A field of val3 with a name in x, in the -X style: "NAME<<SHIFT";
 * verbose "0xN / * NAME * /<<SHIFT"; raw, or no name, "0xN<<SHIFT" and
 * the comment unknown (raw too, as strace has it: no name was shown).
 */
static int
wake_op_field(char *s, size_t len, int style, const struct ptc__xtab *x,
    unsigned v, int shift, const char *unknown)
{
	const char *name = style == PTC_XLAT_RAW ? NULL : ptc__xname(x, v);
	char num[16];

	wake_op_num(num, sizeof(num), v);
	if (name == NULL)
		return snprintf(s, len, "%s<<%d /* %s */", num, shift, unknown);
	if (style == PTC_XLAT_VERBOSE)
		return snprintf(s, len, "%s /* %s */<<%d", num, name, shift);
	return snprintf(s, len, "%s<<%d", name, shift);
}

/*
 * FUTEX_WAKE_OP's val3, the operation on *uaddr2 and the comparison of
 * its old value, as its four fields:
 * "FUTEX_OP_ADD<<28|0x1<<12|FUTEX_OP_CMP_GT<<24|0".
 */
static void
futex_wake_op(struct ptc__dc *c, uint32_t v)
{
	static const char *const shift[] = {
		"FUTEX_OP_OPARG_SHIFT<<28|", "0x8<<28|",
		"0x8 /* FUTEX_OP_OPARG_SHIFT */<<28|",
	};
	char s[256], num[16];
	size_t n = 0;
	int style = ptc__xstyle(c);

	if (c->f->json) {
		ptc__p_hex(c, v);
		return;
	}
	s[0] = '\0';
	if ((v >> 28) & FUTEX_OP_OPARG_SHIFT)
		n += (size_t)snprintf(s, sizeof(s), "%s", shift[style ==
		    PTC_XLAT_RAW ? 1 : style == PTC_XLAT_VERBOSE ? 2 : 0]);
	n += (size_t)wake_op_field(s + n, sizeof(s) - n, style,
	    &ptc__xt_futex_wake_ops, (v >> 28) & 7, 28, "FUTEX_OP_???");
	wake_op_num(num, sizeof(num), (v >> 12) & 0xfff);
	n += (size_t)snprintf(s + n, sizeof(s) - n, "|%s<<12|", num);
	n += (size_t)wake_op_field(s + n, sizeof(s) - n, style,
	    &ptc__xt_futex_wake_cmps, (v >> 24) & 0xf, 24,
	    "FUTEX_OP_CMP_???");
	wake_op_num(num, sizeof(num), v & 0xfff);
	snprintf(s + n, sizeof(s) - n, "|%s", num);
	ptc__p_raw(c, s);
}

static void
futex_bitset(struct ptc__dc *c, uint32_t v)
{
	ptc__p_xval(c, v, 'x', v == FUTEX_BITSET_MATCH_ANY ?
	    "FUTEX_BITSET_MATCH_ANY" : NULL);
}

/*
 * futex(uaddr, op, val, timeout or val2, uaddr2, val3): which of the
 * four last arguments the command reads, and how.  An operation with no
 * name (a flag its command refuses) still shows its command's arguments.
 */
void
ptc__a_futex(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	int op = (int)c->a[1], cmd = op & 127;
	uint32_t val = (uint32_t)c->a[2], val2 = (uint32_t)c->a[3];
	uint32_t val3 = (uint32_t)c->a[5];
	const char *name;
	char buf[96];

	(void)a;
	ptc__p_addr(c, v);
#define NEXT() ptc__argsep(c)
	NEXT();
	if ((name = futex_op_name(op, buf, sizeof(buf))) != NULL)
		ptc__p_xval(c, (unsigned)op, 'x', name);
	else
		ptc__p_enum(c, &ptc__xt_futex_ops, (unsigned)op, "FUTEX_???");
	switch (cmd) {
	case FUTEX_UNLOCK_PI: case FUTEX_TRYLOCK_PI:
		break;
	case FUTEX_LOCK_PI: case FUTEX_LOCK_PI2:
		NEXT();
		ptc__p_timespec(c, c->a[3]);
		break;
	case FUTEX_WAIT: case FUTEX_WAIT_BITSET: case FUTEX_WAIT_REQUEUE_PI:
		NEXT();
		ptc__p_uint(c, val);
		NEXT();
		ptc__p_timespec(c, c->a[3]);
		if (cmd == FUTEX_WAIT_BITSET) {
			NEXT();
			futex_bitset(c, val3);
		} else if (cmd == FUTEX_WAIT_REQUEUE_PI) {
			NEXT();
			ptc__p_addr(c, c->a[4]);
		}
		break;
	case FUTEX_WAKE_BITSET:
		NEXT();
		ptc__p_uint(c, val);
		NEXT();
		futex_bitset(c, val3);
		break;
	case FUTEX_REQUEUE: case FUTEX_CMP_REQUEUE: case FUTEX_CMP_REQUEUE_PI:
	case FUTEX_WAKE_OP:
		NEXT();
		ptc__p_uint(c, val);
		NEXT();
		ptc__p_uint(c, val2);
		NEXT();
		ptc__p_addr(c, c->a[4]);
		if (cmd == FUTEX_WAKE_OP) {
			NEXT();
			futex_wake_op(c, val3);
		} else if (cmd != FUTEX_REQUEUE) {
			NEXT();
			ptc__p_uint(c, val3);
		}
		break;
	case FUTEX_WAKE: case FUTEX_FD:
		NEXT();
		ptc__p_uint(c, val);
		break;
	default:
		/* unknown: all four, raw */
		NEXT();
		ptc__p_uint(c, val);
		NEXT();
		ptc__p_addr(c, c->a[3]);
		NEXT();
		ptc__p_addr(c, c->a[4]);
		NEXT();
		ptc__p_hex(c, val3);
		break;
	}
#undef NEXT
}

/* restart_syscall's "argument": what it resumes. */
void
ptc__a_resuming(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	(void)a;
	(void)v;
	if (c->f->json)
		return;
	ptc__pre(c);
	ptc__sb_printf(c->o, "<... resuming interrupted %s ...>",
	    c->restart != NULL ? c->restart : "system call");
}

void
ptc__a_futex64(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	c->ts64 = 1;
	ptc__a_futex(c, a, v);
	c->ts64 = 0;
}

/*
 * Group lists: getgroups fills rval entries, setgroups reads arg 0.  A
 * gid is shown as ptc__a_id shows it; a list that ends unreadable says
 * where; one longer than the kernel takes is only an address.
 */
static void
gids(struct ptc__dc *c, uint64_t v, uint64_t n)
{
	static const struct ptc__arg none = { NULL, NULL, -1, 0, 0 };
	static long max;
	uint32_t g;
	uint64_t i;

	if (max == 0 && (max = sysconf(_SC_NGROUPS_MAX)) <= 0)
		max = 65536;
	if (v == 0 || n > (uint64_t)max) {
		ptc__p_addr(c, v);
		return;
	}
	if (n == 0) {
		ptc__l_open(c);
		ptc__l_close(c);
		return;
	}
	if (ptc__rdall(c, v, &g, sizeof(g)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__l_open(c);
	for (i = 0; i < n; i++) {
		/* as strace: an unreadable element is named even past -s */
		if (ptc__rdall(c, v + i * 4, &g, sizeof(g)) != 0) {
			ptc__more_at(c, v + i * 4);
			break;
		}
		if (ptc__arr_full(c, i))
			break;
		ptc__a_id(c, &none, g);
	}
	ptc__l_close(c);
}

void
ptc__a_gidlist(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	if (a->out) {
		if (c->is_error) {
			ptc__p_addr(c, v);
			return;
		}
		gids(c, v, (int)c->a[0] == 0 ? 0 : (uint64_t)c->rval);
		return;
	}
	gids(c, v, (uint32_t)c->a[0]);
}

void
ptc__a_sysinfo(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	struct {
		int64_t uptime;
		uint64_t loads[3];
		uint64_t totalram, freeram, sharedram, bufferram;
		uint64_t totalswap, freeswap;
		uint16_t procs, pad;
		uint32_t pad2;
		uint64_t totalhigh, freehigh;
		uint32_t mem_unit;
	} si;
	static const char *const names[] = { "totalram", "freeram",
		"sharedram", "bufferram", "totalswap", "freeswap" };
	const uint64_t *vals;
	int i;

	(void)a;
	if (c->is_error || c->wordsize != 8 ||
	    ptc__rdall(c, v, &si, sizeof(si)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	vals = &si.totalram;
	ptc__s_open(c);
	ptc__s_field(c, "uptime");
	ptc__p_int(c, si.uptime);
	ptc__s_field(c, "loads");
	ptc__l_open(c);
	for (i = 0; i < 3; i++)
		ptc__p_uint(c, si.loads[i]);
	ptc__l_close(c);
	for (i = 0; i < 6; i++) {
		ptc__s_field(c, names[i]);
		ptc__p_uint(c, vals[i]);
	}
	ptc__s_field(c, "procs");
	ptc__p_uint(c, si.procs);
	ptc__s_field(c, "totalhigh");
	ptc__p_uint(c, si.totalhigh);
	ptc__s_field(c, "freehigh");
	ptc__p_uint(c, si.freehigh);
	ptc__s_field(c, "mem_unit");
	ptc__p_uint(c, si.mem_unit);
	ptc__s_close(c);
}

static uint64_t cpuset_max;

/* The size of the kernel's CPU masks: the least sched_getaffinity takes. */
static uint64_t
kernel_cpuset_size(void)
{
	cpu_set_t *set;
	size_t n;

	for (n = 128; n <= 65536; n *= 2) {
		if ((set = calloc(1, n)) == NULL)
			break;
		if (sched_getaffinity(0, n, set) == 0) {
			free(set);
			return n;
		}
		free(set);
		if (errno != EINVAL)
			break;
	}
	return 128;
}

/* A CPU mask: "[0 1 5]"; its size is rval (getaffinity) or arg 1. */
void
ptc__a_cpuset(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	uint64_t len = a->out ? (uint64_t)c->rval : c->a[1];

	if (a->out && c->is_error) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__p_cpuset(c, v, (uint32_t)len);
}

void
ptc__p_cpuset(struct ptc__dc *c, uint64_t v, uint32_t want)
{
	unsigned char buf[1024];
	uint64_t len, size;
	size_t i;
	int first = 1;

	if (v == 0 || c->f->noderef) {
		ptc__p_addr(c, v);
		return;
	}
	/* strace reads at most the kernel's own mask size (its CPUs) */
	if (cpuset_max == 0)
		cpuset_max = kernel_cpuset_size();
	len = want < cpuset_max ? want : cpuset_max;
	if (len > sizeof(buf))
		len = sizeof(buf);
	size = (len + (unsigned)c->wordsize - 1) & ~(uint64_t)(c->wordsize - 1);
	memset(buf, 0, sizeof(buf));
	if (len > 0 && ptc__rdall(c, v, buf, (size_t)len) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__pre(c);
	ptc__sb_putc(c->o, '[');
	for (i = 0; i < size * 8 && i < sizeof(buf) * 8; i++) {
		if (!(buf[i / 8] & (1u << (i % 8))))
			continue;
		ptc__sb_printf(c->o, "%s%zu", first ? "" :
		    (c->f->json ? "," : " "), i);
		first = 0;
	}
	if (want > 0 && size < want && !c->f->json)
		ptc__sb_puts(c->o, first ? "..." : " ...");
	ptc__sb_putc(c->o, ']');
}

/*
 * "IOPRIO_PRIO_VALUE(class, data)", NULL for an unknown class; with -X
 * verbose the class is "0x2 / * IOPRIO_CLASS_BE * /" in it too, as
 * strace nests it.
 */
static const char *
ioprio_str(const struct ptc__dc *c, char *buf, size_t len, unsigned v)
{
	const char *cl = ptc__xname(&ptc__xt_ioprio_class, v >> 13);
	char cbuf[64];

	/* An unknown class (any bit above the data): its number, named. */
	if (cl == NULL)
		snprintf(cbuf, sizeof(cbuf), "%#x /* %s */", v >> 13,
		    ptc__xunknown(&ptc__xt_ioprio_class));
	else
		ptc__sxval(cbuf, sizeof(cbuf), ptc__xstyle(c), v >> 13, 'x',
		    cl);
	snprintf(buf, len, "IOPRIO_PRIO_VALUE(%s, %u)", cbuf, v & 0x1fff);
	return buf;
}

void
ptc__a_ioprio(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	const char *s;
	char buf[128];

	(void)a;
	s = ioprio_str(c, buf, sizeof(buf), (unsigned)v);
	if (s == NULL || c->f->json) {
		ptc__p_int(c, (int)v);
		return;
	}
	ptc__p_xval(c, (uint64_t)(int64_t)(int)v, 'd', s);
}

/* struct sched_param: one int, shown as "[N]". */
void
ptc__a_schedparam(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	int32_t prio;

	if (v == 0 || (a->out && c->is_error) ||
	    ptc__rdall(c, v, &prio, sizeof(prio)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__l_open(c);
	ptc__p_int(c, prio);
	ptc__l_close(c);
}

/* "0 (IOPRIO_PRIO_VALUE(IOPRIO_CLASS_NONE, 0))" */
void
ptc__r_ioprio(struct ptc__dc *c, int64_t v)
{
	const char *s;
	char buf[128];

	ptc__p_int(c, v);
	/* -X raw drops the explanation, as strace's does. */
	s = ioprio_str(c, buf, sizeof(buf), (unsigned)v);
	if (s != NULL && !c->f->json && ptc__xstyle(c) != PTC_XLAT_RAW)
		ptc__sb_printf(c->o, " (%s)", s);
}

/* ---- process ids (-Y, --decode-pids=pidns) ---- */

/*
 * shown as it is, then what the tracer knows of the process id of
 * kind: a process group -5 is looked up as 5, as strace does.
 */
static void
pid_info(struct ptc__dc *c, int shown, int id, int kind)
{
	int comm_ok = 0;
	int want_comm = (c->f->decode_pids & PTC_PIDS_COMM) &&
	    (kind == PTC__PID_TID || kind == PTC__PID_TGID);
	int want_ns = c->f->decode_pids & PTC_PIDS_NS;
	pid_t ours = 0;
	char comm[16];

	ptc__pre(c);
	if (want_comm || want_ns)
		ours = ptc_os_pid_translate(c->pid, id, kind);
	/* The name of the process the tracer numbers so, as strace has it. */
	if (want_comm && ours > 0)
		comm_ok = ptc_os_comm_quiet(ours, comm, sizeof(comm)) == 0 &&
		    comm[0] != '\0';
	if (!want_ns || ours == id)
		ours = 0;
	if (c->f->json) {
		if (!comm_ok && ours == 0) {
			ptc__sb_printf(c->o, "%d", shown);
			return;
		}
		ptc__sb_printf(c->o, "{\"pid\":%d", shown);
		if (comm_ok) {
			ptc__sb_puts(c->o, ",\"comm\":");
			ptc__sb_json(c->o, comm, strlen(comm));
		}
		if (ours > 0)
			ptc__sb_printf(c->o, ",\"tracer_pid\":%d", (int)ours);
		ptc__sb_putc(c->o, '}');
		return;
	}
	ptc__sb_printf(c->o, "%d", shown);
	if (comm_ok) {
		ptc__sb_putc(c->o, '<');
		ptc__sb_escape_angle(c->o, comm);
		ptc__sb_putc(c->o, '>');
	}
	if (ours > 0)
		ptc__sb_printf(c->o, " /* %d in strace's PID NS */", (int)ours);
}

void
ptc__p_pid(struct ptc__dc *c, int64_t id, int kind)
{
	pid_info(c, (int)id, (int)id, kind);
}

void
ptc__p_pid_pgrp(struct ptc__dc *c, int64_t id)
{
	int v = (int)id;

	if (v > 0)
		pid_info(c, v, v, PTC__PID_TGID);
	else if (v < -1)
		pid_info(c, v, -v, PTC__PID_PGID);
	else
		ptc__p_int(c, v);
}

/* Table kinds: an argument or a return value that is a process id. */
void
ptc__a_tid(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	(void)a;
	ptc__p_pid(c, (int)v, PTC__PID_TID);
}

void
ptc__a_tgid(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	(void)a;
	ptc__p_pid(c, (int)v, PTC__PID_TGID);
}

void
ptc__a_pgid(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	(void)a;
	ptc__p_pid(c, (int)v, PTC__PID_PGID);
}

void
ptc__a_pidpg(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	(void)a;
	ptc__p_pid_pgrp(c, (int)v);
}

void
ptc__r_tid(struct ptc__dc *c, int64_t v)
{
	ptc__p_pid(c, v, PTC__PID_TID);
}

void
ptc__r_tgid(struct ptc__dc *c, int64_t v)
{
	ptc__p_pid(c, v, PTC__PID_TGID);
}

void
ptc__r_pgid(struct ptc__dc *c, int64_t v)
{
	ptc__p_pid(c, v, PTC__PID_PGID);
}

void
ptc__r_sid(struct ptc__dc *c, int64_t v)
{
	ptc__p_pid(c, v, PTC__PID_SID);
}

/*
 * An id whose kind the first argument says: waitid's
 * (P_PID, P_PGID, P_PIDFD), getpriority's (PRIO_PROCESS, PRIO_PGRP) and
 * ioprio_get's (IOPRIO_WHO_PROCESS, IOPRIO_WHO_PGRP).
 */
void
ptc__a_waitid_id(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	(void)a;
	switch ((unsigned)c->a[0]) {
	case P_PID:
		ptc__p_pid(c, (int)v, PTC__PID_TGID);
		return;
	case P_PGID:
		ptc__p_pid(c, (int)v, PTC__PID_PGID);
		return;
	case 3:         /* P_PIDFD, newer than some headers */
		ptc__p_fd(c, (int)v);
		return;
	}
	ptc__p_int(c, (int)v);
}

void
ptc__a_prio_who(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	(void)a;
	if ((int)c->a[0] == PRIO_PROCESS)
		ptc__p_pid(c, (int)v, PTC__PID_TGID);
	else if ((int)c->a[0] == PRIO_PGRP)
		ptc__p_pid(c, (int)v, PTC__PID_PGID);
	else
		ptc__p_int(c, (int)v);
}

void
ptc__a_ioprio_who(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	(void)a;
	/* IOPRIO_WHO_PROCESS 1, IOPRIO_WHO_PGRP 2 (linux/ioprio.h) */
	if ((int)c->a[0] == 1)
		ptc__p_pid(c, (int)v, PTC__PID_TGID);
	else if ((int)c->a[0] == 2)
		ptc__p_pid(c, (int)v, PTC__PID_PGID);
	else
		ptc__p_int(c, (int)v);
}

/* ---- descriptors of other processes: pidfd_getfd, kcmp ---- */

/* Descriptor fd of process pid (as the tracer numbers it), as -y shows. */
static void
fd_of(struct ptc__dc *c, pid_t pid, int fd)
{
	pid_t self = c->pid;

	if (pid <= 0) {
		ptc__p_int(c, fd);
		return;
	}
	c->pid = pid;
	ptc__p_fd(c, fd);
	c->pid = self;
}

/* A descriptor of the process the pidfd in argument aux refers to. */
void
ptc__a_pidfd_target(struct ptc__dc *c, const struct ptc__arg *a,
    uint64_t v)
{
	char path[PTC__STR_MAX];
	int pidfd = (int)c->a[a->aux], pid = 0;

	if (c->f->decode_fds != 0 &&
	    ptc_os_fdpath(c->pid, pidfd, path, sizeof(path)) == 0)
		pid = ptc_os_fdpidfd(c->pid, pidfd, path);
	fd_of(c, pid, (int)v);
}

/*
 * kcmp's type and what it compares: a descriptor of each process, or
 * an epoll target of the second ({efd, tfd, toff}).
 */
void
ptc__a_kcmp(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	const char *sep = c->f->json ? "," : ", ";
	unsigned type = (unsigned)v;
	pid_t p1 = ptc_os_pid_translate(c->pid, (int)c->a[0], PTC__PID_TGID);
	pid_t p2 = ptc_os_pid_translate(c->pid, (int)c->a[1], PTC__PID_TGID);
	uint32_t slot[3];

	(void)a;
	ptc__p_enum(c, &ptc__xt_kcmp_types, type, NULL);
	switch (type) {
	case 1: case 2: case 3: case 4: case 5: case 6:
		return;         /* KCMP_VM ... KCMP_SYSVSEM compare no index */
	case 0:                 /* KCMP_FILE */
	case 7:                 /* KCMP_EPOLL_TFD */
		ptc__sb_puts(c->o, sep);
		fd_of(c, p1, (int)c->a[3]);
		ptc__sb_puts(c->o, sep);
		if (type == 0) {
			fd_of(c, p2, (int)c->a[4]);
			return;
		}
		if (c->a[4] == 0 || c->f->noderef ||
		    ptc__rdall(c, c->a[4], slot, sizeof(slot)) != 0) {
			ptc__p_addr(c, c->a[4]);
			return;
		}
		ptc__s_open(c);
		ptc__s_field(c, "efd");
		fd_of(c, p2, (int)slot[0]);
		ptc__s_field(c, "tfd");
		fd_of(c, p2, (int)slot[1]);
		ptc__s_field(c, "toff");
		ptc__p_uint(c, slot[2]);
		ptc__s_close(c);
		return;
	}
	ptc__sb_puts(c->o, sep);
	ptc__p_hex(c, ptc__word(c, c->a[3]));
	ptc__sb_puts(c->o, sep);
	ptc__p_hex(c, ptc__word(c, c->a[4]));
}

/* ---- syslog ---- */

#define SYSLOG_READ          2
#define SYSLOG_READ_CLEAR    4
#define SYSLOG_CONSOLE_LEVEL 8

/*
 * A number with its name always in a comment, in every -X style, as
 * strace shows syslog's action and level.
 */
static void
p_dnamed(struct ptc__dc *c, const struct ptc__xtab *x, int v)
{
	const char *name = ptc__xname(x, (unsigned)v);
	char buf[96];

	if (name == NULL)
		name = ptc__xunknown(x);
	if (c->f->json && name != NULL)
		ptc__p_raw(c, name);
	else
		ptc__p_raw(c, ptc__sxval(buf, sizeof(buf), PTC_XLAT_VERBOSE,
		    (uint64_t)(int64_t)v, 'd', name));
}

/*
 * syslog's action, then its buffer and length: the buffer's text at exit
 * for the reading actions, the length as a level for CONSOLE_LEVEL,
 * nothing for the actions that ignore both.
 */
void
ptc__a_syslog(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	const char *sep = c->f->json ? "," : ", ";
	int type = (int)v, len = (int)c->a[2];
	int reads = type >= SYSLOG_READ && type <= SYSLOG_READ_CLEAR;

	(void)a;
	if (!c->exiting)
		p_dnamed(c, &ptc__xt_syslog_actions, type);
	if (type >= 0 && type <= 10 && !reads && type != SYSLOG_CONSOLE_LEVEL)
		return;
	if (reads != c->exiting)
		return;
	ptc__sb_puts(c->o, sep);
	if (reads && !c->is_error)
		ptc__p_buf(c, c->a[1], (uint64_t)c->rval);
	else
		ptc__p_addr(c, c->a[1]);
	ptc__sb_puts(c->o, sep);
	if (type == SYSLOG_CONSOLE_LEVEL)
		p_dnamed(c, &ptc__xt_syslog_levels, len);
	else
		ptc__p_int(c, len);
}

/* ---- personality, sched_getscheduler ---- */

/* An execution domain and the personality flags above it. */
static char *
persona(const struct ptc__dc *c, char *s, size_t len, unsigned v)
{
	const char *name = ptc__xname(&ptc__xt_personality_types, v & 0xff);
	int style = ptc__xstyle(c);
	size_t n;

	if (name == NULL && style != PTC_XLAT_RAW)
		snprintf(s, len, "%#x /* PER_??? */", v & 0xff);
	else
		ptc__sxval(s, len, style, v & 0xff, 'x', name);
	n = strlen(s);
	if ((v & ~0xffu) != 0 && n + 1 < len) {
		s[n++] = '|';
		ptc__xsflags(c, s + n, len - n, &ptc__xt_personality_flags,
		    v & ~0xffu, NULL);
	}
	return s;
}

void
ptc__a_personality(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	char buf[512];

	(void)a;
	if ((unsigned)v == 0xffffffffu)     /* a query */
		ptc__p_hex(c, 0xffffffffu);
	else
		ptc__p_raw(c, persona(c, buf, sizeof(buf), (unsigned)v));
}

void
ptc__r_personality(struct ptc__dc *c, int64_t v)
{
	char buf[512];

	if (c->f->json) {
		ptc__p_int(c, v);
		return;
	}
	ptc__sb_printf(c->o, "%#" PRIx64 " (%s)", c->wordsize == 4 ?
	    (uint64_t)(uint32_t)v : (uint64_t)v,
	    persona(c, buf, sizeof(buf), (unsigned)v));
}

void
ptc__r_sched_policy(struct ptc__dc *c, int64_t v)
{
	const char *name = ptc__xname(&ptc__xt_sched_policies, (uint64_t)v);

	ptc__p_int(c, v);
	if (name != NULL && !c->f->json)
		ptc__sb_printf(c->o, " (%s)", name);
}

/*
 * Flags of a whole register (unshare's): strace reads them as 64-bit
 * values, where the plain "flags" kind takes 32 bits.
 */
void
ptc__a_flags64(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	ptc__p_flags(c, a->x, ptc__word(c, v), NULL);
}

/*
 * capget and capset: the header (struct __user_cap_header_struct) and the
 * sets, one struct __user_cap_data_struct for version 1 (and a version
 * the kernel does not know), two (the low and the high 32 capabilities)
 * for versions 2 and 3, shown as strace shows them: each set as one bit
 * mask of both words.
 */
#define CAP_V2 0x20071026u
#define CAP_V3 0x20080522u

struct cap_header {
	uint32_t version;
	int32_t pid;
};

void
ptc__a_cap_header(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	struct cap_header h;

	(void)a;
	if (v == 0 || ptc__rdall(c, v, &h, sizeof(h)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__s_open(c);
	ptc__s_field(c, "version");
	ptc__p_enum(c, &ptc__xt_cap_version, h.version, NULL);
	ptc__s_field(c, "pid");
	ptc__p_int(c, h.pid);
	ptc__s_close(c);
}

/* One set: the names of the low word's bits, then the high word's. */
static void
cap_set(struct ptc__dc *c, uint32_t lo, uint32_t hi)
{
	char s[1024], t[512];

	if (lo == 0 && hi == 0) {
		/* no names, in any -X style */
		ptc__p_uint(c, 0);
		return;
	}
	if (hi == 0) {
		ptc__p_flags(c, &ptc__xt_cap_mask0, lo, "0");
		return;
	}
	if (lo == 0) {
		ptc__p_flags(c, &ptc__xt_cap_mask1, hi, "0");
		return;
	}
	ptc__xsflags(c, s, sizeof(s), &ptc__xt_cap_mask0, lo, "0");
	ptc__xsflags(c, t, sizeof(t), &ptc__xt_cap_mask1, hi, "0");
	if (strlen(s) + 1 + strlen(t) < sizeof(s)) {
		strcat(s, "|");
		strcat(s, t);
	}
	ptc__p_raw(c, s);
}

void
ptc__a_cap_data(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	static const char *const names[] = {
		"effective", "permitted", "inheritable",
	};
	struct cap_header h;
	uint32_t d[2][3];
	size_t n, i;

	(void)a;
	if (v == 0 || (a->out && c->is_error) ||
	    ptc__rdall(c, c->a[0], &h, sizeof(h)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	/* an unknown version is read as the first one, as strace reads it */
	n = h.version == CAP_V2 || h.version == CAP_V3 ? 2 : 1;
	memset(d, 0, sizeof(d));
	if (ptc__rdall(c, v, d, n * sizeof(d[0])) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__s_open(c);
	for (i = 0; i < 3; i++) {
		ptc__s_field(c, names[i]);
		cap_set(c, d[0][i], d[1][i]);
	}
	ptc__s_close(c);
}
