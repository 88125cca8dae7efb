#ifndef POLICYSITE_IMPORT_H
#define POLICYSITE_IMPORT_H

#include <stddef.h>
#include <stdio.h>

#include "diag.h"
#include "strbuf.h"

/*
 * `policysite import`: one text file extracted from a PDF or a web page
 * in, one document in the content format out (docs/import.md).
 *
 * The run is a pipeline over an import_doc (importdoc.h): decode and
 * repair the lines (importtext), remove page furniture (importpage), read
 * the cover (importfront), find tables (importtable), make paragraphs,
 * headings and measures (importstruct), write Markdown (importwrite).
 * Whatever the importer is unsure of stays in the text and is reported as
 * a warning at its line of the input; the same input gives the same bytes.
 */

/*
 * Convert `len` bytes of `data`, read from the file `name`, into a
 * document appended to `out`, and append the lines left out on purpose to
 * `removed` (may be NULL; see importwrite_removed). `region` is the
 * document's region, or NULL to take it from the issuer. `*note` is set as
 * by importtext_decode. Returns 0 with warnings recorded, or -1 after an
 * error (the input is not text the importer reads).
 */
int import_convert(const char *data, size_t len, const char *name, const char *region,
		   struct strbuf *out, struct strbuf *removed, const char **note,
		   struct diag_list *diags);

struct import_request {
	const char *input;	/* the text file */
	const char *output;	/* -o: a file, or a folder (ending in '/') for
				 * <slug>.md; NULL for standard output */
	const char *slug;	/* --slug, or NULL: from -o's file name */
	const char *region;	/* --region, or NULL */
	const char *removed;	/* --removed: where to list removed lines, or NULL */
};

/*
 * Run the command: read the input, convert it, and write the document to
 * req->output or else to `out`. Nothing is written when there are errors
 * (with --werror, warnings are errors). Returns 0 or -1.
 */
int import_run(const struct import_request *req, FILE *out, const char **note,
	       struct diag_list *diags);

#endif
