/*
 * ptregs: show or set the registers of a thread of a live process.
 *
 * Without register operands it prints every general register (flags
 * decoded) and, with -a, the x87, SSE and AVX registers; named registers
 * print as bare values, one per line; REG=VALUE operands are all applied
 * in one write.  The thread is stopped only while this runs; a process
 * that was stopped (SIGSTOP) stays stopped.
 */
#include <sys/types.h>

#include <ctype.h>
#include <err.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ptcore.h"
#include "common/cli.h"

static int aflag, jflag;

static const struct cli_opt opts[] = {
	{ 'a', "fp", NULL, "also the x87, SSE and AVX (FP/SIMD) registers" },
	{ 'j', "json", NULL, "print a JSON object per thread" },
	{ 'l', "list", NULL, "list the register names and exit" },
	{ 'p', "pid", "PID", "the process, as an option" },
	{ 'T', "all-threads", NULL, "every thread of the process" },
	{ 't', "thread", "TID", "thread TID of the process" },
	{ 0, NULL, NULL, NULL }
};
static const char *const synopsis[] = {
	"[-aj] [-T | -t TID] [-p PID | PID] [REG[=VALUE] ...]", "-l", NULL
};
static const struct cli cli = { synopsis, opts, 0 };

/*
 * Parse a register value: 0x hex of any width up to 32 bytes, decimal,
 * or negative decimal (two's complement in the register's width, so
 * edi=-1 is 0xffffffff).  Little-endian into buf.
 */
static int
parse_value(const char *s, unsigned bits, unsigned char *buf, size_t len,
    size_t *n)
{
	const char *p, *end;
	unsigned long long v;
	size_t i, digits;
	int neg = 0;

	memset(buf, 0, len);
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		p = s + 2;
		end = p + strlen(p);
		digits = (size_t)(end - p);
		if (digits == 0 || digits > len * 2)
			return -1;
		for (i = 0; i < digits; i++) {
			int c = tolower((unsigned char)end[-1 - (ptrdiff_t)i]);
			int d;

			if (!isxdigit(c))
				return -1;
			d = isdigit(c) ? c - '0' : c - 'a' + 10;
			buf[i / 2] |= (unsigned char)(d << (i % 2 ? 4 : 0));
		}
		*n = (digits + 1) / 2;
		if (*n < 8)
			*n = 8;
		return 0;
	}
	p = s;
	if (*p == '-') {
		neg = 1;
		p++;
	}
	if (!isdigit((unsigned char)*p))
		return -1;
	errno = 0;
	v = strtoull(p, (char **)&end, 10);
	if (errno != 0 || *end != '\0')
		return -1;
	if (neg) {
		/*
		 * Below the most negative value of a bits-wide register the
		 * sign-extended value stays and is refused as too wide.
		 */
		int fits = bits >= 64 || v <= 1ULL << (bits - 1);

		v = -v;
		if (fits && bits < 64)
			v &= (1ULL << bits) - 1;
	}
	memcpy(buf, &v, sizeof(v));
	if (neg && bits > 64)
		memset(buf + sizeof(v), 0xff, len - sizeof(v));
	*n = sizeof(v);
	return 0;
}

/* Print len little-endian bytes as one big hex number. */
static void
print_wide(FILE *fp, const unsigned char *b, size_t len)
{
	fputs("0x", fp);
	while (len-- > 0)
		fprintf(fp, "%02x", b[len]);
}

/* Whether the instruction at the pc of r makes a syscall. */
static int
at_syscall_insn(pid_t tid, const struct ptc_regs *r)
{
	static struct ptc_dis *dis;
	struct ptc_insn in;
	uint8_t code[PTC_INSN_MAX];
	ssize_t n;

	/* The code is read in the mode of the snapshot's view. */
	if (dis != NULL && strcmp(ptc_dis_arch(dis), ptc_regs_arch(r)) != 0) {
		ptc_dis_close(dis);
		dis = NULL;
	}
	if (dis == NULL && (dis = ptc_dis_open(ptc_regs_arch(r), 0)) == NULL)
		return 0;
	n = ptc_mem_read(tid, ptc_regs_pc(r), code, sizeof(code),
	    PTC_MEM_AUTO);
	return n > 0 && ptc_dis_one(dis, code, (size_t)n, ptc_regs_pc(r),
	    &in) > 0 && ptc_insn_is_syscall(dis, &in);
}

/*
 * The syscall thread tid is in, or NULL.  A stop that interrupts a
 * syscall moves the pc back onto the syscall instruction to restart
 * it, and on aarch64 the kernel then forgets the number: the syscall
 * is the one the thread restarts, from the registers at that
 * instruction.
 */
static const char *
syscall_name(pid_t tid, const struct ptc_regs *r, uint64_t *nr)
{
	uint64_t args[6];
	uint32_t arch;

	if (!ptc_regs_syscall(r, nr, &arch) && (!at_syscall_insn(tid, r) ||
	    ptc_regs_syscall_args(r, nr, args, &arch) != 0))
		return NULL;
	if (ptc_sc_name(arch, *nr) != NULL)
		return ptc_sc_name(arch, *nr);
	return "";
}

static int
shown(const struct ptc_reginfo *ri, const struct ptc_regs *r)
{
	if (ri->kind == PTC_REG_GENERAL)
		return 1;
	if (!aflag || ri->kind == PTC_REG_PART)
		return 0;
	return ri->kind != PTC_REG_AVX || ptc_regs_have_avx(r);
}

static void
print_text(pid_t tid, const struct ptc_regs *r)
{
	const struct ptc_reginfo *ri;
	unsigned char b[32];
	const char *name;
	char dec[128];
	uint64_t v, nr;
	long double ld;
	size_t i;
	int n;

	printf("%-9s%d\n", "thread", (int)tid);
	if ((name = syscall_name(tid, r, &nr)) == NULL)
		printf("%-9s-\n", "syscall");
	else if (*name != '\0')
		printf("%-9s%s (%" PRIu64 ")\n", "syscall", name, nr);
	else
		printf("%-9s%" PRIu64 "\n", "syscall", nr);
	for (i = 0; (ri = ptc_regs_reg_at(r, i)) != NULL; i++) {
		if (!shown(ri, r))
			continue;
		if ((n = ptc_regs_get_bytes(r, ri->name, b, sizeof(b))) < 0)
			continue;
		printf("%-9s", ri->name);
		if (ri->size <= 8) {
			memset(&v, 0, sizeof(v));
			memcpy(&v, b, (size_t)n);
			printf("0x%0*" PRIx64, (int)ri->size * 2, v);
			if (ptc_regs_decode(r, ri->name, v, dec,
			    sizeof(dec)) == 0)
				printf(" %s", dec);
		} else {
			print_wide(stdout, b, (size_t)n);
			if (ri->kind == PTC_REG_X87 && n == 10 &&
			    sizeof(long double) >= 10) {
				memset(&ld, 0, sizeof(ld));
				memcpy(&ld, b, 10);
				printf(" %.19Lg", ld);
			}
		}
		putchar('\n');
	}
}

static void
print_json(pid_t tid, const struct ptc_regs *r, char **names, int nnames)
{
	const struct ptc_reginfo *ri;
	unsigned char b[32];
	const char *name;
	char dec[128], *p, *q;
	uint64_t nr;
	size_t i;
	int n, first = 1;

	printf("{\"tid\":%d,\"syscall\":", (int)tid);
	if ((name = syscall_name(tid, r, &nr)) == NULL)
		printf("null");
	else if (*name != '\0')
		printf("{\"nr\":%" PRIu64 ",\"name\":\"%s\"}", nr, name);
	else
		printf("{\"nr\":%" PRIu64 ",\"name\":null}", nr);
	printf(",\"regs\":{");
	for (i = 0; ; i++) {
		if (nnames > 0) {
			if ((int)i >= nnames)
				break;
			ri = ptc_regs_reg_lookup(r, names[i]);
		} else if ((ri = ptc_regs_reg_at(r, i)) == NULL)
			break;
		else if (!shown(ri, r))
			continue;
		if (ri == NULL ||
		    (n = ptc_regs_get_bytes(r, ri->name, b, sizeof(b))) < 0)
			continue;
		printf("%s\"%s\":\"", first ? "" : ",", ri->name);
		print_wide(stdout, b, (size_t)n);
		putchar('"');
		first = 0;
	}
	printf("}");
	if (nnames == 0 && (name = ptc_regs_flags_name(r)) != NULL &&
	    ptc_regs_get(r, name, &nr) == 0 &&
	    ptc_regs_decode(r, name, nr, dec, sizeof(dec)) == 0) {
		/* "[ PF ZF IF ]" as a list of names */
		printf(",\"flags\":[");
		first = 1;
		for (p = strtok_r(dec, " []", &q); p != NULL;
		    p = strtok_r(NULL, " []", &q)) {
			printf("%s\"%s\"", first ? "" : ",", p);
			first = 0;
		}
		printf("]");
	}
	printf("}\n");
}

/* Named registers: bare values, one a line. */
static void
print_named(const struct ptc_regs *r, char **names, int nnames)
{
	const struct ptc_reginfo *ri;
	unsigned char b[32];
	uint64_t v;
	int i, n;

	for (i = 0; i < nnames; i++) {
		ri = ptc_regs_reg_lookup(r, names[i]);
		if ((n = ptc_regs_get_bytes(r, names[i], b, sizeof(b))) < 0)
			errx(1, "%s: %s", names[i], ptc_error());
		if (ri->size == 0) {
			memset(&v, 0, sizeof(v));
			memcpy(&v, b, 1);
			printf("%" PRIu64 "\n", v);
		} else if (ri->size <= 8) {
			memset(&v, 0, sizeof(v));
			memcpy(&v, b, (size_t)n);
			printf("0x%" PRIx64 "\n", v);
		} else {
			print_wide(stdout, b, (size_t)n);
			putchar('\n');
		}
	}
}

/* Show (and change) the registers of one stopped task. */
static void
do_task(struct ptc_task *t, char **ops, int nops)
{
	struct ptc_regs *r;
	const struct ptc_reginfo *ri;
	unsigned char val[32];
	char *names[256], *eq, name[64];
	unsigned flags = aflag ? PTC_REGS_FP : 0;
	int i, nnames = 0, nsets = 0;
	size_t n;

	if ((r = ptc_regs_new()) == NULL)
		err(1, "malloc");
	/* Names are those of the task's view (eax.. for 32-bit code). */
	if (ptc_regs_fetch(r, t, flags) != 0)
		errx(1, "thread %d: %s", (int)ptc_task_pid(t), ptc_error());
	for (i = 0; i < nops; i++) {
		eq = strchr(ops[i], '=');
		snprintf(name, sizeof(name), "%.*s",
		    eq ? (int)(eq - ops[i]) : (int)strlen(ops[i]), ops[i]);
		if ((ri = ptc_regs_reg_lookup(r, name)) == NULL)
			cli_usage_error(&cli, "unknown register '%s'", name);
		if (ri->kind == PTC_REG_X87 || ri->kind == PTC_REG_SSE ||
		    ri->kind == PTC_REG_AVX)
			flags |= PTC_REGS_FP;
		if (eq == NULL && nnames < 256)
			names[nnames++] = ops[i];
	}
	if ((flags & PTC_REGS_FP) && !aflag && ptc_regs_fetch(r, t, flags) != 0)
		errx(1, "thread %d: %s", (int)ptc_task_pid(t), ptc_error());
	for (i = 0; i < nops; i++) {
		if ((eq = strchr(ops[i], '=')) == NULL)
			continue;
		snprintf(name, sizeof(name), "%.*s", (int)(eq - ops[i]),
		    ops[i]);
		ri = ptc_regs_reg_lookup(r, name);
		if (parse_value(eq + 1, ri->bits, val, sizeof(val), &n) != 0)
			errx(2, "%s: bad value '%s'", name, eq + 1);
		if (ptc_regs_set_bytes(r, name, val, n) != 0)
			errx(1, "thread %d: %s: %s", (int)ptc_task_pid(t), name,
			    ptc_error());
		nsets++;
	}
	if (nsets > 0 && ptc_regs_store(r, t) != 0)
		errx(1, "thread %d: %s", (int)ptc_task_pid(t), ptc_error());
	if (jflag && (nnames > 0 || nsets == 0))
		print_json(ptc_task_pid(t), r, names, nnames);
	else if (nnames > 0)
		print_named(r, names, nnames);
	else if (nsets == 0)
		print_text(ptc_task_pid(t), r);
	ptc_regs_free(r);
}

/*
 * -l: every register name this build knows, in display order, for
 * completions and scripts; no process is touched.
 */
static void
list_names(void)
{
	size_t i, n = ptc_reg_count();

	for (i = 0; i < n; i++)
		printf("%s\n", ptc_reg_at(i)->name);
	cli_exit(0);
}

int
main(int argc, char *argv[])
{
	struct ptc_session *s;
	struct ptc_task *t;
	pid_t pid = 0, tid = 0, *tids;
	ssize_t nt, i;
	int ch, all = 0, found, lflag = 0;

	while ((ch = cli_getopt(&cli, argc, argv)) != -1) {
		switch (ch) {
		case 'a':
			aflag = 1;
			break;
		case 'j':
			jflag = 1;
			break;
		case 'l':
			lflag = 1;
			break;
		case 'p':
			if (ptc_pid_parse(optarg, &pid) != 0)
				cli_usage_error(&cli, "bad PID '%s'", optarg);
			break;
		case 'T':
			all = 1;
			break;
		case 't':
			if (ptc_pid_parse(optarg, &tid) != 0)
				cli_usage_error(&cli, "bad thread id '%s'",
				    optarg);
			break;
		}
	}
	argc -= optind;
	argv += optind;
	if (lflag) {
		if (argc > 0 || aflag || jflag || all || pid != 0 || tid != 0)
			cli_usage_error(&cli,
			    "-l takes no other options or operands");
		list_names();
	}
	if (pid == 0) {
		if (argc < 1)
			cli_usage_error(&cli, "no PID given");
		if (ptc_pid_parse(argv[0], &pid) != 0)
			cli_usage_error(&cli, "bad PID '%s'", argv[0]);
		argc--;
		argv++;
	}
	if (all && tid != 0)
		cli_usage_error(&cli, "-T and -t exclude each other");
	for (i = 0; all && i < argc; i++)
		if (strchr(argv[i], '=') != NULL)
			cli_usage_error(&cli,
			    "-T shows registers, it does not set them");
	ptc_cleanup_signals();

	if (ptc_pid_check(pid) != 0)
		errx(1, "process %d: %s", (int)pid, ptc_error());
	if (tid != 0) {
		if ((nt = ptc_pid_threads(pid, &tids)) < 0)
			errx(1, "process %d: %s", (int)pid, ptc_error());
		for (found = 0, i = 0; i < nt; i++)
			found |= tids[i] == tid;
		free(tids);
		if (!found)
			errx(1, "process %d has no thread %d", (int)pid,
			    (int)tid);
	}
	if ((s = ptc_session_new(0)) == NULL)
		err(1, "malloc");
	if (ptc_attach(s, tid ? tid : pid,
	    PTC_ATTACH_STOP | (all ? PTC_ATTACH_THREADS : 0), &t) != 0)
		errx(1, "process %d: %s", (int)pid, ptc_error());
	if (all) {
		for (i = 0; (t = ptc_session_task_at(s, (size_t)i)) != NULL;
		    i++) {
			if (i > 0 && !jflag)
				putchar('\n');
			do_task(t, argv, argc);
		}
	} else
		do_task(t, argv, argc);
	ptc_session_free(s);
	cli_exit(0);
}
