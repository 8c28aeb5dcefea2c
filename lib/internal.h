/*
 * internal.h: declarations shared inside libptcore, not installed.
 * The OS layer (os/<os>/) and the CPU layer (arch/<cpu>/) implement the
 * ptc_os_* and ptc_arch_* functions declared here; the rest of the
 * library only calls them.
 */
#ifndef PTC_INTERNAL_H
#define PTC_INTERNAL_H

#include <stdbool.h>

#include <sys/queue.h>

#include "ptcore.h"

/* Set the ptc_error() detail without changing errno. */
void ptc__detail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Clear the detail (so ptc_error() falls back to strerror). */
void ptc__clear_detail(void);

struct ptc_bp;

struct ptc_task {
	TAILQ_ENTRY(ptc_task) link;
	struct ptc_session *s;
	pid_t pid;
	pid_t tgid;
	bool stopped;        /* in a ptrace-stop now */
	bool was_stopped;    /* in group-stop when attached */
	int stop_sig;        /* the signal of that group-stop */
	bool spawned;        /* started by the session */
	bool in_syscall;     /* between syscall-enter and -exit stops */
	bool gone;           /* exited; freed at the next wait */
	bool fresh;          /* attached by the ptc_attach() call under way */
	bool sci_valid;      /* sci holds this stop's syscall info */
	int pending_sig;     /* signal to deliver on detach */
	struct ptc_scinfo sci;
	void *data;
};

struct ptc_session {
	TAILQ_HEAD(, ptc_task) tasks;
	LIST_ENTRY(ptc_session) live;
	unsigned flags;
	size_t ntasks;
	struct ptc_task *reap;     /* exited task, freed at next wait */
	struct ptc_bp *bps;        /* breakpoints written (bp.c) */
	void (*bp_restore)(struct ptc_session *); /* set by bp.c */
};

struct ptc_task *ptc__task_add(struct ptc_session *s, pid_t pid);
void ptc__task_del(struct ptc_session *s, struct ptc_task *t);

/* ---- OS layer (os/<os>/) ---- */

/* Seize pid with the session's options; 0 or -1/errno with detail. */
int ptc_os_seize(struct ptc_session *s, pid_t pid);
/* Decode one wait status of task pid into ev; update task state. */
int ptc_os_decode(struct ptc_session *s, pid_t pid, int status,
    struct ptc_event *ev);
int ptc_os_resume(pid_t pid, enum ptc_resume how, int sig);
int ptc_os_interrupt(pid_t pid);
int ptc_os_detach(pid_t pid, int sig);
/* Fork, PTRACE_TRACEME-free start: child stops itself, parent seizes. */
int ptc_os_spawn(struct ptc_session *s, char *const argv[],
    const struct ptc_spawn_opts *o, pid_t *pidp);
/* Read the general register block of a stopped task (arch layout). */
int ptc_os_getregs(pid_t pid, void *buf, size_t len);
int ptc_os_setregs(pid_t pid, const void *buf, size_t len);
/* Word-sized PEEK/POKE (the task must be stopped). */
int ptc_os_peek(pid_t pid, uint64_t addr, unsigned long *word);
int ptc_os_poke(pid_t pid, uint64_t addr, unsigned long word);

/* ---- process facts (os/linux/procfs.c) ---- */

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
 * line must not disturb (os/linux/pidns.c).
 */
int ptc__pid_comm(pid_t pid, char *buf, size_t len);
/* The mappings of pid (ptc_maps_read() of the public API). */
struct ptc_maps *ptc_os_maps_read(pid_t pid);

/* ---- CPU layer (arch/<cpu>/) ---- */

/* Size of the general register block (struct user_regs_struct). */
extern const size_t ptc_arch_gregs_size;
/* Names of the program counter and stack pointer registers. */
extern const char ptc_arch_pc_name[];
extern const char ptc_arch_sp_name[];

/* ---- disassembly (lib/dis.c, arch/<cpu>/dis.c) ---- */

/* ptc_dis_open() name of the CPU the library runs on ("x86_64"). */
const char *ptc_arch_dis_native(void);

/* ---- memory I/O (lib/mem.c, os/linux/mem_linux.c) ---- */
/*
 * One transfer of up to len bytes at addr with process_vm_readv or
 * process_vm_writev (write != 0): the count, short when the range runs
 * into a page that cannot be accessed, or -1/errno.
 */
ssize_t ptc_os_vm_rw(pid_t pid, uint64_t addr, void *buf, size_t len,
    int write);
/* Open /proc/PID/mem for reading or writing: fd or -1/errno (ESRCH, EPERM). */
int ptc_os_procmem_open(pid_t pid, int write);
/* pread/pwrite on that fd: the count (short at a bad page) or -1/errno. */
ssize_t ptc_os_procmem_rw(int fd, uint64_t addr, void *buf, size_t len,
    int write);
/* The page size of the system. */
size_t ptc_os_pagesize(void);

/* ---- symbols and address expressions (elf.c sym.c addr.c) ---- */

/* What a resolver is asked for by the address expression parser. */
enum ptc_addr_term {
	PTC_AT_REG,   /* register name without '%' ("rsp") */
	PTC_AT_MAP,   /* bracketed mapping name with brackets ("[stack]") */
	PTC_AT_NAME,  /* module, symbol or "module:symbol" */
};

/*
 * Value of one term; -1 with errno and detail when it has none.  ENOENT
 * means "no such name" (the parser may then try another split of a
 * name such as "libfoo-1+4"); any other errno ends the evaluation.
 */
typedef int (*ptc_addr_resolver)(void *ctx, enum ptc_addr_term kind,
    const char *name, uint64_t *val);

/*
 * The address expression parser of ptc_addr_eval() with the process
 * left out: everything that needs one goes through fn.  A pure function
 * of its input and fn, for unit tests and fuzzing.
 */
int ptc__addr_parse(const char *expr, ptc_addr_resolver fn, void *ctx,
    uint64_t *addr);

/*
 * (os/linux/sym_linux.c) An fd of the file mapped at [start, end) of pid
 * from path with inode: through the mapping itself where allowed, else
 * through the process's root, else path.  -1/errno with detail.
 */
int ptc_os_module_open(pid_t pid, uint64_t start, uint64_t end,
    const char *path, uint64_t inode);
/* The executable's path (without " (deleted)"); -1/errno. */
int ptc_os_exe_path(pid_t pid, char *buf, size_t len);
/* A read-only fd of the executable itself (deleted or not); -1/errno. */
int ptc_os_exe_open(pid_t pid);

/* ---- registers, breakpoints, stepping (regs.c bp.c step.c fault.c) ---- */

/* Register blocks a snapshot holds. */
enum { PTC__RS_GEN, PTC__RS_FP };

/* Size of the buffers for the register blocks. */
#define PTC__GREGS_MAX 512
#define PTC__FPREGS_MAX 16384

/*
 * A register described for the library: the public part, the block it
 * lives in, its byte offset there, a bit shift (ah, single flags) and,
 * for registers split across the block (ymm), the offset of the upper
 * half (0: none).
 */
struct ptc__regdesc {
	struct ptc_reginfo info;
	unsigned char set;
	unsigned short off;
	unsigned char shift;
	unsigned short off_hi;
	unsigned char xfeature; /* XSAVE-style component bit to set on write */
};

extern const struct ptc__regdesc ptc_arch_regdescs[];
extern const size_t ptc_arch_nregdescs;
/* Byte offset of the XSAVE header's feature bitmap in the FP block. */
extern const size_t ptc_arch_xfeatures_off;
/* Decode a flags-style register (rflags, mxcsr, fsw...) into buf. */
int ptc_arch_reg_decode(const char *name, uint64_t v, char *buf, size_t len);
/*
 * From a general register block: whether the task is inside a syscall
 * (and its number), and the AUDIT_ARCH_* of the code it runs.
 */
int ptc_arch_in_syscall(const void *gregs, uint64_t *nr);
uint32_t ptc_arch_audit(const void *gregs);

/*
 * The FP/SSE/AVX block of a stopped task: the extended state when the
 * kernel offers it (*ext set), else the legacy FXSAVE block.  Returns
 * the length read.
 */
int ptc_os_getfpregs(pid_t pid, void *buf, size_t len, int *ext);
int ptc_os_setfpregs(pid_t pid, const void *buf, size_t len, int ext);
/* One value of the ELF auxiliary vector of pid (AT_ENTRY ...). */
int ptc_os_auxv_get(pid_t pid, uint64_t type, uint64_t *val);

/* Breakpoint instruction of the CPU and the pc adjustment after its trap. */
extern const unsigned char ptc_arch_bp_insn[];
extern const size_t ptc_arch_bp_len;
/* How far the pc is past the breakpoint address after the trap. */
extern const size_t ptc_arch_bp_pc_adjust;

/* What one instruction accesses, decoded for fault explanations. */
struct ptc__access {
	char text[256];         /* "mov dword ptr [rax], 1" */
	unsigned len;           /* instruction length, 0 if it did not decode */
	int nmem;
	struct {
		uint64_t addr;
		unsigned size;
		bool read, write;
		bool stack;     /* implicit push/pop/call/ret access */
	} mem[4];
	bool is_div;            /* integer division */
	bool have_divisor;
	uint64_t divisor;
	char divisor_name[16];  /* "ecx", or "" for a memory divisor */
};
/*
 * Decode the instruction in code (len bytes at pc) with the registers
 * of r: its text, memory operands with effective addresses and sizes,
 * and for a division the divisor.  0, or -1 if it does not decode.
 */
/* The raw general register block of a snapshot. */
const void *ptc__regs_gen(const struct ptc_regs *r);
int ptc_arch_insn_access(const void *code, size_t len, uint64_t pc,
    const struct ptc_regs *r, struct ptc__access *a);
/* ---- tracing: ptstrace's engine (lib/trace*.c, os/linux/seccomp.c,
 * os/linux/trace_linux.c) ---- */
struct sock_filter;
/*
 * Build a seccomp-bpf program for audit arch arch: syscall i (i < n) stops
 * the tracee (SECCOMP_RET_TRACE) when traced[i] is set; numbers past n,
 * x32 numbers and other arches always stop.  *progp is malloc'd.
 */
int ptc__seccomp_build(uint32_t arch, const uint8_t *traced, size_t n,
    struct sock_filter **progp, size_t *lenp);
/* In the child: install the program (setting no_new_privs if needed). */
int ptc__seccomp_install(const struct sock_filter *prog, size_t len);
/* What the child does between fork and exec. */
struct ptc__child {
	const char *path;          /* resolved program */
	char *const *argv;
	char *const *envp;
	uid_t uid;                 /* (uid_t)-1: keep */
	gid_t gid;
	const char *user;          /* for initgroups */
	const struct sock_filter *prog; /* NULL: no filter */
	size_t proglen;
	int detached;              /* -D: the tracer is the grandchild (2: in
				      its own process group, 3: session) */
};
/*
 * Fork the program stopped on a pipe before its exec: returns its pid
 * and the pipe's write end in *gofd; write a byte there once attached.
 * With c->detached the calling process becomes the program and the
 * call returns in a new grandchild process, the tracer.
 */
pid_t ptc__trace_fork(const struct ptc__child *c, int *gofd);
/* Wait for child pid to end: its exit code or killing signal. */
int ptc__trace_reap(pid_t pid, int *code, int *sig);
/* Find prog in PATH as execvp would: malloc'd path or NULL/errno. */
char *ptc__trace_which(const char *prog);
/*
 * Wait until some traced task has a stop or an exit to report (1), or
 * until the CLOCK_MONOTONIC time until (0), without taking the report;
 * -1 EINTR when another signal came.  For tasks held stopped by a delay.
 */
int ptc__trace_wait_ready(const struct timespec *until);

/* ---- register views (compat): lib/regs.c, arch/<cpu>/regs.c ---- */
/*
 * How the library reads one layout of the general register block: a
 * 64-bit kernel hands a 32-bit task's registers out in that task's own
 * layout (68 bytes on x86), so each snapshot carries the view it was
 * read with.  The native view is made from the ptc_arch_* tables above.
 */
struct ptc__regview {
	const char *arch;             /* ptc_dis_open() name: "i386" */
	const struct ptc__regdesc *descs;
	size_t ndescs;
	size_t gregs_size;            /* bytes of the general block */
	size_t xfeatures_off;
	const char *pc_name, *sp_name;
	unsigned ptrsize;             /* bytes of a pointer of the task */
	int (*decode)(const char *name, uint64_t v, char *buf, size_t len);
	int (*in_syscall)(const void *gregs, uint64_t *nr);
	uint32_t (*audit)(const void *gregs);
};
/*
 * The view for a general block of len bytes that is not the native
 * one (a 32-bit task under a 64-bit kernel), or NULL if the CPU layer
 * knows none.
 */
const struct ptc__regview *ptc_arch_regview_other(size_t len);
/* The native view (lib/regs.c). */
const struct ptc__regview *ptc__regview_native(void);
/* ELF class of the executable of pid: 32 or 64, -1/errno (os layer). */
int ptc_os_exe_class(pid_t pid);

/* ---- registers per CPU (a64step): arch/<cpu>/dis.c, lib/dis.c,
 * os/linux/ptrace.c) ---- */
/*
 * How code makes a syscall, per CPU (arch/<cpu>/dis.c).  The names of
 * the registers that hold the number and the six arguments just before
 * the syscall instruction, for code of audit arch arch (AUDIT_ARCH_*):
 * seven names, or NULL when this library does not know that code.
 */
const char *const *ptc_arch_syscall_regs(uint32_t arch);
/*
 * Whether the size bytes at code are a syscall instruction of the
 * disassembler architecture disarch ("x86_64", "i386", "aarch64").
 */
bool ptc_arch_insn_is_syscall(const char *disarch, const uint8_t *code,
    size_t size);
/* The same for a breakpoint instruction (int3, brk). */
bool ptc_arch_insn_is_breakpoint(const char *disarch, const uint8_t *code,
    size_t size);
/*
 * A register set the kernel keeps apart from NT_PRSTATUS that holds the
 * number of the syscall a stopped thread is in (aarch64's
 * NT_ARM_SYSTEM_CALL, -1 outside a syscall), or 0.  ptc_os_getregs()
 * appends its value as a 64-bit number to the general block when asked
 * for more bytes than NT_PRSTATUS gives; the arch layer's block layout
 * has room.
 */
extern const unsigned ptc_arch_sysnr_regset;
/* One register set (NT_*) of a stopped task: the length read, or -1. */
int ptc_os_getregset(pid_t pid, unsigned note, void *buf, size_t len);

/* ---- syscall tampering (inject: lib/trace_inject.c) ---- */
/*
 * Where a tracer changes a syscall of code of audit arch arch
 * (arch/<cpu>/regs.c), by register name in the view the task's block
 * is read with: [0] the number the kernel runs, at the entry stop
 * (NULL where the kernel keeps it in ptc_arch_sysnr_regset instead),
 * [1] the return value, at the exit stop.  NULL for code whose
 * registers this library does not read.
 */
const char *const *ptc_arch_sc_tamper_regs(uint32_t arch);
/*
 * Make a task stopped at a syscall's entry run syscall nr instead (-1:
 * none, the kernel then skips it) where the number lives in its own
 * register set (ptc_arch_sysnr_regset); ENOTSUP on CPUs that keep it
 * in a general register, which the caller then sets.
 */
int ptc_os_set_sysnr(pid_t pid, int64_t nr);

/* ---- detach (a64fix: lib/proc.c, os/linux/ptrace.c) ---- */
/* Whether signal sig is pending for thread tid itself (not its process). */
int ptc_os_sig_pending(pid_t tid, int sig);
/* Detach from a signal handler: async-signal-safe, bounded wait. */
void ptc_os_detach_now(pid_t pid);

/* ---- stepping and running to breakpoints (lib/step.c lib/bp.c
 * arch/<cpu>/bp.c) ---- */
/* What a SIGTRAP stop of a traced task says happened. */
enum ptc__trap {
	PTC__TRAP_STEP,    /* a single step ran one instruction */
	PTC__TRAP_SYSCALL, /* a step over a syscall, reported at its exit */
	PTC__TRAP_BREAK,   /* a breakpoint instruction ran: the pc is
			      ptc_arch_bp_pc_adjust past it */
	PTC__TRAP_OTHER,   /* none of these (after an exec, ...) */
};
/* The si_code of the trap of a breakpoint instruction (arch/<cpu>/bp.c). */
extern const int ptc_arch_bp_si_code;
/* The kind of trap si reports, by the CPU's rules (lib/bp.c). */
enum ptc__trap ptc__trap_kind(const siginfo_t *si);
/*
 * Write the original bytes of every breakpoint written now into process
 * pid, a fork child that got a copy of the memory with them in it.
 */
void ptc__bp_clear_child(const struct ptc_session *s, pid_t pid);
/* Put the original bytes back at every breakpoint written now. */
int ptc__bp_remove_live(struct ptc_session *s);

#endif
