#ifndef POLICYSITE_SITE_H
#define POLICYSITE_SITE_H

#include "diag.h"
#include "model.h"

/* Where the build reads its templates and assets and writes its output. */
struct site_paths {
	const char *templates;	/* folder of layout.html and the page templates */
	const char *assets;	/* published in <out>/assets/ under hashed names */
	const char *out;	/* the published folder, e.g. public */
};

/*
 * Write the whole site for `model` into a staging folder next to
 * `paths->out` and swap it in only when every file was written, so a
 * failed build leaves the previous output untouched; the same bytes for
 * any number of jobs. Returns 0, or -1 after recording diagnostics.
 */
struct site_options {
	int compress;	/* .gz and .br copies of text files */
	int jobs;	/* threads writing pages */
};

int site_write(const struct model *model, const struct site_paths *paths,
	       const struct site_options *options, struct diag_list *diags);

#endif
