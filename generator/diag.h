#ifndef POLICYSITE_DIAG_H
#define POLICYSITE_DIAG_H

#include <stddef.h>
#include <stdio.h>

/*
 * Diagnostics are collected while the build runs and printed once, sorted,
 * in the GCC form `file:line:col: error: message`. Lines and columns are
 * 1-based; a column counts characters (code points), not bytes. A line or
 * column of 0 means "unknown" and is left out of the printed location.
 */
enum diag_severity {
	DIAG_ERROR,
	DIAG_WARNING,
};

struct diag {
	char *file;
	unsigned line, col;
	enum diag_severity severity;
	char *message;
	size_t seq;	/* order of recording, the final sort key */
};

struct diag_list {
	struct diag *items;
	size_t count, alloc;
	size_t errors, warnings;
	int werror;	/* record warnings as errors (--werror) */
};

#define DIAG_LIST_INIT { NULL, 0, 0, 0, 0, 0 }

void diag_list_release(struct diag_list *list);

/* Record an error and return -1, so callers can `return diag_error(...)`. */
int diag_error(struct diag_list *list, const char *file, unsigned line, unsigned col,
	       const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void diag_warning(struct diag_list *list, const char *file, unsigned line, unsigned col,
		  const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Sort and print every diagnostic, then a summary line when there are any. */
void diag_print(struct diag_list *list, FILE *out);

/* The 1-based character column of byte offset `off` in `line`. */
unsigned diag_column(const char *line, size_t off);

#endif
