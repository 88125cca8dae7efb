#ifndef POLICYSITE_MARKDOWN_H
#define POLICYSITE_MARKDOWN_H

#include <stddef.h>

#include "strbuf.h"

struct cmark_node;

/*
 * Markdown through cmark-gfm with the table, strikethrough and autolink
 * extensions, plus one repair for Chinese text: CommonMark's flanking
 * rules leave `**“家庭医生”**签约` and `**（一）标题。**正文` unbolded,
 * because a delimiter between punctuation and a letter cannot close. Pairs
 * of `**` left over as literal text within one parent are made strong.
 * (A literal "**" therefore has to be written in code.)
 *
 * The caller owns the returned tree and frees it with cmark_node_free.
 */
struct cmark_node *markdown_parse(const char *text, size_t len);

/* The plain text of a node and its descendants. Soft line breaks join
 * Chinese with nothing and other text with a space. */
void markdown_plain_text(struct cmark_node *node, struct strbuf *out);

/* Whether the soft break `node` joins wide (Chinese) text, and so renders
 * as nothing rather than a space. */
int markdown_softbreak_is_silent(struct cmark_node *node);

/* The type name of a node ("table", "strikethrough", …). */
const char *markdown_type(struct cmark_node *node);

#endif
