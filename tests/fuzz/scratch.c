/* The scratch folder of fuzz.h. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "fsio.h"
#include "fuzz.h"

/* libFuzzer calls the entry point with nothing but the input, so the
 * folder made on the first call has to outlive it: the one mutable
 * global of the fuzz targets. */
static char *scratch_dir;

static void remove_scratch(void)
{
	fsio_remove_tree(scratch_dir);
	free(scratch_dir);
	scratch_dir = NULL;
}

void fuzz_scratch_path(struct strbuf *out, const char *name)
{
	if (!scratch_dir) {
		const char *tmp = getenv("TMPDIR");
		struct strbuf dir = STRBUF_INIT;
		strbuf_addf(&dir, "%s/policysite-fuzz-XXXXXX", tmp && *tmp ? tmp : "/tmp");
		if (!mkdtemp(dir.buf)) {
			perror("fuzz: cannot make a scratch folder");
			abort();
		}
		scratch_dir = strbuf_detach(&dir, NULL);
		atexit(remove_scratch);
	}
	strbuf_reset(out);
	strbuf_addf(out, "%s/%s", scratch_dir, name);
}

void fuzz_write_file(const char *path, const void *data, size_t size)
{
	/* A new file rather than a truncated one: ext4 flushes a file that is
	 * truncated and rewritten when it is closed, which costs milliseconds
	 * an input. */
	unlink(path);
	if (fsio_write_file(path, data, size) < 0) {
		perror(path);
		abort();
	}
}
