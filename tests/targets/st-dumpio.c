/*
 * st-dumpio: a tracee for ptstrace's -e read=, -e write= and -P.  "io"
 * (the default) moves fixed bytes through every kind of call strace
 * dumps (plain, positioned, vectored, socket and message calls, a write
 * that fails); "big" writes one buffer longer than the 64 KiB strace
 * reads at once; "paths" uses the files p1.txt and p2.txt by name and by
 * descriptor in the ways -P looks at; "fault" writes from a buffer
 * that runs into an unmapped page past the first 64 KiB.  Files are made
 * in the current directory.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

static void
io(void)
{
	static char bin[40], big[300], a[8], b[64], c[16];
	struct iovec wv[3], rv[2];
	struct msghdr mh;
	struct mmsghdr mm[2];
	struct iovec mv[2][2];
	int fd, sp[2], dg[2], i;

	for (i = 0; i < (int)sizeof(bin); i++)
		bin[i] = (char)(i * 7 + 0x1c);
	for (i = 0; i < (int)sizeof(big); i++)
		big[i] = (char)('a' + i % 26);
	write(1, "hello\n", 6);
	fd = open("dump.dat", O_RDWR | O_CREAT | O_TRUNC, 0644);
	write(fd, bin, sizeof(bin));
	write(fd, big, sizeof(big));
	wv[0].iov_base = "abc";
	wv[0].iov_len = 3;
	wv[1].iov_base = "defghijklmnopqrstuvwxyz";
	wv[1].iov_len = 23;
	writev(fd, wv, 2);
	/* a buffer of no bytes ends strace's dump of the vector */
	wv[1].iov_len = 0;
	wv[2].iov_base = "after";
	wv[2].iov_len = 5;
	writev(fd, wv, 3);
	pwrite(fd, "PW\n", 3, 1000);
	wv[0].iov_base = "pv1";
	wv[1].iov_base = "pv2-";
	wv[1].iov_len = 4;
	pwritev(fd, wv, 2, 2000);
	lseek(fd, 0, SEEK_SET);
	read(fd, c, sizeof(c));
	rv[0].iov_base = a;
	rv[0].iov_len = sizeof(a);
	rv[1].iov_base = b;
	rv[1].iov_len = sizeof(b);
	readv(fd, rv, 2);
	pread(fd, c, sizeof(c), 998);
	preadv(fd, rv, 2, 1990);
	read(fd, c, 0);
	lseek(fd, 0, SEEK_END);
	read(fd, c, sizeof(c));
	/* fails, yet strace dumps what it would have written */
	write(9, "bad\n", 4);

	socketpair(AF_UNIX, SOCK_STREAM, 0, sp);
	sendto(sp[0], "ping", 4, 0, NULL, 0);
	recvfrom(sp[1], b, sizeof(b), 0, NULL, NULL);
	memset(&mh, 0, sizeof(mh));
	wv[0].iov_base = "msg-";
	wv[0].iov_len = 4;
	wv[1].iov_base = "body\n";
	wv[1].iov_len = 5;
	mh.msg_iov = wv;
	mh.msg_iovlen = 2;
	sendmsg(sp[0], &mh, 0);
	rv[0].iov_len = 3;
	mh.msg_iov = rv;
	recvmsg(sp[1], &mh, 0);

	socketpair(AF_UNIX, SOCK_DGRAM, 0, dg);
	memset(mm, 0, sizeof(mm));
	mv[0][0].iov_base = "one";
	mv[0][0].iov_len = 3;
	mv[0][1].iov_base = "-1";
	mv[0][1].iov_len = 2;
	mv[1][0].iov_base = "two";
	mv[1][0].iov_len = 3;
	for (i = 0; i < 2; i++) {
		mm[i].msg_hdr.msg_iov = mv[i];
		mm[i].msg_hdr.msg_iovlen = i == 0 ? 2 : 1;
	}
	sendmmsg(dg[0], mm, 2, 0);
	mv[0][0].iov_base = a;
	mv[0][0].iov_len = 2;
	mv[0][1].iov_base = b;
	mv[0][1].iov_len = 8;
	mv[1][0].iov_base = c;
	mv[1][0].iov_len = 8;
	mm[1].msg_hdr.msg_iovlen = 1;
	recvmmsg(dg[1], mm, 2, 0, NULL);
	close(dg[0]);
	close(dg[1]);
	close(sp[0]);
	close(sp[1]);
	close(fd);
	unlink("dump.dat");
}

static void
bigwrite(void)
{
	size_t n = 65536 + 20, i;
	char *p = malloc(n);
	int fd;

	if (p == NULL)
		return;
	for (i = 0; i < n; i++)
		p[i] = (char)(i % 251);
	fd = open("big.dat", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	write(fd, p, n);
	close(fd);
	unlink("big.dat");
	free(p);
}

static void
fault(void)
{
	char *p = mmap(NULL, 20 * 4096, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int fd;

	if (p == MAP_FAILED)
		return;
	munmap(p + 17 * 4096, 3 * 4096);
	fd = open("/dev/null", O_WRONLY);
	write(fd, p, 100000);
	close(fd);
}

static void
paths(void)
{
	struct pollfd pfd;
	struct stat st;
	fd_set rs;
	char buf[32];
	void *m;
	int fd, fd2, dfd;

	fd = open("p1.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
	write(fd, "path one\n", 9);
	fstat(fd, &st);
	m = mmap(NULL, 9, PROT_READ, MAP_PRIVATE, fd, 0);
	munmap(m, 9);
	fd2 = dup2(fd, 9);
	FD_ZERO(&rs);
	FD_SET(fd, &rs);
	select(fd + 1, &rs, NULL, NULL, NULL);
	pfd.fd = fd2;
	pfd.events = POLLIN;
	poll(&pfd, 1, 0);
	close(fd2);
	close(fd);
	stat("p2.txt", &st);
	access("p2.txt", F_OK);
	dfd = open(".", O_RDONLY | O_DIRECTORY);
	fd = openat(dfd, "p1.txt", O_RDONLY);
	read(fd, buf, sizeof(buf));
	close(fd);
	close(dfd);
	symlink("p1.txt", "p1.lnk");
	readlink("p1.lnk", buf, sizeof(buf));
	unlink("p1.lnk");
	link("p1.txt", "p1.hard");
	unlink("p1.hard");
	rename("p1.txt", "p1.moved");
	rename("p1.moved", "p1.txt");
	getpid();
}

int
main(int argc, char *argv[])
{
	const char *mode = argc > 1 ? argv[1] : "io";

	if (strcmp(mode, "big") == 0)
		bigwrite();
	else if (strcmp(mode, "fault") == 0)
		fault();
	else if (strcmp(mode, "paths") == 0)
		paths();
	else
		io();
	return 0;
}
