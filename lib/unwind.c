/*
 * unwind.c: backtraces of a stopped thread through elfutils' libdwfl on
 * the live process (CFI, and the CPU backend's frame-pointer fallback),
 * with symbols, source lines and inlined calls as frames of their own;
 * one line a frame as ptstack prints it, and strace's -k form for
 * ptstrace: " > /usr/lib/libc.so.6(write+0x14) [0x10b2a4]".
 */
#include <elfutils/libdwfl.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "sc_priv.h"
#include "trace_int.h"

#define MAX_FRAMES 256
#define MAX_INLINE 16

struct walk {
	struct ptc_dwarf *d;
	unsigned max;         /* frames to give at most */
	unsigned n;           /* frames given */
	int lines;            /* look up source lines and inlined calls */
	int (*fn)(const struct ptc_frame *, void *);
	void *arg;
	int stopped;          /* fn asked to stop */
};

/* Give one frame; DWARF_CB_ABORT once enough were given. */
static int
give(struct walk *w, struct ptc_frame *f)
{
	f->n = w->n++;
	if (w->fn(f, w->arg) != 0) {
		w->stopped = 1;
		return DWARF_CB_ABORT;
	}
	return w->n >= w->max ? DWARF_CB_ABORT : DWARF_CB_OK;
}

static int
frame_cb(Dwfl_Frame *frame, void *arg)
{
	struct walk *w = arg;
	struct ptc_srcloc loc[MAX_INLINE];
	struct ptc_frame f = { 0 };
	struct ptc__where wh;
	Dwarf_Addr pc, adj;
	bool activation;
	const char *sym;
	char name[512];
	int nloc = 0, mod;

	if (!dwfl_frame_pc(frame, &pc, &activation))
		return DWARF_CB_ABORT;
	/* A return address is past its call: look up the call itself. */
	adj = activation ? pc : pc - 1;
	f.pc = pc;
	mod = ptc__dwarf_where(w->d, adj, &wh) == 0;
	f.module = wh.module;
	f.module_start = wh.module_start;
	sym = wh.sym;
	if (sym != NULL) {
		/* "__libc_start_main@@GLIBC_2.34": the version is noise. */
		snprintf(name, sizeof(name), "%.*s", (int)strcspn(sym, "@"),
		    sym);
		f.sym = name;
		f.symoff = wh.symoff + (pc - adj);
	}
	if (w->lines && mod &&
	    (nloc = ptc_dwarf_srcline(w->d, adj, loc, MAX_INLINE)) < 0)
		nloc = 0;
	if (nloc > MAX_INLINE)
		nloc = MAX_INLINE;
	for (int i = 0; i < nloc; i++) {
		if (loc[i].inlined && i + 1 < nloc) {
			struct ptc_frame in = f;

			in.inlined = 1;
			in.sym = loc[i].func;
			in.symoff = 0;
			in.func = loc[i].func;
			in.file = loc[i].file;
			in.line = loc[i].line;
			if (give(w, &in) == DWARF_CB_ABORT)
				return DWARF_CB_ABORT;
			continue;
		}
		f.func = loc[i].func;
		f.file = loc[i].file;
		f.line = loc[i].line;
	}
	return give(w, &f);
}

static int
unwind(struct ptc_dwarf *d, pid_t tid, unsigned max, int lines,
    int (*fn)(const struct ptc_frame *, void *), void *arg)
{
	struct walk w = { d, max == 0 ? MAX_FRAMES : max, 0, lines, fn, arg,
	    0 };

	if (ptc__dwarf_attach(d) != 0)
		return -1;
	if (dwfl_getthread_frames(ptc__dwarf_dwfl(d), tid, frame_cb,
	    &w) != 0 && w.n == 0 && !w.stopped) {
		/* The thread went away: libdwfl cannot read its registers. */
		if (kill(tid, 0) != 0 || ptc_pid_check(tid) != 0)
			return ptc_fail(ESRCH, "thread %d is gone", (int)tid);
		return ptc_fail(EIO, "thread %d: unwinding: %s", (int)tid,
		    dwfl_errmsg(-1));
	}
	return (int)w.n;
}

int
ptc_dwarf_unwind(struct ptc_dwarf *d, pid_t tid, unsigned max,
    int (*fn)(const struct ptc_frame *f, void *arg), void *arg)
{
	return unwind(d, tid, max, ptc__dwarf_lines(d), fn, arg);
}

/* The last part of a path. */
static const char *
base(const char *path)
{
	const char *p = strrchr(path, '/');

	return p != NULL && p[1] != '\0' ? p + 1 : path;
}

static void
json_or_null(FILE *fp, const char *s)
{
	if (s != NULL)
		ptc_json_str(fp, s, strlen(s));
	else
		fputs("null", fp);
}

int
ptc_frame_print(FILE *fp, const struct ptc_frame *f, int json,
    const char *prefix)
{
	if (json) {
		fprintf(fp, "{%s\"n\":%u,\"pc\":\"0x%" PRIx64 "\",\"symbol\":",
		    prefix != NULL ? prefix : "", f->n, f->pc);
		json_or_null(fp, f->sym);
		fprintf(fp, ",\"offset\":%" PRIu64 ",\"module\":", f->symoff);
		json_or_null(fp, f->module);
		fputs(",\"file\":", fp);
		json_or_null(fp, f->file);
		fprintf(fp, ",\"line\":");
		if (f->line > 0)
			fprintf(fp, "%d", f->line);
		else
			fputs("null", fp);
		fprintf(fp, ",\"inlined\":%s}\n", f->inlined ? "true" :
		    "false");
		return ferror(fp) ? -1 : 0;
	}
	fprintf(fp, "#%u  0x%016" PRIx64 "  ", f->n, f->pc);
	if (f->sym != NULL) {
		/* Names and paths come from the process: escaped. */
		ptc_escape_bare(fp, f->sym, strlen(f->sym));
		if (f->symoff != 0)
			fprintf(fp, "+0x%" PRIx64, f->symoff);
	} else {
		fputs("??", fp);
	}
	fputs("  ", fp);
	if (f->module != NULL)
		ptc_escape_bare(fp, base(f->module), strlen(base(f->module)));
	else
		fputs("??", fp);
	if (f->file != NULL) {
		fputs("  ", fp);
		ptc_escape_bare(fp, f->file, strlen(f->file));
		if (f->line > 0)
			fprintf(fp, ":%d", f->line);
	}
	if (f->inlined)
		fputs(" (inlined)", fp);
	fputc('\n', fp);
	return ferror(fp) ? -1 : 0;
}

/* ptstrace -k: the module's path, symbol+offset and module offset. */
static int
print_k(const struct ptc_frame *f, void *arg)
{
	FILE *fp = arg;

	if (f->module == NULL) {
		fprintf(fp, " > unexpected_backtracing_error [0x%" PRIx64
		    "]\n", f->pc);
		return 0;
	}
	fputs(" > ", fp);
	ptc_escape_bare(fp, f->module, strlen(f->module));
	fputc('(', fp);
	if (f->sym != NULL) {
		ptc_escape_bare(fp, f->sym, strlen(f->sym));
		fprintf(fp, "+0x%" PRIx64, f->symoff);
	}
	fprintf(fp, ") [0x%" PRIx64 "]\n", f->pc - f->module_start);
	return 0;
}

int
ptc__unwind_print(struct ptc_dwarf *d, pid_t tid, FILE *fp)
{
	return unwind(d, tid, MAX_FRAMES, 0, print_k, fp) < 0 ? -1 : 0;
}
