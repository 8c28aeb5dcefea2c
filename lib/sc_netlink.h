/*
 * sc_netlink.h: the netlink decoders' descriptions of structures and
 * attribute chains (lib/sc_netlink*.c).
 *
 * A payload structure is a list of fields (name, place, size, how it
 * prints); an attribute chain a set: the names of its types and, by
 * type, how a value prints (a number, a string, a structure, an array,
 * a nested chain of another set).
 */
#ifndef PTC_SC_NETLINK_H
#define PTC_SC_NETLINK_H

#include <stddef.h>
#include <stdint.h>

#include "sc_priv.h"

enum nl_ftype {
	FT_U,           /* unsigned decimal */
	FT_D,           /* signed decimal */
	FT_X,           /* hex */
	FT_ENUM,        /* x's name, or 0x.. / * dflt * / */
	FT_FLAGS,       /* x's names joined by | */
	FT_IFINDEX,     /* if_nametoindex("lo") */
	FT_DEV,         /* makedev(major, minor) of a 32-bit dev_t */
	FT_U32X2,       /* [a, b]: two 32-bit words (a cookie) */
	FT_HEX,         /* size bytes in \x form */
	FT_HTONS_AF,    /* htons(AF_...): a family in network order */
	FT_STRUCT,      /* sub: a structure inside */
	FT_BITS,        /* 1<<NAME|...: x names bit numbers */
	FT_BITS1,       /* 1<<(NAME-1)|...: x names bit numbers + 1 */
	FT_HTONS,       /* htons(n) */
	FT_INADDR,      /* an address of the payload's family */
	FT_U8ARR,       /* [n, n, ...]: size bytes */
	FT_MAC,         /* a hardware address of size bytes */
	FT_HEX_NZ,      /* size bytes in \x form, the field only if not 0 */
	FT_X_NZ,        /* hex, the field only if not 0 */
	FT_IDX_U64,     /* [[NAME]=n, ...]: 64-bit words named by x's index */
	FT_ENUM_AF,     /* x's name, else x2's (an address family's) or dflt */
	FT_HTONS_X,     /* htons(x's name): a 16-bit value in network order */
	FT_HEX_PREV,    /* \x bytes, as many as the field before says */
	FT_CSTRING,     /* a string of up to size bytes, up to its NUL */
	FT_STRUCTS,     /* sub: an array of the structure */
	FT_ENUM_V,      /* the number, x's name (or dflt) in a comment */
};

struct nl_struct;

struct nl_field {
	const char *name;
	unsigned short off;
	unsigned char size, type;
	const struct ptc__xtab *x;
	const char *dflt;
	const struct nl_struct *sub;
	const struct ptc__xtab *x2;     /* FT_ENUM_AF: the names after x's */
};

#define NL_F(st, fld, t, x, d) { #fld, offsetof(st, fld), \
	sizeof(((st *)0)->fld), t, x, d }

struct nla_set;
struct nla_by_family;

struct nl_struct {
	unsigned size;
	const struct nl_field *f;
	unsigned nf;
	const struct nla_set *attrs;    /* the chain after it, or NULL */
	unsigned min;           /* an attribute value: the least size shown
	                           (the fields that fit), 0: size */
	int tail;               /* an attribute value: bytes after it shown */
	/* Instead of attrs: the chain's set by family, else the bytes. */
	const struct nla_by_family *by_family;
	int addr_family;        /* a sub-structure's addresses' family, or 0 */
	/* An attribute value: the name of an address after it (of the
	   family of its first field), or NULL. */
	const char *addr_tail;
};

#define NL_STRUCT(st, f, attrs) { sizeof(st), f, \
	sizeof(f) / sizeof((f)[0]), attrs }

enum nla_kind {
	NLA_K_HEX, NLA_K_STR, NLA_K_U8, NLA_K_U16, NLA_K_U32, NLA_K_U64,
	NLA_K_S32, NLA_K_X32, NLA_K_BYTES, NLA_K_IFINDEX,
	NLA_K_FD,               /* a descriptor (-y shows what it is) */
	NLA_K_NESTED,           /* p: the nested chain's set */
	NLA_K_STRUCT,           /* p: the structure */
	NLA_K_ARR_U32, NLA_K_ARR_U8,
	NLA_K_ARR_X64,          /* 64-bit words in hex */
	NLA_K_ARR_U16,
	NLA_K_INADDR,           /* an address of the payload's family */
	NLA_K_CLOCK,            /* clock ticks: n / * n.nn s * / */
	NLA_K_BE64,             /* htobe64(n) */
	NLA_K_X16,
	NLA_K_IDX32,            /* [[NAME]=n, ...]: s32 by x's index names */
	NLA_K_IDX64,            /* the same of u64 */
	NLA_K_BY_FAMILY,        /* p: nla_by_family[]: nested, by family */
	NLA_K_LEAD,             /* p: a value, then an attribute chain */
	NLA_K_ENUM,             /* size bytes (0: all, up to 8): x's name,
	                           else dflt; more than 8 bytes are bytes */
	NLA_K_FLAGS,            /* size bytes: x's names */
	NLA_K_NH_CHAIN,         /* p: a chain of length-prefixed structures
	                           (rtnexthop), each with its attributes */
	NLA_K_BE16,             /* htons(n) */
	NLA_K_ARR_STRUCT,       /* p: an array of the structure */
	NLA_K_MAC,              /* a hardware address of up to 32 bytes */
	NLA_K_IN4ADDR,          /* an IPv4 address whatever the family */
	NLA_K_IN6ADDR,          /* an IPv6 address whatever the family */
	NLA_K_BE16X,            /* htons(x's name), else dflt */
	NLA_K_UID,              /* a 32-bit id, -1 as such */
	NLA_K_KINDS,            /* p: a nested chain that names kinds */
	NLA_K_KIND,             /* a string naming the kind (size: which) */
	NLA_K_BY_KIND,          /* p: nla_by_kind[]: by that kind (size) */
	NLA_K_BPF,              /* classic BPF instructions */
	NLA_K_TAGGED,           /* p: nla_tagged: a head whose first byte
	                           says what follows it */
};

struct nla_val {
	unsigned char kind, size;
	const void *p;
	const struct ptc__xtab *x;
	const char *dflt;
};

/*
 * A value whose meaning depends on a kind an earlier attribute of the
 * chain named (IFLA_INFO_KIND's "bridge"); a NULL kind ends the list.
 */
struct nla_by_kind {
	const char *kind;
	struct nla_val v;
};

/* A head structure, then a value chosen by its first byte. */
struct nla_tag_case {
	unsigned tag;
	struct nla_val v;
};
struct nla_tagged {
	const struct nl_struct *head;
	const struct nla_tag_case *cases;
	unsigned n;
};

/* A value of size bytes, then (4-aligned) an attribute chain of rest. */
struct nla_lead {
	struct nla_val first;
	unsigned size;
	const struct nla_set *rest;
};

#define NL_ANY_FAMILY 0x10000

/* A nested chain whose set depends on the payload's family. */
struct nla_by_family {
	int family;             /* -1 ends the list; NL_ANY_FAMILY: others' */
	const struct nla_set *set;
};

struct nla_set {
	const struct ptc__xtab *names;
	const char *dflt;
	const struct nla_val *v;        /* by type */
	unsigned n;
};

#define NLA_SET(names, dflt, v) { names, dflt, v, sizeof(v) / sizeof((v)[0]) }

/* len bytes at addr in \x form (-s bounds them). */
void ptc__nl_hex(struct ptc__dc *c, uint64_t addr, uint64_t len);
/* n bytes at p (already read) in \x form. */
void ptc__nl_hexmem(struct ptc__dc *c, const void *p, size_t n);
/* A hardware address: ab:cd:.., -X raw "\xab\xcd..", verbose both. */
void ptc__nl_mac(struct ptc__dc *c, const unsigned char *p, size_t n);
/*
 * The same of a field of n bytes holding an address of alen: the text
 * form shows alen of them, the \x forms all n.
 */
void ptc__nl_hwaddr(struct ptc__dc *c, const unsigned char *p, size_t n,
    size_t alen);
/* The fields of a structure read into b. */
void ptc__nl_fields(struct ptc__dc *c, const unsigned char *b,
    const struct nl_field *f, unsigned n);
/* An attribute chain of len bytes at addr. */
void ptc__nl_attrs(struct ptc__dc *c, uint64_t addr, uint64_t len,
    const struct nla_set *set);
/*
 * A payload that starts with a family byte: the structure s (whose
 * first field is that byte) and the attribute chain after it.
 */
void ptc__nl_struct_payload(struct ptc__dc *c, const struct nl_struct *s,
    uint64_t addr, uint64_t len);
/* {family=AF_..., data="..."}: a payload of no structure known. */
void ptc__nl_family_only(struct ptc__dc *c, uint64_t addr, uint64_t len);

/* NETLINK_ROUTE's and NETLINK_SOCK_DIAG's payloads (sc_netlink_rt.c). */
const struct nl_struct *ptc__nl_route_struct(unsigned type, unsigned family);
const struct nl_struct *ptc__nl_diag_struct(unsigned family, int request);
/* TCPDIAG_GETSOCK's and DCCPDIAG_GETSOCK's (the old inet_diag_req). */
const struct nl_struct *ptc__nl_diag_compat_struct(int request);

#endif
