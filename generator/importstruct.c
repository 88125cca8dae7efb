#include "importstruct.h"

#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "strbuf.h"
#include "utf8.h"

/* ---- numbering ---- */

static int chinese_digit(int32_t cp)
{
	static const int32_t digits[] = {
		0x96F6, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D,
	};

	if (cp == 0x3007)	/* 〇 */
		return 0;
	if (cp == 0x4E24)	/* 两 */
		return 2;
	for (int i = 0; i < 10; i++)
		if (digits[i] == cp)
			return i;
	return -1;
}

int importstruct_chinese_value(const char *s, size_t len)
{
	size_t pos = 0;
	int value = 0, digit = 0, any = 0;

	while (pos < len) {
		int32_t cp = utf8_next(s, len, &pos);
		int d = chinese_digit(cp);
		if (d >= 0) {
			digit = d;
		} else if (cp == 0x5341) {	/* 十 */
			value += (digit ? digit : 1) * 10;
			digit = 0;
		} else if (cp == 0x767E) {	/* 百 */
			value += (digit ? digit : 1) * 100;
			digit = 0;
		} else {
			return -1;
		}
		any = 1;
		if (value > 100000)
			return -1;
	}
	return any ? value + digit : -1;
}

static int arabic_value(const char *s, size_t len)
{
	size_t pos = 0;
	int v = 0;

	while (pos < len && v < 100000) {
		int32_t cp = utf8_next(s, len, &pos);
		if (cp >= '0' && cp <= '9')
			v = v * 10 + (int)(cp - '0');
		else if (cp >= 0xFF10 && cp <= 0xFF19)
			v = v * 10 + (int)(cp - 0xFF10);
		else
			break;
	}
	return v;
}

/* The numeral of a numbering: from byte `from` to the byte before `to`. */
static int numeral_value(const char *s, size_t from, size_t to)
{
	int v;

	if (to <= from)
		return 0;
	if ((v = importstruct_chinese_value(s + from, to - from)) >= 0)
		return v;
	return arabic_value(s + from, to - from);
}

void importstruct_numbering(const char *text, struct import_numbering *n)
{
	size_t len = strlen(text), pos = 0, last;
	int32_t cp, end;

	memset(n, 0, sizeof(*n));
	n->len = document_numbering_length(text);
	if (!n->len)
		return;
	cp = utf8_next(text, len, &pos);
	last = n->len;
	end = utf8_prev(text, last);
	last -= (size_t)(end < 0x80 ? 1 : end < 0x800 ? 2 : end < 0x10000 ? 3 : 4);
	if (cp >= 0x2460 && cp <= 0x2473) {
		n->style = IMPORT_NUM_CIRCLED;
		n->value = (int)(cp - 0x2460) + 1;
	} else if (cp == 0x7B2C) {	/* 第 */
		size_t unit = last;
		if (end == 0x5206) {	/* 第二部分 */
			unit = last - 3;
			n->style = IMPORT_NUM_PART;
		} else {
			n->style = end == 0x7AE0 ? IMPORT_NUM_CHAPTER :
				   end == 0x8282 ? IMPORT_NUM_SECTION : IMPORT_NUM_ARTICLE;
		}
		n->value = numeral_value(text, pos, unit);
	} else if (cp == '(' || cp == 0xFF08) {
		size_t p = pos;
		int32_t digit = utf8_next(text, len, &p);
		int chinese = chinese_digit(digit) >= 0 || digit == 0x5341;
		n->style = chinese ? IMPORT_NUM_CHINESE_PAREN : IMPORT_NUM_ARABIC_PAREN;
		n->value = numeral_value(text, pos, last);
	} else if ((cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19)) {
		n->style = IMPORT_NUM_ARABIC;
		n->value = numeral_value(text, 0, last);
	} else {
		n->style = IMPORT_NUM_CHINESE;
		n->value = numeral_value(text, 0, last);
	}
}

/* ---- joining lines ---- */

static int32_t last_cp(const char *text)
{
	return utf8_prev(text, strlen(text));
}

static int32_t first_cp(const char *text)
{
	size_t pos = 0;

	return utf8_next(text, strlen(text), &pos);
}

/* Marks that may end a paragraph. Not ；, which ends a clause of a list
 * that goes on: a paragraph ending in one was cut by a page break. */
static int is_stop(int32_t cp)
{
	return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF1A || cp == 0x2026 ||
	       cp == '!' || cp == '?' || cp == ':';
}

/* Whether `text` ends a sentence or a bracketed clause, so that a
 * paragraph may end there. */
static int ends_terminal(const char *text)
{
	size_t len = strlen(text);
	int32_t last = utf8_prev(text, len);

	if (is_stop(last) || last == 0xFF09 || last == ')' || last == ']' || last == 0x3011)
		return 1;
	if (last == 0x201D || last == 0x2019 || last == 0x300D || last == 0x300F) {
		size_t k = len;
		while (k > 0 && (text[--k] & 0xC0) == 0x80)
			;
		return is_stop(utf8_prev(text, k));
	}
	return 0;
}

static int has_punct(const char *text)
{
	static const char *const marks[] = {
		"。", "，", "、", "；", "：", "！", "？", ",", ";", NULL,
	};

	for (const char *const *m = marks; *m; m++)
		if (strstr(text, *m))
			return 1;
	return 0;
}

static int has_sentence(const char *text)
{
	return strstr(text, "。") || strstr(text, "；") || strstr(text, "！") || strstr(text, "？");
}

/* 附件, 附件1, 附件二, 附件： on a line of its own. */
static int is_appendix(const char *text)
{
	size_t len = strlen(text), pos = strlen("附件");
	int n = 0;

	if (strncmp(text, "附件", pos))
		return 0;
	while (pos < len && n < 4) {
		size_t at = pos;
		int32_t cp = utf8_next(text, len, &pos);
		if (!((cp >= '0' && cp <= '9') || chinese_digit(cp) > 0 || cp == 0x5341)) {
			pos = at;
			break;
		}
		n++;
	}
	if (pos < len && (text[pos] == ':' || !strncmp(text + pos, "：", 3)))
		pos += text[pos] == ':' ? 1 : 3;
	return pos == len;
}

#define HEADING_MAX_COLUMNS 100
#define SHORT_LINE_COLUMNS 40

/* A line that is a heading by itself: numbered, no sentence in it. */
static int heading_line(const struct import_line *l)
{
	return document_numbering_length(l->text) && !has_sentence(l->text) &&
	       l->width <= HEADING_MAX_COLUMNS;
}

/* A short line without any punctuation (a title, a caption, a label). */
static int bare_line(const struct import_line *l)
{
	return l->width < SHORT_LINE_COLUMNS && !has_punct(l->text) && !ends_terminal(l->text);
}

static int full_line(const struct import_doc *doc, const struct import_line *l)
{
	return doc->wrap_width && l->raw_width + 4 >= doc->wrap_width;
}

static int joins(const struct import_doc *doc, const struct import_line *first,
		 const struct import_line *a, const struct import_line *b, int lines)
{
	int full = full_line(doc, a), terminal = ends_terminal(a->text);

	if (b->tabbed || is_appendix(b->text))
		return 0;
	if (lines == 1 && (heading_line(first) || bare_line(first) || is_appendix(first->text)))
		return 0;
	if (full && !terminal)
		return 1;
	if (document_numbering_length(b->text))
		return 0;
	if (full)
		return 1;
	if (bare_line(b))
		return 0;
	return !terminal && (has_punct(a->text) || a->width >= SHORT_LINE_COLUMNS || lines > 1);
}

static int is_alnum(int32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
}

/* Chinese joins without a space, Latin words and numbers with one. */
static void append_line(struct strbuf *para, const char *text)
{
	if (para->len && is_alnum(last_cp(para->buf)) && is_alnum(first_cp(text)))
		strbuf_addch(para, ' ');
	strbuf_adds(para, text);
}

static void flush(struct import_doc *doc, struct strbuf *para, unsigned first, unsigned last)
{
	struct import_block *b;

	if (!para->len)
		return;
	b = importdoc_push(doc, IMPORT_PARAGRAPH, first);
	b->end_line = last;
	b->text = arena_strndup(doc->a, para->buf, para->len);
	strbuf_reset(para);
}

void importstruct_paragraphs(struct import_doc *doc)
{
	struct strbuf para = STRBUF_INIT;
	const struct import_line *first = NULL, *prev = NULL;
	int lines = 0, warned_tabs = 0;

	for (size_t i = 0; i < doc->nlines; i++) {
		struct import_line *l = &doc->lines[i];
		if (l->use == IMPORT_LINE_REMOVED || (l->blank && l->use == IMPORT_LINE_TEXT))
			continue;
		if (l->use == IMPORT_LINE_USED || (l->tabbed && !*l->text)) {
			flush(doc, &para, first ? first->no : 0, prev ? prev->no : 0);
			lines = 0;
			if (l->use == IMPORT_LINE_TEXT)
				l->use = IMPORT_LINE_USED;
			continue;
		}
		if (l->tabbed && !warned_tabs++)
			importdoc_warn(doc, l->no,
				       "tab-separated lines without a table header the importer "
				       "knows: kept as text, one paragraph a line");
		if (lines && !l->tabbed && !prev->tabbed && joins(doc, first, prev, l, lines)) {
			append_line(&para, l->text);
		} else {
			flush(doc, &para, first ? first->no : 0, prev ? prev->no : 0);
			append_line(&para, l->text);
			first = l;
			lines = 0;
		}
		if (!l->tabbed)
			warned_tabs = 0;
		l->use = IMPORT_LINE_USED;
		prev = l;
		lines++;
	}
	flush(doc, &para, first ? first->no : 0, prev ? prev->no : 0);
	strbuf_release(&para);
}

/* ---- the outline ---- */

#define LEAD_MAX_COLUMNS 80
#define MAX_DEPTH 16
#define STYLES (IMPORT_NUM_CIRCLED + 1)

struct outline {
	struct import_doc *doc;
	enum import_numbering_style stack[MAX_DEPTH];
	int values[MAX_DEPTH];
	size_t depth;
	int last_value[STYLES];	/* the last value of each style, for numbering
				 * that runs on across chapters */
	int base;		/* level of the top style: 2, or 3 in an appendix */
	int warned_deep;
};

/* Byte length of the first sentence of `text` after `from`, its full stop
 * included; 0 when there is no full stop. */
static size_t first_sentence(const char *text, size_t from)
{
	size_t len = strlen(text), pos = from;

	while (pos < len) {
		int32_t cp = utf8_next(text, len, &pos);
		if (cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F)
			return pos;
	}
	return 0;
}

/* Place a numbered item in the stack of styles; its depth. A style met
 * again after its parent changed may start at 1 or run on from its last
 * number, as measures (一)…(三十) run on across chapters. */
static size_t place(struct outline *o, const struct import_numbering *n, unsigned line,
		    const char *text)
{
	size_t d = 0;
	int last = o->last_value[n->style], ok;

	while (d < o->depth && o->stack[d] != n->style)
		d++;
	if (d < o->depth) {
		o->depth = d + 1;
		ok = n->value == o->values[d] + 1;
	} else {
		if (o->depth == MAX_DEPTH)
			o->depth--;
		d = o->depth++;
		o->stack[d] = n->style;
		ok = n->value == 1 || n->value == last + 1;
	}
	if (n->value && !ok)
		importdoc_warn(o->doc, line,
			       "\"%s\" is out of sequence (the number before it of its kind "
			       "is %d): a misprint, or text missing or out of place?",
			       arena_strndup(o->doc->a, text, n->len), last);
	o->values[d] = n->value;
	o->last_value[n->style] = n->value;
	return d;
}

static int level_of(struct outline *o, size_t depth, unsigned line)
{
	int level = o->base + (int)depth;

	if (level > 6) {
		if (!o->warned_deep++)
			importdoc_warn(o->doc, line,
				       "headings nest deeper than Markdown's six levels: the "
				       "deeper ones are all ######");
		level = 6;
	}
	return level;
}

static void classify(struct outline *o, struct import_block *b)
{
	struct import_numbering n;
	size_t lead, depth;

	importstruct_numbering(b->text, &n);
	if (n.style == IMPORT_NUM_NONE) {
		if (b->kind == IMPORT_HEADING)
			b->level = level_of(o, o->depth, b->line);
		return;
	}
	depth = place(o, &n, b->line, b->text);
	if (b->kind == IMPORT_HEADING || (!has_sentence(b->text + n.len) &&
					   importdoc_width(b->text) <= HEADING_MAX_COLUMNS)) {
		b->kind = IMPORT_HEADING;
		b->level = level_of(o, depth, b->line);
		return;
	}
	lead = first_sentence(b->text, n.len);
	if (lead) {
		char *l = arena_strndup(o->doc->a, b->text, lead);
		if (importdoc_width(l) <= LEAD_MAX_COLUMNS && !strstr(l, "；")) {
			if (b->text[lead]) {
				b->kind = IMPORT_MEASURE;
				b->lead_len = lead;
			} else {
				b->kind = IMPORT_HEADING;
				b->level = level_of(o, depth, b->line);
			}
			return;
		}
	}
	importdoc_warn(o->doc, b->line,
		       "a numbered paragraph without a short lead sentence: kept as a plain "
		       "paragraph; make it a heading or a bold lead by hand if it is one");
}

static void appendix(struct outline *o, struct import_block *b)
{
	b->kind = IMPORT_HEADING;
	b->level = 2;
	b->fixed_level = 1;
	o->depth = 0;
	o->base = 3;
	memset(o->last_value, 0, sizeof(o->last_value));
}

/* ---- checks over the whole outline ---- */

struct opening {
	const char *key;
	size_t block;
};

static int by_key(const void *pa, const void *pb)
{
	const struct opening *a = pa, *b = pb;
	int c = strcmp(a->key, b->key);

	return c ? c : (a->block > b->block) - (a->block < b->block);
}

#define OPENING_CHARS 20
#define OPENING_MIN_COLUMNS 40

/* The first OPENING_CHARS characters of `s`, in the arena. */
static const char *opening(struct arena *a, const char *s)
{
	size_t len = strlen(s), pos = 0;

	for (int n = 0; n < OPENING_CHARS && pos < len; n++)
		utf8_next(s, len, &pos);
	return arena_strndup(a, s, pos);
}

/* Paragraphs and measures that begin alike: a page printed twice, or a
 * misprint. Sorted by opening, so any number of blocks stays fast. */
static void find_repeats(struct import_doc *doc)
{
	struct opening *keys = arena_calloc(doc->a, doc->nblocks * 2 + 1, sizeof(*keys));
	size_t n = 0;

	for (size_t i = 0; i < doc->nblocks; i++) {
		const struct import_block *b = &doc->blocks[i];
		struct import_numbering num;
		if (b->kind != IMPORT_PARAGRAPH && b->kind != IMPORT_MEASURE)
			continue;
		importstruct_numbering(b->text, &num);
		if (b->kind == IMPORT_MEASURE)
			keys[n++] = (struct opening){
				arena_strfmt(doc->a, "L%.*s", (int)(b->lead_len - num.len),
					     b->text + num.len), i };
		const char *body = b->text + (b->kind == IMPORT_MEASURE ? b->lead_len : num.len);
		if (importdoc_width(body) >= OPENING_MIN_COLUMNS)
			keys[n++] = (struct opening){
				arena_strfmt(doc->a, "B%s", opening(doc->a, body)), i };
	}
	qsort(keys, n, sizeof(*keys), by_key);
	for (size_t k = 1; k < n; k++) {
		if (strcmp(keys[k].key, keys[k - 1].key))
			continue;
		const struct import_block *a = &doc->blocks[keys[k - 1].block];
		const struct import_block *b = &doc->blocks[keys[k].block];
		importdoc_warn(doc, b->line,
			       "this %s %s the one at line %u (\"%s…\"): printed twice, or a "
			       "misprint?", b->kind == IMPORT_MEASURE ? "measure" : "paragraph",
			       keys[k].key[0] == 'L' ? "has the same lead as" : "begins like",
			       a->line, opening(doc->a, keys[k].key + 1));
	}
}

#define TAIL_CHARS 8

/* The last TAIL_CHARS characters of `s`. */
static const char *tail(const char *s)
{
	size_t pos = strlen(s);

	for (int n = 0; n < TAIL_CHARS && pos > 0; n++)
		while (pos > 0 && (s[--pos] & 0xC0) == 0x80)
			;
	return s + pos;
}

static void find_loose_ends(struct import_doc *doc)
{
	for (size_t i = 0; i < doc->nblocks; i++) {
		struct import_block *b = &doc->blocks[i];
		int caption = i + 1 < doc->nblocks && doc->blocks[i + 1].kind == IMPORT_TABLE &&
			      b->kind == IMPORT_PARAGRAPH && !has_sentence(b->text);
		if (b->kind == IMPORT_HEADING || b->kind == IMPORT_TABLE || b->cover || caption)
			continue;
		if (ends_terminal(b->text))
			continue;
		if (importdoc_width(b->text) < SHORT_LINE_COLUMNS)
			importdoc_warn(doc, b->line,
				       "a short line that ends no sentence: a heading, a caption "
				       "or a label? kept as a paragraph");
		else
			importdoc_warn(doc, b->end_line,
				       "the text breaks off mid-sentence (\"…%s\"): a part may be "
				       "missing", tail(b->text));
	}
}

void importstruct_outline(struct import_doc *doc)
{
	struct outline o = { .doc = doc, .base = 2 };

	for (size_t i = 0; i < doc->nblocks; i++) {
		struct import_block *b = &doc->blocks[i];
		if (b->kind == IMPORT_TABLE || b->fixed_level)
			continue;
		if (is_appendix(b->text))
			appendix(&o, b);
		else
			classify(&o, b);
	}
	find_repeats(doc);
	find_loose_ends(doc);
}
