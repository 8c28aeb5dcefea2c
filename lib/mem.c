/*
 * mem.c: reading and writing another process's memory.  Three ways in,
 * from the OS layer: process_vm_readv/writev (fast, honours page
 * protections), /proc/PID/mem (slower to set up, but writes read-only
 * text as debuggers need) and PEEK/POKE word by word (needs a stopped
 * tracee).  AUTO takes the first, and falls back page by page to the
 * second where the first cannot go.
 */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
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

/* Repeat one method until done or it stops making progress. */
static size_t
loop_vm(struct xfer *x, uint64_t addr, char *buf, size_t len)
{
	size_t done = 0;

	while (done < len) {
		ssize_t n = ptc_os_vm_rw(x->pid, addr + done, buf + done,
		    len - done, x->wr);
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
loop_procfs(struct xfer *x, uint64_t addr, char *buf, size_t len)
{
	size_t done = 0;

	while (done < len) {
		ssize_t n = procfs(x, addr + done, buf + done, len - done);
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
		done = loop_vm(&x, addr, buf, len);
		break;
	case PTC_MEM_PROCFS:
		done = loop_procfs(&x, addr, buf, len);
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
