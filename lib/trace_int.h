/*
 * trace_int.h: what the files of the tracing engine (lib/trace*.c) share
 * and nothing else sees.
 */
#ifndef PTC_TRACE_INT_H
#define PTC_TRACE_INT_H

#include <regex.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include <linux/audit.h>

#include "ptcore.h"

/* The audit arch of native syscalls and of the compat ABI, if any. */
#if defined(__x86_64__)
#define PTC__ARCH_NATIVE AUDIT_ARCH_X86_64
#define PTC__ARCH_COMPAT AUDIT_ARCH_I386
#elif defined(__aarch64__)
#define PTC__ARCH_NATIVE AUDIT_ARCH_AARCH64
#define PTC__ARCH_COMPAT AUDIT_ARCH_ARM
#elif defined(__powerpc64__) && defined(__LITTLE_ENDIAN__)
#define PTC__ARCH_NATIVE AUDIT_ARCH_PPC64LE
#define PTC__ARCH_COMPAT 0
#elif defined(__i386__)
#define PTC__ARCH_NATIVE AUDIT_ARCH_I386
#define PTC__ARCH_COMPAT 0
#elif defined(__arm__)
#define PTC__ARCH_NATIVE AUDIT_ARCH_ARM
#define PTC__ARCH_COMPAT 0
#else
#error "no audit arch known for this CPU"
#endif

#define PTC__NARCH 2

struct ptc__scmap {
	uint32_t arch;
	size_t n;
	uint8_t *bits;
};

/* One token of a syscall set: a name, a %class, a /regex or a number. */
struct ptc__sctok {
	int kind;
	unsigned pers;      /* PTC__PERS_* bits it applies to (@64 @32 @x32) */
	char *name;
	unsigned classes;
	uint64_t nr;
	regex_t re;
};
#define PTC__PERS_64  0x1
#define PTC__PERS_32  0x2
#define PTC__PERS_X32 0x4
#define PTC__PERS_ALL 0x7

/* A syscall set as parsed from "-e trace=SET" (also abbrev= verbose= raw=). */
struct ptc__scset {
	int invert;
	int all;
	struct ptc__sctok *tok;
	size_t ntok;
	struct ptc__scmap map[PTC__NARCH];
};

int ptc__scset_parse(struct ptc__scset *set, const char *spec);
void ptc__scset_all(struct ptc__scset *set);
void ptc__scset_free(struct ptc__scset *set);
int ptc__scset_has(struct ptc__scset *set, uint32_t arch, uint64_t nr);
int ptc__scset_is_all(const struct ptc__scset *set);
/* The set as one byte per syscall number of arch, n numbers. */
const uint8_t *ptc__scset_bits(struct ptc__scset *set, uint32_t arch,
    size_t *np);

/* Outcomes of a syscall, for -e status= (-z, -Z). */
#define PTC__ST_SUCCESSFUL  0x01
#define PTC__ST_FAILED      0x02
#define PTC__ST_UNFINISHED  0x04
#define PTC__ST_UNAVAILABLE 0x08
#define PTC__ST_DETACHED    0x10
#define PTC__ST_ALL         0x1f

int ptc__status_parse(const char *spec, unsigned *maskp);

/*
 * A comma list of names (with all, none and leading ! inverting) into a
 * mask of their bits; -1 EINVAL "invalid WHAT 'token'" as strace says.
 */
struct ptc__bitname {
	const char *name;
	unsigned bit;
};
int ptc__bitset_parse(const char *spec, const struct ptc__bitname *names,
    size_t n, const char *what, unsigned *maskp);
/* Bit sig-1 set for each signal of the set. */
int ptc__sigset_parse(const char *spec, uint64_t *setp);

/* Columns of the -c table (-U) and sort keys (-S), in strace's order. */
enum {
	PTC__CSC_NONE,    /* end of a column list; as a sort key: by number */
	PTC__CSC_PERCENT, /* % time */
	PTC__CSC_TOTAL,   /* seconds */
	PTC__CSC_MIN,     /* shortest */
	PTC__CSC_MAX,     /* longest */
	PTC__CSC_AVG,     /* usecs/call */
	PTC__CSC_CALLS,
	PTC__CSC_ERRORS,
	PTC__CSC_NAME,    /* syscall */
	PTC__CSC_N
};

/* -c counters for one syscall; the times have the overhead taken off. */
struct ptc__scstat {
	uint64_t calls;
	uint64_t errors;
	struct timespec time;
	struct timespec min;
	struct timespec max;
};

/* Counters per arch, indexed by syscall number, and how to show them. */
struct ptc__stats {
	struct {
		uint32_t arch;
		size_t n;
		struct ptc__scstat *st;
	} a[PTC__NARCH];
	uint8_t cols[PTC__CSC_N + 1]; /* PTC__CSC_NONE-terminated */
	int sortby;
	struct timespec overhead;
};

/*
 * Empty counters showing columns (-U, NULL: strace's default) sorted by
 * sortby (-S, NULL: time), each call's time less overhead_ns (-O).  -1
 * EINVAL with strace's message for a bad column list or sort key.
 */
int ptc__stats_init(struct ptc__stats *s, const char *columns,
    const char *sortby, long long overhead_ns);
/* Count one call that returned, error or not, which took dt. */
void ptc__stats_add(struct ptc__stats *s, uint32_t arch, uint64_t nr,
    int error, const struct timespec *dt);
/* Print strace's -c table, one per ABI used; nothing if none was. */
int ptc__stats_print(struct ptc__stats *s, FILE *fp);
void ptc__stats_free(struct ptc__stats *s);

/*
 * Name the call a task was blocked in when the tracer came (its exit,
 * "= ? ERESTART_RESTARTBLOCK", was never seen), for the next
 * restart_syscall's "<... resuming interrupted NAME ...>".  name must
 * outlive d (a ptc_sc_name() result does).  In lib/scdec.c.
 */
void ptc__scdec_interrupted(struct ptc_scdec *d, const char *name);

/*
 * Turn an i386 socketcall or ipc in *si into the subcall it stands for
 * (number and arguments, lib/sc_mux.c), reading its argument array from
 * pid through d's reader; 1 if it did.  Filters and counters then see
 * the subcall, and ptc_sc_enter() shows it.  In lib/scdec.c.
 */
int ptc__scdec_demux(struct ptc_scdec *d, pid_t pid, struct ptc_scinfo *si);

/*
 * The set as seccomp needs it for arch: a multiplexer is traced when
 * any of its subcalls is (user space then filters the subcall), and the
 * subcall rows, unknown to the kernel, are left out.  *np numbers;
 * free() the result.
 */
uint8_t *ptc__scset_seccomp_bits(struct ptc__scset *set, uint32_t arch,
    size_t *np);

/* A descriptor set as parsed from "-e read=SET" or "-e write=SET". */
struct ptc__fdset {
	int invert;
	int *fds;
	size_t n;
};

/* Numbers, all, none, a leading ! (lib/sc_dump.c); -1 EINVAL. */
int ptc__fdset_parse(struct ptc__fdset *set, const char *spec);
int ptc__fdset_has(const struct ptc__fdset *set, int fd);
int ptc__fdset_empty(const struct ptc__fdset *set);
void ptc__fdset_free(struct ptc__fdset *set);

/*
 * After the line of syscall nr of arch (arguments a, result rval) ends,
 * dump the data it read from a descriptor of rd or wrote to one of wr
 * to fp as strace does; with json, write a ',"read_data":"HEX"' or
 * ',"write_data":"HEX"' member instead (the buffers one after another).
 */
void ptc__dumpio(FILE *fp, int json, const struct ptc__fdset *rd,
    const struct ptc__fdset *wr, pid_t pid, uint32_t arch, uint64_t nr,
    const uint64_t a[6], int64_t rval, int is_error);

/* -P: the paths whose syscalls are traced (lib/trace_path.c). */
struct ptc__pathset {
	char **paths;         /* as given, then their resolutions */
	size_t n;
	size_t ngiven;
	size_t checked;       /* paths[0..checked) are resolved */
	int resolved;
	struct {
		uint32_t arch;
		size_t n;
		uint8_t *kind;
	} map[PTC__NARCH];
};

#define PTC__PATHS_MAX 256

int ptc__pathset_add(struct ptc__pathset *ps, const char *path);
/*
 * Add what each given path resolves to (realpath), telling on stderr
 * unless quiet (quoted as -x asks), as strace does once its options are
 * read.
 */
void ptc__pathset_resolve(struct ptc__pathset *ps, int quiet, int xstyle);
/* Whether syscall nr of arch with arguments a, made by pid, uses a path. */
int ptc__pathset_match(struct ptc__pathset *ps, pid_t pid, uint32_t arch,
    uint64_t nr, const uint64_t a[6]);
void ptc__pathset_free(struct ptc__pathset *ps);

/*
 * -e inject= and -e fault= (lib/trace_inject.c): the rules of a trace
 * and, per task, the invocation counters and what was done to the
 * syscall under way.  Every function takes a NULL rule set (no
 * tampering asked for) and does nothing then.
 */
struct ptc__inject;
struct ptc__injtask;

/*
 * Add one inject= expression (fault: a fault= one) to *ip, made on first
 * use; a syscall named by several takes the last one's rule, as strace
 * does.  -1 EINVAL with strace's message.
 */
int ptc__inject_parse(struct ptc__inject **ip, const char *spec, int fault);
void ptc__inject_free(struct ptc__inject *inj);
/*
 * Tell on stderr, once, of retval= values a program will take for an
 * error (strace's warnings), when tracing starts.
 */
void ptc__inject_warn(struct ptc__inject *inj);
void ptc__injtask_free(struct ptc__injtask *it);
/*
 * At the entry (or seccomp) stop of a traced syscall of task t: count
 * the invocation and tamper with it when its turn has come (number,
 * memory, delay).  Returns the signal to deliver as t resumes, or 0.
 */
int ptc__inject_enter(struct ptc__inject *inj, struct ptc__injtask **itp,
    struct ptc_task *t, const struct ptc_scinfo *si);
/*
 * At its exit stop: set the injected result (and put it in *si as
 * strace shows it), poke, delay.  Returns the signal to deliver as t
 * resumes, or 0.
 */
int ptc__inject_exit(struct ptc__inject *inj, struct ptc__injtask *it,
    struct ptc_task *t, struct ptc_scinfo *si);
/*
 * strace's " (INJECTED)", " (INJECTED: args)", " (DELAYED)"... after the
 * result of the syscall that ends, or the JSON members "injected",
 * "poked" and "delayed".
 */
void ptc__inject_note(const struct ptc__injtask *it, FILE *fp, int json);
/*
 * After the stop of t was handled: when a delay is due, keep t stopped
 * (1) to be resumed by ptc__inject_release() with how and sig.
 */
int ptc__inject_hold(struct ptc__inject *inj, struct ptc__injtask *it,
    struct ptc_task *t, enum ptc_resume how, int sig);
/*
 * Before waiting for the next event: resume the held tasks whose time
 * has come, and while some are held and no other task has anything to
 * report, sleep until the first one's time.  -1 EINTR on a signal.
 */
int ptc__inject_release(struct ptc__inject *inj);

/*
 * A tracer made in two steps, so that the command line's -e expressions
 * can go into it as they are read (ptc_trace_expr) before the options
 * are all known: ptc__trace_alloc() makes one with strace's defaults
 * (everything traced, abbreviated and shown) and no output;
 * ptc__trace_setup() then gives it its options, keeping what quiet=,
 * decode-fds= and decode-pids= expressions said, and opens the output.
 * ptc_trace_new() is the two at once.  -1 as ptc_trace_new() fails.
 */
struct ptc_trace *ptc__trace_alloc(void);
int ptc__trace_setup(struct ptc_trace *tr, const struct ptc_trace_opts *o);

/*
 * Open trace output (lib/trace_out.c): name "|cmd" or "!cmd" runs cmd
 * with the output on its stdin, else the file name is created (appended
 * to with append).  A write the system refuses is said once on stderr,
 * the lines it held are dropped and counted, and fclose() reports the
 * count.  *tty (may be NULL): the output is a terminal; *cmdpid (may
 * be NULL): the command's pid, 0 for a file.  NULL/errno.
 */
FILE *ptc__out_open(const char *name, int append, int *tty,
    pid_t *cmdpid);

/*
 * -k: write " > /lib/x.so(func+0xoff) [0xaddr]\n" lines for stopped
 * thread tid of the process of d (lib/unwind.c).
 */
int ptc__unwind_print(struct ptc_dwarf *d, pid_t tid, FILE *fp);

#endif
