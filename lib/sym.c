/*
 * sym.c: the symbols of a live process.
 *
 * Modules are the files (and the bracketed regions such as [vdso]) in
 * the process's mappings.  Each module's ELF file is read the first time
 * a lookup needs it and kept, so a tool that describes many addresses
 * reads every file at most once; lookups by address are a binary search
 * over the mappings, then over the module's sorted symbols.
 *
 * Runtime address = link-time address + bias, where the bias comes from
 * the module's first mapping: its start and file offset against the
 * PT_LOAD segment holding that offset.  That is 0 for a non-PIE
 * executable and the load address for PIE executables and libraries.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

enum { MOD_UNREAD, MOD_LOADED, MOD_FAILED };

struct mod {
	char *path;          /* without " (deleted)"; "[vdso]" for regions */
	char *name;          /* short name, as ptc_map_name() gives */
	uint64_t start, end; /* first mapping */
	uint64_t offset;     /* its file offset */
	uint64_t inode;
	int file;            /* backed by a file (path starts with '/') */
	int state;
	int err;             /* errno of a failed load */
	char *errmsg;        /* ptc_error() of a failed load */
	struct ptc_elf *e;
	struct ptc_elf *dbg; /* separate debug file, when e is stripped */
	int dbg_tried;       /* looked for dbg (only when first needed) */
	uint64_t bias;
	uint64_t img_lo, img_hi; /* runtime extent of the loaded segments */
};

struct range {
	uint64_t start, end;
	size_t mod;
};

struct ptc_syms {
	pid_t pid;
	const struct ptc_maps *maps;
	struct mod *mods;
	size_t nmods;
	struct range *ranges;  /* named mappings, sorted by start */
	size_t nranges;
	size_t *order;         /* search order: executable first, [vdso] last */
};

static int
strip_deleted(const char *path, char **out)
{
	size_t n = strlen(path), d = strlen(" (deleted)");

	if (n > d && strcmp(path + n - d, " (deleted)") == 0)
		n -= d;
	if ((*out = strndup(path, n)) == NULL)
		return -1;
	return 0;
}

static int
range_order(const void *pa, const void *pb)
{
	const struct range *a = pa, *b = pb;

	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return 0;
}

void
ptc_syms_free(struct ptc_syms *ss)
{
	size_t i;

	if (ss == NULL)
		return;
	for (i = 0; i < ss->nmods; i++) {
		free(ss->mods[i].path);
		free(ss->mods[i].name);
		free(ss->mods[i].errmsg);
		ptc_elf_close(ss->mods[i].e);
		ptc_elf_close(ss->mods[i].dbg);
	}
	free(ss->mods);
	free(ss->ranges);
	free(ss->order);
	free(ss);
}

struct ptc_syms *
ptc_syms_new(pid_t pid, const struct ptc_maps *maps)
{
	struct ptc_syms *ss;
	size_t n, i, k, cap = 0;
	char exe[4096];
	int saved;

	if (maps == NULL) {
		ptc_fail(EINVAL, "no mappings to find symbols in");
		return NULL;
	}
	if ((ss = calloc(1, sizeof(*ss))) == NULL)
		return NULL;
	ss->pid = pid;
	ss->maps = maps;
	n = ptc_maps_count(maps);
	if (n > 0 && (ss->ranges = calloc(n, sizeof(*ss->ranges))) == NULL)
		goto fail;
	for (i = 0; i < n; i++) {
		const struct ptc_map *m = ptc_maps_at(maps, i);
		char *path;
		size_t j;

		if (m->path == NULL || (m->path[0] != '/' && m->path[0] != '['))
			continue;
		if (strip_deleted(m->path, &path) == -1)
			goto fail;
		/* a file's mappings are mostly next to each other */
		j = ss->nranges > 0 ? ss->ranges[ss->nranges - 1].mod : 0;
		if (j >= ss->nmods || strcmp(ss->mods[j].path, path) != 0)
			for (j = 0; j < ss->nmods; j++)
				if (strcmp(ss->mods[j].path, path) == 0)
					break;
		if (j == ss->nmods) {
			struct mod *md;

			if (ss->nmods == cap) {
				size_t nc = cap ? cap * 2 : 16;
				struct mod *nv = reallocarray(ss->mods, nc,
				    sizeof(*nv));

				if (nv == NULL) {
					free(path);
					goto fail;
				}
				ss->mods = nv;
				cap = nc;
			}
			md = &ss->mods[ss->nmods++];
			memset(md, 0, sizeof(*md));
			md->path = path;
			md->start = m->start;
			md->end = m->end;
			md->offset = m->offset;
			md->inode = m->inode;
			md->file = path[0] == '/';
			/* regions other than the vDSO have no symbols */
			md->state = md->file || strcmp(path, "[vdso]") == 0 ?
			    MOD_UNREAD : MOD_FAILED;
			md->err = ENOENT;
			if ((md->name = strdup(ptc_map_name(m))) == NULL)
				goto fail;
		} else
			free(path);
		ss->ranges[ss->nranges].start = m->start;
		ss->ranges[ss->nranges].end = m->end;
		ss->ranges[ss->nranges].mod = j;
		ss->nranges++;
	}
	qsort(ss->ranges, ss->nranges, sizeof(*ss->ranges), range_order);

	/* search order: the executable, the rest in mapping order, vDSO */
	if (ss->nmods > 0 &&
	    (ss->order = calloc(ss->nmods, sizeof(*ss->order))) == NULL)
		goto fail;
	k = 0;
	if (ptc_os_exe_path(pid, exe, sizeof(exe)) == 0) {
		for (i = 0; i < ss->nmods; i++)
			if (strcmp(ss->mods[i].path, exe) == 0) {
				ss->order[k++] = i;
				break;
			}
	}
	for (i = 0; i < ss->nmods; i++) {
		if (k > 0 && ss->order[0] == i)
			continue;
		if (ss->mods[i].file)
			ss->order[k++] = i;
	}
	for (i = 0; i < ss->nmods; i++)
		if (!ss->mods[i].file)
			ss->order[k++] = i;
	return ss;
fail:
	saved = errno;
	ptc_syms_free(ss);
	errno = saved;
	return NULL;
}

/* Build-id file or .gnu_debuglink file under /usr/lib/debug, checked. */
static struct ptc_elf *
open_debug(struct mod *md)
{
	static const char hex[] = "0123456789abcdef";
	const void *id, *did;
	size_t idlen = 0, didlen, i;
	char path[4096 + 64];
	struct ptc_elf *d = NULL;
	const char *link;

	if (ptc_elf_build_id(md->e, &id, &idlen) == 0 && idlen >= 2 &&
	    idlen <= 64) {
		const unsigned char *b = id;
		size_t o;

		o = (size_t)snprintf(path, sizeof(path),
		    "/usr/lib/debug/.build-id/%c%c/", hex[b[0] >> 4],
		    hex[b[0] & 15]);
		for (i = 1; i < idlen; i++) {
			path[o++] = hex[b[i] >> 4];
			path[o++] = hex[b[i] & 15];
		}
		memcpy(path + o, ".debug", 7);
		if (access(path, R_OK) == 0)
			d = ptc_elf_open(path);
	}
	if (d == NULL && md->file && (link = ptc_elf_debuglink(md->e)) != NULL) {
		const char *slash = strrchr(md->path, '/');
		int dl = (int)(slash - md->path);

		snprintf(path, sizeof(path), "/usr/lib/debug%.*s/%s", dl,
		    md->path, link);
		if (access(path, R_OK) == 0)
			d = ptc_elf_open(path);
		if (d == NULL) {
			snprintf(path, sizeof(path), "%.*s/.debug/%s", dl,
			    md->path, link);
			if (access(path, R_OK) == 0)
				d = ptc_elf_open(path);
		}
	}
	if (d == NULL)
		return NULL;
	/* a debug file for another build would name wrong addresses */
	if (idlen > 0 && (ptc_elf_build_id(d, &did, &didlen) != 0 ||
	    didlen != idlen || memcmp(id, did, idlen) != 0)) {
		ptc_elf_close(d);
		return NULL;
	}
	if (!ptc_elf_has_symtab(d)) {
		ptc_elf_close(d);
		return NULL;
	}
	return d;
}

static int
load(struct ptc_syms *ss, struct mod *md)
{
	char what[4200];
	int fd;

	if (md->state == MOD_LOADED)
		return 0;
	if (md->state == MOD_FAILED) {
		if (md->errmsg != NULL)
			return ptc_fail(md->err, "%s", md->errmsg);
		return ptc_fail(md->err, "not an ELF module");
	}
	if (md->file) {
		snprintf(what, sizeof(what), "%s", md->path);
		if ((fd = ptc_os_module_open(ss->pid, md->start, md->end,
		    md->path, md->inode)) != -1) {
			md->e = ptc_elf_open_fd(fd, what);
			close(fd);
		}
	} else {
		/* the vDSO exists only in memory */
		size_t len = (size_t)(md->end - md->start);
		void *buf;

		if (len > 0 && len <= (1u << 24) && (buf = malloc(len)) != NULL) {
			ssize_t n = ptc_mem_read(ss->pid, md->start, buf, len,
			    PTC_MEM_AUTO);

			if (n > 0)
				md->e = ptc_elf_open_mem(buf, (size_t)n);
			free(buf);
		} else if (len > 0)
			ptc_fail(ENOMEM, "%s: too large", md->name);
	}
	if (md->e != NULL && ptc_elf_bias(md->e, md->start, md->offset,
	    &md->bias) == -1) {
		ptc_elf_close(md->e);
		md->e = NULL;
	}
	if (md->e == NULL) {
		md->err = errno ? errno : ENOENT;
		md->errmsg = strdup(ptc_error());
		md->state = MOD_FAILED;
		errno = md->err;
		return -1;
	}
	if (ptc_elf_load_range(md->e, &md->img_lo, &md->img_hi) == 0) {
		md->img_lo += md->bias;
		md->img_hi += md->bias;
	}
	md->state = MOD_LOADED;
	return 0;
}

/* The module a user named, matched as ptc_maps_module() matches. */
static struct mod *
find_mod(struct ptc_syms *ss, const char *name)
{
	const struct ptc_map *m = ptc_maps_module(ss->maps, name);
	char *path;
	size_t i;

	if (m == NULL || strip_deleted(m->path, &path) == -1)
		return NULL;
	for (i = 0; i < ss->nmods; i++)
		if (strcmp(ss->mods[i].path, path) == 0) {
			free(path);
			return &ss->mods[i];
		}
	free(path);
	return NULL;
}

/*
 * The debug file of a stripped module, looked for once: its symbol
 * table is larger than the file itself, so exported names are first
 * looked up without it.
 */
static struct ptc_elf *
mod_dbg(struct mod *md)
{
	if (!md->dbg_tried) {
		md->dbg_tried = 1;
		if (!ptc_elf_has_symtab(md->e))
			md->dbg = open_debug(md);
	}
	return md->dbg;
}

static int
mod_lookup(struct mod *md, const char *name, uint64_t *addr)
{
	struct ptc_sym s;

	if (ptc_elf_sym_byname(md->e, name, &s) == 0 ||
	    (mod_dbg(md) != NULL && ptc_elf_sym_byname(md->dbg, name, &s) == 0)) {
		*addr = s.value + md->bias;
		return 0;
	}
	return -1;
}

int
ptc_syms_lookup(struct ptc_syms *ss, const char *module, const char *name,
    uint64_t *addr)
{
	size_t i;

	if (name == NULL || name[0] == '\0')
		return ptc_fail(EINVAL, "empty symbol name");
	if (module != NULL) {
		struct mod *md = find_mod(ss, module);

		if (md == NULL)
			return ptc_fail(ENOENT, "no module '%s' in process %d",
			    module, (int)ss->pid);
		if (load(ss, md) == -1) {
			char why[512];

			snprintf(why, sizeof(why), "%s", ptc_error());
			return ptc_fail(errno == ENOENT ? ENOENT : errno,
			    "no symbols for %s: %s", md->name, why);
		}
		if (mod_lookup(md, name, addr) == 0)
			return 0;
		return ptc_fail(ENOENT, "unknown symbol '%s' in %s", name,
		    md->name);
	}
	for (i = 0; i < ss->nmods; i++) {
		struct mod *md = &ss->mods[ss->order[i]];

		if (load(ss, md) == 0 && mod_lookup(md, name, addr) == 0)
			return 0;
	}
	return ptc_fail(ENOENT, "unknown symbol '%s'", name);
}

/* The module holding addr: in one of its mappings, or its .bss. */
static struct mod *
mod_at(struct ptc_syms *ss, uint64_t addr)
{
	size_t lo = 0, hi = ss->nranges;
	struct mod *md;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (ss->ranges[mid].start <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return NULL;
	md = &ss->mods[ss->ranges[lo - 1].mod];
	if (addr < ss->ranges[lo - 1].end)
		return md;
	/*
	 * Past the last file page, a module's .bss goes on in an anonymous
	 * mapping that maps does not name.
	 */
	if (md->file && load(ss, md) == 0 && addr >= md->img_lo &&
	    addr < md->img_hi)
		return md;
	return NULL;
}

/*
 * The symbol of md that covers runtime address addr into *best: the
 * module's own, or its debug file's when that one is nearer.  0, or -1
 * when none covers it.
 */
static int
sym_covering(struct mod *md, uint64_t addr, struct ptc_sym *best)
{
	struct ptc_sym s;
	uint64_t link;
	int covered, found = 0;

	if (addr < md->bias)
		return -1;
	link = addr - md->bias;
	if (ptc_elf_sym_find(md->e, link, &s, &covered) == 0 && covered) {
		*best = s;
		found = 1;
	}
	/* the debug file knows the local symbols a stripped file lost */
	if (mod_dbg(md) != NULL &&
	    ptc_elf_sym_find(md->dbg, link, &s, &covered) == 0 &&
	    covered && (!found || s.value > best->value)) {
		*best = s;
		found = 1;
	}
	return found ? 0 : -1;
}

/*
 * Length of the name to show: "memcpy", not "memcpy@@GLIBC_2.14" (it
 * reads back); "puts@plt" stays, it is the name of a PLT entry.
 */
static int
shown_len(const char *name)
{
	size_t bl = strlen(name);

	return bl > 4 && strcmp(name + bl - 4, "@plt") == 0 ? (int)bl :
	    (int)strcspn(name, "@");
}

int
ptc_syms_describe(struct ptc_syms *ss, uint64_t addr, char *sym,
    size_t symlen, char *mod, size_t modlen)
{
	struct ptc_sym best;
	struct mod *md;
	uint64_t off;

	if (sym != NULL && symlen > 0)
		sym[0] = '\0';
	if (mod != NULL && modlen > 0)
		mod[0] = '\0';
	if ((md = mod_at(ss, addr)) == NULL)
		return ptc_fail(ENOENT, "0x%" PRIx64 " is in no module of "
		    "process %d", addr, (int)ss->pid);
	if (mod != NULL && modlen > 0) {
		off = addr - md->start;
		if (addr < md->start)
			snprintf(mod, modlen, "%s-0x%" PRIx64, md->name,
			    md->start - addr);
		else if (off == 0)
			snprintf(mod, modlen, "%s", md->name);
		else
			snprintf(mod, modlen, "%s+0x%" PRIx64, md->name, off);
	}
	if (sym == NULL || symlen == 0 || load(ss, md) == -1 ||
	    sym_covering(md, addr, &best) == -1)
		return 0;
	off = addr - md->bias - best.value;
	if (off == 0)
		snprintf(sym, symlen, "%.*s", shown_len(best.name), best.name);
	else
		snprintf(sym, symlen, "%.*s+0x%" PRIx64, shown_len(best.name),
		    best.name, off);
	return 0;
}

int
ptc_syms_label(struct ptc_syms *ss, uint64_t addr, char *buf, size_t len)
{
	struct ptc_sym best;
	struct mod *md;

	if (len > 0)
		buf[0] = '\0';
	if ((md = mod_at(ss, addr)) == NULL || load(ss, md) == -1 ||
	    sym_covering(md, addr, &best) == -1 ||
	    addr - md->bias != best.value || best.name[0] == '\0')
		return ptc_fail(ENOENT, "no symbol starts at 0x%" PRIx64, addr);
	snprintf(buf, len, "%.*s", shown_len(best.name), best.name);
	return 0;
}
