#ifndef POLICYSITE_FSIO_H
#define POLICYSITE_FSIO_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "strbuf.h"

/*
 * File system access. Functions return 0 on success and -1 on failure;
 * those that take a diag_list record why, the others leave errno set.
 */

/* Read content file `path` as UTF-8 text into `out`: a BOM is dropped, CRLF
 * and lone CR become LF. It must be a regular file of at most
 * LIMIT_FILE_BYTES (limits.h), checked before reading; any other encoding
 * is an error naming the likely encoding, and an invalid byte is reported
 * at its line and column. */
int fsio_read_text(const char *path, struct strbuf *out, struct diag_list *diags);

/* The reading part of fsio_read_text, the bytes as they are, with its
 * diagnostics. */
int fsio_read_content(const char *path, struct strbuf *out, struct diag_list *diags);

/* The checking part, for the bytes of `path` already read into `text`,
 * which become the text in place (a file too large is refused too). */
int fsio_check_text(const char *path, struct strbuf *text, struct diag_list *diags);

/* Files already read, by path, each with the hash of its bytes
 * (hash_content from HASH_FNV64_INIT): the documents the hash of a build's
 * inputs read (uptodate_inputs), handed to the model so that each is read
 * once, and the bytes hashed are the bytes built. */
struct fsio_file {
	char *path;
	struct strbuf bytes;
	uint64_t hash;
	int taken;
};

struct fsio_files {
	struct fsio_file *items;	/* in the order added */
	size_t count, alloc;
};

#define FSIO_FILES_INIT { NULL, 0, 0 }

/* Add `path`, taking the bytes of `bytes`, which is left empty. */
void fsio_files_add(struct fsio_files *f, const char *path, struct strbuf *bytes, uint64_t hash);
/* Move the bytes of `path` into `bytes` (empty) and give their hash: 1 if
 * it is there and was not taken, else 0. Paths must have been added in
 * strcmp order. */
int fsio_files_take(struct fsio_files *f, const char *path, struct strbuf *bytes,
		    uint64_t *hash);
void fsio_files_release(struct fsio_files *f);

/* Read regular file `path` as bytes, if it has at most `max` bytes. On
 * failure errno is EFBIG for a larger file and EINVAL for a folder, FIFO
 * or device (opening one never blocks, and nothing is read from it). */
int fsio_read_regular(const char *path, size_t max, struct strbuf *out);

/* Read regular file `path` as bytes, whatever its size (templates, assets). */
int fsio_read_file(const char *path, struct strbuf *out);

/*
 * Check that everything under the folder `root` stays inside it: each
 * entry must be a regular file or a folder, or a symbolic link that
 * resolves to one inside `root`. A link out of the folder (to /etc/passwd,
 * to ../../README.md), a link to nothing, a FIFO, socket or device are each
 * an error, so content committed by anyone cannot make a build read, quote
 * or publish a file from elsewhere on the machine. Returns 0, or -1 after
 * recording every refused entry.
 */
int fsio_check_tree(const char *root, struct diag_list *diags);

/* Create `path` and its missing parents. */
int fsio_mkdirs(const char *path);

/* Write `len` bytes to `path`, creating parent folders. */
int fsio_write_file(const char *path, const void *data, size_t len);

/* Write `len` bytes to a new file `path`, creating parent folders; a file
 * already there is replaced by the new one, never written into: it may be
 * a hard link to a file of the published site (see output_write). */
int fsio_write_new(const char *path, const void *data, size_t len);

/* Whether the regular file at `path` (not a symbolic link) holds exactly
 * the `len` bytes of `data`. */
int fsio_same_content(const char *path, const void *data, size_t len);

/* A hard link `path` to the file `from`, creating the folders it needs;
 * 0, or -1 with errno set. */
int fsio_link(const char *from, const char *path);

/* Remove a folder and everything below it (no symlink is followed). */
int fsio_remove_tree(const char *path);

/* The names in folder `path` (no . and ..) sorted bytewise; the caller frees
 * each name and the array. Returns the count, or -1. */
int fsio_list_dir(const char *path, char ***names);
/* The same for the folder open as `fd`, which stays open. */
int fsio_list_fd(int fd, char ***names);

int fsio_is_dir(const char *path);
int fsio_is_file(const char *path);

#endif
