/*
 * st-stats: a tracee for ptstrace -c with a known number of calls and
 * errors of each syscall, so that the calls, errors and syscall columns
 * of the summary repeat from run to run: getpid 7 times, getppid 3,
 * close(-1) 4 (all EBADF), chdir of a missing directory 2 (ENOENT),
 * sched_get_priority_max 1 (a name wider than the syscall column) and
 * umask 5.  With an argument MS it also sleeps MS milliseconds twice,
 * for the time columns (-w, -O).
 */
#include <sys/stat.h>
#include <sys/syscall.h>

#include <sched.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

int
main(int argc, char *argv[])
{
	long ms = argc > 1 ? atol(argv[1]) : 0;
	struct timespec ts = { ms / 1000, ms % 1000 * 1000000 };
	int i;

	for (i = 0; i < 7; i++)
		syscall(SYS_getpid);
	for (i = 0; i < 3; i++)
		syscall(SYS_getppid);
	for (i = 0; i < 4; i++)
		close(-1);
	for (i = 0; i < 2; i++)
		(void)chdir("/nonexistent/st-stats");
	sched_get_priority_max(SCHED_FIFO);
	for (i = 0; i < 5; i++)
		umask(022);
	if (ms > 0)
		for (i = 0; i < 2; i++)
			nanosleep(&ts, NULL);
	return 0;
}
