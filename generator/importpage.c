#include "importpage.h"

#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "strbuf.h"
#include "utf8.h"

static int is_dash(int32_t cp)
{
	return cp == '-' || cp == 0x2010 || cp == 0x2012 || cp == 0x2013 || cp == 0x2014 ||
	       cp == 0x2015 || cp == 0x2500 || cp == 0xFF0D || cp == 0x2212;
}

static int digit_value(int32_t cp)
{
	if (cp >= '0' && cp <= '9')
		return cp - '0';
	if (cp >= 0xFF10 && cp <= 0xFF19)
		return cp - 0xFF10;
	return -1;
}

/* The code points of `text` without spaces, at most `max`; the count, or
 * max + 1 when there are more. */
static size_t squeeze(const char *text, int32_t *out, size_t max)
{
	size_t len = strlen(text), pos = 0, n = 0;

	while (pos < len) {
		int32_t cp = utf8_next(text, len, &pos);
		if (cp == ' ' || cp == '\t' || cp == 0x3000)
			continue;
		if (n == max)
			return max + 1;
		out[n++] = cp;
	}
	return n;
}

/* Skip 1-4 digits at out[*i]; 1 if there were some. */
static int digits(const int32_t *cp, size_t n, size_t *i)
{
	size_t start = *i;

	while (*i < n && *i - start < 4 && digit_value(cp[*i]) >= 0)
		++*i;
	return *i > start;
}

int importpage_is_page_number(const char *text)
{
	int32_t cp[24];
	size_t n = squeeze(text, cp, 23), i = 0;

	if (!n || n > 23)
		return 0;
	if (is_dash(cp[0])) {	/* — 3 —, - 3 - */
		while (i < n && is_dash(cp[i]))
			i++;
		if (!digits(cp, n, &i) || i == n)
			return 0;
		while (i < n && is_dash(cp[i]))
			i++;
		return i == n;
	}
	if (cp[0] == 0x7B2C) {	/* 第3页, 第3页共10页, 第3页/共10页 */
		i = 1;
		if (!digits(cp, n, &i) || i == n || cp[i++] != 0x9875)
			return 0;
		if (i < n && cp[i] == '/')
			i++;
		if (i == n)
			return 1;
		if (cp[i++] != 0x5171 || !digits(cp, n, &i) || i == n || cp[i++] != 0x9875)
			return 0;
		return i == n;
	}
	if ((cp[0] == 'P' || cp[0] == 'p') && n > 4 && cp[1] == 'a' && cp[2] == 'g' &&
	    cp[3] == 'e') {	/* Page 3 */
		i = 4;
		return digits(cp, n, &i) && i == n;
	}
	return 0;
}

int importpage_is_bare_number(const char *text)
{
	int32_t cp[8];
	size_t n = squeeze(text, cp, 7), i = 0;

	if (!n || n > 3)
		return 0;
	while (i < n && digit_value(cp[i]) >= 0)
		i++;
	return i == n;
}

int importpage_is_toc_entry(const char *raw)
{
	size_t len = strlen(raw), end = len, d;

	while (end > 0 && (raw[end - 1] == ' ' || raw[end - 1] == '\t'))
		end--;
	d = end;
	while (d > 0 && raw[d - 1] >= '0' && raw[d - 1] <= '9' && end - d < 4)
		d--;
	if (d == end || d == 0 || (raw[d - 1] >= '0' && raw[d - 1] <= '9'))
		return 0;
	size_t gap = d;
	while (gap > 0 && raw[gap - 1] == ' ')
		gap--;
	/* The number stands apart: after a tab, two spaces or leader dots. */
	if (raw[d - 1] == '\t' || d - gap >= 2)
		return gap > 0;
	if (gap >= 3 && !memcmp(raw + gap - 3, "…", 3))
		return 1;
	return gap >= 3 && raw[gap - 1] == '.' && raw[gap - 2] == '.';
}

/* A bare number is a page number when it stands between lines of running
 * text: in a table printed one cell per line its neighbours are cells,
 * short or numbers themselves. */
#define BARE_NEIGHBOUR_COLUMNS 24

static int bare_page_number(const struct import_doc *doc, size_t i)
{
	const struct import_line *l = &doc->lines[i];
	size_t p = importdoc_prev(doc, i), n = importdoc_next(doc, i);

	if (l->tabbed || !importpage_is_bare_number(l->text))
		return 0;
	if (p < doc->nlines && (doc->lines[p].tabbed || importpage_is_bare_number(doc->lines[p].text) ||
				doc->lines[p].width < BARE_NEIGHBOUR_COLUMNS))
		return 0;
	if (n < doc->nlines && (doc->lines[n].tabbed || importpage_is_bare_number(doc->lines[n].text)))
		return 0;
	return 1;
}

static void remove_page_numbers(struct import_doc *doc)
{
	for (size_t i = 0; i < doc->nlines; i++) {
		struct import_line *l = &doc->lines[i];
		if (l->blank || l->tabbed || l->use != IMPORT_LINE_TEXT)
			continue;
		if (importpage_is_page_number(l->text) || bare_page_number(doc, i)) {
			importdoc_remove(doc, i, "page number");
			size_t n = importdoc_next(doc, i);
			if (n < doc->nlines)
				doc->lines[n].page_start = 1;
		}
	}
}

/* 时事 A6: a page name of Chinese characters and an edition number. */
static int is_edition_head(const char *text)
{
	size_t len = strlen(text), pos = 0, han = 0;
	int32_t cp = 0;

	while (pos < len) {
		size_t at = pos;
		cp = utf8_next(text, len, &pos);
		if (!importdoc_is_han(cp)) {
			pos = at;
			break;
		}
		han++;
	}
	if (han < 2 || han > 6)
		return 0;
	while (pos < len && text[pos] == ' ')
		pos++;
	if (pos >= len || text[pos] < 'A' || text[pos] > 'Z')
		return 0;
	pos++;
	size_t d = pos;
	while (pos < len && text[pos] >= '0' && text[pos] <= '9')
		pos++;
	return pos > d && pos - d <= 2 && pos == len;
}

/* 2023年4月20日/星期四/要闻编辑部主编/责编 杨逸芸: the date line of a newspaper page. */
static int is_masthead_line(const char *text)
{
	return strstr(text, "星期") &&
	       (strstr(text, "责编") || strstr(text, "编辑") || strstr(text, "校对"));
}

static void remove_newspaper_heads(struct import_doc *doc)
{
	unsigned first = 0;

	for (size_t i = 0; i < doc->nlines; i++) {
		struct import_line *l = &doc->lines[i];
		if (l->blank || l->use != IMPORT_LINE_TEXT || l->width > 120)
			continue;
		if (!is_edition_head(l->text) && !is_masthead_line(l->text))
			continue;
		importdoc_remove(doc, i, "newspaper page head");
		if (!first) {
			first = l->no;
			importdoc_warn(doc, l->no,
				       "a newspaper page head: the text after it may be other "
				       "articles of the same page, not part of this document; "
				       "delete what does not belong");
		}
	}
}

static int toc_title(const char *text)
{
	int32_t cp[4];

	return squeeze(text, cp, 3) == 2 && cp[0] == 0x76EE && cp[1] == 0x5F55;	/* 目录 */
}

/* Entries from line `from` on; the index after the last entry, and their
 * count in `*entries`. */
static size_t toc_run(const struct import_doc *doc, size_t from, size_t *entries)
{
	size_t end = from;

	*entries = 0;
	for (size_t i = from; i < doc->nlines; i++) {
		const struct import_line *l = &doc->lines[i];
		if (l->blank)
			continue;
		if (!importpage_is_toc_entry(l->raw))
			break;
		++*entries;
		end = i + 1;
	}
	return end;
}

static void remove_toc(struct import_doc *doc)
{
	for (size_t i = 0; i < doc->nlines; i++) {
		const struct import_line *l = &doc->lines[i];
		size_t entries, end;
		if (l->blank || l->use != IMPORT_LINE_TEXT)
			continue;
		if (toc_title(l->text)) {
			end = toc_run(doc, i + 1, &entries);
			if (entries < 3)
				continue;
		} else {
			end = toc_run(doc, i, &entries);
			if (entries < 5 || !document_numbering_length(l->text))
				continue;
		}
		for (size_t k = i; k < end; k++)
			if (!doc->lines[k].blank)
				importdoc_remove(doc, k, "table of contents");
		return;
	}
}

/* Running heads: the candidate lines sorted by text, to find repeats. */
struct candidate {
	const char *text;
	size_t index;
};

static int by_text(const void *pa, const void *pb)
{
	const struct candidate *a = pa, *b = pb;
	int c = strcmp(a->text, b->text);

	return c ? c : (a->index > b->index) - (a->index < b->index);
}

static int at_page_edge(const struct import_doc *doc, size_t i)
{
	size_t p = i, n = i;

	if (doc->lines[i].page_start)
		return 1;
	while (p-- > 0 && doc->lines[p].blank)
		;
	if (p < doc->nlines && doc->lines[p].use == IMPORT_LINE_REMOVED &&
	    !strcmp(doc->lines[p].why, "page number"))
		return 1;
	while (++n < doc->nlines && doc->lines[n].blank)
		;
	return n < doc->nlines && doc->lines[n].use == IMPORT_LINE_REMOVED &&
	       !strcmp(doc->lines[n].why, "page number");
}

#define RUNNING_HEAD_MIN_REPEATS 3
#define RUNNING_HEAD_MIN_COLUMNS 8
#define RUNNING_HEAD_MAX_COLUMNS 60
#define COVER_LINES 5

/* The index of the first line after the first few lines of text, where a
 * running head's first copy is the title on the cover. */
static size_t cover_end(const struct import_doc *doc)
{
	size_t seen = 0, i = 0;

	while (i < doc->nlines && seen < COVER_LINES)
		seen += !doc->lines[i++].blank;
	return i;
}

static void remove_running_heads(struct import_doc *doc)
{
	struct candidate *cand = arena_calloc(doc->a, doc->nlines + 1, sizeof(*cand));
	size_t n = 0, cover = cover_end(doc);

	for (size_t i = 0; i < doc->nlines; i++) {
		const struct import_line *l = &doc->lines[i];
		if (!l->blank && !l->tabbed && l->use == IMPORT_LINE_TEXT &&
		    l->width >= RUNNING_HEAD_MIN_COLUMNS && l->width <= RUNNING_HEAD_MAX_COLUMNS &&
		    !document_numbering_length(l->text))
			cand[n++] = (struct candidate){ l->text, i };
	}
	qsort(cand, n, sizeof(*cand), by_text);
	for (size_t g = 0; g < n;) {
		size_t e = g + 1, edges = 0;
		while (e < n && !strcmp(cand[e].text, cand[g].text))
			e++;
		for (size_t k = g; k < e; k++)
			edges += at_page_edge(doc, cand[k].index);
		if (e - g >= RUNNING_HEAD_MIN_REPEATS && edges == e - g)
			for (size_t k = g; k < e; k++)
				if (k > g || cand[k].index >= cover)
					importdoc_remove(doc, cand[k].index, "running head");
		g = e;
	}
}

void importpage_remove(struct import_doc *doc)
{
	remove_page_numbers(doc);
	remove_newspaper_heads(doc);
	remove_toc(doc);
	remove_running_heads(doc);
}
