/*
 * mem.c: reading and writing another process's memory.  Three ways in,
 * from the OS layer: process_vm_readv/writev (fast, honours page
 * protections), /proc/PID/mem (slower to set up, but writes read-only
 * text as debuggers need) and PEEK/POKE word by word (needs a stopped
 * tracee).  AUTO takes the first, and falls back page by page to the
 * second where the first cannot go.
 */
#include <ctype.h>
#include <errno.h>
#include <float.h>
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

#define WORD sizeof(unsigned long)

/* Transfer state: the /proc/PID/mem fd is opened at most once per call. */
struct xfer {
	pid_t pid;
	int wr;
	int fd;
	int fd_errno;
};

static size_t
to_page_end(uint64_t addr, size_t len)
{
	size_t ps = ptc_os_pagesize();
	size_t left = ps - (size_t)(addr & (ps - 1));

	return len < left ? len : left;
}

static ssize_t
procfs(struct xfer *x, uint64_t addr, void *buf, size_t len)
{
	if (x->fd < 0) {
		if (x->fd_errno != 0) {
			errno = x->fd_errno;
			return -1;
		}
		if ((x->fd = ptc_os_procmem_open(x->pid, x->wr)) < 0) {
			x->fd_errno = errno;
			return -1;
		}
	}
	return ptc_os_procmem_rw(x->fd, addr, buf, len, x->wr);
}

static ssize_t
vm(struct xfer *x, uint64_t addr, void *buf, size_t len)
{
	return ptc_os_vm_rw(x->pid, addr, buf, len, x->wr);
}

/* Repeat one method until done or it stops making progress. */
static size_t
loop(struct xfer *x, ssize_t (*method)(struct xfer *, uint64_t, void *,
    size_t), uint64_t addr, char *buf, size_t len)
{
	size_t done = 0;

	while (done < len) {
		ssize_t n = method(x, addr + done, buf + done, len - done);
		if (n <= 0) {
			if (n == 0)
				errno = EFAULT;
			break;
		}
		done += (size_t)n;
	}
	return done;
}

static size_t
loop_auto(struct xfer *x, uint64_t addr, char *buf, size_t len)
{
	size_t done = 0;
	int vm_ok = 1;

	while (done < len) {
		ssize_t n = -1;
		size_t chunk;

		if (vm_ok) {
			n = ptc_os_vm_rw(x->pid, addr + done, buf + done,
			    len - done, x->wr);
			if (n > 0) {
				done += (size_t)n;
				continue;
			}
			if (n == 0)
				errno = EFAULT;
			if (errno == ESRCH)
				break;
			/* no process_vm_* here (or not allowed): stop trying */
			if (errno == ENOSYS || errno == EPERM)
				vm_ok = 0;
		}
		/*
		 * The page at addr + done is out of process_vm_*'s reach
		 * (not writable, PROT_NONE, VM_IO): /proc/PID/mem for this
		 * page only, then back to the fast path.
		 */
		chunk = vm_ok ? to_page_end(addr + done, len - done) :
		    len - done;
		n = procfs(x, addr + done, buf + done, chunk);
		if (n <= 0) {
			if (n == 0)
				errno = EFAULT;
			break;
		}
		done += (size_t)n;
		if ((size_t)n < chunk) {
			errno = EFAULT;
			break;
		}
	}
	return done;
}

/*
 * PEEK/POKE: whole words, with the unaligned head and tail words read
 * (and for writes merged and written back) around the bytes asked for.
 */
static size_t
loop_peek(struct xfer *x, uint64_t addr, char *buf, size_t len)
{
	size_t done = 0;

	while (done < len) {
		uint64_t a = addr + done;
		uint64_t wa = a & ~(uint64_t)(WORD - 1);
		size_t off = (size_t)(a - wa);
		size_t n = WORD - off;
		unsigned long w;

		if (n > len - done)
			n = len - done;
		if (!x->wr) {
			if (ptc_os_peek(x->pid, wa, &w) < 0)
				break;
			memcpy(buf + done, (char *)&w + off, n);
		} else {
			if (n < WORD && ptc_os_peek(x->pid, wa, &w) < 0)
				break;
			memcpy((char *)&w + off, buf + done, n);
			if (ptc_os_poke(x->pid, wa, w) < 0)
				break;
		}
		done += n;
	}
	return done;
}

static ssize_t
xfer(pid_t pid, uint64_t addr, void *buf, size_t len,
    enum ptc_mem_method how, int wr)
{
	struct xfer x = { pid, wr, -1, 0 };
	const char *verb = wr ? "write" : "read";
	size_t done;
	int e;

	if (len == 0)
		return 0;
	if (len > SSIZE_MAX || len - 1 > UINT64_MAX - addr)
		return ptc_fail(EINVAL, "cannot %s %zu bytes at 0x%" PRIx64
		    ": range wraps around the address space", verb, len,
		    addr);
	switch (how) {
	case PTC_MEM_AUTO:
		done = loop_auto(&x, addr, buf, len);
		break;
	case PTC_MEM_VM:
		done = loop(&x, vm, addr, buf, len);
		break;
	case PTC_MEM_PROCFS:
		done = loop(&x, procfs, addr, buf, len);
		break;
	case PTC_MEM_PEEK:
		done = loop_peek(&x, addr, buf, len);
		break;
	default:
		return ptc_fail(EINVAL, "unknown memory access method %d",
		    (int)how);
	}
	e = errno;
	if (x.fd >= 0)
		close(x.fd);
	if (done == len)
		return (ssize_t)len;
	if (e == ESRCH && how == PTC_MEM_PEEK)
		ptc_fail(ESRCH, "process %d is not a ptrace-stopped tracee "
		    "of this process (needed for PEEK)", (int)pid);
	else if (e == ESRCH)
		ptc_fail(ESRCH, "no such process %d", (int)pid);
	else if (e == EPERM || e == EACCES)
		ptc_fail(EPERM, "not allowed to %s memory of process %d",
		    verb, (int)pid);
	else
		ptc_fail(EFAULT, "cannot %s memory at 0x%" PRIx64 " (%s)",
		    verb, addr + done,
		    wr ? "unmapped or not writable" : "unmapped or unreadable");
	/* a partial transfer keeps errno and the detail for the caller */
	return done > 0 ? (ssize_t)done : -1;
}

ssize_t
ptc_mem_read(pid_t pid, uint64_t addr, void *buf, size_t len,
    enum ptc_mem_method how)
{
	return xfer(pid, addr, buf, len, how, 0);
}

ssize_t
ptc_mem_write(pid_t pid, uint64_t addr, const void *buf, size_t len,
    enum ptc_mem_method how)
{
	/* buf is only read from when writing */
	return xfer(pid, addr, (void *)(uintptr_t)buf, len, how, 1);
}

ssize_t
ptc_mem_read_str(pid_t pid, uint64_t addr, char *buf, size_t max,
    int *truncated)
{
	size_t got = 0;
	int trunc = 1;

	/* page by page, so a string that ends before a hole reads fine */
	while (got < max) {
		size_t chunk = to_page_end(addr + got, max - got);
		ssize_t n;
		char *nul;

		if (addr + got < addr) {
			errno = EFAULT;
			break;
		}
		n = ptc_mem_read(pid, addr + got, buf + got, chunk,
		    PTC_MEM_AUTO);
		if (n < 0) {
			if (got == 0)
				return -1;
			break;
		}
		if ((nul = memchr(buf + got, '\0', (size_t)n)) != NULL) {
			got = (size_t)(nul - buf);
			trunc = 0;
			break;
		}
		got += (size_t)n;
		if ((size_t)n < chunk)
			break;
	}
	buf[got] = '\0';
	if (truncated != NULL)
		*truncated = trunc;
	return (ssize_t)got;
}

/* ---- typed values and byte patterns ---- */

static const struct {
	const char *name;
	unsigned char size, sign, flt;
} vtypes[] = {
	[PTC_VT_U8] = { "u8", 1, 0, 0 },   [PTC_VT_U16] = { "u16", 2, 0, 0 },
	[PTC_VT_U32] = { "u32", 4, 0, 0 }, [PTC_VT_U64] = { "u64", 8, 0, 0 },
	[PTC_VT_I8] = { "i8", 1, 1, 0 },   [PTC_VT_I16] = { "i16", 2, 1, 0 },
	[PTC_VT_I32] = { "i32", 4, 1, 0 }, [PTC_VT_I64] = { "i64", 8, 1, 0 },
	[PTC_VT_F32] = { "f32", 4, 0, 1 }, [PTC_VT_F64] = { "f64", 8, 0, 1 },
	[PTC_VT_PTR] = { "ptr", 8, 0, 0 },
};
#define NVTYPES (sizeof(vtypes) / sizeof(vtypes[0]))

int
ptc_vtype_parse(const char *name, enum ptc_vtype *type)
{
	for (size_t i = 0; i < NVTYPES; i++)
		if (strcmp(name, vtypes[i].name) == 0) {
			*type = (enum ptc_vtype)i;
			return 0;
		}
	return ptc_fail(EINVAL, "unknown type \"%s\" (u8 u16 u32 u64 i8 i16 "
	    "i32 i64 f32 f64 ptr)", name);
}

size_t
ptc_vtype_size(enum ptc_vtype t)
{
	return (size_t)t < NVTYPES ? vtypes[t].size : 0;
}

/* Digits of an unsigned number, 0x hex or decimal, all of s. */
static int
parse_mag(const char *s, uint64_t *v)
{
	int base = 10;
	uint64_t x = 0;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
	}
	if (*s == '\0')
		return -1;
	for (; *s != '\0'; s++) {
		unsigned d;

		if (*s >= '0' && *s <= '9')
			d = (unsigned)(*s - '0');
		else if (base == 16 && *s >= 'a' && *s <= 'f')
			d = (unsigned)(*s - 'a' + 10);
		else if (base == 16 && *s >= 'A' && *s <= 'F')
			d = (unsigned)(*s - 'A' + 10);
		else
			return -1;
		if (x > (UINT64_MAX - d) / (unsigned)base) {
			errno = ERANGE;
			return -2;
		}
		x = x * (unsigned)base + d;
	}
	*v = x;
	return 0;
}

int
ptc_value_parse(enum ptc_vtype t, const char *s, void *out)
{
	unsigned bits;
	uint64_t mag;
	int neg = 0, r;

	if ((size_t)t >= NVTYPES)
		return ptc_fail(EINVAL, "unknown type %d", (int)t);
	bits = vtypes[t].size * 8u;
	if (vtypes[t].flt) {
		char *end;
		double d;

		errno = 0;
		d = strtod(s, &end);
		if (*s == '\0' || *end != '\0' || isspace((unsigned char)*s))
			return ptc_fail(EINVAL, "invalid %s value \"%s\"",
			    vtypes[t].name, s);
		if (errno == ERANGE ||
		    (t == PTC_VT_F32 && isfinite(d) && fabs(d) > FLT_MAX))
			return ptc_fail(ERANGE, "%s value out of range \"%s\"",
			    vtypes[t].name, s);
		if (t == PTC_VT_F32) {
			float f = (float)d;
			memcpy(out, &f, 4);
		} else
			memcpy(out, &d, 8);
		return 0;
	}
	if (s[0] == '-' && vtypes[t].sign) {
		neg = 1;
		s++;
	}
	if ((r = parse_mag(s, &mag)) == -1)
		return ptc_fail(EINVAL, "invalid %s value \"%s%s\"",
		    vtypes[t].name, neg ? "-" : "", s);
	if (r == -2 ||
	    (!vtypes[t].sign && bits < 64 && mag >> bits != 0) ||
	    (vtypes[t].sign && !neg && mag > (UINT64_MAX >> (65 - bits))) ||
	    (vtypes[t].sign && neg && mag > (UINT64_C(1) << (bits - 1))))
		return ptc_fail(ERANGE, "%s value out of range \"%s%s\"",
		    vtypes[t].name, neg ? "-" : "", s);
	if (neg)
		mag = (uint64_t)0 - mag;
	switch (vtypes[t].size) {
	case 1: { uint8_t v = (uint8_t)mag; memcpy(out, &v, 1); break; }
	case 2: { uint16_t v = (uint16_t)mag; memcpy(out, &v, 2); break; }
	case 4: { uint32_t v = (uint32_t)mag; memcpy(out, &v, 4); break; }
	default: memcpy(out, &mag, 8); break;
	}
	return 0;
}

int
ptc_value_print(FILE *fp, enum ptc_vtype t, const void *p)
{
	uint64_t u = 0;
	int64_t i;

	if ((size_t)t >= NVTYPES)
		return ptc_fail(EINVAL, "unknown type %d", (int)t);
	if (vtypes[t].flt) {
		char buf[64];
		double d;

		if (t == PTC_VT_F32) {
			float f;
			memcpy(&f, p, 4);
			for (int prec = 6; prec <= 9; prec++) {
				snprintf(buf, sizeof(buf), "%.*g", prec, f);
				if (strtof(buf, NULL) == f || isnan(f))
					break;
			}
		} else {
			memcpy(&d, p, 8);
			for (int prec = 15; prec <= 17; prec++) {
				snprintf(buf, sizeof(buf), "%.*g", prec, d);
				if (strtod(buf, NULL) == d || isnan(d))
					break;
			}
		}
		return fprintf(fp, "%s\n", buf) < 0 ? -1 : 0;
	}
	switch (vtypes[t].size) {
	case 1: { uint8_t v; memcpy(&v, p, 1); u = v;
		i = (int8_t)v; break; }
	case 2: { uint16_t v; memcpy(&v, p, 2); u = v;
		i = (int16_t)v; break; }
	case 4: { uint32_t v; memcpy(&v, p, 4); u = v;
		i = (int32_t)v; break; }
	default: memcpy(&u, p, 8); i = (int64_t)u; break;
	}
	if (t == PTC_VT_PTR)
		return fprintf(fp, "0x%" PRIx64 "\n", u) < 0 ? -1 : 0;
	if (vtypes[t].sign)
		return fprintf(fp, "%" PRId64 "\n", i) < 0 ? -1 : 0;
	return fprintf(fp, "%" PRIu64 "\n", u) < 0 ? -1 : 0;
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

ssize_t
ptc_hex_parse(const char *s, void *out)
{
	unsigned char *o = out;
	size_t n = 0;

	for (const char *p = s; *p != '\0'; ) {
		int hi, lo;

		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == ',') {
			p++;
			continue;
		}
		if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
			return ptc_fail(EINVAL, "hex bytes are written without "
			    "0x: \"%s\" (use -t for a number)", s);
		hi = hexval((unsigned char)p[0]);
		lo = hi < 0 ? -1 : hexval((unsigned char)p[1]);
		if (hi < 0 || lo < 0) {
			if (hi >= 0 && (p[1] == '\0' || p[1] == ' '))
				return ptc_fail(EINVAL, "odd number of hex "
				    "digits in \"%s\"", s);
			return ptc_fail(EINVAL, "invalid hex byte at \"%.8s\" "
			    "in \"%s\"", p, s);
		}
		o[n++] = (unsigned char)(hi << 4 | lo);
		p += 2;
	}
	return (ssize_t)n;
}

/* ---- search ---- */

#define SEARCH_CHUNK (1024 * 1024) /* fits in L2, so the scan reads cache */

typedef unsigned char v16 __attribute__((vector_size(16)));

/*
 * Offsets of pat in hay[0, n): first with 16 candidate positions at a
 * time whose first and last bytes both match (one vector compare each),
 * then memcmp for the few candidates left.  Calls back per match; stops
 * early when cb returns non-zero (then returns 1).
 */
static int
scan(const unsigned char *hay, size_t n, const unsigned char *pat,
    size_t plen, int (*cb)(size_t off, void *arg), void *arg)
{
	size_t i = 0;

	if (plen > n)
		return 0;
	if (plen >= 2) {
		v16 first, last;

		for (int k = 0; k < 16; k++) {
			first[k] = pat[0];
			last[k] = pat[plen - 1];
		}
		for (; i + 16 + plen - 1 <= n; i += 16) {
			v16 a, b, eq;
			uint64_t w[2];

			memcpy(&a, hay + i, 16);
			memcpy(&b, hay + i + plen - 1, 16);
			eq = (v16)((a == first) & (b == last));
			memcpy(w, &eq, 16);
			if ((w[0] | w[1]) == 0)
				continue;
			for (int k = 0; k < 16; k++)
				if (eq[k] != 0 &&
				    memcmp(hay + i + k + 1, pat + 1, plen - 2) == 0 &&
				    cb(i + (size_t)k, arg))
					return 1;
		}
	}
	/* the tail (and one-byte patterns) */
	while (i + plen <= n) {
		const unsigned char *m = memmem(hay + i, n - i, pat, plen);

		if (m == NULL)
			break;
		i = (size_t)(m - hay);
		if (cb(i, arg))
			return 1;
		i++;
	}
	return 0;
}

int
ptc__mem_chunks(pid_t pid, uint64_t start, uint64_t end, size_t keep_max,
    int skip, int (*fn)(const unsigned char *buf, size_t n, uint64_t base,
    void *ctx), void *ctx)
{
	size_t keep = 0, ps = ptc_os_pagesize();
	uint64_t base = start;
	unsigned char *buf;
	int r = 0;

	if (keep_max >= SEARCH_CHUNK)
		return ptc_fail(EINVAL, "search pattern of %zu bytes",
		    keep_max + 1);
	if ((buf = malloc(SEARCH_CHUNK + keep_max)) == NULL)
		return -1;
	while (base + keep < end && base + keep >= start) {
		uint64_t at = base + keep, left = end - at;
		size_t want = left < SEARCH_CHUNK ? (size_t)left : SEARCH_CHUNK;
		ssize_t n;
		size_t total;

		if (ptc_cleanup_pending()) {
			r = ptc_fail(EINTR, "interrupted");
			break;
		}
		n = ptc_mem_read(pid, at, buf + keep, want, PTC_MEM_AUTO);
		if (n <= 0) {
			uint64_t next = (at | (ps - 1)) + 1;

			/* ptc_mem_read left the detail naming at */
			if (!skip || errno == ESRCH || errno == EPERM) {
				r = -1;
				break;
			}
			if (next <= at || next >= end)
				break;
			base = next;
			keep = 0;
			continue;
		}
		total = keep + (size_t)n;
		if (fn(buf, total, base, ctx)) {
			r = 1;
			break;
		}
		/* a match may start in the last keep_max bytes */
		keep = keep_max < total ? keep_max : total;
		memmove(buf, buf + total - keep, keep);
		base += total - keep;
	}
	free(buf);
	return r;
}

struct search {
	const unsigned char *pat;
	size_t plen, align;
	uint64_t base;  /* address of the chunk's first byte */
	ssize_t count;
	int (*found)(uint64_t, void *);
	void *ctx;
};

static int
search_hit(size_t off, void *arg)
{
	struct search *s = arg;
	uint64_t a = s->base + off;

	if (a % s->align != 0)
		return 0;
	s->count++;
	return s->found(a, s->ctx);
}

static int
search_chunk(const unsigned char *buf, size_t n, uint64_t base, void *arg)
{
	struct search *s = arg;

	s->base = base;
	return scan(buf, n, s->pat, s->plen, search_hit, s);
}

ssize_t
ptc_mem_search(pid_t pid, uint64_t start, uint64_t end, const void *pat,
    size_t plen, size_t align, int skip,
    int (*found)(uint64_t addr, void *ctx), void *ctx)
{
	struct search s = { pat, plen, align ? align : 1, start, 0, found,
	    ctx };

	if (plen == 0 || plen > SEARCH_CHUNK)
		return ptc_fail(EINVAL, "search pattern of %zu bytes", plen);
	if (ptc__mem_chunks(pid, start, end, plen - 1, skip, search_chunk,
	    &s) < 0)
		return -1;
	return s.count;
}

int
ptc__mem_patch(pid_t pid, uint64_t addr, const void *buf, size_t len)
{
	if (ptc_mem_write(pid, addr, buf, len, PTC_MEM_PROCFS) ==
	    (ssize_t)len || ptc_mem_write(pid, addr, buf, len, PTC_MEM_AUTO) ==
	    (ssize_t)len)
		return 0;
	return -1;
}
