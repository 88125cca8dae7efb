#ifndef POLICYSITE_PAGEKEY_H
#define POLICYSITE_PAGEKEY_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "strbuf.h"

/*
 * A page's key is a hash of everything the page is made from. A page
 * whose key the previous build recorded, in a file that is still as that
 * build left it, is that build's file: linked, not rendered again. So a
 * change to one document renders its own page and the pages that show
 * something of it, not the thousands that do not.
 *
 * Every key starts from the site's: the program and its libraries, the
 * options, the templates and assets, every content file but the
 * documents, and each document's slug and front matter, which is all
 * that lists and links show of a document. A page then adds what it shows
 * of the documents' bodies: a document's page the document's bytes and the
 * documents that cite it; the task list, the deadlines and a department's
 * page and calendar what they show of their tasks; an indicator's page the
 * anchor of its table.
 */
struct pagekeys {
	uint64_t site;
	uint64_t *docs;		/* each document's bytes, in model order */
	uint64_t *tasks;	/* what each task shows outside its document's page */
	uint64_t all_tasks;	/* every task's, in model order (pagekey_tasks) */
};

/* `shared_inputs`: the hash of every input but the documents (see
 * uptodate_inputs). */
void pagekeys_init(struct pagekeys *k, const struct model *m, uint64_t shared_inputs);
void pagekeys_release(struct pagekeys *k);

/* The key of a page: the site's, `what` names the page. Without keys (`k`
 * NULL, the inputs unknown) every key is worthless, and output_reuse
 * reuses nothing. */
uint64_t pagekey_begin(const struct pagekeys *k, const char *what);
uint64_t pagekey_text(uint64_t key, const char *s);
/* Add the bytes of document `d`. */
uint64_t pagekey_doc(const struct pagekeys *k, uint64_t key, const struct model *m,
		     const struct document *d);

/* Add what tasks `tasks` show in lists, tables and calendars: ids, numbers,
 * titles, text, anchors, departments, deadlines, statuses and whether they
 * were reported, and the kind of text each came from (measure, table,
 * block); not where in their documents they are written. So an edit to a
 * document's prose does not make the task pages again, and an edit to one
 * of its tasks does. */
uint64_t pagekey_tasks(const struct pagekeys *k, uint64_t key, struct task *const *tasks,
		       size_t n);

/* The key of page `what`, which shows every task (pagekey_tasks of all). */
uint64_t pagekey_overview(const struct pagekeys *k, const char *what);

/* The key of page `what` of department `d`: its id, and the tasks it
 * leads, then those it supports (pagekey_tasks). */
uint64_t pagekey_dept(const struct pagekeys *k, const char *what, const struct dept *d);

/* The files of one build: path, key (0 for a file not keyed), the file as
 * written, and its bytes' hash (hash_content; 0 if unknown), by which a
 * file is known after the folder was copied or restored elsewhere, with
 * new inodes and times (pagekey_file_check). */
struct pagekey_entry {
	char *path;		/* in the output folder */
	uint64_t key;
	uint64_t inode, size, mtime_sec, mtime_nsec;
	uint64_t hash;
};

struct pagekey_record {
	pthread_mutex_t lock;
	struct pagekey_entry *items;
	size_t count, alloc;
};

void pagekey_record_init(struct pagekey_record *r);
void pagekey_record_release(struct pagekey_record *r);

/* Note that `path` is made from `key`, and its bytes hash to `hash` (0 if
 * not known yet); safe from any thread. */
void pagekey_record_add(struct pagekey_record *r, const char *path, uint64_t key,
			uint64_t hash);

/* The same for a file that is the one `as` records (kept or linked): its
 * inode, size and time are taken from there, not looked up again. */
void pagekey_record_add_file(struct pagekey_record *r, const char *path, uint64_t key,
			     const struct pagekey_entry *as);

/* Sort a record by path, for pagekey_record_find. A path noted twice (a
 * file whose key missed is then written, and noted unkeyed, key 0) keeps
 * its keyed entry, with the hash the other one knew. */
void pagekey_record_sort(struct pagekey_record *r);

/* The record as text, with what each file in folder `dir` now is; a file
 * that is not there is left out. Then each folder that holds them, "./"
 * the top one, else "<path>/", with what it now is: a file added to or
 * removed from a folder changes its time. Sorts the record. */
void pagekey_record_text(struct pagekey_record *r, const char *dir, struct strbuf *out);

/* Read a record from its text; lines that do not parse are left out. */
void pagekey_record_parse(struct pagekey_record *r, const char *text);

/* The entry of `path` in a parsed record, or NULL. */
const struct pagekey_entry *pagekey_record_find(const struct pagekey_record *r,
						const char *path);

/* 1 if every folder of a parsed record is still as recorded in folder
 * `dir`: nothing was added to or removed from them. */
int pagekey_folders_same(const struct pagekey_record *r, const char *dir);

/* 1 if the file at `path` is still what `e` recorded. */
int pagekey_file_same(const struct pagekey_entry *e, const char *path);

/* The same, and `*now` becomes `e` with what the file now is. With
 * `by_content`, for a folder copied or restored from an archive, where
 * every inode and time is new: the file's size and the hash of its bytes
 * must be as recorded, which means reading it. */
int pagekey_file_check(const struct pagekey_entry *e, const char *path, int by_content,
		       struct pagekey_entry *now);

#endif
