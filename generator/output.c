#include "output.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "compress.h"
#include "fsio.h"
#include "hash.h"
#include "progress.h"
#include "strbuf.h"
#include "xalloc.h"

static int write_file(struct output *o, const char *path, const void *data, size_t len)
{
	if (fsio_write_new(path, data, len) < 0)
		return diag_error(o->diags, path, 0, 0, "cannot write: %s", strerror(errno));
	return 0;
}

/* `path``ext` (".gz" or ".br"): the compressed copy of a text file. */
static int write_copy(struct output *o, const char *path, const char *ext, const void *data,
		      size_t len)
{
	struct strbuf packed = STRBUF_INIT, to = STRBUF_INIT;
	int gzip = !strcmp(ext, ".gz"), ret;

	strbuf_addf(&to, "%s%s", path, ext);
	if ((gzip ? compress_gzip(data, len, COMPRESS_GZIP_COPIES, &packed)
		  : compress_brotli(data, len, &packed)) < 0)
		ret = diag_error(o->diags, path, 0, 0, "cannot compress with %s",
				 gzip ? "libdeflate" : "Brotli");
	else
		ret = write_file(o, to.buf, packed.buf, packed.len);
	if (!ret)
		pagekey_record_add(o->new_keys, to.buf + strlen(o->dir) + 1, 0,
				   hash_content(HASH_FNV64_INIT, packed.buf, packed.len));
	strbuf_release(&packed);
	strbuf_release(&to);
	return ret;
}

/*
 * Compressed copies are most of a build's work. They are made on threads
 * of their own, from a queue, while the pages go on being rendered: so the
 * parts of the build that run on one thread (the search index, the data
 * files, the large list pages) do not leave the other processors idle.
 * The queue holds copies of the files' bytes, up to COPY_QUEUE_BYTES;
 * beyond that a writer makes its copies itself.
 */
#define COPY_QUEUE_BYTES (64u << 20)
#define COPY_THREADS_MAX 64

struct copy_job {
	struct copy_job *next;
	char *path;		/* the plain file, in the staging folder */
	int gz, br;		/* the copies to make */
	size_t len;
	char data[];
};

struct copy_queue {
	pthread_mutex_t lock;
	pthread_cond_t wake;
	struct copy_job *head, *tail;
	size_t bytes;		/* of the jobs waiting */
	int closed;
	int failed;
	struct output *o;
	pthread_t threads[COPY_THREADS_MAX];
	int nthreads;
};

static int make_copies(struct output *o, const char *path, int gz, int br, const void *data,
		       size_t len)
{
	int ret = 0;

	if (gz)
		ret = write_copy(o, path, ".gz", data, len);
	if (br && !ret)
		ret = write_copy(o, path, ".br", data, len);
	return ret;
}

static void *copy_worker(void *arg)
{
	struct copy_queue *q = arg;

	pthread_mutex_lock(&q->lock);
	for (;;) {
		while (!q->head && !q->closed)
			pthread_cond_wait(&q->wake, &q->lock);
		struct copy_job *job = q->head;
		if (!job)
			break;
		q->head = job->next;
		if (!q->head)
			q->tail = NULL;
		q->bytes -= job->len;
		pthread_mutex_unlock(&q->lock);
		int ret = make_copies(q->o, job->path, job->gz, job->br, job->data, job->len);
		free(job->path);
		free(job);
		pthread_mutex_lock(&q->lock);
		if (ret < 0)
			q->failed = 1;
	}
	pthread_mutex_unlock(&q->lock);
	return NULL;
}

/* Queue the copies of a file, or return 0 when the queue is full (or there
 * is none) and the caller is to make them. */
static int queue_copies(struct output *o, const char *path, int gz, int br, const void *data,
			size_t len)
{
	struct copy_queue *q = o->copies;
	struct copy_job *job;

	if (!q)
		return 0;
	pthread_mutex_lock(&q->lock);
	int room = q->bytes + len <= COPY_QUEUE_BYTES;
	if (room)
		q->bytes += len;
	pthread_mutex_unlock(&q->lock);
	if (!room)
		return 0;
	job = xmalloc(sizeof(*job) + len);
	job->next = NULL;
	job->path = xstrdup(path);
	job->gz = gz;
	job->br = br;
	job->len = len;
	memcpy(job->data, data, len);
	pthread_mutex_lock(&q->lock);
	if (q->tail)
		q->tail->next = job;
	else
		q->head = job;
	q->tail = job;
	pthread_cond_signal(&q->wake);
	pthread_mutex_unlock(&q->lock);
	return 1;
}

void output_copies_start(struct output *o)
{
	struct copy_queue *q;

	if (!o->compress || o->jobs < 2)
		return;
	q = xcalloc(1, sizeof(*q));
	pthread_mutex_init(&q->lock, NULL);
	pthread_cond_init(&q->wake, NULL);
	q->o = o;
	while (q->nthreads < o->jobs && q->nthreads < COPY_THREADS_MAX &&
	       pthread_create(&q->threads[q->nthreads], NULL, copy_worker, q) == 0)
		q->nthreads++;
	if (!q->nthreads) {	/* no thread would start: copies are made in place */
		pthread_cond_destroy(&q->wake);
		pthread_mutex_destroy(&q->lock);
		free(q);
		return;
	}
	o->copies = q;
}

int output_copies_finish(struct output *o)
{
	struct copy_queue *q = o->copies;
	int failed;

	if (!q)
		return 0;
	pthread_mutex_lock(&q->lock);
	q->closed = 1;
	pthread_cond_broadcast(&q->wake);
	pthread_mutex_unlock(&q->lock);
	for (int t = 0; t < q->nthreads; t++)
		pthread_join(q->threads[t], NULL);
	failed = q->failed;
	pthread_cond_destroy(&q->wake);
	pthread_mutex_destroy(&q->lock);
	free(q);
	o->copies = NULL;
	return failed ? -1 : 0;
}

static int is_page(const char *path)
{
	size_t len = strlen(path);

	return len > 5 && !strcmp(path + len - 5, ".html");
}

static const char *const copy_ext[2] = { ".gz", ".br" };

/* Whether a file of `len` bytes at `relpath` has .gz and .br copies. */
static int has_copies(const struct output *o, const char *relpath, uint64_t len)
{
	return o->compress && compress_wanted(relpath, (size_t)len);
}

/* Remove `path` and its copies from a recycled staging folder, where an
 * older file may sit: a file is only ever linked or written there anew,
 * never written into, for it may be a link to the previous site's. */
static void clear_staged(const struct output *o, const char *path)
{
	struct strbuf copy = STRBUF_INIT;

	if (!o->staged_keys)
		return;
	unlink(path);
	for (int k = 0; k < 2; k++) {
		strbuf_reset(&copy);
		strbuf_addf(&copy, "%s%s", path, copy_ext[k]);
		unlink(copy.buf);
	}
	strbuf_release(&copy);
}

/* A file and its copies as a record has them, each checked. */
struct found {
	struct pagekey_entry file, copy[2];
	int copies;
};

/* Whether the file `relpath` in folder `dir` is as record `rec` has it
 * (by its bytes when `by_content`), and so are its copies, if it has
 * any: then `*f` holds what they now are. */
static int find_file(const struct output *o, const struct pagekey_record *rec, const char *dir,
		     int by_content, const char *relpath, struct found *f)
{
	struct strbuf path = STRBUF_INIT;
	const struct pagekey_entry *e = rec ? pagekey_record_find(rec, relpath) : NULL;
	int ok;

	strbuf_addf(&path, "%s/%s", dir, relpath);
	ok = e && pagekey_file_check(e, path.buf, by_content, &f->file);
	f->copies = ok && has_copies(o, relpath, f->file.size) ? 2 : 0;
	for (int k = 0; ok && k < f->copies; k++) {
		strbuf_reset(&path);
		strbuf_addf(&path, "%s%s", relpath, copy_ext[k]);
		e = pagekey_record_find(rec, path.buf);
		strbuf_reset(&path);
		strbuf_addf(&path, "%s/%s%s", dir, relpath, copy_ext[k]);
		ok = e && pagekey_file_check(e, path.buf, by_content, &f->copy[k]);
	}
	strbuf_release(&path);
	return ok;
}

/* Note the copies of `f`, kept or linked as `relpath`'s. */
static void note_copies(struct output *o, const char *relpath, const struct found *f)
{
	struct strbuf path = STRBUF_INIT;

	for (int k = 0; k < f->copies; k++) {
		strbuf_reset(&path);
		strbuf_addf(&path, "%s%s", relpath, copy_ext[k]);
		pagekey_record_add_file(o->new_keys, path.buf, 0, &f->copy[k]);
	}
	strbuf_release(&path);
}

/* Link the previous site's `from` (found as `f`) and its copies to `to`;
 * 0 if a link fails, leaving none of them. */
static int link_found(struct output *o, const char *from, const char *to, const struct found *f)
{
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	int linked = 0;

	for (; linked <= f->copies; linked++) {
		strbuf_reset(&a);
		strbuf_reset(&b);
		strbuf_addf(&a, "%s/%s%s", o->prev, from, linked ? copy_ext[linked - 1] : "");
		strbuf_addf(&b, "%s/%s%s", o->dir, to, linked ? copy_ext[linked - 1] : "");
		if (fsio_link(a.buf, b.buf) < 0)
			break;
	}
	if (linked <= f->copies) {
		while (linked-- > 0) {
			strbuf_reset(&b);
			strbuf_addf(&b, "%s/%s%s", o->dir, to, linked ? copy_ext[linked - 1] : "");
			remove(b.buf);
		}
	}
	strbuf_release(&a);
	strbuf_release(&b);
	return linked > f->copies;
}

int output_write_from(struct output *o, const char *relpath, const void *data, size_t len,
		      const char *prev_relpath)
{
	struct strbuf path = STRBUF_INIT, old = STRBUF_INIT;
	struct found f;
	int ret = 0, kept = 0, reused = 0, linked_copies = 0;

	strbuf_addf(&path, "%s/%s", o->dir, relpath);
	if (o->staged_keys) {
		kept = find_file(o, o->staged_keys, o->dir, 0, relpath, &f) &&
		       fsio_same_content(path.buf, data, len);
		if (!kept)
			clear_staged(o, path.buf);
	}
	if (!kept && o->prev) {
		strbuf_addf(&old, "%s/%s", o->prev, prev_relpath);
		/* With its copies if they are still what the previous build made. */
		if (o->prev_keys &&
		    find_file(o, o->prev_keys, o->prev, o->prev_moved, prev_relpath, &f) &&
		    f.copies == (has_copies(o, relpath, len) ? 2 : 0) &&
		    fsio_same_content(old.buf, data, len) && link_found(o, prev_relpath, relpath, &f))
			reused = linked_copies = 1;
		else
			reused = fsio_same_content(old.buf, data, len) &&
				 fsio_link(old.buf, path.buf) == 0;
	}
	if (!kept && !reused)
		ret = write_file(o, path.buf, data, len);
	if (!ret) {
		if (kept || linked_copies) {
			pagekey_record_add_file(o->new_keys, relpath, 0, &f.file);
			note_copies(o, relpath, &f);
		} else {
			pagekey_record_add(o->new_keys, relpath, 0,
					   hash_content(HASH_FNV64_INIT, data, len));
		}
		progress_file(len, is_page(path.buf));
	}
	if (!ret && !kept && !linked_copies && has_copies(o, relpath, len) &&
	    !queue_copies(o, path.buf, 1, 1, data, len))
		ret = make_copies(o, path.buf, 1, 1, data, len);
	strbuf_release(&path);
	strbuf_release(&old);
	return ret;
}

int output_take(struct output *o, const char *relpath, uint64_t key, struct pagekey_entry *as)
{
	struct strbuf path = STRBUF_INIT;
	struct found f;
	int reused = 0;

	if (!o->keys)
		return 0;
	/* Kept in a recycled staging folder, with its copies, made the same
	 * way under the stamp it was recycled by. */
	if (o->staged_keys && find_file(o, o->staged_keys, o->dir, 0, relpath, &f) &&
	    f.file.key == key) {
		reused = 1;
	} else {
		strbuf_addf(&path, "%s/%s", o->dir, relpath);
		clear_staged(o, path.buf);
		reused = o->prev_keys &&
			 find_file(o, o->prev_keys, o->prev, o->prev_moved, relpath, &f) &&
			 f.file.key == key && link_found(o, relpath, relpath, &f);
	}
	if (reused) {
		note_copies(o, relpath, &f);
		*as = f.file;
	}
	strbuf_release(&path);
	return reused;
}

int output_reuse(struct output *o, const char *relpath, uint64_t key)
{
	struct pagekey_entry as;

	if (!o->keys)
		return 0;
	if (!output_take(o, relpath, key, &as)) {
		pagekey_record_add(o->new_keys, relpath, key, 0);
		return 0;
	}
	pagekey_record_add_file(o->new_keys, relpath, key, &as);
	progress_file(as.size, is_page(relpath));
	progress_unchanged();
	return 1;
}

void output_drop_stale(struct output *o)
{
	const struct pagekey_record *s = o->staged_keys;
	struct strbuf path = STRBUF_INIT;
	size_t root = strlen(o->dir) + 1;

	if (!s)
		return;
	pagekey_record_sort(o->new_keys);
	for (size_t i = 0; i < s->count; i++) {
		const char *rel = s->items[i].path;
		if (rel[strlen(rel) - 1] == '/' || pagekey_record_find(o->new_keys, rel))
			continue;	/* a folder (pagekey_record_text), or a file still made */
		strbuf_reset(&path);
		strbuf_addf(&path, "%s/%s", o->dir, rel);
		clear_staged(o, path.buf);
		for (char *slash; (slash = strrchr(path.buf + root, '/'));) {
			*slash = '\0';
			if (rmdir(path.buf) < 0)
				break;
		}
	}
	strbuf_release(&path);
}

int output_reuse_overview(struct output *o, const char *relpath)
{
	return output_reuse(o, relpath, pagekey_overview(o->keys, relpath));
}

int output_write(struct output *o, const char *relpath, const void *data, size_t len)
{
	return output_write_from(o, relpath, data, len, relpath);
}

long long output_size(const struct output *o, const char *relpath)
{
	struct strbuf path = STRBUF_INIT;
	struct stat st;
	long long size;

	strbuf_addf(&path, "%s/%s", o->dir, relpath);
	size = stat(path.buf, &st) == 0 ? (long long)st.st_size : -1;
	strbuf_release(&path);
	return size;
}

int output_rename(struct output *o, const char *from, const char *to)
{
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	int ret = 0;

	strbuf_addf(&a, "%s/%s", o->dir, from);
	strbuf_addf(&b, "%s/%s", o->dir, to);
	if (o->staged_keys)	/* an older folder of the name, left as it was */
		fsio_remove_tree(b.buf);
	if (rename(a.buf, b.buf) < 0)
		ret = diag_error(o->diags, b.buf, 0, 0, "cannot rename %s: %s", a.buf,
				 strerror(errno));
	strbuf_release(&a);
	strbuf_release(&b);
	return ret;
}

int output_page(struct output *o, const char *relpath, xmlDocPtr page)
{
	struct strbuf html = STRBUF_INIT;
	int ret;

	html_serialise(page, &html);
	xmlFreeDoc(page);
	ret = output_write(o, relpath, html.buf, html.len);
	strbuf_release(&html);
	return ret;
}

int output_xml(struct output *o, const char *relpath, xmlDocPtr doc)
{
	xmlChar *mem = NULL;
	int size = 0, ret;

	xmlDocDumpFormatMemoryEnc(doc, &mem, &size, "UTF-8", 1);
	xmlFreeDoc(doc);
	ret = output_write(o, relpath, mem, (size_t)size);
	xmlFree(mem);
	return ret;
}
