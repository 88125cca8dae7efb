#include "document.h"

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <string.h>

#include "docnum.h"
#include "fsio.h"
#include "hash.h"
#include "limit.h"
#include "markdown.h"
#include "slug.h"
#include "strbuf.h"
#include "task.h"
#include "utf8.h"
#include "yamlread.h"

static int is_cjk_numeral(int32_t cp)
{
	return (cp == 0x4E00 || cp == 0x4E8C || cp == 0x4E09 || cp == 0x56DB ||
		cp == 0x4E94 || cp == 0x516D || cp == 0x4E03 || cp == 0x516B ||
		cp == 0x4E5D || cp == 0x5341 || cp == 0x767E || cp == 0x96F6 ||
		cp == 0x3007 || cp == 0x4E24);
}

static int is_digit_cp(int32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

/* Length of a run of numerals of one kind starting at `pos`, in bytes. */
static size_t numeral_run(const char *s, size_t len, size_t pos, int cjk)
{
	size_t p = pos, last = pos;
	int n = 0;

	while (p < len && n < 6) {
		int32_t cp = utf8_next(s, len, &p);
		if (cjk ? !is_cjk_numeral(cp) : !is_digit_cp(cp))
			break;
		last = p;
		n++;
	}
	return last - pos;
}

size_t document_numbering_length(const char *s)
{
	size_t len = strlen(s), p = 0, run;
	int32_t cp = utf8_next(s, len, &p), close;

	if (cp >= 0x2460 && cp <= 0x2473)	/* ①-⑳ */
		return p;
	if (cp == 0xFF08 || cp == '(') {	/* （一） (1) */
		run = numeral_run(s, len, p, 1);
		if (!run)
			run = numeral_run(s, len, p, 0);
		if (!run)
			return 0;
		size_t q = p + run;
		close = utf8_next(s, len, &q);
		return close == 0xFF09 || close == ')' ? q : 0;
	}
	if (cp == 0x7B2C) {	/* 第三章, 第一节, 第五条, 第二部分 */
		run = numeral_run(s, len, p, 1);
		if (!run)
			run = numeral_run(s, len, p, 0);
		size_t q = p + run;
		int32_t unit = utf8_next(s, len, &q);
		if (run && (unit == 0x7AE0 || unit == 0x8282 || unit == 0x6761))
			return q;
		if (run && unit == 0x90E8 && utf8_next(s, len, &q) == 0x5206)
			return q;
		return 0;
	}
	p = 0;
	run = numeral_run(s, len, 0, 1);
	if (run) {	/* 一、 */
		size_t q = run;
		return utf8_next(s, len, &q) == 0x3001 ? q : 0;
	}
	run = numeral_run(s, len, 0, 0);
	if (run) {	/* 1. 1． 1、 but not 2.5 */
		size_t q = run;
		int32_t mark = utf8_next(s, len, &q);
		size_t r = q;
		if ((mark == '.' || mark == 0xFF0E || mark == 0x3001) &&
		    !is_digit_cp(utf8_next(s, len, &r)))
			return q;
	}
	return 0;
}

size_t document_measure_count(const struct document *doc)
{
	size_t n = 0;

	for (size_t i = 0; i < doc->nsections; i++)
		n += doc->sections[i].is_measure;
	return n;
}

/* Ids the policy page template uses itself. */
static const char *const template_ids[] = {
	"main", "summary-h", "glance-h", "interprets-h", "interpretations-h", "toc-h",
	"cited-by-h", NULL,
};

const char *document_claim_id(struct document *doc, struct arena *a, const char *text)
{
	struct strbuf id = STRBUF_INIT;
	const char *res;

	slug_heading(&id, text);
	slug_set_claim(&doc->ids, &id);
	res = arena_strndup(a, id.buf, id.len);
	strbuf_release(&id);
	return res;
}

static void add_section(struct document *doc, struct arena *a, cmark_node *node, int level,
			int is_measure)
{
	struct strbuf text = STRBUF_INIT;
	struct section *s = ARENA_PUSH(a, doc->sections, doc->nsections, doc->asections);
	size_t numlen;

	/* A measure's title is its bold lead, not the whole paragraph. */
	markdown_plain_text(is_measure ? cmark_node_first_child(node) : node, &text);
	numlen = document_numbering_length(text.buf);
	if (is_measure) {
		/* The lead sentence's full stop is punctuation, not part of the title. */
		while (text.len >= 3 && (!strcmp(text.buf + text.len - 3, "。") ||
					 !strcmp(text.buf + text.len - 3, "．")))
			strbuf_setlen(&text, text.len - 3);
	}
	if (numlen > text.len)
		numlen = text.len;	/* the lead was only a number and its full stop */
	s->level = level;
	s->is_measure = is_measure;
	s->number = arena_strndup(a, text.buf, numlen);
	s->text = arena_strdup(a, text.buf);
	s->id = document_claim_id(doc, a, text.buf);
	s->node = node;
	strbuf_release(&text);
}

/* The bold lead of a measure paragraph, or NULL. */
static cmark_node *measure_lead(cmark_node *para)
{
	cmark_node *first = cmark_node_first_child(para);
	struct strbuf text = STRBUF_INIT;
	int numbered;

	if (!first || cmark_node_get_type(first) != CMARK_NODE_STRONG)
		return NULL;
	markdown_plain_text(first, &text);
	numbered = document_numbering_length(text.buf) > 0;
	strbuf_release(&text);
	return numbered ? first : NULL;
}

/* A top-level node that is a section: a heading or a measure. */
static int is_section(cmark_node *n)
{
	cmark_node_type type = cmark_node_get_type(n);

	return type == CMARK_NODE_HEADING || (type == CMARK_NODE_PARAGRAPH && measure_lead(n));
}

static int is_table(cmark_node *n)
{
	return !strcmp(markdown_type(n), "table");
}

static void find_sections(struct document *doc, struct arena *a)
{
	struct strbuf id = STRBUF_INIT;
	int level = 1;

	for (const char *const *t = template_ids; *t; t++) {
		strbuf_reset(&id);
		strbuf_adds(&id, *t);
		slug_set_claim(&doc->ids, &id);
	}
	strbuf_release(&id);
	for (cmark_node *n = cmark_node_first_child(doc->root); n; n = cmark_node_next(n)) {
		doc->ntables += is_table(n);
		if (!is_section(n))
			continue;
		if (cmark_node_get_type(n) == CMARK_NODE_HEADING) {
			level = cmark_node_get_heading_level(n);
			if (level < 2)
				level = 2;
			add_section(doc, a, n, level, 0);
		} else {
			add_section(doc, a, n, level < 6 ? level + 1 : 6, 1);
		}
	}
	/* Only now, when the array has stopped moving as it grows. */
	for (size_t i = 0; i < doc->nsections; i++)
		cmark_node_set_user_data(doc->sections[i].node, &doc->sections[i]);
}

static void find_citations(struct document *doc, struct arena *a, unsigned body_line)
{
	cmark_iter *it = cmark_iter_new(doc->root);
	cmark_event_type ev;
	struct docnum_match m;

	docnum_match_init(&m);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(n) != CMARK_NODE_TEXT)
			continue;
		const char *lit = cmark_node_get_literal(n);
		size_t len = strlen(lit), from = 0;
		while (docnum_find(lit, len, from, &m)) {
			struct citation *c = ARENA_PUSH(a, doc->citations, doc->ncitations,
							doc->acitations);
			c->run = arena_strndup(a, lit + m.prefix_start, m.core_start - m.prefix_start);
			c->core = arena_strdup(a, m.core.buf);
			c->line = body_line + (unsigned)cmark_node_get_start_line(n) - 1;
			from = m.end;
		}
	}
	docnum_match_release(&m);
	cmark_iter_free(it);
}

static int load_meta(struct document *doc, struct arena *a, const char *text, size_t len,
		     size_t *body_start, unsigned *body_line, struct diag_list *diags)
{
	size_t fm_start, fm_len;
	struct ynode *root;

	if (frontmatter_split(text, len, doc->path, &fm_start, &fm_len, body_start, body_line,
			      diags) < 0)
		return -1;
	if (!*body_start)
		return diag_error(diags, doc->path, 1, 1,
				  "missing front matter: start the file with a `---` line, the "
				  "document's title, issuer, date … and another `---`");
	root = yaml_read(a, text + fm_start, fm_len, doc->path, 2, diags);
	if (!root)
		return -1;
	return frontmatter_read(&doc->meta, a, root, doc->path, diags);
}

void document_init(struct document *doc, struct arena *a, const char *path, const char *slug)
{
	memset(doc, 0, sizeof(*doc));
	doc->path = arena_strdup(a, path);
	doc->slug = arena_strdup(a, slug);
	strbuf_init(&doc->text);
	pthread_mutex_init(&doc->root_lock, NULL);
}

void document_give(struct document *doc, struct strbuf *bytes, uint64_t hash)
{
	strbuf_release(&doc->text);
	doc->text = *bytes;
	strbuf_init(bytes);
	doc->hash = hash;
}

int document_read(struct document *doc, struct diag_list *diags)
{
	if (doc->text.len || doc->hash)
		return 0;
	if (fsio_read_content(doc->path, &doc->text, diags) < 0)
		return -1;
	doc->hash = hash_content(HASH_FNV64_INIT, doc->text.buf, doc->text.len);
	return 0;
}

int document_text(struct document *doc, struct diag_list *diags)
{
	if (fsio_check_text(doc->path, &doc->text, diags) < 0)
		return -1;
	doc->source = doc->text.buf;
	return 0;
}

/* The front matter: the source up to the body's first line. */
static size_t front_matter_len(const struct document *d)
{
	const char *s = d->source;
	size_t at = 0;

	for (unsigned line = 1; line < d->body_line && s[at]; line++) {
		const char *eol = strchr(s + at, '\n');
		if (!eol)
			return strlen(s);
		at = (size_t)(eol - s) + 1;
	}
	return at;
}

int document_parse(struct document *doc, struct arena *a, struct diag_list *diags)
{
	const char *text = doc->source;
	size_t len = strlen(text), body_start;
	unsigned body_line;
	int ret = load_meta(doc, a, text, len, &body_start, &body_line, diags);

	doc->body_line = body_line;
	int too_deep, big_table = markdown_oversized_table(text + body_start, len - body_start);
	if (big_table) {
		ret = diag_error(diags, doc->path, body_line + (unsigned)big_table - 1, 1,
				 "the table has more than %d cells (counting those filled in for "
				 "short rows), the limit; split it", LIMIT_TABLE_CELLS);
		body_start = len;	/* parse nothing */
	}
	doc->body_start = body_start;
	doc->root = markdown_parse(text + body_start, len - body_start, &too_deep);
	if (too_deep)
		ret = diag_error(diags, doc->path, body_line + (unsigned)too_deep - 1, 1,
				 "the text is nested more than %d levels deep (block quotes, "
				 "lists or emphasis inside each other); flatten it",
				 LIMIT_MARKDOWN_DEPTH);
	find_sections(doc, a);
	find_citations(doc, a, body_line);
	doc->front_hash = hash_content(HASH_FNV64_INIT, text, front_matter_len(doc));
	return ret;
}

static void bind_table(cmark_node *root, size_t number, struct indicator_set *set)
{
	size_t n = 0;

	for (cmark_node *t = cmark_node_first_child(root); t; t = cmark_node_next(t))
		if (is_table(t) && ++n == number) {
			cmark_node_set_user_data(t, set);
			return;
		}
}

void document_bind_table(struct document *doc, struct arena *a, size_t number,
			 struct indicator_set *set)
{
	struct document_table *slot = ARENA_PUSH(a, doc->tables, doc->nbound_tables,
						 doc->abound_tables);

	*slot = (struct document_table){ number, set };
	if (doc->root)
		bind_table(doc->root, number, set);
}

/* The next task after `*at` that came from `origin`, written on `line`;
 * NULL when it is not that one. Tasks and nodes are both in document
 * order, so one pass matches them. */
static struct task *task_on_line(const struct document *doc, size_t *at,
				 enum task_origin origin, unsigned line)
{
	while (*at < doc->ntasks && doc->tasks[*at]->origin == TASK_FROM_MEASURE)
		(*at)++;
	if (*at < doc->ntasks && doc->tasks[*at]->origin == origin &&
	    doc->tasks[*at]->line == line)
		return doc->tasks[(*at)++];
	return NULL;
}

static unsigned file_line(const struct document *doc, cmark_node *n)
{
	return doc->body_line + (unsigned)cmark_node_get_start_line(n) - 1;
}

/* Tie a tree parsed again to what parsing it the first time found. */
static void bind_tree(struct document *doc)
{
	size_t section = 0, task = 0;
	struct task *t;

	for (cmark_node *n = cmark_node_first_child(doc->root); n; n = cmark_node_next(n)) {
		if (is_section(n) && section < doc->nsections) {
			doc->sections[section].node = n;
			cmark_node_set_user_data(n, &doc->sections[section++]);
		} else if (is_table(n)) {
			cmark_node *header = cmark_node_first_child(n);
			for (cmark_node *row = header ? cmark_node_next(header) : NULL; row;
			     row = cmark_node_next(row))
				if ((t = task_on_line(doc, &task, TASK_FROM_TABLE, file_line(doc, row))))
					cmark_node_set_user_data(row, t);
		} else if (cmark_node_get_type(n) == CMARK_NODE_CODE_BLOCK &&
			   (t = task_on_line(doc, &task, TASK_FROM_BLOCK, file_line(doc, n)))) {
			cmark_node_set_user_data(n, t);
		}
	}
	for (size_t i = 0; i < doc->nbound_tables; i++)
		bind_table(doc->root, doc->tables[i].number, doc->tables[i].set);
}

/* The source of a lazy document, its bytes made text; under root_lock.
 * They were text when the cache kept the document. */
static void make_source(struct document *d)
{
	struct diag_list ignored = DIAG_LIST_INIT;

	if (!d->source && document_text(d, &ignored) < 0) {
		strbuf_reset(&d->text);
		d->source = d->text.buf;
	}
	diag_list_release(&ignored);
}

const char *document_source(const struct document *doc)
{
	/* Filling the cache of a const document: the text is only another
	 * form of its bytes, and the tree of the text. */
	struct document *d = (struct document *)doc;

	pthread_mutex_lock(&d->root_lock);
	make_source(d);
	pthread_mutex_unlock(&d->root_lock);
	return d->source;
}

struct cmark_node *document_root(const struct document *doc)
{
	struct document *d = (struct document *)doc;

	pthread_mutex_lock(&d->root_lock);
	if (!d->root && d->lazy) {
		int too_deep;
		make_source(d);
		size_t len = strlen(d->source), start = d->body_start < len ? d->body_start : len;
		d->root = markdown_parse(d->source + start, len - start, &too_deep);
		bind_tree(d);
	}
	pthread_mutex_unlock(&d->root_lock);
	return d->root;
}

void document_release(struct document *doc)
{
	strbuf_release(&doc->text);
	doc->source = NULL;
	slug_set_release(&doc->ids);
	if (doc->root)
		cmark_node_free(doc->root);
	doc->root = NULL;
	pthread_mutex_destroy(&doc->root_lock);
}

int document_locate(const struct document *doc, unsigned from_line, const char *needle,
		    unsigned *line, unsigned *col)
{
	const char *source = document_source(doc), *p = source, *hit;
	unsigned n = 1;

	while (n < from_line && (p = strchr(p, '\n'))) {
		p++;
		n++;
	}
	if (!p || !(hit = strstr(p, needle)))
		return 0;
	for (; p < hit; p++)
		n += *p == '\n';
	const char *start = hit;
	while (start > source && start[-1] != '\n')
		start--;
	*line = n;
	*col = diag_column(start, (size_t)(hit - start));
	return 1;
}
