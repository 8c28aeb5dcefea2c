/*
 * unwind.c: stack traces of a traced thread for ptstrace -k, through
 * elfutils' libdwfl on the live process, printed as strace prints them:
 * " > /usr/lib/libc.so.6(write+0x14) [0x10b2a4]".
 */
#include <elfutils/libdwfl.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"
#include "sc_priv.h"
#include "trace_int.h"

struct ptc__unwind {
	Dwfl *dwfl;
	pid_t pid;
};

static char *debuginfo_path;

static const Dwfl_Callbacks callbacks = {
	.find_elf = dwfl_linux_proc_find_elf,
	.find_debuginfo = dwfl_standard_find_debuginfo,
	.debuginfo_path = &debuginfo_path,
};

struct ptc__unwind *
ptc__unwind_new(pid_t pid)
{
	struct ptc__unwind *u = calloc(1, sizeof(*u));

	if (u == NULL)
		return NULL;
	u->pid = pid;
	if ((u->dwfl = dwfl_begin(&callbacks)) == NULL)
		goto fail;
	if (dwfl_linux_proc_report(u->dwfl, pid) != 0 ||
	    dwfl_report_end(u->dwfl, NULL, NULL) != 0)
		goto fail;
	/* The thread is already ptrace-stopped by us: do not attach again. */
	if (dwfl_linux_proc_attach(u->dwfl, pid, true) != 0)
		goto fail;
	return u;
fail:
	if (u->dwfl != NULL)
		dwfl_end(u->dwfl);
	free(u);
	errno = ESRCH;
	return NULL;
}

void
ptc__unwind_free(struct ptc__unwind *u)
{
	if (u == NULL)
		return;
	dwfl_end(u->dwfl);
	free(u);
}

struct walk {
	struct ptc__unwind *u;
	FILE *fp;
	int n;
};

static void
put_escaped(FILE *fp, const char *s)
{
	struct ptc__sb b = { 0 };

	ptc__sb_escape_path(&b, s);
	if (b.p != NULL)
		fputs(b.p, fp);
	free(b.p);
}

static int
frame_cb(Dwfl_Frame *frame, void *arg)
{
	struct walk *w = arg;
	Dwarf_Addr pc, adj;
	bool activation;
	Dwfl_Module *mod;
	const char *mname = NULL, *sym = NULL;
	Dwarf_Addr start = 0, off = 0;
	GElf_Sym s;

	if (!dwfl_frame_pc(frame, &pc, &activation))
		return DWARF_CB_ABORT;
	adj = activation ? pc : pc - 1;
	mod = dwfl_addrmodule(w->u->dwfl, adj);
	if (mod != NULL) {
		mname = dwfl_module_info(mod, NULL, &start, NULL, NULL, NULL,
		    NULL, NULL);
		sym = dwfl_module_addrinfo(mod, adj, &off, &s, NULL, NULL,
		    NULL);
	}
	if (mname == NULL) {
		fprintf(w->fp, " > unexpected_backtracing_error [0x%" PRIx64
		    "]\n", (uint64_t)pc);
		goto next;
	}
	/* Module paths and symbol names come from the tracee: escaped. */
	fputs(" > ", w->fp);
	put_escaped(w->fp, mname);
	fputc('(', w->fp);
	if (sym != NULL) {
		/* "__libc_start_main@@GLIBC_2.34": the version is noise here. */
		char name[512];

		snprintf(name, sizeof(name), "%.*s", (int)strcspn(sym, "@"),
		    sym);
		put_escaped(w->fp, name);
		fprintf(w->fp, "+0x%" PRIx64, (uint64_t)(off + (pc - adj)));
	}
	fprintf(w->fp, ") [0x%" PRIx64 "]\n", (uint64_t)(pc - start));
next:
	return ++w->n >= 256 ? DWARF_CB_ABORT : DWARF_CB_OK;
}

int
ptc__unwind_print(struct ptc__unwind *u, pid_t tid, FILE *fp)
{
	struct walk w = { u, fp, 0 };

	return dwfl_getthread_frames(u->dwfl, tid, frame_cb, &w) == 0 ? 0 : -1;
}
