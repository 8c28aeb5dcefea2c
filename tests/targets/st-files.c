/*
 * st-files: a tracee for ptstrace that makes the file syscalls ordinary
 * programs make, on files in the current directory, with fixed contents
 * so that traces are the same from run to run.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

int
main(void)
{
	static const char text[] = "hello, ptools\n\ttab \"quoted\" \\ end\001\377";
	char buf[64], big[200];
	char *volatile bad;
	struct stat st;
	int fd, fd2, dfd;

	mkdir("st-dir", 0755);
	fd = open("st-dir/data.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	write(fd, text, sizeof(text) - 1);
	memset(big, 'x', sizeof(big));
	write(fd, big, sizeof(big));
	fsync(fd);
	close(fd);
	fd = openat(AT_FDCWD, "st-dir/data.txt", O_RDONLY | O_CLOEXEC);
	read(fd, buf, 5);
	lseek(fd, 0, SEEK_SET);
	pread(fd, buf, 10, 2);
	fstat(fd, &st);
	fd2 = dup(fd);
	dup2(fd, 10);
	fcntl(fd, F_GETFD);
	fcntl(fd, F_SETFD, FD_CLOEXEC);
	fcntl(fd, F_GETFL);
	close(10);
	close(fd2);
	close(fd);
	open("st-dir/missing", O_RDONLY);
	access("st-dir/data.txt", R_OK | W_OK);
	access("st-dir/missing", F_OK);
	stat("st-dir/data.txt", &st);
	lstat("st-dir", &st);
	rename("st-dir/data.txt", "st-dir/moved.txt");
	symlink("moved.txt", "st-dir/link");
	readlink("st-dir/link", buf, sizeof(buf));
	chmod("st-dir/moved.txt", 0600);
	truncate("st-dir/moved.txt", 4);
	unlink("st-dir/link");
	unlink("st-dir/moved.txt");
	dfd = open("st-dir", O_RDONLY | O_DIRECTORY);
	close(dfd);
	rmdir("st-dir");
	chdir(".");
	getcwd(buf, sizeof(buf));
	umask(022);
	close(-1);
	/* unreadable pointers: shown as addresses */
	bad = (char *)8;
	open(bad - 7, O_RDONLY);
	write(-1, bad, 5);
	read(0, bad + 8, 0);
	return 0;
}
