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

/* Append the gzip (RFC 1952) or Brotli (RFC 7932) form of `data` to `out`;
 * -1 if the library fails. */
int compress_gzip(const void *data, size_t len, struct strbuf *out);
int compress_brotli(const void *data, size_t len, struct strbuf *out);

#endif
