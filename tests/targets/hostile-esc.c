/*
 * hostile-esc DIR: strings made to hijack a terminal.  Creates a file
 * in DIR whose name holds an escape sequence and a newline, maps it,
 * and keeps opening it and writing an escape-laden string to /dev/null
 * (so a tracer sees both in syscall arguments).  evil_str holds the
 * string for ptpeek -s.  Prints "ready PID" and runs until killed.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

char evil_str[] = "\033[31mRED\033]0;owned\007\033[2J\r\nfake: ok\233m";
char evil_path[4096];

int
main(int argc, char *argv[])
{
	int fd, null;
	void *m;

	snprintf(evil_path, sizeof(evil_path), "%s/evil\033[7m\nname",
	    argc > 1 ? argv[1] : "/tmp");
	fd = open(evil_path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (fd < 0 || ftruncate(fd, 4096) != 0)
		return 1;
	m = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 0);
	if (m == MAP_FAILED)
		return 1;
	null = open("/dev/null", O_WRONLY);
	printf("ready %d\n", (int)getpid());
	fflush(stdout);
	for (;;) {
		if (write(null, evil_str, strlen(evil_str)) < 0)
			return 1;
		close(open(evil_path, O_RDONLY));
		usleep(5000);
	}
}
