/*
 * sc_quota.c: quotactl and quotactl_fd: the command as QCMD(cmd, type),
 * and the id and data arguments as each command takes them.
 */
#include <inttypes.h>
#include <linux/dqblk_xfs.h>
#include <linux/quota.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "sc_priv.h"
#include "xlat.h"

#define QCMD_CMD(q)  ((uint32_t)(q) >> 8)
#define QCMD_TYPE(q) ((uint32_t)(q) & 0xff)

/* A name, or the number and what it is not ("0x3 / * ???QUOTA * /"). */
static char *
qname(char *s, size_t len, const struct ptc__xtab *x, uint32_t v)
{
	const char *n = ptc__xname(x, v);

	if (n != NULL)
		snprintf(s, len, "%s", n);
	else
		snprintf(s, len, "%#x /* %s */", v, ptc__xunknown(x));
	return s;
}

/* "QCMD(Q_GETQUOTA, USRQUOTA)"; the number is decimal (-X raw). */
void
ptc__a_qcmd(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	char cmd[64], type[64], buf[160], num[16];

	(void)a;
	snprintf(buf, sizeof(buf), "QCMD(%s, %s)",
	    qname(cmd, sizeof(cmd), &ptc__xt_quota_cmds, QCMD_CMD(v)),
	    qname(type, sizeof(type), &ptc__xt_quota_types, QCMD_TYPE(v)));
	snprintf(num, sizeof(num), "%u", (uint32_t)v);
	if (c->f->json) {
		ptc__p_raw(c, buf);
		return;
	}
	ptc__pre(c);
	ptc__sb_puts(c->o, ptc__xstyle(c) == PTC_XLAT_RAW ? num :
	    ptc__xstyle(c) == PTC_XLAT_VERBOSE ? num : buf);
	if (ptc__xstyle(c) == PTC_XLAT_VERBOSE)
		ptc__sb_printf(c->o, " /* %s */", buf);
}

/* Commands whose third argument is an id (a uid, gid or project). */
static int
takes_id(uint32_t cmd)
{
	switch (cmd) {
	case 0x800001: case 0x800002: case 0x800003: case 0x800004:
	case 0x800005: case 0x800006: case 0x5801: case 0x5802:
	case 0x5805: case 0x5806: case 0x5807: case 0x5808:
		return 0;
	}
	return 1;
}

/* The id argument, its command in argument a->aux. */
void
ptc__a_qid(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	uint32_t cmd = QCMD_CMD(c->a[a->aux]);

	if (cmd == Q_QUOTAON) {
		ptc__p_enum(c, &ptc__xt_quota_formats, (uint32_t)v, NULL);
		return;
	}
	if (!takes_id(cmd))
		return;
	if ((uint32_t)v == UINT32_MAX)
		ptc__p_int(c, -1);
	else
		ptc__p_uint(c, (uint32_t)v);
}

/* Unsigned 64-bit fields of a structure, in a row. */
static void
u64s(struct ptc__dc *c, const char *const *names, const uint64_t *v, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		ptc__s_field(c, names[i]);
		ptc__p_uint(c, v[i]);
	}
}

static void
p_dqblk(struct ptc__dc *c, const struct if_nextdqblk *d, int next)
{
	static const char *const names[] = { "dqb_bhardlimit",
		"dqb_bsoftlimit", "dqb_curspace", "dqb_ihardlimit",
		"dqb_isoftlimit", "dqb_curinodes", "dqb_btime", "dqb_itime" };
	uint64_t v[8];

	memcpy(v, d, sizeof(v));
	ptc__s_open(c);
	u64s(c, names, v, 6);
	if (c->f->verbose) {
		u64s(c, names + 6, v + 6, 2);
		ptc__s_field(c, "dqb_valid");
		ptc__p_flags(c, &ptc__xt_if_dqblk_valid, d->dqb_valid, NULL);
	}
	if (next) {
		ptc__s_field(c, "dqb_id");
		ptc__p_uint(c, d->dqb_id);
	}
	if (!c->f->verbose)
		ptc__s_more(c);
	ptc__s_close(c);
}

static void
p_disk_quota(struct ptc__dc *c, const struct fs_disk_quota *d)
{
	ptc__s_open(c);
	ptc__s_field(c, "d_version");
	ptc__p_int(c, d->d_version);
	ptc__s_field(c, "d_flags");
	ptc__p_flags(c, &ptc__xt_xfs_dqblk_flags, (uint8_t)d->d_flags, NULL);
	ptc__s_field(c, "d_fieldmask");
	ptc__p_hex(c, d->d_fieldmask);
	ptc__s_field(c, "d_id");
	ptc__p_uint(c, d->d_id);
	ptc__s_field(c, "d_blk_hardlimit");
	ptc__p_uint(c, d->d_blk_hardlimit);
	ptc__s_field(c, "d_blk_softlimit");
	ptc__p_uint(c, d->d_blk_softlimit);
	ptc__s_field(c, "d_ino_hardlimit");
	ptc__p_uint(c, d->d_ino_hardlimit);
	ptc__s_field(c, "d_ino_softlimit");
	ptc__p_uint(c, d->d_ino_softlimit);
	ptc__s_field(c, "d_bcount");
	ptc__p_uint(c, d->d_bcount);
	ptc__s_field(c, "d_icount");
	ptc__p_uint(c, d->d_icount);
	if (!c->f->verbose) {
		ptc__s_more(c);
		ptc__s_close(c);
		return;
	}
	ptc__s_field(c, "d_itimer");
	ptc__p_int(c, d->d_itimer);
	ptc__s_field(c, "d_btimer");
	ptc__p_int(c, d->d_btimer);
	ptc__s_field(c, "d_iwarns");
	ptc__p_uint(c, d->d_iwarns);
	ptc__s_field(c, "d_bwarns");
	ptc__p_uint(c, d->d_bwarns);
	ptc__s_field(c, "d_rtb_hardlimit");
	ptc__p_uint(c, d->d_rtb_hardlimit);
	ptc__s_field(c, "d_rtb_softlimit");
	ptc__p_uint(c, d->d_rtb_softlimit);
	ptc__s_field(c, "d_rtbcount");
	ptc__p_uint(c, d->d_rtbcount);
	ptc__s_field(c, "d_rtbtimer");
	ptc__p_int(c, d->d_rtbtimer);
	ptc__s_field(c, "d_rtbwarns");
	ptc__p_uint(c, d->d_rtbwarns);
	ptc__s_close(c);
}

static void
p_qfilestat(struct ptc__dc *c, const char *name, uint64_t ino,
    uint64_t nblks, uint32_t nextents)
{
	ptc__s_field(c, name);
	ptc__s_open(c);
	ptc__s_field(c, "qfs_ino");
	ptc__p_uint(c, ino);
	ptc__s_field(c, "qfs_nblks");
	ptc__p_uint(c, nblks);
	ptc__s_field(c, "qfs_nextents");
	ptc__p_uint(c, nextents);
	ptc__s_close(c);
}

/* Q_XGETQSTAT's and Q_XGETQSTATV's limits, the same in both. */
static void
p_qstat_limits(struct ptc__dc *c, int32_t b, int32_t i, int32_t rtb,
    uint16_t bw, uint16_t iw)
{
	ptc__s_field(c, "qs_btimelimit");
	ptc__p_int(c, b);
	ptc__s_field(c, "qs_itimelimit");
	ptc__p_int(c, i);
	ptc__s_field(c, "qs_rtbtimelimit");
	ptc__p_int(c, rtb);
	ptc__s_field(c, "qs_bwarnlimit");
	ptc__p_uint(c, bw);
	ptc__s_field(c, "qs_iwarnlimit");
	ptc__p_uint(c, iw);
}

/* Q_XGETQSTAT's and Q_XGETQSTATV's structures, in one shape. */
struct qstat {
	int version, v;             /* v: fs_quota_statv */
	unsigned flags, incoredqs;
	struct fs_qfilestatv q[3];  /* user, group, project */
	int32_t btime, itime, rtbtime;
	uint16_t bwarn, iwarn;
};

static void
p_qstat(struct ptc__dc *c, const struct qstat *s)
{
	static const char *const names[] = { "qs_uquota", "qs_gquota",
		"qs_pquota" };
	int i;

	ptc__s_open(c);
	ptc__s_field(c, "qs_version");
	ptc__p_int(c, s->version);
	if (!c->f->verbose) {
		ptc__s_more(c);
		ptc__s_close(c);
		return;
	}
	ptc__s_field(c, "qs_flags");
	ptc__p_flags(c, &ptc__xt_xfs_quota_flags, s->flags, NULL);
	if (s->v) {
		ptc__s_field(c, "qs_incoredqs");
		ptc__p_uint(c, s->incoredqs);
	}
	for (i = 0; i < (s->v ? 3 : 2); i++)
		p_qfilestat(c, names[i], s->q[i].qfs_ino, s->q[i].qfs_nblks,
		    s->q[i].qfs_nextents);
	if (!s->v) {
		ptc__s_field(c, "qs_incoredqs");
		ptc__p_uint(c, s->incoredqs);
	}
	p_qstat_limits(c, s->btime, s->itime, s->rtbtime, s->bwarn, s->iwarn);
	ptc__s_close(c);
}

static void
qstat_of(struct qstat *q, const struct fs_quota_stat *s)
{
	const fs_qfilestat_t *f[2] = { &s->qs_uquota, &s->qs_gquota };
	int i;

	memset(q, 0, sizeof(*q));
	q->version = s->qs_version;
	q->flags = s->qs_flags;
	q->incoredqs = s->qs_incoredqs;
	for (i = 0; i < 2; i++) {
		q->q[i].qfs_ino = f[i]->qfs_ino;
		q->q[i].qfs_nblks = f[i]->qfs_nblks;
		q->q[i].qfs_nextents = f[i]->qfs_nextents;
	}
	q->btime = s->qs_btimelimit;
	q->itime = s->qs_itimelimit;
	q->rtbtime = s->qs_rtbtimelimit;
	q->bwarn = s->qs_bwarnlimit;
	q->iwarn = s->qs_iwarnlimit;
}

static void
qstatv_of(struct qstat *q, const struct fs_quota_statv *s)
{
	memset(q, 0, sizeof(*q));
	q->v = 1;
	q->version = s->qs_version;
	q->flags = s->qs_flags;
	q->incoredqs = s->qs_incoredqs;
	q->q[0] = s->qs_uquota;
	q->q[1] = s->qs_gquota;
	q->q[2] = s->qs_pquota;
	q->btime = s->qs_btimelimit;
	q->itime = s->qs_itimelimit;
	q->rtbtime = s->qs_rtbtimelimit;
	q->bwarn = s->qs_bwarnlimit;
	q->iwarn = s->qs_iwarnlimit;
}

/*
 * The data argument, its command in argument a->aux: what the kernel
 * filled in for the Q_GET* commands (the address when the call failed),
 * what it is given for the others.
 */
void
ptc__a_qdata(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	union {
		struct if_nextdqblk dq;
		struct if_dqinfo di;
		struct fs_disk_quota fd;
		struct fs_quota_stat qs;
		struct fs_quota_statv qv;
		uint32_t u;
	} u;
	uint32_t cmd = QCMD_CMD(c->a[a->aux]);
	struct qstat qs;
	size_t size;
	int out = 0;

	switch (cmd) {
	case Q_QUOTAOFF: case Q_SYNC: case Q_XQUOTASYNC:
		return;
	case Q_QUOTAON:
		ptc__p_path(c, v);
		return;
	case Q_GETQUOTA: out = 1; /* FALLTHROUGH */
	case Q_SETQUOTA: size = sizeof(struct if_dqblk); break;
	case Q_GETNEXTQUOTA: out = 1; size = sizeof(u.dq); break;
	case Q_XGETQUOTA: case Q_XGETNEXTQUOTA: out = 1; /* FALLTHROUGH */
	case Q_XSETQLIM: size = sizeof(u.fd); break;
	case Q_GETINFO: out = 1; /* FALLTHROUGH */
	case Q_SETINFO: size = sizeof(u.di); break;
	case Q_XGETQSTAT: out = 1; size = sizeof(u.qs); break;
	case Q_XGETQSTATV: out = 1; size = sizeof(u.qv); break;
	case Q_GETFMT: out = 1; /* FALLTHROUGH */
	case Q_XQUOTAON: case Q_XQUOTAOFF: case Q_XQUOTARM:
		size = sizeof(u.u);
		break;
	default:
		ptc__p_addr(c, v);
		return;
	}
	memset(&u, 0, sizeof(u));
	if (v == 0 || (out && c->is_error) ||
	    ptc__rdall(c, v, &u, size) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	switch (cmd) {
	case Q_GETQUOTA: case Q_SETQUOTA: case Q_GETNEXTQUOTA:
		p_dqblk(c, &u.dq, cmd == Q_GETNEXTQUOTA);
		break;
	case Q_XGETQUOTA: case Q_XGETNEXTQUOTA: case Q_XSETQLIM:
		p_disk_quota(c, &u.fd);
		break;
	case Q_GETINFO: case Q_SETINFO:
		ptc__s_open(c);
		ptc__s_field(c, "dqi_bgrace");
		ptc__p_uint(c, u.di.dqi_bgrace);
		ptc__s_field(c, "dqi_igrace");
		ptc__p_uint(c, u.di.dqi_igrace);
		ptc__s_field(c, "dqi_flags");
		ptc__p_flags(c, &ptc__xt_if_dqinfo_flags, u.di.dqi_flags, NULL);
		ptc__s_field(c, "dqi_valid");
		ptc__p_flags(c, &ptc__xt_if_dqinfo_valid, u.di.dqi_valid, NULL);
		ptc__s_close(c);
		break;
	case Q_XGETQSTAT:
		qstat_of(&qs, &u.qs);
		p_qstat(c, &qs);
		break;
	case Q_XGETQSTATV:
		qstatv_of(&qs, &u.qv);
		p_qstat(c, &qs);
		break;
	default:
		ptc__l_open(c);
		if (cmd == Q_GETFMT)
			ptc__p_enum(c, &ptc__xt_quota_formats, u.u, NULL);
		else
			ptc__p_flags(c, cmd == Q_XQUOTARM ?
			    &ptc__xt_xfs_dqblk_flags : &ptc__xt_xfs_quota_flags,
			    u.u, NULL);
		ptc__l_close(c);
		break;
	}
}
