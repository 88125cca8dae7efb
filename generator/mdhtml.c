#include "mdhtml.h"

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <libxml/HTMLparser.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "docnum.h"
#include "document.h"
#include "html.h"
#include "markdown.h"
#include "model.h"
#include "strbuf.h"
#include "taskview.h"
#include "xalloc.h"

/* A department name to link in running text. */
struct dept_name {
	const char *name;
	size_t len;
	const struct dept *dept;
};

#define START_BITS 16

struct render {
	const struct document *doc;
	const struct model *model;
	struct strbuf scratch;
	unsigned tables;
	/* The document region's names, by their first NAME_KEY bytes, then
	 * longest first; names shorter than that come last, longest first. */
	struct dept_name *names;
	size_t nnames, anames, nkeyed;
	int no_links;			/* inside a heading or a link */
	/* A bit per hash of the first NAME_KEY bytes of the keyed names: most
	 * places in a text start no name, and one look tells. */
	unsigned char starts[1u << (START_BITS - 3)];
};

static void render_children(struct render *r, xmlNodePtr parent, cmark_node *node);
static void render_node(struct render *r, xmlNodePtr parent, cmark_node *node);

static int safe_url(const char *url)
{
	static const char *const bad[] = { "javascript:", "vbscript:", "data:", "file:", NULL };
	char clean[16];
	size_t n = 0;

	/* Browsers ignore control characters and spaces inside a scheme. */
	for (const char *p = url; *p && n < sizeof(clean) - 1; p++)
		if ((unsigned char)*p > ' ')
			clean[n++] = *p;
	clean[n] = '\0';
	for (const char *const *b = bad; *b; b++)
		if (!strncasecmp(clean, *b, strlen(*b)))
			return 0;
	return 1;
}

/* Names are looked up by their first three bytes, a Chinese character:
 * only the few names that start with the text's character are compared. */
#define NAME_KEY 3

static unsigned start_bit(const char *text)
{
	uint32_t key = (uint32_t)(unsigned char)text[0] << 16 |
		       (uint32_t)(unsigned char)text[1] << 8 | (unsigned char)text[2];

	return (key * 2654435761u) >> (32 - START_BITS);
}

/* The longest department name at `text`, or NULL. */
static const struct dept_name *dept_at(const struct render *r, const char *text, size_t len)
{
	size_t lo = 0, hi = r->nkeyed;
	unsigned bit;

	if (len >= NAME_KEY && (bit = start_bit(text), r->starts[bit >> 3] & (1u << (bit & 7)))) {
		while (lo < hi) {	/* the first name whose key is not below the text's */
			size_t mid = lo + (hi - lo) / 2;
			if (memcmp(r->names[mid].name, text, NAME_KEY) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (; lo < r->nkeyed && !memcmp(r->names[lo].name, text, NAME_KEY); lo++)
			if (r->names[lo].len <= len && !memcmp(r->names[lo].name, text, r->names[lo].len))
				return &r->names[lo];
	}
	for (size_t i = r->nkeyed; i < r->nnames; i++) {
		const struct dept_name *n = &r->names[i];
		if (n->len <= len && !memcmp(n->name, text, n->len))
			return n;
	}
	return NULL;
}

/* Text with department names linked to their pages. */
static void render_depts(struct render *r, xmlNodePtr parent, const char *text, size_t len)
{
	size_t done = 0;

	for (size_t i = 0; i < len && !r->no_links;) {
		/* Names start at a character, never inside one. */
		const struct dept_name *n = ((unsigned char)text[i] & 0xC0) == 0x80
						    ? NULL
						    : dept_at(r, text + i, len - i);
		if (!n) {
			i++;
			continue;
		}
		html_text_len(parent, text + done, i - done);
		taskview_dept_path(r->model, n->dept, &r->scratch);
		xmlNodePtr a = html_el(parent, "a", "dept");
		html_attr(a, "href", r->scratch.buf);
		html_text_len(a, text + i, n->len);
		i += n->len;
		done = i;
	}
	html_text_len(parent, text + done, len - done);
}

/* Text with document numbers of site documents and department names
 * turned into links. */
static void render_text(struct render *r, xmlNodePtr parent, const char *lit)
{
	struct docnum_match m;
	size_t len = strlen(lit), done = 0, from = 0;

	docnum_match_init(&m);
	while (!r->no_links && docnum_find(lit, len, from, &m)) {
		size_t off;
		struct document *target = model_find_docnum(r->model, lit + m.prefix_start,
							     m.core_start - m.prefix_start,
							     m.core.buf, &off);
		from = m.end;
		if (!target || target == r->doc)
			continue;
		size_t start = m.prefix_start + off;
		render_depts(r, parent, lit + done, start - done);
		strbuf_reset(&r->scratch);
		strbuf_addf(&r->scratch, "%spolicies/%s/", r->model->config.base_path, target->slug);
		xmlNodePtr a = html_el(parent, "a", "docnum");
		html_attr(a, "href", r->scratch.buf);
		html_attr(a, "title", target->meta.title);
		html_text_len(a, lit + start, m.end - start);
		done = m.end;
	}
	render_depts(r, parent, lit + done, len - done);
	docnum_match_release(&m);
}

/*
 * Raw HTML that the settings allow is still cleaned before it joins the page:
 * a pasted snippet can carry script, and the CSP is the second line of
 * defence, not the first. Elements off the list are unwrapped (their content
 * stays), except those whose content is code, a document or a form, which go
 * whole; attributes off the list go (event handlers, style, id, which could
 * shadow the page's own, srcdoc …), and URLs are checked like Markdown links.
 * Comments go too: libxml2 keeps "--!>" inside one, where a browser ends it.
 * What is left is text and plain elements that libxml2 writes escaped.
 */
static const char *const raw_elements[] = {
	"a", "abbr", "b", "bdi", "blockquote", "br", "caption", "cite", "code", "col",
	"colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption",
	"figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark",
	"ol", "p", "pre", "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strong",
	"sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr",
	"u", "ul", "var", "wbr", NULL,
};

static const char *const raw_dropped[] = {
	"script", "style", "template", "iframe", "frame", "frameset", "object", "embed",
	"applet", "noscript", "noembed", "noframes", "xmp", "plaintext", "textarea", "title",
	"head", "meta", "link", "base", "math", "svg", "select", "input", "button", "form",
	NULL,
};

/* Attributes any kept element may have, then "element attribute" pairs. */
static const char *const raw_attributes[] = { "class", "title", "lang", "dir", NULL };
static const char *const raw_element_attributes[] = {
	"a href", "img src", "img alt", "img width", "img height", "td colspan", "td rowspan",
	"th colspan", "th rowspan", "th scope", "ol start", "ol reversed", "ol type", "li value",
	"details open", "time datetime", "del datetime", "ins datetime", "col span",
	"colgroup span", NULL,
};

static int in_list(const char *const *list, const xmlChar *name)
{
	for (; *list; list++)
		if (!xmlStrcasecmp(BAD_CAST *list, name))
			return 1;
	return 0;
}

static int raw_attribute_ok(xmlNodePtr el, xmlAttrPtr a)
{
	size_t len = strlen((const char *)el->name);

	if (a->ns)
		return 0;
	if (in_list(raw_attributes, a->name))
		return 1;
	for (const char *const *p = raw_element_attributes; *p; p++)
		if (!strncasecmp(*p, (const char *)el->name, len) && (*p)[len] == ' ' &&
		    !xmlStrcasecmp(BAD_CAST *p + len + 1, a->name))
			return 1;
	return 0;
}

static void clean_attributes(xmlNodePtr el)
{
	for (xmlAttrPtr a = el->properties, next; a; a = next) {
		next = a->next;
		int keep = raw_attribute_ok(el, a);
		if (keep && (!xmlStrcasecmp(a->name, BAD_CAST "href") ||
			     !xmlStrcasecmp(a->name, BAD_CAST "src"))) {
			xmlChar *v = xmlNodeGetContent((xmlNodePtr)a);
			keep = v && safe_url((const char *)v);
			xmlFree(v);
		}
		if (!keep)
			xmlRemoveProp(a);
	}
}

/* The node after `n` in document order, skipping its children, or NULL
 * past the end of `top`. */
static xmlNodePtr next_outside(xmlNodePtr n, xmlNodePtr top)
{
	while (n != top && !n->next)
		n = n->parent;
	return n == top ? NULL : n->next;
}

/* Clean everything under `top` in place. A loop, not recursion: the
 * nesting depth is the author's. */
static void clean_raw_html(xmlNodePtr top)
{
	xmlNodePtr n = top->children, next;

	while (n) {
		if (n->type == XML_TEXT_NODE) {
			n = next_outside(n, top);
			continue;
		}
		if (n->type == XML_ELEMENT_NODE && in_list(raw_elements, n->name)) {
			clean_attributes(n);
			n = n->children ? n->children : next_outside(n, top);
			continue;
		}
		if (n->type == XML_ELEMENT_NODE && !in_list(raw_dropped, n->name) && n->children) {
			/* Unwrap: the children take its place and are visited next.
			 * Text may merge into the text before: go on from there. */
			next = NULL;
			while (n->children) {
				xmlNodePtr c = n->children;
				xmlUnlinkNode(c);
				c = xmlAddPrevSibling(n, c);
				if (!next)
					next = c;
			}
		} else {
			next = next_outside(n, top);
		}
		xmlUnlinkNode(n);
		xmlFreeNode(n);
		n = next;
	}
}

static void render_raw_html(struct render *r, xmlNodePtr parent, const char *html)
{
	htmlDocPtr frag;

	if (!r->model->config.allow_raw_html)
		return;
	frag = htmlReadMemory(html, (int)strlen(html), NULL, "UTF-8",
			      HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
			      HTML_PARSE_NOIMPLIED);
	if (!frag)
		return;
	clean_raw_html((xmlNodePtr)frag);
	for (xmlNodePtr n = frag->children; n; n = n->next)
		if (n->type != XML_DTD_NODE)
			xmlAddChild(parent, xmlDocCopyNode(n, parent->doc, 1));
	xmlFreeDoc(frag);
}

static void render_link(struct render *r, xmlNodePtr parent, cmark_node *node)
{
	const char *url = cmark_node_get_url(node);
	const char *title = cmark_node_get_title(node);
	xmlNodePtr a;

	if (!url || !safe_url(url)) {
		render_children(r, html_el(parent, "span", "link-removed"), node);
		return;
	}
	if (r->no_links) {	/* inside a link already: links do not nest */
		render_children(r, parent, node);
		return;
	}
	a = html_el(parent, "a", NULL);
	html_attr(a, "href", url);
	if (title && *title)
		html_attr(a, "title", title);
	int saved = r->no_links;
	r->no_links = 1;
	render_children(r, a, node);
	r->no_links = saved;
}

static void render_image(struct render *r, xmlNodePtr parent, cmark_node *node)
{
	const char *url = cmark_node_get_url(node);
	xmlNodePtr img;

	if (!url || !safe_url(url))
		return;
	img = html_el(parent, "img", NULL);
	html_attr(img, "src", url);
	markdown_plain_text(node, &r->scratch);
	html_attr(img, "alt", r->scratch.buf);
}

static int is_editor_note(cmark_node *quote)
{
	cmark_node *p = cmark_node_first_child(quote);
	cmark_node *first = p ? cmark_node_first_child(p) : NULL;
	cmark_node *text = first ? cmark_node_first_child(first) : NULL;

	return first && cmark_node_get_type(first) == CMARK_NODE_STRONG && text &&
	       cmark_node_get_type(text) == CMARK_NODE_TEXT &&
	       !strncmp(cmark_node_get_literal(text), "编者注", strlen("编者注"));
}

/* In an indicator table, the indicator a cell names, or NULL. */
static const struct indicator *cell_indicator(struct render *r, const struct indicator_set *set,
					      cmark_node *cell)
{
	if (!set)
		return NULL;
	markdown_plain_text(cell, &r->scratch);
	for (size_t i = 0; i < set->count; i++)
		if (!strcmp(set->items[i]->row, r->scratch.buf))
			return set->items[i];
	return NULL;
}

static void render_cell(struct render *r, xmlNodePtr td, cmark_node *cell,
			const struct indicator_set *set, int header)
{
	const struct indicator *ind = header ? NULL : cell_indicator(r, set, cell);

	if (!ind) {
		render_children(r, td, cell);
		return;
	}
	strbuf_reset(&r->scratch);
	strbuf_addf(&r->scratch, "%sindicators/%s/", r->model->config.base_path, ind->id);
	xmlNodePtr a = html_el(td, "a", NULL);
	html_attr(a, "href", r->scratch.buf);
	r->no_links = 1;
	render_children(r, a, cell);
	r->no_links = 0;
}

static void render_table(struct render *r, xmlNodePtr parent, cmark_node *node)
{
	uint8_t *align = cmark_gfm_extensions_get_table_alignments(node);
	uint16_t ncols = cmark_gfm_extensions_get_table_columns(node);
	const struct indicator_set *set = cmark_node_get_user_data(node);
	xmlNodePtr wrap = html_el(parent, "div", "table-wrap");
	xmlNodePtr table, body = NULL;

	/* A wide table scrolls on its own; keyboard users need to reach it. */
	strbuf_reset(&r->scratch);
	if (set)
		strbuf_adds(&r->scratch, set->title);
	else
		strbuf_addf(&r->scratch, "表格 %u", r->tables + 1);
	r->tables++;
	html_attr(wrap, "role", "region");
	html_attr(wrap, "tabindex", "0");
	html_attr(wrap, "aria-label", r->scratch.buf);
	if (set)
		html_attr(wrap, "id", set->anchor);
	table = html_el(wrap, "table", NULL);
	for (cmark_node *row = cmark_node_first_child(node); row; row = cmark_node_next(row)) {
		int header = cmark_gfm_extensions_get_table_row_is_header(row);
		xmlNodePtr group = header ? html_el(table, "thead", NULL)
					  : (body ? body : (body = html_el(table, "tbody", NULL)));
		xmlNodePtr tr = html_el(group, "tr", NULL);
		const struct task *task = cmark_node_get_user_data(row);
		uint16_t col = 0;
		if (task)
			html_attr(tr, "id", task->anchor);
		for (cmark_node *cell = cmark_node_first_child(row); cell;
		     cell = cmark_node_next(cell), col++) {
			const char *cls = NULL;
			if (align && col < ncols)
				cls = align[col] == 'r' ? "align-right"
				      : align[col] == 'c' ? "align-center" : NULL;
			xmlNodePtr td = html_el(tr, header ? "th" : "td", cls);
			if (header)
				html_attr(td, "scope", "col");
			render_cell(r, td, cell, set, header);
		}
	}
}

/* A task the editors wrote as a ```task block: its title, then its card. */
static void render_task_block(struct render *r, xmlNodePtr parent, const struct task *t)
{
	xmlNodePtr box = html_el(parent, "div", "task-block");

	html_attr(box, "id", t->anchor);
	xmlNodePtr p = html_el(box, "p", "task-block-title");
	if (*t->number) {
		html_text(p, t->number);
		html_text(p, " ");
	}
	html_text(p, t->title);
	/* A block without text takes its title as text: shown once. */
	if (strcmp(t->text, t->title))
		html_text(html_el(box, "p", NULL), t->text);
	taskview_card(r->model, box, t);
}

static void render_heading(struct render *r, xmlNodePtr parent, cmark_node *node)
{
	const struct section *s = cmark_node_get_user_data(node);
	int level = cmark_node_get_heading_level(node);
	char tag[3] = { 'h', (char)('0' + (level < 2 ? 2 : level)), '\0' };
	xmlNodePtr h = html_el(parent, tag, NULL);

	if (s)
		html_attr(h, "id", s->id);
	r->no_links = 1;
	render_children(r, h, node);
	r->no_links = 0;
}

static void render_paragraph(struct render *r, xmlNodePtr parent, cmark_node *node)
{
	const struct section *s = cmark_node_get_user_data(node);
	xmlNodePtr p = html_el(parent, "p", s ? "measure" : NULL);

	if (s)
		html_attr(p, "id", s->id);
	render_children(r, p, node);
	if (s && s->task)
		taskview_card(r->model, parent, s->task);
}

static void render_list(struct render *r, xmlNodePtr parent, cmark_node *node)
{
	int ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
	xmlNodePtr list = html_el(parent, ordered ? "ol" : "ul", NULL);
	int start = cmark_node_get_list_start(node);

	if (ordered && start != 1) {
		strbuf_reset(&r->scratch);
		strbuf_addf(&r->scratch, "%d", start);
		html_attr(list, "start", r->scratch.buf);
	}
	for (cmark_node *item = cmark_node_first_child(node); item; item = cmark_node_next(item)) {
		xmlNodePtr li = html_el(list, "li", NULL);
		/* Tight lists show their paragraphs without <p>. */
		if (cmark_node_get_list_tight(node))
			for (cmark_node *c = cmark_node_first_child(item); c; c = cmark_node_next(c))
				if (cmark_node_get_type(c) == CMARK_NODE_PARAGRAPH)
					render_children(r, li, c);
				else
					render_node(r, li, c);
		else
			render_children(r, li, item);
	}
}

static void render_node(struct render *r, xmlNodePtr parent, cmark_node *node)
{
	const char *type = markdown_type(node);

	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_PARAGRAPH:
		render_paragraph(r, parent, node);
		return;
	case CMARK_NODE_HEADING:
		render_heading(r, parent, node);
		return;
	case CMARK_NODE_BLOCK_QUOTE:
		if (is_editor_note(node)) {
			xmlNodePtr note = html_el(parent, "div", "editor-note");
			html_attr(note, "role", "note");
			render_children(r, note, node);
		} else {
			render_children(r, html_el(parent, "blockquote", NULL), node);
		}
		return;
	case CMARK_NODE_LIST:
		render_list(r, parent, node);
		return;
	case CMARK_NODE_ITEM:
		render_children(r, html_el(parent, "li", NULL), node);
		return;
	case CMARK_NODE_CODE_BLOCK: {
		const struct task *task = cmark_node_get_user_data(node);
		if (task) {
			render_task_block(r, parent, task);
			return;
		}
		xmlNodePtr code = html_el(html_el(parent, "pre", NULL), "code", NULL);
		html_text(code, cmark_node_get_literal(node));
		return;
	}
	case CMARK_NODE_HTML_BLOCK:
	case CMARK_NODE_HTML_INLINE:
		render_raw_html(r, parent, cmark_node_get_literal(node));
		return;
	case CMARK_NODE_THEMATIC_BREAK:
		html_el(parent, "hr", NULL);
		return;
	case CMARK_NODE_TEXT:
		render_text(r, parent, cmark_node_get_literal(node));
		return;
	case CMARK_NODE_SOFTBREAK:
		if (!markdown_softbreak_is_silent(node))
			html_text(parent, " ");
		return;
	case CMARK_NODE_LINEBREAK:
		html_el(parent, "br", NULL);
		return;
	case CMARK_NODE_CODE:
		html_text(html_el(parent, "code", NULL), cmark_node_get_literal(node));
		return;
	case CMARK_NODE_EMPH:
		render_children(r, html_el(parent, "em", NULL), node);
		return;
	case CMARK_NODE_STRONG:
		render_children(r, html_el(parent, "strong", NULL), node);
		return;
	case CMARK_NODE_LINK:
		render_link(r, parent, node);
		return;
	case CMARK_NODE_IMAGE:
		render_image(r, parent, node);
		return;
	default:
		break;
	}
	if (!strcmp(type, "table"))
		render_table(r, parent, node);
	else if (!strcmp(type, "strikethrough"))
		render_children(r, html_el(parent, "del", NULL), node);
	else
		render_children(r, parent, node);
}

static void render_children(struct render *r, xmlNodePtr parent, cmark_node *node)
{
	if (!node)
		return;
	for (cmark_node *c = cmark_node_first_child(node); c; c = cmark_node_next(c))
		render_node(r, parent, c);
}

static void add_name(void *ctx, const char *name, struct dept *d)
{
	struct render *r = ctx;

	if (r->nnames == r->anames) {
		r->anames = r->anames ? r->anames * 2 : 32;
		r->names = xrealloc(r->names, r->anames * sizeof(*r->names));
	}
	r->names[r->nnames++] = (struct dept_name){ name, strlen(name), d };
}

static int compare_names(const void *pa, const void *pb)
{
	const struct dept_name *a = pa, *b = pb;
	int keyed_a = a->len >= NAME_KEY, keyed_b = b->len >= NAME_KEY, c;

	if (keyed_a != keyed_b)
		return keyed_b - keyed_a;
	if (keyed_a && (c = memcmp(a->name, b->name, NAME_KEY)))
		return c;
	if (a->len != b->len)
		return a->len > b->len ? -1 : 1;
	return strcmp(a->name, b->name);
}

void mdhtml_render(xmlNodePtr parent, const struct document *doc, const struct model *model)
{
	struct render r = { doc, model, STRBUF_INIT, 0, NULL, 0, 0, 0, 0, { 0 } };

	dept_each_name(&model->depts, doc->meta.region, add_name, &r);
	if (r.nnames)
		qsort(r.names, r.nnames, sizeof(*r.names), compare_names);
	for (; r.nkeyed < r.nnames && r.names[r.nkeyed].len >= NAME_KEY; r.nkeyed++) {
		unsigned bit = start_bit(r.names[r.nkeyed].name);
		r.starts[bit >> 3] |= 1u << (bit & 7);
	}
	render_children(&r, parent, document_root(doc));
	strbuf_release(&r.scratch);
	free(r.names);
}
