/*
 * fuzz_scdec.c: the syscall argument decoders.  The input gives the
 * output options (-s, -x/-xx, -v, -y, JSON), the architecture, the
 * syscall number, six arguments, the return value, a few pages where
 * reads fault, and the tracee's memory: every address reads the input's
 * bytes from (address mod their length), so pointers found in memory
 * lead somewhere too.  Reads can fault (-1 EFAULT) or stop short at a
 * faulting page.  JSON output must be valid JSON; text output must
 * carry no raw control byte such as ESC.
 */
#include <linux/audit.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>

#include "ptcore.h"
#include "fuzz.h"

struct mem {
	const uint8_t *p;
	size_t n;
	uint8_t badpage[4];   /* pages (addr >> 12 & 0xff) that fault */
	uint8_t mode;         /* 0: fault, 1: short read, 2: never fault */
	unsigned reads;
};

static int
bad(const struct mem *m, uint64_t addr)
{
	unsigned pg = (unsigned)(addr >> 12) & 0xff;
	size_t i;

	if (m->mode == 2)
		return 0;
	for (i = 0; i < sizeof(m->badpage); i++)
		if (m->badpage[i] == pg)
			return 1;
	return addr < 4096;
}

static ssize_t
reader(void *ctx, uint64_t addr, void *buf, size_t len)
{
	struct mem *m = ctx;
	uint8_t *b = buf;
	size_t i;

	/* Decoders read bounded amounts: no single read beyond 1 MiB. */
	FZ_CHECK(len <= (1u << 20));
	if (++m->reads > 100000)
		FZ_CHECK(!"unbounded number of tracee reads");
	if (bad(m, addr)) {
		errno = EFAULT;
		return -1;
	}
	for (i = 0; i < len; ) {
		size_t off, chunk;

		if (m->mode == 1 && ((addr + i) & 0xfff) == 0 && i > 0 &&
		    bad(m, addr + i))
			return (ssize_t)i;
		if (m->n == 0) {
			memset(b, 0, len);
			break;
		}
		/* Up to the next page or the end of the input, whichever first. */
		off = (size_t)((addr + i) % m->n);
		chunk = 0x1000 - (size_t)((addr + i) & 0xfff);
		if (chunk > m->n - off)
			chunk = m->n - off;
		if (chunk > len - i)
			chunk = len - i;
		memcpy(b + i, m->p + off, chunk);
		i += chunk;
	}
	return (ssize_t)len;
}

static void
check_text(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		FZ_CHECK(((unsigned char)s[i] >= 0x20 &&
		    (unsigned char)s[i] != 0x7f) || s[i] == '\n');
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fz z = { data, size };
	struct ptc_scinfo si;
	struct ptc_fmt f;
	struct ptc_scdec *d;
	struct mem m;
	siginfo_t sig;
	unsigned cfg, i;
	char *out;
	size_t olen;
	FILE *fp;
	int json, noret;

	if (size > 65536)
		return 0;
	memset(&si, 0, sizeof(si));
	memset(&f, 0, sizeof(f));
	memset(&m, 0, sizeof(m));
	cfg = (unsigned)fz_take(&z, 2);
	/* -s up to 5000, mostly small: argv arrays cost strsize squared. */
	f.strsize = (unsigned)fz_take(&z, 2);
	f.strsize = f.strsize & 0x8000 ? f.strsize % 5000 : f.strsize % 300;
	f.xstyle = cfg % 3;
	f.verbose = (cfg >> 2) & 1;
	f.decode_fds = (cfg >> 3) & PTC_FDS_ALL;
	json = f.json = (cfg >> 5) & 1;
	noret = ((cfg >> 6) & 7) == 0;
	si.arch = (cfg >> 9) & 1 ? AUDIT_ARCH_I386 : AUDIT_ARCH_X86_64;
	m.mode = (uint8_t)((cfg >> 10) % 3);
	/* Mostly known numbers; sometimes any 64-bit value. */
	si.nr = (cfg >> 12) == 0xf ? fz_take(&z, 8) : fz_take(&z, 2) % 480;
	for (i = 0; i < 6; i++) {
		/* Small values make useful counts and descriptors. */
		uint8_t w = (uint8_t)fz_take(&z, 1);
		si.args[i] = fz_take(&z, w & 8 ? 8 : w & 4 ? 2 : 1);
		if (w & 0x10)
			si.args[i] |= 0x7f0000000000ull;
	}
	si.rval = (int64_t)fz_take(&z, (cfg >> 13) & 1 ? 8 : 2);
	if ((cfg >> 14) & 1) {
		si.rval = -(si.rval & 0xfff);
		si.is_error = 1;
	}
	for (i = 0; i < sizeof(m.badpage); i++)
		m.badpage[i] = (uint8_t)fz_take(&z, 1);
	m.p = z.p;
	m.n = z.n;
	si.sp = 0x7ffc00001000;
	si.pc = 0x401000;

	d = ptc_scdec_new();
	if (d == NULL)
		return 0;
	ptc_scdec_set_reader(d, reader, &m);
	fp = open_memstream(&out, &olen);
	FZ_CHECK(fp != NULL);
	if (json)
		fputc('{', fp);
	/* A pid that does not exist, for -y lookups in /proc. */
	si.op = PTC_SC_ENTRY;
	(void)ptc_sc_enter(d, fp, 0x3ffffff0, &si, &f);
	if ((cfg >> 15) & 1)
		ptc_scdec_column(d, (unsigned)(si.args[0] & 0xff));
	si.op = PTC_SC_EXIT;
	if (noret)
		(void)ptc_sc_noreturn(d, fp, &f);
	else
		(void)ptc_sc_exit(d, fp, &si, &f);
	if (json)
		fputc('}', fp);
	fclose(fp);
	if (json) {
		if (!fz_json_valid(out, olen)) {
			fprintf(stderr, "invalid JSON: %.*s\n", (int)olen, out);
			FZ_CHECK(!"valid JSON");
		}
	} else {
		check_text(out, olen);
	}
	free(out);

	/* A siginfo from the same bytes. */
	memset(&sig, 0, sizeof(sig));
	memcpy(&sig, m.p, m.n < sizeof(sig) ? m.n : sizeof(sig));
	fp = open_memstream(&out, &olen);
	FZ_CHECK(fp != NULL);
	(void)ptc_siginfo_print(fp, &sig, &f);
	fclose(fp);
	if (json)
		FZ_CHECK(fz_json_valid(out, olen));
	else
		check_text(out, olen);
	free(out);
	ptc_scdec_free(d);
	return 0;
}
