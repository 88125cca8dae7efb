#ifndef POLICYSITE_MODEL_H
#define POLICYSITE_MODEL_H

#include <stddef.h>

#include "arena.h"
#include "config.h"
#include "diag.h"
#include "fsio.h"
#include "dept.h"
#include "doccache.h"
#include "document.h"
#include "indicator.h"
#include "task.h"

/* An entry of the model's lookup indexes, private to model.c. */
struct model_index_entry;

/*
 * Everything one build knows: the settings and every document, linked to
 * each other. All of it lives in the build's arena except the Markdown
 * trees, which model_release frees.
 */
struct model {
	struct site_config config;
	struct document *docs;	/* in file name order */
	size_t ndocs, adocs;
	struct document **by_date;	/* newest first, ties by slug */
	struct dept_registry depts;
	struct task **tasks;	/* by document slug, then document order */
	size_t ntasks, atasks;
	struct indicator_list indicators;

	/* Sorted indexes, in the arena, built by model_load so that a lookup
	 * takes log n comparisons and still finds the first document in file
	 * order: every document by slug (ndocs entries), and every document
	 * whose 文号 holds a 〔, by the number from its last 〔 on
	 * (nby_docnum entries). */
	struct model_index_entry *by_slug, *by_docnum;
	size_t nby_docnum;
	/* Every indicator with a compare key, by key, then in the order of
	 * indicators.all; built by indicator_load_all for
	 * indicator_comparable. */
	struct indicator **by_compare;
	size_t nby_compare;
	int jobs;		/* the threads it is loaded, and released, on */
	struct doccache *cache;	/* parsed documents of the last build, or NULL */
};

/* Read content/site.yaml, content/departments.yaml and content/policies/,
 * link the documents and extract their tasks. A content folder with a
 * symbolic link out of itself (fsio_check_tree) is not read at all.
 * `base_url` and `as_of` override the settings when not NULL;
 * `default_as_of` applies when neither `as_of` nor the settings give one.
 * The documents are parsed on `jobs` threads (see pool.h); the model is
 * the same for any number. Documents unchanged since the build that wrote
 * `cache` (when not NULL) are loaded from it, and the others kept in it
 * (see doccache.h); the model is the same with or without. Documents
 * already read (`read`, when not NULL) are taken from there, not read
 * again. */
int model_load(struct model *m, struct arena *a, const char *content_dir,
	       const char *base_url, const char *as_of, const char *default_as_of, int jobs,
	       struct doccache *cache, struct fsio_files *read, struct diag_list *diags);
void model_release(struct model *m);

/* Index the documents of `m` by slug, which model_find_slug needs
 * (model_load does it); -1 after a diagnostic if two share a slug. */
int model_index_slugs(struct model *m, struct arena *a, struct diag_list *diags);

/* The document whose slug is `slug`, or NULL; the first in file order
 * when several are. */
struct document *model_find_slug(const struct model *m, const char *slug);

/* The regions of the documents, each once, in the order they first come:
 * newest first (`by_date`) or in file order; with `with_tasks`, only of
 * documents that have tasks. A new array of `*n`, for the caller to free. */
const char **model_regions(const struct model *m, int by_date, int with_tasks, size_t *n);

/*
 * The document whose 文号 is the tail of `run` followed by `core`, or NULL;
 * the first in file order when several are. `core` is normalised as
 * docnum_find gives it, "〔2023〕19号" (see docnum.h). `*prefix_off`
 * receives the byte offset in `run` where the matched number starts.
 */
struct document *model_find_docnum(const struct model *m, const char *run, size_t run_len,
				   const char *core, size_t *prefix_off);

#endif
