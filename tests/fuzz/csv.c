/*
 * Fuzz target: the CSV reader (indicator values, task statuses). The
 * input is the whole file as fsio_read_text hands it on. Besides the
 * sanitizers, the target checks what csv.h promises: every row that
 * parsed without error has as many fields as the header, and every field
 * has text and a column.
 */
#include <stdio.h>
#include <stdlib.h>

#include "arena.h"
#include "csv.h"
#include "diag.h"
#include "fuzz.h"

static void check_table(const struct csv_table *t, int ok)
{
	for (size_t r = 0; r < t->count; r++) {
		const struct csv_row *row = &t->rows[r];
		if (ok && row->count != t->rows[0].count) {
			fprintf(stderr, "row %zu has %zu fields, the header %zu\n", r, row->count,
				t->rows[0].count);
			abort();
		}
		for (size_t i = 0; i < row->count; i++)
			if (!row->fields[i] || !row->cols[i] || !row->line) {
				fprintf(stderr, "row %zu field %zu: no text, column or line\n", r, i);
				abort();
			}
	}
	if (t->count && t->rows[0].count && csv_column(t, t->rows[0].fields[0]) != 0) {
		fputs("the first header field is not found as column 0\n", stderr);
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = ARENA_INIT;
	struct diag_list diags = DIAG_LIST_INIT;
	struct csv_table t;
	int ok = csv_parse(&t, &a, (const char *)data, size, "fuzz.csv", &diags) == 0;

	check_table(&t, ok);
	arena_release(&a);
	diag_list_release(&diags);
	return 0;
}
