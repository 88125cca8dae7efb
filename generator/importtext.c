#include "importtext.h"

#include <errno.h>
#include <iconv.h>
#include <string.h>

#include "document.h"
#include "utf8.h"

/* Line and column of byte `off` in `data`, for an encoding error. */
static void locate(const char *data, size_t off, unsigned *line, unsigned *col)
{
	size_t start = 0;

	*line = 1;
	for (size_t i = 0; i < off; i++)
		if (data[i] == '\n') {
			++*line;
			start = i + 1;
		}
	/* The column counts the characters before the bad byte, which are
	 * valid: diag_column stops at `off`. */
	struct strbuf l = STRBUF_INIT;
	strbuf_add(&l, data + start, off - start);
	*col = diag_column(l.buf, l.len);
	strbuf_release(&l);
}

static int from_gb18030(const char *data, size_t len, const char *name, struct strbuf *out,
			struct diag_list *diags)
{
	iconv_t cd = iconv_open("UTF-8", "GB18030");
	char *in = (char *)data;
	size_t inleft = len;
	unsigned line, col;

	if (cd == (iconv_t)-1)
		return diag_error(diags, name, 0, 0,
				  "the file looks like GB18030 (GBK), but iconv cannot convert "
				  "from it here; convert it to UTF-8 first");
	strbuf_reset(out);
	while (inleft) {
		strbuf_grow(out, inleft * 2 + 16);
		char *o = out->buf + out->len;
		size_t oleft = out->alloc - out->len - 1;
		size_t r = iconv(cd, &in, &inleft, &o, &oleft);
		strbuf_setlen(out, (size_t)(o - out->buf));
		if (r == (size_t)-1 && errno != E2BIG) {
			iconv_close(cd);
			locate(data, (size_t)(in - data), &line, &col);
			return diag_error(diags, name, line, 0,
					  "byte 0x%02X is neither UTF-8 nor GB18030 (GBK); "
					  "the file is damaged or in another encoding: convert it "
					  "to UTF-8", (unsigned char)*in);
		}
	}
	iconv_close(cd);
	return 0;
}

/* Whether the NUL bytes of binary-looking data sit where UTF-16 puts them. */
static int looks_like_utf16(const char *data, size_t len)
{
	size_t even = 0, odd = 0;

	for (size_t i = 0; i < len && i < 4096; i++)
		if (!data[i]) {
			if (i % 2)
				odd++;
			else
				even++;
		}
	return (even > 8 && !odd) || (odd > 8 && !even);
}

/* CRLF and CR to LF; control characters other than tab and form feed to
 * spaces. In place on `sb`. */
static void normalise_controls(struct strbuf *sb)
{
	size_t w = 0;

	for (size_t r = 0; r < sb->len; r++) {
		unsigned char c = (unsigned char)sb->buf[r];
		if (c == '\r') {
			if (r + 1 < sb->len && sb->buf[r + 1] == '\n')
				continue;
			c = '\n';
		} else if ((c < 0x20 && c != '\n' && c != '\t' && c != '\f') || c == 0x7F) {
			c = ' ';
		}
		sb->buf[w++] = (char)c;
	}
	strbuf_setlen(sb, w);
}

int importtext_decode(const char *data, size_t len, const char *name, struct strbuf *out,
		      const char **note, struct diag_list *diags)
{
	size_t bad;
	unsigned line, col;

	*note = NULL;
	strbuf_reset(out);
	if (!len)
		return diag_error(diags, name, 0, 0, "the file is empty: nothing to import");
	switch (utf8_check_text(data, len, &bad)) {
	case TEXT_UTF8:
		strbuf_add(out, data, len);
		break;
	case TEXT_UTF8_BOM:
		strbuf_add(out, data + 3, len - 3);
		break;
	case TEXT_GB18030:
		if (from_gb18030(data, len, name, out, diags) < 0)
			return -1;
		*note = "converted from GB18030 (GBK) to UTF-8";
		break;
	case TEXT_UTF16:
		return diag_error(diags, name, 0, 0,
				  "the file is UTF-16, which the importer does not read; convert "
				  "it to UTF-8 (iconv -f UTF-16 -t UTF-8)");
	case TEXT_BINARY:
		if (looks_like_utf16(data, len))
			return diag_error(diags, name, 0, 0,
					  "the file looks like UTF-16 without a byte-order mark, "
					  "which the importer does not read; convert it to UTF-8");
		return diag_error(diags, name, 0, 0,
				  "the file holds NUL bytes: it is binary data, not text; "
				  "extract its text first");
	case TEXT_INVALID_UTF8:
	default:
		locate(data, bad, &line, &col);
		return diag_error(diags, name, line, col,
				  "byte 0x%02X is not UTF-8 and the file does not look like "
				  "GB18030 (GBK); convert it to UTF-8",
				  (unsigned char)data[bad]);
	}
	normalise_controls(out);
	return 0;
}

static int is_space_cp(int32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0xA0;
}

static int is_ascii_alnum(int32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
}

/* Wide for closing up: CJK, full-width forms, and the general
 * punctuation Chinese text uses (“”‘’—…), which sits between Chinese
 * characters and never needs a space. */
static int closes_up(int32_t cp)
{
	return utf8_is_wide(cp) || (cp >= 0x2010 && cp <= 0x206F) || (cp >= 0x2460 && cp <= 0x24FF);
}

int importtext_is_spaced_out(const char *s)
{
	size_t len = strlen(s), pos = 0;
	unsigned pairs = 0, spaced = 0, gap = 0;
	int32_t prev = -1;

	while (pos < len) {
		int32_t cp = utf8_next(s, len, &pos);
		if (is_space_cp(cp)) {
			gap++;
			continue;
		}
		if (prev >= 0) {
			pairs++;
			if (gap == 1 && (closes_up(prev) || closes_up(cp)))
				spaced++;
		}
		prev = cp;
		gap = 0;
	}
	return pairs > 0 && spaced * 2 >= pairs;
}

/* Whether `out` (the text so far) ends with the name of an issuing body,
 * so that a space before another Chinese character separates two of them
 * ("中共广东省委 广东省人民政府"). */
static int ends_with_body(const struct strbuf *out)
{
	static const char *const suffixes[] = {
		"省委", "市委", "区委", "县委", "政府", "办公室", "办公厅", NULL,
	};

	for (const char *const *s = suffixes; *s; s++) {
		size_t n = strlen(*s);
		if (out->len >= n && !memcmp(out->buf + out->len - n, *s, n))
			return 1;
	}
	return 0;
}

/* Byte length of the numbering at the start of `s` after which a space is
 * kept ("第一章  规划背景", "1. 面临的形势"), or 0. Circled numbers close up
 * with their text, as the tables print them. */
static size_t heading_numbering(const char *s)
{
	size_t n = document_numbering_length(s), pos = 0;
	int32_t first = utf8_next(s, strlen(s), &pos);

	if (!n || (first >= 0x2460 && first <= 0x24FF))
		return 0;
	return n;
}

void importtext_close_up(const char *s, struct strbuf *out)
{
	size_t len = strlen(s), pos = 0, gap_start = 0, keep_at = 0;
	int spaced = importtext_is_spaced_out(s);
	int32_t prev = -1;
	int gap = 0, tab = 0;

	strbuf_reset(out);
	while (pos < len) {
		size_t at = pos;
		int32_t cp = utf8_next(s, len, &pos);
		if (cp < 0) {
			strbuf_add(out, s + at, pos - at);
			prev = 0xFFFD;
			gap = tab = 0;
			continue;
		}
		if (is_space_cp(cp)) {
			if (!gap)
				gap_start = at;
			gap = 1;
			tab |= cp == '\t';
			continue;
		}
		if (prev < 0 && !spaced) {
			keep_at = heading_numbering(s + at);
			if (keep_at)
				keep_at += at;
		}
		if (gap && prev >= 0) {
			int keep;
			if (tab || (keep_at && gap_start == keep_at))
				keep = 1;
			else if (spaced)
				keep = is_ascii_alnum(prev) && is_ascii_alnum(cp);
			else if (closes_up(prev) || closes_up(cp))
				keep = importdoc_is_han(prev) && importdoc_is_han(cp) &&
				       ends_with_body(out);
			else
				keep = 1;
			if (keep)
				strbuf_addch(out, ' ');
		}
		strbuf_add(out, s + at, pos - at);
		prev = cp;
		gap = tab = 0;
	}
}

static unsigned trimmed_width(const char *s)
{
	size_t len = strlen(s), pos = 0;
	unsigned w = 0, pending = 0;
	int started = 0;

	while (pos < len) {
		int32_t cp = utf8_next(s, len, &pos);
		if (is_space_cp(cp)) {
			if (started)
				pending += cp == 0x3000 ? 2 : 1;
			continue;
		}
		w += pending + (utf8_is_wide(cp) ? 2 : 1);
		pending = 0;
		started = 1;
	}
	return w;
}

/* Hard-wrapped text has most of its lines at one printed width. */
#define WRAP_MAX_COLUMNS 400
#define WRAP_TOLERANCE 4

static void measure_wrap(struct import_doc *doc)
{
	unsigned hist[WRAP_MAX_COLUMNS + 1] = { 0 };
	size_t nonblank = 0, best = 0;
	unsigned mode = 0;

	for (size_t i = 0; i < doc->nlines; i++) {
		if (doc->lines[i].blank)
			continue;
		nonblank++;
		unsigned w = doc->lines[i].raw_width;
		hist[w > WRAP_MAX_COLUMNS ? WRAP_MAX_COLUMNS : w]++;
	}
	for (unsigned w = 20; w < WRAP_MAX_COLUMNS; w++)
		if (hist[w] > best) {
			best = hist[w];
			mode = w;
		}
	if (!mode)
		return;
	size_t near = 0;
	/* hist[WRAP_MAX_COLUMNS] counts the wider lines: not near any width. */
	for (unsigned w = mode - WRAP_TOLERANCE; w <= mode + WRAP_TOLERANCE && w < WRAP_MAX_COLUMNS;
	     w++)
		near += hist[w];
	if (near >= 8 && near * 100 >= nonblank * 35)
		doc->wrap_width = mode;
}

/* A line that starts with a space right after a line of text begins a
 * page, in text whose lines are otherwise separated by blank lines (the
 * way some PDF extractors mark pages). */
static void mark_page_starts(struct import_doc *doc)
{
	size_t nonblank = 0, followed = 0;

	for (size_t i = 0; i < doc->nlines; i++)
		if (!doc->lines[i].blank) {
			nonblank++;
			followed += i + 1 < doc->nlines && doc->lines[i + 1].blank;
		}
	if (!nonblank)
		return;
	doc->lines[0].page_start = 1;
	if (followed * 10 < nonblank * 7)
		return;
	for (size_t i = 1; i < doc->nlines; i++)
		if (!doc->lines[i].blank && !doc->lines[i - 1].blank && doc->lines[i].raw[0] == ' ')
			doc->lines[i].page_start = 1;
}

void importtext_split(struct import_doc *doc, const char *text, size_t len)
{
	struct strbuf raw = STRBUF_INIT, closed = STRBUF_INIT;
	size_t start = 0;
	unsigned no = 0;

	while (start < len) {
		const char *nl = memchr(text + start, '\n', len - start);
		size_t end = nl ? (size_t)(nl - text) : len;
		int form_feed = 0;

		strbuf_reset(&raw);
		for (size_t i = start; i < end; i++) {
			if (text[i] == '\f')
				form_feed = 1;
			else
				strbuf_addch(&raw, text[i]);
		}
		struct import_line *l = ARENA_PUSH(doc->a, doc->lines, doc->nlines, doc->alines);
		importtext_close_up(raw.buf, &closed);
		l->raw = arena_strndup(doc->a, raw.buf, raw.len);
		l->text = arena_strndup(doc->a, closed.buf, closed.len);
		l->no = ++no;
		l->width = importdoc_width(l->text);
		l->raw_width = trimmed_width(l->raw);
		l->blank = closed.len == 0 && !strchr(l->raw, '\t');
		l->tabbed = strchr(l->raw, '\t') != NULL;
		l->page_start = (unsigned char)form_feed;
		start = end + 1;
	}
	strbuf_release(&raw);
	strbuf_release(&closed);
	mark_page_starts(doc);
	measure_wrap(doc);
}
