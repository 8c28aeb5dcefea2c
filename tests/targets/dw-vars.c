/*
 * dw-vars: globals and statics of every kind of C type, for reading
 * variables by their DWARF type (ptpeek -d) with gdb's print as the
 * oracle.  Prints "ready PID" and then blocks until killed.
 */
#include <stdbool.h>
#include <stdio.h>
#include <unistd.h>

struct inner {
	int y;
	double z;
};
struct s {
	int x;
	struct inner in;
};
enum color { RED, GREEN = 5, BLUE };
typedef struct s s_t;
union u {
	int i;
	float f;
	unsigned char b[4];
};
struct list {
	int v;
	struct list *next;
};

struct s g_s = { 7, { -3, 0.125 } };
int g_arr[4] = { 1, 2, 3, 4 };
int g_zero[16];
struct inner g_pt = { 9, 2.5 };
struct inner *g_ptr = &g_pt;
struct inner *g_nullp;
enum color g_color = GREEN;
enum color g_bad = 42;
const char *g_str = "hello";
char *g_null;
char g_name[16] = "ptools";
char g_long[40] = "x";
static int s_count = 11;
static const char *s_msg = "static \"quoted\"\n";
union u g_u = { .f = 1.5f };
s_t g_td = { 1, { 2, 3.0 } };
bool g_flag = true;
char g_c = 'A';
unsigned char g_uc = 200;
float g_f = 0.1f;
double g_d = 0.1;
long long g_ll = -1234567890123LL;
unsigned long long g_ull = 18446744073709551615ULL;
short g_sh = -7;
void *g_vp = &g_arr;
int *g_ip = &g_arr[2];
struct {
	int a : 3;
	unsigned b : 5;
	int c;
} g_bits = { -2, 17, 5 };
struct s g_sarr[2] = { { 1, { 2, 0.5 } }, { 3, { 4, 1.5 } } };
const char *g_strs[3] = { "a", "b\n\"c\"", 0 };
char g_esc[6] = "\033[1m";
int g_mat[2][3] = { { 1, 2, 3 }, { 4, 5, 6 } };
struct list g_l2 = { 2, NULL };
struct list g_l1 = { 1, &g_l2 };
struct list *g_head = &g_l1;
struct {
	int tag;
	union {
		int n;
		float f;
	};
} g_anon = { 3, { .n = 4 } };
/* gdb's limits: runs, 200 elements, bounds that need a byte's 8 bits */
int g_big[300];
char g_many[250];
char *g_manyp = g_many + 1;
unsigned char g_buf[40] = { 1, 2, [18] = 3, 4 };
int g_mix[30] = { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 3 };
char g_names[2][8] = { "ab", "cdefgh" };
struct inner *g_ptrs[3] = { &g_pt, NULL, NULL };
bool g_bools[3] = { true, false, true };
enum color g_earr[3] = { BLUE, RED, 7 };
long double g_ld = 0.1L;
struct empty { } g_empty;
__thread int g_tls = 5;

/* A function's static, read as tick::calls (4 once main called it). */
static int
tick(void)
{
	static int calls = 3;
	int local = calls;

	return ++calls + local;
}

int
main(void)
{
	for (int i = 0; i < 300; i++)
		g_big[i] = i;
	for (int i = 0; i < 249; i++)
		g_many[i] = 'z';
	printf("ready %d %d %d %p\n", (int)getpid(), s_count, tick(),
	    (void *)s_msg);
	fflush(stdout);
	for (;;)
		pause();
}
