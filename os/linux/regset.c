/*
 * regset.c: the FP/SSE/AVX register block of a stopped thread through
 * PTRACE_GETREGSET: the XSAVE image (NT_X86_XSTATE) where the kernel
 * has one, which carries the AVX upper halves, else the FXSAVE image
 * (NT_PRFPREG).  Both start with the same 512-byte legacy area.  On
 * 64-bit PowerPC the block is put together from the FP, VMX and VSX
 * sets (lib/os.h).
 */
#include <sys/ptrace.h>
#include <sys/types.h>
#include <sys/uio.h>

#include <elf.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "os.h"
#include "linux.h"

#ifndef NT_X86_XSTATE
#define NT_X86_XSTATE 0x202
#endif
#ifndef NT_ARM_VFP
#define NT_ARM_VFP 0x400
#endif
/* arm's NT_PRFPREG is the old FPA block: the VFP one is its own. */
#if defined(__arm__)
#define FP_NOTE NT_ARM_VFP
#else
#define FP_NOTE NT_PRFPREG
#endif

#if defined(__powerpc64__)
#ifndef NT_PPC_VMX
#define NT_PPC_VMX 0x100
#endif
#ifndef NT_PPC_VSX
#define NT_PPC_VSX 0x102
#endif
static const struct {
	unsigned note;
	size_t len;
} fp_parts[] = {
	{ NT_PRFPREG, PTC__PPC_FPR_LEN },
	{ NT_PPC_VMX, PTC__PPC_VMX_LEN },
	{ NT_PPC_VSX, PTC__PPC_VSX_LEN },
};
#define NPARTS (sizeof(fp_parts) / sizeof(fp_parts[0]))

/*
 * A CPU without the unit (ENODEV), a kernel built without it (EINVAL:
 * no such set; EIO and ENODATA are taken the same way): the block ends
 * before that part.
 */
static int
no_unit(int e)
{
	return e == ENODEV || e == EINVAL || e == EIO || e == ENODATA;
}

int
ptc_os_getfpregs(pid_t pid, void *buf, size_t len, int *ext)
{
	struct iovec iov;
	size_t i, n = PTC__PPC_FPR_OFF;

	*ext = 0;
	memset(buf, 0, n);
	for (i = 0; i < NPARTS && n + fp_parts[i].len <= len; i++) {
		iov.iov_base = (unsigned char *)buf + n;
		iov.iov_len = fp_parts[i].len;
		if (ptrace(PTRACE_GETREGSET, pid,
		    (void *)(uintptr_t)fp_parts[i].note, &iov) != 0) {
			if (i > 0 && no_unit(errno))
				break;
			return ptc_fail(errno, "FP registers of task %d: %s",
			    (int)pid, strerror(errno));
		}
		n += iov.iov_len;
		if (iov.iov_len != fp_parts[i].len)
			break;
	}
	return (int)n;
}

/* Every whole part of the block, as ptc_os_getfpregs() read them. */
int
ptc_os_setfpregs(pid_t pid, const void *buf, size_t len, int ext)
{
	struct iovec iov;
	size_t i, n = PTC__PPC_FPR_OFF;

	(void)ext;
	for (i = 0; i < NPARTS && n + fp_parts[i].len <= len; i++) {
		iov.iov_base = (unsigned char *)buf + n;
		iov.iov_len = fp_parts[i].len;
		if (ptrace(PTRACE_SETREGSET, pid,
		    (void *)(uintptr_t)fp_parts[i].note, &iov) != 0)
			return ptc_fail(errno, "set FP registers of task "
			    "%d: %s", (int)pid, strerror(errno));
		n += fp_parts[i].len;
	}
	return 0;
}
#else
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
	if (ptrace(PTRACE_GETREGSET, pid, (void *)FP_NOTE, &iov) == 0)
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
	    (void *)(uintptr_t)(ext ? NT_X86_XSTATE : FP_NOTE), &iov) != 0)
		return ptc_fail(errno, "set FP registers of task %d: %s",
		    (int)pid, strerror(errno));
	return 0;
}
#endif

/* One (type, value) pair of an auxv of 32-bit (w32) or 64-bit words. */
static int
auxv_pair(FILE *fp, int w32, uint64_t pair[2])
{
	uint32_t p32[2];

	if (!w32)
		return fread(pair, sizeof(uint64_t) * 2, 1, fp) == 1 ? 0 : -1;
	if (fread(p32, sizeof(p32), 1, fp) != 1)
		return -1;
	pair[0] = p32[0];
	pair[1] = p32[1];
	return 0;
}

int
ptc_os_auxv_get(pid_t pid, uint64_t type, uint64_t *val)
{
	char path[64];
	uint64_t pair[2];
	FILE *fp;
	/* The kernel keeps the auxv in the program's word size. */
	int w32 = ptc_os_exe_class(pid) == 32;

	snprintf(path, sizeof(path), "/proc/%d/auxv", ptc_os_procpid(pid));
	if ((fp = fopen(path, "re")) == NULL)
		return ptc_fail(errno, "%s: %s", path, strerror(errno));
	while (auxv_pair(fp, w32, pair) == 0 && pair[0] != 0) {
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
