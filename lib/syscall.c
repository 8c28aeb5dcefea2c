/*
 * syscall.c: syscall, signal and errno names; the per-arch tables are
 * chosen by AUDIT_ARCH value so a tracer can follow tasks of any
 * personality the kernel runs (a 32-bit program under a 64-bit kernel).
 */
#include <linux/audit.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "sc_priv.h"
#include "xlat.h"

struct sctab {
	uint32_t arch;
	const struct ptc__scent *t;
	const unsigned *n;
};

/* Every build has every CPU's table (mk/sc.mk). */
static const struct sctab sctabs[] = {
	{ AUDIT_ARCH_X86_64, ptc__sc_x86_64, &ptc__sc_x86_64_n },
	{ AUDIT_ARCH_I386, ptc__sc_i386, &ptc__sc_i386_n },
	{ AUDIT_ARCH_AARCH64, ptc__sc_aarch64, &ptc__sc_aarch64_n },
	{ AUDIT_ARCH_PPC64LE, ptc__sc_ppc64le, &ptc__sc_ppc64le_n },
	{ AUDIT_ARCH_ARM, ptc__sc_arm, &ptc__sc_arm_n },
	{ 0, NULL, NULL },
};

static const struct sctab *
sctab(uint32_t arch)
{
	size_t i;

	for (i = 0; sctabs[i].t != NULL; i++)
		if (sctabs[i].arch == arch)
			return &sctabs[i];
	return NULL;
}

const struct ptc__scent *
ptc__sc_ent(uint32_t arch, uint64_t nr)
{
	const struct sctab *t = sctab(arch);

	if (t == NULL || nr >= *t->n || t->t[nr].name == NULL)
		return NULL;
	return &t->t[nr];
}

const char *
ptc_sc_name(uint32_t arch, uint64_t nr)
{
	const struct ptc__scent *e = ptc__sc_ent(arch, nr);

	return e != NULL ? e->name : NULL;
}

long
ptc_sc_lookup(uint32_t arch, const char *name)
{
	const struct sctab *t = sctab(arch);
	unsigned i;

	if (t == NULL || name == NULL)
		return -1;
	for (i = 0; i < *t->n; i++)
		if (t->t[i].name != NULL && strcmp(t->t[i].name, name) == 0)
			return (long)i;
	return -1;
}

uint64_t
ptc_sc_count(uint32_t arch)
{
	const struct sctab *t = sctab(arch);

	return t != NULL ? *t->n : 0;
}

unsigned
ptc_sc_classes(uint32_t arch, uint64_t nr)
{
	const struct ptc__scent *e = ptc__sc_ent(arch, nr);

	return e != NULL ? e->classes : 0;
}

static const struct {
	const char *name;
	unsigned bits;
} classnames[] = {
	{ "file", PTC_SCC_FILE },
	{ "network", PTC_SCC_NETWORK },
	{ "net", PTC_SCC_NETWORK },
	{ "process", PTC_SCC_PROCESS },
	{ "signal", PTC_SCC_SIGNAL },
	{ "memory", PTC_SCC_MEMORY },
	{ "desc", PTC_SCC_DESC },
	{ "ipc", PTC_SCC_IPC },
	{ "creds", PTC_SCC_CREDS },
	{ "clock", PTC_SCC_CLOCK },
	{ "stat", PTC_SCC_STAT },
	{ "lstat", PTC_SCC_LSTAT },
	{ "fstat", PTC_SCC_FSTAT },
	{ "%stat", PTC_SCC_STAT | PTC_SCC_LSTAT | PTC_SCC_FSTAT },
	{ "statfs", PTC_SCC_STATFS },
	{ "fstatfs", PTC_SCC_FSTATFS },
	{ "%statfs", PTC_SCC_STATFS | PTC_SCC_FSTATFS },
	{ "pure", PTC_SCC_PURE },
};

unsigned
ptc_sc_class_parse(const char *name)
{
	size_t i;

	if (name == NULL)
		return 0;
	if (name[0] == '%')
		name++;
	for (i = 0; i < sizeof(classnames) / sizeof(classnames[0]); i++)
		if (strcmp(classnames[i].name, name) == 0)
			return classnames[i].bits;
	return 0;
}

/*
 * Realtime signals are named as strace names them: SIGRTMIN for the
 * kernel's first one (32) and SIGRT_n above it, whatever the C
 * library reserves for itself.
 */
#define RTMIN 32
#define RTMAX 64

const char *
ptc_signame(int sig)
{
	static _Thread_local char buf[16];

	if (sig > 0 && sig < RTMIN)
		return ptc__xname(&ptc__xt_signals, (uint64_t)sig);
	if (sig == RTMIN)
		return "SIGRTMIN";
	if (sig > RTMIN && sig <= RTMAX) {
		snprintf(buf, sizeof(buf), "SIGRT_%d", sig - RTMIN);
		return buf;
	}
	return NULL;
}

int
ptc_sigparse(const char *name)
{
	char *end;
	long v;
	unsigned i;

	if (name == NULL || *name == '\0')
		return -1;
	if (*name >= '0' && *name <= '9') {
		v = strtol(name, &end, 10);
		return *end == '\0' && v > 0 && v <= RTMAX ? (int)v : -1;
	}
	if (strncasecmp(name, "SIG", 3) == 0)
		name += 3;
	for (i = 0; i < ptc__xt_signals.n; i++)
		if (strcasecmp(ptc__xt_signals.v[i].name + 3, name) == 0)
			return (int)ptc__xt_signals.v[i].val;
	if (strcasecmp(name, "RTMIN") == 0)
		return RTMIN;
	if (strcasecmp(name, "RTMAX") == 0)
		return RTMAX;
	if (strncasecmp(name, "RT_", 3) == 0) {
		v = strtol(name + 3, &end, 10);
		if (end != name + 3 && *end == '\0' && v >= 0 &&
		    v <= RTMAX - RTMIN)
			return RTMIN + (int)v;
	}
	if (strcasecmp(name, "IOT") == 0)
		return SIGABRT;
	if (strcasecmp(name, "POLL") == 0)
		return SIGIO;
	return -1;
}

const char *
ptc_errname(int err)
{
	if (err <= 0)
		return NULL;
	return ptc__xname(&ptc__xt_errnos, (uint64_t)err);
}
