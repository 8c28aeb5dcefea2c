/*
 * target.c: one process as the tools see it: pid, mappings and symbols
 * read on first use, and a session that stops a thread only when a
 * register is actually needed.
 */
#include <errno.h>
#include <stdlib.h>

#include "internal.h"

struct ptc_target {
	pid_t pid;
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
	free(t);
}

pid_t
ptc_target_pid(const struct ptc_target *t)
{
	return t->pid;
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
