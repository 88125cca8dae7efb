#ifndef POLICYSITE_COMPRESS_H
#define POLICYSITE_COMPRESS_H

#include <stddef.h>

#include "strbuf.h"

/*
 * Pre-compressed copies of text files, for servers that send `X.gz` or
 * `X.br` in place of `X` to clients that accept it (nginx gzip_static and
 * brotli_static). Both are byte-identical for the same input: the gzip
 * header carries no name and a zero time.
 */

/* Files this size or larger are worth compressing (smaller ones gain too
 * little over the response headers). */
#define COMPRESS_MIN_SIZE 1024

/* Whether `path` (by its extension) is a text file worth compressing. */
int compress_wanted(const char *path, size_t len);

/* libdeflate levels. For the copies of pages and data files, 6: on the
 * 189 MB of text files of a 1,000-document site it takes 1.3 s and gives
 * 41.2 MB, level 9 2.2 s and 40.8 MB (zlib's 6 took 2.8 s for 41.4 MB).
 * For the search index's many small files, 4: on the 306 MB of a
 * 5,000-document index, 2.6 s for 105.8 MB against level 6's 4.0 s and
 * 104.3 MB. */
#define COMPRESS_GZIP_COPIES 6
#define COMPRESS_GZIP_INDEX 4

/* Append the gzip (RFC 1952, libdeflate `level`) or Brotli (RFC 7932) form
 * of `data` to `out`; -1 if the library fails. */
int compress_gzip(const void *data, size_t len, int level, struct strbuf *out);
int compress_brotli(const void *data, size_t len, struct strbuf *out);

/* The libraries' versions and the settings above, one line each: files
 * compressed under the same description are the same bytes. */
void compress_describe(struct strbuf *out);

#endif
