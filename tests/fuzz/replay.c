/*
 * replay.c: run fuzz inputs through a target's LLVMFuzzerTestOneInput
 * without libFuzzer, so saved crashes and the seed corpus are replayed
 * by `make check` with any compiler (and the sanitizers when built with
 * SANITIZE=1).  Operands are files or directories (every file in them).
 */
#include <dirent.h>
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

static int nrun;

static void
run_file(const char *path)
{
	FILE *fp;
	uint8_t *buf;
	long n;

	if ((fp = fopen(path, "rb")) == NULL)
		err(1, "%s", path);
	if (fseek(fp, 0, SEEK_END) != 0 || (n = ftell(fp)) < 0 ||
	    fseek(fp, 0, SEEK_SET) != 0)
		err(1, "%s", path);
	/* An exact-size copy, so ASan sees any read past the end. */
	if ((buf = malloc(n > 0 ? (size_t)n : 1)) == NULL)
		err(1, "%s", path);
	if (n > 0 && fread(buf, 1, (size_t)n, fp) != (size_t)n)
		err(1, "%s: short read", path);
	fclose(fp);
	LLVMFuzzerTestOneInput(buf, (size_t)n);
	free(buf);
	nrun++;
}

static void
run_path(const char *path)
{
	struct dirent **ents;
	struct stat st;
	char sub[4096];
	int i, n;

	if (stat(path, &st) != 0)
		err(1, "%s", path);
	if (!S_ISDIR(st.st_mode)) {
		run_file(path);
		return;
	}
	if ((n = scandir(path, &ents, NULL, alphasort)) < 0)
		err(1, "%s", path);
	for (i = 0; i < n; i++) {
		if (ents[i]->d_name[0] != '.') {
			snprintf(sub, sizeof(sub), "%s/%s", path,
			    ents[i]->d_name);
			run_path(sub);
		}
		free(ents[i]);
	}
	free(ents);
}

int
main(int argc, char *argv[])
{
	int i;

	for (i = 1; i < argc; i++)
		run_path(argv[i]);
	printf("%d inputs\n", nrun);
	return 0;
}
