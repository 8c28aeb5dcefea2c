/*
 * ptmaps: list the memory mappings of a live process, or say which
 * mapping holds each address given, as module+offset and, where an ELF
 * symbol covers it, symbol+offset.
 */
#include <err.h>
#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ptcore.h"
#include "common/cli.h"

static const struct cli_opt opts[] = {
	{ 'j', "json", NULL, "print JSON Lines" },
	{ 'n', "name", "NAME", "list only the mappings of module NAME" },
	{ 'P', "perms", "PERMS", "list only mappings with all of PERMS (rwxps)" },
	{ 0, NULL, NULL, NULL }
};
static const char *const synopsis[] = {
	"[-j] [-n name] [-P perms] pid [addr ...]", NULL
};
static const struct cli cli = { synopsis, opts, 0 };

static int json;

/* Are all the permission letters of want ("rx", "ws") in perms? */
static int
perms_match(const char *perms, const char *want)
{
	for (; *want != '\0'; want++) {
		switch (*want) {
		case 'r': if (perms[0] != 'r') return 0; break;
		case 'w': if (perms[1] != 'w') return 0; break;
		case 'x': if (perms[2] != 'x') return 0; break;
		case 'p': if (perms[3] != 'p') return 0; break;
		case 's': if (perms[3] != 's') return 0; break;
		}
	}
	return 1;
}

/* The mapping's columns: start end perms offset size path. */
static void
print_map(const struct ptc_map *mp)
{
	if (json) {
		printf("\"start\":\"0x%" PRIx64 "\",\"end\":\"0x%" PRIx64
		    "\",\"perms\":\"%s\",\"offset\":\"0x%" PRIx64
		    "\",\"size\":%" PRIu64 ",\"dev\":\"%02x:%02x\","
		    "\"inode\":%" PRIu64 ",\"path\":", mp->start, mp->end,
		    mp->perms, mp->offset, mp->end - mp->start, mp->dev_major,
		    mp->dev_minor, mp->inode);
		ptc_json_str(stdout, mp->path, strlen(mp->path));
		return;
	}
	printf("0x%012" PRIx64 " 0x%012" PRIx64 " %s 0x%08" PRIx64 " 0x%08"
	    PRIx64, mp->start, mp->end, mp->perms, mp->offset,
	    mp->end - mp->start);
	if (mp->path[0] != '\0') {
		putchar(' ');
		/* a path is the tracee's choice: no raw control bytes */
		ptc_escape_bare(stdout, mp->path, strlen(mp->path));
	}
}

static void
list(const struct ptc_maps *m, const char *name, const char *perms)
{
	const struct ptc_map *mod = NULL;

	if (name != NULL && (mod = ptc_maps_module(m, name)) == NULL)
		errx(1, "%s", ptc_error());
	for (size_t i = 0; i < ptc_maps_count(m); i++) {
		const struct ptc_map *mp = ptc_maps_at(m, i);

		if (mod != NULL && strcmp(mp->path, mod->path) != 0)
			continue;
		if (perms != NULL && !perms_match(mp->perms, perms))
			continue;
		if (json)
			putchar('{');
		print_map(mp);
		puts(json ? "}" : "");
	}
}

/* The first mapping of the file or special region mp belongs to. */
static const struct ptc_map *
first_of(const struct ptc_maps *m, const struct ptc_map *mp)
{
	for (size_t i = 0; i < ptc_maps_count(m); i++) {
		const struct ptc_map *p = ptc_maps_at(m, i);
		if (strcmp(p->path, mp->path) == 0)
			return p;
	}
	return mp;
}

/* One ADDR operand; 0, or -1 after a message. */
static int
locate(struct ptc_target *t, pid_t pid, const char *expr)
{
	const struct ptc_maps *m = ptc_target_maps(t);
	const struct ptc_map *mp, *first;
	struct ptc_syms *ss;
	char sym[256] = "", mod[256];
	uint64_t addr;

	if (ptc_addr_eval(t, expr, &addr) < 0) {
		warnx("process %d: %s: %s", (int)pid, expr, ptc_error());
		return -1;
	}
	if ((mp = ptc_maps_find(m, addr)) == NULL) {
		warnx("process %d: 0x%" PRIx64 ": not in any mapping",
		    (int)pid, addr);
		return -1;
	}
	/*
	 * module+0xoff and symbol+0xoff from the symbol reader, which knows
	 * a module's .bss; for other memory, from the mapping alone.
	 */
	if ((ss = ptc_target_syms(t)) == NULL ||
	    ptc_syms_describe(ss, addr, sym, sizeof(sym), mod,
	    sizeof(mod)) < 0) {
		sym[0] = '\0';
		mod[0] = '\0';
		if (mp->path[0] != '\0') {
			first = first_of(m, mp);
			snprintf(mod, sizeof(mod), "%s+0x%" PRIx64,
			    ptc_map_name(mp), addr - first->start);
		}
	}
	if (json) {
		printf("{\"addr\":\"0x%" PRIx64 "\",\"module\":", addr);
		if (mod[0] != '\0')
			ptc_json_str(stdout, mod, strlen(mod));
		else
			printf("null");
		printf(",\"symbol\":");
		if (sym[0] != '\0')
			ptc_json_str(stdout, sym, strlen(sym));
		else
			printf("null");
		putchar(',');
		print_map(mp);
		puts("}");
		return 0;
	}
	printf("0x%" PRIx64 " ", addr);
	if (mod[0] != '\0')
		ptc_escape_bare(stdout, mod, strlen(mod));
	else
		putchar('-');
	putchar(' ');
	if (sym[0] != '\0')
		ptc_escape_bare(stdout, sym, strlen(sym));
	else
		putchar('-');
	putchar(' ');
	print_map(mp);
	putchar('\n');
	return 0;
}

int
main(int argc, char *argv[])
{
	const char *name = NULL, *perms = NULL;
	const struct ptc_maps *m;
	struct ptc_target *t;
	int ch, rc = 0;
	pid_t pid;

	ptc_cleanup_signals();
	while ((ch = cli_getopt(&cli, argc, argv)) != -1) {
		switch (ch) {
		case 'j':
			json = 1;
			break;
		case 'n':
			name = optarg;
			break;
		case 'P':
			if (optarg[strspn(optarg, "rwxps")] != '\0')
				cli_usage_error(&cli, "-P takes letters of rwxps");
			perms = optarg;
			break;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 1)
		cli_usage_error(&cli, "missing operand");
	if (argc > 1 && (name != NULL || perms != NULL))
		cli_usage_error(&cli,
		    "-n and -P filter the list; they take no addr");
	if (ptc_pid_parse(argv[0], &pid) < 0)
		cli_usage_error(&cli, "%s", ptc_error());
	if ((t = ptc_target_open(pid)) == NULL)
		errx(1, "%s", ptc_error());
	if ((m = ptc_target_maps(t)) == NULL)
		errx(1, "%s", ptc_error());
	if (argc == 1)
		list(m, name, perms);
	for (int i = 1; i < argc; i++)
		if (locate(t, pid, argv[i]) < 0)
			rc = 1;
	ptc_target_close(t);
	cli_exit(rc);
}
