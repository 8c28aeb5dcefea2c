/*
 * seccomp.c: a seccomp-bpf program that makes only the traced syscalls
 * stop (SECCOMP_RET_TRACE) and lets every other one run at native speed,
 * as strace does with --seccomp-bpf.  The program is built in the tracer
 * and installed by the traced child just before its execve.
 */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/prctl.h>
#include <sys/syscall.h>

#include "os.h"

/* x32 syscalls share the x86_64 audit arch; their numbers have this bit. */
#define X32_SYSCALL_BIT 0x40000000u

#define STMT(c, k)        ((struct sock_filter)BPF_STMT((c), (k)))
#define JUMP(c, k, t, f)  ((struct sock_filter)BPF_JUMP((c), (k), (t), (f)))

int
ptc_os_seccomp_build(uint32_t arch, const uint8_t *traced, size_t n,
    struct sock_filter **progp, size_t *lenp)
{
	struct sock_filter *p;
	size_t ntraced = 0, i, k = 0, nlist;
	uint32_t hit, miss;

	for (i = 0; i < n; i++)
		ntraced += traced[i] != 0;
	/*
	 * List whichever of the two sets is smaller; a number beyond the
	 * table (a syscall newer than ours) is always traced, as strace
	 * traces unknown syscalls.
	 */
	int list_traced = ntraced <= n - ntraced;
	nlist = list_traced ? ntraced : n - ntraced;
	hit = list_traced ? SECCOMP_RET_TRACE : SECCOMP_RET_ALLOW;
	miss = list_traced ? SECCOMP_RET_ALLOW : SECCOMP_RET_TRACE;
	/* 7 of prologue, 2 per listed number, 3 of epilogue. */
	if (8 + 2 * nlist + 3 > BPF_MAXINSNS)
		return ptc_fail(E2BIG, "seccomp filter too long");
	p = calloc(8 + 2 * nlist + 3, sizeof(*p));
	if (p == NULL)
		return -1;
	/* Another ABI (i386 through int 0x80): trace it all. */
	p[k++] = STMT(BPF_LD | BPF_W | BPF_ABS,
	    offsetof(struct seccomp_data, arch));
	p[k++] = JUMP(BPF_JMP | BPF_JEQ | BPF_K, arch, 1, 0);
	p[k++] = STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE);
	p[k++] = STMT(BPF_LD | BPF_W | BPF_ABS,
	    offsetof(struct seccomp_data, nr));
	/* x32 numbers and numbers past the table: traced. */
	p[k++] = JUMP(BPF_JMP | BPF_JGE | BPF_K, X32_SYSCALL_BIT, 0, 1);
	p[k++] = STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE);
	p[k++] = JUMP(BPF_JMP | BPF_JGE | BPF_K, (uint32_t)n, 0, 1);
	p[k++] = STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE);
	for (i = 0; i < n; i++) {
		if ((traced[i] != 0) != list_traced)
			continue;
		p[k++] = JUMP(BPF_JMP | BPF_JEQ | BPF_K, (uint32_t)i, 0, 1);
		p[k++] = STMT(BPF_RET | BPF_K, hit);
	}
	p[k++] = STMT(BPF_RET | BPF_K, miss);
	*progp = p;
	*lenp = k;
	return 0;
}

int
ptc_os_seccomp_install(const struct sock_filter *prog, size_t len)
{
	struct sock_fprog fp = {
		.len = (unsigned short)len,
		.filter = (struct sock_filter *)prog,
	};

	/*
	 * Without CAP_SYS_ADMIN the kernel wants no_new_privs; with it the
	 * bit would needlessly stop set-uid programs from gaining rights.
	 */
	if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &fp, 0, 0) == 0)
		return 0;
	if (errno != EACCES)
		return -1;
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == -1)
		return -1;
	return prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &fp, 0, 0);
}
