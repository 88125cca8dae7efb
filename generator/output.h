#ifndef POLICYSITE_OUTPUT_H
#define POLICYSITE_OUTPUT_H

#include <libxml/tree.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "html.h"
#include "model.h"
#include "pagekey.h"

/* The folder one build writes into, and what the page writers share. */
struct output {
	const struct model *model;
	const struct html_templates *templates;
	const char *dir;	/* the staging folder */
	struct diag_list *diags;
	int compress;		/* write .gz and .br beside text files */
	int jobs;		/* threads writing pages (see pool.h) */
	char search_path[32];	/* the index folder, "search/<tag>/" */
	/* The site this build replaces, when its files may be reused (see
	 * output_write), or NULL; and whether their .gz and .br copies may be. */
	const char *prev;
	int prev_copies;
	/* Whether `prev` was copied or restored (from a CI cache, say) since
	 * its build, with new inodes and times: its files are then known by
	 * their size and the hash of their bytes (pagekey_file_check). */
	int prev_moved;
	struct copy_queue *copies;	/* see output_copies_start, or NULL */
	/* The keys of pages (pagekey.h), or NULL to render every page; the
	 * previous site's keys, or NULL; this build's, as they are given. */
	const struct pagekeys *keys;
	const struct pagekey_record *prev_keys;
	struct pagekey_record *new_keys;
	/* The files of the staging folder when it is recycled: the site before
	 * the previous one, which a build updates in place (see site.h); a
	 * file already as wanted is kept. NULL when the folder began empty. */
	const struct pagekey_record *staged_keys;
};

/* Make the compressed copies of the files written from now on on `jobs`
 * threads of their own (with more than one job), until
 * output_copies_finish, which waits for them; -1 if one failed (after a
 * diagnostic). Without a start, each file's copies are made as it is
 * written. */
void output_copies_start(struct output *o);
int output_copies_finish(struct output *o);

/*
 * Write `len` bytes to `relpath` inside the output, and its .gz and .br
 * copies when compressing; -1 after a diagnostic. A file the previous site
 * holds with exactly these bytes is hard-linked instead, with its copies:
 * an unchanged page costs no compression and no new inode.
 */
int output_write(struct output *o, const char *relpath, const void *data, size_t len);

/*
 * Whether the file `relpath`, made from what `key` hashes (pagekey.h), is
 * the previous site's: then it is linked, with its copies, and counted as
 * written, and the caller does not make it; else (0) the caller writes it.
 * A build without keys (o->keys NULL) reuses nothing this way.
 */
int output_reuse(struct output *o, const char *relpath, uint64_t key);

/* The same, for a file the caller reuses only if every file of its set is
 * reused (a search group): no note of it in o->new_keys and no count; 1
 * and what the file is in `*as` if it was kept or linked. */
int output_take(struct output *o, const char *relpath, uint64_t key, struct pagekey_entry *as);

/* Remove from a recycled staging folder the files this build did not
 * write, and the folders they leave empty. */
void output_drop_stale(struct output *o);

/* output_reuse for a file that shows every task (pagekey_overview): the
 * task list, the deadline list, the department index, /data/'s tables. */
int output_reuse_overview(struct output *o, const char *relpath);

/* The same, for a file that was `prev_relpath` in the previous site. */
int output_write_from(struct output *o, const char *relpath, const void *data, size_t len,
		      const char *prev_relpath);

/* The size of a file already written, or -1. */
long long output_size(const struct output *o, const char *relpath);

/* Rename folder `from` to `to`, both inside the output, `to` replaced. */
int output_rename(struct output *o, const char *from, const char *to);

/* Serialise and write a page, then free it. */
int output_page(struct output *o, const char *relpath, xmlDocPtr page);

/* Write an XML document (sitemap, feed), then free it. */
int output_xml(struct output *o, const char *relpath, xmlDocPtr doc);

/* The pages: home, document list, one page per document, 404. */
int pages_write(struct output *o);

/* /tasks/, /departments/ and one page per department, /deadlines/: item
 * `i` of taskpages_items, to be written on a pool (see pool.h), the task
 * list first. */
size_t taskpages_items(const struct output *o);
int taskpages_write_item(struct output *o, size_t i);

/* /indicators/, one page and CSV per indicator, /data/indicators.json|csv. */
int indpages_write(struct output *o);

/* The home page's few indicator charts: those compared across regions. */
void indpages_home(const struct output *o, xmlDocPtr page);

/* /data/: tasks and departments as JSON and CSV, and iCalendar files:
 * item `i` of data_items, the same way, tasks.json first. */
size_t data_items(const struct output *o);
int data_write_item(struct output *o, size_t i);

/* Fill the layout's page-dependent parts: lang, title (from the page's
 * <h1>), description, canonical URL of `path`, the as-of date. */
void output_fill_layout(const struct output *o, xmlDocPtr page, const char *path,
			const char *description);

/* /data/: the page listing every download with its format and size. */
int data_page_write(struct output *o);

/* sitemap.xml, atom.xml and robots.txt. */
int feeds_write(struct output *o);

#endif
