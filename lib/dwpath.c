/*
 * dwpath.c: the access paths of ptc_var_print(), "g_s.in.z",
 * "g_arr[2]", "p->next->x", "*g_ptr", "(*g_ptr).x", parsed into the
 * steps an evaluation takes, in the order it takes them.  A pure
 * function of its input (unit tests and fuzzing reach it directly).
 *
 *   path    := unary
 *   unary   := '*' unary | postfix
 *   postfix := primary { '.' NAME | '->' NAME | '[' NUMBER ']' }
 *   primary := NAME [ '::' NAME ] | '(' unary ')'
 */
#include <ctype.h>
#include <errno.h>
#include <string.h>

#include "internal.h"

struct parser {
	const char *s;
	size_t pos;
	struct ptc__dwpath *p;
};

static void
blanks(struct parser *ps)
{
	while (ps->s[ps->pos] == ' ' || ps->s[ps->pos] == '\t')
		ps->pos++;
}

/* What is left of the input, for messages: "'rest'" or "the end". */
static int
expected(struct parser *ps, const char *what)
{
	if (ps->s[ps->pos] == '\0')
		return ptc_fail(EINVAL, "expected %s at the end of '%s'", what,
		    ps->s);
	return ptc_fail(EINVAL, "expected %s at '%.32s' in '%s'", what,
	    ps->s + ps->pos, ps->s);
}

static int
name(struct parser *ps, size_t *off, size_t *len)
{
	size_t st;

	blanks(ps);
	st = ps->pos;
	if (!isalpha((unsigned char)ps->s[st]) && ps->s[st] != '_')
		return expected(ps, "a name");
	while (isalnum((unsigned char)ps->s[ps->pos]) || ps->s[ps->pos] == '_')
		ps->pos++;
	if (ps->pos - st >= PTC__DWNAME_MAX)
		return ptc_fail(EINVAL, "name too long at '%.32s'", ps->s + st);
	*off = st;
	*len = ps->pos - st;
	return 0;
}

static int
emit(struct parser *ps, enum ptc__dwstep kind, size_t off, size_t len,
    uint64_t index)
{
	struct ptc__dwop *op;

	if (ps->p->nops == PTC__DWPATH_MAX)
		return ptc_fail(EINVAL, "more than %d steps in '%.32s...'",
		    PTC__DWPATH_MAX, ps->s);
	op = &ps->p->ops[ps->p->nops++];
	op->kind = kind;
	op->off = off;
	op->len = len;
	op->index = index;
	return 0;
}

static int
number(struct parser *ps, uint64_t *v)
{
	char buf[32];
	size_t st, n;

	blanks(ps);
	st = ps->pos;
	while (isalnum((unsigned char)ps->s[ps->pos]))
		ps->pos++;
	n = ps->pos - st;
	if (n == 0)
		return expected(ps, "an index");
	if (n >= sizeof(buf))
		return ptc_fail(ERANGE, "index too large at '%.32s'",
		    ps->s + st);
	memcpy(buf, ps->s + st, n);
	buf[n] = '\0';
	return ptc_parse_u64(buf, v);
}

static int unary(struct parser *ps, int depth);

static int
primary(struct parser *ps, int depth)
{
	size_t off, len;

	blanks(ps);
	if (ps->s[ps->pos] == '(') {
		ps->pos++;
		if (unary(ps, depth + 1) < 0)
			return -1;
		blanks(ps);
		if (ps->s[ps->pos] != ')')
			return expected(ps, "')'");
		ps->pos++;
		return 0;
	}
	if (name(ps, &off, &len) < 0)
		return -1;
	if (ps->s[ps->pos] == ':' && ps->s[ps->pos + 1] == ':') {
		/* FUNCTION::NAME, as gdb names a function's static */
		ps->p->scope_off = off;
		ps->p->scope_len = len;
		ps->pos += 2;
		if (name(ps, &off, &len) < 0)
			return -1;
	}
	ps->p->root_off = off;
	ps->p->root_len = len;
	return 0;
}

static int
postfix(struct parser *ps, int depth)
{
	size_t off, len;
	uint64_t idx;

	if (primary(ps, depth) < 0)
		return -1;
	for (;;) {
		blanks(ps);
		if (ps->s[ps->pos] == '.' ||
		    (ps->s[ps->pos] == '-' && ps->s[ps->pos + 1] == '>')) {
			enum ptc__dwstep k = ps->s[ps->pos] == '.' ?
			    PTC__DW_FIELD : PTC__DW_ARROW;

			ps->pos += k == PTC__DW_FIELD ? 1 : 2;
			if (name(ps, &off, &len) < 0 ||
			    emit(ps, k, off, len, 0) < 0)
				return -1;
		} else if (ps->s[ps->pos] == '[') {
			ps->pos++;
			if (number(ps, &idx) < 0)
				return -1;
			blanks(ps);
			if (ps->s[ps->pos] != ']')
				return expected(ps, "']'");
			ps->pos++;
			if (emit(ps, PTC__DW_INDEX, 0, 0, idx) < 0)
				return -1;
		} else
			return 0;
	}
}

static int
unary(struct parser *ps, int depth)
{
	if (depth > PTC__DWPATH_MAX)
		return ptc_fail(EINVAL, "'%.32s...' nests too deep", ps->s);
	blanks(ps);
	if (ps->s[ps->pos] == '*') {
		ps->pos++;
		if (unary(ps, depth + 1) < 0)
			return -1;
		return emit(ps, PTC__DW_DEREF, 0, 0, 0);
	}
	return postfix(ps, depth);
}

int
ptc__dwpath_parse(const char *expr, struct ptc__dwpath *p)
{
	struct parser ps = { expr, 0, p };

	memset(p, 0, sizeof(*p));
	if (unary(&ps, 0) < 0)
		return -1;
	blanks(&ps);
	if (expr[ps.pos] != '\0')
		return ptc_fail(EINVAL, "garbage after '%.*s': '%.32s'",
		    (int)ps.pos, expr, expr + ps.pos);
	return 0;
}
