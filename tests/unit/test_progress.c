/*
 * test_progress.c: the progress report writes nothing when stderr is not
 * a terminal, and on a pseudo-terminal keeps quiet for short work, draws
 * the expected line, redraws at most ten times a second and blanks the
 * line at the end.
 */
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "ptcore.h"

static void
sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
		;
}

static long
ms_since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) * 1000L +
	    (t.tv_nsec - t0->tv_nsec) / 1000000L;
}

/* The work both tests do; returns the ms spent in the update loop. */
static long
work(void)
{
	struct ptc_progress *p;
	struct timespec t0;
	uint64_t i;

	/* Short work: nothing may show. */
	p = ptc_progress_new("quick", 10, 0);
	ptc_progress_update(p, 5);
	ptc_progress_end(p);

	p = ptc_progress_new("reading", 1 << 20, PTC_PROGRESS_BYTES);
	assert_non_null(p);
	sleep_ms(300);
	ptc_progress_update(p, 512 << 10);
	/* A tight loop of updates for about 350 ms: at most ~4 redraws. */
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; ms_since(&t0) < 350; i++)
		ptc_progress_update(p, (512 << 10) + (i & 0xffff));
	ptc_progress_update(p, 1 << 20);
	ptc_progress_end(p);
	return ms_since(&t0);
}

static void
test_silent_without_tty(void **state)
{
	int pfd[2], saved;
	char buf[256];
	ssize_t n;

	(void)state;
	assert_int_equal(pipe(pfd), 0);
	fflush(stderr);
	saved = dup(STDERR_FILENO);
	assert_true(saved >= 0);
	assert_int_equal(dup2(pfd[1], STDERR_FILENO), STDERR_FILENO);
	work();
	assert_int_equal(dup2(saved, STDERR_FILENO), STDERR_FILENO);
	close(saved);
	close(pfd[1]);
	n = read(pfd[0], buf, sizeof(buf));
	close(pfd[0]);
	assert_int_equal(n, 0);
}

static void
test_null_is_accepted(void **state)
{
	(void)state;
	ptc_progress_update(NULL, 1);
	ptc_progress_end(NULL);
}

/* Run work() in a child whose terminal is a new pseudo-terminal. */
static char *
run_on_pty(long *loop_ms)
{
	static char out[65536];
	size_t len = 0;
	int mfd, sfd, status;
	ssize_t n;
	pid_t pid;
	char *end;

	mfd = posix_openpt(O_RDWR | O_NOCTTY);
	assert_true(mfd >= 0);
	assert_int_equal(grantpt(mfd), 0);
	assert_int_equal(unlockpt(mfd), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		long ms;

		setsid();
		if ((sfd = open(ptsname(mfd), O_RDWR)) < 0)
			_exit(20);
		close(mfd);
		dup2(sfd, 0);
		dup2(sfd, 1);
		dup2(sfd, 2);
		if (sfd > 2)
			close(sfd);
		ms = work();
		printf("\nEND %ld\n", ms);
		fflush(stdout);
		_exit(0);
	}
	for (;;) {
		n = read(mfd, out + len, sizeof(out) - 1 - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)     /* EIO once the child closed the terminal */
			break;
		len += (size_t)n;
	}
	out[len] = '\0';
	close(mfd);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	end = strstr(out, "END ");
	assert_non_null(end);
	*loop_ms = strtol(end + 4, NULL, 10);
	return out;
}

static void
test_on_terminal(void **state)
{
	const char *want = "\rtest_progress: reading 512.0 KiB of 1.0 MiB (50%)";
	char *out, *p, *last;
	long loop_ms;
	int draws = 0;

	(void)state;
	out = run_on_pty(&loop_ms);
	/* Nothing of the short work; the long one's first line first. */
	assert_null(strstr(out, "quick"));
	assert_memory_equal(out, want, strlen(want));
	for (p = out; (p = strstr(p, "\rtest_progress: reading")) != NULL; p++)
		draws++;
	/* First line, one per 100 ms of the loop, and the final 100%. */
	assert_true(draws >= 1);
	assert_true(draws <= 1 + loop_ms / 100 + 2);
	/* The last thing before END is a blank line ending in \r. */
	p = strstr(out, "\r\nEND ");
	assert_non_null(p);
	*p = '\0';
	last = strrchr(out, '\r');
	assert_non_null(last);
	assert_true(last > out);
	*last = '\0';
	last = strrchr(out, '\r');
	assert_non_null(last);
	assert_true(strlen(last + 1) >= strlen(want) - 1);
	assert_int_equal(strspn(last + 1, " "), strlen(last + 1));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_silent_without_tty),
		cmocka_unit_test(test_null_is_accepted),
		cmocka_unit_test(test_on_terminal),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
