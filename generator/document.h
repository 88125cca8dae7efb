#ifndef POLICYSITE_DOCUMENT_H
#define POLICYSITE_DOCUMENT_H

#include <pthread.h>
#include <stddef.h>

#include "arena.h"
#include "date.h"
#include "diag.h"
#include "frontmatter.h"
#include "slug.h"
#include "strbuf.h"

struct cmark_node;
struct indicator_set;
struct task;

/*
 * A heading or a measure (a paragraph opening with a bold numbered lead),
 * in document order. Measures sit one level below the heading they follow,
 * which is how the table of contents nests them.
 */
struct section {
	int level;		/* 2-6 for headings; measures: enclosing level + 1 */
	int is_measure;
	const char *number;	/* as printed, "（一）", "1.", or "" */
	const char *text;	/* the whole heading or bold lead, plain text */
	const char *id;		/* unique within the page */
	struct cmark_node *node;
	struct task *task;	/* the task a measure became, or NULL */
};

/* A document number (文号) mentioned in the body. */
struct citation {
	const char *run;	/* the Chinese run before the bracket: 根据粤府办 */
	const char *core;	/* normalised: 〔2023〕19号 */
	unsigned line;
};

/* The indicator set that table `number` (from 1, at the top level of the
 * body) of a document shows. */
struct document_table {
	size_t number;
	struct indicator_set *set;
};

struct document {
	const char *path;	/* the content file, for diagnostics */
	const char *slug;	/* from the file name; the URL is /policies/<slug>/ */
	struct doc_meta meta;
	/* The file's bytes, then its text in place (document_text), which
	 * `source` points to; a document loaded from the cache (lazy) keeps
	 * the bytes until document_source asks for the text. Owned. */
	struct strbuf text;
	const char *source;	/* NULL until then */
	uint64_t hash;		/* of the file's bytes (hash_content) */
	uint64_t front_hash;	/* of its front matter, as text */
	unsigned body_line;	/* file line of the body's first line */
	size_t body_start;	/* its byte offset in source */
	/* Owned: freed by document_release. NULL for a document loaded from
	 * the cache (lazy) until document_root parses it. */
	struct cmark_node *root;
	int lazy;
	pthread_mutex_t root_lock;
	size_t ntables;		/* tables at the top level of the body */
	struct document_table *tables;	/* indicator sets shown in tables */
	size_t nbound_tables, abound_tables;
	struct section *sections;
	size_t nsections, asections;
	struct citation *citations;
	size_t ncitations, acitations;

	/* Filled by the model's link step. */
	struct document *interprets;
	struct document **interpretations;
	size_t ninterpretations, ainterpretations;
	struct document **cited_by;
	size_t ncited_by, acited_by;
	struct task **tasks;	/* in document order */
	size_t ntasks, atasks;
	struct slug_set ids;	/* every id its page uses, so each is unique */
};

/* Start document `doc` of the file at `path`, whose slug is `slug`. */
void document_init(struct document *doc, struct arena *a, const char *path, const char *slug);

/* Its file's bytes, already read (fsio_files), taken from `bytes`. */
void document_give(struct document *doc, struct strbuf *bytes, uint64_t hash);

/* Read its file's bytes, unless given; 0, or -1 after a diagnostic. */
int document_read(struct document *doc, struct diag_list *diags);

/* Make the bytes doc->source, UTF-8 text (fsio_check_text); 0, or -1
 * after a diagnostic. */
int document_text(struct document *doc, struct diag_list *diags);

/* Parse the front matter and the body of doc->source: its meta, sections
 * and citations. Returns 0, or -1 after recording diagnostics. */
int document_parse(struct document *doc, struct arena *a, struct diag_list *diags);

/* doc->source, made now if the document came from the cache; safe from
 * several threads. */
const char *document_source(const struct document *doc);

/*
 * The document's Markdown tree, parsed now if the document came from the
 * cache, with its headings and measures tied to their sections, its task
 * rows and blocks to their tasks and its indicator tables to their sets
 * (as the nodes' user data), as a parsed document has them. Safe from
 * several threads: the tree is a cache of the source, filled once.
 */
struct cmark_node *document_root(const struct document *doc);

/* Show indicator set `set` in table `number` of the document. */
void document_bind_table(struct document *doc, struct arena *a, size_t number,
			 struct indicator_set *set);

void document_release(struct document *doc);

/* The 1-based line and column of the first occurrence of `needle` in the
 * file at or after line `from_line`; 0 when it is not found. */
int document_locate(const struct document *doc, unsigned from_line, const char *needle,
		    unsigned *line, unsigned *col);

/* A unique id for its page made from `text` (see slug_heading), in `a`. */
const char *document_claim_id(struct document *doc, struct arena *a, const char *text);

/* Number of measures in the document. */
size_t document_measure_count(const struct document *doc);

/* If `text` opens with the numbering of a heading or measure ("（一）",
 * "(1)", "一、", "1.", "①", "第三章"), the byte length of that numbering;
 * otherwise 0. */
size_t document_numbering_length(const char *text);

#endif
