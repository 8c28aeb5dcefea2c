/*
 * cli: the command-line conventions every ptools program shares.
 *
 * A tool describes its options once, in a table; cli_getopt() then
 * parses short and long forms, answers -h/--help (usage plus one line
 * per option, on stdout, exit 0) and -V/--version itself, and turns an
 * unknown option or a missing argument into a usage error (message,
 * usage on stderr, exit 2).  cli_exit() checks that stdout was written
 * before a tool exits 0.
 */
#ifndef PTOOLS_CLI_H
#define PTOOLS_CLI_H

#include <stdio.h>

/* One option.  val is what cli_getopt returns for it: the short letter,
 * or a value of 256 and up for an option that has only a long form. */
struct cli_opt {
	int	    val;
	const char *name;	/* long form, without "--"; NULL for none */
	const char *arg;	/* argument's name in --help; NULL: takes none */
	const char *help;	/* one line for --help */
	int	   *flag;	/* set to 1 by the option, which cli_getopt
				 * then does not return; NULL for none */
};

struct cli {
	const char *const *synopsis; /* usage lines, NULL-ended, without the
				      * program name: "[-j] pid addr" */
	const struct cli_opt *opts;  /* ended by an entry with val 0 */
	int	    in_order;	     /* stop at the first operand (getopt '+') */
};

/* The next option, as getopt(3) returns it (optarg set), or -1 at the
 * first operand or "--".  -h, --help, -V and --version are handled
 * here and never returned. */
int	cli_getopt(const struct cli *, int argc, char *argv[]);

/* The usage lines, "usage: PROG ..." then "       PROG ...", to fp. */
void	cli_usage(const struct cli *, FILE *fp);

/* "PROG: MESSAGE", the usage on stderr, exit 2. */
void	cli_usage_error(const struct cli *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3), noreturn));

/* Flush stdout, exit 1 with "PROG: stdout: REASON" if any write to it
 * failed, else exit rc. */
void	cli_exit(int rc) __attribute__((noreturn));

#endif
