#include "svg.h"

#include <stdio.h>
#include <string.h>

#include "html.h"
#include "strbuf.h"

#define SVG_NS "http://www.w3.org/2000/svg"

/* Colours pass 3:1 against white for graphics; text is always dark. */
static const char *const status_fill[TASK_STATUS_COUNT] = {
	"#b42318", "#b54708", "#175cd3", "#667085", "#067647", "#6941c6", "#98a2b3",
};

static void num_attr(xmlNodePtr el, const char *name, double v)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%.1f", v);
	/* "-0.0" and "5.0" read better as "0" and "5". */
	size_t len = strlen(buf);
	if (len > 2 && !strcmp(buf + len - 2, ".0"))
		buf[len - 2] = '\0';
	if (!strcmp(buf, "-0"))
		strcpy(buf, "0");
	html_attr(el, name, buf);
}

static xmlNodePtr svg_root(xmlNodePtr parent, double w, double h, const char *title,
			   const char *desc, const char *id)
{
	xmlNodePtr svg = html_el(parent, "svg", "chart-svg");
	struct strbuf sb = STRBUF_INIT;

	html_attr(svg, "xmlns", SVG_NS);
	strbuf_addf(&sb, "0 0 %.0f %.0f", w, h);
	html_attr(svg, "viewBox", sb.buf);
	/* Its own size, so text keeps its size; CSS shrinks it on a phone. */
	num_attr(svg, "width", w);
	num_attr(svg, "height", h);
	html_attr(svg, "role", "img");
	strbuf_reset(&sb);
	strbuf_addf(&sb, "%s-title %s-desc", id, id);
	html_attr(svg, "aria-labelledby", sb.buf);
	xmlNodePtr t = html_el(svg, "title", NULL);
	strbuf_reset(&sb);
	strbuf_addf(&sb, "%s-title", id);
	html_attr(t, "id", sb.buf);
	html_text(t, title);
	xmlNodePtr d = html_el(svg, "desc", NULL);
	strbuf_reset(&sb);
	strbuf_addf(&sb, "%s-desc", id);
	html_attr(d, "id", sb.buf);
	html_text(d, desc);
	strbuf_release(&sb);
	return svg;
}

static xmlNodePtr svg_text(xmlNodePtr parent, double x, double y, const char *anchor,
			   const char *text)
{
	xmlNodePtr t = html_el(parent, "text", NULL);

	num_attr(t, "x", x);
	num_attr(t, "y", y);
	if (anchor)
		html_attr(t, "text-anchor", anchor);
	html_text(t, text);
	return t;
}

static xmlNodePtr svg_rect(xmlNodePtr parent, double x, double y, double w, double h,
			   const char *fill)
{
	xmlNodePtr r = html_el(parent, "rect", NULL);

	num_attr(r, "x", x);
	num_attr(r, "y", y);
	num_attr(r, "width", w);
	num_attr(r, "height", h);
	html_attr(r, "fill", fill);
	return r;
}

void svg_status_bars(xmlNodePtr parent, const size_t counts[TASK_STATUS_COUNT],
		     const char *title)
{
	struct strbuf desc = STRBUF_INIT, label = STRBUF_INIT;
	size_t max = 1, rows = 0;
	const double label_w = 110, bar_w = 200, row_h = 28;

	for (int s = 0; s < TASK_STATUS_COUNT; s++) {
		if (counts[s] > max)
			max = counts[s];
		if (counts[s]) {
			strbuf_addf(&desc, "%s%s %zu 项", rows ? "，" : "",
				    task_status_label((enum task_status)s), counts[s]);
			rows++;
		}
	}
	if (!rows)
		strbuf_adds(&desc, "没有任务");
	strbuf_adds(&desc, "。");
	xmlNodePtr svg = svg_root(parent, label_w + bar_w + 50, row_h * (double)(rows ? rows : 1) + 8,
				  title, desc.buf, "status-chart");
	double y = 4;
	for (int s = 0; s < TASK_STATUS_COUNT; s++) {
		if (!counts[s])
			continue;
		double w = bar_w * (double)counts[s] / (double)max;
		svg_text(svg, label_w - 8, y + 18, "end", task_status_label((enum task_status)s));
		svg_rect(svg, label_w, y + 4, w, row_h - 10, status_fill[s]);
		strbuf_reset(&label);
		strbuf_addf(&label, "%zu", counts[s]);
		svg_text(svg, label_w + w + 6, y + 18, NULL, label.buf);
		y += row_h;
	}
	strbuf_release(&desc);
	strbuf_release(&label);
}

#define TIMELINE_PER_ROW 10
#define TIMELINE_CELL 12.0
#define TIMELINE_YEAR_W (TIMELINE_PER_ROW * TIMELINE_CELL + 16)

static void timeline_marker(xmlNodePtr svg, double cx, double cy, const struct task *t)
{
	xmlNodePtr g = html_el(svg, "g", NULL);
	struct strbuf sb = STRBUF_INIT;
	char zh[32];

	date_format_zh(&t->deadline, zh);
	strbuf_addf(&sb, "%s %s（%s，%s）", t->number, t->title, zh, task_status_label(t->status));
	html_text(html_el(g, "title", NULL), sb.buf);
	if (t->status == TASK_OVERDUE) {
		xmlNodePtr p = html_el(g, "path", NULL);
		strbuf_reset(&sb);
		strbuf_addf(&sb, "M%.1f %.1fl8 8m0 -8l-8 8", cx - 4, cy - 4);
		html_attr(p, "d", sb.buf);
		html_attr(p, "stroke", status_fill[TASK_OVERDUE]);
		html_attr(p, "stroke-width", "2.5");
	} else {
		xmlNodePtr c = html_el(g, "circle", NULL);
		num_attr(c, "cx", cx);
		num_attr(c, "cy", cy);
		html_attr(c, "r", "4.5");
		html_attr(c, "fill", status_fill[t->status]);
	}
	strbuf_release(&sb);
}

static size_t rows_for(size_t n)
{
	return (n + TIMELINE_PER_ROW - 1) / TIMELINE_PER_ROW;
}

/* Each year is a column of markers, ten to a row, in deadline order; the
 * as-of date is a dashed line at its place within its year. */
void svg_timeline(const struct model *m, xmlNodePtr parent, struct task *const *tasks, size_t n)
{
	const struct date *as_of = &m->config.as_of;
	int y0 = as_of->year, y1 = as_of->year;
	size_t per_year[256] = { 0 }, overdue = 0, tallest = 1;
	struct strbuf desc = STRBUF_INIT, sb = STRBUF_INIT;
	char zh[32];

	for (size_t i = 0; i < n; i++) {
		y0 = tasks[i]->deadline.year < y0 ? tasks[i]->deadline.year : y0;
		y1 = tasks[i]->deadline.year > y1 ? tasks[i]->deadline.year : y1;
	}
	if (y1 - y0 > 255)
		y1 = y0 + 255;
	for (size_t i = 0; i < n; i++) {
		int y = tasks[i]->deadline.year;
		if (y <= y1 && rows_for(++per_year[y - y0]) > tallest)
			tallest = rows_for(per_year[y - y0]);
		overdue += tasks[i]->status == TASK_OVERDUE;
	}
	date_format_zh(as_of, zh);
	strbuf_addf(&desc, "共 %zu 项有明确截止日期的任务，截至%s已逾期 %zu 项（以×表示），"
		    "其余 %zu 项（以圆点表示）。", n, zh, overdue, n - overdue);
	for (int y = y0; y <= y1; y++)
		if (per_year[y - y0])
			strbuf_addf(&desc, "%d年到期 %zu 项；", y, per_year[y - y0]);
	const double top = 46, x0 = 8;
	double base = top + (double)tallest * TIMELINE_CELL + 8;
	double width = x0 * 2 + (y1 - y0 + 1) * TIMELINE_YEAR_W;
	xmlNodePtr svg = svg_root(parent, width, base + 30, "任务截止时间分布", desc.buf,
				  "timeline-chart");
	size_t placed[256] = { 0 };
	for (size_t i = 0; i < n; i++) {
		int y = tasks[i]->deadline.year;
		if (y > y1)
			continue;
		size_t k = placed[y - y0]++;
		double cx = x0 + (y - y0) * TIMELINE_YEAR_W + 8 + (double)(k % TIMELINE_PER_ROW) * TIMELINE_CELL + 6;
		double cy = base - 10 - (double)(k / TIMELINE_PER_ROW) * TIMELINE_CELL;
		timeline_marker(svg, cx, cy, tasks[i]);
	}
	xmlNodePtr axis = html_el(svg, "line", NULL);
	num_attr(axis, "x1", x0);
	num_attr(axis, "x2", width - x0);
	num_attr(axis, "y1", base);
	num_attr(axis, "y2", base);
	html_attr(axis, "stroke", "#57606a");
	for (int y = y0; y <= y1; y++) {
		double x = x0 + (y - y0) * TIMELINE_YEAR_W;
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%d", y);
		svg_text(svg, x + TIMELINE_YEAR_W / 2, base + 20, "middle", sb.buf);
		if (per_year[y - y0]) {
			strbuf_reset(&sb);
			strbuf_addf(&sb, "%zu项", per_year[y - y0]);
			svg_text(svg, x + TIMELINE_YEAR_W / 2, base - 14 - (double)rows_for(per_year[y - y0]) * TIMELINE_CELL, "middle", sb.buf);
		}
	}
	int doy = 0;
	for (int mo = 1; mo < as_of->month; mo++)
		doy += date_days_in_month(as_of->year, mo);
	doy += as_of->day;
	double ax = x0 + (as_of->year - y0) * TIMELINE_YEAR_W + TIMELINE_YEAR_W * doy / 366.0;
	xmlNodePtr line = html_el(svg, "line", NULL);
	num_attr(line, "x1", ax);
	num_attr(line, "x2", ax);
	num_attr(line, "y1", 20);
	num_attr(line, "y2", base);
	html_attr(line, "stroke", "#1f2328");
	html_attr(line, "stroke-dasharray", "4 3");
	strbuf_reset(&sb);
	strbuf_addf(&sb, "统计日 %s", zh);
	svg_text(svg, ax, 14, ax > width / 2 ? "end" : "start", sb.buf);
	strbuf_release(&desc);
	strbuf_release(&sb);
}
