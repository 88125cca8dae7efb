#include "pagekey.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fsio.h"
#include "hash.h"
#include "pool.h"
#include "xalloc.h"

static uint64_t task_key(const struct task *t)
{
	int facts[] = {
		t->has_deadline, t->deadline.year, t->deadline.month, t->deadline.day,
		t->recurring, t->ongoing, (int)t->deadline_source, (int)t->status,
		t->status_reported, (int)t->origin,
	};
	uint64_t key = pagekey_text(HASH_FNV64_INIT, t->id);

	key = pagekey_text(key, t->doc->slug);
	key = pagekey_text(key, t->number);
	key = pagekey_text(key, t->anchor);
	key = pagekey_text(key, t->title);
	key = hash_content(key, t->text, t->text ? strlen(t->text) : 0);
	key = pagekey_text(key, t->deadline_text);
	key = pagekey_text(key, t->lead ? t->lead->id : NULL);
	for (size_t i = 0; i < t->nsupports; i++)
		key = pagekey_text(key, t->supports[i]->id);
	return hash_fnv1a64(key, facts, sizeof(facts));
}

struct task_keys {
	const struct model *m;
	uint64_t *keys;
};

static int key_task(void *ctx, size_t i)
{
	struct task_keys *t = ctx;

	t->keys[i] = task_key(t->m->tasks[i]);
	return 0;
}

void pagekeys_init(struct pagekeys *k, const struct model *m, uint64_t shared_inputs)
{
	uint64_t site = hash_fnv1a64(HASH_FNV64_INIT, &shared_inputs, sizeof(shared_inputs));
	struct task_keys tasks = { m, NULL };

	k->tasks = tasks.keys = xmalloc((m->ntasks ? m->ntasks : 1) * sizeof(*k->tasks));
	pool_for(m->ntasks, m->jobs, key_task, &tasks);

	k->docs = xmalloc((m->ndocs ? m->ndocs : 1) * sizeof(*k->docs));
	for (size_t i = 0; i < m->ndocs; i++) {
		const struct document *d = &m->docs[i];
		k->docs[i] = d->hash;
		site = pagekey_text(site, d->slug);
		site = hash_fnv1a64(site, &d->front_hash, sizeof(d->front_hash));
	}
	k->site = site;
	k->all_tasks = pagekey_tasks(k, HASH_FNV64_INIT, m->tasks, m->ntasks);
}

void pagekeys_release(struct pagekeys *k)
{
	free(k->docs);
	free(k->tasks);
	k->docs = NULL;
	k->tasks = NULL;
}

uint64_t pagekey_text(uint64_t key, const char *s)
{
	return hash_fnv1a64(key, s ? s : "", s ? strlen(s) + 1 : 0);
}

uint64_t pagekey_begin(const struct pagekeys *k, const char *what)
{
	return k ? pagekey_text(k->site, what) : 0;
}

uint64_t pagekey_doc(const struct pagekeys *k, uint64_t key, const struct model *m,
		     const struct document *d)
{
	uint64_t h;

	if (!k)
		return key;
	h = k->docs[d - m->docs];
	return hash_fnv1a64(key, &h, sizeof(h));
}

uint64_t pagekey_tasks(const struct pagekeys *k, uint64_t key, struct task *const *tasks,
		       size_t n)
{
	if (!k)
		return key;
	key = hash_fnv1a64(key, &n, sizeof(n));
	for (size_t i = 0; i < n; i++)
		key = hash_fnv1a64(key, &k->tasks[tasks[i]->index], sizeof(*k->tasks));
	return key;
}

uint64_t pagekey_overview(const struct pagekeys *k, const char *what)
{
	uint64_t key = pagekey_begin(k, what);

	return k ? hash_fnv1a64(key, &k->all_tasks, sizeof(k->all_tasks)) : key;
}

uint64_t pagekey_dept(const struct pagekeys *k, const char *what, const struct dept *d)
{
	uint64_t key = pagekey_text(pagekey_begin(k, what), d->id);

	key = pagekey_tasks(k, key, d->led, d->nled);
	return pagekey_tasks(k, key, d->supported, d->nsupported);
}

void pagekey_record_init(struct pagekey_record *r)
{
	memset(r, 0, sizeof(*r));
	pthread_mutex_init(&r->lock, NULL);
}

void pagekey_record_release(struct pagekey_record *r)
{
	for (size_t i = 0; i < r->count; i++)
		free(r->items[i].path);
	free(r->items);
	pthread_mutex_destroy(&r->lock);
	memset(r, 0, sizeof(*r));
}

static struct pagekey_entry *append(struct pagekey_record *r)
{
	if (r->count == r->alloc) {
		r->alloc = r->alloc ? 2 * r->alloc : 256;
		r->items = xrealloc(r->items, r->alloc * sizeof(*r->items));
	}
	struct pagekey_entry *e = &r->items[r->count++];
	memset(e, 0, sizeof(*e));
	return e;
}

void pagekey_record_add(struct pagekey_record *r, const char *path, uint64_t key,
			uint64_t hash)
{
	struct pagekey_entry as = { .hash = hash };	/* facts looked up when written */

	pagekey_record_add_file(r, path, key, &as);
}

void pagekey_record_add_file(struct pagekey_record *r, const char *path, uint64_t key,
			     const struct pagekey_entry *as)
{
	char *copy = xstrdup(path);

	pthread_mutex_lock(&r->lock);
	struct pagekey_entry *e = append(r);
	*e = *as;
	e->path = copy;
	e->key = key;
	pthread_mutex_unlock(&r->lock);
}

static int compare_entries(const void *pa, const void *pb)
{
	const struct pagekey_entry *a = pa, *b = pb;

	return strcmp(a->path, b->path);
}

/* By path, then the keyed entry first. */
static int compare_keyed_first(const void *pa, const void *pb)
{
	const struct pagekey_entry *a = pa, *b = pb;
	int by_path = strcmp(a->path, b->path);

	return by_path ? by_path : (b->key != 0) - (a->key != 0);
}

void pagekey_record_sort(struct pagekey_record *r)
{
	size_t kept = 0, sorted = 1;

	/* A record read back, or sorted before, is in order already. */
	while (sorted < r->count && compare_keyed_first(&r->items[sorted - 1], &r->items[sorted]) < 0)
		sorted++;
	if (sorted < r->count)
		qsort(r->items, r->count, sizeof(*r->items), compare_keyed_first);
	for (size_t i = 0; i < r->count; i++) {
		struct pagekey_entry *last = kept ? &r->items[kept - 1] : NULL;
		if (last && !strcmp(last->path, r->items[i].path)) {
			if (!last->hash)
				last->hash = r->items[i].hash;
			free(r->items[i].path);
		} else {
			r->items[kept++] = r->items[i];
		}
	}
	r->count = kept;
}

static void file_facts(const struct stat *st, uint64_t facts[4])
{
	facts[0] = (uint64_t)st->st_ino;
	facts[1] = (uint64_t)st->st_size;
	facts[2] = (uint64_t)st->st_mtim.tv_sec;
	facts[3] = (uint64_t)st->st_mtim.tv_nsec;
}

static int compare_strings(const void *pa, const void *pb)
{
	return strcmp(*(char *const *)pa, *(char *const *)pb);
}

/* The folders that hold the files of sorted record `r`, each once: "./"
 * for the top one, else "<path>/". A new array of `*n`, to free with its
 * strings. */
static char **record_folders(const struct pagekey_record *r, size_t *n)
{
	char **folders = xmalloc(sizeof(*folders));
	size_t count = 0, room = 1, kept = 0;
	const char *last = NULL;
	size_t last_len = 0;

	folders[count++] = xstrdup("./");
	for (size_t i = 0; i < r->count; i++) {
		const char *path = r->items[i].path, *slash = strrchr(path, '/');
		size_t len = slash ? (size_t)(slash - path) + 1 : 0;
		if (!len || (last && len == last_len && !strncmp(path, last, len)))
			continue;
		last = path;
		last_len = len;
		/* The folder and each one above it, sorted and made unique after. */
		for (size_t k = 0; k < len; k++) {
			if (path[k] != '/')
				continue;
			if (count == room) {
				room *= 2;
				folders = xrealloc(folders, room * sizeof(*folders));
			}
			folders[count++] = xstrndup(path, k + 1);
		}
	}
	qsort(folders, count, sizeof(*folders), compare_strings);
	for (size_t i = 0; i < count; i++) {
		if (kept && !strcmp(folders[kept - 1], folders[i]))
			free(folders[i]);
		else
			folders[kept++] = folders[i];
	}
	*n = kept;
	return folders;
}

/* One line of the record: printf took a tenth of a second for a large
 * site's 100,000 lines. */
static void add_hex(struct strbuf *out, uint64_t v)
{
	static const char hex[] = "0123456789abcdef";
	char digits[16];

	for (int k = 15; k >= 0; k--, v >>= 4)
		digits[k] = hex[v & 15];
	strbuf_add(out, digits, sizeof(digits));
}

/* "<key> <inode> <size> <seconds> <nanoseconds> <hash> <path>" */
static void add_line(struct strbuf *out, uint64_t key, const uint64_t f[4], uint64_t hash,
		     const char *path)
{
	add_hex(out, key);
	for (int k = 0; k < 4; k++) {
		strbuf_addch(out, ' ');
		strbuf_addu(out, f[k]);
	}
	strbuf_addch(out, ' ');
	add_hex(out, hash);
	strbuf_addch(out, ' ');
	strbuf_adds(out, path);
	strbuf_addch(out, '\n');
}

void pagekey_record_text(struct pagekey_record *r, const char *dir, struct strbuf *out)
{
	struct strbuf path = STRBUF_INIT;
	struct stat st;
	uint64_t f[4];
	size_t nfolders;
	char **folders;

	pagekey_record_sort(r);
	for (size_t i = 0; i < r->count; i++) {
		const struct pagekey_entry *e = &r->items[i];
		if (strchr(e->path, '\n'))
			continue;
		if (e->inode) {	/* a file kept or linked, known by its entry */
			f[0] = e->inode;
			f[1] = e->size;
			f[2] = e->mtime_sec;
			f[3] = e->mtime_nsec;
		} else {
			strbuf_reset(&path);
			strbuf_addf(&path, "%s/%s", dir, e->path);
			if (lstat(path.buf, &st) < 0 || !S_ISREG(st.st_mode))
				continue;
			file_facts(&st, f);
		}
		add_line(out, e->key, f, e->hash, e->path);
	}
	folders = record_folders(r, &nfolders);
	for (size_t i = 0; i < nfolders; i++) {
		strbuf_reset(&path);
		strbuf_addf(&path, "%s/%s", dir, folders[i]);
		if (!strchr(folders[i], '\n') && lstat(path.buf, &st) == 0 && S_ISDIR(st.st_mode)) {
			file_facts(&st, f);
			add_line(out, 0, f, 0, folders[i]);
		}
		free(folders[i]);
	}
	free(folders);
	strbuf_release(&path);
}

/* A number in `base` ending at a space, from `*at`, which moves past the
 * space; 0 if there is none. sscanf took a second for the 75,000 lines of
 * a large site's record. */
static int parse_number(const char **at, const char *end, int base, uint64_t *value)
{
	const char *p = *at;
	uint64_t v = 0;

	if (p == end || *p == ' ')
		return 0;
	for (; p < end && *p != ' '; p++) {
		int digit = *p >= '0' && *p <= '9'   ? *p - '0'
			    : *p >= 'a' && *p <= 'f' ? *p - 'a' + 10
						     : 99;
		if (digit >= base || v > (UINT64_MAX - (uint64_t)digit) / (uint64_t)base)
			return 0;
		v = v * (uint64_t)base + (uint64_t)digit;
	}
	if (p == end)
		return 0;
	*value = v;
	*at = p + 1;
	return 1;
}

void pagekey_record_parse(struct pagekey_record *r, const char *text)
{
	while (*text) {
		const char *eol = strchr(text, '\n');
		const char *end = eol ? eol : text + strlen(text), *at = text;
		uint64_t key, f[4], hash;

		if (parse_number(&at, end, 16, &key) && parse_number(&at, end, 10, &f[0]) &&
		    parse_number(&at, end, 10, &f[1]) && parse_number(&at, end, 10, &f[2]) &&
		    parse_number(&at, end, 10, &f[3]) && parse_number(&at, end, 16, &hash) &&
		    at < end) {
			struct pagekey_entry *e = append(r);
			e->path = xstrndup(at, (size_t)(end - at));
			e->key = key;
			e->inode = f[0];
			e->size = f[1];
			e->mtime_sec = f[2];
			e->mtime_nsec = f[3];
			e->hash = hash;
		}
		text = eol ? eol + 1 : end;
	}
	pagekey_record_sort(r);
}

const struct pagekey_entry *pagekey_record_find(const struct pagekey_record *r,
						const char *path)
{
	struct pagekey_entry want = { .path = (char *)path };

	if (!r->count)
		return NULL;
	return bsearch(&want, r->items, r->count, sizeof(*r->items), compare_entries);
}

int pagekey_file_same(const struct pagekey_entry *e, const char *path)
{
	return pagekey_file_check(e, path, 0, NULL);
}

int pagekey_file_check(const struct pagekey_entry *e, const char *path, int by_content,
		       struct pagekey_entry *now)
{
	struct strbuf bytes = STRBUF_INIT;
	struct stat st;
	uint64_t f[4];
	int same;

	if (lstat(path, &st) < 0 || !S_ISREG(st.st_mode))
		return 0;
	file_facts(&st, f);
	if (!by_content)
		same = f[0] == e->inode && f[1] == e->size && f[2] == e->mtime_sec &&
		       f[3] == e->mtime_nsec;
	else
		same = e->hash && f[1] == e->size &&
		       fsio_read_regular(path, (size_t)e->size, &bytes) == 0 &&
		       bytes.len == e->size &&
		       hash_content(HASH_FNV64_INIT, bytes.buf, bytes.len) == e->hash;
	strbuf_release(&bytes);
	if (same && now) {
		*now = *e;
		now->inode = f[0];
		now->mtime_sec = f[2];
		now->mtime_nsec = f[3];
	}
	return same;
}

int pagekey_folders_same(const struct pagekey_record *r, const char *dir)
{
	struct strbuf path = STRBUF_INIT;
	struct stat st;
	uint64_t f[4];
	size_t folders = 0;
	int same = 1;

	for (size_t i = 0; i < r->count && same; i++) {
		const struct pagekey_entry *e = &r->items[i];
		size_t len = strlen(e->path);
		if (e->path[len - 1] != '/')
			continue;
		strbuf_reset(&path);
		strbuf_addf(&path, "%s/%s", dir, e->path);
		same = lstat(path.buf, &st) == 0 && S_ISDIR(st.st_mode);
		if (same) {
			file_facts(&st, f);
			same = f[0] == e->inode && f[1] == e->size && f[2] == e->mtime_sec &&
			       f[3] == e->mtime_nsec;
		}
		folders++;
	}
	strbuf_release(&path);
	return same && folders > 0;
}
