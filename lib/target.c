/*
 * target.c: one process as the tools see it: pid, a pidfd that tells
 * when the pid has come to name another process, mappings and symbols
 * read on first use, and a session that stops a thread only when a
 * register is actually needed.
 */
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#include "internal.h"

struct ptc_target {
	pid_t pid;
	int pidfd;	/* -1 where the OS has none */
	struct ptc_maps *maps;
	struct ptc_syms *syms;
	struct ptc_session *session;
};

struct ptc_target *
ptc_target_open(pid_t pid)
{
	struct ptc_target *t;

	if (ptc_pid_check(pid) != 0)
		return NULL;
	if ((t = calloc(1, sizeof(*t))) == NULL)
		return NULL;
	t->pid = pid;
	/* Taken after the check: a pid reused in between is not caught,
	 * any later reuse is. */
	if ((t->pidfd = ptc_pid_hold(pid)) < 0 && errno == ESRCH) {
		free(t);
		return NULL;
	}
	return t;
}

void
ptc_target_close(struct ptc_target *t)
{
	if (t == NULL)
		return;
	ptc_session_free(t->session);
	ptc_syms_free(t->syms);
	ptc_maps_free(t->maps);
	if (t->pidfd >= 0)
		close(t->pidfd);
	free(t);
}

pid_t
ptc_target_pid(const struct ptc_target *t)
{
	return t->pid;
}

int
ptc_target_alive(const struct ptc_target *t)
{
	if (ptc_pid_alive(t->pidfd) != 0)
		return ptc_fail(ESRCH, "process %d has exited", (int)t->pid);
	return 0;
}

int
ptc__target_ends(const struct ptc_target *t, int ms)
{
	return ptc_os_pid_ends(t->pidfd, ms);
}

ssize_t
ptc_target_read(struct ptc_target *t, uint64_t addr, void *buf, size_t len)
{
	ssize_t n = ptc_mem_read(t->pid, addr, buf, len, PTC_MEM_AUTO);

	/* Bytes read after the process ended came from another one. */
	if (n > 0 && ptc_target_alive(t) != 0)
		return -1;
	return n;
}

ssize_t
ptc_target_read_str(struct ptc_target *t, uint64_t addr, char *buf,
    size_t max, int *truncated)
{
	ssize_t n = ptc_mem_read_str(t->pid, addr, buf, max, truncated);

	if (n > 0 && ptc_target_alive(t) != 0)
		return -1;
	return n;
}

ssize_t
ptc_target_write(struct ptc_target *t, uint64_t addr, const void *buf,
    size_t len)
{
	if (ptc_target_alive(t) != 0)
		return -1;
	return ptc_mem_write(t->pid, addr, buf, len, PTC_MEM_AUTO);
}

int
ptc_target_bp_insert(struct ptc_target *t, pid_t tid, uint64_t addr)
{
	struct ptc_task *task;

	if (ptc_target_alive(t) != 0 ||
	    (task = ptc_target_task(t, tid)) == NULL)
		return -1;
	return ptc_bp_insert(ptc_target_session(t), ptc_task_pid(task), addr);
}

const struct ptc_maps *
ptc_target_maps(struct ptc_target *t)
{
	if (t->maps == NULL)
		t->maps = ptc_maps_read(t->pid);
	return t->maps;
}

struct ptc_syms *
ptc_target_syms(struct ptc_target *t)
{
	if (t->syms == NULL && ptc_target_maps(t) != NULL)
		t->syms = ptc_syms_new(t->pid, t->maps);
	return t->syms;
}

int
ptc_target_refresh(struct ptc_target *t)
{
	struct ptc_maps *m;

	if ((m = ptc_maps_read(t->pid)) == NULL)
		return -1;
	ptc_syms_free(t->syms);
	t->syms = NULL;
	ptc_maps_free(t->maps);
	t->maps = m;
	return 0;
}

struct ptc_session *
ptc_target_session(struct ptc_target *t)
{
	if (t->session == NULL)
		t->session = ptc_session_new(0);
	return t->session;
}

struct ptc_task *
ptc_target_task(struct ptc_target *t, pid_t tid)
{
	struct ptc_session *s;
	struct ptc_task *task;

	if ((s = ptc_target_session(t)) == NULL)
		return NULL;
	if (tid == 0)
		tid = t->pid;
	if ((task = ptc_session_task(s, tid)) != NULL && task->stopped)
		return task;
	if (ptc_attach(s, tid, PTC_ATTACH_STOP, &task) != 0)
		return NULL;
	return task;
}
