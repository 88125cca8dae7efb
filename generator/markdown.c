#include "markdown.h"

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <string.h>

#include "utf8.h"
#include "xalloc.h"

static const char *const extensions[] = { "table", "strikethrough", "autolink" };

const char *markdown_type(cmark_node *node)
{
	return cmark_node_get_type_string(node);
}

static cmark_node *new_text(const char *s, size_t len)
{
	cmark_node *t = cmark_node_new(CMARK_NODE_TEXT);
	char *lit = xstrndup(s, len);

	cmark_node_set_literal(t, lit);
	free(lit);
	return t;
}

/* Set a text node's literal to `s[0..len)`, or drop the node when empty. */
static void retext(cmark_node *t, const char *s, size_t len)
{
	if (!len) {
		cmark_node_free(t);	/* unlinks it too */
		return;
	}
	char *lit = xstrndup(s, len);
	cmark_node_set_literal(t, lit);
	free(lit);
}

/*
 * Wrap the text between the "**" at `a_off` in text node `a` and the "**"
 * at `b_off` in text node `b` (a later sibling, or `a` itself) in a strong
 * node, which is returned.
 */
static cmark_node *make_strong(cmark_node *a, size_t a_off, cmark_node *b, size_t b_off)
{
	char *la = xstrdup(cmark_node_get_literal(a));
	char *lb = a == b ? la : xstrdup(cmark_node_get_literal(b));
	cmark_node *strong = cmark_node_new(CMARK_NODE_STRONG);

	cmark_node_insert_after(a, strong);
	if (a == b) {
		cmark_node_append_child(strong, new_text(la + a_off + 2, b_off - a_off - 2));
		if (la[b_off + 2])
			cmark_node_insert_after(strong, new_text(la + b_off + 2, strlen(la + b_off + 2)));
	} else {
		if (la[a_off + 2])
			cmark_node_append_child(strong, new_text(la + a_off + 2, strlen(la + a_off + 2)));
		for (cmark_node *n = cmark_node_next(strong), *next; n != b; n = next) {
			next = cmark_node_next(n);
			cmark_node_append_child(strong, n);
		}
		if (b_off)
			cmark_node_append_child(strong, new_text(lb, b_off));
		retext(b, lb + b_off + 2, strlen(lb + b_off + 2));
		free(lb);
	}
	retext(a, la, a_off);
	free(la);
	return strong;
}

/* The next "**" in the text children of a parent, from (`n`, `off`). */
static int next_delim(cmark_node **n, size_t *off)
{
	for (; *n; *n = cmark_node_next(*n), *off = 0) {
		if (cmark_node_get_type(*n) != CMARK_NODE_TEXT)
			continue;
		const char *hit = strstr(cmark_node_get_literal(*n) + *off, "**");
		if (hit) {
			*off = (size_t)(hit - cmark_node_get_literal(*n));
			return 1;
		}
	}
	return 0;
}

static int holds_inlines(cmark_node *n)
{
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_PARAGRAPH:
	case CMARK_NODE_HEADING:
	case CMARK_NODE_EMPH:
	case CMARK_NODE_STRONG:
	case CMARK_NODE_LINK:
		return 1;
	default:
		return !strcmp(markdown_type(n), "table_cell") ||
		       !strcmp(markdown_type(n), "strikethrough");
	}
}

static void repair_emphasis(cmark_node *parent)
{
	cmark_node *a = cmark_node_first_child(parent);
	size_t a_off = 0;

	if (holds_inlines(parent)) {
		while (next_delim(&a, &a_off)) {
			cmark_node *b = a;
			size_t b_off = a_off + 2;
			if (!next_delim(&b, &b_off))
				break;
			if (a == b && b_off == a_off + 2) {
				a_off = b_off + 2;	/* "****" is text */
				continue;
			}
			a = cmark_node_next(make_strong(a, a_off, b, b_off));
			a_off = 0;
		}
	}
	for (cmark_node *c = cmark_node_first_child(parent); c; c = cmark_node_next(c))
		repair_emphasis(c);
}

cmark_node *markdown_parse(const char *text, size_t len)
{
	cmark_parser *parser;
	cmark_node *root;

	cmark_gfm_core_extensions_ensure_registered();
	parser = cmark_parser_new(CMARK_OPT_DEFAULT);
	for (size_t i = 0; i < sizeof(extensions) / sizeof(*extensions); i++)
		cmark_parser_attach_syntax_extension(parser,
						     cmark_find_syntax_extension(extensions[i]));
	cmark_parser_feed(parser, text, len);
	root = cmark_parser_finish(parser);
	cmark_parser_free(parser);
	cmark_consolidate_text_nodes(root);
	repair_emphasis(root);
	return root;
}

static int32_t last_char(cmark_node *n)
{
	for (; n; n = cmark_node_last_child(n)) {
		const char *lit = cmark_node_get_literal(n);
		if (lit && *lit)
			return utf8_prev(lit, strlen(lit));
		if (!cmark_node_last_child(n))
			break;
	}
	return -1;
}

static int32_t first_char(cmark_node *n)
{
	for (; n; n = cmark_node_first_child(n)) {
		const char *lit = cmark_node_get_literal(n);
		if (lit && *lit) {
			size_t pos = 0;
			return utf8_next(lit, strlen(lit), &pos);
		}
		if (!cmark_node_first_child(n))
			break;
	}
	return -1;
}

int markdown_softbreak_is_silent(cmark_node *node)
{
	int32_t before = last_char(cmark_node_previous(node));
	int32_t after = first_char(cmark_node_next(node));

	/* A break next to a Chinese character joins; only Latin on both
	 * sides keeps the space that CommonMark gives a line break. */
	return utf8_is_wide(before) || utf8_is_wide(after);
}

void markdown_plain_text(cmark_node *node, struct strbuf *out)
{
	strbuf_reset(out);
	cmark_iter *it = cmark_iter_new(node);
	cmark_event_type ev;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			strbuf_adds(out, cmark_node_get_literal(n));
			break;
		case CMARK_NODE_SOFTBREAK:
			if (!markdown_softbreak_is_silent(n))
				strbuf_addch(out, ' ');
			break;
		case CMARK_NODE_LINEBREAK:
			strbuf_addch(out, ' ');
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
}
