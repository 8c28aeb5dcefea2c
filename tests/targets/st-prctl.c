/*
 * st-prctl: calls whose arguments depend on their first one (prctl,
 * arch_prctl, seccomp, kcmp, syslog, ptrace) and process calls with
 * flags and structures (personality, clone3, unshare, setns,
 * pidfd_open), with
 * fixed arguments so that ptstrace's lines can be written down.  Meant
 * to run with their results injected (the calls then change nothing):
 * the buffers the kernel would fill hold known values beforehand.
 * arch_prctl (x86 only) is left to the kernel: its calls fail the same
 * way everywhere.  Exits 0.
 */
#define _GNU_SOURCE
#include <linux/sched.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static long
sc(long nr, long a, long b, long c, long d, long e)
{
	return syscall(nr, a, b, c, d, e);
}

int
main(void)
{
	static char name[16] = "st-prctl-comm";
	static int sig = 9, action = 0x7fff0000;
	static uint64_t cookie = 0xdeadc0de;
	static uint16_t sizes[3] = { 80, 24, 64 };
	static uint32_t slot[3] = { 3, 4, 5 };
	static struct clone_args ca;
	static uint64_t msg = 42, psi[2] = { 7, 1 | (uint64_t)3 << 32 };
	static uint32_t attr[14] = { 56, 0xca7faced, 0x11, 0, (uint32_t)-5,
	    0, 1000, 0, 2000, 0, 3000, 0, 0, 1024 };
	static uint64_t cpus = 0x15;
	static uint32_t bpf_attr[32];
	static uint64_t info[10] = { 1 | (uint64_t)0xc000003e << 32,
	    0x401000, 0x7ffc0000, 80, 0x1234 };
	static uint32_t filter[] = {
		0x20, 0,                /* BPF_STMT(BPF_LD|BPF_W|BPF_ABS, 0) */
		0x01000015, 39,         /* BPF_JUMP(BPF_JMP|BPF_K|BPF_JEQ,..) */
		0x06, 0x50001,          /* BPF_STMT(BPF_RET|BPF_K, ERRNO|1) */
		0x06, 0x7fff0000,       /* BPF_STMT(BPF_RET|BPF_K, ALLOW) */
	};
	static struct {
		unsigned short len;
		void *filter;
	} prog = { 4, filter };

	/* prctl: no arguments, a name, unknown values, results named */
	sc(SYS_prctl, 13, 0xfacefeed, 1, 2, 3);         /* PR_GET_TIMING */
	sc(SYS_prctl, 15, (long)"0123456789abcdef", 0, 0, 0);
	sc(SYS_prctl, 16, (long)name, 0, 0, 0);         /* PR_GET_NAME */
	sc(SYS_prctl, 2, (long)&sig, 0, 0, 0);          /* PR_GET_PDEATHSIG */
	sc(SYS_prctl, 4, 3, 0, 0, 0);                   /* PR_SET_DUMPABLE */
	sc(SYS_prctl, 3, 0, 0, 0, 0);                   /* PR_GET_DUMPABLE */
	sc(SYS_prctl, 28, 0x110, 0, 0, 0);              /* PR_SET_SECUREBITS */
	sc(SYS_prctl, 27, 0, 0, 0, 0);                  /* PR_GET_SECUREBITS */
	sc(SYS_prctl, 6, 4, 0, 0, 0);                   /* PR_SET_UNALIGN */
	sc(SYS_prctl, 47, 2, 13, 0, 0);                 /* PR_CAP_AMBIENT */
	sc(SYS_prctl, 33, 1, 0xff, 0, 0);               /* PR_MCE_KILL */
	sc(SYS_prctl, 50, 0x40010, 0, 0, 0);            /* PR_SVE_SET_VL */
	sc(SYS_prctl, 55, 0x7f9, 0, 0, 0);       /* PR_SET_TAGGED_ADDR_CTRL */
	sc(SYS_prctl, 56, 0, 0, 0, 0);           /* PR_GET_TAGGED_ADDR_CTRL */
	sc(SYS_prctl, 62, 0, 0, 1, (long)&cookie);      /* PR_SCHED_CORE */
	sc(SYS_prctl, 0x59616d61, -1, 0, 0, 0);         /* PR_SET_PTRACER */
	sc(SYS_prctl, 54, 0x11, 0, 0, 0);               /* PR_PAC_RESET_KEYS */
	sc(SYS_prctl, 22, 2, (long)&prog, 0, 0);        /* PR_SET_SECCOMP */
	sc(SYS_prctl, -1, 1, 2, 3, 4);
#ifdef SYS_arch_prctl
	/* arch_prctl: fails alike on every x86_64 */
	sc(SYS_arch_prctl, 0x1021, 0, 0, 0, 0);  /* ARCH_GET_XCOMP_SUPP NULL */
	sc(SYS_arch_prctl, 0x9999, 0, 0, 0, 0);
#endif
	/* seccomp */
	sc(SYS_seccomp, 2, 0, (long)&action, 0, 0);     /* GET_ACTION_AVAIL */
	sc(SYS_seccomp, 3, 0, (long)sizes, 0, 0);       /* GET_NOTIF_SIZES */
	sc(SYS_seccomp, 1, 0x41, (long)&prog, 0, 0);    /* SET_MODE_FILTER */
	sc(SYS_seccomp, 7, 1, 0, 0, 0);
	/* kcmp, syslog, personality */
	sc(SYS_kcmp, 1, 2, 0, 3, 4);                    /* KCMP_FILE */
	sc(SYS_kcmp, 1, 2, 7, 3, (long)slot);           /* KCMP_EPOLL_TFD */
	sc(SYS_kcmp, 1, 2, 9, 3, 4);
	sc(SYS_syslog, 8, 0, 7, 0, 0);                  /* CONSOLE_LEVEL */
	sc(SYS_syslog, 10, 0, 0, 0, 0);                 /* SIZE_BUFFER */
	sc(SYS_personality, 0x4000006, 0, 0, 0, 0);     /* PER_BSD|... */
	/* clone3, unshare, setns, pidfd_open */
	memset(&ca, 0, sizeof(ca));
	ca.flags = CLONE_PARENT_SETTID | CLONE_CLEAR_SIGHAND;
	ca.exit_signal = 17;
	sc(SYS_clone3, (long)&ca, 64, 0, 0, 0);
	sc(SYS_unshare, 0x20000 | 0x80 | 0xf, 0, 0, 0, 0);
	sc(SYS_setns, -1, 0x40000000, 0, 0, 0);
	sc(SYS_pidfd_open, 1, 0x800 | 0x1000, 0, 0, 0);
	/* sched: struct sched_attr, CPU masks */
	sc(SYS_sched_setattr, 0, (long)attr, 0, 0, 0);
	sc(SYS_sched_getattr, 0, (long)attr, 48, 0, 0);
	sc(SYS_sched_setaffinity, 0, 8, (long)&cpus, 0, 0);
	sc(SYS_sched_setaffinity, 0, 0, (long)&cpus, 0, 0);
	/* bpf: a program's attributes, up to its name */
	bpf_attr[0] = 1;                /* BPF_PROG_TYPE_SOCKET_FILTER */
	bpf_attr[1] = 2;
	memcpy(&bpf_attr[4], &(const char *){ "GPL" }, sizeof(char *));
	bpf_attr[10] = 0x050a03;                /* KERNEL_VERSION(5, 10, 3) */
	memcpy(&bpf_attr[12], "st-prctl", 9);
	sc(SYS_bpf, 5, (long)bpf_attr, 64, 0, 0);
	/* ptrace: arguments by request; what "the kernel" filled in */
	sc(SYS_ptrace, 0x4200, 1, 0, 0x9, 0);           /* PTRACE_SETOPTIONS */
	sc(SYS_ptrace, 7, 1, 0, 10, 0);                 /* PTRACE_CONT */
	sc(SYS_ptrace, 0x4201, 1, 0, (long)&msg, 0);    /* PTRACE_GETEVENTMSG */
	sc(SYS_ptrace, 0x4209, 1, (long)psi, 0, 0);     /* PTRACE_PEEKSIGINFO */
	sc(SYS_ptrace, 0x420e, 1, 40, (long)info, 0);   /* GET_SYSCALL_INFO */
	sc(SYS_ptrace, 16, 1, 0, 0, 0);                 /* PTRACE_ATTACH */
	sc(SYS_ptrace, 0xdead, 1, 0, 0, 0);
	return 0;
}
