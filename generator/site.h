#ifndef POLICYSITE_SITE_H
#define POLICYSITE_SITE_H

#include <stdint.h>

#include "diag.h"
#include "model.h"
#include "pagekey.h"

/* Where the build reads its templates and assets and writes its output. */
struct site_paths {
	const char *templates;	/* folder of layout.html and the page templates */
	const char *assets;	/* published in <out>/assets/ under hashed names */
	const char *out;	/* the published folder, e.g. public */
};

struct site_options {
	int compress;	/* .gz and .br copies of text files */
	int jobs;	/* threads writing pages */
	int reuse;	/* link unchanged files of the previous output (output_write) */
	const char *stamp_dir;	/* where the stamps of outputs are kept */
	/* The hash of every input but the documents (uptodate_inputs), which
	 * pages are keyed by (pagekey.h); without it (`keyed` 0) every page
	 * is rendered. */
	int keyed;
	uint64_t shared_inputs;
	/* Called with `done_ctx`, when not NULL, on a thread of its own once
	 * the pages no longer need the model, beside the removal of stale
	 * files and the swap: freeing the model took 0.08 s at 10,000
	 * documents. site_write waits for it before it returns. */
	void (*done_with_model)(void *done_ctx);
	void *done_ctx;
};

/*
 * A previous output's compressed copies are reused only when it was
 * written with the same compression: a stamp per output folder (named by a
 * hash of its absolute path) holds the program's version, its gzip and
 * Brotli settings and the folder's device and inode, and is written after
 * each successful build. It goes on with that build's files and the keys
 * of its pages (pagekey.h): a page is reused by its key only from that
 * folder. At the next swap the stamp becomes the staging folder's.
 */
#define SITE_STAMP_DIR ".cache/policysite"

/*
 * What a build reads of the outputs before it: the files of the output
 * folder and of its staging folder as their stamps give them, when they
 * hold (see site_write). site_stamps_read writes nothing, so it may run
 * beside the reading of the content; `options` needs only `compress`,
 * `reuse` and `stamp_dir`.
 */
struct site_stamps {
	struct pagekey_record output, staging;
	int output_holds, staging_holds;
	/* The output's stamp holds but names another folder: the output was
	 * copied or restored (from a CI cache, say) since its build. */
	int output_moved;
	/* A hash of the output's stamp as it was read, when it holds, and
	 * then as site_write wrote it; `output_hashed` 0 when there is none.
	 * The stamp names each file, compressed copy and folder as the build
	 * left them, so this names the output (see uptodate.h). */
	uint64_t output_hash;
	int output_hashed;
};

void site_stamps_read(struct site_stamps *s, const struct site_options *options,
		      const char *out);
void site_stamps_release(struct site_stamps *s);

/*
 * Write the whole site for `model` into a staging folder next to
 * `paths->out` (`<out>.staging`) and swap it in only when every file was
 * written, so a failed build leaves the previous output untouched; the
 * same bytes for any number of jobs, with or without reuse. Returns 0, or
 * -1 after recording diagnostics. The previous output is left in the
 * staging folder, which the next build updates in place into its own
 * output when the stamp set aside for it holds, and else clears.
 */
int site_write(const struct model *model, const struct site_paths *paths,
	       const struct site_options *options, struct site_stamps *stamps,
	       struct diag_list *diags);

/* Whether output folder `out` is still as its stamp, read into `s`
 * (site_stamps_read), says: no file or copy added, removed or changed.
 * The files are looked at on `jobs` threads. */
int site_output_unchanged(const struct site_stamps *s, const char *out, int jobs);

/* Remove the staging folder of `out` unless it holds a former output the
 * next build may update (`s`, site_stamps_read): what a build killed
 * half-way left. */
void site_clear_staging(const struct site_stamps *s, const char *out);

#endif
