#define _GNU_SOURCE	/* renameat2 */
#include "site.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "assets.h"
#include "compress.h"
#include "fsio.h"
#include "hash.h"
#include "html.h"
#include "output.h"
#include "pagekey.h"
#include "pool.h"
#include "search.h"
#include "strbuf.h"
#include "uptodate.h"

/*
 * Put the finished staging folder in place of `out`. With an existing
 * `out` the two are exchanged in one step (Linux renameat2), so there is
 * no moment without a site; the old site then sits in `staging`, where
 * the next build updates it (see site_write).
 */
static int swap_in(const char *staging, const char *out, struct diag_list *diags)
{
	if (!fsio_is_dir(out)) {
		if (rename(staging, out) < 0)
			return diag_error(diags, out, 0, 0, "cannot move the new site into place: %s",
					  strerror(errno));
		return 0;
	}
	if (renameat2(AT_FDCWD, staging, AT_FDCWD, out, RENAME_EXCHANGE) == 0)
		return 0;
	/* File systems without the exchange: two renames, a short gap. */
	struct strbuf old = STRBUF_INIT;
	int ret = 0;
	strbuf_addf(&old, "%s.old", out);
	fsio_remove_tree(old.buf);
	if (rename(out, old.buf) < 0) {
		ret = diag_error(diags, out, 0, 0, "cannot move the old site aside: %s",
				 strerror(errno));
	} else if (rename(staging, out) < 0) {
		ret = diag_error(diags, out, 0, 0, "cannot move the new site into place: %s",
				 strerror(errno));
		rename(old.buf, out);	/* put the previous site back */
	} else if (rename(old.buf, staging) < 0) {
		fsio_remove_tree(old.buf);
	}
	strbuf_release(&old);
	return ret;
}

static void staging_path(const char *out, struct strbuf *path)
{
	strbuf_addf(path, "%s.staging", out);
}

static int write_assets(struct output *o, const struct asset_list *assets)
{
	struct strbuf path = STRBUF_INIT;
	int ret = 0;

	for (size_t i = 0; i < assets->count && !ret; i++) {
		const struct asset *a = &assets->items[i];
		strbuf_reset(&path);
		strbuf_addf(&path, "assets/%s", a->hashed);
		ret = output_write(o, path.buf, a->data.buf, a->data.len);
	}
	strbuf_release(&path);
	return ret;
}

#define STAMP_FILES "files, keys and hashes\n"

/* The stamp `kind` of the output folder `out` (see SITE_STAMP_DIR): its
 * file name into `path`, its text into `text`. The text names `folder`
 * (device and inode), the output folder itself or the staging folder that
 * holds a former output: each build swaps in a new one, so a folder put
 * there by anything else does not match. */
static void stamp(const struct site_options *options, const char *out, const char *kind,
		  const char *folder, struct strbuf *path, struct strbuf *text)
{
	struct strbuf name = STRBUF_INIT;
	struct stat st;

	uptodate_stamp_path(options->stamp_dir, kind, out, path, &name);
	strbuf_addf(text, "policysite %s\nout %s\n", POLICYSITE_VERSION, name.buf);
	if (stat(folder, &st) == 0)
		strbuf_addf(text, "folder %ju:%ju\n", (uintmax_t)st.st_dev, (uintmax_t)st.st_ino);
	if (options->compress)
		compress_describe(text);
	else
		strbuf_adds(text, "no compressed copies\n");
	strbuf_adds(text, STAMP_FILES);
	strbuf_release(&name);
}

/* Remove the "folder" line from the head of stamp text `text`. */
static void drop_folder_line(struct strbuf *text)
{
	const char *files = strstr(text->buf, STAMP_FILES);
	char *line = strstr(text->buf, "\nfolder ");
	char *eol = line ? strchr(line + 1, '\n') : NULL;

	if (line && eol && files && line < files) {
		size_t cut = (size_t)(eol - line);
		memmove(line + 1, eol + 1, text->len - (size_t)(eol + 1 - text->buf) + 1);
		strbuf_setlen(text, text->len - cut);
	}
}

/* Whether `folder`'s stamp `kind` is as this build would write it, so its
 * compressed copies were made as this build makes them; if so, its files
 * and their keys go to `files`, and with `hash` non-NULL a hash of its
 * text to `*hash`. With `moved` non-NULL, a stamp that holds but for the
 * folder it names (the folder was copied or restored) holds too, and sets
 * `*moved`. */
static int same_stamp(const struct site_options *options, const char *out, const char *kind,
		      const char *folder, struct pagekey_record *files, int *moved,
		      uint64_t *hash)
{
	struct strbuf path = STRBUF_INIT, want = STRBUF_INIT, have = STRBUF_INIT;
	int ok;

	stamp(options, out, kind, folder, &path, &want);
	ok = fsio_read_file(path.buf, &have) == 0 && have.len >= want.len &&
	     !memcmp(have.buf, want.buf, want.len);
	if (hash)
		*hash = hash_content(HASH_FNV64_INIT, have.buf, have.len);
	if (!ok && moved && have.len) {
		drop_folder_line(&want);
		drop_folder_line(&have);
		ok = *moved = have.len >= want.len && !memcmp(have.buf, want.buf, want.len);
	}
	if (ok)
		pagekey_record_parse(files, have.buf + want.len);
	strbuf_release(&path);
	strbuf_release(&want);
	strbuf_release(&have);
	return ok;
}

/*
 * Whether the staging folder holds the output before the previous one, as
 * its stamp says (the previous output's, set aside at the swap), with no
 * file added or removed since (a CNAME put into the output, say): then its
 * files go to `files`. The build removes the stamp before any of them
 * changes (staging_claim), so that a build stopped half-way leaves a
 * folder no build trusts.
 */
static int staging_holds(const struct site_options *options, const char *out,
			 const char *staging, struct pagekey_record *files)
{
	return same_stamp(options, out, "staging", staging, files, NULL, NULL) &&
	       pagekey_folders_same(files, staging);
}

static int staging_claim(const struct site_options *options, const char *out)
{
	struct strbuf path = STRBUF_INIT;
	int ok;

	uptodate_stamp_path(options->stamp_dir, "staging", out, &path, NULL);
	ok = unlink(path.buf) == 0;
	strbuf_release(&path);
	return ok;
}

void site_stamps_read(struct site_stamps *s, const struct site_options *options,
		      const char *out)
{
	struct strbuf staging = STRBUF_INIT;

	pagekey_record_init(&s->output);
	pagekey_record_init(&s->staging);
	s->output_holds = s->staging_holds = s->output_moved = s->output_hashed = 0;
	if (!options->reuse)
		return;
	/* The plain files of the previous output are compared byte for byte
	 * before they are reused, or known by their keys; their copies are
	 * trusted under the stamp, each checked against its entry. */
	if (fsio_is_dir(out))
		s->output_hashed = s->output_holds =
			same_stamp(options, out, "output", out, &s->output, &s->output_moved,
				   &s->output_hash);
	staging_path(out, &staging);
	s->staging_holds = staging_holds(options, out, staging.buf, &s->staging);
	strbuf_release(&staging);
}

void site_stamps_release(struct site_stamps *s)
{
	pagekey_record_release(&s->output);
	pagekey_record_release(&s->staging);
}

void site_clear_staging(const struct site_stamps *s, const char *out)
{
	struct strbuf staging = STRBUF_INIT;

	staging_path(out, &staging);
	if (!s->staging_holds)
		fsio_remove_tree(staging.buf);
	strbuf_release(&staging);
}

struct output_check {
	const struct pagekey_record *files;
	const char *out;
};

static int check_file(void *ctx, size_t i)
{
	const struct output_check *c = ctx;
	const struct pagekey_entry *e = &c->files->items[i];
	struct strbuf path = STRBUF_INIT;
	int same;

	if (e->path[strlen(e->path) - 1] == '/')
		return 0;	/* a folder: pagekey_folders_same */
	strbuf_addf(&path, "%s/%s", c->out, e->path);
	same = pagekey_file_same(e, path.buf);
	strbuf_release(&path);
	return same ? 0 : -1;
}

int site_output_unchanged(const struct site_stamps *s, const char *out, int jobs)
{
	struct output_check c = { &s->output, out };

	return s->output_holds && !s->output_moved && pagekey_folders_same(&s->output, out) &&
	       pool_for(s->output.count, jobs, check_file, &c) == 0;
}


/* Before the swap: the stamp of `out` becomes the staging folder's, which
 * the swap moves the output it describes into. */
static void set_aside_stamp(const struct site_options *options, const char *out)
{
	struct strbuf from = STRBUF_INIT, to = STRBUF_INIT;

	uptodate_stamp_path(options->stamp_dir, "output", out, &from, NULL);
	uptodate_stamp_path(options->stamp_dir, "staging", out, &to, NULL);
	if (rename(from.buf, to.buf) < 0)
		unlink(to.buf);
	strbuf_release(&from);
	strbuf_release(&to);
}

/* After the swap, the stamp of `out` with its files, once they are
 * (`written`); a build stopped before leaves none, and the next build
 * renders and compresses every file anew; so does a build that finds
 * itself unable to write the stamp (in a read-only folder, say). */
static void write_stamp(const struct site_options *options, const char *out, int written,
			struct pagekey_record *files, struct site_stamps *stamps)
{
	struct strbuf path = STRBUF_INIT, text = STRBUF_INIT;

	stamp(options, out, "output", out, &path, &text);
	if (written)
		pagekey_record_text(files, out, &text);
	stamps->output_hashed = written && fsio_write_file(path.buf, text.buf, text.len) == 0;
	if (stamps->output_hashed)
		stamps->output_hash = hash_content(HASH_FNV64_INIT, text.buf, text.len);
	else
		remove(path.buf);
	strbuf_release(&path);
	strbuf_release(&text);
}

static void *search_thread(void *arg)
{
	struct output *o = arg;

	return search_write(o) < 0 ? o : NULL;
}

/* The task pages and /data/'s files on one pool, taking turns while both
 * have items: the task list and tasks.json, the largest files of a site
 * (70 and 110 MB at 5,000 documents), are made side by side, where one
 * pool after the other left a processor idle once either's largest file
 * was the last item running. */
static int write_overview_item(void *ctx, size_t i)
{
	struct output *o = ctx;
	size_t pages = taskpages_items(o), data = data_items(o);
	size_t both = pages < data ? pages : data;

	if (i < 2 * both)
		return i % 2 ? data_write_item(o, i / 2) : taskpages_write_item(o, i / 2);
	i -= both;
	return pages > data ? taskpages_write_item(o, i) : data_write_item(o, i);
}

static int write_overviews(struct output *o)
{
	return pool_for(taskpages_items(o) + data_items(o), o->jobs, write_overview_item, o);
}

/* The search index is built on a thread of its own while the pages are
 * written: most of it runs on one thread, and only the search page names
 * its folder. The download page comes after every download it gives the
 * size of, and before the index is done, which takes longer than the
 * pages when they are mostly linked from the previous output. */
static int write_all(struct output *o, const struct asset_list *assets)
{
	pthread_t search;
	int threaded, ret = 0;
	void *failed = NULL;

	output_copies_start(o);
	threaded = o->jobs > 1 && pthread_create(&search, NULL, search_thread, o) == 0;
	if (!threaded && search_write(o) < 0)
		ret = -1;
	if (!ret && (pages_write(o) < 0 || write_overviews(o) < 0 || indpages_write(o) < 0 ||
		     feeds_write(o) < 0 || write_assets(o, assets) < 0 || data_page_write(o) < 0))
		ret = -1;
	if (threaded && (pthread_join(search, &failed) != 0 || failed))
		ret = -1;
	if (!ret && search_page_write(o) < 0)
		ret = -1;
	if (output_copies_finish(o) < 0)
		ret = -1;
	return ret;
}

static void *release_model(void *arg)
{
	const struct site_options *options = arg;

	options->done_with_model(options->done_ctx);
	return NULL;
}

int site_write(const struct model *model, const struct site_paths *paths,
	       const struct site_options *options, struct site_stamps *stamps,
	       struct diag_list *diags)
{
	struct html_templates templates;
	struct asset_list assets;
	struct strbuf staging = STRBUF_INIT;
	struct pagekeys keys;
	struct pagekey_record new_keys;
	struct output o = { .model = model, .templates = &templates, .diags = diags,
			    .compress = options->compress, .jobs = options->jobs,
			    .new_keys = &new_keys };
	pthread_t releaser;
	int ret = 0, releasing = 0;

	memset(&templates, 0, sizeof(templates));
	pagekey_record_init(&new_keys);
	if (options->keyed) {
		pagekeys_init(&keys, model, options->shared_inputs);
		o.keys = &keys;
	}
	if (options->reuse && fsio_is_dir(paths->out)) {
		o.prev = paths->out;
		o.prev_copies = stamps->output_holds;
		o.prev_moved = stamps->output_moved;
		if (o.prev_copies)
			o.prev_keys = &stamps->output;
	}
	if (assets_read(&assets, paths->assets, diags) < 0 ||
	    html_templates_load(&templates, paths->templates, model->config.base_path, &assets,
				diags) < 0) {
		ret = -1;
		goto out;
	}
	/* A fixed name: a build killed half-way leaves at most this folder,
	 * which the next build clears. After a build it holds the output
	 * before, which the next build updates in place when its stamp holds:
	 * most of its files are already those of the next output, where
	 * linking each anew and removing the old folder cost a rebuild more
	 * than anything else. */
	staging_path(paths->out, &staging);
	o.dir = staging.buf;
	if (options->reuse && stamps->staging_holds && staging_claim(options, paths->out))
		o.staged_keys = &stamps->staging;
	else if (fsio_remove_tree(staging.buf) < 0 || fsio_mkdirs(staging.buf) < 0)
		ret = diag_error(diags, staging.buf, 0, 0, "cannot create the staging folder: %s",
				 strerror(errno));
	if (!ret && write_all(&o, &assets) < 0)
		ret = -1;
	releasing = options->done_with_model &&
		    pthread_create(&releaser, NULL, release_model, (void *)options) == 0;
	if (!releasing && options->done_with_model)
		options->done_with_model(options->done_ctx);
	if (!ret) {
		output_drop_stale(&o);
		set_aside_stamp(options, paths->out);
		ret = swap_in(staging.buf, paths->out, diags);
		write_stamp(options, paths->out, ret == 0, &new_keys, stamps);
	}
	if (ret < 0)
		fsio_remove_tree(staging.buf);
	if (releasing)
		pthread_join(releaser, NULL);
out:
	if (o.keys)
		pagekeys_release(&keys);
	pagekey_record_release(&new_keys);
	html_templates_release(&templates);
	assets_release(&assets);
	strbuf_release(&staging);
	return ret;
}
