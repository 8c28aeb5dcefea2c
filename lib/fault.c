/*
 * fault.c: explain a fault signal in words.  The kernel's siginfo says
 * which address faulted; the instruction at the pc says how (read or
 * write, how many bytes, pushed by a call, a division); the mappings
 * say why (nothing there, read-only, not executable, just below the
 * stack).  Together they give one line a person can act on.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

/* Below this every access is a NULL-pointer dereference (mmap_min_addr). */
#define NULL_LIMIT 0x10000
/* How far below the stack mapping a fault still counts as overflow. */
#define STACK_SLACK ((uint64_t)64 << 20)

static const char *const kind_names[] = {
	[PTC_FAULT_OTHER] = "other",
	[PTC_FAULT_READ] = "invalid-read",
	[PTC_FAULT_WRITE] = "invalid-write",
	[PTC_FAULT_NULL] = "null",
	[PTC_FAULT_EXEC] = "exec",
	[PTC_FAULT_STACK] = "stack-overflow",
	[PTC_FAULT_DIV] = "division-by-zero",
	[PTC_FAULT_DIVOVF] = "division-overflow",
	[PTC_FAULT_FP] = "fp",
	[PTC_FAULT_ILL] = "illegal-instruction",
	[PTC_FAULT_BUS] = "bus-error",
	[PTC_FAULT_TRAP] = "trap",
};

const char *
ptc_fault_kind_name(enum ptc_fault_kind kind)
{
	if ((unsigned)kind >= sizeof(kind_names) / sizeof(kind_names[0]))
		return "other";
	return kind_names[kind];
}

static const char *
mapname(const struct ptc_map *m)
{
	return *m->path ? m->path : "[anon]";
}

/* "0x... is in ..." or "0x... is not mapped; nearest ..." */
static void
describe_where(const struct ptc_maps *maps, uint64_t addr, char *buf,
    size_t len)
{
	const struct ptc_map *m, *below = NULL, *above = NULL;
	size_t i, n;
	int k;

	buf[0] = '\0';
	if (maps == NULL)
		return;
	if ((m = ptc_maps_find(maps, addr)) != NULL) {
		snprintf(buf, len, "%#llx is in %#llx-%#llx %s %s (+%#llx)",
		    (unsigned long long)addr, (unsigned long long)m->start,
		    (unsigned long long)m->end, m->perms, mapname(m),
		    (unsigned long long)(addr - m->start));
		return;
	}
	n = ptc_maps_count(maps);
	for (i = 0; i < n; i++) {
		m = ptc_maps_at(maps, i);
		if (m->end <= addr)
			below = m;
		else if (m->start > addr && above == NULL)
			above = m;
	}
	k = snprintf(buf, len, "%#llx is not mapped", (unsigned long long)addr);
	if (k < 0 || (size_t)k >= len)
		return;
	if (below != NULL && (size_t)k < len)
		k += snprintf(buf + k, len - (size_t)k, "; %#llx bytes after "
		    "%#llx-%#llx %s %s", (unsigned long long)(addr - below->end),
		    (unsigned long long)below->start,
		    (unsigned long long)below->end, below->perms,
		    mapname(below));
	if (above != NULL && k > 0 && (size_t)k < len)
		snprintf(buf + k, len - (size_t)k, "; %#llx bytes before "
		    "%#llx-%#llx %s %s",
		    (unsigned long long)(above->start - addr),
		    (unsigned long long)above->start,
		    (unsigned long long)above->end, above->perms,
		    mapname(above));
}

/* The decoded access that touches addr, or the first one. */
static int
pick_access(const struct ptc__access *a, uint64_t addr)
{
	int i;

	for (i = 0; i < a->nmem; i++)
		if (addr >= a->mem[i].addr &&
		    addr < a->mem[i].addr + (a->mem[i].size ? a->mem[i].size : 1))
			return i;
	return a->nmem > 0 ? 0 : -1;
}

static int
is_stack_overflow(const struct ptc_maps *maps, uint64_t addr, uint64_t sp)
{
	const struct ptc_map *st;

	if (maps == NULL || (st = ptc_maps_module(maps, "[stack]")) == NULL)
		return 0;
	if (ptc_maps_find(maps, addr) != NULL && ptc_maps_find(maps, addr) !=
	    st)
		return 0;
	/* Just below the stack (in the guard gap), with sp next to it. */
	return addr < st->start && st->start - addr <= STACK_SLACK &&
	    sp < st->start + 65536 && sp + 65536 >= addr &&
	    (sp <= addr + 65536);
}

static void
explain_segv(struct ptc_fault *f, const struct ptc_maps *maps,
    const struct ptc__access *a, int decoded, uint64_t sp)
{
	const struct ptc_map *m = maps ? ptc_maps_find(maps, f->addr) : NULL;
	const char *what;
	int i;

	/* The pc itself cannot be fetched: a jump into the void. */
	if (!decoded || f->addr == f->pc) {
		f->kind = PTC_FAULT_EXEC;
		if (m == NULL)
			snprintf(f->reason, sizeof(f->reason), "execution of "
			    "unmapped memory at %#llx",
			    (unsigned long long)f->pc);
		else
			snprintf(f->reason, sizeof(f->reason), "execution of "
			    "non-executable memory at %#llx (mapping %s %s)",
			    (unsigned long long)f->pc, m->perms, mapname(m));
		describe_where(maps, f->pc, f->where, sizeof(f->where));
		return;
	}
	if ((i = pick_access(a, f->addr)) >= 0) {
		f->size = a->mem[i].size;
		f->write = a->mem[i].write;
	}
	what = f->write ? "write" : "read";
	if (is_stack_overflow(maps, f->addr, sp)) {
		f->kind = PTC_FAULT_STACK;
		snprintf(f->reason, sizeof(f->reason), "stack overflow: %s of "
		    "%#llx%s%.0u%s beyond the stack (sp %#llx)", what,
		    (unsigned long long)f->addr, f->size ? " (size " : "",
		    f->size, f->size ? ")" : "", (unsigned long long)sp);
	} else if (f->addr < NULL_LIMIT) {
		f->kind = PTC_FAULT_NULL;
		snprintf(f->reason, sizeof(f->reason), "NULL-pointer %s of "
		    "%#llx%s%.0u%s", what, (unsigned long long)f->addr,
		    f->size ? " (size " : "", f->size, f->size ? ")" : "");
	} else {
		f->kind = f->write ? PTC_FAULT_WRITE : PTC_FAULT_READ;
		snprintf(f->reason, sizeof(f->reason), "invalid %s of "
		    "%#llx%s%.0u%s: %s", what, (unsigned long long)f->addr,
		    f->size ? " (size " : "", f->size, f->size ? ")" : "",
		    m == NULL ? "address not mapped" :
		    f->write && m->perms[1] != 'w' ? "mapping is not writable" :
		    !f->write && m->perms[0] != 'r' ? "mapping is not readable" :
		    "access not permitted");
	}
	describe_where(maps, f->addr, f->where, sizeof(f->where));
}

int
ptc_fault_explain(pid_t pid, const struct ptc_regs *r, const siginfo_t *si,
    struct ptc_fault *f)
{
	unsigned char code[16];
	struct ptc__access a;
	struct ptc_maps *maps;
	ssize_t n;
	int decoded = 0;

	memset(f, 0, sizeof(*f));
	f->sig = si->si_signo;
	f->code = si->si_code;
	f->pc = ptc_regs_pc(r);
	f->addr = (uint64_t)(uintptr_t)si->si_addr;
	switch (f->sig) {
	case SIGSEGV: case SIGBUS: case SIGFPE: case SIGILL: case SIGTRAP:
		break;
	default:
		return ptc_fail(EINVAL, "%s is not a fault signal",
		    strsignal(f->sig));
	}
	memset(&a, 0, sizeof(a));
	n = ptc_mem_read(pid, f->pc, code, sizeof(code), PTC_MEM_AUTO);
	if (n > 0 && ptc_arch_insn_access(code, (size_t)n, f->pc, r, &a) == 0) {
		decoded = 1;
		snprintf(f->insn, sizeof(f->insn), "%s", a.text);
	}
	if (si->si_code <= 0) {
		/* kill(2), tgkill(2), sigqueue(3): si_addr means nothing. */
		f->addr = 0;
		snprintf(f->reason, sizeof(f->reason), "sent by process %d "
		    "(uid %d), not caused by the instruction", (int)si->si_pid,
		    (int)si->si_uid);
		return 0;
	}
	maps = ptc_maps_read(pid);
	switch (f->sig) {
	case SIGSEGV:
		explain_segv(f, maps, &a, decoded, ptc_regs_sp(r));
		break;
	case SIGBUS:
		f->kind = PTC_FAULT_BUS;
		if (decoded && pick_access(&a, f->addr) >= 0)
			f->size = a.mem[pick_access(&a, f->addr)].size;
		snprintf(f->reason, sizeof(f->reason), "bus error at %#llx: %s",
		    (unsigned long long)f->addr,
		    f->code == BUS_ADRALN ? "misaligned address" :
		    f->code == BUS_ADRERR ? "no backing page (beyond the end "
		    "of a mapped file?)" : f->code == BUS_OBJERR ?
		    "hardware error" : "bad access");
		describe_where(maps, f->addr, f->where, sizeof(f->where));
		break;
	case SIGFPE:
		if (f->code == FPE_INTDIV && a.is_div && a.have_divisor &&
		    a.divisor != 0) {
			f->kind = PTC_FAULT_DIVOVF;
			snprintf(f->reason, sizeof(f->reason), "integer division "
			    "overflow: the quotient does not fit (divisor %s = "
			    "%#llx)", a.divisor_name,
			    (unsigned long long)a.divisor);
		} else if (f->code == FPE_INTDIV) {
			f->kind = PTC_FAULT_DIV;
			if (a.have_divisor)
				snprintf(f->reason, sizeof(f->reason),
				    "integer division by zero (divisor %s = 0)",
				    a.divisor_name);
			else
				snprintf(f->reason, sizeof(f->reason),
				    "integer division by zero");
		} else if (f->code == FPE_INTOVF) {
			f->kind = PTC_FAULT_DIVOVF;
			snprintf(f->reason, sizeof(f->reason),
			    "integer overflow");
		} else {
			f->kind = PTC_FAULT_FP;
			snprintf(f->reason, sizeof(f->reason), "floating-point "
			    "exception (%s)", f->code == FPE_FLTDIV ?
			    "division by zero" : f->code == FPE_FLTOVF ?
			    "overflow" : f->code == FPE_FLTUND ? "underflow" :
			    f->code == FPE_FLTINV ? "invalid operation" :
			    f->code == FPE_FLTRES ? "inexact result" :
			    "unknown");
		}
		f->addr = f->pc;
		break;
	case SIGILL:
		f->kind = PTC_FAULT_ILL;
		if (decoded)
			snprintf(f->reason, sizeof(f->reason), "illegal "
			    "instruction: %s", a.text);
		else
			snprintf(f->reason, sizeof(f->reason), "illegal "
			    "instruction (bytes do not decode)");
		f->addr = f->pc;
		break;
	case SIGTRAP:
		f->kind = PTC_FAULT_TRAP;
		snprintf(f->reason, sizeof(f->reason), "trap%s not set by this "
		    "tool", f->code == SI_KERNEL ? " (breakpoint instruction)" :
		    "");
		f->addr = f->pc;
		break;
	}
	ptc_maps_free(maps);
	return 0;
}
