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
#include "progress.h"
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

	for (cmark_node *n = cmark_node_first_child(document_root(d)); n; n = cmark_node_next(n)) {
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

/* The entries of documents [first, first + n) of `m`, each document's
 * sections followed by its other tasks; with `site`, then every
 * indicator and every department. */
static void collect(struct index *ix, const struct model *m, struct arena *a, size_t first,
		    size_t n, int site)
{
	ix->merged = xmalloc((m->ntasks ? m->ntasks : 1) * sizeof(*ix->merged));
	for (size_t i = first; i < first + n; i++) {
		const struct document *d = &m->docs[i];
		size_t merged = ix->nmerged;
		document_entries(ix, a, d);
		qsort(ix->merged + merged, ix->nmerged - merged, sizeof(*ix->merged), compare_ptr);
		for (size_t k = 0; k < d->ntasks; k++)
			if (!bsearch(&d->tasks[k], ix->merged + merged, ix->nmerged - merged,
				     sizeof(*ix->merged), compare_ptr))
				task_entry(ix, a, d->tasks[k]);
	}
	for (size_t i = 0; site && i < m->indicators.count; i++)
		indicator_entry(ix, a, m->indicators.all[i]);
	for (size_t i = 0; site && i < m->depts.count; i++)
		dept_entry(ix, a, &m->depts.items[i]);
}

/* The entries [first, end) of `entries`, tokenised into `into` on a
 * thread of their own. */
struct token_part {
	const struct entry *entries;
	struct index *into;
	size_t first, end;
};

static int tokenise_part(void *ctx, size_t i)
{
	const struct token_part *p = &((const struct token_part *)ctx)[i];
	struct strbuf norm = STRBUF_INIT;

	for (size_t e = p->first; e < p->end; e++) {
		search_normalise(p->entries[e].title, &norm);
		tokenise(p->into, norm.buf, e, 1);
		search_normalise(p->entries[e].text, &norm);
		tokenise(p->into, norm.buf, e, 0);
	}
	strbuf_release(&norm);
	return 0;
}

/* Move the tokens of `from`, whose entries all come after those of `ix`,
 * into `ix`: tokens new to `ix` follow its own in the order `from` met
 * them, and postings are appended, so the index is the one a single
 * thread makes. */
static void merge_tokens(struct index *ix, struct index *from)
{
	for (size_t i = 0; i < from->ntokens; i++) {
		struct token *f = &from->tokens[i];
		struct token *t = token_get(ix, f->key, f->text, strlen(f->text));
		if (t->npairs + f->npairs > t->alloc) {
			t->alloc = t->npairs + f->npairs;
			t->pairs = xrealloc(t->pairs, t->alloc * sizeof(*t->pairs));
		}
		memcpy(t->pairs + t->npairs, f->pairs, f->npairs * sizeof(*f->pairs));
		t->npairs += f->npairs;
		t->last_entry = f->last_entry;
		free(f->text);
		free(f->pairs);
	}
	free(from->tokens);
	free(from->table);
}

/* Tokenise every entry, in `jobs` parts of about as many bytes. */
static void index_entries(struct index *ix, int jobs)
{
	size_t parts = jobs > 1 ? (size_t)jobs : 1, total = 0, sum = 0, k = 0;
	struct token_part *part;
	struct index *into;

	if (parts > ix->nentries)
		parts = ix->nentries ? ix->nentries : 1;
	part = xcalloc(parts, sizeof(*part));
	into = xcalloc(parts, sizeof(*into));
	for (size_t e = 0; e < ix->nentries; e++)
		total += strlen(ix->entries[e].text) + 1;
	for (size_t e = 0; e < ix->nentries; e++) {
		sum += strlen(ix->entries[e].text) + 1;
		while (k + 1 < parts && sum * parts >= total * (k + 1))
			part[++k].first = e + 1;
	}
	for (size_t i = 0; i < parts; i++) {
		part[i].entries = ix->entries;
		part[i].into = i ? &into[i] : ix;
		part[i].end = i + 1 < parts ? part[i + 1].first : ix->nentries;
	}
	pool_for(parts, jobs, tokenise_part, part);
	for (size_t i = 1; i < parts; i++)
		merge_tokens(ix, &into[i]);
	free(part);
	free(into);
}

/* The bytes a token's postings take in its shard, about. */
static size_t token_bytes(const struct token *t)
{
	return strlen(t->text) + 6 + t->npairs * 3;
}

/*
 * The index is in groups of documents, each with its own shards and
 * chunks in a folder of its own, search/<tag>/, named by a hash of its
 * files' names and bytes; the last group also holds the indicators and
 * the departments. meta.json, in a folder named the same way, lists the
 * groups. A group ends after a document whose slug hashes to 0 modulo
 * SEARCH_GROUP_DOCS, once it holds a quarter of that many, and at the
 * latest once it holds that many: where groups end depends on the documents
 * alone, not on the order of changes, so the index is the same whatever the
 * builds before. A change to a document changes its group only; the other
 * groups are known by their keys (pagekey.h) and linked from the previous
 * output, their documents not indexed again. The largest group bounds the
 * time of such a rebuild: without the cap, one of 1,237 documents came up
 * at 10,000, and indexing it again took a second. A site of up to 128
 * documents is one group.
 */
#define SEARCH_GROUP_DOCS 512
#define INDEX_BUILD_DIR "search/building"

struct group {
	size_t first, ndocs;	/* documents [first, first + ndocs) */
	int site;		/* also the indicators and departments */
	uint64_t key;
	char dir[HASH_TAG_LEN + 1];
	size_t shards, chunk, entries;
};

struct index_writer {
	struct output *o;
	const struct index *ix;
	size_t shards, chunk;
	struct token **sorted;	/* by shard, then by text */
	size_t *shard_start;	/* shard s: sorted[shard_start[s] .. shard_start[s + 1]) */
	uint64_t *hashes;	/* the shards, then the chunks */
	uint64_t *stored;	/* the same files' bytes, as pagekey records them */
};

/* Write `name` of the group being built, gzip-compressed, and note its
 * hash. */
static int index_file(struct index_writer *w, size_t slot, const char *name,
		      const struct strbuf *data)
{
	struct strbuf path = STRBUF_INIT, packed = STRBUF_INIT;
	int ret = 0;

	strbuf_addf(&path, "%s/%s", INDEX_BUILD_DIR, name);
	if (compress_gzip(data->buf, data->len, COMPRESS_GZIP_INDEX, &packed) < 0)
		ret = diag_error(w->o->diags, name, 0, 0, "cannot compress with libdeflate");
	if (!ret) {
		uint64_t h = hash_fnv1a64(HASH_FNV64_INIT, name, strlen(name) + 1);
		w->hashes[slot] = hash_fnv1a64(h, packed.buf, packed.len);
		w->stored[slot] = hash_content(HASH_FNV64_INIT, packed.buf, packed.len);
		ret = output_write(w->o, path.buf, packed.buf, packed.len);
	}
	strbuf_release(&packed);
	strbuf_release(&path);
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
	ret = index_file(w, s, name, &sb);
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
	ret = index_file(w, w->shards + k, name, &sb);
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

/* The groups of the index, in document order (see SEARCH_GROUP_DOCS). */
static struct group *plan_groups(const struct model *m, size_t *ngroups)
{
	struct group *g = xcalloc(m->ndocs + 1, sizeof(*g));
	size_t n = 0, first = 0;

	for (size_t i = 0; i < m->ndocs; i++) {
		const char *slug = m->docs[i].slug;
		size_t size = i + 1 - first;
		if (i + 1 < m->ndocs &&
		    (size == SEARCH_GROUP_DOCS ||
		     (size >= SEARCH_GROUP_DOCS / 4 &&
		      hash_fnv1a(slug, strlen(slug)) % SEARCH_GROUP_DOCS == 0))) {
			g[n].first = first;
			g[n++].ndocs = i + 1 - first;
			first = i + 1;
		}
	}
	g[n].first = first;
	g[n].ndocs = m->ndocs - first;
	g[n++].site = 1;
	*ngroups = n;
	return g;
}

/* What a group is made from: its documents' bytes, and the site's key,
 * which holds every document's front matter and every other input. */
static uint64_t group_key(const struct output *o, const struct group *g)
{
	uint64_t key = pagekey_begin(o->keys, g->site ? "search group and site" : "search group");

	for (size_t i = g->first; i < g->first + g->ndocs; i++)
		key = pagekey_doc(o->keys, key, o->model, &o->model->docs[i]);
	return key;
}

/* The groups of the previous output's index, from its meta.json. */
static struct group *previous_groups(const struct output *o, size_t *ngroups)
{
	struct strbuf dir = STRBUF_INIT, meta = STRBUF_INIT;
	struct group *g = NULL;
	char **names = NULL;
	int n;

	*ngroups = 0;
	strbuf_addf(&dir, "%s/search", o->prev);
	n = fsio_list_dir(dir.buf, &names);
	for (int i = 0; i < n; i++) {
		strbuf_reset(&dir);
		strbuf_addf(&dir, "%s/search/%s/meta.json", o->prev, names[i]);
		if (!meta.len)
			fsio_read_regular(dir.buf, 1 << 20, &meta);
		free(names[i]);
	}
	free(names);
	const char *at = meta.len ? strstr(meta.buf, ",\"groups\":[") : NULL;
	size_t count = 0;
	for (const char *p = at; p && (p = strstr(p, "{\"dir\":")); p++)
		count++;
	g = xcalloc(count + 1, sizeof(*g));
	for (const char *p = at; p && (p = strstr(p, "{\"dir\":")) && *ngroups < count; p++) {
		struct group *e = &g[*ngroups];
		if (sscanf(p, "{\"dir\":\"%10[0-9a-f]\",\"shards\":%zu,\"chunk\":%zu,\"entries\":%zu}",
			   e->dir, &e->shards, &e->chunk, &e->entries) == 4 && e->chunk)
			(*ngroups)++;
	}
	strbuf_release(&dir);
	strbuf_release(&meta);
	return g;
}

/* The previous output's search files, by key, then path. */
struct search_files {
	const struct pagekey_entry **items;
	size_t count;
};

static int by_key_then_path(const void *pa, const void *pb)
{
	const struct pagekey_entry *a = *(const struct pagekey_entry *const *)pa;
	const struct pagekey_entry *b = *(const struct pagekey_entry *const *)pb;

	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return strcmp(a->path, b->path);
}

static void search_files_index(struct search_files *f, const struct pagekey_record *r)
{
	f->items = xcalloc(r && r->count ? r->count : 1, sizeof(*f->items));
	f->count = 0;
	for (size_t i = 0; r && i < r->count; i++)
		if (!strncmp(r->items[i].path, "search/", 7))
			f->items[f->count++] = &r->items[i];
	qsort(f->items, f->count, sizeof(*f->items), by_key_then_path);
}

static size_t first_with_key(const struct search_files *f, uint64_t key)
{
	size_t lo = 0, hi = f->count;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (f->items[mid]->key < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Whether group `g` is one of the previous output's, by its key: then its
 * files are taken (output_take), and its folder and sizes noted in `g`. */
static int reuse_group(struct output *o, struct group *g, const struct group *prev,
		       size_t nprev, const struct search_files *files_by_key)
{
	const struct group *was = NULL;
	struct pagekey_entry *taken = NULL;
	struct strbuf to = STRBUF_INIT;
	size_t files = 0, room = 0, at = first_with_key(files_by_key, g->key);
	int ok = 1;

	for (size_t i = at; i < files_by_key->count && ok; i++) {
		const struct pagekey_entry *e = files_by_key->items[i];
		if (e->key != g->key)
			break;
		for (size_t k = 0; !was && k < nprev; k++)
			if (!strncmp(e->path + 7, prev[k].dir, HASH_TAG_LEN) &&
			    e->path[7 + HASH_TAG_LEN] == '/')
				was = &prev[k];
		if (files == room) {
			room = room ? 2 * room : 64;
			taken = xrealloc(taken, room * sizeof(*taken));
		}
		ok = was && !strncmp(e->path + 7, was->dir, HASH_TAG_LEN) &&
		     output_take(o, e->path, g->key, &taken[files]);
		taken[files++].path = e->path;
	}
	ok = ok && was && files == was->shards + (was->entries + was->chunk - 1) / was->chunk;
	if (ok) {
		memcpy(g->dir, was->dir, sizeof(g->dir));
		g->shards = was->shards;
		g->chunk = was->chunk;
		g->entries = was->entries;
		for (size_t i = 0; i < files; i++) {
			pagekey_record_add_file(o->new_keys, taken[i].path, g->key, &taken[i]);
			progress_file(taken[i].size, 0);
			progress_unchanged();
		}
	} else if (files > 1 || (files && ok)) {
		/* Some taken (so `was` is known), not all: the group is built
		 * anew. */
		strbuf_addf(&to, "%s/search/%s", o->dir, was->dir);
		fsio_remove_tree(to.buf);
	}
	free(taken);
	strbuf_release(&to);
	return ok;
}

static int parse_document(void *ctx, size_t i)
{
	document_root(&((const struct document *)ctx)[i]);
	return 0;
}

/* Index group `g` and write its files into search/<tag>/. Documents that
 * came from the cache of parsed documents are parsed first, on the pool:
 * collecting the entries needs their trees. */
static int build_group(struct output *o, struct group *g)
{
	struct index ix = { 0 };
	struct arena a = ARENA_INIT;
	struct index_writer w = { .o = o, .ix = &ix };
	struct strbuf path = STRBUF_INIT;
	size_t chunks;
	int ret = 0;

	pool_for(g->ndocs, o->jobs, parse_document, o->model->docs + g->first);
	collect(&ix, o->model, &a, g->first, g->ndocs, g->site);
	index_entries(&ix, o->jobs);
	plan_files(&w);
	chunks = (ix.nentries + w.chunk - 1) / w.chunk;
	w.hashes = xcalloc(w.shards + chunks + 1, sizeof(*w.hashes));
	w.stored = xcalloc(w.shards + chunks + 1, sizeof(*w.stored));
	if (pool_for(w.shards, o->jobs, write_shard, &w) < 0 ||
	    pool_for(chunks, o->jobs, write_chunk, &w) < 0) {
		ret = -1;
	} else {
		uint64_t h = HASH_FNV64_INIT;
		for (size_t i = 0; i < w.shards + chunks; i++)
			h = hash_fnv1a64(h, &w.hashes[i], sizeof(w.hashes[i]));
		hash_tag(h, g->dir);
		g->shards = w.shards;
		g->chunk = w.chunk;
		g->entries = ix.nentries;
		strbuf_addf(&path, "search/%s", g->dir);
		ret = output_rename(o, INDEX_BUILD_DIR, path.buf);
		for (size_t i = 0; !ret && o->keys && i < w.shards + chunks; i++) {
			strbuf_reset(&path);
			if (i < w.shards)
				strbuf_addf(&path, "search/%s/t/%zu.json.gz", g->dir, i);
			else
				strbuf_addf(&path, "search/%s/e/%zu.json.gz", g->dir, i - w.shards);
			pagekey_record_add(o->new_keys, path.buf, g->key, w.stored[i]);
		}
	}
	strbuf_release(&path);
	free(w.sorted);
	free(w.shard_start);
	free(w.hashes);
	free(w.stored);
	index_release(&ix);
	arena_release(&a);
	return ret;
}

int search_write(struct output *o)
{
	size_t ngroups, nprev = 0, entries = 0;
	struct group *groups = plan_groups(o->model, &ngroups);
	struct group *prev = o->prev_keys ? previous_groups(o, &nprev) : NULL;
	struct strbuf meta = STRBUF_INIT, path = STRBUF_INIT;
	char tag[HASH_TAG_LEN + 1];
	int ret = 0;

	struct search_files by_key;

	search_files_index(&by_key, o->prev_keys);
	for (size_t i = 0; i < ngroups && !ret; i++) {
		struct group *g = &groups[i];
		g->key = group_key(o, g);
		if (!(o->keys && reuse_group(o, g, prev, nprev, &by_key)) && build_group(o, g) < 0)
			ret = -1;
		entries += g->entries;
	}
	free(by_key.items);
	strbuf_adds(&meta, "{\"version\":3,\"base\":");
	json_string(&meta, o->model->config.base_path);
	strbuf_addf(&meta, ",\"entries\":%zu,\"groups\":[", entries);
	for (size_t i = 0; i < ngroups; i++)
		strbuf_addf(&meta, "%s{\"dir\":\"%s\",\"shards\":%zu,\"chunk\":%zu,\"entries\":%zu}",
			    i ? "," : "", groups[i].dir, groups[i].shards, groups[i].chunk,
			    groups[i].entries);
	strbuf_adds(&meta, "]}");
	/* The folder of meta.json is named by its bytes, which name the
	 * groups' folders: a change to any group gives it a new URL. */
	hash_tag(hash_fnv1a64(HASH_FNV64_INIT, meta.buf, meta.len), tag);
	snprintf(o->search_path, sizeof(o->search_path), "search/%s/", tag);
	strbuf_addf(&path, "%smeta.json", o->search_path);
	if (!ret)
		ret = output_write(o, path.buf, meta.buf, meta.len);
	strbuf_release(&meta);
	strbuf_release(&path);
	free(groups);
	free(prev);
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

	size_t n;
	const char **names = model_regions(m, 1, 0, &n);

	for (size_t i = 0; i < m->ndocs; i++)
		option(docs, m->by_date[i]->slug, m->by_date[i]->meta.title);
	for (size_t i = 0; i < n; i++)
		option(regions, names[i], names[i]);
	free(names);
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
