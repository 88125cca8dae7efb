#ifndef POLICYSITE_IMPORTWRITE_H
#define POLICYSITE_IMPORTWRITE_H

#include "importdoc.h"
#include "strbuf.h"

/*
 * The importer's output: YAML front matter and a Markdown body in the
 * content format (docs/content-format.md), one paragraph a line.
 *
 * Text is escaped so that it renders as printed: a paragraph that opens
 * with "1. " is not a list, <, &, *, _, `, ~ and link brackets are plain
 * characters, | is escaped in table cells. Bold marked in the source as
 * **…** pairs is kept. Guesses in the front matter carry a YAML comment
 * that says so, and placeholders start with IMPORTFRONT_PLACEHOLDER.
 */

/* Append the whole document to `out`. */
void importwrite_document(const struct import_doc *doc, struct strbuf *out);

/* Append one line per removed input line to `out`:
 * "LINE<tab>WHY<tab>TEXT". */
void importwrite_removed(const struct import_doc *doc, struct strbuf *out);

#endif
