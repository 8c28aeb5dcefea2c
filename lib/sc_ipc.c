/*
 * sc_ipc.c: System V IPC keys and flags.
 */
#include <sys/ipc.h>

#include <inttypes.h>
#include <stdio.h>

#include "internal.h"
#include "sc_priv.h"
#include "xlat.h"

void
ptc__a_ipckey(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	(void)a;
	if ((int)v == IPC_PRIVATE)
		ptc__p_raw(c, "IPC_PRIVATE");
	else
		ptc__p_hex(c, (uint32_t)v);
}

/* IPC_CREAT|IPC_EXCL|0600 */
void
ptc__a_ipcflags(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	char buf[96];
	size_t n = 0;
	unsigned f = (unsigned)v;

	(void)a;
	buf[0] = '\0';
	if (f & IPC_CREAT)
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, "IPC_CREAT|");
	if (f & IPC_EXCL)
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, "IPC_EXCL|");
	if (f & IPC_NOWAIT)
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, "IPC_NOWAIT|");
	f &= ~(unsigned)(IPC_CREAT | IPC_EXCL | IPC_NOWAIT);
	snprintf(buf + n, sizeof(buf) - n, "%#03o", f);
	ptc__p_raw(c, buf);
}
