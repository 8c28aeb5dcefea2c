/*
 * sc_ioctl_struct.h: ioctl arguments described as data.
 *
 * A request's argument is a structure (or a single value in brackets)
 * described field by field: offset, size and how the value prints.
 * lib/sc_ioctl_struct.c walks these descriptions; the per-subsystem
 * tables (lib/sc_ioctl_*.c) list them against request numbers.
 */
#ifndef PTC_SC_IOCTL_STRUCT_H
#define PTC_SC_IOCTL_STRUCT_H

#include <stddef.h>
#include <stdint.h>

#include "sc_priv.h"

enum {
	IF_U = 1,	/* unsigned decimal */
	IF_D,		/* signed decimal */
	IF_X,		/* hexadecimal */
	IF_PTR,		/* an address: NULL or hex */
	IF_FLAGS,	/* bits of table x; none known: "0x.. / * unknown * /" */
	IF_ENUM,	/* a value of table x, else "0x.. / * unknown * /" */
	IF_STRUCT,	/* a nested structure, sub */
	IF_ARRAY,	/* n elements of size bytes, each as fmt2 */
	IF_STR,		/* a NUL-padded char array of size bytes, quoted */
	IF_FD,		/* a descriptor */
	IF_SYSCALL,	/* a syscall number of the arch field before */
	IF_ERRNO,	/* a negated errno: "-ENOENT", else decimal */
	IF_TAIL,	/* the array after the structure: count in field n */
	IF_PID,		/* a thread id */
	IF_TAILSTR,	/* the bytes after the structure: count in field n,
			   times 1 << shift */
	IF_BYTES,	/* the field's bytes, quoted, up to -s */
	IF_UNION,	/* the case of cases whose value field n holds */
	IF_FN,		/* printed by pfn: a layout no table describes */
	IF_DEV,		/* a device number: makedev(major, minor) */
	IF_STRN,	/* bytes, as many as field cnt - 1 says (at most
			   size), quoted up to -s */
	IF_MORE,	/* "..." where fields were left out without -v */
	IF_PTRTO,	/* a pointer to a structure sub */
	IF_CSTRN,	/* a C string of 1 + field cnt - 1's value bytes
			   (within size), as IF_STR */
};

struct ioc_field {
	/*
	 * NULL: the value alone, in brackets, when it is the only field;
	 * else a field not shown (a count another one uses).
	 */
	const char *name;
	unsigned short off;
	unsigned short size;    /* bytes of the value (of one element) */
	unsigned char fmt;
	unsigned char fmt2;     /* IF_ARRAY's element format */
	unsigned short n;       /* IF_ARRAY's length; IF_TAIL's count field */
	const struct ptc__xtab *x;
	const char *unknown;    /* comment for a value no name matches */
	const struct ioc_struct *sub;  /* IF_STRUCT, IF_TAIL's element */
	unsigned char opt;      /* IO_* */
	unsigned char shift;
	const struct ioc_case *cases;  /* IF_UNION's, up to a NULL name */
	/*
	 * IF_ARRAY: not 0, the index + 1 of the field that counts the
	 * elements shown (at most n).
	 */
	unsigned char cnt;
	/* IF_FN, and IF_ARRAY's elements when fmt2 is IF_FN */
	void (*pfn)(struct ptc__dc *c, const unsigned char *p);
};

/* One member of a union, chosen by a value. */
struct ioc_case {
	uint64_t val;
	const char *name;
	const struct ioc_struct *s;
};

/* Field options. */
#define IO_HEX   1	/* bytes all as \x escapes */
#define IO_OMIT0 2	/* left out when its count is 0 */
#define IO_NZ    4	/* left out when its bytes are all 0 */
#define IO_OK    8	/* shown only at the exit of a call that succeeded */
#define IO_V     16	/* shown only with -v */
#define IO_VALL  32	/* with -v shown whatever IO_OMIT0 says */
/*
 * A top-level field the kernel may change: shown as it was at entry
 * (kept by ptc__ioctl_enter()) and, when a successful call changed it,
 * " => name=" and the new value.
 */
#define IO_CHG   64
/*
 * The c->saved slot (ioctl's request, printed by then) where
 * ptc__ioctl_enter() keeps an IO_CHG field's value at entry, or for a
 * request printed by code (IR_FN) the argument's first 8 bytes.
 */
#define IOC_SAVED 1

struct ioc_struct {
	size_t size;
	unsigned nf;
	const struct ioc_field *f;
	unsigned char list;     /* unnamed values in brackets: [a, b] */
	unsigned char brief;    /* fields shown without -v (0: all) */
	/*
	 * Not 0: the request's size field says how much of it there is:
	 * the fields past it are left out, a larger size ends in "...",
	 * a size below this many bytes shows only the address.
	 */
	unsigned char sized;
};

#define IOC_NF(a) (sizeof(a) / sizeof((a)[0]))
#define IOC_S(name, type, fields) \
	static const struct ioc_struct name = { sizeof(type), IOC_NF(fields), \
	    fields, 0, 0, 0 }
/* The same showing only its first n fields without -v. */
#define IOC_SBRIEF(name, type, fields, n) \
	static const struct ioc_struct name = { sizeof(type), IOC_NF(fields), \
	    fields, 0, n, 0 }
/* One value of size bytes, shown in brackets ([v]) or as the argument. */
#define IOC_VAL(name, size, fmt, x, unk) \
	static const struct ioc_field name##_f[] = { \
		{ NULL, 0, size, fmt, 0, 0, x, unk, NULL, 0, 0, NULL }, \
	}; \
	static const struct ioc_struct name = { size, 1, name##_f, 0, 0, 0 }
/* A field of struct type by its member name. */
#define IOC_F(type, m, fmt) \
	{ #m, offsetof(type, m), sizeof(((type *)0)->m), fmt, 0, 0, NULL, \
	    NULL, NULL, 0, 0, NULL }
#define IOC_FX(type, m, fmt, x, unk) \
	{ #m, offsetof(type, m), sizeof(((type *)0)->m), fmt, 0, 0, x, unk, \
	    NULL, 0, 0, NULL }
#define IOC_FSUB(type, m, sub) \
	{ #m, offsetof(type, m), sizeof(((type *)0)->m), IF_STRUCT, 0, 0, \
	    NULL, NULL, sub, 0, 0, NULL }
#define IOC_FARR(type, m, fmt2, esize) \
	{ #m, offsetof(type, m), esize, IF_ARRAY, fmt2, \
	    sizeof(((type *)0)->m) / (esize), NULL, NULL, NULL, 0, 0, NULL, 0, \
	    NULL }
/* An array counted by field cnt (its index), or structures of sub. */
#define IOC_FARRN(type, m, fmt2, esize, cnt, sub, pfn, opt) \
	{ #m, offsetof(type, m), esize, IF_ARRAY, fmt2, \
	    sizeof(((type *)0)->m) / (esize), NULL, NULL, sub, opt, 0, NULL, \
	    (cnt) + 1, pfn }
/* A field by offset and size, for bytes no structure declares. */
#define IOC_FO(name, off, size, fmt, x, unk) \
	{ name, off, size, fmt, 0, 0, x, unk, NULL, 0, 0, NULL }

/* How a request's argument prints. */
enum {
	IR_IN = 1,	/* read by the kernel: shown whatever the result */
	IR_OUT,		/* written by the kernel: shown on success */
	IR_INOUT,	/* in, then " => " and out on success */
	IR_VAL,		/* the argument itself, as in's only field */
	IR_ADDR,	/* an address only: what it points to is not described */
	IR_FN,		/* printed by fn: a layout no table describes */
	IR_INOUT_Z,	/* a buffer the kernel wants zeroed: when it is not,
			   in and " => " then out (the address on failure) */
	IR_SPLIT,	/* as IR_FN, and fn is called at entry too (with
			   c->exiting 0) to keep in c->saved[0..1] what the
			   kernel will overwrite; it prints nothing then */
};

struct ioc_req {
	unsigned cmd;
	unsigned char how;
	const struct ioc_struct *in, *out;
	/* bits of a request that must match (0: all): EVIOCGABS(axis) */
	unsigned mask;
	void (*fn)(struct ptc__dc *c, unsigned cmd, uint64_t v);
};

struct ioc_reqtab {
	const struct ioc_req *r;
	size_t n;
	/*
	 * 1: the layouts hold longs or pointers, right only for a tracee
	 * of our own word size (not a 32-bit task under a 64-bit tracer).
	 */
	int native;
};

/*
 * The fields of s in b (read from addr), without the braces: for a
 * printer that adds its own around or after them.
 */
void ptc__ioc_fields(struct ptc__dc *c, const struct ioc_struct *s,
    const unsigned char *b, uint64_t addr);

/*
 * n elements of size bytes at addr, each printed by fn from its bytes
 * or else as structure s, as strace's print_array() shows them: NULL,
 * [] when there are none, the address when the first cannot be read,
 * "... / * addr * /" where a later one cannot, "..." past -s, and with
 * more set "..." after them all (a count the kernel caps).
 */
void ptc__ioc_array(struct ptc__dc *c, uint64_t addr, uint64_t n,
    size_t size, void (*fn)(struct ptc__dc *c, const unsigned char *p),
    const struct ioc_struct *s, int more);

/* The subsystems' tables (lib/sc_ioctl_*.c). */
extern const struct ioc_reqtab ptc__ioc_fs;
extern const struct ioc_reqtab ptc__ioc_seccomp;
extern const struct ioc_reqtab ptc__ioc_misc;
extern const struct ioc_reqtab ptc__ioc_hdio;
extern const struct ioc_reqtab ptc__ioc_evdev;
extern const struct ioc_reqtab ptc__ioc_gpio;
extern const struct ioc_reqtab ptc__ioc_ptp;
extern const struct ioc_reqtab ptc__ioc_rtc;
extern const struct ioc_reqtab ptc__ioc_loop;
extern const struct ioc_reqtab ptc__ioc_ubi;
extern const struct ioc_reqtab ptc__ioc_block;
extern const struct ioc_reqtab ptc__ioc_mtd;
extern const struct ioc_reqtab ptc__ioc_scsi;
extern const struct ioc_reqtab ptc__ioc_perf;
extern const struct ioc_reqtab ptc__ioc_sock;
extern const struct ioc_reqtab ptc__ioc_ifreq;
extern const struct ioc_reqtab ptc__ioc_uffd;
extern const struct ioc_reqtab ptc__ioc_tee;
extern const struct ioc_reqtab ptc__ioc_kd;

/* Structure s read into b from addr, as the tables print it. */
void ptc__ioc_print(struct ptc__dc *c, const struct ioc_struct *s,
    const unsigned char *b, uint64_t addr);

#endif
