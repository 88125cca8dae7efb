#include "markdown.h"

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <pthread.h>
#include <string.h>

#include "limit.h"
#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"

/* Private-use character standing in for a `**` run while cmark parses; it
 * is a letter to cmark, so cmark leaves it alone. */
#define SENTINEL "\xEE\x80\x80"	/* U+E000 */
#define SENTINEL_LEN 3

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

static int is_delimiter(cmark_node *n)
{
	return cmark_node_get_type(n) == CMARK_NODE_TEXT &&
	       !strcmp(cmark_node_get_literal(n), SENTINEL);
}

/* `n` or the first later sibling that is a sentinel node, or NULL. */
static cmark_node *next_delimiter(cmark_node *n)
{
	while (n && !is_delimiter(n))
		n = cmark_node_next(n);
	return n;
}

/* The first sentinel in p[0..end), or NULL. With memchr rather than
 * strstr, which under AddressSanitizer measures the whole rest of the
 * text at every call. */
static const char *find_sentinel(const char *p, const char *end)
{
	while (p < end && (p = memchr(p, SENTINEL[0], (size_t)(end - p)))) {
		if (end - p >= SENTINEL_LEN && !memcmp(p, SENTINEL, SENTINEL_LEN))
			return p;
		p++;
	}
	return NULL;
}

/*
 * Give every sentinel among the text children of `parent` a text node of
 * its own, with the text around it in nodes between. Pairing then moves
 * nodes instead of cutting a paragraph's text at each pair, which copied
 * the rest of the text every time: quadratic in a long paragraph.
 */
static void split_at_delimiters(cmark_node *parent)
{
	cmark_node *next;

	for (cmark_node *n = cmark_node_first_child(parent); n; n = next) {
		next = cmark_node_next(n);
		if (cmark_node_get_type(n) != CMARK_NODE_TEXT || is_delimiter(n))
			continue;
		const char *p = cmark_node_get_literal(n), *end = p + strlen(p), *hit;
		cmark_node *last = n;
		if (!find_sentinel(p, end))
			continue;
		while ((hit = find_sentinel(p, end))) {
			if (hit > p) {
				cmark_node_insert_after(last, new_text(p, (size_t)(hit - p)));
				last = cmark_node_next(last);
			}
			cmark_node_insert_after(last, new_text(SENTINEL, SENTINEL_LEN));
			last = cmark_node_next(last);
			p = hit + SENTINEL_LEN;
		}
		if (p < end)
			cmark_node_insert_after(last, new_text(p, (size_t)(end - p)));
		cmark_node_free(n);	/* its literal is no longer read */
	}
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

/* Pair the sentinels among the children of `parent` in order and make each
 * pair strong: every run may open or close, which is what Chinese text
 * needs (see markdown.h). */
static void pair_delimiters(cmark_node *parent)
{
	if (holds_inlines(parent)) {
		split_at_delimiters(parent);
		cmark_node *a = next_delimiter(cmark_node_first_child(parent)), *b, *n, *next;
		while (a && (b = next_delimiter(cmark_node_next(a)))) {
			if (cmark_node_next(a) == b) {
				a = next_delimiter(cmark_node_next(b));	/* "****" stays text */
				continue;
			}
			cmark_node *strong = cmark_node_new(CMARK_NODE_STRONG);
			cmark_node_insert_before(a, strong);
			for (n = cmark_node_next(a); n != b; n = next) {
				next = cmark_node_next(n);
				cmark_node_append_child(strong, n);
			}
			cmark_node_free(a);
			a = next_delimiter(cmark_node_next(b));
			cmark_node_free(b);
		}
	}
	for (cmark_node *c = cmark_node_first_child(parent); c; c = cmark_node_next(c))
		pair_delimiters(c);
}

/* `s` with sentinels turned back into `**`, into `out`; 0 when `s` has
 * none. */
static int unmark(const char *s, struct strbuf *out)
{
	if (!s || !strstr(s, SENTINEL))
		return 0;
	strbuf_reset(out);
	for (const char *p = s; *p;) {
		if (!strncmp(p, SENTINEL, SENTINEL_LEN)) {
			strbuf_adds(out, "**");
			p += SENTINEL_LEN;
		} else {
			strbuf_addch(out, *p++);
		}
	}
	return 1;
}

/* Turn sentinels that found no partner back into the `**` they were,
 * also where they ended up in link destinations and titles. */
static void restore_delimiters(cmark_node *root)
{
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	struct strbuf sb = STRBUF_INIT;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		if (unmark(cmark_node_get_literal(n), &sb))
			cmark_node_set_literal(n, sb.buf);
		cmark_node_type t = cmark_node_get_type(n);
		if (t != CMARK_NODE_LINK && t != CMARK_NODE_IMAGE)
			continue;
		if (unmark(cmark_node_get_url(n), &sb))
			cmark_node_set_url(n, sb.buf);
		if (unmark(cmark_node_get_title(n), &sb))
			cmark_node_set_title(n, sb.buf);
	}
	strbuf_release(&sb);
	cmark_iter_free(it);
}

static int is_fence_line(const char *line, size_t len)
{
	size_t i = 0;

	while (i < len && i < 3 && line[i] == ' ')
		i++;
	return len - i >= 3 && (!strncmp(line + i, "```", 3) || !strncmp(line + i, "~~~", 3));
}

/* Copy one line, replacing each `**` run that could open or close (one
 * not between spaces) by the sentinel; code spans are copied as they are.
 * Everything between two sentinels goes in one strbuf_add. */
static void mark_line(struct strbuf *out, const char *line, size_t len)
{
	size_t i = 0, done = 0;

	while (i < len) {
		if (line[i] == '`') {
			size_t run = 0, j;
			while (i + run < len && line[i + run] == '`')
				run++;
			for (j = i + run; j < len; j++) {
				size_t r = 0;
				while (j + r < len && line[j + r] == '`')
					r++;
				if (r == run)
					break;
				j += r ? r - 1 : 0;
			}
			i = j < len ? j + run : i + run;
			continue;
		}
		if (line[i] == '*' && i + 1 < len && line[i + 1] == '*' &&
		    (i + 2 >= len || line[i + 2] != '*') && (i == 0 || line[i - 1] != '*') &&
		    (i == 0 || line[i - 1] != '\\')) {
			int space_before = i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t';
			int space_after = i + 2 >= len || line[i + 2] == ' ' || line[i + 2] == '\t';
			if (!space_before || !space_after) {
				strbuf_add(out, line + done, i - done);
				strbuf_adds(out, SENTINEL);
				i += 2;
				done = i;
				continue;
			}
		}
		i++;
	}
	strbuf_add(out, line + done, len - done);
}

static void mark_delimiters(struct strbuf *out, const char *text, size_t len)
{
	int in_fence = 0;

	for (size_t pos = 0; pos < len;) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t llen = nl ? (size_t)(nl - text) - pos : len - pos;
		if (is_fence_line(text + pos, llen))
			in_fence = !in_fence;
		if (in_fence || is_fence_line(text + pos, llen))
			strbuf_add(out, text + pos, llen);
		else
			mark_line(out, text + pos, llen);
		if (nl)
			strbuf_addch(out, '\n');
		pos += llen + 1;
	}
}

/* The line of the first node nested deeper than LIMIT_MARKDOWN_DEPTH, or
 * 0; counted without recursion. Inline nodes may have no line of their
 * own: their block's is taken. */
static int too_deep_line(cmark_node *root)
{
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	cmark_node *deep = NULL;
	int depth = 0;

	while (!deep && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER && cmark_node_first_child(n)) {
			if (++depth > LIMIT_MARKDOWN_DEPTH)
				deep = n;
		} else if (ev == CMARK_EVENT_EXIT) {
			depth--;
		}
	}
	cmark_iter_free(it);
	if (!deep)
		return 0;
	for (cmark_node *n = deep; n; n = cmark_node_parent(n))
		if (cmark_node_get_start_line(n) > 0)
			return cmark_node_get_start_line(n);
	return 1;
}

/* cmark-gfm's inline parsing, in cmark_parser_finish, adds the extensions'
 * special characters to tables that all parsers share and takes them out
 * again: two parsers finishing at once miss strikethrough and autolinks.
 * Block parsing (cmark_parser_feed) shares nothing and runs in parallel. */
static pthread_mutex_t finish_lock = PTHREAD_MUTEX_INITIALIZER;

void markdown_init(void)
{
	cmark_gfm_core_extensions_ensure_registered();
}

cmark_node *markdown_parse(const char *text, size_t len, int *too_deep)
{
	cmark_parser *parser;
	cmark_node *root;

	markdown_init();
	parser = cmark_parser_new(CMARK_OPT_DEFAULT);
	for (size_t i = 0; i < sizeof(extensions) / sizeof(*extensions); i++)
		cmark_parser_attach_syntax_extension(parser,
						     cmark_find_syntax_extension(extensions[i]));
	/* Text that already holds the sentinel is parsed as it is. */
	struct strbuf marked = STRBUF_INIT;
	int use_marks = !find_sentinel(text, text + len);
	if (use_marks)
		mark_delimiters(&marked, text, len);
	else
		strbuf_add(&marked, text, len);
	cmark_parser_feed(parser, marked.buf, marked.len);
	pthread_mutex_lock(&finish_lock);
	root = cmark_parser_finish(parser);
	pthread_mutex_unlock(&finish_lock);
	cmark_parser_free(parser);
	strbuf_release(&marked);
	*too_deep = too_deep_line(root);
	if (*too_deep) {
		cmark_node_free(root);
		return cmark_node_new(CMARK_NODE_DOCUMENT);
	}
	if (use_marks) {
		cmark_consolidate_text_nodes(root);
		pair_delimiters(root);
		cmark_consolidate_text_nodes(root);	/* the pieces split_at_delimiters left */
		restore_delimiters(root);
	}
	return root;
}

/* The cells of a table delimiter row such as `| --- |:--:|`, or 0 when the
 * line is not one: only '|', '-', ':' and blanks, with a '|' and a '-'. */
static size_t delimiter_cells(const char *s, size_t len)
{
	size_t cells = 0;
	int pipe = 0, dash = 0;

	for (size_t i = 0; i <= len; i++) {
		char c = i < len ? s[i] : '|';
		if (c == '|') {
			pipe |= i < len;
			cells += dash;
			dash = 0;
		} else if (c == '-') {
			dash = 1;
		} else if (c != ':' && c != ' ' && c != '\t') {
			return 0;
		}
	}
	return pipe ? cells : 0;
}

int markdown_oversized_table(const char *text, size_t len)
{
	size_t pos = 0, columns = 0, cells = 0;
	int line = 0, header = 0;

	while (pos < len) {
		const char *s = text + pos, *nl = memchr(s, '\n', len - pos);
		size_t llen = nl ? (size_t)(nl - s) : len - pos, skip = 0, n;
		line++;
		/* A table may sit in a block quote or a list item. */
		while (skip < llen && (s[skip] == ' ' || s[skip] == '\t' || s[skip] == '>'))
			skip++;
		if (skip == llen) {
			columns = 0;
		} else if (columns) {
			cells += columns;
		} else if (line > 1 && (n = delimiter_cells(s + skip, llen - skip))) {
			columns = n;
			cells = 2 * n;
			header = line - 1;
		}
		if (columns && cells > LIMIT_TABLE_CELLS)
			return header;
		pos += llen + 1;
	}
	return 0;
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
