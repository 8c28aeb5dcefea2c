/*
 * sc_prctl.c: prctl, arch_prctl and seccomp (with its classic BPF
 * filters).  Each is a switch on its first argument: which further
 * arguments the call has, whether the kernel fills them in, and what the
 * return value means depend on it, so one printer ("<>prctl" in the
 * syscall table) shows the option and the arguments at entry and
 * completes them at exit, with its own separators, and one return
 * printer adds the result's names.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "sc_priv.h"
#include "xlat.h"

/* The options decoded here (linux/prctl.h; older headers lack some). */
enum {
	O_SET_PDEATHSIG = 1, O_GET_PDEATHSIG = 2, O_GET_DUMPABLE = 3,
	O_SET_DUMPABLE = 4, O_GET_UNALIGN = 5, O_SET_UNALIGN = 6,
	O_GET_KEEPCAPS = 7, O_SET_KEEPCAPS = 8, O_GET_FPEMU = 9,
	O_SET_FPEMU = 10, O_GET_FPEXC = 11, O_SET_FPEXC = 12,
	O_GET_TIMING = 13, O_SET_TIMING = 14, O_SET_NAME = 15,
	O_GET_NAME = 16, O_GET_ENDIAN = 19, O_SET_ENDIAN = 20,
	O_GET_SECCOMP = 21, O_SET_SECCOMP = 22, O_CAPBSET_READ = 23,
	O_CAPBSET_DROP = 24, O_GET_TSC = 25, O_SET_TSC = 26,
	O_GET_SECUREBITS = 27, O_SET_SECUREBITS = 28, O_SET_TIMERSLACK = 29,
	O_GET_TIMERSLACK = 30, O_PERF_DISABLE = 31, O_PERF_ENABLE = 32,
	O_MCE_KILL = 33, O_MCE_KILL_GET = 34, O_SET_MM = 35,
	O_SET_CHILD_SUBREAPER = 36, O_GET_CHILD_SUBREAPER = 37,
	O_SET_NO_NEW_PRIVS = 38, O_GET_TID_ADDRESS = 40,
	O_SET_THP_DISABLE = 41, O_SET_FP_MODE = 45, O_GET_FP_MODE = 46,
	O_CAP_AMBIENT = 47, O_SVE_SET_VL = 50, O_SVE_GET_VL = 51,
	O_GET_SPEC_CTRL = 52, O_SET_SPEC_CTRL = 53, O_PAC_RESET_KEYS = 54,
	O_SET_TAGGED_ADDR = 55, O_GET_TAGGED_ADDR = 56,
	O_SET_IO_FLUSHER = 57, O_SET_SUD = 59, O_PAC_SET_KEYS = 60,
	O_PAC_GET_KEYS = 61, O_SCHED_CORE = 62, O_SME_SET_VL = 63,
	O_SME_GET_VL = 64, O_SET_VMA = 0x53564d41, O_SET_PTRACER = 0x59616d61,
};

#define CAP_AMBIENT_IS_SET 1
#define CAP_AMBIENT_LOWER  3
#define MCE_KILL_SET       1
#define SECCOMP_STRICT     1
#define SECCOMP_FILTER     2
#define SCHED_CORE_GET     0
#define SET_VMA_ANON_NAME  0
#define SPEC_L1D_FLUSH     2    /* the last misfeature with flags */
#define VL_LEN_MASK        0xffffu
#define TAGGED_ENABLE      0x1u
#define MTE_TCF_MASK       0x6u
#define MTE_TAG_SHIFT      3
#define MTE_TAG_MASK       (0xffffu << MTE_TAG_SHIFT)
#define TASK_COMM_LEN      16

/* Arguments from index i on, in hex: what nothing decodes further. */
static void
hex_from(struct ptc__dc *c, int i)
{
	for (; i < 5; i++) {
		ptc__argsep(c);
		ptc__p_hex(c, ptc__word(c, c->a[i]));
	}
}

/*
 * len bytes at addr, or the address printed instead when the call
 * failed, -e verbose= leaves it out or the memory cannot be read.
 */
static int
get(struct ptc__dc *c, uint64_t addr, void *buf, size_t len)
{
	if (addr == 0 || c->f->noderef || (c->exiting && c->is_error) ||
	    ptc__rdall(c, addr, buf, len) != 0) {
		ptc__p_addr(c, addr);
		return -1;
	}
	return 0;
}

/*
 * The names of flags v from up to two tables joined by '|', strace's
 * way: a name matches when its bits are all set (a zero-valued one only
 * while nothing matched and no bit is left).  Returns how many matched;
 * *left gets the bits no name covers.
 */
static unsigned
flag_names(char *s, size_t len, const struct ptc__xtab *x1,
    const struct ptc__xtab *x2, uint64_t v, uint64_t *left)
{
	const struct ptc__xtab *xs[2] = { x1, x2 };
	size_t n = 0;
	unsigned i, t, found = 0;

	s[0] = '\0';
	for (t = 0; t < 2 && xs[t] != NULL && (v != 0 || found == 0); t++)
		for (i = 0; i < xs[t]->n; i++) {
			uint64_t f = xs[t]->v[i].val;

			if (v == f || (f != 0 && (v & f) == f)) {
				n += (size_t)snprintf(s + n,
				    n < len ? len - n : 0, "%s%s",
				    found++ ? "|" : "", xs[t]->v[i].name);
				v &= ~f;
			}
			if (v == 0)
				break;
		}
	*left = v;
	return found;
}

/*
 * Flags as strace's printflags_ex() shows them in style: bits no name
 * covers follow the names in hex, or, when no name matches at all, the
 * value is followed by dflt in a comment.
 */
static void
xflags_style(struct ptc__dc *c, int style, uint64_t v, const char *dflt,
    const struct ptc__xtab *x1, const struct ptc__xtab *x2)
{
	char names[512], buf[640];
	uint64_t left;
	size_t n;

	if (style == PTC_XLAT_RAW) {
		ptc__p_hex(c, v);
		return;
	}
	if (flag_names(names, sizeof(names), x1, x2, v, &left) > 0) {
		n = strlen(names);
		if (left != 0 && n < sizeof(names))
			snprintf(names + n, sizeof(names) - n, "|%#" PRIx64,
			    left);
		ptc__sxval(buf, sizeof(buf), style, v, 'x', names);
	} else if (v != 0 && !c->f->json) {
		snprintf(buf, sizeof(buf), "%#" PRIx64 " /* %s */", v, dflt);
	} else {
		ptc__p_hex(c, v);
		return;
	}
	ptc__p_raw(c, buf);
}

void
ptc__p_xflags(struct ptc__dc *c, uint64_t v, const char *dflt,
    const struct ptc__xtab *x1, const struct ptc__xtab *x2)
{
	xflags_style(c, ptc__xstyle(c), v, dflt, x1, x2);
}

/*
 * The names of a result's flags for the " (...)" after it, as strace's
 * auxiliary strings have them: none when no name matches, or with -X raw.
 */
static const char *
aux_flags(const struct ptc__dc *c, char *s, size_t len,
    const struct ptc__xtab *x, uint64_t v)
{
	uint64_t left;
	size_t n;

	if (ptc__xstyle(c) == PTC_XLAT_RAW)
		return NULL;
	if (v == 0)
		return x->n > 0 && x->v[0].val == 0 ? x->v[0].name : NULL;
	if (flag_names(s, len, x, NULL, v, &left) == 0)
		return NULL;
	n = strlen(s);
	if (left != 0 && n < len)
		snprintf(s + n, len - n, "|%#" PRIx64, left);
	return s;
}

/*
 * An arm64 SVE or SME vector length: flag bits and the length.  For the
 * result (aux) only when a flag is set, and never with -X raw.
 */
static const char *
vl_str(const struct ptc__dc *c, char *s, size_t len, uint64_t v,
    const struct ptc__xtab *x, int aux)
{
	int style = ptc__xstyle(c);
	uint64_t vl = v & VL_LEN_MASK, fl = v & ~(uint64_t)VL_LEN_MASK;
	char names[256] = "";

	if (style == PTC_XLAT_RAW) {
		if (aux)
			return NULL;
		snprintf(s, len, "%#" PRIx64, v);
		return s;
	}
	if (fl == 0 && aux)
		return NULL;
	if (fl != 0) {
		ptc__sflags(names, sizeof(names), x, fl, NULL);
		strcat(names, "|");
	}
	if (!aux && fl != 0 && style == PTC_XLAT_VERBOSE)
		snprintf(s, len, "%#" PRIx64 " /* %s%#" PRIx64 " */", v,
		    names, vl);
	else
		snprintf(s, len, "%s%#" PRIx64, names, vl);
	return s;
}

/*
 * PR_SET_TAGGED_ADDR_CTRL's value: the enable bit named either way, the
 * MTE tag check mode, the tag mask and what is left.
 */
static const char *
tagged_str(const struct ptc__dc *c, char *s, size_t len, uint64_t v,
    int result)
{
	int style = ptc__xstyle(c);
	uint64_t rest = v & ~(uint64_t)(TAGGED_ENABLE | MTE_TCF_MASK |
	    MTE_TAG_MASK);
	const char *tcf = ptc__xname(&ptc__xt_pr_mte_tcf, v & MTE_TCF_MASK);
	size_t n = 0;

	s[0] = '\0';
#define ADD(...) (n += (size_t)snprintf(s + n, n < len ? len - n : 0, \
	__VA_ARGS__))
	if (!result && style != PTC_XLAT_ABBREV)
		ADD("%#" PRIx64, v);
	if (style == PTC_XLAT_RAW)
		return result ? NULL : s;
	if (!result && style == PTC_XLAT_VERBOSE)
		ADD(" /* ");
	ADD("%s|%s", ptc__xname(&ptc__xt_pr_tagged_addr_enable,
	    v & TAGGED_ENABLE), tcf != NULL ? tcf : "0");
	if (v & MTE_TAG_MASK)
		ADD("|%#" PRIx64 "<<PR_MTE_TAG_SHIFT",
		    (v & MTE_TAG_MASK) >> MTE_TAG_SHIFT);
	if (rest != 0)
		ADD("|%#" PRIx64, rest);
	if (!result && style == PTC_XLAT_VERBOSE)
		ADD(" */");
#undef ADD
	return s;
}

/* An int the kernel stored at addr, as [N] (strace's printnum_int). */
static void
out_uint(struct ptc__dc *c, uint64_t addr)
{
	unsigned int v;

	if (get(c, addr, &v, sizeof(v)) != 0)
		return;
	ptc__l_open(c);
	ptc__p_uint(c, v);
	ptc__l_close(c);
}

/*
 * The name of a task: at most len bytes (and -s), up to a NUL.  Bytes
 * are read only up to the NUL, page by page, so a name that ends just
 * before an unmapped page still shows; "..." when no NUL came.
 */
static void
comm(struct ptc__dc *c, uint64_t addr, size_t len)
{
	char buf[TASK_COMM_LEN];
	size_t size = len, got = 0, chunk, show;
	ssize_t n;

	if (c->f->strsize + 1 < size)
		size = c->f->strsize + 1;
	while (got < size && memchr(buf, '\0', got) == NULL) {
		chunk = 4096 - ((addr + got) & 4095);
		if (chunk > size - got)
			chunk = size - got;
		if (addr == 0 || (n = ptc__rd(c, addr + got, buf + got,
		    chunk)) != (ssize_t)chunk) {
			ptc__p_addr(c, addr);
			return;
		}
		got += chunk;
	}
	show = size < c->f->strsize ? size : c->f->strsize;
	n = (ssize_t)strnlen(buf, show);
	ptc__p_bytes(c, buf, (size_t)n, (size_t)n == show);
}

/* What the kernel filled in, at exit. */
static void
prctl_exit(struct ptc__dc *c, unsigned op)
{
	uint64_t a2 = ptc__word(c, c->a[1]), p;
	unsigned int v;
	char buf[64];

	switch (op) {
	case O_GET_CHILD_SUBREAPER: case O_GET_ENDIAN: case O_GET_FPEMU:
	case O_GET_FPEXC:
		out_uint(c, a2);
		return;
	case O_GET_NAME:
		if (c->is_error)
			ptc__p_addr(c, a2);
		else
			comm(c, a2, TASK_COMM_LEN);
		return;
	case O_GET_PDEATHSIG: case O_GET_TSC: case O_GET_UNALIGN:
		if (get(c, a2, &v, sizeof(v)) != 0)
			return;
		ptc__l_open(c);
		if (op == O_GET_PDEATHSIG)
			ptc__p_signo(c, (int)v);
		else if (op == O_GET_TSC)
			ptc__p_enum(c, &ptc__xt_pr_tsc, v, "PR_TSC_???");
		else
			ptc__p_xflags(c, v, "PR_UNALIGN_???",
			    &ptc__xt_pr_unalign_flags, NULL);
		ptc__l_close(c);
		return;
	case O_GET_TID_ADDRESS:
		p = 0;
		if (get(c, a2, &p, (size_t)c->wordsize) != 0)
			return;
		ptc__l_open(c);
		ptc__p_addr(c, p);
		ptc__l_close(c);
		return;
	case O_SCHED_CORE:
		if ((unsigned)c->a[1] != SCHED_CORE_GET)
			return;
		if (get(c, ptc__word(c, c->a[4]), &p, sizeof(p)) != 0)
			return;
		ptc__l_open(c);
		snprintf(buf, sizeof(buf), "%#" PRIx64, p);
		if (c->f->json)
			ptc__p_hex(c, p);
		else
			ptc__p_raw(c, buf);
		ptc__l_close(c);
		return;
	}
}

/* PR_SCHED_CORE's pid, scope and cookie address. */
static void
sched_core(struct ptc__dc *c)
{
	static const int kinds[] = { PTC__PID_TID, PTC__PID_TGID,
	    PTC__PID_PGID, PTC__PID_SID };
	unsigned type = (unsigned)c->a[3];
	const char *name = ptc__xname(&ptc__xt_pr_sched_core_pidtypes, type);
	int style = ptc__xstyle(c);
	char buf[64];

	ptc__argsep(c);
	ptc__p_enum(c, &ptc__xt_pr_sched_core_cmds, (unsigned)c->a[1],
	    "PR_SCHED_CORE_???");
	ptc__argsep(c);
	if (type < 4)
		ptc__p_pid(c, (int)c->a[2], kinds[type]);
	else
		ptc__p_int(c, (int)c->a[2]);
	ptc__argsep(c);
	/* The scope's name always comes as a comment after its number. */
	if (style == PTC_XLAT_ABBREV && !c->f->json)
		style = PTC_XLAT_VERBOSE;
	if (name == NULL && style != PTC_XLAT_RAW && !c->f->json)
		snprintf(buf, sizeof(buf), "%#x /* PIDTYPE_??? */", type);
	else
		ptc__sxval(buf, sizeof(buf), style, type, 'x', name);
	ptc__p_raw(c, buf);
	ptc__argsep(c);
	if ((unsigned)c->a[1] != SCHED_CORE_GET)
		ptc__p_addr(c, c->a[4]);
}

static void seccomp_fprog(struct ptc__dc *c, uint64_t addr);

/* The arguments after the option known at entry. */
static void
prctl_entry(struct ptc__dc *c, unsigned op)
{
	uint64_t a2 = ptc__word(c, c->a[1]), a3 = ptc__word(c, c->a[2]);
	char buf[160];

	switch (op) {
	case O_GET_KEEPCAPS: case O_GET_SECCOMP: case O_GET_TIMERSLACK:
	case O_GET_TIMING: case O_GET_DUMPABLE: case O_GET_SECUREBITS:
	case O_GET_FP_MODE: case O_SVE_GET_VL: case O_SME_GET_VL:
	case O_PERF_DISABLE: case O_PERF_ENABLE:
		return;
	case O_GET_CHILD_SUBREAPER: case O_GET_ENDIAN: case O_GET_FPEMU:
	case O_GET_FPEXC: case O_GET_NAME: case O_GET_PDEATHSIG:
	case O_GET_TID_ADDRESS: case O_GET_TSC: case O_GET_UNALIGN:
		ptc__argsep(c);         /* the value follows at exit */
		return;
	case O_SVE_SET_VL: case O_SME_SET_VL:
		ptc__argsep(c);
		ptc__p_raw(c, vl_str(c, buf, sizeof(buf), a2,
		    op == O_SVE_SET_VL ? &ptc__xt_pr_sve_vl_flags :
		    &ptc__xt_pr_sme_vl_flags, 0));
		return;
	case O_GET_SPEC_CTRL:
		ptc__argsep(c);
		ptc__p_enum(c, &ptc__xt_pr_spec_cmds, a2, "PR_SPEC_???");
		return;
	case O_SET_TAGGED_ADDR:
		ptc__argsep(c);
		ptc__p_raw(c, tagged_str(c, buf, sizeof(buf), a2, 0));
		hex_from(c, 2);
		return;
	case O_SET_CHILD_SUBREAPER: case O_SET_ENDIAN: case O_SET_FPEMU:
	case O_SET_FPEXC: case O_SET_KEEPCAPS: case O_SET_TIMING:
		ptc__argsep(c);
		ptc__p_uint(c, a2);
		return;
	case O_SET_DUMPABLE:
		ptc__argsep(c);
		ptc__p_enum(c, &ptc__xt_dumpable, a2, "SUID_DUMP_???");
		return;
	case O_CAPBSET_READ: case O_CAPBSET_DROP:
		ptc__argsep(c);
		ptc__p_enum(c, &ptc__xt_capabilities, a2, "CAP_???");
		return;
	case O_CAP_AMBIENT:
		ptc__argsep(c);
		ptc__p_enum(c, &ptc__xt_pr_cap_ambient, a2,
		    "PR_CAP_AMBIENT_???");
		if (a2 < CAP_AMBIENT_IS_SET || a2 > CAP_AMBIENT_LOWER) {
			hex_from(c, 2);
			return;
		}
		ptc__argsep(c);
		ptc__p_enum(c, &ptc__xt_capabilities, a3, "CAP_???");
		hex_from(c, 3);
		return;
	case O_MCE_KILL:
		ptc__argsep(c);
		ptc__p_enum(c, &ptc__xt_pr_mce_kill, a2, "PR_MCE_KILL_???");
		ptc__argsep(c);
		if (a2 == MCE_KILL_SET)
			ptc__p_enum(c, &ptc__xt_pr_mce_kill_policy, a3,
			    "PR_MCE_KILL_???");
		else
			ptc__p_hex(c, a3);
		hex_from(c, 3);
		return;
	case O_SET_NAME:
		ptc__argsep(c);
		comm(c, a2, TASK_COMM_LEN - 1);
		return;
	case O_SET_VMA:
		ptc__argsep(c);
		ptc__p_enum(c, &ptc__xt_pr_set_vma, a2, "PR_SET_VMA_???");
		if (a2 != SET_VMA_ANON_NAME) {
			hex_from(c, 2);
			return;
		}
		ptc__argsep(c);
		ptc__p_addr(c, a3);
		ptc__argsep(c);
		ptc__p_uint(c, ptc__word(c, c->a[3]));
		ptc__argsep(c);
		ptc__p_str(c, ptc__word(c, c->a[4]), c->f->strsize);
		return;
	case O_SET_MM:
		ptc__argsep(c);
		ptc__p_enum(c, &ptc__xt_pr_set_mm, (unsigned)a2,
		    "PR_SET_MM_???");
		hex_from(c, 2);
		return;
	case O_SET_PDEATHSIG:
		ptc__argsep(c);
		if (a2 > 128)
			ptc__p_uint(c, a2);
		else
			ptc__p_signo(c, (int)a2);
		return;
	case O_SET_PTRACER:
		ptc__argsep(c);
		if ((int)a2 == -1)
			ptc__p_xval(c, (uint64_t)-1, 'd', "PR_SET_PTRACER_ANY");
		else
			ptc__p_pid(c, (int)a2, PTC__PID_TGID);
		return;
	case O_SET_SECCOMP:
		ptc__argsep(c);
		ptc__p_enum(c, &ptc__xt_seccomp_mode, a2, "SECCOMP_MODE_???");
		if (a2 == SECCOMP_FILTER) {
			ptc__argsep(c);
			seccomp_fprog(c, a3);
		} else if (a2 != SECCOMP_STRICT) {
			hex_from(c, 2);
		}
		return;
	case O_SET_SECUREBITS:
		ptc__argsep(c);
		ptc__p_xflags(c, a2, "SECBIT_???", &ptc__xt_secbits, NULL);
		return;
	case O_SET_TIMERSLACK:
		ptc__argsep(c);
		ptc__p_int(c, c->wordsize == 4 ? (int32_t)a2 : (int64_t)a2);
		return;
	case O_SET_TSC:
		ptc__argsep(c);
		ptc__p_enum(c, &ptc__xt_pr_tsc, (unsigned)a2, "PR_TSC_???");
		return;
	case O_SET_UNALIGN:
		ptc__argsep(c);
		ptc__p_xflags(c, (unsigned)a2, "PR_UNALIGN_???",
		    &ptc__xt_pr_unalign_flags, NULL);
		return;
	case O_SET_NO_NEW_PRIVS: case O_SET_THP_DISABLE: case O_SET_IO_FLUSHER:
		ptc__argsep(c);
		ptc__p_uint(c, a2);
		hex_from(c, 2);
		return;
	case O_SET_FP_MODE:
		ptc__argsep(c);
		ptc__p_xflags(c, (unsigned)a2, "PR_FP_MODE_???",
		    &ptc__xt_pr_fp_mode, NULL);
		return;
	case O_SET_SPEC_CTRL:
		ptc__argsep(c);
		ptc__p_enum(c, &ptc__xt_pr_spec_cmds, a2, "PR_SPEC_???");
		ptc__argsep(c);
		if (a2 <= SPEC_L1D_FLUSH)
			ptc__p_enum(c, &ptc__xt_pr_spec_set_flags, a3,
			    "PR_SPEC_???");
		else
			ptc__p_hex(c, a3);
		return;
	case O_PAC_RESET_KEYS:
		ptc__argsep(c);
		ptc__p_xflags(c, a2, "PR_PAC_???", &ptc__xt_pr_pac_enabled_keys,
		    &ptc__xt_pr_pac_keys);
		hex_from(c, 2);
		return;
	case O_PAC_SET_KEYS:
		ptc__argsep(c);
		ptc__p_xflags(c, a2, "PR_PAC_???",
		    &ptc__xt_pr_pac_enabled_keys, NULL);
		ptc__argsep(c);
		ptc__p_xflags(c, a3, "PR_PAC_???",
		    &ptc__xt_pr_pac_enabled_keys, NULL);
		hex_from(c, 3);
		return;
	case O_SET_SUD:
		ptc__argsep(c);
		ptc__p_enum(c, &ptc__xt_pr_sud_cmds, a2, "PR_SYS_DISPATCH_???");
		ptc__argsep(c);
		ptc__p_hex(c, a3);
		ptc__argsep(c);
		ptc__p_hex(c, ptc__word(c, c->a[3]));
		ptc__argsep(c);
		ptc__p_addr(c, c->a[4]);
		return;
	case O_SCHED_CORE:
		sched_core(c);
		return;
	default:
		hex_from(c, 1);
		return;
	}
}

/* prctl(): the option and its arguments, at entry and then at exit. */
void
ptc__a_prctl(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	unsigned op = (unsigned)v;

	(void)a;
	if (c->exiting) {
		prctl_exit(c, op);
		return;
	}
	ptc__p_enum(c, &ptc__xt_prctl_options, op, "PR_???");
	prctl_entry(c, op);
}

/* A result in hex or decimal, with names after it in parentheses. */
static void
ret_aux(struct ptc__dc *c, int64_t v, int hex, const char *aux)
{
	if (c->f->json) {
		ptc__p_int(c, v);
		return;
	}
	if (hex)
		ptc__sb_printf(c->o, "%#" PRIx64, ptc__word(c, (uint64_t)v));
	else
		ptc__sb_printf(c->o, "%" PRId64, v);
	if (aux != NULL)
		ptc__sb_printf(c->o, " (%s)", aux);
}

void
ptc__r_prctl(struct ptc__dc *c, int64_t v)
{
	unsigned op = (unsigned)c->a[0];
	uint64_t u = ptc__word(c, (uint64_t)v);
	char buf[512];

	switch (op) {
	case O_GET_DUMPABLE:
		ret_aux(c, v, 0, ptc__xname(&ptc__xt_dumpable, u));
		return;
	case O_MCE_KILL_GET:
		ret_aux(c, v, 0, ptc__xname(&ptc__xt_pr_mce_kill_policy, u));
		return;
	case O_GET_SECUREBITS: case O_GET_FP_MODE: case O_PAC_GET_KEYS:
		if (v == 0)
			break;
		ret_aux(c, v, 1, aux_flags(c, buf, sizeof(buf),
		    op == O_GET_SECUREBITS ? &ptc__xt_secbits :
		    op == O_GET_FP_MODE ? &ptc__xt_pr_fp_mode :
		    &ptc__xt_pr_pac_enabled_keys, u));
		return;
	case O_SVE_SET_VL: case O_SVE_GET_VL: case O_SME_SET_VL:
	case O_SME_GET_VL:
		if (v == 0)
			break;
		ret_aux(c, v, 1, vl_str(c, buf, sizeof(buf), u,
		    op == O_SVE_SET_VL || op == O_SVE_GET_VL ?
		    &ptc__xt_pr_sve_vl_flags : &ptc__xt_pr_sme_vl_flags, 1));
		return;
	case O_GET_SPEC_CTRL:
		if (ptc__word(c, c->a[1]) > SPEC_L1D_FLUSH)
			break;
		ret_aux(c, v, 1, aux_flags(c, buf, sizeof(buf),
		    &ptc__xt_pr_spec_get_flags, u));
		return;
	case O_GET_TAGGED_ADDR:
		ret_aux(c, v, 1, tagged_str(c, buf, sizeof(buf), u, 1));
		return;
	}
	ptc__p_int(c, v);
}

/* ---- arch_prctl ---- */

#define ARCH_GET_FS             0x1003
#define ARCH_GET_GS             0x1004
#define ARCH_GET_CPUID          0x1011
#define ARCH_GET_XCOMP_SUPP     0x1021
#define ARCH_GET_XCOMP_PERM     0x1022
#define ARCH_REQ_XCOMP_PERM     0x1023
#define ARCH_GET_XCOMP_GUEST    0x1024
#define ARCH_REQ_XCOMP_GUEST    0x1025

/* XSAVE features are shown with their numbers: the kernel's, not uapi. */
static int
xfeature_style(const struct ptc__dc *c)
{
	return ptc__xstyle(c) == PTC_XLAT_RAW ? PTC_XLAT_RAW :
	    c->f->json ? PTC_XLAT_ABBREV : PTC_XLAT_VERBOSE;
}

void
ptc__a_arch_prctl(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	unsigned op = (unsigned)v;
	uint64_t addr = ptc__word(c, c->a[1]), x;
	const char *name;
	char buf[128];

	(void)a;
	if (!c->exiting) {
		ptc__p_enum(c, &ptc__xt_arch_prctl_codes, op, "ARCH_???");
		switch (op) {
		case ARCH_GET_CPUID:
			return;
		case ARCH_GET_FS: case ARCH_GET_GS: case ARCH_GET_XCOMP_SUPP:
		case ARCH_GET_XCOMP_PERM: case ARCH_GET_XCOMP_GUEST:
			ptc__argsep(c);
			return;
		case ARCH_REQ_XCOMP_PERM: case ARCH_REQ_XCOMP_GUEST:
			ptc__argsep(c);
			name = ptc__xname(&ptc__xt_x86_xfeature_bits, addr);
			if (name == NULL &&
			    xfeature_style(c) == PTC_XLAT_VERBOSE)
				snprintf(buf, sizeof(buf), "%#" PRIx64
				    " /* XFEATURE_??? */", addr);
			else
				ptc__sxval(buf, sizeof(buf), xfeature_style(c),
				    addr, 'x', name);
			ptc__p_raw(c, buf);
			return;
		}
		ptc__argsep(c);
		ptc__p_hex(c, addr);
		return;
	}
	switch (op) {
	case ARCH_GET_FS: case ARCH_GET_GS:
		x = 0;
		if (get(c, addr, &x, (size_t)c->wordsize) != 0)
			return;
		ptc__l_open(c);
		ptc__p_addr(c, x);
		ptc__l_close(c);
		return;
	case ARCH_GET_XCOMP_SUPP: case ARCH_GET_XCOMP_PERM:
	case ARCH_GET_XCOMP_GUEST:
		if (get(c, addr, &x, sizeof(x)) != 0)
			return;
		ptc__l_open(c);
		xflags_style(c, xfeature_style(c), x, "XFEATURE_MASK_???",
		    &ptc__xt_x86_xfeatures, NULL);
		ptc__l_close(c);
		return;
	}
}

void
ptc__r_arch_prctl(struct ptc__dc *c, int64_t v)
{
	unsigned op = (unsigned)c->a[0];
	char buf[512];

	if ((op == ARCH_REQ_XCOMP_PERM || op == ARCH_REQ_XCOMP_GUEST) &&
	    v > 0) {
		ret_aux(c, v, 1, aux_flags(c, buf, sizeof(buf),
		    &ptc__xt_x86_xfeatures, (uint64_t)v));
		return;
	}
	ptc__p_int(c, v);
}

/* ---- seccomp and its classic BPF filters ---- */

#define BPF_MAXINSNS 4096

/*
 * v's name in table x as the -X style has it into s at *n, after a '|'
 * unless first; a value no entry names as "0x8 / * BPF_??? * /".
 */
static void
add_name(const struct ptc__dc *c, char *s, size_t len, size_t *n,
    const struct ptc__xtab *x, uint64_t v, int first)
{
	const char *name = ptc__xname(x, v), *unk = ptc__xunknown(x);
	int style = ptc__xstyle(c);
	char buf[96];

	if (name == NULL && style != PTC_XLAT_RAW && unk != NULL)
		snprintf(buf, sizeof(buf), "%#" PRIx64 " /* %s */", v, unk);
	else
		ptc__sxval(buf, sizeof(buf), style, v, 'x', name);
	if (*n < len)
		*n += (size_t)snprintf(s + *n, len - *n, "%s%s", first ? "" :
		    "|", buf);
}

/* Bits of an instruction code no field of its class uses. */
static void
add_rest(char *s, size_t len, size_t *n, unsigned v)
{
	if (*n < len)
		*n += (size_t)snprintf(s + *n, len - *n, "|%#x /* BPF_??? */",
		    v);
}

/* A classic BPF instruction code: class, then its class's fields. */
static void
bpf_code(const struct ptc__dc *c, char *s, size_t len, unsigned code)
{
	unsigned cls = code & 0x07, rest = code & ~0x07u;
	size_t n = 0;

	add_name(c, s, len, &n, &ptc__xt_bpf_class, cls, 1);
	switch (cls) {
	case 0x0: case 0x1:     /* BPF_LD, BPF_LDX */
		add_name(c, s, len, &n, &ptc__xt_bpf_size, code & 0x18, 0);
		add_name(c, s, len, &n, &ptc__xt_bpf_mode, code & 0xe0, 0);
		break;
	case 0x2: case 0x3:     /* BPF_ST, BPF_STX */
		if (rest != 0)
			add_rest(s, len, &n, rest);
		break;
	case 0x4: case 0x5:     /* BPF_ALU, BPF_JMP */
		add_name(c, s, len, &n, &ptc__xt_bpf_src, code & 0x08, 0);
		add_name(c, s, len, &n, cls == 0x4 ? &ptc__xt_bpf_op_alu :
		    &ptc__xt_bpf_op_jmp, code & 0xf0, 0);
		break;
	case 0x6:               /* BPF_RET */
		add_name(c, s, len, &n, &ptc__xt_bpf_rval, code & 0x18, 0);
		if ((rest & ~0x18u) != 0)
			add_rest(s, len, &n, rest & ~0x18u);
		break;
	case 0x7:               /* BPF_MISC */
		add_name(c, s, len, &n, &ptc__xt_bpf_miscop, code & 0xf8, 0);
		break;
	}
}

/*
 * One instruction of a seccomp filter as the C macros that make it:
 * BPF_JUMP(code, k, jt, jf) or BPF_STMT(code, k), the value a BPF_RET
 * returns as the seccomp action and its data.
 */
static void
bpf_insn(struct ptc__dc *c, const unsigned char *b)
{
	unsigned code = b[0] | (unsigned)b[1] << 8, jt = b[2], jf = b[3];
	uint32_t k;
	char cs[256], ks[128], out[512];
	size_t n = 0;

	memcpy(&k, b + 4, sizeof(k));
	bpf_code(c, cs, sizeof(cs), code);
	if (jt != 0 || jf != 0) {
		snprintf(out, sizeof(out), "BPF_JUMP(%s, %#x, %#x, %#x)", cs,
		    (unsigned)k, jt, jf);
	} else {
		if ((code & 0x07) == 0x6) {
			add_name(c, ks, sizeof(ks), &n,
			    &ptc__xt_seccomp_ret_action, k & 0xffff0000u, 1);
			if ((k & 0xffff) != 0 && n < sizeof(ks))
				snprintf(ks + n, sizeof(ks) - n, "|%#x",
				    (unsigned)(k & 0xffff));
		} else {
			snprintf(ks, sizeof(ks), "%#x", (unsigned)k);
		}
		snprintf(out, sizeof(out), "BPF_STMT(%s, %s)", cs, ks);
	}
	ptc__p_raw(c, out);
}

/*
 * A seccomp filter program (struct sock_fprog): its length and, with -v,
 * its instructions (the address otherwise).
 */
static void
seccomp_fprog(struct ptc__dc *c, uint64_t addr)
{
	unsigned char fp[16], insn[8];
	uint64_t filter, i;
	unsigned short len;

	if (addr == 0 || c->f->noderef || ptc__rdall(c, addr, fp,
	    c->wordsize == 4 ? 8 : 16) != 0) {
		ptc__p_addr(c, addr);
		return;
	}
	memcpy(&len, fp, sizeof(len));
	if (c->wordsize == 4) {
		uint32_t f32;

		memcpy(&f32, fp + 4, sizeof(f32));
		filter = f32;
	} else {
		memcpy(&filter, fp + 8, sizeof(filter));
	}
	ptc__s_open(c);
	ptc__s_field(c, "len");
	ptc__p_uint(c, len);
	ptc__s_field(c, "filter");
	if (!c->f->verbose || filter == 0) {
		ptc__p_addr(c, filter);
		ptc__s_close(c);
		return;
	}
	for (i = 0; i < len; i++) {
		if (ptc__rdall(c, filter + i * 8, insn, sizeof(insn)) != 0) {
			if (i == 0) {
				ptc__p_addr(c, filter);
				ptc__s_close(c);
				return;
			}
			ptc__s_more(c);
			ptc__p_comment(c, "%#" PRIx64, filter + i * 8);
			break;
		}
		if (i == 0)
			ptc__l_open(c);
		if (i >= BPF_MAXINSNS) {
			ptc__s_more(c);
			break;
		}
		bpf_insn(c, insn);
	}
	if (len == 0)
		ptc__l_open(c);
	ptc__l_close(c);
	ptc__s_close(c);
}

#define SECCOMP_SET_MODE_FILTER  1
#define SECCOMP_GET_ACTION_AVAIL 2
#define SECCOMP_GET_NOTIF_SIZES  3

/*
 * seccomp's operation, flags and argument: a filter program, an action
 * (read at entry), or at exit the sizes of the notification structures.
 */
void
ptc__a_seccomp(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	unsigned op = (unsigned)v, flags = (unsigned)c->a[1];
	uint64_t arg = ptc__word(c, c->a[2]);
	static const char *const sizes[] = {
		"seccomp_notif", "seccomp_notif_resp", "seccomp_data",
	};
	uint16_t sz[3];     /* struct seccomp_notif_sizes */
	uint32_t act;
	int i;

	(void)a;
	if (c->exiting) {
		if (op != SECCOMP_GET_NOTIF_SIZES || get(c, arg, sz,
		    sizeof(sz)) != 0)
			return;
		ptc__s_open(c);
		for (i = 0; i < 3; i++) {
			ptc__s_field(c, sizes[i]);
			ptc__p_uint(c, sz[i]);
		}
		ptc__s_close(c);
		return;
	}
	ptc__p_enum(c, &ptc__xt_seccomp_ops, op, NULL);
	ptc__argsep(c);
	if (op == SECCOMP_SET_MODE_FILTER)
		ptc__p_flags(c, &ptc__xt_seccomp_filter_flags, flags, NULL);
	else
		ptc__p_hex(c, flags);
	ptc__argsep(c);
	switch (op) {
	case SECCOMP_SET_MODE_FILTER:
		seccomp_fprog(c, arg);
		return;
	case SECCOMP_GET_ACTION_AVAIL:
		if (get(c, arg, &act, sizeof(act)) != 0)
			return;
		ptc__l_open(c);
		ptc__p_enum(c, &ptc__xt_seccomp_ret_action, act, NULL);
		ptc__l_close(c);
		return;
	case SECCOMP_GET_NOTIF_SIZES:
		return;         /* filled in by the kernel */
	}
	ptc__p_addr(c, arg);
}

/* ---- bpf ---- */

#define BPF_PROG_LOAD      5
#define PROG_LOAD_SIZE     128  /* up to fd_array (Linux 5.14) */

/* A NUL-terminated string of at most len bytes (strace's printstr_ex). */
static void
str_upto(struct ptc__dc *c, uint64_t addr, uint64_t len)
{
	if (addr == 0 || len == 0) {
		if (addr == 0)
			ptc__p_addr(c, 0);
		else
			ptc__p_bytes(c, "", 0, 1);
		return;
	}
	ptc__p_str(c, addr, len - 1 < c->f->strsize ? (size_t)len - 1 :
	    c->f->strsize);
}

/* A kernel version number, as the KERNEL_VERSION() macro makes it. */
static void
kernel_version(struct ptc__dc *c, uint32_t v)
{
	char kv[64], buf[96];
	int style = ptc__xstyle(c);

	snprintf(kv, sizeof(kv), "KERNEL_VERSION(%u, %u, %u)", v >> 16,
	    (v >> 8) & 0xff, v & 0xff);
	ptc__p_raw(c, ptc__sxval(buf, sizeof(buf), style, v, 'x', kv));
}

static void
field_u32(struct ptc__dc *c, const char *name, const unsigned char *b,
    size_t off)
{
	uint32_t v;

	memcpy(&v, b + off, sizeof(v));
	ptc__s_field(c, name);
	ptc__p_uint(c, v);
}

/*
 * BPF_PROG_LOAD's union bpf_attr, len bytes of it: the fields of each
 * kernel release up to what len covers, as strace 6.1 shows them.
 */
static void
prog_load(struct ptc__dc *c, const unsigned char *b, size_t len)
{
	char name[17];
	size_t n, nl;

	ptc__s_open(c);
	ptc__s_field(c, "prog_type");
	ptc__p_enum(c, &ptc__xt_bpf_prog_types, ptc__u32at(b, 0), NULL);
	field_u32(c, "insn_cnt", b, 4);
	ptc__s_field(c, "insns");
	ptc__p_addr(c, ptc__u64at(b, 8));
	ptc__s_field(c, "license");
	ptc__p_str(c, ptc__u64at(b, 16), c->f->strsize);
	if (len > 24) {
		field_u32(c, "log_level", b, 24);
		field_u32(c, "log_size", b, 28);
		ptc__s_field(c, "log_buf");
		str_upto(c, ptc__u64at(b, 32), ptc__u32at(b, 28));
	}
	if (len > 40) {
		ptc__s_field(c, "kern_version");
		kernel_version(c, ptc__u32at(b, 40));
	}
	if (len > 44) {
		ptc__s_field(c, "prog_flags");
		ptc__p_flags(c, &ptc__xt_bpf_prog_flags, ptc__u32at(b, 44),
		    NULL);
	}
	if (len > 48) {
		nl = len - 48 < 16 ? len - 48 : 16;
		memcpy(name, b + 48, nl);
		name[nl] = '\0';
		n = strnlen(name, nl);
		ptc__s_field(c, "prog_name");
		ptc__p_bytes(c, name, n, n == nl);
	}
	if (len > 64)
		field_u32(c, "prog_ifindex", b, 64);
	if (len > 68) {
		ptc__s_field(c, "expected_attach_type");
		ptc__p_enum(c, &ptc__xt_bpf_attach_types, ptc__u32at(b, 68),
		    NULL);
	}
	if (len > 72) {
		ptc__s_field(c, "prog_btf_fd");
		ptc__p_fd(c, (int)ptc__u32at(b, 72));
		field_u32(c, "func_info_rec_size", b, 76);
		ptc__s_field(c, "func_info");
		ptc__p_addr(c, ptc__u64at(b, 80));
		field_u32(c, "func_info_cnt", b, 88);
		field_u32(c, "line_info_rec_size", b, 92);
		ptc__s_field(c, "line_info");
		ptc__p_addr(c, ptc__u64at(b, 96));
		field_u32(c, "line_info_cnt", b, 104);
	}
	if (len > 108)
		field_u32(c, "attach_btf_id", b, 108);
	if (len > 112) {
		ptc__s_field(c, "attach_prog_fd");
		ptc__p_fd(c, (int)ptc__u32at(b, 112));
	}
	if (len > 120) {
		ptc__s_field(c, "fd_array");
		ptc__p_addr(c, ptc__u64at(b, 120));
	}
	ptc__s_close(c);
}

/*
 * bpf's command and its attributes: BPF_PROG_LOAD's structure, the
 * address for the commands not decoded yet.
 */
void
ptc__a_bpf(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	unsigned cmd = (unsigned)v, size = (unsigned)c->a[2];
	unsigned char b[PROG_LOAD_SIZE];
	size_t len = size < sizeof(b) ? size : sizeof(b);

	(void)a;
	ptc__p_enum(c, &ptc__xt_bpf_commands, cmd, NULL);
	ptc__argsep(c);
	if (cmd != BPF_PROG_LOAD || size == 0 || size > 4096 ||
	    c->a[1] == 0 || c->f->noderef) {
		ptc__p_addr(c, c->a[1]);
		return;
	}
	memset(b, 0, sizeof(b));
	if (ptc__rdall(c, c->a[1], b, len) != 0) {
		ptc__p_addr(c, c->a[1]);
		return;
	}
	prog_load(c, b, len);
}
