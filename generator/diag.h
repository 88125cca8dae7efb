#ifndef POLICYSITE_DIAG_H
#define POLICYSITE_DIAG_H

#include <stddef.h>
#include <stdint.h>
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

/* Record every diagnostic of `from` in `list`, in the order `from` has
 * them, as they are (a warning stays one whatever `list->werror`). */
void diag_list_append(struct diag_list *list, const struct diag_list *from);

/*
 * Sort and print every diagnostic, then a summary line when there are any.
 * A diagnostic with a line is followed, as GCC does, by that line of its
 * file and a caret under the column:
 *
 *     content/policies/a.md:4:7: error: bad date "2025-02-30": no such day in that month
 *         4 | date: 2025-02-30
 *           |       ^
 *
 * Each file is read once, when its first diagnostic is printed, the way
 * the readers saw it (BOM dropped; LF, CRLF and lone CR end lines). There
 * is no quote when the file cannot be read, holds NUL bytes (UTF-16, not
 * text), or has no such line. The caret is placed by display width: wide
 * (CJK) characters take two columns, a tab runs to the next multiple of 8,
 * control characters show as '?' and invalid bytes as U+FFFD. A line
 * wider than DIAG_QUOTE_WIDTH columns is cut around the caret, with …
 * where text was left out.
 */
#define DIAG_QUOTE_WIDTH 100

void diag_print(struct diag_list *list, FILE *out);

/* Columns that code point `cp` takes in a terminal: 2 for East Asian Wide
 * and Fullwidth characters, 0 for combining marks, else 1 (without the
 * locale, unlike wcwidth). Control characters are the caller's business. */
unsigned diag_char_width(int32_t cp);

/* The 1-based character column of byte offset `off` in `line`. */
unsigned diag_column(const char *line, size_t off);

#endif
