/* /data/: every download of the site with its format and size. */
#include <stdio.h>
#include <string.h>

#include "output.h"
#include "strbuf.h"
#include "taskview.h"

/* A download already written, one row of a table. */
struct download {
	const char *path;	/* relative to the site */
	const char *label;	/* the link text */
	const char *format;
	const char *about;
};

/* "812 字节", "3.2 KB", "1.4 MB". */
static void format_size(long long bytes, char out[32])
{
	if (bytes < 1024)
		snprintf(out, 32, "%lld 字节", bytes);
	else if (bytes < 1024 * 1024)
		snprintf(out, 32, "%.1f KB", (double)bytes / 1024);
	else
		snprintf(out, 32, "%.1f MB", (double)bytes / (1024 * 1024));
}

/* A heading, an optional paragraph and a table whose columns from
 * `numeric` on (the size always) hold numbers; returns its <tbody>. */
static xmlNodePtr group(xmlNodePtr slot, const char *heading, const char *intro,
			const char *const *heads, size_t nheads, size_t numeric)
{
	html_text(html_el(slot, "h2", NULL), heading);
	if (intro)
		html_text(html_el(slot, "p", NULL), intro);
	xmlNodePtr table = html_table(slot, heading, "downloads");
	xmlNodePtr tr = html_table_head(table, heads, nheads);
	size_t col = 0;
	for (xmlNodePtr th = tr ? tr->children : NULL; th; th = th->next, col++)
		if (col >= numeric)
			html_attr(th, "class", "align-right");
	return html_el(table, "tbody", NULL);
}

/* One row: a link to the file, then `cells`, then the size; -1 after a
 * diagnostic when the file was not written. */
static int row(struct output *o, xmlNodePtr body, const char *path, const char *label,
	       const char *const *cells, size_t ncells, size_t numeric)
{
	const struct site_config *cfg = &o->model->config;
	struct strbuf href = STRBUF_INIT;
	long long bytes = output_size(o, path);
	char size[32];
	xmlNodePtr tr = html_el(body, "tr", NULL);

	if (bytes < 0)
		return diag_error(o->diags, path, 0, 0, "the download page lists a file the build did not write");
	config_path(cfg, &href, path);
	html_link(html_el(tr, "td", NULL), href.buf, label);
	for (size_t i = 0; i < ncells; i++)
		html_text(html_el(tr, "td", i + 1 >= numeric ? "align-right" : NULL), cells[i]);
	format_size(bytes, size);
	html_text(html_el(tr, "td", "align-right"), size);
	strbuf_release(&href);
	return 0;
}

static int site_files(struct output *o, xmlNodePtr slot)
{
	static const struct download files[] = {
		{ "data/tasks.json", "tasks.json", "JSON", "全部任务：所属文件、牵头和配合部门、期限、状态" },
		{ "data/tasks.csv", "tasks.csv", "CSV", "同上，一行一项任务" },
		{ "data/departments.json", "departments.json", "JSON", "责任部门：地区、类别、别名、牵头和配合任务数" },
		{ "data/departments.csv", "departments.csv", "CSV", "同上，一行一个部门" },
		{ "data/indicators.json", "indicators.json", "JSON", "规划指标：基线、目标、历年实际值和进展判断" },
		{ "data/indicators.csv", "indicators.csv", "CSV", "同上，一行一个数值" },
		{ "atom.xml", "atom.xml", "Atom", "新发布的政策文件，供订阅" },
		{ "sitemap.xml", "sitemap.xml", "XML", "网站地图，供搜索引擎" },
	};
	static const char *const heads[] = { "文件", "格式", "内容", "大小" };
	xmlNodePtr body = group(slot, "全站数据", NULL, heads, 4, 3);
	int ret = 0;

	for (size_t i = 0; i < sizeof(files) / sizeof(*files); i++) {
		const char *cells[] = { files[i].format, files[i].about };
		if (row(o, body, files[i].path, files[i].label, cells, 2, 3) < 0)
			ret = -1;
	}
	return ret;
}

static int calendars(struct output *o, xmlNodePtr slot)
{
	static const char *const heads[] = { "部门", "地区", "有期限的任务", "大小" };
	const struct model *m = o->model;
	xmlNodePtr body = group(slot, "各部门截止日期日历（iCalendar）",
				"每个部门牵头和配合的、有期限的任务，可导入手机或电脑日历并订阅更新。",
				heads, 4, 2);
	struct strbuf path = STRBUF_INIT;
	char count[32];
	int ret = 0;

	for (size_t i = 0; i < m->depts.count; i++) {
		const struct dept *d = &m->depts.items[i];
		size_t n = 0;
		for (size_t k = 0; k < d->nled; k++)
			n += d->led[k]->has_deadline;
		for (size_t k = 0; k < d->nsupported; k++)
			n += d->supported[k]->has_deadline;
		snprintf(count, sizeof(count), "%zu", n);
		const char *cells[] = { d->region, count };
		strbuf_reset(&path);
		strbuf_addf(&path, "departments/%s/deadlines.ics", d->id);
		if (row(o, body, path.buf, d->name, cells, 2, 2) < 0)
			ret = -1;
	}
	strbuf_release(&path);
	return ret;
}

static int indicator_files(struct output *o, xmlNodePtr slot)
{
	static const char *const heads[] = { "指标", "所属规划", "大小" };
	const struct indicator_list *list = &o->model->indicators;
	struct strbuf path = STRBUF_INIT;
	int ret = 0;

	if (!list->count)
		return 0;
	xmlNodePtr body = group(slot, "各项指标的数值（CSV）",
				"每项指标一个文件：基线、目标和历年实际值，原文写法和读出的数字并列。",
				heads, 3, 2);
	for (size_t i = 0; i < list->count; i++) {
		const struct indicator *ind = list->all[i];
		const char *cells[] = { ind->set->title };
		strbuf_reset(&path);
		strbuf_addf(&path, "indicators/%s/data.csv", ind->id);
		if (row(o, body, path.buf, ind->name, cells, 1, 2) < 0)
			ret = -1;
	}
	strbuf_release(&path);
	return ret;
}

int data_page_write(struct output *o)
{
	xmlDocPtr page = html_page_new(o->templates, TEMPLATE_DATA);
	xmlNodePtr slot = html_slot(page, "downloads");
	int ret = 0;

	if (site_files(o, slot) < 0 || calendars(o, slot) < 0 || indicator_files(o, slot) < 0)
		ret = -1;
	output_fill_layout(o, page, "data/", NULL);
	if (output_page(o, "data/index.html", page) < 0)
		ret = -1;
	return ret;
}
