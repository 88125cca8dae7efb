#include "search.h"

#include <cmark-gfm.h>
#include <stdlib.h>
#include <string.h>

#include "compress.h"
#include "fsio.h"
#include "hash.h"
#include "html.h"
#include "json.h"
#include "markdown.h"
#include "output.h"
#include "pool.h"
#include "taskview.h"
#include "utf8.h"
#include "xalloc.h"

/* Sizes of the index files before compression: a shard of postings and a
 * chunk of entries come to some 5-10 KB as gzip (9 and 5 KB on average on
 * the bundled site), so a query fetches a few of them and the index is a
 * file per some 20 KB of postings and text, not a file per token or entry. */
#define SEARCH_SHARD_BYTES 32768
#define SEARCH_CHUNK_BYTES 12288

void search_normalise(const char *text, struct strbuf *out)
{
	size_t len = strlen(text), pos = 0;
	char enc[4];

	strbuf_reset(out);
	while (pos < len) {
		int32_t cp = utf8_next(text, len, &pos);
		if (cp < 0)
			continue;
		if (cp >= 0xFF01 && cp <= 0xFF5E)
			cp -= 0xFEE0;
		else if (cp == 0x3000)
			cp = ' ';
		if (cp >= 'A' && cp <= 'Z')
			cp += 'a' - 'A';
		strbuf_add(out, enc, utf8_encode(cp, enc));
	}
}

static int is_han(int32_t cp)
{
	return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
	       (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FFFF);
}

static int is_word(int32_t cp)
{
	return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9');
}

/* One entry: what a result shows and where it leads. */
struct entry {
	const char *kind, *doc, *doc_title, *region, *lead, *title, *url;
	char *text;		/* blocks separated by '\n'; owned */
};

/* A token's postings: pairs of entry and weight, entries ascending. */
struct token {
	char *text;
	uint32_t hash;		/* hash_fnv1a of the text: picks the shard */
	uint64_t key;		/* how the table finds it: see KEY_PAIR */
	uint32_t *pairs;
	size_t npairs, alloc;
	size_t last_entry;	/* the entry whose count is being gathered */
};

struct index {
	struct entry *entries;
	size_t nentries, aentries;
	struct token *tokens;
	size_t ntokens, atokens;
	size_t *table;		/* open addressing by key: token index + 1, 0 = empty */
	size_t table_size;
	const struct task **merged;	/* tasks that are a section's entry */
	size_t nmerged;
};

/*
 * Tokens are found by a 64-bit key, so that the millions of Han tokens of
 * a large site are counted without hashing or comparing text: a character
 * is its code point, a pair of characters the two code points (bit 62
 * set), and a word the FNV-1a hash of its letters (bit 63 set; its text is
 * compared too).
 */
#define KEY_PAIR (1ull << 62)
#define KEY_WORD (1ull << 63)

static size_t key_slot(uint64_t key, size_t size)
{
	return (size_t)((key * 0x9E3779B97F4A7C15ull) >> 32) & (size - 1);
}

static void table_grow(struct index *ix)
{
	size_t size = ix->table_size ? ix->table_size * 2 : 4096;

	free(ix->table);
	ix->table = xcalloc(size, sizeof(*ix->table));
	ix->table_size = size;
	for (size_t i = 0; i < ix->ntokens; i++) {
		size_t at = key_slot(ix->tokens[i].key, size);
		while (ix->table[at])
			at = (at + 1) & (size - 1);
		ix->table[at] = i + 1;
	}
}

/* The token of key `key` and text `s`, made if new. */
static struct token *token_get(struct index *ix, uint64_t key, const char *s, size_t len)
{
	size_t at;

	if ((ix->ntokens + 1) * 2 > ix->table_size)
		table_grow(ix);
	for (at = key_slot(key, ix->table_size); ix->table[at];
	     at = (at + 1) & (ix->table_size - 1)) {
		struct token *t = &ix->tokens[ix->table[at] - 1];
		if (t->key == key &&
		    (!(key & KEY_WORD) || (!strncmp(t->text, s, len) && !t->text[len])))
			return t;
	}
	if (ix->ntokens == ix->atokens) {
		ix->atokens = ix->atokens ? ix->atokens * 2 : 4096;
		ix->tokens = xrealloc(ix->tokens, ix->atokens * sizeof(*ix->tokens));
	}
	struct token *t = &ix->tokens[ix->ntokens];
	memset(t, 0, sizeof(*t));
	t->text = xstrndup(s, len);
	t->hash = hash_fnv1a(s, len);
	t->key = key;
	t->last_entry = SIZE_MAX;
	ix->table[at] = ++ix->ntokens;
	return t;
}

/* Count one occurrence of a token in entry `e`; `in_title` sets the low bit. */
static void token_add(struct index *ix, uint64_t key, const char *s, size_t len, size_t e,
		      int in_title)
{
	struct token *t = token_get(ix, key, s, len);

	if (t->last_entry != e) {
		if (t->npairs + 2 > t->alloc) {
			t->alloc = t->alloc ? t->alloc * 2 : 8;
			t->pairs = xrealloc(t->pairs, t->alloc * sizeof(*t->pairs));
		}
		t->pairs[t->npairs++] = (uint32_t)e;
		t->pairs[t->npairs++] = 0;
		t->last_entry = e;
	}
	if (in_title)
		t->pairs[t->npairs - 1] |= 1;
	else
		t->pairs[t->npairs - 1] += 2;
}

/* Tokens of normalised `text` (see docs/search-index.md). */
static void tokenise(struct index *ix, const char *text, size_t e, int in_title)
{
	size_t len = strlen(text), pos = 0, prev_start = 0;
	int32_t prev = -1;	/* the Han character before, or -1 */

	while (pos < len) {
		size_t start = pos;
		int32_t cp = utf8_next(text, len, &pos);
		if (is_han(cp)) {
			token_add(ix, (uint64_t)cp, text + start, pos - start, e, in_title);
			if (prev >= 0)
				token_add(ix, KEY_PAIR | (uint64_t)prev << 21 | (uint64_t)cp,
					  text + prev_start, pos - prev_start, e, in_title);
			prev = cp;
			prev_start = start;
			continue;
		}
		prev = -1;
		if (is_word(cp)) {
			while (pos < len && is_word((unsigned char)text[pos]))
				pos++;
			token_add(ix, KEY_WORD | hash_fnv1a64(HASH_FNV64_INIT, text + start,
							      pos - start),
				  text + start, pos - start, e, in_title);
		}
	}
}

static struct entry *new_entry(struct index *ix, const char *kind)
{
	if (ix->nentries == ix->aentries) {
		ix->aentries = ix->aentries ? ix->aentries * 2 : 256;
		ix->entries = xrealloc(ix->entries, ix->aentries * sizeof(*ix->entries));
	}
	struct entry *e = &ix->entries[ix->nentries++];
	memset(e, 0, sizeof(*e));
	e->kind = kind;
	e->doc = e->doc_title = e->region = e->lead = "";
	return e;
}

/* The text of a block and the blocks inside it, one line each, so that no
 * token spans two paragraphs or two table cells. */
static void block_text(cmark_node *node, struct strbuf *out, struct strbuf *tmp)
{
	const char *type = cmark_node_get_type_string(node);

	if (cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK) {
		const char *info = cmark_node_get_fence_info(node);
		if (info && !strcmp(info, "task"))
			return;	/* a task block is a task entry of its own */
	}
	if (cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH ||
	    cmark_node_get_type(node) == CMARK_NODE_HEADING ||
	    cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK || !strcmp(type, "table_cell")) {
		markdown_plain_text(node, tmp);
		if (cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK)
			strbuf_adds(tmp, cmark_node_get_literal(node));
		strbuf_add(out, tmp->buf, tmp->len);
		strbuf_addch(out, '\n');
		return;
	}
	for (cmark_node *c = cmark_node_first_child(node); c; c = cmark_node_next(c))
		block_text(c, out, tmp);
}

/* "牵头：…" and "配合：…" lines of a task's departments. */
static void task_depts_text(const struct task *t, struct strbuf *text)
{
	if (t->lead)
		strbuf_addf(text, "\n牵头：%s", t->lead->name);
	for (size_t i = 0; i < t->nsupports; i++)
		strbuf_addf(text, "%s%s", i ? "、" : "\n配合：", t->supports[i]->name);
}

static void finish_entry(struct entry *e, const struct task *task, struct strbuf *text)
{
	while (text->len && text->buf[text->len - 1] == '\n')
		strbuf_setlen(text, text->len - 1);
	if (task)
		task_depts_text(task, text);
	e->text = strbuf_detach(text, NULL);
}

/*
 * A document's sections, in order. A measure that became a task is one
 * task entry, not a section and a task with the same text: the task's
 * departments are added to the text and it is filtered as a task.
 */
static void document_entries(struct index *ix, struct arena *a, const struct document *d)
{
	struct strbuf text = STRBUF_INIT, tmp = STRBUF_INIT;
	struct entry *e = NULL;
	const struct task *task = NULL;

	for (cmark_node *n = cmark_node_first_child(d->root); n; n = cmark_node_next(n)) {
		const struct section *s = cmark_node_get_user_data(n);
		int starts = (cmark_node_get_type(n) == CMARK_NODE_HEADING ||
			      cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH) && s;
		if (starts || !e) {
			if (e)
				finish_entry(e, task, &text);
			task = starts && s->task && s->task->origin == TASK_FROM_MEASURE ? s->task
											   : NULL;
			e = new_entry(ix, task ? "task" : "section");
			e->doc = d->slug;
			e->doc_title = d->meta.title;
			e->region = d->meta.region;
			e->title = task ? task->title : starts ? s->text : d->meta.title;
			e->lead = task && task->lead ? task->lead->id : "";
			e->url = starts ? arena_strfmt(a, "policies/%s/#%s", d->slug, s->id)
					: arena_strfmt(a, "policies/%s/", d->slug);
			if (task)
				ix->merged[ix->nmerged++] = task;
		}
		block_text(n, &text, &tmp);
	}
	if (e)
		finish_entry(e, task, &text);
	strbuf_release(&tmp);
}

static int compare_ptr(const void *pa, const void *pb)
{
	uintptr_t a = (uintptr_t)*(const void *const *)pa, b = (uintptr_t)*(const void *const *)pb;

	return (a > b) - (a < b);
}

static void task_entry(struct index *ix, struct arena *a, const struct task *t)
{
	struct entry *e = new_entry(ix, "task");
	struct strbuf text = STRBUF_INIT;

	e->doc = t->doc->slug;
	e->doc_title = t->doc->meta.title;
	e->region = t->doc->meta.region;
	e->lead = t->lead ? t->lead->id : "";
	e->title = t->title;
	e->url = arena_strfmt(a, "policies/%s/#%s", t->doc->slug, t->anchor);
	strbuf_addf(&text, "%s\n%s", t->title, t->text);
	finish_entry(e, t, &text);
}

static void indicator_entry(struct index *ix, struct arena *a, const struct indicator *ind)
{
	struct entry *e = new_entry(ix, "indicator");
	struct strbuf text = STRBUF_INIT;

	if (ind->set->doc) {
		e->doc = ind->set->doc->slug;
		e->doc_title = ind->set->doc->meta.title;
		e->region = ind->set->doc->meta.region;
	}
	e->title = ind->name;
	e->url = arena_strfmt(a, "indicators/%s/", ind->id);
	strbuf_addf(&text, "%s\n%s", ind->name, ind->set->title);
	if (ind->domain)
		strbuf_addf(&text, "\n%s", ind->domain);
	for (size_t i = 0; i < ind->nobs; i++)
		strbuf_addf(&text, "\n%d年%s %s%s", ind->obs[i].year,
			    indicator_obs_kind_label(ind->obs[i].kind), ind->obs[i].value.text,
			    ind->obs[i].value.kind == INDVALUE_NONE ? "" : ind->unit);
	finish_entry(e, NULL, &text);
}

static void dept_entry(struct index *ix, struct arena *a, const struct dept *d)
{
	struct entry *e = new_entry(ix, "department");
	struct strbuf text = STRBUF_INIT;

	e->region = d->region;
	e->title = d->name;
	e->url = arena_strfmt(a, "departments/%s/", d->id);
	strbuf_addf(&text, "%s", d->name);
	if (d->short_name)
		strbuf_addf(&text, "\n%s", d->short_name);
	for (size_t i = 0; i < d->aliases.count; i++)
		strbuf_addf(&text, "\n%s", d->aliases.items[i]);
	strbuf_addf(&text, "\n%s", d->region);
	finish_entry(e, NULL, &text);
}

static void collect(struct index *ix, const struct model *m, struct arena *a)
{
	ix->merged = xmalloc((m->ntasks ? m->ntasks : 1) * sizeof(*ix->merged));
	for (size_t i = 0; i < m->ndocs; i++)
		document_entries(ix, a, &m->docs[i]);
	qsort(ix->merged, ix->nmerged, sizeof(*ix->merged), compare_ptr);
	for (size_t i = 0; i < m->ntasks; i++)
		if (!bsearch(&m->tasks[i], ix->merged, ix->nmerged, sizeof(*ix->merged), compare_ptr))
			task_entry(ix, a, m->tasks[i]);
	for (size_t i = 0; i < m->indicators.count; i++)
		indicator_entry(ix, a, m->indicators.all[i]);
	for (size_t i = 0; i < m->depts.count; i++)
		dept_entry(ix, a, &m->depts.items[i]);
}

static void index_entries(struct index *ix)
{
	struct strbuf norm = STRBUF_INIT;

	for (size_t e = 0; e < ix->nentries; e++) {
		search_normalise(ix->entries[e].title, &norm);
		tokenise(ix, norm.buf, e, 1);
		search_normalise(ix->entries[e].text, &norm);
		tokenise(ix, norm.buf, e, 0);
	}
	strbuf_release(&norm);
}

/* The bytes a token's postings take in its shard, about. */
static size_t token_bytes(const struct token *t)
{
	return strlen(t->text) + 6 + t->npairs * 3;
}

/*
 * The index files are written into a folder of a fixed name while their
 * names and bytes are hashed, and the folder then takes the name
 * search/<tag>/ (see hash_tag): any change to the index gives it a new
 * URL, so servers may cache its files for good. Shards and chunks are
 * compressed and written on the pool's threads; each keeps the hash of its
 * file, and the tag hashes them in file order.
 */
#define INDEX_BUILD_DIR "search/building"

struct index_writer {
	struct output *o;
	const struct index *ix;
	size_t shards, chunk;
	struct token **sorted;	/* by shard, then by text */
	size_t *shard_start;	/* shard s: sorted[shard_start[s] .. shard_start[s + 1]) */
	uint64_t *hashes;	/* meta.json, the shards, then the chunks */
	char prev[32];		/* the previous output's index folder, or "" */
};

/* The index folder of the previous output, whose unchanged files are
 * reused (see output_write_from). */
static void find_previous(struct index_writer *w)
{
	struct strbuf dir = STRBUF_INIT;
	char **names = NULL;
	int n;

	if (!w->o->prev)
		return;
	strbuf_addf(&dir, "%s/search", w->o->prev);
	n = fsio_list_dir(dir.buf, &names);
	for (int i = 0; i < n; i++) {
		if (strlen(names[i]) == HASH_TAG_LEN &&
		    strspn(names[i], "0123456789abcdef") == HASH_TAG_LEN)
			snprintf(w->prev, sizeof(w->prev), "search/%s/", names[i]);
		free(names[i]);
	}
	free(names);
	strbuf_release(&dir);
}

/* Whether the previous output's file `prev` (compressed the same way, by
 * its stamp) unpacks to `data`: then its bytes, in `packed`, are the file
 * again, and compressing is saved; most of an index is unchanged after a
 * change to one document. */
static int previous_packed(const struct index_writer *w, const char *prev,
			   const struct strbuf *data, struct strbuf *packed)
{
	struct strbuf path = STRBUF_INIT;
	int same = 0;

	if (w->prev[0] && w->o->prev_copies) {
		strbuf_addf(&path, "%s/%s", w->o->prev, prev);
		same = fsio_read_regular(path.buf, data->len + 1024, packed) == 0 &&
		       compress_gunzip_equals(packed->buf, packed->len, data->buf, data->len);
		if (!same)
			strbuf_reset(packed);
	}
	strbuf_release(&path);
	return same;
}

/* Write `name` gzip-compressed (meta.json as it is), and note its hash. */
static int index_file(struct index_writer *w, size_t slot, const char *name,
		      const struct strbuf *data)
{
	struct strbuf path = STRBUF_INIT, prev = STRBUF_INIT, packed = STRBUF_INIT;
	const struct strbuf *out = data;
	int ret = 0;

	strbuf_addf(&path, "%s/%s", INDEX_BUILD_DIR, name);
	strbuf_addf(&prev, "%s%s", w->prev, name);
	if (slot) {
		if (!previous_packed(w, prev.buf, data, &packed) &&
		    compress_gzip(data->buf, data->len, COMPRESS_GZIP_INDEX, &packed) < 0)
			ret = diag_error(w->o->diags, name, 0, 0, "cannot compress with libdeflate");
		out = &packed;
	}
	if (!ret) {
		uint64_t h = hash_fnv1a64(HASH_FNV64_INIT, name, strlen(name) + 1);
		w->hashes[slot] = hash_fnv1a64(h, out->buf, out->len);
		ret = output_write_from(w->o, path.buf, out->buf, out->len, prev.buf);
	}
	strbuf_release(&packed);
	strbuf_release(&path);
	strbuf_release(&prev);
	return ret;
}

/* Postings as gaps: a posting of weight 2 (one occurrence, not in the
 * title) is one number, 2 × gap; any other is 2 × gap + 1 and the weight. */
static void postings_json(struct strbuf *sb, const struct token *t)
{
	uint32_t prev = 0;

	for (size_t k = 0; k < t->npairs; k += 2) {
		uint32_t gap = t->pairs[k] - prev, weight = t->pairs[k + 1];
		prev = t->pairs[k];
		strbuf_addch(sb, k ? ',' : '[');
		strbuf_addu(sb, 2ull * gap + (weight != 2));
		if (weight != 2) {
			strbuf_addch(sb, ',');
			strbuf_addu(sb, weight);
		}
	}
	strbuf_addch(sb, ']');
}

static int write_shard(void *ctx, size_t s)
{
	struct index_writer *w = ctx;
	struct strbuf sb = STRBUF_INIT;
	char name[32];
	int ret;

	strbuf_addch(&sb, '{');
	for (size_t i = w->shard_start[s]; i < w->shard_start[s + 1]; i++) {
		if (i > w->shard_start[s])
			strbuf_addch(&sb, ',');
		json_string(&sb, w->sorted[i]->text);
		strbuf_addch(&sb, ':');
		postings_json(&sb, w->sorted[i]);
	}
	strbuf_addch(&sb, '}');
	snprintf(name, sizeof(name), "t/%zu.json.gz", s);
	ret = index_file(w, 1 + s, name, &sb);
	strbuf_release(&sb);
	return ret;
}

static int write_chunk(void *ctx, size_t k)
{
	struct index_writer *w = ctx;
	const struct index *ix = w->ix;
	struct strbuf sb = STRBUF_INIT;
	size_t start = k * w->chunk;
	char name[32];
	int ret;

	strbuf_addch(&sb, '[');
	for (size_t e = start; e < ix->nentries && e < start + w->chunk; e++) {
		const struct entry *en = &ix->entries[e];
		const char *fields[] = {
			en->kind, en->doc, en->doc_title, en->region, en->lead, en->title,
			en->url, en->text,
		};
		strbuf_adds(&sb, e > start ? ",[" : "[");
		for (size_t f = 0; f < sizeof(fields) / sizeof(*fields); f++) {
			if (f)
				strbuf_addch(&sb, ',');
			json_string(&sb, fields[f]);
		}
		strbuf_addch(&sb, ']');
	}
	strbuf_addch(&sb, ']');
	snprintf(name, sizeof(name), "e/%zu.json.gz", k);
	ret = index_file(w, 1 + w->shards + k, name, &sb);
	strbuf_release(&sb);
	return ret;
}

static int compare_tokens(const void *pa, const void *pb)
{
	const struct token *a = *(struct token *const *)pa, *b = *(struct token *const *)pb;

	return strcmp(a->text, b->text);
}

/* Shard and chunk sizes from the index's size; tokens sorted into shards. */
static void plan_files(struct index_writer *w)
{
	const struct index *ix = w->ix;
	size_t posting_bytes = 0, text_bytes = 0;

	for (size_t i = 0; i < ix->ntokens; i++)
		posting_bytes += token_bytes(&ix->tokens[i]);
	for (size_t e = 0; e < ix->nentries; e++)
		text_bytes += strlen(ix->entries[e].text) + 100;
	w->shards = posting_bytes / SEARCH_SHARD_BYTES + 1;
	w->chunk = ix->nentries && text_bytes > SEARCH_CHUNK_BYTES
			   ? SEARCH_CHUNK_BYTES * ix->nentries / text_bytes + 1
			   : ix->nentries + 1;
	w->sorted = xmalloc((ix->ntokens ? ix->ntokens : 1) * sizeof(*w->sorted));
	w->shard_start = xcalloc(w->shards + 1, sizeof(*w->shard_start));
	for (size_t i = 0; i < ix->ntokens; i++)
		w->shard_start[ix->tokens[i].hash % w->shards + 1]++;
	for (size_t s = 0; s < w->shards; s++)
		w->shard_start[s + 1] += w->shard_start[s];
	size_t *fill = xmalloc((w->shards + 1) * sizeof(*fill));
	memcpy(fill, w->shard_start, (w->shards + 1) * sizeof(*fill));
	for (size_t i = 0; i < ix->ntokens; i++)
		w->sorted[fill[ix->tokens[i].hash % w->shards]++] = &ix->tokens[i];
	free(fill);
	for (size_t s = 0; s < w->shards; s++)
		qsort(w->sorted + w->shard_start[s], w->shard_start[s + 1] - w->shard_start[s],
		      sizeof(*w->sorted), compare_tokens);
}

static void index_release(struct index *ix)
{
	for (size_t i = 0; i < ix->nentries; i++)
		free(ix->entries[i].text);
	for (size_t i = 0; i < ix->ntokens; i++) {
		free(ix->tokens[i].text);
		free(ix->tokens[i].pairs);
	}
	free(ix->entries);
	free(ix->tokens);
	free(ix->table);
	free(ix->merged);
}

int search_write(struct output *o)
{
	struct index ix = { 0 };
	struct arena a = ARENA_INIT;
	struct strbuf meta = STRBUF_INIT;
	struct index_writer w = { .o = o, .ix = &ix };
	char tag[HASH_TAG_LEN + 1];
	size_t chunks;
	int ret = 0;

	collect(&ix, o->model, &a);
	index_entries(&ix);
	plan_files(&w);
	find_previous(&w);
	chunks = (ix.nentries + w.chunk - 1) / w.chunk;
	w.hashes = xcalloc(1 + w.shards + chunks, sizeof(*w.hashes));
	strbuf_adds(&meta, "{\"version\":2,\"base\":");
	json_string(&meta, o->model->config.base_path);
	strbuf_addf(&meta, ",\"shards\":%zu,\"chunk\":%zu,\"entries\":%zu}", w.shards, w.chunk,
		    ix.nentries);
	if (index_file(&w, 0, "meta.json", &meta) < 0 ||
	    pool_for(w.shards, o->jobs, write_shard, &w) < 0 ||
	    pool_for(chunks, o->jobs, write_chunk, &w) < 0) {
		ret = -1;
	} else {
		uint64_t h = HASH_FNV64_INIT;
		for (size_t i = 0; i < 1 + w.shards + chunks; i++)
			h = hash_fnv1a64(h, &w.hashes[i], sizeof(w.hashes[i]));
		hash_tag(h, tag);
		snprintf(o->search_path, sizeof(o->search_path), "search/%s/", tag);
		ret = output_rename(o, INDEX_BUILD_DIR, o->search_path);
	}
	strbuf_release(&meta);
	free(w.sorted);
	free(w.shard_start);
	free(w.hashes);
	index_release(&ix);
	arena_release(&a);
	return ret;
}

static void option(xmlNodePtr select, const char *value, const char *label)
{
	xmlNodePtr opt = html_el(select, "option", NULL);

	html_attr(opt, "value", value);
	html_text(opt, label);
}

static int leads_tasks(const struct dept *d)
{
	return d->nled > 0;
}

static void filter_options(const struct model *m, xmlDocPtr page)
{
	xmlNodePtr docs = html_slot(page, "opt-doc"), regions = html_slot(page, "opt-region");
	xmlNodePtr leads = html_slot(page, "opt-lead");

	for (size_t i = 0; i < m->ndocs; i++) {
		const struct document *d = m->by_date[i];
		int seen = 0;
		option(docs, d->slug, d->meta.title);
		for (size_t j = 0; j < i; j++)
			seen |= !strcmp(m->by_date[j]->meta.region, d->meta.region);
		if (!seen)
			option(regions, d->meta.region, d->meta.region);
	}
	taskview_dept_options(m, leads, leads_tasks);
}

/* The search page lists the sections of the newest documents for readers
 * without JavaScript, and links to the list of all: every section of a
 * province's thousands would be megabytes on every search. */
#define NOSCRIPT_DOCUMENTS 20

/* Documents and their sections as links: the search page without
 * JavaScript is still a way in. */
static void section_index(const struct model *m, xmlNodePtr parent)
{
	struct strbuf href = STRBUF_INIT;

	if (parent && m->ndocs > NOSCRIPT_DOCUMENTS) {
		struct strbuf text = STRBUF_INIT;
		xmlNodePtr p = html_el(parent, "p", NULL);
		strbuf_addf(&text, "以下为最新的 %d 份文件；", NOSCRIPT_DOCUMENTS);
		html_text(p, text.buf);
		strbuf_reset(&text);
		strbuf_addf(&text, "全部 %zu 份文件", m->ndocs);
		config_path(&m->config, &href, "policies/");
		html_link(p, href.buf, text.buf);
		html_text(p, "见政策文件列表。");
		strbuf_release(&text);
	}
	for (size_t i = 0; parent && i < m->ndocs && i < NOSCRIPT_DOCUMENTS; i++) {
		const struct document *d = m->by_date[i];
		strbuf_reset(&href);
		strbuf_addf(&href, "%spolicies/%s/", m->config.base_path, d->slug);
		html_link(html_el(parent, "h3", NULL), href.buf, d->meta.title);
		if (!d->nsections)
			continue;
		xmlNodePtr list = html_el(parent, "ul", "section-index");
		for (size_t k = 0; k < d->nsections; k++) {
			strbuf_reset(&href);
			strbuf_addf(&href, "%spolicies/%s/#%s", m->config.base_path, d->slug,
				    d->sections[k].id);
			html_link(html_el(list, "li", d->sections[k].is_measure ? "toc-measure" : NULL),
				  href.buf, d->sections[k].text);
		}
	}
	strbuf_release(&href);
}

int search_page_write(struct output *o)
{
	xmlDocPtr page = html_page_new(o->templates, TEMPLATE_SEARCH);

	struct strbuf index = STRBUF_INIT;

	filter_options(o->model, page);
	section_index(o->model, html_slot(page, "section-index"));
	/* Only this page names the index folder, so that a change to the
	 * index changes no other page. */
	config_path(&o->model->config, &index, o->search_path);
	html_slot_attr(page, "search-index", "content", index.buf);
	strbuf_release(&index);
	output_fill_layout(o, page, "search/", NULL);
	return output_page(o, "search/index.html", page);
}
