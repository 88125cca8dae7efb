#include "importdoc.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "utf8.h"

struct import_block *importdoc_push(struct import_doc *doc, enum import_block_kind kind,
				    unsigned line)
{
	struct import_block *b = ARENA_PUSH(doc->a, doc->blocks, doc->nblocks, doc->ablocks);

	b->kind = kind;
	b->line = line;
	b->end_line = line;
	b->seq = doc->nblocks - 1;
	b->text = "";
	return b;
}

void importdoc_remove(struct import_doc *doc, size_t i, const char *why)
{
	doc->lines[i].use = IMPORT_LINE_REMOVED;
	doc->lines[i].why = why;
}

void importdoc_warn(struct import_doc *doc, unsigned line, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	diag_warning(doc->diags, doc->name, line, 0, "%s", sb.buf);
	strbuf_release(&sb);
}

void importdoc_add_string(struct import_doc *doc, struct import_strings *list, const char *s)
{
	if (list->count >= IMPORTDOC_MAX_STRINGS)
		return;
	for (size_t i = 0; i < list->count; i++)
		if (!strcmp(list->items[i], s))
			return;
	const char **slot = ARENA_PUSH(doc->a, list->items, list->count, list->alloc);
	*slot = arena_strdup(doc->a, s);
}

size_t importdoc_next(const struct import_doc *doc, size_t i)
{
	while (++i < doc->nlines)
		if (!doc->lines[i].blank && doc->lines[i].use != IMPORT_LINE_REMOVED)
			return i;
	return doc->nlines;
}

size_t importdoc_prev(const struct import_doc *doc, size_t i)
{
	while (i-- > 0)
		if (!doc->lines[i].blank && doc->lines[i].use != IMPORT_LINE_REMOVED)
			return i;
	return doc->nlines;
}

static int block_order(const void *pa, const void *pb)
{
	const struct import_block *a = pa, *b = pb;

	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void importdoc_sort_blocks(struct import_doc *doc)
{
	if (doc->nblocks > 1)
		qsort(doc->blocks, doc->nblocks, sizeof(*doc->blocks), block_order);
}

unsigned importdoc_width(const char *s)
{
	size_t len = strlen(s), pos = 0;
	unsigned w = 0;

	while (pos < len) {
		int32_t cp = utf8_next(s, len, &pos);
		w += utf8_is_wide(cp) ? 2 : 1;
	}
	return w;
}

int importdoc_is_han(int cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	       (cp >= 0x20000 && cp <= 0x2FFFF) || (cp >= 0xF900 && cp <= 0xFAFF);
}
