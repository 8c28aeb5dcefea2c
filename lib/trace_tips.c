/*
 * trace_tips.c: ptstrace --tips, a short piece of advice printed when
 * the trace ends.  The tips are data: add one by adding a string.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ptcore.h"

static const char *const tips[] = {
	"-e trace=%file shows every syscall that takes a file name; "
	"%desc every one that takes a descriptor.",
	"-o '|grep open' sends the trace through a command, so the "
	"program's own output stays apart.",
	"-y shows the path behind each descriptor, -yy the socket "
	"addresses too.",
	"-e inject=openat:error=ENOENT:when=3 makes the third openat fail, "
	"to see how a program copes.",
	"-c counts calls, errors and time per syscall instead of printing "
	"them; -C does both.",
	"--json writes one JSON object per line for jq and log tools.",
	"-f follows children and threads; -ff -o FILE writes FILE.PID "
	"for each.",
	"-e status=failed shows only the calls that returned an error.",
	"-P PATH shows only the calls that touch PATH, through its name "
	"or a descriptor.",
	"-T appends the time spent in each call; -r the time since the "
	"line before.",
	"-k prints the stack of the program at every syscall.",
	"-e read=3 dumps the data read from descriptor 3 in hex.",
};
#define NTIPS (sizeof(tips) / sizeof(tips[0]))
#define WIDTH 60

int
ptc_trace_tip(FILE *fp, int id, int full)
{
	const char *t, *p;
	size_t n, i;
	char dash[WIDTH + 3];

	if (id < 0) {
		srand((unsigned)time(NULL) ^ (unsigned)clock());
		id = rand();
	}
	t = tips[(size_t)id % NTIPS];
	memset(dash, '-', WIDTH + 2);
	dash[WIDTH + 2] = '\0';
	fprintf(fp, " %s\n", dash);
	/* Word-wrapped into the box. */
	for (p = t; *p != '\0'; p += n) {
		while (*p == ' ')
			p++;
		n = strlen(p);
		if (n > WIDTH) {
			for (i = WIDTH; i > 0 && p[i] != ' '; i--)
				;
			n = i > 0 ? i : WIDTH;
		}
		fprintf(fp, "| %-*.*s |\n", WIDTH, (int)n, p);
	}
	fprintf(fp, " %s\n", dash);
	if (full)
		fprintf(fp, "  ptstrace tip %zu of %zu; --tips=id:N shows tip N, "
		    "man ptstrace says more.\n", (size_t)id % NTIPS + 1, NTIPS);
	return ferror(fp) ? -1 : 0;
}
