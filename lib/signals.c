/*
 * signals.c: the cleanup signals (SIGINT, SIGTERM, SIGHUP, SIGPIPE).
 * The first one only raises a flag, which blocking library calls check
 * so that a tool leaves through its normal path and detaches; a second
 * one means that path is stuck, and the module that owns the sessions
 * gets one last call before the exit.  Nothing here knows what a session
 * is, so every module may ask whether a cleanup signal came.  And the
 * tool's own death by the signal that ended the program it ran.
 */
#include <sys/resource.h>

#include <signal.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "internal.h"

static volatile sig_atomic_t cleanup_sig;
static struct timespec cleanup_at; /* when cleanup_sig came */
static void (*last_words)(void);

void
ptc__cleanup_last_words(void (*fn)(void))
{
	last_words = fn;
}

static void
on_cleanup_signal(int sig)
{
	if (cleanup_sig != 0) {
		struct timespec now;

		/*
		 * The same signal again within a second is one event sent
		 * twice (timeout(1) signals the child, then its group):
		 * exiting at once would lose output and leave a stepped
		 * thread with its trap flag set.
		 */
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (sig == cleanup_sig && (now.tv_sec - cleanup_at.tv_sec) *
		    1000000000L + (now.tv_nsec - cleanup_at.tv_nsec) <
		    1000000000L)
			return;
		/* Second signal: the normal path is stuck. */
		if (last_words != NULL)
			last_words();
		_exit(128 + sig);
	}
	clock_gettime(CLOCK_MONOTONIC, &cleanup_at);
	cleanup_sig = sig;
}

void
ptc_cleanup_signals(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGPIPE };
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_cleanup_signal;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a blocking wait must return to see the flag. */
	sa.sa_flags = 0;
	/*
	 * The signal mask is left as inherited: whoever blocked these
	 * signals (strace's users rely on it) wants them held.
	 */
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sigaction(sigs[i], &sa, NULL);
}

int
ptc_cleanup_pending(void)
{
	return cleanup_sig;
}

/*
 * Here, not with the runs of lib/step.c: ptstrace dies this way too,
 * and must not pull the stepper (and capstone) in with it.
 */
void
ptc_run_die(int sig)
{
	struct rlimit rl = { 0, 0 };
	sigset_t set;

	/* No core of the tool: the program's own was dumped, or not. */
	setrlimit(RLIMIT_CORE, &rl);
	signal(sig, SIG_DFL);
	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(sig);
}
