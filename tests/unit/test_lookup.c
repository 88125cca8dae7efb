/* Unit tests of the model's lookups: departments by name, alias and id,
 * repeated task ids, reported statuses, and an indicator set's table
 * number. Each case writes a small content folder to /tmp. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "dept.h"
#include "diag.h"
#include "harness.h"
#include "model.h"

/* A content folder under /tmp and the files written in it, removed by
 * content_remove in reverse order. */
struct content {
	char dir[64];
	char paths[16][128];
	size_t count;
};

static int content_init(struct content *c)
{
	snprintf(c->dir, sizeof(c->dir), "/tmp/policysite-lookup-XXXXXX");
	c->count = 0;
	return mkdtemp(c->dir) ? 0 : -1;
}

static void content_add(struct content *c, const char *name, const char *text)
{
	char *path = c->paths[c->count++], buf[sizeof(c->paths[0])];
	FILE *f;

	snprintf(buf, sizeof(buf), "%s/%s", c->dir, name);
	memcpy(path, buf, sizeof(buf));
	if (!text) {
		mkdir(path, 0700);
		return;
	}
	if ((f = fopen(path, "wb"))) {
		fputs(text, f);
		fclose(f);
	}
}

static void content_remove(struct content *c)
{
	while (c->count--)
		remove(c->paths[c->count]);
	rmdir(c->dir);
}

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

	if (content_init(&c) < 0) {
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

	if (content_init(&c) < 0) {
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
	model_load(m, a, c.dir, NULL, "2025-01-01", NULL, d);
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

void test_lookup(void)
{
	test_dept_lookup();
	test_task_ids();
	table_case("99999999999", "lookup: a table number past INT_MAX");
	table_case("\"2147483648\"", "lookup: a table number just past INT_MAX");
	table_case("0", "lookup: table 0");
	table_case("-1", "lookup: a negative table number");
	table_case("二", "lookup: a table number in words");
	table_case("\"2x\"", "lookup: a table number with more after it");
}
