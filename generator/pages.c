#include <stdint.h>
#include <string.h>

#include "document.h"
#include "html.h"
#include "mdhtml.h"
#include "output.h"
#include "pool.h"
#include "strbuf.h"
#include "taskview.h"

static void doc_path(const struct output *o, const struct document *d, struct strbuf *out)
{
	strbuf_reset(out);
	strbuf_addf(out, "%spolicies/%s/", o->model->config.base_path, d->slug);
}

static void add_time(xmlNodePtr parent, const struct date *d)
{
	char iso[11], zh[32];
	xmlNodePtr t = html_el(parent, "time", NULL);

	date_format(d, iso);
	date_format_zh(d, zh);
	html_attr(t, "datetime", iso);
	html_text(t, zh);
}

static void join_list(xmlNodePtr parent, const struct strlist *list, const char *sep)
{
	for (size_t i = 0; i < list->count; i++) {
		if (i)
			html_text(parent, sep);
		html_text(parent, list->items[i]);
	}
}

/* One entry of a document list: title, issuer · 文号 · date, summary. */
static void doc_card(const struct output *o, xmlNodePtr list, const struct document *d,
		     const char *heading)
{
	struct strbuf href = STRBUF_INIT;
	xmlNodePtr li = html_el(list, "li", "doc-card");
	xmlNodePtr meta;

	doc_path(o, d, &href);
	html_link(html_el(li, heading, NULL), href.buf, d->meta.title);
	meta = html_el(li, "p", "doc-card-meta");
	join_list(meta, &d->meta.issuers, "、");
	if (d->meta.doc_number) {
		html_text(meta, " · ");
		html_text(meta, d->meta.doc_number);
	}
	html_text(meta, " · ");
	add_time(meta, &d->meta.date);
	html_text(html_el(li, "p", "doc-card-summary"), d->meta.summary);
	if (d->ninterpretations) {
		xmlNodePtr p = html_el(li, "p", "doc-card-extra");
		html_text(p, "解读：");
		for (size_t i = 0; i < d->ninterpretations; i++) {
			if (i)
				html_text(p, "；");
			doc_path(o, d->interpretations[i], &href);
			html_link(p, href.buf, d->interpretations[i]->meta.title);
		}
	}
	strbuf_release(&href);
}

/* The home page shows the newest policies, and links to the list of all:
 * a province's thousands would make it megabytes. */
#define HOME_POLICIES 20

/* The policies, newest first, each with its interpretations, at most
 * `limit` of them followed by a link to the full list; `heading` is the
 * tag of each title, one level below the list's own heading. */
static void fill_doc_list(const struct output *o, xmlDocPtr page, const char *heading,
			  size_t limit)
{
	xmlNodePtr list = html_slot(page, "doc-list");
	size_t shown = 0, policies = 0;

	for (size_t i = 0; list && i < o->model->ndocs; i++) {
		if (o->model->by_date[i]->meta.kind != DOC_POLICY)
			continue;
		if (shown < limit) {
			doc_card(o, list, o->model->by_date[i], heading);
			shown++;
		}
		policies++;
	}
	if (list && shown < policies) {
		struct strbuf href = STRBUF_INIT, label = STRBUF_INIT;
		config_path(&o->model->config, &href, "policies/");
		strbuf_addf(&label, "查看全部 %zu 份政策文件", policies);
		html_link(html_el(list->parent, "p", "doc-list-more"), href.buf, label.buf);
		strbuf_release(&href);
		strbuf_release(&label);
	}
}

static void slot_number(xmlDocPtr page, const char *slot, size_t n)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%zu", n);
	html_slot_text(page, slot, buf);
}

/* The first <tag class="cls"> at or below `node`, in document order. */
static xmlNodePtr find_class(xmlNodePtr node, const char *tag, const char *cls)
{
	for (; node; node = node->next) {
		if (node->type != XML_ELEMENT_NODE)
			continue;
		if (!xmlStrcmp(node->name, BAD_CAST tag)) {
			xmlChar *c = xmlGetProp(node, BAD_CAST "class");
			int hit = c && !xmlStrcmp(c, BAD_CAST cls);
			xmlFree(c);
			if (hit)
				return node;
		}
		xmlNodePtr found = find_class(node->children, tag, cls);
		if (found)
			return found;
	}
	return NULL;
}

void output_fill_layout(const struct output *o, xmlDocPtr page, const char *path,
			const char *description)
{
	const struct site_config *cfg = &o->model->config;
	struct strbuf sb = STRBUF_INIT;
	xmlNodePtr h1 = NULL;
	char zh[32];

	html_attr(xmlDocGetRootElement(page), "lang", cfg->language);
	html_slot_text(page, "site-name", cfg->title);
	/* Without a description of its own, a page is described by its lead
	 * paragraph, else by the site's description. */
	xmlChar *lead = NULL;
	if (!description || !*description) {
		xmlNodePtr p = find_class(xmlDocGetRootElement(page), "p", "lead");
		lead = p ? xmlNodeGetContent(p) : NULL;
		description = lead && *lead ? (const char *)lead : cfg->description;
	}
	html_slot_attr(page, "description", "content", description);
	html_slot_attr(page, "og-description", "content", description);
	xmlFree(lead);
	html_slot_attr(page, "og-site-name", "content", cfg->title);
	html_slot_attr(page, "og-type", "content", "website");	/* unless filled */
	config_url(cfg, &sb, path);
	html_slot_attr(page, "canonical", "href", sb.buf);
	html_slot_attr(page, "og-url", "content", sb.buf);
	date_format_zh(&cfg->as_of, zh);
	html_slot_text(page, "as-of", zh);

	/* The page title is the page's own <h1>, then the site's name. */
	xmlNodePtr title = html_slot(page, "title");
	for (xmlNodePtr n = xmlDocGetRootElement(page); n && !h1;) {
		if (n->type == XML_ELEMENT_NODE && !xmlStrcmp(n->name, BAD_CAST "h1"))
			h1 = n;
		else if (n->children)
			n = n->children;
		else {
			while (n && !n->next)
				n = n->parent;
			if (n)
				n = n->next;
		}
	}
	xmlChar *heading = h1 ? xmlNodeGetContent(h1) : NULL;
	html_slot_attr(page, "og-title", "content", heading ? (const char *)heading : cfg->title);
	if (title) {
		xmlNodeSetContent(title, NULL);
		strbuf_reset(&sb);
		if (heading && xmlStrcmp(heading, BAD_CAST cfg->title))
			strbuf_addf(&sb, "%s - ", (const char *)heading);
		strbuf_adds(&sb, cfg->title);
		html_text(title, sb.buf);
	}
	xmlFree(heading);
	/* Open Graph writes the language with an underscore: zh_CN. */
	strbuf_reset(&sb);
	strbuf_adds(&sb, cfg->language);
	for (size_t i = 0; i < sb.len; i++)
		if (sb.buf[i] == '-')
			sb.buf[i] = '_';
	html_slot_attr(page, "og-locale", "content", sb.buf);
	strbuf_release(&sb);
}

static int write_home(struct output *o)
{
	const struct model *m = o->model;
	xmlDocPtr page = html_page_new(o->templates, TEMPLATE_HOME);
	size_t policies = 0, measures = 0;

	for (size_t i = 0; i < m->ndocs; i++) {
		policies += m->docs[i].meta.kind == DOC_POLICY;
		measures += document_measure_count(&m->docs[i]);
	}
	html_slot_text(page, "site-title", m->config.title);
	html_slot_text(page, "site-description", m->config.description);
	slot_number(page, "count-policies", policies);
	slot_number(page, "count-interpretations", m->ndocs - policies);
	slot_number(page, "count-measures", measures);
	fill_doc_list(o, page, "h3", HOME_POLICIES);
	taskview_glance(m, page, m->tasks, m->ntasks, measures);
	indpages_home(o, page);
	output_fill_layout(o, page, "", NULL);
	return output_page(o, "index.html", page);
}

static int write_list(struct output *o)
{
	xmlDocPtr page;

	/* Only front matter: the site's key is the list's. */
	if (output_reuse(o, "policies/index.html", pagekey_begin(o->keys, "list")))
		return 0;
	page = html_page_new(o->templates, TEMPLATE_LIST);
	fill_doc_list(o, page, "h2", SIZE_MAX);
	output_fill_layout(o, page, "policies/", NULL);
	return output_page(o, "policies/index.html", page);
}

static int write_not_found(struct output *o)
{
	xmlDocPtr page = html_page_new(o->templates, TEMPLATE_NOT_FOUND);

	output_fill_layout(o, page, "404.html", NULL);
	return output_page(o, "404.html", page);
}

static void meta_row(xmlDocPtr page, const char *name, const char *value)
{
	struct strbuf row = STRBUF_INIT;

	if (value && *value) {
		strbuf_addf(&row, "row-%s", name);
		html_slot(page, row.buf);
		html_slot_text(page, name, value);
	}
	strbuf_release(&row);
}

static void fill_meta(xmlDocPtr page, const struct document *d)
{
	const struct doc_meta *m = &d->meta;
	xmlNodePtr dd;

	html_slot_text(page, "kind", m->genre ? m->genre
				     : m->kind == DOC_INTERPRETATION ? "政策解读" : "政策文件");
	html_slot_text(page, "doc-title", m->title);
	meta_row(page, "doc-number", m->doc_number);
	html_slot(page, "row-issuer");
	join_list(html_slot(page, "issuer"), &m->issuers, "、");
	html_slot(page, "row-date");
	if ((dd = html_slot(page, "date")))
		add_time(dd, &m->date);
	meta_row(page, "region", m->region);
	meta_row(page, "level", m->level);
	meta_row(page, "genre", m->genre);
	meta_row(page, "status", m->status);
	meta_row(page, "plan-period", m->plan_period);
	if (m->based_on.count) {
		html_slot(page, "row-based-on");
		join_list(html_slot(page, "based-on"), &m->based_on, "；");
	}
	html_slot_text(page, "summary", m->summary);
}

static void link_list(const struct output *o, xmlDocPtr page, const char *section,
		      const char *slot, struct document *const *docs, size_t n)
{
	struct strbuf href = STRBUF_INIT;
	xmlNodePtr list;

	if (!n)
		return;
	html_slot(page, section);
	list = html_slot(page, slot);
	for (size_t i = 0; list && i < n; i++) {
		doc_path(o, docs[i], &href);
		html_link(html_el(list, "li", NULL), href.buf, docs[i]->meta.title);
	}
	strbuf_release(&href);
}

/* Nested lists of every heading and measure, by level. */
static void fill_toc(xmlDocPtr page, const struct document *d)
{
	struct { xmlNodePtr list, last; int level; } stack[8];
	struct strbuf href = STRBUF_INIT;
	int depth = 0;

	if (!d->nsections)
		return;
	html_slot(page, "toc-nav");
	stack[0].list = html_slot(page, "toc");
	if (!stack[0].list)
		return;
	stack[0].last = NULL;
	stack[0].level = d->sections[0].level;
	for (size_t i = 0; i < d->nsections; i++) {
		const struct section *s = &d->sections[i];
		while (depth > 0 && s->level < stack[depth].level)
			depth--;
		if (s->level > stack[depth].level && stack[depth].last && depth < 7) {
			stack[depth + 1].list = html_el(stack[depth].last, "ol", NULL);
			stack[depth + 1].last = NULL;
			stack[depth + 1].level = s->level;
			depth++;
		}
		xmlNodePtr li = html_el(stack[depth].list, "li", s->is_measure ? "toc-measure" : NULL);
		strbuf_reset(&href);
		strbuf_addf(&href, "#%s", s->id);
		html_link(li, href.buf, s->text);
		stack[depth].last = li;
	}
	strbuf_release(&href);
}

/* What a document's page shows besides the front matter of documents
 * (pagekey.h): its own bytes, and which documents cite it. */
static uint64_t document_key(const struct output *o, const struct document *d)
{
	uint64_t key = pagekey_doc(o->keys, pagekey_begin(o->keys, "document"), o->model, d);

	for (size_t i = 0; i < d->ncited_by; i++)
		key = pagekey_text(key, d->cited_by[i]->slug);
	return key;
}

static int write_document(struct output *o, const struct document *d)
{
	struct strbuf path = STRBUF_INIT;
	xmlDocPtr page;
	xmlNodePtr body;
	int ret;

	strbuf_addf(&path, "policies/%s/index.html", d->slug);
	if (output_reuse(o, path.buf, document_key(o, d))) {
		strbuf_release(&path);
		return 0;
	}
	page = html_page_new(o->templates, TEMPLATE_POLICY);
	fill_meta(page, d);
	if (d->interprets) {
		struct document *p = d->interprets;
		link_list(o, page, "interprets-section", "interprets", &p, 1);
	}
	link_list(o, page, "interpretations-section", "interpretations", d->interpretations,
		  d->ninterpretations);
	link_list(o, page, "cited-by-section", "cited-by", d->cited_by, d->ncited_by);
	fill_toc(page, d);
	taskview_glance(o->model, page, d->tasks, d->ntasks, document_measure_count(d));
	if ((body = html_slot(page, "body")))
		mdhtml_render(body, d, o->model);
	/* Before the layout, whose "website" then finds the slot filled. */
	html_slot_attr(page, "og-type", "content", "article");
	char when[11];
	date_format(&d->meta.date, when);
	html_slot_attr(page, "published", "content", when);
	date_format(&d->meta.updated, when);
	html_slot_attr(page, "modified", "content", when);
	strbuf_setlen(&path, path.len - strlen("index.html"));
	output_fill_layout(o, page, path.buf, d->meta.summary);
	strbuf_adds(&path, "index.html");
	ret = output_page(o, path.buf, page);
	strbuf_release(&path);
	return ret;
}

/* Page i: the three fixed pages, then one per document. */
static int write_page(void *ctx, size_t i)
{
	struct output *o = ctx;

	switch (i) {
	case 0:
		return write_home(o);
	case 1:
		return write_list(o);
	case 2:
		return write_not_found(o);
	default:
		return write_document(o, &o->model->docs[i - 3]);
	}
}

int pages_write(struct output *o)
{
	return pool_for(o->model->ndocs + 3, o->jobs, write_page, o);
}
