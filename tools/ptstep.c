/*
 * ptstep: single-step a process and print every instruction it runs:
 * address, symbol+offset, bytes, disassembly.  -b runs at full speed to
 * a breakpoint first; faults are explained (which address, why).  The
 * process is detached at the end and runs on (or is killed with -k); a
 * program started by ptstep keeps its exit status, which ptstep returns.
 */
#include <sys/types.h>
#include <sys/wait.h>

#include <err.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ptcore.h"

#define MAX_BP 64

static int jflag, kflag, rflag, sflag;
static struct ptc_session *s;
static struct ptc_target *target;
static struct ptc_dis *dis;
/*
 * An exec has stopped the program and it was not run since: the first
 * step reports the end of the exec syscall before any instruction runs.
 */
static int after_exec;
static pid_t pid;
static int spawned;

static FILE *usage_fp; /* stdout for -h, else stderr */

static void
usage(void)
{
	fprintf(usage_fp != NULL ? usage_fp : stderr, "usage: %s [-jkrs] [-b ADDR...] [-n COUNT] [-u ADDR] "
	    "(-p PID | [--] CMD [ARG ...])\n", getprogname());
}

static void
bad_usage(const char *fmt, const char *arg)
{
	fprintf(stderr, "%s: ", getprogname());
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	usage();
	exit(2);
}

/*
 * s for text output: symbol names and paths come from the process, so
 * control and non-ASCII bytes are shown as \ooo and no escape sequence
 * reaches the terminal.  Three calls may share one printf.
 */
static const char *
shown(const char *str)
{
	static char bufs[3][1024];
	static int next;
	char *b = bufs[next], *o = b;
	unsigned char c;

	next = (next + 1) % 3;
	for (; *str != '\0' && o < b + sizeof(bufs[0]) - 5; str++) {
		c = (unsigned char)*str;
		if (c < 0x20 || c >= 0x7f) {
			*o++ = '\\';
			*o++ = (char)('0' + (c >> 6));
			*o++ = (char)('0' + ((c >> 3) & 7));
			*o++ = (char)('0' + (c & 7));
		} else {
			*o++ = (char)c;
		}
	}
	*o = '\0';
	return b;
}

/* "main+0x4" (symbol), else "libc.so.6+0x1234" (module), else "?". */
static const char *
where(uint64_t addr)
{
	static char buf[256], mod[256];
	struct ptc_syms *ss = ptc_target_syms(target);
	int r = -1;

	if (ss != NULL)
		r = ptc_syms_describe(ss, addr, buf, sizeof(buf), mod,
		    sizeof(mod));
	/* Libraries loaded since the mappings were read: read them again. */
	if (r != 0 && ptc_maps_find(ptc_target_maps(target), addr) == NULL &&
	    ptc_target_refresh(target) == 0 &&
	    (ss = ptc_target_syms(target)) != NULL)
		r = ptc_syms_describe(ss, addr, buf, sizeof(buf), mod,
		    sizeof(mod));
	if (r != 0)
		return "?";
	return buf[0] != '\0' ? buf : mod;
}

static void
hex(FILE *fp, const uint8_t *b, size_t n)
{
	static const char digits[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < n; i++) {
		putc(digits[b[i] >> 4], fp);
		putc(digits[b[i] & 15], fp);
	}
}

/* A note line: "WORD    text", or a JSON object {"event":WORD,...}. */
static void
note(const char *word, uint64_t addr, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
note(const char *word, uint64_t addr, const char *fmt, ...)
{
	char text[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	if (jflag) {
		printf("{\"event\":\"%s\"", word);
		if (addr != 0)
			printf(",\"addr\":\"0x%" PRIx64 "\",\"sym\":", addr);
		if (addr != 0)
			ptc_json_str(stdout, where(addr), strlen(where(addr)));
		printf(",\"text\":");
		ptc_json_str(stdout, text, strlen(text));
		printf("}\n");
	} else if (addr != 0)
		printf("%-8s 0x%" PRIx64 " %s %s\n", word, addr,
		    shown(where(addr)), text);
	else
		printf("%-8s %s\n", word, text);
}

/* General registers that differ between two snapshots (pc excluded). */
static void
print_changes(const struct ptc_regs *a, const struct ptc_regs *b)
{
	const struct ptc_reginfo *ri;
	const char *pcname = ptc_regs_pc_name(b);
	uint64_t va, vb;
	size_t i;
	int first = 1;

	for (i = 0; (ri = ptc_regs_reg_at(b, i)) != NULL; i++) {
		if (ri->kind != PTC_REG_GENERAL || strcmp(ri->name, pcname) == 0)
			continue;
		if (ptc_regs_get(a, ri->name, &va) != 0 ||
		    ptc_regs_get(b, ri->name, &vb) != 0 || va == vb)
			continue;
		if (jflag)
			printf("%s\"%s\":\"0x%" PRIx64 "\"", first ? "" : ",",
			    ri->name, vb);
		else
			printf("%s%s=0x%" PRIx64, first ? "  ; " : " ",
			    ri->name, vb);
		first = 0;
	}
}

static void
print_insn(const struct ptc_insn *in, const struct ptc_regs *before,
    const struct ptc_regs *after)
{
	const char *sym = where(in->addr);

	if (jflag) {
		printf("{\"addr\":\"0x%" PRIx64 "\",\"sym\":", in->addr);
		ptc_json_str(stdout, sym, strlen(sym));
		printf(",\"bytes\":\"");
		hex(stdout, in->bytes, in->size);
		printf("\",\"insn\":");
		if (in->operands[0] != '\0') {
			char t[200];

			snprintf(t, sizeof(t), "%s %s", in->mnemonic,
			    in->operands);
			ptc_json_str(stdout, t, strlen(t));
		} else
			ptc_json_str(stdout, in->mnemonic,
			    strlen(in->mnemonic));
		if (rflag && after != NULL) {
			printf(",\"regs\":{");
			print_changes(before, after);
			putchar('}');
		}
		printf("}\n");
		return;
	}
	printf("0x%-14" PRIx64 " %-24s ", in->addr, shown(sym));
	hex(stdout, in->bytes, in->size);
	printf("%*s %s%s%s", in->size < 10 ? 2 * (10 - (int)in->size) : 0, "",
	    in->mnemonic,
	    in->operands[0] ? " " : "", in->operands);
	if (rflag && after != NULL)
		print_changes(before, after);
	putchar('\n');
}

/*
 * The syscall the thread is about to make, decoded from its registers
 * by the library's syscall decoder as strace shows an entry.
 */
static void
print_syscall(pid_t tid, const struct ptc_regs *r)
{
	static struct ptc_scdec *dec;
	struct ptc_scinfo si;
	struct ptc_fmt f;
	char *text = NULL;
	size_t len = 0;
	FILE *fp;

	memset(&si, 0, sizeof(si));
	memset(&f, 0, sizeof(f));
	f.strsize = 32;
	si.op = PTC_SC_ENTRY;
	if (ptc_regs_syscall_args(r, &si.nr, si.args, &si.arch) != 0)
		return;
	si.pc = ptc_regs_pc(r);
	si.sp = ptc_regs_sp(r);
	if (dec == NULL && (dec = ptc_scdec_new()) == NULL)
		return;
	if ((fp = open_memstream(&text, &len)) == NULL)
		return;
	ptc_sc_enter(dec, fp, tid, &si, &f);
	fclose(fp);
	/* Arguments only known at exit are left out: "read(0, ...)". */
	len = strlen(text);
	if (len >= 2 && strcmp(text + len - 2, ", ") == 0)
		note("syscall", 0, "%s...) [%" PRIu64 "]", text, si.nr);
	else
		note("syscall", 0, "%s) [%" PRIu64 "]", text, si.nr);
	free(text);
}

static void
print_fault(pid_t tid, const struct ptc_regs *r, const siginfo_t *si)
{
	struct ptc_fault f;
	const char *sn = ptc_signame(si->si_signo);

	if (ptc_fault_explain(tid, r, si, &f) != 0) {
		note("signal", 0, "%s", sn ? sn : strsignal(si->si_signo));
		return;
	}
	if (jflag) {
		printf("{\"event\":\"fault\",\"signal\":\"%s\",\"pc\":\"0x%"
		    PRIx64 "\",\"sym\":", sn ? sn : "?", f.pc);
		ptc_json_str(stdout, where(f.pc), strlen(where(f.pc)));
		printf(",\"kind\":\"%s\",\"addr\":\"0x%" PRIx64 "\",\"size\":%u,"
		    "\"insn\":", ptc_fault_kind_name(f.kind), f.addr, f.size);
		ptc_json_str(stdout, f.insn, strlen(f.insn));
		printf(",\"reason\":");
		ptc_json_str(stdout, f.reason, strlen(f.reason));
		printf(",\"where\":");
		ptc_json_str(stdout, f.where, strlen(f.where));
		printf("}\n");
		return;
	}
	printf("%-8s %s at 0x%" PRIx64 " %s: %s\n", "fault", sn ? sn : "?",
	    f.pc, shown(where(f.pc)), shown(f.reason));
	if (f.where[0] != '\0')
		printf("%-8s %s\n", "where", shown(f.where));
}

static int
is_fault(int sig)
{
	return sig == SIGSEGV || sig == SIGBUS || sig == SIGFPE ||
	    sig == SIGILL || sig == SIGTRAP;
}

/* The exit status a program ptstep started should give ptstep. */
static int exit_code;
static int gone;

static void
report_end(const struct ptc_event *ev)
{
	const char *sn;

	gone = 1;
	if (ev->type == PTC_EV_EXITED) {
		note("exited", 0, "%d", ev->status);
		exit_code = ev->status;
	} else {
		sn = ptc_signame(ev->sig);
		note("killed", 0, "%s%s", sn ? sn : "?",
		    ev->core ? " (core dumped)" : "");
		exit_code = 128 + ev->sig;
	}
}

/*
 * Children forked while breakpoints are written: a fork child gets the
 * original bytes back (it has its own copy of the memory) and runs on
 * untraced; a vfork child shares the parent's memory and is let go as
 * it is.  Known from the parent's event; the child's own first stop may
 * come before or after it.
 */
#define MAX_KIDS 256
static pid_t kid_pid[MAX_KIDS];
static char kid_vfork[MAX_KIDS];
static size_t nkids;
static int seen_mark;

/*
 * Put the original bytes of the breakpoints into a fork child, which
 * has its own copy of the memory with the breakpoints in it.
 */
static void
clear_child(pid_t child, const uint64_t *bps, size_t nbp)
{
	uint8_t b[PTC_INSN_MAX];
	ssize_t n;
	size_t i;

	for (i = 0; i < nbp; i++) {
		if (!ptc_bp_at(s, bps[i]))
			continue;
		if ((n = ptc_mem_read(child, bps[i], b, sizeof(b),
		    PTC_MEM_AUTO)) <= 0)
			continue;
		ptc_bp_unpatch(s, bps[i], b, (size_t)n);
		ptc_mem_write(child, bps[i], b, (size_t)n, PTC_MEM_PROCFS);
	}
}

static const uint64_t *cur_bps;
static size_t cur_nbp;

static void
release_child(struct ptc_task *c)
{
	size_t i;

	for (i = 0; i < nkids; i++)
		if (kid_pid[i] == ptc_task_pid(c))
			break;
	if (i == nkids)
		return;          /* its parent's event is still to come */
	if (!kid_vfork[i])
		clear_child(ptc_task_pid(c), cur_bps, cur_nbp);
	ptc_detach(s, c, 0);
}

/*
 * Run the process at full speed until a task hits one of the
 * breakpoints; that task is returned, stopped at the breakpoint, with
 * every breakpoint removed and every other task detached.
 */
static struct ptc_task *
run_to_breakpoint(const uint64_t *bps, size_t nbp, int quiet)
{
	struct ptc_task *t, *hit = NULL;
	struct ptc_event ev;
	uint64_t addr = 0, addr2;
	size_t i;
	pid_t tid;
	int r;

	cur_bps = bps;
	cur_nbp = nbp;
	after_exec = 0;
	for (i = 0; (t = ptc_session_task_at(s, i)) != NULL; i++) {
		ptc_task_set_data(t, &seen_mark);
		/* A thread that has just exited reports it to the wait. */
		ptc_resume(t, PTC_RESUME_CONT, 0);
	}
	while (hit == NULL) {
		if (ptc_wait(s, &ev) != 0) {
			if (errno == EINTR)
				return NULL;
			errx(1, "process %d: %s", (int)pid, ptc_error());
		}
		t = ev.task;
		/* A process we do not trace (already let go). */
		if (t == NULL && (ev.type == PTC_EV_UNKNOWN_DETACHED ||
		    ev.type == PTC_EV_UNKNOWN_EXITED))
			continue;
		if (t != NULL && ev.type != PTC_EV_EXITED &&
		    ev.type != PTC_EV_KILLED && ptc_task_tgid(t) != pid) {
			/* A fork child's first stop. */
			release_child(t);
			continue;
		}
		if (t != NULL && ptc_task_data(t) == NULL) {
			/* A new thread's first stop: let it run. */
			ptc_task_set_data(t, &seen_mark);
			if (ev.type == PTC_EV_STEP &&
			    ptc_bp_hit(s, t, &ev, &addr) == 1) {
				hit = t;
				continue;
			}
			ptc_resume(t, PTC_RESUME_CONT, 0);
			continue;
		}
		switch (ev.type) {
		case PTC_EV_FORK:
		case PTC_EV_VFORK:
			if (nkids < MAX_KIDS) {
				kid_pid[nkids] = ev.new_pid;
				kid_vfork[nkids++] = ev.type == PTC_EV_VFORK;
			}
			{
				struct ptc_task *c = ptc_session_task(s,
				    ev.new_pid);

				if (c != NULL && ptc_task_stopped(c))
					release_child(c);
			}
			ptc_resume(t, PTC_RESUME_CONT, 0);
			continue;
		case PTC_EV_EXITED:
		case PTC_EV_KILLED:
			if (ev.pid == pid || ptc_session_ntasks(s) == 0) {
				report_end(&ev);
				return NULL;
			}
			continue;
		case PTC_EV_STEP:
			if ((r = ptc_bp_hit(s, t, &ev, &addr)) < 0)
				errx(1, "process %d: %s", (int)pid,
				    ptc_error());
			if (r == 1) {
				hit = t;
				continue;
			}
			ptc_resume(t, PTC_RESUME_CONT, ev.sig);
			continue;
		case PTC_EV_SIGNAL:
			ptc_resume(t, PTC_RESUME_CONT, ev.sig);
			continue;
		case PTC_EV_GROUP_STOP:
			ptc_resume(t, PTC_RESUME_LISTEN, 0);
			continue;
		case PTC_EV_EXEC:
			/* The new program has none of our breakpoints. */
			ptc_bp_forget_all(s);
			errx(1, "process %d: executed a new program before "
			    "reaching a breakpoint", (int)pid);
		default:
			if (t != NULL)
				ptc_resume(t, PTC_RESUME_CONT, 0);
			continue;
		}
	}
	/*
	 * Stop every other task (one may have hit a breakpoint just now:
	 * its pc is moved back), give fork children their original bytes,
	 * remove the breakpoints, and let the others run on untraced.
	 */
	i = 0;
	while ((t = ptc_session_task_at(s, i)) != NULL) {
		i++;
		if (t == hit || ptc_task_stopped(t))
			continue;
		tid = ptc_task_pid(t);
		ptc_interrupt(t);
		if (ptc_wait_task(s, t, &ev) == 0 && ev.type == PTC_EV_STEP &&
		    (t = ptc_session_task(s, tid)) != NULL)
			ptc_bp_hit(s, t, &ev, &addr2);
		if (ptc_session_task(s, tid) == NULL)
			i--;     /* it exited and left the list */
	}
	for (i = 0; (t = ptc_session_task_at(s, i)) != NULL; i++)
		if (t != hit && ptc_task_tgid(t) != pid)
			clear_child(ptc_task_pid(t), bps, nbp);
	for (i = 0; i < nbp; i++)
		if (ptc_bp_at(s, bps[i]) && ptc_bp_remove(s, bps[i]) != 0)
			errx(1, "process %d: %s", (int)pid, ptc_error());
	i = 0;
	while ((t = ptc_session_task_at(s, i)) != NULL) {
		if (t == hit)
			i++;
		else
			ptc_detach(s, t, 0);
	}
	if (!quiet)
		note("break", addr, "thread %d", (int)ptc_task_pid(hit));
	return hit;
}

/*
 * Instruction bytes at pc.  Pages of mappings that are not writable
 * are read once and kept (a step then costs one read less); code in
 * writable mappings is read every time, as it may change.
 */
static uint64_t cache_page = UINT64_MAX;
static uint8_t cache[4096];

static ssize_t
read_code(pid_t tid, uint64_t pc, uint8_t *buf, size_t len)
{
	const struct ptc_map *m;
	uint64_t page = pc & ~(uint64_t)4095;

	if (page != cache_page) {
		m = ptc_maps_find(ptc_target_maps(target), pc);
		if (m == NULL || m->perms[1] == 'w' || m->end < page + 4096 ||
		    ptc_mem_read(tid, page, cache, sizeof(cache),
		    PTC_MEM_AUTO) != (ssize_t)sizeof(cache))
			return ptc_mem_read(tid, pc, buf, len, PTC_MEM_AUTO);
		cache_page = page;
	}
	if (pc + len > page + sizeof(cache))
		return ptc_mem_read(tid, pc, buf, len, PTC_MEM_AUTO);
	memcpy(buf, cache + (pc - page), len);
	return (ssize_t)len;
}

/* Code is read in the mode of the snapshot: 32-bit in a 32-bit program. */
static void
dis_for(const struct ptc_regs *r)
{
	struct ptc_dis *d;

	if (strcmp(ptc_dis_arch(dis), ptc_regs_arch(r)) == 0 ||
	    (d = ptc_dis_open(ptc_regs_arch(r), 0)) == NULL)
		return;
	ptc_dis_close(dis);
	dis = d;
}

/*
 * The two register snapshots of the step loop, held here so that an
 * error exit (errx) from inside the loop leaves them reachable.
 */
static struct ptc_regs *snaps[2];

static int
step_loop(struct ptc_task *t, uint64_t count, int have_until, uint64_t until)
{
	struct ptc_regs *cur, *nxt, *tmp;
	struct ptc_event ev;
	struct ptc_insn in;
	uint8_t code[PTC_INSN_MAX];
	uint64_t n, pc;
	ssize_t got;
	int sig = 0, delivering = 0, same, after_report = 0;

	if ((snaps[0] = cur = ptc_regs_new()) == NULL ||
	    (snaps[1] = nxt = ptc_regs_new()) == NULL)
		err(1, "malloc");
	if (ptc_regs_fetch(cur, t, 0) != 0)
		errx(1, "process %d: %s", (int)pid, ptc_error());
	for (n = 0; n < count; ) {
		if (ptc_cleanup_pending())
			break;
		pc = ptc_regs_pc(cur);
		dis_for(cur);
		if (have_until && pc == until) {
			note("until", pc, "reached");
			break;
		}
		got = read_code(ptc_task_pid(t), pc, code, sizeof(code));
		if (got <= 0)
			memset(&in, 0, sizeof(in));
		else
			ptc_dis_one(dis, code, (size_t)got, pc, &in);
		if (sflag && got > 0 && ptc_insn_is_syscall(dis, &in))
			print_syscall(ptc_task_pid(t), cur);
		if (ptc_resume(t, PTC_RESUME_STEP, sig) != 0)
			errx(1, "process %d: %s", (int)pid, ptc_error());
		delivering = sig != 0;
		sig = 0;
		if (ptc_wait_task(s, t, &ev) != 0) {
			if (errno == EINTR)
				break;
			errx(1, "process %d: %s", (int)pid, ptc_error());
		}
		switch (ev.type) {
		case PTC_EV_STEP:
			if (ptc_regs_fetch(nxt, t, 0) != 0)
				errx(1, "process %d: %s", (int)pid, ptc_error());
			same = ptc_regs_pc(nxt) == pc;
			if (!delivering && (ev.si.si_code == SI_KERNEL ||
			    (ev.si.si_code == TRAP_BRKPT && same && got > 0 &&
			    ptc_insn_is_breakpoint(dis, &in)))) {
				/*
				 * A trap instruction of the program itself:
				 * int3 (SI_KERNEL, pc past it), or brk
				 * (TRAP_BRKPT, pc on it: step over it, as the
				 * program runs on after int3).
				 */
				if (got > 0)
					print_insn(&in, cur, nxt);
				print_fault(ptc_task_pid(t), nxt, &ev.si);
				if (same && got > 0 && (ptc_regs_set(nxt,
				    ptc_regs_pc_name(nxt), pc + in.size) != 0 ||
				    ptc_regs_store(nxt, t) != 0))
					errx(1, "process %d: %s", (int)pid,
					    ptc_error());
				tmp = cur, cur = nxt, nxt = tmp;
				n++;
				break;
			}
			/*
			 * Entering a signal handler runs no instruction, nor
			 * do the traps at the end of a syscall that leave the
			 * pc where it was: after an exec, at the new program's
			 * first instruction (x86: TRAP_BRKPT, aarch64:
			 * SI_USER), and on aarch64 the step trap that follows
			 * such a report when the exception return did not
			 * leave the step armed.
			 */
			if (!delivering && !(same && (after_exec ||
			    after_report || ev.si.si_code == TRAP_BRKPT ||
			    ev.si.si_code == SI_USER))) {
				if (got > 0)
					print_insn(&in, cur, nxt);
				else
					note("insn", pc, "unreadable");
				n++;
			}
			after_exec = 0;
			after_report = ev.si.si_code == SI_USER;
			tmp = cur, cur = nxt, nxt = tmp;
			break;
		case PTC_EV_SIGNAL:
			if (ptc_regs_fetch(nxt, t, 0) != 0)
				errx(1, "process %d: %s", (int)pid, ptc_error());
			if (is_fault(ev.sig) && ptc_regs_pc(nxt) == pc) {
				if (got > 0)
					print_insn(&in, cur, NULL);
				print_fault(ptc_task_pid(t), nxt, &ev.si);
			} else {
				const char *sn = ptc_signame(ev.sig);

				note("signal", 0, "%s", sn ? sn : "?");
			}
			tmp = cur, cur = nxt, nxt = tmp;
			sig = ev.sig;
			break;
		case PTC_EV_EXITED:
		case PTC_EV_KILLED:
			/* The last instruction (exit) ran; the signal was shown. */
			if (!delivering && got > 0)
				print_insn(&in, cur, NULL);
			report_end(&ev);
			goto out;
		case PTC_EV_EXEC:
			if (got > 0)
				print_insn(&in, cur, NULL);
			ptc_target_refresh(target);
			cache_page = UINT64_MAX;
			after_exec = 1;
			{
				char comm[64];

				if (ptc_pid_comm(ptc_task_pid(t), comm,
				    sizeof(comm)) != 0)
					snprintf(comm, sizeof(comm), "?");
				note("exec", 0, "process %d runs %s",
				    (int)ptc_task_pid(t), comm);
			}
			if (ptc_regs_fetch(cur, t, 0) != 0)
				errx(1, "process %d: %s", (int)pid, ptc_error());
			break;
		case PTC_EV_FORK:
		case PTC_EV_VFORK:
		case PTC_EV_CLONE:
			/* Only the stepped thread is followed. */
			{
				struct ptc_task *c = ptc_session_task(s,
				    ev.new_pid);

				if (c != NULL)
					ptc_detach(s, c, 0);
			}
			break;
		case PTC_EV_GROUP_STOP:
			note("stopped", 0, "by %s", ptc_signame(ev.sig) ?
			    ptc_signame(ev.sig) : "?");
			goto out;
		default:
			if (ptc_regs_fetch(cur, t, 0) != 0)
				errx(1, "process %d: %s", (int)pid, ptc_error());
			break;
		}
	}
out:
	/* Freed through snaps: its stores must not look dead to the compiler. */
	ptc_regs_free(snaps[0]);
	ptc_regs_free(snaps[1]);
	snaps[0] = snaps[1] = NULL;
	/* A signal that stopped the last step is delivered on detach. */
	if (!gone && sig != 0)
		ptc_detach(s, t, sig);
	return 0;
}

/* Evaluate the -b and -u address expressions in the target. */
static void
eval_all(const char **bexpr, uint64_t *bps, size_t nbp, const char *uexpr,
    uint64_t *until)
{
	size_t i, j;

	for (i = 0; i < nbp; i++) {
		if (ptc_addr_eval(target, bexpr[i], &bps[i]) != 0)
			errx(1, "breakpoint %s: %s", bexpr[i], ptc_error());
		for (j = 0; j < i; j++)
			if (bps[j] == bps[i])
				errx(1, "breakpoint %s: same address as %s "
				    "(%#" PRIx64 ")", bexpr[i], bexpr[j],
				    bps[i]);
	}
	if (uexpr != NULL && ptc_addr_eval(target, uexpr, until) != 0)
		errx(1, "-u %s: %s", uexpr, ptc_error());
}

/* Start CMD traced and run it to its first instruction (after exec). */
static struct ptc_task *
start(char *argv[])
{
	struct ptc_task *t;
	struct ptc_event ev;

	if (ptc_spawn(s, argv, NULL, &t) != 0)
		errx(1, "%s", ptc_error());
	pid = ptc_task_pid(t);
	spawned = 1;
	if (ptc_resume(t, PTC_RESUME_CONT, 0) != 0)
		errx(1, "process %d: %s", (int)pid, ptc_error());
	for (;;) {
		if (ptc_wait_task(s, t, &ev) != 0)
			errx(1, "%s: %s", argv[0], ptc_error());
		if (ev.type == PTC_EV_EXEC) {
			after_exec = 1;
			return t;
		}
		if (ev.type == PTC_EV_EXITED || ev.type == PTC_EV_KILLED) {
			report_end(&ev);
			exit(exit_code);
		}
		ptc_resume(t, PTC_RESUME_CONT, ev.type == PTC_EV_SIGNAL ?
		    ev.sig : 0);
	}
}

int
main(int argc, char *argv[])
{
	const char *bexpr[MAX_BP], *uexpr = NULL, *errstr;
	uint64_t bps[MAX_BP], count = UINT64_MAX, until = 0, pc, entry;
	struct ptc_task *t;
	size_t nbp = 0, i, j;
	pid_t *tids;
	ssize_t nthreads;
	int ch, status, evaluated = 0;

	while ((ch = getopt(argc, argv, "+b:hjkn:p:rsu:V")) != -1) {
		switch (ch) {
		case 'b':
			if (nbp == MAX_BP)
				bad_usage("more than %s breakpoints", "64");
			bexpr[nbp++] = optarg;
			break;
		case 'h':
			usage_fp = stdout;
			usage();
			exit(0);
		case 'j':
			jflag = 1;
			break;
		case 'k':
			kflag = 1;
			break;
		case 'n':
			count = (uint64_t)strtonum(optarg, 1, LLONG_MAX,
			    &errstr);
			if (errstr != NULL)
				bad_usage("bad COUNT '%s'", optarg);
			break;
		case 'p':
			if (ptc_pid_parse(optarg, &pid) != 0)
				bad_usage("bad PID '%s'", optarg);
			break;
		case 'r':
			rflag = 1;
			break;
		case 's':
			sflag = 1;
			break;
		case 'u':
			uexpr = optarg;
			break;
		case 'V':
			printf("%s %s\n", getprogname(), ptc_version());
			exit(0);
		default:
			usage();
			exit(2);
		}
	}
	argc -= optind;
	argv += optind;
	if ((pid == 0) == (argc == 0))
		bad_usage("%s", pid ? "give -p PID or a command, not both" :
		    "no process: give -p PID or a command");
	ptc_cleanup_signals();
	if (!isatty(STDOUT_FILENO))
		setvbuf(stdout, NULL, _IOFBF, 1 << 16);
	if ((dis = ptc_dis_open(NULL, 0)) == NULL)
		errx(1, "disassembler: %s", ptc_error());
	/* With breakpoints, new threads and children must be seen too. */
	if ((s = ptc_session_new(PTC_TRACE_EXEC | PTC_TRACE_EXITKILL |
	    (nbp > 0 ? PTC_TRACE_FORKS : 0))) == NULL)
		err(1, "malloc");

	if (argc > 0)
		t = start(argv);
	else {
		if (ptc_pid_check(pid) != 0)
			errx(1, "process %d: %s", (int)pid, ptc_error());
		/*
		 * A register in an expression is read through a session of
		 * the target's own, which must be gone before ours attaches.
		 */
		if ((target = ptc_target_open(pid)) == NULL)
			errx(1, "process %d: %s", (int)pid, ptc_error());
		eval_all(bexpr, bps, nbp, uexpr, &until);
		evaluated = 1;
		ptc_target_close(target);
		if (ptc_attach(s, pid, PTC_ATTACH_STOP, &t) != 0)
			errx(1, "process %d: %s", (int)pid, ptc_error());
		/*
		 * Breakpoints are in shared memory: every thread may hit one.
		 * Threads are counted after the attach, which traces those
		 * created from then on: a count taken before it misses one
		 * created in between, which would die of the trap untraced.
		 */
		if (nbp > 0 && (nthreads = ptc_pid_threads(pid, &tids)) > 0) {
			free(tids);
			if (nthreads > 1 && ptc_attach(s, pid, PTC_ATTACH_STOP |
			    PTC_ATTACH_THREADS, &t) != 0)
				errx(1, "process %d: %s", (int)pid,
				    ptc_error());
		}
	}
	if ((target = ptc_target_open(pid)) == NULL)
		errx(1, "process %d: %s", (int)pid, ptc_error());

	if (spawned && nbp > 0) {
		/* Libraries are loaded once the program's entry is reached. */
		if (ptc_exec_entry(pid, &entry) != 0 ||
		    ptc_pc_read(t, &pc) != 0)
			errx(1, "process %d: %s", (int)pid, ptc_error());
		if (pc != entry) {
			if (ptc_bp_insert(s, pid, entry) != 0)
				errx(1, "process %d: entry %#" PRIx64 ": %s",
				    (int)pid, entry, ptc_error());
			if ((t = run_to_breakpoint(&entry, 1, 1)) == NULL)
				goto done;
			ptc_bp_forget_all(s);
			ptc_target_refresh(target);
		}
	}
	if (!evaluated)
		eval_all(bexpr, bps, nbp, uexpr, &until);
	if (nbp > 0) {
		if (ptc_pc_read(t, &pc) != 0)
			errx(1, "process %d: %s", (int)pid, ptc_error());
		/* Stopped on a breakpoint address already: it is reached. */
		for (i = 0; i < nbp && bps[i] != pc; i++)
			;
		if (i < nbp) {
			for (j = 0; j < nbp; j++)
				if (ptc_bp_insert(s, pid, bps[j]) != 0)
					errx(1, "breakpoint %s: %s", bexpr[j],
					    ptc_error());
			ptc_bp_restore_all(s);
			note("break", pc, "thread %d (stopped there already)",
			    (int)ptc_task_pid(t));
		} else {
			for (i = 0; i < nbp; i++)
				if (ptc_bp_insert(s, pid, bps[i]) != 0)
					errx(1, "breakpoint %s: %s", bexpr[i],
					    ptc_error());
			if ((t = run_to_breakpoint(bps, nbp, 0)) == NULL)
				goto done;
		}
	}
	step_loop(t, count, uexpr != NULL, until);
done:
	if (fflush(stdout) != 0 || ferror(stdout)) {
		if (kflag)
			kill(pid, SIGKILL);
		err(1, "stdout");
	}
	if (kflag && !gone) {
		if (spawned)
			ptc_session_kill(s);
		else {
			ptc_session_free(s);
			kill(pid, SIGKILL);
		}
		s = NULL;
		exit_code = 128 + SIGKILL;
		gone = 1;
	}
	ptc_session_free(s);
	ptc_target_close(target);
	ptc_dis_close(dis);
	if (ptc_cleanup_pending() && !spawned)
		return 128 + ptc_cleanup_pending();
	if (spawned && !gone) {
		/* Detached, it runs to its normal end; report as our own. */
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
		if (WIFEXITED(status))
			return WEXITSTATUS(status);
		return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : 1;
	}
	return spawned ? exit_code : 0;
}
