/*
 * scan-game: a tracee for the search, narrow, watch and freeze
 * workflow.  score starts at 1000 next to decoys of the same value;
 * SIGUSR1 adds 25 to score (and 1 to decoy_moving), SIGUSR2 makes it
 * print "score N" with the value it sees.  score_ptr points at score,
 * table[] holds 10, 20, ... for address arithmetic.  With an argument
 * N it also fills N MiB (bulk, bulk_len) with pseudo-random bytes, for
 * the scan benchmark.  Prints "ready PID" first, then sleeps between
 * signals until killed.
 */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

volatile int32_t decoy_still = 1000;
volatile int32_t score = 1000;
volatile int32_t decoy_moving = 1000;
volatile int32_t *volatile score_ptr = &score;
volatile int32_t table[8] = { 10, 20, 30, 40, 50, 60, 70, 80 };
volatile double health = 75.5;
volatile double health_decoy = 75.5000001;

uint64_t *bulk;
size_t bulk_len;

static volatile sig_atomic_t gained, asked;

static void
on_signal(int sig)
{
	if (sig == SIGUSR1)
		gained++;
	else
		asked++;
}

int
main(int argc, char *argv[])
{
	struct sigaction sa = { 0 };
	sigset_t block, old;

	if (argc > 1) {
		uint64_t x = 0x9e3779b97f4a7c15ULL;

		bulk_len = (size_t)atol(argv[1]) << 20;
		if ((bulk = malloc(bulk_len)) == NULL)
			return 1;
		/* xorshift64: resident, and no value repeats by design */
		for (size_t i = 0; i < bulk_len / 8; i++) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			bulk[i] = x;
		}
	}
	/* blocked but while waiting, so that no signal slips between */
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigaddset(&block, SIGUSR2);
	sigprocmask(SIG_BLOCK, &block, &old);
	sa.sa_handler = on_signal;
	sigaction(SIGUSR1, &sa, NULL);
	sigaction(SIGUSR2, &sa, NULL);
	printf("ready %d\n", (int)getpid());
	fflush(stdout);
	for (;;) {
		while (gained == 0 && asked == 0)
			sigsuspend(&old);
		if (gained > 0) {
			gained--;
			score += 25;
			decoy_moving += 1;
			printf("score %d\n", (int)score);
		}
		if (asked > 0) {
			asked--;
			printf("score %d\n", (int)score);
		}
		fflush(stdout);
	}
}
