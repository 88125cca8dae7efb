/* Unit tests of the cache of parsed documents: a build from the cache has
 * the model a build that parses has (sections, tasks, citations, warnings),
 * a lazy document's tree is tied to them as a parsed one's is, other
 * settings or a damaged file give nothing from the cache, and a changed
 * document is appended to the file. Writes a small content folder to /tmp. */
#include <cmark-gfm.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "content.h"
#include "diag.h"
#include "doccache.h"
#include "hash.h"
#include "harness.h"
#include "model.h"
#include "strbuf.h"

void test_doccache(void);

static const char *const registry =
	"- id: a-health\n  name: 甲市卫生健康局\n  short: 市卫生健康局\n  aliases: [市卫健委]\n"
	"  region: 甲市\n  level: 市级\n  kind: government\n"
	"- id: a-finance\n  name: 甲市财政局\n  short: 市财政局\n  region: 甲市\n"
	"  level: 市级\n  kind: government\n"
	"- id: a-edu\n  name: 甲市教育局\n  short: 市教育局\n  region: 甲市\n"
	"  level: 市级\n  kind: government\n";

/* Headings (two with the same text), three measures, an indicator table,
 * a task table, a task block, a citation and a plan period that gives a
 * warning. */
static const char *const doc_a =
	"---\ntitle: 测试规划\ndoc_number: 甲府办〔2024〕3号\nissuer: 甲市人民政府办公室\n"
	"date: 2024-03-01\nregion: 甲市\nlevel: 市级\nkind: policy\nplan_period: 某个时期\n"
	"summary: 一个测试文件。\n---\n"
	"## 一、总体要求\n\n根据粤府办〔2023〕19号，制定本方案。\n\n"
	"### 工作要求\n\n"
	"**（一）加强组织领导。** 建立工作机制，2024年12月底前完成。"
	"（市卫生健康局牵头，市财政局配合）\n\n"
	"### 工作要求\n\n"
	"**（二）完善保障措施。** 加大投入，每年开展评估。"
	"（市财政局牵头，市教育局、市卫健委配合）\n\n"
	"## 二、重点任务\n\n"
	"**（三）推进信息化建设。** 建设平台，2025年6月底前上线。（市教育局牵头）\n\n"
	"| 指标 | 目标值 |\n|---|---|\n| 指标一 | 90% |\n\n"
	"| 序号 | 任务 | 责任单位 | 完成时限 |\n|---|---|---|---|\n"
	"| 1 | 开展调查 | 市卫生健康局 | 2024年10月底前 |\n"
	"| 2 | 编制清单 | 市财政局、市教育局 | 2025年3月底前 |\n\n"
	"```task\nid: build-platform\ntitle: 建设统一平台\nlead: 市卫健委\n"
	"supports: [市财政局]\ndeadline: 2025年12月底前\n```\n";

static const char *const doc_b =
	"---\ntitle: 另一个文件\nissuer: 甲市卫生健康局\ndate: 2024-05-01\nregion: 甲市\n"
	"level: 市级\nkind: policy\nsummary: 第二个测试文件。\n---\n"
	"## 总则\n\n依据甲府办〔2024〕3号。\n\n"
	"**1. 做好宣传。** 开展宣传活动。（市卫生健康局牵头）\n";

/* doc_b with one more measure. */
static const char *const doc_b2 =
	"---\ntitle: 另一个文件\nissuer: 甲市卫生健康局\ndate: 2024-05-01\nregion: 甲市\n"
	"level: 市级\nkind: policy\nsummary: 第二个测试文件。\n---\n"
	"## 总则\n\n依据甲府办〔2024〕3号。\n\n"
	"**1. 做好宣传。** 开展宣传活动。（市卫生健康局牵头）\n\n"
	"**2. 加强培训。** 每年培训一次。（市教育局牵头）\n";

static const char *const set_yaml =
	"document: a\ntable: 1\ntitle: 指标\nindicators:\n"
	"  - id: x-1\n    name: 指标一\n    direction: higher\n";

/* One build: its model, diagnostics and cache. */
struct build {
	struct arena a;
	struct diag_list d;
	struct model m;
	struct doccache c;
	int ret;
};

static void build_load(struct build *b, const char *dir, const char *cache, uint64_t settings,
		       int reuse, int jobs)
{
	memset(b, 0, sizeof(*b));
	doccache_open(&b->c, cache, settings, reuse);
	b->ret = model_load(&b->m, &b->a, dir, NULL, "2024-06-01", NULL, jobs, &b->c, NULL, &b->d);
}

/* The documents loaded from the cache must not outlive it. */
static void build_release(struct build *b)
{
	model_release(&b->m);
	arena_release(&b->a);
	doccache_close(&b->c);
	diag_list_release(&b->d);
}

static size_t lazy_count(const struct model *m)
{
	size_t n = 0;

	for (size_t i = 0; i < m->ndocs; i++)
		n += m->docs[i].lazy && !m->docs[i].root;
	return n;
}

static const char *str(const char *s)
{
	return s ? s : "(null)";
}

static void dump_task(struct strbuf *out, const struct task *t)
{
	strbuf_addf(out, "  task %s origin=%d number=%s title=%s text=%s anchor=%s\n", t->id,
		    t->origin, str(t->number), str(t->title), str(t->text), str(t->anchor));
	strbuf_addf(out, "    lead_text=%s lead=%s supports=", str(t->lead_text),
		    t->lead ? t->lead->id : "-");
	for (size_t k = 0; k < t->nsupports; k++)
		strbuf_addf(out, "%s,", t->supports[k]->id);
	strbuf_addf(out, "\n    deadline=%d:%04d-%02d-%02d text=%s source=%d rec=%d ong=%d dates=",
		    t->has_deadline, t->deadline.year, t->deadline.month, t->deadline.day,
		    str(t->deadline_text), t->deadline_source, t->recurring, t->ongoing);
	for (size_t k = 0; k < t->ndates; k++)
		strbuf_addf(out, "%04d-%02d-%02d,", t->dates[k].year, t->dates[k].month,
			    t->dates[k].day);
	strbuf_addf(out, "\n    status=%d reported=%d line=%u doc=%s index=%zu\n", t->status,
		    t->status_reported, t->line, t->doc ? t->doc->slug : "-", t->index);
}

/* What the model holds of document `d`, as text to compare. */
static void dump_doc(struct strbuf *out, const struct document *d)
{
	const struct doc_meta *m = &d->meta;

	strbuf_addf(out, "doc %s title=%s number=%s plan=%s region=%s kind=%d "
		    "date=%04d-%02d-%02d\n", d->slug, str(m->title), str(m->doc_number),
		    str(m->plan_period), str(m->region), m->kind, m->date.year, m->date.month, m->date.day);
	strbuf_addf(out, "  body_line=%u body_start=%zu ntables=%zu nbound=%zu cited_by=%zu\n",
		    d->body_line, d->body_start, d->ntables, d->nbound_tables, d->ncited_by);
	strbuf_addf(out, "  nsections=%zu\n", d->nsections);
	for (size_t i = 0; i < d->nsections; i++) {
		const struct section *s = &d->sections[i];
		strbuf_addf(out, "  section %d %d number=%s text=%s id=%s task=%s\n", s->level,
			    s->is_measure, str(s->number), str(s->text), str(s->id),
			    s->task ? s->task->id : "-");
	}
	strbuf_addf(out, "  ntasks=%zu\n", d->ntasks);
	for (size_t i = 0; i < d->ntasks; i++)
		dump_task(out, d->tasks[i]);
	for (size_t i = 0; i < d->ncitations; i++)
		strbuf_addf(out, "  citation %s %s %u\n", d->citations[i].run, d->citations[i].core,
			    d->citations[i].line);
}

static void dump_model(struct strbuf *out, const struct model *m)
{
	strbuf_reset(out);
	for (size_t i = 0; i < m->ndocs; i++)
		dump_doc(out, &m->docs[i]);
	strbuf_addf(out, "tasks %zu:", m->ntasks);
	for (size_t i = 0; i < m->ntasks; i++)
		strbuf_addf(out, " %s", m->tasks[i]->id);
	for (size_t i = 0; i < m->indicators.nsets; i++)
		strbuf_addf(out, "\nset %s table=%d anchor=%s", m->indicators.sets[i]->id,
			    m->indicators.sets[i]->table, str(m->indicators.sets[i]->anchor));
	strbuf_addf(out, "\n");
}

static void dump_diags(struct strbuf *out, const struct diag_list *d)
{
	strbuf_reset(out);
	strbuf_addf(out, "%zu errors, %zu warnings\n", d->errors, d->warnings);
	for (size_t i = 0; i < d->count; i++)
		strbuf_addf(out, "%d %s:%u:%u %s\n", d->items[i].severity, d->items[i].file,
			    d->items[i].line, d->items[i].col, d->items[i].message);
}

/* Equal texts, or a failed check that shows where they part. */
static void same_text(const char *got, const char *want, const char *what)
{
	size_t at = 0;

	OK(!strcmp(got, want), what);
	if (!strcmp(got, want))
		return;
	while (got[at] && got[at] == want[at])
		at++;
	while (at && got[at - 1] != '\n')
		at--;
	printf("    got:      %.160s\n    expected: %.160s\n", got + at, want + at);
}

/* What user data `ud` of a node of `doc` is: a section, a task or a set. */
static void describe(struct strbuf *out, const struct model *m, const struct document *doc,
		     cmark_node *n, void *ud)
{
	if (!ud) {
		strbuf_addf(out, " -");
		return;
	}
	for (size_t k = 0; k < doc->nsections; k++)
		if (ud == &doc->sections[k]) {
			strbuf_addf(out, " section%zu%s", k,
				    doc->sections[k].node == n ? "" : "(node!)");
			return;
		}
	for (size_t k = 0; k < doc->ntasks; k++)
		if (ud == doc->tasks[k]) {
			strbuf_addf(out, " task:%s", doc->tasks[k]->id);
			return;
		}
	for (size_t k = 0; k < m->indicators.nsets; k++)
		if (ud == m->indicators.sets[k]) {
			strbuf_addf(out, " set:%s", m->indicators.sets[k]->id);
			return;
		}
	strbuf_addf(out, " ?");
}

/* The top-level nodes of the tree and their user data, table rows too. */
static void tree_signature(struct strbuf *out, const struct model *m, const struct document *doc)
{
	strbuf_reset(out);
	cmark_node *root = document_root(doc);

	for (cmark_node *n = cmark_node_first_child(root); n; n = cmark_node_next(n)) {
		strbuf_addf(out, "%s", cmark_node_get_type_string(n));
		describe(out, m, doc, n, cmark_node_get_user_data(n));
		if (!strcmp(cmark_node_get_type_string(n), "table"))
			for (cmark_node *r = cmark_node_first_child(n); r; r = cmark_node_next(r))
				describe(out, m, doc, r, cmark_node_get_user_data(r));
		strbuf_addf(out, "\n");
	}
}

static int is_task_fence(cmark_node *n)
{
	const char *info = cmark_node_get_fence_info(n);

	return cmark_node_get_type(n) == CMARK_NODE_CODE_BLOCK && info && !strcmp(info, "task");
}

/* The checks of a document's tree one by one: headings and measures tied
 * to their sections in order, task rows and blocks to their tasks, and
 * the first table to the indicator set when `set` is not NULL. */
static void check_tree(const struct document *doc,
		       const struct indicator_set *set, const char *name)
{
	char what[160];
	size_t k = 0, task = 0, tables = 0, rows = 0, blocks = 0;
	int sections_ok = 1, rows_ok = 1, blocks_ok = 1, set_ok = !set;
	cmark_node *root = document_root(doc);

	for (cmark_node *n = cmark_node_first_child(root); n; n = cmark_node_next(n)) {
		void *ud = cmark_node_get_user_data(n);
		cmark_node *first = cmark_node_first_child(n);
		if (cmark_node_get_type(n) == CMARK_NODE_HEADING ||
		    (cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH && first &&
		     cmark_node_get_type(first) == CMARK_NODE_STRONG)) {
			sections_ok &= k < doc->nsections && ud == &doc->sections[k] &&
				       doc->sections[k].node == n;
			k++;
		} else if (!strcmp(cmark_node_get_type_string(n), "table")) {
			if (++tables == 1 && set)
				set_ok = ud == set;
			if (tables == 1)
				continue;
			/* The task table: every row after the header. */
			for (cmark_node *r = first ? cmark_node_next(first) : NULL; r;
			     r = cmark_node_next(r), rows++) {
				void *row_ud = cmark_node_get_user_data(r);
				while (task < doc->ntasks &&
				       doc->tasks[task]->origin != TASK_FROM_TABLE)
					task++;
				rows_ok &= task < doc->ntasks && row_ud == doc->tasks[task++];
			}
		} else if (is_task_fence(n)) {
			const struct task *t = NULL;
			for (size_t i = 0; i < doc->ntasks && !t; i++)
				if (doc->tasks[i]->origin == TASK_FROM_BLOCK)
					t = doc->tasks[i];
			blocks_ok &= t && ud == t;
			blocks++;
		}
	}
	snprintf(what, sizeof(what), "doccache: %s: headings and measures tied to their sections",
		 name);
	OK(sections_ok && k == doc->nsections, what);
	snprintf(what, sizeof(what), "doccache: %s: task table rows tied to their tasks", name);
	OK(rows_ok && rows == 2, what);
	snprintf(what, sizeof(what), "doccache: %s: the task block tied to its task", name);
	OK(blocks_ok && blocks == 1, what);
	snprintf(what, sizeof(what), "doccache: %s: the indicator table tied to its set", name);
	OK(set_ok && tables == 2, what);
}

static long file_size(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

static int copy_file(const char *from, const char *to)
{
	FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
	char buf[4096];
	size_t n;
	int ret = in && out ? 0 : -1;

	while (!ret && (n = fread(buf, 1, sizeof(buf), in)) > 0)
		if (fwrite(buf, 1, n, out) != n)
			ret = -1;
	if (in)
		fclose(in);
	if (out && fclose(out) != 0)
		ret = -1;
	return ret;
}

/* Overwrite the bytes at `at` (-1: the middle) of the file with `text`. */
static void damage(const char *path, long at, const char *text, size_t len)
{
	FILE *f = fopen(path, "r+b");

	if (!f)
		return;
	if (at < 0) {
		fseek(f, 0, SEEK_END);
		at = ftell(f) / 2;
	}
	fseek(f, at, SEEK_SET);
	fwrite(text, 1, len, f);
	fclose(f);
}

/* `len` bytes of a fixed pseudo-random sequence, after `prefix`. */
static void write_random(const char *path, const char *prefix, size_t len)
{
	FILE *f = fopen(path, "wb");
	uint32_t x = 12345;

	if (!f)
		return;
	fputs(prefix, f);
	for (size_t i = 0; i < len; i++) {
		x = x * 1103515245u + 12345u;
		fputc((int)(x >> 16) & 0xFF, f);
	}
	fclose(f);
}

/* The header line of the file, as this version writes it. */
static void read_header(const char *path, char *buf, size_t size)
{
	FILE *f = fopen(path, "rb");

	buf[0] = '\0';
	if (f && !fgets(buf, (int)size, f))
		buf[0] = '\0';
	if (f)
		fclose(f);
}

/* A build from `cache` gives the model and warnings of the first build. */
static void check_same(const char *dir, const char *cache, uint64_t settings, const char *model,
		       const char *warnings, const char *what)
{
	struct strbuf got = STRBUF_INIT, name = STRBUF_INIT;
	struct build b;

	build_load(&b, dir, cache, settings, 1, 1);
	strbuf_addf(&name, "doccache: %s: the same model", what);
	dump_model(&got, &b.m);
	same_text(got.buf, model, name.buf);
	strbuf_reset(&name);
	strbuf_addf(&name, "doccache: %s: the same warnings", what);
	dump_diags(&got, &b.d);
	same_text(got.buf, warnings, name.buf);
	for (size_t i = 0; i < b.m.ndocs; i++)
		document_root(&b.m.docs[i]);
	build_release(&b);
	strbuf_release(&name);
	strbuf_release(&got);
}

/* The first record of a cache file as the format in doccache.c lays it
 * out: after the header line, key, checksum, then the parts, each a
 * length and its bytes. Offsets of the checksum and of what it covers. */
static int first_record(const char *data, size_t len, size_t *sum_at, size_t *body_at,
			size_t *body_len)
{
	const char *nl = memchr(data, '\n', len);
	const unsigned char *p;
	size_t at, n;

	if (!nl)
		return -1;
	at = (size_t)(nl - data) + 1;
	*sum_at = at + 8;
	*body_at = at + 16;
	if (*body_at + 4 > len)
		return -1;
	p = (const unsigned char *)data + *body_at;
	n = p[0] | (size_t)p[1] << 8 | (size_t)p[2] << 16 | (size_t)p[3] << 24;
	if (*body_at + 8 + n > len)
		return -1;
	p += 4 + n;
	n += p[0] | (size_t)p[1] << 8 | (size_t)p[2] << 16 | (size_t)p[3] << 24;
	*body_len = 8 + n;
	return *body_at + *body_len <= len ? 0 : -1;
}

/* Overwrite the middle of the first record's parts (a.md's) with
 * "damaged": its key and lengths stay good, its checksum does not. */
static void damage_first_record(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *data = malloc(1 << 16);
	size_t len = f && data ? fread(data, 1, 1 << 16, f) : 0, sum_at, body_at, body_len;

	if (f)
		fclose(f);
	if (first_record(data, len, &sum_at, &body_at, &body_len) == 0)
		damage(path, (long)(body_at + body_len / 2), "damaged", 7);
	else
		OK(0, "doccache: the first record of the file is found");
	free(data);
}

/* Records whose bytes are changed one at a time, with a checksum made
 * good again, as a file the reader cannot tell from a good one: loading
 * them, and parsing the trees they tie, must not go wrong (ASan and UBSan
 * watch). */
static void check_forged(const char *dir, const char *good, const char *forged)
{
	FILE *f = fopen(good, "rb");
	char *data = malloc(1 << 16);
	size_t len = f ? fread(data, 1, 1 << 16, f) : 0, sum_at, body_at, body_len, tried = 0;
	int bad = 0;

	if (f)
		fclose(f);
	if (first_record(data, len, &sum_at, &body_at, &body_len) < 0) {
		OK(0, "doccache: the first record of the file is found");
		free(data);
		return;
	}
	for (size_t at = body_at; at < body_at + body_len; at += 1 + body_len / 150, tried++) {
		char saved = data[at];
		for (int flip = 0; flip < 2; flip++) {
			data[at] = flip ? (char)0xFF : (char)(saved ^ 0x01);
			uint64_t sum = hash_content(HASH_FNV64_INIT, data + body_at, body_len);
			for (int k = 0; k < 8; k++)
				data[sum_at + k] = (char)(sum >> (8 * k));
			if ((f = fopen(forged, "wb"))) {
				fwrite(data, 1, len, f);
				fclose(f);
			}
			struct build b;
			build_load(&b, dir, forged, 42, 1, 1);
			bad |= b.m.ndocs != 2;
			for (size_t i = 0; i < b.m.ndocs; i++)
				document_root(&b.m.docs[i]);
			build_release(&b);
		}
		data[at] = saved;
	}
	OK(!bad && tried > 100, "doccache: records with a byte changed and a good checksum load");
	free(data);
}

static void test_doccache_all(void)
{
	struct strbuf model = STRBUF_INIT, warnings = STRBUF_INIT, got = STRBUF_INIT;
	struct strbuf tree_a = STRBUF_INIT, tree_b = STRBUF_INIT, model2 = STRBUF_INIT;
	struct content c;
	struct build b;
	char header[64];
	const char *dir, *cache, *copy, *doc_b_path;
	long size, grown;

	if (content_init(&c, "doccache") < 0) {
		OK(0, "doccache: temporary folder");
		return;
	}
	dir = c.dir;
	content_add(&c, "site.yaml", "title: 测试站点\nbase_url: https://example.org/\n");
	content_add(&c, "departments.yaml", registry);
	content_add(&c, "policies", NULL);
	content_add(&c, "policies/a.md", doc_a);
	doc_b_path = content_add(&c, "policies/b.md", doc_b);
	content_add(&c, "indicators", NULL);
	content_add(&c, "indicators/set.yaml", set_yaml);
	cache = content_add(&c, "parsed", "-");
	content_add(&c, "parsed.tmp", "-");
	copy = content_add(&c, "parsed-copy", "-");
	content_add(&c, "parsed-copy.tmp", "-");

	/* 1, 2: the first build parses and writes the cache. */
	build_load(&b, dir, cache, 42, 1, 1);
	OK(b.ret == 0 && !b.d.errors, "doccache: the fixture loads without an error");
	OK(b.m.ndocs == 2 && !lazy_count(&b.m), "doccache: a first build parses every document");
	if (b.m.ndocs != 2) {
		dump_diags(&got, &b.d);
		printf("%s", got.buf);
		build_release(&b);
		goto out;
	}
	const struct document *a = &b.m.docs[0];
	INT_EQ(a->nsections, 7, "doccache: a.md has four headings and three measures");
	INT_EQ(a->ntasks, 6, "doccache: a.md has three measures, two rows and a block as tasks");
	INT_EQ(a->ncitations, 1, "doccache: a.md cites a document number");
	INT_EQ(b.m.docs[1].ntasks, 1, "doccache: b.md has a task");
	OK(a->nsections == 7 && !strcmp(a->sections[3].id, "工作要求-2"),
	   "doccache: a repeated heading's id");
	OK(a->ntasks == 6 && !strcmp(a->tasks[5]->id, "build-platform") &&
	   a->tasks[5]->lead && a->tasks[0]->nsupports == 1,
	   "doccache: the block's id and the departments are found");
	OK(b.d.warnings == 1 && strstr(b.d.items[0].message, "某个时期"),
	   "doccache: the plan period gives a warning");
	OK(b.m.indicators.nsets == 1 && a->nbound_tables == 1,
	   "doccache: the set is bound to table 1");
	dump_model(&model, &b.m);
	dump_diags(&warnings, &b.d);
	tree_signature(&tree_a, &b.m, &b.m.docs[0]);
	tree_signature(&tree_b, &b.m, &b.m.docs[1]);
	check_tree(&b.m.docs[0], b.m.indicators.nsets ? b.m.indicators.sets[0] : NULL,
		   "parsed");
	doccache_write(&b.c);
	build_release(&b);
	OK(file_size(cache) > 0, "doccache: the file is written");

	/* 3: the second build takes both from the cache. */
	build_load(&b, dir, cache, 42, 1, 1);
	OK(b.ret == 0 && b.m.ndocs == 2 && lazy_count(&b.m) == 2,
	   "doccache: a second build loads every document lazily, without a tree");
	int no_nodes = 1;
	for (size_t i = 0; i < b.m.ndocs; i++)
		for (size_t k = 0; k < b.m.docs[i].nsections; k++)
			no_nodes &= !b.m.docs[i].sections[k].node;
	OK(no_nodes, "doccache: a lazy document's sections have no node yet");
	dump_model(&got, &b.m);
	same_text(got.buf, model.buf, "doccache: the model from the cache is the parsed one");
	dump_diags(&got, &b.d);
	same_text(got.buf, warnings.buf, "doccache: the same warnings in the same order");

	/* 4: the lazy trees. */
	if (b.m.ndocs == 2) {
		struct cmark_node *root = document_root(&b.m.docs[0]);
		OK(root && document_root(&b.m.docs[0]) == root,
		   "doccache: document_root parses once");
		tree_signature(&got, &b.m, &b.m.docs[0]);
		same_text(got.buf, tree_a.buf,
			  "doccache: a.md's lazy tree is tied as the parsed one");
		tree_signature(&got, &b.m, &b.m.docs[1]);
		same_text(got.buf, tree_b.buf,
			  "doccache: b.md's lazy tree is tied as the parsed one");
		check_tree(&b.m.docs[0],
			   b.m.indicators.nsets ? b.m.indicators.sets[0] : NULL, "lazy");
	}
	doccache_write(&b.c);
	build_release(&b);

	/* The same on four threads. */
	build_load(&b, dir, cache, 42, 1, 4);
	OK(lazy_count(&b.m) == 2, "doccache: four threads load from the cache");
	dump_model(&got, &b.m);
	same_text(got.buf, model.buf, "doccache: four threads give the same model");
	build_release(&b);

	/* 5: other settings, or no reuse. */
	build_load(&b, dir, cache, 43, 1, 1);
	OK(b.m.ndocs == 2 && !lazy_count(&b.m), "doccache: other settings load nothing from it");
	dump_model(&got, &b.m);
	same_text(got.buf, model.buf, "doccache: other settings: the same model, parsed");
	build_release(&b);
	build_load(&b, dir, cache, 42, 0, 1);
	OK(b.m.ndocs == 2 && !lazy_count(&b.m), "doccache: reuse = 0 loads nothing from it");
	build_release(&b);
	build_load(&b, dir, NULL, 42, 1, 1);
	dump_model(&got, &b.m);
	same_text(got.buf, model.buf, "doccache: no cache file: the same model");
	build_release(&b);

	/* 6: damaged files, on a copy. */
	copy_file(cache, copy);
	damage(copy, -1, "damaged", 7);
	build_load(&b, dir, copy, 42, 1, 1);
	OK(lazy_count(&b.m) < 2, "doccache: a damaged record is not loaded");
	build_release(&b);
	check_same(dir, copy, 42, model.buf, warnings.buf, "a damaged file");
	read_header(cache, header, sizeof(header));
	OK(strchr(header, '\n'), "doccache: the file opens with a header line");
	copy_file(cache, copy);
	if (strlen(header) >= 2)
		damage(copy, (long)strlen(header) - 2, "x", 1);
	build_load(&b, dir, copy, 42, 1, 1);
	OK(!lazy_count(&b.m), "doccache: a file of another version gives nothing");
	build_release(&b);
	check_same(dir, copy, 42, model.buf, warnings.buf, "another version");
	copy_file(cache, copy);
	if (truncate(copy, file_size(copy) - 10) < 0)
		OK(0, "doccache: a file cut");
	check_same(dir, copy, 42, model.buf, warnings.buf, "a cut file");
	write_random(copy, "", 5000);
	check_same(dir, copy, 42, model.buf, warnings.buf, "random bytes");
	write_random(copy, header, 5000);
	check_same(dir, copy, 42, model.buf, warnings.buf, "the header and random bytes");
	check_forged(dir, cache, copy);

	/* A damaged record is parsed again and its new record written: the
	 * next build loads that document from the cache. */
	copy_file(cache, copy);
	damage_first_record(copy);
	build_load(&b, dir, copy, 42, 1, 1);
	OK(b.m.ndocs == 2 && !b.m.docs[0].lazy && b.m.docs[1].lazy,
	   "doccache: a record with a bad checksum is parsed again, the others are not");
	doccache_write(&b.c);
	build_release(&b);
	build_load(&b, dir, copy, 42, 1, 1);
	/* The damaged record stays in the file with the same key as the good
	 * one appended after it: the good one must be found. */
	OK(lazy_count(&b.m) == 2,
	   "doccache: a record written again after damage is loaded next time");
	build_release(&b);

	/* An empty file: the next build writes one that the build after it
	 * reads. */
	write_text(copy, "");
	build_load(&b, dir, copy, 42, 1, 1);
	doccache_write(&b.c);
	build_release(&b);
	build_load(&b, dir, copy, 42, 1, 1);
	/* Records are appended only to a file with a header. */
	OK(lazy_count(&b.m) == 2,
	   "doccache: a cache file that was empty is read next time");
	build_release(&b);

	/* 7: one document changed: its record is appended. */
	write_text(doc_b_path, doc_b2);
	size = file_size(cache);
	build_load(&b, dir, cache, 42, 1, 1);
	OK(b.m.ndocs == 2 && b.m.docs[0].lazy && !b.m.docs[1].lazy,
	   "doccache: only the changed document is parsed");
	dump_model(&model2, &b.m);
	grown = b.m.ndocs == 2 ? 24 + (long)(b.c.docs[1].new_loaded.len +
					    b.c.docs[1].new_extracted.len) : 0;
	doccache_write(&b.c);
	build_release(&b);
	INT_EQ(file_size(cache) - size, grown, "doccache: the file grows by the changed record");
	OK(grown > 0 && grown < size, "doccache: a record is less than the file");
	size = file_size(cache);
	build_load(&b, dir, cache, 42, 1, 1);
	OK(lazy_count(&b.m) == 2, "doccache: the next build loads both from the cache");
	dump_model(&got, &b.m);
	same_text(got.buf, model2.buf, "doccache: the changed document from its new record");
	INT_EQ(b.m.ndocs == 2 ? b.m.docs[1].ntasks : 0, 2, "doccache: its new measure is a task");
	doccache_write(&b.c);
	build_release(&b);
	INT_EQ(file_size(cache), size, "doccache: nothing new, nothing written");

	/* Changed again and again: the file is written whole once it would
	 * hold more than twice what a build uses. */
	int whole = 0;
	for (int round = 0; round < 40 && !whole; round++) {
		char text[4096];
		snprintf(text, sizeof(text), "%s\n第%d轮修改。%s\n", doc_b2, round,
			 "这是一段很长的文字，用来让记录变大。这是一段很长的文字。"
			 "这是一段很长的文字，用来让记录变大。这是一段很长的文字。"
			 "这是一段很长的文字，用来让记录变大。这是一段很长的文字。");
		write_text(doc_b_path, text);
		size = file_size(cache);
		build_load(&b, dir, cache, 42, 1, 1);
		grown = 0;
		for (size_t i = 0; i < b.m.ndocs; i++)
			grown += 24 + (long)(b.c.docs[i].loaded ? b.c.docs[i].loaded_len +
						 b.c.docs[i].extracted_len
					       : b.c.docs[i].new_loaded.len +
						 b.c.docs[i].new_extracted.len);
		doccache_write(&b.c);
		build_release(&b);
		whole = file_size(cache) < size;
	}
	OK(whole, "doccache: a file that grew past twice its use is written whole");
	INT_EQ(file_size(cache), (long)strlen(header) + grown,
	       "doccache: written whole, it holds this build's records only");
	build_load(&b, dir, cache, 42, 1, 1);
	OK(lazy_count(&b.m) == 2, "doccache: the file written whole is read");
	build_release(&b);

	/* A document with an error is not kept. */
	content_add(&c, "policies/c.md",
		    "---\ntitle: 错误文件\nissuer: 测试机关\ndate: 2024-01-02\nregion: 甲市\n"
		    "level: 市级\nkind: policy\nsummary: 有错误。\n---\n"
		    "**（一）做事。** 做事。（市无此局牵头）\n");
	build_load(&b, dir, cache, 42, 1, 1);
	OK(b.d.errors > 0, "doccache: an unknown department is an error");
	doccache_write(&b.c);
	build_release(&b);
	build_load(&b, dir, cache, 42, 1, 1);
	OK(b.m.ndocs == 3 && b.m.docs[0].lazy && b.m.docs[1].lazy && !b.m.docs[2].lazy,
	   "doccache: a document with an error is not kept");
	build_release(&b);

out:
	strbuf_release(&model);
	strbuf_release(&model2);
	strbuf_release(&warnings);
	strbuf_release(&got);
	strbuf_release(&tree_a);
	strbuf_release(&tree_b);
	content_remove(&c);
}

void test_doccache(void)
{
	test_doccache_all();
}
