/*
 * ptcore.h: the public interface of libptcore, the library behind the
 * ptools suite (ptmaps, ptpeek, ptpoke, ptregs, ptstep, ptstrace, ptdis,
 * ptstack).
 *
 * Conventions: every exported name starts with ptc_ (PTC_ for macros);
 * structures that hold state are opaque and come in new/free pairs;
 * functions return 0 (or a count) on success and -1 with errno set on
 * failure, or NULL with errno set.  After a failure ptc_error() gives a
 * one-line reason that is more precise than strerror(errno) where the
 * library knows more (for example why an address expression is wrong), so
 * a tool can say errx(1, "%s: %s", what, ptc_error()).
 */
#ifndef PTCORE_H
#define PTCORE_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>
#include <time.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Opaque types, declared here so every section may name them. */
struct ptc_session;
struct ptc_task;
struct ptc_maps;
struct ptc_syms;
struct ptc_elf;
struct ptc_vars;
struct ptc_target;
struct ptc_regs;
struct ptc_dis;
struct ptc_step;
struct ptc_run;
struct ptc_dwarf;

/* ------------------------------------------------------------------ */
/* Errors and version                                                 */
/* ------------------------------------------------------------------ */

/*
 * The reason for the last failure of a libptcore call in this thread: the
 * detail set by the failing function, or strerror(errno) when it set none.
 * The string stays valid until the next libptcore call in this thread.
 */
const char *ptc_error(void);

/*
 * Set errno to errnum and the detail returned by ptc_error() to the
 * printf-style message; always returns -1 so it can end a failing return.
 * Exported so that code layered on the library reports the same way.
 */
int ptc_fail(int errnum, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Library version string, "MAJOR.MINOR.PATCH". */
const char *ptc_version(void);

/* ------------------------------------------------------------------ */
/* Processes: PIDs, facts from the OS, a hold on the process          */
/* ------------------------------------------------------------------ */

/*
 * Check that pid names a process one can look into: fails with ESRCH
 * (no such process), with ESRCH and "zombie" detail for a zombie, and
 * with EPERM and "kernel thread" detail for a kernel thread.
 */
int ptc_pid_check(pid_t pid);

/* Parse a PID operand (decimal, > 0); -1 EINVAL with detail otherwise. */
int ptc_pid_parse(const char *s, pid_t *pid);

/* Thread ids of process pid into a malloc'd array; returns the count. */
ssize_t ptc_pid_threads(pid_t pid, pid_t **tids);

/* The command name (comm) of pid into buf. */
int ptc_pid_comm(pid_t pid, char *buf, size_t len);

/*
 * The executable file of process pid, opened as an ELF file (machine,
 * class, symbols), even when it was deleted or lives in another mount
 * namespace.  NULL with errno and a detail.
 */
struct ptc_elf *ptc_pid_elf(pid_t pid);

/*
 * A handle (a pidfd) bound to the process called pid now, that keeps
 * naming that process if it exits and its PID is reused.  Returns the
 * descriptor (close it with close(2)) or -1 (ESRCH; ENOSYS on kernels
 * without pidfd, when tools go on without the check).
 */
int ptc_pid_hold(pid_t pid);
/*
 * 0 while the process held by fd (from ptc_pid_hold) lives or when fd
 * is -1 (nothing to check); -1 ESRCH once it has exited, so whatever
 * now has its PID is another process and must not be written to.
 */
int ptc_pid_alive(int fd);

/* ------------------------------------------------------------------ */
/* Sessions, tasks and events (tracing a process)                     */
/* ------------------------------------------------------------------ */

/*
 * A session owns a set of traced tasks (threads and processes) and the
 * breakpoints written into them.  ptc_session_free() detaches from every
 * task, restores every breakpoint and lets the tasks run on; the same
 * happens for every live session when the program exits (exit(3), err(3))
 * and, through ptc_cleanup_signals(), on SIGINT, SIGTERM, SIGHUP and
 * SIGPIPE.
 */
struct ptc_session;
struct ptc_task;

/* Options for what the kernel reports (ptc_session_new flags). */
#define PTC_TRACE_SYSCALLS 0x0001 /* PTRACE_O_TRACESYSGOOD */
#define PTC_TRACE_FORKS    0x0002 /* fork, vfork and clone children */
#define PTC_TRACE_EXEC     0x0004 /* exec events */
#define PTC_TRACE_EXIT     0x0008 /* an event before a task exits */
#define PTC_TRACE_SECCOMP  0x0010 /* seccomp SECCOMP_RET_TRACE stops */
#define PTC_TRACE_EXITKILL 0x0020 /* tasks die if the tracer dies (spawned) */
#define PTC_TRACE_RUSAGE   0x0040 /* ptc_wait fills ptc_event's stime */

struct ptc_session *ptc_session_new(unsigned trace_flags);

/*
 * Detach from every task of the session (restoring breakpoints and
 * leaving each task running, or stopped if it was in group-stop when
 * attached) and free it.  Tasks the session spawned are left running
 * unless ptc_session_kill() was called first.  NULL is accepted.
 */
void ptc_session_free(struct ptc_session *s);

/* Kill (SIGKILL) every task the session spawned, then free it. */
void ptc_session_kill(struct ptc_session *s);

/* Attach flags. */
#define PTC_ATTACH_STOP    0x01 /* interrupt and wait until stopped */
#define PTC_ATTACH_THREADS 0x02 /* attach every thread of the process */

/*
 * Attach to thread or process pid with PTRACE_SEIZE.  With
 * PTC_ATTACH_STOP the task is interrupted and this waits for the stop,
 * so registers can be read at once; a task that was in group-stop
 * (SIGSTOP) is left in it.  With PTC_ATTACH_THREADS every thread of the
 * process is attached too.  *taskp (may be NULL) receives pid's task.
 * Errors: ESRCH no such process, EPERM not allowed (with the reason in
 * ptc_error(): already traced, different owner, kernel thread), ...
 */
int ptc_attach(struct ptc_session *s, pid_t pid, unsigned flags,
    struct ptc_task **taskp);

/* How ptc_spawn() starts the program. */
struct ptc_spawn_opts {
	char *const *envp;   /* NULL: inherit */
	const char *user;    /* run as this user (strace -u); NULL: as is */
	int stdin_fd;        /* -1: inherit */
	int stdout_fd;       /* -1: inherit */
	int stderr_fd;       /* -1: inherit */
	int detached;        /* tracer is not the parent: strace -D 1,
				-DD 2 (own process group), -DDD 3 (session) */
};

/*
 * Start argv[0] (searched in PATH; ENOENT "NAME: command not found"
 * before anything is started) traced by the session.  The new task is
 * returned stopped just before its execve, so resuming it with
 * PTC_RESUME_SYSCALL shows the execve entry, and with PTC_TRACE_EXEC a
 * PTC_EV_EXEC event follows the successful exec.  opts may be NULL.
 */
int ptc_spawn(struct ptc_session *s, char *const argv[],
    const struct ptc_spawn_opts *opts, struct ptc_task **taskp);

/* Detach from one task, delivering sig (0 for none) as it resumes. */
int ptc_detach(struct ptc_session *s, struct ptc_task *t, int sig);

/* What a stopped task was doing. */
enum ptc_event_type {
	PTC_EV_NONE,
	PTC_EV_SYSCALL_ENTER, /* syscall-enter-stop */
	PTC_EV_SYSCALL_EXIT,  /* syscall-exit-stop */
	PTC_EV_SECCOMP,       /* seccomp trace stop (a syscall entry) */
	PTC_EV_SIGNAL,        /* signal-delivery-stop: sig, si */
	PTC_EV_GROUP_STOP,    /* group-stop by sig */
	PTC_EV_INTERRUPT,     /* stopped by ptc_interrupt() */
	PTC_EV_STEP,          /* single-step or breakpoint SIGTRAP */
	PTC_EV_FORK,          /* new_pid is the child */
	PTC_EV_VFORK,
	PTC_EV_CLONE,
	PTC_EV_VFORK_DONE,
	PTC_EV_EXEC,          /* old_pid: thread id before the exec */
	PTC_EV_EXITING,       /* PTRACE_EVENT_EXIT: status is the wait status */
	PTC_EV_EXITED,        /* gone: status is the exit code */
	PTC_EV_KILLED,        /* gone: killed by sig, core set if dumped */
	/*
	 * A process the session does not trace (task NULL, pid set): one
	 * that stopped as a tracee (a CLONE_PTRACE child when forks are not
	 * followed), now detached; or a child of ours that ended.
	 */
	PTC_EV_UNKNOWN_DETACHED,
	PTC_EV_UNKNOWN_EXITED,
};

struct ptc_event {
	enum ptc_event_type type;
	struct ptc_task *task; /* NULL only for unknown pids (see pid) */
	pid_t pid;
	int sig;
	int status;
	int core;
	pid_t new_pid;
	pid_t old_pid;
	siginfo_t si;          /* PTC_EV_SIGNAL and PTC_EV_STEP */
	/*
	 * With PTC_TRACE_RUSAGE: the system CPU time of the task's process
	 * (all its threads and reaped children) at this stop, as wait4(2)
	 * reports it.
	 */
	struct timespec stime;
};

/*
 * Wait for the next stop or exit of any task of the session and describe
 * it.  New children (fork/vfork/clone with PTC_TRACE_FORKS) become tasks
 * of the session automatically.  A task that exited is freed after the
 * event is returned (the event's task pointer is valid until the next
 * call).  Returns -1 with errno EINTR when a cleanup signal arrived (see
 * ptc_cleanup_signals) and ECHILD when no task is left.
 */
int ptc_wait(struct ptc_session *s, struct ptc_event *ev);

/* Like ptc_wait() for one task only. */
int ptc_wait_task(struct ptc_session *s, struct ptc_task *t,
    struct ptc_event *ev);

/* How a stopped task resumes. */
enum ptc_resume {
	PTC_RESUME_CONT,    /* run freely */
	PTC_RESUME_SYSCALL, /* run to the next syscall stop */
	PTC_RESUME_STEP,    /* execute one instruction */
	PTC_RESUME_LISTEN,  /* stay in group-stop but report SIGCONT */
};

/* Resume a stopped task, delivering sig (0 for none). */
int ptc_resume(struct ptc_task *t, enum ptc_resume how, int sig);

/* Ask a running task to stop (PTRACE_INTERRUPT); ptc_wait reports it. */
int ptc_interrupt(struct ptc_task *t);

/* Accessors for a task. */
pid_t ptc_task_pid(const struct ptc_task *t);   /* thread id */
pid_t ptc_task_tgid(const struct ptc_task *t);  /* process id */
int ptc_task_stopped(const struct ptc_task *t); /* in a ptrace-stop */
/* The task was in group-stop when attached (it stays stopped on detach). */
int ptc_task_was_stopped(const struct ptc_task *t);
/* A pointer for the caller's own per-task data, NULL at first. */
void *ptc_task_data(const struct ptc_task *t);
void ptc_task_set_data(struct ptc_task *t, void *data);
/* The session's task for thread id pid, or NULL. */
struct ptc_task *ptc_session_task(struct ptc_session *s, pid_t pid);
/* Number of tasks and the i-th one (in attach order). */
size_t ptc_session_ntasks(const struct ptc_session *s);
struct ptc_task *ptc_session_task_at(const struct ptc_session *s, size_t i);

/*
 * Install handlers for SIGINT, SIGTERM, SIGHUP and SIGPIPE that make
 * blocking library calls fail with EINTR, so the tool can leave through
 * its normal path, and that make a second signal (another one, or the
 * same one more than a second later) detach every session at once and
 * exit.  Signals blocked when it is called stay blocked.  Call once at
 * start.
 */
void ptc_cleanup_signals(void);

/* The cleanup signal that arrived, or 0. */
int ptc_cleanup_pending(void);

enum ptc_sc_op { PTC_SC_NONE, PTC_SC_ENTRY, PTC_SC_EXIT, PTC_SC_SECCOMP };

/* What the kernel says about a task stopped at a syscall. */
struct ptc_scinfo {
	enum ptc_sc_op op;
	uint32_t arch;       /* AUDIT_ARCH_X86_64, AUDIT_ARCH_I386, ... */
	uint64_t pc, sp;
	uint64_t nr;         /* entry and seccomp stops */
	uint64_t args[6];    /* entry and seccomp stops */
	int64_t rval;        /* exit stops: return value or -errno */
	int is_error;        /* exit stops */
};

/* PTRACE_GET_SYSCALL_INFO for a stopped task. */
int ptc_syscall_info(struct ptc_task *t, struct ptc_scinfo *si);

/* ------------------------------------------------------------------ */
/* Memory: reading, writing, typed values and byte patterns           */
/* ------------------------------------------------------------------ */

/* How memory is read or written. */
enum ptc_mem_method {
	PTC_MEM_AUTO,   /* best that works: VM, then PROCFS, then PEEK */
	PTC_MEM_VM,     /* process_vm_readv / process_vm_writev */
	PTC_MEM_PROCFS, /* /proc/PID/mem (writes read-only pages) */
	PTC_MEM_PEEK,   /* PTRACE_PEEKDATA/POKEDATA (task must be stopped) */
};

/*
 * Read len bytes at addr of process pid.  Returns the number of bytes
 * read from the start of the range (short when the range runs into an
 * unmapped or unreadable page, in which case ptc_error() names the first
 * bad address), or -1 if not even the first byte could be read.
 * PTC_MEM_AUTO writes through /proc/PID/mem when a page is read-only,
 * so breakpoints and patches land in text pages.
 */
ssize_t ptc_mem_read(pid_t pid, uint64_t addr, void *buf, size_t len,
    enum ptc_mem_method how);
ssize_t ptc_mem_write(pid_t pid, uint64_t addr, const void *buf, size_t len,
    enum ptc_mem_method how);

/*
 * Read a NUL-terminated string of at most max bytes (excluding the NUL)
 * at addr into buf (which has room for max + 1).  Returns the length, and
 * sets *truncated when no NUL was met within max bytes.
 */
ssize_t ptc_mem_read_str(pid_t pid, uint64_t addr, char *buf, size_t max,
    int *truncated);

/*
 * Value types for ptpeek -t and ptpoke -t: fixed-size integers, floats
 * and pointers in the target's byte order (the host's, for now).
 */
enum ptc_vtype {
	PTC_VT_U8, PTC_VT_U16, PTC_VT_U32, PTC_VT_U64,
	PTC_VT_I8, PTC_VT_I16, PTC_VT_I32, PTC_VT_I64,
	PTC_VT_F32, PTC_VT_F64, PTC_VT_PTR,
};

/*
 * The type called name ("u8" .. "u64", "i8" .. "i64", "f32", "f64",
 * "ptr"); -1 EINVAL with detail listing the valid names otherwise.
 */
int ptc_vtype_parse(const char *name, enum ptc_vtype *type);
/* Size in bytes of a value of type t. */
size_t ptc_vtype_size(enum ptc_vtype t);
/*
 * Encode the text s as a value of type t into out (ptc_vtype_size(t)
 * bytes): integers in decimal or 0x hex (a leading 0 is still decimal),
 * signed types also negative, each checked against the type's range;
 * floats as strtod reads them; ptr like u64.  -1 EINVAL or ERANGE with
 * a detail naming the value otherwise.
 */
int ptc_value_parse(enum ptc_vtype t, const char *s, void *out);
/*
 * Print the value of type t stored at p: integers in decimal, ptr as
 * 0x hex, floats in the shortest form that reads back to the same value.
 */
int ptc_value_print(FILE *fp, enum ptc_vtype t, const void *p);
/*
 * Parse hex bytes, "de ad be ef" or "deadbeef" (blanks between bytes
 * allowed, never inside one), into out, which has room for
 * strlen(s) / 2 bytes.  Returns the count, or -1 EINVAL with a detail.
 */
ssize_t ptc_hex_parse(const char *s, void *out);
/*
 * Search [start, end) of process pid for the plen bytes at pat, at
 * addresses that are multiples of align (1: anywhere), calling
 * found(addr, ctx) for each match in address order; a non-zero return
 * from found stops the search.  Memory is read in large chunks (matches
 * across chunk boundaries are found).  Pages that cannot be read are
 * skipped when skip is set; otherwise the first one ends the search with
 * -1 and a detail naming it (after the matches before it were reported).
 * Returns the number of matches, or -1 (ESRCH, EPERM, EINTR when a
 * cleanup signal arrived, EFAULT).
 */
ssize_t ptc_mem_search(pid_t pid, uint64_t start, uint64_t end,
    const void *pat, size_t plen, size_t align, int skip,
    int (*found)(uint64_t addr, void *ctx), void *ctx);

/*
 * A -F pattern: what ptpeek searches for or keeps of a candidate list.
 * Untyped (typed 0): hex bytes with "??" wildcards ("de ad ?? ef") or
 * "str:TEXT".  Of type type: a value ("42", "=-42"), a comparison (">N"
 * "<N" ">=N" "<=N" "!=N"), a range "N..M" (both included), a float
 * with a tolerance ("3.5~0.01"), or a comparison with the value seen
 * before: "increased", "decreased", "changed", "unchanged", "+N" (grew
 * by N) and "-N" (shrank by N; "=-N" is the value -N).  psize is the
 * process's pointer size, for type ptr.  NULL with errno EINVAL and a
 * detail naming the column: "-F '>=4x': invalid u32 value \"4x\" at
 * column 3".
 */
struct ptc_pat;
struct ptc_pat *ptc_pat_parse(const char *text, int typed,
    enum ptc_vtype type, size_t psize);
void ptc_pat_free(struct ptc_pat *p);
/* Bytes a match covers (the type's size, or the pattern's length). */
size_t ptc_pat_size(const struct ptc_pat *p);
/* 1 if the pattern compares with the value seen before. */
int ptc_pat_relative(const struct ptc_pat *p);
/*
 * 1 if the ptc_pat_size() bytes at cur match; old: the bytes of the
 * value seen before (a relative pattern never matches without them).
 */
int ptc_pat_match(const struct ptc_pat *p, const void *cur, const void *old);
/*
 * ptc_mem_search() for a pattern: found() gets each match's address and
 * bytes.  A relative pattern fails with EINVAL (it needs old values).
 */
ssize_t ptc_pat_search(pid_t pid, uint64_t start, uint64_t end,
    const struct ptc_pat *p, int skip,
    int (*found)(uint64_t addr, const void *bytes, void *ctx), void *ctx);
/*
 * Read n ranges of len bytes (at addrs[i]) into buf, one after another,
 * with one process_vm_readv per 1024 ranges; a range that stops a batch
 * is read alone through ptc_mem_read().  ok[i] is set to 1 when range
 * i was read whole, else 0.  The count read whole, or -1 (ESRCH, EPERM).
 */
ssize_t ptc_mem_read_many(pid_t pid, const uint64_t *addrs, size_t n,
    size_t len, void *buf, unsigned char *ok);

/* What ptpeek's -F, -t, -v, -j, ADDR "-" and -w share. */
struct ptc_scan {
	struct ptc_target *target;
	int typed;                  /* values of type (else bytes) */
	enum ptc_vtype type;
	size_t psize;               /* the process's pointer size */
	const struct ptc_pat *pat;  /* -F, or NULL */
	unsigned flags;
	FILE *out;
	void (*warn)(const char *msg); /* a bad candidate line, NULL: quiet */
};
#define PTC_SCAN_VALUES 0x01 /* -F records carry the value (ptpeek -v) */
#define PTC_SCAN_JSON   0x02 /* records are JSON objects, one a line */

struct ptc_scan_counts {
	unsigned long bad;       /* candidate lines that did not parse */
	unsigned long unmapped;  /* candidates that could not be read */
	unsigned long matched;   /* candidates the pattern kept */
};

/* Why a watch or a freeze ended without an error. */
enum ptc_scan_end { PTC_SCAN_SIGNAL, PTC_SCAN_COUNT, PTC_SCAN_EXITED };

/* Bytes one record covers: the pattern's, the type's, or 0. */
size_t ptc_scan_size(const struct ptc_scan *s);
/*
 * Print len values (typed: one a line, or {"addr","value"} records) or
 * len bytes (a hexdump, or {"addr","bytes"} records of 16 bytes) at
 * addr.  -1 with the read's detail after printing what was read.
 */
int ptc_scan_read(const struct ptc_scan *s, uint64_t addr, uint64_t len);
/*
 * Search [addr, addr + len) (ranged) or every readable mapping (skipping
 * pages that cannot be read) for s->pat: a record per match, "0xADDR"
 * or with PTC_SCAN_VALUES "0xADDR VALUE" (typed value, or the bytes
 * as hex).  The number of matches or -1.
 */
ssize_t ptc_scan_find(const struct ptc_scan *s, int ranged, uint64_t addr,
    uint64_t len);
/*
 * Candidates from in, one a line, "ADDR [VALUE_BEFORE]", in batches
 * read with ptc_mem_read_many(): with s->pat those that match (relative
 * patterns against VALUE_BEFORE), else typed "0xADDR VALUE" records,
 * else a dump of dumplen bytes at each, in the order of the input.
 * Bad lines go to s->warn ("stdin:3: bad address: ...") and are
 * counted, as are candidates that could not be read; neither ends the
 * list.  0, or -1 (ESRCH, EPERM, EINTR, output errors).
 */
int ptc_scan_list(const struct ptc_scan *s, FILE *in, uint64_t dumplen,
    struct ptc_scan_counts *counts);
/*
 * Print a timestamped record ("HH:MM:SS.uuuuuu 0xADDR VALUE", or JSON
 * with "time") of the value (typed) or the len bytes at addr, then
 * another each time it changes, reading every interval_ns, without
 * stopping the process.  Ends after count changes (0: no limit), on a
 * cleanup signal, or when the process exits: 0 with *why saying which;
 * -1 when a read fails while the process lives.
 */
int ptc_scan_watch(const struct ptc_scan *s, uint64_t addr, uint64_t len,
    uint64_t interval_ns, uint64_t count, enum ptc_scan_end *why);
/*
 * Write the len bytes of buf at addr every interval_ns until a cleanup
 * signal (0, *why PTC_SCAN_SIGNAL) or the process exits (0,
 * PTC_SCAN_EXITED); -1 when a write fails while the process lives.
 */
int ptc_freeze(struct ptc_target *t, uint64_t addr, const void *buf,
    size_t len, uint64_t interval_ns, enum ptc_scan_end *why);
/*
 * An interval: seconds ("0.5"), or with a unit ("100ms", "2s", "500us",
 * "1m"), from 1us, into *ns.  -1 EINVAL or ERANGE with detail.
 */
int ptc_interval_parse(const char *s, uint64_t *ns);

/* ------------------------------------------------------------------ */
/* Mappings                                                           */
/* ------------------------------------------------------------------ */

struct ptc_map {
	uint64_t start, end;  /* [start, end) */
	uint64_t offset;      /* file offset */
	char perms[5];        /* "r-xp" */
	unsigned dev_major, dev_minor;
	uint64_t inode;
	const char *path;     /* "" for anonymous, "[stack]", "/usr/lib/..." */
};

struct ptc_maps;

/* Read /proc/PID/maps. */
struct ptc_maps *ptc_maps_read(pid_t pid);
/* Parse text in the /proc/PID/maps format (len bytes, need not end in NUL). */
struct ptc_maps *ptc_maps_parse(const char *text, size_t len);
void ptc_maps_free(struct ptc_maps *m);
size_t ptc_maps_count(const struct ptc_maps *m);
const struct ptc_map *ptc_maps_at(const struct ptc_maps *m, size_t i);
/* The mapping that holds addr, or NULL. */
const struct ptc_map *ptc_maps_find(const struct ptc_maps *m, uint64_t addr);
/*
 * The first mapping of a module named name: a full path, a file name
 * ("libc.so.6"), a file name without version ("libc" matches
 * "libc.so.6" and "libc-2.36.so"), or a bracketed name ("[stack]").
 */
const struct ptc_map *ptc_maps_module(const struct ptc_maps *m,
    const char *name);
/* Short module name of a mapping: file name, or "[heap]"-style name. */
const char *ptc_map_name(const struct ptc_map *map);

/* ------------------------------------------------------------------ */
/* Symbols: ELF files and live processes                              */
/* ------------------------------------------------------------------ */

/* One ELF file's symbols, sections and machine. */
struct ptc_elf;

/*
 * Open the ELF file at path and index its symbols.  Parts of the file
 * are read with pread when needed, never mapped, so a file truncated or
 * rewritten meanwhile gives errors, not SIGBUS.  Errors:
 * those of open(2), ENOEXEC "not an ELF file" / "bad ELF file: ...",
 * the detail starting with "path: ".
 * A malformed file fails here or in a lookup, never crashes.
 */
struct ptc_elf *ptc_elf_open(const char *path);
void ptc_elf_close(struct ptc_elf *e);
/* ELF e_machine (EM_X86_64, ...), ELF class (32 or 64), ET_EXEC/ET_DYN. */
int ptc_elf_machine(const struct ptc_elf *e);
int ptc_elf_class(const struct ptc_elf *e);
int ptc_elf_type(const struct ptc_elf *e);
int ptc_elf_big_endian(const struct ptc_elf *e);

struct ptc_sym {
	const char *name;
	uint64_t value;  /* link-time address (an ARM Thumb function's
			    without the low bit its ELF value has) */
	uint64_t size;
	int type;        /* STT_FUNC, STT_OBJECT, ... */
	int thumb;       /* an ARM Thumb function (its ELF value is odd) */
};
/*
 * Look a symbol up by name (.symtab, then .dynsym; a global definition
 * before a weak or local one).  "memcpy" also finds "memcpy@@GLIBC_2.14".
 * Only definitions of functions, objects and untyped labels count: not
 * undefined, absolute, TLS, section or file symbols.  x86-64 PLT entries
 * are symbols too, named as objdump names them ("puts@plt"), found only
 * by that full name.  sym->name points into e and lives as long as e.
 * -1 ENOENT "unknown symbol 'name'".
 */
int ptc_elf_sym_byname(struct ptc_elf *e, const char *name,
    struct ptc_sym *sym);
/*
 * The symbol covering link-time address addr (or the nearest one below
 * it; ptc_elf_sym_find() says which).  O(log n).  -1 ENOENT when no
 * symbol is at or below addr.
 */
int ptc_elf_sym_byaddr(struct ptc_elf *e, uint64_t addr, struct ptc_sym *sym);
/* Number of symbols and the i-th (sorted by address, duplicates merged). */
size_t ptc_elf_nsyms(struct ptc_elf *e);
int ptc_elf_sym_at(struct ptc_elf *e, size_t i, struct ptc_sym *sym);
/*
 * The contents of a section by name (".text"): a pointer into the
 * library's copy (raw file bytes), its link-time address and size.
 * -1 ENOENT no such section, ENODATA a section without file data (.bss).
 */
int ptc_elf_section(struct ptc_elf *e, const char *name, const void **data,
    uint64_t *addr, uint64_t *size);
/*
 * Bytes at link-time address addr as the loader would place them: from
 * the PT_LOAD segments, zeros past a segment's file data (.bss).  The
 * range may span adjacent segments.  -1 EFAULT when part of it is in no
 * segment.
 */
int ptc_elf_read(struct ptc_elf *e, uint64_t addr, void *buf, size_t len);
/*
 * The symbol that starts at link-time address addr, the best name of
 * those there (as ptc_elf_sym_byaddr() ranks them), never an empty
 * name.  -1 ENOENT when no symbol starts at addr.
 */
int ptc_elf_sym_label(struct ptc_elf *e, uint64_t addr, struct ptc_sym *sym);
/*
 * "symbol+0xoff" ("symbol" at offset 0) for the symbol that covers
 * link-time address addr (see ptc_elf_sym_find()), into buf, truncated
 * to fit.  -1 ENOENT when no named symbol covers addr.
 */
int ptc_elf_describe(struct ptc_elf *e, uint64_t addr, char *buf, size_t len);

/* Code of an ELF file to disassemble (ptc_elf_code()). */
struct ptc_elf_code {
	const uint8_t *data;  /* the bytes, size of them */
	uint64_t addr;        /* link-time address of data[0] */
	uint64_t size;
	const char *label;    /* the symbol's name as asked; NULL: a section */
	int thumb;            /* ARM thumb code (low address bit set) */
	uint8_t *copy;        /* the library's: freed by ptc_elf_code_free() */
};
/*
 * The bytes of a section or a function of e, named by what (NULL:
 * ".text").  A name that starts with a dot is a section if there is
 * one, any other name a symbol if there is one; then the other kind.
 * A function's bytes are its symbol's size (a symbol without one: up to
 * the next symbol, at most 64 KiB, or 64 bytes when none follows), as
 * the loader places them; a relocatable object's come from the
 * function's own section (.text.NAME) or .text.  An ARM function whose
 * address has the low bit set is thumb code at the even address.  The
 * bytes live until ptc_elf_code_free() and ptc_elf_close().
 * Errors: ENOENT "no symbol or section NAME", ENODATA "section .bss has
 * no file data", others "NAME at 0xADDR: why" when a symbol's bytes
 * cannot be read.
 */
int ptc_elf_code(struct ptc_elf *e, const char *what, struct ptc_elf_code *c);
/* Free what ptc_elf_code() allocated; c may be zeroed or freed already. */
void ptc_elf_code_free(struct ptc_elf_code *c);

/*
 * The symbols of a live process: its executable, shared libraries and
 * vDSO.  Each module's ELF file is read on first need and kept:
 * through /proc/PID/map_files (works for deleted files and other mount
 * namespaces), else the process's root + path, else path, checked
 * against the mapped inode.  A stripped file's symbols are completed
 * from /usr/lib/debug (build-id or .gnu_debuglink) when present.
 */
struct ptc_syms;

/*
 * maps must stay valid as long as ss: module names are matched against
 * it (ptc_target_syms() takes care of that).  Files are not read yet.
 */
struct ptc_syms *ptc_syms_new(pid_t pid, const struct ptc_maps *maps);
void ptc_syms_free(struct ptc_syms *ss);
/*
 * Runtime address of symbol name, searched in module (NULL: the
 * executable first, then every library in mapping order, the vDSO
 * last).  module is matched as ptc_maps_module() does ("libc",
 * "libc.so.6", a path, "[vdso]").  Errors (ENOENT unless said):
 * "no module 'libfoo' in process 123", "unknown symbol 'x' in libc.so.6",
 * "unknown symbol 'x'", "no symbols for M: why" (errno of the failure).
 */
int ptc_syms_lookup(struct ptc_syms *ss, const char *module,
    const char *name, uint64_t *addr);
/*
 * Describe runtime address addr.  sym (when not NULL) gets
 * "symbol+0xoff" if an ELF symbol covers addr ("symbol" when off is 0,
 * without a version suffix; "puts@plt+0x4" in a PLT), else "".  mod (when not NULL) gets
 * "module+0xoff", the offset from the start of the module's first
 * mapping ("module" when 0), for files and named regions ("[stack]+0x10");
 * the .bss past a module's last file page counts as the module.  Both
 * forms evaluate back to addr with ptc_addr_eval() (the symbol form when
 * its name is not defined in an earlier module too).  Strings are
 * truncated to fit.  Returns 0, or -1 ENOENT when addr is in no module
 * (anonymous or unmapped memory).  O(log n) once the module is read.
 */
int ptc_syms_describe(struct ptc_syms *ss, uint64_t addr, char *sym,
    size_t symlen, char *mod, size_t modlen);
/*
 * The name of the symbol that starts at runtime address addr, as
 * ptc_syms_describe() writes it (no version suffix), into buf, for a
 * label before the instruction there.  -1 ENOENT when no symbol starts
 * exactly at addr.
 */
int ptc_syms_label(struct ptc_syms *ss, uint64_t addr, char *buf, size_t len);

/*
 * Open an ELF image held in memory (copied; buf may be freed after) or
 * from fd (a file, /proc/PID/map_files/..., or a pipe, which is read to
 * its end); fd is duplicated, so the caller may close it at once.  what
 * names the source in error messages.
 */
struct ptc_elf *ptc_elf_open_mem(const void *buf, size_t len);
struct ptc_elf *ptc_elf_open_fd(int fd, const char *what);
/*
 * All of fd (a file, a pipe, standard input: anything read(2) drains)
 * into a malloc'd buffer *buf of *len bytes.  -1 with errno: EISDIR for
 * a directory, EFBIG past max bytes, those of read(2) and malloc(3).
 */
int ptc_read_all(int fd, size_t max, void **buf, size_t *len);
/* The file has a .symtab (not only .dynsym): not stripped. */
int ptc_elf_has_symtab(const struct ptc_elf *e);
/*
 * Like ptc_elf_sym_byaddr(), and *covered says whether the symbol holds
 * addr (inside its size; a symbol without size reaches to the next
 * symbol of its section) or is only the nearest one below it.
 */
int ptc_elf_sym_find(struct ptc_elf *e, uint64_t addr, struct ptc_sym *sym,
    int *covered);
/*
 * Load bias of a file mapped at map_start from file offset map_offset
 * (a line of /proc/PID/maps): runtime address = link-time address + bias.
 * 0 for a non-PIE executable mapped where it was linked.
 */
int ptc_elf_bias(const struct ptc_elf *e, uint64_t map_start,
    uint64_t map_offset, uint64_t *bias);
/* Lowest and one past the highest link-time address of PT_LOAD segments. */
int ptc_elf_load_range(const struct ptc_elf *e, uint64_t *lo, uint64_t *hi);
/* The GNU build-id note's bytes (pointer into the library's copy). */
int ptc_elf_build_id(struct ptc_elf *e, const void **id, size_t *len);
/* The file name in .gnu_debuglink, or NULL. */
const char *ptc_elf_debuglink(struct ptc_elf *e);

/* ------------------------------------------------------------------ */
/* Variables by their DWARF type                                      */
/* ------------------------------------------------------------------ */

/*
 * The global and static variables of a live process, found by name in
 * the DWARF debug information of its executable and shared libraries
 * (separate debug files included, through elfutils), their addresses
 * relocated by each module's load bias, their memory read through the
 * target.  The executable is searched first, then the libraries.
 */
struct ptc_vars;

/*
 * Variables of the process of target t, which must outlive the handle.
 * The modules are listed now, their debug information read when first
 * needed.  NULL with errno and a detail.
 */
struct ptc_vars *ptc_vars_open(struct ptc_target *t);
void ptc_vars_close(struct ptc_vars *v);

/* Where an access path leads (ptc_var_eval()). */
struct ptc_var {
	uint64_t addr;     /* runtime address of the value */
	uint64_t size;     /* its size in bytes (of the field's storage unit
			      for a bit-field) */
	char type[256];    /* its C type as gdb's whatis names it */
};

/*
 * Evaluate an access path: a variable's name followed by any of .FIELD,
 * ->FIELD, [INDEX] (arrays and pointers), with prefix * and
 * parentheses: "g_s.in.z", "g_arr[2]", "g_ptr->x", "*g_ptr",
 * "(*g_ptr).x"; a function's static is FUNCTION::NAME ("tick::calls").
 * Pointers are read from the process on the way.  A variable the debug
 * information only declares, or defines without a location (an alias
 * such as libc's environ), is found at its ELF symbol.  Errors (ENOENT
 * unless said): "no debug information for 'g_x' (the executable was
 * built without -g?); its ELF symbol is at 0x..."; "unknown variable
 * 'g_x'" (saying so when the executable has no debug information); "no
 * member 'q' in 'g_s.in' (struct inner)"; EINVAL "'g_s' is not a
 * pointer" and the like, and for a malformed path; ERANGE "index 9 is
 * past the 4 elements of 'g_arr'"; ENODATA "'g_x' is optimized out",
 * and for a constant whose value only the debug information holds (it
 * has no address; ptc_var_print() prints it); ENOTSUP for a
 * thread-local or a function's local variable; EFAULT when a pointer
 * on the way cannot be read.
 */
int ptc_var_eval(struct ptc_vars *v, const char *path, struct ptc_var *out);

#define PTC_VAR_JSON   0x01 /* ptc_var_print(): a JSON value */
#define PTC_VAR_RECORD 0x02 /* with PTC_VAR_JSON: {"path":..,"address":
			       "0x..","size":N,"type":"..","value":..} */

/*
 * Write the value path leads to (see ptc_var_eval()) as gdb's print
 * writes it, without "$1 = " and newline: structs and unions as
 * "{x = 7, in = {y = -3, z = 0.125}}", arrays as "{1, 2, 3}" with runs
 * of more than 10 equal elements as "0 <repeats 16 times>" and "..."
 * after 200 elements, enums by name, char as "65 'A'", char arrays as
 * strings, "char *" as the address and the string, other pointers as
 * "(struct inner *) 0x5555... <g_pt>" (the type at the top level, the
 * symbol where one covers the address), floats with 9 (float) or 17
 * (double) significant digits, bool as true or false, bit-fields,
 * typedefs seen through.  With PTC_VAR_JSON: a JSON value instead,
 * structs and unions as objects, arrays as arrays, numbers as numbers
 * (non-finite floats as strings), enums as their name (a number when
 * none matches), pointers as "0x..." strings, char arrays as the
 * string up to the first NUL, "char *" as {"address":"0x...",
 * "string":"..."} (null when it cannot be read).  Nothing is written
 * when it fails: errors as ptc_var_eval(), EFAULT naming the address
 * that cannot be read.
 */
int ptc_var_print(struct ptc_vars *v, const char *path, unsigned flags,
    FILE *fp);

/* ------------------------------------------------------------------ */
/* Targets: one handle on a process                                   */
/* ------------------------------------------------------------------ */

/*
 * A target is the handle on one process: its pid, a pidfd that keeps
 * naming that process even if the pid is reused (where the OS has
 * pidfds), its mappings and symbols (read when first needed), and a
 * session that stops a thread only when a register or breakpoint needs
 * it.  Closing it detaches.  The pid functions (ptc_mem_read(),
 * ptc_maps_read(), ptc_bp_insert(), ...) remain for one-off calls.
 */
struct ptc_target;

/* Open pid after ptc_pid_check(). */
struct ptc_target *ptc_target_open(pid_t pid);
void ptc_target_close(struct ptc_target *t);
pid_t ptc_target_pid(const struct ptc_target *t);
const struct ptc_maps *ptc_target_maps(struct ptc_target *t);
struct ptc_syms *ptc_target_syms(struct ptc_target *t);
/* Re-read the mappings (after the process changed them). */
int ptc_target_refresh(struct ptc_target *t);
/*
 * 0 while the process the target was opened on exists (a zombie
 * counts), -1 ESRCH "process N has exited" once it is gone, even when
 * its pid now names another process.
 */
int ptc_target_alive(const struct ptc_target *t);
/*
 * ptc_mem_read(), ptc_mem_read_str() and ptc_mem_write() with
 * PTC_MEM_AUTO, guarded by ptc_target_alive(): a read fails with ESRCH
 * when the process ended during it (its bytes may be another
 * process's), a write is not started once it has ended.
 */
ssize_t ptc_target_read(struct ptc_target *t, uint64_t addr, void *buf,
    size_t len);
ssize_t ptc_target_read_str(struct ptc_target *t, uint64_t addr, char *buf,
    size_t max, int *truncated);
ssize_t ptc_target_write(struct ptc_target *t, uint64_t addr,
    const void *buf, size_t len);
/* ptc_bp_insert() at addr through thread tid (0: the main thread),
 * stopped with ptc_target_task(); the target's session owns it. */
int ptc_target_bp_insert(struct ptc_target *t, pid_t tid, uint64_t addr);
/*
 * The stopped task of thread tid (0: the main thread), attaching and
 * interrupting it on first use.  Stays stopped until ptc_target_close().
 */
struct ptc_task *ptc_target_task(struct ptc_target *t, pid_t tid);
/* The target's session (created on first use). */
struct ptc_session *ptc_target_session(struct ptc_target *t);

/* ------------------------------------------------------------------ */
/* Address expressions                                                */
/* ------------------------------------------------------------------ */

/*
 * Evaluate an address expression:
 *   0x7f00...  decimal (a leading 0 is still decimal)
 *   [stack] [heap] [vdso] [vvar]     start of that mapping
 *   libc.so.6  libc  /usr/bin/cat    start of the module's first mapping
 *   main  libc:malloc                ELF symbol (module:symbol)
 *   %rsp %rip                        register of the main thread
 *   *EXPR                            the pointer stored at EXPR, as
 *                                    wide as the process's pointers
 *   (EXPR)  A+B  A-B  A*B            with '*' binding tighter than
 *                                    '+' and '-', left to right
 * so "libc+0x1a2b0", "%rsp-16", "arr+4*3", "*(%rsp+8)", "*libc:environ"
 * (spaces around operators are allowed).  A bare name is a module if
 * one matches, else a symbol.  A name may hold '+' and '-'
 * (ld-linux-x86-64.so.2+0x10): the shortest name that resolves,
 * followed by offsets, wins.  A register stops the main thread (it
 * stays stopped until ptc_target_close()); nothing else stops the
 * process.  Errors, with ptc_error() saying what and where: EINVAL
 * "garbage after 'main': ')'", "missing number after 'main+'",
 * "missing ')' after '(main+4'", "bad hex digit 'z' in '0x1z'",
 * "unknown register 'foo'"; ERANGE "number too large:
 * 0x1ffffffffffffffff", "address overflows 64 bits at
 * 'main+0xffffffffffffffff'", "address below 0 at '0x10-0x20'"; ENOENT
 * "unknown symbol 'mian'", "no module 'libfoo' in process 123", "no
 * mapping '[heap]' in process 123"; EFAULT "*main: cannot read a
 * pointer at 0x..."; and those of attaching (EPERM, ESRCH) for
 * registers.
 */
int ptc_addr_eval(struct ptc_target *t, const char *expr, uint64_t *addr);
/*
 * Check the syntax of an address expression without a process: 0, or
 * -1 with the detail ptc_addr_eval() would give for a malformed one
 * (EINVAL, or ERANGE for a number too large), so a tool can refuse it
 * before it touches the process.  Names, registers and arithmetic
 * overflow are not checked.
 */
int ptc_addr_check(const char *expr);

/*
 * Parse an unsigned number: 0x hex or decimal (never octal), all of s,
 * no sign, no spaces, no overflow.  Returns 0, or -1 with detail:
 * EINVAL "bad hex digit 'g' in '0x1g'", "not a number: '-1'", "empty
 * number"; ERANGE "number too large: 18446744073709551616".
 */
int ptc_parse_u64(const char *s, uint64_t *v);

/* ------------------------------------------------------------------ */
/* Registers                                                          */
/* ------------------------------------------------------------------ */

/* Read a register of a stopped task by name ("rsp", "eax", "zf"). */
int ptc_reg_read(struct ptc_task *t, const char *name, uint64_t *val);
/* Write a register of a stopped task by name. */
int ptc_reg_write(struct ptc_task *t, const char *name, uint64_t val);
/* Program counter and stack pointer of a stopped task. */
int ptc_pc_read(struct ptc_task *t, uint64_t *pc);
int ptc_pc_write(struct ptc_task *t, uint64_t pc);
int ptc_sp_read(struct ptc_task *t, uint64_t *sp);

/* Register groups (struct ptc_reginfo kind). */
#define PTC_REG_GENERAL 1 /* shown by default: rax.. rip rflags segments */
#define PTC_REG_PART    2 /* part of another: eax ax al ah, zf ... */
#define PTC_REG_X87     3 /* st0-st7 and the x87 control words */
#define PTC_REG_SSE     4 /* xmm0-xmm15, mxcsr; v, vs, q, f, d elsewhere */
#define PTC_REG_AVX     5 /* ymm0-ymm15 */

/* What the library knows about one register name. */
struct ptc_reginfo {
	const char *name;
	unsigned size;   /* bytes (1..32); 0 for a part narrower than a byte */
	unsigned bits;   /* width in bits */
	unsigned kind;   /* PTC_REG_* */
};

/*
 * The registers of the CPU in display order (general registers first,
 * then their parts, then x87, SSE, AVX), and one by name.
 */
size_t ptc_reg_count(void);
const struct ptc_reginfo *ptc_reg_at(size_t i);
const struct ptc_reginfo *ptc_reg_lookup(const char *name);

/*
 * Decode a flags register value into flag names: "[ CF ZF IF ]" for
 * rflags, "[ IM DM ZM OM UM PM ]" style for mxcsr.  Returns -1 when name
 * is not a register with flags.
 */
int ptc_reg_decode(const char *name, uint64_t val, char *buf, size_t len);

/*
 * A snapshot of one thread's registers, read in one go and written
 * back in one go, so setting several registers is atomic for the
 * thread: fetch, change any number with ptc_regs_set*, store.
 */
struct ptc_regs;

#define PTC_REGS_FP 0x01 /* also the x87/SSE/AVX block */

struct ptc_regs *ptc_regs_new(void);
void ptc_regs_free(struct ptc_regs *r);
/* Read the registers of stopped task t (general, and FP with PTC_REGS_FP). */
int ptc_regs_fetch(struct ptc_regs *r, struct ptc_task *t, unsigned flags);
/* Write back the blocks changed since the fetch (nothing if none). */
int ptc_regs_store(struct ptc_regs *r, struct ptc_task *t);
/* Copy a snapshot (for comparing before and after a step). */
int ptc_regs_copy(struct ptc_regs *dst, const struct ptc_regs *src);
/*
 * Value of a register of at most 64 bits.  -1 EINVAL for an unknown
 * name or a wider register, ENODATA when its block was not fetched.
 */
int ptc_regs_get(const struct ptc_regs *r, const char *name, uint64_t *val);
/* Bytes of any register (little-endian); returns its size. */
int ptc_regs_get_bytes(const struct ptc_regs *r, const char *name,
    void *buf, size_t len);
/* Change a register in the snapshot (64 bits or less; a part merges). */
int ptc_regs_set(struct ptc_regs *r, const char *name, uint64_t val);
/* Change a register from len little-endian bytes (zero-extended). */
int ptc_regs_set_bytes(struct ptc_regs *r, const char *name,
    const void *buf, size_t len);
/* Program counter and stack pointer of a snapshot. */
uint64_t ptc_regs_pc(const struct ptc_regs *r);
uint64_t ptc_regs_sp(const struct ptc_regs *r);
/*
 * Whether the thread of the snapshot was stopped inside a syscall: 1
 * and its number in *nr, or 0.  *arch (may be NULL) gets the
 * AUDIT_ARCH_* value of the code the thread runs, for ptc_sc_name().
 */
int ptc_regs_syscall(const struct ptc_regs *r, uint64_t *nr, uint32_t *arch);
/* The snapshot holds the AVX upper halves (the kernel offered XSTATE). */
int ptc_regs_have_avx(const struct ptc_regs *r);

/*
 * A snapshot is read in the layout the kernel gives for its task: a
 * 32-bit program under a 64-bit x86 kernel has eax..esp, eip and eflags,
 * not rax..rip.  These look registers up in the view of snapshot r (the
 * native one while r is NULL or not yet fetched); ptc_reg_count(),
 * ptc_reg_at() and ptc_reg_lookup() are the native view.  Names are
 * those of ptc_regs_get(); the order is that of ptc_reg_at().
 */
size_t ptc_regs_reg_count(const struct ptc_regs *r);
const struct ptc_reginfo *ptc_regs_reg_at(const struct ptc_regs *r,
    size_t i);
const struct ptc_reginfo *ptc_regs_reg_lookup(const struct ptc_regs *r,
    const char *name);
/*
 * The CPU of the view as ptc_dis_open() names it ("x86_64", "i386"),
 * so code is disassembled in the task's mode.
 */
const char *ptc_regs_arch(const struct ptc_regs *r);
/* Names of the program counter, stack pointer and flags ("eip", ...). */
const char *ptc_regs_pc_name(const struct ptc_regs *r);
const char *ptc_regs_sp_name(const struct ptc_regs *r);
/* The flags register of the view ("rflags", "eflags"), NULL if none. */
const char *ptc_regs_flags_name(const struct ptc_regs *r);
/* Size of a pointer of the view's code: 4 for a 32-bit task. */
unsigned ptc_regs_ptrsize(const struct ptc_regs *r);
/* ptc_reg_decode() in the view of r. */
int ptc_regs_decode(const struct ptc_regs *r, const char *name,
    uint64_t val, char *buf, size_t len);
/*
 * Size in bytes of a pointer of process pid (4 or 8), from the ELF
 * class of the program it runs, so it needs no attach and is right for
 * x32 programs too.  -1 with detail (ESRCH, EACCES, ENOEXEC).
 */
int ptc_proc_ptrsize(pid_t pid);
/*
 * The same for a stopped task, falling back to its register layout
 * when the executable cannot be read.
 */
int ptc_task_ptrsize(struct ptc_task *t);

/* ------------------------------------------------------------------ */
/* Disassembly: instructions, syscall and breakpoint instructions     */
/* ------------------------------------------------------------------ */

/*
 * A disassembler for one architecture (capstone underneath).  Every byte
 * of the input is accounted for: bytes that do not decode come back as
 * data pseudo-instructions (mnemonic ".byte", PTC_DIS_DATA), one unit of
 * the architecture long (1 byte on x86, 2 on thumb, 4 on fixed-width
 * CPUs), and decoding resumes after them; an instruction cut short by
 * the end of the buffer comes back as one data item holding the rest.
 */
struct ptc_dis;

/* ptc_dis_open flags. */
#define PTC_DIS_ATT 0x01 /* AT&T syntax (x86 only); Intel is the default */

/* Instruction groups (struct ptc_insn groups bits). */
#define PTC_DIS_JUMP 0x01 /* any jump, conditional or not */
#define PTC_DIS_CALL 0x02
#define PTC_DIS_RET  0x04
#define PTC_DIS_INT  0x08 /* int, syscall, trap */
#define PTC_DIS_IRET 0x10
#define PTC_DIS_PRIV 0x20 /* privileged */
#define PTC_DIS_REL  0x40 /* branch with an immediate target (target set) */
#define PTC_DIS_DATA 0x80 /* bytes that did not decode */

#define PTC_INSN_MAX 16 /* longest instruction of any architecture */

/* One decoded instruction, or one data item. */
struct ptc_insn {
	uint64_t addr;
	uint64_t target;        /* branch target when groups has PTC_DIS_REL */
	unsigned size;          /* bytes used, 1..PTC_INSN_MAX */
	unsigned groups;        /* PTC_DIS_* bits */
	uint8_t bytes[PTC_INSN_MAX];
	char mnemonic[32];      /* "mov", ".byte" */
	char operands[160];     /* "rbp, rsp", "0x48, 0x89" */
};

/*
 * Open a disassembler for the architecture called arch (any name that
 * ptc_dis_arch_names() lists, case-insensitive; NULL for the CPU this
 * library was built for).  Fails with EINVAL and a detail for an unknown
 * name or AT&T syntax on a CPU other than x86.
 */
struct ptc_dis *ptc_dis_open(const char *arch, unsigned flags);

/*
 * Open a disassembler for an ELF file's machine: e_machine (EM_X86_64,
 * ...), ELF class (32 or 64) and byte order, as ptc_elf_machine(),
 * ptc_elf_class() and ptc_elf_big_endian() give them.  ENOTSUP with a
 * detail for a machine with no disassembler.
 */
struct ptc_dis *ptc_dis_open_elf(int machine, int elfclass, int big_endian,
    unsigned flags);

/* Free a disassembler; NULL is accepted. */
void ptc_dis_close(struct ptc_dis *d);

/*
 * Open a disassembler for the code of an ELF file: its machine, class
 * and byte order, or thumb when thumb is set and the file is ARM's
 * (see struct ptc_elf_code).  Errors as ptc_dis_open_elf().
 */
struct ptc_dis *ptc_dis_open_file(const struct ptc_elf *e, int thumb,
    unsigned flags);

/*
 * Open a disassembler for the code of process pid: the machine of its
 * executable, or the CPU this library was built for when the file
 * cannot be read.  An ARM executable whose entry point is Thumb code
 * (the low bit of e_entry) gets Thumb.
 */
struct ptc_dis *ptc_dis_open_pid(pid_t pid, unsigned flags);

/* Canonical name of d's architecture ("x86_64", "aarch64", "thumb"). */
const char *ptc_dis_arch(const struct ptc_dis *d);

/* Address width of d's architecture in bits (16, 32 or 64). */
unsigned ptc_dis_addr_bits(const struct ptc_dis *d);

/*
 * Size of d's smallest instruction in bytes (1 on x86, 2 on thumb, 4 on
 * fixed-width CPUs): the size of a data item for bytes that do not
 * decode.
 */
unsigned ptc_dis_unit(const struct ptc_dis *d);

/*
 * Every architecture name ptc_dis_open() accepts, NULL-terminated; each
 * canonical name comes before its aliases.  ptc_dis_arch_canonical()
 * says whether names[i] is a canonical name (for short lists).
 */
const char *const *ptc_dis_arch_names(void);
int ptc_dis_arch_canonical(size_t i);

/*
 * Decode the next item at *code (*len bytes, first one at address
 * *addr) into in and advance the three past it, like capstone's
 * cs_disasm_iter.  Returns 1 with an instruction or a data item, 0 when
 * *len is 0.  Never fails otherwise.
 */
int ptc_dis_next(struct ptc_dis *d, const uint8_t **code, size_t *len,
    uint64_t *addr, struct ptc_insn *in);

/*
 * Decode the one instruction at the start of buf (len bytes, at address
 * addr) into in, as a stepper shows the instruction at the program
 * counter.  Returns its size, or 0 when len is 0.
 */
size_t ptc_dis_one(struct ptc_dis *d, const void *buf, size_t len,
    uint64_t addr, struct ptc_insn *in);

/*
 * Name of one group bit ("jump", "call", "ret", "int", "iret",
 * "privilege", "branch_relative", "data"), NULL for anything else.
 */
const char *ptc_dis_group_name(unsigned bit);

/*
 * The syscall a thread is about to make, from snapshot r taken at its
 * syscall instruction (see ptc_insn_is_syscall()): the number in *nr
 * and six arguments in args[] from the registers the CPU's convention
 * uses (x86_64: rax; rdi rsi rdx r10 r8 r9; i386: eax; ebx ecx edx esi
 * edi ebp; aarch64: x8; x0-x5).  *arch (may be NULL) gets the
 * AUDIT_ARCH_* value for ptc_sc_name().  0, or -1 ENOTSUP for code of a
 * CPU the library does not know.
 */
int ptc_regs_syscall_args(const struct ptc_regs *r, uint64_t *nr,
    uint64_t args[6], uint32_t *arch);
/*
 * 1 if in (decoded by d) is an instruction that makes a syscall:
 * x86_64 syscall; i386 int 0x80 and sysenter; aarch64 svc #0.  Else 0.
 */
int ptc_insn_is_syscall(const struct ptc_dis *d, const struct ptc_insn *in);
/*
 * 1 if in (decoded by d) is a breakpoint instruction: x86 int3 (and
 * int 3), aarch64 brk #N.  After its trap the pc is past int3 but still
 * on brk.  Else 0.
 */
int ptc_insn_is_breakpoint(const struct ptc_dis *d,
    const struct ptc_insn *in);

/* ------------------------------------------------------------------ */
/* Breakpoints and faults                                             */
/* ------------------------------------------------------------------ */

/*
 * Software breakpoints belong to a session: the original bytes are put
 * back by ptc_bp_remove(), ptc_bp_restore_all(), and on every way the
 * session ends (ptc_session_free, exit, cleanup signals), so a process
 * is never left with a breakpoint instruction in it.
 */

/*
 * Write a breakpoint at addr in process pid (a task of session s).
 * Errors: EEXIST there is one already; EFAULT addr is not mapped;
 * EACCES its mapping is not executable (detail names the mapping).
 */
int ptc_bp_insert(struct ptc_session *s, pid_t pid, uint64_t addr);
/* Put the original bytes back at addr; ENOENT if no breakpoint there. */
int ptc_bp_remove(struct ptc_session *s, uint64_t addr);
/* Put every breakpoint's original bytes back and forget them all. */
void ptc_bp_restore_all(struct ptc_session *s);
/*
 * Forget every breakpoint without writing (after an exec replaced the
 * memory they were written to).
 */
void ptc_bp_forget_all(struct ptc_session *s);
/* Number of breakpoints written now. */
size_t ptc_bp_count(const struct ptc_session *s);
/* 1 if a breakpoint is written at addr now. */
int ptc_bp_at(const struct ptc_session *s, uint64_t addr);
/*
 * Whether a trap event of task t came from one of the session's
 * breakpoints (including ones removed since, which another thread may
 * have hit just before): 1 with the breakpoint address in *addr and the
 * task's pc moved back onto it, so the original instruction runs when
 * the task resumes; 0 if it is some other trap; -1 on error.
 */
int ptc_bp_hit(struct ptc_session *s, struct ptc_task *t,
    const struct ptc_event *ev, uint64_t *addr);
/*
 * Replace breakpoint bytes in buf (len bytes read at addr from the
 * process) with the original bytes, so a disassembler sees the code.
 */
void ptc_bp_unpatch(const struct ptc_session *s, uint64_t addr, void *buf,
    size_t len);

/*
 * Entry point of the program process pid runs (ELF AT_ENTRY): where a
 * freshly started program has its libraries loaded and has not yet run
 * any of its own code (an ARM Thumb entry without its mode bit).
 */
int ptc_exec_entry(pid_t pid, uint64_t *entry);

/* Why a thread got a fault signal (struct ptc_fault kind). */
enum ptc_fault_kind {
	PTC_FAULT_OTHER,  /* a fault signal with nothing more to say */
	PTC_FAULT_READ,   /* invalid read of addr (size) */
	PTC_FAULT_WRITE,  /* invalid write of addr (size) */
	PTC_FAULT_NULL,   /* read or write near address 0 */
	PTC_FAULT_EXEC,   /* execution of unmapped or non-executable memory */
	PTC_FAULT_STACK,  /* stack overflow */
	PTC_FAULT_DIV,    /* integer division by zero */
	PTC_FAULT_DIVOVF, /* integer division overflow */
	PTC_FAULT_FP,     /* floating-point exception */
	PTC_FAULT_ILL,    /* illegal instruction */
	PTC_FAULT_BUS,    /* bus error */
	PTC_FAULT_TRAP,   /* a trap the tool did not set */
};

struct ptc_fault {
	enum ptc_fault_kind kind;
	int sig, code;       /* signal and si_code */
	uint64_t pc;         /* the faulting instruction */
	uint64_t addr;       /* the address accessed (or jumped to) */
	unsigned size;       /* bytes accessed; 0 unknown */
	int write;           /* the access was a write */
	char insn[256];      /* the faulting instruction, "" if unreadable */
	char reason[320];    /* "invalid write of 0x... (size 4): ..." */
	char where[320];     /* the mapping around the address, or "" */
};

/*
 * Explain a fault signal (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP)
 * that thread r of process pid stopped with: decode the instruction at
 * the pc and its memory operands with the registers of r, compare with
 * the kernel's si_addr, and look the address up in the mappings.  A
 * signal another process sent (si_code <= 0) is said to be one, kind
 * PTC_FAULT_OTHER.  Returns 0 and fills f, or -1 if sig is not a fault
 * signal.
 */
int ptc_fault_explain(pid_t pid, const struct ptc_regs *r,
    const siginfo_t *si, struct ptc_fault *f);
/* Short name of a fault kind for JSON: "invalid-read", "null", ... */
const char *ptc_fault_kind_name(enum ptc_fault_kind kind);

/* ------------------------------------------------------------------ */
/* Stepping and running to breakpoints                                */
/* ------------------------------------------------------------------ */

/*
 * A run lets process pid (a task of session s) go at full speed, with
 * its threads and, with PTC_TRACE_FORKS, its new threads, until
 * something worth a look happens: one of the session's breakpoints is
 * hit, a fault signal arrives (PTC_RUN_FAULTS), the process runs a new
 * program or ends.  At a hit or a fault every other thread is stopped
 * too (a thread that hit a breakpoint meanwhile has its pc put back, so
 * it meets the breakpoint again); ptc_run_next() then goes on from
 * there, or ptc_run_release() keeps one thread and lets the rest go.
 * Fork children of the process get the original bytes back (they have
 * their own copy of the memory) and run on untraced, unless the run
 * logs (ptc_run_log); vfork children, which share the memory, stay
 * traced while they run it, passing over the breakpoints that do not
 * log.
 */
struct ptc_run;

/* ptc_run_new flags. */
#define PTC_RUN_FAULTS 0x01 /* also stop at fault signals */

/* What stopped a run. */
enum ptc_run_kind {
	PTC_RUN_BREAK,  /* task hit the breakpoint at addr */
	PTC_RUN_LOG,    /* task hit the logging breakpoint at addr (see
			   ptc_run_log), at a function's first instruction
			   with its arguments args */
	PTC_RUN_FAULT,  /* task got fault signal sig (si), not yet delivered:
			   SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGSYS,
			   or a SIGTRAP from no breakpoint of the session */
	PTC_RUN_EXEC,   /* task ran a new program: the process's
			   breakpoints are forgotten (it has none) */
	PTC_RUN_EXITED, /* the process exited with status, and the fork
			   children the run follows have ended */
	PTC_RUN_KILLED, /* the process was killed by sig (core: dumped) */
};

struct ptc_run_event {
	enum ptc_run_kind kind;
	struct ptc_task *task;  /* stopped there; NULL when the process ended */
	pid_t tid;              /* its thread id */
	uint64_t addr;          /* PTC_RUN_BREAK: the breakpoint */
	int sig;                /* PTC_RUN_FAULT, PTC_RUN_KILLED */
	int status;             /* PTC_RUN_EXITED */
	int core;               /* PTC_RUN_KILLED */
	int at_start;           /* PTC_RUN_BREAK: task was stopped there
				   before the run began, and did not run */
	siginfo_t si;           /* PTC_RUN_FAULT */
	uint64_t args[6];       /* PTC_RUN_LOG: ptc_step_call_args() */
	const struct ptc_regs *regs; /* PTC_RUN_FAULT, PTC_RUN_LOG: the
				   task's registers (NULL if unread), valid
				   until the next ptc_run_next() */
};

/*
 * A run of process pid, whose tasks in s are stopped (attached with
 * PTC_ATTACH_STOP, or just spawned).  NULL/ENOMEM.
 */
struct ptc_run *ptc_run_new(struct ptc_session *s, pid_t pid,
    unsigned flags);
/*
 * Let the process go until the next event.  The first call resumes
 * every task, unless one is stopped on a breakpoint already: that is a
 * hit at once; a later one first moves the task of the last event past
 * its breakpoint (or delivers its fault signal) and resumes every task
 * stopped for the last event.  -1 with errno EINTR when a cleanup
 * signal arrived (see ptc_cleanup_signals), other errors with detail.
 */
int ptc_run_next(struct ptc_run *r, struct ptc_run_event *ev);
/*
 * End the run after an event: remove the breakpoints, give fork
 * children their original bytes, detach every task, children before
 * their parents, but keep (NULL: all)
 * and leave keep stopped where it is.  The breakpoints stay known to
 * the session (ptc_bp_hit), removed.
 */
int ptc_run_release(struct ptc_run *r, struct ptc_task *keep);
/*
 * Make the session's breakpoint at addr a logging one for run r: a hit
 * there is a PTC_RUN_LOG event, with the six integer arguments of the
 * function it starts, and the next ptc_run_next() goes on from it as
 * from any hit.  A run with logging breakpoints follows fork children:
 * each keeps them (the others get their bytes back) and logs until it
 * runs a new program or ends; vfork children, which share the memory,
 * are followed with any breakpoint.  -1 ENOMEM.
 */
int ptc_run_log(struct ptc_run *r, uint64_t addr);
/* Free the run (NULL accepted); tasks and breakpoints stay as they are. */
void ptc_run_free(struct ptc_run *r);
/*
 * Evaluate n breakpoint address expressions in target into addrs.  -1
 * with detail "breakpoint EXPR: why", or "breakpoint EXPR: same address
 * as EXPR2 (0x...)" when two name one address.
 */
int ptc_run_eval(struct ptc_target *target, const char *const *exprs,
    size_t n, uint64_t *addrs);
/*
 * The end of a tool's work on process pid: free s, which detaches
 * (restoring breakpoints) and lets the process run on, or with kill_it
 * kill it (a program s spawned, with spawned set, while still traced,
 * so it runs no further).  Returns the exit status a tool that started
 * the program passes on: its exit code or 128 + the signal that killed
 * it, waiting for its end when it was let run on; 0 for a process not
 * spawned and let run on; -1 if the wait failed.
 */
int ptc_run_end(struct ptc_session *s, pid_t pid, int spawned, int kill_it);
/* ptc_run_spawn flags. */
#define PTC_RUN_ENTRY 0x01 /* go on to the program's entry point */
/*
 * Start argv (searched in PATH) traced by s and let it run to its first
 * instruction after the exec, or with PTC_RUN_ENTRY on to its entry
 * point (ELF AT_ENTRY), where its libraries are loaded and none of its
 * own code has run (its other tasks are let go then): 0 with *tp
 * stopped there and ev of kind PTC_RUN_EXEC or PTC_RUN_BREAK (at_start
 * set when the exec left it at the entry point already), or 0 with
 * *tp NULL and ev telling how the program ended before.  -1 with detail
 * ("NAME: command not found", "process N: ..."), EINTR when a cleanup
 * signal arrived.
 */
int ptc_run_spawn(struct ptc_session *s, char *const argv[], unsigned flags,
    struct ptc_task **tp, struct ptc_run_event *ev);
/*
 * Die of sig the way a program did that a tool ran (its exit status is
 * then the program's): the default action, unblocked, no core of the
 * tool.  Returns only if sig did not end the process.
 */
void ptc_run_die(int sig);

/*
 * A stepper runs one stopped task an instruction at a time and says
 * what each step did, by the CPU's trap rules: an instruction ran, a
 * stop ran none (a signal handler entered, a syscall's report), the
 * program's own breakpoint instruction trapped, a signal arrived, an
 * exec, the end.  It holds the registers before and after the step and
 * the instruction at the pc, decoded in the task's mode.
 */
struct ptc_step;

/* ptc_step_new flags. */
#define PTC_STEP_AFTER_EXEC 0x01 /* t stopped at the end of an exec: its
				    first step runs no instruction */

/* What one step did. */
enum ptc_step_kind {
	PTC_STEP_INSN,    /* the instruction ran (insn.size 0: unreadable) */
	PTC_STEP_NONE,    /* a stop that ran no instruction */
	PTC_STEP_TRAP,    /* the instruction is a breakpoint instruction of
			     the program: it ran and trapped (si); the task
			     goes on after it at the next step */
	PTC_STEP_SIGNAL,  /* signal sig arrived (si), delivered at the next
			     step; fault: the instruction caused it */
	PTC_STEP_EXEC,    /* the instruction was an exec that succeeded */
	PTC_STEP_EXITED,  /* the process exited with status */
	PTC_STEP_KILLED,  /* the process was killed by sig (core) */
	PTC_STEP_STOPPED, /* the task is in group-stop by sig */
};

struct ptc_step_event {
	enum ptc_step_kind kind;
	uint64_t pc;                 /* where the instruction was */
	struct ptc_insn insn;        /* it, when it ran, faulted, exec'd or
					ended the process; else (or when
					unreadable) size 0 */
	int ran;                     /* it ran: INSN and TRAP */
	const struct ptc_regs *before; /* registers before the step */
	const struct ptc_regs *after;  /* and after: INSN, TRAP, SIGNAL */
	int sig;                     /* TRAP, SIGNAL, KILLED, STOPPED */
	int fault;                   /* SIGNAL: the instruction caused it */
	int status;                  /* EXITED */
	int core;                    /* KILLED: core dumped */
	siginfo_t si;                /* TRAP and SIGNAL */
};

/*
 * A stepper for stopped task t of session s; target (may be NULL) gives
 * the mappings, so code of read-only mappings is read once a page, and
 * is read again after an exec.  NULL with detail.
 */
struct ptc_step *ptc_step_new(struct ptc_session *s, struct ptc_task *t,
    struct ptc_target *target, unsigned flags);
/* The registers before the next step (valid until it). */
const struct ptc_regs *ptc_step_regs(struct ptc_step *st);
/*
 * The instruction the next step runs into *in: 0, or -1 when it cannot
 * be read (in->size 0).  *is_syscall (may be NULL) says whether it
 * makes a syscall (see ptc_insn_is_syscall()).
 */
int ptc_step_peek(struct ptc_step *st, struct ptc_insn *in,
    int *is_syscall);
/*
 * Run one instruction and describe it in *ev, whose pointers stay valid
 * until the next call.  -1 with errno EINTR when a cleanup signal
 * arrived, other errors with detail.
 */
int ptc_step_one(struct ptc_step *st, struct ptc_step_event *ev);
/*
 * As ptc_step_one(), but a call instruction that enters its function
 * runs at full speed until the function returns (a breakpoint at the
 * return address, hit with the stack pointer as it was before the call,
 * so a recursive call does not end it early): one event of kind
 * PTC_STEP_INSN with after the registers at the return, or the signal
 * (fault set), exec or end that came first.  New threads and fork
 * children are safe from the breakpoint only when s traces them
 * (PTC_TRACE_FORKS).
 */
int ptc_step_over(struct ptc_step *st, struct ptc_step_event *ev);
/*
 * The first six integer arguments of a function that thread tid of
 * snapshot r is at the first instruction of, by the calling convention
 * of its code (x86_64 rdi rsi rdx rcx r8 r9; i386 the stack above the
 * return address; aarch64 x0-x5).  0, or -1 with detail (ENOTSUP, or
 * EFAULT for an unreadable stack).
 */
int ptc_step_call_args(pid_t tid, const struct ptc_regs *r, uint64_t args[6]);
/*
 * The syscall the next instruction makes, decoded from the registers as
 * strace shows its entry, without the closing parenthesis and with the
 * arguments only known at its exit left out ("read(0, ..."): a malloc'd
 * string, its number in *nr.  NULL when it makes none.
 */
char *ptc_step_syscall(struct ptc_step *st, uint64_t *nr);
/*
 * The general registers (pc left out) that differ between ev->before
 * and ev->after, one a call from position *i on (start at 0), with the
 * new value in *val; NULL after the last.
 */
const struct ptc_reginfo *ptc_step_changed(const struct ptc_step_event *ev,
    size_t *i, uint64_t *val);
/* The signal the task is to get when it goes on (0: none). */
int ptc_step_signal(const struct ptc_step *st);
/*
 * How a step names addr of the process of target: "main+0x4" (symbol),
 * else "libc.so.6+0x1234" (module), else "?" (then -1), into buf.  The
 * mappings are read again when addr is in none of them (a library
 * loaded since).
 */
int ptc_step_where(struct ptc_target *target, uint64_t addr, char *buf,
    size_t len);
/*
 * The source line of addr (the stepper's target's process; for an
 * address in inlined code, the inlined function's own line), from
 * DWARF, into *file (valid until the next call) and *line: 2 when it
 * differs from the line of the previous call, 1 when it is the same,
 * 0 when it is not known (no target, no DWARF for addr).  Modules are
 * read again after an exec and when a library was loaded since.
 */
int ptc_step_source(struct ptc_step *st, uint64_t addr, const char **file,
    int *line);
/* Free the stepper (NULL accepted); the task stays as it is. */
void ptc_step_free(struct ptc_step *st);
/*
 * Where a fault happened, in source terms, to fp: a line "source
 * FILE:LINE" for pc (or "source   no DWARF line information" when the
 * executable has none), then thread tid's backtrace, one "frame    "
 * line per frame as ptc_frame_print() writes it; with json, objects
 * with "event" "source" and "frame".  Process pid's thread tid is
 * stopped (the fault of a run or a stepper).  0, or -1 with detail
 * when the unwind failed (the lines given stay given).
 */
int ptc_step_origin(FILE *fp, pid_t pid, pid_t tid, uint64_t pc, int json);

/* ------------------------------------------------------------------ */
/* Source lines and backtraces                                        */
/* ------------------------------------------------------------------ */

/*
 * The debug information of one process, through elfutils' libdwfl: the
 * modules it maps, their symbols, DWARF (from the file or from
 * /usr/lib/debug) and call frame information, each read when first
 * needed and kept.  Source lines, function names and inline frames come
 * from DWARF; a module without it still gives symbols and addresses, and
 * unwinding still works from .eh_frame, or from frame pointers where
 * libdwfl's CPU backend knows them.
 */
struct ptc_dwarf;

/* The debug information of process pid (nothing is read yet).  NULL. */
struct ptc_dwarf *ptc_dwarf_new(pid_t pid);
/*
 * The debug information of ELF file path on its own, at the addresses
 * it was linked at (for a disassembly of the file): source lines and
 * symbols, no unwinding.  NULL with detail.
 */
struct ptc_dwarf *ptc_dwarf_open_file(const char *path);
/* Free it (NULL accepted); the strings it gave out go with it. */
void ptc_dwarf_free(struct ptc_dwarf *d);
/*
 * Forget the modules and read the mappings again (a library loaded
 * since); the strings given out before become invalid.
 */
int ptc_dwarf_refresh(struct ptc_dwarf *d);
/*
 * 1 when the process's executable has DWARF line information, 0 when
 * not (a tool says so once and shows addresses and symbols), -1 when
 * its module cannot be found.
 */
int ptc_dwarf_exe_lines(struct ptc_dwarf *d);

/*
 * One source location of an address.  At an address inside inlined
 * code there are several, innermost first: the inlined function at the
 * line of the address, then each function it was inlined into at the
 * line of the call, the last being the function the code belongs to.
 * Strings live as long as the ptc_dwarf (until ptc_dwarf_refresh()).
 */
struct ptc_srcloc {
	const char *func;  /* function name from DWARF, NULL if unknown */
	const char *file;  /* source file as the line table names it (often
			      relative to the compilation directory), or
			      NULL */
	int line;          /* 0 if unknown */
	int column;        /* 0 if unknown */
	int inlined;       /* func was inlined into the next entry's func */
};

/*
 * The source locations of runtime address addr into loc (room for n,
 * innermost first); returns how many there are (more than n means
 * some were left out), 0 when the module of addr has no DWARF for it,
 * -1 ENOENT when addr is in no module.  For a return address, ask for
 * addr - 1 (the call), as ptc_dwarf_unwind() does.
 */
int ptc_dwarf_srcline(struct ptc_dwarf *d, uint64_t addr,
    struct ptc_srcloc *loc, size_t n);

/*
 * One frame of a backtrace.  Its strings are valid during the call of
 * the function it is given to.
 */
struct ptc_frame {
	unsigned n;          /* its number, 0 for the innermost */
	uint64_t pc;         /* the pc (a return address above frame 0) */
	int inlined;         /* a function inlined at pc into the next
				frame's function (same pc) */
	const char *module;  /* path of the module, NULL if none */
	uint64_t module_start; /* where the module is mapped */
	const char *sym;     /* ELF symbol (no version suffix), NULL if none;
				for an inlined frame, its function name */
	uint64_t symoff;     /* pc - symbol start (0 for inlined frames) */
	const char *func;    /* function from DWARF, NULL if unknown */
	const char *file;    /* source file, NULL if unknown */
	int line;            /* 0 if unknown */
};

/*
 * Unwind thread tid of the process, which the caller has stopped
 * (ptc_attach() with PTC_ATTACH_STOP, or a stop of a run or stepper),
 * with CFI from .eh_frame or DWARF, falling back to frame pointers;
 * calls fn for each frame, innermost first, the inlined functions at a
 * pc each as their own frame before the function they were inlined
 * into, until max frames (0: 256), the outermost, or a non-zero return
 * of fn.  Returns the number of frames given, or -1: ESRCH when the
 * thread is gone, other errors with detail (frames given before the
 * failure stay given).
 */
int ptc_dwarf_unwind(struct ptc_dwarf *d, pid_t tid, unsigned max,
    int (*fn)(const struct ptc_frame *f, void *arg), void *arg);

/*
 * Whether ptc_dwarf_unwind() gives source lines and inlined frames (on:
 * the default).  Off, it reads no DWARF but the call frame information:
 * the debug sections of a library (a compressed separate debug file for
 * libc) can cost more to read than the whole unwind.
 */
void ptc_dwarf_set_lines(struct ptc_dwarf *d, int on);

/*
 * Write frame f as one line, "#N  0xADDR  SYMBOL+0xOFF  MODULE
 * [FILE:LINE]": "??" for an unknown symbol or module, the module by
 * its file name, the source part only when known, " (inlined)" after it
 * for an inlined frame; names escaped as ptc_escape_bare() does.  With
 * json, one JSON object instead (n, pc, symbol, offset, module, file,
 * line, inlined; null for what is unknown), with prefix (may be NULL)
 * written right after its opening brace, for members of the caller's.
 */
int ptc_frame_print(FILE *fp, const struct ptc_frame *f, int json,
    const char *prefix);

/* ------------------------------------------------------------------ */
/* Syscall decoding                                                   */
/* ------------------------------------------------------------------ */

/*
 * Syscall names, classes and argument decoders come from per-CPU tables
 * (arch/x86_64/syscalls.tbl, one row per syscall naming a printer per
 * argument; the other CPUs' arch/<cpu>/syscalls.nr give their numbers
 * for those rows by name) and flag tables (lib/xlat/NAME.in), generated into C at build
 * time.  Tables are chosen by the AUDIT_ARCH_* value the kernel reports,
 * so a 32-bit task under a 64-bit kernel decodes with its own table.
 *
 * Text output is strace 6.1's, byte for byte where known.  JSON output
 * (ptc_fmt.json) gives each argument as a JSON value:
 *   numbers (ints, sizes, hex values below 2^53)   3, 832, 4096
 *   pointers                                        "0x7ffc1000", or null
 *   strings and buffers (cut at strsize, no "...")  "/etc/passwd"
 *   flags and named constants                       "O_RDONLY|O_CLOEXEC"
 *   descriptors (with decode_fds: an object)        3, {"fd":3,"path":"/x"}
 *   structures                                      {"st_mode":"S_IFREG|0644",..}
 *   arrays, signal sets                             ["ls","-l"], ["INT","TERM"]
 *   in-out values ("[16 => 8]" in text)             the value after the call
 * Abbreviations ("...") and comments ("/ * 3 vars * /") are left out;
 * named top-level arguments (clone's "flags=") are plain values.
 */

/* Name of syscall nr for an AUDIT_ARCH_* value, NULL if unknown. */
const char *ptc_sc_name(uint32_t arch, uint64_t nr);
/* Number of the syscall called name, or -1. */
long ptc_sc_lookup(uint32_t arch, const char *name);
/* One past the highest syscall number known for arch. */
uint64_t ptc_sc_count(uint32_t arch);

/* Syscall classes, as strace's -e trace=%file ... */
#define PTC_SCC_FILE    0x0001
#define PTC_SCC_NETWORK 0x0002
#define PTC_SCC_PROCESS 0x0004
#define PTC_SCC_SIGNAL  0x0008
#define PTC_SCC_MEMORY  0x0010
#define PTC_SCC_DESC    0x0020
#define PTC_SCC_IPC     0x0040
#define PTC_SCC_CREDS   0x0080
#define PTC_SCC_CLOCK   0x0100
#define PTC_SCC_STAT    0x0200
#define PTC_SCC_LSTAT   0x0400
#define PTC_SCC_FSTAT   0x0800
#define PTC_SCC_STATFS  0x1000
#define PTC_SCC_PURE    0x2000
#define PTC_SCC_FSTATFS 0x4000
/*
 * Classes of syscall nr; 0 for a number the table does not know (strace
 * traces such calls whatever class was asked for).
 */
unsigned ptc_sc_classes(uint32_t arch, uint64_t nr);
/*
 * Class bits for "file" or "%file" (also "%%stat" = stat, lstat and
 * fstat; "%%statfs" = statfs and fstatfs; "%net" = "%network"), 0 if
 * unknown.
 */
unsigned ptc_sc_class_parse(const char *name);

/* "SIGSEGV" for 11, NULL if unknown; number for a name (with or without SIG). */
const char *ptc_signame(int sig);
int ptc_sigparse(const char *name);
/* "ENOENT" for 2, NULL if unknown. */
const char *ptc_errname(int err);

/* How values are printed: strace's -s, -x/-xx, -v, -y/-yy; JSON. */
struct ptc_fmt {
	unsigned strsize;   /* -s: bytes of a string shown (32) */
	int xstyle;         /* 0, 1 (-x), 2 (-xx), 3 (hex escapes) */
	int verbose;        /* -v: unabbreviated structures */
	int decode_fds;     /* PTC_FDS_* bits: -y path, -yy all */
	int json;           /* structured output (see ptc_sc_exit) */
	unsigned column;    /* -a: column of "= RESULT" (0: 40) */
	int xlat;           /* -X: PTC_XLAT_ABBREV, _RAW or _VERBOSE */
	int raw;            /* -e raw=: this call's arguments undecoded */
	int noderef;        /* -e verbose=: this call's structures as addresses */
	int decode_pids;    /* -Y: PTC_PIDS_COMM, PTC_PIDS_NS bits */
};
/* What a descriptor is shown with (strace -y, -e decode-fds=). */
#define PTC_FDS_PATH     0x1  /* 3</etc/passwd> */
#define PTC_FDS_SOCKET   0x2  /* 3<TCP:[127.0.0.1:80->...]> */
#define PTC_FDS_DEV      0x4  /* 3</dev/null<char 1:3>> */
#define PTC_FDS_PIDFD    0x8  /* 3<pid:1234> */
#define PTC_FDS_ALL      0xf
/* How named constants and flags print (strace -X). */
#define PTC_XLAT_ABBREV  0  /* O_RDONLY|O_CLOEXEC */
#define PTC_XLAT_RAW     1  /* 0x80000 */
#define PTC_XLAT_VERBOSE 2  /* 0x80000 / * O_RDONLY|O_CLOEXEC * / */
/* What a process id is shown with (strace -Y, --decode-pids=). */
#define PTC_PIDS_COMM    0x1  /* 1234<bash> */
#define PTC_PIDS_NS      0x2  /* the id in the tracer's pid namespace too */

/* Per-task decoding state (what entry saw, for exit). */
struct ptc_scdec;
struct ptc_scdec *ptc_scdec_new(void);
void ptc_scdec_free(struct ptc_scdec *d);
/*
 * Where the decoders read tracee memory: by default ptc_mem_read() of
 * the pid passed to ptc_sc_enter(); replaceable for tests and fuzzing.
 */
void ptc_scdec_set_reader(struct ptc_scdec *d,
    ssize_t (*rd)(void *ctx, uint64_t addr, void *buf, size_t len),
    void *ctx);
/*
 * Syscall entry: write "name(" and the arguments known at entry, each
 * followed by ", " when more follow (exactly the text strace shows before
 * "<unfinished ...>").  In JSON mode nothing is written at entry.
 */
int ptc_sc_enter(struct ptc_scdec *d, FILE *fp, pid_t pid,
    const struct ptc_scinfo *si, const struct ptc_fmt *f);
/*
 * Syscall exit: write the rest of the arguments, ")", spaces up to
 * column 40 (see ptc_scdec_column), "= " and the decoded return value
 * ("-1 ENOENT (No such file or directory)", "0x7f...", "3</etc/passwd>",
 * "? ERESTARTSYS (To be restarted if SA_RESTART is set)"), without
 * newline or -T duration.  In JSON mode write the members
 * "syscall":"openat","args":[..],"retval":3 and, on failure,
 * "retval":-1,"errno":"ENOENT" (no braces) for the caller to wrap.  A
 * syscall that never returns (exit_group, execve that succeeded) is
 * finished with ptc_sc_noreturn(), which writes ") = ?" (JSON:
 * "retval":null).
 */
int ptc_sc_exit(struct ptc_scdec *d, FILE *fp, const struct ptc_scinfo *si,
    const struct ptc_fmt *f);
int ptc_sc_noreturn(struct ptc_scdec *d, FILE *fp, const struct ptc_fmt *f);
/*
 * Tell the decoder the output column at which the text of the next
 * ptc_sc_enter() or ptc_sc_exit() starts (the width of "[pid N] " and
 * timestamp prefixes, or of "<... read resumed>"), so that "= RESULT"
 * lands in column 40 as strace aligns it.  Without a call, entry text is
 * taken to start in column 0 and exit text to continue the entry's line.
 */
void ptc_scdec_column(struct ptc_scdec *d, unsigned col);
/* Name of the syscall the last ptc_sc_enter() saw ("<... read resumed>"). */
const char *ptc_sc_current(const struct ptc_scdec *d);
/* Write a siginfo as strace does: "{si_signo=SIGCHLD, si_code=...}". */
int ptc_siginfo_print(FILE *fp, const siginfo_t *si, const struct ptc_fmt *f);

/* ------------------------------------------------------------------ */
/* Tracing (the engine behind ptstrace)                               */
/* ------------------------------------------------------------------ */

/*
 * A syscall tracer with strace's options and output: the engine behind
 * ptstrace.  It owns a session, the per-task decoding state, the filters
 * (-e trace=, signal=, status=), the output files and the -c counters.
 */
struct ptc_trace;

struct ptc_trace_opts {
	int follow;           /* -f 1, -ff 2: follow forks and clones */
	const char *outfile;  /* -o FILE (NULL: stderr); with -ff FILE.PID */
	int append;           /* -A: append to -o FILE */
	int tstamp;           /* -t: PTC_TS_TIME (HH:MM:SS) or PTC_TS_UNIX */
	int tstamp_digits;    /* digits of its fraction: 0 (-t), 6 (-tt) .. 9 */
	int relative;         /* -r */
	int relative_digits;  /* digits of -r's fraction (6) */
	int durations;        /* -T */
	int durations_digits; /* digits of -T's fraction (6) */
	int summary;          /* -c 1 (summary only), -C 2 (and the trace) */
	const char *sortby;   /* -S: any key strace takes (NULL: time) */
	/* -U: comma list of summary columns (NULL: strace's default) */
	const char *summary_columns;
	long long overhead_ns; /* -O, see ptc_trace_overhead_parse() */
	int wallclock;        /* -w: -c counts wall time, not system CPU */
	int print_ip;         /* -i */
	int scno;             /* -n: "[NR] " before the syscall's name */
	unsigned quiet;       /* PTC_QUIET_* messages left out (-q, quiet=) */
	int json;             /* --json: JSON Lines */
	int stack;            /* -k: stack trace at each syscall */
	int no_seccomp;       /* never install a seccomp filter */
	int detach_execve;    /* -b execve */
	int kill_on_exit;     /* --kill-on-exit: tasks die with the tracer */
	/*
	 * -I 1 (anywhere): a cleanup signal ends the trace where it is, as
	 * if it had killed the tracer: the tasks are let go, but no line
	 * is finished and no detach is told.
	 */
	int killable;
	int debug;            /* -d: the tracer's events on stderr */
	struct ptc_fmt fmt;   /* -s -x -v -y -a -X */
};
#define PTC_TS_TIME 1
#define PTC_TS_UNIX 2
/* Messages -q and -e quiet= leave out. */
#define PTC_QUIET_ATTACH          0x01 /* Process N attached/detached */
#define PTC_QUIET_EXIT            0x02 /* +++ exited with N +++ */
#define PTC_QUIET_PATH_RESOLUTION 0x04 /* -P: Requested path resolved */
#define PTC_QUIET_PERSONALITY     0x08 /* [ Process PID=N runs in ... ] */
#define PTC_QUIET_THREAD_EXECVE   0x10 /* +++ superseded by execve +++ */

/*
 * A tracer with the given options (copied); NULL on failure, EINVAL
 * with strace's message for a bad sortby or summary_columns.
 */
struct ptc_trace *ptc_trace_new(const struct ptc_trace_opts *o);

/*
 * Parse -O's OVERHEAD[UNIT] as strace does: a non-negative integer or
 * decimal number, UNIT s, ms, us (the default) or ns, into *nsp
 * nanoseconds (saturated).  -1 EINVAL with "invalid -O argument: 'S'".
 */
int ptc_trace_overhead_parse(const char *s, long long *nsp);

/*
 * Apply one -e expression: "trace=SET" (or a bare SET), "signal=SET",
 * "status=SET", "abbrev=", "verbose=", "raw=" (accepted).  SET is a
 * comma list of syscall names, %classes, /regex, all and none; a leading
 * ! inverts it; ?name ignores an unknown name.  "read=FDS" and
 * "write=FDS" (descriptor numbers, all, none, a leading !) dump the data
 * a syscall read from or wrote to those descriptors after its line, as
 * strace does (JSON: a "read_data" or "write_data" member, the bytes in
 * hex, the buffers of a vectored call one after another).  -1 EINVAL
 * with detail.
 */
int ptc_trace_expr(struct ptc_trace *tr, const char *expr);

/*
 * -P PATH: show only the syscalls that use path (or what it resolves
 * to, told on stderr when the tracing starts): as a path argument, or
 * through a descriptor argument open on it.  Up to 256 paths, each call
 * adding one; -1 E2BIG beyond.
 */
int ptc_trace_path(struct ptc_trace *tr, const char *path);

/*
 * Start argv (searched in PATH) under the tracer; with a trace= filter
 * a seccomp-bpf program is installed in the child before the exec so
 * untraced syscalls never stop.  The first program spawned gives the
 * status returned by ptc_trace_run().
 */
int ptc_trace_spawn(struct ptc_trace *tr, char *const argv[],
    const struct ptc_spawn_opts *so);

/* Attach to process pid and all its threads (-p). */
int ptc_trace_attach(struct ptc_trace *tr, pid_t pid);

/*
 * Trace until no task is left or a cleanup signal arrives (then every
 * task is detached).  Returns the exit status to leave with, strace's
 * way: the spawned program's exit code, or 128+signal with *sig set to
 * the signal that killed it (0 otherwise) so the caller can re-raise it.
 */
int ptc_trace_run(struct ptc_trace *tr, int *sig);

/* Detach from what is left, close the output and free. */
void ptc_trace_free(struct ptc_trace *tr);

/*
 * Write one of ptstrace's tips (--tips): number id (any number picks
 * one; -1 a random one), framed in a box, or with full, the whole tip
 * with its heading.
 */
int ptc_trace_tip(FILE *fp, int id, int full);

/*
 * strace 6.1's command line as a model, for a tool that reads argv with
 * getopt_long and hands each option here: the option/qualifier
 * semantics, strace's cross-checks between options with its messages,
 * and the tracer built from the result.  A refused option or command
 * line fails with -1 and strace's message in ptc_error();
 * ptc_trace_cli_failure() then says how strace reports it.
 */
struct ptc_trace_cli;

#define PTC_TCLI_FAIL  1 /* "PROG: MESSAGE", exit 1 (the system refused) */
#define PTC_TCLI_BAD   2 /* "PROG: MESSAGE", exit 2 */
#define PTC_TCLI_USAGE 3 /* "PROG: MESSAGE", "Try 'PROG -h' ...", exit 2 */

/* An empty command line: strace's defaults. */
struct ptc_trace_cli *ptc_trace_cli_new(void);

/*
 * Take one option as read, checked as strace checks it then: opt is its
 * short letter (0 for a long option without one), lname the long name
 * it was given by (NULL for the short form), arg its argument or NULL.
 * A long option that is no other option is an -e qualifier
 * (--trace=SET is -e trace=SET).  -e expressions are parsed here, in
 * command-line order.  -h and -V are the tool's.  arg must outlive c.
 */
int ptc_trace_cli_opt(struct ptc_trace_cli *c, int opt, const char *lname,
    const char *arg);

/*
 * The checks strace makes once the options are read, nargs being the
 * number of operands (the program and its arguments); warnings go to
 * stderr as strace words them.
 */
int ptc_trace_cli_check(struct ptc_trace_cli *c, int nargs);

/*
 * Open the output, attach the -p processes and start argv (nargs
 * operands, NULL-ended), as strace does: the cleanup signal handlers,
 * the dispositions -I asks for and the release of standard input and
 * output (a pipe to or from the program ends with it) come with it.
 * Returns the tracer, the caller's to run and free; NULL on failure.
 */
struct ptc_trace *ptc_trace_cli_start(struct ptc_trace_cli *c,
    char *const argv[]);

/*
 * How the last refusal is to be told: PTC_TCLI_FAIL, _BAD or _USAGE,
 * with *msgp its whole message (ptc_error() may hold only its start),
 * valid until the next call with c.
 */
int ptc_trace_cli_failure(const struct ptc_trace_cli *c, const char **msgp);

/* Write the tip --tips asked for to fp (nothing without --tips). */
int ptc_trace_cli_tip(const struct ptc_trace_cli *c, FILE *fp);

/* Free c (and its tracer, if not started). */
void ptc_trace_cli_free(struct ptc_trace_cli *c);

/* ------------------------------------------------------------------ */
/* Output: escaping, JSON, hex dumps, progress                        */
/* ------------------------------------------------------------------ */

/*
 * Write len bytes as a canonical hexdump (16 bytes a line, offsets shown
 * as the process's addresses starting at addr) to fp.
 */
int ptc_hexdump(FILE *fp, uint64_t addr, const void *buf, size_t len);

/*
 * Write s (len bytes) as a JSON string, with quotes, to fp: the one
 * JSON string encoder of the suite.  Valid UTF-8 is written as it is;
 * each byte that is not part of a valid UTF-8 sequence (a stray
 * continuation byte, an overlong form, a surrogate, a code point past
 * U+10FFFF) is written as \u00XX, the code point of the same number,
 * so the output is always valid JSON.  '"' and '\\' are escaped, as
 * are control characters (\b \f \n \r \t, the others \u00XX).
 */
int ptc_json_str(FILE *fp, const void *s, size_t len);

/*
 * Write len bytes as strace quotes a string, double quotes included:
 * \n \t \r \v \f \" \\ and octal (\1, or \001 when a digit follows)
 * for the rest of what is not printable ASCII.  hex 1 (strace -x): if
 * any byte is neither printable nor white space, the whole string is
 * written as \xHH; hex 2 (-xx): always; hex 3 (--strings-in-hex=
 * non-ascii-chars): \xHH in place of each octal escape.
 */
int ptc_escape(FILE *fp, const void *s, size_t len, int hex);
/*
 * The escapes of ptc_escape() with hex 0 but without the quotes: for a
 * bare field of an output line (a mapping path, a string read by
 * ptpeek -s) that must not carry raw control bytes to a terminal.
 */
int ptc_escape_bare(FILE *fp, const void *s, size_t len);
/*
 * The NUL-terminated name s (a symbol or path from a file or a process)
 * escaped as ptc_escape_bare() does, into buf of len bytes, cut short
 * before an escape that would not fit; returns buf.  For text built in
 * a buffer: "\33" for ESC, "\\" for a backslash, octal for bytes that
 * are not printable ASCII (UTF-8 included), so no terminal escape
 * sequence passes.
 */
const char *ptc_escape_name(char *buf, size_t len, const char *s);

/*
 * A one-line progress report on stderr for long work (large reads and
 * searches, long single-step runs).  It is drawn only when stderr is a
 * terminal of which the process is in the foreground, never in the first
 * quarter second (short work shows nothing), at most ten times a second,
 * as "TOOL: WHAT DONE of TOTAL (PCT%)" or "TOOL: WHAT DONE" when the total
 * is unknown, and blanked by ptc_progress_end() (or at exit), so output to
 * files and pipes is never touched.  Call ptc_progress_end() before
 * writing anything else to stderr, err(3) included, so the message does
 * not land on the progress line.
 */
struct ptc_progress;

#define PTC_PROGRESS_BYTES 0x01 /* counts are bytes: shown in KiB, MiB, GiB */

/*
 * Start a report: what says what is being done ("reading", "searching"),
 * total is the amount of work in the unit of the counts (0: unknown).
 * NULL only when out of memory; the other calls accept NULL and do
 * nothing, so a tool need not check.
 */
struct ptc_progress *ptc_progress_new(const char *what, uint64_t total,
    unsigned flags);
/* done of the total is finished; cheap enough to call for each step. */
void ptc_progress_update(struct ptc_progress *p, uint64_t done);
/* Blank the line if one was drawn and free p.  NULL is accepted. */
void ptc_progress_end(struct ptc_progress *p);

#ifdef __cplusplus
}
#endif
#endif /* PTCORE_H */
