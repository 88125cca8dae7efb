#ifndef POLICYSITE_MODEL_H
#define POLICYSITE_MODEL_H

#include <stddef.h>

#include "arena.h"
#include "config.h"
#include "diag.h"
#include "dept.h"
#include "document.h"
#include "indicator.h"
#include "task.h"

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
};

/* Read content/site.yaml, content/departments.yaml and content/policies/,
 * link the documents and extract their tasks. A content folder with a
 * symbolic link out of itself (fsio_check_tree) is not read at all.
 * `base_url` and `as_of` override the settings when not NULL;
 * `default_as_of` applies when neither `as_of` nor the settings give one. */
int model_load(struct model *m, struct arena *a, const char *content_dir,
	       const char *base_url, const char *as_of, const char *default_as_of,
	       struct diag_list *diags);
void model_release(struct model *m);

struct document *model_find_slug(const struct model *m, const char *slug);

/*
 * The document whose 文号 is the tail of `run` followed by `core` (see
 * docnum.h), or NULL. `*prefix_off` receives the byte offset in `run`
 * where the matched number starts.
 */
struct document *model_find_docnum(const struct model *m, const char *run, size_t run_len,
				   const char *core, size_t *prefix_off);

#endif
