#ifndef POLICYSITE_HTML_H
#define POLICYSITE_HTML_H

#include <libxml/tree.h>

#include "assets.h"
#include "diag.h"
#include "strbuf.h"

/*
 * Pages are libxml2 trees built from the HTML templates in templates/.
 *
 * The layout template is the whole page; a content template fills its
 * `data-slot="main"` element. Any element with `data-slot="name"` is a
 * place the generator fills; html_slot finds it and drops the attribute,
 * and html_write removes slots that were never asked for, so a template
 * section without content disappears. Root-relative URLs in templates
 * ("/assets/site.css") are rebased onto the site's base path at load time,
 * and assets get their content-hashed names ("/sub/assets/site.<tag>.css").
 *
 * Text reaches a page only through html_text and html_attr (and the
 * libxml2 calls they wrap), which escape; never as markup.
 */
enum html_template {
	TEMPLATE_HOME,
	TEMPLATE_POLICY,
	TEMPLATE_LIST,
	TEMPLATE_NOT_FOUND,
	TEMPLATE_TASKS,
	TEMPLATE_DEPARTMENTS,
	TEMPLATE_DEPARTMENT,
	TEMPLATE_DEADLINES,
	TEMPLATE_INDICATORS,
	TEMPLATE_INDICATOR,
	TEMPLATE_SEARCH,
	TEMPLATE_DATA,
	TEMPLATE_COUNT,
};

struct html_templates {
	xmlDocPtr layout;
	xmlDocPtr content[TEMPLATE_COUNT];
};

/* Read the templates from `dir`; -1 after recording diagnostics (such as
 * an asset the templates name that `assets` does not hold). */
int html_templates_load(struct html_templates *t, const char *dir, const char *base_path,
			const struct asset_list *assets, struct diag_list *diags);
void html_templates_release(struct html_templates *t);

/* A new page: the layout with `which` in its main slot. */
xmlDocPtr html_page_new(const struct html_templates *t, enum html_template which);

/* The element with data-slot `name`, or NULL. */
xmlNodePtr html_slot(xmlDocPtr page, const char *name);

/* Append an element (with an optional class) or text to `parent`. A NULL
 * parent (a slot missing from an edited template) is ignored. */
xmlNodePtr html_el(xmlNodePtr parent, const char *tag, const char *cls);
void html_text(xmlNodePtr parent, const char *text);
void html_text_len(xmlNodePtr parent, const char *text, size_t len);
void html_attr(xmlNodePtr el, const char *name, const char *value);
/* An <a href> with text. */
xmlNodePtr html_link(xmlNodePtr parent, const char *href, const char *text);

/* A table in a box that scrolls sideways on its own, reachable by
 * keyboard and named `label`; returns the <table>. */
xmlNodePtr html_table(xmlNodePtr parent, const char *label, const char *cls);

/* A <thead> row of `n` column headings; returns the <tr>. */
xmlNodePtr html_table_head(xmlNodePtr table, const char *const *heads, size_t n);

/* Fill slot `name` with text; a missing slot is ignored. */
void html_slot_text(xmlDocPtr page, const char *name, const char *text);
/* Set attribute `attr` of slot `name`. */
void html_slot_attr(xmlDocPtr page, const char *name, const char *attr, const char *value);

/* Serialise `page` as HTML5 into `out`. */
void html_serialise(xmlDocPtr page, struct strbuf *out);

#endif
