#ifndef POLICYSITE_PROGRESS_H
#define POLICYSITE_PROGRESS_H

#include <stddef.h>
#include <stdio.h>

#include "strbuf.h"

/*
 * What a build has done so far, for people and for CI logs. On a terminal,
 * a build that runs longer than a second shows a line that counts the
 * documents read and the files written, redrawn in place; elsewhere it
 * stays quiet. The counts are safe to add to from any thread.
 */

/* Start counting; `tty` is where to draw the live line (a terminal), or
 * NULL for none. */
void progress_begin(FILE *tty);

void progress_document(void);
/* Of the documents, one the previous build parsed, taken from its cache
 * (see doccache.h) rather than parsed again. */
void progress_document_cached(void);
/* A file of `bytes` written; `page` for an HTML page. */
void progress_file(size_t bytes, int page);

/* Of the files, one the previous build made from the same inputs, linked
 * rather than made again (see output_reuse). */
void progress_unchanged(void);

/* Take the live line off the terminal, before other output. */
void progress_clear(void);

/* The one-line summary, to `out`:
 * "policysite: 6 documents, 114 pages, 618 files (4.1 MB) in 0.63 s"
 * (files and bytes without the compressed copies), followed by
 * "; 5 documents not parsed again" and "; 52 unchanged, not made again"
 * when some were. */
void progress_summary(FILE *out);

/* The counts of the summary alone: "6 documents, 114 pages, 618 files
 * (4.1 MB)". */
void progress_counts(struct strbuf *out);

/* The summary of a build skipped as up to date (see uptodate.h), with
 * the counts of the build that wrote folder `dir`. */
void progress_up_to_date(FILE *out, const char *counts, const char *dir);

#endif
