/*
 * sc_dump.c: strace's -e read=SET and -e write=SET.  After the line of a
 * syscall that read from or wrote to a descriptor of the set, the bytes
 * it moved are shown as a hex dump of 16 bytes a line, buffer by buffer
 * for the vectored calls, in strace's layout; in JSON they become a
 * member of the syscall's object.  The data is read from the tracee at
 * the syscall's exit, where strace reads it too.
 */
#include <linux/audit.h>

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "trace_int.h"

/* strace reads the tracee 64 KiB at a time and says where a read failed. */
#define CHUNK     65536
/* Bytes of the vectors read at once; more iovecs than this are not shown. */
#define IOV_MAX_N 65536

int
ptc__fdset_parse(struct ptc__fdset *set, const char *spec)
{
	char *copy, *tok, *save = NULL, *end;
	const char *s = spec;
	int invert = 0, *fds = NULL, *nf;
	size_t n = 0;
	long long v;

	while (*s == '!') {
		invert = !invert;
		s++;
	}
	if (strcmp(s, "none") == 0 || strcmp(s, "all") == 0) {
		free(set->fds);
		set->fds = NULL;
		set->n = 0;
		set->invert = invert ^ (strcmp(s, "all") == 0);
		return 0;
	}
	if ((copy = strdup(s)) == NULL)
		return ptc_fail(errno, "%s", strerror(errno));
	for (tok = strtok_r(copy, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		errno = 0;
		v = strtoll(tok, &end, 10);
		if (end == tok || *end != '\0' || v < 0 || v > 0x7fffffff ||
		    errno != 0) {
			ptc_fail(EINVAL, "invalid descriptor '%s'", tok);
			goto fail;
		}
		if ((nf = realloc(fds, (n + 1) * sizeof(*fds))) == NULL) {
			ptc_fail(errno, "%s", strerror(errno));
			goto fail;
		}
		fds = nf;
		fds[n++] = (int)v;
	}
	if (n == 0) {
		ptc_fail(EINVAL, "invalid descriptor '%s'", spec);
		goto fail;
	}
	free(copy);
	/* A later read= replaces an earlier one, as in strace. */
	free(set->fds);
	set->fds = fds;
	set->n = n;
	set->invert = invert;
	return 0;
fail:
	free(copy);
	free(fds);
	return -1;
}

int
ptc__fdset_has(const struct ptc__fdset *set, int fd)
{
	size_t i;

	for (i = 0; i < set->n; i++)
		if (set->fds[i] == fd)
			return !set->invert;
	return set->invert;
}

int
ptc__fdset_empty(const struct ptc__fdset *set)
{
	return set->n == 0 && !set->invert;
}

void
ptc__fdset_free(struct ptc__fdset *set)
{
	free(set->fds);
	set->fds = NULL;
	set->n = 0;
	set->invert = 0;
}

/* Where the dump goes and how it is written. */
struct dump {
	FILE *fp;
	pid_t pid;
	int json;
	int wordsize;
	int any;          /* JSON: the member's opening is written */
	const char *member;
	unsigned char *buf;
};

static int
rdall(struct dump *d, uint64_t addr, void *buf, size_t len)
{
	ssize_t n = ptc_mem_read(d->pid, addr, buf, len, PTC_MEM_AUTO);

	/* strace tells of a read that ran into an unmapped page. */
	if (n > 0 && (size_t)n < len)
		fprintf(stderr, "%s: umoven: short read (%zd < %zu) @%#" PRIx64
		    "\n", getprogname(), n, len, addr);
	return n == (ssize_t)len ? 0 : -1;
}

static void
json_open(struct dump *d)
{
	if (d->any)
		return;
	fprintf(d->fp, ",\"%s\":\"", d->member);
	d->any = 1;
}

/* One line: offset, two groups of eight hex bytes, the printable ones. */
static void
dump_line(FILE *fp, uint64_t off, int width, const unsigned char *p,
    size_t n)
{
	char line[80], *o = line;
	size_t i;

	for (i = 0; i < 16; i++) {
		if (i < n)
			o += sprintf(o, "%02x ", p[i]);
		else
			o += sprintf(o, "   ");
		if (i == 7 || i == 15)
			*o++ = ' ';
	}
	for (i = 0; i < 16; i++)
		*o++ = i >= n ? ' ' : p[i] >= ' ' && p[i] < 0x7f ? (char)p[i] :
		    '.';
	*o = '\0';
	fprintf(fp, " | %0*" PRIx64 "  %s |\n", width, off, line);
}

/* The bytes [addr, addr + len) of the tracee, as strace's dumpstr shows. */
static void
dump_buf(struct dump *d, uint64_t addr, uint64_t len)
{
	uint64_t i, n, line;
	int width = 5;

	if (len == 0 || len + 16 < len || addr + len < addr)
		return;
	/* Offsets take as many hex digits as the last one needs, at least 5. */
	if (len > 1u << 20)
		for (width = 1, n = (len - 1) >> 4; n != 0; n >>= 4)
			width++;
	for (i = 0; i < len; i += n) {
		n = len - i < CHUNK ? len - i : CHUNK;
		if (rdall(d, addr + i, d->buf, (size_t)n) != 0) {
			if (i != 0 && !d->json)
				fprintf(d->fp, " | <Cannot fetch %" PRIu64
				    " byte%s from pid %d @%#" PRIx64 ">\n", n,
				    n == 1 ? "" : "s", (int)d->pid, addr + i);
			return;
		}
		if (d->json) {
			json_open(d);
			for (line = 0; line < n; line++)
				fprintf(d->fp, "%02x", d->buf[line]);
			continue;
		}
		for (line = 0; line < n; line += 16)
			dump_line(d->fp, i + line, width, d->buf + line,
			    n - line < 16 ? (size_t)(n - line) : 16);
	}
}

/*
 * count iovecs at addr, at most size bytes of data in all: each buffer
 * with its number; a buffer of no data ends the dump, as in strace.
 */
static void
dump_iov(struct dump *d, int count, uint64_t addr, uint64_t size)
{
	size_t esz = d->wordsize == 4 ? 8 : 16;
	unsigned char *v;
	uint64_t base, len;
	uint32_t w[2];
	int i;

	if (count <= 0 || count > IOV_MAX_N ||
	    (v = malloc((size_t)count * esz)) == NULL)
		return;
	if (rdall(d, addr, v, (size_t)count * esz) != 0) {
		free(v);
		return;
	}
	for (i = 0; i < count; i++) {
		if (esz == 8) {
			memcpy(w, v + (size_t)i * esz, sizeof(w));
			base = w[0];
			len = w[1];
		} else {
			memcpy(&base, v + (size_t)i * esz, 8);
			memcpy(&len, v + (size_t)i * esz + 8, 8);
		}
		if (len > size)
			len = size;
		if (len == 0)
			break;
		size -= len;
		if (!d->json)
			fprintf(d->fp, " * %" PRIu64 " bytes in buffer %d\n",
			    len, i);
		dump_buf(d, base, len);
	}
	free(v);
}

/* A struct msghdr's vector: *iov and *iovlen; 0 if it could be read. */
static int
msghdr_iov(struct dump *d, uint64_t addr, uint64_t *iov, uint64_t *iovlen)
{
	uint32_t w[2];

	if (d->wordsize == 4) {
		if (rdall(d, addr + 8, w, sizeof(w)) != 0)
			return -1;
		*iov = w[0];
		*iovlen = w[1];
		return 0;
	}
	if (rdall(d, addr + 16, iov, 8) != 0 ||
	    rdall(d, addr + 24, iovlen, 8) != 0)
		return -1;
	return 0;
}

/* sendmmsg/recvmmsg: the vectors of the n messages the call handled. */
static void
dump_mmsg(struct dump *d, uint64_t addr, uint64_t n)
{
	size_t msz = d->wordsize == 4 ? 32 : 64;
	uint64_t i, iov, iovlen;
	uint32_t mlen;

	for (i = 0; i < n && i < 1024; i++, addr += msz) {
		if (msghdr_iov(d, addr, &iov, &iovlen) != 0 ||
		    rdall(d, addr + msz - (d->wordsize == 4 ? 4 : 8), &mlen,
		    4) != 0)
			break;
		if (!d->json)
			fprintf(d->fp, " = %" PRIu64 " buffers in vector %"
			    PRIu64 "\n", d->wordsize == 4 ? iovlen &
			    0xffffffffu : iovlen, i);
		dump_iov(d, (int)iovlen, iov, mlen);
	}
}

/* How a syscall moves data, as strace's dumpio sorts them. */
enum io_kind { IO_NONE, IO_BUF, IO_IOV, IO_MSG, IO_MMSG };

static enum io_kind
write_kind(const char *n)
{
	if (strcmp(n, "write") == 0 || strcmp(n, "pwrite64") == 0 ||
	    strcmp(n, "send") == 0 || strcmp(n, "sendto") == 0 ||
	    strcmp(n, "mq_timedsend") == 0 ||
	    strcmp(n, "mq_timedsend_time64") == 0)
		return IO_BUF;
	if (strcmp(n, "writev") == 0 || strcmp(n, "pwritev") == 0 ||
	    strcmp(n, "pwritev2") == 0 || strcmp(n, "vmsplice") == 0)
		return IO_IOV;
	if (strcmp(n, "sendmsg") == 0)
		return IO_MSG;
	if (strcmp(n, "sendmmsg") == 0)
		return IO_MMSG;
	return IO_NONE;
}

static enum io_kind
read_kind(const char *n)
{
	if (strcmp(n, "read") == 0 || strcmp(n, "pread64") == 0 ||
	    strcmp(n, "recv") == 0 || strcmp(n, "recvfrom") == 0 ||
	    strcmp(n, "mq_timedreceive") == 0 ||
	    strcmp(n, "mq_timedreceive_time64") == 0)
		return IO_BUF;
	if (strcmp(n, "readv") == 0 || strcmp(n, "preadv") == 0 ||
	    strcmp(n, "preadv2") == 0)
		return IO_IOV;
	if (strcmp(n, "recvmsg") == 0)
		return IO_MSG;
	if (strcmp(n, "recvmmsg") == 0 || strcmp(n, "recvmmsg_time64") == 0)
		return IO_MMSG;
	return IO_NONE;
}

/*
 * Dump what kind of call moved: size bytes at most (all of the buffers
 * when size is all ones); n messages for IO_MMSG.
 */
static void
dump_kind(struct dump *d, enum io_kind k, const uint64_t a[6], uint64_t size,
    uint64_t n)
{
	uint64_t iov, iovlen;

	switch (k) {
	case IO_BUF:
		dump_buf(d, a[1], size);
		break;
	case IO_IOV:
		dump_iov(d, (int)a[2], a[1], size);
		break;
	case IO_MSG:
		if (msghdr_iov(d, a[1], &iov, &iovlen) == 0)
			dump_iov(d, (int)iovlen, iov, size);
		break;
	case IO_MMSG:
		dump_mmsg(d, a[1], n);
		break;
	case IO_NONE:
		break;
	}
	if (d->any) {
		fputc('"', d->fp);
		d->any = 0;
	}
}

void
ptc__dumpio(FILE *fp, int json, const struct ptc__fdset *rd,
    const struct ptc__fdset *wr, pid_t pid, uint32_t arch, uint64_t nr,
    const uint64_t a[6], int64_t rval, int is_error)
{
	struct dump d;
	const char *name;
	enum io_kind k;
	int fd = (int)a[0];

	if (fd < 0 || (name = ptc_sc_name(arch, nr)) == NULL)
		return;
	memset(&d, 0, sizeof(d));
	d.fp = fp;
	d.pid = pid;
	d.json = json;
	d.wordsize = (arch & __AUDIT_ARCH_64BIT) ? 8 : 4;
	/* The kernel reads what a write names even when the call fails. */
	if (ptc__fdset_has(wr, fd) && (k = write_kind(name)) != IO_NONE &&
	    (k != IO_MMSG || !is_error)) {
		if ((d.buf = malloc(CHUNK)) == NULL)
			return;
		d.member = "write_data";
		dump_kind(&d, k, a, k == IO_BUF ? (d.wordsize == 4 ?
		    a[2] & 0xffffffffu : a[2]) : UINT64_MAX, (uint64_t)rval);
	}
	if (!is_error && rval >= 0 && ptc__fdset_has(rd, fd) &&
	    (k = read_kind(name)) != IO_NONE) {
		if (d.buf == NULL && (d.buf = malloc(CHUNK)) == NULL)
			return;
		d.member = "read_data";
		dump_kind(&d, k, a, (uint64_t)rval, (uint64_t)rval);
	}
	free(d.buf);
}
