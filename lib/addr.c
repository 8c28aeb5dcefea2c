/*
 * addr.c: numbers and address expressions, as every tool's ADDR operand.
 *
 *   expr   := term chain
 *   term   := number | '%' reg | '[' name ']' [':' name] | name
 *   chain  := { ['+' | '-'] number }
 *   number := 0x hex | decimal       (a leading 0 is never octal)
 *
 * A name is a module ("libc", "libc.so.6", "/usr/bin/cat"), a symbol
 * ("main") or both ("libc:malloc").  Module names may themselves hold
 * '+' and '-' ("ld-linux-x86-64.so.2", "libstdc++.so.6"), so a name and
 * the offsets after it are split where the rest reads as offsets and
 * the part before resolves, shortest name first.
 *
 * The parser (ptc__addr_parse) knows nothing of processes: it calls a
 * resolver for registers, bracketed mappings and names, so tests and
 * fuzzers can run it alone.
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Longer expressions are refused: nobody types one, and messages stay short. */
#define EXPR_MAX 4096

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
	ptc_addr_resolver fn;
	void *ctx;
};

/*
 * Apply "+N" / "- N" ... starting at s (spaces allowed around operators
 * when ws), stopping at the first character that starts no offset.
 * *endp: where it stopped.  Fails on a bad number or on overflow.
 */
static int
chain(const struct parse *ps, const char *s, const char *lim, int ws,
    uint64_t *val, const char **endp)
{
	char q1[300], q2[300];

	for (;;) {
		const char *p = s, *num;
		char buf[128];
		uint64_t n;
		int op;

		while (ws && p < lim && (*p == ' ' || *p == '\t'))
			p++;
		if (p >= lim || (*p != '+' && *p != '-'))
			break;
		op = *p++;
		while (ws && p < lim && (*p == ' ' || *p == '\t'))
			p++;
		num = p;
		while (p < lim && is_word_char((unsigned char)*p))
			p++;
		if (p == num) {
			if (num >= lim || *num == '\0')
				return ptc_fail(EINVAL, "missing number after "
				    "'%s'", quote(ps->expr, (size_t)(num -
				    ps->expr), q1, sizeof(q1)));
			return ptc_fail(EINVAL, "expected a number after '%s', "
			    "not '%s'", quote(ps->expr, (size_t)(num -
			    ps->expr), q1, sizeof(q1)), quote(num, strlen(num),
			    q2, sizeof(q2)));
		}
		if ((size_t)(p - num) >= sizeof(buf))
			return ptc_fail(ERANGE, "number too large: %.64s", num);
		memcpy(buf, num, (size_t)(p - num));
		buf[p - num] = '\0';
		if (!isdigit((unsigned char)buf[0]))
			return ptc_fail(EINVAL, "expected a number after '%s', "
			    "not '%s'", quote(ps->expr, (size_t)(num - ps->expr),
			    q1, sizeof(q1)), quote(buf, strlen(buf), q2,
			    sizeof(q2)));
		if (ptc_parse_u64(buf, &n) == -1)
			return -1;
		if (op == '+' && *val + n < *val)
			return ptc_fail(ERANGE, "address overflows 64 bits at "
			    "'%s'", quote(ps->expr, (size_t)(p - ps->expr), q1,
			    sizeof(q1)));
		if (op == '-' && n > *val)
			return ptc_fail(ERANGE, "address below 0 at '%s'",
			    quote(ps->expr, (size_t)(p - ps->expr), q1,
			    sizeof(q1)));
		*val = op == '+' ? *val + n : *val - n;
		s = p;
	}
	*endp = s;
	return 0;
}

static int
resolve(const struct parse *ps, enum ptc_addr_term kind, const char *s,
    size_t n, uint64_t *v)
{
	char *name;
	int r;

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
 * and '-' and at the end, shortest name first.  When none works, the
 * error is about the offsets if a name resolved and a number after it
 * was bad or overflowed, else the shortest unknown name's.
 */
static int
name_term(const struct parse *ps, const char *s, const char *lim,
    uint64_t *val)
{
	char err[512] = "";
	int err_errno = 0, err_is_tail = 0;
	const char *p;

	for (p = s + 1; p <= lim; p++) {
		const char *end;
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
		if (chain(ps, p, lim, 0, &v, &end) == 0) {
			if (end == lim) {
				*val = v;
				return 0;
			}
			/* "libc-2.36.so": not offsets, a longer name */
			continue;
		}
		if (!err_is_tail) {
			snprintf(err, sizeof(err), "%s", ptc_error());
			err_errno = errno;
			err_is_tail = 1;
		}
	}
	return ptc_fail(err_errno ? err_errno : ENOENT, "%s", err);
}

int
ptc__addr_parse(const char *expr, ptc_addr_resolver fn, void *ctx,
    uint64_t *addr)
{
	struct parse ps = { expr, fn, ctx };
	const char *p = expr, *t, *end;
	char q1[300], q2[300];
	uint64_t v;
	size_t len;

	if (expr == NULL)
		return ptc_fail(EINVAL, "empty address expression");
	len = strnlen(expr, EXPR_MAX + 1);
	if (len > EXPR_MAX)
		return ptc_fail(EINVAL, "address expression too long");
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '\0')
		return ptc_fail(EINVAL, "empty address expression");
	t = p;
	if (isdigit((unsigned char)*p)) {
		char buf[128];

		while (is_word_char((unsigned char)*p))
			p++;
		if ((size_t)(p - t) >= sizeof(buf))
			return ptc_fail(ERANGE, "number too large: %.64s", t);
		memcpy(buf, t, (size_t)(p - t));
		buf[p - t] = '\0';
		if (ptc_parse_u64(buf, &v) == -1)
			return -1;
	} else if (*p == '%') {
		p++;
		while (is_word_char((unsigned char)*p))
			p++;
		if (p == t + 1)
			return ptc_fail(EINVAL, "missing register name after "
			    "'%%' in '%s'", quote(expr, len, q1, sizeof(q1)));
		if (resolve(&ps, PTC_AT_REG, t + 1, (size_t)(p - t - 1),
		    &v) == -1)
			return -1;
	} else if (*p == '[') {
		const char *close = strchr(p, ']');

		if (close == NULL)
			return ptc_fail(EINVAL, "missing ']' in '%s'",
			    quote(expr, len, q1, sizeof(q1)));
		p = close + 1;
		if (*p == ':') {
			/* "[vdso]:__vdso_time": a symbol of a named region */
			p++;
			while (is_name_char((unsigned char)*p))
				p++;
			while (p > close + 2 && (p[-1] == '+' || p[-1] == '-'))
				p--;
			if (name_term(&ps, t, p, &v) == -1)
				return -1;
		} else if (resolve(&ps, PTC_AT_MAP, t, (size_t)(p - t),
		    &v) == -1)
			return -1;
	} else if (*p == '+' || *p == '-') {
		return ptc_fail(EINVAL, "missing address before '%c' in '%s'",
		    *p, quote(expr, len, q1, sizeof(q1)));
	} else if (is_name_char((unsigned char)*p)) {
		while (is_name_char((unsigned char)*p))
			p++;
		/* a trailing operator belongs to no name */
		while (p > t + 1 && (p[-1] == '+' || p[-1] == '-'))
			p--;
		if (name_term(&ps, t, p, &v) == -1)
			return -1;
	} else {
		return ptc_fail(EINVAL, "unexpected '%s' in address expression",
		    quote(p, strlen(p), q1, sizeof(q1)));
	}
	if (chain(&ps, p, expr + len, 1, &v, &end) == -1)
		return -1;
	p = end;
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p != '\0')
		return ptc_fail(EINVAL, "garbage after '%s': '%s'",
		    quote(t, (size_t)(end - t), q1, sizeof(q1)),
		    quote(p, strlen(p), q2, sizeof(q2)));
	*addr = v;
	return 0;
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
