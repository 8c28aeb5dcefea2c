/*
 * dwarf.c: the debug information of a live process (or of one ELF
 * file) through elfutils' libdwfl (modules from /proc/PID/maps, each
 * opened through its mapping, DWARF found beside the file or under
 * /usr/lib/debug), and address -> FILE:LINE with the function and the
 * chain of inlined calls at that address.  The one Dwfl of a process:
 * the unwinder (lib/unwind.c) and the variable reader (lib/dwvar.c)
 * use this one.
 */
#include <elfutils/libdw.h>
#include <elfutils/libdwfl.h>
#include <dwarf.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

/* Inlined calls within calls followed at most. */
#define MAX_DEPTH 32

/*
 * The locations of recent addresses: the threads of a process mostly
 * wait at the same few return addresses, and a DWARF look-up is the
 * dearest part of a frame.  Direct-mapped; its strings are libdw's.
 */
#define CACHE_SIZE 1024
#define CACHE_LOCS 6
struct cached {
	uint64_t addr;
	int count;          /* -1: empty */
	struct ptc_srcloc loc[CACHE_LOCS];
};

/* The module and ELF symbol of recent addresses (libdwfl searches a
 * module's symbols one by one). */
struct where {
	uint64_t addr;
	bool valid;
	struct ptc__where w;
};

struct ptc_dwarf {
	Dwfl *dwfl;
	pid_t pid;
	char *path;         /* ptc_dwarf_open_file(): the file, pid 0 */
	struct ptc_maps *maps; /* the process's, as last reported */
	bool attached;      /* dwfl_linux_proc_attach done */
	bool no_lines;      /* unwinds without lines (ptc_dwarf_set_lines) */
	struct cached *cache; /* CACHE_SIZE entries once used */
	struct where *wcache; /* likewise */
};

static char *debuginfo_path;

/*
 * A module's file opened as the library opens it (lib/sym.c): through
 * the mapping itself, so a deleted file or one in another mount
 * namespace is found; else libdwfl's own way.  The module's user data
 * is its ptc_dwarf.
 */
static int
proc_find_elf(Dwfl_Module *mod, void **ud, const char *name,
    Dwarf_Addr base, char **file_name, Elf **elfp)
{
	const struct ptc_dwarf *d = *ud;
	size_t nl = ptc__path_len(name), i;
	int fd;

	if (d != NULL && d->maps != NULL && name[0] == '/')
		for (i = 0; i < ptc_maps_count(d->maps); i++) {
			const struct ptc_map *m = ptc_maps_at(d->maps, i);
			char path[4096];

			if (m->start != base || ptc__path_len(m->path) != nl ||
			    strncmp(m->path, name, nl) != 0)
				continue;
			snprintf(path, sizeof(path), "%.*s", (int)nl, name);
			fd = ptc_os_module_open(d->pid, m->start, m->end, path,
			    m->inode);
			if (fd < 0)
				break;
			if ((*file_name = strdup(path)) == NULL) {
				close(fd);
				return -1;
			}
			return fd;
		}
	return dwfl_linux_proc_find_elf(mod, ud, name, base, file_name, elfp);
}

/* Set each module's user data for proc_find_elf(). */
static int
set_ud(Dwfl_Module *mod, void **ud, const char *name, Dwarf_Addr start,
    void *arg)
{
	(void)mod;
	(void)name;
	(void)start;
	*ud = arg;
	return DWARF_CB_OK;
}

static const Dwfl_Callbacks callbacks = {
	.find_elf = proc_find_elf,
	.find_debuginfo = dwfl_standard_find_debuginfo,
	.debuginfo_path = &debuginfo_path,
};

/* A file on its own: at the addresses it was linked at. */
static const Dwfl_Callbacks file_callbacks = {
	.find_elf = dwfl_build_id_find_elf,
	.find_debuginfo = dwfl_standard_find_debuginfo,
	.section_address = dwfl_offline_section_address,
	.debuginfo_path = &debuginfo_path,
};

static int
report(struct ptc_dwarf *d)
{
	d->dwfl = dwfl_begin(d->path != NULL ? &file_callbacks : &callbacks);
	if (d->dwfl == NULL)
		return ptc_fail(ENOMEM, "libdwfl: %s", dwfl_errmsg(-1));
	if (d->path != NULL ? dwfl_report_elf(d->dwfl, d->path, d->path, -1,
	    0, true) == NULL : dwfl_linux_proc_report(d->dwfl, d->pid) != 0) {
		dwfl_end(d->dwfl);
		d->dwfl = NULL;
		if (d->path != NULL)
			return ptc_fail(ENOEXEC, "%s: %s", d->path,
			    dwfl_errmsg(-1));
		return ptc_fail(ESRCH, "process %d: cannot read its modules",
		    (int)d->pid);
	}
	if (dwfl_report_end(d->dwfl, NULL, NULL) != 0) {
		dwfl_end(d->dwfl);
		d->dwfl = NULL;
		return ptc_fail(EIO, "libdwfl: %s", dwfl_errmsg(-1));
	}
	if (d->path == NULL) {
		/* Without the maps a module is opened by its name. */
		ptc_maps_free(d->maps);
		d->maps = ptc_maps_read(d->pid);
		dwfl_getmodules(d->dwfl, set_ud, d, 0);
	}
	d->attached = false;
	if (d->cache != NULL)
		for (size_t i = 0; i < CACHE_SIZE; i++)
			d->cache[i].count = -1;
	if (d->wcache != NULL)
		for (size_t i = 0; i < CACHE_SIZE; i++)
			d->wcache[i].valid = false;
	return 0;
}

struct ptc_dwarf *
ptc_dwarf_new(pid_t pid)
{
	struct ptc_dwarf *d = calloc(1, sizeof(*d));

	if (d == NULL)
		return NULL;
	d->pid = pid;
	if (report(d) != 0) {
		free(d);
		return NULL;
	}
	return d;
}

struct ptc_dwarf *
ptc_dwarf_open_file(const char *path)
{
	struct ptc_dwarf *d = calloc(1, sizeof(*d));

	if (d == NULL || (d->path = strdup(path)) == NULL) {
		free(d);
		return NULL;
	}
	if (report(d) != 0) {
		ptc_dwarf_free(d);
		return NULL;
	}
	return d;
}

void
ptc_dwarf_free(struct ptc_dwarf *d)
{
	if (d == NULL)
		return;
	free(d->path);
	if (d->dwfl != NULL)
		dwfl_end(d->dwfl);
	ptc_maps_free(d->maps);
	free(d->cache);
	free(d->wcache);
	free(d);
}

int
ptc_dwarf_refresh(struct ptc_dwarf *d)
{
	/* A fresh Dwfl: libdwfl keeps no thread state across reports. */
	if (d->dwfl != NULL)
		dwfl_end(d->dwfl);
	d->dwfl = NULL;
	return report(d);
}

Dwfl *
ptc__dwarf_dwfl(struct ptc_dwarf *d)
{
	return d->dwfl;
}

void
ptc_dwarf_set_lines(struct ptc_dwarf *d, int on)
{
	d->no_lines = !on;
}

int
ptc__dwarf_lines(const struct ptc_dwarf *d)
{
	return !d->no_lines;
}

/* After a failed ptc_dwarf_refresh() there are no modules to ask. */
static int
gone(const struct ptc_dwarf *d)
{
	if (d->dwfl != NULL)
		return 0;
	if (d->path != NULL)
		return ptc_fail(ENOENT, "%s: no modules", d->path);
	return ptc_fail(ESRCH, "process %d: no modules", (int)d->pid);
}

int
ptc__dwarf_attach(struct ptc_dwarf *d)
{
	int e;

	if (d->attached)
		return 0;
	if (gone(d) != 0)
		return -1;
	if (d->path != NULL)
		return ptc_fail(ENOTSUP, "%s: a file has no threads to unwind",
		    d->path);
	/* The caller stops the threads: libdwfl must not attach itself. */
	if ((e = dwfl_linux_proc_attach(d->dwfl, d->pid, true)) != 0) {
		if (ptc_pid_check(d->pid) != 0)
			return ptc_fail(ESRCH, "process %d has exited",
			    (int)d->pid);
		return ptc_fail(e > 0 ? e : EIO, "process %d: unwinding: %s",
		    (int)d->pid, e > 0 ? strerror(e) : dwfl_errmsg(-1));
	}
	d->attached = true;
	return 0;
}

int
ptc__dwarf_where(struct ptc_dwarf *d, uint64_t addr, struct ptc__where *w)
{
	struct where *c = NULL;
	Dwfl_Module *mod;
	Dwarf_Addr start = 0;
	GElf_Off off = 0;
	GElf_Sym s;

	memset(w, 0, sizeof(*w));
	if (gone(d) != 0)
		return -1;
	if (d->wcache == NULL)
		d->wcache = calloc(CACHE_SIZE, sizeof(*d->wcache));
	if (d->wcache != NULL) {
		c = &d->wcache[(addr ^ addr >> 10) % CACHE_SIZE];
		if (c->valid && c->addr == addr) {
			*w = c->w;
			return w->module != NULL ? 0 : -1;
		}
	}
	memset(w, 0, sizeof(*w));
	if ((mod = dwfl_addrmodule(d->dwfl, addr)) != NULL) {
		w->module = dwfl_module_info(mod, NULL, &start, NULL, NULL,
		    NULL, NULL, NULL);
		w->module_start = start;
		w->sym = dwfl_module_addrinfo(mod, addr, &off, &s, NULL, NULL,
		    NULL);
		w->symoff = off;
	}
	if (c != NULL) {
		c->addr = addr;
		c->w = *w;
		c->valid = true;
	}
	return w->module != NULL ? 0 : -1;
}

struct modfind {
	const char *path;
	Dwfl_Module *mod;
};

static int
module_cb(Dwfl_Module *mod, void **userdata, const char *name,
    Dwarf_Addr start, void *arg)
{
	struct modfind *want = arg;

	(void)userdata;
	(void)start;
	if (strcmp(name, want->path) != 0)
		return DWARF_CB_OK;
	want->mod = mod;
	return DWARF_CB_ABORT;
}

int
ptc_dwarf_exe_lines(struct ptc_dwarf *d)
{
	char path[PATH_MAX];
	Dwfl_Module *mod;
	struct modfind want;
	Dwarf_Addr bias;
	Dwarf_Die *cu = NULL;

	if (gone(d) != 0)
		return -1;
	if (d->path != NULL)
		snprintf(path, sizeof(path), "%s", d->path);
	else if (ptc_os_exe_path(d->pid, path, sizeof(path)) != 0)
		return -1;
	want.path = path;
	want.mod = NULL;
	for (ptrdiff_t off = 0; (off = dwfl_getmodules(d->dwfl,
	    module_cb, &want, off)) > 0; )
		;
	if ((mod = want.mod) == NULL)
		return ptc_fail(ENOENT, "process %d: no module %s", (int)d->pid,
		    path);
	if (dwfl_module_getdwarf(mod, &bias) == NULL)
		return 0;
	/* DWARF without a line table (-g0 plus CFI in .debug_frame). */
	while ((cu = dwfl_module_nextcu(mod, cu, &bias)) != NULL) {
		Dwarf_Lines *lines;
		size_t n;

		if (dwarf_getsrclines(cu, &lines, &n) == 0 && n > 0)
			return 1;
	}
	return 0;
}

/* A function's name, following DW_AT_abstract_origin and specification. */
static const char *
die_name(Dwarf_Die *die)
{
	Dwarf_Attribute a;
	const char *s;

	if (dwarf_attr_integrate(die, DW_AT_name, &a) != NULL &&
	    (s = dwarf_formstring(&a)) != NULL)
		return s;
	if (dwarf_attr_integrate(die, DW_AT_linkage_name, &a) != NULL)
		return dwarf_formstring(&a);
	return NULL;
}

static int
die_udata(Dwarf_Die *die, unsigned name, Dwarf_Word *v)
{
	Dwarf_Attribute a;

	return dwarf_formudata(dwarf_attr(die, name, &a), v);
}

/*
 * The functions and inlined calls that hold pc, below parent, into
 * chain from position n on (outermost first, up to max); returns the
 * new count.  Lexical blocks hold inlined calls too; namespaces hold
 * functions without a range of their own.
 */
static int
scopes(Dwarf_Die *parent, Dwarf_Addr pc, Dwarf_Die *chain, int n, int max)
{
	Dwarf_Die child;
	int got;

	if (dwarf_child(parent, &child) != 0)
		return n;
	do {
		switch (dwarf_tag(&child)) {
		case DW_TAG_namespace:
			if ((got = scopes(&child, pc, chain, n, max)) > n)
				return got;
			continue;
		case DW_TAG_subprogram:
		case DW_TAG_inlined_subroutine:
			if (dwarf_haspc(&child, pc) != 1)
				continue;
			if (n < max)
				chain[n] = child;
			return scopes(&child, pc, chain, n + 1, max);
		case DW_TAG_lexical_block:
			if (dwarf_haspc(&child, pc) == 1)
				return scopes(&child, pc, chain, n, max);
			continue;
		}
	} while (dwarf_siblingof(&child, &child) == 0);
	return n;
}

static int lookup(struct ptc_dwarf *d, uint64_t addr, struct ptc_srcloc *loc,
    size_t n);

int
ptc_dwarf_srcline(struct ptc_dwarf *d, uint64_t addr, struct ptc_srcloc *loc,
    size_t n)
{
	struct cached *c;
	int count;

	if (gone(d) != 0)
		return -1;
	if (d->cache == NULL) {
		if ((d->cache = malloc(CACHE_SIZE * sizeof(*c))) == NULL)
			return lookup(d, addr, loc, n);
		for (size_t i = 0; i < CACHE_SIZE; i++)
			d->cache[i].count = -1;
	}
	c = &d->cache[(addr ^ addr >> 10) % CACHE_SIZE];
	if (c->count >= 0 && c->addr == addr) {
		memcpy(loc, c->loc, (n < (size_t)c->count ? n :
		    (size_t)c->count) * sizeof(*loc));
		return c->count;
	}
	c->count = -1;
	if ((count = lookup(d, addr, c->loc, CACHE_LOCS)) < 0)
		return -1;
	if (count > CACHE_LOCS) {
		c->count = -1;
		return lookup(d, addr, loc, n);
	}
	c->addr = addr;
	c->count = count;
	memcpy(loc, c->loc, (n < (size_t)count ? n : (size_t)count) *
	    sizeof(*loc));
	return count;
}

/* ptc_dwarf_srcline() without the cache. */
static int
lookup(struct ptc_dwarf *d, uint64_t addr, struct ptc_srcloc *loc, size_t n)
{
	Dwfl_Module *mod;
	Dwfl_Line *l;
	Dwarf_Die *cu, chain[MAX_DEPTH];
	Dwarf_Files *files = NULL;
	Dwarf_Addr bias;
	struct ptc_srcloc cur = { 0 };
	int nscopes, count = 0;

	if ((mod = dwfl_addrmodule(d->dwfl, addr)) == NULL)
		return ptc_fail(ENOENT, "0x%llx: in no module",
		    (unsigned long long)addr);
	if ((cu = dwfl_module_addrdie(mod, addr, &bias)) == NULL)
		return 0;
	if ((l = dwfl_module_getsrc(mod, addr)) != NULL)
		cur.file = dwfl_lineinfo(l, NULL, &cur.line, &cur.column,
		    NULL, NULL);
	if ((nscopes = scopes(cu, addr - bias, chain, 0, MAX_DEPTH)) >
	    MAX_DEPTH)
		nscopes = MAX_DEPTH;
	/* Innermost first: the code at addr, then the calls around it. */
	for (int i = nscopes - 1; i >= 0; i--) {
		Dwarf_Word v;

		cur.func = die_name(&chain[i]);
		cur.inlined = dwarf_tag(&chain[i]) ==
		    DW_TAG_inlined_subroutine && i > 0;
		if ((size_t)count < n)
			loc[count] = cur;
		count++;
		if (!cur.inlined)
			break;
		/* The caller's line is where the inlined call was. */
		memset(&cur, 0, sizeof(cur));
		if (files == NULL)
			dwarf_getsrcfiles(cu, &files, NULL);
		if (files != NULL && die_udata(&chain[i], DW_AT_call_file,
		    &v) == 0)
			cur.file = dwarf_filesrc(files, v, NULL, NULL);
		if (die_udata(&chain[i], DW_AT_call_line, &v) == 0)
			cur.line = (int)v;
		if (die_udata(&chain[i], DW_AT_call_column, &v) == 0)
			cur.column = (int)v;
	}
	/* Code of no function DIE (assembly with line info): the line. */
	if (count == 0 && cur.file != NULL) {
		if (n > 0)
			loc[0] = cur;
		count = 1;
	}
	return count;
}
