/*
 * linux.h: what the files of the Linux OS layer share among themselves
 * (lib/os.h is what they offer the library).
 */
#ifndef PTC_OS_LINUX_H
#define PTC_OS_LINUX_H

#include <sys/types.h>

/* A numeric field of pid's /proc status ("Tgid", "TracerPid") into *val:
 * 0, or -1 when there is no such process or field (no detail set). */
int ptc_os_status_int(pid_t pid, const char *field, int *val);

#endif
