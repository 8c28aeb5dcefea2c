/*
 * dwvar.c: global and static variables of a live process by their
 * DWARF type, through elfutils' libdw and libdwfl: find the variable in
 * the modules' debug information (executable first), follow an access
 * path (lib/dwpath.c) through members, elements and pointers, and write
 * the value as gdb's print does, or as JSON.
 *
 * Addresses in DWARF are link-time ones; libdwfl places each module as
 * /proc/PID/maps shows it and gives its load bias.  Memory is read
 * through the target, a page at a time, so printing a struct member by
 * member costs a read or two, not one per member.
 */
#include <elfutils/libdw.h>
#include <elfutils/libdwfl.h>
#include <dwarf.h>
#include <errno.h>
#include <float.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

#define PRINT_MAX  200 /* gdb's "print elements" */
#define REPEATS    10  /* gdb's "print repeats" */
#define CACHE_SIZE 4096
#define MAX_DIMS   8
#define MAX_DEPTH  32  /* nesting of structs and arrays printed */
#define STR_LIMIT  (1u << 20) /* bytes of a char array read */

struct ptc_vars {
	struct ptc_target *t;
	struct ptc_dwarf *dw;          /* the process's modules */
	char exe[4096];
	uint64_t cbase;                /* the cached bytes: [cbase, +clen) */
	size_t clen;
	unsigned char cache[CACHE_SIZE];
};

/* Where the value is: memory, or bytes held by the debug information. */
struct loc {
	uint64_t addr;
	const unsigned char *bytes;    /* DW_AT_const_value, or NULL */
	size_t nbytes;
};

/* A value on the way along an access path. */
struct val {
	Dwarf_Die type;                /* as declared */
	bool is_void;
	int dim;                       /* arrays: dimensions indexed already */
	struct loc at;
	unsigned bitsize, bitoff;      /* a bit-field: bits from at.addr */
	char desc[512];                /* the path so far, for messages */
	unsigned char num[8];          /* a constant held as a number */
};

struct arr {
	Dwarf_Die elem;
	bool elem_void;
	int ndims;
	uint64_t count[MAX_DIMS];
	bool known[MAX_DIMS];
};

struct ptc_vars *
ptc_vars_open(struct ptc_target *t)
{
	struct ptc_vars *v = calloc(1, sizeof(*v));
	pid_t pid = ptc_target_pid(t);

	if (v == NULL)
		return NULL;
	v->t = t;
	if (ptc_os_exe_path(pid, v->exe, sizeof(v->exe)) != 0)
		v->exe[0] = '\0';
	if ((v->dw = ptc_dwarf_new(pid)) == NULL) {
		free(v);
		return NULL;
	}
	return v;
}

void
ptc_vars_close(struct ptc_vars *v)
{
	if (v == NULL)
		return;
	ptc_dwarf_free(v->dw);
	free(v);
}

/* snprintf for text cut short when long (names, paths in messages). */
static void __attribute__((format(printf, 3, 4)))
fit(char *buf, size_t len, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, len, fmt, ap);
	va_end(ap);
}

/* ---- memory ---- */

static int
rd(struct ptc_vars *v, const struct loc *at, uint64_t off, void *buf,
    size_t len)
{
	uint64_t addr = at->addr + off;
	ssize_t n;

	if (at->bytes != NULL) {
		if (off > at->nbytes || len > at->nbytes - off)
			return ptc_fail(EFAULT, "value past its %zu bytes",
			    at->nbytes);
		memcpy(buf, at->bytes + off, len);
		return 0;
	}
	if (v->clen > 0 && addr >= v->cbase && addr - v->cbase <= v->clen &&
	    len <= v->clen - (addr - v->cbase)) {
		memcpy(buf, v->cache + (addr - v->cbase), len);
		return 0;
	}
	if (len > CACHE_SIZE) {
		n = ptc_target_read(v->t, addr, buf, len);
		if (n == (ssize_t)len)
			return 0;
	} else {
		v->clen = 0;
		n = ptc_target_read(v->t, addr, v->cache, CACHE_SIZE);
		if (n > 0) {
			v->cbase = addr;
			v->clen = (size_t)n;
		}
		if (n >= (ssize_t)len) {
			memcpy(buf, v->cache, len);
			return 0;
		}
	}
	if (errno == ESRCH)
		return -1;
	return ptc_fail(EFAULT, "cannot access memory at 0x%" PRIx64,
	    addr + (n > 0 ? (uint64_t)n : 0));
}

/* An unsigned number of size bytes (little-endian, as the host). */
static int
rd_uint(struct ptc_vars *v, const struct loc *at, uint64_t off, size_t size,
    uint64_t *val)
{
	unsigned char b[8];
	uint64_t x = 0;

	if (size > 8)
		return ptc_fail(ENOTSUP, "%zu-byte integers are not supported",
		    size);
	if (rd(v, at, off, b, size) < 0)
		return -1;
	for (size_t i = size; i > 0; i--)
		x = x << 8 | b[i - 1];
	*val = x;
	return 0;
}

/* ---- types ---- */

/* The type a DIE refers to; 1 for none (void). */
static int
type_of(Dwarf_Die *die, Dwarf_Die *out)
{
	Dwarf_Attribute a;

	if (dwarf_attr_integrate(die, DW_AT_type, &a) == NULL ||
	    dwarf_formref_die(&a, out) == NULL)
		return 1;
	return 0;
}

/* Typedefs and qualifiers seen through; 1 for void. */
static int
peel(Dwarf_Die *t, Dwarf_Die *out)
{
	if (dwarf_peel_type(t, out) != 0)
		return 1;
	/* const void: a qualifier of nothing */
	if (dwarf_tag(out) == DW_TAG_const_type ||
	    dwarf_tag(out) == DW_TAG_volatile_type)
		return 1;
	return 0;
}

static int
type_size(Dwarf_Die *t, uint64_t *size)
{
	Dwarf_Word w;
	Dwarf_Die p, cu;
	uint8_t asz;

	if (dwarf_aggregate_size(t, &w) == 0) {
		*size = w;
		return 0;
	}
	if (peel(t, &p) == 0 && (dwarf_tag(&p) == DW_TAG_pointer_type ||
	    dwarf_tag(&p) == DW_TAG_reference_type) &&
	    dwarf_diecu(&p, &cu, &asz, NULL) != NULL) {
		*size = asz;
		return 0;
	}
	return ptc_fail(ENOTSUP, "type of unknown size");
}

static bool
attr_uint(Dwarf_Die *d, unsigned name, uint64_t *val)
{
	Dwarf_Attribute a;
	Dwarf_Word w;

	if (dwarf_attr_integrate(d, name, &a) == NULL ||
	    dwarf_formudata(&a, &w) != 0)
		return false;
	*val = w;
	return true;
}

/*
 * The number of elements a subrange gives.  A bound in a data form is
 * unsigned (dwarf_formsdata() would make 249 in one byte -7); only
 * DW_FORM_sdata and implicit_const carry a sign, and -1 (flexible
 * arrays) means none.
 */
static bool
subrange_count(Dwarf_Die *c, uint64_t *n)
{
	Dwarf_Attribute at;
	Dwarf_Sword sw;
	Dwarf_Word w;

	if (attr_uint(c, DW_AT_count, n))
		return true;
	if (dwarf_attr_integrate(c, DW_AT_upper_bound, &at) == NULL)
		return false;
	if (at.form == DW_FORM_sdata || at.form == DW_FORM_implicit_const) {
		if (dwarf_formsdata(&at, &sw) != 0 || sw < 0)
			return false;
		*n = (uint64_t)sw + 1;
		return true;
	}
	if (dwarf_formudata(&at, &w) != 0 || w == UINT64_MAX ||
	    (at.form == DW_FORM_data4 && w == 0xffffffff))
		return false;
	*n = w + 1;
	return true;
}

static int
arr_info(Dwarf_Die *t, struct arr *a)
{
	Dwarf_Die c;
	memset(a, 0, sizeof(*a));
	a->elem_void = type_of(t, &a->elem) != 0;
	if (dwarf_child(t, &c) != 0)
		return 0;
	do {
		if (dwarf_tag(&c) != DW_TAG_subrange_type)
			continue;
		if (a->ndims == MAX_DIMS)
			return ptc_fail(ENOTSUP, "more than %d dimensions",
			    MAX_DIMS);
		a->known[a->ndims] = subrange_count(&c, &a->count[a->ndims]);
		a->ndims++;
	} while (dwarf_siblingof(&c, &c) == 0);
	return 0;
}

static bool
is_char(Dwarf_Die *t, bool is_void)
{
	Dwarf_Die p;
	uint64_t enc, size;

	if (is_void || peel(t, &p) != 0 || dwarf_tag(&p) != DW_TAG_base_type)
		return false;
	return attr_uint(&p, DW_AT_encoding, &enc) &&
	    (enc == DW_ATE_signed_char || enc == DW_ATE_unsigned_char) &&
	    attr_uint(&p, DW_AT_byte_size, &size) && size == 1;
}

/* Size of one element of dimension dim (the rest of the dimensions). */
static int
elem_size(const struct arr *a, int dim, uint64_t *size)
{
	uint64_t s;
	Dwarf_Die e = a->elem;

	if (a->elem_void || type_size(&e, &s) < 0)
		return ptc_fail(ENOTSUP, "elements of unknown size");
	for (int i = dim + 1; i < a->ndims; i++) {
		if (!a->known[i])
			return ptc_fail(ENOTSUP, "elements of unknown size");
		if (a->count[i] != 0 && s > UINT64_MAX / a->count[i])
			return ptc_fail(ERANGE, "array too large");
		s *= a->count[i];
	}
	*size = s;
	return 0;
}

/*
 * The C name of type t (NULL: void) around declarator decl, as gdb
 * writes it: "struct inner *", "int (*)(void)", "char [16]".
 */
static void
type_name(Dwarf_Die *t, const char *decl, char *buf, size_t len,
    int depth)
{
	char nd[512], base[300];
	const char *nm;
	Dwarf_Die sub, c;
	int tag = t != NULL ? dwarf_tag(t) : -1;
	size_t o;

	if (depth > 16) {
		snprintf(buf, len, "...");
		return;
	}
	nm = t != NULL ? dwarf_diename(t) : NULL;
	switch (tag) {
	case DW_TAG_pointer_type:
	case DW_TAG_reference_type:
		if (type_of(t, &sub) == 0 &&
		    (dwarf_tag(&sub) == DW_TAG_array_type ||
		    dwarf_tag(&sub) == DW_TAG_subroutine_type))
			snprintf(nd, sizeof(nd), "(*%s)", decl);
		else
			snprintf(nd, sizeof(nd), "*%s", decl);
		type_name(type_of(t, &sub) == 0 ? &sub : NULL, nd, buf, len,
		    depth + 1);
		return;
	case DW_TAG_const_type:
	case DW_TAG_volatile_type:
		nm = tag == DW_TAG_const_type ? "const" : "volatile";
		if (type_of(t, &sub) == 0 &&
		    dwarf_tag(&sub) == DW_TAG_pointer_type) {
			snprintf(nd, sizeof(nd), " %s%s", nm, decl);
			type_name(&sub, nd, buf, len, depth + 1);
			return;
		}
		type_name(type_of(t, &sub) == 0 ? &sub : NULL, decl, nd,
		    sizeof(nd), depth + 1);
		fit(buf, len, "%s %s", nm, nd);
		return;
	case DW_TAG_array_type:
		o = (size_t)snprintf(nd, sizeof(nd), "%s", decl);
		if (dwarf_child(t, &c) == 0)
			do {
				uint64_t n;

				if (dwarf_tag(&c) != DW_TAG_subrange_type ||
				    o >= sizeof(nd))
					continue;
				if (subrange_count(&c, &n))
					o += (size_t)snprintf(nd + o,
					    sizeof(nd) - o, "[%" PRIu64 "]", n);
				else
					o += (size_t)snprintf(nd + o,
					    sizeof(nd) - o, "[]");
			} while (dwarf_siblingof(&c, &c) == 0);
		type_name(type_of(t, &sub) == 0 ? &sub : NULL, nd, buf, len,
		    depth + 1);
		return;
	case DW_TAG_subroutine_type: {
		bool any = false;

		o = (size_t)snprintf(nd, sizeof(nd), "%s(", decl);
		if (dwarf_child(t, &c) == 0)
			do {
				char pn[256];

				if (o >= sizeof(nd))
					break;
				if (dwarf_tag(&c) == DW_TAG_unspecified_parameters)
					snprintf(pn, sizeof(pn), "...");
				else if (dwarf_tag(&c) == DW_TAG_formal_parameter)
					type_name(type_of(&c, &sub) == 0 ?
					    &sub : NULL, "", pn, sizeof(pn),
					    depth + 1);
				else
					continue;
				o += (size_t)snprintf(nd + o, sizeof(nd) - o,
				    "%s%s", any ? ", " : "", pn);
				any = true;
			} while (dwarf_siblingof(&c, &c) == 0);
		if (o < sizeof(nd))
			snprintf(nd + o, sizeof(nd) - o, "%s)",
			    any ? "" : "void");
		type_name(type_of(t, &sub) == 0 ? &sub : NULL, nd, buf, len,
		    depth + 1);
		return;
	}
	case DW_TAG_structure_type:
	case DW_TAG_union_type:
	case DW_TAG_enumeration_type:
	case DW_TAG_class_type:
		snprintf(base, sizeof(base), "%s %s",
		    tag == DW_TAG_structure_type ? "struct" :
		    tag == DW_TAG_union_type ? "union" :
		    tag == DW_TAG_class_type ? "class" : "enum",
		    nm != NULL ? nm : "{...}");
		break;
	case -1:
		snprintf(base, sizeof(base), "void");
		break;
	default:
		snprintf(base, sizeof(base), "%s", nm != NULL ? nm : "?");
		break;
	}
	snprintf(buf, len, "%s%s%s", base, decl[0] != '\0' &&
	    decl[0] != ' ' ? " " : "", decl);
}

/* ---- finding a variable ---- */

/* The address a variable's location gives (without the bias). */
static int
var_addr(Dwarf_Die *die, const char *name, Dwarf_Addr *addr)
{
	Dwarf_Attribute a;
	Dwarf_Op *ops;
	size_t n, i;

	if (dwarf_attr_integrate(die, DW_AT_location, &a) == NULL ||
	    dwarf_getlocation(&a, &ops, &n) != 0 || n == 0)
		return ptc_fail(ENODATA, "'%s' is optimized out", name);
	switch (ops[0].atom) {
	case DW_OP_addr:
		*addr = ops[0].number;
		break;
	case DW_OP_addrx:
	case DW_OP_GNU_addr_index: {
		Dwarf_Attribute r;

		if (dwarf_getlocation_attr(&a, &ops[0], &r) != 0 ||
		    dwarf_formaddr(&r, addr) != 0)
			return ptc_fail(ENOTSUP, "cannot read the location "
			    "of '%s': %s", name, dwarf_errmsg(-1));
		break;
	}
	default:
		goto complex;
	}
	for (i = 1; i < n; i++) {
		if (ops[i].atom == DW_OP_plus_uconst)
			*addr += ops[i].number;
		else
			goto complex;
	}
	return 0;
complex:
	for (i = 0; i < n; i++)
		if (ops[i].atom == DW_OP_GNU_push_tls_address ||
		    ops[i].atom == DW_OP_form_tls_address)
			return ptc_fail(ENOTSUP, "'%s' is thread-local: "
			    "not supported", name);
	return ptc_fail(ENOTSUP, "the location of '%s' is not a fixed "
	    "address", name);
}

/* Whether some module's symbol table has a thread-local name. */
static int
tls_sym(Dwfl_Module *mod, void **ud, const char *mname, Dwarf_Addr start,
    void *arg)
{
	const char *name = arg;
	int n = dwfl_module_getsymtab(mod);

	(void)ud;
	(void)mname;
	(void)start;
	for (int i = 1; i < n; i++) {
		GElf_Sym sym;
		GElf_Addr at;
		const char *sn = dwfl_module_getsym_info(mod, i, &sym, &at,
		    NULL, NULL, NULL);

		if (sn != NULL && GELF_ST_TYPE(sym.st_info) == STT_TLS &&
		    strcmp(sn, name) == 0)
			return DWARF_CB_ABORT;
	}
	return DWARF_CB_OK;
}

struct search {
	const char *name;
	const char *scope;   /* a function, for its statics; NULL: globals */
	int pass;            /* 0: the executable, 1: the others */
	const char *exe;
	bool exe_dwarf;      /* the executable has debug information */
	bool found, optimized;
	Dwarf_Die die;
	Dwarf_Addr bias;
	bool have_cand;      /* a DIE without location, for its type */
	Dwarf_Die cand;
};

/*
 * The variable called s->name among the children of a unit (or, with
 * a scope, of the function of that name and its blocks); 1 if found.
 */
static int
scan_unit(struct search *s, Dwarf_Die *unit, Dwarf_Addr bias, int depth)
{
	Dwarf_Die c;
	const char *nm;

	if (depth > MAX_DEPTH || dwarf_child(unit, &c) != 0)
		return 0;
	do {
		if (s->scope != NULL && (dwarf_tag(&c) == DW_TAG_subprogram ||
		    dwarf_tag(&c) == DW_TAG_lexical_block)) {
			bool in = depth > 0 || ((nm = dwarf_diename(&c)) !=
			    NULL && strcmp(nm, s->scope) == 0);

			if (in && dwarf_hasattr(&c, DW_AT_declaration) == 0 &&
			    scan_unit(s, &c, bias, depth + 1))
				return 1;
			continue;
		}
		if ((s->scope != NULL && depth == 0) ||
		    dwarf_tag(&c) != DW_TAG_variable ||
		    (nm = dwarf_diename(&c)) == NULL ||
		    strcmp(nm, s->name) != 0)
			continue;
		if (dwarf_hasattr_integrate(&c, DW_AT_location) ||
		    dwarf_hasattr(&c, DW_AT_const_value)) {
			s->die = c;
			s->bias = bias;
			s->found = true;
			return 1;
		}
		/*
		 * A declaration, or a definition without a location (an
		 * alias such as libc's environ): its type, for an ELF
		 * symbol of that name.
		 */
		if (!s->have_cand) {
			s->cand = c;
			s->have_cand = true;
		}
		if (!dwarf_hasattr(&c, DW_AT_declaration))
			s->optimized = true;
	} while (dwarf_siblingof(&c, &c) == 0);
	return 0;
}

static int
scan_module(Dwfl_Module *mod, void **ud, const char *mname, Dwarf_Addr start,
    void *arg)
{
	struct search *s = arg;
	Dwarf_Addr bias;
	Dwarf *dw;
	Dwarf_CU *cu = NULL;
	Dwarf_Die cudie, subdie;
	uint8_t ut;
	bool is_exe = s->exe[0] != '\0' && mname != NULL &&
	    ptc__path_len(mname) == strlen(s->exe) &&
	    strncmp(mname, s->exe, strlen(s->exe)) == 0;

	(void)ud;
	(void)start;
	if (is_exe != (s->pass == 0))
		return DWARF_CB_OK;
	if ((dw = dwfl_module_getdwarf(mod, &bias)) == NULL)
		return DWARF_CB_OK;
	s->exe_dwarf |= is_exe;
	while (dwarf_get_units(dw, cu, &cu, NULL, &ut, &cudie, &subdie) == 0) {
		Dwarf_Die *u = ut == DW_UT_skeleton ? &subdie : &cudie;

		if (scan_unit(s, u, bias, 0))
			return DWARF_CB_ABORT;
	}
	return DWARF_CB_OK;
}

/* The root variable of a path into val (a static of scope if not NULL). */
static int
find_var(struct ptc_vars *v, const char *scope, const char *name,
    struct val *val)
{
	Dwfl *dwfl = ptc__dwarf_dwfl(v->dw);
	struct search s;
	Dwarf_Addr addr;
	Dwarf_Attribute a;

	memset(&s, 0, sizeof(s));
	s.name = name;
	s.scope = scope;
	s.exe = v->exe;
	for (s.pass = 0; s.pass < 2 && !s.found; s.pass++)
		if (dwfl_getmodules(dwfl, scan_module, &s, 0) < 0)
			return ptc_fail(EIO, "libdwfl: %s", dwfl_errmsg(-1));
	if (!s.found && scope != NULL)
		return ptc_fail(ENOENT, "no static '%s' in function '%s'",
		    name, scope);
	if (!s.found) {
		uint64_t sa;
		struct ptc_syms *ss = ptc_target_syms(v->t);
		bool sym = ss != NULL && ptc_syms_lookup(ss, NULL, name,
		    &sa) == 0;

		if (sym && s.have_cand) {
			memset(val, 0, sizeof(*val));
			snprintf(val->desc, sizeof(val->desc), "%s", name);
			val->is_void = type_of(&s.cand, &val->type) != 0;
			val->at.addr = sa;
			return 0;
		}
		/* Some compilers (gcc on aarch64) give a thread-local
		 * variable no location at all: its symbol tells. */
		if (s.optimized && dwfl_getmodules(dwfl, tls_sym,
		    (void *)name, 0) > 0)
			return ptc_fail(ENOTSUP, "'%s' is thread-local: "
			    "not supported", name);
		if (s.optimized)
			return ptc_fail(ENODATA, "'%s' is optimized out", name);
		if (sym)
			return ptc_fail(ENOENT, "no debug information for "
			    "'%s'%s; its ELF symbol is at 0x%" PRIx64, name,
			    s.exe_dwarf ? "" : " (the executable was built "
			    "without -g?)", sa);
		return ptc_fail(ENOENT, "unknown variable '%s'%s", name,
		    s.exe_dwarf ? "" : " (the executable has no debug "
		    "information: built without -g?)");
	}
	memset(val, 0, sizeof(*val));
	snprintf(val->desc, sizeof(val->desc), "%s", name);
	val->is_void = type_of(&s.die, &val->type) != 0;
	if (dwarf_attr(&s.die, DW_AT_const_value, &a) != NULL &&
	    !dwarf_hasattr_integrate(&s.die, DW_AT_location)) {
		/* a value the compiler kept only in the debug information */
		Dwarf_Block blk;
		Dwarf_Sword sw;

		if (dwarf_formblock(&a, &blk) == 0) {
			val->at.bytes = blk.data;
			val->at.nbytes = blk.length;
		} else if (dwarf_formsdata(&a, &sw) == 0) {
			for (int i = 0; i < 8; i++)
				val->num[i] = (unsigned char)((uint64_t)sw >>
				    8 * i);
			val->at.bytes = val->num;
			val->at.nbytes = sizeof(val->num);
		} else
			return ptc_fail(ENODATA, "'%s' is optimized out",
			    name);
		return 0;
	}
	if (var_addr(&s.die, name, &addr) < 0) {
		if (scope != NULL && errno == ENOTSUP)
			return ptc_fail(ENOTSUP, "'%s::%s' is a local "
			    "variable: only statics have a fixed address",
			    scope, name);
		return -1;
	}
	val->at.addr = addr + s.bias;
	return 0;
}

/* ---- access paths ---- */

static int
member_offset(Dwarf_Die *m, uint64_t *off)
{
	Dwarf_Attribute a;
	Dwarf_Word w;
	Dwarf_Op *ops;
	size_t n;

	*off = 0;
	if (dwarf_attr_integrate(m, DW_AT_data_member_location, &a) == NULL)
		return 0;
	if (dwarf_formudata(&a, &w) == 0) {
		*off = w;
		return 0;
	}
	if (dwarf_getlocation(&a, &ops, &n) == 0 && n == 1 &&
	    ops[0].atom == DW_OP_plus_uconst) {
		*off = ops[0].number;
		return 0;
	}
	return ptc_fail(ENOTSUP, "member at a computed offset");
}

/* Make val the member m (at byte offset off) of the struct it is. */
static int
take_member(struct val *val, Dwarf_Die *m, uint64_t off)
{
	uint64_t bs, dbo, bo, bytes;

	val->is_void = type_of(m, &val->type) != 0;
	val->dim = 0;
	val->at.addr += off;
	if (val->at.bytes != NULL) {
		if (off > val->at.nbytes)
			return ptc_fail(EFAULT, "member past the value");
		val->at.bytes += off;
		val->at.nbytes -= off;
	}
	val->bitsize = val->bitoff = 0;
	if (!attr_uint(m, DW_AT_bit_size, &bs))
		return 0;
	if (attr_uint(m, DW_AT_data_bit_offset, &dbo))
		val->bitoff = (unsigned)dbo;
	else if (attr_uint(m, DW_AT_bit_offset, &bo) &&
	    attr_uint(m, DW_AT_byte_size, &bytes))
		/* DWARF 2's numbering, from the high bit of the unit */
		val->bitoff = (unsigned)(bytes * 8 - bo - bs);
	val->bitsize = (unsigned)bs;
	return 0;
}

/* Find member name (len bytes) of struct or union st, anonymous ones too. */
static int
find_member(Dwarf_Die *st, const char *name, size_t len, Dwarf_Die *m,
    uint64_t *off, int depth)
{
	Dwarf_Die c, sub;
	const char *nm;
	uint64_t mo, o;

	if (depth > MAX_DEPTH || dwarf_child(st, &c) != 0)
		return -1;
	do {
		if (dwarf_tag(&c) != DW_TAG_member)
			continue;
		nm = dwarf_diename(&c);
		if (nm != NULL) {
			if (strlen(nm) == len && memcmp(nm, name, len) == 0) {
				if (member_offset(&c, off) < 0)
					return -1;
				*m = c;
				return 0;
			}
			continue;
		}
		if (type_of(&c, &sub) != 0 || peel(&sub, &sub) != 0 ||
		    (dwarf_tag(&sub) != DW_TAG_structure_type &&
		    dwarf_tag(&sub) != DW_TAG_union_type))
			continue;
		if (find_member(&sub, name, len, m, &o, depth + 1) == 0 &&
		    member_offset(&c, &mo) == 0) {
			*off = mo + o;
			return 0;
		}
	} while (dwarf_siblingof(&c, &c) == 0);
	return -1;
}

/* The pointer val holds: val becomes what it points to. */
static int
deref(struct ptc_vars *v, struct val *val, Dwarf_Die *pt)
{
	uint64_t p, size;

	if (val->bitsize != 0 || type_size(pt, &size) < 0)
		return ptc_fail(EINVAL, "'%s' is not a pointer", val->desc);
	if (rd_uint(v, &val->at, 0, (size_t)size, &p) < 0)
		return -1;
	val->is_void = type_of(pt, &val->type) != 0;
	val->at.addr = p;
	val->at.bytes = NULL;
	val->dim = 0;
	return 0;
}

static int
step(struct ptc_vars *v, const char *expr, const struct ptc__dwop *op,
    struct val *val)
{
	Dwarf_Die t, m;
	int tag = -1;
	uint64_t off;
	size_t before;
	char tn[512];

	if (!val->is_void && peel(&val->type, &t) == 0)
		tag = dwarf_tag(&t);
	if (val->bitsize != 0)
		tag = DW_TAG_base_type;
	switch (op->kind) {
	case PTC__DW_ARROW:
	case PTC__DW_FIELD:
		before = strlen(val->desc);
		if (op->kind == PTC__DW_ARROW) {
			if (tag != DW_TAG_pointer_type)
				return ptc_fail(EINVAL, "'%s' is not a pointer",
				    val->desc);
			if (deref(v, val, &t) < 0)
				return -1;
			tag = val->is_void || peel(&val->type, &t) != 0 ? -1 :
			    dwarf_tag(&t);
		}
		if ((tag != DW_TAG_structure_type && tag != DW_TAG_union_type &&
		    tag != DW_TAG_class_type) || val->dim != 0)
			return ptc_fail(EINVAL, "'%s' %s a struct or union%s",
			    val->desc, op->kind == PTC__DW_ARROW ?
			    "does not point to" : "is not",
			    tag == DW_TAG_pointer_type ? " (use ->)" : "");
		if (find_member(&t, expr + op->off, op->len, &m, &off, 0) <
		    0) {
			type_name(&t, "", tn, sizeof(tn), 0);
			return ptc_fail(ENOENT, "no member '%.*s' in '%s' (%s)",
			    (int)op->len, expr + op->off, val->desc, tn);
		}
		if (before + op->len + 3 < sizeof(val->desc))
			snprintf(val->desc + before, op->len + 3, "%s%.*s",
			    op->kind == PTC__DW_ARROW ? "->" : ".",
			    (int)op->len, expr + op->off);
		return take_member(val, &m, off);
	case PTC__DW_INDEX:
		if (tag == DW_TAG_array_type) {
			struct arr a;
			uint64_t es;

			if (arr_info(&t, &a) < 0 || elem_size(&a, val->dim,
			    &es) < 0)
				return -1;
			if (a.ndims > 0 && a.known[val->dim] &&
			    op->index >= a.count[val->dim])
				return ptc_fail(ERANGE, "index %" PRIu64 " is "
				    "past the %" PRIu64 " elements of '%s'",
				    op->index, a.count[val->dim], val->desc);
			if (es != 0 && op->index > UINT64_MAX / es)
				return ptc_fail(ERANGE, "index too large");
			val->at.addr += op->index * es;
			if (val->at.bytes != NULL) {
				if (op->index * es > val->at.nbytes)
					return ptc_fail(EFAULT, "past the "
					    "value");
				val->at.bytes += op->index * es;
				val->at.nbytes -= op->index * es;
			}
			if (++val->dim >= a.ndims) {
				val->type = a.elem;
				val->is_void = a.elem_void;
				val->dim = 0;
			}
		} else if (tag == DW_TAG_pointer_type) {
			uint64_t es;
			Dwarf_Die pt;

			if (deref(v, val, &t) < 0)
				return -1;
			pt = val->type;
			if (val->is_void || type_size(&pt, &es) < 0)
				return ptc_fail(EINVAL, "'%s' points to data "
				    "of unknown size", val->desc);
			val->at.addr += op->index * es;
		} else
			return ptc_fail(EINVAL, "'%s' is neither an array nor "
			    "a pointer", val->desc);
		fit(tn, sizeof(tn), "%s", val->desc);
		fit(val->desc, sizeof(val->desc), "%s[%" PRIu64 "]", tn,
		    op->index);
		return 0;
	case PTC__DW_DEREF:
		if (tag == DW_TAG_array_type) {
			struct ptc__dwop first = { PTC__DW_INDEX, 0, 0, 0 };
			char d[512];

			snprintf(d, sizeof(d), "%s", val->desc);
			if (step(v, expr, &first, val) < 0)
				return -1;
			fit(val->desc, sizeof(val->desc), "*%s", d);
			return 0;
		}
		if (tag != DW_TAG_pointer_type)
			return ptc_fail(EINVAL, "'%s' is not a pointer",
			    val->desc);
		if (deref(v, val, &t) < 0)
			return -1;
		if (val->is_void)
			return ptc_fail(EINVAL, "'%s' points to void",
			    val->desc);
		fit(tn, sizeof(tn), "%s", val->desc);
		fit(val->desc, sizeof(val->desc), "(*%s)", tn);
		return 0;
	}
	return ptc_fail(EINVAL, "bad step");
}

static int
eval(struct ptc_vars *v, const char *expr, struct val *val)
{
	struct ptc__dwpath p;
	char root[PTC__DWNAME_MAX], scope[PTC__DWNAME_MAX];

	if (ptc__dwpath_parse(expr, &p) < 0)
		return -1;
	snprintf(root, sizeof(root), "%.*s", (int)p.root_len,
	    expr + p.root_off);
	snprintf(scope, sizeof(scope), "%.*s", (int)p.scope_len,
	    expr + p.scope_off);
	v->clen = 0;  /* the process may have changed since */
	if (find_var(v, p.scope_len > 0 ? scope : NULL, root, val) < 0)
		return -1;
	if (p.scope_len > 0)
		fit(val->desc, sizeof(val->desc), "%s::%s", scope, root);
	for (size_t i = 0; i < p.nops; i++) {
		if (val->at.bytes != NULL && (p.ops[i].kind == PTC__DW_ARROW ||
		    p.ops[i].kind == PTC__DW_DEREF))
			return ptc_fail(ENODATA, "'%s' has no address",
			    val->desc);
		if (step(v, expr, &p.ops[i], val) < 0)
			return -1;
	}
	return 0;
}

/* The type of val as gdb's whatis names it. */
static void
val_type_name(struct val *val, char *buf, size_t len)
{
	if (val->dim > 0) {
		/* a row of a multi-dimensional array */
		struct arr a;
		Dwarf_Die t;
		char decl[128] = "";
		size_t o = 0;

		if (peel(&val->type, &t) == 0 && arr_info(&t, &a) == 0) {
			for (int i = val->dim; i < a.ndims && o < sizeof(decl);
			    i++)
				o += (size_t)snprintf(decl + o, sizeof(decl) - o,
				    "[%" PRIu64 "]", a.count[i]);
			type_name(a.elem_void ? NULL : &a.elem, decl, buf, len,
			    0);
			return;
		}
	}
	type_name(val->is_void ? NULL : &val->type, "", buf, len, 0);
}

static int
val_size(struct val *val, uint64_t *size)
{
	Dwarf_Die t;
	struct arr a;
	uint64_t es;

	if (val->bitsize != 0) {
		*size = (val->bitoff % 8 + val->bitsize + 7) / 8;
		return 0;
	}
	if (val->is_void)
		return ptc_fail(EINVAL, "'%s' has type void", val->desc);
	if (val->dim > 0 && peel(&val->type, &t) == 0 &&
	    arr_info(&t, &a) == 0) {
		if (elem_size(&a, val->dim, &es) < 0 || !a.known[val->dim])
			return -1;
		*size = es * a.count[val->dim];
		return 0;
	}
	return type_size(&val->type, size);
}

int
ptc_var_eval(struct ptc_vars *v, const char *path, struct ptc_var *out)
{
	struct val val;

	memset(out, 0, sizeof(*out));
	if (eval(v, path, &val) < 0)
		return -1;
	if (val.at.bytes != NULL)
		return ptc_fail(ENODATA, "'%s' has no address (its value is "
		    "in the debug information)", val.desc);
	if (val_size(&val, &out->size) < 0)
		return -1;
	out->addr = val.at.addr + val.bitoff / 8;
	val_type_name(&val, out->type, sizeof(out->type));
	return 0;
}

/* ---- printing ---- */

struct out {
	struct ptc_vars *v;
	FILE *fp;
	bool json;
};

static int print_val(struct out *o, Dwarf_Die *type, bool is_void, int dim,
    const struct loc *at, unsigned bitsize, unsigned bitoff, bool top,
    int depth);

/* One character as gdb writes it inside quote. */
static void
gdb_char(FILE *fp, unsigned char c, char quote)
{
	static const char esc[] = "\aa\bb\ff\nn\rr\tt\vv";
	const char *e;

	if (c != '\0' && (e = memchr(esc, c, sizeof(esc) - 1)) != NULL &&
	    (e - esc) % 2 == 0) {
		fprintf(fp, "\\%c", e[1]);
		return;
	}
	if (c == (unsigned char)quote || c == '\\')
		fprintf(fp, "\\%c", c);
	else if (c >= 0x20 && c < 0x7f)
		fputc(c, fp);
	else
		fprintf(fp, "\\%03o", c);
}

/*
 * len bytes as gdb prints a string: runs of more than REPEATS equal
 * bytes as "'c' <repeats N times>", "..." after PRINT_MAX (or when more
 * is set: the string went on).
 */
static void
gdb_str(FILE *fp, const unsigned char *s, size_t len, bool more)
{
	size_t i = 0, things = 0;
	bool inq = false;

	if (len == 0) {
		fputs("\"\"", fp);
		if (more)
			fputs("...", fp);
		return;
	}
	while (i < len && things < PRINT_MAX) {
		size_t r = i + 1, reps;

		while (r < len && s[r] == s[i])
			r++;
		reps = r - i;
		if (reps > REPEATS) {
			fputs(inq ? "\", " : i > 0 ? ", " : "", fp);
			inq = false;
			fputc('\'', fp);
			gdb_char(fp, s[i], '\'');
			fprintf(fp, "' <repeats %zu times>", reps);
		} else {
			if (!inq)
				fputs(i > 0 ? ", \"" : "\"", fp);
			inq = true;
			for (size_t k = 0; k < reps; k++)
				gdb_char(fp, s[i], '"');
		}
		things += reps;
		i = r;
	}
	if (inq)
		fputc('"', fp);
	if (more || i < len)
		fputs("...", fp);
}

/* The C string at addr: gdb's ' "text"', or an error in <>. */
static void
print_cstr(struct out *o, uint64_t addr)
{
	unsigned char buf[PRINT_MAX + 1];
	int trunc = 0;
	ssize_t n = ptc_target_read_str(o->v->t, addr, (char *)buf,
	    PRINT_MAX, &trunc);

	if (n < 0 || (trunc && n < PRINT_MAX)) {
		if (o->json)
			fputs("null", o->fp);
		else
			fprintf(o->fp, " <error: Cannot access memory at "
			    "address 0x%" PRIx64 ">", addr);
		return;
	}
	if (o->json) {
		ptc_json_str(o->fp, buf, (size_t)n);
		return;
	}
	fputc(' ', o->fp);
	gdb_str(o->fp, buf, (size_t)n, trunc != 0);
}

/* " <sym+off>" when an ELF symbol covers addr (offset in decimal). */
static void
print_sym(struct out *o, uint64_t addr)
{
	struct ptc_syms *ss = ptc_target_syms(o->v->t);
	char sym[512], esc[1024], *plus;
	unsigned long long off;

	if (ss == NULL || addr == 0 ||
	    ptc_syms_describe(ss, addr, sym, sizeof(sym), NULL, 0) < 0 ||
	    sym[0] == '\0')
		return;
	if ((plus = strrchr(sym, '+')) != NULL && plus[1] == '0' &&
	    plus[2] == 'x') {
		off = strtoull(plus + 3, NULL, 16);
		*plus = '\0';
		fprintf(o->fp, " <%s+%llu>", ptc_escape_name(esc, sizeof(esc),
		    sym), off);
	} else
		fprintf(o->fp, " <%s>", ptc_escape_name(esc, sizeof(esc), sym));
}

static int
print_int(struct out *o, uint64_t x, uint64_t enc, size_t size)
{
	bool sgn = enc == DW_ATE_signed || enc == DW_ATE_signed_char;
	int64_t s = 0;

	if (sgn) {
		s = size < 8 && (x >> (8 * size - 1) & 1) ?
		    (int64_t)(x | ~(uint64_t)0 << 8 * size) : (int64_t)x;
		fprintf(o->fp, "%" PRId64, s);
	} else
		fprintf(o->fp, "%" PRIu64, x);
	if (!o->json && size == 1 && (enc == DW_ATE_signed_char ||
	    enc == DW_ATE_unsigned_char)) {
		fputs(" '", o->fp);
		gdb_char(o->fp, (unsigned char)x, '\'');
		fputc('\'', o->fp);
	}
	return 0;
}

static int
print_float(struct out *o, const unsigned char *b, size_t size)
{
	double d;
	float f;
	uint64_t bits = 0, mant;
	int digits;

	if (size == 4) {
		memcpy(&f, b, 4);
		d = f;
		memcpy(&bits, b, 4);
		mant = bits & 0x7fffff;
		digits = 9;
	} else if (size == 8) {
		memcpy(&d, b, 8);
		memcpy(&bits, b, 8);
		mant = bits & 0xfffffffffffffULL;
		digits = 17;
	} else if (size == sizeof(long double)) {
		/* the host's long double, as gdb sizes its digits */
		long double l;

		memcpy(&l, b, size);
		if (!isnan(l) && !isinf(l)) {
			fprintf(o->fp, "%.*Lg", (int)(LDBL_MANT_DIG * 0.30103 +
			    2), l);
			return 0;
		}
		d = (double)l;
		mant = 0;
		digits = 17;
	} else {
		fputs(o->json ? "null" : "<unsupported float size>", o->fp);
		return 0;
	}
	if (isnan(d))
		fprintf(o->fp, o->json ? "\"%snan(0x%" PRIx64 ")\"" :
		    "%snan(0x%" PRIx64 ")", signbit(d) ? "-" : "", mant);
	else if (isinf(d))
		fprintf(o->fp, o->json ? "\"%sinf\"" : "%sinf",
		    d < 0 ? "-" : "");
	else
		fprintf(o->fp, "%.*g", digits, d);
	return 0;
}

static int
print_base(struct out *o, Dwarf_Die *t, const struct loc *at,
    unsigned bitsize, unsigned bitoff)
{
	uint64_t enc = DW_ATE_signed, size = 0, x;
	unsigned char b[16];

	attr_uint(t, DW_AT_encoding, &enc);
	if (!attr_uint(t, DW_AT_byte_size, &size) || size == 0 || size > 16)
		return ptc_fail(ENOTSUP, "base type of %" PRIu64 " bytes",
		    size);
	if (enc == DW_ATE_float) {
		if (rd(o->v, at, 0, b, (size_t)size) < 0)
			return -1;
		return print_float(o, b, (size_t)size);
	}
	if (bitsize != 0) {
		size_t nb = (bitoff % 8 + bitsize + 7) / 8;

		if (bitsize > 64 || nb > 8 || rd_uint(o->v, at, bitoff / 8,
		    nb, &x) < 0)
			return -1;
		x >>= bitoff % 8;
		if (bitsize < 64)
			x &= ((uint64_t)1 << bitsize) - 1;
		if ((enc == DW_ATE_signed || enc == DW_ATE_signed_char) &&
		    bitsize < 64 && (x >> (bitsize - 1) & 1))
			x |= ~(uint64_t)0 << bitsize;
		size = 8;
		if (enc == DW_ATE_signed_char || enc == DW_ATE_unsigned_char)
			enc = enc == DW_ATE_signed_char ? DW_ATE_signed :
			    DW_ATE_unsigned;
	} else if (size > 8) {
		fputs(o->json ? "null" : "<unsupported integer size>", o->fp);
		return 0;
	} else if (rd_uint(o->v, at, 0, (size_t)size, &x) < 0)
		return -1;
	if (enc == DW_ATE_boolean && (x == 0 || x == 1)) {
		fputs(x ? "true" : "false", o->fp);
		return 0;
	}
	return print_int(o, x, enc, (size_t)size);
}

static int
print_enum(struct out *o, Dwarf_Die *t, const struct loc *at,
    unsigned bitsize, unsigned bitoff)
{
	uint64_t size = 4, x;
	Dwarf_Die c;
	Dwarf_Attribute a;
	Dwarf_Word w;
	bool sgn = false;

	attr_uint(t, DW_AT_byte_size, &size);
	if (bitsize != 0) {
		size_t nb = (bitoff % 8 + bitsize + 7) / 8;

		if (bitsize >= 64 || nb > 8 ||
		    rd_uint(o->v, at, bitoff / 8, nb, &x) < 0)
			return -1;
		x = x >> bitoff % 8 & (((uint64_t)1 << bitsize) - 1);
	} else if (size > 8 || rd_uint(o->v, at, 0, (size_t)size, &x) < 0)
		return -1;
	if (dwarf_child(t, &c) == 0)
		do {
			if (dwarf_tag(&c) != DW_TAG_enumerator ||
			    dwarf_attr(&c, DW_AT_const_value, &a) == NULL ||
			    dwarf_formudata(&a, &w) != 0)
				continue;
			if (a.form == DW_FORM_sdata ||
			    a.form == DW_FORM_implicit_const) {
				Dwarf_Sword sw;

				if (dwarf_formsdata(&a, &sw) == 0 && sw < 0)
					sgn = true;
			}
			if (size < 8)
				w &= ((uint64_t)1 << 8 * size) - 1;
			if (w == x) {
				const char *nm = dwarf_diename(&c);

				if (o->json)
					ptc_json_str(o->fp, nm, strlen(nm));
				else
					fputs(nm, o->fp);
				return 0;
			}
		} while (dwarf_siblingof(&c, &c) == 0);
	return print_int(o, x, sgn ? DW_ATE_signed : DW_ATE_unsigned,
	    (size_t)size);
}

static int
print_ptr(struct out *o, Dwarf_Die *decl, Dwarf_Die *t, const struct loc *at,
    bool top)
{
	Dwarf_Die pt;
	bool pvoid = type_of(t, &pt) != 0;
	uint64_t size, p;
	char tn[512];

	if (type_size(t, &size) < 0 || rd_uint(o->v, at, 0, (size_t)size,
	    &p) < 0)
		return -1;
	if (is_char(&pt, pvoid)) {
		if (o->json) {
			fprintf(o->fp, "{\"address\":\"0x%" PRIx64 "\","
			    "\"string\":", p);
			if (p == 0)
				fputs("null", o->fp);
			else
				print_cstr(o, p);
			fputc('}', o->fp);
			return 0;
		}
		fprintf(o->fp, "0x%" PRIx64, p);
		print_sym(o, p);
		if (p != 0)
			print_cstr(o, p);
		return 0;
	}
	if (o->json) {
		fprintf(o->fp, "\"0x%" PRIx64 "\"", p);
		return 0;
	}
	if (top) {
		type_name(decl, "", tn, sizeof(tn), 0);
		fprintf(o->fp, "(%s) ", tn);
	}
	fprintf(o->fp, "0x%" PRIx64, p);
	print_sym(o, p);
	return 0;
}

static int
print_struct(struct out *o, Dwarf_Die *t, const struct loc *at, int depth,
    bool inline_members)
{
	Dwarf_Die c, mt;
	bool first = true;

	if (!inline_members)
		fputc('{', o->fp);
	if (dwarf_child(t, &c) == 0)
		do {
			struct val m;
			const char *nm;
			Dwarf_Die p;

			if (dwarf_tag(&c) != DW_TAG_member)
				continue;
			memset(&m, 0, sizeof(m));
			m.at = *at;
			if (member_offset(&c, &m.at.addr) < 0)
				return -1;
			if (at->bytes != NULL) {
				if (m.at.addr > at->nbytes)
					return ptc_fail(EFAULT, "past the "
					    "value");
				m.at.bytes += m.at.addr;
				m.at.nbytes -= m.at.addr;
				m.at.addr = 0;
			} else
				m.at.addr += at->addr;
			if (take_member(&m, &c, 0) < 0)
				return -1;
			nm = dwarf_diename(&c);
			if (!first)
				fputs(o->json ? "," : ", ", o->fp);
			first = false;
			mt = m.type;
			if (nm == NULL && o->json && !m.is_void &&
			    peel(&mt, &p) == 0 &&
			    (dwarf_tag(&p) == DW_TAG_structure_type ||
			    dwarf_tag(&p) == DW_TAG_union_type)) {
				/* members of an anonymous one are ours */
				if (print_struct(o, &p, &m.at, depth + 1,
				    true) < 0)
					return -1;
				continue;
			}
			if (nm != NULL) {
				if (o->json) {
					ptc_json_str(o->fp, nm, strlen(nm));
					fputc(':', o->fp);
				} else
					fprintf(o->fp, "%s = ", nm);
			} else if (o->json)
				fputs("\"\":", o->fp);
			if (print_val(o, &mt, m.is_void, 0, &m.at, m.bitsize,
			    m.bitoff, false, depth + 1) < 0)
				return -1;
		} while (dwarf_siblingof(&c, &c) == 0);
	if (first && !o->json)
		fputs("<No data fields>", o->fp);
	if (!inline_members)
		fputc('}', o->fp);
	return 0;
}

static int
print_array(struct out *o, Dwarf_Die *t, int dim, const struct loc *at,
    int depth)
{
	struct arr a;
	uint64_t es, n, i, things = 0;
	unsigned char *eb = NULL, *nb = NULL;
	int rc = -1;

	if (arr_info(t, &a) < 0)
		return -1;
	if (dim >= a.ndims || !a.known[dim]) {
		fputs(o->json ? "[]" : "{}", o->fp);
		return 0;
	}
	n = a.count[dim];
	if (elem_size(&a, dim, &es) < 0)
		return -1;
	if (dim == a.ndims - 1 && is_char(&a.elem, a.elem_void)) {
		/*
		 * A string: runs of a byte count as one group however long,
		 * so all of it is needed (up to a limit).
		 */
		size_t len = n > STR_LIMIT ? STR_LIMIT : (size_t)n;
		unsigned char *buf = malloc(len + 1);

		if (buf == NULL || rd(o->v, at, 0, buf, len) < 0) {
			free(buf);
			return -1;
		}
		if (o->json)
			ptc_json_str(o->fp, buf, strnlen((char *)buf, len));
		else {
			/* gdb leaves out one NUL at the end */
			if (len == n && len > 0 && buf[len - 1] == '\0')
				len--;
			gdb_str(o->fp, buf, len, len < n - 1);
		}
		free(buf);
		return 0;
	}
	if (es > (1u << 20))
		return ptc_fail(ENOTSUP, "array elements of %" PRIu64
		    " bytes", es);
	if (es > 0 && ((eb = malloc((size_t)es)) == NULL ||
	    (nb = malloc((size_t)es)) == NULL))
		goto out;
	fputc(o->json ? '[' : '{', o->fp);
	for (i = 0; i < n && (o->json || things < PRINT_MAX); i++) {
		struct loc el = *at;
		uint64_t r = i + 1, reps = 1;

		if (i > 0)
			fputs(o->json ? "," : ", ", o->fp);
		el.addr += i * es;
		if (at->bytes != NULL) {
			if (i * es > at->nbytes) {
				ptc_fail(EFAULT, "past the value");
				goto out;
			}
			el.bytes += i * es;
			el.nbytes -= i * es;
		}
		if (!o->json && es > 0) {
			if (rd(o->v, &el, 0, eb, (size_t)es) < 0)
				goto out;
			for (; r < n; r++, reps++) {
				if (rd(o->v, at, r * es, nb, (size_t)es) < 0)
					goto out;
				if (memcmp(eb, nb, (size_t)es) != 0)
					break;
			}
		}
		if (dim + 1 < a.ndims) {
			if (print_array(o, t, dim + 1, &el, depth + 1) < 0)
				goto out;
		} else if (print_val(o, &a.elem, a.elem_void, 0, &el, 0, 0,
		    false, depth + 1) < 0)
			goto out;
		if (reps > REPEATS) {
			fprintf(o->fp, " <repeats %" PRIu64 " times>", reps);
			i = r - 1;
			things += REPEATS;
		} else
			things++;
	}
	if (i < n)
		fputs("...", o->fp);
	fputc(o->json ? ']' : '}', o->fp);
	rc = 0;
out:
	free(eb);
	free(nb);
	return rc;
}

static int
print_val(struct out *o, Dwarf_Die *type, bool is_void, int dim,
    const struct loc *at, unsigned bitsize, unsigned bitoff, bool top,
    int depth)
{
	Dwarf_Die t;
	char tn[256];

	if (depth > MAX_DEPTH)
		return ptc_fail(ELOOP, "values nested too deep");
	if (is_void || peel(type, &t) != 0)
		return ptc_fail(EINVAL, "a value of type void");
	switch (dwarf_tag(&t)) {
	case DW_TAG_base_type:
		return print_base(o, &t, at, bitsize, bitoff);
	case DW_TAG_enumeration_type:
		return print_enum(o, &t, at, bitsize, bitoff);
	case DW_TAG_pointer_type:
	case DW_TAG_reference_type:
		return print_ptr(o, type, &t, at, top);
	case DW_TAG_structure_type:
	case DW_TAG_union_type:
	case DW_TAG_class_type:
		if (o->json)
			fputc('{', o->fp);
		if (print_struct(o, &t, at, depth, o->json) < 0)
			return -1;
		if (o->json)
			fputc('}', o->fp);
		return 0;
	case DW_TAG_array_type:
		return print_array(o, &t, dim, at, depth);
	default:
		type_name(&t, "", tn, sizeof(tn), 0);
		return ptc_fail(ENOTSUP, "cannot print a value of type %s", tn);
	}
}

int
ptc_var_print(struct ptc_vars *v, const char *path, unsigned flags, FILE *fp)
{
	struct val val;
	struct out o;
	char *buf = NULL;
	size_t len = 0;
	int rc;

	if (eval(v, path, &val) < 0)
		return -1;
	o.v = v;
	o.json = (flags & PTC_VAR_JSON) != 0;
	/* nothing is written unless the whole value could be read */
	if ((o.fp = open_memstream(&buf, &len)) == NULL)
		return -1;
	if (o.json && (flags & PTC_VAR_RECORD)) {
		char tn[256];
		uint64_t size = 0;

		val_type_name(&val, tn, sizeof(tn));
		fputs("{\"path\":", o.fp);
		ptc_json_str(o.fp, path, strlen(path));
		if (val.at.bytes != NULL)
			fputs(",\"address\":null", o.fp);
		else
			fprintf(o.fp, ",\"address\":\"0x%" PRIx64 "\"",
			    val.at.addr + val.bitoff / 8);
		if (val_size(&val, &size) == 0)
			fprintf(o.fp, ",\"size\":%" PRIu64, size);
		fputs(",\"type\":", o.fp);
		ptc_json_str(o.fp, tn, strlen(tn));
		fputs(",\"value\":", o.fp);
	}
	rc = print_val(&o, &val.type, val.is_void, val.dim, &val.at,
	    val.bitsize, val.bitoff, true, 0);
	if (o.json && (flags & PTC_VAR_RECORD))
		fputc('}', o.fp);
	if (fclose(o.fp) != 0)
		rc = -1;
	if (rc == 0 && fwrite(buf, 1, len, fp) != len)
		rc = -1;
	free(buf);
	return rc;
}
