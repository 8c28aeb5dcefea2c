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

#include "internal.h"
#include "sc_priv.h"
#include "trace_int.h"

static void
expr_clear(struct ptc__scset *set)
{
	size_t i;

	for (i = 0; i < set->nnames; i++)
		free(set->names[i]);
	free(set->names);
	for (i = 0; i < set->nre; i++)
		regfree(&set->re[i]);
	free(set->re);
	for (i = 0; i < PTC__NARCH; i++) {
		free(set->map[i].bits);
		set->map[i].bits = NULL;
		set->map[i].arch = 0;
	}
	set->names = NULL;
	set->nnames = 0;
	set->re = NULL;
	set->nre = 0;
	set->all = 0;
	set->classes = 0;
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

/* The audit arches a name is looked up in (the native one first). */
static const uint32_t arches[] = { PTC__ARCH_NATIVE, PTC__ARCH_COMPAT };

static int
known_name(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(arches) / sizeof(arches[0]); i++)
		if (arches[i] != 0 && ptc_sc_lookup(arches[i], name) >= 0)
			return 1;
	return 0;
}

int
ptc__scset_parse(struct ptc__scset *set, const char *spec)
{
	char *copy, *tok, *save = NULL;
	int rc = 0;

	expr_clear(set);
	if (*spec == '!') {
		set->invert = 1;
		spec++;
	}
	if (*spec == '\0')
		return ptc_fail(EINVAL, "empty syscall set");
	if ((copy = strdup(spec)) == NULL)
		return -1;
	for (tok = strtok_r(copy, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		int optional = 0;

		if (*tok == '?') {
			optional = 1;
			tok++;
		}
		if (strcmp(tok, "all") == 0) {
			set->all = 1;
		} else if (strcmp(tok, "none") == 0) {
			/* Nothing: an empty union. */
		} else if (*tok == '/') {
			regex_t *re = reallocarray(set->re, set->nre + 1,
			    sizeof(*re));
			int e;

			if (re == NULL) {
				rc = -1;
				break;
			}
			set->re = re;
			e = regcomp(&re[set->nre], tok + 1,
			    REG_EXTENDED | REG_NOSUB);
			if (e != 0) {
				char msg[128];

				regerror(e, &re[set->nre], msg, sizeof(msg));
				rc = ptc_fail(EINVAL, "invalid regular "
				    "expression '%s': %s", tok + 1, msg);
				break;
			}
			set->nre++;
		} else if (*tok == '%' || ptc_sc_class_parse(tok) != 0) {
			unsigned c = ptc_sc_class_parse(tok);

			if (c == 0 && !optional) {
				rc = ptc_fail(EINVAL, "invalid system call "
				    "'%s'", tok);
				break;
			}
			set->classes |= c;
		} else if (known_name(tok)) {
			char **n = reallocarray(set->names, set->nnames + 1,
			    sizeof(*n));

			if (n == NULL || (n[set->nnames] = strdup(tok)) ==
			    NULL) {
				if (n != NULL)
					set->names = n;
				rc = -1;
				break;
			}
			set->names = n;
			set->nnames++;
		} else if (!optional) {
			rc = ptc_fail(EINVAL, "invalid system call '%s'", tok);
			break;
		}
	}
	free(copy);
	if (rc != 0)
		expr_clear(set);
	return rc;
}

static int
match(const struct ptc__scset *set, uint32_t arch, uint64_t nr)
{
	const char *name = ptc_sc_name(arch, nr);
	size_t i;

	if (set->all)
		return 1;
	if (name == NULL)
		return 0;
	if (set->classes & ptc_sc_classes(arch, nr))
		return 1;
	for (i = 0; i < set->nnames; i++)
		if (strcmp(set->names[i], name) == 0)
			return 1;
	for (i = 0; i < set->nre; i++)
		if (regexec(&set->re[i], name, 0, NULL, 0) == 0)
			return 1;
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
	for (i = 0; i < n; i++)
		m->bits[i] = (uint8_t)(match(set, arch, i) ^ set->invert);
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
		if (bits[i] && ptc__sc_subcall_of(arch, i, &mux) && mux < nreal)
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
	/* A syscall unknown to the tables: traced by "all" or a "!..." set. */
	return set->all ^ set->invert;
}

int
ptc__scset_is_all(const struct ptc__scset *set)
{
	return set->all && !set->invert;
}

/* strace's names for the outcomes (-e status=). */
static const struct {
	const char *name;
	unsigned bit;
} statuses[] = {
	{ "successful", PTC__ST_SUCCESSFUL },
	{ "failed", PTC__ST_FAILED },
	{ "unfinished", PTC__ST_UNFINISHED },
	{ "unavailable", PTC__ST_UNAVAILABLE },
	{ "detached", PTC__ST_DETACHED },
};

int
ptc__status_parse(const char *spec, unsigned *maskp)
{
	char *copy, *tok, *save = NULL;
	unsigned mask = 0;
	int invert = 0, rc = 0;
	size_t i;

	if (*spec == '!') {
		invert = 1;
		spec++;
	}
	if ((copy = strdup(spec)) == NULL)
		return -1;
	for (tok = strtok_r(copy, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		if (strcmp(tok, "all") == 0) {
			mask |= PTC__ST_ALL;
			continue;
		}
		if (strcmp(tok, "none") == 0)
			continue;
		for (i = 0; i < sizeof(statuses) / sizeof(statuses[0]); i++)
			if (strcmp(tok, statuses[i].name) == 0)
				break;
		if (i == sizeof(statuses) / sizeof(statuses[0])) {
			rc = ptc_fail(EINVAL, "invalid status '%s'", tok);
			break;
		}
		mask |= statuses[i].bit;
	}
	free(copy);
	if (rc == 0)
		*maskp = invert ? (PTC__ST_ALL & ~mask) : mask;
	return rc;
}

int
ptc__sigset_parse(const char *spec, uint64_t *setp)
{
	char *copy, *tok, *save = NULL;
	uint64_t set = 0;
	int invert = 0, rc = 0;

	if (*spec == '!') {
		invert = 1;
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

			sig = (int)strtonum(tok, 1, 64, &e);
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
