#include <string.h>

#include "output.h"
#include "strbuf.h"

#define SITEMAP_NS "http://www.sitemaps.org/schemas/sitemap/0.9"
#define ATOM_NS "http://www.w3.org/2005/Atom"

static xmlNodePtr text_child(xmlNodePtr parent, const char *name, const char *text)
{
	xmlNodePtr el = xmlNewChild(parent, NULL, BAD_CAST name, NULL);

	xmlAddChild(el, xmlNewDocText(parent->doc, BAD_CAST text));
	return el;
}

/* The latest date any document was published or revised. */
static const struct date *last_revision(const struct model *m)
{
	const struct date *last = &m->docs[0].meta.updated;

	for (size_t i = 1; i < m->ndocs; i++)
		if (date_compare(&m->docs[i].meta.updated, last) > 0)
			last = &m->docs[i].meta.updated;
	return last;
}

static void sitemap_url(const struct site_config *cfg, xmlNodePtr set, const char *path,
			const struct date *lastmod)
{
	struct strbuf url = STRBUF_INIT;
	xmlNodePtr u = xmlNewChild(set, NULL, BAD_CAST "url", NULL);
	char iso[11];

	config_url(cfg, &url, path);
	text_child(u, "loc", url.buf);
	if (lastmod) {
		date_format(lastmod, iso);
		text_child(u, "lastmod", iso);
	}
	strbuf_release(&url);
}

static int write_sitemap(struct output *o)
{
	const struct model *m = o->model;
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr set = xmlNewNode(NULL, BAD_CAST "urlset");
	struct strbuf path = STRBUF_INIT;

	xmlDocSetRootElement(doc, set);
	xmlSetNs(set, xmlNewNs(set, BAD_CAST SITEMAP_NS, NULL));
	sitemap_url(&m->config, set, "", m->ndocs ? last_revision(m) : NULL);
	sitemap_url(&m->config, set, "policies/", NULL);
	for (size_t i = 0; i < m->ndocs; i++) {
		strbuf_reset(&path);
		strbuf_addf(&path, "policies/%s/", m->docs[i].slug);
		sitemap_url(&m->config, set, path.buf, &m->docs[i].meta.updated);
	}
	/* The derived pages change with the documents: no date of their own. */
	static const char *const derived[] = {
		"tasks/", "departments/", "deadlines/", "indicators/", "data/",
	};
	for (size_t i = 0; i < sizeof(derived) / sizeof(*derived); i++)
		sitemap_url(&m->config, set, derived[i], NULL);
	for (size_t i = 0; i < m->depts.count; i++) {
		strbuf_reset(&path);
		strbuf_addf(&path, "departments/%s/", m->depts.items[i].id);
		sitemap_url(&m->config, set, path.buf, NULL);
	}
	for (size_t i = 0; i < m->indicators.count; i++) {
		strbuf_reset(&path);
		strbuf_addf(&path, "indicators/%s/", m->indicators.all[i]->id);
		sitemap_url(&m->config, set, path.buf, NULL);
	}
	strbuf_release(&path);
	return output_xml(o, "sitemap.xml", doc);
}

static void atom_entry(const struct site_config *cfg, xmlNodePtr feed, const struct document *d)
{
	xmlNodePtr e = xmlNewChild(feed, NULL, BAD_CAST "entry", NULL);
	struct strbuf url = STRBUF_INIT, path = STRBUF_INIT;
	char when[21];

	strbuf_addf(&path, "policies/%s/", d->slug);
	config_url(cfg, &url, path.buf);
	text_child(e, "title", d->meta.title);
	text_child(e, "id", url.buf);
	date_format_rfc3339(&d->meta.updated, when);
	text_child(e, "updated", when);
	date_format_rfc3339(&d->meta.date, when);
	text_child(e, "published", when);
	xmlNodePtr link = xmlNewChild(e, NULL, BAD_CAST "link", NULL);
	xmlSetProp(link, BAD_CAST "rel", BAD_CAST "alternate");
	xmlSetProp(link, BAD_CAST "type", BAD_CAST "text/html");
	xmlSetProp(link, BAD_CAST "href", BAD_CAST url.buf);
	for (size_t i = 0; i < d->meta.issuers.count; i++)
		text_child(xmlNewChild(e, NULL, BAD_CAST "author", NULL), "name",
			   d->meta.issuers.items[i]);
	text_child(e, "summary", d->meta.summary);
	strbuf_release(&url);
	strbuf_release(&path);
}

static int write_atom(struct output *o)
{
	const struct model *m = o->model;
	const struct site_config *cfg = &m->config;
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr feed = xmlNewNode(NULL, BAD_CAST "feed");
	struct strbuf url = STRBUF_INIT;
	char when[21] = "2000-01-01T00:00:00Z";

	xmlDocSetRootElement(doc, feed);
	xmlSetNs(feed, xmlNewNs(feed, BAD_CAST ATOM_NS, NULL));
	xmlNodeSetLang(feed, BAD_CAST cfg->language);
	text_child(feed, "title", cfg->title);
	if (*cfg->description)
		text_child(feed, "subtitle", cfg->description);
	config_url(cfg, &url, "");
	text_child(feed, "id", url.buf);
	/* The feed changes with its documents, never with the clock. */
	if (m->ndocs)
		date_format_rfc3339(last_revision(m), when);
	text_child(feed, "updated", when);
	xmlNodePtr link = xmlNewChild(feed, NULL, BAD_CAST "link", NULL);
	xmlSetProp(link, BAD_CAST "rel", BAD_CAST "alternate");
	xmlSetProp(link, BAD_CAST "href", BAD_CAST url.buf);
	config_url(cfg, &url, "atom.xml");
	link = xmlNewChild(feed, NULL, BAD_CAST "link", NULL);
	xmlSetProp(link, BAD_CAST "rel", BAD_CAST "self");
	xmlSetProp(link, BAD_CAST "href", BAD_CAST url.buf);
	for (size_t i = 0; i < m->ndocs; i++)
		atom_entry(cfg, feed, m->by_date[i]);
	strbuf_release(&url);
	return output_xml(o, "atom.xml", doc);
}

static int write_robots(struct output *o)
{
	struct strbuf text = STRBUF_INIT, url = STRBUF_INIT;
	int ret;

	config_url(&o->model->config, &url, "sitemap.xml");
	strbuf_addf(&text, "User-agent: *\nAllow: /\n\nSitemap: %s\n", url.buf);
	ret = output_write(o, "robots.txt", text.buf, text.len);
	strbuf_release(&text);
	strbuf_release(&url);
	return ret;
}

int feeds_write(struct output *o)
{
	int ret = 0;

	if (write_sitemap(o) < 0)
		ret = -1;
	if (write_atom(o) < 0)
		ret = -1;
	if (write_robots(o) < 0)
		ret = -1;
	return ret;
}
