/*
 * sym_linux.c: where Linux lets us read the files a process has mapped.
 *
 * /proc/PID/map_files/START-END is the mapped file itself: it works when
 * the file was deleted or replaced and when the process lives in another
 * mount namespace.  It needs more privilege than reading the path, so
 * /proc/PID/root/PATH (the process's view of its file system) and PATH
 * follow, each checked against the inode the mapping names so that a
 * library upgraded since it was mapped is not mistaken for it.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "os.h"
#include "linux.h"

static int
open_checked(const char *path, uint64_t inode, int check)
{
	struct stat st;
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return -1;
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode) ||
	    (check && inode != 0 && (uint64_t)st.st_ino != inode)) {
		close(fd);
		errno = ESTALE;
		return -1;
	}
	return fd;
}

int
ptc_os_module_open(pid_t pid, uint64_t start, uint64_t end, const char *path,
    uint64_t inode)
{
	char buf[4096 + 64];
	int fd, first_errno;

	snprintf(buf, sizeof(buf), "/proc/%d/map_files/%" PRIx64 "-%" PRIx64,
	    ptc_os_procpid(pid), start, end);
	if ((fd = open_checked(buf, inode, 0)) != -1)
		return fd;
	first_errno = errno;
	if (path == NULL || path[0] != '/')
		return ptc_fail(first_errno, "%s: %s", buf,
		    strerror(first_errno));
	snprintf(buf, sizeof(buf), "/proc/%d/root%s", ptc_os_procpid(pid), path);
	if ((fd = open_checked(buf, inode, 1)) != -1)
		return fd;
	if ((fd = open_checked(path, inode, 1)) != -1)
		return fd;
	/*
	 * Overlay file systems show another inode in maps than stat() does:
	 * the file at the process's own path is the best guess left.
	 */
	if ((fd = open_checked(buf, inode, 0)) != -1)
		return fd;
	return ptc_fail(errno, "%s: %s", path, strerror(errno));
}

int
ptc_os_exe_path(pid_t pid, char *buf, size_t len)
{
	char link[64];
	ssize_t n;
	size_t d = strlen(" (deleted)");

	snprintf(link, sizeof(link), "/proc/%d/exe", ptc_os_procpid(pid));
	if (len == 0 || (n = readlink(link, buf, len - 1)) == -1)
		return -1;
	buf[n] = '\0';
	if ((size_t)n > d && strcmp(buf + n - d, " (deleted)") == 0)
		buf[n - d] = '\0';
	return 0;
}

int
ptc_os_exe_open(pid_t pid)
{
	char link[64];
	int fd;

	snprintf(link, sizeof(link), "/proc/%d/exe", ptc_os_procpid(pid));
	if ((fd = open(link, O_RDONLY | O_CLOEXEC)) == -1) {
		if (errno == ENOENT)
			return ptc_fail(ESRCH, "no such process %d", (int)pid);
		return ptc_fail(errno, "executable of process %d: %s",
		    (int)pid, strerror(errno));
	}
	return fd;
}
