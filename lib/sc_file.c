/*
 * sc_file.c: printers for files and descriptors: open flags and modes,
 * directory descriptors, stat/statx/statfs structures, directory
 * entries, fcntl, pipes, iovecs.
 */
#include <fcntl.h>
#include <inttypes.h>
#include <linux/audit.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <time.h>

#include "internal.h"
#include "sc_priv.h"
#include "xlat.h"

#define K_O_CREAT   0100
#define K_O_TMPFILE 020000000

/* ---- flags and modes ---- */

/*
 * Four open(2) bits sit elsewhere on ARM and aarch64 than on x86, whose
 * values lib/xlat/open_flags.in holds: move them there before naming.
 * PowerPC has the ARM values with O_DIRECT and O_LARGEFILE swapped.
 */
static uint64_t
oflags_x86(uint32_t arch, uint64_t v)
{
	static const struct {
		uint32_t arm, x86;
	} moved[] = {
		{ 040000, 0200000 },    /* O_DIRECTORY */
		{ 0100000, 0400000 },   /* O_NOFOLLOW */
		{ 0200000, 040000 },    /* O_DIRECT */
		{ 0400000, 0100000 },   /* O_LARGEFILE */
	};
	static const struct {
		uint32_t ppc, x86;
	} ppc_moved[] = {
		{ 040000, 0200000 },    /* O_DIRECTORY */
		{ 0100000, 0400000 },   /* O_NOFOLLOW */
		{ 0200000, 0100000 },   /* O_LARGEFILE */
		{ 0400000, 040000 },    /* O_DIRECT */
	};
	uint64_t r;
	size_t i;

	if (arch == AUDIT_ARCH_PPC64LE || arch == AUDIT_ARCH_PPC64 ||
	    arch == AUDIT_ARCH_PPC) {
		r = v & ~(uint64_t)0740000;
		for (i = 0; i < sizeof(ppc_moved) / sizeof(ppc_moved[0]); i++)
			if (v & ppc_moved[i].ppc)
				r |= ppc_moved[i].x86;
		return r;
	}
	if (arch != AUDIT_ARCH_AARCH64 && arch != AUDIT_ARCH_ARM)
		return v;
	r = v & ~(uint64_t)0740000;
	for (i = 0; i < sizeof(moved) / sizeof(moved[0]); i++)
		if (v & moved[i].arm)
			r |= moved[i].x86;
	return r;
}

static char *
oflags_str(const struct ptc__dc *c, char *buf, size_t len, uint64_t v)
{
	const char *acc = ptc__xname(&ptc__xt_open_access, v & 3);
	char rest[512];

	v = oflags_x86(c->arch, v & 0xffffffffu);
	if ((v & ~3ull) == 0) {
		snprintf(buf, len, "%s", acc != NULL ? acc : "O_ACCMODE");
		return buf;
	}
	ptc__sflags(rest, sizeof(rest), &ptc__xt_open_flags, v & ~3ull, NULL);
	snprintf(buf, len, "%s|%s", acc != NULL ? acc : "O_ACCMODE", rest);
	return buf;
}

/* Open flags as an argument: the names stand for the whole number. */
static void
p_oflags(struct ptc__dc *c, uint64_t v)
{
	char buf[600];

	ptc__p_xval(c, v & 0xffffffffu, 'x', oflags_str(c, buf, sizeof(buf), v));
}

void
ptc__a_oflags(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	(void)a;
	p_oflags(c, v);
}

/* open's mode, shown only when the flags create a file. */
void
ptc__a_omode(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	if (a->aux >= 0 && (c->a[a->aux] & (K_O_CREAT | K_O_TMPFILE)))
		ptc__p_oct(c, v & 07777);
}

static char *
mode_str(char *buf, size_t len, unsigned m, int with_type)
{
	const char *t = NULL;
	size_t n = 0;

	if (with_type) {
		switch (m & S_IFMT) {
		case S_IFREG: t = "S_IFREG"; break;
		case S_IFDIR: t = "S_IFDIR"; break;
		case S_IFCHR: t = "S_IFCHR"; break;
		case S_IFBLK: t = "S_IFBLK"; break;
		case S_IFIFO: t = "S_IFIFO"; break;
		case S_IFLNK: t = "S_IFLNK"; break;
		case S_IFSOCK: t = "S_IFSOCK"; break;
		}
	}
	buf[0] = '\0';
	if (t != NULL)
		n += (size_t)snprintf(buf + n, len - n, "%s|", t);
	if (m & S_ISUID)
		n += (size_t)snprintf(buf + n, len - n, "S_ISUID|");
	if (m & S_ISGID)
		n += (size_t)snprintf(buf + n, len - n, "S_ISGID|");
	if (m & S_ISVTX)
		n += (size_t)snprintf(buf + n, len - n, "S_ISVTX|");
	snprintf(buf + n, len - n, "%#03o", m & 0777);
	return buf;
}

/* A mode with its file type: octal, the names as strace's -X asks. */
static void
p_mode(struct ptc__dc *c, unsigned m)
{
	char buf[96];

	ptc__p_xval(c, m, 'o', mode_str(buf, sizeof(buf), m, 1));
}

void
ptc__a_mknod_mode(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	unsigned m = (unsigned)v & 0xffff;   /* umode_t */

	(void)a;
	/* a file type no name covers: the whole mode in octal */
	if ((m & S_IFMT) != 0 && !S_ISREG(m) && !S_ISDIR(m) && !S_ISCHR(m) &&
	    !S_ISBLK(m) && !S_ISFIFO(m) && !S_ISLNK(m) && !S_ISSOCK(m)) {
		ptc__p_oct(c, m);
		return;
	}
	p_mode(c, m);
}

/*
 * A device number as the kernel's old 32-bit dev_t, makedev(major,
 * minor): mknod's only for a device file (its mode argument a->aux),
 * ustat's always.
 */
void
ptc__a_devnum(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	uint32_t d = (uint32_t)v;
	char buf[64];

	if (a->aux >= 0 && !S_ISCHR(c->a[a->aux]) && !S_ISBLK(c->a[a->aux]))
		return;
	snprintf(buf, sizeof(buf), "makedev(%#x, %#x)", (d >> 8) & 0xfff,
	    (d & 0xff) | ((d >> 12) & 0xfff00));
	ptc__p_raw(c, buf);
}

/* struct utimbuf: two times, each with its date. */
void
ptc__a_utimbuf(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	int64_t t[2];
	int32_t t32[2];

	(void)a;
	if (c->wordsize == 4) {
		if (v == 0 || ptc__rdall(c, v, t32, sizeof(t32)) != 0) {
			ptc__p_addr(c, v);
			return;
		}
		t[0] = t32[0];
		t[1] = t32[1];
	} else if (v == 0 || ptc__rdall(c, v, t, sizeof(t)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__s_open(c);
	ptc__s_field(c, "actime");
	ptc__p_int(c, t[0]);
	ptc__p_time_comment(c, t[0], 0);
	ptc__s_field(c, "modtime");
	ptc__p_int(c, t[1]);
	ptc__p_time_comment(c, t[1], 0);
	ptc__s_close(c);
}

/* sethostname's name: the address past what the kernel takes (64). */
void
ptc__a_hostname(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	uint32_t len = (uint32_t)c->a[a->aux];

	if (len > 64)
		ptc__p_addr(c, v);
	else
		ptc__p_buf(c, v, len);
}

void
ptc__a_dirfd(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	char path[PTC__STR_MAX];

	(void)a;
	if ((int)v != AT_FDCWD) {
		ptc__p_fd(c, (int)v);
		return;
	}
	if ((c->f->decode_fds & PTC_FDS_PATH) && !c->f->json &&
	    ptc_os_fdpath(c->pid, -1, path, sizeof(path)) == 0) {
		ptc__pre(c);
		ptc__sb_puts(c->o, ptc__sxval(path + sizeof(path) - 32, 32,
		    ptc__xstyle(c), (uint64_t)AT_FDCWD, 'd', "AT_FDCWD"));
		ptc__sb_putc(c->o, '<');
		ptc__sb_escape_angle(c->o, path);
		ptc__sb_putc(c->o, '>');
		return;
	}
	ptc__p_xval(c, (uint64_t)AT_FDCWD, 'd', "AT_FDCWD");
}

/* A uid or gid: unsigned, but -1 ("unchanged") is shown as -1. */
void
ptc__a_id(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	(void)a;
	if ((uint32_t)v == UINT32_MAX)
		ptc__p_int(c, -1);
	else
		ptc__p_uint(c, (uint32_t)v);
}

/*
 * statx's flags: the sync type is always named, as strace does, and
 * styled apart from the other flags (so -X raw shows nothing for a
 * zero sync type, as strace's does).
 */
void
ptc__a_statx_flags(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	static const struct ptc__xlat syncv[] = {
		{ 0, "AT_STATX_SYNC_AS_STAT" },
		{ 0x2000, "AT_STATX_FORCE_SYNC" },
		{ 0x4000, "AT_STATX_DONT_SYNC" },
	};
	static const struct ptc__xtab sync = { syncv, 3 };
	char buf[512], rest[256];

	(void)a;
	v &= 0xffffffffu;
	if ((v & 0x6000) == 0 && ptc__xstyle(c) == PTC_XLAT_RAW)
		buf[0] = '\0';
	else
		ptc__xsflags(c, buf, sizeof(buf) / 2, &sync, v & 0x6000, NULL);
	if ((v & ~0x6000ull) != 0)
		snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), "|%s",
		    ptc__xsflags(c, rest, sizeof(rest), &ptc__xt_statx_flags,
		    v & ~0x6000ull, NULL));
	ptc__p_raw(c, buf);
}

/* ---- stat and friends ---- */

static void
field_mode(struct ptc__dc *c, const char *name, unsigned m)
{
	char buf[96];

	ptc__s_field(c, name);
	ptc__p_xval(c, m, 'o', mode_str(buf, sizeof(buf), m, 1));
}

static void
field_dev(struct ptc__dc *c, const char *name, uint64_t dev)
{
	unsigned ma = (unsigned)(((dev >> 32) & 0xfffff000) | ((dev >> 8) & 0xfff));
	unsigned mi = (unsigned)(((dev >> 12) & 0xffffff00) | (dev & 0xff));
	char buf[128];

	ptc__s_field(c, name);
	if (c->f->json) {
		ptc__p_uint(c, dev);
		return;
	}
	{
		/* -X: the number, the number and makedev() in a comment. */
		char num[32], mk[64];

		snprintf(num, sizeof(num), "%#" PRIx64, dev);
		snprintf(mk, sizeof(mk), "makedev(%#x, %#x)", ma, mi);
		ptc__sxnum(buf, sizeof(buf), ptc__xstyle(c), num, mk);
		if (ptc__xstyle(c) == PTC_XLAT_ABBREV)
			snprintf(buf, sizeof(buf), "%s", mk);
	}
	ptc__p_raw(c, buf);
}

/* A time as strace shows it with -v: seconds and a comment. */
/*
 * The date of sec and a fraction of width digits: none, as strace's,
 * for the epoch itself and for a fraction out of range.
 */
static void
time_comment(struct ptc__dc *c, int64_t sec, uint64_t part, uint64_t max,
    int width)
{
	struct tm tm;
	time_t t = (time_t)sec;
	char buf[64], zone[16];

	if (c->f->json || (sec == 0 && part == 0) || part > max ||
	    localtime_r(&t, &tm) == NULL)
		return;
	strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%S", &tm);
	strftime(zone, sizeof(zone), "%z", &tm);
	if (part != 0)
		ptc__p_comment(c, "%s.%0*" PRIu64 "%s", buf, width, part, zone);
	else
		ptc__p_comment(c, "%s%s", buf, zone);
}

void
ptc__p_time_comment(struct ptc__dc *c, int64_t sec, int64_t nsec)
{
	time_comment(c, sec, (uint64_t)nsec, 999999999, 9);
}

static void
field_time(struct ptc__dc *c, const char *name, int64_t sec, int64_t nsec)
{
	char nm[32];

	ptc__f_d(c, name, sec);
	ptc__p_time_comment(c, sec, nsec);
	snprintf(nm, sizeof(nm), "%s_nsec", name);
	ptc__f_u(c, nm, (uint64_t)nsec);
}

void
ptc__a_stat(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	struct stat st;

	(void)a;
	if (c->is_error || ptc__rdall(c, v, &st, sizeof(st)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__s_open(c);
	if (c->f->verbose) {
		field_dev(c, "st_dev", st.st_dev);
		ptc__f_u(c, "st_ino", st.st_ino);
	}
	field_mode(c, "st_mode", st.st_mode);
	if (c->f->verbose) {
		ptc__f_u(c, "st_nlink", st.st_nlink);
		ptc__f_u(c, "st_uid", st.st_uid);
		ptc__f_u(c, "st_gid", st.st_gid);
		ptc__f_u(c, "st_blksize", (uint64_t)st.st_blksize);
		ptc__f_u(c, "st_blocks", (uint64_t)st.st_blocks);
	}
	if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))
		field_dev(c, "st_rdev", st.st_rdev);
	else
		ptc__f_u(c, "st_size", (uint64_t)st.st_size);
	if (c->f->verbose) {
		field_time(c, "st_atime", st.st_atim.tv_sec, st.st_atim.tv_nsec);
		field_time(c, "st_mtime", st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
		field_time(c, "st_ctime", st.st_ctim.tv_sec, st.st_ctim.tv_nsec);
	} else {
		ptc__s_more(c);
	}
	ptc__s_close(c);
}

/* The kernel's struct statx (fixed layout, 256 bytes). */
struct k_statx_ts {
	int64_t tv_sec;
	uint32_t tv_nsec;
	int32_t pad;
};
struct k_statx {
	uint32_t mask, blksize;
	uint64_t attributes;
	uint32_t nlink, uid, gid;
	uint16_t mode, pad1;
	uint64_t ino, size, blocks, attributes_mask;
	struct k_statx_ts atime, btime, ctime, mtime;
	uint32_t rdev_major, rdev_minor, dev_major, dev_minor;
	uint64_t mnt_id;
	uint64_t spare[13];
};

static void
field_xts(struct ptc__dc *c, const char *name, const struct k_statx_ts *t)
{
	ptc__s_field(c, name);
	ptc__s_open(c);
	ptc__f_d(c, "tv_sec", t->tv_sec);
	ptc__f_u(c, "tv_nsec", t->tv_nsec);
	ptc__s_close(c);
	ptc__p_time_comment(c, t->tv_sec, t->tv_nsec);
}

static void
field_flags(struct ptc__dc *c, const char *name, const struct ptc__xtab *x,
    uint64_t v)
{
	ptc__s_field(c, name);
	ptc__p_flags(c, x, v, NULL);
}

void
ptc__a_statx(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	struct k_statx sx;

	(void)a;
	if (c->is_error || ptc__rdall(c, v, &sx, sizeof(sx)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__s_open(c);
	field_flags(c, "stx_mask", &ptc__xt_statx_mask, sx.mask);
	if (c->f->verbose)
		ptc__f_u(c, "stx_blksize", sx.blksize);
	field_flags(c, "stx_attributes", &ptc__xt_statx_attrs, sx.attributes);
	if (c->f->verbose) {
		ptc__f_u(c, "stx_nlink", sx.nlink);
		ptc__f_u(c, "stx_uid", sx.uid);
		ptc__f_u(c, "stx_gid", sx.gid);
	}
	field_mode(c, "stx_mode", sx.mode);
	if (c->f->verbose)
		ptc__f_u(c, "stx_ino", sx.ino);
	ptc__f_u(c, "stx_size", sx.size);
	if (!c->f->verbose) {
		ptc__s_more(c);
		ptc__s_close(c);
		return;
	}
	/* what the kernel says it filled in (STATX_BLOCKS, the times) */
	if (sx.mask & 0x400)
		ptc__f_u(c, "stx_blocks", sx.blocks);
	field_flags(c, "stx_attributes_mask", &ptc__xt_statx_attrs,
	    sx.attributes_mask);
	if (sx.mask & 0x20)
		field_xts(c, "stx_atime", &sx.atime);
	if (sx.mask & 0x800)
		field_xts(c, "stx_btime", &sx.btime);
	if (sx.mask & 0x80)
		field_xts(c, "stx_ctime", &sx.ctime);
	if (sx.mask & 0x40)
		field_xts(c, "stx_mtime", &sx.mtime);
	ptc__f_u(c, "stx_rdev_major", sx.rdev_major);
	ptc__f_u(c, "stx_rdev_minor", sx.rdev_minor);
	ptc__f_u(c, "stx_dev_major", sx.dev_major);
	ptc__f_u(c, "stx_dev_minor", sx.dev_minor);
	if (sx.mask & 0x1000) {
		ptc__s_field(c, "stx_mnt_id");
		ptc__p_hex(c, sx.mnt_id);
	}
	ptc__s_close(c);
}

void
ptc__a_statfs(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	struct statfs sf;

	(void)a;
	if (c->is_error || ptc__rdall(c, v, &sf, sizeof(sf)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__s_open(c);
	ptc__s_field(c, "f_type");
	ptc__p_enum(c, &ptc__xt_fs_magic, (uint64_t)sf.f_type, NULL);
	ptc__f_u(c, "f_bsize", (uint64_t)sf.f_bsize);
	ptc__f_u(c, "f_blocks", sf.f_blocks);
	ptc__f_u(c, "f_bfree", sf.f_bfree);
	ptc__f_u(c, "f_bavail", sf.f_bavail);
	ptc__f_u(c, "f_files", sf.f_files);
	ptc__f_u(c, "f_ffree", sf.f_ffree);
	ptc__s_field(c, "f_fsid");
	ptc__s_open(c);
	ptc__s_field(c, "val");
	ptc__l_open(c);
	ptc__p_hex(c, (uint32_t)sf.f_fsid.__val[0]);
	ptc__p_hex(c, (uint32_t)sf.f_fsid.__val[1]);
	ptc__l_close(c);
	ptc__s_close(c);
	ptc__f_u(c, "f_namelen", (uint64_t)sf.f_namelen);
	ptc__f_u(c, "f_frsize", (uint64_t)sf.f_frsize);
	ptc__s_field(c, "f_flags");
	ptc__p_flags(c, &ptc__xt_statfs_flags, (uint64_t)sf.f_flags, NULL);
	ptc__s_close(c);
}

/* ---- directories ---- */

static void
dirents(struct ptc__dc *c, uint64_t v, int is64)
{
	unsigned char *buf;
	size_t len, off = 0;
	unsigned count = 0, shown = 0;

	if (c->is_error || c->rval < 0) {
		ptc__p_addr(c, v);
		return;
	}
	len = (size_t)c->rval;
	if (len > PTC__BUF_MAX)
		len = PTC__BUF_MAX;
	buf = malloc(len + 1);
	if (buf == NULL || ptc__rdall(c, v, buf, len) != 0) {
		free(buf);
		ptc__p_addr(c, v);
		return;
	}
	if (!c->f->verbose) {
		while (off + 19 <= len) {
			uint16_t reclen;

			memcpy(&reclen, buf + off + 16, 2);
			if (reclen == 0)
				break;
			count++;
			off += reclen;
		}
		free(buf);
		ptc__p_addr(c, v);
		ptc__p_comment(c, "%u entries", count);
		return;
	}
	ptc__l_open(c);
	while (off + 19 <= len) {
		uint64_t ino, doff;
		uint16_t reclen;
		unsigned type;
		size_t namelen, nameoff = is64 ? 19 : 18;

		memcpy(&ino, buf + off, 8);
		memcpy(&doff, buf + off + 8, 8);
		memcpy(&reclen, buf + off + 16, 2);
		if (reclen < nameoff || off + reclen > len)
			break;
		if (shown++ >= c->f->strsize) {
			ptc__s_more(c);
			break;
		}
		type = is64 ? buf[off + 18] : buf[off + reclen - 1];
		namelen = strnlen((char *)buf + off + nameoff, reclen - nameoff);
		ptc__s_open(c);
		ptc__f_u(c, "d_ino", ino);
		ptc__f_u(c, "d_off", doff);
		ptc__f_u(c, "d_reclen", reclen);
		if (is64) {
			ptc__s_field(c, "d_type");
			ptc__p_enum(c, &ptc__xt_dirent_types, type, "DT_???");
		}
		ptc__s_field(c, "d_name");
		ptc__p_bytes(c, buf + off + nameoff, namelen, 0);
		if (!is64) {
			ptc__s_field(c, "d_type");
			ptc__p_enum(c, &ptc__xt_dirent_types, type, "DT_???");
		}
		ptc__s_close(c);
		off += reclen;
	}
	ptc__l_close(c);
	free(buf);
}

void
ptc__a_dirents64(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	(void)a;
	dirents(c, v, 1);
}

void
ptc__a_dirents(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	(void)a;
	dirents(c, v, 0);
}

/* getcwd's buffer holds rval bytes including the NUL; not cut by -s. */
void
ptc__a_cwd(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	(void)a;
	if (c->is_error || c->rval <= 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__p_str(c, v, (size_t)c->rval < PTC__STR_MAX ?
	    (size_t)c->rval : PTC__STR_MAX);
}

void
ptc__a_rlbuf(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	ptc__a_obuf(c, a, v);
}

/* ---- small in/out values ---- */

static void
bracket_u(struct ptc__dc *c, uint64_t v, int sign)
{
	ptc__l_open(c);
	if (sign)
		ptc__p_int(c, (int64_t)v);
	else
		ptc__p_uint(c, v);
	ptc__l_close(c);
}

void
ptc__a_pipefds(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	int fds[2];

	(void)a;
	if (c->is_error || ptc__rdall(c, v, fds, sizeof(fds)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__l_open(c);
	ptc__p_fd(c, fds[0]);
	ptc__p_fd(c, fds[1]);
	ptc__l_close(c);
}

void
ptc__a_uintp(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	uint32_t x;

	(void)a;
	if (c->is_error || ptc__rdall(c, v, &x, sizeof(x)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	bracket_u(c, x, 0);
}

void
ptc__a_idp(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	ptc__a_uintp(c, a, v);
}

/*
 * A 64-bit offset a 32-bit task passes in two registers: v is the low
 * word, argument a->aux the high one (pread64, fallocate...).
 */
void
ptc__a_loff(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	uint64_t hi = a->aux >= 0 ? (uint32_t)c->a[a->aux] : 0;

	ptc__p_int(c, (int64_t)(hi << 32 | (uint32_t)v));
}

/* _llseek's offset: v is the high word, argument a->aux the low one. */
void
ptc__a_loff_hi(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	uint64_t lo = a->aux >= 0 ? (uint32_t)c->a[a->aux] : 0;

	ptc__p_int(c, (int64_t)((uint64_t)(uint32_t)v << 32 | lo));
}

/* _llseek's result: the new 64-bit offset the kernel stored, "[N]". */
void
ptc__a_loffp(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	uint64_t x;

	(void)a;
	if (c->is_error || ptc__rdall(c, v, &x, sizeof(x)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	bracket_u(c, x, 1);
}

/*
 * An in-out value: "[in]", or when the call changed it "[in => out]"
 * (a length) or "[in] => [out]" (an offset), as strace shows them.
 */
static void
inout_fmt(struct ptc__dc *c, uint64_t v, int bytes, int is_signed);

static void
inout(struct ptc__dc *c, uint64_t v, int bytes)
{
	inout_fmt(c, v, bytes, bytes == 8);
}

/* is_signed: an 8-byte offset shown signed (strace's loff_t). */
static void
inout_fmt(struct ptc__dc *c, uint64_t v, int bytes, int is_signed)
{
	uint64_t now = 0, then = c->saved[c->cur];
	uint64_t mask = bytes == 8 ? ~0ull : 0xffffffffull;

	if (v == 0) {
		ptc__p_addr(c, 0);
		return;
	}
	if (!c->saved_ok[c->cur]) {
		ptc__p_addr(c, v);
		return;
	}
	then &= mask;
	if (c->is_error || ptc__rdall(c, v, &now, (size_t)bytes) != 0)
		now = then;
	now &= mask;
	if (c->f->json) {
		if (is_signed)
			ptc__p_int(c, (int64_t)now);
		else
			ptc__p_uint(c, now);
		return;
	}
	ptc__pre(c);
	if (bytes == 8 && now == then)
		ptc__sb_printf(c->o, is_signed ? "[%" PRId64 "]" :
		    "[%" PRIu64 "]", now);
	else if (bytes == 8)
		ptc__sb_printf(c->o, is_signed ?
		    "[%" PRId64 "] => [%" PRId64 "]" :
		    "[%" PRIu64 "] => [%" PRIu64 "]", then, now);
	else if (now == then)
		ptc__sb_printf(c->o, "[%" PRIu64 "]", now);
	else
		ptc__sb_printf(c->o, "[%" PRIu64 " => %" PRIu64 "]", then, now);
}

/* sendfile's offset: strace shows it unsigned. */
void
ptc__a_uoffp(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	(void)a;
	inout_fmt(c, v, 8, 0);
}

void
ptc__a_socklenp(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	(void)a;
	inout(c, v, 4);
}

void
ptc__a_offp(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	(void)a;
	inout(c, v, 8);
}

/* ---- iovecs ---- */

/* Element i of the iovec array at v, in the tracee's word size. */
static int
rd_iov(struct ptc__dc *c, uint64_t v, uint64_t i, uint64_t iov[2])
{
	uint32_t iov32[2];

	if (c->wordsize == 4) {
		if (ptc__rdall(c, v + i * 8, iov32, sizeof(iov32)) != 0)
			return -1;
		iov[0] = iov32[0];
		iov[1] = iov32[1];
		return 0;
	}
	return ptc__rdall(c, v + i * 16, iov, 2 * sizeof(*iov));
}

/*
 * An iovec array of n elements; out: buffers the kernel filled, of
 * which only the first left bytes in total hold data.
 */
void
ptc__p_iovec(struct ptc__dc *c, uint64_t v, uint64_t n, int out,
    uint64_t left)
{
	uint64_t i, iov[2];
	unsigned esz = c->wordsize == 4 ? 8 : 16;

	/* as strace's print_array: [] for none, the address if unreadable */
	if (v == 0 || (n != 0 && rd_iov(c, v, 0, iov) != 0)) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__l_open(c);
	for (i = 0; i < n; i++) {
		uint64_t len, show;

		if (rd_iov(c, v, i, iov) != 0) {
			ptc__more_at(c, v + i * esz);
			break;
		}
		if (ptc__arr_full(c, i))
			break;
		len = iov[1];
		show = len < left ? len : left;
		ptc__s_open(c);
		ptc__s_field(c, "iov_base");
		if (out < 0)
			ptc__p_addr(c, iov[0]);
		else
			ptc__p_buf(c, iov[0], show);
		if (left != ~0ull)      /* ~0: no limit, nothing to count */
			left -= show;
		ptc__s_field(c, "iov_len");
		ptc__p_uint(c, len);
		ptc__s_close(c);
	}
	ptc__l_close(c);
}

void
ptc__a_iovec(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	uint64_t n = a->aux >= 0 ? (uint32_t)c->a[a->aux] : 0;

	/* a failed read filled nothing: the buffers' addresses */
	if (a->out && c->is_error) {
		ptc__p_iovec(c, v, n, -1, 0);
		return;
	}
	ptc__p_iovec(c, v, n, a->out, a->out ? (uint64_t)c->rval : ~0ull);
}

/* A count that is a whole unsigned long (process_vm_readv's). */
static uint64_t
ulong_count(const struct ptc__dc *c, const struct ptc__arg *a)
{
	uint64_t n = a->aux >= 0 ? c->a[a->aux] : 0;

	return ptc__word(c, n);
}

/*
 * iovec_l:N, an iovec array whose count (arg N) is an unsigned long,
 * and the buffers' data (process_vm_writev's local array); iovec_lo:N
 * the same filled by the kernel, shown at exit (the table's ">?"): the
 * first rval bytes, or the addresses if the call failed
 * (process_vm_readv's).
 */
void
ptc__a_iovec_l(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	ptc__p_iovec(c, v, ulong_count(c, a), 0, ~0ull);
}

void
ptc__a_iovec_lo(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	uint64_t n = ulong_count(c, a);

	if (c->is_error)
		ptc__p_iovec(c, v, n, -1, 0);
	else
		ptc__p_iovec(c, v, n, 1, (uint64_t)c->rval);
}

/*
 * iovec_addr:N, an iovec array of another process's memory (or of none
 * at all, as process_madvise's ranges): the buffers' addresses.
 */
void
ptc__a_iovec_addr(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	ptc__p_iovec(c, v, ulong_count(c, a), -1, 0);
}

/* ---- fcntl ---- */

static void
flock_struct(struct ptc__dc *c, uint64_t v)
{
	struct flock fl;

	/* a failed F_GETLK wrote nothing: its address */
	if ((c->exiting && c->is_error) ||
	    ptc__rdall(c, v, &fl, sizeof(fl)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__s_open(c);
	ptc__s_field(c, "l_type");
	ptc__p_enum(c, &ptc__xt_lock_types, (uint64_t)fl.l_type, "F_???");
	ptc__s_field(c, "l_whence");
	ptc__p_enum(c, &ptc__xt_seek_whence, (uint64_t)fl.l_whence, "SEEK_???");
	ptc__f_d(c, "l_start", fl.l_start);
	ptc__f_d(c, "l_len", fl.l_len);
	if (c->exiting) {
		ptc__s_field(c, "l_pid");
		ptc__p_pid(c, fl.l_pid, PTC__PID_TGID);
	}
	ptc__s_close(c);
}

/* struct f_owner_ex: {type=F_OWNER_TID, pid=N} */
static void
owner_ex(struct ptc__dc *c, uint64_t v)
{
	struct f_owner_ex o;

	if ((c->exiting && c->is_error) ||
	    ptc__rdall(c, v, &o, sizeof(o)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__s_open(c);
	ptc__s_field(c, "type");
	ptc__p_enum(c, &ptc__xt_f_owner_types, (unsigned)o.type, NULL);
	ptc__s_field(c, "pid");
	ptc__p_pid(c, o.pid, o.type == F_OWNER_TID ? PTC__PID_TID :
	    o.type == F_OWNER_PGRP ? PTC__PID_PGID : PTC__PID_TGID);
	ptc__s_close(c);
}

/* Commands whose argument the kernel fills in: shown at exit. */
static int
fcntl_out(int cmd)
{
	return cmd == F_GETLK || cmd == F_OFD_GETLK || cmd == F_GETOWN_EX;
}

/*
 * The third argument, split (the table's "<>"): at entry all but what
 * the kernel fills in, which exit adds with its separator.
 */
void
ptc__a_fcntl_arg(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	int cmd = (int)c->a[1];

	(void)a;
	if (c->exiting != fcntl_out(cmd))
		return;
	if (c->exiting)
		ptc__argsep(c);
	switch (cmd) {
	case F_GETFD: case F_GETFL: case F_GETOWN: case F_GETSIG:
	case F_GETLEASE: case F_GETPIPE_SZ: case F_GET_SEALS:
		return;
	case F_SETFD:
		ptc__p_flags(c, &ptc__xt_fd_flags, (unsigned)v, NULL);
		return;
	case F_SETFL:
		p_oflags(c, v);
		return;
	case F_SETOWN:
		ptc__p_pid_pgrp(c, (int)v);
		return;
	case F_SETSIG:
		ptc__p_signo(c, (int)v);
		return;
	case F_SETLEASE:
		ptc__p_enum(c, &ptc__xt_lock_types, (unsigned)v, "F_???");
		return;
	case F_NOTIFY:
		ptc__p_flags(c, &ptc__xt_dnotify_flags, (unsigned)v, NULL);
		return;
	case F_DUPFD: case F_DUPFD_CLOEXEC:
	case F_SETPIPE_SZ: case F_ADD_SEALS:
		ptc__p_int(c, (int)v);
		return;
	case F_SETLK: case F_SETLKW: case F_GETLK:
	case F_OFD_SETLK: case F_OFD_SETLKW: case F_OFD_GETLK:
		flock_struct(c, v);
		return;
	case F_SETOWN_EX: case F_GETOWN_EX:
		owner_ex(c, v);
		return;
	}
	ptc__p_hex(c, v);
}

void
ptc__r_fcntl(struct ptc__dc *c, int64_t v)
{
	const char *name;
	char buf[600];

	switch ((int)c->a[1]) {
	case F_DUPFD: case F_DUPFD_CLOEXEC:
		ptc__p_fd(c, (int)v);
		return;
	case F_GETFL:
		ptc__p_hex(c, (uint64_t)v);
		if (!c->f->json)
			ptc__sb_printf(c->o, " (flags %s)",
			    oflags_str(c, buf, sizeof(buf), (uint64_t)v));
		return;
	case F_GETOWN:
		/* A process group's id comes back negative. */
		ptc__p_pid(c, v, (int)v < 0 ? PTC__PID_PGID : PTC__PID_TGID);
		return;
	case F_GETFD:
		ptc__p_hex(c, (uint64_t)v);
		if (v != 0 && !c->f->json)
			ptc__sb_printf(c->o, " (flags %s)", ptc__xsflags(c,
			    buf, sizeof(buf), &ptc__xt_fd_flags, (uint64_t)v,
			    NULL));
		return;
	case F_GETLEASE:
		ptc__p_hex(c, (uint64_t)v);
		if (!c->f->json && (name = ptc__xname(&ptc__xt_lock_types,
		    (uint64_t)v)) != NULL)
			ptc__sb_printf(c->o, " (%s)", name);
		return;
	case F_GETSIG:
		ptc__p_int(c, v);
		if (v > 0 && !c->f->json && (name = ptc_signame((int)v)) != NULL)
			ptc__sb_printf(c->o, " (%s)", name);
		return;
	}
	ptc__p_int(c, v);
}

/* ---- utimensat, openat2 ---- */

void
ptc__a_utimes(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	int64_t ts[4];
	const char *special;
	int i;

	(void)a;
	if (v == 0 || ptc__rdall(c, v, ts, sizeof(ts)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__l_open(c);
	for (i = 0; i < 2; i++) {
		special = ts[2 * i + 1] == UTIME_NOW ? "UTIME_NOW" :
		    ts[2 * i + 1] == UTIME_OMIT ? "UTIME_OMIT" : NULL;
		/* strace's -X: the structure stands for the name. */
		if (special != NULL && ptc__xstyle(c) == PTC_XLAT_ABBREV) {
			ptc__p_raw(c, special);
			continue;
		}
		ptc__s_open(c);
		ptc__f_d(c, "tv_sec", ts[2 * i]);
		ptc__f_u(c, "tv_nsec", (uint64_t)ts[2 * i + 1]);
		ptc__s_close(c);
		if (special == NULL)
			ptc__p_time_comment(c, ts[2 * i], ts[2 * i + 1]);
		else if (ptc__xstyle(c) == PTC_XLAT_VERBOSE)
			ptc__p_comment(c, "%s", special);
	}
	ptc__l_close(c);
}

/*
 * The bytes of an extensible structure past those this decoder knows,
 * from..size-1 at addr (at most a page): nothing when all are zero,
 * ", ???" when unreadable, else ", / * bytes 24..31 * / "\x80..."" as
 * strace shows them.
 */
void
ptc__p_extra_bytes(struct ptc__dc *c, uint64_t addr, uint64_t from,
    uint64_t size)
{
	size_t len, show, i;
	unsigned char *buf;

	if (size > 4096)
		size = 4096;
	/* a JSON object has no place for them */
	if (from >= size || c->f->json)
		return;
	len = (size_t)(size - from);
	if ((buf = malloc(len)) == NULL)
		return;
	if (ptc__rdall(c, addr + from, buf, len) != 0) {
		ptc__p_raw(c, "???");
		free(buf);
		return;
	}
	for (i = 0; i < len && buf[i] == 0; i++)
		;
	if (i < len && !c->f->json) {
		show = len < c->f->strsize ? len : c->f->strsize;
		ptc__pre(c);
		ptc__sb_printf(c->o, "/* bytes %" PRIu64 "..%" PRIu64 " */ ",
		    from, size - 1);
		ptc__sb_escape(c->o, buf, show, 3);
		if (show < len)
			ptc__sb_puts(c->o, "...");
	}
	free(buf);
}

/* struct open_how of a->aux bytes (at least its first 24). */
void
ptc__a_open_how(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	uint64_t how[3], size = c->a[a->aux], rest;
	char buf[600], fl[512];
	const char *acc;

	if (size < sizeof(how) || ptc__rdall(c, v, how, sizeof(how)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__s_open(c);
	ptc__s_field(c, "flags");
	/* all 64 bits count here, unlike open's */
	rest = (how[0] & ~0xffffffffull) |
	    oflags_x86(c->arch, how[0] & 0xffffffffu);
	acc = ptc__xname(&ptc__xt_open_access, how[0] & 3);
	if (acc == NULL)
		acc = "O_ACCMODE";
	if ((rest & ~3ull) == 0)
		snprintf(buf, sizeof(buf), "%s", acc);
	else
		snprintf(buf, sizeof(buf), "%s|%s", acc, ptc__sflags(fl,
		    sizeof(fl), &ptc__xt_open_flags, rest & ~3ull, NULL));
	ptc__p_xval(c, how[0], 'x', buf);
	if ((how[0] & (K_O_CREAT | K_O_TMPFILE)) || how[1] != 0) {
		ptc__s_field(c, "mode");
		ptc__p_oct(c, how[1]);
	}
	ptc__s_field(c, "resolve");
	ptc__p_flags(c, &ptc__xt_resolve_flags, how[2], NULL);
	ptc__p_extra_bytes(c, v, sizeof(how), size);
	ptc__s_close(c);
}

/* fadvise64's advice; an unknown one as strace shows it. */
void
ptc__a_fadvise(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	(void)a;
	ptc__p_enum(c, &ptc__xt_fadvise_advice, (uint32_t)v,
	    "POSIX_FADV_???");
}

/* ---- extended attributes ---- */

#define XATTR_SIZE_MAX 65536

/*
 * An attribute's value: size bytes (the length argument a->aux going
 * in, the result coming out), shown as a string without its final NUL;
 * past XATTR_SIZE_MAX the kernel read nothing, so only the address.
 */
void
ptc__a_xattrval(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	uint64_t size = a->out ? (uint64_t)c->rval : c->a[a->aux];
	size_t show = c->f->strsize;
	char *buf;

	if (v == 0 || (a->out && c->is_error) || size > XATTR_SIZE_MAX) {
		ptc__p_addr(c, v);
		return;
	}
	if (show > size)
		show = (size_t)size;
	if ((buf = malloc(show + 1)) == NULL ||
	    ptc__rdall(c, v, buf, show) != 0) {
		free(buf);
		ptc__p_addr(c, v);
		return;
	}
	if (show == size && show > 0 && buf[show - 1] == '\0')
		show--;
	ptc__p_bytes(c, buf, show, size > c->f->strsize);
	free(buf);
}

/* listxattr's names: the result's bytes, none asked for an address. */
void
ptc__a_xattrlist(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	if (c->a[a->aux] == 0 || c->is_error) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__p_buf(c, v, (uint64_t)c->rval);
}

/* ---- fanotify ---- */

/* fanotify_init's flags: the class, then the other flags. */
void
ptc__a_fan_init_flags(struct ptc__dc *c, const struct ptc__arg *a,
    uint64_t v)
{
	const char *cl = ptc__xname(&ptc__xt_fan_classes, v & 0xc);
	uint32_t f = (uint32_t)v & ~0xcu;
	char buf[600], rest[512];
	size_t n;

	(void)a;
	if (cl != NULL)
		snprintf(buf, sizeof(buf), "%s", cl);
	else
		snprintf(buf, sizeof(buf), "%#x /* %s */", (unsigned)v & 0xc,
		    ptc__xunknown(&ptc__xt_fan_classes));
	n = strlen(buf);
	if (f != 0)
		snprintf(buf + n, sizeof(buf) - n, "|%s", ptc__xsflags(c, rest,
		    sizeof(rest), &ptc__xt_fan_init_flags, f, NULL));
	ptc__p_raw(c, buf);
}

/* fanotify_mark's event mask: 64 bits. */
void
ptc__a_fan_mask(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	(void)a;
	ptc__p_flags(c, &ptc__xt_fan_event_flags, v, NULL);
}

/* fanotify_mark's directory: FAN_NOFD (-1) by name. */
void
ptc__a_fan_dirfd(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	if ((int)v == -1)
		ptc__p_xval(c, (uint64_t)-1, 'd', "FAN_NOFD");
	else
		ptc__a_dirfd(c, a, v);
}

/* utimes' and futimesat's two struct timeval, each with its date. */
void
ptc__a_timevals(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	int64_t tv[4];
	int32_t tv32[4];
	int i;

	(void)a;
	if (c->wordsize == 4) {
		if (v == 0 || ptc__rdall(c, v, tv32, sizeof(tv32)) != 0) {
			ptc__p_addr(c, v);
			return;
		}
		for (i = 0; i < 4; i++)
			tv[i] = i % 2 ? (int64_t)(uint32_t)tv32[i] : tv32[i];
	} else if (v == 0 || ptc__rdall(c, v, tv, sizeof(tv)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__l_open(c);
	for (i = 0; i < 2; i++) {
		ptc__s_open(c);
		ptc__f_d(c, "tv_sec", tv[2 * i]);
		ptc__f_u(c, "tv_usec", (uint64_t)tv[2 * i + 1]);
		ptc__s_close(c);
		time_comment(c, tv[2 * i], (uint64_t)tv[2 * i + 1], 999999, 6);
	}
	ptc__l_close(c);
}

/* swapon's flags, then the priority in decimal. */
void
ptc__a_swapflags(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	uint32_t f = (uint32_t)v & ~0x7fffu;
	char buf[300], fl[256];

	(void)a;
	if (f == 0) {
		ptc__p_uint(c, (uint32_t)v & 0x7fff);
		return;
	}
	snprintf(buf, sizeof(buf), "%s|%u", ptc__xsflags(c, fl, sizeof(fl),
	    &ptc__xt_swap_flags, f, NULL), (uint32_t)v & 0x7fff);
	ptc__p_raw(c, buf);
}
