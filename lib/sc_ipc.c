/*
 * sc_ipc.c: System V IPC keys, flags, ctl commands and semop's array.
 */
#include <sys/ipc.h>
#include <sys/sem.h>

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
	{ IPC_NOWAIT, "IPC_NOWAIT" },
	{ SEM_UNDO, "SEM_UNDO" },
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
