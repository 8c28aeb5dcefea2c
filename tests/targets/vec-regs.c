/*
 * vec-regs: known values in vector registers, for ptregs to read and
 * set.  Prints "ready PID", then on ppc64le holds
 *   vs5  = 0x0011223344556677 : 0x8899aabbccddeeff (f5 its first half)
 *   vs33 = v1 = 0x0123456789abcdef : 0xfedcba9876543210
 *   vscr = 0x00010001 (NJ, SAT), vrsave = 0x12345678
 * in a loop that calls nothing, until go is set to 1; then it stores
 * those registers as they are then into seen[] (doubleword 0 first,
 * vscr in the low word of seen[5]), sets stored and sleeps.  Elsewhere
 * it only sleeps.
 */
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

volatile uint64_t go;
volatile uint64_t stored;
uint64_t seen[7];
const uint64_t pattern[4] = {
	0x0011223344556677ULL, 0x8899aabbccddeeffULL,
	0x0123456789abcdefULL, 0xfedcba9876543210ULL,
};

int
main(void)
{
	printf("ready %d\n", (int)getpid());
	fflush(stdout);
#if defined(__powerpc64__) && defined(__LITTLE_ENDIAN__)
	/*
	 * mtvsrd sets doubleword 0, xxpermdi 0 joins two doublewords 0;
	 * mtvscr takes the last word of the vector.  The C library is not
	 * called until the values are stored: it may use these registers.
	 */
	__asm__ volatile(
	    "ld 9, 0(%[p])\n\t"
	    "ld 10, 8(%[p])\n\t"
	    "mtvsrd 5, 9\n\t"
	    "mtvsrd 6, 10\n\t"
	    "xxpermdi 5, 5, 6, 0\n\t"
	    "ld 9, 16(%[p])\n\t"
	    "ld 10, 24(%[p])\n\t"
	    "mtvsrd 33, 9\n\t"
	    "mtvsrd 34, 10\n\t"
	    "xxpermdi 33, 33, 34, 0\n\t"
	    "li 9, 0\n\t"
	    "lis 10, 1\n\t"
	    "ori 10, 10, 1\n\t"
	    "mtvsrd 34, 9\n\t"
	    "mtvsrd 35, 10\n\t"
	    "xxpermdi 34, 34, 35, 0\n\t"
	    "mtvscr 2\n\t"
	    "lis 9, 0x1234\n\t"
	    "ori 9, 9, 0x5678\n\t"
	    "mtvrsave 9\n"
	    "1:\n\t"
	    "or 1, 1, 1\n\t"
	    "ld 9, 0(%[go])\n\t"
	    "cmpdi 9, 0\n\t"
	    "beq 1b\n\t"
	    "stxvd2x 5, 0, %[s0]\n\t"
	    "stxvd2x 33, 0, %[s1]\n\t"
	    "mfvscr 2\n\t"
	    "stxvd2x 34, 0, %[s2]\n\t"
	    "mfvrsave 9\n\t"
	    "std 9, 0(%[s3])\n\t"
	    :
	    : [p] "b" (pattern), [go] "b" (&go), [s0] "b" (&seen[0]),
	      [s1] "b" (&seen[2]), [s2] "b" (&seen[4]), [s3] "b" (&seen[6])
	    : "r9", "r10", "vs5", "vs6", "v1", "v2", "v3", "cr0", "memory");
	stored = 1;
#endif
	for (;;)
		pause();
}
