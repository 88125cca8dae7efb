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

/* Quarters since year 0, for the x axis. */
static int quarter_of(const struct date *d)
{
	return d->year * 4 + (d->month ? d->month - 1 : 11) / 3;
}

static void timeline_axis(xmlNodePtr svg, int q0, int q1, double x0, double qw, double base)
{
	struct strbuf sb = STRBUF_INIT;
	xmlNodePtr axis = html_el(svg, "line", NULL);

	num_attr(axis, "x1", x0);
	num_attr(axis, "x2", x0 + (q1 - q0 + 1) * qw);
	num_attr(axis, "y1", base);
	num_attr(axis, "y2", base);
	html_attr(axis, "stroke", "#57606a");
	for (int q = q0; q <= q1; q++) {
		if (q % 4)
			continue;
		double x = x0 + (q - q0) * qw;
		xmlNodePtr tick = html_el(svg, "line", NULL);
		num_attr(tick, "x1", x);
		num_attr(tick, "x2", x);
		num_attr(tick, "y1", base);
		num_attr(tick, "y2", base + 6);
		html_attr(tick, "stroke", "#57606a");
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%d", q / 4);
		svg_text(svg, x + 2 * qw, base + 22, "middle", sb.buf);
	}
	strbuf_release(&sb);
}

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
		html_attr(c, "r", "4");
		html_attr(c, "fill", status_fill[t->status]);
	}
	strbuf_release(&sb);
}

void svg_timeline(const struct model *m, xmlNodePtr parent, struct task *const *tasks, size_t n)
{
	const struct date *as_of = &m->config.as_of;
	int q0 = quarter_of(as_of), q1 = q0, stack[512] = { 0 }, tallest = 1;
	size_t overdue = 0, later = 0;
	struct strbuf desc = STRBUF_INIT, sb = STRBUF_INIT;
	char zh[32];

	for (size_t i = 0; i < n; i++) {
		int q = quarter_of(&tasks[i]->deadline);
		q0 = q < q0 ? q : q0;
		q1 = q > q1 ? q : q1;
	}
	q0 -= q0 % 4;
	q1 += 3 - q1 % 4;
	if (q1 - q0 >= 512)
		q1 = q0 + 511;
	for (size_t i = 0; i < n; i++) {
		int q = quarter_of(&tasks[i]->deadline);
		if (q <= q1 && ++stack[q - q0] > tallest)
			tallest = stack[q - q0];
		if (tasks[i]->status == TASK_OVERDUE)
			overdue++;
		else
			later++;
	}
	date_format_zh(as_of, zh);
	strbuf_addf(&desc, "共 %zu 项有明确截止日期的任务，截至%s已逾期 %zu 项，其余 %zu 项。"
		    "横轴为截止年份（按季度），每个标记代表一项任务。", n, zh, overdue, later);
	const double x0 = 10, qw = 16, dot = 11;
	double base = 40 + tallest * dot, width = x0 * 2 + (q1 - q0 + 1) * qw;
	xmlNodePtr svg = svg_root(parent, width, base + 34, "任务截止时间分布", desc.buf,
				  "timeline-chart");
	memset(stack, 0, sizeof(stack));
	for (size_t i = 0; i < n; i++) {
		int q = quarter_of(&tasks[i]->deadline);
		if (q > q1)
			continue;
		double cx = x0 + (q - q0) * qw + qw / 2;
		double cy = base - 8 - stack[q - q0]++ * dot;
		timeline_marker(svg, cx, cy, tasks[i]);
	}
	timeline_axis(svg, q0, q1, x0, qw, base);
	double ax = x0 + (quarter_of(as_of) - q0) * qw +
		    qw * ((as_of->month - 1) % 3 * 30 + as_of->day) / 92.0;
	xmlNodePtr line = html_el(svg, "line", NULL);
	num_attr(line, "x1", ax);
	num_attr(line, "x2", ax);
	num_attr(line, "y1", 18);
	num_attr(line, "y2", base);
	html_attr(line, "stroke", "#1f2328");
	html_attr(line, "stroke-dasharray", "4 3");
	strbuf_addf(&sb, "统计日 %s", zh);
	svg_text(svg, ax, 12, ax > width / 2 ? "end" : "start", sb.buf);
	strbuf_release(&desc);
	strbuf_release(&sb);
}
