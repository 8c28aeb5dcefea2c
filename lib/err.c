/*
 * err.c: the per-thread failure detail behind ptc_error().
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

static _Thread_local char detail[512];
static _Thread_local int detail_errno;

void
ptc__detail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(detail, sizeof(detail), fmt, ap);
	va_end(ap);
	detail_errno = errno;
}

void
ptc__clear_detail(void)
{
	detail[0] = '\0';
}

int
ptc_fail(int errnum, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(detail, sizeof(detail), fmt, ap);
	va_end(ap);
	detail_errno = errnum;
	errno = errnum;
	return -1;
}

const char *
ptc_error(void)
{
	/* A detail set for an older failure must not explain a newer one. */
	if (detail[0] != '\0' && detail_errno == errno)
		return detail;
	return strerror(errno);
}

const char *
ptc_version(void)
{
	return PTC_VERSION;
}
