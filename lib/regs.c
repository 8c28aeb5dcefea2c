/*
 * regs.c: read and write registers of a stopped task by name, through
 * the CPU layer's register table.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define GREGS_MAX 1024

static int
load(struct ptc_task *t, unsigned char *buf)
{
	if (!t->stopped)
		return ptc_fail(ESRCH, "task %d is not stopped", (int)t->pid);
	return ptc_os_getregs(t->pid, buf, ptc_arch_gregs_size) < 0 ? -1 : 0;
}

static uint64_t
mask(unsigned size)
{
	return size >= 8 ? ~(uint64_t)0 : ((uint64_t)1 << (size * 8)) - 1;
}

int
ptc_reg_read(struct ptc_task *t, const char *name, uint64_t *val)
{
	unsigned char buf[GREGS_MAX];
	const struct ptc_arch_reg *r;
	uint64_t word;

	if ((r = ptc_arch_reg_find(name)) == NULL)
		return ptc_fail(EINVAL, "unknown register '%s'", name);
	if (load(t, buf) != 0)
		return -1;
	memcpy(&word, buf + r->off, sizeof(word));
	*val = (word >> r->shift) & mask(r->size);
	return 0;
}

int
ptc_reg_write(struct ptc_task *t, const char *name, uint64_t val)
{
	unsigned char buf[GREGS_MAX];
	const struct ptc_arch_reg *r;
	uint64_t word, m;

	if ((r = ptc_arch_reg_find(name)) == NULL)
		return ptc_fail(EINVAL, "unknown register '%s'", name);
	if (load(t, buf) != 0)
		return -1;
	memcpy(&word, buf + r->off, sizeof(word));
	m = mask(r->size) << r->shift;
	word = (word & ~m) | ((val << r->shift) & m);
	memcpy(buf + r->off, &word, sizeof(word));
	t->sci_valid = false;
	return ptc_os_setregs(t->pid, buf, ptc_arch_gregs_size);
}

int
ptc_pc_read(struct ptc_task *t, uint64_t *pc)
{
	return ptc_reg_read(t, ptc_arch_pc_name, pc);
}

int
ptc_pc_write(struct ptc_task *t, uint64_t pc)
{
	return ptc_reg_write(t, ptc_arch_pc_name, pc);
}

int
ptc_sp_read(struct ptc_task *t, uint64_t *sp)
{
	return ptc_reg_read(t, ptc_arch_sp_name, sp);
}
