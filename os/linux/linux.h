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

/*
 * pid's number in /proc: pid itself unless /proc was mounted by an
 * ancestor pid namespace (unshare -p without --mount-proc), where the
 * same task has another number; 0 (no such entry) when it is not found.
 * Every /proc/PID path is built from it.
 */
int ptc_os_procpid(pid_t pid);
/*
 * The same from what is known already, with async-signal-safe calls
 * only (a signal handler's detach): 0 when not known.
 */
int ptc_os_procpid_safe(pid_t pid);
/* The reverse: the task /proc numbers procpid, as we number it. */
pid_t ptc_os_ourpid(int procpid);

#endif
