#ifndef POLICYSITE_SEARCH_H
#define POLICYSITE_SEARCH_H

#include <stddef.h>
#include <stdint.h>

#include "strbuf.h"

struct output;

/*
 * The full-text index, built at build time and searched in the browser by
 * assets/search.js. docs/search-index.md documents the files, the
 * normalisation and the tokens; the functions below are that document's
 * rules, which the script repeats.
 */

/* Normalise text for indexing and matching: full-width ASCII forms to
 * ASCII, U+3000 to a space, ASCII letters to lower case. */
void search_normalise(const char *text, struct strbuf *out);

/* Write the index: search/<tag>/meta.json, naming the groups' folders
 * search/<tag>/ with their t/<n>.json.gz and e/<k>.json.gz; a group the
 * previous output holds under the same key is linked, not built. Sets
 * o->search_path to meta.json's folder. */
int search_write(struct output *o);

/* Write /search/: the form, its filters, and an index of every section
 * for readers without JavaScript. */
int search_page_write(struct output *o);

#endif
