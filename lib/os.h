/*
 * os.h: the interface the OS layer (os/<os>/) implements, and all it is
 * given.  Every function takes plain values (ids, flags, buffers, the
 * small ptc_os_* structs below) and returns results; none sees a session
 * or a task.  The library in lib/ keeps that state and calls these.
 * os/README.md is the porting guide for this header.
 */
#ifndef PTC_OS_H
#define PTC_OS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "ptcore.h"

/*
 * Errors: 0 (or a count) on success, -1 with errno and, where there is
 * more to say, a detail set with ptc_fail().
 */

/* ---- tasks and the event loop (lib/proc.c) ---- */

/*
 * Attach to thread pid without stopping it, with the event options of
 * trace_flags (PTC_TRACE_*); PTC_TRACE_EXITKILL counts only when spawned
 * (a program we started), since attached ones run on after us.
 */
int ptc_os_seize(pid_t pid, unsigned trace_flags, bool spawned);
int ptc_os_interrupt(pid_t pid);
int ptc_os_resume(pid_t pid, enum ptc_resume how, int sig);
/*
 * Whether pid is in a ptrace-stop (0, or -1 when it runs); *child is the
 * new task of the fork, vfork or clone event it stopped at, else 0.
 */
int ptc_os_stop_child(pid_t pid, pid_t *child);
int ptc_os_detach(pid_t pid, int sig);
/* Detach from a signal handler: async-signal-safe, bounded wait. */
void ptc_os_detach_now(pid_t pid);
/* Whether signal sig is pending for thread tid itself (not its process). */
int ptc_os_sig_pending(pid_t tid, int sig);

/* One wait status, decoded. */
struct ptc_os_stop {
	/*
	 * What happened.  A syscall stop is PTC_EV_SYSCALL_ENTER whichever
	 * side it is: the library tells entry from exit.
	 */
	enum ptc_event_type type;
	int sig;             /* stop or killing signal */
	int status;          /* exit status (EXITED, EXITING) */
	int core;            /* KILLED: dumped core */
	pid_t new_pid;       /* FORK, VFORK, CLONE */
	pid_t old_pid;       /* EXEC: the thread id the exec came from */
	siginfo_t si;        /* SIGNAL and STEP */
};
/* Decode one waitpid() status of pid. */
int ptc_os_decode(pid_t pid, int status, struct ptc_os_stop *st);
/* At a syscall stop of pid: what the kernel says of the call. */
int ptc_os_syscall_info(pid_t pid, struct ptc_scinfo *si);

/* ---- starting programs (lib/proc.c, lib/trace.c) ---- */

struct sock_filter;

/* How ptc_os_spawn() starts a program. */
struct ptc_os_spawn_opts {
	const char *path;          /* the program, from ptc_os_which() */
	char *const *argv;
	char *const *envp;         /* NULL: the caller's environ */
	int stdin_fd, stdout_fd, stderr_fd; /* -1: inherit */
	const char *user;          /* NULL: keep; else initgroups() name */
	uid_t uid;                 /* with user */
	gid_t gid;
	const struct sock_filter *filter; /* NULL: no syscall filter */
	size_t filter_len;
	bool stop_before_exec;     /* raise SIGSTOP just before the exec */
	int detached;              /* strace -D: the tracer is the grandchild
				      (2: in its own process group, 3: its
				      own session) */
};
/*
 * Start a program that waits on a pipe before it does anything: returns
 * its pid and the pipe's write end in *gofd; attach, then write a byte
 * there and close it.  The program then switches user, installs the
 * filter, stops itself if asked and execs.  With o->detached the calling
 * process becomes the program and the call returns in a new grandchild
 * process, the tracer.  -1/errno when nothing could be started.
 */
pid_t ptc_os_spawn(const struct ptc_os_spawn_opts *o, int *gofd);
/*
 * Find prog as execvp() does: a name with a '/' is used as it is (it
 * must exist), else each PATH entry in order (a default PATH when it is
 * unset), skipping directories and files that cannot be executed.  A
 * malloc'd path, or NULL with errno (ENOENT; EACCES when only
 * non-executable files were found; ENAMETOOLONG).
 */
char *ptc_os_which(const char *prog);
/*
 * Wait for child pid to end: its exit code or killing signal.  -1 EINTR
 * when a signal interrupted the wait.
 */
int ptc_os_reap(pid_t pid, int *code, int *sig);
/*
 * Wait until some traced task has a stop or an exit to report (1), or
 * until the CLOCK_MONOTONIC time until (0), without taking the report;
 * -1 EINTR when another signal came.  For tasks held stopped by a delay.
 */
int ptc_os_wait_ready(const struct timespec *until);
/*
 * The syscall each thread of process pid is blocked in (read before
 * attaching: the attach interrupts it): *nrp[i] for thread *tidsp[i],
 * -1 for a thread not in a syscall.  Returns the number of threads, 0
 * if none could be read; free() both arrays.
 */
size_t ptc_os_blocked(pid_t pid, pid_t **tidsp, long **nrp);

/*
 * Build a seccomp-bpf program for audit arch arch: syscall i (i < n)
 * stops the tracee (SECCOMP_RET_TRACE) when traced[i] is set; numbers
 * past n, x32 numbers and other arches always stop.  *progp is malloc'd.
 * -1 ENOSYS where the OS has no such filter.
 */
int ptc_os_seccomp_build(uint32_t arch, const uint8_t *traced, size_t n,
    struct sock_filter **progp, size_t *lenp);
/* In the child: install the program (setting no_new_privs if needed). */
int ptc_os_seccomp_install(const struct sock_filter *prog, size_t len);

/* ---- registers (lib/regs.c, lib/bp.c, lib/trace_inject.c) ---- */

/*
 * A register set the kernel keeps apart from NT_PRSTATUS that holds the
 * number of the syscall a stopped thread is in (aarch64's
 * NT_ARM_SYSTEM_CALL, -1 outside a syscall), or 0 (arch/<cpu>/).
 * ptc_os_getregs() appends its value as a 64-bit number to the general
 * block when asked for more bytes than NT_PRSTATUS gives.
 */
extern const unsigned ptc_arch_sysnr_regset;
/*
 * ptc_arch_sysnr_regset for a CPU whose kernel has no such register
 * set (arm): the number appended is PTRACE_GET_SYSCALL_INFO's, at a
 * syscall-entry or seccomp stop; -2 at a syscall-exit stop, where the
 * CPU layer finds it in the registers; -1 at any other stop.
 */
#define PTC__SYSNR_INFO 0xffffffffu
/* Read the general register block of a stopped task (arch layout). */
int ptc_os_getregs(pid_t pid, void *buf, size_t len);
int ptc_os_setregs(pid_t pid, const void *buf, size_t len);
/* One register set (NT_*) of a stopped task: the length read, or -1. */
int ptc_os_getregset(pid_t pid, unsigned note, void *buf, size_t len);
/*
 * The FP/SSE/AVX block of a stopped task: the extended state when the
 * kernel offers it (*ext set), else the legacy FXSAVE block.  Returns
 * the length read.
 */
int ptc_os_getfpregs(pid_t pid, void *buf, size_t len, int *ext);
int ptc_os_setfpregs(pid_t pid, const void *buf, size_t len, int ext);
/*
 * On 64-bit PowerPC the FP block is three register sets back to back,
 * as far as the CPU has them (a CPU with VSX has VMX): NT_PRFPREG
 * (f0-f31, fpscr), NT_PPC_VMX (v0-v31, vscr, vrsave, a quadword each)
 * and NT_PPC_VSX (doubleword 1 of vs0-vs31, whose doubleword 0 is
 * f0-f31).  They start 8 bytes in, so that no part is at offset 0,
 * which the register tables take for "none" where they name the upper
 * half of a register (f0 is vs0's), and the quadwords are aligned.
 */
#define PTC__PPC_FPR_OFF 8
#define PTC__PPC_FPR_LEN (33 * 8)
#define PTC__PPC_VMX_LEN (34 * 16)
#define PTC__PPC_VSX_LEN (32 * 8)
/*
 * Make a task stopped at a syscall's entry run syscall nr instead (-1:
 * none, the kernel then skips it) where the number lives in its own
 * register set (ptc_arch_sysnr_regset); ENOTSUP on CPUs that keep it
 * in a general register, which the caller then sets.
 */
int ptc_os_set_sysnr(pid_t pid, int64_t nr);
/* One value of the ELF auxiliary vector of pid (AT_ENTRY ...). */
int ptc_os_auxv_get(pid_t pid, uint64_t type, uint64_t *val);
/* ELF class of the executable of pid: 32 or 64, -1/errno. */
int ptc_os_exe_class(pid_t pid);

/* ---- memory (lib/mem.c) ---- */

/*
 * One transfer of up to len bytes at addr with process_vm_readv or
 * process_vm_writev (write != 0): the count, short when the range runs
 * into a page that cannot be accessed, or -1/errno.
 */
ssize_t ptc_os_vm_rw(pid_t pid, uint64_t addr, void *buf, size_t len,
    int write);
/*
 * n ranges of len bytes, at addrs[0..n-1], read into buf one after the
 * other with a single process_vm_readv (n at most PTC_OS_VM_IOV): the
 * count of bytes read, which stops at the first range that could not
 * be read whole, or -1/errno.
 */
#define PTC_OS_VM_IOV 1024
ssize_t ptc_os_vm_readv(pid_t pid, const uint64_t *addrs, size_t n,
    size_t len, void *buf);
/* Open /proc/PID/mem for reading or writing: fd or -1/errno (ESRCH, EPERM). */
int ptc_os_procmem_open(pid_t pid, int write);
/* pread/pwrite on that fd: the count (short at a bad page) or -1/errno. */
ssize_t ptc_os_procmem_rw(int fd, uint64_t addr, void *buf, size_t len,
    int write);
/* Word-sized PEEK/POKE (the task must be stopped). */
int ptc_os_peek(pid_t pid, uint64_t addr, unsigned long *word);
int ptc_os_poke(pid_t pid, uint64_t addr, unsigned long word);
/* The page size of the system. */
size_t ptc_os_pagesize(void);

/* ---- symbols (lib/sym.c, lib/pid.c) ---- */

/*
 * An fd of the file mapped at [start, end) of pid from path with inode:
 * through the mapping itself where allowed, else through the process's
 * root, else path.  -1/errno with detail.
 */
int ptc_os_module_open(pid_t pid, uint64_t start, uint64_t end,
    const char *path, uint64_t inode);
/* The executable's path (without " (deleted)"); -1/errno. */
int ptc_os_exe_path(pid_t pid, char *buf, size_t len);
/* A read-only fd of the executable itself (deleted or not); -1/errno. */
int ptc_os_exe_open(pid_t pid);

/* ---- process facts (lib/pid.c, lib/proc.c, lib/maps.c) ---- */

/* What the OS says of a process before anything touches it. */
struct ptc_os_pstate {
	char state;          /* the OS's one-letter state, for messages */
	bool zombie;         /* exited, not yet reaped */
	bool kthread;        /* a kernel thread: no user memory */
	bool group_stopped;  /* stopped by job control (SIGSTOP...) */
};
/* -1 ESRCH when pid does not exist (detail set). */
int ptc_os_proc_state(pid_t pid, struct ptc_os_pstate *st);
/* The thread group (process) of thread pid; pid itself if unknown. */
pid_t ptc_os_tgid(pid_t pid);
/* The thread ids of process pid, malloc'd into *tids; their count. */
ssize_t ptc_os_threads(pid_t pid, pid_t **tids);
/* The command name of pid, NUL-terminated in buf. */
int ptc_os_comm(pid_t pid, char *buf, size_t len);
/*
 * The same as strace reads it for -Y (one line, "" when the process is
 * gone: -1 then) and without touching the error detail, which a trace
 * line must not disturb.
 */
int ptc_os_comm_quiet(pid_t pid, char *buf, size_t len);
/*
 * The mappings of pid as text in the format of Linux's /proc/PID/maps
 * (what ptc_maps_parse() reads), malloc'd, its length in *lenp; NULL
 * with ESRCH for a process without any.
 */
char *ptc_os_maps_text(pid_t pid, size_t *lenp);
/* A pidfd of pid (ptc_pid_hold()): the fd, or -1 (ESRCH, ENOSYS). */
int ptc_os_pid_hold(pid_t pid);
/* 0 while the process held by fd lives (or fd is -1); -1 ESRCH after. */
int ptc_os_pid_alive(int fd);
/*
 * Whether the process held by fd has ended (a zombie too) or ends
 * within ms milliseconds: 1 if so, 0 if it lives on (or fd is -1).
 */
int ptc_os_pid_ends(int fd, int ms);

/* ---- what a tracee's ids and descriptors are (ptstrace's decoders) ---- */

/*
 * The kinds of process id: a pid namespace numbers each in its own list
 * (Linux's NSpid, NStgid, NSpgid, NSsid of /proc/PID/status).
 */
#define PTC_OS_PID_TID  0
#define PTC_OS_PID_TGID 1
#define PTC_OS_PID_PGID 2
#define PTC_OS_PID_SID  3
/*
 * Process id id of kind as task (ours) numbers it, in our pid
 * namespace: id itself when they share one, 0 when no process of ours
 * has it (or id <= 0).  task 0 means ours.
 */
pid_t ptc_os_pid_translate(pid_t task, pid_t id, int kind);
/* Path of fd in the tracee (fd < 0: its cwd), into buf; -1 if unknown. */
int ptc_os_fdpath(pid_t pid, int fd, char *buf, size_t len);
/* The process a pidfd fd (whose link is path) of pid refers to, or 0. */
int ptc_os_fdpidfd(pid_t pid, int fd, const char *path);
/* The same as ptc_os_fdpath for fd >= 0, a " (deleted)" dropped as strace
 * drops it. */
int ptc_os_fdpath_live(pid_t pid, int fd, char *buf, size_t len);
/* "TCP:[1.2.3.4:5->6.7.8.9:10]" for a socket whose link is given. */
int ptc_os_fdsock(pid_t pid, int fd, const char *link, char *buf,
    size_t len);
/*
 * 0 when pid's fd is a netlink socket, its protocol (NETLINK_*, -1 when
 * unknown) in *proto; -1 when fd is something else.
 */
int ptc_os_fdnlproto(pid_t pid, int fd, int *proto);
/* A generic netlink family: its id (a message type) and its name. */
struct ptc_os_genl {
	unsigned id;
	char name[32];
};
/* The families the kernel has, at most max of them: their number, or -1. */
int ptc_os_genl_families(struct ptc_os_genl *out, int max);
/* net.core.optmem_max: the most control message bytes a call passes. */
long ptc_os_optmem_max(void);

#endif
