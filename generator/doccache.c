#include "doccache.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dept.h"
#include "document.h"
#include "fsio.h"
#include "hash.h"
#include "task.h"
#include "xalloc.h"

/*
 * The file: a header line, then one record per document: its key (8
 * bytes), a checksum of the rest (8 bytes, hash_content), then the part
 * doccache_put_loaded wrote and the part doccache_put_extracted wrote,
 * each as a 4-byte length and its bytes.
 * Numbers are little-endian; a string is its length (4 bytes, all ones
 * for NULL), its bytes and a NUL, so that a loaded document's strings
 * point into the file as read.
 */
#define DOCCACHE_MAGIC "policysite parsed documents 3\n"
#define NULL_STRING 0xFFFFFFFFu

struct doccache_record {
	uint64_t key, sum;
	const char *loaded, *extracted;
	size_t loaded_len, extracted_len;
};

static void put_u32(struct strbuf *b, uint32_t v)
{
	unsigned char bytes[4] = { v & 0xFF, (v >> 8) & 0xFF, (v >> 16) & 0xFF, v >> 24 };

	strbuf_add(b, bytes, 4);
}

static void put_u64(struct strbuf *b, uint64_t v)
{
	put_u32(b, (uint32_t)v);
	put_u32(b, (uint32_t)(v >> 32));
}

static void put_int(struct strbuf *b, long v)
{
	put_u32(b, (uint32_t)v);
}

static void put_str(struct strbuf *b, const char *s)
{
	if (!s) {
		put_u32(b, NULL_STRING);
		return;
	}
	size_t len = strlen(s);
	put_u32(b, (uint32_t)len);
	strbuf_add(b, s, len + 1);
}

static void put_date(struct strbuf *b, const struct date *d)
{
	put_int(b, d->year);
	put_int(b, d->month);
	put_int(b, d->day);
}

static void put_strlist(struct strbuf *b, const struct strlist *l)
{
	put_u32(b, (uint32_t)l->count);
	for (size_t i = 0; i < l->count; i++)
		put_str(b, l->items[i]);
}

static void put_diags(struct strbuf *b, const struct diag_list *diags)
{
	put_u32(b, (uint32_t)diags->count);
	for (size_t i = 0; i < diags->count; i++) {
		const struct diag *d = &diags->items[i];
		put_u32(b, d->severity);
		put_u32(b, d->line);
		put_u32(b, d->col);
		put_str(b, d->message);
	}
}

/* What is read: a failed read sets `bad` and gives zeros from then on. */
struct reader {
	const char *p, *end;
	int bad;
};

static uint32_t get_u32(struct reader *r)
{
	const unsigned char *p = (const unsigned char *)r->p;

	if (r->bad || r->end - r->p < 4) {
		r->bad = 1;
		return 0;
	}
	r->p += 4;
	return p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t get_u64(struct reader *r)
{
	uint64_t low = get_u32(r);

	return low | (uint64_t)get_u32(r) << 32;
}

static int get_int(struct reader *r)
{
	return (int)get_u32(r);
}

/* A count of items that each take at least `size` bytes of what is left. */
static size_t get_count(struct reader *r, size_t size)
{
	uint32_t n = get_u32(r);

	if (n > (size_t)(r->end - r->p) / size)
		r->bad = 1;
	return r->bad ? 0 : n;
}

/* A value below `limit`, as enums are. */
static unsigned get_below(struct reader *r, unsigned limit)
{
	uint32_t v = get_u32(r);

	if (v >= limit)
		r->bad = 1;
	return r->bad ? 0 : v;
}

static const char *get_str(struct reader *r)
{
	uint32_t len = get_u32(r);

	if (r->bad || len == NULL_STRING)
		return NULL;
	if ((size_t)(r->end - r->p) <= len || r->p[len] || memchr(r->p, '\0', len)) {
		r->bad = 1;
		return NULL;
	}
	const char *s = r->p;
	r->p += len + 1;
	return s;
}

/* A string that must be there. */
static const char *get_text(struct reader *r)
{
	const char *s = get_str(r);

	if (!s)
		r->bad = 1;
	return s ? s : "";
}

static void get_date(struct reader *r, struct date *d)
{
	d->year = get_int(r);
	d->month = get_int(r);
	d->day = get_int(r);
}

static void get_strlist(struct reader *r, struct arena *a, struct strlist *l)
{
	size_t n = get_count(r, 4);

	l->items = n ? arena_calloc(a, n, sizeof(*l->items)) : NULL;
	l->count = l->alloc = n;
	for (size_t i = 0; i < n; i++)
		l->items[i] = get_text(r);
}

static void get_diags(struct reader *r, const char *file, struct diag_list *out)
{
	size_t n = get_count(r, 16);

	for (size_t i = 0; i < n && !r->bad; i++) {
		unsigned severity = get_below(r, DIAG_WARNING + 1);
		unsigned line = get_u32(r), col = get_u32(r);
		const char *message = get_text(r);
		if (r->bad)
			break;
		if (severity == DIAG_ERROR)
			diag_error(out, file, line, col, "%s", message);
		else
			diag_warning(out, file, line, col, "%s", message);
	}
}

static int compare_records(const void *pa, const void *pb)
{
	const struct doccache_record *a = pa, *b = pb;

	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return (a->loaded > b->loaded) - (a->loaded < b->loaded);
}

/* The records of the file as read, up to the first that does not parse,
 * by key and then in file order. */
static void read_records(struct doccache *c)
{
	size_t magic = sizeof(DOCCACHE_MAGIC) - 1, alloc = 0;
	struct reader r = { c->data + magic, c->data + c->len, 0 };

	if (c->len < magic || memcmp(c->data, DOCCACHE_MAGIC, magic))
		return;
	c->valid_len = magic;
	while (r.p < r.end) {
		struct doccache_record rec;
		rec.key = get_u64(&r);
		rec.sum = get_u64(&r);
		rec.loaded_len = get_count(&r, 1);
		rec.loaded = r.p;
		r.p += rec.loaded_len;
		rec.extracted_len = get_count(&r, 1);
		rec.extracted = r.p;
		r.p += rec.extracted_len;
		if (r.bad)
			break;
		c->valid_len = (size_t)(r.p - c->data);
		if (c->nrecords == alloc) {
			alloc = alloc ? alloc * 2 : 256;
			c->records = xrealloc(c->records, alloc * sizeof(*c->records));
		}
		c->records[c->nrecords++] = rec;
	}
	if (c->nrecords)
		qsort(c->records, c->nrecords, sizeof(*c->records), compare_records);
}

void doccache_open(struct doccache *c, const char *path, uint64_t settings, int reuse)
{
	struct strbuf data = STRBUF_INIT;

	memset(c, 0, sizeof(*c));
	if (!path)
		return;
	c->path = xstrdup(path);
	c->settings = settings;
	if (reuse && fsio_read_file(path, &data) == 0) {
		c->data = strbuf_detach(&data, &c->len);
		read_records(c);
	}
	strbuf_release(&data);
}

void doccache_set_settings(struct doccache *c, uint64_t settings)
{
	c->settings = settings;
}

void doccache_close(struct doccache *c)
{
	for (size_t i = 0; i < c->ndocs; i++) {
		strbuf_release(&c->docs[i].new_loaded);
		strbuf_release(&c->docs[i].new_extracted);
		diag_list_release(&c->docs[i].extracted_diags);
	}
	free(c->docs);
	free(c->records);
	free(c->data);
	free(c->path);
	memset(c, 0, sizeof(*c));
}

void doccache_begin(struct doccache *c, size_t ndocs)
{
	c->docs = xcalloc(ndocs ? ndocs : 1, sizeof(*c->docs));
	c->ndocs = ndocs;
	for (size_t i = 0; i < ndocs; i++) {
		strbuf_init(&c->docs[i].new_loaded);
		strbuf_init(&c->docs[i].new_extracted);
	}
}

static int record_intact(const struct doccache_record *rec)
{
	/* The parts follow each other: one checksum covers both. */
	return hash_content(HASH_FNV64_INIT, rec->loaded - 4,
			    rec->loaded_len + 4 + rec->extracted_len + 4) == rec->sum;
}

/* The intact record of `key`. A damaged record's document is parsed again
 * and its record appended, so a key may have several; the sort keeps them
 * in file order, and the last is the newest. */
static const struct doccache_record *find_record(const struct doccache *c, uint64_t key)
{
	size_t lo = 0, hi = c->nrecords;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->records[mid].key <= key)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo > 0 && c->records[lo - 1].key == key; lo--)
		if (record_intact(&c->records[lo - 1]))
			return &c->records[lo - 1];
	return NULL;
}

/* What document_parse found: front matter, where the body is, sections,
 * citations. */
static void put_loaded(struct strbuf *b, const struct document *d)
{
	const struct doc_meta *m = &d->meta;

	put_str(b, m->title);
	put_str(b, m->doc_number);
	put_u32(b, m->doc_number_line);
	put_u32(b, m->doc_number_col);
	put_strlist(b, &m->issuers);
	put_date(b, &m->date);
	put_date(b, &m->updated);
	put_str(b, m->region);
	put_str(b, m->level);
	put_u32(b, m->kind);
	put_str(b, m->genre);
	put_str(b, m->status);
	put_str(b, m->plan_period);
	put_strlist(b, &m->based_on);
	put_str(b, m->summary);
	put_str(b, m->interprets);
	put_u32(b, (uint32_t)m->no_tasks);
	put_u32(b, m->interprets_line);
	put_u32(b, m->interprets_col);
	put_u64(b, d->front_hash);
	put_u32(b, d->body_line);
	put_u32(b, (uint32_t)d->body_start);
	put_u32(b, (uint32_t)d->ntables);
	put_u32(b, (uint32_t)d->nsections);
	for (size_t i = 0; i < d->nsections; i++) {
		const struct section *s = &d->sections[i];
		put_u32(b, (uint32_t)s->level);
		put_u32(b, (uint32_t)s->is_measure);
		put_str(b, s->number);
		put_str(b, s->text);
		put_str(b, s->id);
	}
	put_u32(b, (uint32_t)d->ncitations);
	for (size_t i = 0; i < d->ncitations; i++) {
		put_str(b, d->citations[i].run);
		put_str(b, d->citations[i].core);
		put_u32(b, d->citations[i].line);
	}
}

static void get_loaded(struct reader *r, struct arena *a, struct document *d)
{
	struct doc_meta *m = &d->meta;

	m->title = get_str(r);
	m->doc_number = get_str(r);
	m->doc_number_line = get_u32(r);
	m->doc_number_col = get_u32(r);
	get_strlist(r, a, &m->issuers);
	get_date(r, &m->date);
	get_date(r, &m->updated);
	m->region = get_str(r);
	m->level = get_str(r);
	m->kind = get_below(r, DOC_INTERPRETATION + 1);
	m->genre = get_str(r);
	m->status = get_str(r);
	m->plan_period = get_str(r);
	get_strlist(r, a, &m->based_on);
	m->summary = get_str(r);
	m->interprets = get_str(r);
	m->no_tasks = (int)get_below(r, 2);
	m->interprets_line = get_u32(r);
	m->interprets_col = get_u32(r);
	d->front_hash = get_u64(r);
	d->body_line = get_u32(r);
	d->body_start = get_u32(r);
	d->ntables = get_u32(r);
	d->nsections = d->asections = get_count(r, 20);
	d->sections = d->nsections ? arena_calloc(a, d->nsections, sizeof(*d->sections)) : NULL;
	for (size_t i = 0; i < d->nsections; i++) {
		struct section *s = &d->sections[i];
		s->level = (int)get_below(r, 7);
		s->is_measure = (int)get_below(r, 2);
		s->number = get_text(r);
		s->text = get_text(r);
		s->id = get_text(r);
	}
	d->ncitations = d->acitations = get_count(r, 12);
	d->citations = d->ncitations ? arena_calloc(a, d->ncitations, sizeof(*d->citations)) : NULL;
	for (size_t i = 0; i < d->ncitations; i++) {
		d->citations[i].run = get_text(r);
		d->citations[i].core = get_text(r);
		d->citations[i].line = get_u32(r);
	}
}

/* What finding the tasks gave: the tasks, each with the section it came
 * from, and every id the page has claimed. */
static void put_extracted(struct strbuf *b, const struct document *d)
{
	size_t k = 0;

	put_u32(b, (uint32_t)d->ntasks);
	for (size_t i = 0; i < d->ntasks; i++) {
		const struct task *t = d->tasks[i];
		/* Measures became tasks in the order of their sections. */
		while (t->origin == TASK_FROM_MEASURE && k < d->nsections && d->sections[k].task != t)
			k++;
		put_u32(b, t->origin == TASK_FROM_MEASURE && k < d->nsections ? (uint32_t)k
									      : NULL_STRING);
		put_str(b, t->id);
		put_u32(b, t->origin);
		put_str(b, t->number);
		put_str(b, t->title);
		put_str(b, t->text);
		put_str(b, t->anchor);
		put_str(b, t->lead_text);
		put_str(b, t->lead ? t->lead->id : NULL);
		put_u32(b, (uint32_t)t->nsupports);
		for (size_t n = 0; n < t->nsupports; n++)
			put_str(b, t->supports[n]->id);
		put_date(b, &t->deadline);
		put_u32(b, (uint32_t)t->has_deadline);
		put_u32(b, (uint32_t)t->recurring);
		put_u32(b, (uint32_t)t->ongoing);
		put_str(b, t->deadline_text);
		put_u32(b, t->deadline_source);
		put_u32(b, (uint32_t)t->ndates);
		for (size_t n = 0; n < t->ndates; n++)
			put_date(b, &t->dates[n]);
		put_u32(b, t->status);
		put_u32(b, (uint32_t)t->status_reported);
		put_u32(b, t->line);
	}
	put_u32(b, (uint32_t)d->ids.count);
	for (size_t i = 0; i < d->ids.size; i++)
		if (d->ids.slots[i])
			put_str(b, d->ids.slots[i]);
}

static struct dept *get_dept(struct reader *r, const struct dept_registry *depts)
{
	const char *id = get_text(r);
	struct dept *dept = r->bad ? NULL : dept_find_id(depts, id);

	if (!dept)
		r->bad = 1;
	return dept;
}

static void get_task(struct reader *r, struct arena *a, const struct dept_registry *depts,
		     struct document *d, struct task *t)
{
	t->doc = d;
	t->id = get_text(r);
	t->origin = get_below(r, TASK_FROM_BLOCK + 1);
	t->number = get_text(r);
	t->title = get_text(r);
	t->text = get_text(r);
	t->anchor = get_text(r);
	t->lead_text = get_str(r);
	struct reader peek = *r;
	if (get_u32(&peek) == NULL_STRING)
		*r = peek;
	else
		t->lead = get_dept(r, depts);
	t->nsupports = t->asupports = get_count(r, 5);
	t->supports = t->nsupports ? arena_calloc(a, t->nsupports, sizeof(*t->supports)) : NULL;
	for (size_t k = 0; k < t->nsupports; k++)
		t->supports[k] = get_dept(r, depts);
	get_date(r, &t->deadline);
	t->has_deadline = (int)get_below(r, 2);
	t->recurring = (int)get_below(r, 2);
	t->ongoing = (int)get_below(r, 2);
	t->deadline_text = get_str(r);
	t->deadline_source = get_below(r, TASK_DEADLINE_EXPLICIT + 1);
	t->ndates = t->adates = get_count(r, 12);
	t->dates = t->ndates ? arena_calloc(a, t->ndates, sizeof(*t->dates)) : NULL;
	for (size_t k = 0; k < t->ndates; k++)
		get_date(r, &t->dates[k]);
	t->status = get_below(r, TASK_STATUS_COUNT);
	t->status_reported = (int)get_below(r, 2);
	t->line = get_u32(r);
}

static void get_extracted(struct reader *r, struct arena *a, const struct dept_registry *depts,
			  struct document *d)
{
	struct strbuf id = STRBUF_INIT;

	d->ntasks = d->atasks = get_count(r, 60);
	d->tasks = d->ntasks ? arena_calloc(a, d->ntasks, sizeof(*d->tasks)) : NULL;
	for (size_t i = 0; i < d->ntasks && !r->bad; i++) {
		uint32_t section = get_u32(r);
		struct task *t = d->tasks[i] = arena_calloc(a, 1, sizeof(*t));
		if (section != NULL_STRING) {
			if (section >= d->nsections || d->sections[section].task)
				r->bad = 1;
			else
				d->sections[section].task = t;
		}
		get_task(r, a, depts, d, t);
	}
	/* The ids are all different, so claiming each again keeps it as it
	 * is, and a later claim gets what it would have got. */
	size_t n = get_count(r, 5);
	for (size_t i = 0; i < n && !r->bad; i++) {
		strbuf_reset(&id);
		strbuf_adds(&id, get_text(r));
		size_t len = id.len;
		slug_set_claim(&d->ids, &id);
		if (id.len != len)
			r->bad = 1;
	}
	strbuf_release(&id);
}

int doccache_load(struct doccache *c, size_t i, struct document *doc, struct arena *a,
		  const struct dept_registry *depts, struct diag_list *diags)
{
	struct doccache_doc *cd = &c->docs[i];
	uint64_t key = hash_fnv1a64(HASH_FNV64_INIT, &c->settings, sizeof(c->settings));
	struct diag_list loaded = DIAG_LIST_INIT;

	/* By the file's name, not its folder: a content folder moved or
	 * checked out elsewhere keeps its parsed documents. */
	const char *slash = strrchr(doc->path, '/'), *name = slash ? slash + 1 : doc->path;
	key = hash_fnv1a64(key, name, strlen(name) + 1);
	cd->key = hash_fnv1a64(key, &doc->hash, sizeof(doc->hash));
	const struct doccache_record *rec = find_record(c, cd->key);
	if (!rec)
		return 0;

	/* Into a copy, so that a record that does not parse leaves `doc` as
	 * it was. */
	struct document got;
	struct reader r = { rec->loaded, rec->loaded + rec->loaded_len, 0 };
	memset(&got, 0, sizeof(got));
	got.path = doc->path;
	get_loaded(&r, a, &got);
	get_diags(&r, doc->path, &loaded);
	/* The body starts within the bytes, which are never shorter than the
	 * text they become. */
	r.bad |= r.p != r.end || got.body_start > doc->text.len;
	if (!r.bad) {
		r = (struct reader){ rec->extracted, rec->extracted + rec->extracted_len, 0 };
		get_extracted(&r, a, depts, &got);
		get_diags(&r, doc->path, &cd->extracted_diags);
		r.bad |= r.p != r.end;
	}
	if (r.bad || loaded.errors || cd->extracted_diags.errors) {
		slug_set_release(&got.ids);
		diag_list_release(&loaded);
		diag_list_release(&cd->extracted_diags);
		return 0;
	}
	for (size_t k = 0; k < got.ntasks; k++)
		got.tasks[k]->doc = doc;
	doc->meta = got.meta;
	doc->body_line = got.body_line;
	doc->body_start = got.body_start;
	doc->front_hash = got.front_hash;
	doc->ntables = got.ntables;
	doc->sections = got.sections;
	doc->nsections = doc->asections = got.nsections;
	doc->citations = got.citations;
	doc->ncitations = doc->acitations = got.ncitations;
	doc->tasks = got.tasks;
	doc->ntasks = doc->atasks = got.ntasks;
	doc->ids = got.ids;
	doc->lazy = 1;
	cd->loaded = rec->loaded;
	cd->loaded_len = rec->loaded_len;
	cd->extracted = rec->extracted;
	cd->extracted_len = rec->extracted_len;
	diag_list_append(diags, &loaded);
	diag_list_release(&loaded);
	return 1;
}

void doccache_replay_extracted(struct doccache *c, size_t i, struct diag_list *diags)
{
	diag_list_append(diags, &c->docs[i].extracted_diags);
}

void doccache_put_loaded(struct doccache *c, size_t i, const struct document *doc,
			 const struct diag_list *diags)
{
	struct doccache_doc *cd = &c->docs[i];

	cd->failed |= diags->errors > 0;
	put_loaded(&cd->new_loaded, doc);
	put_diags(&cd->new_loaded, diags);
}

void doccache_put_extracted(struct doccache *c, size_t i, const struct document *doc,
			    const struct diag_list *diags)
{
	struct doccache_doc *cd = &c->docs[i];

	cd->failed |= diags->errors > 0;
	put_extracted(&cd->new_extracted, doc);
	put_diags(&cd->new_extracted, diags);
}

static void put_record(struct strbuf *b, uint64_t key, const char *loaded, size_t loaded_len,
		       const char *extracted, size_t extracted_len)
{
	size_t at;

	put_u64(b, key);
	put_u64(b, 0);
	at = b->len;
	put_u32(b, (uint32_t)loaded_len);
	strbuf_add(b, loaded, loaded_len);
	put_u32(b, (uint32_t)extracted_len);
	strbuf_add(b, extracted, extracted_len);
	uint64_t sum = hash_content(HASH_FNV64_INIT, b->buf + at, b->len - at);
	for (int k = 0; k < 8; k++)
		b->buf[at - 8 + k] = (char)(sum >> (8 * k));
}

static int append_file(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "ab");
	int ok = f && fwrite(data, 1, len, f) == len;

	if (f && fclose(f) != 0)
		ok = 0;
	return ok ? 0 : -1;
}

/*
 * When only new records are to be added and the file would hold no more
 * than twice what this build uses, they are appended: a changed document
 * costs a write of its own record, not of the whole file. Otherwise the
 * file is written again, whole, in place of the old one, so that a build
 * stopped half-way leaves the old file or the new one; an append stopped
 * half-way leaves a last record that does not parse, and the next write
 * is then whole.
 */
void doccache_write(struct doccache *c)
{
	struct strbuf out = STRBUF_INIT, tmp = STRBUF_INIT;
	size_t reused = 0, live = sizeof(DOCCACHE_MAGIC) - 1;

	if (!c->path || !c->docs)
		return;
	for (int whole = 0; whole < 2; whole++) {
		if (whole)
			strbuf_adds(&out, DOCCACHE_MAGIC);
		for (size_t i = 0; i < c->ndocs; i++) {
			const struct doccache_doc *cd = &c->docs[i];
			if (cd->loaded && whole)
				put_record(&out, cd->key, cd->loaded, cd->loaded_len, cd->extracted,
					   cd->extracted_len);
			else if (cd->loaded)
				live += 24 + cd->loaded_len + cd->extracted_len;
			else if (!cd->failed && cd->new_loaded.len && cd->new_extracted.len)
				put_record(&out, cd->key, cd->new_loaded.buf, cd->new_loaded.len,
					   cd->new_extracted.buf, cd->new_extracted.len);
			reused += cd->loaded && !whole;
		}
		if (whole)
			break;
		if (!out.len && reused == c->nrecords)
			goto done;
		live += out.len;
		if (c->valid_len >= sizeof(DOCCACHE_MAGIC) - 1 && c->valid_len == c->len &&
		    c->len + out.len <= 2 * live &&
		    (!out.len || append_file(c->path, out.buf, out.len) == 0))
			goto done;
		strbuf_reset(&out);
	}
	strbuf_addf(&tmp, "%s.tmp", c->path);
	if (fsio_write_new(tmp.buf, out.buf, out.len) < 0 || rename(tmp.buf, c->path) < 0)
		remove(tmp.buf);
done:
	strbuf_release(&tmp);
	strbuf_release(&out);
}
