/*
 * st-caps: capget and capset with each header version (1, 2, 3 and an
 * unknown one), sets with names in the low and the high word and bits
 * no capability has, a NULL header and a set the kernel cannot read.
 * capset only ever asks for less than the process has or fails, so the
 * process keeps its capabilities.  Exits 0.
 */
#include <linux/capability.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

int
main(void)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[2], *end;
	char *page;

	memset(d, 0, sizeof(d));
	syscall(SYS_capget, NULL, NULL);
	syscall(SYS_capget, &h, d);
	h.version = _LINUX_CAPABILITY_VERSION_2;
	syscall(SYS_capget, &h, NULL);
	h.version = 0xbadc0ded;
	syscall(SYS_capset, &h, d);
	h.version = _LINUX_CAPABILITY_VERSION_1;
	memset(d, 0, sizeof(d));
	d[0].effective = 1u << CAP_DAC_OVERRIDE;
	d[0].permitted = 1u << CAP_DAC_READ_SEARCH;
	syscall(SYS_capset, &h, d);
	h.version = _LINUX_CAPABILITY_VERSION_3;
	d[1].effective = 1u << (CAP_WAKE_ALARM - 32);
	d[1].permitted = 0xffffffffu;
	syscall(SYS_capset, &h, d);
	/* version 3 wants two structures: one before an unmapped page */
	page = mmap(NULL, 8192, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (page != MAP_FAILED && munmap(page + 4096, 4096) == 0) {
		end = (struct __user_cap_data_struct *)(page + 4096) - 1;
		memset(end, 0, sizeof(*end));
		syscall(SYS_capset, &h, end);
	}
	return 0;
}
