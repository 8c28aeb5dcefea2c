/*
 * trace_filter.c: strace's -e qualifiers for ptstrace: which syscalls are
 * traced (trace=), which signals are shown (signal=) and which syscall
 * outcomes are shown (status=).  A syscall set is kept as the parsed
 * expression and turned into a per-arch bitmap the first time an arch is
 * met, so a tracee of another ABI (i386) is filtered by name too.
 */
#include <ctype.h>
#include <errno.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "sc_priv.h"
#include "trace_int.h"

enum { TOK_NAME, TOK_CLASS, TOK_RE, TOK_NR };

static void
expr_clear(struct ptc__scset *set)
{
	size_t i;

	for (i = 0; i < set->ntok; i++) {
		free(set->tok[i].name);
		if (set->tok[i].kind == TOK_RE)
			regfree(&set->tok[i].re);
	}
	free(set->tok);
	for (i = 0; i < PTC__NARCH; i++) {
		free(set->map[i].bits);
		set->map[i].bits = NULL;
		set->map[i].arch = 0;
	}
	set->tok = NULL;
	set->ntok = 0;
	set->all = 0;
	set->invert = 0;
}

void
ptc__scset_free(struct ptc__scset *set)
{
	expr_clear(set);
}

void
ptc__scset_all(struct ptc__scset *set)
{
	expr_clear(set);
	set->all = 1;
}

static const uint32_t arches[] = { PTC__ARCH_NATIVE, PTC__ARCH_COMPAT };

/* The personality bit of an arch: native is @64 (@32 on a 32-bit CPU). */
static unsigned
pers_of(uint32_t arch)
{
#if defined(__i386__) || defined(__arm__)
	(void)arch;
	return PTC__PERS_32;
#else
	return arch == PTC__ARCH_NATIVE ? PTC__PERS_64 : PTC__PERS_32;
#endif
}

/*
 * The personalities whose names an arch's table answers for: x86_64's
 * also stands for x32 (the same names), which tracing never meets.
 */
static unsigned
names_of(uint32_t arch)
{
#if defined(__x86_64__)
	if (arch == PTC__ARCH_NATIVE)
		return PTC__PERS_64 | PTC__PERS_X32;
#endif
	return pers_of(arch);
}

static int
known_name(const char *name, unsigned pers)
{
	size_t i;

	for (i = 0; i < sizeof(arches) / sizeof(arches[0]); i++)
		if (arches[i] != 0 && (names_of(arches[i]) & pers) &&
		    ptc_sc_lookup(arches[i], name) >= 0)
			return 1;
	return 0;
}

static int
known_nr(uint64_t nr, unsigned pers)
{
	size_t i;

	for (i = 0; i < sizeof(arches) / sizeof(arches[0]); i++)
		if (arches[i] != 0 && (names_of(arches[i]) & pers) &&
		    ptc_sc_name(arches[i], nr) != NULL)
			return 1;
	return 0;
}

/*
 * strace's class names: "%name" in any case, and the bare legacy names
 * (file, desc, ...), but never a bare name that is also a syscall's
 * (stat is the syscall, %stat the class).
 */
static unsigned
class_of(const char *tok)
{
	static const char *const legacy[] = { "desc", "file", "memory",
	    "process", "signal", "ipc", "network" };
	char low[32];
	size_t i;

	if (*tok == '%') {
		for (i = 0; tok[i] != '\0' && i < sizeof(low) - 1; i++)
			low[i] = (char)tolower((unsigned char)tok[i]);
		low[i] = '\0';
		return ptc_sc_class_parse(low);
	}
	for (i = 0; i < sizeof(legacy) / sizeof(legacy[0]); i++)
		if (strcasecmp(tok, legacy[i]) == 0)
			return ptc_sc_class_parse(legacy[i]);
	return 0;
}

/* Some syscall of the tables matches the regex (for pers). */
static int
re_matches_any(const regex_t *re, unsigned pers)
{
	size_t i;
	uint64_t nr, n;
	const char *name;

	for (i = 0; i < sizeof(arches) / sizeof(arches[0]); i++) {
		if (arches[i] == 0 || !(names_of(arches[i]) & pers))
			continue;
		n = ptc_sc_count(arches[i]);
		for (nr = 0; nr < n; nr++)
			if ((name = ptc_sc_name(arches[i], nr)) != NULL &&
			    regexec(re, name, 0, NULL, 0) == 0)
				return 1;
	}
	return 0;
}

/*
 * Add one token.  1 if it names something, 0 if it matches nothing
 * (an error unless it was "?"-prefixed), -1 on a hard error.
 */
static int
add_token(struct ptc__scset *set, char *tok)
{
	struct ptc__sctok t, *nt;
	char *at;
	int found;

	memset(&t, 0, sizeof(t));
	t.pers = PTC__PERS_ALL;
	if ((at = strrchr(tok, '@')) != NULL) {
		if (strcmp(at + 1, "64") == 0)
			t.pers = PTC__PERS_64;
		else if (strcmp(at + 1, "32") == 0)
			t.pers = PTC__PERS_32;
		else if (strcmp(at + 1, "x32") == 0)
			t.pers = PTC__PERS_X32;
		else
			return ptc_fail(EINVAL, "incorrect personality "
			    "designator '%s' in qualification '%s'", at + 1,
			    tok);
		*at = '\0';
	}
	if (*tok >= '0' && *tok <= '9') {
		const char *e = NULL;

		t.kind = TOK_NR;
		t.nr = (uint64_t)strtonum(tok, 0, 0xfffffff, &e);
		found = e == NULL && known_nr(t.nr, t.pers);
	} else if (*tok == '/') {
		int e;

		t.kind = TOK_RE;
		if ((e = regcomp(&t.re, tok + 1, REG_EXTENDED | REG_NOSUB)) !=
		    0) {
			char msg[128];

			regerror(e, &t.re, msg, sizeof(msg));
			return ptc_fail(EINVAL, "regcomp: %s: %s", tok + 1,
			    msg);
		}
		found = re_matches_any(&t.re, t.pers);
		if (!found)
			regfree(&t.re);
	} else if ((t.classes = class_of(tok)) != 0) {
		t.kind = TOK_CLASS;
		found = 1;
	} else if (strcasecmp(tok, "all") == 0) {
		t.kind = TOK_CLASS;
		t.classes = 0;
		found = 1;
	} else {
		t.kind = TOK_NAME;
		found = known_name(tok, t.pers);
		if (found && (t.name = strdup(tok)) == NULL)
			return -1;
	}
	if (!found)
		return 0;
	if ((nt = reallocarray(set->tok, set->ntok + 1, sizeof(*nt))) ==
	    NULL) {
		free(t.name);
		if (t.kind == TOK_RE)
			regfree(&t.re);
		return -1;
	}
	set->tok = nt;
	set->tok[set->ntok++] = t;
	return 1;
}

int
ptc__scset_parse(struct ptc__scset *set, const char *spec)
{
	char *copy, *tok, *save = NULL;
	int rc = 0, done = 0;

	expr_clear(set);
	/* Each leading ! inverts what follows. */
	while (*spec == '!') {
		set->invert = !set->invert;
		spec++;
	}
	if (strcmp(spec, "none") == 0)
		return 0;
	if (strcmp(spec, "all") == 0) {
		set->all = 1;
		return 0;
	}
	if ((copy = strdup(spec)) == NULL)
		return -1;
	for (tok = strtok_r(copy, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		int optional = 0;

		while (*tok == '?') {
			optional = 1;
			tok++;
		}
		if ((rc = add_token(set, tok)) < 0)
			break;
		done = rc == 1 || optional;
		rc = 0;
		if (!done) {
			rc = ptc_fail(EINVAL, "invalid system call '%s'", tok);
			break;
		}
	}
	free(copy);
	if (rc == 0 && !done)
		rc = ptc_fail(EINVAL, "invalid system call '%s'", spec);
	if (rc != 0)
		expr_clear(set);
	return rc;
}

static int
match(const struct ptc__scset *set, uint32_t arch, uint64_t nr)
{
	const char *name = ptc_sc_name(arch, nr);
	unsigned pers = pers_of(arch), cl;
	const struct ptc__sctok *t;
	size_t i;

	if (set->all)
		return 1;
	if (name == NULL)
		return 0;
	cl = ptc_sc_classes(arch, nr);
	for (i = 0; i < set->ntok; i++) {
		t = &set->tok[i];
		if (!(t->pers & pers))
			continue;
		switch (t->kind) {
		case TOK_NAME:
			if (strcmp(t->name, name) == 0)
				return 1;
			break;
		case TOK_CLASS:
			if (t->classes == 0 || (cl & t->classes) != 0)
				return 1;
			break;
		case TOK_RE:
			if (regexec(&t->re, name, 0, NULL, 0) == 0)
				return 1;
			break;
		case TOK_NR:
			if (t->nr == nr)
				return 1;
			break;
		}
	}
	return 0;
}

const uint8_t *
ptc__scset_bits(struct ptc__scset *set, uint32_t arch, size_t *np)
{
	struct ptc__scmap *m = NULL;
	size_t i, n;

	for (i = 0; i < PTC__NARCH; i++) {
		if (set->map[i].arch == arch && set->map[i].bits != NULL) {
			*np = set->map[i].n;
			return set->map[i].bits;
		}
		if (m == NULL && set->map[i].bits == NULL)
			m = &set->map[i];
	}
	if (m == NULL)
		m = &set->map[PTC__NARCH - 1];
	free(m->bits);
	n = ptc_sc_count(arch);
	/* One spare slot keeps calloc(0) out of the picture. */
	if ((m->bits = calloc(n + 1, 1)) == NULL)
		return NULL;
	/*
	 * A number without a name (a hole in the table) is in every set,
	 * as strace traces and shows every syscall it does not know.
	 */
	for (i = 0; i < n; i++)
		m->bits[i] = ptc_sc_name(arch, i) == NULL ? 1 :
		    (uint8_t)(match(set, arch, i) ^ set->invert);
	m->arch = arch;
	m->n = n;
	*np = n;
	return m->bits;
}

uint8_t *
ptc__scset_seccomp_bits(struct ptc__scset *set, uint32_t arch, size_t *np)
{
	const uint8_t *bits;
	uint8_t *out;
	uint64_t mux;
	size_t n, nreal, i;

	if ((bits = ptc__scset_bits(set, arch, &n)) == NULL)
		return NULL;
	nreal = (size_t)ptc__sc_nreal(arch);
	if (nreal > n)
		nreal = n;
	if ((out = malloc(nreal + 1)) == NULL)
		return NULL;
	memcpy(out, bits, nreal);
	for (i = nreal; i < n; i++)
		if (bits[i] && ptc_sc_name(arch, i) != NULL &&
		    ptc__sc_subcall_of(arch, i, &mux) && mux < nreal)
			out[mux] = 1;
	*np = nreal;
	return out;
}

int
ptc__scset_has(struct ptc__scset *set, uint32_t arch, uint64_t nr)
{
	const uint8_t *bits;
	size_t n;

	if ((bits = ptc__scset_bits(set, arch, &n)) == NULL)
		return 1;
	if (nr < n)
		return bits[nr];
	/* A syscall unknown to the tables, as above. */
	return 1;
}

int
ptc__scset_is_all(const struct ptc__scset *set)
{
	return set->all && !set->invert;
}

/* strace's names for the outcomes (-e status=). */
int
ptc__bitset_parse(const char *spec, const struct ptc__bitname *names,
    size_t n, const char *what, unsigned *maskp)
{
	char *copy, *tok, *save = NULL;
	unsigned mask = 0, all = 0;
	int invert = 0, rc = 0, any = 0;
	size_t i;

	for (i = 0; i < n; i++)
		all |= names[i].bit;
	/* Each leading ! inverts what follows, as in strace. */
	while (*spec == '!') {
		invert = !invert;
		spec++;
	}
	if (strcmp(spec, "none") == 0 || strcmp(spec, "all") == 0) {
		mask = spec[0] == 'a' ? all : 0;
		*maskp = invert ? (all & ~mask) : mask;
		return 0;
	}
	if ((copy = strdup(spec)) == NULL)
		return -1;
	for (tok = strtok_r(copy, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		for (i = 0; i < n; i++)
			if (strcmp(tok, names[i].name) == 0)
				break;
		if (i == n) {
			rc = ptc_fail(EINVAL, "invalid %s '%s'", what, tok);
			break;
		}
		mask |= names[i].bit;
		any = 1;
	}
	free(copy);
	if (rc == 0 && !any)
		rc = ptc_fail(EINVAL, "invalid %s '%s'", what, spec);
	if (rc == 0)
		*maskp = invert ? (all & ~mask) : mask;
	return rc;
}

int
ptc__status_parse(const char *spec, unsigned *maskp)
{
	static const struct ptc__bitname statuses[] = {
		{ "successful", PTC__ST_SUCCESSFUL },
		{ "failed", PTC__ST_FAILED },
		{ "unfinished", PTC__ST_UNFINISHED },
		{ "unavailable", PTC__ST_UNAVAILABLE },
		{ "detached", PTC__ST_DETACHED },
	};

	return ptc__bitset_parse(spec, statuses, sizeof(statuses) /
	    sizeof(statuses[0]), "status", maskp);
}

int
ptc__sigset_parse(const char *spec, uint64_t *setp)
{
	char *copy, *tok, *save = NULL;
	uint64_t set = 0;
	int invert = 0, rc = 0;

	while (*spec == '!') {
		invert = !invert;
		spec++;
	}
	if ((copy = strdup(spec)) == NULL)
		return -1;
	for (tok = strtok_r(copy, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		int sig;

		if (strcmp(tok, "all") == 0) {
			set = ~(uint64_t)0;
			continue;
		}
		if (strcmp(tok, "none") == 0)
			continue;
		if (isdigit((unsigned char)*tok)) {
			const char *e = NULL;

			/*
			 * strace takes any number up to 255; those no
			 * signal has select nothing.
			 */
			sig = (int)strtonum(tok, 0, 255, &e);
			if (e == NULL && (sig < 1 || sig > 64))
				continue;
			if (e != NULL)
				sig = -1;
		} else {
			sig = ptc_sigparse(tok);
		}
		if (sig <= 0 || sig > 64) {
			rc = ptc_fail(EINVAL, "invalid signal '%s'", tok);
			break;
		}
		set |= (uint64_t)1 << (sig - 1);
	}
	free(copy);
	if (rc == 0)
		*setp = invert ? ~set : set;
	return rc;
}
