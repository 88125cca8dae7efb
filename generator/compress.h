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

/* zlib levels, measured on a 1,000-document site: for the copies of pages
 * and data files, 6 (0.8 % larger than 9, a fifth faster); for the search
 * index's many files, 4 (2 % larger than 9, eight times faster). */
#define COMPRESS_GZIP_COPIES 6
#define COMPRESS_GZIP_FAST 4

/* Append the gzip (RFC 1952, zlib `level`) or Brotli (RFC 7932) form of
 * `data` to `out`; -1 if the library fails. */
int compress_gzip(const void *data, size_t len, int level, struct strbuf *out);
int compress_brotli(const void *data, size_t len, struct strbuf *out);

/* The libraries' versions and the settings above, one line each: files
 * compressed under the same description are the same bytes. */
void compress_describe(struct strbuf *out);

#endif
