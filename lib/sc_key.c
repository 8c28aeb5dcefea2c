/*
 * sc_key.c: the kernel key management calls: special key serials and
 * keyctl's commands with their arguments and structures.
 */
#include <inttypes.h>
#include <string.h>

#include "internal.h"
#include "sc_priv.h"
#include "xlat.h"

/* A key serial: an int, the special ones (KEY_SPEC_*) by name. */
void
ptc__a_keyserial(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	(void)a;
	ptc__p_xval(c, (uint64_t)(int64_t)(int32_t)v, 'd',
	    ptc__xname(&ptc__xt_key_spec, (uint32_t)v));
}

enum {
	K_GET_KEYRING_ID, K_JOIN_SESSION_KEYRING, K_UPDATE, K_REVOKE,
	K_CHOWN, K_SETPERM, K_DESCRIBE, K_CLEAR, K_LINK, K_UNLINK, K_SEARCH,
	K_READ, K_INSTANTIATE, K_NEGATE, K_SET_REQKEY_KEYRING,
	K_SET_TIMEOUT, K_ASSUME_AUTHORITY, K_GET_SECURITY,
	K_SESSION_TO_PARENT, K_REJECT, K_INSTANTIATE_IOV, K_INVALIDATE,
	K_GET_PERSISTENT, K_DH_COMPUTE, K_PKEY_QUERY, K_PKEY_ENCRYPT,
	K_PKEY_DECRYPT, K_PKEY_SIGN, K_PKEY_VERIFY, K_RESTRICT_KEYRING,
	K_MOVE, K_CAPABILITIES
};

static void
key(struct ptc__dc *c, uint64_t v)
{
	ptc__a_keyserial(c, NULL, v);
}

/* "name=[...]" of n u32 words in hex, when any is not zero. */
static void
spare(struct ptc__dc *c, const unsigned char *p, int n)
{
	int i;

	for (i = 0; i < n && ptc__u32at(p, i * 4) == 0; i++)
		;
	if (i == n)
		return;
	ptc__s_field(c, "__spare");
	ptc__l_open(c);
	for (i = 0; i < n && !ptc__arr_full(c, (uint64_t)i); i++)
		ptc__p_hex(c, ptc__u32at(p, i * 4));
	ptc__l_close(c);
}

/*
 * What the kernel wrote at exit: min(result, len) bytes at v; nul: a
 * NUL ending them is not shown (descriptions, security labels).
 */
static void
key_out(struct ptc__dc *c, uint64_t v, uint64_t len, int nul)
{
	uint64_t n = c->rval >= 0 && (uint64_t)c->rval < len ?
	    (uint64_t)c->rval : len;
	size_t show = c->f->strsize < n ? c->f->strsize : (size_t)n;
	char buf[4096];

	if (c->is_error) {
		ptc__p_addr(c, v);
		return;
	}
	if (!nul || v == 0 || n > sizeof(buf) || n > show) {
		ptc__p_buf(c, v, n);
		return;
	}
	if (ptc__rdall(c, v, buf, (size_t)n) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	if (n > 0 && buf[n - 1] == '\0')
		n--;
	ptc__p_bytes(c, buf, (size_t)n, 0);
}

/* struct keyctl_dh_params: three key serials. */
static void
dh_params(struct ptc__dc *c, uint64_t v)
{
	static const char *const names[] = { "private", "prime", "base" };
	unsigned char p[12];
	int i;

	if (v == 0 || c->f->noderef || ptc__rdall(c, v, p, sizeof(p)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__s_open(c);
	for (i = 0; i < 3; i++) {
		ptc__s_field(c, names[i]);
		key(c, ptc__u32at(p, i * 4));
	}
	ptc__s_close(c);
}

/*
 * struct keyctl_kdf_params: two pointers, the length, 8 spare words
 * (56 bytes with its padding, 44 for a 32-bit task).
 */
static void
kdf_params(struct ptc__dc *c, uint64_t v)
{
	unsigned char k[56];
	uint64_t name = 0, info = 0;
	unsigned ws = c->wordsize == 4 ? 4 : 8;
	uint32_t len;

	if (v == 0 || c->f->noderef ||
	    ptc__rdall(c, v, k, ws == 4 ? 44 : 56) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	memcpy(&name, k, ws);
	memcpy(&info, k + ws, ws);
	len = ptc__u32at(k, 2 * ws);
	ptc__s_open(c);
	ptc__s_field(c, "hashname");
	ptc__p_str(c, name, c->f->strsize);
	ptc__s_field(c, "otherinfo");
	/* the kernel does not look at it when its length is 0 */
	if (len != 0)
		ptc__p_buf(c, info, len);
	else
		ptc__p_addr(c, info);
	ptc__f_u(c, "otherinfolen", len);
	spare(c, k + 2 * ws + 4, 8);
	ptc__s_close(c);
}

/* struct keyctl_pkey_query, filled in by the kernel. */
static void
pkey_query(struct ptc__dc *c, uint64_t v)
{
	static const char *const names[] = { "max_data_size",
	    "max_sig_size", "max_enc_size", "max_dec_size" };
	unsigned char q[56];
	uint16_t s;
	int i;

	if (v == 0 || c->is_error || c->f->noderef ||
	    ptc__rdall(c, v, q, sizeof(q)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__s_open(c);
	ptc__s_field(c, "supported_ops");
	ptc__p_flags(c, &ptc__xt_keyctl_pkey_ops, ptc__u32at(q, 0), NULL);
	ptc__f_u(c, "key_size", ptc__u32at(q, 4));
	for (i = 0; i < 4; i++) {
		memcpy(&s, q + 8 + i * 2, sizeof(s));
		ptc__f_u(c, names[i], s);
	}
	spare(c, q + 16, 10);
	ptc__s_close(c);
}

/*
 * struct keyctl_pkey_params into p; out: the third word is the output
 * length (else the second input's).  -1 when unreadable (address shown).
 */
static int
pkey_params(struct ptc__dc *c, uint64_t v, unsigned char *p, int out)
{
	if (v == 0 || c->f->noderef || ptc__rdall(c, v, p, 40) != 0) {
		ptc__p_addr(c, v);
		return -1;
	}
	ptc__s_open(c);
	ptc__s_field(c, "key_id");
	key(c, ptc__u32at(p, 0));
	ptc__f_u(c, "in_len", ptc__u32at(p, 4));
	ptc__f_u(c, out ? "out_len" : "in2_len", ptc__u32at(p, 8));
	spare(c, p + 12, 7);
	ptc__s_close(c);
	return 0;
}

/* KEYCTL_CAPABILITIES' bytes: two of named bits, then plain ones. */
static void
caps(struct ptc__dc *c, uint64_t v, uint64_t n)
{
	unsigned char b;
	uint64_t i;

	if (v == 0 || n == 0 || c->f->noderef ||
	    ptc__rdall(c, v, &b, 1) != 0) {
		if (v == 0 || n != 0 || c->f->noderef)
			ptc__p_addr(c, v);
		else {
			ptc__l_open(c);
			ptc__l_close(c);
		}
		return;
	}
	ptc__l_open(c);
	for (i = 0; i < n; i++) {
		if (ptc__rdall(c, v + i, &b, 1) != 0) {
			ptc__more_at(c, v + i);
			break;
		}
		if (ptc__arr_full(c, i))
			break;
		if (i < 2)
			ptc__p_flags(c, i == 0 ? &ptc__xt_keyctl_caps0 :
			    &ptc__xt_keyctl_caps1, b, NULL);
		else
			ptc__p_hex(c, b);
	}
	ptc__l_close(c);
}

/* The arguments the kernel fills in, at exit. */
static void
keyctl_exit(struct ptc__dc *c, unsigned cmd)
{
	uint64_t a2 = ptc__word(c, c->a[1]), a3 = ptc__word(c, c->a[2]),
	    a4 = ptc__word(c, c->a[3]), a5 = ptc__word(c, c->a[4]);

	switch (cmd) {
	case K_DESCRIBE:
	case K_READ:
	case K_GET_SECURITY:
		key_out(c, a3, a4, cmd != K_READ);
		ptc__argsep(c);
		ptc__p_uint(c, a4);
		return;
	case K_DH_COMPUTE:
		key_out(c, a3, a4, 0);
		ptc__argsep(c);
		ptc__p_uint(c, a4);
		ptc__argsep(c);
		kdf_params(c, a5);
		return;
	case K_PKEY_QUERY:
		pkey_query(c, a5);
		return;
	case K_PKEY_ENCRYPT:
	case K_PKEY_DECRYPT:
	case K_PKEY_SIGN:
		if (!c->saved_ok[0])
			return;
		if (c->is_error)
			ptc__p_addr(c, a5);
		else
			ptc__p_buf(c, a5, c->saved[0]);
		return;
	case K_CAPABILITIES:
		if (c->is_error)
			ptc__p_addr(c, a2);
		else
			caps(c, a2, (uint64_t)c->rval < a3 ?
			    (uint64_t)c->rval : a3);
		ptc__argsep(c);
		ptc__p_uint(c, a3);
		return;
	}
}

/* The arguments the kernel reads, at entry. */
static void
keyctl_entry(struct ptc__dc *c, unsigned cmd)
{
	uint64_t a2 = ptc__word(c, c->a[1]), a3 = ptc__word(c, c->a[2]),
	    a4 = ptc__word(c, c->a[3]), a5 = ptc__word(c, c->a[4]);
	unsigned char p[40];
	int ok;

	switch (cmd) {
	case K_GET_KEYRING_ID:
		key(c, a2);
		ptc__argsep(c);
		ptc__p_int(c, (int32_t)a3);
		return;
	case K_JOIN_SESSION_KEYRING:
		ptc__p_str(c, a2, c->f->strsize);
		return;
	case K_UPDATE:
		key(c, a2);
		ptc__argsep(c);
		ptc__p_buf(c, a3, a4);
		ptc__argsep(c);
		ptc__p_uint(c, a4);
		return;
	case K_REVOKE:
	case K_CLEAR:
	case K_INVALIDATE:
	case K_ASSUME_AUTHORITY:
		key(c, a2);
		return;
	case K_LINK:
	case K_UNLINK:
		key(c, a2);
		ptc__argsep(c);
		key(c, a3);
		return;
	case K_DESCRIBE:
	case K_READ:
	case K_GET_SECURITY:
	case K_DH_COMPUTE:
		if (cmd == K_DH_COMPUTE)
			dh_params(c, a2);
		else
			key(c, a2);
		ptc__argsep(c);
		return;
	case K_SEARCH:
		key(c, a2);
		ptc__argsep(c);
		ptc__p_str(c, a3, c->f->strsize);
		ptc__argsep(c);
		ptc__p_str(c, a4, c->f->strsize);
		ptc__argsep(c);
		key(c, a5);
		return;
	case K_CHOWN:
		key(c, a2);
		ptc__argsep(c);
		ptc__a_id(c, NULL, a3);
		ptc__argsep(c);
		ptc__a_id(c, NULL, a4);
		return;
	case K_SETPERM:
		key(c, a2);
		ptc__argsep(c);
		ptc__p_flags(c, &ptc__xt_key_perms, (uint32_t)a3, NULL);
		return;
	case K_INSTANTIATE:
	case K_INSTANTIATE_IOV:
		key(c, a2);
		ptc__argsep(c);
		if (cmd == K_INSTANTIATE)
			ptc__p_buf(c, a3, a4);
		else if (c->f->noderef && a3 != 0)
			ptc__p_addr(c, a3);
		else
			ptc__p_iovec(c, a3, a4, 0, ~0ull);
		ptc__argsep(c);
		ptc__p_uint(c, a4);
		ptc__argsep(c);
		key(c, a5);
		return;
	case K_NEGATE:
	case K_REJECT:
		key(c, a2);
		ptc__argsep(c);
		ptc__p_uint(c, (uint32_t)a3);
		ptc__argsep(c);
		if (cmd == K_REJECT) {
			ptc__p_xval(c, (uint32_t)a4, 'u',
			    ptc_errname((int)(uint32_t)a4));
			ptc__argsep(c);
			a4 = a5;
		}
		key(c, a4);
		return;
	case K_SET_REQKEY_KEYRING:
		ok = (int32_t)a2;
		if (ptc__xname(&ptc__xt_key_reqkeys, (uint32_t)a2) != NULL ||
		    ptc__xstyle(c) == PTC_XLAT_RAW || c->f->json) {
			ptc__p_xval(c, (uint64_t)(int64_t)ok, 'd',
			    ptc__xname(&ptc__xt_key_reqkeys, (uint32_t)a2));
		} else {
			ptc__sb_printf(c->o, "%d /* KEY_REQKEY_DEFL_??? */", ok);
		}
		return;
	case K_SET_TIMEOUT:
		key(c, a2);
		ptc__argsep(c);
		ptc__p_uint(c, (uint32_t)a3);
		return;
	case K_SESSION_TO_PARENT:
		return;
	case K_GET_PERSISTENT:
		ptc__a_id(c, NULL, a2);
		ptc__argsep(c);
		key(c, a3);
		return;
	case K_PKEY_QUERY:
		key(c, a2);
		ptc__argsep(c);
		ptc__p_hex(c, a3);
		ptc__argsep(c);
		ptc__p_str(c, a4, c->f->strsize);
		ptc__argsep(c);
		return;
	case K_PKEY_ENCRYPT:
	case K_PKEY_DECRYPT:
	case K_PKEY_SIGN:
	case K_PKEY_VERIFY:
		ok = pkey_params(c, a2, p, cmd != K_PKEY_VERIFY) == 0;
		ptc__argsep(c);
		ptc__p_str(c, a3, c->f->strsize);
		ptc__argsep(c);
		if (ok)
			ptc__p_buf(c, a4, ptc__u32at(p, 4));
		else
			ptc__p_addr(c, a4);
		ptc__argsep(c);
		c->saved_ok[0] = ok && cmd != K_PKEY_VERIFY;
		c->saved[0] = ok ? ptc__u32at(p, 8) : 0;
		if (c->saved_ok[0])
			return;
		if (ok)
			ptc__p_buf(c, a5, ptc__u32at(p, 8));
		else
			ptc__p_addr(c, a5);
		return;
	case K_RESTRICT_KEYRING:
		key(c, a2);
		ptc__argsep(c);
		ptc__p_str(c, a3, c->f->strsize);
		ptc__argsep(c);
		ptc__p_str(c, a4, c->f->strsize);
		return;
	case K_MOVE:
		key(c, a2);
		ptc__argsep(c);
		key(c, a3);
		ptc__argsep(c);
		key(c, a4);
		ptc__argsep(c);
		ptc__p_flags(c, &ptc__xt_keyctl_move_flags, (uint32_t)a5, NULL);
		return;
	case K_CAPABILITIES:
		return;
	default:
		ptc__p_hex(c, a2);
		ptc__argsep(c);
		ptc__p_hex(c, a3);
		ptc__argsep(c);
		ptc__p_hex(c, a4);
		ptc__argsep(c);
		ptc__p_hex(c, a5);
	}
}

/* keyctl(): the command and its arguments, at entry and then at exit. */
void
ptc__a_keyctl(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	unsigned cmd = (uint32_t)v;

	(void)a;
	if (c->exiting) {
		keyctl_exit(c, cmd);
		return;
	}
	c->saved_ok[0] = 0;
	ptc__p_enum(c, &ptc__xt_keyctl_cmd, cmd, NULL);
	if (cmd != K_SESSION_TO_PARENT)
		ptc__argsep(c);
	keyctl_entry(c, cmd);
}
