/*
 * sc_ipc.c: System V IPC keys, flags, ctl commands and their
 * structures, semop's array.
 */
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "sc_priv.h"
#include "xlat.h"

void
ptc__a_ipckey(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	(void)a;
	if ((int)v == IPC_PRIVATE)
		ptc__p_xval(c, 0, 'x', "IPC_PRIVATE");
	else
		ptc__p_hex(c, (uint32_t)v);
}

static const struct ptc__xlat ipc_flagv[] = {
	{ IPC_CREAT, "IPC_CREAT" },
	{ IPC_EXCL, "IPC_EXCL" },
	{ IPC_NOWAIT, "IPC_NOWAIT" },
};
static const struct ptc__xtab ipc_flags = { ipc_flagv, 3 };

static const struct ptc__xlat sem_flagv[] = {
	{ SEM_UNDO, "SEM_UNDO" },
	{ IPC_NOWAIT, "IPC_NOWAIT" },
};
static const struct ptc__xtab sem_flags = { sem_flagv, 2 };

/* IPC_CREAT|IPC_EXCL|0600: the flags in the -X style, the mode in octal. */
void
ptc__a_ipcflags(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	char buf[160];
	unsigned f = (unsigned)v;

	(void)a;
	buf[0] = '\0';
	if (f & ~0777u) {
		ptc__xsflags(c, buf, sizeof(buf) - 8, &ipc_flags, f & ~0777u,
		    NULL);
		strcat(buf, "|");
	}
	snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), "%#03o",
	    f & 0777);
	ptc__p_raw(c, buf);
}

/*
 * shmget's flags: IPC_CREAT|IPC_EXCL|SHM_HUGETLB|SHM_NORESERVE, the
 * huge page size as "21<<SHM_HUGE_SHIFT", then the mode in octal.
 */
void
ptc__a_shmflags(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	static const struct ptc__xlat shm_flagv[] = {
		{ IPC_CREAT, "IPC_CREAT" },
		{ IPC_EXCL, "IPC_EXCL" },
		{ 04000, "SHM_HUGETLB" },
		{ 010000, "SHM_NORESERVE" },
	};
	static const struct ptc__xtab shm_flags = { shm_flagv, 4 };
	char buf[256];
	unsigned f = (unsigned)v, huge = f >> 26;
	size_t n;

	(void)a;
	buf[0] = '\0';
	f &= ~(0777u | (0x3fu << 26));
	if (f != 0) {
		ptc__xsflags(c, buf, 160, &shm_flags, f, NULL);
		strcat(buf, "|");
	}
	if (huge != 0) {
		n = strlen(buf);
		if (ptc__xstyle(c) == PTC_XLAT_RAW)
			snprintf(buf + n, sizeof(buf) - n, "%u<<26|", huge);
		else if (ptc__xstyle(c) == PTC_XLAT_VERBOSE)
			snprintf(buf + n, sizeof(buf) - n,
			    "%u<<26 /* SHM_HUGE_SHIFT */|", huge);
		else
			snprintf(buf + n, sizeof(buf) - n,
			    "%u<<SHM_HUGE_SHIFT|", huge);
	}
	n = strlen(buf);
	snprintf(buf + n, sizeof(buf) - n, "%#03o", (unsigned)v & 0777);
	ptc__p_raw(c, buf);
}

/*
 * A ctl command of semctl (a->aux 0), msgctl (1) or shmctl (2): the
 * families number their own commands from 11 on.  A 32-bit C library
 * adds IPC_64 for the new structure layouts.
 */
void
ptc__a_ipccmd(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	static const char *const fam[3][10] = {
		{ "GETPID", "GETVAL", "GETALL", "GETNCNT", "GETZCNT", "SETVAL",
		    "SETALL", "SEM_STAT", "SEM_INFO", "SEM_STAT_ANY" },
		{ "MSG_STAT", "MSG_INFO", "MSG_STAT_ANY" },
		{ "SHM_LOCK", "SHM_UNLOCK", "SHM_STAT", "SHM_INFO",
		    "SHM_STAT_ANY" },
	};
	const char *name = NULL;
	char buf[160], b64[48], bcmd[96];
	unsigned cmd = (unsigned)v, base = cmd & ~0x100u;
	int style = ptc__xstyle(c);

	if (base < 11)
		name = ptc__xname(&ptc__xt_ipc_cmd, base);
	else if (a->aux >= 0 && a->aux < 3 && base < 21)
		name = fam[a->aux][base - 11];
	/* IPC_64 and the command are two values, each in the -X style. */
	ptc__sxval(b64, sizeof(b64), style, 0x100, 'x', "IPC_64");
	ptc__sxval(bcmd, sizeof(bcmd), style, base, 'x', name);
	snprintf(buf, sizeof(buf), "%s%s%s", cmd & 0x100 ? b64 : "",
	    cmd & 0x100 ? "|" : "", bcmd);
	ptc__p_raw(c, buf);
}

/* semop's array of struct sembuf; its length is argument a->aux. */
void
ptc__a_sembuf(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	uint64_t n = a->aux >= 0 ? (uint32_t)c->a[a->aux] : 0, i;
	uint16_t sb[3];

	if (v == 0 || n == 0 || ptc__rdall(c, v, sb, sizeof(sb)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__l_open(c);
	for (i = 0; i < n; i++) {
		if (ptc__arr_full(c, i))
			break;
		if (ptc__rdall(c, v + i * sizeof(sb), sb, sizeof(sb)) != 0) {
			ptc__s_more(c);
			ptc__p_comment(c, "%#" PRIx64, v + i * sizeof(sb));
			break;
		}
		ptc__s_open(c);
		ptc__s_field(c, "sem_num");
		ptc__p_uint(c, sb[0]);
		ptc__s_field(c, "sem_op");
		ptc__p_int(c, (int16_t)sb[1]);
		ptc__s_field(c, "sem_flg");
		ptc__p_flags(c, &sem_flags, sb[2], NULL);
		ptc__s_close(c);
	}
	ptc__l_close(c);
}

/*
 * semctl through ipc: the fourth argument points to the union semun
 * the direct call passes by value; "[value]" as strace shows it.
 */
void
ptc__a_semun_ptr(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	uint32_t u;

	(void)a;
	if (ptc__rdall(c, v, &u, sizeof(u)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__l_open(c);
	ptc__p_addr(c, u);
	ptc__l_close(c);
}

/* A message of msgsnd/msgrcv: {mtype=N, mtext="..."}, a->aux bytes. */
void
ptc__a_msgbuf(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	uint64_t size = a->aux >= 0 ? c->a[a->aux] : 0;
	int64_t mtype;
	int32_t t32;

	if (c->wordsize == 4)
		size &= 0xffffffffu;
	if ((a->out && c->is_error) || v == 0) {
		ptc__p_addr(c, v);
		return;
	}
	if (c->wordsize == 4) {
		if (ptc__rdall(c, v, &t32, 4) != 0) {
			ptc__p_addr(c, v);
			return;
		}
		mtype = t32;
	} else if (ptc__rdall(c, v, &mtype, 8) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__s_open(c);
	ptc__s_field(c, "mtype");
	ptc__p_int(c, mtype);
	ptc__s_field(c, "mtext");
	ptc__p_buf(c, v + (uint64_t)c->wordsize, size);
	ptc__s_close(c);
}

/* ---- the ctl calls' buffers ---- */

/* struct ipc_perm; IPC_SET shows only what it sets. */
static void
p_ipc_perm(struct ptc__dc *c, const struct ipc_perm *p, int set)
{
	struct ptc__arg none = { 0 };

	ptc__s_open(c);
	ptc__s_field(c, "uid");
	ptc__a_id(c, &none, p->uid);
	ptc__s_field(c, "gid");
	ptc__a_id(c, &none, p->gid);
	ptc__s_field(c, "mode");
	ptc__p_oct(c, p->mode);
	if (!set) {
		ptc__s_field(c, "key");
		ptc__p_uint(c, (uint32_t)p->__key);
		ptc__s_field(c, "cuid");
		ptc__a_id(c, &none, p->cuid);
		ptc__s_field(c, "cgid");
		ptc__a_id(c, &none, p->cgid);
	}
	ptc__s_close(c);
}

static void
p_msqid_ds(struct ptc__dc *c, const struct msqid_ds *d, int set)
{
	ptc__s_open(c);
	ptc__s_field(c, "msg_perm");
	p_ipc_perm(c, &d->msg_perm, set);
	if (!set) {
		ptc__s_field(c, "msg_stime");
		ptc__p_uint(c, (uint64_t)d->msg_stime);
		ptc__s_field(c, "msg_rtime");
		ptc__p_uint(c, (uint64_t)d->msg_rtime);
		ptc__s_field(c, "msg_ctime");
		ptc__p_uint(c, (uint64_t)d->msg_ctime);
		ptc__s_field(c, "msg_qnum");
		ptc__p_uint(c, d->msg_qnum);
	}
	ptc__s_field(c, "msg_qbytes");
	ptc__p_uint(c, d->msg_qbytes);
	if (!set) {
		ptc__s_field(c, "msg_lspid");
		ptc__p_int(c, d->msg_lspid);
		ptc__s_field(c, "msg_lrpid");
		ptc__p_int(c, d->msg_lrpid);
	}
	ptc__s_close(c);
}

static void
p_shmid_ds(struct ptc__dc *c, const struct shmid_ds *d, int set)
{
	ptc__s_open(c);
	ptc__s_field(c, "shm_perm");
	p_ipc_perm(c, &d->shm_perm, set);
	if (!set) {
		ptc__s_field(c, "shm_segsz");
		ptc__p_uint(c, d->shm_segsz);
		ptc__s_field(c, "shm_cpid");
		ptc__p_pid(c, d->shm_cpid, PTC__PID_TGID);
		ptc__s_field(c, "shm_lpid");
		ptc__p_pid(c, d->shm_lpid, PTC__PID_TGID);
		ptc__s_field(c, "shm_nattch");
		ptc__p_uint(c, d->shm_nattch);
		ptc__s_field(c, "shm_atime");
		ptc__p_uint(c, (uint64_t)d->shm_atime);
		ptc__s_field(c, "shm_dtime");
		ptc__p_uint(c, (uint64_t)d->shm_dtime);
		ptc__s_field(c, "shm_ctime");
		ptc__p_uint(c, (uint64_t)d->shm_ctime);
	}
	ptc__s_close(c);
}

static void
p_semid_ds(struct ptc__dc *c, const struct semid_ds *d, int set)
{
	ptc__s_open(c);
	ptc__s_field(c, "sem_perm");
	p_ipc_perm(c, &d->sem_perm, set);
	if (!set) {
		ptc__s_field(c, "sem_otime");
		ptc__p_uint(c, (uint64_t)d->sem_otime);
		ptc__s_field(c, "sem_ctime");
		ptc__p_uint(c, (uint64_t)d->sem_ctime);
		ptc__s_field(c, "sem_nsems");
		ptc__p_uint(c, d->sem_nsems);
	}
	ptc__s_close(c);
}

/* Fields of one type in a row: "{name=v, ...}", signed or not. */
static void
p_fields(struct ptc__dc *c, const char *const *names, const void *base,
    size_t width, int sgn)
{
	const unsigned char *p = base;
	size_t i;
	int32_t i32;
	uint64_t u64;

	ptc__s_open(c);
	for (i = 0; names[i] != NULL; i++) {
		ptc__s_field(c, names[i]);
		if (width == 4) {
			memcpy(&i32, p + i * 4, 4);
			if (sgn)
				ptc__p_int(c, i32);
			else
				ptc__p_uint(c, (uint32_t)i32);
		} else {
			memcpy(&u64, p + i * 8, 8);
			ptc__p_uint(c, u64);
		}
	}
	ptc__s_close(c);
}

/*
 * The buffer of msgctl, shmctl or semctl (command in argument a->aux):
 * a structure for IPC_SET (the fields it sets) and, once the kernel has
 * filled it in, for the *_STAT and *_INFO commands; the address else.
 */
void
ptc__a_ipcbuf(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	static const char *const msginfo[] = { "msgpool", "msgmap",
		"msgmax", "msgmnb", "msgmni", "msgssz", "msgtql", "msgseg",
		NULL };
	static const char *const seminfo[] = { "semmap", "semmni", "semmns",
		"semmnu", "semmsl", "semopm", "semume", "semusz", "semvmx",
		"semaem", NULL };
	static const char *const shminfo[] = { "shmmax", "shmmin", "shmmni",
		"shmseg", "shmall", NULL };
	union {
		struct msqid_ds msq;
		struct shmid_ds shm;
		struct semid_ds sem;
		struct msginfo mi;
		struct seminfo si;
		struct shminfo shi;
		struct shm_info sh;
		uint64_t u[8];
	} u;
	unsigned cmd = (unsigned)c->a[a->aux] & ~0x100u;
	char fam = c->e->name[1];   /* (m)s(g)ctl, s(h)mctl, s(e)mctl */
	int set = cmd == IPC_SET, info, stat;
	size_t size;

	/* Each family numbers its *_STAT, *_INFO and *_STAT_ANY apart. */
	if (fam == 'e') {
		info = cmd == IPC_INFO || cmd == SEM_INFO;
		stat = cmd == IPC_STAT || cmd == SEM_STAT || cmd == 20;
	} else if (fam == 'h') {
		info = cmd == IPC_INFO || cmd == SHM_INFO;
		stat = cmd == IPC_STAT || cmd == SHM_STAT || cmd == 15;
	} else {
		info = cmd == IPC_INFO || cmd == MSG_INFO;
		stat = cmd == IPC_STAT || cmd == MSG_STAT || cmd == 13;
	}
	/* A 32-bit task's structures are laid out otherwise. */
	if (v == 0 || c->wordsize == 4 || !(set || info || stat) ||
	    (!set && c->is_error)) {
		ptc__p_addr(c, v);
		return;
	}
	if (info)
		size = fam == 'e' ? sizeof(u.si) : fam == 's' ? sizeof(u.mi) :
		    cmd == IPC_INFO ? sizeof(u.shi) : sizeof(u.sh);
	else
		size = fam == 'e' ? sizeof(u.sem) : fam == 's' ? sizeof(u.msq) :
		    sizeof(u.shm);
	if (ptc__rdall(c, v, &u, size) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	if (fam == 'e' && info)
		p_fields(c, seminfo, &u.si, 4, 1);
	else if (fam == 's' && info)
		p_fields(c, msginfo, &u.mi, 4, 1);
	else if (info && cmd == IPC_INFO)
		p_fields(c, shminfo, &u.shi, 8, 0);
	else if (info) {
		ptc__s_open(c);
		ptc__s_field(c, "used_ids");
		ptc__p_int(c, u.sh.used_ids);
		ptc__s_field(c, "shm_tot");
		ptc__p_uint(c, u.sh.shm_tot);
		ptc__s_field(c, "shm_rss");
		ptc__p_uint(c, u.sh.shm_rss);
		ptc__s_field(c, "shm_swp");
		ptc__p_uint(c, u.sh.shm_swp);
		ptc__s_field(c, "swap_attempts");
		ptc__p_uint(c, u.sh.swap_attempts);
		ptc__s_field(c, "swap_successes");
		ptc__p_uint(c, u.sh.swap_successes);
		ptc__s_close(c);
	} else if (fam == 'e')
		p_semid_ds(c, &u.sem, set);
	else if (fam == 's')
		p_msqid_ds(c, &u.msq, set);
	else
		p_shmid_ds(c, &u.shm, set);
}

/* ---- POSIX message queues ---- */

/* mq_open's mode, only with O_CREAT (flags argument a->aux). */
void
ptc__a_mq_mode(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	if (c->a[a->aux] & 0100)
		ptc__p_oct(c, (uint16_t)v);
}

/*
 * struct mq_attr: mq_open's (argument a->aux its flags: only with
 * O_CREAT, flags in hex), mq_getsetattr's (flags by name).
 */
void
ptc__a_mq_attr(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	int64_t at[8];   /* four fields and four reserved */

	if (a->aux >= 0 && !(c->a[a->aux] & 0100))
		return;
	if (v == 0 || (a->out && c->is_error) ||
	    ptc__rdall(c, v, at, sizeof(at)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__s_open(c);
	ptc__s_field(c, "mq_flags");
	if (a->aux >= 0)
		ptc__p_hex(c, (uint64_t)at[0]);
	else
		ptc__p_flags(c, &ptc__xt_mq_attr_flags, (uint64_t)at[0], NULL);
	ptc__s_field(c, "mq_maxmsg");
	ptc__p_int(c, at[1]);
	ptc__s_field(c, "mq_msgsize");
	ptc__p_int(c, at[2]);
	ptc__s_field(c, "mq_curmsgs");
	ptc__p_int(c, at[3]);
	ptc__s_close(c);
}
