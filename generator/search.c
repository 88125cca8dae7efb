#include "search.h"

#include <cmark-gfm.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "html.h"
#include "json.h"
#include "markdown.h"
#include "output.h"
#include "taskview.h"
#include "utf8.h"
#include "xalloc.h"

#define SEARCH_CHUNK 2
#define SEARCH_SHARD_BYTES 8192

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
	uint32_t hash;
	uint32_t *pairs;
	size_t npairs, alloc;
	size_t last_entry;	/* the entry whose count is being gathered */
};

struct index {
	struct entry *entries;
	size_t nentries, aentries;
	struct token *tokens;
	size_t ntokens, atokens;
	size_t *table;		/* open addressing: token index + 1, 0 = empty */
	size_t table_size;
};

static void table_grow(struct index *ix)
{
	size_t size = ix->table_size ? ix->table_size * 2 : 4096;

	free(ix->table);
	ix->table = xcalloc(size, sizeof(*ix->table));
	ix->table_size = size;
	for (size_t i = 0; i < ix->ntokens; i++) {
		size_t at = ix->tokens[i].hash & (size - 1);
		while (ix->table[at])
			at = (at + 1) & (size - 1);
		ix->table[at] = i + 1;
	}
}

static struct token *token_get(struct index *ix, const char *s, size_t len)
{
	uint32_t h = hash_fnv1a(s, len);
	size_t at;

	if ((ix->ntokens + 1) * 2 > ix->table_size)
		table_grow(ix);
	for (at = h & (ix->table_size - 1); ix->table[at]; at = (at + 1) & (ix->table_size - 1)) {
		struct token *t = &ix->tokens[ix->table[at] - 1];
		if (t->hash == h && !strncmp(t->text, s, len) && !t->text[len])
			return t;
	}
	if (ix->ntokens == ix->atokens) {
		ix->atokens = ix->atokens ? ix->atokens * 2 : 4096;
		ix->tokens = xrealloc(ix->tokens, ix->atokens * sizeof(*ix->tokens));
	}
	struct token *t = &ix->tokens[ix->ntokens];
	memset(t, 0, sizeof(*t));
	t->text = xstrndup(s, len);
	t->hash = h;
	t->last_entry = SIZE_MAX;
	ix->table[at] = ++ix->ntokens;
	return t;
}

/* Count one occurrence of a token in entry `e`; `in_title` sets the low bit. */
static void token_add(struct index *ix, const char *s, size_t len, size_t e, int in_title)
{
	struct token *t = token_get(ix, s, len);

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
	int prev_han = 0;

	while (pos < len) {
		size_t start = pos;
		int32_t cp = utf8_next(text, len, &pos);
		if (is_han(cp)) {
			token_add(ix, text + start, pos - start, e, in_title);
			if (prev_han)
				token_add(ix, text + prev_start, pos - prev_start, e, in_title);
			prev_han = 1;
			prev_start = start;
			continue;
		}
		prev_han = 0;
		if (is_word(cp)) {
			while (pos < len && is_word((unsigned char)text[pos]))
				pos++;
			token_add(ix, text + start, pos - start, e, in_title);
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

static void finish_entry(struct entry *e, struct strbuf *text)
{
	while (text->len && text->buf[text->len - 1] == '\n')
		strbuf_setlen(text, text->len - 1);
	e->text = strbuf_detach(text, NULL);
}

static void document_entries(struct index *ix, struct arena *a, const struct document *d)
{
	struct strbuf text = STRBUF_INIT, tmp = STRBUF_INIT;
	struct entry *e = NULL;

	for (cmark_node *n = cmark_node_first_child(d->root); n; n = cmark_node_next(n)) {
		const struct section *s = cmark_node_get_user_data(n);
		int starts = (cmark_node_get_type(n) == CMARK_NODE_HEADING ||
			      cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH) && s;
		if (starts || !e) {
			if (e)
				finish_entry(e, &text);
			e = new_entry(ix, "section");
			e->doc = d->slug;
			e->doc_title = d->meta.title;
			e->region = d->meta.region;
			e->title = starts ? s->text : d->meta.title;
			e->url = starts ? arena_strfmt(a, "policies/%s/#%s", d->slug, s->id)
					: arena_strfmt(a, "policies/%s/", d->slug);
		}
		block_text(n, &text, &tmp);
	}
	if (e)
		finish_entry(e, &text);
	strbuf_release(&tmp);
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
	if (t->lead)
		strbuf_addf(&text, "\n牵头：%s", t->lead->name);
	for (size_t i = 0; i < t->nsupports; i++)
		strbuf_addf(&text, "%s%s", i ? "、" : "\n配合：", t->supports[i]->name);
	finish_entry(e, &text);
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
	finish_entry(e, &text);
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
	finish_entry(e, &text);
}

static void collect(struct index *ix, const struct model *m, struct arena *a)
{
	for (size_t i = 0; i < m->ndocs; i++)
		document_entries(ix, a, &m->docs[i]);
	for (size_t i = 0; i < m->ntasks; i++)
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

static int compare_tokens(const void *pa, const void *pb)
{
	const struct token *a = *(struct token *const *)pa, *b = *(struct token *const *)pb;

	return strcmp(a->text, b->text);
}

/* About SEARCH_SHARD_BYTES of postings a shard. */
static size_t shard_count(const struct index *ix)
{
	size_t bytes = 0;

	for (size_t i = 0; i < ix->ntokens; i++)
		bytes += strlen(ix->tokens[i].text) + 6 + ix->tokens[i].npairs * 4;
	return bytes / SEARCH_SHARD_BYTES + 1;
}

/*
 * The index files are written into a folder of a fixed name while their
 * names and bytes are hashed, and the folder then takes the name
 * search/<tag>/ (see hash_tag): any change to the index gives it a new
 * URL, so servers may cache its files for good.
 */
#define INDEX_BUILD_DIR "search/building"

struct index_writer {
	struct output *o;
	uint64_t hash;
	struct strbuf path;
};

static int index_file(struct index_writer *w, const char *name, const struct strbuf *data)
{
	w->hash = hash_fnv1a64(w->hash, name, strlen(name) + 1);
	w->hash = hash_fnv1a64(w->hash, data->buf, data->len);
	strbuf_reset(&w->path);
	strbuf_addf(&w->path, "%s/%s", INDEX_BUILD_DIR, name);
	return output_write(w->o, w->path.buf, data->buf, data->len);
}

static int write_shards(struct index_writer *w, const struct index *ix, size_t shards)
{
	struct token **sorted = xmalloc((ix->ntokens ? ix->ntokens : 1) * sizeof(*sorted));
	struct strbuf *out = xcalloc(shards, sizeof(*out));
	char name[32];
	int ret = 0;

	for (size_t i = 0; i < ix->ntokens; i++)
		sorted[i] = &ix->tokens[i];
	if (ix->ntokens)
		qsort(sorted, ix->ntokens, sizeof(*sorted), compare_tokens);
	for (size_t s = 0; s < shards; s++)
		strbuf_init(&out[s]);
	for (size_t i = 0; i < ix->ntokens; i++) {
		const struct token *t = sorted[i];
		struct strbuf *sb = &out[t->hash % shards];
		strbuf_adds(sb, sb->len ? "," : "{");
		json_string(sb, t->text);
		strbuf_addch(sb, ':');
		for (size_t k = 0; k < t->npairs; k++)
			strbuf_addf(sb, "%c%u", k ? ',' : '[', t->pairs[k]);
		strbuf_addch(sb, ']');
	}
	for (size_t s = 0; s < shards; s++) {
		strbuf_adds(&out[s], out[s].len ? "}" : "{}");
		snprintf(name, sizeof(name), "t/%zu.json", s);
		if (index_file(w, name, &out[s]) < 0)
			ret = -1;
		strbuf_release(&out[s]);
	}
	free(out);
	free(sorted);
	return ret;
}

static int write_chunks(struct index_writer *w, const struct index *ix)
{
	struct strbuf sb = STRBUF_INIT;
	char name[32];
	int ret = 0;

	for (size_t start = 0; start < ix->nentries; start += SEARCH_CHUNK) {
		strbuf_reset(&sb);
		strbuf_addch(&sb, '[');
		for (size_t e = start; e < ix->nentries && e < start + SEARCH_CHUNK; e++) {
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
		snprintf(name, sizeof(name), "e/%zu.json", start / SEARCH_CHUNK);
		if (index_file(w, name, &sb) < 0)
			ret = -1;
	}
	strbuf_release(&sb);
	return ret;
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
}

int search_write(struct output *o)
{
	struct index ix = { 0 };
	struct arena a = ARENA_INIT;
	struct strbuf meta = STRBUF_INIT;
	struct index_writer w = { o, HASH_FNV64_INIT, STRBUF_INIT };
	char tag[HASH_TAG_LEN + 1];
	size_t shards;
	int ret = 0;

	collect(&ix, o->model, &a);
	index_entries(&ix);
	shards = shard_count(&ix);
	strbuf_adds(&meta, "{\"version\":1,\"base\":");
	json_string(&meta, o->model->config.base_path);
	strbuf_addf(&meta, ",\"shards\":%zu,\"chunk\":%d,\"entries\":%zu}", shards, SEARCH_CHUNK,
		    ix.nentries);
	if (index_file(&w, "meta.json", &meta) < 0 || write_shards(&w, &ix, shards) < 0 ||
	    write_chunks(&w, &ix) < 0) {
		ret = -1;
	} else {
		hash_tag(w.hash, tag);
		snprintf(o->search_path, sizeof(o->search_path), "search/%s/", tag);
		ret = output_rename(o, INDEX_BUILD_DIR, o->search_path);
	}
	strbuf_release(&meta);
	strbuf_release(&w.path);
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

/* Every document and its sections as links: the search page without
 * JavaScript is still a way into everything. */
static void section_index(const struct model *m, xmlNodePtr parent)
{
	struct strbuf href = STRBUF_INIT;

	for (size_t i = 0; parent && i < m->ndocs; i++) {
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
