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

/* Write search/meta.json, search/t/<n>.json and search/e/<k>.json. */
int search_write(struct output *o);

/* Write /search/: the form, its filters, and an index of every section
 * for readers without JavaScript. */
int search_page_write(struct output *o);

#endif
