#include "diag.h"

#include <assert.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "fsio.h"
#include "limit.h"
#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"

void diag_list_release(struct diag_list *list)
{
	for (size_t i = 0; i < list->count; i++) {
		free(list->items[i].file);
		free(list->items[i].message);
	}
	free(list->items);
	memset(list, 0, sizeof(*list));
}

/* Control characters in a message or a file name would let content forge
 * output lines. */
static void replace_controls(char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			*s = '?';
}

static char *clean_message(const char *fmt, va_list ap)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_vaddf(&sb, fmt, ap);
	replace_controls(sb.buf);
	return strbuf_detach(&sb, NULL);
}

/* Pages are written on several threads (see pool.h), any of which may
 * record a diagnostic. */
static pthread_mutex_t record_lock = PTHREAD_MUTEX_INITIALIZER;

static void record(struct diag_list *list, enum diag_severity sev, const char *file,
		   unsigned line, unsigned col, const char *fmt, va_list ap)
{
	char *message = clean_message(fmt, ap);
	struct diag *d;

	pthread_mutex_lock(&record_lock);
	if (list->count == list->alloc) {
		list->alloc = list->alloc ? list->alloc * 2 : 16;
		list->items = xrealloc(list->items, list->alloc * sizeof(*list->items));
	}
	d = &list->items[list->count];
	d->file = xstrdup(file ? file : "policysite");
	d->line = line;
	d->col = col;
	d->severity = sev;
	d->message = message;
	d->seq = list->count++;
	if (sev == DIAG_ERROR)
		list->errors++;
	else
		list->warnings++;
	pthread_mutex_unlock(&record_lock);
}

int diag_error(struct diag_list *list, const char *file, unsigned line, unsigned col,
	       const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	record(list, DIAG_ERROR, file, line, col, fmt, ap);
	va_end(ap);
	return -1;
}

static void record_as(struct diag_list *list, enum diag_severity sev, const char *file,
		      unsigned line, unsigned col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	record(list, sev, file, line, col, fmt, ap);
	va_end(ap);
}

void diag_list_append(struct diag_list *list, const struct diag_list *from)
{
	for (size_t i = 0; i < from->count; i++) {
		const struct diag *d = &from->items[i];
		record_as(list, d->severity, d->file, d->line, d->col, "%s", d->message);
	}
}

void diag_warning(struct diag_list *list, const char *file, unsigned line, unsigned col,
		  const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	record(list, list->werror ? DIAG_ERROR : DIAG_WARNING, file, line, col, fmt, ap);
	va_end(ap);
}

static int compare_diag(const void *pa, const void *pb)
{
	const struct diag *a = pa, *b = pb;
	int c = strcmp(a->file, b->file);

	if (c)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

struct cp_range {
	int32_t first, last;
};

/* East Asian Wide (W) and Fullwidth (F) in Unicode 14's EastAsianWidth.txt,
 * unassigned code points between two ranges merged into them. */
static const struct cp_range wide_ranges[] = {
	{ 0x1100, 0x115F }, { 0x231A, 0x231B }, { 0x2329, 0x232A }, { 0x23E9, 0x23EC },
	{ 0x23F0, 0x23F0 }, { 0x23F3, 0x23F3 }, { 0x25FD, 0x25FE }, { 0x2614, 0x2615 },
	{ 0x2648, 0x2653 }, { 0x267F, 0x267F }, { 0x2693, 0x2693 }, { 0x26A1, 0x26A1 },
	{ 0x26AA, 0x26AB }, { 0x26BD, 0x26BE }, { 0x26C4, 0x26C5 }, { 0x26CE, 0x26CE },
	{ 0x26D4, 0x26D4 }, { 0x26EA, 0x26EA }, { 0x26F2, 0x26F3 }, { 0x26F5, 0x26F5 },
	{ 0x26FA, 0x26FA }, { 0x26FD, 0x26FD }, { 0x2705, 0x2705 }, { 0x270A, 0x270B },
	{ 0x2728, 0x2728 }, { 0x274C, 0x274C }, { 0x274E, 0x274E }, { 0x2753, 0x2755 },
	{ 0x2757, 0x2757 }, { 0x2795, 0x2797 }, { 0x27B0, 0x27B0 }, { 0x27BF, 0x27BF },
	{ 0x2B1B, 0x2B1C }, { 0x2B50, 0x2B50 }, { 0x2B55, 0x2B55 }, { 0x2E80, 0x303E },
	{ 0x3041, 0x3247 }, { 0x3250, 0x4DBF }, { 0x4E00, 0xA4C6 }, { 0xA960, 0xA97C },
	{ 0xAC00, 0xD7A3 }, { 0xF900, 0xFAD9 }, { 0xFE10, 0xFE19 }, { 0xFE30, 0xFE6B },
	{ 0xFF01, 0xFF60 }, { 0xFFE0, 0xFFE6 }, { 0x16FE0, 0x1B2FB }, { 0x1F004, 0x1F004 },
	{ 0x1F0CF, 0x1F0CF }, { 0x1F18E, 0x1F18E }, { 0x1F191, 0x1F19A }, { 0x1F200, 0x1F320 },
	{ 0x1F32D, 0x1F335 }, { 0x1F337, 0x1F37C }, { 0x1F37E, 0x1F393 }, { 0x1F3A0, 0x1F3CA },
	{ 0x1F3CF, 0x1F3D3 }, { 0x1F3E0, 0x1F3F0 }, { 0x1F3F4, 0x1F3F4 }, { 0x1F3F8, 0x1F43E },
	{ 0x1F440, 0x1F440 }, { 0x1F442, 0x1F4FC }, { 0x1F4FF, 0x1F53D }, { 0x1F54B, 0x1F54E },
	{ 0x1F550, 0x1F567 }, { 0x1F57A, 0x1F57A }, { 0x1F595, 0x1F596 }, { 0x1F5A4, 0x1F5A4 },
	{ 0x1F5FB, 0x1F64F }, { 0x1F680, 0x1F6C5 }, { 0x1F6CC, 0x1F6CC }, { 0x1F6D0, 0x1F6D2 },
	{ 0x1F6D5, 0x1F6DF }, { 0x1F6EB, 0x1F6EC }, { 0x1F6F4, 0x1F6FC }, { 0x1F7E0, 0x1F7F0 },
	{ 0x1F90C, 0x1F93A }, { 0x1F93C, 0x1F945 }, { 0x1F947, 0x1F9FF }, { 0x1FA70, 0x1FAF6 },
	{ 0x20000, 0x3FFFD },
};

/* Combining marks of the common scripts, which draw over the character
 * before them, and variation selectors. */
static const struct cp_range zero_width_ranges[] = {
	{ 0x0300, 0x036F }, { 0x0483, 0x0489 }, { 0x0591, 0x05BD }, { 0x0610, 0x061A },
	{ 0x064B, 0x065F }, { 0x1AB0, 0x1AFF }, { 0x1DC0, 0x1DFF }, { 0x20D0, 0x20FF },
	{ 0x302A, 0x302D }, { 0x3099, 0x309A }, { 0xFE00, 0xFE0F }, { 0xFE20, 0xFE2F },
	{ 0xE0100, 0xE01EF },
};

static int in_ranges(int32_t cp, const struct cp_range *r, size_t n)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cp < r[mid].first)
			hi = mid;
		else if (cp > r[mid].last)
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

unsigned diag_char_width(int32_t cp)
{
	if (in_ranges(cp, zero_width_ranges, sizeof(zero_width_ranges) / sizeof(*zero_width_ranges)))
		return 0;
	return in_ranges(cp, wide_ranges, sizeof(wide_ranges) / sizeof(*wide_ranges)) ? 2 : 1;
}

/* Control characters, and the invisible ones that reorder or hide text
 * (bidirectional overrides, zero-width spaces): a quote shows them as '?'
 * so that content cannot forge or disguise what the terminal shows. */
static int is_control(int32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x200B && cp <= 0x200F) ||
	       (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x206F) || cp == 0xFEFF;
}

/* One character of a quoted line as shown. */
struct glyph {
	char text[8];	/* UTF-8, or up to 8 spaces for a tab */
	size_t len;
	unsigned width;
};

/* The character at `*pos`, shown at display column `at` (from 0). */
static void next_glyph(const char *s, size_t len, size_t *pos, unsigned at, struct glyph *g)
{
	int32_t cp = utf8_next(s, len, pos);

	if (cp == '\t') {
		g->width = 8 - at % 8;
		g->len = g->width;
		memset(g->text, ' ', g->len);
		return;
	}
	if (cp < 0)
		cp = 0xFFFD;
	else if (is_control(cp))
		cp = '?';
	g->len = utf8_encode(cp, g->text);
	g->width = diag_char_width(cp);
}

/*
 * The file that diagnostics quote from. They come sorted by file and line,
 * so one file is held at a time and the search for a line goes on from
 * the last one found.
 */
struct quote_source {
	char *path;		/* NULL before the first */
	struct strbuf text;
	int readable;
	unsigned line;		/* a line start already found: its number … */
	size_t off;		/* … and byte offset */
};

/* Where line 1 starts: after a byte-order mark, which the readers drop. */
static size_t first_line_offset(const struct strbuf *text)
{
	return text->len >= 3 && !memcmp(text->buf, "\xEF\xBB\xBF", 3) ? 3 : 0;
}

static void quote_source_load(struct quote_source *src, const char *path)
{
	if (src->path && !strcmp(src->path, path))
		return;
	free(src->path);
	src->path = xstrdup(path);
	strbuf_reset(&src->text);
	src->readable = fsio_read_regular(path, LIMIT_FILE_BYTES, &src->text) == 0 &&
			!memchr(src->text.buf, '\0', src->text.len);
	src->line = 1;
	src->off = first_line_offset(&src->text);
}

/* Find line `line` (from 1, not before the last one found) without its
 * end: 0, or -1 when there is none. */
static int find_line(struct quote_source *src, unsigned line, const char **start, size_t *len)
{
	const char *text = src->text.buf;

	assert(line >= src->line);
	while (src->line < line && src->off < src->text.len) {
		size_t end = src->off + strcspn(text + src->off, "\r\n");
		if (end == src->text.len) {
			src->off = end;
			break;
		}
		src->off = end + (text[end] == '\r' && text[end + 1] == '\n' ? 2 : 1);
		src->line++;
	}
	if (src->line != line || src->off >= src->text.len)
		return -1;
	*start = text + src->off;
	*len = strcspn(*start, "\r\n");
	return 0;
}

/* The display columns [from, to) of a line to show, around the caret at
 * column `caret` of a line `total` columns wide. */
static void quote_window(unsigned caret, unsigned total, unsigned *from, unsigned *to)
{
	unsigned before = DIAG_QUOTE_WIDTH / 3;

	*from = 0;
	*to = total;
	if (total <= DIAG_QUOTE_WIDTH)
		return;
	/* One column each for the … marks. */
	*from = caret > before ? caret - before : 0;
	*to = *from + DIAG_QUOTE_WIDTH - (*from > 0) - 1;
	if (*to >= total) {
		*to = total;
		*from = total - (DIAG_QUOTE_WIDTH - 1);
	}
}

static void print_quote(FILE *out, const char *s, size_t len, unsigned line, unsigned col)
{
	struct glyph g;
	unsigned total = 0, caret = 0, chars = 0, from, to, shown = 0, caret_shown = 0;
	size_t pos = 0;
	int margin;

	while (pos < len) {
		if (++chars == col)
			caret = total;
		next_glyph(s, len, &pos, total, &g);
		total += g.width;
	}
	if (col > chars)	/* just past the end of the line */
		caret = total;
	quote_window(caret, total, &from, &to);
	margin = fprintf(out, " %4u | ", line) - 3;
	if (from > 0) {
		fputs("\xE2\x80\xA6", out);
		shown = 1;
	}
	pos = 0;
	for (unsigned at = 0; pos < len && at < to; at += g.width) {
		next_glyph(s, len, &pos, at, &g);
		if (at == caret)
			caret_shown = shown;
		if (at >= from && at + g.width <= to) {
			fwrite(g.text, 1, g.len, out);
			shown += g.width;
		}
	}
	if (caret == total)
		caret_shown = shown;
	if (to < total)
		fputs("\xE2\x80\xA6", out);
	fputc('\n', out);
	if (col)
		fprintf(out, "%*s | %*s^\n", margin, "", (int)caret_shown, "");
}

void diag_print(struct diag_list *list, FILE *out)
{
	struct quote_source src = { NULL, STRBUF_INIT, 0, 0, 0 };

	if (!list->count)
		return;
	qsort(list->items, list->count, sizeof(*list->items), compare_diag);
	for (size_t i = 0; i < list->count; i++) {
		const struct diag *d = &list->items[i];
		const char *text;
		char *file = xstrdup(d->file);
		size_t len;
		replace_controls(file);
		fputs(file, out);
		free(file);
		if (d->line)
			fprintf(out, ":%u", d->line);
		if (d->line && d->col)
			fprintf(out, ":%u", d->col);
		fprintf(out, ": %s: %s\n", d->severity == DIAG_ERROR ? "error" : "warning",
			d->message);
		if (!d->line)
			continue;
		quote_source_load(&src, d->file);
		if (src.readable && find_line(&src, d->line, &text, &len) == 0)
			print_quote(out, text, len, d->line, d->col);
	}
	fprintf(out, "%zu error%s, %zu warning%s\n", list->errors, list->errors == 1 ? "" : "s",
		list->warnings, list->warnings == 1 ? "" : "s");
	free(src.path);
	strbuf_release(&src.text);
}

unsigned diag_column(const char *line, size_t off)
{
	unsigned col = 1;

	for (size_t i = 0; i < off && line[i]; i++)
		if (((unsigned char)line[i] & 0xC0) != 0x80)
			col++;
	return col;
}
