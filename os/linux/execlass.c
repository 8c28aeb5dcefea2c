/*
 * execlass.c: the ELF class of a process's executable, through
 * /proc/PID/exe (which opens the file the process runs even when it
 * was deleted or lies in another mount namespace), for the pointer
 * size of the process: a 64-bit kernel runs 32-bit programs too.
 */
#include <elf.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "os.h"

int
ptc_os_exe_class(pid_t pid)
{
	unsigned char ident[EI_NIDENT];
	ssize_t n;
	int fd;

	if ((fd = ptc_os_exe_open(pid)) == -1)
		return -1;
	n = read(fd, ident, sizeof(ident));
	close(fd);
	if (n != (ssize_t)sizeof(ident) ||
	    memcmp(ident, ELFMAG, SELFMAG) != 0 ||
	    (ident[EI_CLASS] != ELFCLASS32 && ident[EI_CLASS] != ELFCLASS64))
		return ptc_fail(ENOEXEC, "executable of process %d is not an "
		    "ELF file", (int)pid);
	return ident[EI_CLASS] == ELFCLASS32 ? 32 : 64;
}
