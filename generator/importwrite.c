#include "importwrite.h"

#include <string.h>

#include "importfront.h"
#include "utf8.h"

/* ---- YAML ---- */

/* Whether `s` can be a plain YAML scalar that reads back as this string. */
static int plain_ok(const char *s)
{
	static const char *const words[] = {
		"true", "false", "null", "yes", "no", "on", "off", "~", NULL,
	};
	size_t len = strlen(s);
	int numeric = 1;

	if (!len || strchr("-?:,[]{}#&*!|>'\"%@` \t", s[0]) || s[len - 1] == ' ' ||
	    s[len - 1] == ':' || strstr(s, ": ") || strstr(s, " #"))
		return 0;
	for (const char *p = s; *p; p++) {
		if ((unsigned char)*p < 0x20 || *p == '\\')
			return 0;
		if (!strchr("0123456789.-+", *p))
			numeric = 0;
	}
	for (const char *const *w = words; *w; w++)
		if (!strcmp(s, *w))
			return 0;
	return !numeric;
}

static void yaml_scalar(struct strbuf *out, const char *s)
{
	if (plain_ok(s)) {
		strbuf_adds(out, s);
		return;
	}
	strbuf_addch(out, '"');
	for (const char *p = s; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == '"' || c == '\\')
			strbuf_addf(out, "\\%c", c);
		else if (c < 0x20)
			strbuf_addf(out, "\\x%02X", c);
		else
			strbuf_addch(out, (char)c);
	}
	strbuf_addch(out, '"');
}

static void field(struct strbuf *out, const char *key, const char *value, const char *comment)
{
	strbuf_addf(out, "%s: ", key);
	yaml_scalar(out, value);
	if (comment)
		strbuf_addf(out, "  # %s", comment);
	strbuf_addch(out, '\n');
}

static void list_field(struct strbuf *out, const char *key, const struct import_strings *l)
{
	strbuf_addf(out, "%s:\n", key);
	for (size_t i = 0; i < l->count; i++) {
		strbuf_adds(out, "  - ");
		yaml_scalar(out, l->items[i]);
		strbuf_addch(out, '\n');
	}
}

static void front_matter(const struct import_doc *doc, struct strbuf *out)
{
	const struct import_front *f = &doc->front;
	char date[11];

	strbuf_adds(out, "---\n");
	field(out, "title", f->title ? f->title : IMPORTFRONT_PLACEHOLDER "标题", NULL);
	if (f->doc_number)
		field(out, "doc_number", f->doc_number, NULL);
	if (f->issuers.count == 1)
		field(out, "issuer", f->issuers.items[0], NULL);
	else if (f->issuers.count > 1)
		list_field(out, "issuer", &f->issuers);
	else
		field(out, "issuer", IMPORTFRONT_PLACEHOLDER "原文未印发文机关", NULL);
	if (f->date.year) {
		/* A full date or a month reads as a string; a bare year is
		 * quoted so that no YAML reader takes it for a number. */
		date_format(&f->date, date);
		strbuf_adds(out, "date: ");
		if (f->date.month)
			strbuf_adds(out, date);
		else
			yaml_scalar(out, date);
		if (!f->date_line)
			strbuf_adds(out, "  # 原文无成文日期，此为推断，请核实");
		else if (f->date_text)
			strbuf_addf(out, "  # 原文作“%s”", f->date_text);
		strbuf_addch(out, '\n');
	}
	if (f->region)
		field(out, "region", f->region, NULL);
	else
		field(out, "region", IMPORTFRONT_PLACEHOLDER "地区", NULL);
	if (f->level)
		field(out, "level", f->level, NULL);
	else
		field(out, "level", "市级", "待核实：导入时无法判断层级");
	field(out, "kind", "policy", NULL);
	if (f->genre)
		field(out, "genre", f->genre, NULL);
	if (f->status)
		field(out, "status", f->status, NULL);
	if (f->plan_period)
		field(out, "plan_period", f->plan_period, NULL);
	if (f->based_on.count)
		list_field(out, "based_on", &f->based_on);
	field(out, "summary", IMPORTFRONT_PLACEHOLDER "导入时无法生成摘要，请编辑撰写两到四句通俗的摘要。",
	      NULL);
	strbuf_adds(out, "---\n");
}

/* ---- Markdown ---- */

enum {
	ESC_TABLE = 1,		/* a table cell: | is escaped too */
	ESC_KEEP_BOLD = 2,	/* keep **…** pairs marked in the source */
};

/* Whether the **…** marks of `s` pair up and can stay bold. */
static int bold_pairs(const char *s)
{
	size_t n = 0;

	if (strstr(s, "***"))
		return 0;
	for (const char *p = s; (p = strstr(p, "**")); p += 2)
		n++;
	return n && n % 2 == 0;
}

static void inline_text(struct strbuf *out, const char *s, size_t len, int flags)
{
	int keep_bold = (flags & ESC_KEEP_BOLD) != 0;

	for (size_t i = 0; i < len; i++) {
		char c = s[i], next = i + 1 < len ? s[i + 1] : '\0';
		int esc = 0;
		switch (c) {
		case '\\': case '`': case '_': case '~':
			esc = 1;
			break;
		case '*':
			if (keep_bold && next == '*') {
				strbuf_adds(out, "**");
				i++;
				continue;
			}
			esc = 1;
			break;
		case '<':
			esc = (next >= 'A' && next <= 'Z') || (next >= 'a' && next <= 'z') ||
			      next == '/' || next == '!' || next == '?';
			break;
		case '&':
			esc = (next >= 'A' && next <= 'Z') || (next >= 'a' && next <= 'z') || next == '#';
			break;
		case ']':
			esc = next == '(' || next == '[' || next == ':';
			break;
		case '!':
			esc = next == '[';
			break;
		case '|':
			esc = (flags & ESC_TABLE) != 0;
			break;
		default:
			break;
		}
		if (esc)
			strbuf_addch(out, '\\');
		strbuf_addch(out, c);
	}
}

/* Escape the opening of `s` that Markdown would read as a block marker
 * ("# ", "> ", "- ", "+ ", "1. ", "1) ", a line of = or -); the bytes of
 * `s` written. A leading * is escaped as any other. */
static size_t block_start(struct strbuf *out, const char *s)
{
	size_t d = 0;

	if (s[0] == '#' || s[0] == '>' || s[0] == '=' ||
	    ((s[0] == '-' || s[0] == '+') && (s[1] == ' ' || !s[1] || s[1] == '-'))) {
		strbuf_addch(out, '\\');
		return 0;
	}
	while (d < 10 && s[d] >= '0' && s[d] <= '9')
		d++;
	if (d && (s[d] == '.' || s[d] == ')') && (s[d + 1] == ' ' || !s[d + 1])) {
		strbuf_add(out, s, d);
		strbuf_addch(out, '\\');
		return d;
	}
	return 0;
}

static void paragraph(struct strbuf *out, const char *text)
{
	text += block_start(out, text);
	inline_text(out, text, strlen(text), bold_pairs(text) ? ESC_KEEP_BOLD : 0);
}

static void heading(struct strbuf *out, const struct import_block *b)
{
	size_t len = strlen(b->text);
	int level = b->level < 2 ? 2 : b->level > 6 ? 6 : b->level;

	for (int i = 0; i < level; i++)
		strbuf_addch(out, '#');
	strbuf_addch(out, ' ');
	/* A closing run of # would be read as the heading's end marker. */
	if (len && b->text[len - 1] == '#') {
		inline_text(out, b->text, len - 1, 0);
		strbuf_adds(out, "\\#");
	} else {
		inline_text(out, b->text, len, 0);
	}
}

static void measure(struct strbuf *out, const struct import_block *b)
{
	const char *rest = b->text + b->lead_len;

	strbuf_adds(out, "**");
	inline_text(out, b->text, b->lead_len, 0);
	strbuf_adds(out, "**");
	inline_text(out, rest, strlen(rest), bold_pairs(rest) ? ESC_KEEP_BOLD : 0);
}

static void table_row(struct strbuf *out, const struct import_table *t, size_t row)
{
	strbuf_addch(out, '|');
	for (size_t c = 0; c < t->ncols; c++) {
		const char *cell = t->cells[row * t->ncols + c];
		strbuf_addch(out, ' ');
		inline_text(out, cell, strlen(cell), ESC_TABLE);
		strbuf_adds(out, " |");
	}
	strbuf_addch(out, '\n');
}

static void table(struct strbuf *out, const struct import_table *t)
{
	table_row(out, t, 0);
	strbuf_addch(out, '|');
	for (size_t c = 0; c < t->ncols; c++)
		strbuf_adds(out, " --- |");
	strbuf_addch(out, '\n');
	for (size_t r = 1; r < t->nrows; r++)
		table_row(out, t, r);
}

void importwrite_document(const struct import_doc *doc, struct strbuf *out)
{
	front_matter(doc, out);
	for (size_t i = 0; i < doc->nblocks; i++) {
		const struct import_block *b = &doc->blocks[i];
		strbuf_addch(out, '\n');
		switch (b->kind) {
		case IMPORT_HEADING:
			heading(out, b);
			strbuf_addch(out, '\n');
			break;
		case IMPORT_MEASURE:
			measure(out, b);
			strbuf_addch(out, '\n');
			break;
		case IMPORT_TABLE:
			table(out, b->table);
			break;
		case IMPORT_PARAGRAPH:
		default:
			paragraph(out, b->text);
			strbuf_addch(out, '\n');
			break;
		}
	}
}

void importwrite_removed(const struct import_doc *doc, struct strbuf *out)
{
	for (size_t i = 0; i < doc->nlines; i++) {
		const struct import_line *l = &doc->lines[i];
		if (l->use == IMPORT_LINE_REMOVED)
			strbuf_addf(out, "%u\t%s\t%s\n", l->no, l->why, l->text);
	}
}
