#include "importtable.h"

#include <string.h>

#include "document.h"
#include "importtext.h"
#include "strbuf.h"
#include "utf8.h"

static const char *const header_words[] = {
	"序号", "编号", "领域", "类别", "分类", "指标", "指标名称", "主要指标", "指标类别",
	"单位", "计量单位", "属性", "性质", "指标性质", "指标属性", "责任单位", "牵头单位",
	"配合单位", "责任部门", "牵头部门", "完成时限", "时间节点", "完成时间", "工作任务",
	"重点任务", "主要任务", "任务", "主要目标要求", "目标要求", "主要目标", "细化措施",
	"具体措施", "工作措施", "主要内容", "工作进展", "进展情况", "备注", "规划目标",
	"目标值", "现状", "基数", "目标", "指标值", NULL,
};

/* Columns whose blank cells continue the cell above (merged cells). */
static const char *const group_words[] = {
	"领域", "类别", "分类", "指标类别", "工作任务", "重点任务", "主要任务", NULL,
};

static int in_list(const char *text, const char *const *list)
{
	for (const char *const *w = list; *w; w++)
		if (!strcmp(text, *w))
			return 1;
	return 0;
}

/* 2020年, 2025年目标, 2020年基数, 2020年区现状: a year and a few characters. */
static int is_year_column(const char *text)
{
	size_t len = strlen(text), pos = 4;
	int han = 0;

	for (int i = 0; i < 4; i++)
		if (text[i] < '0' || text[i] > '9')
			return 0;
	if (strncmp(text + 4, "年", strlen("年")))
		return 0;
	pos += strlen("年");
	while (pos < len) {
		if (!importdoc_is_han(utf8_next(text, len, &pos)) || ++han > 4)
			return 0;
	}
	return 1;
}

int importtable_is_header_word(const char *text)
{
	return in_list(text, header_words) || is_year_column(text);
}

/* ---- building tables ---- */

/* No policy table is wider; a line of thousands of tabs is not a header. */
#define HEADER_MAX_COLUMNS 64

/* The most lines one cell of a table printed a cell a line may take. */
#define CELL_MAX_LINES 8

struct rows {
	size_t ncols;
	const char **cells;
	size_t ncells, acells;
	unsigned *lines;
	size_t nrows, alines;
};

static void add_row(struct import_doc *doc, struct rows *r, const char *const *cells,
		    unsigned line)
{
	for (size_t c = 0; c < r->ncols; c++) {
		const char **slot = ARENA_PUSH(doc->a, r->cells, r->ncells, r->acells);
		*slot = arena_strdup(doc->a, cells[c] ? cells[c] : "");
	}
	unsigned *l = ARENA_PUSH(doc->a, r->lines, r->nrows, r->alines);
	*l = line;
}

static int32_t first_cp(const char *text)
{
	size_t pos = 0;

	return utf8_next(text, strlen(text), &pos);
}

static struct import_block *emit_table(struct import_doc *doc, struct rows *r)
{
	struct import_block *b = importdoc_push(doc, IMPORT_TABLE, r->lines[0]);
	struct import_table *t = arena_calloc(doc->a, 1, sizeof(*t));

	t->ncols = r->ncols;
	t->nrows = r->nrows;
	t->cells = r->cells;
	b->table = t;
	b->end_line = r->lines[r->nrows - 1];
	return b;
}

/* Blank cells of a grouping column continue the cell above. Two short
 * neighbours there are more likely one merged cell printed across two
 * rows (健康 / 生活), which needs a human. */
static void fill_merged(struct import_doc *doc, struct rows *r)
{
	for (size_t c = 0; c < r->ncols; c++) {
		if (!in_list(r->cells[c], group_words))
			continue;
		const char *above = "";
		size_t short_run = 0;
		for (size_t row = 1; row < r->nrows; row++) {
			const char **cell = &r->cells[row * r->ncols + c];
			if (!**cell) {
				*cell = above;
				short_run = 0;
				continue;
			}
			if (importdoc_width(*cell) <= 4 && ++short_run == 2 &&
			    r->lines[row] == r->lines[row - 1] + 1)
				importdoc_warn(doc, r->lines[row - 1],
					       "%s cells \"%s\" and \"%s\" of two rows look like one "
					       "merged cell (\"%s%s\") printed across both; left as printed",
					       r->cells[c], above, *cell, above, *cell);
			else if (importdoc_width(*cell) > 4)
				short_run = 0;
			above = *cell;
		}
	}
}

/* ---- tab-separated rows ---- */

/* Split the raw line at tabs and close up each cell. */
static size_t split_tabs(struct import_doc *doc, const char *raw, const char ***cells)
{
	struct strbuf cell = STRBUF_INIT, closed = STRBUF_INIT;
	size_t n = 1, k = 0;

	for (const char *p = raw; *p; p++)
		n += *p == '\t';
	*cells = arena_calloc(doc->a, n, sizeof(**cells));
	for (const char *p = raw;; p++) {
		if (*p == '\t' || !*p) {
			importtext_close_up(cell.buf, &closed);
			(*cells)[k++] = arena_strndup(doc->a, closed.buf, closed.len);
			strbuf_reset(&cell);
			if (!*p)
				break;
		} else {
			strbuf_addch(&cell, *p);
		}
	}
	strbuf_release(&cell);
	strbuf_release(&closed);
	return n;
}

static int is_tab_header(const char *const *cells, size_t n)
{
	size_t filled = 0, words = 0;

	for (size_t c = 0; c < n; c++) {
		if (!*cells[c])
			continue;
		filled++;
		words += importtable_is_header_word(cells[c]);
	}
	return n <= HEADER_MAX_COLUMNS && filled >= 3 && words >= 2 && words * 2 >= filled;
}

static int same_cells(const char *const *a, const char *const *b, size_t n)
{
	for (size_t c = 0; c < n; c++)
		if (strcmp(a[c], b[c]))
			return 0;
	return 1;
}

/* A table of tab-separated rows with its header at line `h`; the index
 * after it. */
static size_t tab_rows(struct import_doc *doc, size_t h, const char **header, size_t ncols)
{
	struct rows r = { .ncols = ncols };
	const char **cells;
	size_t i = h, end = h + 1;

	add_row(doc, &r, header, doc->lines[h].no);
	doc->lines[h].use = IMPORT_LINE_USED;
	while ((i = importdoc_next(doc, i)) < doc->nlines) {
		struct import_line *l = &doc->lines[i];
		if (!l->tabbed || l->use != IMPORT_LINE_TEXT)
			break;
		size_t n = split_tabs(doc, l->raw, &cells);
		if (n == ncols && same_cells(cells, header, ncols)) {
			importdoc_remove(doc, i, "repeated table header");
			end = i + 1;
			continue;
		}
		if (n != ncols) {
			importdoc_warn(doc, l->no,
				       "a table row of %zu cells under a header of %zu: the table "
				       "ends before it and the row is kept as text", n, ncols);
			break;
		}
		add_row(doc, &r, cells, l->no);
		l->use = IMPORT_LINE_USED;
		end = i + 1;
	}
	if (r.nrows < 2) {
		doc->lines[h].use = IMPORT_LINE_TEXT;
		importdoc_warn(doc, doc->lines[h].no,
			       "a table header without rows: kept as text");
		return h + 1;
	}
	fill_merged(doc, &r);
	emit_table(doc, &r);
	return end;
}

/* ---- header rows printed over several lines ---- */

#define HEADER_MAX_LINES 12
#define HEADER_MAX_TOKENS 24
#define HEADER_TOKEN_MAX_COLUMNS 16

struct header {
	const char *cols[HEADER_MAX_TOKENS];
	size_t ncols;
	size_t end;		/* index after the header's last line */
	int tabbed;		/* its lines start with a tab: cells one a line */
};

#define HEADER_MAX_MERGE 4

/* Segment `tokens` into header words, each made of up to `merge` tokens
 * (a column name printed over two lines is two tokens), into `cols`; the
 * segmentation with the most columns wins. The count of columns, or 0
 * when the tokens do not segment. */
static size_t segment(struct import_doc *doc, char **tokens, size_t n, size_t merge,
		      const char **cols)
{
	/* best[i]: most columns for tokens[i..n), -1 when impossible. */
	int best[HEADER_MAX_TOKENS + 1];
	size_t take[HEADER_MAX_TOKENS + 1];
	struct strbuf w = STRBUF_INIT;
	size_t ncols = 0;

	best[n] = 0;
	for (size_t i = n; i-- > 0;) {
		best[i] = -1;
		strbuf_reset(&w);
		for (size_t k = i; k < n && k - i < merge; k++) {
			strbuf_adds(&w, tokens[k]);
			if (best[k + 1] >= 0 && importtable_is_header_word(w.buf) &&
			    best[k + 1] + 1 > best[i]) {
				best[i] = best[k + 1] + 1;
				take[i] = k + 1 - i;
			}
		}
	}
	for (size_t i = 0; best[0] > 0 && i < n; i += take[i]) {
		strbuf_reset(&w);
		for (size_t k = i; k < i + take[i]; k++)
			strbuf_adds(&w, tokens[k]);
		cols[ncols++] = arena_strdup(doc->a, w.buf);
	}
	strbuf_release(&w);
	return ncols;
}

/* Whether a header row can start with line `text`: its first word opens
 * a column name. This keeps the search cheap on running text. */
static int may_open_header(const char *text)
{
	const char *sp = strchr(text, ' ');
	size_t n = sp ? (size_t)(sp - text) : strlen(text);

	if (!n || n > 24)
		return 0;
	if (text[0] >= '0' && text[0] <= '9')
		return n >= 4;
	for (const char *const *w = header_words; *w; w++)
		if (!strncmp(*w, text, n) || !strncmp(*w, text, strlen(*w)))
			return 1;
	return 0;
}

/* The header row starting at line `i`, printed a cell (or a part of one)
 * a line, or several cells to a line separated by spaces; 0 if none. */
static size_t read_header(struct import_doc *doc, size_t i, struct header *h)
{
	char *tokens[HEADER_MAX_TOKENS];
	size_t ntok = 0, best = 0;
	struct strbuf closed = STRBUF_INIT;

	h->ncols = 0;
	h->tabbed = doc->lines[i].raw[0] == '\t';
	if (!may_open_header(doc->lines[i].text))
		return 0;
	for (size_t k = i, nlines = 0; k < doc->nlines && nlines < HEADER_MAX_LINES;
	     k = importdoc_next(doc, k), nlines++) {
		const struct import_line *l = &doc->lines[k];
		if (l->use != IMPORT_LINE_TEXT || l->width > 60 ||
		    (l->raw[0] == '\t') != h->tabbed || (h->tabbed && strchr(l->raw + 1, '\t')))
			break;
		const char *p = l->raw;
		int fits = 1;
		while (*p && fits) {
			while (*p == ' ' || *p == '\t')
				p++;
			const char *e = p;
			while (*e && *e != ' ' && *e != '\t')
				e++;
			if (e == p)
				break;
			if (ntok == HEADER_MAX_TOKENS) {
				fits = 0;
				break;
			}
			struct strbuf t = STRBUF_INIT;
			strbuf_add(&t, p, (size_t)(e - p));
			importtext_close_up(t.buf, &closed);
			strbuf_release(&t);
			if (importdoc_width(closed.buf) > HEADER_TOKEN_MAX_COLUMNS)
				fits = 0;
			else
				tokens[ntok++] = arena_strdup(doc->a, closed.buf);
			p = e;
		}
		if (!fits)
			break;
		const char *cols[HEADER_MAX_TOKENS];
		size_t n = segment(doc, tokens, ntok, h->tabbed ? 1 : HEADER_MAX_MERGE, cols);
		if (n >= 3) {
			memcpy(h->cols, cols, n * sizeof(*cols));
			h->ncols = n;
			h->end = k + 1;
			best = n;
		} else if (!n && best) {
			break;
		}
	}
	strbuf_release(&closed);
	return best;
}

static int same_header(const struct header *a, const struct header *b)
{
	if (a->ncols != b->ncols)
		return 0;
	for (size_t c = 0; c < a->ncols; c++)
		if (strcmp(a->cols[c], b->cols[c]))
			return 0;
	return 1;
}

static void mark_range(struct import_doc *doc, size_t from, size_t end, const char *why)
{
	for (size_t k = from; k < end; k++) {
		if (doc->lines[k].blank || doc->lines[k].use == IMPORT_LINE_REMOVED)
			continue;
		if (why)
			importdoc_remove(doc, k, why);
		else
			doc->lines[k].use = IMPORT_LINE_USED;
	}
}

/* ---- one cell a line ---- */

static size_t cell_rows(struct import_doc *doc, size_t first, const struct header *h)
{
	struct rows r = { .ncols = h->ncols };
	const char **row = arena_calloc(doc->a, h->ncols, sizeof(*row));
	size_t ncells = 0, i = h->end - 1, row_start = 0, end = h->end;
	unsigned row_line = 0, continued = 0;
	struct header again;

	add_row(doc, &r, h->cols, doc->lines[first].no);
	mark_range(doc, first, h->end, NULL);
	while ((i = importdoc_next(doc, i)) < doc->nlines) {
		struct import_line *l = &doc->lines[i];
		if (l->use != IMPORT_LINE_TEXT)
			break;
		if (!ncells && l->raw[0] == '\t' && read_header(doc, i, &again) &&
		    same_header(&again, h)) {
			mark_range(doc, i, again.end, "repeated table header");
			i = again.end - 1;
			end = again.end;
			continue;
		}
		if (l->raw[0] == '\t') {
			continued = 0;
			if (!ncells) {
				row_start = i;
				row_line = l->no;
			}
			row[ncells++] = l->text;
		} else if (ncells && continued++ < CELL_MAX_LINES) {
			row[ncells - 1] = arena_strfmt(doc->a, "%s%s", row[ncells - 1], l->text);
		} else {
			break;
		}
		if (ncells == h->ncols) {
			add_row(doc, &r, row, row_line);
			mark_range(doc, row_start, i + 1, NULL);
			end = i + 1;
			ncells = 0;
		}
	}
	if (ncells)
		importdoc_warn(doc, row_line,
			       "a table row of %zu cells under a header of %zu: the table ends "
			       "before it and the row is kept as text", ncells, h->ncols);
	if (r.nrows < 2) {
		for (size_t k = first; k < h->end; k++)
			if (doc->lines[k].use == IMPORT_LINE_USED)
				doc->lines[k].use = IMPORT_LINE_TEXT;
		importdoc_warn(doc, doc->lines[first].no,
			       "a table header without rows: kept as text");
		return h->end;
	}
	fill_merged(doc, &r);
	emit_table(doc, &r);
	return end;
}

/* ---- column by column ---- */

static const char *const title_words[] = {
	"主要目标要求", "目标要求", "主要目标", "任务", "主要任务", "重点任务", NULL,
};
static const char *const body_words[] = {
	"细化措施", "具体措施", "工作措施", "主要内容", NULL,
};
static const char *const unit_words[] = {
	"责任单位", "牵头单位", "责任部门", "牵头部门", NULL,
};
static const char *const empty_words[] = {
	"工作进展", "进展情况", "备注", NULL,
};

/* The columns of a task-breakdown table read column by column. */
struct stream_cols {
	int group;		/* the first column groups rows (工作任务) */
	size_t title, body, units, ncols;
};

static int stream_shape(const struct header *h, struct stream_cols *s)
{
	size_t c = 0;

	s->group = h->ncols > 0 && in_list(h->cols[0], group_words);
	c = (size_t)s->group;
	if (c + 3 > h->ncols || !in_list(h->cols[c], title_words) ||
	    !in_list(h->cols[c + 1], body_words) || !in_list(h->cols[c + 2], unit_words))
		return 0;
	s->title = c;
	s->body = c + 1;
	s->units = c + 2;
	for (c = s->units + 1; c < h->ncols; c++)
		if (!in_list(h->cols[c], empty_words))
			return 0;
	s->ncols = h->ncols;
	return 1;
}

/* The task number at the start of `text` ("10.稳妥…"), or -1. */
static int task_number(const char *text)
{
	size_t n = document_numbering_length(text);
	int v = 0;

	if (!n || text[0] < '0' || text[0] > '9')
		return -1;
	for (const char *p = text; *p >= '0' && *p <= '9' && v < 100000; p++)
		v = v * 10 + (*p - '0');
	return v;
}

/* Whether `text` opens a grouping cell: 一、坚持… */
static int is_group_start(const char *text)
{
	size_t n = document_numbering_length(text);

	if (!n || (text[0] >= '0' && text[0] <= '9'))
		return 0;
	return utf8_prev(text, n) == 0x3001;	/* 、 */
}

#define UNITS_MAX_COLUMNS 24

static int ends_sentence(const char *text)
{
	size_t len = strlen(text);
	int32_t last = utf8_prev(text, len);

	return last == 0x3002 || last == 0xFF1B || last == ';';	/* 。 ； */
}

static int is_circled(int32_t cp)
{
	return cp >= 0x2460 && cp <= 0x2473;
}

static int is_alnum(int32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
}

/* Append line text to a cell: Chinese joins without a space; each
 * circled item (①②…) after the first starts after one space. */
static void append_cell(struct strbuf *cell, const char *text, int items)
{
	size_t len = strlen(text), pos = 0;

	while (pos < len) {
		size_t at = pos;
		int32_t cp = utf8_next(text, len, &pos);
		if (items && is_circled(cp) && cell->len && cell->buf[cell->len - 1] != ' ')
			strbuf_addch(cell, ' ');
		else if (at == 0 && cell->len && is_alnum(cp) &&
			 is_alnum(utf8_prev(cell->buf, cell->len)))
			strbuf_addch(cell, ' ');
		strbuf_add(cell, text + at, pos - at);
	}
}

struct stream_row {
	int number;
	unsigned line;
	const char *title;
	struct strbuf body, units;
};

struct stream {
	struct import_doc *doc;
	const struct stream_cols *cols;
	const struct header *h;
	struct rows table;	/* of the current group */
	const char *group;
	struct stream_row row;
	int in_row;
	size_t *seg;		/* lines of the current page's part of the row */
	size_t nseg, aseg;
	size_t rows_total;
};

/* The responsible units are the narrow lines at the end of a row's part
 * on one page; the measures are the lines before them. */
static void flush_segment(struct stream *s)
{
	struct import_doc *doc = s->doc;
	struct strbuf units = STRBUF_INIT;
	size_t split = s->nseg;

	while (split > 0) {
		const struct import_line *l = &doc->lines[s->seg[split - 1]];
		if (l->width > UNITS_MAX_COLUMNS || ends_sentence(l->text) ||
		    is_circled(first_cp(l->text)))
			break;
		split--;
	}
	for (size_t k = 0; k < split; k++) {
		append_cell(&s->row.body, doc->lines[s->seg[k]].text, 1);
		doc->lines[s->seg[k]].use = IMPORT_LINE_USED;
	}
	for (size_t k = split; k < s->nseg; k++)
		append_cell(&units, doc->lines[s->seg[k]].text, 0);
	if (units.len && s->row.units.len && !strcmp(units.buf, s->row.units.buf)) {
		for (size_t k = split; k < s->nseg; k++)
			importdoc_remove(doc, s->seg[k], "repeated cell");
	} else {
		if (units.len && s->row.units.len)
			importdoc_warn(doc, doc->lines[s->seg[split]].no,
				       "the responsible units of task %d differ from one page to "
				       "the next; both are kept", s->row.number);
		strbuf_adds(&s->row.units, units.buf);
		for (size_t k = split; k < s->nseg; k++)
			doc->lines[s->seg[k]].use = IMPORT_LINE_USED;
	}
	s->nseg = 0;
	strbuf_release(&units);
}

static void end_row(struct stream *s)
{
	const char *cells[HEADER_MAX_TOKENS + 1] = { 0 };
	struct import_doc *doc = s->doc;

	if (!s->in_row)
		return;
	flush_segment(s);
	cells[0] = arena_strfmt(doc->a, "%d", s->row.number);
	cells[1] = s->row.title;
	cells[2] = s->row.body.buf;
	cells[3] = s->row.units.buf;
	if (!s->row.units.len)
		importdoc_warn(doc, s->row.line, "task %d has no responsible units in the table",
			       s->row.number);
	add_row(doc, &s->table, cells, s->row.line);
	strbuf_reset(&s->row.body);
	strbuf_reset(&s->row.units);
	s->in_row = 0;
	s->rows_total++;
}

static void end_group(struct stream *s)
{
	end_row(s);
	if (s->table.nrows > 1)
		emit_table(s->doc, &s->table);
	s->table = (struct rows){ .ncols = s->table.ncols };
}

static void start_table(struct stream *s, unsigned line)
{
	const char *cells[HEADER_MAX_TOKENS + 1] = { 0 };

	cells[0] = "序号";
	for (size_t c = s->cols->title; c < s->h->ncols; c++)
		cells[1 + c - s->cols->title] = s->h->cols[c];
	add_row(s->doc, &s->table, cells, line);
}

/* The lines from `i` that make up one cell, into `out`: up to the line that
 * ends in a full stop (a task's title, `to_full_stop`), else up to the line
 * before a task number (a grouping cell); at most CELL_MAX_LINES. The
 * index of its last line. */
static size_t gather(struct import_doc *doc, size_t i, struct strbuf *out, int to_full_stop)
{
	size_t last = i;

	strbuf_reset(out);
	for (int n = 0; n < CELL_MAX_LINES && i < doc->nlines; n++, i = importdoc_next(doc, i)) {
		const struct import_line *l = &doc->lines[i];
		if (l->use != IMPORT_LINE_TEXT || (n && !to_full_stop && task_number(l->text) >= 0))
			break;
		append_cell(out, l->text, 0);
		last = i;
		if (to_full_stop && ends_sentence(l->text))
			break;
	}
	return last;
}

/* A grouping cell at line `i`: a new group, which gets its heading and
 * starts its table, or the same group printed again on a new page. The
 * index of the cell's last line. */
static size_t stream_group(struct stream *s, size_t i, struct strbuf *text)
{
	struct import_doc *doc = s->doc;
	size_t last = gather(doc, i, text, 0);

	if (s->group && !strcmp(text->buf, s->group)) {
		if (s->in_row)
			flush_segment(s);
		mark_range(doc, i, last + 1, "repeated cell");
		return last;
	}
	end_group(s);
	s->group = arena_strdup(doc->a, text->buf);
	struct import_block *b = importdoc_push(doc, IMPORT_HEADING, doc->lines[i].no);
	b->text = s->group;
	b->end_line = doc->lines[last].no;
	mark_range(doc, i, last + 1, NULL);
	start_table(s, doc->lines[i].no);
	return last;
}

/* A task cell at line `i` numbered `number`: a new row, or the current one
 * printed again on a new page. The index of the cell's last line. */
static size_t stream_task(struct stream *s, size_t i, int number, struct strbuf *text)
{
	struct import_doc *doc = s->doc;
	size_t last = gather(doc, i, text, 1);

	if (s->in_row && number == s->row.number) {
		flush_segment(s);
		mark_range(doc, i, last + 1, "repeated cell");
		return last;
	}
	if (!s->table.nrows)
		start_table(s, doc->lines[i].no);
	end_row(s);
	s->in_row = 1;
	s->row.number = number;
	s->row.line = doc->lines[i].no;
	s->row.title = arena_strdup(doc->a, text->buf + document_numbering_length(text->buf));
	if (!ends_sentence(text->buf))
		importdoc_warn(doc, s->row.line,
			       "task %d: its title does not end with a full stop within %d lines; "
			       "check where the cell ends", number, CELL_MAX_LINES);
	mark_range(doc, i, last + 1, NULL);
	return last;
}

static size_t stream_rows(struct import_doc *doc, size_t first, const struct header *h,
			  const struct stream_cols *cols)
{
	struct stream s = { .doc = doc, .cols = cols, .h = h };
	struct strbuf text = STRBUF_INIT;
	struct header again;
	size_t i = h->end - 1, end = h->end;
	int number;

	s.table.ncols = 1 + h->ncols - cols->title;
	strbuf_init(&s.row.body);
	strbuf_init(&s.row.units);
	mark_range(doc, first, h->end, NULL);
	while ((i = importdoc_next(doc, i)) < doc->nlines) {
		const struct import_line *l = &doc->lines[i];
		if (l->use != IMPORT_LINE_TEXT)
			break;
		if (read_header(doc, i, &again) && same_header(&again, h)) {
			if (s.in_row)
				flush_segment(&s);
			mark_range(doc, i, again.end, "repeated table header");
			i = again.end - 1;
			continue;
		}
		if (cols->group && is_group_start(l->text)) {
			i = stream_group(&s, i, &text);
		} else if ((number = task_number(l->text)) >= 0 &&
			   (!s.in_row || number == s.row.number || number == s.row.number + 1)) {
			i = stream_task(&s, i, number, &text);
		} else if (s.in_row) {
			size_t *slot = ARENA_PUSH(doc->a, s.seg, s.nseg, s.aseg);
			*slot = i;
		} else {
			break;
		}
		end = i + 1;
	}
	end_group(&s);
	strbuf_release(&s.row.body);
	strbuf_release(&s.row.units);
	strbuf_release(&text);
	if (!s.rows_total) {
		for (size_t k = first; k < h->end; k++)
			if (doc->lines[k].use == IMPORT_LINE_USED)
				doc->lines[k].use = IMPORT_LINE_TEXT;
		importdoc_warn(doc, doc->lines[first].no,
			       "a task table's header without rows the importer could read: kept "
			       "as text");
	}
	return end;
}

static size_t header_table(struct import_doc *doc, size_t i)
{
	struct header h;
	struct stream_cols cols;
	size_t n;

	if (!read_header(doc, i, &h))
		return 0;
	n = importdoc_next(doc, h.end - 1);
	if (h.tabbed && n < doc->nlines && doc->lines[n].raw[0] == '\t')
		return cell_rows(doc, i, &h);
	if (!h.tabbed && h.ncols >= 4 && stream_shape(&h, &cols))
		return stream_rows(doc, i, &h, &cols);
	return 0;
}

void importtable_find(struct import_doc *doc)
{
	const char **cells;

	for (size_t i = 0; i < doc->nlines;) {
		struct import_line *l = &doc->lines[i];
		size_t end;
		if (l->blank || l->use != IMPORT_LINE_TEXT) {
			i++;
			continue;
		}
		if (l->tabbed && l->raw[0] != '\t') {
			size_t n = split_tabs(doc, l->raw, &cells);
			if (is_tab_header(cells, n)) {
				i = tab_rows(doc, i, cells, n);
				continue;
			}
		}
		if ((end = header_table(doc, i)) > i) {
			i = end;
			continue;
		}
		i++;
	}
}
