#ifndef POLICYSITE_CSV_H
#define POLICYSITE_CSV_H

#include <stddef.h>

#include "arena.h"
#include "diag.h"

/*
 * CSV as RFC 4180 writes it: comma-separated, fields optionally quoted
 * with '"', a quote inside a quoted field doubled, line breaks allowed
 * inside quotes, CRLF or LF rows, a UTF-8 BOM ignored (fsio_read_text
 * has already dropped it and normalised line ends).
 */
struct csv_row {
	const char **fields;
	unsigned *cols;		/* the 1-based character column where each field starts */
	size_t count;
	unsigned line;		/* where the row starts */
};

struct csv_table {
	struct csv_row *rows;	/* the header is rows[0] */
	size_t count, alloc;
};

/* Parse `text`; every row must have as many fields as the header. Returns
 * 0, or -1 after recording diagnostics (all of them). */
int csv_parse(struct csv_table *t, struct arena *a, const char *text, size_t len,
	      const char *path, struct diag_list *diags);

/* The index of column `name` in the header, or -1. */
int csv_column(const struct csv_table *t, const char *name);

#endif
