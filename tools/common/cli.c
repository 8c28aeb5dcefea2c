/*
 * cli: option tables, --help, --version and usage errors for every tool.
 */
#include <err.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ptcore.h"
#include "cli.h"

#define CLI_MAX 64

static const struct cli_opt builtin[] = {
	{ 'h', "help", NULL, "print this help and exit" },
	{ 'V', "version", NULL, "print the version and exit" },
	{ 0, NULL, NULL, NULL }
};

/* The getopt_long tables, made from one cli's options on first use. */
static const struct cli *made;
static char shortopts[2 * CLI_MAX + 3];
static struct option longopts[CLI_MAX + 1];

static void
make_tables(const struct cli *c)
{
	const struct cli_opt *tabs[2] = { c->opts, builtin };
	size_t ns = 0, nl = 0;

	if (made == c)
		return;
	if (c->in_order)
		shortopts[ns++] = '+';
	shortopts[ns++] = ':';	/* a missing argument returns ':' */
	for (int t = 0; t < 2; t++)
		for (const struct cli_opt *o = tabs[t]; o->val != 0; o++) {
			if (nl >= CLI_MAX)
				errx(2, "cli: too many options");
			if (o->val < 256) {
				shortopts[ns++] = (char)o->val;
				if (o->arg != NULL)
					shortopts[ns++] = ':';
			}
			if (o->name != NULL)
				longopts[nl++] = (struct option){ o->name,
				    o->arg != NULL ? required_argument :
				    no_argument, NULL, o->val };
		}
	shortopts[ns] = '\0';
	longopts[nl] = (struct option){ 0 };
	made = c;
}

void
cli_usage(const struct cli *c, FILE *fp)
{
	for (size_t i = 0; c->synopsis[i] != NULL; i++)
		fprintf(fp, "%s %s %s\n", i == 0 ? "usage:" : "      ",
		    getprogname(), c->synopsis[i]);
}

/* "  -n, --name=NAME   text", the text in a column of its own. */
static void
help_line(FILE *fp, const struct cli_opt *o)
{
	char lhs[64];
	int n;

	if (o->val < 256 && o->name != NULL)
		n = snprintf(lhs, sizeof(lhs), "-%c, --%s", o->val, o->name);
	else if (o->name != NULL)
		n = snprintf(lhs, sizeof(lhs), "    --%s", o->name);
	else
		n = snprintf(lhs, sizeof(lhs), "-%c", o->val);
	if (o->arg != NULL && n > 0 && (size_t)n < sizeof(lhs))
		snprintf(lhs + n, sizeof(lhs) - n, "%s%s",
		    o->name != NULL ? "=" : " ", o->arg);
	fprintf(fp, "  %-24s %s\n", lhs, o->help);
}

static void __attribute__((noreturn))
help(const struct cli *c)
{
	cli_usage(c, stdout);
	fputs("\noptions:\n", stdout);
	for (const struct cli_opt *o = c->opts; o->val != 0; o++)
		help_line(stdout, o);
	for (const struct cli_opt *o = builtin; o->val != 0; o++)
		help_line(stdout, o);
	printf("\nSee %s(1) for more.\n", getprogname());
	cli_exit(0);
}

/* How the user wrote the option getopt just refused or found lacking. */
static const char *
spelled(int argc, char *argv[], int ch)
{
	static char buf[3];
	int i = optind - 1;

	if (i >= 0 && i < argc && strncmp(argv[i], "--", 2) == 0)
		return argv[i];
	buf[0] = '-';
	buf[1] = (char)ch;
	return buf;
}

/*
 * The long options that "--pre" (or "--pre=arg") abbreviates, ", "
 * between them, into buf; how many there are.  getopt_long refuses an
 * abbreviation of several as it refuses an unknown option.
 */
static size_t
expansions(const char *arg, char *buf, size_t size)
{
	size_t len = strcspn(arg + 2, "="), n = 0, used = 0;

	buf[0] = '\0';
	for (const struct option *o = longopts; o->name != NULL; o++) {
		if (strncmp(o->name, arg + 2, len) != 0)
			continue;
		if (used < size)
			used += (size_t)snprintf(buf + used, size - used,
			    "%s--%s", n > 0 ? ", " : "", o->name);
		n++;
	}
	return n;
}

int
cli_getopt(const struct cli *c, int argc, char *argv[])
{
	char names[256];

	int ch;

	make_tables(c);
	opterr = 0;
	switch (ch = getopt_long(argc, argv, shortopts, longopts, NULL)) {
	case 'h':
		help(c);
	case 'V':
		printf("%s %s\n", getprogname(), ptc_version());
		cli_exit(0);
	case ':':
		cli_usage_error(c, "option %s needs an argument",
		    spelled(argc, argv, optopt));
	case '?':
		if (optopt == 0 && optind > 0 && optind <= argc &&
		    strncmp(argv[optind - 1], "--", 2) == 0 &&
		    expansions(argv[optind - 1], names, sizeof(names)) > 1)
			cli_usage_error(c, "option %.*s is ambiguous: %s",
			    (int)strcspn(argv[optind - 1], "="),
			    argv[optind - 1], names);
		if (optopt == 0)
			cli_usage_error(c, "unknown option %s",
			    optind > 0 && optind <= argc ? argv[optind - 1] :
			    "?");
		if (optind > 0 && optind <= argc &&
		    strncmp(argv[optind - 1], "--", 2) == 0)
			cli_usage_error(c, "option %.*s takes no argument",
			    (int)strcspn(argv[optind - 1], "="),
			    argv[optind - 1]);
		cli_usage_error(c, "unknown option %s",
		    spelled(argc, argv, optopt));
	default:
		for (const struct cli_opt *o = c->opts; o->val != 0; o++)
			if (o->val == ch && o->flag != NULL) {
				*o->flag = 1;
				return cli_getopt(c, argc, argv);
			}
		return ch;
	}
}

void
cli_usage_error(const struct cli *c, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	va_start(ap, fmt);
	vwarnx(fmt, ap);
	va_end(ap);
	cli_usage(c, stderr);
	exit(2);
}

void
cli_exit(int rc)
{
	if (fflush(stdout) != 0 || ferror(stdout))
		err(1, "stdout");
	exit(rc);
}
