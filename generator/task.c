#include "task.h"

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <stdlib.h>
#include <string.h>

#include "clause.h"
#include "csv.h"
#include "deadline.h"
#include "doccache.h"
#include "dept.h"
#include "document.h"
#include "fsio.h"
#include "markdown.h"
#include "model.h"
#include "pool.h"
#include "slug.h"
#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"
#include "yamlread.h"

static const char *const status_names[TASK_STATUS_COUNT] = {
	"overdue", "due-soon", "later", "ongoing", "done", "in-progress", "not-started",
};

static const char *const status_labels[TASK_STATUS_COUNT] = {
	"已逾期", "90天内到期", "未到期", "持续推进", "已完成", "推进中", "未启动",
};

const char *task_status_name(enum task_status s)
{
	return status_names[s];
}

const char *task_status_label(enum task_status s)
{
	return status_labels[s];
}

const char *task_deadline_source_name(enum task_deadline_source s)
{
	static const char *const names[] = { "none", "text", "table", "plan-period", "explicit" };
	return names[s];
}

const char *task_deadline_source_label(enum task_deadline_source s)
{
	static const char *const labels[] = { "无", "原文", "表格", "规划期", "编者指定" };
	return labels[s];
}

/* Days since 1970-01-01 of a full date (the proleptic Gregorian calendar). */
static long days_from_civil(const struct date *d)
{
	long y = d->year - (d->month <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long mp = (d->month + 9) % 12;
	long doy = (153 * mp + 2) / 5 + d->day - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

long task_days_between(const struct date *a, const struct date *b)
{
	return days_from_civil(b) - days_from_civil(a);
}

struct extract {
	struct model *m;
	struct arena *a;
	struct diag_list *diags;
	struct document *doc;
	struct deadline_phrase plan;	/* the plan period's end, when has_plan */
	int has_plan;
	struct dept *standing;	/* a standing rule's unit, for every later task */
	size_t ordinal;
	struct strbuf sb;
};

static struct task *new_task(struct extract *x, enum task_origin origin, unsigned line)
{
	struct task *t = arena_calloc(x->a, 1, sizeof(*t));
	struct task **slot;

	t->doc = x->doc;
	t->origin = origin;
	t->line = line;
	t->id = arena_strfmt(x->a, "%s-%zu", x->doc->slug, ++x->ordinal);
	slot = ARENA_PUSH(x->a, x->doc->tasks, x->doc->ntasks, x->doc->atasks);
	*slot = t;
	return t;
}

static void add_support(struct extract *x, struct task *t, struct dept *d)
{
	if (!d || d == t->lead)
		return;
	for (size_t i = 0; i < t->nsupports; i++)
		if (t->supports[i] == d)
			return;
	struct dept **slot = ARENA_PUSH(x->a, t->supports, t->nsupports, t->asupports);
	*slot = d;
}

/*
 * A unit written without its prefix takes the prefix of the unit before
 * it: in 市卫健委、教育局 the second is 市教育局, in 市委编办，财政局 it is
 * 市财政局 (市委财政局 is tried first and does not exist), and 市场监管局
 * after 市卫健委 is 市市场监管局. Longer prefixes are tried first.
 */
static const char *const unit_prefixes[] = {
	"市委", "省委", "区委", "县委", "市", "省", "区", "县", NULL,
};

static int has_prefix(const char *name)
{
	for (const char *const *p = unit_prefixes; *p; p++)
		if (!strncmp(name, *p, strlen(*p)))
			return 1;
	return 0;
}

static struct dept *resolve_with_prefix(struct extract *x, const char *name, const char *prev)
{
	const char *const *prefixes = unit_prefixes;
	struct dept *d;

	for (const char *const *p = prefixes; prev && *p; p++) {
		if (strncmp(prev, *p, strlen(*p)))
			continue;
		strbuf_reset(&x->sb);
		strbuf_adds(&x->sb, *p);
		strbuf_adds(&x->sb, name);
		if ((d = dept_resolve(&x->m->depts, x->doc->meta.region, x->sb.buf)))
			return d;
	}
	return NULL;
}

static struct dept *resolve_name(struct extract *x, const char *name, const char *prev,
				 unsigned line)
{
	const char *region = x->doc->meta.region;
	struct dept *d = dept_resolve(&x->m->depts, region, name);
	unsigned at_line = line, at_col = 0;
	const char *hint;

	if (d || (d = resolve_with_prefix(x, name, prev)))
		return d;
	if (!document_locate(x->doc, line, name, &at_line, &at_col))
		at_line = line;
	hint = dept_suggest(&x->m->depts, region, name);
	if (hint)
		diag_error(x->diags, x->doc->path, at_line, at_col,
			   "unknown department \"%s\" (did you mean \"%s\"?)", name, hint);
	else
		diag_error(x->diags, x->doc->path, at_line, at_col,
			   "unknown department \"%s\" in %s; add it to departments.yaml", name,
			   region);
	return NULL;
}

static void assign_units(struct extract *x, struct task *t, const struct clause *c,
			 const char *text)
{
	t->lead_text = arena_strndup(x->a, text + c->start, c->end - c->start);
	const char *prev = NULL;
	for (size_t i = 0; i < c->count; i++) {
		struct dept *d = resolve_name(x, c->units[i].name, prev, t->line);
		if (has_prefix(c->units[i].name))
			prev = c->units[i].name;
		if (c->units[i].role == CLAUSE_LEAD && !t->lead)
			t->lead = d;
		else
			add_support(x, t, d);
	}
	if (c->standing_unit)
		x->standing = resolve_name(x, c->standing_unit, NULL, t->line);
}

static void find_deadline(struct extract *x, struct task *t, const char *text, size_t len)
{
	struct deadline_phrase *ph;
	size_t n = deadline_find(x->a, text, len, &ph);
	const struct deadline_phrase *latest = NULL;

	for (size_t i = 0; i < n; i++) {
		if (ph[i].kind == DEADLINE_RECURRING)
			t->recurring = 1;
		else if (ph[i].kind == DEADLINE_ONGOING)
			t->ongoing = 1;
		if (ph[i].kind != DEADLINE_DATE)
			continue;
		struct date *slot = ARENA_PUSH(x->a, t->dates, t->ndates, t->adates);
		*slot = ph[i].date;
		if (!latest || date_compare(&ph[i].date, &latest->date) > 0)
			latest = &ph[i];
	}
	if (latest) {
		t->has_deadline = 1;
		t->deadline = latest->date;
		t->deadline_text = arena_strndup(x->a, text + latest->start, latest->end - latest->start);
		t->deadline_source = TASK_DEADLINE_TEXT;
		return;
	}
	for (size_t i = 0; i < n; i++)
		if (ph[i].kind != DEADLINE_DATE) {
			t->deadline_text = arena_strndup(x->a, text + ph[i].start,
							 ph[i].end - ph[i].start);
			t->deadline_source = TASK_DEADLINE_TEXT;
			return;
		}
}

/* After the text and any table column: the plan period, then the status. */
static void finish_task(struct extract *x, struct task *t)
{
	const struct date *as_of = &x->m->config.as_of;

	if (!t->has_deadline && !t->deadline_text && x->has_plan) {
		t->has_deadline = 1;
		t->deadline = x->plan.date;
		t->deadline_text = x->doc->meta.plan_period;
		t->deadline_source = TASK_DEADLINE_PLAN_PERIOD;
	}
	if (x->standing)
		add_support(x, t, x->standing);
	if (t->status_reported)
		return;
	if (!t->has_deadline)
		t->status = TASK_ONGOING;
	else if (task_days_between(as_of, &t->deadline) < 0)
		t->status = TASK_OVERDUE;
	else if (task_days_between(as_of, &t->deadline) <= TASK_DUE_SOON_DAYS)
		t->status = TASK_DUE_SOON;
	else
		t->status = TASK_LATER;
}

static unsigned node_line(const struct extract *x, cmark_node *n)
{
	return x->doc->body_line + (unsigned)cmark_node_get_start_line(n) - 1;
}

/* A measure whose bold lead is only its number takes the start of its text
 * (`len` bytes, before any clause) as a title, up to the first full stop or
 * 24 characters. */
static const char *untitled(struct extract *x, const char *text, size_t len)
{
	size_t pos = 0, end = 0;

	for (size_t next = 0; pos < len; pos = next) {
		next = pos;
		int32_t cp = utf8_next(text, len, &next);
		if (cp != ' ' && cp != 0x3000 && !utf8_is_punct(cp))
			break;
	}
	text += pos;
	len -= pos;
	pos = 0;
	for (int n = 0; n < 24 && pos < len; n++) {
		int32_t cp = utf8_next(text, len, &pos);
		if (cp == 0x3002 || cp == 0xFF1B)	/* 。； */
			break;
		end = pos;
	}
	if (!end)
		return "（无标题）";
	return end < len ? arena_strfmt(x->a, "%.*s…", (int)end, text)
			 : arena_strndup(x->a, text, end);
}

static void from_measure(struct extract *x, struct section *s)
{
	struct task *t = new_task(x, TASK_FROM_MEASURE, node_line(x, s->node));
	struct clause c;
	size_t numlen = strlen(s->number);
	const char *title = s->text + numlen;

	markdown_plain_text(s->node, &x->sb);
	t->text = arena_strndup(x->a, x->sb.buf, x->sb.len);
	while (*title == ' ')
		title++;
	t->number = s->number;
	t->anchor = s->id;
	cmark_node_set_user_data(s->node, s);
	s->task = t;
	size_t body_len = strlen(t->text);
	if (clause_find_trailing(x->a, t->text, body_len, &c)) {
		assign_units(x, t, &c, t->text);
		body_len = c.start;
	}
	t->title = *title ? title
		   : untitled(x, t->text + numlen, body_len > numlen ? body_len - numlen : 0);
	find_deadline(x, t, t->text, body_len);
	finish_task(x, t);
}

/* The columns of a task-breakdown table, by their header text. */
struct task_columns {
	int number, title, text, units, deadline;
};

static int header_is(const char *h, const char *const *names)
{
	for (; *names; names++)
		if (strstr(h, *names))
			return 1;
	return 0;
}

/* -1 when the table is not a task table (it has no 责任单位 column). */
static int find_columns(struct extract *x, cmark_node *header, struct task_columns *cols)
{
	static const char *const number[] = { "序号", "编号", NULL };
	static const char *const title[] = { "主要目标", "工作任务", "任务", "目标", NULL };
	static const char *const text[] = { "措施", "内容", NULL };
	static const char *const units[] = { "责任单位", "牵头单位", "责任部门", NULL };
	static const char *const deadline[] = { "时限", "完成时间", "截止", NULL };
	int i = 0;

	*cols = (struct task_columns){ -1, -1, -1, -1, -1 };
	for (cmark_node *c = cmark_node_first_child(header); c; c = cmark_node_next(c), i++) {
		markdown_plain_text(c, &x->sb);
		if (cols->units < 0 && header_is(x->sb.buf, units))
			cols->units = i;
		else if (cols->number < 0 && header_is(x->sb.buf, number))
			cols->number = i;
		else if (cols->deadline < 0 && header_is(x->sb.buf, deadline))
			cols->deadline = i;
		else if (cols->text < 0 && header_is(x->sb.buf, text))
			cols->text = i;
		else if (cols->title < 0 && header_is(x->sb.buf, title))
			cols->title = i;
	}
	return cols->units < 0 ? -1 : 0;
}

static const char *cell_text(struct extract *x, cmark_node *row, int col)
{
	cmark_node *c = cmark_node_first_child(row);

	if (col < 0)
		return "";
	for (int i = 0; c && i < col; i++)
		c = cmark_node_next(c);
	if (!c)
		return "";
	markdown_plain_text(c, &x->sb);
	return arena_strndup(x->a, x->sb.buf, x->sb.len);
}

static void table_deadline(struct extract *x, struct task *t, const char *value)
{
	struct deadline_phrase ph;
	const char *why;

	if (t->has_deadline || !*value)
		return;
	if (deadline_parse_one(value, &ph, &why) < 0) {
		diag_error(x->diags, x->doc->path, t->line, 0, "bad deadline \"%s\": %s", value, why);
		return;
	}
	t->deadline_text = value;
	t->deadline_source = TASK_DEADLINE_TABLE;
	if (ph.kind == DEADLINE_DATE) {
		t->has_deadline = 1;
		t->deadline = ph.date;
	}
}

static void from_row(struct extract *x, cmark_node *row, const struct task_columns *cols)
{
	struct task *t = new_task(x, TASK_FROM_TABLE, node_line(x, row));
	const char *number = cell_text(x, row, cols->number);
	const char *title = cell_text(x, row, cols->title);
	const char *text = cell_text(x, row, cols->text);
	const char *units = cell_text(x, row, cols->units);
	struct clause c;

	t->number = *number ? number : arena_strfmt(x->a, "%zu", x->ordinal);
	strbuf_reset(&x->sb);
	strbuf_adds(&x->sb, title);
	while (x->sb.len >= 3 && !strcmp(x->sb.buf + x->sb.len - 3, "。"))
		strbuf_setlen(&x->sb, x->sb.len - 3);
	t->title = arena_strndup(x->a, x->sb.buf, x->sb.len);
	t->text = *text ? arena_strfmt(x->a, "%s %s", title, text) : title;
	strbuf_reset(&x->sb);
	strbuf_addf(&x->sb, "任务-%s", t->number);
	t->anchor = document_claim_id(x->doc, x->a, x->sb.buf);
	cmark_node_set_user_data(row, t);
	if (clause_parse_units(x->a, units, strlen(units), &c) && c.count)
		assign_units(x, t, &c, units);
	find_deadline(x, t, t->text, strlen(t->text));
	table_deadline(x, t, cell_text(x, row, cols->deadline));
	finish_task(x, t);
}

static void from_table(struct extract *x, cmark_node *table)
{
	cmark_node *header = cmark_node_first_child(table);
	struct task_columns cols;

	if (!header || find_columns(x, header, &cols) < 0)
		return;
	for (cmark_node *row = cmark_node_next(header); row; row = cmark_node_next(row))
		from_row(x, row, &cols);
}

static const char *const block_keys[] = {
	"id", "number", "title", "text", "lead", "supports", "deadline", "status", NULL,
};

static int parse_reported(const char *v, enum task_status *out)
{
	for (int s = TASK_DONE; s <= TASK_NOT_STARTED; s++)
		if (!strcmp(v, status_names[s])) {
			*out = (enum task_status)s;
			return 0;
		}
	return -1;
}

static const char *block_text(struct extract *x, const struct ynode *root, const char *key,
			      const char *path)
{
	const struct ynode *n = yaml_get(root, key);

	return n ? yaml_scalar(n, key, path, x->diags) : NULL;
}

static void block_units(struct extract *x, struct task *t, const struct ynode *root)
{
	const struct ynode *lead = yaml_get(root, "lead"), *sup = yaml_get(root, "supports");
	const char *path = x->doc->path;
	const char *prev = lead && lead->kind == YAML_SCALAR ? lead->value : NULL;

	if (prev)
		t->lead = resolve_name(x, prev, NULL, lead->line);
	if (!sup)
		return;
	if (sup->kind == YAML_SCALAR) {
		add_support(x, t, resolve_name(x, sup->value, prev, sup->line));
		return;
	}
	for (size_t i = 0; sup->kind == YAML_SEQUENCE && i < sup->count; i++) {
		const char *v = yaml_scalar(sup->items[i], "supports", path, x->diags);
		if (v)
			add_support(x, t, resolve_name(x, v, prev, sup->items[i]->line));
		if (v && has_prefix(v))
			prev = v;
	}
}

static void block_deadline_status(struct extract *x, struct task *t, const struct ynode *root)
{
	const struct ynode *n;
	struct deadline_phrase ph;
	const char *why;

	if ((n = yaml_get(root, "deadline")) && n->kind == YAML_SCALAR) {
		if (deadline_parse_one(n->value, &ph, &why) < 0) {
			diag_error(x->diags, x->doc->path, n->line, n->col, "bad deadline \"%s\": %s",
				   n->value, why);
		} else {
			t->deadline_text = n->value;
			t->deadline_source = TASK_DEADLINE_EXPLICIT;
			t->has_deadline = ph.kind == DEADLINE_DATE;
			t->deadline = ph.date;
			t->ongoing = ph.kind == DEADLINE_ONGOING;
			t->recurring = ph.kind == DEADLINE_RECURRING;
		}
	}
	if ((n = yaml_get(root, "status")) && n->kind == YAML_SCALAR) {
		if (parse_reported(n->value, &t->status) < 0)
			diag_error(x->diags, x->doc->path, n->line, n->col,
				   "unknown status \"%s\"; use done, in-progress or not-started",
				   n->value);
		else
			t->status_reported = 1;
	}
}

static void from_block(struct extract *x, cmark_node *code)
{
	const char *src = cmark_node_get_literal(code);
	unsigned line = node_line(x, code);
	struct ynode *root = yaml_read(x->a, src, strlen(src), x->doc->path, line + 1, x->diags);
	const char *path = x->doc->path;
	struct task *t;

	if (!root)
		return;
	if (root->kind != YAML_MAPPING || yaml_check_keys(root, block_keys, path, x->diags) < 0) {
		if (root->kind != YAML_MAPPING)
			diag_error(x->diags, path, line, 1,
				   "a task block holds a YAML mapping (title, lead, deadline, …)");
		return;
	}
	t = new_task(x, TASK_FROM_BLOCK, line);
	const char *id = block_text(x, root, "id", path);
	if (id && slug_is_valid(id))
		t->id = id;
	else if (id)
		diag_error(x->diags, path, yaml_get(root, "id")->line, yaml_get(root, "id")->col,
			   "bad task id \"%s\": use lower-case ASCII letters, digits and '-'", id);
	t->title = block_text(x, root, "title", path);
	if (!t->title) {
		diag_error(x->diags, path, line, 1, "task block without \"title\"");
		t->title = "";
	}
	t->text = block_text(x, root, "text", path);
	if (!t->text)
		t->text = t->title;
	t->number = block_text(x, root, "number", path);
	if (!t->number)
		t->number = "";
	strbuf_reset(&x->sb);
	strbuf_addf(&x->sb, "task-%s", t->id);
	t->anchor = document_claim_id(x->doc, x->a, x->sb.buf);
	cmark_node_set_user_data(code, t);
	block_units(x, t, root);
	block_deadline_status(x, t, root);
	if (!t->deadline_text)
		find_deadline(x, t, t->text, strlen(t->text));
	finish_task(x, t);
}

static int is_task_block(cmark_node *n)
{
	const char *info = cmark_node_get_fence_info(n);

	return info && !strcmp(info, "task");
}

static void extract_document(struct extract *x, struct document *d)
{
	x->doc = d;
	x->standing = NULL;
	x->ordinal = 0;
	x->has_plan = d->meta.plan_period &&
		      deadline_plan_period_end(d->meta.plan_period, &x->plan.date) == 0;
	if (d->meta.plan_period && !x->has_plan)
		diag_warning(x->diags, d->path, 0, 0,
			     "plan_period \"%s\" is not a period the generator understands "
			     "(e.g. 2021-2025, 十四五, 2024年度)", d->meta.plan_period);
	for (cmark_node *n = cmark_node_first_child(d->root); n; n = cmark_node_next(n)) {
		struct section *s = cmark_node_get_user_data(n);
		if (cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH && s && s->is_measure &&
		    !d->meta.no_tasks)
			from_measure(x, s);
		else if (!strcmp(markdown_type(n), "table"))
			from_table(x, n);
		else if (cmark_node_get_type(n) == CMARK_NODE_CODE_BLOCK && is_task_block(n))
			from_block(x, n);
	}
}

static void link_departments(struct model *m, struct arena *a)
{
	for (size_t i = 0; i < m->ntasks; i++) {
		struct task *t = m->tasks[i];
		if (t->lead) {
			struct task **slot = ARENA_PUSH(a, t->lead->led, t->lead->nled, t->lead->aled);
			*slot = t;
		}
		for (size_t k = 0; k < t->nsupports; k++) {
			struct dept *d = t->supports[k];
			struct task **slot = ARENA_PUSH(a, d->supported, d->nsupported, d->asupported);
			*slot = t;
		}
	}
}

/* A task's id and its place in m->tasks. */
struct id_entry {
	const char *id;
	size_t task;
	size_t first;	/* where the run of entries with this id starts */
};

static int compare_ids(const void *pa, const void *pb)
{
	const struct id_entry *a = pa, *b = pb;
	int c = strcmp(a->id, b->id);

	return c ? c : (a->task > b->task) - (a->task < b->task);
}

/* Every task id, sorted, with task order breaking ties, so that lookups and
 * the check for repeats take n log n rather than n² comparisons. */
static struct id_entry *sort_ids(const struct model *m)
{
	struct id_entry *ids = xcalloc(m->ntasks ? m->ntasks : 1, sizeof(*ids));

	for (size_t i = 0; i < m->ntasks; i++)
		ids[i] = (struct id_entry){ m->tasks[i]->id, i, 0 };
	if (m->ntasks)
		qsort(ids, m->ntasks, sizeof(*ids), compare_ids);
	for (size_t k = 1; k < m->ntasks; k++)
		ids[k].first = strcmp(ids[k].id, ids[k - 1].id) ? k : ids[k - 1].first;
	return ids;
}

/* Each repeat is reported at every later task against every earlier one,
 * in task order, as the pairwise comparison this replaces did. */
static int report_repeats(const struct model *m, const struct id_entry *ids,
			  struct diag_list *diags)
{
	size_t *rank = xcalloc(m->ntasks, sizeof(*rank));
	int ret = 0;

	for (size_t k = 0; k < m->ntasks; k++)
		rank[ids[k].task] = k;
	for (size_t i = 0; i < m->ntasks; i++) {
		const struct task *t = m->tasks[i];
		for (size_t k = ids[rank[i]].first; k < rank[i]; k++) {
			const struct task *o = m->tasks[ids[k].task];
			ret = diag_error(diags, t->doc->path, t->line, 0,
					 "duplicate task id \"%s\", also at %s:%u", t->id,
					 o->doc->path, o->line);
		}
	}
	free(rank);
	return ret;
}

static int check_ids(const struct model *m, struct diag_list *diags)
{
	struct id_entry *ids = sort_ids(m);
	int ret = 0;

	for (size_t k = 1; k < m->ntasks; k++)
		if (ids[k].first != k) {
			ret = report_repeats(m, ids, diags);
			break;
		}
	free(ids);
	return ret;
}

/* The documents' tasks are found on the pool, each document's into an
 * arena of its own, and then listed in document order. */
struct extract_run {
	struct model *m;
	struct arena *arenas;
	struct diag_list *diags;
};

/* A document from the cache has its tasks already and gives the warnings
 * it gave when they were found. */
static int extract_one(void *ctx, size_t i)
{
	struct extract_run *run = ctx;
	struct document *d = &run->m->docs[i];
	struct diag_list found = DIAG_LIST_INIT;
	struct extract x = { .m = run->m, .a = &run->arenas[i], .diags = &found };

	if (d->lazy) {
		doccache_replay_extracted(run->m->cache, i, run->diags);
		return 0;
	}
	found.werror = run->diags->werror;
	strbuf_init(&x.sb);
	extract_document(&x, d);
	strbuf_release(&x.sb);
	if (run->m->cache)
		doccache_put_extracted(run->m->cache, i, d, &found);
	diag_list_append(run->diags, &found);
	diag_list_release(&found);
	return 0;
}

int task_extract_all(struct model *m, struct arena *a, int jobs, struct diag_list *diags)
{
	struct extract_run run = { m, xcalloc(m->ndocs ? m->ndocs : 1, sizeof(*run.arenas)), diags };
	size_t errors = diags->errors, n = 0;

	pool_for(m->ndocs, jobs, extract_one, &run);
	for (size_t i = 0; i < m->ndocs; i++) {
		arena_adopt(a, &run.arenas[i]);
		n += m->docs[i].ntasks;
	}
	free(run.arenas);
	m->tasks = arena_calloc(a, n ? n : 1, sizeof(*m->tasks));
	m->ntasks = m->atasks = n;
	n = 0;
	for (size_t i = 0; i < m->ndocs; i++)
		for (size_t k = 0; k < m->docs[i].ntasks; k++) {
			m->docs[i].tasks[k]->index = n;
			m->tasks[n++] = m->docs[i].tasks[k];
		}
	link_departments(m, a);
	if (check_ids(m, diags) < 0)
		return -1;
	return diags->errors > errors ? -1 : 0;
}

/* The first task with `id`, in `ids` from sort_ids. */
static struct task *find_task(const struct model *m, const struct id_entry *ids, const char *id)
{
	size_t lo = 0, hi = m->ntasks;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(ids[mid].id, id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < m->ntasks && !strcmp(ids[lo].id, id) ? m->tasks[ids[lo].task] : NULL;
}

int task_read_reported(struct model *m, struct arena *a, const char *path,
		       struct diag_list *diags)
{
	struct strbuf text = STRBUF_INIT;
	struct csv_table csv;
	struct id_entry *ids;
	int ret = 0, id_col, status_col;

	if (!fsio_is_file(path))
		return 0;
	if (fsio_read_text(path, &text, diags) < 0 ||
	    csv_parse(&csv, a, text.buf, text.len, path, diags) < 0) {
		strbuf_release(&text);
		return -1;
	}
	strbuf_release(&text);
	id_col = csv_column(&csv, "id");
	status_col = csv_column(&csv, "status");
	if (id_col < 0 || status_col < 0)
		return diag_error(diags, path, 1, 1, "the header must name the columns id and status");
	ids = sort_ids(m);
	for (size_t r = 1; r < csv.count; r++) {
		const struct csv_row *row = &csv.rows[r];
		struct task *t = find_task(m, ids, row->fields[id_col]);
		enum task_status s;
		if (!t) {
			ret = diag_error(diags, path, row->line, row->cols[id_col], "unknown task id \"%s\"",
					 row->fields[id_col]);
		} else if (parse_reported(row->fields[status_col], &s) < 0) {
			ret = diag_error(diags, path, row->line, row->cols[status_col],
					 "unknown status \"%s\"; use done, in-progress or not-started",
					 row->fields[status_col]);
		} else {
			t->status = s;
			t->status_reported = 1;
		}
	}
	free(ids);
	return ret;
}
