#include "csv.h"

#include <string.h>

#include "limit.h"
#include "strbuf.h"

struct csv_reader {
	const char *text;
	size_t len, pos;
	size_t line_start;	/* offset of the current line's first byte */
	unsigned line;
};

/* Read one field at the reader's position into `out`; returns the
 * character that ended it: ',', '\n', or 0 at the end of the text, and -1
 * for an unclosed quote. */
static int read_field(struct csv_reader *r, struct strbuf *out, unsigned *quote_line)
{
	strbuf_reset(out);
	if (r->pos < r->len && r->text[r->pos] == '"') {
		*quote_line = r->line;
		r->pos++;
		for (;;) {
			if (r->pos >= r->len)
				return -1;
			char c = r->text[r->pos++];
			if (c == '"') {
				if (r->pos < r->len && r->text[r->pos] == '"') {
					strbuf_addch(out, '"');
					r->pos++;
					continue;
				}
				break;
			}
			if (c == '\n') {
				r->line++;
				r->line_start = r->pos;
			}
			strbuf_addch(out, c);
		}
	}
	while (r->pos < r->len && r->text[r->pos] != ',' && r->text[r->pos] != '\n')
		strbuf_addch(out, r->text[r->pos++]);
	if (r->pos >= r->len)
		return 0;
	return r->text[r->pos++];
}

static void push_field(struct arena *a, struct csv_row *row, size_t *alloc, const struct strbuf *f,
		       unsigned col)
{
	size_t count = row->count, cap = *alloc;
	const char **slot = ARENA_PUSH(a, row->fields, row->count, *alloc);
	unsigned *c = ARENA_PUSH(a, row->cols, count, cap);

	*slot = arena_strndup(a, f->buf, f->len);
	*c = col;
}

int csv_parse(struct csv_table *t, struct arena *a, const char *text, size_t len,
	      const char *path, struct diag_list *diags)
{
	struct csv_reader r = { text, len, 0, 0, 1 };
	struct strbuf field = STRBUF_INIT;
	size_t cells = 0, col_at = 0;
	unsigned col = 1;	/* the column at byte col_at */
	int ret = 0;

	memset(t, 0, sizeof(*t));
	while (r.pos < r.len) {
		struct csv_row *row = ARENA_PUSH(a, t->rows, t->count, t->alloc);
		size_t alloc = 0;
		unsigned quote_line = 0;
		int end;
		row->line = r.line;
		do {
			/* Columns are counted on from the previous field, not from
			 * the line's start: a long line of many fields stays linear. */
			if (col_at < r.line_start) {
				col_at = r.line_start;
				col = 1;
			}
			col += diag_column(r.text + col_at, r.pos - col_at) - 1;
			col_at = r.pos;
			end = read_field(&r, &field, &quote_line);
			if (end < 0) {
				ret = diag_error(diags, path, quote_line, col,
						 "quoted field is not closed; add the closing '\"'");
				goto out;
			}
			push_field(a, row, &alloc, &field, col);
			/* Checked field by field, so that one huge row stops early. */
			if (cells + row->count > LIMIT_TABLE_CELLS) {
				ret = diag_error(diags, path, row->line, 1,
						 "the file has more than %d cells (rows times columns), "
						 "the limit; split it", LIMIT_TABLE_CELLS);
				goto out;
			}
		} while (end == ',');
		r.line++;
		r.line_start = r.pos;
		if (row->count == 1 && !*row->fields[0]) {
			t->count--;	/* a blank line */
			continue;
		}
		if (t->count > 1 && row->count != t->rows[0].count)
			ret = diag_error(diags, path, row->line, 1,
					 "row has %zu fields, but the header has %zu", row->count,
					 t->rows[0].count);
		cells += row->count;
	}
out:
	strbuf_release(&field);
	return ret;
}

int csv_column(const struct csv_table *t, const char *name)
{
	if (!t->count)
		return -1;
	for (size_t i = 0; i < t->rows[0].count; i++)
		if (!strcmp(t->rows[0].fields[i], name))
			return (int)i;
	return -1;
}
