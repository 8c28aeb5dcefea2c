/*
 * proc.c: sessions of traced tasks, the wait loop that turns kernel stops
 * into events, and the guarantee that every task is detached (and every
 * breakpoint restored) however the program ends.
 */
#include <sys/types.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <errno.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "internal.h"

static LIST_HEAD(, ptc_session) live_sessions =
    LIST_HEAD_INITIALIZER(live_sessions);
static int atexit_done;

static void
cleanup_all(void)
{
	struct ptc_session *s;

	while ((s = LIST_FIRST(&live_sessions)) != NULL)
		ptc_session_free(s);
}

/*
 * A second cleanup signal: the normal path is stuck.  Put breakpoint
 * bytes back, detach what can be detached quickly; the exit follows.
 * The kernel would detach the rest on our exit, but it leaves a
 * single-step armed: the stepped thread would run one instruction and
 * die of the trap.
 */
static void
last_words(void)
{
	struct ptc_session *s;
	struct ptc_task *t;

	LIST_FOREACH(s, &live_sessions, live)
		if (s->bp_restore != NULL)
			s->bp_restore(s);
	LIST_FOREACH(s, &live_sessions, live)
		TAILQ_FOREACH(t, &s->tasks, link) {
			if (t->gone || t->spawned)
				continue;
			if (s->bp_scrub != NULL)
				s->bp_scrub(s, t->pid, t->tgid);
			ptc_os_detach_now(t->pid);
		}
}

struct ptc_session *
ptc_session_new(unsigned trace_flags)
{
	struct ptc_session *s;

	if ((s = calloc(1, sizeof(*s))) == NULL)
		return NULL;
	TAILQ_INIT(&s->tasks);
	s->flags = trace_flags;
	LIST_INSERT_HEAD(&live_sessions, s, live);
	if (!atexit_done) {
		atexit(cleanup_all);
		ptc__cleanup_last_words(last_words);
		atexit_done = 1;
	}
	return s;
}

static size_t
slot(size_t hsize, pid_t pid)
{
	return ((uint32_t)pid * 2654435761u) & (hsize - 1);
}

/* Twice the heads (at least 64), the tasks chained anew. */
static int
hash_grow(struct ptc_session *s)
{
	size_t n = s->hsize != 0 ? 2 * s->hsize : 64, i;
	struct ptc_task **h, *t;

	if ((h = calloc(n, sizeof(*h))) == NULL)
		return -1;
	TAILQ_FOREACH(t, &s->tasks, link) {
		i = slot(n, t->pid);
		t->hnext = h[i];
		h[i] = t;
	}
	free(s->hash);
	s->hash = h;
	s->hsize = n;
	return 0;
}

struct ptc_task *
ptc__task_add(struct ptc_session *s, pid_t pid, pid_t tgid)
{
	struct ptc_task *t;
	size_t i;

	if ((t = calloc(1, sizeof(*t))) == NULL)
		return NULL;
	if (s->ntasks >= s->hsize && hash_grow(s) != 0 && s->hsize == 0) {
		free(t);
		return NULL;
	}
	t->s = s;
	t->pid = pid;
	t->tgid = tgid > 0 ? tgid : ptc_os_tgid(pid);
	TAILQ_INSERT_TAIL(&s->tasks, t, link);
	i = slot(s->hsize, pid);
	t->hnext = s->hash[i];
	s->hash[i] = t;
	s->ntasks++;
	s->at_task = NULL;
	return t;
}

/* Take t out of the list and the table (not freed). */
static void
task_unlink(struct ptc_session *s, struct ptc_task *t)
{
	struct ptc_task **p = &s->hash[slot(s->hsize, t->pid)];

	if (t->held) {
		t->held = false;
		s->nheld--;
	}

	while (*p != t)
		p = &(*p)->hnext;
	*p = t->hnext;
	TAILQ_REMOVE(&s->tasks, t, link);
	s->ntasks--;
	s->at_task = NULL;
}

void
ptc__task_del(struct ptc_session *s, struct ptc_task *t)
{
	task_unlink(s, t);
	free(t);
}

struct ptc_task *
ptc_session_task(struct ptc_session *s, pid_t pid)
{
	struct ptc_task *t;

	if (s->hsize == 0)
		return NULL;
	for (t = s->hash[slot(s->hsize, pid)]; t != NULL; t = t->hnext)
		if (t->pid == pid)
			return t;
	return NULL;
}

size_t
ptc_session_ntasks(const struct ptc_session *s)
{
	return s->ntasks;
}

struct ptc_task *
ptc_session_task_at(const struct ptc_session *s, size_t i)
{
	struct ptc_session *m = (struct ptc_session *)s;
	struct ptc_task *t;
	size_t k = 0;

	if (i >= s->ntasks)
		return NULL;
	/* A walk asks for i, i + 1, ...: go on from the last one. */
	t = TAILQ_FIRST(&s->tasks);
	if (s->at_task != NULL && s->at_index <= i) {
		t = s->at_task;
		k = s->at_index;
	}
	for (; t != NULL && k < i; k++)
		t = TAILQ_NEXT(t, link);
	m->at_task = t;
	m->at_index = i;
	return t;
}

pid_t ptc_task_pid(const struct ptc_task *t) { return t->pid; }
pid_t ptc_task_tgid(const struct ptc_task *t) { return t->tgid; }
int ptc_task_stopped(const struct ptc_task *t) { return t->stopped; }
int ptc_task_was_stopped(const struct ptc_task *t) { return t->was_stopped; }
void *ptc_task_data(const struct ptc_task *t) { return t->data; }
void ptc_task_set_data(struct ptc_task *t, void *data) { t->data = data; }

void
ptc__task_quiet_exit(struct ptc_task *t)
{
	t->quiet_exit = t->in_syscall;
}

int
ptc_syscall_info(struct ptc_task *t, struct ptc_scinfo *si)
{
	if (!t->sci_valid) {
		if (ptc_os_syscall_info(t->pid, &t->sci) != 0)
			return -1;
		t->sci_valid = true;
	}
	*si = t->sci;
	return 0;
}

/*
 * Put back the bytes under the breakpoints of a step by breakpoints,
 * in the memory of task pid (the stepped task, or a fork child with a
 * copy), last written first.
 */
static void
soft_step_undo(struct ptc_task *t, pid_t pid)
{
	int i;

	for (i = t->ss_n - 1; i >= 0; i--)
		ptc__mem_patch(pid, t->ss_addr[i], t->ss_orig[i],
		    t->ss_len[i]);
	if (pid == t->pid)
		t->ss_n = 0;
}

/*
 * The stop that ends a step by breakpoints: the bytes go back (not
 * after an exec, whose memory is new; a fork child's copy too), and a
 * trap on one of them is the step's end, as a kernel step reports it.
 */
static void
soft_step_end(struct ptc_task *t, struct ptc_event *ev)
{
	uint64_t pc;
	int i;

	if (ev->type == PTC_EV_EXEC || ev->type == PTC_EV_EXITED ||
	    ev->type == PTC_EV_KILLED) {
		t->ss_n = 0;
		return;
	}
	if (ev->type == PTC_EV_FORK)
		soft_step_undo(t, ev->new_pid);
	if (ev->type == PTC_EV_STEP && ev->si.si_code == ptc_arch_bp_si_code &&
	    ptc_pc_read(t, &pc) == 0)
		for (i = 0; i < t->ss_n; i++)
			if (t->ss_addr[i] == pc)
				ev->si.si_code = TRAP_TRACE;
	soft_step_undo(t, t->pid);
}

/*
 * Turn one wait status of pid into an event, and keep the task's idea
 * of whether it is inside a syscall right.
 */
static int
decode(struct ptc_session *s, pid_t pid, int status, struct ptc_event *ev)
{
	struct ptc_task *t = ptc_session_task(s, pid);
	struct ptc_os_stop st;
	struct ptc_scinfo si;

	if (ptc_os_decode(pid, status, &st) != 0)
		return -1;
	memset(ev, 0, sizeof(*ev));
	ev->type = st.type;
	ev->task = t;
	ev->pid = pid;
	ev->sig = st.sig;
	ev->status = st.status;
	ev->core = st.core;
	ev->new_pid = st.new_pid;
	ev->old_pid = st.old_pid;
	ev->si = st.si;
	if (t == NULL)
		return 0;
	t->sci_valid = false;
	if (t->ss_n > 0) {
		bool was = t->stopped;

		/* stopped now, for the pc read (unless it is gone) */
		t->stopped = true;
		soft_step_end(t, ev);
		t->stopped = was;
	}
	if (st.type == PTC_EV_SYSCALL_ENTER && t->quiet_exit && t->in_syscall) {
		/* The exit of a call whose entry was read: nothing to ask. */
		t->quiet_exit = false;
		t->in_syscall = false;
		ev->type = PTC_EV_SYSCALL_EXIT;
	} else if (st.type == PTC_EV_SYSCALL_ENTER) {
		/* The kernel knows entry from exit; don't guess. */
		if (ptc_syscall_info(t, &si) == 0 && si.op != PTC_SC_NONE)
			t->in_syscall = si.op == PTC_SC_ENTRY;
		else
			t->in_syscall = !t->in_syscall;
		ev->type = t->in_syscall ? PTC_EV_SYSCALL_ENTER :
		    PTC_EV_SYSCALL_EXIT;
	} else if (st.type == PTC_EV_SECCOMP)
		t->in_syscall = true;
	return 0;
}

/*
 * Whether pid is a child that came and went before its parent's event
 * (forgotten once asked: the number may be used again).
 */
static bool
early_gone(struct ptc_session *s, pid_t pid)
{
	size_t i;

	for (i = 0; i < PTC__EARLY_GONE; i++)
		if (s->early_gone[i] == pid) {
			s->early_gone[i] = 0;
			return true;
		}
	return false;
}

/*
 * Turn one wait status into an event and keep the task list in step:
 * new children join, exec by a non-leader thread takes over the leader's
 * id, and gone tasks leave (freed at the next wait).
 */
static int
handle_status(struct ptc_session *s, pid_t pid, int status,
    struct ptc_event *ev)
{
	struct ptc_task *t, *old;

	if (decode(s, pid, status, ev) != 0)
		return -1;
	t = ev->task;
	if (t == NULL)
		return 0;
	switch (ev->type) {
	case PTC_EV_EXITED:
	case PTC_EV_KILLED:
		t->gone = true;
		t->stopped = false;
		if (t->early)
			s->early_gone[s->early_next++ % PTC__EARLY_GONE] =
			    t->pid;
		task_unlink(s, t);
		s->reap = t;
		return 0;
	case PTC_EV_FORK:
	case PTC_EV_VFORK:
	case PTC_EV_CLONE:
		if (ev->new_pid <= 0 || early_gone(s, ev->new_pid))
			break;
		if ((old = ptc_session_task(s, ev->new_pid)) == NULL)
			old = ptc__task_add(s, ev->new_pid,
			    ev->type == PTC_EV_CLONE ? 0 : ev->new_pid);
		if (old != NULL) {
			old->spawned = t->spawned;
			old->early = false;
		}
		break;
	case PTC_EV_EXEC:
		if (ev->old_pid != pid && ev->old_pid > 0 &&
		    (old = ptc_session_task(s, ev->old_pid)) != NULL) {
			t->in_syscall = old->in_syscall;
			t->quiet_exit = old->quiet_exit;
			ptc__task_del(s, old);
		}
		t->tgid = pid;
		break;
	default:
		break;
	}
	t->stopped = true;
	return 0;
}

static void
reap(struct ptc_session *s)
{
	free(s->reap);
	s->reap = NULL;
}

/*
 * A task (which, or any for -1) whose held event is due: the caller
 * resumed it since.  Its event is taken off it.
 */
static struct ptc_task *
held_event(struct ptc_session *s, pid_t which)
{
	struct ptc_task *t;

	TAILQ_FOREACH(t, &s->tasks, link)
		if (t->held && !t->stopped && (which == -1 || which == t->pid))
			break;
	if (t != NULL) {
		t->held = false;
		s->nheld--;
	}
	return t;
}

static int
wait_common(struct ptc_session *s, pid_t which, struct ptc_event *ev)
{
	struct ptc_task *t;
	struct rusage ru;
	int status;
	pid_t pid;

	reap(s);
	for (;;) {
		/* A signal that came between two waits interrupts nothing. */
		if (ptc_cleanup_pending())
			return ptc_fail(EINTR, "interrupted by %s",
			    strsignal(ptc_cleanup_pending()));
		if (s->nheld != 0 && (t = held_event(s, which)) != NULL)
			return handle_status(s, t->pid, t->held_status, ev);
		/* The usage costs a walk of the threads: only when asked. */
		pid = wait4(which, &status, __WALL, s->flags &
		    PTC_TRACE_RUSAGE ? &ru : NULL);
		if (pid < 0) {
			if (errno == EINTR && !ptc_cleanup_pending())
				continue;
			if (errno == EINTR)
				return ptc_fail(EINTR, "interrupted by %s",
				    strsignal(ptc_cleanup_pending()));
			if (errno == ECHILD)
				return ptc_fail(ECHILD, "no traced task left");
			return -1;
		}
		t = ptc_session_task(s, pid);
		if (t == NULL) {
			/*
			 * A child's first stop can come before its parent's
			 * fork event; it is ours if we follow forks.
			 */
			if (!(s->flags & PTC_TRACE_FORKS) ||
			    !WIFSTOPPED(status)) {
				/* Not ours to keep stopped: let it go. */
				if (WIFSTOPPED(status))
					ptc_os_detach(pid, 0);
				memset(ev, 0, sizeof(*ev));
				ev->pid = pid;
				ev->type = WIFSTOPPED(status) ?
				    PTC_EV_UNKNOWN_DETACHED :
				    PTC_EV_UNKNOWN_EXITED;
				return 0;
			}
			if ((t = ptc__task_add(s, pid, 0)) == NULL)
				return -1;
			t->early = true;
		}
		if (handle_status(s, pid, status, ev) != 0)
			return -1;
		if (s->flags & PTC_TRACE_RUSAGE) {
			ev->stime.tv_sec = ru.ru_stime.tv_sec;
			ev->stime.tv_nsec = ru.ru_stime.tv_usec * 1000;
		}
		return 0;
	}
}

int
ptc_wait(struct ptc_session *s, struct ptc_event *ev)
{
	return wait_common(s, -1, ev);
}

int
ptc_wait_task(struct ptc_session *s, struct ptc_task *t,
    struct ptc_event *ev)
{
	return wait_common(s, t->pid, ev);
}

/*
 * Take one wait status of task t: remember a signal that stopped it so
 * the signal is not lost, and put the pc of a thread stopped by one of
 * the session's breakpoints (written or already restored) back on the
 * breakpoint, so that it runs the original instruction once it goes on.
 * -1 ESRCH if it went away.
 */
static int
note_stop(struct ptc_session *s, struct ptc_task *t, int status)
{
	struct ptc_event ev;
	uint64_t addr;

	if (decode(s, t->pid, status, &ev) != 0)
		return 1;
	switch (ev.type) {
	case PTC_EV_EXITED:
	case PTC_EV_KILLED:
		t->gone = true;
		t->stopped = false;
		return ptc_fail(ESRCH, "process %d exited", (int)t->pid);
	case PTC_EV_SIGNAL:
		t->pending_sig = ev.sig;
		break;
	case PTC_EV_GROUP_STOP:
		t->was_stopped = true;
		t->stop_sig = ev.sig;
		break;
	case PTC_EV_STEP:
		t->stopped = true;
		if (s->bps != NULL)
			ptc_bp_hit(s, t, &ev, &addr);
		break;
	case PTC_EV_FORK:
	case PTC_EV_VFORK:
	case PTC_EV_CLONE:
		/* Its caller must see it, or the child is nobody's. */
		if (!t->held)
			s->nheld++;
		t->held = true;
		t->held_status = status;
		t->held_child = ev.new_pid;
		break;
	default:
		break;
	}
	t->stopped = true;
	return 0;
}

/*
 * Wait until task t is in some ptrace-stop (note_stop).  With WNOHANG
 * in flags, 1 when no stop is there to be taken now.
 */
static int
wait_stop_flags(struct ptc_session *s, struct ptc_task *t, int flags)
{
	int status, r;
	pid_t pid;

	for (;;) {
		pid = waitpid(t->pid, &status, __WALL | flags);
		if (pid == 0)
			return 1;
		if (pid < 0) {
			if (errno == EINTR)
				continue;
			t->gone = true;
			return ptc_fail(ESRCH, "task %d: %s", (int)t->pid,
			    strerror(errno));
		}
		if ((r = note_stop(s, t, status)) != 1)
			return r;
	}
}

static int
wait_stop(struct ptc_session *s, struct ptc_task *t)
{
	return wait_stop_flags(s, t, 0);
}

/*
 * wait_stop for the detach, bounded (about two seconds): a stop that
 * was taken by some other wait never comes again, and the detach must
 * not block for ever on it.  1 when none came.
 */
static int
wait_stop_detach(struct ptc_session *s, struct ptc_task *t)
{
	struct timespec ms = { 0, 1000000 };
	int i, r;

	for (i = 0; i < 2000; i++) {
		if ((r = wait_stop_flags(s, t, WNOHANG)) != 1)
			return r;
		nanosleep(&ms, NULL);
	}
	return 1;
}

/*
 * Seize task pid of process tgid (0: unknown).  group: whether it is in
 * a group-stop, -1 to read it (a thread of a process found not stopped
 * a moment ago takes that, without a read of its own).
 */
static int
attach_one(struct ptc_session *s, pid_t pid, pid_t tgid, int group,
    struct ptc_task **taskp)
{
	struct ptc_os_pstate st;
	struct ptc_task *t;

	if ((t = ptc_session_task(s, pid)) != NULL) {
		*taskp = t;
		return 0;
	}
	if ((t = ptc__task_add(s, pid, tgid)) == NULL)
		return -1;
	t->was_stopped = group >= 0 ? group : ptc_os_proc_state(pid, &st) ==
	    0 && st.group_stopped;
	t->fresh = true;
	if (ptc_os_seize(pid, s->flags, false) != 0) {
		int e = errno;

		ptc__task_del(s, t);
		errno = e;
		return -1;
	}
	*taskp = t;
	return 0;
}

int
ptc_attach(struct ptc_session *s, pid_t pid, unsigned flags,
    struct ptc_task **taskp)
{
	struct ptc_task *t, *main_task = NULL;
	pid_t *tids;
	ssize_t n, i;
	int round, added;

	if (ptc_pid_check(pid) != 0)
		return -1;
	/* Tasks the session had before this call are not ours to stop. */
	TAILQ_FOREACH(t, &s->tasks, link)
		t->fresh = false;
	if (attach_one(s, pid, 0, -1, &main_task) != 0)
		return -1;
	if (flags & PTC_ATTACH_THREADS) {
		/* Threads may be created while we attach: repeat until none. */
		for (round = 0; round < 10; round++) {
			if ((n = ptc_pid_threads(pid, &tids)) < 0)
				break;
			added = 0;
			for (i = 0; i < n; i++) {
				if (ptc_session_task(s, tids[i]) != NULL)
					continue;
				if (attach_one(s, tids[i], main_task->tgid,
				    main_task->was_stopped ? -1 : 0, &t) == 0)
					added++;
			}
			free(tids);
			if (added == 0)
				break;
		}
	}
	if (flags & PTC_ATTACH_STOP) {
		TAILQ_FOREACH(t, &s->tasks, link) {
			if (!t->fresh || t->stopped || t->gone)
				continue;
			/* A task in group-stop reports it by itself. */
			if (!t->was_stopped && ptc_os_interrupt(t->pid) != 0)
				continue;
			wait_stop(s, t);
		}
		if (main_task->gone) {
			ptc__task_del(s, main_task);
			return ptc_fail(ESRCH, "process %d exited", (int)pid);
		}
	}
	if (taskp != NULL)
		*taskp = main_task;
	return 0;
}

/*
 * Wait for a stop of task t of the given type (and signal, when sig is
 * not 0), letting others pass with their signal; -1 ECHILD if it ends.
 */
static int
wait_for(struct ptc_session *s, struct ptc_task *t, enum ptc_event_type type,
    int sig)
{
	struct ptc_event ev;

	for (;;) {
		if (ptc_wait_task(s, t, &ev) != 0)
			return -1;
		if (ev.type == type && (sig == 0 || ev.sig == sig))
			return 0;
		if (ev.type == PTC_EV_EXITED || ev.type == PTC_EV_KILLED) {
			errno = ECHILD;
			return -1;
		}
		if (ptc_resume(t, PTC_RESUME_CONT,
		    ev.type == PTC_EV_SIGNAL ? ev.sig : 0) != 0)
			return -1;
	}
}

int
ptc__spawn(struct ptc_session *s, const struct ptc_os_spawn_opts *o,
    struct ptc_task **taskp)
{
	struct ptc_task *t;
	int gofd = -1, e;
	pid_t pid;

	fflush(NULL);
	if ((pid = ptc_os_spawn(o, &gofd)) == -1)
		return -1;
	if ((t = ptc__task_add(s, pid, pid)) == NULL)
		goto fail;
	t->spawned = !o->detached;
	if (ptc_os_seize(pid, s->flags, t->spawned) != 0)
		goto fail;
	/* The program waits in read(2) for the go-ahead: stop it there. */
	if (ptc_os_interrupt(pid) != 0 ||
	    wait_for(s, t, PTC_EV_INTERRUPT, 0) != 0)
		goto fail;
	if (write(gofd, "g", 1) != 1)
		goto fail;
	close(gofd);
	gofd = -1;
	/*
	 * The SIGSTOP it raises just before the exec is dropped by the
	 * caller's resume, so its first event from then on is the exec.
	 */
	if (o->stop_before_exec) {
		if (ptc_resume(t, PTC_RESUME_CONT, 0) != 0 ||
		    wait_for(s, t, PTC_EV_SIGNAL, SIGSTOP) != 0)
			goto fail;
		t->pending_sig = 0;
	}
	*taskp = t;
	return 0;
fail:
	e = errno;
	if (gofd != -1)
		close(gofd);
	kill(pid, SIGKILL);
	if (t != NULL && !t->gone) {
		waitpid(pid, NULL, __WALL);
		ptc__task_del(s, t);
	}
	errno = e;
	return -1;
}

int
ptc__spawn_opts(struct ptc_os_spawn_opts *o, const char *path,
    char *const argv[], const struct ptc_spawn_opts *so)
{
	struct passwd *pw;

	memset(o, 0, sizeof(*o));
	o->path = path;
	o->argv = argv;
	o->stdin_fd = o->stdout_fd = o->stderr_fd = -1;
	if (so == NULL)
		return 0;
	o->envp = so->envp;
	o->stdin_fd = so->stdin_fd;
	o->stdout_fd = so->stdout_fd;
	o->stderr_fd = so->stderr_fd;
	if (so->user != NULL) {
		if ((pw = getpwnam(so->user)) == NULL) {
			errno = ENOENT;
			return -1;
		}
		o->user = pw->pw_name;
		o->uid = pw->pw_uid;
		o->gid = pw->pw_gid;
	}
	return 0;
}

int
ptc_spawn(struct ptc_session *s, char *const argv[],
    const struct ptc_spawn_opts *opts, struct ptc_task **taskp)
{
	struct ptc_os_spawn_opts o;
	struct ptc_task *t;
	char *path;
	int rc;

	if (argv == NULL || argv[0] == NULL)
		return ptc_fail(EINVAL, "no program to run");
	/* A typo fails before anything is started. */
	if ((path = ptc_os_which(argv[0])) == NULL) {
		if (errno == ENOENT && strchr(argv[0], '/') == NULL)
			return ptc_fail(ENOENT, "%s: command not found",
			    argv[0]);
		return ptc_fail(errno, "%s: %s", argv[0], strerror(errno));
	}
	if (access(path, X_OK) != 0) {
		rc = errno;
		free(path);
		return ptc_fail(rc, "%s: %s", argv[0], strerror(rc));
	}
	if (ptc__spawn_opts(&o, path, argv, opts) != 0) {
		free(path);
		return ptc_fail(ENOENT, "unknown user '%s'", opts->user);
	}
	o.stop_before_exec = true;
	rc = ptc__spawn(s, &o, &t);
	free(path);
	if (rc != 0)
		return ptc_fail(ECHILD, "%s: could not start traced", argv[0]);
	if (taskp != NULL)
		*taskp = t;
	return 0;
}

int
ptc__reap(pid_t pid, int *code, int *sig)
{
	while (ptc_os_reap(pid, code, sig) != 0)
		if (errno != EINTR || ptc_cleanup_pending() != 0)
			return -1;
	return 0;
}

int
ptc__wait_ready(const struct timespec *until)
{
	int rc;

	while ((rc = ptc_os_wait_ready(until)) == -1 && errno == EINTR &&
	    ptc_cleanup_pending() == 0)
		;
	return rc;
}

/*
 * A step where the kernel cannot single-step: breakpoints where the
 * instruction may go next, and the task runs to one of them.  1 when
 * they are written, 0 on a CPU that steps in the kernel.
 */
static int
soft_step_begin(struct ptc_task *t)
{
	struct ptc__next nx[2];
	struct ptc_regs *r;
	int n, i;

	if ((r = ptc_regs_new()) == NULL)
		return -1;
	n = ptc_regs_fetch(r, t, 0) != 0 ? -1 : ptc_arch_next_pcs(t->pid, r, nx);
	ptc_regs_free(r);
	if (n <= 0)
		return n;
	/*
	 * A destination that cannot take a breakpoint (unmapped, a jump
	 * to nowhere) is left out: the instruction faults going there.
	 * With none left, the pc itself is unmapped: the task faults at
	 * once, and runs to that fault.
	 */
	t->ss_n = 0;
	for (i = 0; i < n; i++) {
		int k = t->ss_n;

		t->ss_addr[k] = nx[i].addr;
		t->ss_len[k] = nx[i].len;
		if (ptc_mem_read(t->pid, nx[i].addr, t->ss_orig[k], nx[i].len,
		    PTC_MEM_AUTO) != (ssize_t)nx[i].len ||
		    ptc__mem_patch(t->pid, nx[i].addr, nx[i].insn,
		    nx[i].len) != 0)
			continue;
		t->ss_n = k + 1;
	}
	return 1;
}

int
ptc_resume(struct ptc_task *t, enum ptc_resume how, int sig)
{
	int ss;

	if (sig == 0)
		sig = t->pending_sig;
	if (how == PTC_RESUME_STEP && !t->held && t->ss_n == 0) {
		if ((ss = soft_step_begin(t)) < 0)
			return -1;
		if (ss > 0)
			how = PTC_RESUME_CONT;
	}
	/* It stays in the stop of its held event, which the wait reports. */
	if (!t->held && ptc_os_resume(t->pid, how, sig) != 0) {
		soft_step_undo(t, t->pid);
		return -1;
	}
	/* Run on otherwise, it may meet another call first. */
	if (how != PTC_RESUME_SYSCALL)
		t->quiet_exit = false;
	t->pending_sig = 0;
	t->stopped = false;
	t->sci_valid = false;
	return 0;
}

int
ptc_interrupt(struct ptc_task *t)
{
	/* Still stopped, with its held event to report. */
	if (t->held)
		return 0;
	return ptc_os_interrupt(t->pid);
}

/*
 * Signals a stopped thread has queued for itself that are really ours:
 * a single-step trap (a step into a blocking syscall that was then
 * interrupted reports itself when the syscall ends) or a breakpoint
 * trap met just as the thread was stopped.  After the detach no tracer
 * would take them and the SIGTRAP would kill the process, so let them
 * arrive now: a breakpoint trap moves the pc back (note_stop), another
 * signal that comes first is kept for the detach.
 */
static void
drain_traps(struct ptc_session *s, struct ptc_task *t)
{
	int i, keep = t->pending_sig;

	for (i = 0; i < 4 && !t->gone && keep != SIGTRAP &&
	    ptc_os_sig_pending(t->pid, SIGTRAP); i++) {
		t->pending_sig = 0;
		if (ptc_os_resume(t->pid, PTC_RESUME_CONT, 0) != 0)
			break;
		t->stopped = false;
		if (wait_stop_detach(s, t) == 1)
			break;
		if (keep == 0)
			keep = t->pending_sig;
	}
	t->pending_sig = keep;
}

/*
 * The child of a held event, when the session never met it: traced from
 * birth, it would stay ours.  Its first stop is taken (within about two
 * seconds), and it is let go.
 */
/*
 * PTRACE_DETACH of stopped task pid of process tgid (0: ask), once any
 * breakpoint a fork copied into its memory is out (bp_scrub).
 */
static int
let_go(struct ptc_session *s, pid_t pid, pid_t tgid, int sig)
{
	if (s->bp_scrub != NULL && s->bps != NULL)
		s->bp_scrub(s, pid, tgid > 0 ? tgid : ptc_os_tgid(pid));
	return ptc_os_detach(pid, sig);
}

static void
detach_unmet(struct ptc_session *s, pid_t pid)
{
	struct timespec ms = { 0, 1000000 };
	int i, status;
	pid_t r;

	if (pid <= 0 || ptc_session_task(s, pid) != NULL)
		return;
	for (i = 0; i < 2000; i++) {
		if ((r = waitpid(pid, &status, __WALL | WNOHANG)) == pid) {
			if (WIFSTOPPED(status))
				let_go(s, pid, 0, 0);
			return;
		}
		if (r < 0 && errno != EINTR)
			return;
		nanosleep(&ms, NULL);
	}
}

static void
detach_task(struct ptc_session *s, struct ptc_task *t, int sig)
{
	pid_t child;

	if (!t->gone && !t->stopped) {
		/*
		 * A stop waiting to be reported is taken first: it may be a
		 * breakpoint trap whose pc must move back.  A task we think
		 * is running may also be stopped after all (its stop was
		 * reported to a wait that never returned it to us): then
		 * PTRACE_DETACH works at once, where interrupting it and
		 * waiting for a stop already reported would block for ever.
		 * One that runs is not detached here: it could stop at a
		 * fork event between the wait and the detach, and its child
		 * would stay ours.
		 */
		if (wait_stop_flags(s, t, WNOHANG) == 1 &&
		    ptc_os_stop_child(t->pid, &child) == 0 &&
		    !ptc_os_sig_pending(t->pid, SIGTRAP) &&
		    let_go(s, t->pid, t->tgid, sig != 0 ? sig :
		    t->pending_sig) == 0) {
			/* A fork event's child is let go with it. */
			detach_unmet(s, child);
			ptc__task_del(s, t);
			return;
		}
	}
	if (!t->gone && !t->stopped) {
		if (ptc_os_interrupt(t->pid) != 0)
			t->gone = true;
		else if (wait_stop_detach(s, t) == 1)
			t->stopped = true;   /* taken elsewhere: detach as is */
	}
	if (!t->gone) {
		drain_traps(s, t);
		if (sig == 0)
			sig = t->pending_sig;
		if (!t->gone)
			let_go(s, t->pid, t->tgid, sig);
	}
	if (t->held)
		detach_unmet(s, t->held_child);
	ptc__task_del(s, t);
}

/*
 * Newest first: children before their parents, for a parent that waits
 * for its vfork child can stop only once the child goes on.
 */
void
ptc__detach_all(struct ptc_session *s, struct ptc_task *keep,
    int (*sig_of)(void *arg, pid_t tid), void *arg)
{
	struct ptc_task *t;

	for (;;) {
		if ((t = TAILQ_LAST(&s->tasks, ptc_taskq)) == keep &&
		    t != NULL)
			t = TAILQ_PREV(t, ptc_taskq, link);
		if (t == NULL)
			return;
		detach_task(s, t, sig_of != NULL ? sig_of(arg, t->pid) : 0);
	}
}

int
ptc_detach(struct ptc_session *s, struct ptc_task *t, int sig)
{
	detach_task(s, t, sig);
	return 0;
}

void
ptc_session_free(struct ptc_session *s)
{
	int e = errno;

	if (s == NULL)
		return;
	/*
	 * Breakpoint bytes go back before any task can run into them; the
	 * addresses are kept until every task is detached, for a thread
	 * that hit one meanwhile.
	 */
	if (s->bp_restore != NULL)
		s->bp_restore(s);
	ptc__detach_all(s, NULL, NULL, NULL);
	ptc_bp_forget_all(s);
	reap(s);
	LIST_REMOVE(s, live);
	free(s->hash);
	free(s);
	errno = e;
}

void
ptc_session_kill(struct ptc_session *s)
{
	struct ptc_task *t, *next;
	int status;

	if (s == NULL)
		return;
	if (s->bp_restore != NULL)
		s->bp_restore(s);
	TAILQ_FOREACH_SAFE(t, &s->tasks, link, next) {
		if (!t->spawned)
			continue;
		kill(t->pid, SIGKILL);
		while (waitpid(t->pid, &status, __WALL) > 0 &&
		    !WIFEXITED(status) && !WIFSIGNALED(status))
			;
		ptc__task_del(s, t);
	}
	ptc_session_free(s);
}
