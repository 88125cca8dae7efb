#ifndef POLICYSITE_IMPORTPAGE_H
#define POLICYSITE_IMPORTPAGE_H

#include "importdoc.h"

/*
 * Page furniture: what the printed pages carry that is not the document's
 * text. Each such line is removed with its reason (importdoc_remove):
 *
 *   "page number"           — 3 —, - 3 -, 第 3 页, 第3页 共10页, and a bare
 *                            number on a line of its own between paragraphs
 *   "running head"          a short line repeated at the top or foot of
 *                            three or more pages
 *   "newspaper page head"   时事 A6, 2023年4月20日/星期四/…/责编 …; the text
 *                            after one may be other articles, which is
 *                            reported, not guessed
 *   "table of contents"     目录 and the entries that end in page numbers
 */

/* Whether closed-up line `text` is a page number in one of the printed
 * forms (not a bare number, which needs its neighbours to tell). */
int importpage_is_page_number(const char *text);

/* Whether `text` is a bare number of one to three digits. */
int importpage_is_bare_number(const char *text);

/* Whether raw line `raw` is an entry of a printed table of contents: a
 * title, then a tab, two spaces, or leader dots, then a page number. */
int importpage_is_toc_entry(const char *raw);

/* Remove the page furniture of `doc`. */
void importpage_remove(struct import_doc *doc);

#endif
