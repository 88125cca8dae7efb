#ifndef POLICYSITE_FSIO_H
#define POLICYSITE_FSIO_H

#include <stddef.h>

#include "diag.h"
#include "strbuf.h"

/*
 * File system access. Functions return 0 on success and -1 on failure;
 * those that take a diag_list record why, the others leave errno set.
 */

/* Read `path` as UTF-8 text into `out`: a BOM is dropped, CRLF and lone CR
 * become LF. Any other encoding is an error naming the likely encoding. */
int fsio_read_text(const char *path, struct strbuf *out, struct diag_list *diags);

/* Read a file as bytes. */
int fsio_read_file(const char *path, struct strbuf *out);

/* Create `path` and its missing parents. */
int fsio_mkdirs(const char *path);

/* Write `len` bytes to `path`, creating parent folders. */
int fsio_write_file(const char *path, const void *data, size_t len);

/* Remove a folder and everything below it (no symlink is followed). */
int fsio_remove_tree(const char *path);

/* The names in folder `path` (no . and ..) sorted bytewise; the caller frees
 * each name and the array. Returns the count, or -1. */
int fsio_list_dir(const char *path, char ***names);

int fsio_is_dir(const char *path);
int fsio_is_file(const char *path);

#endif
