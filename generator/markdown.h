#ifndef POLICYSITE_MARKDOWN_H
#define POLICYSITE_MARKDOWN_H

#include <stddef.h>

#include "limit.h"
#include "strbuf.h"

struct cmark_node;

/*
 * Markdown through cmark-gfm with the table, strikethrough and autolink
 * extensions, with one change for Chinese text. CommonMark's flanking
 * rules leave `**“家庭医生”**签约` and `**（一）标题。**正文` unbolded (a
 * delimiter between punctuation and a letter cannot close) and can pair
 * the wrong runs. So `**` is taken out of cmark's hands: every `**` run
 * that is not between spaces is paired in order within its parent after
 * parsing, and a run without a partner stays text. Single `*`, `_`,
 * escaped `\*\*` and code spans keep the CommonMark rules. (Nested bold
 * inside bold, `**a **b** c**`, pairs as two bold runs.)
 *
 * The caller owns the returned tree and frees it with cmark_node_free.
 * Text nested deeper than LIMIT_MARKDOWN_DEPTH (block quotes in block
 * quotes, lists in lists, emphasis in emphasis) gives an empty document
 * and sets `*too_deep` to the line (of `text`, from 1) where it goes too
 * deep, so that no later walk of the tree can exhaust the stack; else 0.
 */
struct cmark_node *markdown_parse(const char *text, size_t len, int *too_deep);

/* Register cmark-gfm's extensions, which markdown_parse does on its first
 * call: call it before parsing on several threads, as the registration is
 * not safe to race. After that markdown_parse may run on several threads
 * (it holds a lock around the part of cmark-gfm that is not safe). */
void markdown_init(void);

/*
 * The line (of `text`, from 1) where a table with more than
 * LIMIT_TABLE_CELLS cells starts, or 0; counted on the text before it is
 * parsed, because the table extension fills every row up to the header's
 * number of cells: a header of 1,000 cells over 10,000 short lines is ten
 * million cells from 24 KB. A table's cells are counted as the columns of
 * its delimiter row (|---|---|) times its lines up to the next blank line.
 */
int markdown_oversized_table(const char *text, size_t len);

/* The plain text of a node and its descendants. Soft line breaks join
 * Chinese with nothing and other text with a space. */
void markdown_plain_text(struct cmark_node *node, struct strbuf *out);

/* Whether the soft break `node` joins wide (Chinese) text, and so renders
 * as nothing rather than a space. */
int markdown_softbreak_is_silent(struct cmark_node *node);

/* The type name of a node ("table", "strikethrough", …). */
const char *markdown_type(struct cmark_node *node);

#endif
