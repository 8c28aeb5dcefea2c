/*
 * bp.c: software breakpoints owned by a session.  The original bytes
 * are kept with each breakpoint and written back on every way out
 * (the session's bp_restore hook runs from ptc_session_free, the atexit
 * cleanup and a second cleanup signal), so a process never keeps a
 * breakpoint instruction after the tool is gone.  Writes go through
 * /proc/PID/mem, which can write read-only text pages and works while
 * the process runs.
 *
 * The public calls are about the session's process.  A run that follows
 * fork children (lib/step.c) also keeps copies: a child's memory holds
 * the breakpoints its parent had when it forked, and those it keeps are
 * recorded again with the child as their owner, so they too are written
 * back on every way out.  A child met before the run could tell what it
 * is (its fork under way when the tool goes) holds copies no record
 * owns: the session scrubs them as it lets the child go (bp_scrub).
 */
#include <elf.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define BP_MAX_LEN 16

struct ptc_bp {
	struct ptc_bp *next;
	pid_t pid;                       /* a task of the memory it is in */
	pid_t owner;                     /* 0: the session's process, or a
					    fork child with a copy */
	uint64_t addr;
	bool live;                       /* breakpoint bytes are written */
	const unsigned char *insn;       /* the instruction written there */
	size_t len;                      /* (ptc_arch_bp_pick) */
	unsigned char orig[BP_MAX_LEN];
};

static struct ptc_bp *
find(const struct ptc_session *s, pid_t owner, uint64_t addr)
{
	struct ptc_bp *b;

	for (b = s->bps; b != NULL; b = b->next)
		if (b->addr == addr && b->owner == owner)
			return b;
	return NULL;
}

/* Write the breakpoint instruction at b. */
static int
arm(struct ptc_bp *b)
{
	if (ptc__mem_patch(b->pid, b->addr, b->insn, b->len) != 0)
		return -1;
	b->live = true;
	return 0;
}

static int
put_back(struct ptc_bp *b)
{
	if (!b->live)
		return 0;
	if (ptc__mem_patch(b->pid, b->addr, b->orig, b->len) != 0)
		return -1;
	b->live = false;
	return 0;
}

/* Free the records of owner (every one if owner is -1). */
static void
forget(struct ptc_session *s, pid_t owner)
{
	struct ptc_bp **pp = &s->bps, *b;

	while ((b = *pp) != NULL)
		if (owner == -1 || b->owner == owner) {
			*pp = b->next;
			free(b);
		} else
			pp = &b->next;
}

/*
 * Only writes, it does not free: it also runs from a signal handler
 * (second cleanup signal) just before _exit, and ptc_session_free()
 * still needs the addresses for threads stopped by a breakpoint.
 */
static void
restore_hook(struct ptc_session *s)
{
	struct ptc_bp *b;

	for (b = s->bps; b != NULL; b = b->next)
		put_back(b);
}

/*
 * The session lets go of task pid of process tgid.  If that process is
 * none the records are about, its memory may yet be a fork child's copy
 * taken while breakpoints were written (a child whose parent's event or
 * own first stop was still to come): each breakpoint instruction found
 * there at one of our addresses gets the original bytes back.  Other
 * bytes are left as they are, so a process with a memory of its own
 * (a vfork child's is its parent's, put back already; a new program's
 * is new) is not written.
 */
static void
scrub_hook(const struct ptc_session *s, pid_t pid, pid_t tgid)
{
	const struct ptc_bp *b;
	unsigned char now[BP_MAX_LEN];

	for (b = s->bps; b != NULL; b = b->next)
		if (b->owner == tgid || (b->owner == 0 && b->pid == tgid))
			return;
	for (b = s->bps; b != NULL; b = b->next)
		if (ptc_mem_read(pid, b->addr, now, b->len,
		    PTC_MEM_PROCFS) == (ssize_t)b->len &&
		    memcmp(now, b->insn, b->len) == 0)
			ptc_mem_write(pid, b->addr, b->orig, b->len,
			    PTC_MEM_PROCFS);
}

int
ptc_bp_insert(struct ptc_session *s, pid_t pid, uint64_t addr)
{
	const struct ptc_map *m;
	struct ptc_maps *maps;
	struct ptc_bp *b;
	int fresh = 0;

	if ((b = find(s, 0, addr)) != NULL && b->live)
		return ptc_fail(EEXIST, "a breakpoint is already set at "
		    "%#llx", (unsigned long long)addr);
	if ((maps = ptc_maps_read(pid)) == NULL)
		return -1;
	m = ptc_maps_find(maps, addr);
	if (m == NULL) {
		ptc_maps_free(maps);
		return ptc_fail(EFAULT, "%#llx is not mapped",
		    (unsigned long long)addr);
	}
	if (m->perms[2] != 'x') {
		int r = ptc_fail(EACCES, "%#llx is not executable (mapping "
		    "%#llx-%#llx %s %s)", (unsigned long long)addr,
		    (unsigned long long)m->start, (unsigned long long)m->end,
		    m->perms, *m->path ? m->path : "[anon]");
		ptc_maps_free(maps);
		return r;
	}
	ptc_maps_free(maps);
	if (b == NULL) {
		if ((b = calloc(1, sizeof(*b))) == NULL)
			return -1;
		fresh = 1;
	}
	b->pid = pid;
	b->addr = addr;
	b->len = ptc_arch_bp_pick(pid, addr, &b->insn);
	if (ptc_mem_read(pid, addr, b->orig, b->len, PTC_MEM_AUTO) !=
	    (ssize_t)b->len || arm(b) != 0)
		goto fail;
	if (fresh) {
		b->next = s->bps;
		s->bps = b;
	}
	s->bp_restore = restore_hook;
	s->bp_scrub = scrub_hook;
	return 0;
fail:
	{
		int e = errno;

		if (fresh)
			free(b);
		return ptc_fail(e, "breakpoint at %#llx: %s",
		    (unsigned long long)addr, ptc_error());
	}
}

int
ptc_bp_remove(struct ptc_session *s, uint64_t addr)
{
	struct ptc_bp *b = find(s, 0, addr);

	if (b == NULL || !b->live)
		return ptc_fail(ENOENT, "no breakpoint at %#llx",
		    (unsigned long long)addr);
	if (put_back(b) != 0)
		return ptc_fail(errno, "restoring %#llx: %s",
		    (unsigned long long)addr, ptc_error());
	return 0;
}

void
ptc_bp_restore_all(struct ptc_session *s)
{
	struct ptc_bp *b;

	for (b = s->bps; b != NULL; b = b->next)
		put_back(b);
	forget(s, -1);
}

void
ptc_bp_forget_all(struct ptc_session *s)
{
	forget(s, -1);
}

size_t
ptc_bp_count(const struct ptc_session *s)
{
	return ptc__bp_count_of(s, 0);
}

size_t
ptc__bp_count_of(const struct ptc_session *s, pid_t owner)
{
	const struct ptc_bp *b;
	size_t n = 0;

	for (b = s->bps; b != NULL; b = b->next)
		n += b->live && b->owner == owner;
	return n;
}

int
ptc_bp_at(const struct ptc_session *s, uint64_t addr)
{
	return ptc__bp_at(s, 0, addr);
}

int
ptc__bp_at(const struct ptc_session *s, pid_t owner, uint64_t addr)
{
	const struct ptc_bp *b = find(s, owner, addr);

	return b != NULL && b->live;
}

/*
 * A single step ends with TRAP_TRACE everywhere (TRAP_HWBKPT from a
 * debug register, and on old aarch64 kernels).  A step over a syscall
 * instruction on a CPU without a report of its own (aarch64) looks like
 * a kill() from nobody, SI_USER, at the syscall's exit: with the pc
 * after it or, when the exception return did not leave the step armed,
 * still on it.  Anything else, such as x86's TRAP_BRKPT at the first
 * instruction after an exec, ran no breakpoint of the CPU's.
 */
enum ptc__trap
ptc__trap_kind(const siginfo_t *si)
{
	if (si->si_code == ptc_arch_bp_si_code)
		return PTC__TRAP_BREAK;
	switch (si->si_code) {
	case TRAP_TRACE:
	case TRAP_HWBKPT:
		return PTC__TRAP_STEP;
	case SI_USER:
		return PTC__TRAP_SYSCALL;
	default:
		return PTC__TRAP_OTHER;
	}
}

/* The owner of the records that task t's memory holds. */
static pid_t
owner_of(const struct ptc_session *s, const struct ptc_task *t)
{
	const struct ptc_bp *b;
	pid_t tgid = ptc_task_tgid(t);

	for (b = s->bps; b != NULL; b = b->next)
		if (b->owner == tgid)
			return tgid;
	return 0;
}

int
ptc_bp_hit(struct ptc_session *s, struct ptc_task *t,
    const struct ptc_event *ev, uint64_t *addr)
{
	return ptc__bp_hit_in(s, owner_of(s, t), t, ev, addr);
}

int
ptc__bp_hit_in(struct ptc_session *s, pid_t owner, struct ptc_task *t,
    const struct ptc_event *ev, uint64_t *addr)
{
	struct ptc_bp *b;
	uint64_t pc;
	enum ptc__trap kind;

	/*
	 * A single-step trap is not a breakpoint, whatever the pc; any
	 * other trap is one of ours if the pc is where the CPU leaves it
	 * after one of our breakpoints.
	 */
	if (ev->type != PTC_EV_STEP)
		return 0;
	kind = ptc__trap_kind(&ev->si);
	if (kind == PTC__TRAP_STEP || kind == PTC__TRAP_SYSCALL)
		return 0;
	if (ptc_pc_read(t, &pc) != 0)
		return -1;
	if ((b = find(s, owner, pc - ptc_arch_bp_pc_adjust)) == NULL)
		return 0;
	if (ptc_arch_bp_pc_adjust != 0 &&
	    ptc_pc_write(t, b->addr) != 0)
		return -1;
	*addr = b->addr;
	return 1;
}

void
ptc_bp_unpatch(const struct ptc_session *s, uint64_t addr, void *buf,
    size_t len)
{
	const struct ptc_bp *b;
	size_t i;

	for (b = s->bps; b != NULL; b = b->next) {
		if (!b->live || b->owner != 0)
			continue;
		for (i = 0; i < b->len; i++)
			if (b->addr + i >= addr && b->addr + i < addr + len)
				((unsigned char *)buf)[b->addr + i - addr] =
				    b->orig[i];
	}
}

int
ptc__bp_fork(struct ptc_session *s, pid_t from, pid_t child,
    const uint64_t *keep, size_t nkeep)
{
	struct ptc_bp *b, *c;
	size_t i;
	int e = 0;

	for (b = s->bps; b != NULL; b = b->next) {
		if (!b->live || b->owner != from)
			continue;
		for (i = 0; i < nkeep && keep[i] != b->addr; i++)
			;
		if (i < nkeep && e == 0 && (c = malloc(sizeof(*c))) != NULL) {
			*c = *b;
			c->pid = c->owner = child;
			c->next = s->bps;
			s->bps = c;
			continue;
		}
		if (i < nkeep && e == 0) {
			/* out of memory: the child gets none of them */
			e = -1;
			ptc__bp_drop(s, child, true);
		}
		ptc_mem_write(child, b->addr, b->orig, b->len,
		    PTC_MEM_PROCFS);
	}
	return e;
}

int
ptc__bp_arm(struct ptc_session *s, pid_t owner, uint64_t addr, bool on)
{
	struct ptc_bp *b = find(s, owner, addr);

	if (b == NULL)
		return ptc_fail(ENOENT, "no breakpoint at %#llx",
		    (unsigned long long)addr);
	if ((on ? b->live || arm(b) == 0 : put_back(b) == 0))
		return 0;
	return ptc_fail(errno, "%s %#llx: %s", on ? "breakpoint at" :
	    "restoring", (unsigned long long)addr, ptc_error());
}

void
ptc__bp_drop(struct ptc_session *s, pid_t owner, bool write)
{
	struct ptc_bp *b;

	for (b = s->bps; write && b != NULL; b = b->next)
		if (b->owner == owner)
			put_back(b);
	forget(s, owner);
}


int
ptc__bp_remove_live(struct ptc_session *s)
{
	struct ptc_bp *b;

	for (b = s->bps; b != NULL; b = b->next)
		if (b->live && b->owner == 0 && ptc_bp_remove(s, b->addr) != 0)
			return -1;
	return 0;
}

int
ptc_exec_entry(pid_t pid, uint64_t *entry)
{
	if (ptc_os_auxv_get(pid, AT_ENTRY, entry) != 0)
		return -1;
	*entry = ptc_arch_code_addr(*entry);
	return 0;
}
