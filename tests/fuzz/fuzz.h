#ifndef POLICYSITE_FUZZ_H
#define POLICYSITE_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "strbuf.h"

/*
 * Fuzz targets: each tests/fuzz/<target>.c defines the libFuzzer entry
 * point below and calls the generator's real parsers through their public
 * headers. The same file links either with libFuzzer (clang, `make fuzz`)
 * or with tests/fuzz/replay.c (gcc, `make test`), which feeds it every
 * file of the corpus and regression folders.
 *
 * An entry point must free everything it allocates: leak detection is on.
 * `data` is exactly `size` bytes and not NUL-terminated, so a parser that
 * reads past its input is caught.
 */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * For readers that only take a path: a scratch folder for this process,
 * made on first use under $TMPDIR (or /tmp) and removed at exit. Sets
 * `out` to "<folder>/<name>"; `name` may hold '/' (folders are made when
 * a file is written).
 */
void fuzz_scratch_path(struct strbuf *out, const char *name);

/* Write `size` bytes to `path`, making its folder; aborts on failure,
 * since a target cannot go on without its input file. */
void fuzz_write_file(const char *path, const void *data, size_t size);

#endif
