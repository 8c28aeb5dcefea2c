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
	int detached;              /* -D: the tracer is the grandchild */
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

#endif
