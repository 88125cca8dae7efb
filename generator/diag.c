#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
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

/* Control characters in a message would let content forge output lines. */
static char *clean_message(const char *fmt, va_list ap)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_vaddf(&sb, fmt, ap);
	for (size_t i = 0; i < sb.len; i++) {
		unsigned char c = (unsigned char)sb.buf[i];
		if (c < 0x20 || c == 0x7f)
			sb.buf[i] = '?';
	}
	return strbuf_detach(&sb, NULL);
}

static void record(struct diag_list *list, enum diag_severity sev, const char *file,
		   unsigned line, unsigned col, const char *fmt, va_list ap)
{
	struct diag *d;

	if (list->count == list->alloc) {
		list->alloc = list->alloc ? list->alloc * 2 : 16;
		list->items = xrealloc(list->items, list->alloc * sizeof(*list->items));
	}
	d = &list->items[list->count];
	d->file = xstrdup(file ? file : "policysite");
	d->line = line;
	d->col = col;
	d->severity = sev;
	d->message = clean_message(fmt, ap);
	d->seq = list->count++;
	if (sev == DIAG_ERROR)
		list->errors++;
	else
		list->warnings++;
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

void diag_print(struct diag_list *list, FILE *out)
{
	if (!list->count)
		return;
	qsort(list->items, list->count, sizeof(*list->items), compare_diag);
	for (size_t i = 0; i < list->count; i++) {
		const struct diag *d = &list->items[i];
		fputs(d->file, out);
		if (d->line)
			fprintf(out, ":%u", d->line);
		if (d->line && d->col)
			fprintf(out, ":%u", d->col);
		fprintf(out, ": %s: %s\n", d->severity == DIAG_ERROR ? "error" : "warning",
			d->message);
	}
	fprintf(out, "%zu error%s, %zu warning%s\n", list->errors, list->errors == 1 ? "" : "s",
		list->warnings, list->warnings == 1 ? "" : "s");
}

unsigned diag_column(const char *line, size_t off)
{
	unsigned col = 1;

	for (size_t i = 0; i < off && line[i]; i++)
		if (((unsigned char)line[i] & 0xC0) != 0x80)
			col++;
	return col;
}
