/*
 * basic: a tracee with known data at known symbols.  Prints
 * "ready PID" and then sleeps until killed.  With an argument N it also
 * allocates N MiB of heap filled with a known pattern (heap_buf).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

volatile uint32_t counter_u32 = 100;
volatile int32_t negative_i32 = -42;
volatile uint64_t magic_u64 = 0x1122334455667788ULL;
volatile double value_f64 = 3.5;
volatile float value_f32 = -0.25f;
char greeting[] = "hello, ptools";
char weird_str[] = "tab\there\nnl \"q\" \\ \x01\x7f\xff end";
unsigned char data_bytes[64] = {
	0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07,
	0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f,
	0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17,
	0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f,
	0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27,
	0x28, 0x29, 0x2a, 0x2b, 0x2c, 0x2d, 0x2e, 0x2f,
	0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37,
	0x38, 0x39, 0x3a, 0x3b, 0x3c, 0x3d, 0x3e, 0x3f,
};
const char rodata_str[] = "read-only text";
unsigned char *heap_buf;
size_t heap_len;

int
add_numbers(int a, int b)
{
	return a + b;
}

int
main(int argc, char *argv[])
{
	if (argc > 1) {
		heap_len = (size_t)atol(argv[1]) << 20;
		heap_buf = malloc(heap_len);
		if (heap_buf == NULL)
			return 1;
		for (size_t i = 0; i < heap_len; i++)
			heap_buf[i] = (unsigned char)(i * 7);
		/* a needle near the end for searches */
		if (heap_len > 64)
			memcpy(heap_buf + heap_len - 64, "NEEDLE-in-heap", 14);
	}
	printf("ready %d\n", (int)getpid());
	fflush(stdout);
	for (;;)
		sleep(1000 + add_numbers(0, 0));
}
