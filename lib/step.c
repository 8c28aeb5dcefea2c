/*
 * step.c: the engines of ptstep.  A run lets a process go at full speed
 * until one of the session's breakpoints is hit (or a fault, an exec,
 * the end), stopping every thread there; fork children keep its logging
 * breakpoints and lose the others.  A stepper runs one task an
 * instruction at a time and sorts out, by the CPU's trap rules
 * (ptc__trap_kind), which stops ran an instruction.
 */
#include <sys/wait.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* ------------------------------------------------------------------ */
/* Running to breakpoints                                              */
/* ------------------------------------------------------------------ */

/* A thread the run has seen stop, and the signal it is to get. */
struct known {
	pid_t tid;
	int sig;
};

/*
 * A child forked while breakpoints are written.  Until both its first
 * stop and its parent's event are seen it waits, stopped; then it is
 * let go with the bytes of the breakpoints back, or kept: a fork child
 * with the logging ones as its own (owner: itself), a vfork child,
 * which shares its parent's memory and breakpoints (owner: the
 * parent's), until it runs a new program or ends.
 */
struct kid {
	pid_t pid;
	pid_t parent;          /* the thread that forked it */
	pid_t from;            /* the owner of the parent's breakpoints */
	bool vfork;
	bool kept;
};

struct ptc_run {
	struct ptc_session *s;
	pid_t pid;
	unsigned flags;
	bool started;
	bool halted;           /* every task stopped for the last event */
	pid_t last_tid;        /* the task of that event */
	enum ptc_run_kind last_kind;
	uint64_t last_addr;
	struct known *known;
	size_t nknown, cknown;
	struct kid *kids;
	size_t nkids, ckids;
	bool main_ended;       /* the process has, its forks run on */
	struct ptc_event end;  /* how it ended */
	uint64_t *logs;        /* logging breakpoints */
	struct ptc_regs *regs; /* for their arguments */
	size_t nlogs, clogs;
};

static int
grow(void **arr, size_t *cap, size_t n, size_t size)
{
	void *p;
	size_t c;

	if (n < *cap)
		return 0;
	c = *cap != 0 ? 2 * *cap : 16;
	if ((p = realloc(*arr, c * size)) == NULL)
		return -1;
	*arr = p;
	*cap = c;
	return 0;
}

static struct known *
known(struct ptc_run *r, pid_t tid)
{
	size_t i;

	for (i = 0; i < r->nknown; i++)
		if (r->known[i].tid == tid)
			return &r->known[i];
	return NULL;
}

static void
add_known(struct ptc_run *r, pid_t tid)
{
	if (known(r, tid) != NULL ||
	    grow((void **)&r->known, &r->cknown, r->nknown,
	    sizeof(*r->known)) != 0)
		return;
	r->known[r->nknown].tid = tid;
	r->known[r->nknown++].sig = 0;
}

static void
forget_known(struct ptc_run *r, pid_t tid)
{
	struct known *k = known(r, tid);

	if (k != NULL)
		*k = r->known[--r->nknown];
}

/* The signal tid is to get when it goes on (and forget it). */
static int
take_sig(struct ptc_run *r, pid_t tid)
{
	struct known *k = known(r, tid);
	int sig = 0;

	if (k != NULL) {
		sig = k->sig;
		k->sig = 0;
	}
	return sig;
}

/* take_sig() for ptc__detach_all(). */
static int
run_sig(void *r, pid_t tid)
{
	return take_sig(r, tid);
}

static void
set_sig(struct ptc_run *r, pid_t tid, int sig)
{
	struct known *k;

	add_known(r, tid);
	if ((k = known(r, tid)) != NULL)
		k->sig = sig;
}

struct ptc_run *
ptc_run_new(struct ptc_session *s, pid_t pid, unsigned flags)
{
	struct ptc_run *r;
	struct ptc_task *t;
	size_t i;

	if ((r = calloc(1, sizeof(*r))) == NULL)
		return NULL;
	r->s = s;
	r->pid = pid;
	r->flags = flags;
	for (i = 0; (t = ptc_session_task_at(s, i)) != NULL; i++)
		add_known(r, ptc_task_pid(t));
	return r;
}

void
ptc_run_free(struct ptc_run *r)
{
	if (r == NULL)
		return;
	free(r->known);
	free(r->kids);
	free(r->logs);
	ptc_regs_free(r->regs);
	free(r);
}

int
ptc_run_log(struct ptc_run *r, uint64_t addr)
{
	if (grow((void **)&r->logs, &r->clogs, r->nlogs,
	    sizeof(*r->logs)) != 0)
		return -1;
	r->logs[r->nlogs++] = addr;
	return 0;
}

/* The registers of task t of the event, NULL if unread. */
static const struct ptc_regs *
task_regs(struct ptc_run *r, struct ptc_task *t)
{
	if ((r->regs == NULL && (r->regs = ptc_regs_new()) == NULL) ||
	    ptc_regs_fetch(r->regs, t, 0) != 0)
		return NULL;
	return r->regs;
}

/* A hit at addr: the kind of event it is (with the arguments of a log). */
static void
hit_at(struct ptc_run *r, struct ptc_run_event *out, uint64_t addr)
{
	size_t i;

	out->addr = r->last_addr = addr;
	for (i = 0; i < r->nlogs && r->logs[i] != addr; i++)
		;
	if (i == r->nlogs)
		return;
	out->kind = r->last_kind = PTC_RUN_LOG;
	if ((out->regs = task_regs(r, out->task)) != NULL)
		ptc_step_call_args(out->tid, out->regs, out->args);
}

static struct kid *
kid(struct ptc_run *r, pid_t pid)
{
	size_t i;

	for (i = 0; i < r->nkids; i++)
		if (r->kids[i].pid == pid)
			return &r->kids[i];
	return NULL;
}

static void
forget_kid(struct ptc_run *r, pid_t pid)
{
	struct kid *k = kid(r, pid);

	if (k != NULL)
		*k = r->kids[--r->nkids];
}

/*
 * The owner of the breakpoints in task t's memory (see struct kid), -1
 * for a fork child still waiting.
 */
static pid_t
owner(struct ptc_run *r, const struct ptc_task *t)
{
	pid_t tgid = ptc_task_tgid(t);
	const struct kid *k;

	if (tgid == r->pid)
		return 0;
	k = kid(r, tgid);
	return k != NULL && k->kept ? (k->vfork ? k->from : k->pid) : -1;
}

/* ptc_bp_hit() in the memory of t. */
static int
bp_hit(struct ptc_run *r, struct ptc_task *t, const struct ptc_event *ev,
    uint64_t *addr)
{
	pid_t o = owner(r, t);

	return ptc__bp_hit_in(r->s, o < 0 ? 0 : o, t, ev, addr);
}

/*
 * A fork child's stop: once its parent's event told what it is, it is
 * let go or kept (struct kid).  Its own first stop may come before or
 * after that event.
 */
static void
release_child(struct ptc_run *r, struct ptc_task *c)
{
	pid_t pid = ptc_task_pid(c);
	struct kid *k = kid(r, pid);

	if (k == NULL)
		return;          /* its parent's event is still to come */
	if (k->vfork)
		k->kept = ptc__bp_count_of(r->s, k->from) != 0;
	else if (r->nlogs != 0)
		k->kept = ptc__bp_fork(r->s, k->from, pid, r->logs,
		    r->nlogs) == 0 && ptc__bp_count_of(r->s, pid) != 0;
	else
		ptc__bp_fork(r->s, k->from, pid, NULL, 0);
	if (!k->kept) {
		forget_kid(r, pid);
		ptc_detach(r->s, c, 0);
		return;
	}
	add_known(r, pid);
	if (!r->halted)
		ptc_resume(c, PTC_RESUME_CONT, 0);
}

/* The event of a fork in task t. */
static void
new_child(struct ptc_run *r, struct ptc_task *t, const struct ptc_event *ev)
{
	struct ptc_task *c;
	pid_t o = owner(r, t);

	if (grow((void **)&r->kids, &r->ckids, r->nkids,
	    sizeof(*r->kids)) == 0) {
		r->kids[r->nkids].pid = ev->new_pid;
		r->kids[r->nkids].parent = ptc_task_pid(t);
		r->kids[r->nkids].from = o < 0 ? 0 : o;
		r->kids[r->nkids].kept = false;
		r->kids[r->nkids++].vfork = ev->type == PTC_EV_VFORK;
	}
	c = ptc_session_task(r->s, ev->new_pid);
	if (c != NULL && ptc_task_stopped(c))
		release_child(r, c);
}

/*
 * Whether thread tid waits for a vfork child of ours to run a new
 * program or end: until then it cannot stop, nor run.
 */
static bool
in_vfork(struct ptc_run *r, pid_t tid)
{
	size_t i;

	for (i = 0; i < r->nkids; i++)
		if (r->kids[i].vfork && r->kids[i].parent == tid)
			return true;
	return false;
}

/* A child kept ran a new program, without breakpoints: it is let go. */
static void
child_exec(struct ptc_run *r, struct ptc_task *t)
{
	struct kid *k = kid(r, ptc_task_tgid(t));

	if (k != NULL && !k->vfork)
		ptc__bp_drop(r->s, k->pid, false);
	if (k != NULL)
		forget_kid(r, k->pid);
	forget_known(r, ptc_task_pid(t));
	ptc_detach(r->s, t, 0);
}

static int
is_fault(int sig)
{
	return sig == SIGSEGV || sig == SIGBUS || sig == SIGFPE ||
	    sig == SIGILL;
}

/* The end of the process, as a run tells it. */
static void
end_event(const struct ptc_event *ev, struct ptc_run_event *out)
{
	memset(out, 0, sizeof(*out));
	out->kind = ev->type == PTC_EV_EXITED ? PTC_RUN_EXITED :
	    PTC_RUN_KILLED;
	out->tid = ev->pid;
	out->status = ev->status;
	out->sig = ev->sig;
	out->core = ev->core;
}

/*
 * Stop every task but hit.  One that hit a breakpoint just now has its
 * pc put back, so it meets it again when it goes on; a signal that
 * stopped one is kept for it.
 */
static void
halt(struct ptc_run *r, struct ptc_task *hit)
{
	struct ptc_task *t;
	struct ptc_event ev;
	uint64_t addr;
	size_t i = 0;
	pid_t tid;

	while ((t = ptc_session_task_at(r->s, i)) != NULL) {
		i++;
		tid = ptc_task_pid(t);
		if (t == hit || ptc_task_stopped(t) || in_vfork(r, tid))
			continue;
		ptc_interrupt(t);
		if (ptc_wait_task(r->s, t, &ev) == 0 &&
		    (t = ptc_session_task(r->s, tid)) != NULL) {
			if (ev.type == PTC_EV_STEP)
				bp_hit(r, t, &ev, &addr);
			else if (ev.type == PTC_EV_SIGNAL)
				set_sig(r, tid, ev.sig);
			else if (ev.type == PTC_EV_FORK ||
			    ev.type == PTC_EV_VFORK)
				new_child(r, t, &ev);
		}
		if (ptc_session_task(r->s, tid) == NULL)
			i--;     /* it exited and left the list */
	}
	r->halted = true;
}

/*
 * The end of the run (1): the process has ended, and the fork children
 * it kept have too; or of a thread or child (0).
 */
static int
ended(struct ptc_run *r, const struct ptc_event *ev,
    struct ptc_run_event *out)
{
	struct kid *k;

	forget_known(r, ev->pid);
	if (ev->pid == r->pid) {
		r->main_ended = true;
		r->end = *ev;
	} else if ((k = kid(r, ev->pid)) != NULL) {
		if (!k->vfork)
			ptc__bp_drop(r->s, k->pid, false);
		forget_kid(r, ev->pid);
	}
	if (ptc_session_ntasks(r->s) != 0)
		return 0;
	end_event(r->main_ended ? &r->end : ev, out);
	r->halted = false;
	return 1;
}

/*
 * Move the task of the last hit past its breakpoint: the original
 * instruction runs once with the breakpoint out, then it is written
 * again.  The other tasks are stopped meanwhile, so none misses it.
 */
static int
step_over(struct ptc_run *r, struct ptc_task *t, struct ptc_run_event *out)
{
	struct ptc_event ev;
	uint64_t pc;
	pid_t tid = ptc_task_pid(t), o = owner(r, t);
	bool again = true, gone = false;

	if (o < 0 || !ptc__bp_at(r->s, o, r->last_addr) ||
	    ptc_pc_read(t, &pc) != 0 || pc != r->last_addr)
		return 0;
	if (ptc__bp_arm(r->s, o, r->last_addr, false) != 0)
		return -1;
	for (;;) {
		if (ptc_resume(t, PTC_RESUME_STEP, 0) != 0 ||
		    ptc_wait_task(r->s, t, &ev) != 0)
			return -1;
		if ((ev.type == PTC_EV_EXITED || ev.type == PTC_EV_KILLED) &&
		    ended(r, &ev, out))
			return 1;
		if ((gone = ev.type == PTC_EV_EXITED ||
		    ev.type == PTC_EV_KILLED))
			break;   /* only the thread is gone, or a child */
		if (ev.type == PTC_EV_SIGNAL)
			set_sig(r, tid, ev.sig);
		else if (ev.type == PTC_EV_FORK || ev.type == PTC_EV_VFORK)
			new_child(r, t, &ev);
		/*
		 * The first step after the stop at the end of an exec runs
		 * no instruction: one more, unless the instruction jumps
		 * to itself.
		 */
		else if (ev.type == PTC_EV_STEP && (!again ||
		    ptc_pc_read(t, &pc) != 0 || pc != r->last_addr))
			break;
		else if (ev.type == PTC_EV_STEP)
			again = false;
	}
	/* with the memory of a process gone, there is none to write */
	return ptc__bp_arm(r->s, o, r->last_addr, true) != 0 && !gone ? -1 :
	    0;
}

/* Go on from the last event: every stopped task runs again. */
static int
go_on(struct ptc_run *r, struct ptc_run_event *out)
{
	struct ptc_task *t;
	size_t i;
	int e;

	if (r->halted && (r->last_kind == PTC_RUN_BREAK ||
	    r->last_kind == PTC_RUN_LOG) &&
	    (t = ptc_session_task(r->s, r->last_tid)) != NULL &&
	    (e = step_over(r, t, out)) != 0)
		return e;
	r->halted = false;
	/* A thread that has just exited reports it to the wait. */
	for (i = 0; (t = ptc_session_task_at(r->s, i)) != NULL; i++)
		if ((!r->started || ptc_task_stopped(t)) && owner(r, t) >= 0)
			ptc_resume(t, PTC_RESUME_CONT,
			    take_sig(r, ptc_task_pid(t)));
	r->started = true;
	return 0;
}

static void
stopped_at(struct ptc_run *r, struct ptc_run_event *out,
    enum ptc_run_kind kind, struct ptc_task *t, const struct ptc_event *ev)
{
	memset(out, 0, sizeof(*out));
	out->kind = kind;
	out->task = t;
	out->tid = ptc_task_pid(t);
	if (ev != NULL && kind == PTC_RUN_FAULT) {
		out->sig = ev->sig;
		out->si = ev->si;
		out->regs = task_regs(r, t);
		set_sig(r, out->tid, ev->sig);
	}
	if (kind != PTC_RUN_EXEC)
		halt(r, t);
	r->last_tid = out->tid;
	r->last_kind = kind;
}

/* A task stopped on a breakpoint before the run begins: it is a hit. */
static struct ptc_task *
at_breakpoint(struct ptc_run *r, uint64_t *addr)
{
	struct ptc_task *t;
	size_t i;

	for (i = 0; (t = ptc_session_task_at(r->s, i)) != NULL; i++)
		if (ptc_task_tgid(t) == r->pid && ptc_task_stopped(t) &&
		    ptc_pc_read(t, addr) == 0 && ptc_bp_at(r->s, *addr))
			return t;
	return NULL;
}

/*
 * Wait for the next event of the run: 0 with it in out, -1 on error, 1
 * after a hit to pass over silently (a vfork child at a breakpoint of
 * its parent's that does not log).
 */
static int
next_event(struct ptc_run *r, struct ptc_run_event *out)
{
	struct ptc_task *t;
	struct ptc_event ev;
	uint64_t addr = 0;
	int h;

	for (;;) {
		if (ptc_wait(r->s, &ev) != 0)
			return -1;
		t = ev.task;
		/* A process we do not trace (already let go). */
		if (t == NULL && (ev.type == PTC_EV_UNKNOWN_DETACHED ||
		    ev.type == PTC_EV_UNKNOWN_EXITED))
			continue;
		if (t != NULL && ev.type != PTC_EV_EXITED &&
		    ev.type != PTC_EV_KILLED && owner(r, t) < 0) {
			/* A fork child's first stop. */
			release_child(r, t);
			continue;
		}
		if (t != NULL && known(r, ptc_task_pid(t)) == NULL) {
			/* A new thread's first stop: let it run. */
			add_known(r, ptc_task_pid(t));
			if (ev.type == PTC_EV_STEP &&
			    bp_hit(r, t, &ev, &addr) == 1)
				break;
			ptc_resume(t, PTC_RESUME_CONT, 0);
			continue;
		}
		switch (ev.type) {
		case PTC_EV_FORK:
		case PTC_EV_VFORK:
			new_child(r, t, &ev);
			ptc_resume(t, PTC_RESUME_CONT, 0);
			continue;
		case PTC_EV_EXITED:
		case PTC_EV_KILLED:
			if (ended(r, &ev, out))
				return 0;
			continue;
		case PTC_EV_STEP:
			if ((h = bp_hit(r, t, &ev, &addr)) < 0)
				return -1;
			if (h == 1)
				break;
			if ((r->flags & PTC_RUN_FAULTS) &&
			    ptc_task_tgid(t) == r->pid) {
				stopped_at(r, out, PTC_RUN_FAULT, t, &ev);
				return 0;
			}
			ptc_resume(t, PTC_RESUME_CONT, ev.sig);
			continue;
		case PTC_EV_SIGNAL:
			if ((r->flags & PTC_RUN_FAULTS) &&
			    ptc_task_tgid(t) == r->pid && (is_fault(ev.sig) ||
			    ev.sig == SIGABRT || ev.sig == SIGSYS)) {
				stopped_at(r, out, PTC_RUN_FAULT, t, &ev);
				return 0;
			}
			ptc_resume(t, PTC_RESUME_CONT, ev.sig);
			continue;
		case PTC_EV_GROUP_STOP:
			ptc_resume(t, PTC_RESUME_LISTEN, 0);
			continue;
		case PTC_EV_EXEC:
			if (ptc_task_tgid(t) != r->pid) {
				child_exec(r, t);
				continue;
			}
			/* The new program has none of our breakpoints. */
			ptc__bp_drop(r->s, 0, false);
			stopped_at(r, out, PTC_RUN_EXEC, t, &ev);
			return 0;
		default:
			if (t != NULL)
				ptc_resume(t, PTC_RESUME_CONT, 0);
			continue;
		}
		break;
	}
	stopped_at(r, out, PTC_RUN_BREAK, t, &ev);
	hit_at(r, out, addr);
	return out->kind == PTC_RUN_BREAK && ptc_task_tgid(t) != r->pid ? 1 :
	    0;
}

int
ptc_run_next(struct ptc_run *r, struct ptc_run_event *out)
{
	struct ptc_task *t;
	uint64_t addr = 0;
	int h;

	if (!r->started && (t = at_breakpoint(r, &addr)) != NULL) {
		r->started = true;
		stopped_at(r, out, PTC_RUN_BREAK, t, NULL);
		hit_at(r, out, addr);
		out->at_start = 1;
		return 0;
	}
	do {
		if ((h = go_on(r, out)) != 0)
			return h < 0 ? -1 : 0;
	} while ((h = next_event(r, out)) == 1);
	return h;
}

int
ptc_run_release(struct ptc_run *r, struct ptc_task *keep)
{
	size_t i;

	/*
	 * Kept fork children's own breakpoints; the copies of a child still
	 * waiting go when it is let go (the session's bp_scrub).
	 */
	for (i = 0; i < r->nkids; i++)
		if (r->kids[i].kept && !r->kids[i].vfork)
			ptc__bp_drop(r->s, r->kids[i].pid, true);
	if (ptc__bp_remove_live(r->s) != 0)
		return -1;
	ptc__detach_all(r->s, keep, run_sig, r);
	r->halted = false;
	return 0;
}

/* ptc_fail() with the detail of the last failure behind a prefix. */
static int
fail_in(const char *what)
{
	char why[512];
	int e = errno;

	snprintf(why, sizeof(why), "%s", ptc_error());
	return ptc_fail(e, "%s: %s", what, why);
}

static int to_entry(struct ptc_session *s, struct ptc_task **tp,
    struct ptc_run_event *out);

int
ptc_run_spawn(struct ptc_session *s, char *const argv[], unsigned flags,
    struct ptc_task **tp, struct ptc_run_event *out)
{
	struct ptc_task *t;
	struct ptc_event ev;
	char what[32];

	*tp = NULL;
	memset(out, 0, sizeof(*out));
	if (ptc_spawn(s, argv, NULL, &t) != 0)
		return -1;
	out->tid = ptc_task_pid(t);
	snprintf(what, sizeof(what), "process %d", (int)out->tid);
	if (ptc_resume(t, PTC_RESUME_CONT, 0) != 0)
		return fail_in(what);
	for (;;) {
		if (ptc_wait_task(s, t, &ev) != 0)
			return fail_in(argv[0]);
		if (ev.type == PTC_EV_EXEC) {
			memset(out, 0, sizeof(*out));
			out->kind = PTC_RUN_EXEC;
			out->task = *tp = t;
			out->tid = ptc_task_pid(t);
			return flags & PTC_RUN_ENTRY ? to_entry(s, tp, out) : 0;
		}
		if (ev.type == PTC_EV_EXITED || ev.type == PTC_EV_KILLED) {
			end_event(&ev, out);
			return 0;
		}
		ptc_resume(t, PTC_RESUME_CONT, ev.type == PTC_EV_SIGNAL ?
		    ev.sig : 0);
	}
}

/*
 * On from the end of the exec to the program's entry point (AT_ENTRY),
 * where its libraries are loaded and none of its own code has run,
 * through a breakpoint that is forgotten afterwards.
 */
static int
to_entry(struct ptc_session *s, struct ptc_task **tp,
    struct ptc_run_event *out)
{
	struct ptc_task *t = *tp;
	struct ptc_run *r;
	uint64_t entry, pc;
	pid_t pid = ptc_task_tgid(t);
	char what[64];
	int e;

	snprintf(what, sizeof(what), "process %d", (int)pid);
	if (ptc_exec_entry(pid, &entry) != 0 || ptc_pc_read(t, &pc) != 0)
		return fail_in(what);
	memset(out, 0, sizeof(*out));
	out->kind = PTC_RUN_BREAK;
	out->task = t;
	out->tid = ptc_task_pid(t);
	out->addr = entry;
	if ((out->at_start = pc == entry))
		return 0;
	snprintf(what, sizeof(what), "process %d: entry %#llx", (int)pid,
	    (unsigned long long)entry);
	if (ptc_bp_insert(s, pid, entry) != 0)
		return fail_in(what);
	if ((r = ptc_run_new(s, pid, 0)) == NULL)
		return -1;
	snprintf(what, sizeof(what), "process %d", (int)pid);
	e = ptc_run_next(r, out);
	if (e == 0 && out->kind == PTC_RUN_EXEC)
		e = ptc_fail(ENOEXEC, "process %d: executed a new program "
		    "before reaching a breakpoint", (int)pid);
	else if (e == 0 && out->kind == PTC_RUN_BREAK)
		e = ptc_run_release(r, out->task);
	if (e != 0 && errno != ENOEXEC)
		fail_in(what);
	ptc_run_free(r);
	/* Not a breakpoint of the caller's: ptc_bp_hit must not know it. */
	ptc_bp_forget_all(s);
	*tp = e == 0 ? out->task : NULL;
	return e;
}

/* ------------------------------------------------------------------ */
/* Single steps                                                        */
/* ------------------------------------------------------------------ */

struct ptc_step {
	struct ptc_session *s;
	struct ptc_task *t;
	struct ptc_target *target;
	struct ptc_dis *dis;
	struct ptc_regs *cur, *nxt;
	bool after_exec;      /* the first step reports the end of an exec */
	bool after_report;    /* the last stop was a syscall's report */
	bool skip;            /* move cur's pc past a trap instruction */
	bool refresh;         /* read the target's mappings again */
	int sig;              /* to deliver at the next step */
	/* the instruction at cur's pc, once read */
	bool peeked;
	ssize_t got;
	struct ptc_insn in;
	/*
	 * Code of mappings that are not writable is read a page at a
	 * time and kept (a step then costs one read less); code in
	 * writable mappings is read every time, as it may change.
	 */
	uint64_t cache_page;
	uint8_t cache[4096];
	struct ptc_scdec *dec;  /* for ptc_step_syscall(), once asked */
	/* ptc_step_source(): the debug information, and the last line */
	struct ptc_dwarf *dwarf;
	const struct ptc_maps *dwarf_maps; /* the mappings it was read at */
	char *src_file;
	int src_line;
};

struct ptc_step *
ptc_step_new(struct ptc_session *s, struct ptc_task *t,
    struct ptc_target *target, unsigned flags)
{
	struct ptc_step *st;

	if ((st = calloc(1, sizeof(*st))) == NULL)
		return NULL;
	st->s = s;
	st->t = t;
	st->target = target;
	st->after_exec = (flags & PTC_STEP_AFTER_EXEC) != 0;
	st->cache_page = UINT64_MAX;
	if ((st->dis = ptc_dis_open(NULL, 0)) == NULL ||
	    (st->cur = ptc_regs_new()) == NULL ||
	    (st->nxt = ptc_regs_new()) == NULL ||
	    ptc_regs_fetch(st->cur, t, 0) != 0) {
		int e = errno;

		ptc_step_free(st);
		errno = e;
		return NULL;
	}
	return st;
}

void
ptc_step_free(struct ptc_step *st)
{
	if (st == NULL)
		return;
	ptc_dis_close(st->dis);
	ptc_scdec_free(st->dec);
	ptc_dwarf_free(st->dwarf);
	free(st->src_file);
	ptc_regs_free(st->cur);
	ptc_regs_free(st->nxt);
	free(st);
}

int
ptc_step_signal(const struct ptc_step *st)
{
	return st->sig;
}

/*
 * What the last step left to do once its event was seen: the mappings
 * of a new program are read (the caller may still name the exec's
 * instruction by the old ones), and the pc of a trap instruction that
 * leaves it on itself moves past it.
 */
static int
settle(struct ptc_step *st)
{
	if (st->refresh && st->target != NULL)
		ptc_target_refresh(st->target);
	st->refresh = false;
	if (!st->skip)
		return 0;
	st->skip = false;
	if (ptc_regs_set(st->cur, ptc_regs_pc_name(st->cur),
	    ptc_regs_pc(st->cur) + st->in.size) != 0 ||
	    ptc_regs_store(st->cur, st->t) != 0)
		return -1;
	st->peeked = false;
	return 0;
}

const struct ptc_regs *
ptc_step_regs(struct ptc_step *st)
{
	settle(st);
	return st->cur;
}

static ssize_t
read_code(struct ptc_step *st, uint64_t pc, uint8_t *buf, size_t len)
{
	const struct ptc_map *m = NULL;
	pid_t tid = ptc_task_pid(st->t);
	uint64_t page = pc & ~(uint64_t)4095;

	if (page != st->cache_page) {
		if (st->target != NULL)
			m = ptc_maps_find(ptc_target_maps(st->target), pc);
		if (m == NULL || m->perms[1] == 'w' || m->end < page + 4096 ||
		    ptc_mem_read(tid, page, st->cache, sizeof(st->cache),
		    PTC_MEM_AUTO) != (ssize_t)sizeof(st->cache))
			return ptc_mem_read(tid, pc, buf, len, PTC_MEM_AUTO);
		st->cache_page = page;
	}
	if (pc + len > page + sizeof(st->cache))
		return ptc_mem_read(tid, pc, buf, len, PTC_MEM_AUTO);
	memcpy(buf, st->cache + (pc - page), len);
	return (ssize_t)len;
}

int
ptc_step_peek(struct ptc_step *st, struct ptc_insn *in, int *is_syscall)
{
	uint8_t code[PTC_INSN_MAX];
	struct ptc_dis *d;
	uint64_t pc;

	if (settle(st) != 0)
		return -1;
	if (!st->peeked) {
		pc = ptc_regs_pc(st->cur);
		/* Code is read in the mode of the task: 32-bit or not. */
		if (strcmp(ptc_dis_arch(st->dis), ptc_regs_arch(st->cur)) != 0 &&
		    (d = ptc_dis_open(ptc_regs_arch(st->cur), 0)) != NULL) {
			ptc_dis_close(st->dis);
			st->dis = d;
		}
		st->got = read_code(st, pc, code, sizeof(code));
		memset(&st->in, 0, sizeof(st->in));
		if (st->got > 0) {
			ptc_bp_unpatch(st->s, pc, code, (size_t)st->got);
			ptc_dis_one(st->dis, code, (size_t)st->got, pc,
			    &st->in);
		}
		st->peeked = true;
	}
	if (in != NULL)
		*in = st->in;
	if (is_syscall != NULL)
		*is_syscall = st->got > 0 &&
		    ptc_insn_is_syscall(st->dis, &st->in);
	return st->got > 0 ? 0 : -1;
}

static void
swap(struct ptc_step *st)
{
	struct ptc_regs *tmp = st->cur;

	st->cur = st->nxt;
	st->nxt = tmp;
	st->peeked = false;
}

/* A step trap: which kind of step it was. */
static int
step_trap(struct ptc_step *st, const struct ptc_event *e, bool delivering,
    struct ptc_step_event *ev)
{
	enum ptc__trap kind = ptc__trap_kind(&e->si);
	bool same;

	if (ptc_regs_fetch(st->nxt, st->t, 0) != 0)
		return -1;
	same = ptc_regs_pc(st->nxt) == ev->pc;
	ev->after = st->nxt;
	ev->si = e->si;
	if (!delivering && kind == PTC__TRAP_BREAK &&
	    (ptc_arch_bp_pc_adjust != 0 || (same && st->got > 0 &&
	    ptc_insn_is_breakpoint(st->dis, &st->in)))) {
		/*
		 * A trap instruction of the program itself: int3 leaves
		 * the pc past it, brk on it, and then the task is moved
		 * past it, as it runs on after int3.
		 */
		ev->kind = PTC_STEP_TRAP;
		ev->sig = e->sig;
		st->skip = same && st->got > 0;
	} else if (!delivering && !(same && (st->after_exec ||
	    st->after_report || kind != PTC__TRAP_STEP))) {
		ev->kind = PTC_STEP_INSN;
	} else {
		/*
		 * Entering a signal handler runs no instruction, nor do
		 * the traps at the end of a syscall that leave the pc
		 * where it was: after an exec, at the new program's first
		 * instruction, and the step trap that follows such a
		 * report when the exception return did not leave the step
		 * armed (aarch64).
		 */
		ev->kind = PTC_STEP_NONE;
	}
	ev->ran = ev->kind != PTC_STEP_NONE;
	st->after_exec = false;
	st->after_report = kind == PTC__TRAP_SYSCALL;
	swap(st);
	return 0;
}

/* The process ended: exited with status, or killed by sig (core). */
static void
step_end(struct ptc_step_event *ev, bool exited, int status, int sig,
    int core)
{
	ev->kind = exited ? PTC_STEP_EXITED : PTC_STEP_KILLED;
	ev->status = status;
	ev->sig = sig;
	ev->core = core;
}

/* The task runs a new program: its mappings and code are read again. */
static void
step_exec(struct ptc_step *st, struct ptc_step_event *ev)
{
	ev->kind = PTC_STEP_EXEC;
	st->refresh = true;
	st->cache_page = UINT64_MAX;
	ptc_dwarf_free(st->dwarf);
	st->dwarf = NULL;
	st->after_exec = true;
	st->peeked = false;
}

/* What the stop e after a step says, into ev. */
static int
step_event(struct ptc_step *st, const struct ptc_event *e, bool delivering,
    struct ptc_step_event *ev)
{
	struct ptc_task *c;

	switch (e->type) {
	case PTC_EV_STEP:
		return step_trap(st, e, delivering, ev);
	case PTC_EV_SIGNAL:
		if (ptc_regs_fetch(st->nxt, st->t, 0) != 0)
			return -1;
		ev->kind = PTC_STEP_SIGNAL;
		ev->after = st->nxt;
		ev->sig = st->sig = e->sig;
		ev->si = e->si;
		ev->fault = (is_fault(e->sig) || e->sig == SIGTRAP) &&
		    ptc_regs_pc(st->nxt) == ev->pc;
		/*
		 * A step by breakpoints (arm) cannot put one where a jump
		 * goes into unmapped memory: the instruction ran, and the
		 * fetch at its destination faulted, with no stop between.
		 * A kernel step tells the two apart; here they come as one
		 * fault whose address is the new pc.
		 */
		if (!ev->fault && is_fault(e->sig) && e->si.si_code > 0 &&
		    ptc_regs_pc(st->nxt) != ev->pc &&
		    (uint64_t)(uintptr_t)e->si.si_addr ==
		    ptc_regs_pc(st->nxt))
			ev->ran = ev->fault = 1;
		swap(st);
		return 0;
	case PTC_EV_EXITED:
	case PTC_EV_KILLED:
		step_end(ev, e->type == PTC_EV_EXITED, e->status, e->sig,
		    e->core);
		return 0;
	case PTC_EV_EXEC:
		step_exec(st, ev);
		return ptc_regs_fetch(st->cur, st->t, 0);
	case PTC_EV_FORK:
	case PTC_EV_VFORK:
	case PTC_EV_CLONE:
		/* Only the stepped thread is followed. */
		ev->kind = PTC_STEP_NONE;
		if ((c = ptc_session_task(st->s, e->new_pid)) != NULL)
			ptc_detach(st->s, c, 0);
		return 0;
	case PTC_EV_GROUP_STOP:
		ev->kind = PTC_STEP_STOPPED;
		ev->sig = e->sig;
		return 0;
	default:
		ev->kind = PTC_STEP_NONE;
		st->peeked = false;
		return ptc_regs_fetch(st->cur, st->t, 0);
	}
}

int
ptc_step_one(struct ptc_step *st, struct ptc_step_event *ev)
{
	struct ptc_event e;
	bool delivering;
	int r;

	if (settle(st) != 0)
		return -1;
	ptc_step_peek(st, NULL, NULL);
	memset(ev, 0, sizeof(*ev));
	ev->pc = ptc_regs_pc(st->cur);
	ev->insn = st->in;
	ev->before = st->cur;
	if (ptc_resume(st->t, PTC_RESUME_STEP, st->sig) != 0)
		return -1;
	delivering = st->sig != 0;
	st->sig = 0;
	if (ptc_wait_task(st->s, st->t, &e) != 0)
		return -1;
	r = step_event(st, &e, delivering, ev);
	/*
	 * The instruction is told of when it ran, faulted, made the exec
	 * or ended the process (the exit; not when a signal killed it).
	 */
	if (!(ev->ran || ev->fault || ev->kind == PTC_STEP_EXEC ||
	    ((ev->kind == PTC_STEP_EXITED || ev->kind == PTC_STEP_KILLED) &&
	    !delivering)))
		memset(&ev->insn, 0, sizeof(ev->insn));
	return r;
}

char *
ptc_step_syscall(struct ptc_step *st, uint64_t *nr)
{
	struct ptc_scinfo si = { .op = PTC_SC_ENTRY };
	struct ptc_fmt f = { .strsize = 32 };
	char *text = NULL, *more;
	size_t len = 0;
	FILE *fp;
	int sc;

	if (ptc_step_peek(st, NULL, &sc) != 0 || !sc ||
	    ptc_regs_syscall_args(st->cur, &si.nr, si.args, &si.arch) != 0 ||
	    (st->dec == NULL && (st->dec = ptc_scdec_new()) == NULL) ||
	    (fp = open_memstream(&text, &len)) == NULL)
		return NULL;
	si.pc = ptc_regs_pc(st->cur);
	si.sp = ptc_regs_sp(st->cur);
	ptc_sc_enter(st->dec, fp, ptc_task_pid(st->t), &si, &f);
	if (fclose(fp) != 0) {
		free(text);
		return NULL;
	}
	/* Arguments only known at exit are left out: "read(0, ...". */
	len = strlen(text);
	if (len >= 2 && strcmp(text + len - 2, ", ") == 0) {
		if ((more = realloc(text, len + 4)) == NULL) {
			free(text);
			return NULL;
		}
		text = strcat(more, "...");
	}
	*nr = si.nr;
	return text;
}

const struct ptc_reginfo *
ptc_step_changed(const struct ptc_step_event *ev, size_t *i, uint64_t *val)
{
	const struct ptc_reginfo *ri;
	const char *pc = ptc_regs_pc_name(ev->after);
	uint64_t va;

	while ((ri = ptc_regs_reg_at(ev->after, (*i)++)) != NULL)
		if (ri->kind == PTC_REG_GENERAL && strcmp(ri->name, pc) != 0 &&
		    ptc_regs_get(ev->before, ri->name, &va) == 0 &&
		    ptc_regs_get(ev->after, ri->name, val) == 0 && va != *val)
			return ri;
	return NULL;
}

int
ptc_step_where(struct ptc_target *target, uint64_t addr, char *buf,
    size_t len)
{
	char sym[256], mod[256];
	struct ptc_syms *ss = ptc_target_syms(target);
	int r = -1;

	if (ss != NULL)
		r = ptc_syms_describe(ss, addr, sym, sizeof(sym), mod,
		    sizeof(mod));
	/* Libraries loaded since the mappings were read: read them again. */
	if (r != 0 && ptc_maps_find(ptc_target_maps(target), addr) == NULL &&
	    ptc_target_refresh(target) == 0 &&
	    (ss = ptc_target_syms(target)) != NULL)
		r = ptc_syms_describe(ss, addr, sym, sizeof(sym), mod,
		    sizeof(mod));
	snprintf(buf, len, "%s", r != 0 ? "?" : sym[0] != '\0' ? sym : mod);
	return r != 0 ? -1 : 0;
}

int
ptc_step_source(struct ptc_step *st, uint64_t addr, const char **file,
    int *line)
{
	struct ptc_srcloc loc;
	const struct ptc_maps *m;
	int n;

	if (st->dwarf == NULL && st->target != NULL) {
		st->dwarf = ptc_dwarf_new(ptc_target_pid(st->target));
		st->dwarf_maps = ptc_target_maps(st->target);
	}
	if (st->dwarf == NULL)
		return 0;
	n = ptc_dwarf_srcline(st->dwarf, addr, &loc, 1);
	/* A library loaded since the modules were read (the target's
	 * mappings, read again when ptc_step_where() did not find addr,
	 * tell): read them again. */
	if (n < 0 && (m = ptc_target_maps(st->target)) != st->dwarf_maps &&
	    ptc_dwarf_refresh(st->dwarf) == 0) {
		st->dwarf_maps = m;
		n = ptc_dwarf_srcline(st->dwarf, addr, &loc, 1);
	}
	if (n <= 0 || loc.file == NULL || loc.line <= 0) {
		free(st->src_file);
		st->src_file = NULL;
		return 0;
	}
	*file = loc.file;
	*line = loc.line;
	if (st->src_file != NULL && st->src_line == loc.line &&
	    strcmp(st->src_file, loc.file) == 0)
		return 1;
	free(st->src_file);
	st->src_file = strdup(loc.file);
	st->src_line = loc.line;
	return 2;
}

int
ptc_run_eval(struct ptc_target *target, const char *const *exprs, size_t n,
    uint64_t *addrs)
{
	unsigned char code[8];
	size_t i, j;

	for (i = 0; i < n; i++) {
		if (ptc_addr_eval(target, exprs[i], &addrs[i]) != 0) {
			char what[300];

			snprintf(what, sizeof(what), "breakpoint %s", exprs[i]);
			return fail_in(what);
		}
		if (ptc_mem_read(ptc_target_pid(target), addrs[i], code,
		    sizeof(code), PTC_MEM_AUTO) == (ssize_t)sizeof(code))
			addrs[i] = ptc_arch_bp_entry(code, sizeof(code),
			    addrs[i]);
		for (j = 0; j < i; j++)
			if (addrs[j] == addrs[i])
				return ptc_fail(EINVAL, "breakpoint %s: same "
				    "address as %s (%#llx)", exprs[i],
				    exprs[j], (unsigned long long)addrs[i]);
	}
	return 0;
}

int
ptc_run_end(struct ptc_session *s, pid_t pid, int spawned, int kill_it)
{
	int status;

	if (kill_it && spawned) {
		/* Killed while traced, so it runs no further. */
		ptc_session_kill(s);
		return 128 + SIGKILL;
	}
	ptc_session_free(s);
	if (kill_it) {
		kill(pid, SIGKILL);
		return 128 + SIGKILL;
	}
	if (!spawned)
		return 0;
	/* Detached, it runs to its normal end. */
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : 1;
}

/* The calling convention of the code r runs, or NULL. */
static const struct ptc__arch_code *
code_of(const struct ptc_regs *r)
{
	uint64_t nr;
	uint32_t a = 0;
	size_t i;

	ptc_regs_syscall(r, &nr, &a);
	for (i = 0; ptc_arch_code[i] != NULL; i++)
		if (ptc_arch_code[i]->audit == a)
			return ptc_arch_code[i];
	return NULL;
}

int
ptc_step_call_args(pid_t tid, const struct ptc_regs *r, uint64_t args[6])
{
	const struct ptc__arch_code *c = code_of(r);
	unsigned w = ptc_regs_ptrsize(r);
	uint8_t stack[6 * 8];
	uint32_t v32;
	size_t i, k, at;

	memset(args, 0, 6 * sizeof(args[0]));
	if (c == NULL)
		return ptc_fail(ENOTSUP, "no calling convention known");
	for (k = 0; k < 6 && c->call[k] != NULL; k++)
		if (ptc_regs_get(r, c->call[k], &args[k]) != 0)
			return -1;
	if (k == 6)
		return 0;
	/*
	 * The rest on the stack: above the return address where the
	 * call pushed it (no argument in a register, i386), else from
	 * the stack pointer up (arm: the return address is in lr).
	 */
	at = k == 0 ? w : 0;
	if (ptc_mem_read(tid, ptc_regs_sp(r) + at, stack, (6 - k) * w,
	    PTC_MEM_AUTO) != (ssize_t)((6 - k) * w))
		return ptc_fail(EFAULT, "thread %d: arguments on the stack "
		    "at %#llx: unreadable", (int)tid,
		    (unsigned long long)(ptc_regs_sp(r) + at));
	for (i = k; i < 6; i++) {
		if (w == 4) {
			memcpy(&v32, stack + 4 * (i - k), 4);
			args[i] = v32;
		} else
			memcpy(&args[i], stack + 8 * (i - k), 8);
	}
	return 0;
}

/*
 * The call st just stepped into returns: a breakpoint at its return
 * address, hit with the stack pointer back where it was before the
 * call (a recursive call of the same function hits it deeper first).
 * Any thread may run through that address: all are traced while the
 * breakpoint is in (those the stepper did not trace are let go after),
 * and what meets another thread (a hit, a fault) is its own.
 */
static int
run_call(struct ptc_step *st, uint64_t ret, uint64_t sp,
    struct ptc_step_event *ev)
{
	pid_t pid = ptc_task_tgid(st->t);
	struct ptc_run_event re;
	struct ptc_run *r;
	uint64_t now;
	int e;

	if (ptc_attach(st->s, pid, PTC_ATTACH_STOP | PTC_ATTACH_THREADS,
	    NULL) != 0 || ptc_bp_insert(st->s, pid, ret) != 0 ||
	    (r = ptc_run_new(st->s, pid, PTC_RUN_FAULTS)) == NULL)
		return -1;
	while ((e = ptc_run_next(r, &re)) == 0 &&
	    ((re.kind == PTC_RUN_FAULT && re.task != st->t) ||
	    (re.kind == PTC_RUN_BREAK && (re.task != st->t ||
	    re.addr != ret || ptc_regs_fetch(st->cur, st->t, 0) != 0 ||
	    (now = ptc_regs_sp(st->cur)) < sp))))
		;
	if (e == 0 && re.task != NULL && ptc_run_release(r, st->t) != 0)
		e = -1;
	ptc_run_free(r);
	ptc_bp_forget_all(st->s);
	st->peeked = false;
	if (e != 0)
		return -1;
	switch (re.kind) {
	case PTC_RUN_EXITED:
	case PTC_RUN_KILLED:
		step_end(ev, re.kind == PTC_RUN_EXITED, re.status, re.sig,
		    re.core);
		return 0;
	case PTC_RUN_EXEC:
		step_exec(st, ev);
		break;
	case PTC_RUN_FAULT:
		/* Told as a signal the call got, delivered at the next step. */
		ev->kind = PTC_STEP_SIGNAL;
		ev->sig = st->sig = re.sig;
		ev->si = re.si;
		ev->fault = 1;
		break;
	default:
		break;
	}
	return ptc_regs_fetch(st->cur, st->t, 0);
}

int
ptc_step_over(struct ptc_step *st, struct ptc_step_event *ev)
{
	const struct ptc__arch_code *c;
	uint64_t sp, ret;
	bool call;

	if (settle(st) != 0)
		return -1;
	ptc_step_peek(st, NULL, NULL);
	sp = ptc_regs_sp(st->cur);
	ret = ptc_regs_pc(st->cur) + st->in.size;
	c = code_of(st->cur);
	call = (st->in.groups & PTC_DIS_CALL) ||
	    (c != NULL && ptc__insn_match(c->calls, 2, &st->in));
	if (ptc_step_one(st, ev) != 0)
		return -1;
	/* A call that went into its function, not one that faulted. */
	if (ev->kind != PTC_STEP_INSN || !call || ptc_regs_pc(st->cur) == ret)
		return 0;
	return run_call(st, ret, sp, ev);
}

/* One frame of a fault's backtrace, as ptc_step_origin() prints it. */
struct origin {
	FILE *fp;
	int json;
};

static int
origin_frame(const struct ptc_frame *f, void *arg)
{
	struct origin *o = arg;

	if (!o->json)
		fputs("frame    ", o->fp);
	return ptc_frame_print(o->fp, f, o->json, "\"event\":\"frame\",");
}

int
ptc_step_origin(FILE *fp, pid_t pid, pid_t tid, uint64_t pc, int json)
{
	struct origin o = { fp, json };
	struct ptc_srcloc loc[8];
	struct ptc_dwarf *d;
	int n, e;

	if ((d = ptc_dwarf_new(pid)) == NULL)
		return -1;
	n = ptc_dwarf_srcline(d, pc, loc, 8);
	if (n > 8)
		n = 8;
	/* The innermost location: an inlined function's own line. */
	if (n > 0 && loc[0].file != NULL && json) {
		fputs("{\"event\":\"source\",\"file\":", fp);
		ptc_json_str(fp, loc[0].file, strlen(loc[0].file));
		fprintf(fp, ",\"line\":%d}\n", loc[0].line);
	} else if (n > 0 && loc[0].file != NULL) {
		fputs("source   ", fp);
		ptc_escape_bare(fp, loc[0].file, strlen(loc[0].file));
		fprintf(fp, ":%d\n", loc[0].line);
	} else if (ptc_dwarf_exe_lines(d) == 0)
		fprintf(fp, json ? "{\"event\":\"source\",\"text\":\"no DWARF "
		    "line information\"}\n" : "source   no DWARF line "
		    "information\n");
	e = ptc_dwarf_unwind(d, tid, 0, origin_frame, &o);
	ptc_dwarf_free(d);
	return e < 0 ? -1 : 0;
}
