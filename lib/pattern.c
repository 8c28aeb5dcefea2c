/*
 * pattern.c: what ptpeek -F looks for, parsed once and matched many
 * times: bytes with "??" wildcards, a string, or a typed value compared
 * with a number, a range, a float with a tolerance, or with the value
 * seen before (increased, decreased, changed, unchanged, +N, -N).
 * Comparisons become ranges, so matching a value is two compares, and
 * ptc_pat_search() runs a tight loop per type over large reads; an
 * exact value or bytes without wildcards go to ptc_mem_search().
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

enum rel { REL_NONE, REL_INC, REL_DEC, REL_CHANGED, REL_UNCHANGED, REL_PLUS,
	REL_MINUS };
enum num { NUM_U, NUM_I, NUM_F };
union val { uint64_t u; int64_t i; double f; };

struct ptc_pat {
	size_t len, align;       /* bytes a match covers; where it may start */
	int typed;
	enum ptc_vtype type;
	enum num num;            /* how the value compares */
	unsigned char *bytes;    /* untyped: the bytes, and the mask */
	unsigned char *mask;     /* (NULL: no wildcard); typed exact: value */
	int exact;               /* no wildcard, no comparison */
	enum rel rel;
	int neg;                 /* match outside [lo, hi] (!=) */
	int lo_open, hi_open;    /* floats: > and < */
	union val lo, hi, delta;
};

void
ptc_pat_free(struct ptc_pat *p)
{
	if (p == NULL)
		return;
	free(p->bytes);
	free(p->mask);
	free(p);
}

size_t
ptc_pat_size(const struct ptc_pat *p)
{
	return p->len;
}

int
ptc_pat_relative(const struct ptc_pat *p)
{
	return p->rel != REL_NONE;
}

/* Fail naming the column (from 1) of text where the problem is. */
static int
fail_at(const char *text, const char *at, const char *why)
{
	return ptc_fail(EINVAL, "-F '%.64s': %s at column %zu", text, why,
	    (size_t)(at - text) + 1);
}

/* The value of a hex digit, or -1. */
static int
nibble(int c)
{
	const char *d = strchr("0123456789abcdef", tolower(c));

	return c != 0 && d != NULL ? (int)(d - "0123456789abcdef") : -1;
}

/* "de ad ?? ef", "dead??ef": bytes and a mask of the bytes that count. */
static int
parse_bytes(struct ptc_pat *p, const char *text)
{
	const char *s = text;
	size_t n = 0;
	int wild = 0;

	if (text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
		return fail_at(text, text, "hex bytes are written without 0x "
		    "(use -t for a number)");
	if ((p->bytes = malloc(strlen(text) / 2 + 1)) == NULL ||
	    (p->mask = malloc(strlen(text) / 2 + 1)) == NULL)
		return -1;
	while (*s != '\0') {
		if (*s == ' ' || *s == '\t' || *s == ',') {
			s++;
			continue;
		}
		if (s[0] == '?' && s[1] == '?') {
			p->bytes[n] = 0;
			p->mask[n++] = 0;
			wild = 1;
		} else if (nibble((unsigned char)s[0]) >= 0 &&
		    nibble((unsigned char)s[1]) >= 0) {
			p->bytes[n] = (unsigned char)(nibble((unsigned char)s[0])
			    << 4 | nibble((unsigned char)s[1]));
			p->mask[n++] = 0xff;
		} else if (s[0] == '?') {
			return fail_at(text, s, "'?' alone (a wildcard byte "
			    "is '?\?')");
		} else if (nibble((unsigned char)s[0]) < 0) {
			return fail_at(text, s, "not a hex digit");
		} else if (s[1] == '\0' || s[1] == ' ' || s[1] == '\t' ||
		    s[1] == ',') {
			return fail_at(text, s, "half a byte");
		} else {
			return fail_at(text, s + 1, s[1] == '?' ? "'?' alone "
			    "(a wildcard byte is '?\?')" : "not a hex digit");
		}
		s += 2;
	}
	if (n == 0)
		return ptc_fail(EINVAL, "-F '': empty pattern");
	if (!wild) {
		free(p->mask);
		p->mask = NULL;
	}
	p->len = n;
	p->exact = !wild;
	return 0;
}

/*
 * One typed number, [s, e) of text (e NULL: to its end), into *v as
 * the pattern compares it.
 */
static int
number(struct ptc_pat *p, const char *text, const char *s, const char *e,
    int signed_ok, void *v)
{
	unsigned char raw[8] = { 0 };
	char why[256], buf[128];
	uint64_t u = 0;
	size_t n = e != NULL ? (size_t)(e - s) : strlen(s);
	const char *at = s;

	if (n == 0)
		return fail_at(text, s, "missing number");
	if (n >= sizeof(buf))
		return fail_at(text, s, "a number too long");
	memcpy(buf, s, n);
	buf[n] = '\0';
	s = buf;
	/* a relative -N takes a magnitude of any type */
	if (ptc_value_parse(p->type == PTC_VT_PTR ? PTC_VT_U64 : p->type, s,
	    raw) < 0) {
		snprintf(why, sizeof(why), "%s", ptc_error());
		return fail_at(text, at, why);
	}
	if (!signed_ok && p->num == NUM_I && s[0] == '-')
		return fail_at(text, at, "a negative amount");
	memcpy(&u, raw, p->type == PTC_VT_PTR || p->len > 8 ? 8 : p->len);
	if (p->type == PTC_VT_PTR && p->len == 4 && (u >> 32) != 0)
		return fail_at(text, at, "a value wider than the process's "
		    "4-byte pointers");
	switch (p->num) {
	case NUM_F:
		if (p->type == PTC_VT_F32) {
			float f;
			memcpy(&f, raw, 4);
			*(double *)v = f;
		} else
			memcpy(v, raw, 8);
		break;
	case NUM_I:
		switch (p->len) {
		case 1: *(int64_t *)v = (int8_t)raw[0]; break;
		case 2: { int16_t x; memcpy(&x, raw, 2);
			*(int64_t *)v = x; break; }
		case 4: { int32_t x; memcpy(&x, raw, 4);
			*(int64_t *)v = x; break; }
		default: memcpy(v, raw, 8); break;
		}
		break;
	case NUM_U:
		*(uint64_t *)v = p->len == 8 ? u :
		    u & ((UINT64_C(1) << (p->len * 8)) - 1);
		break;
	}
	return 0;
}

/* The largest and smallest values of the pattern's type. */
static void
type_limits(struct ptc_pat *p)
{
	unsigned bits = (unsigned)p->len * 8;

	switch (p->num) {
	case NUM_U:
		p->lo.u = 0;
		p->hi.u = bits == 64 ? UINT64_MAX : (UINT64_C(1) << bits) - 1;
		break;
	case NUM_I:
		p->hi.i = (int64_t)(UINT64_MAX >> (65 - bits));
		p->lo.i = -p->hi.i - 1;
		break;
	case NUM_F:
		p->lo.f = -INFINITY;
		p->hi.f = INFINITY;
		break;
	}
}

static int
parse_typed(struct ptc_pat *p, const char *text)
{
	static const struct {
		const char *word;
		enum rel rel;
	} words[] = {
		{ "increased", REL_INC }, { "decreased", REL_DEC },
		{ "changed", REL_CHANGED }, { "unchanged", REL_UNCHANGED },
	};
	const char *s = text, *dots, *tilde;
	int cmp = 0;

	p->num = p->type == PTC_VT_F32 || p->type == PTC_VT_F64 ? NUM_F :
	    p->type >= PTC_VT_I8 && p->type <= PTC_VT_I64 ? NUM_I : NUM_U;
	p->align = p->len;
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strcmp(text, words[i].word) == 0) {
			p->rel = words[i].rel;
			return 0;
		}
	if ((*s == '+' || *s == '-') && strstr(s, "..") == NULL) {
		p->rel = *s == '+' ? REL_PLUS : REL_MINUS;
		return number(p, text, s + 1, NULL, 0, &p->delta);
	}
	type_limits(p);
	if (s[0] == '!' && s[1] == '=') {
		p->neg = 1;
		s += 2;
	} else if (s[0] == '>' || s[0] == '<') {
		cmp = s[0] == '>' ? (s[1] == '=' ? 'G' : '>') :
		    (s[1] == '=' ? 'L' : '<');
		s += s[1] == '=' ? 2 : 1;
	} else if (s[0] == '=')
		s++;
	if (cmp == 0 && !p->neg && (dots = strstr(s, "..")) != NULL) {
		if (number(p, text, s, dots, 1, &p->lo) < 0 ||
		    number(p, text, dots + 2, NULL, 1, &p->hi) < 0)
			return -1;
		if (p->num == NUM_U ? p->lo.u > p->hi.u : p->num == NUM_I ?
		    p->lo.i > p->hi.i : !(p->lo.f <= p->hi.f))
			return fail_at(text, dots, "an empty range (the first "
			    "number is the larger)");
		return 0;
	}
	if (p->num == NUM_F && (tilde = strchr(s, '~')) != NULL) {
		double v, tol;

		if (number(p, text, s, tilde, 1, &v) < 0 ||
		    number(p, text, tilde + 1, NULL, 0, &tol) < 0)
			return -1;
		if (!(tol >= 0))
			return fail_at(text, tilde + 1, "a negative tolerance");
		p->lo.f = v - tol;
		p->hi.f = v + tol;
		return 0;
	}
	switch (cmp) {
	case 0: {
		union val v;

		if (number(p, text, s, NULL, 1, &v) < 0)
			return -1;
		p->lo = p->hi = v;
		p->exact = !p->neg && p->num != NUM_F;
		return 0;
	}
	case '>':
	case 'G':
		if (number(p, text, s, NULL, 1, &p->lo) < 0)
			return -1;
		p->lo_open = cmp == '>';
		break;
	default:
		if (number(p, text, s, NULL, 1, &p->hi) < 0)
			return -1;
		p->hi_open = cmp == '<';
		break;
	}
	/* integers: > N is >= N + 1; nothing is > the largest value */
	if (p->num == NUM_U && p->lo_open) {
		p->lo_open = 0;
		if (p->lo.u++ == UINT64_MAX || p->lo.u > p->hi.u)
			p->neg = 1, type_limits(p);
	} else if (p->num == NUM_U && p->hi_open) {
		p->hi_open = 0;
		if (p->hi.u-- == 0)
			p->neg = 1, type_limits(p);
	} else if (p->num == NUM_I && p->lo_open) {
		int64_t max = p->hi.i;

		p->lo_open = 0;
		if (p->lo.i == max)
			p->neg = 1, type_limits(p);
		else
			p->lo.i++;
	} else if (p->num == NUM_I && p->hi_open) {
		int64_t min = -(int64_t)(UINT64_MAX >> (65 - p->len * 8)) - 1;

		p->hi_open = 0;
		if (p->hi.i == min)
			p->neg = 1, type_limits(p);
		else
			p->hi.i--;
	}
	return 0;
}

struct ptc_pat *
ptc_pat_parse(const char *text, int typed, enum ptc_vtype type, size_t psize)
{
	struct ptc_pat *p;
	int r;

	if ((p = calloc(1, sizeof(*p))) == NULL)
		return NULL;
	p->typed = typed;
	p->type = type;
	p->align = 1;
	if (text == NULL || *text == '\0') {
		r = ptc_fail(EINVAL, "-F '': empty pattern");
	} else if (typed) {
		p->len = type == PTC_VT_PTR && psize == 4 ? 4 :
		    ptc_vtype_size(type);
		r = parse_typed(p, text);
		if (r == 0 && p->exact) {
			/* the value's bytes, for the fast byte search */
			if ((p->bytes = malloc(8)) == NULL)
				r = -1;
			else
				memcpy(p->bytes, &p->lo, p->len);
		}
	} else if (strncmp(text, "str:", 4) == 0) {
		p->len = strlen(text + 4);
		p->exact = 1;
		if (p->len == 0)
			r = ptc_fail(EINVAL, "-F 'str:': empty pattern");
		else if ((p->bytes = malloc(p->len)) == NULL)
			r = -1;
		else {
			memcpy(p->bytes, text + 4, p->len);
			r = 0;
		}
	} else if (strcmp(text, "increased") == 0 ||
	    strcmp(text, "decreased") == 0 || strcmp(text, "changed") == 0 ||
	    strcmp(text, "unchanged") == 0 || text[0] == '+' ||
	    text[0] == '-' || text[0] == '>' || text[0] == '<' ||
	    text[0] == '!' || strstr(text, "..") != NULL) {
		r = ptc_fail(EINVAL, "-F '%.64s': comparisons need a type "
		    "(-t)", text);
	} else {
		r = parse_bytes(p, text);
	}
	if (r < 0) {
		int e = errno;

		ptc_pat_free(p);
		errno = e;
		return NULL;
	}
	return p;
}

/* The value at b as the pattern compares it. */
static inline void
load(const struct ptc_pat *p, const unsigned char *b, void *v)
{
	switch (p->len) {
	case 1:
		if (p->num == NUM_I)
			*(int64_t *)v = (int8_t)b[0];
		else
			*(uint64_t *)v = b[0];
		return;
	case 2: {
		uint16_t x;
		memcpy(&x, b, 2);
		if (p->num == NUM_I)
			*(int64_t *)v = (int16_t)x;
		else
			*(uint64_t *)v = x;
		return;
	}
	case 4: {
		uint32_t x;
		memcpy(&x, b, 4);
		if (p->num == NUM_F) {
			float f;
			memcpy(&f, b, 4);
			*(double *)v = f;
		} else if (p->num == NUM_I)
			*(int64_t *)v = (int32_t)x;
		else
			*(uint64_t *)v = x;
		return;
	}
	default:
		memcpy(v, b, 8);
		return;
	}
}

static inline int
in_range(const struct ptc_pat *p, const void *vp)
{
	int in;

	switch (p->num) {
	case NUM_U: {
		uint64_t v = *(const uint64_t *)vp;
		in = v >= p->lo.u && v <= p->hi.u;
		break;
	}
	case NUM_I: {
		int64_t v = *(const int64_t *)vp;
		in = v >= p->lo.i && v <= p->hi.i;
		break;
	}
	default: {
		double v = *(const double *)vp;
		in = (p->lo_open ? v > p->lo.f : v >= p->lo.f) &&
		    (p->hi_open ? v < p->hi.f : v <= p->hi.f);
		break;
	}
	}
	return in != p->neg;
}

static int
relative(const struct ptc_pat *p, const unsigned char *cur,
    const unsigned char *old)
{
	union val c, o;
	uint64_t mask = p->len == 8 ? UINT64_MAX :
	    (UINT64_C(1) << (p->len * 8)) - 1;

	load(p, cur, &c);
	load(p, old, &o);
	switch (p->rel) {
	case REL_CHANGED:
		return memcmp(cur, old, p->len) != 0;
	case REL_UNCHANGED:
		return memcmp(cur, old, p->len) == 0;
	case REL_INC:
		return p->num == NUM_U ? c.u > o.u : p->num == NUM_I ?
		    c.i > o.i : c.f > o.f;
	case REL_DEC:
		return p->num == NUM_U ? c.u < o.u : p->num == NUM_I ?
		    c.i < o.i : c.f < o.f;
	case REL_PLUS:
	case REL_MINUS:
		if (p->num == NUM_F)
			return c.f == (p->rel == REL_PLUS ? o.f + p->delta.f :
			    o.f - p->delta.f);
		/* integers wrap as the program's own arithmetic does */
		return ((p->rel == REL_PLUS ? o.u + p->delta.u :
		    o.u - p->delta.u) & mask) == (c.u & mask);
	default:
		return 0;
	}
}

int
ptc_pat_match(const struct ptc_pat *p, const void *cur, const void *old)
{
	const unsigned char *b = cur;

	if (p->rel != REL_NONE)
		return old != NULL && relative(p, b, old);
	if (!p->typed) {
		if (p->mask == NULL)
			return memcmp(b, p->bytes, p->len) == 0;
		for (size_t i = 0; i < p->len; i++)
			if ((b[i] & p->mask[i]) != p->bytes[i])
				return 0;
		return 1;
	}
	{
		union val v;

		load(p, b, &v);
		return in_range(p, &v);
	}
}

/* ---- searching memory ---- */

struct hunt {
	const struct ptc_pat *p;
	int (*found)(uint64_t addr, const void *bytes, void *ctx);
	void *ctx;
	ssize_t count;
};

static int
exact_hit(uint64_t addr, void *arg)
{
	struct hunt *h = arg;

	return h->found(addr, h->p->bytes, h->ctx);
}

/*
 * Matches starting in buf[0, n - len] (buf holds the bytes at base):
 * the first non-wildcard run found with memmem, or every aligned
 * value tested in a loop the compiler keeps tight.  1 when found()
 * asked to stop.
 */
static int
chunk(const struct hunt *h, const unsigned char *buf, size_t n,
    uint64_t base, ssize_t *count)
{
	const struct ptc_pat *p = h->p;
	size_t i = (size_t)((p->align - base % p->align) % p->align);

	if (n < p->len)
		return 0;
	if (!p->typed) {
		/* anchor on the first byte that is not a wildcard */
		size_t a = 0;

		while (a < p->len && p->mask[a] == 0)
			a++;
		for (i = 0; i + p->len <= n; i++) {
			if (a < p->len) {
				const unsigned char *m = memchr(buf + i + a,
				    p->bytes[a], n - p->len + 1 - i);

				if (m == NULL)
					break;
				i = (size_t)(m - buf) - a;
			}
			if (ptc_pat_match(p, buf + i, NULL)) {
				++*count;
				if (h->found(base + i, buf + i, h->ctx))
					return 1;
			}
		}
		return 0;
	}
	/* integers: one loop per width, the compiler keeps each tight */
#define RANGE_LOOP(T, W, LO, HI)					\
	for (; i + sizeof(T) <= n; i += sizeof(T)) {			\
		T x;							\
		memcpy(&x, buf + i, sizeof(T));				\
		if (((W)x >= (LO) && (W)x <= (HI)) == p->neg)		\
			continue;					\
		++*count;						\
		if (h->found(base + i, buf + i, h->ctx))		\
			return 1;					\
	}								\
	return 0
	if (p->num == NUM_U) {
		switch (p->len) {
		case 1: RANGE_LOOP(uint8_t, uint64_t, p->lo.u, p->hi.u);
		case 2: RANGE_LOOP(uint16_t, uint64_t, p->lo.u, p->hi.u);
		case 4: RANGE_LOOP(uint32_t, uint64_t, p->lo.u, p->hi.u);
		default: RANGE_LOOP(uint64_t, uint64_t, p->lo.u, p->hi.u);
		}
	}
	if (p->num == NUM_I) {
		switch (p->len) {
		case 1: RANGE_LOOP(int8_t, int64_t, p->lo.i, p->hi.i);
		case 2: RANGE_LOOP(int16_t, int64_t, p->lo.i, p->hi.i);
		case 4: RANGE_LOOP(int32_t, int64_t, p->lo.i, p->hi.i);
		default: RANGE_LOOP(int64_t, int64_t, p->lo.i, p->hi.i);
		}
	}
#undef RANGE_LOOP
	for (; i + p->len <= n; i += p->align) {
		union val v;

		load(p, buf + i, &v);
		if (in_range(p, &v)) {
			++*count;
			if (h->found(base + i, buf + i, h->ctx))
				return 1;
		}
	}
	return 0;
}

/* ptc__mem_chunks() calls this for each chunk read. */
static int
hunt_chunk(const unsigned char *buf, size_t n, uint64_t base, void *arg)
{
	struct hunt *h = arg;

	return chunk(h, buf, n, base, &h->count);
}

ssize_t
ptc_pat_search(pid_t pid, uint64_t start, uint64_t end,
    const struct ptc_pat *p, int skip,
    int (*found)(uint64_t addr, const void *bytes, void *ctx), void *ctx)
{
	struct hunt h = { p, found, ctx, 0 };

	if (p->rel != REL_NONE)
		return ptc_fail(EINVAL, "-F: increased, decreased, changed, "
		    "unchanged, +N and -N compare with the value seen before: "
		    "give candidates with values on stdin (ADDR -)");
	if (p->exact)
		return ptc_mem_search(pid, start, end, p->bytes, p->len,
		    p->align, skip, exact_hit, &h);
	if (ptc__mem_chunks(pid, start, end, p->len - 1, skip, hunt_chunk,
	    &h) < 0)
		return -1;
	return h.count;
}
