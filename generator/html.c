#include "html.h"

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <string.h>

#include "strbuf.h"
#include "xalloc.h"

static const char *const template_files[TEMPLATE_COUNT] = {
	[TEMPLATE_HOME] = "home.html",
	[TEMPLATE_POLICY] = "policy.html",
	[TEMPLATE_LIST] = "list.html",
	[TEMPLATE_NOT_FOUND] = "404.html",
	[TEMPLATE_TASKS] = "tasks.html",
	[TEMPLATE_DEPARTMENTS] = "departments.html",
	[TEMPLATE_DEPARTMENT] = "department.html",
	[TEMPLATE_DEADLINES] = "deadlines.html",
	[TEMPLATE_INDICATORS] = "indicators.html",
	[TEMPLATE_INDICATOR] = "indicator.html",
	[TEMPLATE_SEARCH] = "search.html",
	[TEMPLATE_DATA] = "data.html",
};

static const char *const url_attrs[] = { "href", "src", "action", NULL };

static int is_url_attr(const xmlChar *name)
{
	for (const char *const *a = url_attrs; *a; a++)
		if (!xmlStrcmp(name, BAD_CAST *a))
			return 1;
	return 0;
}

/* What rebasing a template's URLs needs, and whether it went well. */
struct rebase {
	const char *base_path;
	const struct asset_list *assets;
	const char *file;
	struct diag_list *diags;
	int ret;
};

/* Root-relative `url` as the page must say it: on the base path, and an
 * asset under its hashed name. */
static void rebase_url(struct rebase *r, xmlNodePtr node, const xmlChar *attr, const char *url)
{
	struct strbuf sb = STRBUF_INIT;
	size_t plain = strlen("/assets/");

	strbuf_adds(&sb, r->base_path);
	if (!strncmp(url, "/assets/", plain)) {
		size_t len = strcspn(url + plain, "?#");
		char *name = xmalloc(len + 1);
		memcpy(name, url + plain, len);
		name[len] = '\0';
		const char *hashed = assets_hashed(r->assets, name);
		if (!hashed)
			r->ret = diag_error(r->diags, r->file, (unsigned)xmlGetLineNo(node), 0,
					    "'%s' is not in the assets folder", url);
		strbuf_addf(&sb, "assets/%s%s", hashed ? hashed : name, url + plain + len);
		free(name);
	} else {
		strbuf_adds(&sb, url + 1);
	}
	xmlSetProp(node, attr, BAD_CAST sb.buf);
	strbuf_release(&sb);
}

static void rebase_urls(struct rebase *r, xmlNodePtr node)
{
	for (; node; node = node->next) {
		if (node->type != XML_ELEMENT_NODE)
			continue;
		for (xmlAttrPtr a = node->properties; a; a = a->next) {
			if (!is_url_attr(a->name))
				continue;
			xmlChar *v = xmlGetProp(node, a->name);
			if (v && v[0] == '/' && v[1] != '/')
				rebase_url(r, node, a->name, (const char *)v);
			xmlFree(v);
		}
		rebase_urls(r, node->children);
	}
}

static xmlDocPtr read_template(const char *dir, const char *name, const char *base_path,
			       const struct asset_list *assets, struct diag_list *diags)
{
	size_t len = strlen(dir) + strlen(name) + 2;
	char *path = xmalloc(len);
	xmlDocPtr doc;

	snprintf(path, len, "%s/%s", dir, name);
	doc = htmlReadFile(path, "UTF-8",
			   HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
	if (!doc || !xmlDocGetRootElement(doc)) {
		diag_error(diags, path, 0, 0, "cannot read template; is it an HTML file?");
	} else {
		struct rebase r = { base_path, assets, path, diags, 0 };
		rebase_urls(&r, xmlDocGetRootElement(doc));
		if (r.ret < 0) {
			xmlFreeDoc(doc);
			doc = NULL;
		}
	}
	free(path);
	return doc;
}

int html_templates_load(struct html_templates *t, const char *dir, const char *base_path,
			const struct asset_list *assets, struct diag_list *diags)
{
	int ret = 0;

	memset(t, 0, sizeof(*t));
	t->layout = read_template(dir, "layout.html", base_path, assets, diags);
	if (!t->layout)
		ret = -1;
	for (int i = 0; i < TEMPLATE_COUNT; i++)
		if (!(t->content[i] = read_template(dir, template_files[i], base_path, assets,
						    diags)))
			ret = -1;
	return ret;
}

void html_templates_release(struct html_templates *t)
{
	if (t->layout)
		xmlFreeDoc(t->layout);
	for (int i = 0; i < TEMPLATE_COUNT; i++)
		if (t->content[i])
			xmlFreeDoc(t->content[i]);
	memset(t, 0, sizeof(*t));
}

static xmlNodePtr find_slot(xmlNodePtr node, const char *name)
{
	for (; node; node = node->next) {
		if (node->type != XML_ELEMENT_NODE)
			continue;
		xmlChar *v = xmlGetProp(node, BAD_CAST "data-slot");
		int hit = v && !xmlStrcmp(v, BAD_CAST name);
		xmlFree(v);
		if (hit)
			return node;
		xmlNodePtr found = find_slot(node->children, name);
		if (found)
			return found;
	}
	return NULL;
}

xmlNodePtr html_slot(xmlDocPtr page, const char *name)
{
	xmlNodePtr n = find_slot(xmlDocGetRootElement(page), name);

	if (n)
		xmlUnsetProp(n, BAD_CAST "data-slot");
	return n;
}

/* The children of the content template's <body>. */
static xmlNodePtr content_body(xmlDocPtr content)
{
	xmlNodePtr root = xmlDocGetRootElement(content);

	for (xmlNodePtr n = root ? root->children : NULL; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE && !xmlStrcmp(n->name, BAD_CAST "body"))
			return n->children;
	return NULL;
}

xmlDocPtr html_page_new(const struct html_templates *t, enum html_template which)
{
	xmlDocPtr page = xmlCopyDoc(t->layout, 1);
	xmlNodePtr main = html_slot(page, "main");

	for (xmlNodePtr n = content_body(t->content[which]); n && main; n = n->next)
		xmlAddChild(main, xmlDocCopyNode(n, page, 1));
	return page;
}

xmlNodePtr html_el(xmlNodePtr parent, const char *tag, const char *cls)
{
	xmlNodePtr el;

	/* A slot an edited template no longer has is NULL: nothing to fill. */
	if (!parent)
		return NULL;
	el = xmlNewChild(parent, NULL, BAD_CAST tag, NULL);
	if (cls)
		xmlSetProp(el, BAD_CAST "class", BAD_CAST cls);
	return el;
}

void html_text_len(xmlNodePtr parent, const char *text, size_t len)
{
	if (!parent)
		return;
	/* xmlNewDocTextLen stores the bytes as text: nothing is parsed. */
	xmlAddChild(parent, xmlNewDocTextLen(parent->doc, BAD_CAST text, (int)len));
}

void html_text(xmlNodePtr parent, const char *text)
{
	html_text_len(parent, text, strlen(text));
}

void html_attr(xmlNodePtr el, const char *name, const char *value)
{
	if (!el)
		return;
	xmlSetProp(el, BAD_CAST name, BAD_CAST value);
}

xmlNodePtr html_link(xmlNodePtr parent, const char *href, const char *text)
{
	xmlNodePtr a = html_el(parent, "a", NULL);

	html_attr(a, "href", href);
	html_text(a, text);
	return a;
}

xmlNodePtr html_table(xmlNodePtr parent, const char *label, const char *cls)
{
	xmlNodePtr wrap = html_el(parent, "div", "table-wrap");

	html_attr(wrap, "role", "region");
	html_attr(wrap, "tabindex", "0");
	html_attr(wrap, "aria-label", label);
	return html_el(wrap, "table", cls);
}

xmlNodePtr html_table_head(xmlNodePtr table, const char *const *heads, size_t n)
{
	xmlNodePtr tr = html_el(html_el(table, "thead", NULL), "tr", NULL);

	for (size_t i = 0; i < n; i++) {
		xmlNodePtr th = html_el(tr, "th", NULL);
		html_attr(th, "scope", "col");
		html_text(th, heads[i]);
	}
	return tr;
}

void html_slot_text(xmlDocPtr page, const char *name, const char *text)
{
	xmlNodePtr n = html_slot(page, name);

	if (n)
		html_text(n, text);
}

void html_slot_attr(xmlDocPtr page, const char *name, const char *attr, const char *value)
{
	xmlNodePtr n = html_slot(page, name);

	if (n)
		html_attr(n, attr, value);
}

static void remove_unused_slots(xmlNodePtr node)
{
	while (node) {
		xmlNodePtr next = node->next;
		if (node->type == XML_ELEMENT_NODE) {
			if (xmlHasProp(node, BAD_CAST "data-slot")) {
				/* In <head>, its line goes too: no blank lines. */
				if (next && xmlNodeIsText(next) && xmlIsBlankNode(next) &&
				    node->parent && !xmlStrcmp(node->parent->name, BAD_CAST "head")) {
					xmlNodePtr blank = next;
					next = next->next;
					xmlUnlinkNode(blank);
					xmlFreeNode(blank);
				}
				xmlUnlinkNode(node);
				xmlFreeNode(node);
			} else {
				remove_unused_slots(node->children);
			}
		}
		node = next;
	}
}

static int append_output(void *context, const char *data, int len)
{
	strbuf_add(context, data, (size_t)len);
	return len;
}

/* Straight into `out`: an xmlBuffer grows by exactly what each write
 * needs, and a page of tens of megabytes then took thousands of
 * reallocations (each an mremap that stops every thread). */
void html_serialise(xmlDocPtr page, struct strbuf *out)
{
	xmlOutputBufferPtr ob;

	remove_unused_slots(xmlDocGetRootElement(page));
	strbuf_adds(out, "<!DOCTYPE html>\n");
	ob = xmlOutputBufferCreateIO(append_output, NULL, out, xmlFindCharEncodingHandler("UTF-8"));
	htmlNodeDumpFormatOutput(ob, page, xmlDocGetRootElement(page), "UTF-8", 0);
	xmlOutputBufferClose(ob);
	strbuf_addch(out, '\n');
}
