/*
 * sc_mount.c: mount's arguments, which its flags decide, and
 * mount_setattr's struct mount_attr.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>

#include "internal.h"
#include "sc_priv.h"
#include "xlat.h"

#define K_MS_MGC_VAL 0xc0ed0000u
#define K_MS_MGC_MSK 0xffff0000u

/* The flags without the old magic number in their top half. */
static uint64_t
mount_flags(const struct ptc__dc *c)
{
	uint64_t f = ptc__word(c, c->a[3]);

	if ((f & K_MS_MGC_MSK) == K_MS_MGC_VAL)
		f &= ~(uint64_t)K_MS_MGC_MSK;
	return f;
}

#define MS_IGNORING (MS_BIND | MS_MOVE | MS_SHARED | MS_PRIVATE | MS_SLAVE | \
	MS_UNBINDABLE)

/* A string argument, or only its address when the flags ignore it. */
static void
str_unless(struct ptc__dc *c, uint64_t v, int ignored)
{
	if (ignored)
		ptc__p_addr(c, v);
	else
		ptc__p_str(c, v, c->f->strsize);
}

/* The type: ignored when remounting, binding, moving or propagating. */
void
ptc__a_mount_type(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	(void)a;
	str_unless(c, v, (mount_flags(c) & (MS_REMOUNT | MS_IGNORING)) != 0);
}

/* The data: ignored when binding, moving or propagating. */
void
ptc__a_mount_data(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	uint64_t f = mount_flags(c);

	(void)a;
	str_unless(c, v, !(f & MS_REMOUNT) && (f & MS_IGNORING));
}

/* "MS_MGC_VAL|MS_RDONLY": the magic, then the flags, each styled. */
void
ptc__a_mount_flags(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	uint64_t f = mount_flags(c);
	char magic[64], fl[1100], buf[1200];

	(void)a;
	(void)v;
	if (f == ptc__word(c, c->a[3])) {
		ptc__p_flags(c, &ptc__xt_mount_flags, f, NULL);
		return;
	}
	ptc__sxval(magic, sizeof(magic), ptc__xstyle(c), K_MS_MGC_VAL, 'x',
	    "MS_MGC_VAL");
	if (f == 0) {
		ptc__p_raw(c, magic);
		return;
	}
	snprintf(buf, sizeof(buf), "%s|%s", magic, ptc__xsflags(c, fl,
	    sizeof(fl), &ptc__xt_mount_flags, f, NULL));
	ptc__p_raw(c, buf);
}

/* struct mount_attr of a->aux bytes (at least 32). */
void
ptc__a_mount_attr(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	uint64_t at[4], size = c->a[a->aux];

	if (size < sizeof(at) || ptc__rdall(c, v, at, sizeof(at)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__s_open(c);
	ptc__s_field(c, "attr_set");
	ptc__p_flags(c, &ptc__xt_mount_attr, at[0], NULL);
	ptc__s_field(c, "attr_clr");
	ptc__p_flags(c, &ptc__xt_mount_attr, at[1], NULL);
	ptc__s_field(c, "propagation");
	ptc__p_enum(c, &ptc__xt_mount_propagation, at[2], NULL);
	ptc__s_field(c, "userns_fd");
	/* a descriptor when an id mapping asks for one */
	if (at[3] <= INT32_MAX && ((at[0] | at[1]) & 0x100000))
		ptc__p_fd(c, (int)at[3]);
	else
		ptc__p_uint(c, at[3]);
	ptc__p_extra_bytes(c, v, sizeof(at), size);
	ptc__s_close(c);
}

/*
 * fsconfig: what key, value and aux are depends on the command (arg 1);
 * a command without a key or value shows addresses.
 */
enum { FSC_FLAG, FSC_STRING, FSC_BINARY, FSC_PATH, FSC_PATH_EMPTY, FSC_FD };

void
ptc__a_fsconfig_key(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	(void)a;
	if ((uint32_t)c->a[1] <= FSC_FD)
		ptc__p_strn0(c, v, 256);
	else
		ptc__p_addr(c, v);
}

void
ptc__a_fsconfig_value(struct ptc__dc *c, const struct ptc__arg *a,
    uint64_t v)
{
	int aux = (int)c->a[4];

	(void)a;
	switch ((uint32_t)c->a[1]) {
	case FSC_STRING:
		ptc__p_strn0(c, v, 256);
		return;
	case FSC_PATH: case FSC_PATH_EMPTY:
		ptc__p_path(c, v);
		return;
	case FSC_BINARY:
		if (aux >= 0 && aux <= 1024 * 1024) {
			ptc__p_hexbuf(c, v, (uint64_t)aux);
			return;
		}
		break;
	}
	ptc__p_addr(c, v);
}

void
ptc__a_fsconfig_aux(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	switch ((uint32_t)c->a[1]) {
	case FSC_PATH: case FSC_PATH_EMPTY:
		ptc__a_dirfd(c, a, v);
		return;
	case FSC_FD:
		ptc__p_fd(c, (int)v);
		return;
	}
	ptc__p_int(c, (int)v);
}
