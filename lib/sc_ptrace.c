/*
 * sc_ptrace.c: ptrace.  The request says what its address and data
 * arguments are: a signal, options, a register set, a siginfo, a signal
 * mask, or a place the kernel fills in (shown at exit), such as
 * PTRACE_GET_SYSCALL_INFO's struct ptrace_syscall_info.  One printer
 * ("<>ptrace" in the syscall table) shows the request and the rest with
 * its own separators, at entry and at exit.
 */
#include <linux/audit.h>

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "sc_priv.h"
#include "xlat.h"

/* Requests (linux/ptrace.h, x86's asm/ptrace-abi.h). */
enum {
	R_TRACEME = 0, R_PEEKTEXT = 1, R_PEEKDATA = 2, R_PEEKUSER = 3,
	R_POKEUSER = 6, R_CONT = 7, R_KILL = 8, R_SINGLESTEP = 9,
	R_GETREGS = 12, R_SETREGS = 13, R_GETFPREGS = 14, R_SETFPREGS = 15,
	R_ATTACH = 16, R_DETACH = 17, R_SYSCALL = 24, R_SYSEMU = 31,
	R_SYSEMU_SINGLESTEP = 32, R_SINGLEBLOCK = 33,
	R_SETOPTIONS = 0x4200, R_GETEVENTMSG = 0x4201, R_GETSIGINFO = 0x4202,
	R_SETSIGINFO = 0x4203, R_GETREGSET = 0x4204, R_SETREGSET = 0x4205,
	R_SEIZE = 0x4206, R_INTERRUPT = 0x4207, R_LISTEN = 0x4208,
	R_PEEKSIGINFO = 0x4209, R_GETSIGMASK = 0x420a, R_SETSIGMASK = 0x420b,
	R_SECCOMP_GET_FILTER = 0x420c, R_SECCOMP_GET_METADATA = 0x420d,
	R_GET_SYSCALL_INFO = 0x420e,
};

/* Requests whose data the kernel fills in: shown at exit (not -e verbose=). */
static int
data_at_exit(uint64_t req)
{
	switch (req) {
	case R_PEEKTEXT: case R_PEEKDATA: case R_PEEKUSER:
	case R_GETEVENTMSG: case R_GETSIGINFO: case R_GETSIGMASK:
	case R_PEEKSIGINFO: case R_SECCOMP_GET_FILTER:
	case R_GET_SYSCALL_INFO:
		return 1;
	}
	return 0;
}

/* A word the kernel stored at addr, as [N] ([0x..] for an address). */
static void
out_word(struct ptc__dc *c, uint64_t addr, int hex)
{
	uint64_t w = 0;

	if (addr == 0 || c->is_error || ptc__rdall(c, addr, &w,
	    (size_t)c->wordsize) != 0) {
		ptc__p_addr(c, addr);
		return;
	}
	ptc__l_open(c);
	if (hex)
		ptc__p_hex(c, w);
	else
		ptc__p_uint(c, w);
	ptc__l_close(c);
}

/* PTRACE_PEEKSIGINFO's struct ptrace_peeksiginfo_args. */
static void
peeksiginfo_args(struct ptc__dc *c, uint64_t addr)
{
	struct {
		uint64_t off;
		uint32_t flags, nr;
	} psi;

	if (addr == 0 || c->f->noderef ||
	    ptc__rdall(c, addr, &psi, sizeof(psi)) != 0) {
		ptc__p_addr(c, addr);
		return;
	}
	ptc__s_open(c);
	ptc__s_field(c, "off");
	ptc__p_uint(c, psi.off);
	ptc__s_field(c, "flags");
	ptc__p_flags(c, &ptc__xt_ptrace_peeksiginfo_flags, psi.flags, NULL);
	ptc__s_field(c, "nr");
	ptc__p_uint(c, psi.nr);
	ptc__s_close(c);
}

/* n siginfo structures at addr (PTRACE_PEEKSIGINFO's result). */
static void
siginfos(struct ptc__dc *c, uint64_t addr, int64_t n)
{
	static const struct ptc__arg in = { NULL, NULL, -1, 0, 0 };
	unsigned char si[128];
	int64_t i;

	if (addr == 0 || n <= 0 || ptc__rdall(c, addr, si, sizeof(si)) != 0) {
		if (n == 0 && addr != 0) {
			ptc__l_open(c);
			ptc__l_close(c);
			return;
		}
		ptc__p_addr(c, addr);
		return;
	}
	ptc__l_open(c);
	for (i = 0; i < n; i++) {
		uint64_t at = addr + (uint64_t)i * 128;

		if (ptc__rdall(c, at, si, sizeof(si)) != 0) {
			ptc__s_more(c);
			ptc__p_comment(c, "%#" PRIx64, at);
			break;
		}
		if (!c->f->verbose && ptc__arr_full(c, (uint64_t)i))
			break;
		ptc__a_siginfo(c, &in, at);
	}
	ptc__l_close(c);
}

/*
 * Register sets of x86_64 tasks as strace shows them, field by field
 * as far as the length given covers them: struct user_regs_struct
 * (NT_PRSTATUS, PTRACE_GETREGS) and struct user_fpregs_struct
 * (NT_FPREGSET, PTRACE_GETFPREGS).  n: an array of n 32-bit words.
 */
struct regfield {
	const char *name;
	unsigned short off, size, n;
};

static const struct regfield prstatus[] = {
	{ "r15", 0, 8, 0 }, { "r14", 8, 8, 0 }, { "r13", 16, 8, 0 },
	{ "r12", 24, 8, 0 }, { "rbp", 32, 8, 0 }, { "rbx", 40, 8, 0 },
	{ "r11", 48, 8, 0 }, { "r10", 56, 8, 0 }, { "r9", 64, 8, 0 },
	{ "r8", 72, 8, 0 }, { "rax", 80, 8, 0 }, { "rcx", 88, 8, 0 },
	{ "rdx", 96, 8, 0 }, { "rsi", 104, 8, 0 }, { "rdi", 112, 8, 0 },
	{ "orig_rax", 120, 8, 0 }, { "rip", 128, 8, 0 }, { "cs", 136, 8, 0 },
	{ "eflags", 144, 8, 0 }, { "rsp", 152, 8, 0 }, { "ss", 160, 8, 0 },
	{ "fs_base", 168, 8, 0 }, { "gs_base", 176, 8, 0 },
	{ "ds", 184, 8, 0 }, { "es", 192, 8, 0 }, { "fs", 200, 8, 0 },
	{ "gs", 208, 8, 0 },
};

static const struct regfield fpregset[] = {
	{ "cwd", 0, 2, 0 }, { "swd", 2, 2, 0 }, { "ftw", 4, 2, 0 },
	{ "fop", 6, 2, 0 }, { "rip", 8, 8, 0 }, { "rdp", 16, 8, 0 },
	{ "mxcsr", 24, 4, 0 }, { "mxcr_mask", 28, 4, 0 },
	{ "st_space", 32, 4, 32 }, { "xmm_space", 160, 4, 64 },
	{ "padding", 416, 4, 24 },
};

#define NT_PRSTATUS 1
#define NT_FPREGSET 2

static void
regset(struct ptc__dc *c, uint64_t addr, uint64_t size, int nt)
{
	const struct regfield *f = nt == NT_PRSTATUS ? prstatus : fpregset;
	size_t nf = nt == NT_PRSTATUS ? sizeof(prstatus) / sizeof(*f) :
	    sizeof(fpregset) / sizeof(*f);
	size_t total = nt == NT_PRSTATUS ? 216 : 512, fetch, i, j, cnt;
	unsigned char b[512];

	fetch = size < total ? (size_t)size : total;
	if (c->arch != AUDIT_ARCH_X86_64 || (nt != NT_PRSTATUS &&
	    nt != NT_FPREGSET) || size == 0 || (size & 7) != 0 ||
	    addr == 0 || c->f->noderef || (c->exiting && c->is_error) ||
	    ptc__rdall(c, addr, b, fetch) != 0) {
		ptc__p_addr(c, addr);
		return;
	}
	ptc__s_open(c);
	for (i = 0; i < nf && (i == 0 || fetch > f[i].off); i++) {
		uint64_t v = 0;

		ptc__s_field(c, f[i].name);
		if (f[i].n == 0) {
			memcpy(&v, b + f[i].off, f[i].size);
			ptc__p_hex(c, v);
			continue;
		}
		cnt = (fetch - f[i].off) / 4;
		if (cnt > f[i].n)
			cnt = f[i].n;
		ptc__l_open(c);
		for (j = 0; j < cnt; j++) {
			uint32_t w;

			memcpy(&w, b + f[i].off + j * 4, 4);
			ptc__p_hex(c, w);
		}
		ptc__l_close(c);
	}
	if (size > total)
		ptc__s_more(c);
	ptc__s_close(c);
}

/* A register set's struct iovec at addr, into iov; -1 if unreadable. */
static int
rd_iov(struct ptc__dc *c, uint64_t addr, uint64_t iov[2])
{
	uint32_t i32[2];

	if (addr == 0)
		return -1;
	if (c->wordsize == 8)
		return ptc__rdall(c, addr, iov, 16);
	if (ptc__rdall(c, addr, i32, sizeof(i32)) != 0)
		return -1;
	iov[0] = i32[0];
	iov[1] = i32[1];
	return 0;
}

/*
 * The struct iovec of PTRACE_GETREGSET (at exit, old_len the length
 * given: " => N" when the kernel changed it) or PTRACE_SETREGSET (at
 * entry, left open for exit's " => N}").
 */
static void
regset_iov(struct ptc__dc *c, uint64_t addr, uint64_t old_len, int get)
{
	uint64_t iov[2];

	if (rd_iov(c, addr, iov) != 0) {
		ptc__p_addr(c, addr);
		return;
	}
	ptc__s_open(c);
	ptc__s_field(c, "iov_base");
	regset(c, iov[0], iov[1], (int)(unsigned)c->a[2]);
	ptc__s_field(c, "iov_len");
	ptc__p_uint(c, get ? old_len : iov[1]);
	if (!get) {
		c->saved[0] = iov[1];
		c->saved_ok[0] = 1;
		return;
	}
	if (iov[1] != old_len && !c->f->json)
		ptc__sb_printf(c->o, " => %" PRIu64, iov[1]);
	ptc__s_close(c);
}

/* struct ptrace_syscall_info: as much of it as the call returned. */
static void
syscall_info(struct ptc__dc *c, uint64_t addr, uint64_t ulen)
{
	/* op, arch, ip, sp, then nr/rval, args[6] or is_error, ret_data */
	unsigned char b[84];
	uint64_t klen = (uint64_t)c->rval, n = ulen < klen ? ulen : klen;
	uint64_t v[8], i, nargs;
	uint32_t arch;
	const char *name;
	char buf[96];

	if (n > sizeof(b))
		n = sizeof(b);
	memset(b, 0, sizeof(b));
	if (n == 0 || c->is_error || ptc__rdall(c, addr, b, (size_t)n) != 0) {
		ptc__p_addr(c, addr);
		return;
	}
	memcpy(&arch, b + 4, sizeof(arch));
	memcpy(v, b + 8, sizeof(v));
	ptc__s_open(c);
	ptc__s_field(c, "op");
	ptc__p_enum(c, &ptc__xt_ptrace_syscall_info_op, b[0], NULL);
	if (n >= 8) {
		ptc__s_field(c, "arch");
		ptc__p_enum(c, &ptc__xt_audit_arch, arch, "AUDIT_ARCH_???");
	}
	if (n >= 16) {
		ptc__s_field(c, "instruction_pointer");
		ptc__p_addr(c, v[0]);
	}
	if (n >= 24) {
		ptc__s_field(c, "stack_pointer");
		ptc__p_addr(c, v[1]);
	}
	if (n < 32 || b[0] < 1 || b[0] > 3) {
		ptc__s_close(c);
		return;
	}
	ptc__s_field(c, b[0] == 2 ? "exit" : b[0] == 1 ? "entry" : "seccomp");
	ptc__s_open(c);
	if (b[0] == 2) {            /* exit: rval, is_error */
		ptc__s_field(c, "rval");
		name = n >= 33 && b[32] ? ptc_errname((int)-(int64_t)v[2]) :
		    NULL;
		if (name != NULL && !c->f->json) {
			snprintf(buf, sizeof(buf), "-%s", name);
			ptc__p_xval(c, v[2], 'd', buf);
		} else {
			ptc__p_int(c, (int64_t)v[2]);
		}
		if (n >= 33) {
			ptc__s_field(c, "is_error");
			ptc__p_uint(c, b[32]);
		}
		ptc__s_close(c);
		ptc__s_close(c);
		return;
	}
	ptc__s_field(c, "nr");
	name = ptc_sc_name(arch, v[2]);
	if (name != NULL && !c->f->json) {
		snprintf(buf, sizeof(buf), "__NR_%s", name);
		ptc__p_xval(c, v[2], 'u', buf);
	} else {
		ptc__p_uint(c, v[2]);
	}
	nargs = (n - 32) / 8;
	if (nargs > 6)
		nargs = 6;
	if (nargs > 0) {
		ptc__s_field(c, "args");
		ptc__l_open(c);
		for (i = 0; i < nargs; i++) {
			uint64_t arg;

			memcpy(&arg, b + 32 + i * 8, sizeof(arg));
			ptc__p_hex(c, arg);
		}
		ptc__l_close(c);
	}
	if (b[0] == 3 && n >= 84) {
		uint32_t rd;

		memcpy(&rd, b + 80, sizeof(rd));
		ptc__s_field(c, "ret_data");
		ptc__p_uint(c, rd);
	}
	ptc__s_close(c);
	ptc__s_close(c);
}

/* PTRACE_SECCOMP_GET_METADATA's struct seccomp_metadata, in two parts. */
static void
seccomp_metadata(struct ptc__dc *c, uint64_t addr, uint64_t size)
{
	uint64_t md[2];

	if (!c->exiting) {
		c->saved_ok[0] = 0;
		if (size < 8 || addr == 0 || c->f->noderef ||
		    ptc__rdall(c, addr, &md[0], 8) != 0) {
			ptc__p_addr(c, addr);
			return;
		}
		c->saved_ok[0] = 1;
		ptc__s_open(c);
		ptc__s_field(c, "filter_off");
		ptc__p_uint(c, md[0]);
		c->saved[0] = (uint64_t)c->depth;
		return;
	}
	if (!c->saved_ok[0])
		return;
	c->depth = 1;
	c->items[1] = 1;
	if (!c->is_error && (uint64_t)c->rval > 8) {
		if ((uint64_t)c->rval < 16 ||
		    ptc__rdall(c, addr + 8, &md[1], 8) != 0) {
			ptc__p_raw(c, "???");
		} else {
			ptc__s_field(c, "flags");
			ptc__p_flags(c, &ptc__xt_seccomp_filter_flags, md[1],
			    NULL);
			if ((uint64_t)c->rval > 16)
				ptc__s_more(c);
		}
	}
	ptc__s_close(c);
}

static void
ptrace_entry(struct ptc__dc *c, uint64_t req)
{
	static const struct ptc__arg si_in = { NULL, NULL, -1, 0, 0 };
	static const struct ptc__arg mask = { NULL, NULL, 2, 0, 0 };
	uint64_t addr = c->a[2], data = c->a[3];

	ptc__p_enum(c, &ptc__xt_ptrace_req, req, NULL);
	if (req == R_TRACEME)
		return;
	ptc__argsep(c);
	ptc__p_pid(c, (int)c->a[1], PTC__PID_TGID);
	switch (req) {
	case R_ATTACH: case R_INTERRUPT: case R_KILL: case R_LISTEN:
		return;
	}
	ptc__argsep(c);
	switch (req) {
	case R_GETREGSET: case R_SETREGSET:
		ptc__p_enum(c, &ptc__xt_nt_types, (unsigned)addr, NULL);
		break;
	case R_GETSIGMASK: case R_SETSIGMASK: case R_SECCOMP_GET_FILTER:
	case R_SECCOMP_GET_METADATA: case R_GET_SYSCALL_INFO:
		ptc__p_uint(c, addr);
		break;
	case R_PEEKSIGINFO:
		peeksiginfo_args(c, addr);
		break;
	case R_GETREGS: case R_GETFPREGS:
		return;         /* the registers' address follows at exit */
	case R_SETREGS: case R_SETFPREGS:
		regset(c, data, req == R_SETREGS ? 216 : 512, req == R_SETREGS ?
		    NT_PRSTATUS : NT_FPREGSET);
		return;
	default:
		ptc__p_addr(c, addr);
	}
	ptc__argsep(c);
	switch (req) {
	case R_CONT: case R_DETACH: case R_SYSCALL: case R_SINGLESTEP:
	case R_SINGLEBLOCK: case R_SYSEMU: case R_SYSEMU_SINGLESTEP:
		ptc__p_signo(c, (int)data);
		return;
	case R_SEIZE: case R_SETOPTIONS:
		ptc__p_flags(c, &ptc__xt_ptrace_options, data, NULL);
		return;
	case R_SETSIGINFO:
		ptc__a_siginfo(c, &si_in, data);
		return;
	case R_SETSIGMASK:
		ptc__a_sigset(c, &mask, data);
		return;
	case R_GETREGSET:
		/* the length before the call, for " => " at exit */
		c->saved_ok[0] = 0;
		c->saved[0] = 0;
		if (data != 0 && ptc__rdall(c, data + (uint64_t)c->wordsize,
		    &c->saved[0], (size_t)c->wordsize) == 0)
			c->saved_ok[0] = 1;
		else
			ptc__p_addr(c, data);
		return;
	case R_SETREGSET:
		c->saved_ok[0] = 0;
		regset_iov(c, data, 0, 0);
		return;
	case R_SECCOMP_GET_METADATA:
		seccomp_metadata(c, data, addr);
		return;
	}
	if (data_at_exit(req) && !c->f->noderef)
		return;
	ptc__p_addr(c, data);
}

static void
ptrace_exit(struct ptc__dc *c, uint64_t req)
{
	static const struct ptc__arg si_out = { NULL, NULL, -1, 1, 0 };
	static const struct ptc__arg mask = { NULL, NULL, 2, 1, 0 };
	uint64_t addr = c->a[2], data = c->a[3], iov[2];

	switch (req) {
	case R_PEEKTEXT: case R_PEEKDATA: case R_PEEKUSER:
		if (!c->f->noderef)
			out_word(c, data, 1);
		return;
	case R_GETEVENTMSG:
		if (!c->f->noderef)
			out_word(c, data, 0);
		return;
	case R_GETSIGINFO:
		if (!c->f->noderef)
			ptc__a_siginfo(c, &si_out, data);
		return;
	case R_GETSIGMASK:
		if (!c->f->noderef)
			ptc__a_sigset(c, &mask, data);
		return;
	case R_PEEKSIGINFO:
		if (c->f->noderef)
			return;
		if (c->is_error)
			ptc__p_addr(c, data);
		else
			siginfos(c, data, c->rval);
		return;
	case R_SECCOMP_GET_FILTER:
		if (!c->f->noderef)
			ptc__p_addr(c, data);
		return;
	case R_GET_SYSCALL_INFO:
		if (!c->f->noderef)
			syscall_info(c, data, addr);
		return;
	case R_GETREGSET:
		if (c->saved_ok[0])
			regset_iov(c, data, c->saved[0], 1);
		return;
	case R_SETREGSET:
		if (!c->saved_ok[0])
			return;
		if (rd_iov(c, data, iov) == 0 && iov[1] != c->saved[0] &&
		    !c->f->json)
			ptc__sb_printf(c->o, " => %" PRIu64, iov[1]);
		ptc__sb_putc(c->o, '}');
		return;
	case R_SECCOMP_GET_METADATA:
		seccomp_metadata(c, data, addr);
		return;
	case R_GETREGS: case R_GETFPREGS:
		regset(c, data, req == R_GETREGS ? 216 : 512, req == R_GETREGS ?
		    NT_PRSTATUS : NT_FPREGSET);
		return;
	}
}

void
ptc__a_ptrace(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	uint64_t req = ptc__word(c, v);

	(void)a;
	if (c->exiting)
		ptrace_exit(c, req);
	else
		ptrace_entry(c, req);
}
