/*
 * regset.c: the FP/SSE/AVX register block of a stopped thread through
 * PTRACE_GETREGSET: the XSAVE image (NT_X86_XSTATE) where the kernel
 * has one, which carries the AVX upper halves, else the FXSAVE image
 * (NT_PRFPREG).  Both start with the same 512-byte legacy area.
 */
#include <sys/ptrace.h>
#include <sys/types.h>
#include <sys/uio.h>

#include <elf.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

#ifndef NT_X86_XSTATE
#define NT_X86_XSTATE 0x202
#endif

int
ptc_os_getfpregs(pid_t pid, void *buf, size_t len, int *ext)
{
	struct iovec iov = { buf, len };

	*ext = 1;
	if (ptrace(PTRACE_GETREGSET, pid, (void *)NT_X86_XSTATE, &iov) == 0)
		return (int)iov.iov_len;
	if (errno == ESRCH)
		goto fail;
	*ext = 0;
	iov.iov_len = len;
	if (ptrace(PTRACE_GETREGSET, pid, (void *)NT_PRFPREG, &iov) == 0)
		return (int)iov.iov_len;
fail:
	return ptc_fail(errno, "FP registers of task %d: %s", (int)pid,
	    strerror(errno));
}

int
ptc_os_setfpregs(pid_t pid, const void *buf, size_t len, int ext)
{
	struct iovec iov = { (void *)buf, len };

	if (ptrace(PTRACE_SETREGSET, pid,
	    (void *)(uintptr_t)(ext ? NT_X86_XSTATE : NT_PRFPREG), &iov) != 0)
		return ptc_fail(errno, "set FP registers of task %d: %s",
		    (int)pid, strerror(errno));
	return 0;
}

int
ptc_os_auxv_get(pid_t pid, uint64_t type, uint64_t *val)
{
	char path[64];
	uint64_t pair[2];
	FILE *fp;

	snprintf(path, sizeof(path), "/proc/%d/auxv", (int)pid);
	if ((fp = fopen(path, "re")) == NULL)
		return ptc_fail(errno, "%s: %s", path, strerror(errno));
	while (fread(pair, sizeof(pair), 1, fp) == 1 && pair[0] != 0) {
		if (pair[0] == type) {
			fclose(fp);
			*val = pair[1];
			return 0;
		}
	}
	fclose(fp);
	return ptc_fail(ENOENT, "process %d: no auxv entry %llu", (int)pid,
	    (unsigned long long)type);
}
