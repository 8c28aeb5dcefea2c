/*
 * ioctl-misc: a tracee issuing userfaultfd, TEE and console requests on
 * descriptor -1 (each fails with EBADF: the kernel reads nothing, so
 * the arguments print from known bytes), then with "uffd" the
 * userfaultfd requests on a real userfaultfd (descriptor 42) over two
 * pages mapped at a fixed address: "no uffd" on stderr and exit 0 when
 * none can be made.
 */
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>

#include <fcntl.h>
#include <signal.h>
#include <linux/kd.h>
#include <linux/keyboard.h>
#include <linux/tee.h>
#include <linux/userfaultfd.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define AT  0x10000000ul
#define PG  0x1000ul

static void
uffd_bad(void)
{
	struct uffdio_api api = { 0xaa, UFFD_FEATURE_EVENT_FORK |
	    0x8000000000000000ull, 0 };
	struct uffdio_register reg = { { 0x1000, 0x2000 },
	    UFFDIO_REGISTER_MODE_MISSING | UFFDIO_REGISTER_MODE_WP, 0 };
	struct uffdio_copy copy = { 0x3000, 0x4000, 0x1000,
	    UFFDIO_COPY_MODE_DONTWAKE | 0x100, 7 };
	struct uffdio_zeropage zp = { { 0x5000, 0x1000 }, 0x10, 9 };
	struct uffdio_range range = { 0x6000, 0x7000 };

	ioctl(-1, UFFDIO_API, &api);
	api.features = 0x4000000000000000ull;
	ioctl(-1, UFFDIO_API, &api);
	ioctl(-1, UFFDIO_API, NULL);
	ioctl(-1, UFFDIO_REGISTER, &reg);
	ioctl(-1, UFFDIO_COPY, &copy);
	ioctl(-1, UFFDIO_ZEROPAGE, &zp);
	ioctl(-1, UFFDIO_WAKE, &range);
	ioctl(-1, UFFDIO_UNREGISTER, (void *)1);
}

static void
tee_bad(void)
{
	struct tee_ioctl_cancel_arg cancel = { 7, 0xbeef };
	struct tee_ioctl_shm_alloc_data alloc = { 0x2000, 0x81, 5 };
	struct {
		struct tee_ioctl_invoke_arg a;
		struct tee_ioctl_param p[2];
	} inv = { { 1, 0x10, 2, 0, 0, 2 }, {
	    { TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT | TEE_IOCTL_PARAM_ATTR_META,
		0xa, 0xb, 0xc },
	    { TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INPUT, 0x10, 0x20, 3 } } };
	struct tee_ioctl_open_session_arg open;
	struct tee_ioctl_buf_data bd = { (uintptr_t)&inv, sizeof(inv) };
	unsigned i;

	ioctl(-1, TEE_IOC_VERSION, NULL);
	ioctl(-1, TEE_IOC_CANCEL, &cancel);
	ioctl(-1, TEE_IOC_SHM_ALLOC, &alloc);
	ioctl(-1, TEE_IOC_INVOKE, &bd);
	memset(&open, 0, sizeof(open));
	for (i = 0; i < sizeof(open.uuid); i++)
		open.uuid[i] = (unsigned char)(0x10 + i);
	open.clnt_login = TEE_IOCTL_LOGIN_GROUP;
	open.clnt_uuid[0] = 100;
	open.cancel_id = 9;
	bd.buf_ptr = (uintptr_t)&open;
	bd.buf_len = sizeof(open);
	ioctl(-1, TEE_IOC_OPEN_SESSION, &bd);
	/* a length the kernel refuses: only the buffer's address */
	bd.buf_ptr = 1;
	bd.buf_len = 2;
	ioctl(-1, TEE_IOC_SUPPL_SEND, &bd);
}

static void
kd_bad(void)
{
	struct kbentry ent = { K_SHIFTTAB, 30, K(KT_LATIN, 'a') };
	struct kbsentry sent = { KVAL(K_F3), "\033[13~" };
	struct kbdiacrs dia = { 2, { { '`', 'e', 0xe8 }, { '\'', '\t', 0 } } };
	struct kbkeycode kc = { 0x1e, 0x30 };
	struct kbd_repeat rep = { 250, -1 };
	struct unipair pairs[2] = { { 0x263a, 1 }, { 0x263b, 2 } };
	struct unimapdesc um = { 2, pairs };
	struct console_font_op op = { KD_FONT_OP_SET_DEFAULT, 0, 8, 16, 0,
	    (unsigned char *)"default8x16" };
	unsigned char cmap[48];
	unsigned i;

	ioctl(-1, KIOCSOUND, 0);
	ioctl(-1, KIOCSOUND, 1193);
	ioctl(-1, KDMKTONE, (100 << 16) | 2000);
	ioctl(-1, KDSETLED, LED_NUM | LED_CAP | 0x40);
	ioctl(-1, KDSKBLED, (LED_NUM << 4) | LED_SCR);
	ioctl(-1, KDSETMODE, KD_GRAPHICS);
	ioctl(-1, KDSETMODE, 7);
	ioctl(-1, KDSKBMODE, K_UNICODE);
	ioctl(-1, KDSKBMODE, -2);
	ioctl(-1, KDSKBMETA, K_ESCPREFIX);
	ioctl(-1, KDADDIO, 0x3c0);
	ioctl(-1, KDSIGACCEPT, SIGUSR1);
	ioctl(-1, KDGETLED, NULL);
	ioctl(-1, KDGKBENT, &ent);
	ioctl(-1, KDSKBENT, &ent);
	ent.kb_table = (1 << KG_CTRL) | (1 << KG_ALT);
	ent.kb_value = K_F1;
	ioctl(-1, KDSKBENT, &ent);
	ent.kb_value = K(KT_CONS, 3);
	ioctl(-1, KDSKBENT, &ent);
	ioctl(-1, KDSKBSENT, &sent);
	ioctl(-1, KDSKBDIACR, &dia);
	/* a get that failed: what was there is not shown */
	ioctl(-1, KDGKBDIACR, &dia);
	ioctl(-1, KDSETKEYCODE, &kc);
	ioctl(-1, KDKBDREP, &rep);
	ioctl(-1, PIO_UNIMAP, &um);
	ioctl(-1, KDFONTOP, &op);
	for (i = 0; i < sizeof(cmap); i++)
		cmap[i] = (unsigned char)i;
	ioctl(-1, PIO_CMAP, cmap);
}

static int
uffd_real(void)
{
	struct uffdio_api api = { UFFD_API, 0, 0 };
	struct uffdio_register reg = { { AT, 2 * PG },
	    UFFDIO_REGISTER_MODE_MISSING, 0 };
	struct uffdio_copy copy = { AT, AT + 2 * PG, PG,
	    UFFDIO_COPY_MODE_DONTWAKE, 0 };
	struct uffdio_zeropage zp = { { AT + PG, PG },
	    UFFDIO_ZEROPAGE_MODE_DONTWAKE, 0 };
	struct uffdio_range range = { AT, 2 * PG };
	long fd;
	void *p;

	fd = syscall(__NR_userfaultfd, O_CLOEXEC | UFFD_USER_MODE_ONLY);
	if (fd < 0)
		fd = syscall(__NR_userfaultfd, O_CLOEXEC);
	p = mmap((void *)AT, 3 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE |
	    MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	if (fd < 0 || p != (void *)AT || dup2((int)fd, 42) != 42 ||
	    ioctl(42, UFFDIO_API, &api) != 0) {
		fputs("no uffd\n", stderr);
		return 0;
	}
	memset((char *)p + 2 * PG, 'x', PG);
	if (ioctl(42, UFFDIO_REGISTER, &reg) != 0)
		return 1;
	if (ioctl(42, UFFDIO_COPY, &copy) != 0)
		return 1;
	copy.mode = 0x10;
	ioctl(42, UFFDIO_COPY, &copy);
	if (ioctl(42, UFFDIO_ZEROPAGE, &zp) != 0)
		return 1;
	if (ioctl(42, UFFDIO_WAKE, &range) != 0)
		return 1;
	if (ioctl(42, UFFDIO_UNREGISTER, &range) != 0)
		return 1;
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "uffd") == 0)
		return uffd_real();
	uffd_bad();
	tee_bad();
	kd_bad();
	return 0;
}
