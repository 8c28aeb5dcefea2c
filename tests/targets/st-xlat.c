/*
 * st-xlat: calls whose arguments strace shows as composite constants
 * (System V IPC flags and commands, ioctl requests, futex operations,
 * UTIME_NOW, statx's sync type, I/O priorities, file types in a mode),
 * so that -X raw and -X verbose can be compared with strace's.  Fixed
 * arguments; file names relative to the current directory, which
 * should be a scratch directory.  Exits 0.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/futex.h>
#include <stdint.h>
#include <sys/ioctl.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

int
main(void)
{
	struct timespec ts[2] = {
		{ .tv_sec = 0, .tv_nsec = UTIME_NOW },
		{ .tv_sec = 0, .tv_nsec = UTIME_OMIT },
	};
	struct sembuf sb = { .sem_num = 0, .sem_op = 1, .sem_flg = SEM_UNDO };
	struct termios t;
	struct statx stx;
	uint32_t word = 0, word2 = 0;
	int fd, id, n;

	fd = open("st-xlat.tmp", O_RDWR | O_CREAT | O_TRUNC, 0600);
	/* a regular file: every terminal request fails, named or not */
	ioctl(fd, TCGETS, &t);
	ioctl(fd, FIONREAD, &n);
	ioctl(fd, _IOR('Z', 0x42, int), &n);
	utimensat(AT_FDCWD, "st-xlat.tmp", ts, 0);
	statx(AT_FDCWD, "st-xlat.tmp", AT_SYMLINK_NOFOLLOW, STATX_SIZE, &stx);
	statx(fd, "", AT_EMPTY_PATH | AT_STATX_DONT_SYNC, STATX_MODE, &stx);
	mknodat(AT_FDCWD, "st-xlat.fifo", S_IFIFO | 0640, 0);
	unlink("st-xlat.fifo");
	close(fd);
	unlink("st-xlat.tmp");

	id = shmget(IPC_PRIVATE, 4096, IPC_CREAT | IPC_EXCL | 0600);
	shmctl(id, IPC_RMID, NULL);
	id = semget(IPC_PRIVATE, 1, IPC_CREAT | 0600);
	semop(id, &sb, 1);
	semctl(id, 0, GETVAL);
	semctl(id, 0, IPC_RMID);

	syscall(SYS_futex, &word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
	syscall(SYS_futex, &word, FUTEX_WAKE_BITSET | FUTEX_PRIVATE_FLAG, 1,
	    NULL, NULL, FUTEX_BITSET_MATCH_ANY);
	/* *word2 += 1 (the operation of val3); nobody waits on either */
	syscall(SYS_futex, &word, FUTEX_WAKE_OP_PRIVATE, 1, 1, &word2,
	    FUTEX_OP(FUTEX_OP_ADD, 1, FUTEX_OP_CMP_GT, 0));
	syscall(SYS_futex, &word, FUTEX_WAKE_OP, 1, 0, &word2,
	    (FUTEX_OP_OPARG_SHIFT << 28) | FUTEX_OP(FUTEX_OP_XOR, 3, 7, 0xfff));
	/* operations the kernel refuses: no name fits them */
	syscall(SYS_futex, &word, FUTEX_WAKE | FUTEX_CLOCK_REALTIME, 1, NULL,
	    NULL, 0);
	syscall(SYS_futex, &word, 14, 1, NULL, NULL, 0x9caffee1);
	syscall(SYS_futex, &word, FUTEX_UNLOCK_PI_PRIVATE, 0, NULL, NULL, 0);
	/* class best-effort (2), level 4, for this process */
	syscall(SYS_ioprio_set, 1, 0, (2 << 13) | 4);
	syscall(SYS_ioprio_get, 1, 0);
	return 0;
}
