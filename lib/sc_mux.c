/*
 * sc_mux.c: i386's multiplexed syscalls (and arm's private calls, at
 * the end).  A 32-bit C library sends its
 * socket calls through socketcall(call, args[]) and its System V IPC
 * calls through ipc(call, first, second, third, ptr, fifth); strace shows
 * and filters each as the call it stands for.  The i386 table gives these
 * subcalls rows of their own above the kernel's numbers (500 + the
 * socketcall number, 521 + the ipc number, as strace numbers them), so
 * turning a multiplexer into its subcall is rewriting the number and the
 * arguments; everything downstream (names, classes, -e trace=, -c, the
 * printers of the direct calls) then works unchanged.  Keyed by the
 * tracee's audit arch, so a 64-bit tracer does the same for a 32-bit
 * program.
 */
#include <linux/audit.h>

#include <stdint.h>
#include <string.h>

#include "internal.h"
#include "sc_priv.h"

/*
 * arm's private calls, __ARM_NR_BASE + N, have rows at ARM_PRIVATE + N
 * of its table (arch/arm/syscalls.nr): the same rewriting of the number.
 */
#define ARM_NR_BASE     0xf0000
#define ARM_PRIVATE     1024
#define ARM_NPRIVATE    16

#define NR_SOCKETCALL   102
#define NR_IPC          117
#define SOCKET_SUBCALL  500
#define SOCKET_NCALLS   21
#define IPC_SUBCALL     (SOCKET_SUBCALL + SOCKET_NCALLS)

/*
 * Where each argument of the direct call is among ipc's six (0 is the
 * call number itself, never used; -1 ends the list).  The order is that
 * of the kernel's ipc() dispatch (ipc/syscall.c).
 */
static const struct {
	unsigned call;
	signed char from[6];
} ipc_args[] = {
	{ 1, { 1, 4, 2, -1 } },         /* semop(semid, sops, nsops) */
	{ 2, { 1, 2, 3, -1 } },         /* semget(key, nsems, semflg) */
	{ 3, { 1, 2, 3, 4, -1 } },      /* semctl(semid, semnum, cmd, arg) */
	{ 4, { 1, 4, 2, 5, -1 } },      /* semtimedop(.., timeout) */
	{ 11, { 1, 4, 2, 3, -1 } },     /* msgsnd(msqid, msgp, msgsz, flg) */
	{ 12, { 1, 4, 2, 5, 3, -1 } },  /* msgrcv(msqid, msgp, sz, typ, flg) */
	{ 13, { 1, 2, -1 } },           /* msgget(key, msgflg) */
	{ 14, { 1, 2, 4, -1 } },        /* msgctl(msqid, cmd, buf) */
	{ 21, { 1, 4, 2, 3, -1 } },     /* shmat(shmid, addr, flg; result) */
	{ 22, { 4, -1 } },              /* shmdt(addr) */
	{ 23, { 1, 2, 3, -1 } },        /* shmget(key, size, shmflg) */
	{ 24, { 1, 2, 4, -1 } },        /* shmctl(shmid, cmd, buf) */
};

static int
socketcall(struct ptc__dc *c, uint64_t *nr, uint64_t a[6])
{
	const struct ptc__scent *e;
	uint32_t w[6];
	uint64_t call = a[0] & 0xffffffffu;
	int i, n;

	if (call < 1 || call >= SOCKET_NCALLS)
		return 0;
	e = ptc__sc_ent(AUDIT_ARCH_I386, SOCKET_SUBCALL + call);
	if (e == NULL || e->nargs < 0)
		return 0;
	n = e->nargs;
	/* The kernel reads as many words as the call takes, so do we. */
	if (ptc__rdall(c, a[1] & 0xffffffffu, w, (size_t)n * 4) != 0)
		return 0;
	for (i = 0; i < 6; i++)
		a[i] = i < n ? w[i] : 0;
	*nr = SOCKET_SUBCALL + call;
	return 1;
}

static int
ipc(struct ptc__dc *c, uint64_t *nr, uint64_t a[6])
{
	uint64_t in[6];
	uint32_t kludge[2];
	unsigned call = (unsigned)(a[0] & 0xffff);
	unsigned version = (unsigned)((a[0] >> 16) & 0xffff);
	size_t k;
	int i;

	for (k = 0; k < sizeof(ipc_args) / sizeof(ipc_args[0]); k++)
		if (ipc_args[k].call == call)
			break;
	if (k == sizeof(ipc_args) / sizeof(ipc_args[0]) ||
	    ptc__sc_ent(AUDIT_ARCH_I386, IPC_SUBCALL + call) == NULL)
		return 0;
	for (i = 0; i < 6; i++)
		in[i] = a[i] & 0xffffffffu;
	if (call == 12 && version == 0) {
		/*
		 * The old msgrcv passes its buffer and message type in a
		 * struct ipc_kludge at ptr; the kernel reads it, so do we.
		 */
		if (ptc__rdall(c, in[4], kludge, sizeof(kludge)) != 0)
			return 0;
		in[4] = kludge[0];
		in[5] = (uint64_t)(int64_t)(int32_t)kludge[1];
	}
	memset(a, 0, 6 * sizeof(a[0]));
	for (i = 0; i < 6 && ipc_args[k].from[i] >= 0; i++)
		a[i] = in[(int)ipc_args[k].from[i]];
	*nr = IPC_SUBCALL + call;
	return 1;
}

int
ptc__sc_demux(struct ptc__dc *c, uint32_t arch, uint64_t *nr, uint64_t a[6])
{
	if (arch == AUDIT_ARCH_ARM && *nr > ARM_NR_BASE &&
	    *nr < ARM_NR_BASE + ARM_NPRIVATE &&
	    ptc__sc_ent(arch, ARM_PRIVATE + *nr - ARM_NR_BASE) != NULL) {
		*nr = ARM_PRIVATE + *nr - ARM_NR_BASE;
		return 1;
	}
	if (arch != AUDIT_ARCH_I386)
		return 0;
	if (*nr == NR_SOCKETCALL)
		return socketcall(c, nr, a);
	if (*nr == NR_IPC)
		return ipc(c, nr, a);
	return 0;
}

int
ptc__sc_subcall_of(uint32_t arch, uint64_t nr, uint64_t *muxp)
{
	if (arch == AUDIT_ARCH_ARM && nr > ARM_PRIVATE &&
	    nr < ARM_PRIVATE + ARM_NPRIVATE) {
		*muxp = ARM_NR_BASE + nr - ARM_PRIVATE;
		return 1;
	}
	if (arch != AUDIT_ARCH_I386)
		return 0;
	if (nr > SOCKET_SUBCALL && nr < IPC_SUBCALL) {
		*muxp = NR_SOCKETCALL;
		return 1;
	}
	if (nr > IPC_SUBCALL && nr < IPC_SUBCALL + 25) {
		*muxp = NR_IPC;
		return 1;
	}
	return 0;
}

uint64_t
ptc__sc_nreal(uint32_t arch)
{
	uint64_t n = ptc_sc_count(arch), i, first;

	first = arch == AUDIT_ARCH_I386 ? SOCKET_SUBCALL :
	    arch == AUDIT_ARCH_ARM ? ARM_PRIVATE : n;
	if (n <= first)
		return n;
	for (i = first; i > 0; i--)
		if (ptc_sc_name(arch, i - 1) != NULL)
			break;
	return i;
}
