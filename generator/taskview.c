#include "taskview.h"

#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "strbuf.h"
#include "xalloc.h"

void taskview_dept_path(const struct model *m, const struct dept *d, struct strbuf *out)
{
	strbuf_reset(out);
	strbuf_addf(out, "%sdepartments/%s/", m->config.base_path, d->id);
}

void taskview_task_path(const struct model *m, const struct task *t, struct strbuf *out)
{
	strbuf_reset(out);
	strbuf_addf(out, "%spolicies/%s/#%s", m->config.base_path, t->doc->slug, t->anchor);
}

void taskview_dept_link(const struct model *m, xmlNodePtr parent, const struct dept *d)
{
	struct strbuf href = STRBUF_INIT;

	taskview_dept_path(m, d, &href);
	xmlNodePtr a = html_link(parent, href.buf, d->short_name ? d->short_name : d->name);
	if (d->short_name)
		html_attr(a, "title", d->name);
	strbuf_release(&href);
}

static void dept_list(const struct model *m, xmlNodePtr parent, struct dept *const *d, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			html_text(parent, "、");
		taskview_dept_link(m, parent, d[i]);
	}
}

void taskview_deadline(xmlNodePtr parent, const struct task *t, int with_source)
{
	struct strbuf sb = STRBUF_INIT;

	if (t->has_deadline) {
		char iso[11], zh[32];
		xmlNodePtr time = html_el(parent, "time", NULL);
		date_format(&t->deadline, iso);
		date_format_zh(&t->deadline, zh);
		html_attr(time, "datetime", iso);
		html_text(time, zh);
	} else if ((t->recurring || t->ongoing) && t->deadline_text) {
		html_text(parent, t->recurring ? "周期性：" : "持续：");
		html_text(parent, t->deadline_text);
	} else {
		html_text(parent, "未明确");
	}
	if (with_source && t->deadline_source != TASK_DEADLINE_NONE) {
		strbuf_addf(&sb, "（依据%s", task_deadline_source_label(t->deadline_source));
		if (t->deadline_text)
			strbuf_addf(&sb, "“%s”", t->deadline_text);
		strbuf_adds(&sb, "）");
		html_text(html_el(parent, "span", "deadline-source"), sb.buf);
	}
	strbuf_release(&sb);
}

void taskview_status(xmlNodePtr parent, const struct task *t)
{
	struct strbuf cls = STRBUF_INIT;

	strbuf_addf(&cls, "status status-%s", task_status_name(t->status));
	html_text(html_el(parent, "span", cls.buf), task_status_label(t->status));
	strbuf_release(&cls);
}

static xmlNodePtr card_row(xmlNodePtr dl, const char *label)
{
	xmlNodePtr div = html_el(dl, "div", NULL);

	html_text(html_el(div, "dt", NULL), label);
	return html_el(div, "dd", NULL);
}

void taskview_card(const struct model *m, xmlNodePtr parent, const struct task *t)
{
	xmlNodePtr card = html_el(parent, "div", "task-card");
	xmlNodePtr dl = html_el(card, "dl", NULL);
	struct strbuf label = STRBUF_INIT;

	strbuf_addf(&label, "任务%s", t->number);
	html_attr(card, "role", "group");
	html_attr(card, "aria-label", label.buf);
	if (t->lead)
		taskview_dept_link(m, card_row(dl, "牵头"), t->lead);
	else
		html_text(card_row(dl, "牵头"), "原文未指定");
	if (t->nsupports)
		dept_list(m, card_row(dl, "配合"), t->supports, t->nsupports);
	taskview_deadline(card_row(dl, "期限"), t, 1);
	taskview_status(card_row(dl, "状态"), t);
	strbuf_release(&label);
}

static void data_attrs(xmlNodePtr tr, const struct task *t, size_t order)
{
	struct strbuf sb = STRBUF_INIT;
	char iso[11] = "", year[8] = "none";

	html_attr(tr, "data-doc", t->doc->slug);
	html_attr(tr, "data-region", t->doc->meta.region);
	html_attr(tr, "data-lead", t->lead ? t->lead->id : "");
	for (size_t i = 0; i < t->nsupports; i++)
		strbuf_addf(&sb, "%s%s", i ? " " : "", t->supports[i]->id);
	html_attr(tr, "data-supports", sb.buf);
	html_attr(tr, "data-status", task_status_name(t->status));
	if (t->has_deadline) {
		date_format(&t->deadline, iso);
		snprintf(year, sizeof(year), "%04d", t->deadline.year);
	}
	html_attr(tr, "data-year", year);
	html_attr(tr, "data-deadline", iso);
	strbuf_reset(&sb);
	strbuf_addf(&sb, "%zu", order);
	html_attr(tr, "data-order", sb.buf);
	strbuf_release(&sb);
}

static void table_head(xmlNodePtr table, int with_data)
{
	static const struct { const char *label, *sort; } cols[] = {
		{ "文件", "doc" }, { "编号", "number" }, { "任务", "title" },
		{ "牵头单位", "lead" }, { "配合单位", NULL }, { "截止日期", "deadline" },
		{ "状态", "status" },
	};
	xmlNodePtr tr = html_el(html_el(table, "thead", NULL), "tr", NULL);

	for (size_t i = 0; i < sizeof(cols) / sizeof(*cols); i++) {
		xmlNodePtr th = html_el(tr, "th", NULL);
		html_attr(th, "scope", "col");
		if (with_data && cols[i].sort)
			html_attr(th, "data-sort", cols[i].sort);
		html_text(th, cols[i].label);
	}
}

void taskview_table(const struct model *m, xmlNodePtr parent, struct task *const *tasks,
		    size_t n, const char *label, int with_data)
{
	xmlNodePtr table = html_table(parent, label, "task-table"), body;
	struct strbuf href = STRBUF_INIT;

	if (with_data)
		html_attr(table, "id", "task-table");
	table_head(table, with_data);
	body = html_el(table, "tbody", NULL);
	for (size_t i = 0; i < n; i++) {
		const struct task *t = tasks[i];
		xmlNodePtr tr = html_el(body, "tr", NULL);
		if (with_data) {
			strbuf_reset(&href);
			strbuf_addf(&href, "t-%s", t->id);
			html_attr(tr, "id", href.buf);
			data_attrs(tr, t, i);
		}
		strbuf_reset(&href);
		strbuf_addf(&href, "%spolicies/%s/", m->config.base_path, t->doc->slug);
		html_link(html_el(tr, "td", NULL), href.buf, t->doc->meta.title);
		html_text(html_el(tr, "td", "task-number"), t->number);
		taskview_task_path(m, t, &href);
		html_link(html_el(tr, "td", NULL), href.buf, t->title);
		xmlNodePtr lead = html_el(tr, "td", NULL);
		if (t->lead)
			taskview_dept_link(m, lead, t->lead);
		dept_list(m, html_el(tr, "td", NULL), t->supports, t->nsupports);
		taskview_deadline(html_el(tr, "td", NULL), t, 0);
		taskview_status(html_el(tr, "td", NULL), t);
	}
	strbuf_release(&href);
}

void taskview_count_status(struct task *const *tasks, size_t n, size_t counts[TASK_STATUS_COUNT])
{
	memset(counts, 0, sizeof(size_t) * TASK_STATUS_COUNT);
	for (size_t i = 0; i < n; i++)
		counts[tasks[i]->status]++;
}

static int compare_deadline(const void *pa, const void *pb)
{
	const struct task *a = *(struct task *const *)pa, *b = *(struct task *const *)pb;
	int c = date_compare(&a->deadline, &b->deadline);

	return c ? c : strcmp(a->id, b->id);
}

size_t taskview_upcoming(const struct model *m, struct task *const *tasks, size_t n,
			 struct task **out, size_t max)
{
	struct task **all = xmalloc((n ? n : 1) * sizeof(*all));
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		const struct task *t = tasks[i];
		if (t->has_deadline && t->status != TASK_DONE &&
		    date_compare(&t->deadline, &m->config.as_of) >= 0)
			all[k++] = tasks[i];
	}
	if (k)
		qsort(all, k, sizeof(*all), compare_deadline);
	if (k > max)
		k = max;
	memcpy(out, all, k * sizeof(*all));
	free(all);
	return k;
}

static void slot_count(xmlDocPtr page, const char *slot, size_t n)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%zu", n);
	html_slot_text(page, slot, buf);
}

static size_t count_depts(struct task *const *tasks, size_t n)
{
	const struct dept **seen = xmalloc((n * 8 + 1) * sizeof(*seen));
	size_t count = 0, cap = n * 8 + 1;

	for (size_t i = 0; i < n; i++) {
		const struct task *t = tasks[i];
		for (size_t k = 0; k <= t->nsupports; k++) {
			const struct dept *d = k ? t->supports[k - 1] : t->lead;
			size_t j = 0;
			while (d && j < count && seen[j] != d)
				j++;
			if (d && j == count) {
				if (count == cap) {
					cap *= 2;
					seen = xrealloc(seen, cap * sizeof(*seen));
				}
				seen[count++] = d;
			}
		}
	}
	free(seen);
	return count;
}

void taskview_glance(const struct model *m, xmlDocPtr page, struct task *const *tasks, size_t n,
		     size_t measures)
{
	size_t counts[TASK_STATUS_COUNT], led = 0;

	if (!n)
		return;
	html_slot(page, "glance");
	taskview_count_status(tasks, n, counts);
	for (size_t i = 0; i < n; i++)
		led += tasks[i]->lead != NULL;
	slot_count(page, "g-measures", measures);
	slot_count(page, "g-tasks", n);
	slot_count(page, "g-led", led);
	slot_count(page, "g-depts", count_depts(tasks, n));
	slot_count(page, "g-overdue", counts[TASK_OVERDUE]);
	taskview_due_next(m, page, "g-next-section", "g-next", tasks, n);
}

void taskview_due_next(const struct model *m, xmlDocPtr page, const char *section,
		       const char *slot, struct task *const *tasks, size_t n)
{
	struct task *next[TASKVIEW_DUE_NEXT];
	struct strbuf href = STRBUF_INIT;
	size_t k = taskview_upcoming(m, tasks, n, next, TASKVIEW_DUE_NEXT);
	xmlNodePtr list;

	if (!k)
		return;
	html_slot(page, section);
	list = html_slot(page, slot);
	for (size_t i = 0; list && i < k; i++) {
		xmlNodePtr li = html_el(list, "li", NULL);
		taskview_deadline(li, next[i], 0);
		html_text(li, " ");
		taskview_task_path(m, next[i], &href);
		html_link(li, href.buf, next[i]->title);
	}
	strbuf_release(&href);
}

const char *taskview_dept_kind(const char *kind)
{
	static const char *const kinds[][2] = {
		{ "government", "政府部门" }, { "party", "党委部门" },
		{ "collective", "下级政府（统称）" }, { "agency", "事业单位" },
		{ "hospital", "医疗机构" }, { "regulator", "中央驻地监管机构" },
		{ "group", "议事协调机构" }, { "other", "其他" },
	};

	for (size_t i = 0; i < sizeof(kinds) / sizeof(*kinds); i++)
		if (!strcmp(kind, kinds[i][0]))
			return kinds[i][1];
	return kind;
}

void taskview_dept_options(const struct model *m, xmlNodePtr select,
			   int (*keep)(const struct dept *d))
{
	xmlNodePtr group = NULL;
	const char *region = NULL;

	for (size_t i = 0; select && i < m->depts.count; i++) {
		const struct dept *d = &m->depts.items[i];
		if (!keep(d))
			continue;
		if (!region || strcmp(region, d->region)) {
			region = d->region;
			group = html_el(select, "optgroup", NULL);
			html_attr(group, "label", region);
		}
		xmlNodePtr opt = html_el(group, "option", NULL);
		html_attr(opt, "value", d->id);
		html_text(opt, d->name);
	}
}
