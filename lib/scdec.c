/*
 * scdec.c: the syscall decoding engine.  ptc_sc_enter() prints what is
 * known when a syscall starts and ptc_sc_exit() the rest, as strace
 * splits a line around "<unfinished ...>"; the per-argument printers
 * named by the syscall table do the actual work (lib/sc_*.c).
 */
#include <linux/audit.h>

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/uio.h>

#include "internal.h"
#include "sc_priv.h"
#include "trace_int.h"
#include "xlat.h"

/* Column where strace aligns "= RESULT" unless -a says otherwise. */
#define RESULT_COL 40

/*
 * The tracee's pages read during one stop.  Decoders read many small
 * pieces of the same memory (an iovec array, then each of its buffers);
 * a page at a time, the pieces after the first cost no system call.
 * Dropped at every entry and exit, when the tracee may have run.  One
 * per thread, whichever decoder (one per traced task) uses it: a tracer
 * of 10000 threads keeps four pages, not 40000.
 */
#define RC_PAGES 4
struct ptc__rdcache {
	pid_t pid;
	size_t psize;
	unsigned next;              /* the slot to fill next */
	unsigned char *mem;         /* RC_PAGES pages */
	uint64_t base[RC_PAGES];
	int valid[RC_PAGES];        /* 1 read, -1 does not read whole, 0 none */
};

static void cache_drop(struct ptc__dc *c);

static _Thread_local struct ptc__rdcache rdcache;

struct ptc_scdec {
	struct ptc__dc c;
	struct ptc__sb o;       /* the text being formatted */
	struct ptc__sb j;       /* JSON: arguments formatted at entry */
	char name[32];          /* name shown for an unknown number */
	const char *cur;        /* name of the syscall entered */
	int entered;
	int nentry;             /* arguments printed at entry */
	int split;              /* the last of them goes on at exit */
	int optexit;            /* the first exit argument may be absent */
	int raw;                /* -e raw=: arguments undecoded, all at entry */
	unsigned col;           /* column of the text to come */
	int col_set;
	size_t entry_end;       /* column after the entry text */
	ssize_t (*rd)(void *, uint64_t, void *, size_t);
	void *rdctx;
};

/*
 * The memory reader of the library when it is linked in, else
 * process_vm_readv() directly (a tracer stopped the task, so the
 * pages cannot change under us).
 */
extern ssize_t ptc_mem_read(pid_t, uint64_t, void *, size_t,
    enum ptc_mem_method) __attribute__((weak));

static ssize_t
default_read(void *ctx, uint64_t addr, void *buf, size_t len)
{
	pid_t pid = (pid_t)(intptr_t)ctx;
	struct iovec l, r;

	if (ptc_mem_read != NULL)
		return ptc_mem_read(pid, addr, buf, len, PTC_MEM_AUTO);
	l.iov_base = buf;
	l.iov_len = len;
	r.iov_base = (void *)(uintptr_t)addr;
	r.iov_len = len;
	return process_vm_readv(pid, &l, 1, &r, 1, 0);
}

struct ptc_scdec *
ptc_scdec_new(void)
{
	struct ptc_scdec *d = calloc(1, sizeof(*d));

	if (d == NULL)
		return NULL;
	d->c.o = &d->o;
	return d;
}

void
ptc_scdec_free(struct ptc_scdec *d)
{
	if (d == NULL)
		return;
	free(d->o.p);
	free(d->j.p);
	free(d->c.mnl);
	free(d);
}

void
ptc_scdec_set_reader(struct ptc_scdec *d,
    ssize_t (*rd)(void *ctx, uint64_t addr, void *buf, size_t len),
    void *ctx)
{
	d->rd = rd;
	d->rdctx = ctx;
}

void
ptc_scdec_column(struct ptc_scdec *d, unsigned col)
{
	d->col = col;
	d->col_set = 1;
}

const char *
ptc_sc_current(const struct ptc_scdec *d)
{
	return d->cur;
}

void
ptc__scdec_interrupted(struct ptc_scdec *d, const char *name)
{
	d->c.restart = name;
}

int
ptc__scdec_demux(struct ptc_scdec *d, pid_t pid, struct ptc_scinfo *si)
{
	struct ptc__dc *c = &d->c;

	cache_drop(c);

	c->pid = pid;
	c->rd = d->rd;
	c->rdctx = d->rdctx;
	return ptc__sc_demux(c, si->arch, &si->nr, si->args);
}

static ssize_t
rd_direct(struct ptc__dc *c, uint64_t addr, void *buf, size_t len)
{
	if (c->rd != NULL)
		return c->rd(c->rdctx, addr, buf, len);
	return default_read((void *)(intptr_t)c->pid, addr, buf, len);
}

/*
 * A new stop: this thread's page cache, emptied (none if it cannot be
 * had: a decoder still works, a read at a time).
 */
static void
cache_drop(struct ptc__dc *c)
{
	long ps;

	if (rdcache.mem == NULL) {
		ps = sysconf(_SC_PAGESIZE);
		rdcache.psize = ps > 0 ? (size_t)ps : 4096;
		rdcache.mem = malloc(RC_PAGES * rdcache.psize);
	}
	c->cache = rdcache.mem != NULL ? &rdcache : NULL;
	memset(rdcache.valid, 0, sizeof(rdcache.valid));
}

/* The page at base from the cache, read in if need be; NULL if unreadable. */
static const unsigned char *
cache_page(struct ptc__dc *c, uint64_t base)
{
	struct ptc__rdcache *rc = c->cache;
	unsigned i;

	if (rc->pid != c->pid) {
		memset(rc->valid, 0, sizeof(rc->valid));
		rc->pid = c->pid;
	}
	for (i = 0; i < RC_PAGES; i++)
		if (rc->valid[i] != 0 && rc->base[i] == base)
			return rc->valid[i] > 0 ? rc->mem + i * rc->psize : NULL;
	i = rc->next++ % RC_PAGES;
	rc->base[i] = base;
	/* a page that does not read whole is not tried again this stop */
	rc->valid[i] = rd_direct(c, base, rc->mem + i * rc->psize,
	    rc->psize) == (ssize_t)rc->psize ? 1 : -1;
	return rc->valid[i] > 0 ? rc->mem + i * rc->psize : NULL;
}

ssize_t
ptc__rd(struct ptc__dc *c, uint64_t addr, void *buf, size_t len)
{
	const unsigned char *pg;
	size_t done = 0, off, n;
	uint64_t base;

	if (len == 0)
		return 0;
	if (addr == 0)
		return -1;
	if (++c->nreads > PTC__READS_MAX) {
		errno = E2BIG;
		return -1;
	}
	if (c->cache == NULL || len > c->cache->psize)
		return rd_direct(c, addr, buf, len);
	while (done < len) {
		base = (addr + done) & ~(uint64_t)(c->cache->psize - 1);
		off = (size_t)(addr + done - base);
		n = c->cache->psize - off < len - done ?
		    c->cache->psize - off : len - done;
		if ((pg = cache_page(c, base)) == NULL) {
			/* a page that does not read whole: as asked, uncached */
			ssize_t r = rd_direct(c, addr + done,
			    (unsigned char *)buf + done, len - done);

			if (r > 0)
				done += (size_t)r;
			break;
		}
		memcpy((unsigned char *)buf + done, pg + off, n);
		done += n;
	}
	return done > 0 ? (ssize_t)done : -1;
}

int
ptc__rdall(struct ptc__dc *c, uint64_t addr, void *buf, size_t len)
{
	return ptc__rd(c, addr, buf, len) == (ssize_t)len ? 0 : -1;
}

static void
reset(struct ptc__dc *c)
{
	c->nprinted = 0;
	c->nreads = 0;
	c->depth = 0;
	c->after_field = 0;
}

/*
 * Write one argument, preceded by the separator it needs; a printer
 * that writes nothing (open's mode without O_CREAT) takes its separator
 * away again.
 */
/*
 * An argument the kernel fills in, of a call that failed (other than by
 * a signal: an interrupted sleep still reports what remained).
 */
static int
failed_out(const struct ptc__dc *c, const struct ptc__arg *a, int i)
{
	/* what was saved at entry (recvmsg's name length) still shows */
	return c->exiting && c->is_error && a->out == 1 && !a->opt &&
	    !c->saved_ok[i] &&
	    c->rval != -EINTR && !(c->rval <= -512 && c->rval >= -516);
}

/*
 * The printers of structures strace reads with umove_or_printaddr(): with
 * -e verbose= leaving the call out, it shows only their address.
 * Strings, buffers and scalars print as ever.
 */
/* Named here too: a CPU's generated list declares only what its table uses. */
ptc__afn ptc__a_argv, ptc__a_clone_args, ptc__a_cpuset, ptc__a_dirents,
    ptc__a_dirents64, ptc__a_envp, ptc__a_epoll_event, ptc__a_epoll_events,
    ptc__a_fdset, ptc__a_gidlist, ptc__a_iovec, ptc__a_iovec_addr,
    ptc__a_iovec_l, ptc__a_iovec_lo, ptc__a_itimerspec,
    ptc__a_itimerval, ptc__a_mmsghdrs, ptc__a_msghdr, ptc__a_msghdr_out,
    ptc__a_open_how, ptc__a_pipefds, ptc__a_pollfd, ptc__a_rlimit,
    ptc__a_rusage, ptc__a_schedparam, ptc__a_sembuf, ptc__a_sigaction,
    ptc__a_sigevent, ptc__a_siginfo, ptc__a_sigset, ptc__a_sockaddr,
    ptc__a_sockaddr_out, ptc__a_stack, ptc__a_stat, ptc__a_statfs,
    ptc__a_statx, ptc__a_sysinfo, ptc__a_timespec, ptc__a_timespec_rem,
    ptc__a_timeval, ptc__a_user_desc, ptc__a_utimes, ptc__a_utsname;

static int
is_struct(ptc__afn *fn)
{
	static ptc__afn *const structs[] = {
		ptc__a_argv, ptc__a_clone_args, ptc__a_cpuset,
		ptc__a_dirents, ptc__a_dirents64, ptc__a_envp,
		ptc__a_epoll_event, ptc__a_epoll_events, ptc__a_fdset,
		ptc__a_gidlist, ptc__a_iovec, ptc__a_iovec_addr,
		ptc__a_iovec_l, ptc__a_iovec_lo, ptc__a_itimerspec,
		ptc__a_itimerval, ptc__a_mmsghdrs, ptc__a_msghdr,
		ptc__a_msghdr_out, ptc__a_open_how, ptc__a_pipefds,
		ptc__a_pollfd, ptc__a_rlimit, ptc__a_rusage,
		ptc__a_schedparam, ptc__a_sembuf, ptc__a_sigaction,
		ptc__a_sigevent, ptc__a_siginfo, ptc__a_sigset,
		ptc__a_sockaddr, ptc__a_sockaddr_out, ptc__a_stack,
		ptc__a_stat, ptc__a_statfs, ptc__a_statx, ptc__a_sysinfo,
		ptc__a_timespec, ptc__a_timespec_rem, ptc__a_timeval,
		ptc__a_user_desc, ptc__a_utimes, ptc__a_utsname,
	};
	size_t i;

	for (i = 0; i < sizeof(structs) / sizeof(structs[0]); i++)
		if (fn == structs[i])
			return 1;
	return 0;
}

static void
print_arg(struct ptc__dc *c, int i)
{
	const struct ptc__arg *a;
	size_t before = c->o->len, after;

	if (c->nprinted > 0)
		ptc__argsep(c);
	after = c->o->len;
	c->depth = 0;
	c->after_field = 0;
	c->cur = i;
	if (c->e == NULL || c->e->nargs < 0 || c->f->raw) {
		/* As strace's printargs(): the register, in hex. */
		ptc__p_hex(c, ptc__word(c, c->a[i]));
	} else if (failed_out(c, &c->e->args[i], i) || (c->f->noderef &&
	    c->a[i] != 0 && is_struct(c->e->args[i].fn))) {
		/* The kernel wrote nothing there: strace shows the address. */
		ptc__p_addr(c, c->a[i]);
	} else {
		a = &c->e->args[i];
		a->fn(c, a, c->a[i]);
	}
	if (c->o->len == after && !c->o->oom) {
		c->o->len = before;
		if (c->o->p != NULL)
			c->o->p[before] = '\0';
	} else {
		c->nprinted++;
	}
}

/*
 * Printers of exit arguments that need part of them as it was at entry
 * (recvmsg's name length goes in as well as out); they keep it in
 * c->saved[i] or their own state and set c->saved_ok[i].
 */
static const struct {
	ptc__afn *fn;
	void (*save)(struct ptc__dc *, int);
} savers[] = {
	{ ptc__a_msghdr_out, ptc__save_msghdr_out },
	{ ptc__a_mmsghdrs, ptc__save_mmsghdrs },
};

/* Values that in-out arguments point to, read before the kernel runs. */
static void
save_inout(struct ptc__dc *c, int from, int n)
{
	size_t k;
	int i;

	for (i = from; i < n; i++) {
		c->saved_ok[i] = 0;
		for (k = 0; k < sizeof(savers) / sizeof(savers[0]); k++)
			if (c->e->args[i].fn == savers[k].fn)
				break;
		if (k < sizeof(savers) / sizeof(savers[0])) {
			savers[k].save(c, i);
			continue;
		}
		if (c->e->args[i].out != 2 || c->a[i] == 0)
			continue;
		c->saved[i] = 0;
		if (ptc__rdall(c, c->a[i], &c->saved[i], 8) == 0 ||
		    ptc__rdall(c, c->a[i], &c->saved[i], 4) == 0)
			c->saved_ok[i] = 1;
	}
}

static int
nargs(const struct ptc__dc *c)
{
	return c->e == NULL || c->e->nargs < 0 ? 6 : c->e->nargs;
}

static int
flush(struct ptc_scdec *d, FILE *fp)
{
	if (d->o.oom) {
		d->o.oom = 0;
		d->o.len = 0;
		return ptc_fail(ENOMEM, "decoding %s: out of memory",
		    d->cur != NULL ? d->cur : "syscall");
	}
	if (d->o.len > 0 && fwrite(d->o.p, 1, d->o.len, fp) != d->o.len)
		return -1;
	d->o.len = 0;
	return 0;
}

/*
 * Print the arguments known at entry: up to the first one the kernel
 * fills in, or including a split one (printed now, completed at exit).
 * Returns the index of the first argument left for exit.
 */
static int
entry_args(struct ptc_scdec *d, int n)
{
	struct ptc__dc *c = &d->c;
	int i, out;

	d->split = 0;
	for (i = 0; i < n; i++) {
		out = c->e != NULL && c->e->nargs >= 0 && !d->raw ?
		    c->e->args[i].out : 0;
		if (out == 1 || out == 2)
			break;
		print_arg(c, i);
		if (out == 3) {
			d->split = 1;
			i++;
			break;
		}
	}
	d->nentry = i;
	return i;
}

int
ptc_sc_enter(struct ptc_scdec *d, FILE *fp, pid_t pid,
    const struct ptc_scinfo *si, const struct ptc_fmt *f)
{
	struct ptc__dc *c = &d->c;
	int i, n;

	cache_drop(c);

	c->f = f;
	c->pid = pid;
	c->arch = si->arch;
	c->nr = si->nr;
	memcpy(c->a, si->args, sizeof(c->a));
	c->sp = si->sp;
	memset(c->saved, 0, sizeof(c->saved));
	memset(c->saved_ok, 0, sizeof(c->saved_ok));
	c->wordsize = (si->arch & __AUDIT_ARCH_64BIT) ? 8 : 4;
	c->rd = d->rd;
	c->rdctx = d->rdctx;
	c->exiting = 0;
	c->rval = 0;
	c->is_error = 0;
	/* A socketcall or ipc shows as its subcall (nothing if done). */
	ptc__sc_demux(c, si->arch, &c->nr, c->a);
	c->e = ptc__sc_ent(si->arch, c->nr);
	if (c->e != NULL) {
		d->cur = c->e->name;
	} else {
		snprintf(d->name, sizeof(d->name), "syscall_%#" PRIx64, si->nr);
		d->cur = d->name;
	}
	d->entered = 1;
	d->raw = f->raw;
	reset(c);
	n = nargs(c);

	if (f->json) {
		/* Entry arguments may be gone at exit (execve): keep them. */
		c->o = &d->j;
		d->j.len = 0;
		d->j.oom = 0;
		i = entry_args(d, n);
		if (c->e != NULL && c->e->nargs >= 0 && !d->raw)
			save_inout(c, i, n);
		c->o = &d->o;
		d->col_set = 0;
		return 0;
	}

	d->o.len = 0;
	ptc__sb_puts(&d->o, d->cur);
	ptc__sb_putc(&d->o, '(');
	i = entry_args(d, n);
	if (c->e != NULL && c->e->nargs >= 0 && !d->raw)
		save_inout(c, i, n);
	/*
	 * ", " before what exit will show; an argument that may show
	 * nothing (clone's tail) brings its own, as strace's
	 * "<... clone resumed>, child_tidptr=..." does.
	 */
	d->optexit = i < n && c->e != NULL && c->e->nargs >= 0 && !d->raw &&
	    c->e->args[i].opt;
	if (i > 0 && i < n && !d->split && !d->optexit)
		ptc__sb_puts(&d->o, ", ");
	d->entry_end = (d->col_set ? d->col : 0) + d->o.len;
	d->col_set = 0;
	return flush(d, fp);
}

/* Pad to the result column as strace does ("...) " then spaces). */
static void
pad(struct ptc_scdec *d)
{
	size_t col, want = d->c.f->column != 0 ? d->c.f->column : RESULT_COL;

	ptc__sb_putc(&d->o, ' ');
	col = (d->col_set ? d->col : d->entry_end) + d->o.len;
	while (col++ < want)
		ptc__sb_putc(&d->o, ' ');
	d->col_set = 0;
}

static const struct {
	int err;
	const char *msg;
} kerrs[] = {
	{ 512, "To be restarted if SA_RESTART is set" },
	{ 513, "To be restarted" },
	{ 514, "To be restarted if no handler" },
	{ 515, "ioctl not implemented" },
	{ 516, "Interrupted by signal" },
	{ 517, "Driver requests probe retry" },
	{ 518, "Stale open file" },
	{ 519, "No such parameter" },
	{ 521, "Illegal NFS file handle" },
	{ 522, "Update synchronization mismatch" },
	{ 523, "Cookie is stale" },
	{ 524, "Operation is not supported" },
	{ 525, "Buffer or request is too small" },
	{ 526, "An untranslatable error occurred" },
	{ 527, "Type not supported by server" },
	{ 528, "Request initiated, but will not complete before timeout" },
	{ 529, "iocb queued, will get completion event" },
	{ 530, "conflict with recalled state" },
	{ 531, "NFS file lock reclaim refused" },
};

static void
print_error(struct ptc_scdec *d, int err)
{
	const char *name = ptc_errname(err), *msg = NULL;
	size_t i;

	if (d->c.f->json) {
		ptc__sb_puts(&d->o, ",\"retval\":-1,\"errno\":");
		if (name != NULL)
			ptc__sb_json(&d->o, name, strlen(name));
		else
			ptc__sb_printf(&d->o, "%d", err);
		return;
	}
	for (i = 0; i < sizeof(kerrs) / sizeof(kerrs[0]); i++)
		if (kerrs[i].err == err)
			msg = kerrs[i].msg;
	if (msg != NULL) {
		/* The kernel restarts or fails these: no -1 reaches the user. */
		ptc__sb_printf(&d->o, "= ? %s (%s)", name, msg);
		return;
	}
	if (name != NULL)
		ptc__sb_printf(&d->o, "= -1 %s (%s)", name, strerror(err));
	else
		/* No name (F_GETOWN's -pgid lands in the error range). */
		ptc__sb_printf(&d->o, "= -1 (errno %d)", err);
}

/*
 * The result of a call shown raw (-e raw=), as strace shows it: the
 * value in hex, or -1 and the error's name with its C library message
 * even for the kernel's restart codes, which strace decodes otherwise.
 */
static void
raw_result(struct ptc_scdec *d, const struct ptc_scinfo *si)
{
	const char *name;
	int err;

	if (si->is_error && si->rval < 0 && si->rval >= -4095) {
		err = (int)-si->rval;
		if ((name = ptc_errname(err)) != NULL)
			ptc__sb_printf(&d->o, "= -1 %s (%s)", name,
			    strerror(err));
		else
			ptc__sb_printf(&d->o, "= -1 (errno %d)", err);
		return;
	}
	ptc__sb_printf(&d->o, "= %#" PRIx64, d->c.wordsize == 4 ?
	    (uint64_t)(uint32_t)si->rval : (uint64_t)si->rval);
}

static void
json_head(struct ptc_scdec *d)
{
	ptc__sb_puts(&d->o, "\"syscall\":");
	ptc__sb_json(&d->o, d->cur, strlen(d->cur));
	ptc__sb_puts(&d->o, ",\"args\":[");
	/* Entry arguments past the size limit: the line fails as a whole. */
	if (d->j.oom)
		d->o.oom = 1;
	if (d->j.len > 0)
		ptc__sb_write(&d->o, d->j.p, d->j.len);
}

int
ptc_sc_exit(struct ptc_scdec *d, FILE *fp, const struct ptc_scinfo *si,
    const struct ptc_fmt *f)
{
	struct ptc__dc *c = &d->c;
	int i, n;

	cache_drop(c);          /* the call may have written any of it */
	c->f = f;
	c->exiting = 1;
	c->rval = si->rval;
	c->is_error = si->is_error;
	d->o.len = 0;
	if (!d->entered) {
		/* An exit without its entry (attached mid-syscall). */
		if (f->json)
			ptc__sb_printf(&d->o, "\"retval\":%" PRId64, si->rval);
		else
			ptc__sb_printf(&d->o, ") = %" PRId64, si->rval);
		return flush(d, fp);
	}
	d->entered = 0;
	n = nargs(c);
	c->nprinted = f->json || d->optexit ? d->nentry : 0;
	if (f->json)
		json_head(d);
	i = d->nentry;
	if (d->split) {
		/* The split argument goes on where entry left it. */
		c->depth = 0;
		c->after_field = 0;
		c->cur = i - 1;
		/* (in JSON too: the printer knows what its format allows) */
		c->e->args[i - 1].fn(c, &c->e->args[i - 1], c->a[i - 1]);
		c->nprinted = i;
	}
	for (; i < n; i++)
		print_arg(c, i);
	if (f->json) {
		ptc__sb_putc(&d->o, ']');
		if (si->is_error && si->rval < 0 && si->rval >= -4095) {
			print_error(d, (int)-si->rval);
		} else {
			ptc__sb_puts(&d->o, ",\"retval\":");
			c->depth = 0;
			c->after_field = 0;
			ptc__sb_printf(&d->o, "%" PRId64, si->rval);
		}
		return flush(d, fp);
	}
	ptc__sb_putc(&d->o, ')');
	pad(d);
	if (d->raw) {
		raw_result(d, si);
		return flush(d, fp);
	}
	/* restart_syscall names what it resumes, as strace does. */
	if (si->is_error && si->rval == -516 &&
	    strcmp(d->cur, "restart_syscall") != 0)
		c->restart = d->cur;
	if (si->is_error && si->rval < 0 && si->rval >= -4095) {
		print_error(d, (int)-si->rval);
	} else {
		ptc__sb_puts(&d->o, "= ");
		reset(c);
		if (c->e != NULL)
			c->e->ret(c, si->rval);
		else
			ptc__sb_printf(&d->o, "%" PRId64, si->rval);
	}
	return flush(d, fp);
}

int
ptc_sc_noreturn(struct ptc_scdec *d, FILE *fp, const struct ptc_fmt *f)
{
	d->c.f = f;
	d->o.len = 0;
	d->entered = 0;
	if (f->json) {
		json_head(d);
		ptc__sb_puts(&d->o, "],\"retval\":null");
		return flush(d, fp);
	}
	/* what exit would have shown is not going to come */
	if (d->split || d->nentry < nargs(&d->c))
		ptc__sb_puts(&d->o, " <unfinished ...>");
	ptc__sb_putc(&d->o, ')');
	pad(d);
	ptc__sb_puts(&d->o, "= ?");
	return flush(d, fp);
}

/* ---- primitive printers ---- */

/* Before a value inside a structure or array: its separator. */
void
ptc__pre(struct ptc__dc *c)
{
	if (c->after_field) {
		c->after_field = 0;
		return;
	}
	if (c->depth > 0 && c->depth < 16 && c->items[c->depth]++ > 0)
		ptc__sb_puts(c->o, c->f->json ? "," : ", ");
}

void
ptc__argsep(struct ptc__dc *c)
{
	ptc__sb_puts(c->o, c->f->json ? "," : ", ");
}

uint64_t
ptc__word(const struct ptc__dc *c, uint64_t v)
{
	return c->wordsize == 4 ? (uint32_t)v : v;
}

void
ptc__s_open(struct ptc__dc *c)
{
	ptc__pre(c);
	ptc__sb_putc(c->o, '{');
	c->depth++;
	if (c->depth < 16)
		c->items[c->depth] = 0;
}

void
ptc__s_close(struct ptc__dc *c)
{
	ptc__sb_putc(c->o, '}');
	c->depth--;
}

void
ptc__l_open(struct ptc__dc *c)
{
	ptc__pre(c);
	ptc__sb_putc(c->o, '[');
	c->depth++;
	if (c->depth < 16)
		c->items[c->depth] = 0;
}

void
ptc__l_close(struct ptc__dc *c)
{
	ptc__sb_putc(c->o, ']');
	c->depth--;
}

void
ptc__l_sep(struct ptc__dc *c)
{
	(void)c;
}

void
ptc__s_field(struct ptc__dc *c, const char *name)
{
	ptc__pre(c);
	if (c->f->json && c->depth == 0) {
		/* A named top-level argument (clone's) is a plain value. */
		c->after_field = 1;
		return;
	}
	if (c->f->json) {
		ptc__sb_putc(c->o, '"');
		ptc__sb_puts(c->o, name);
		ptc__sb_puts(c->o, "\":");
	} else {
		ptc__sb_puts(c->o, name);
		ptc__sb_putc(c->o, '=');
	}
	c->after_field = 1;
}

int
ptc__arr_full(struct ptc__dc *c, uint64_t i)
{
	/* -v: arrays unabbreviated, as strace's -e abbrev=none */
	if ((i < c->f->strsize || c->f->verbose) && i < PTC__ARR_MAX)
		return 0;
	ptc__s_more(c);
	return 1;
}

void
ptc__f_u(struct ptc__dc *c, const char *name, uint64_t v)
{
	ptc__s_field(c, name);
	ptc__p_uint(c, v);
}

void
ptc__f_d(struct ptc__dc *c, const char *name, int64_t v)
{
	ptc__s_field(c, name);
	ptc__p_int(c, v);
}

void
ptc__f_x(struct ptc__dc *c, const char *name, uint64_t v)
{
	ptc__s_field(c, name);
	ptc__p_hex(c, v);
}

void
ptc__more_at(struct ptc__dc *c, uint64_t addr)
{
	/* JSON has no place for it: the array just ends. */
	if (c->f->json)
		return;
	ptc__pre(c);
	ptc__sb_printf(c->o, "... /* %#" PRIx64 " */", addr);
}

void
ptc__s_more(struct ptc__dc *c)
{
	if (c->f->json)
		return;
	ptc__pre(c);
	ptc__sb_puts(c->o, "...");
}

void
ptc__p_comment(struct ptc__dc *c, const char *fmt, ...)
{
	va_list ap;
	char buf[128];

	if (c->f->json)
		return;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	ptc__sb_printf(c->o, " /* %s */", buf);
}

void
ptc__p_raw(struct ptc__dc *c, const char *s)
{
	ptc__pre(c);
	if (c->f->json)
		ptc__sb_json(c->o, s, strlen(s));
	else
		ptc__sb_puts(c->o, s);
}

void
ptc__p_addr(struct ptc__dc *c, uint64_t v)
{
	ptc__pre(c);
	if (c->wordsize == 4)
		v &= 0xffffffffu;
	if (v == 0)
		ptc__sb_puts(c->o, c->f->json ? "null" : "NULL");
	else if (c->f->json)
		ptc__sb_printf(c->o, "\"%#" PRIx64 "\"", v);
	else
		ptc__sb_printf(c->o, "%#" PRIx64, v);
}

void
ptc__p_int(struct ptc__dc *c, int64_t v)
{
	ptc__pre(c);
	ptc__sb_printf(c->o, "%" PRId64, v);
}

void
ptc__p_uint(struct ptc__dc *c, uint64_t v)
{
	ptc__pre(c);
	ptc__sb_printf(c->o, "%" PRIu64, v);
}

void
ptc__p_hex(struct ptc__dc *c, uint64_t v)
{
	ptc__pre(c);
	/* JSON numbers are exact up to 2^53; beyond, keep the hex text. */
	if (c->f->json && v < (1ull << 53))
		ptc__sb_printf(c->o, "%" PRIu64, v);
	else if (c->f->json)
		ptc__sb_printf(c->o, "\"%#" PRIx64 "\"", v);
	else
		ptc__sb_printf(c->o, "%#" PRIx64, v);
}

void
ptc__p_oct(struct ptc__dc *c, uint64_t v)
{
	ptc__pre(c);
	if (c->f->json)
		ptc__sb_printf(c->o, "\"%#03" PRIo64 "\"", v);
	else
		ptc__sb_printf(c->o, "%#03" PRIo64, v);
}

/* Bytes as a string; more: the string went on beyond what is shown. */
void
ptc__p_bytes(struct ptc__dc *c, const void *s, size_t len, int more)
{
	ptc__pre(c);
	if (c->f->json) {
		ptc__sb_json(c->o, s, len);
		return;
	}
	ptc__sb_escape(c->o, s, len, c->f->xstyle);
	if (more)
		ptc__sb_puts(c->o, "...");
}

static size_t
strsize(const struct ptc__dc *c)
{
	size_t n = c->f->strsize;

	return n > PTC__BUF_MAX ? PTC__BUF_MAX : n;
}

/*
 * A NUL-terminated string of at most max bytes: read page by page so
 * that a string ending just before an unmapped page is still shown.
 */
static ssize_t
read_cstr(struct ptc__dc *c, uint64_t addr, char *buf, size_t max,
    int *trunc)
{
	size_t got = 0, chunk;
	ssize_t n;
	char *z;

	*trunc = 0;
	while (got <= max) {
		chunk = 4096 - ((addr + got) & 4095);
		if (chunk > max + 1 - got)
			chunk = max + 1 - got;
		n = ptc__rd(c, addr + got, buf + got, chunk);
		if (n <= 0)
			return got == 0 ? -1 : -1;
		z = memchr(buf + got, '\0', (size_t)n);
		if (z != NULL)
			return z - buf;
		got += (size_t)n;
		if ((size_t)n < chunk)
			return -1;
	}
	*trunc = 1;
	return (ssize_t)max;
}

void
ptc__p_str(struct ptc__dc *c, uint64_t addr, size_t max)
{
	char stackbuf[PTC__STR_MAX + 1], *buf = stackbuf;
	ssize_t n;
	int trunc;

	if (addr == 0) {
		ptc__p_addr(c, 0);
		return;
	}
	if (max > PTC__STR_MAX * 16)
		max = PTC__STR_MAX * 16;
	/* Paths and -s sized strings fit the stack; only a big -s allocates. */
	if (max + 1 > sizeof(stackbuf) && (buf = malloc(max + 1)) == NULL) {
		ptc__p_addr(c, addr);
		return;
	}
	if ((n = read_cstr(c, addr, buf, max, &trunc)) < 0)
		ptc__p_addr(c, addr);
	else
		ptc__p_bytes(c, buf, (size_t)n, trunc);
	if (buf != stackbuf)
		free(buf);
}

void
ptc__p_path(struct ptc__dc *c, uint64_t addr)
{
	ptc__p_str(c, addr, PTC__STR_MAX - 1);
}

void
ptc__p_buf(struct ptc__dc *c, uint64_t addr, uint64_t len)
{
	size_t show = strsize(c), rd;
	char stackbuf[1024], *buf = stackbuf;

	if (addr == 0) {
		ptc__p_addr(c, 0);
		return;
	}
	if (len < show)
		show = (size_t)len;
	/*
	 * strace reads one byte past what it shows when there is more:
	 * when that byte is unreadable, only the address prints.
	 */
	rd = len > show ? show + 1 : show;
	if (rd > sizeof(stackbuf) && (buf = malloc(rd)) == NULL) {
		ptc__p_addr(c, addr);
		return;
	}
	if (ptc__rdall(c, addr, buf, rd) != 0)
		ptc__p_addr(c, addr);
	else
		ptc__p_bytes(c, buf, show, len > show);
	if (buf != stackbuf)
		free(buf);
}

const char *
ptc__xname(const struct ptc__xtab *x, uint64_t v)
{
	unsigned i;

	for (i = 0; i < x->n; i++)
		if (x->v[i].val == v)
			return x->v[i].name;
	return NULL;
}

/*
 * Flag names of v joined by '|', with the bits no name covers in hex
 * at the end; 1 when a name was found (dflt counts for a zero v).
 */
static int
flag_names(char *s, size_t len, const struct ptc__xtab *x, uint64_t v,
    const char *dflt)
{
	size_t n = 0;
	unsigned i;
	int any = 0;

	s[0] = '\0';
	if (v == 0 && dflt == NULL)
		dflt = ptc__xname(x, 0);
	for (i = 0; i < x->n && v != 0; i++) {
		if (x->v[i].val == 0 || (v & x->v[i].val) != x->v[i].val)
			continue;
		n += (size_t)snprintf(s + n, n < len ? len - n : 0, "%s%s",
		    any ? "|" : "", x->v[i].name);
		v &= ~x->v[i].val;
		any = 1;
		if (n >= len)
			break;
	}
	if (n < len && v != 0)
		snprintf(s + n, len - n, "%s%#" PRIx64, any ? "|" : "", v);
	else if (n < len && !any) {
		snprintf(s + n, len - n, "%s", dflt != NULL ? dflt : "0");
		any = dflt != NULL;
	}
	return any;
}

char *
ptc__sflags(char *s, size_t len, const struct ptc__xtab *x, uint64_t v,
    const char *dflt)
{
	flag_names(s, len, x, v, dflt);
	return s;
}

const char *
ptc__xunknown(const struct ptc__xtab *x)
{
	unsigned i;

	for (i = 0; i < ptc__xunk_n; i++)
		if (ptc__xunk[i].x == x)
			return ptc__xunk[i].name;
	return NULL;
}

int
ptc__xstyle(const struct ptc__dc *c)
{
	/* JSON consumers want names whatever -X asks of the text. */
	return c->f->json ? PTC_XLAT_ABBREV : c->f->xlat;
}

char *
ptc__sxnum(char *s, size_t len, int style, const char *num, const char *name)
{
	if (name == NULL || style == PTC_XLAT_RAW)
		snprintf(s, len, "%s", num);
	else if (style == PTC_XLAT_VERBOSE)
		snprintf(s, len, "%s /* %s */", num, name);
	else
		snprintf(s, len, "%s", name);
	return s;
}

char *
ptc__sxval(char *s, size_t len, int style, uint64_t v, int fmt,
    const char *name)
{
	char num[32];

	switch (fmt) {
	case 'd':
		snprintf(num, sizeof(num), "%" PRId64, (int64_t)v);
		break;
	case 'u':
		snprintf(num, sizeof(num), "%" PRIu64, v);
		break;
	case 'o':
		snprintf(num, sizeof(num), "%#03" PRIo64, v);
		break;
	default:
		snprintf(num, sizeof(num), "%#" PRIx64, v);
		break;
	}
	return ptc__sxnum(s, len, style, num, name);
}

void
ptc__p_xval(struct ptc__dc *c, uint64_t v, int fmt, const char *name)
{
	char buf[256];

	if (c->f->json && name == NULL) {
		if (fmt == 'd')
			ptc__p_int(c, (int64_t)v);
		else if (fmt == 'u')
			ptc__p_uint(c, v);
		else if (fmt == 'o')
			ptc__p_oct(c, v);
		else
			ptc__p_hex(c, v);
		return;
	}
	ptc__p_raw(c, ptc__sxval(buf, sizeof(buf), ptc__xstyle(c), v, fmt,
	    name));
}

char *
ptc__xsflags(const struct ptc__dc *c, char *s, size_t len,
    const struct ptc__xtab *x, uint64_t v, const char *dflt)
{
	char names[1024], num[32];
	int style = ptc__xstyle(c), any;
	const char *unk;

	snprintf(num, sizeof(num), v != 0 ? "%#" PRIx64 : "0", v);
	any = flag_names(names, sizeof(names), x, v, dflt);
	/* No bit has a name: strace says what kind of flags they are. */
	if (!any && v != 0 && style != PTC_XLAT_RAW && !c->f->json &&
	    (unk = ptc__xunknown(x)) != NULL) {
		snprintf(s, len, "%s /* %s */", num, unk);
		return s;
	}
	if (style == PTC_XLAT_ABBREV)
		return ptc__sflags(s, len, x, v, dflt);
	return ptc__sxnum(s, len, style, num, any && names[0] != '\0' ?
	    names : NULL);
}

void
ptc__p_flags(struct ptc__dc *c, const struct ptc__xtab *x, uint64_t v,
    const char *dflt)
{
	char buf[1100];

	ptc__p_raw(c, ptc__xsflags(c, buf, sizeof(buf), x, v, dflt));
}

void
ptc__p_enum(struct ptc__dc *c, const struct ptc__xtab *x, uint64_t v,
    const char *unknown)
{
	const char *s = ptc__xname(x, v);
	char buf[64];

	if (s != NULL) {
		ptc__p_xval(c, v, 'x', s);
		return;
	}
	if (unknown == NULL)
		unknown = ptc__xunknown(x);
	if (unknown == NULL || ptc__xstyle(c) == PTC_XLAT_RAW) {
		ptc__p_hex(c, v);
		return;
	}
	ptc__pre(c);
	if (c->f->json)
		ptc__sb_printf(c->o, "%" PRIu64, v);
	else {
		snprintf(buf, sizeof(buf), "%#" PRIx64 " /* %s */", v, unknown);
		ptc__sb_puts(c->o, buf);
	}
}

/* -e decode-fds=dev: "/dev/null<char 1:3>" for a device, else 0. */
static int
fd_dev(const char *path, char *buf, size_t len)
{
	struct stat st;

	if (path[0] != '/' || stat(path, &st) != 0 ||
	    (!S_ISCHR(st.st_mode) && !S_ISBLK(st.st_mode)))
		return 0;
	snprintf(buf, len, "%s %u:%u", S_ISBLK(st.st_mode) ? "block" : "char",
	    major(st.st_rdev), minor(st.st_rdev));
	return 1;
}

void
ptc__p_fd(struct ptc__dc *c, int fd)
{
	char path[PTC__STR_MAX], info[512];
	int fds = c->f->decode_fds, tpid;

	ptc__pre(c);
	if (fds == 0 || fd < 0 || ptc_os_fdpath(c->pid, fd, path,
	    sizeof(path)) != 0) {
		ptc__sb_printf(c->o, "%d", fd);
		return;
	}
	if ((fds & PTC_FDS_SOCKET) &&
	    ptc_os_fdsock(c->pid, fd, path, info, sizeof(info)) == 0) {
		/* Already in strace's form, quotes and all. */
		if (c->f->json) {
			ptc__sb_printf(c->o, "{\"fd\":%d,\"path\":", fd);
			ptc__sb_json(c->o, info, strlen(info));
			ptc__sb_putc(c->o, '}');
		} else {
			ptc__sb_printf(c->o, "%d<%s>", fd, info);
		}
		return;
	}
	if ((fds & PTC_FDS_DEV) && fd_dev(path, info, sizeof(info))) {
		if (c->f->json) {
			ptc__sb_printf(c->o, "{\"fd\":%d,\"path\":", fd);
			ptc__sb_json(c->o, path, strlen(path));
			ptc__sb_puts(c->o, ",\"dev\":");
			ptc__sb_json(c->o, info, strlen(info));
			ptc__sb_putc(c->o, '}');
		} else {
			ptc__sb_printf(c->o, "%d<", fd);
			ptc__sb_escape_angle(c->o, path);
			ptc__sb_printf(c->o, "<%s>>", info);
		}
		return;
	}
	if ((fds & PTC_FDS_PIDFD) && (tpid = ptc_os_fdpidfd(c->pid, fd, path)) > 0) {
		if (c->f->json)
			ptc__sb_printf(c->o, "{\"fd\":%d,\"pidfd\":%d}", fd,
			    tpid);
		else
			ptc__sb_printf(c->o, "%d<pid:%d>", fd, tpid);
		return;
	}
	if (fds & PTC_FDS_PATH) {
		/*
		 * A removed file (not merely one named "x (deleted)"):
		 * strace puts "(deleted)" after the brackets.
		 */
		size_t plen = strlen(path), dl = sizeof(" (deleted)") - 1;
		char live[PTC__STR_MAX];
		int deleted = path[0] == '/' && plen > dl &&
		    strcmp(path + plen - dl, " (deleted)") == 0 &&
		    ptc_os_fdpath_live(c->pid, fd, live, sizeof(live)) == 0 &&
		    strlen(live) < plen;

		if (c->f->json) {
			ptc__sb_printf(c->o, "{\"fd\":%d,\"path\":", fd);
			ptc__sb_json(c->o, path, strlen(path));
			ptc__sb_putc(c->o, '}');
		} else {
			if (deleted)
				path[plen - dl] = '\0';
			ptc__sb_printf(c->o, "%d<", fd);
			ptc__sb_escape_angle(c->o, path);
			ptc__sb_puts(c->o, deleted ? ">(deleted)" : ">");
		}
		return;
	}
	ptc__sb_printf(c->o, "%d", fd);
}
