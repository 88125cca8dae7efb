#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "output.h"
#include "strbuf.h"
#include "svg.h"
#include "taskview.h"
#include "xalloc.h"

static void add_option(xmlNodePtr select, const char *value, const char *label)
{
	xmlNodePtr opt = html_el(select, "option", NULL);

	html_attr(opt, "value", value);
	html_text(opt, label);
}

static int dept_has_tasks(const struct dept *d)
{
	return d->nled || d->nsupported;
}

static void filter_options(const struct model *m, xmlDocPtr page)
{
	xmlNodePtr sel;
	int years[64], nyears = 0, none = 0;
	char buf[16];

	if ((sel = html_slot(page, "opt-dept")))
		taskview_dept_options(m, sel, dept_has_tasks);
	if ((sel = html_slot(page, "opt-region"))) {
		size_t n;
		const char **regions = model_regions(m, 0, 1, &n);
		for (size_t i = 0; i < n; i++)
			add_option(sel, regions[i], regions[i]);
		free(regions);
	}
	if ((sel = html_slot(page, "opt-doc")))
		for (size_t i = 0; i < m->ndocs; i++)
			if (m->docs[i].ntasks)
				add_option(sel, m->docs[i].slug, m->docs[i].meta.title);
	for (size_t i = 0; i < m->ntasks; i++) {
		const struct task *t = m->tasks[i];
		int k = 0;
		if (!t->has_deadline) {
			none = 1;
			continue;
		}
		while (k < nyears && years[k] < t->deadline.year)
			k++;
		if ((k < nyears && years[k] == t->deadline.year) || nyears == 64)
			continue;
		memmove(years + k + 1, years + k, (size_t)(nyears - k) * sizeof(*years));
		years[k] = t->deadline.year;
		nyears++;
	}
	if (!(sel = html_slot(page, "opt-year")))
		return;
	for (int k = 0; k < nyears; k++) {
		snprintf(buf, sizeof(buf), "%d", years[k]);
		add_option(sel, buf, buf);
	}
	if (none)
		add_option(sel, "none", "无明确期限");
}

static void slot_as_of(const struct model *m, xmlDocPtr page)
{
	char zh[32];

	date_format_zh(&m->config.as_of, zh);
	html_slot_text(page, "as-of", zh);
}

static int write_tasks(struct output *o)
{
	const struct model *m = o->model;
	xmlDocPtr page;
	struct strbuf sb = STRBUF_INIT;
	xmlNodePtr slot;

	if (output_reuse_overview(o, "tasks/index.html"))
		return 0;
	page = html_page_new(o->templates, TEMPLATE_TASKS);
	slot_as_of(m, page);
	filter_options(m, page);
	strbuf_addf(&sb, "共 %zu 项任务", m->ntasks);
	html_slot_text(page, "task-count", sb.buf);
	if ((slot = html_slot(page, "task-table")))
		taskview_table(m, slot, m->tasks, m->ntasks, "任务表", 1);
	strbuf_release(&sb);
	output_fill_layout(o, page, "tasks/", NULL);
	return output_page(o, "tasks/index.html", page);
}

static void region_table(const struct model *m, xmlNodePtr parent, size_t from, size_t to)
{
	static const char *const heads[] = { "部门", "类别", "牵头任务", "配合任务" };
	xmlNodePtr table = html_table(parent, m->depts.items[from].region, NULL), tr, body;
	char buf[32];

	tr = html_table_head(table, heads, 4);
	for (xmlNodePtr th = tr->children; th; th = th->next)
		if (th != tr->children && th != tr->children->next)
			html_attr(th, "class", "align-right");
	body = html_el(table, "tbody", NULL);
	for (size_t i = from; i < to; i++) {
		const struct dept *d = &m->depts.items[i];
		tr = html_el(body, "tr", NULL);
		taskview_dept_link(m, html_el(tr, "td", NULL), d);
		html_text(html_el(tr, "td", NULL), taskview_dept_kind(d->kind));
		snprintf(buf, sizeof(buf), "%zu", d->nled);
		html_text(html_el(tr, "td", "align-right"), buf);
		snprintf(buf, sizeof(buf), "%zu", d->nsupported);
		html_text(html_el(tr, "td", "align-right"), buf);
	}
}

static int write_departments(struct output *o)
{
	const struct model *m = o->model;
	xmlDocPtr page;
	xmlNodePtr slot;
	struct strbuf sb = STRBUF_INIT;

	if (output_reuse_overview(o, "departments/index.html"))
		return 0;
	page = html_page_new(o->templates, TEMPLATE_DEPARTMENTS);
	slot = html_slot(page, "regions");
	for (size_t i = 0; slot && i < m->depts.count;) {
		size_t j = i;
		while (j < m->depts.count && !strcmp(m->depts.items[j].region, m->depts.items[i].region))
			j++;
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%s（%zu 个部门）", m->depts.items[i].region, j - i);
		html_text(html_el(slot, "h2", NULL), sb.buf);
		region_table(m, slot, i, j);
		i = j;
	}
	strbuf_release(&sb);
	output_fill_layout(o, page, "departments/", NULL);
	return output_page(o, "departments/index.html", page);
}

static void dept_meta(xmlDocPtr page, const struct dept *d)
{
	xmlNodePtr dd;

	html_slot_text(page, "dept-region", d->region);
	html_slot_text(page, "dept-name", d->name);
	html_slot_text(page, "level", d->level);
	html_slot_text(page, "kind", taskview_dept_kind(d->kind));
	if (d->short_name || d->aliases.count) {
		html_slot(page, "row-aliases");
		dd = html_slot(page, "aliases");
		if (d->short_name)
			html_text(dd, d->short_name);
		for (size_t i = 0; i < d->aliases.count; i++) {
			if (i || d->short_name)
				html_text(dd, "、");
			html_text(dd, d->aliases.items[i]);
		}
	}
}

static void dept_next(const struct model *m, xmlDocPtr page, const struct dept *d)
{
	size_t n = d->nled + d->nsupported;
	struct task **all = xmalloc((n ? n : 1) * sizeof(*all));

	if (d->nled)
		memcpy(all, d->led, d->nled * sizeof(*all));
	if (d->nsupported)
		memcpy(all + d->nled, d->supported, d->nsupported * sizeof(*all));
	taskview_due_next(m, page, "next-section", "next", all, n);
	free(all);
}

static int write_department(struct output *o, const struct dept *d)
{
	const struct model *m = o->model;
	xmlDocPtr page;
	struct strbuf path = STRBUF_INIT;
	size_t counts[TASK_STATUS_COUNT], sup[TASK_STATUS_COUNT];
	xmlNodePtr slot;
	int ret;

	strbuf_addf(&path, "departments/%s/index.html", d->id);
	if (output_reuse(o, path.buf, pagekey_dept(o->keys, "department", d))) {
		strbuf_release(&path);
		return 0;
	}
	strbuf_reset(&path);
	page = html_page_new(o->templates, TEMPLATE_DEPARTMENT);
	dept_meta(page, d);
	strbuf_addf(&path, "%sdepartments/%s/deadlines.ics", m->config.base_path, d->id);
	html_slot_attr(page, "ics", "href", path.buf);
	taskview_count_status(d->led, d->nled, counts);
	taskview_count_status(d->supported, d->nsupported, sup);
	for (int s = 0; s < TASK_STATUS_COUNT; s++)
		counts[s] += sup[s];
	if ((slot = html_slot(page, "summary")))
		svg_status_bars(slot, counts, "牵头和配合任务按状态统计");
	dept_next(m, page, d);
	if (d->nled && (slot = html_slot(page, "led")))
		taskview_table(m, slot, d->led, d->nled, "牵头的任务", 0);
	else
		html_slot(page, "led-none");
	if (d->nsupported && (slot = html_slot(page, "supported")))
		taskview_table(m, slot, d->supported, d->nsupported, "配合的任务", 0);
	else
		html_slot(page, "supported-none");
	strbuf_reset(&path);
	strbuf_addf(&path, "%s（%s）在本站政策文件中牵头 %zu 项、配合 %zu 项任务：按状态统计、"
		    "近期截止的任务和全部任务表。", d->name, d->region, d->nled, d->nsupported);
	char *description = strbuf_detach(&path, NULL);
	strbuf_addf(&path, "departments/%s/", d->id);
	output_fill_layout(o, page, path.buf, description);
	free(description);
	strbuf_adds(&path, "index.html");
	ret = output_page(o, path.buf, page);
	strbuf_release(&path);
	return ret;
}

static int compare_deadline(const void *pa, const void *pb)
{
	const struct task *a = *(struct task *const *)pa, *b = *(struct task *const *)pb;
	int c = date_compare(&a->deadline, &b->deadline);

	return c ? c : strcmp(a->id, b->id);
}

static void by_month(const struct model *m, xmlNodePtr parent, struct task **dated, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	xmlNodePtr list = NULL;

	for (size_t i = 0; i < n; i++) {
		const struct task *t = dated[i];
		if (!i || t->deadline.year != dated[i - 1]->deadline.year ||
		    t->deadline.month != dated[i - 1]->deadline.month) {
			strbuf_reset(&sb);
			strbuf_addf(&sb, "%d年%d月", t->deadline.year, t->deadline.month);
			html_text(html_el(parent, "h3", NULL), sb.buf);
			list = html_el(parent, "ul", "due-list");
		}
		xmlNodePtr li = html_el(list, "li", NULL);
		taskview_status(li, t);
		html_text(li, " ");
		taskview_task_path(m, t, &sb);
		html_link(li, sb.buf, t->title);
		strbuf_reset(&sb);
		strbuf_addf(&sb, "（%s %s", t->doc->meta.title, t->number);
		if (t->lead)
			strbuf_addf(&sb, "，%s牵头", t->lead->short_name ? t->lead->short_name : t->lead->name);
		strbuf_adds(&sb, "）");
		html_text(html_el(li, "span", "due-meta"), sb.buf);
	}
	strbuf_release(&sb);
}

static int write_deadlines(struct output *o)
{
	const struct model *m = o->model;
	xmlDocPtr page;
	struct task **dated;
	size_t n = 0;
	xmlNodePtr slot;

	if (output_reuse_overview(o, "deadlines/index.html"))
		return 0;
	page = html_page_new(o->templates, TEMPLATE_DEADLINES);
	dated = xmalloc((m->ntasks ? m->ntasks : 1) * sizeof(*dated));
	for (size_t i = 0; i < m->ntasks; i++)
		if (m->tasks[i]->has_deadline)
			dated[n++] = m->tasks[i];
	if (n)
		qsort(dated, n, sizeof(*dated), compare_deadline);
	slot_as_of(m, page);
	if ((slot = html_slot(page, "timeline")))
		svg_timeline(m, slot, dated, n);
	if ((slot = html_slot(page, "by-month")))
		by_month(m, slot, dated, n);
	free(dated);
	output_fill_layout(o, page, "deadlines/", NULL);
	return output_page(o, "deadlines/index.html", page);
}

/* Page i: the three overviews, then one per department. */
size_t taskpages_items(const struct output *o)
{
	return o->model->depts.count + 3;
}

int taskpages_write_item(struct output *o, size_t i)
{
	switch (i) {
	case 0:
		return write_tasks(o);
	case 1:
		return write_departments(o);
	case 2:
		return write_deadlines(o);
	default:
		return write_department(o, &o->model->depts.items[i - 3]);
	}
}
