#ifndef POLICYSITE_IMPORTDOC_H
#define POLICYSITE_IMPORTDOC_H

#include <stddef.h>

#include "arena.h"
#include "date.h"
#include "diag.h"

/*
 * The importer's model of one text being turned into a document: its
 * lines as read, then the blocks (paragraphs, headings, measures, tables)
 * made of them. The stages of `policysite import` work on it in turn:
 *
 *   importtext    decode, split into lines, close up spaced-out text
 *   importpage    mark page numbers, running heads, a printed table of
 *                 contents as removed
 *   importfront   read the cover (title, 文号, issuer, date) into `front`
 *   importtable   turn tables into table blocks
 *   importstruct  join the remaining lines into paragraphs, then find
 *                 headings, measures and their levels
 *   importwrite   write front matter and Markdown
 *
 * Everything lives in the arena of the run. A stage never drops a line
 * silently: a line is text until a stage uses it for a block or removes
 * it with a reason (importdoc_remove), and every removal can be listed.
 */

enum import_use {
	IMPORT_LINE_TEXT,	/* not yet part of a block */
	IMPORT_LINE_USED,	/* in a block, the front matter or a table */
	IMPORT_LINE_REMOVED,	/* left out on purpose; `why` says why */
};

struct import_line {
	const char *raw;	/* as decoded, without its line end; never NULL */
	const char *text;	/* raw closed up (importtext_close_up) and trimmed */
	unsigned no;		/* 1-based line number in the input */
	unsigned width;		/* display columns of `text`: wide characters count 2 */
	unsigned raw_width;	/* display columns of raw, spaces included */
	unsigned char blank;	/* raw holds nothing but white space */
	unsigned char tabbed;	/* raw starts with a tab or holds one (table cells) */
	unsigned char page_start;	/* first line of a printed page, as far as known */
	enum import_use use;
	const char *why;	/* IMPORT_LINE_REMOVED: the reason, for --removed */
};

enum import_block_kind {
	IMPORT_PARAGRAPH,
	IMPORT_HEADING,
	IMPORT_MEASURE,		/* a numbered paragraph with a bold lead sentence */
	IMPORT_TABLE,
};

/* A table squared into rows of `ncols` cells; row 0 is the header. */
struct import_table {
	size_t ncols, nrows;
	const char **cells;	/* nrows * ncols, row by row; never NULL entries */
};

struct import_block {
	enum import_block_kind kind;
	unsigned line;		/* source line where it starts */
	unsigned end_line;	/* source line where it ends */
	size_t seq;		/* order of creation, the tiebreak after `line` */
	int level;		/* headings: 2-6; 0 until importstruct sets it */
	int fixed_level;	/* a heading whose level its producer set */
	int cover;		/* part of a cover notice, laid out by importfront */
	const char *text;	/* paragraphs, headings, measures: the whole text */
	size_t lead_len;	/* measures: bytes of the bold lead sentence */
	struct import_table *table;
};

struct import_strings {
	const char **items;
	size_t count, alloc;
};

/* What the cover and the text say about the document: the front matter.
 * NULL fields were not found. Lines are 0 when unknown. */
struct import_front {
	const char *title;
	unsigned title_line;
	const char *doc_number;	/* normalised, 梅市府办〔2024〕1号 */
	unsigned doc_number_line;
	struct import_strings issuers;
	unsigned issuer_line;
	struct date date;	/* year 0: not found */
	unsigned date_line;
	const char *date_text;	/* as printed, when the date line left the body */
	const char *status;	/* 征求意见稿 */
	const char *genre;	/* 实施方案, 规划 … */
	const char *plan_period;
	struct import_strings based_on;
	const char *region;
	const char *level;
	int notice;		/* the cover is a notice that stays in the body */
};

struct import_doc {
	struct arena *a;
	const char *name;	/* the input file, as warnings name it */
	struct diag_list *diags;
	struct import_line *lines;
	size_t nlines, alines;
	struct import_block *blocks;
	size_t nblocks, ablocks;
	struct import_front front;
	/* The printed line width in display columns when the text is
	 * hard-wrapped (every paragraph broken into lines of about this
	 * width); 0 when each paragraph is one line. */
	unsigned wrap_width;
};

/* A new block of `kind` starting at source line `line`, zeroed otherwise. */
struct import_block *importdoc_push(struct import_doc *doc, enum import_block_kind kind,
				    unsigned line);

/* Mark line `i` as left out of the document, for the reason `why` (a
 * static string: "page number", "running head" …). */
void importdoc_remove(struct import_doc *doc, size_t i, const char *why);

/* Record a warning at source line `line` (0: the whole file). */
void importdoc_warn(struct import_doc *doc, unsigned line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Append `s` to `list` (in the arena) unless it is already there or the
 * list holds IMPORTDOC_MAX_STRINGS already: no cover names more issuers,
 * no preamble cites more documents, and a hostile text gets no further. */
#define IMPORTDOC_MAX_STRINGS 32

void importdoc_add_string(struct import_doc *doc, struct import_strings *list, const char *s);

/* The index of the next line after `i` that holds text and is not
 * removed (pass (size_t)-1 for the first), or doc->nlines. */
size_t importdoc_next(const struct import_doc *doc, size_t i);

/* The same before `i`, or doc->nlines when there is none. */
size_t importdoc_prev(const struct import_doc *doc, size_t i);

/* Put the blocks in document order: by source line, then creation. */
void importdoc_sort_blocks(struct import_doc *doc);

/* Display columns of `s`: wide (CJK) characters count 2, others 1. */
unsigned importdoc_width(const char *s);

/* Whether `cp` is a Chinese character (CJK unified ideographs). */
int importdoc_is_han(int cp);

#endif
