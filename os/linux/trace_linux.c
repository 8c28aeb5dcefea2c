/*
 * trace_linux.c: what ptstrace's engine asks of the system besides
 * ptrace: the syscalls threads are blocked in before an attach, and the
 * tracer's wait with a deadline, for tasks held by a delay.
 */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sys/wait.h>

#include "os.h"
#include "linux.h"

/* The first field of /proc/PID/task/TID/syscall: a number, or not. */
/* The call thread ptid of process ppid (as /proc numbers them) is in. */
static long
blocked_nr(int ppid, const char *ptid)
{
	char path[320], buf[32];
	long nr = -1;
	FILE *fp;

	snprintf(path, sizeof(path), "/proc/%d/task/%s/syscall", ppid, ptid);
	if ((fp = fopen(path, "re")) == NULL)
		return -1;
	if (fgets(buf, sizeof(buf), fp) != NULL && buf[0] >= '0' &&
	    buf[0] <= '9')
		nr = strtol(buf, NULL, 10);
	fclose(fp);
	return nr;
}

size_t
ptc_os_blocked(pid_t pid, pid_t **tidsp, long **nrp)
{
	char path[64];
	struct dirent *de;
	pid_t *tids = NULL, *t;
	long *nrs = NULL, *nr;
	size_t n = 0;
	DIR *dir;
	int ppid = ptc_os_procpid(pid);

	*tidsp = NULL;
	*nrp = NULL;
	snprintf(path, sizeof(path), "/proc/%d/task", ppid);
	if ((dir = opendir(path)) == NULL)
		return 0;
	while ((de = readdir(dir)) != NULL) {
		if (de->d_name[0] < '0' || de->d_name[0] > '9')
			continue;
		if ((t = reallocarray(tids, n + 1, sizeof(*t))) == NULL)
			break;
		tids = t;
		if ((nr = reallocarray(nrs, n + 1, sizeof(*nr))) == NULL)
			break;
		nrs = nr;
		tids[n] = ptc_os_ourpid(atoi(de->d_name));
		nrs[n] = blocked_nr(ppid, de->d_name);
		n++;
	}
	closedir(dir);
	*tidsp = tids;
	*nrp = nrs;
	return n;
}

/* Whether a child or tracee has a state change to report, left unreaped. */
static int
report_ready(void)
{
	siginfo_t si;

	memset(&si, 0, sizeof(si));
	if (waitid(P_ALL, 0, &si, WEXITED | WSTOPPED | WNOHANG | WNOWAIT |
	    __WALL) == -1)
		/* ECHILD and the like: the caller's wait says what it is. */
		return 1;
	return si.si_pid != 0;
}

int
ptc_os_wait_ready(const struct timespec *until)
{
	struct timespec now, left;
	sigset_t set, old;
	int rc;

	/*
	 * Every ptrace stop and exit sends the tracer SIGCHLD.  Blocked, it
	 * stays pending from the check on, so none is missed between the
	 * check and the wait; a spurious one only makes us check again.
	 */
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigprocmask(SIG_BLOCK, &set, &old);
	for (;;) {
		if (report_ready()) {
			rc = 1;
			break;
		}
		clock_gettime(CLOCK_MONOTONIC, &now);
		left.tv_sec = until->tv_sec - now.tv_sec;
		left.tv_nsec = until->tv_nsec - now.tv_nsec;
		if (left.tv_nsec < 0) {
			left.tv_sec--;
			left.tv_nsec += 1000000000;
		}
		if (left.tv_sec < 0) {
			rc = 0;
			break;
		}
		if (sigtimedwait(&set, NULL, &left) == SIGCHLD)
			continue;
		if (errno == EAGAIN) {
			rc = 0;
			break;
		}
		/* Another signal: the caller decides whether to go on. */
		rc = -1;
		break;
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	return rc;
}
