/*
 * Replays fuzz inputs without libFuzzer: every file named on the command
 * line, and every file of every folder named (in name order), goes to
 * LLVMFuzzerTestOneInput once, in a buffer of exactly its size. Built with
 * gcc and the sanitizers, so `make test` checks the corpora and the
 * regression inputs; a finding aborts with the sanitizer's report.
 *
 * An input that takes more than REPLAY_MAX_SECONDS fails too: libFuzzer
 * runs with -timeout=5, and the limit here leaves room for a busy machine.
 *
 * usage: replay DIR|FILE...
 * Prints "N inputs" on stdout, and each input's path on stderr before it
 * runs, so the last one named is the one that failed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fsio.h"
#include "fuzz.h"
#include "strbuf.h"
#include "xalloc.h"

#define REPLAY_MAX_SECONDS 10

static double seconds_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int replay_file(const char *path)
{
	struct strbuf text = STRBUF_INIT;
	unsigned char *data;
	double start, took;

	if (fsio_read_file(path, &text) < 0) {
		perror(path);
		strbuf_release(&text);
		return -1;
	}
	fprintf(stderr, "replaying %s\n", path);
	/* A copy of exactly the input's size: strbuf's spare room and NUL
	 * would hide a read past the end. */
	data = xmalloc(text.len);
	memcpy(data, text.buf, text.len);
	start = seconds_now();
	LLVMFuzzerTestOneInput(data, text.len);
	took = seconds_now() - start;
	free(data);
	strbuf_release(&text);
	if (took > REPLAY_MAX_SECONDS) {
		fprintf(stderr, "%s took %.1f s, more than %d s\n", path, took, REPLAY_MAX_SECONDS);
		return -1;
	}
	return 0;
}

static int replay_dir(const char *dir, size_t *count)
{
	char **names;
	int n = fsio_list_dir(dir, &names), ret = 0;

	if (n < 0) {
		perror(dir);
		return -1;
	}
	for (int i = 0; i < n; i++) {
		struct strbuf path = STRBUF_INIT;
		strbuf_addf(&path, "%s/%s", dir, names[i]);
		if (fsio_is_file(path.buf)) {
			if (replay_file(path.buf) < 0)
				ret = -1;
			else
				(*count)++;
		}
		strbuf_release(&path);
		free(names[i]);
	}
	free(names);
	return ret;
}

int main(int argc, char **argv)
{
	size_t count = 0;
	int ret = 0;

	if (argc < 2) {
		fputs("usage: replay DIR|FILE...\n", stderr);
		return 2;
	}
	for (int i = 1; i < argc; i++) {
		if (fsio_is_dir(argv[i])) {
			if (replay_dir(argv[i], &count) < 0)
				ret = 1;
		} else if (replay_file(argv[i]) < 0) {
			ret = 1;
		} else {
			count++;
		}
	}
	printf("%zu inputs\n", count);
	return ret;
}
