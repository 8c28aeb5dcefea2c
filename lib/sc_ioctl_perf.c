/*
 * sc_ioctl_perf.c: the arguments of the perf event requests ('$'), as
 * data for lib/sc_ioctl_struct.c, and the two that need code: the
 * program ids of PERF_EVENT_IOC_QUERY_BPF and the attributes of
 * PERF_EVENT_IOC_MODIFY_ATTRIBUTES (lib/sc_perf.c).
 */
#include <linux/ioctl.h>
#include <linux/perf_event.h>
#include <stddef.h>
#include <stdint.h>

#include "sc_ioctl_struct.h"
#include "xlat.h"

IOC_VAL(group_s, 4, IF_FLAGS, &ptc__xt_perf_ioctl_flags, NULL);
IOC_VAL(int_s, 4, IF_D, NULL, NULL);
IOC_VAL(fd_s, 4, IF_FD, NULL, NULL);
IOC_VAL(u64_s, 8, IF_U, NULL, NULL);

/* The filter string the kernel copies, at most a page of it. */
static void
set_filter(struct ptc__dc *c, unsigned cmd, uint64_t v)
{
	(void)cmd;
	ptc__p_strn0(c, v, 4096);
}

/*
 * {ids_len=N, prog_cnt=M, ids=[...]}: ids_len is the caller's, the rest
 * the kernel's (M ids, at most ids_len of them written).
 */
static void
query_bpf(struct ptc__dc *c, unsigned cmd, uint64_t v)
{
	uint32_t len, cnt, id;
	uint64_t at = v + offsetof(struct perf_event_query_bpf, ids), i;

	(void)cmd;
	if (v == 0 || c->f->noderef || ptc__rdall(c, v, &len,
	    sizeof(len)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__s_open(c);
	ptc__f_u(c, "ids_len", len);
	if (c->is_error || ptc__rdall(c, v + offsetof(struct
	    perf_event_query_bpf, prog_cnt), &cnt, sizeof(cnt)) != 0) {
		ptc__s_more(c);
		ptc__s_close(c);
		return;
	}
	ptc__f_u(c, "prog_cnt", cnt);
	ptc__s_field(c, "ids");
	if (cnt > 0 && ptc__rdall(c, at, &id, sizeof(id)) != 0) {
		ptc__p_addr(c, at);
	} else {
		ptc__l_open(c);
		for (i = 0; i < cnt; i++) {
			if (ptc__rdall(c, at + i * sizeof(id), &id,
			    sizeof(id)) != 0) {
				ptc__more_at(c, at + i * sizeof(id));
				break;
			}
			if (ptc__arr_full(c, i))
				break;
			ptc__p_uint(c, id);
		}
		ptc__l_close(c);
	}
	ptc__s_close(c);
}

/* The attributes as the kernel reads them (no E2BIG size shown). */
static void
modify_attributes(struct ptc__dc *c, unsigned cmd, uint64_t v)
{
	uint32_t size;

	(void)cmd;
	if (v == 0 || ptc__rdall(c, v + offsetof(struct perf_event_attr,
	    size), &size, sizeof(size)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__p_perf_attr(c, v, size, 0);
}

static const struct ioc_req reqs[] = {
	{ PERF_EVENT_IOC_ENABLE, IR_VAL, &group_s, NULL, 0, NULL },
	{ PERF_EVENT_IOC_DISABLE, IR_VAL, &group_s, NULL, 0, NULL },
	{ PERF_EVENT_IOC_RESET, IR_VAL, &group_s, NULL, 0, NULL },
	{ PERF_EVENT_IOC_REFRESH, IR_VAL, &int_s, NULL, 0, NULL },
	{ PERF_EVENT_IOC_PERIOD, IR_IN, &u64_s, NULL, 0, NULL },
	{ PERF_EVENT_IOC_SET_OUTPUT, IR_VAL, &fd_s, NULL, 0, NULL },
	{ PERF_EVENT_IOC_SET_FILTER, IR_FN, NULL, NULL, 0, set_filter },
	{ PERF_EVENT_IOC_ID, IR_OUT, NULL, &u64_s, 0, NULL },
	{ PERF_EVENT_IOC_SET_BPF, IR_VAL, &fd_s, NULL, 0, NULL },
	{ PERF_EVENT_IOC_PAUSE_OUTPUT, IR_VAL, &u64_s, NULL, 0, NULL },
	{ PERF_EVENT_IOC_QUERY_BPF, IR_FN, NULL, NULL, 0, query_bpf },
	{ PERF_EVENT_IOC_MODIFY_ATTRIBUTES, IR_FN, NULL, NULL, 0,
	    modify_attributes },
};
const struct ioc_reqtab ptc__ioc_perf = { reqs, IOC_NF(reqs), 0 };
