/*
 * addr.c: numbers and address expressions, as every tool's ADDR operand.
 *
 *   expr    := sum
 *   sum     := product { ('+' | '-') product }
 *   product := unary { '*' unary }
 *   unary   := '*' unary | primary          ('*': the pointer stored there)
 *   primary := number | '%' reg | '[' name ']' [':' name] | name | '(' sum ')'
 *   number  := 0x hex | decimal             (a leading 0 is never octal)
 *
 * A name is a module ("libc", "libc.so.6", "/usr/bin/cat"), a symbol
 * ("main") or both ("libc:malloc").  Module names may themselves hold
 * '+' and '-' ("ld-linux-x86-64.so.2", "libstdc++.so.6"), so a name and
 * the offsets written right after it are split where the rest reads as
 * offsets and the part before resolves, shortest name first; the
 * offsets are then operands like any other ("arr+4*3" is arr + 12).
 *
 * The parser (ptc__addr_parse) knows nothing of processes: it calls a
 * resolver for registers, bracketed mappings, names and dereferences,
 * so tests and fuzzers can run it alone.  Without a resolver it checks
 * the syntax only (ptc_addr_check()).
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Longer expressions are refused: nobody types one, and messages stay short. */
#define EXPR_MAX 4096
/* Deeper nesting of '(' and '*' is refused, so the recursion stays small. */
#define DEPTH_MAX 64

/* User text inside a message: escaped as names are, at most 64 bytes. */
static const char *
quote(const char *s, size_t n, char *out, size_t outlen)
{
	char tmp[65];
	size_t k = n < 64 ? n : 64, o;

	memcpy(tmp, s, k);
	tmp[k] = '\0';
	ptc_escape_name(out, outlen - 3, tmp);
	o = strlen(out);
	if (n > 64)
		memcpy(out + o, "...", 4);
	return out;
}

int
ptc_parse_u64(const char *s, uint64_t *v)
{
	const char *p, *digits;
	char q[300];
	uint64_t n = 0;
	int hex;

	if (s == NULL || *s == '\0')
		return ptc_fail(EINVAL, "empty number");
	hex = s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
	digits = hex ? s + 2 : s;
	if (*digits == '\0')
		return ptc_fail(EINVAL, "no digits after '%.2s'", s);
	if (!isdigit((unsigned char)s[0]))
		return ptc_fail(EINVAL, "not a number: '%s'",
		    quote(s, strlen(s), q, sizeof(q)));
	/* every character first, so "too large" is only said of numbers */
	for (p = digits; *p != '\0'; p++) {
		int ok = hex ? isxdigit((unsigned char)*p) :
		    isdigit((unsigned char)*p);

		if (!ok)
			return isprint((unsigned char)*p) ?
			    ptc_fail(EINVAL, "bad %s digit '%c' in '%s'",
			    hex ? "hex" : "decimal", *p,
			    quote(s, strlen(s), q, sizeof(q))) :
			    ptc_fail(EINVAL, "bad %s digit '%s' in number",
			    hex ? "hex" : "decimal", quote(p, 1, q, sizeof(q)));
	}
	for (p = digits; *p != '\0'; p++) {
		unsigned d;

		if (isdigit((unsigned char)*p))
			d = (unsigned)(*p - '0');
		else
			d = (unsigned)(tolower((unsigned char)*p) - 'a' + 10);
		if (hex) {
			if (n > UINT64_MAX >> 4)
				goto range;
			n = n << 4 | d;
		} else {
			if (n > (UINT64_MAX - d) / 10)
				goto range;
			n = n * 10 + d;
		}
	}
	*v = n;
	return 0;
range:
	return ptc_fail(ERANGE, "number too large: %.64s", s);
}

static int
is_name_char(int c)
{
	return isalnum(c) || (c != 0 && strchr("_.$@/~:+-", c) != NULL);
}

static int
is_word_char(int c)
{
	return isalnum(c) || c == '_';
}

struct parse {
	const char *expr;       /* the whole expression, for messages */
	const char *end;        /* its terminating NUL */
	const char *p;          /* next character to read */
	ptc_addr_resolver fn;   /* NULL: syntax only, every term is 0 */
	void *ctx;
	int depth;
};

/* The expression up to q, quoted for a message. */
static const char *
upto(const struct parse *ps, const char *q, char *out, size_t outlen)
{
	return quote(ps->expr, (size_t)(q - ps->expr), out, outlen);
}

static void
skip_ws(struct parse *ps)
{
	while (*ps->p == ' ' || *ps->p == '\t')
		ps->p++;
}

/* The number made of the word characters [s, lim) into *v. */
static int
number(const char *s, const char *lim, uint64_t *v)
{
	char buf[128];

	if ((size_t)(lim - s) >= sizeof(buf))
		return ptc_fail(ERANGE, "number too large: %.64s", s);
	memcpy(buf, s, (size_t)(lim - s));
	buf[lim - s] = '\0';
	return ptc_parse_u64(buf, v);
}

/*
 * Do [p, lim) read as offsets, "+N", "-N", ... with nothing else?  0 if
 * so, else -1 with the detail an offset there would get.
 */
static int
offsets(const struct parse *ps, const char *p, const char *lim)
{
	char q1[300], q2[300];

	while (p < lim) {
		const char *num;
		uint64_t n;

		if (*p != '+' && *p != '-')
			return ptc_fail(EINVAL, "garbage after '%s': '%s'",
			    upto(ps, p, q1, sizeof(q1)), quote(p,
			    (size_t)(lim - p), q2, sizeof(q2)));
		num = ++p;
		while (p < lim && is_word_char((unsigned char)*p))
			p++;
		if (p == num && num >= ps->end)
			return ptc_fail(EINVAL, "missing number after '%s'",
			    upto(ps, num, q1, sizeof(q1)));
		if (p == num || !isdigit((unsigned char)*num))
			return ptc_fail(EINVAL, "expected a number after '%s', "
			    "not '%s'", upto(ps, num, q1, sizeof(q1)),
			    quote(num, (size_t)(lim - num), q2, sizeof(q2)));
		if (number(num, p, &n) == -1)
			return -1;
	}
	return 0;
}

static int
resolve(const struct parse *ps, enum ptc_addr_term kind, const char *s,
    size_t n, uint64_t *v)
{
	char *name;
	int r;

	if (ps->fn == NULL) {
		*v = 0;
		return 0;
	}
	if ((name = strndup(s, n)) == NULL)
		return -1;
	errno = 0;
	r = ps->fn(ps->ctx, kind, name, v);
	if (r == -1 && errno == 0)
		ptc_fail(ENOENT, "cannot resolve '%s'", name);
	free(name);
	return r;
}

/*
 * A name token [s, lim): try the splits "name" + "offsets" at every '+'
 * and '-' and at the end, shortest name first; the offsets are left to
 * the caller (ps->p stops after the name).  When none works, the error
 * is about the offsets if a name resolved and what followed it was not
 * offsets, else the shortest unknown name's.
 */
static int
name_term(struct parse *ps, const char *s, const char *lim, uint64_t *val)
{
	char err[512] = "";
	int err_errno = 0, err_is_tail = 0;
	const char *p;

	for (p = s + 1; p <= lim; p++) {
		uint64_t v;

		if (p < lim && *p != '+' && *p != '-')
			continue;
		if (resolve(ps, PTC_AT_NAME, s, (size_t)(p - s), &v) == -1) {
			if (errno != ENOENT)
				return -1;
			if (err_errno == 0) {
				snprintf(err, sizeof(err), "%s", ptc_error());
				err_errno = errno;
			}
			continue;
		}
		if (offsets(ps, p, lim) == 0) {
			*val = v;
			ps->p = p;
			return 0;
		}
		/* "libc-2.36.so": not offsets, a longer name */
		if (!err_is_tail) {
			snprintf(err, sizeof(err), "%s", ptc_error());
			err_errno = errno;
			err_is_tail = 1;
		}
	}
	return ptc_fail(err_errno ? err_errno : ENOENT, "%s", err);
}

static int sum(struct parse *ps, int op, uint64_t *val);

/* What may start an operand. */
static int
operand_start(int c)
{
	return c == '*' || c == '(' || c == '%' || c == '[' ||
	    (is_name_char(c) && c != '+' && c != '-');
}

/*
 * An operand was expected at ps->p after the text before it (op: the
 * operator before, or 0 at the start): the error for what is there.
 */
static int
no_operand(const struct parse *ps, int op)
{
	char q1[300], q2[300];
	const char *p = ps->p;

	if (*p == '\0' && op != 0)
		return ptc_fail(EINVAL, "missing number after '%s'",
		    upto(ps, p, q1, sizeof(q1)));
	if (*p == '\0')
		return ptc_fail(EINVAL, "empty address expression");
	if (op == 0 && (*p == '+' || *p == '-'))
		return ptc_fail(EINVAL, "missing address before '%c' in '%s'",
		    *p, quote(ps->expr, (size_t)(ps->end - ps->expr), q1,
		    sizeof(q1)));
	if (op == '+' || op == '-' || op == '*')
		return ptc_fail(EINVAL, "expected a number after '%s', not "
		    "'%s'", upto(ps, p, q1, sizeof(q1)), quote(p,
		    (size_t)(ps->end - p), q2, sizeof(q2)));
	return ptc_fail(EINVAL, "unexpected '%s' in address expression",
	    quote(p, (size_t)(ps->end - p), q1, sizeof(q1)));
}

static int
primary(struct parse *ps, int op, uint64_t *val)
{
	const char *t, *p;
	char q1[300];

	skip_ws(ps);
	t = p = ps->p;
	if (isdigit((unsigned char)*p)) {
		while (is_word_char((unsigned char)*p))
			p++;
		ps->p = p;
		return number(t, p, val);
	}
	if (*p == '%') {
		p++;
		while (is_word_char((unsigned char)*p))
			p++;
		if (p == t + 1)
			return ptc_fail(EINVAL, "missing register name after "
			    "'%%' in '%s'", quote(ps->expr, (size_t)(ps->end -
			    ps->expr), q1, sizeof(q1)));
		ps->p = p;
		return resolve(ps, PTC_AT_REG, t + 1, (size_t)(p - t - 1),
		    val);
	}
	if (*p == '[') {
		const char *close = strchr(p, ']');

		if (close == NULL)
			return ptc_fail(EINVAL, "missing ']' in '%s'",
			    quote(ps->expr, (size_t)(ps->end - ps->expr), q1,
			    sizeof(q1)));
		p = close + 1;
		if (*p != ':') {
			ps->p = p;
			return resolve(ps, PTC_AT_MAP, t, (size_t)(p - t), val);
		}
		/* "[vdso]:__vdso_time": a symbol of a named region */
		p++;
		while (is_name_char((unsigned char)*p))
			p++;
		while (p > close + 2 && (p[-1] == '+' || p[-1] == '-'))
			p--;
		return name_term(ps, t, p, val);
	}
	if (*p == '(') {
		ps->p++;
		if (sum(ps, '(', val) == -1)
			return -1;
		skip_ws(ps);
		if (*ps->p != ')')
			return *ps->p == '\0' ?
			    ptc_fail(EINVAL, "missing ')' after '%s'",
			    upto(ps, ps->p, q1, sizeof(q1))) :
			    ptc_fail(EINVAL, "expected ')' after '%s', not "
			    "'%.1s'", upto(ps, ps->p, q1, sizeof(q1)), ps->p);
		ps->p++;
		return 0;
	}
	if (operand_start((unsigned char)*p) && *p != '*') {
		while (is_name_char((unsigned char)*p))
			p++;
		/* a trailing operator belongs to no name */
		while (p > t + 1 && (p[-1] == '+' || p[-1] == '-'))
			p--;
		return name_term(ps, t, p, val);
	}
	return no_operand(ps, op);
}

static int
unary(struct parse *ps, int op, uint64_t *val)
{
	const char *t;
	int r;

	skip_ws(ps);
	if (*ps->p != '*')
		return primary(ps, op, val);
	if (++ps->depth > DEPTH_MAX)
		return ptc_fail(EINVAL, "address expression nested too deeply");
	t = ++ps->p;
	if ((r = unary(ps, '*', val)) == 0 && ps->fn != NULL) {
		while (*t == ' ' || *t == '\t')
			t++;
		/* the resolver names what was dereferenced */
		r = resolve(ps, PTC_AT_DEREF, t, (size_t)(ps->p - t), val);
	}
	ps->depth--;
	return r;
}

static int
product(struct parse *ps, int op, uint64_t *val)
{
	char q1[300];

	if (unary(ps, op, val) == -1)
		return -1;
	for (;;) {
		uint64_t r;

		skip_ws(ps);
		if (*ps->p != '*')
			return 0;
		ps->p++;
		if (unary(ps, '*', &r) == -1)
			return -1;
		if (ps->fn != NULL && r != 0 && *val > UINT64_MAX / r)
			return ptc_fail(ERANGE, "address overflows 64 bits at "
			    "'%s'", upto(ps, ps->p, q1, sizeof(q1)));
		*val *= r;
	}
}

/* op: '(' inside parentheses, 0 for the whole expression */
static int
sum(struct parse *ps, int op, uint64_t *val)
{
	char q1[300];

	if (++ps->depth > DEPTH_MAX)
		return ptc_fail(EINVAL, "address expression nested too deeply");
	if (product(ps, op, val) == -1)
		return -1;
	for (;;) {
		uint64_t r;
		int o;

		skip_ws(ps);
		if (*ps->p != '+' && *ps->p != '-')
			break;
		o = *ps->p++;
		if (product(ps, o, &r) == -1)
			return -1;
		if (ps->fn != NULL && o == '+' && *val + r < *val)
			return ptc_fail(ERANGE, "address overflows 64 bits at "
			    "'%s'", upto(ps, ps->p, q1, sizeof(q1)));
		if (ps->fn != NULL && o == '-' && r > *val)
			return ptc_fail(ERANGE, "address below 0 at '%s'",
			    upto(ps, ps->p, q1, sizeof(q1)));
		*val = o == '+' ? *val + r : *val - r;
	}
	ps->depth--;
	return 0;
}

int
ptc__addr_parse(const char *expr, ptc_addr_resolver fn, void *ctx,
    uint64_t *addr)
{
	struct parse ps = { expr, NULL, expr, fn, ctx, 0 };
	char q1[300], q2[300];
	const char *t, *last;
	uint64_t v;
	size_t len;

	if (expr == NULL)
		return ptc_fail(EINVAL, "empty address expression");
	len = strnlen(expr, EXPR_MAX + 1);
	if (len > EXPR_MAX)
		return ptc_fail(EINVAL, "address expression too long");
	ps.end = expr + len;
	skip_ws(&ps);
	if (*ps.p == '\0')
		return ptc_fail(EINVAL, "empty address expression");
	t = ps.p;
	if (sum(&ps, 0, &v) == -1)
		return -1;
	last = ps.p;
	while (last > t && (last[-1] == ' ' || last[-1] == '\t'))
		last--;
	skip_ws(&ps);
	if (*ps.p != '\0')
		return ptc_fail(EINVAL, "garbage after '%s': '%s'",
		    quote(t, (size_t)(last - t), q1, sizeof(q1)),
		    quote(ps.p, strlen(ps.p), q2, sizeof(q2)));
	*addr = v;
	return 0;
}

int
ptc_addr_check(const char *expr)
{
	uint64_t v;

	return ptc__addr_parse(expr, NULL, NULL, &v);
}

/* ---- the resolver for a live process ---- */

static int
looks_like_module(const char *name)
{
	return strncmp(name, "lib", 3) == 0 || strstr(name, ".so") != NULL ||
	    strchr(name, '/') != NULL;
}

static int
target_resolve(void *ctx, enum ptc_addr_term kind, const char *name,
    uint64_t *val)
{
	struct ptc_target *t = ctx;
	pid_t pid = ptc_target_pid(t);
	const struct ptc_maps *maps;
	const struct ptc_map *m;
	struct ptc_syms *ss;
	const char *colon;

	switch (kind) {
	case PTC_AT_REG: {
		struct ptc_task *task = ptc_target_task(t, 0);

		if (task == NULL)
			return -1;
		return ptc_reg_read(task, name, val);
	}
	case PTC_AT_MAP:
		if ((maps = ptc_target_maps(t)) == NULL)
			return -1;
		if ((m = ptc_maps_module(maps, name)) == NULL)
			return ptc_fail(ENOENT, "no mapping '%s' in process %d",
			    name, (int)pid);
		*val = m->start;
		return 0;
	case PTC_AT_DEREF: {
		int ps = ptc_proc_ptrsize(pid);
		uint64_t a = *val, v = 0;
		uint32_t w;

		if (ps != 4)
			ps = 8;
		if (ptc_target_read(t, a, ps == 4 ? (void *)&w : (void *)&v,
		    (size_t)ps) != ps)
			return errno == ESRCH || errno == EPERM ? -1 :
			    ptc_fail(EFAULT, "*%s: cannot read a pointer at "
			    "0x%" PRIx64, name, a);
		*val = ps == 4 ? w : v;
		return 0;
	}
	case PTC_AT_NAME:
		break;
	}
	if ((colon = strchr(name, ':')) != NULL) {
		char mod[4096];

		if (colon == name)
			return ptc_fail(EINVAL, "missing module name before "
			    "':' in '%s'", name);
		if (colon[1] == '\0')
			return ptc_fail(EINVAL, "missing symbol name after "
			    "'%s'", name);
		snprintf(mod, sizeof(mod), "%.*s", (int)(colon - name), name);
		if ((ss = ptc_target_syms(t)) == NULL)
			return -1;
		return ptc_syms_lookup(ss, mod, colon + 1, val);
	}
	if ((maps = ptc_target_maps(t)) == NULL)
		return -1;
	if ((m = ptc_maps_module(maps, name)) != NULL) {
		*val = m->start;
		return 0;
	}
	if (strchr(name, '/') != NULL)
		return ptc_fail(ENOENT, "no module '%s' in process %d", name,
		    (int)pid);
	if ((ss = ptc_target_syms(t)) == NULL)
		return -1;
	if (ptc_syms_lookup(ss, NULL, name, val) == 0)
		return 0;
	if (errno != ENOENT)
		return -1;
	if (looks_like_module(name))
		return ptc_fail(ENOENT, "no module '%s' in process %d", name,
		    (int)pid);
	return ptc_fail(ENOENT, "unknown symbol '%s'", name);
}

int
ptc_addr_eval(struct ptc_target *t, const char *expr, uint64_t *addr)
{
	return ptc__addr_parse(expr, target_resolve, t, addr);
}
