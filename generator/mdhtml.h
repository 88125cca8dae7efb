#ifndef POLICYSITE_MDHTML_H
#define POLICYSITE_MDHTML_H

#include <libxml/tree.h>

struct cmark_node;
struct document;
struct model;

/*
 * Render a document's Markdown tree as libxml2 nodes appended to `parent`.
 * Headings and measures get the ids the document chose; document numbers
 * of documents in the site link to them; raw HTML is dropped unless the
 * settings allow it, and cleaned to plain elements and attributes when they
 * do; links to javascript:, vbscript:, data: and file: URLs lose their href.
 */
void mdhtml_render(xmlNodePtr parent, const struct document *doc, const struct model *model);

#endif
