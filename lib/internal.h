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
	bool spawned;        /* started by the session */
	bool in_syscall;     /* between syscall-enter and -exit stops */
	bool gone;           /* exited; freed at the next wait */
	bool attached_new;   /* auto-attached child, first stop pending */
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

/* ---- CPU layer (arch/<cpu>/) ---- */

/* A register (or a part of one) inside the general register block. */
struct ptc_arch_reg {
	const char *name;
	unsigned short off;   /* byte offset in the block */
	unsigned char size;   /* bytes: 8, 4, 2, 1 */
	unsigned char shift;  /* bit shift inside the containing word (ah) */
};

/* Size of the general register block (struct user_regs_struct). */
extern const size_t ptc_arch_gregs_size;
/* Names of the program counter and stack pointer registers. */
extern const char ptc_arch_pc_name[];
extern const char ptc_arch_sp_name[];
/* The register called name, or NULL. */
const struct ptc_arch_reg *ptc_arch_reg_find(const char *name);

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

#endif
