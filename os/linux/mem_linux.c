/*
 * mem_linux.c: the Linux ways into another process's memory:
 * process_vm_readv/writev and /proc/PID/mem (PEEK/POKE are in ptrace.c).
 * lib/mem.c chooses between them and handles partial transfers.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/uio.h>
#include <unistd.h>

#include "os.h"
#include "linux.h"

ssize_t
ptc_os_vm_rw(pid_t pid, uint64_t addr, void *buf, size_t len, int wr)
{
	struct iovec local = { buf, len };
	struct iovec remote = { (void *)(uintptr_t)addr, len };

	/*
	 * With one remote iovec the kernel stops at the first page it
	 * cannot access and reports what it copied before it.
	 */
	if (wr)
		return process_vm_writev(pid, &local, 1, &remote, 1, 0);
	return process_vm_readv(pid, &local, 1, &remote, 1, 0);
}

ssize_t
ptc_os_vm_readv(pid_t pid, const uint64_t *addrs, size_t n, size_t len,
    void *buf)
{
	struct iovec local = { buf, n * len }, remote[PTC_OS_VM_IOV];

	if (n > PTC_OS_VM_IOV) {
		errno = EINVAL;
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		remote[i].iov_base = (void *)(uintptr_t)addrs[i];
		remote[i].iov_len = len;
	}
	return process_vm_readv(pid, &local, 1, remote, n, 0);
}

int
ptc_os_procmem_open(pid_t pid, int wr)
{
	char path[64];
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/mem", ptc_os_procpid(pid));
	fd = open(path, (wr ? O_RDWR : O_RDONLY) | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOENT)
			errno = ESRCH;
		else if (errno == EACCES)
			errno = EPERM;
	}
	return fd;
}

ssize_t
ptc_os_procmem_rw(int fd, uint64_t addr, void *buf, size_t len, int wr)
{
	ssize_t n;

	if (addr <= INT64_MAX) {
		do {
			n = wr ? pwrite(fd, buf, len, (off_t)addr) :
			    pread(fd, buf, len, (off_t)addr);
		} while (n < 0 && errno == EINTR);
		return n;
	}
	/*
	 * pread refuses offsets that are negative as off_t, but the file
	 * takes them through lseek (kernel addresses, the vsyscall page).
	 */
	errno = 0;
	if (lseek(fd, (off_t)addr, SEEK_SET) == (off_t)-1 && errno != 0)
		return -1;
	do {
		n = wr ? write(fd, buf, len) : read(fd, buf, len);
	} while (n < 0 && errno == EINTR);
	return n;
}

size_t
ptc_os_pagesize(void)
{
	static size_t ps;

	if (ps == 0) {
		long v = sysconf(_SC_PAGESIZE);
		ps = v > 0 ? (size_t)v : 4096;
	}
	return ps;
}
