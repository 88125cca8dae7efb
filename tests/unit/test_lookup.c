/* Unit tests of the model's lookups: departments by name, alias and id,
 * repeated task ids, reported statuses, an indicator set's table number,
 * documents by slug and by 文号, repeated 文号, and comparable indicators.
 * Each case writes a small content folder to /tmp. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "content.h"
#include "dept.h"
#include "diag.h"
#include "harness.h"
#include "model.h"

static const char *const registry =
	"- id: b-health\n  name: 乙市卫生健康局\n  short: 市卫生健康局\n  aliases: [市卫健委]\n"
	"  region: 乙市\n  level: 市级\n  kind: government\n"
	"- id: a-health\n  name: 甲市卫生健康局\n  short: 市卫生健康局\n  aliases: [市卫健委]\n"
	"  region: 甲市\n  level: 市级\n  kind: government\n"
	"- id: a-finance\n  name: 甲市财政局\n  short: 市财政局\n  region: 甲市\n"
	"  level: 市级\n  kind: government\n"
	"- id: a-audit\n  name: 甲市审计局\n  short: 市财政局\n  region: 甲市\n"
	"  level: 市级\n  kind: government\n";

static void count_name(void *ctx, const char *name, struct dept *d)
{
	(void)name;
	(void)d;
	++*(int *)ctx;
}

static void test_dept_lookup(void)
{
	struct arena a = ARENA_INIT;
	struct diag_list d = DIAG_LIST_INIT;
	struct dept_registry reg;
	struct content c;
	struct dept *dept;
	int names = 0;

	if (content_init(&c, "lookup") < 0) {
		OK(0, "lookup: temporary folder");
		return;
	}
	content_add(&c, "departments.yaml", registry);
	OK(dept_registry_load(&reg, &a, c.paths[0], &d) < 0 && d.errors == 1,
	   "lookup: a name given twice in a region is an error");
	dept = dept_resolve(&reg, "甲市", "市卫健委");
	STR_EQ(dept ? dept->id : NULL, "a-health", "lookup: an alias within the region");
	dept = dept_resolve(&reg, "乙市", "市卫生健康局");
	STR_EQ(dept ? dept->id : NULL, "b-health", "lookup: a short name within the region");
	dept = dept_resolve(&reg, "乙市", "甲市财政局");
	STR_EQ(dept ? dept->id : NULL, "a-finance", "lookup: a full name of another region");
	OK(!dept_resolve(&reg, "乙市", "市财政局"), "lookup: a short name of another region");
	OK(!dept_resolve(&reg, NULL, "市卫健委"), "lookup: no region, no short name");
	dept = dept_resolve(&reg, NULL, "乙市卫生健康局");
	STR_EQ(dept ? dept->id : NULL, "b-health", "lookup: no region, a full name");
	dept = dept_resolve(&reg, "甲市", "市财政局");
	STR_EQ(dept ? dept->id : NULL, "a-audit",
	       "lookup: a repeated name gives the first department in registry order");
	dept = dept_find_id(&reg, "a-finance");
	STR_EQ(dept ? dept->name : NULL, "甲市财政局", "lookup: by id");
	OK(!dept_find_id(&reg, "甲市财政局"), "lookup: a name is not an id");
	STR_EQ(dept_suggest(&reg, "甲市", "市卫健"), "市卫健委", "lookup: suggestion in the region");
	OK(!dept_suggest(&reg, "丙市", "市卫健"), "lookup: no suggestion from another region");
	dept_each_name(&reg, "甲市", count_name, &names);
	INT_EQ(names, 7, "lookup: every name of the region, and only those");
	diag_list_release(&d);
	arena_release(&a);
	content_remove(&c);
}

static const char *const task_doc =
	"---\ntitle: 测试文件\nissuer: 测试机关\ndate: 2024-01-02\nregion: 甲市\nlevel: 市级\n"
	"kind: policy\nsummary: 一个测试文件。\n---\n## 一、总则\n\n"
	"```task\nid: t-1\ntitle: 任务一\nlead: 市卫健委\n```\n\n"
	"```task\nid: t-2\ntitle: 任务二\nlead: 市卫健委\n```\n\n"
	"```task\nid: t-1\ntitle: 任务三\nlead: 市卫健委\n```\n\n"
	"```task\nid: t-1\ntitle: 任务四\nlead: 市卫健委\n```\n\n"
	"| 序号 | 指标 | 责任单位 |\n|---|---|---|\n| 1 | 指标一 | 市卫健委 |\n";

/* The diagnostics that contain `part`, in the order they were recorded. */
static size_t find_messages(const struct diag_list *d, const char *part, const struct diag **out,
			    size_t max)
{
	size_t n = 0;

	for (size_t i = 0; i < d->count && n < max; i++)
		if (strstr(d->items[i].message, part))
			out[n++] = &d->items[i];
	return n;
}

static void load_case(const char *table, struct diag_list *d, struct model *m, struct arena *a)
{
	struct content c;
	char set[256];

	if (content_init(&c, "lookup") < 0) {
		OK(0, "lookup: temporary folder");
		return;
	}
	snprintf(set, sizeof(set),
		 "document: a\ntable: %s\ntitle: 指标\nindicators:\n"
		 "  - id: x-1\n    name: 指标一\n    direction: higher\n", table);
	content_add(&c, "site.yaml", "title: 测试站点\nbase_url: https://example.org/\n");
	content_add(&c, "departments.yaml", registry);
	content_add(&c, "policies", NULL);
	content_add(&c, "policies/a.md", task_doc);
	content_add(&c, "indicators", NULL);
	content_add(&c, "indicators/set.yaml", set);
	content_add(&c, "task-status.csv", "id,status\nt-1,done\nt-2,in-progress\nt-9,done\n");
	model_load(m, a, c.dir, NULL, "2025-01-01", NULL, 1, NULL, NULL, d);
	content_remove(&c);
}

static void test_task_ids(void)
{
	struct arena a = ARENA_INIT;
	struct diag_list d = DIAG_LIST_INIT;
	const struct diag *dup[8];
	struct model m;
	size_t n;

	load_case("1", &d, &m, &a);
	n = find_messages(&d, "duplicate task id", dup, 8);
	INT_EQ(n, 3, "lookup: a task id given three times is reported for each earlier one");
	if (n == 3) {
		INT_EQ(dup[0]->line, 24, "lookup: the second t-1 against the first");
		OK(strstr(dup[0]->message, "a.md:12"), "lookup: the second t-1 names the first");
		INT_EQ(dup[1]->line, 30, "lookup: the third t-1 against the first");
		OK(strstr(dup[1]->message, "a.md:12"), "lookup: the third t-1 names the first");
		INT_EQ(dup[2]->line, 30, "lookup: the third t-1 against the second");
		OK(strstr(dup[2]->message, "a.md:24"), "lookup: the third t-1 names the second");
	}
	n = find_messages(&d, "unknown task id", dup, 8);
	OK(n == 1 && strstr(dup[0]->message, "\"t-9\""), "lookup: a reported status of no task");
	INT_EQ(m.ntasks, 5, "lookup: five tasks");
	if (m.ntasks == 5) {
		INT_EQ(m.tasks[0]->status, TASK_DONE, "lookup: a status goes to the first task of its id");
		OK(!m.tasks[2]->status_reported, "lookup: not to a later task of the same id");
		INT_EQ(m.tasks[1]->status, TASK_IN_PROGRESS, "lookup: the status of a unique id");
		STR_EQ(m.tasks[4]->id, "a-5", "lookup: a table row's id");
	}
	INT_EQ(m.indicators.nsets ? m.indicators.sets[0]->table : -1, 1, "lookup: table 1");
	OK(!find_messages(&d, "\"table\"", dup, 8), "lookup: table 1 is fine");
	model_release(&m);
	diag_list_release(&d);
	arena_release(&a);
}

static void table_case(const char *table, const char *what)
{
	struct arena a = ARENA_INIT;
	struct diag_list d = DIAG_LIST_INIT;
	const struct diag *found[4];
	struct model m;

	load_case(table, &d, &m, &a);
	OK(find_messages(&d, "\"table\" must be a whole number from 1", found, 4) == 1, what);
	OK(!find_messages(&d, "has no table", found, 4), what);
	INT_EQ(m.indicators.nsets ? m.indicators.sets[0]->table : -1, 0, what);
	model_release(&m);
	diag_list_release(&d);
	arena_release(&a);
}

/* A content folder with its site.yaml; -1, after a failed test, when
 * there is none. */
static int content_site(struct content *c)
{
	if (content_init(c, "lookup") < 0) {
		OK(0, "lookup: temporary folder");
		return -1;
	}
	content_add(c, "site.yaml", "title: 测试站点\nbase_url: https://example.org/\n");
	return 0;
}

/* A policy (or an interpretation of `interprets`) with the document
 * number `number` and `body`, into `buf`. */
static const char *doc_text(char *buf, size_t size, const char *number, const char *interprets,
			    const char *body)
{
	snprintf(buf, size,
		 "---\ntitle: 测试文件\nissuer: 测试机关\ndate: 2024-01-02\nregion: 甲市\n"
		 "level: 市级\nkind: %s\n%s%s%s%s%s%ssummary: 一个测试文件。\n---\n%s\n",
		 interprets ? "interpretation" : "policy", number ? "doc_number: " : "",
		 number ? number : "", number ? "\n" : "", interprets ? "interprets: " : "",
		 interprets ? interprets : "", interprets ? "\n" : "", body);
	return buf;
}

/* Documents by slug and by 文号 (the first in file order of several that
 * match), and the lists the link step fills. */
static void test_doc_links(void)
{
	struct arena a = ARENA_INIT;
	struct diag_list d = DIAG_LIST_INIT;
	struct content c;
	struct model m;
	struct document *doc;
	char buf[512];
	size_t off = 99;

	if (content_site(&c) < 0)
		return;
	content_add(&c, "policies", NULL);
	content_add(&c, "policies/a.md", doc_text(buf, sizeof(buf), "甲府办〔2023〕1号", NULL,
						  "根据乙府办〔2023〕1号和乙府办［2023］1号，及府办〔2023〕2号。"));
	content_add(&c, "policies/b.md", doc_text(buf, sizeof(buf), "府办〔2023〕1号", NULL, "正文。"));
	content_add(&c, "policies/c.md", doc_text(buf, sizeof(buf), "乙府发〔2023〕1号", NULL, "正文。"));
	content_add(&c, "policies/d.md", doc_text(buf, sizeof(buf), "府办〔2023〕2号", NULL, "正文。"));
	content_add(&c, "policies/e.md", doc_text(buf, sizeof(buf), NULL, "c", "依据乙府办〔2023〕1号。"));
	content_add(&c, "policies/f.md", doc_text(buf, sizeof(buf), "乙府办〔2023〕1号", NULL, "正文。"));
	OK(model_load(&m, &a, c.dir, NULL, "2025-01-01", NULL, 1, NULL, NULL, &d) == 0 && !d.count,
	   "lookup: documents that cite each other load");
	content_remove(&c);
	doc = model_find_slug(&m, "c");
	OK(doc && doc == &m.docs[2], "lookup: a document by slug");
	OK(!model_find_slug(&m, "cc") && !model_find_slug(&m, ""), "lookup: no such slug");
	doc = model_find_docnum(&m, "根据乙府办", strlen("根据乙府办"), "〔2023〕1号", &off);
	OK(doc == &m.docs[1], "lookup: of two numbers the run ends with, the first in file order");
	INT_EQ(off, strlen("根据乙"), "lookup: where the matched number starts in the run");
	doc = model_find_docnum(&m, "根据乙府发", strlen("根据乙府发"), "〔2023〕1号", &off);
	OK(doc == &m.docs[2] && off == strlen("根据"),
	   "lookup: a later document when the earlier numbers do not match");
	OK(!model_find_docnum(&m, "乙府", strlen("乙府"), "〔2023〕1号", &off),
	   "lookup: no number is the tail of the run");
	OK(!model_find_docnum(&m, "乙府办", strlen("乙府办"), "〔2023〕3号", &off),
	   "lookup: no number has the core");
	INT_EQ(m.docs[1].ncited_by, 2, "lookup: a document cited twice by another lists it once");
	if (m.docs[1].ncited_by == 2)
		OK(m.docs[1].cited_by[0] == &m.docs[0] && m.docs[1].cited_by[1] == &m.docs[4],
		   "lookup: the documents that cite it");
	OK(m.docs[3].ncited_by == 1 && !m.docs[2].ncited_by && !m.docs[5].ncited_by,
	   "lookup: only the documents found are cited");
	OK(m.docs[2].ninterpretations == 1 && m.docs[2].interpretations[0] == &m.docs[4] &&
	   m.docs[4].interprets == &m.docs[2], "lookup: an interpretation and its policy");
	model_release(&m);
	diag_list_release(&d);
	arena_release(&a);
}

/* Each repeat of a 文号 is reported against every earlier document that
 * has it, in file order, and a number that is not one is reported. */
static void test_doc_numbers(void)
{
	struct arena a = ARENA_INIT;
	struct diag_list d = DIAG_LIST_INIT;
	const struct diag *found[8];
	struct content c;
	struct model m;
	char buf[512];
	size_t n;

	if (content_site(&c) < 0)
		return;
	content_add(&c, "policies", NULL);
	content_add(&c, "policies/a.md", doc_text(buf, sizeof(buf), "乙府办〔2023〕1号", NULL, "正文。"));
	content_add(&c, "policies/b.md", doc_text(buf, sizeof(buf), "甲府办〔2023〕1号", NULL, "正文。"));
	content_add(&c, "policies/c.md", doc_text(buf, sizeof(buf), "乙府办［2023］1 号", NULL, "正文。"));
	content_add(&c, "policies/d.md", doc_text(buf, sizeof(buf), "第一号", NULL, "正文。"));
	content_add(&c, "policies/e.md", doc_text(buf, sizeof(buf), "乙府办(2023)1号", NULL, "正文。"));
	OK(model_load(&m, &a, c.dir, NULL, "2025-01-01", NULL, 1, NULL, NULL, &d) < 0, "lookup: repeated 文号");
	content_remove(&c);
	n = find_messages(&d, "doc_number", found, 8);
	INT_EQ(n, 4, "lookup: three repeats and a number that is not one");
	if (n == 4) {
		OK(strstr(found[0]->file, "c.md") && strstr(found[0]->message, "a.md"),
		   "lookup: the second against the first");
		OK(strstr(found[1]->file, "d.md") && strstr(found[1]->message, "\"第一号\" is not"),
		   "lookup: a number that is not one, in file order");
		OK(strstr(found[2]->file, "e.md") && strstr(found[2]->message, "a.md"),
		   "lookup: the third against the first");
		OK(strstr(found[3]->file, "e.md") && strstr(found[3]->message, "c.md") &&
		   strstr(found[3]->message, "\"乙府办〔2023〕1号\""),
		   "lookup: the third against the second, normalised");
	}
	model_release(&m);
	diag_list_release(&d);
	arena_release(&a);
}

static struct indicator *indicator_by_id(const struct model *m, const char *id)
{
	for (size_t i = 0; i < m->indicators.count; i++)
		if (!strcmp(m->indicators.all[i]->id, id))
			return m->indicators.all[i];
	return NULL;
}

/* The ids of `ind`'s comparable indicators, at most `max`, joined by
 * spaces into `buf`. */
static const char *comparable_ids(const struct model *m, const char *id, size_t max, char *buf,
				  size_t size)
{
	struct indicator *ind = indicator_by_id(m, id), *same[8];
	size_t n = ind ? indicator_comparable(m, ind, same, max) : 0;

	buf[0] = '\0';
	for (size_t i = 0; i < n; i++)
		snprintf(buf + strlen(buf), size - strlen(buf), "%s%s", i ? " " : "", same[i]->id);
	return buf;
}

/* Indicators that share a compare key, in set order, at most as many as
 * asked for. */
static void test_comparable(void)
{
	struct arena a = ARENA_INIT;
	struct diag_list d = DIAG_LIST_INIT;
	struct content c;
	struct model m;
	char buf[128];

	if (content_site(&c) < 0)
		return;
	content_add(&c, "departments.yaml", registry);
	content_add(&c, "policies", NULL);
	content_add(&c, "policies/a.md", task_doc);
	content_add(&c, "indicators", NULL);
	content_add(&c, "indicators/y.yaml",
		    "document: a\ntable: 1\ntitle: 指标\nindicators:\n"
		    "  - {id: y-1, name: 一, direction: higher, compare: k1}\n"
		    "  - {id: y-2, name: 二, direction: higher, compare: k1}\n");
	content_add(&c, "indicators/x.yaml",
		    "document: a\ntable: 1\ntitle: 指标\nindicators:\n"
		    "  - {id: x-1, name: 一, direction: higher, compare: k1}\n"
		    "  - {id: x-2, name: 二, direction: higher, compare: k2}\n"
		    "  - {id: x-3, name: 三, direction: higher}\n");
	model_load(&m, &a, c.dir, NULL, "2025-01-01", NULL, 1, NULL, NULL, &d);
	content_remove(&c);
	STR_EQ(comparable_ids(&m, "y-2", 8, buf, sizeof(buf)), "x-1 y-1 y-2",
	       "lookup: indicators with one compare key, in set order");
	STR_EQ(comparable_ids(&m, "y-1", 2, buf, sizeof(buf)), "x-1 y-1",
	       "lookup: comparable indicators, at most as many as asked for");
	STR_EQ(comparable_ids(&m, "x-2", 8, buf, sizeof(buf)), "x-2",
	       "lookup: a compare key of one indicator");
	STR_EQ(comparable_ids(&m, "x-3", 8, buf, sizeof(buf)), "x-3",
	       "lookup: no compare key, the indicator alone");
	STR_EQ(comparable_ids(&m, "x-1", 0, buf, sizeof(buf)), "", "lookup: none asked for");
	model_release(&m);
	diag_list_release(&d);
	arena_release(&a);
}

void test_lookup(void)
{
	test_dept_lookup();
	test_task_ids();
	test_doc_links();
	test_doc_numbers();
	test_comparable();
	table_case("99999999999", "lookup: a table number past INT_MAX");
	table_case("\"2147483648\"", "lookup: a table number just past INT_MAX");
	table_case("0", "lookup: table 0");
	table_case("-1", "lookup: a negative table number");
	table_case("二", "lookup: a table number in words");
	table_case("\"2x\"", "lookup: a table number with more after it");
}
