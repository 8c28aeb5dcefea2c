/*
 * sc_priv.h: what the syscall decoders share inside libptcore.
 *
 * A syscall table row (generated from arch/<cpu>/syscalls.tbl by
 * mk/scgen.awk) names a printer for each argument and for the return
 * value; a flag or enum table (generated from lib/xlat/NAME.in by
 * mk/xlatgen.awk) is a list of value/name pairs.  The printers live in
 * lib/sc_*.c grouped by syscall family and all write through the
 * helpers below, which know about text and JSON output.
 */
#ifndef PTC_SC_PRIV_H
#define PTC_SC_PRIV_H

#include <signal.h>
#include <stdint.h>
#include <stdio.h>

#include "ptcore.h"

struct ptc__xlat {
	uint64_t val;
	const char *name;
};

struct ptc__xtab {
	const struct ptc__xlat *v;
	unsigned n;
};

struct ptc__dc;
struct ptc__arg;

typedef void ptc__afn(struct ptc__dc *, const struct ptc__arg *, uint64_t);
typedef void ptc__rfn(struct ptc__dc *, int64_t);

struct ptc__arg {
	ptc__afn *fn;
	const struct ptc__xtab *x;  /* flag/enum table, or NULL */
	int aux;                    /* kind-specific (length arg index) */
	int out;                    /* 1 at exit, 2 in-out, 3 split */
	int opt;                    /* at exit, and may print nothing */
};

struct ptc__scent {
	const char *name;
	unsigned classes;
	ptc__rfn *ret;
	int nargs;                  /* -1: unknown, show six raw values */
	struct ptc__arg args[6];
};

/* A growing output buffer: decoders format a line here, then write it. */
struct ptc__sb {
	char *p;
	size_t len, cap;
	int oom;
};

void ptc__sb_putc(struct ptc__sb *b, char ch);
void ptc__sb_puts(struct ptc__sb *b, const char *s);
void ptc__sb_write(struct ptc__sb *b, const void *s, size_t len);
void ptc__sb_printf(struct ptc__sb *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Escape as ptc_escape() does, into b. */
void ptc__sb_escape(struct ptc__sb *b, const void *s, size_t len, int hex);
/* A path shown in <...> after a descriptor (-y): escaped, no quotes. */
void ptc__sb_escape_path(struct ptc__sb *b, const char *path);
/* A command name shown in <...> (-Y): '<' and '>' escaped too. */
void ptc__sb_escape_angle(struct ptc__sb *b, const char *s);
void ptc__sb_json(struct ptc__sb *b, const void *s, size_t len);

/* Everything a printer may look at, kept between entry and exit. */
struct ptc__dc {
	struct ptc__sb *o;
	const struct ptc_fmt *f;
	pid_t pid;
	uint32_t arch;
	uint64_t nr;
	uint64_t a[6];
	const struct ptc__scent *e;
	int exiting;
	int64_t rval;               /* at exit */
	int is_error;
	int wordsize;               /* 8 or 4 (compat tasks) */
	uint64_t sp;
	uint64_t saved[6];          /* per-argument values seen at entry */
	int saved_ok[6];
	int cur;                    /* index of the argument being printed */
	const char *restart;        /* call interrupted by ERESTART_RESTARTBLOCK */
	int ts64;                   /* 64-bit time structures (32-bit task) */
	int nprinted;               /* arguments written so far */
	int depth;                  /* struct/array nesting */
	unsigned nreads;            /* tracee reads since entry or exit */
	unsigned items[16];         /* items written at each depth */
	int after_field;            /* a "name=" was just written */
	ssize_t (*rd)(void *, uint64_t, void *, size_t);
	void *rdctx;
};

/* Hard caps on what a tracee value can make the decoders read. */
#define PTC__STR_MAX   4096    /* bytes of a path (PATH_MAX) */
#define PTC__ARR_MAX   1024    /* elements of any array shown */
#define PTC__BUF_MAX   65536   /* bytes of a buffer read at once */
/*
 * Tracee reads of one entry or exit: nested arrays (sendmmsg's messages,
 * each with its iovecs and control messages) multiply the per-array
 * caps; past this the rest prints as addresses.
 */
#define PTC__READS_MAX 32768

/* Read tracee memory; returns bytes read (short/-1 on fault). */
ssize_t ptc__rd(struct ptc__dc *c, uint64_t addr, void *buf, size_t len);
/* Read exactly len bytes or fail (-1). */
int ptc__rdall(struct ptc__dc *c, uint64_t addr, void *buf, size_t len);

/* The separator a value inside a structure or array needs. */
void ptc__pre(struct ptc__dc *c);
/* Primitive writers (text or JSON according to c->f->json). */
void ptc__p_addr(struct ptc__dc *c, uint64_t v);   /* NULL / 0x... */
void ptc__p_int(struct ptc__dc *c, int64_t v);
void ptc__p_uint(struct ptc__dc *c, uint64_t v);
void ptc__p_hex(struct ptc__dc *c, uint64_t v);
void ptc__p_oct(struct ptc__dc *c, uint64_t v);
void ptc__p_raw(struct ptc__dc *c, const char *s); /* text as is; JSON string */
/* Strings: quoted, escaped, with -s truncation. */
void ptc__p_bytes(struct ptc__dc *c, const void *s, size_t len, int more);
void ptc__p_str(struct ptc__dc *c, uint64_t addr, size_t max);
void ptc__p_path(struct ptc__dc *c, uint64_t addr);
void ptc__p_buf(struct ptc__dc *c, uint64_t addr, uint64_t len);
/* Flags and enums; dflt printed when v is 0 and no name matches. */
void ptc__p_flags(struct ptc__dc *c, const struct ptc__xtab *x, uint64_t v,
    const char *dflt);
void ptc__p_enum(struct ptc__dc *c, const struct ptc__xtab *x, uint64_t v,
    const char *unknown);
const char *ptc__xname(const struct ptc__xtab *x, uint64_t v);
/* Flags into a string, always by name (strace's auxiliary texts). */
char *ptc__sflags(char *s, size_t len, const struct ptc__xtab *x, uint64_t v,
    const char *dflt);
/*
 * The -X style (strace's const-print-style): raw shows numbers only,
 * verbose the number and the names in a comment, abbrev (and JSON)
 * the names.  Printers that put names together themselves go through
 * these so that every style comes out as strace's.
 */
int ptc__xstyle(const struct ptc__dc *c);
/* Flags as ptc__p_flags() shows them, into s (for composites). */
char *ptc__xsflags(const struct ptc__dc *c, char *s, size_t len,
    const struct ptc__xtab *x, uint64_t v, const char *dflt);
/* A number (text num) whose name (NULL: none) is name, styled. */
char *ptc__sxnum(char *s, size_t len, int style, const char *num,
    const char *name);
/* The same with v formatted by fmt: 'x' hex, 'd', 'u', 'o' octal. */
char *ptc__sxval(char *s, size_t len, int style, uint64_t v, int fmt,
    const char *name);
void ptc__p_xval(struct ptc__dc *c, uint64_t v, int fmt, const char *name);
void ptc__p_fd(struct ptc__dc *c, int fd);

/* Structures and arrays: text "{a=1, b=2}" / JSON {"a":1,"b":2}. */
void ptc__s_open(struct ptc__dc *c);
void ptc__s_close(struct ptc__dc *c);
void ptc__s_field(struct ptc__dc *c, const char *name); /* "name=" */
void ptc__s_more(struct ptc__dc *c);  /* ", ..." (abbreviated) */
void ptc__l_open(struct ptc__dc *c);
void ptc__l_close(struct ptc__dc *c);
void ptc__l_sep(struct ptc__dc *c);   /* between elements */
void ptc__p_comment(struct ptc__dc *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));  /* " / * x * /" text only */

/* A comment with the date of a time, as strace adds with -v (text only). */
void ptc__p_time_comment(struct ptc__dc *c, int64_t sec, int64_t nsec);

/* struct timespec at addr (NULL, or the address when unreadable). */
void ptc__p_timespec(struct ptc__dc *c, uint64_t addr);

/* An iovec array; out: only the first left bytes hold data. */
void ptc__p_iovec(struct ptc__dc *c, uint64_t v, uint64_t n, int out,
    uint64_t left);
/* A sockaddr of len bytes at addr. */
void ptc__p_sockaddr(struct ptc__dc *c, uint64_t addr, uint64_t len);

/* Signal sets and signals. */
void ptc__p_sigset(struct ptc__dc *c, const void *set, size_t len);
void ptc__p_signo(struct ptc__dc *c, int sig);

/*
 * Process ids.  strace tells four kinds apart: the command name (-Y)
 * belongs to a thread or a process, and a pid namespace numbers each
 * kind in its own list of /proc/PID/status (NSpid, NStgid, NSpgid,
 * NSsid).
 */
#define PTC__PID_TID  PTC_OS_PID_TID
#define PTC__PID_TGID PTC_OS_PID_TGID
#define PTC__PID_PGID PTC_OS_PID_PGID
#define PTC__PID_SID  PTC_OS_PID_SID
/*
 * An id of kind as task c->pid sees it: "1234", with -Y "1234<comm>",
 * with --decode-pids=pidns " / * 5678 in strace's PID NS * /" after it
 * when the tracer numbers it otherwise.
 */
void ptc__p_pid(struct ptc__dc *c, int64_t id, int kind);
/* kill's, wait4's and F_SETOWN's: a process above 0, a group below -1. */
void ptc__p_pid_pgrp(struct ptc__dc *c, int64_t id);
/* The same with only the task's pid, for lines outside a syscall. */
int ptc__siginfo_print_task(FILE *fp, const siginfo_t *si,
    const struct ptc_fmt *f, pid_t pid);

/*
 * What ids and descriptors of a tracee are: ptc_os_pid_translate(),
 * ptc_os_fdpath() and the rest of os.h.
 */

const struct ptc__scent *ptc__sc_ent(uint32_t arch, uint64_t nr);

/* Every printer the tables name (generated). */
#include "sc_fns.h"

/*
 * Printers only other CPUs' tables use: the 64-bit time structures of
 * the *_time64 calls of 32-bit tasks.
 */
ptc__afn ptc__a_timespec64;
ptc__afn ptc__a_timespec_rem64;
ptc__afn ptc__a_itimerspec64;
ptc__afn ptc__a_futex64;

/*
 * i386's multiplexers (lib/sc_mux.c): turn a socketcall or ipc into the
 * subcall it stands for, rewriting *nr to the subcall's row of the i386
 * table (numbers above the kernel's) and a[] to the direct call's
 * arguments; 1 when it did, 0 when the call stays as it is (another
 * arch or call, an unknown subcall, an unreadable argument array).
 * Reads tracee memory through c (pid, rd, rdctx).
 */
int ptc__sc_demux(struct ptc__dc *c, uint32_t arch, uint64_t *nr,
    uint64_t a[6]);
/* 1 and the multiplexer's number in *muxp when nr is one of its rows. */
int ptc__sc_subcall_of(uint32_t arch, uint64_t nr, uint64_t *muxp);
/* The numbers the kernel knows: the table without the subcall rows. */
uint64_t ptc__sc_nreal(uint32_t arch);

/* Printers only the i386 table uses. */
ptc__afn ptc__a_enumd;
ptc__afn ptc__a_user_desc;
ptc__rfn ptc__r_tls;
ptc__rfn ptc__r_shmat_ipc;
ptc__afn ptc__a_semun_ptr;

/* struct user_desc (i386 TLS descriptors) at addr, as strace shows it. */
void ptc__p_user_desc(struct ptc__dc *c, uint64_t addr);

/* Generated tables. */
extern const struct ptc__scent ptc__sc_x86_64[];
extern const unsigned ptc__sc_x86_64_n;
extern const struct ptc__scent ptc__sc_i386[];
extern const unsigned ptc__sc_i386_n;
extern const struct ptc__scent ptc__sc_aarch64[];
extern const unsigned ptc__sc_aarch64_n;
/* ioctl requests by number, then name (mk/ioctl.mk). */
extern const struct ptc__xtab ptc__xt_ioctlent;

/* An ioctl request's name(s) as strace prints them (-X style), into buf. */
char *ptc__ioctl_name(char *buf, size_t len, int style, unsigned cmd);

#endif
