/*
 * internal.h: declarations shared inside libptcore, not installed.
 * The CPU layer (arch/<cpu>/) implements the ptc_arch_* functions and
 * tables declared here, the OS layer (os/<os>/) the ptc_os_* ones of
 * os.h; the rest of the library only calls them.
 */
#ifndef PTC_INTERNAL_H
#define PTC_INTERNAL_H

#include <stdbool.h>

#include <sys/queue.h>

#include "ptcore.h"
#include "os.h"

/* Set the ptc_error() detail without changing errno. */
void ptc__detail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Clear the detail (so ptc_error() falls back to strerror). */
void ptc__clear_detail(void);

/*
 * In an array of n elements of size bytes, sorted by the uint64_t at
 * byte offset off of each, the number of elements whose key is <= key
 * (so the last such one is at that index minus one) (lib/maps.c).
 */
size_t ptc__count_le(const void *base, size_t n, size_t size, size_t off,
    uint64_t key);

/* Length of a mapping's path without a " (deleted)" at its end. */
size_t ptc__path_len(const char *path);

struct ptc_bp;

struct ptc_task {
	TAILQ_ENTRY(ptc_task) link;
	struct ptc_task *hnext;  /* the session's hash chain */
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
	bool early;          /* seen before its parent's fork/clone event */
	bool sci_valid;      /* sci holds this stop's syscall info */
	bool quiet_exit;     /* the next syscall stop is the exit of a call
	                        nobody wants: no need to ask the kernel */
	/*
	 * A fork, vfork or clone event that a wait inside the library took
	 * (the stop of an attach or a detach): the task stays in that stop,
	 * its next resume is put off, and the next wait reports the event,
	 * as if the inner wait had not been.
	 */
	bool held;
	int held_status;     /* its wait status */
	pid_t held_child;    /* the new task it tells of */
	int pending_sig;     /* signal to deliver on detach */
	struct ptc_scinfo sci;
	void *data;
	/*
	 * A step by breakpoints (ptc_arch_next_pcs) under way: where they
	 * are and the bytes they replaced, put back at the next stop.
	 */
	int ss_n;
	uint64_t ss_addr[2];
	size_t ss_len[2];
	unsigned char ss_orig[2][4];
};

#define PTC__EARLY_GONE 16      /* children kept as come and gone early */

struct ptc_session {
	TAILQ_HEAD(ptc_taskq, ptc_task) tasks;
	LIST_ENTRY(ptc_session) live;
	unsigned flags;
	size_t ntasks;
	/* Tasks by id, so no look-up grows with the number of tasks: a
	 * chained hash table of hsize (a power of 2) heads, grown at
	 * ntasks > hsize. */
	struct ptc_task **hash;
	size_t hsize;
	/* ptc_session_task_at(): the last position asked, for walks */
	struct ptc_task *at_task;
	size_t at_index;
	struct ptc_task *reap;     /* exited task, freed at next wait */
	/* Children that stopped, ran and exited all before their parent's
	 * fork or clone event was taken: that event must not bring them
	 * back as tasks no wait will ever report. */
	pid_t early_gone[PTC__EARLY_GONE];
	unsigned early_next;
	size_t nheld;              /* tasks with a held event */
	struct ptc_bp *bps;        /* breakpoints written (bp.c) */
	void (*bp_restore)(struct ptc_session *); /* set by bp.c */
	/* before task pid of process tgid is let go (bp.c) */
	void (*bp_scrub)(const struct ptc_session *, pid_t pid, pid_t tgid);
};

/*
 * Write len bytes of code at addr in process pid (a breakpoint, or the
 * bytes under it): through /proc/PID/mem, which writes read-only text,
 * else by any way that works.  0, or -1 when nothing wrote them all.
 */
int ptc__mem_patch(pid_t pid, uint64_t addr, const void *buf, size_t len);

/* A task joins the session; tgid 0: read it from the OS. */
struct ptc_task *ptc__task_add(struct ptc_session *s, pid_t pid, pid_t tgid);
void ptc__task_del(struct ptc_session *s, struct ptc_task *t);
/*
 * Detach every task but keep (NULL: every one), newest first; sig_of
 * (or NULL: none) tells the signal each is to get.
 */
void ptc__detach_all(struct ptc_session *s, struct ptc_task *keep,
    int (*sig_of)(void *arg, pid_t tid), void *arg);
/*
 * The syscall task t entered (at an entry stop now) is of no interest:
 * its exit stop is taken for one without a PTRACE_GET_SYSCALL_INFO, as
 * long as t is resumed to it (PTC_RESUME_SYSCALL).
 */
void ptc__task_quiet_exit(struct ptc_task *t);

/*
 * Start o->path traced by session s (lib/proc.c): the new task is added
 * (spawned unless o->detached), seized, and left stopped by an interrupt
 * in the program's wait for the go-ahead, which is given; with
 * o->stop_before_exec it is run on to the SIGSTOP it raises just before
 * its exec, which is dropped.  The caller resumes it into the exec.
 */
int ptc__spawn(struct ptc_session *s, const struct ptc_os_spawn_opts *o,
    struct ptc_task **taskp);
/*
 * Fill o for argv run from path with the public options so (NULL: none;
 * its detached is left to the caller): -1 ENOENT when so names a user
 * that does not exist.
 */
int ptc__spawn_opts(struct ptc_os_spawn_opts *o, const char *path,
    char *const argv[], const struct ptc_spawn_opts *so);

/* ptc_os_reap() that goes on after a signal other than a cleanup one. */
int ptc__reap(pid_t pid, int *code, int *sig);
/*
 * Whether the process of target t has ended (a zombie too) or ends
 * within ms milliseconds (lib/target.c).
 */
int ptc__target_ends(const struct ptc_target *t, int ms);
/* ptc_os_wait_ready() that goes on after a signal other than a cleanup one. */
int ptc__wait_ready(const struct timespec *until);

/*
 * (lib/signals.c) fn runs in the signal handler when a second cleanup
 * signal comes, just before _exit(): async-signal-safe work only.
 */
void ptc__cleanup_last_words(void (*fn)(void));

/* ---- CPU layer (arch/<cpu>/) ---- */

/* Names of the program counter and stack pointer registers. */
extern const char ptc_arch_pc_name[];
extern const char ptc_arch_sp_name[];

/* ---- disassembly (lib/dis.c, arch/<cpu>/dis.c) ---- */

/*
 * Whether the code at addr in process pid is ARM Thumb code, by the
 * ELF function symbol that covers it in the file mapped there: 1, 0
 * (ARM code), or -1 when no function symbol says (lib/elf.c).
 */
int ptc__thumb_at(pid_t pid, uint64_t addr);
/* The entry point of an ELF file, e_entry (lib/elf.c). */
uint64_t ptc__elf_entry(const struct ptc_elf *e);

/*
 * ptc_dis_open() name of the CPU the library runs on ("x86_64"), from
 * the arch layer's ptc_arch_code table (lib/dis.c).
 */
const char *ptc_arch_dis_native(void);

/* ---- memory (mem.c) ---- */

/*
 * Read [start, end) of process pid in chunks of up to 1 MiB, each one
 * after the last keep_max bytes of the chunk before it (so that a match
 * of keep_max + 1 bytes across two chunks is seen whole), and call
 * fn(buf, n, base, ctx) on each: n bytes at address base.  Unreadable
 * pages are skipped with skip, else the first one ends with -1 (its
 * detail from ptc_mem_read()).  0 at the end, 1 when fn returned
 * non-zero, -1 (ESRCH, EPERM, EINTR on a cleanup signal, EFAULT).
 */
int ptc__mem_chunks(pid_t pid, uint64_t start, uint64_t end, size_t keep_max,
    int skip, int (*fn)(const unsigned char *buf, size_t n, uint64_t base,
    void *ctx), void *ctx);

/* ---- symbols and address expressions (elf.c sym.c addr.c) ---- */

/* What a resolver is asked for by the address expression parser. */
enum ptc_addr_term {
	PTC_AT_REG,   /* register name without '%' ("rsp") */
	PTC_AT_MAP,   /* bracketed mapping name with brackets ("[stack]") */
	PTC_AT_NAME,  /* module, symbol or "module:symbol" */
	PTC_AT_DEREF, /* the pointer stored at *val (in and out); name is
		       * the text of the operand, for messages ("(%rsp+8)") */
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
 * of its input and fn, for unit tests and fuzzing.  fn NULL checks the
 * syntax only, every term being 0 and no arithmetic checked
 * (ptc_addr_check()).
 */
int ptc__addr_parse(const char *expr, ptc_addr_resolver fn, void *ctx,
    uint64_t *addr);

/* ---- variables by their DWARF type (dwpath.c dwvar.c) ---- */

/* One step of an access path, in evaluation order. */
enum ptc__dwstep {
	PTC__DW_FIELD,  /* .NAME */
	PTC__DW_ARROW,  /* ->NAME */
	PTC__DW_INDEX,  /* [index] */
	PTC__DW_DEREF,  /* prefix * */
};
#define PTC__DWPATH_MAX 64  /* steps, and nesting of '(' and '*' */
#define PTC__DWNAME_MAX 256 /* bytes of a name, with its NUL */
struct ptc__dwop {
	enum ptc__dwstep kind;
	size_t off, len;        /* FIELD, ARROW: the name in the text */
	uint64_t index;         /* INDEX */
};
struct ptc__dwpath {
	size_t root_off, root_len; /* the variable's name in the text */
	size_t scope_off, scope_len; /* FUNCTION of FUNCTION::NAME (len 0:
					none): a static inside it */
	size_t nops;
	struct ptc__dwop ops[PTC__DWPATH_MAX];
};
/*
 * Parse an access path ("g_s.in.z", "(*p)->a[2]") into p, names kept
 * as offsets into expr.  -1 EINVAL (ERANGE for an index) with a detail
 * quoting where it went wrong.
 */
int ptc__dwpath_parse(const char *expr, struct ptc__dwpath *p);

/* ---- registers, breakpoints, faults (regs.c bp.c fault.c) ---- */

/* Register blocks a snapshot holds. */
enum { PTC__RS_GEN, PTC__RS_FP };

/* Size of the buffers for the register blocks. */
#define PTC__GREGS_MAX 512
#define PTC__FPREGS_MAX 16384

/*
 * A register described for the library: the public part, the block it
 * lives in, its byte offset there, a bit shift (ah, single flags) and,
 * for a register split across the block, the offset of its upper half
 * (0: none): then off holds the lower half, each half info.size / 2
 * bytes (x86's ymm: 16 and 16; ppc64le's vs0-vs31: 8 and 8).
 */
struct ptc__regdesc {
	struct ptc_reginfo info;
	unsigned char set;
	unsigned short off;
	unsigned char shift;
	unsigned short off_hi;
	unsigned char xfeature; /* XSAVE-style component bit to set on write */
};

/* Breakpoint instruction of the CPU and the pc adjustment after its trap. */
extern const unsigned char ptc_arch_bp_insn[];
extern const size_t ptc_arch_bp_len;
/* How far the pc is past the breakpoint address after the trap. */
extern const size_t ptc_arch_bp_pc_adjust;
/*
 * The breakpoint instruction for address addr in the memory of task
 * pid (stopped): its length, the bytes in *insn.  A CPU with one kind
 * of code gives ptc_arch_bp_insn (arch/generic/bppick.c); arm chooses
 * between its ARM and Thumb instructions.  At most 16 bytes.
 */
size_t ptc_arch_bp_pick(pid_t pid, uint64_t addr, const unsigned char **insn);
/*
 * The address of the instruction a code pointer (AT_ENTRY, a function
 * pointer) points to: the pointer itself but on arm, whose bit 0 says
 * Thumb (arch/generic/codeaddr.c, arch/arm/codeaddr.c).
 */
uint64_t ptc_arch_code_addr(uint64_t ptr);

/*
 * Stepping by breakpoints, on a CPU whose kernel cannot single-step
 * (arm): where the instruction at the pc of stopped task pid
 * (registers r) may go next, each with the breakpoint to write there.
 * The count (1 or 2), 0 on a CPU that steps in the kernel
 * (arch/generic/nextpc.c), or -1 (ENOTSUP: an instruction whose
 * destination cannot be told).
 */
struct ptc__next {
	uint64_t addr;
	const unsigned char *insn;
	size_t len;
};
int ptc_arch_next_pcs(pid_t pid, const struct ptc_regs *r,
    struct ptc__next out[2]);

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
/* ---- register views (compat): lib/regs.c, arch/<cpu>/regs.c ---- */
/*
 * How the library reads one layout of the general register block: a
 * 64-bit kernel hands a 32-bit task's registers out in that task's own
 * layout (68 bytes on x86), so each snapshot carries the view it was
 * read with.  The CPU layer gives the native view (ptc_arch_view) and
 * the others it knows (ptc_arch_regview_other).
 */
struct ptc__regview {
	const char *arch;             /* ptc_dis_open() name: "i386" */
	const struct ptc__regdesc *descs;
	size_t ndescs;
	size_t gregs_size;            /* bytes of the general block */
	size_t xfeatures_off;
	/*
	 * Bytes at the start of the FP block that every snapshot of the
	 * view has, 0: as many as its FP registers reach.  A register
	 * past them is in a part the CPU may lack (ppc64le's VMX and
	 * VSX sets), there only if the block the kernel gave reaches it.
	 */
	size_t fp_fixed;
	const char *pc_name, *sp_name;
	unsigned ptrsize;             /* bytes of a pointer of the task */
	int (*decode)(const char *name, uint64_t v, char *buf, size_t len);
	int (*in_syscall)(const void *gregs, uint64_t *nr);
	uint32_t (*audit)(const void *gregs);
	/*
	 * The ptc_dis_open() name of the code the registers run, where
	 * it changes with them (arm's Thumb state); NULL: arch.
	 */
	const char *(*code_arch)(const void *gregs);
};
/*
 * The native view (arch/<cpu>/regs.c): the registers of a task of the
 * library's own CPU and word size.  decode says what a flags-style
 * register (rflags, mxcsr, fsw...) holds, in_syscall whether a general
 * block is inside a syscall (and its number), audit the AUDIT_ARCH_*
 * of the code it runs.
 */
extern const struct ptc__regview *const ptc_arch_view;
/*
 * The view for a general block of len bytes that is not the native
 * one (a 32-bit task under a 64-bit kernel), or NULL if the CPU layer
 * knows none.
 */
const struct ptc__regview *ptc_arch_regview_other(size_t len);
/* The native view (lib/regs.c). */
const struct ptc__regview *ptc__regview_native(void);

/* ---- syscall instructions per CPU: arch/<cpu>/dis.c, lib/dis.c ---- */
/*
 * An instruction as data: size bytes (1 to 4) that, read as a
 * little-endian number, equal value in the bits of mask.
 */
struct ptc__insn_pat {
	uint8_t size;
	uint32_t value, mask;
};
/*
 * How one kind of code makes a syscall and traps (arch/<cpu>/dis.c;
 * lib/dis.c does the matching and the register lookup for every CPU).
 */
struct ptc__arch_code {
	const char *disarch;         /* ptc_dis_open() name: "x86_64" */
	uint32_t audit;              /* AUDIT_ARCH_* of that code */
	const char *regs[7];         /* registers of the number, 6 arguments */
	struct ptc__insn_pat sys[2]; /* syscall instructions; size 0: none */
	struct ptc__insn_pat bp[2];  /* breakpoint instructions (int3, brk) */
	/*
	 * Registers of the first six integer arguments of a function, at
	 * its first instruction; none (all NULL): they are on the stack,
	 * one word each above the return address (i386 cdecl).
	 */
	const char *call[6];
	/* call instructions capstone does not group as calls (bl, blr) */
	struct ptc__insn_pat calls[2];
};
/* Whether in is one of the n instructions of pats (lib/dis.c). */
int ptc__insn_match(const struct ptc__insn_pat *pats, size_t n,
    const struct ptc_insn *in);
/*
 * The kinds of code this CPU runs (x86_64 runs i386 code too), its own
 * first: ptc_arch_dis_native() is the first one's disarch.  NULL-ended.
 */
extern const struct ptc__arch_code *const ptc_arch_code[];
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
 * After the return register of a syscall-exit stop was set in r to an
 * error (-errno, error 1) or a value (error 0): what else the CPU's
 * convention wants (PowerPC's sc: a positive errno and cr0.SO).  0, or
 * -1 with errno (arch/<cpu>/scret.c, arch/generic/).
 */
int ptc_arch_sc_ret_conv(struct ptc_regs *r, int error);

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
/*
 * Where a breakpoint asked for at addr goes, given the code there (len
 * bytes): addr, or past a global entry prologue that direct calls skip
 * (ppc64 ELFv2: they enter at the local entry, 8 bytes in), so that
 * every call is caught (arch/<cpu>/bpentry.c, arch/generic/).
 */
uint64_t ptc_arch_bp_entry(const unsigned char *code, size_t len,
    uint64_t addr);
/* The si_code of the trap of a breakpoint instruction (arch/<cpu>/bp.c). */
extern const int ptc_arch_bp_si_code;
/* The kind of trap si reports, by the CPU's rules (lib/bp.c). */
enum ptc__trap ptc__trap_kind(const siginfo_t *si);
/* Put the original bytes back at every breakpoint written now. */
int ptc__bp_remove_live(struct ptc_session *s);
/*
 * Breakpoints by owner: 0, the session's process, or a fork child with
 * records of its own (ptc__bp_fork).  Written at addr now?  How many are
 * written?  A trap of t on one of owner's (ptc_bp_hit)?
 */
int ptc__bp_at(const struct ptc_session *s, pid_t owner, uint64_t addr);
size_t ptc__bp_count_of(const struct ptc_session *s, pid_t owner);
int ptc__bp_hit_in(struct ptc_session *s, pid_t owner, struct ptc_task *t,
    const struct ptc_event *ev, uint64_t *addr);
/*
 * Process child forked from the memory of owner from: the breakpoints
 * at the nkeep addresses in keep become child's own records, the others
 * get their original bytes back in the child.  -1 ENOMEM: the child
 * has all its bytes back and no records.
 */
int ptc__bp_fork(struct ptc_session *s, pid_t from, pid_t child,
    const uint64_t *keep, size_t nkeep);
/* Write (on) or take out owner's breakpoint at addr, keeping its record. */
int ptc__bp_arm(struct ptc_session *s, pid_t owner, uint64_t addr, bool on);
/* Forget owner's records, putting their bytes back first with write. */
void ptc__bp_drop(struct ptc_session *s, pid_t owner, bool write);

/*
 * Source lines and backtraces (lib/dwarf.c): the libdwfl session of a
 * ptc_dwarf, for code of the library that asks libdw more (variables,
 * types), and its attachment for unwinding (threads stopped by us).
 */
struct Dwfl *ptc__dwarf_dwfl(struct ptc_dwarf *d);
/* 0 after ptc_dwarf_set_lines(d, 0). */
int ptc__dwarf_lines(const struct ptc_dwarf *d);
int ptc__dwarf_attach(struct ptc_dwarf *d);
/* Module and ELF symbol of addr, remembered; -1 when in no module. */
struct ptc__where {
	const char *module;    /* the module's path, NULL if none */
	uint64_t module_start;
	const char *sym;       /* with its version suffix, NULL if none */
	uint64_t symoff;       /* addr - the symbol's value */
};
int ptc__dwarf_where(struct ptc_dwarf *d, uint64_t addr,
    struct ptc__where *w);

#endif
