/*
 * sc_landlock.c: Landlock's ruleset and rule structures.
 */
#include <inttypes.h>
#include <string.h>

#include "internal.h"
#include "sc_priv.h"
#include "xlat.h"

#define K_LANDLOCK_CREATE_RULESET_VERSION 1u
#define K_LANDLOCK_RULE_PATH_BENEATH      1u

/*
 * struct landlock_ruleset_attr of a->aux bytes: its first field, and
 * "..." for the rest when the caller's structure is larger.
 */
void
ptc__a_landlock_ruleset(struct ptc__dc *c, const struct ptc__arg *a,
    uint64_t v)
{
	uint64_t size = c->a[a->aux], fs;

	if (size < sizeof(fs) || ptc__rdall(c, v, &fs, sizeof(fs)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__s_open(c);
	ptc__s_field(c, "handled_access_fs");
	ptc__p_flags(c, &ptc__xt_landlock_access_fs, fs, NULL);
	if (size > sizeof(fs))
		ptc__s_more(c);
	ptc__s_close(c);
}

/* landlock_add_rule's rule: a struct landlock_path_beneath_attr. */
void
ptc__a_landlock_rule(struct ptc__dc *c, const struct ptc__arg *a,
    uint64_t v)
{
	unsigned char attr[12];
	uint64_t access;
	int32_t fd;

	if ((uint32_t)c->a[a->aux] != K_LANDLOCK_RULE_PATH_BENEATH ||
	    ptc__rdall(c, v, attr, sizeof(attr)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	/* packed: the descriptor right after the 64-bit rights */
	memcpy(&access, attr, sizeof(access));
	memcpy(&fd, attr + sizeof(access), sizeof(fd));
	ptc__s_open(c);
	ptc__s_field(c, "allowed_access");
	ptc__p_flags(c, &ptc__xt_landlock_access_fs, access, NULL);
	ptc__s_field(c, "parent_fd");
	ptc__p_fd(c, fd);
	ptc__s_close(c);
}

/* A ruleset descriptor, or the ABI version when asked for that. */
void
ptc__r_landlock(struct ptc__dc *c, int64_t v)
{
	if ((uint32_t)c->a[2] & K_LANDLOCK_CREATE_RULESET_VERSION)
		ptc__r_int(c, v);
	else
		ptc__r_fd(c, v);
}
