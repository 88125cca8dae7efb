#ifndef POLICYSITE_DOCCACHE_H
#define POLICYSITE_DOCCACHE_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "diag.h"
#include "strbuf.h"

struct dept_registry;
struct document;

/*
 * The parsed documents of the previous build, so that a rebuild parses
 * again only the documents that changed, and makes the others' text and
 * tree only if a page asks for them. One file per output
 * folder (beside its build stamp) holds, for each document that loaded
 * without an error, what loading it gave (front matter, sections,
 * citations, warnings) and what finding its tasks gave (tasks, the ids its
 * page has claimed, warnings), keyed by a hash of its file name (not its
 * folder's: a content folder moved elsewhere keeps its cache), its bytes and
 * `settings`: everything else a document's parse depends on (the program,
 * the options, the departments, the as-of date; uptodate_inputs' shared
 * hash). A document loaded from the cache has no Markdown tree until
 * document_root asks for one.
 *
 * A cache file that is missing, from another version or damaged gives no
 * documents, never a wrong one: every record is checked as it is read.
 */
struct doccache_record;

/* A document's part of this build's cache. */
struct doccache_doc {
	uint64_t key;
	/* The previous build's record, when the document is as it was then. */
	const char *loaded, *extracted;
	size_t loaded_len, extracted_len;
	struct diag_list extracted_diags;	/* to give when its tasks are found */
	/* This build's, when it was parsed. */
	struct strbuf new_loaded, new_extracted;
	int failed;		/* it had an error: not kept */
};

struct doccache {
	char *path;		/* NULL: no cache, every document is parsed */
	uint64_t settings;
	char *data;		/* the file as read; loaded strings point into it */
	size_t len, valid_len;	/* its bytes, and those up to the last good record */
	struct doccache_record *records;	/* sorted by key */
	size_t nrecords;
	struct doccache_doc *docs;	/* one per document in model order */
	size_t ndocs;
};

/* Start the cache kept in file `path` (NULL: no cache) for documents
 * parsed under `settings`, reading what the file holds when `reuse`. */
void doccache_open(struct doccache *c, const char *path, uint64_t settings, int reuse);
/* The settings, when they were not known at doccache_open (which may then
 * run beside the reading of the inputs); before any doccache_load. */
void doccache_set_settings(struct doccache *c, uint64_t settings);
/* Free it, which the documents loaded from it must not outlive. */
void doccache_close(struct doccache *c);

/* Make room for `ndocs` documents. */
void doccache_begin(struct doccache *c, size_t ndocs);

/*
 * Document `i`, its bytes read (doc->path, doc->text and doc->hash set):
 * 1 if it was loaded
 * from the cache with its tasks (which then point to departments of
 * `depts`; doc->lazy is set), and the warnings parsing it gave recorded
 * in `diags`; else 0, and the caller parses it and finds its tasks,
 * handing each result to doccache_put_loaded and doccache_put_extracted.
 * Safe from several threads for different `i`.
 */
int doccache_load(struct doccache *c, size_t i, struct document *doc, struct arena *a,
		  const struct dept_registry *depts, struct diag_list *diags);

/* Record in `diags` the warnings finding the tasks of document `i` gave,
 * when it came from the cache. */
void doccache_replay_extracted(struct doccache *c, size_t i, struct diag_list *diags);

/* Keep what parsing document `i` gave, with the diagnostics it gave: a
 * document with an error is not kept. */
void doccache_put_loaded(struct doccache *c, size_t i, const struct document *doc,
			 const struct diag_list *diags);
/* The same for finding its tasks. */
void doccache_put_extracted(struct doccache *c, size_t i, const struct document *doc,
			    const struct diag_list *diags);

/* Write this build's cache file, if it differs from the one read. */
void doccache_write(struct doccache *c);

#endif
