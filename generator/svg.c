#include "svg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"

#define SVG_NS "http://www.w3.org/2000/svg"

/* Status colours; the bars and markers always carry a text label too, so
 * no meaning rests on colour. Text is always dark. */
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

/* A linear scale with "nice" ticks (1, 2, 2.5 or 5 times a power of ten). */
struct scale {
	double lo, hi, step;
	double px0, px1;	/* pixels of lo and hi */
};

static void scale_fit(struct scale *s, double lo, double hi, double px0, double px1)
{
	static const double steps[] = { 1, 2, 2.5, 5, 10 };
	double span, mag = 1, raw;

	if (hi < lo) {
		double t = lo;
		lo = hi;
		hi = t;
	}
	if (hi == lo) {
		hi = lo + (lo > 0 ? lo : -lo) * 0.2 + (lo == 0);
		lo = lo > 0 ? 0 : lo;
	}
	if (lo > 0 && lo < (hi - lo))
		lo = 0;
	span = hi - lo;
	if (!(span > 0) || span > 1e15)
		span = 1;
	raw = span / 4;
	while (raw >= mag * 10)
		mag *= 10;
	while (raw < mag)
		mag /= 10;
	s->step = mag * 10;
	for (size_t i = 0; i < sizeof(steps) / sizeof(*steps); i++)
		if (raw <= steps[i] * mag) {
			s->step = steps[i] * mag;
			break;
		}
	s->lo = (double)(long long)(lo / s->step) * s->step;
	if (s->lo > lo)
		s->lo -= s->step;
	s->hi = s->lo;
	while (s->hi < hi - 1e-9)
		s->hi += s->step;
	s->px0 = px0;
	s->px1 = px1;
}

static double scale_at(const struct scale *s, double v)
{
	return s->px0 + (v - s->lo) / (s->hi - s->lo) * (s->px1 - s->px0);
}

/* The palette of series: blue, orange, teal, purple (colour-blind safe);
 * each series is also labelled in text. */
static const char *const series_color[] = { "#0b5cad", "#b35806", "#1b7837", "#762a83" };

/* Hatching for target zones, defined once per chart. */
static void add_hatch(xmlNodePtr svg, const char *id)
{
	xmlNodePtr defs = html_el(svg, "defs", NULL);
	xmlNodePtr pat = html_el(defs, "pattern", NULL);

	html_attr(pat, "id", id);
	html_attr(pat, "width", "6");
	html_attr(pat, "height", "6");
	html_attr(pat, "patternUnits", "userSpaceOnUse");
	html_attr(pat, "patternTransform", "rotate(45)");
	xmlNodePtr line = html_el(pat, "line", NULL);
	html_attr(line, "x1", "0");
	html_attr(line, "y1", "0");
	html_attr(line, "x2", "0");
	html_attr(line, "y2", "6");
	html_attr(line, "stroke", "#1b7837");
	html_attr(line, "stroke-width", "2");
}

static void line_el(xmlNodePtr parent, double x1, double y1, double x2, double y2,
		    const char *stroke, const char *dash)
{
	xmlNodePtr l = html_el(parent, "line", NULL);

	num_attr(l, "x1", x1);
	num_attr(l, "y1", y1);
	num_attr(l, "x2", x2);
	num_attr(l, "y2", y2);
	html_attr(l, "stroke", stroke);
	if (dash)
		html_attr(l, "stroke-dasharray", dash);
}

/* The numbers a value stands for in level `level`, or 0 when none. A
 * change is computed from `base`, which must be of the year the change
 * names when it names one (`base_year`). */
static int value_at(const struct indvalue *v, size_t level, const struct indvalue *base,
		    int base_year, int years, double *out)
{
	if (v->kind == INDVALUE_RELATIVE && v->base_year && v->base_year != base_year)
		return 0;
	switch (v->kind) {
	case INDVALUE_ABSOLUTE:
		*out = v->numbers[0];
		return 1;
	case INDVALUE_PER_LEVEL:
		if (level >= v->count)
			return 0;
		*out = v->numbers[level];
		return 1;
	case INDVALUE_RELATIVE:
	case INDVALUE_ANNUAL:
		return base && indvalue_target_number(v, base, years, out) == 0;
	default:
		return 0;
	}
}

static size_t series_count(const struct indicator *ind)
{
	size_t n = 1;

	for (size_t i = 0; i < ind->nobs; i++)
		if (ind->obs[i].value.kind == INDVALUE_PER_LEVEL && ind->obs[i].value.count > n)
			n = ind->obs[i].value.count;
	return n > 4 ? 4 : n;
}

static const struct indvalue *baseline_of(const struct indicator *ind, int *year)
{
	for (size_t i = 0; i < ind->nobs; i++)
		if (ind->obs[i].kind == INDICATOR_BASELINE && ind->obs[i].value.kind == INDVALUE_ABSOLUTE) {
			*year = ind->obs[i].year;
			return &ind->obs[i].value;
		}
	return NULL;
}

/* Everything the chart will place, to size its scale. */
static int value_range(const struct indicator *ind, double *lo, double *hi)
{
	int base_year = 0, any = 0;
	const struct indvalue *base = baseline_of(ind, &base_year);
	size_t series = series_count(ind);

	for (size_t i = 0; i < ind->nobs; i++)
		for (size_t s = 0; s < series; s++) {
			double v;
			if (!value_at(&ind->obs[i].value, s, base, base_year,
				      ind->obs[i].year - base_year, &v))
				continue;
			if (!any || v < *lo)
				*lo = v;
			if (!any || v > *hi)
				*hi = v;
			any = 1;
			/* Leave room for a target zone below or above its bound. */
			enum indvalue_cmp c = ind->obs[i].value.cmp;
			if (ind->obs[i].kind == INDICATOR_TARGET && (c == INDVALUE_LT || c == INDVALUE_LE))
				*lo = v > 0 && *lo > 0 ? 0 : *lo;
			if (ind->obs[i].kind == INDICATOR_TARGET && (c == INDVALUE_GT || c == INDVALUE_GE))
				*hi = *hi + (*hi - *lo) * 0.15 + (*hi == *lo);
		}
	return any;
}

static void describe(const struct indicator *ind, struct strbuf *desc)
{
	for (size_t i = 0; i < ind->nobs; i++)
		strbuf_addf(desc, "%d年%s%s%s%s；", ind->obs[i].year,
			    indicator_obs_kind_label(ind->obs[i].kind), ind->obs[i].value.text,
			    ind->obs[i].value.kind == INDVALUE_NONE ? "" : indicator_unit_gap(ind->unit),
			    ind->obs[i].value.kind == INDVALUE_NONE ? "（无数据）" : ind->unit);
	if (ind->progress.has)
		strbuf_addf(desc, "%s。", ind->progress.why);
}

static void diamond(xmlNodePtr parent, double x, double y, const char *color)
{
	struct strbuf sb = STRBUF_INIT;
	xmlNodePtr d = html_el(parent, "path", NULL);

	strbuf_addf(&sb, "M%.1f %.1fl6 6l-6 6l-6 -6z", x, y - 6);
	html_attr(d, "d", sb.buf);
	html_attr(d, "fill", "#fff");
	html_attr(d, "stroke", color);
	html_attr(d, "stroke-width", "2");
	strbuf_release(&sb);
}

static void target_mark(xmlNodePtr g, const struct indvalue *t, double x, double y,
			const struct scale *ys, const char *color, const char *hatch_url)
{
	if (t->cmp != INDVALUE_EQ) {
		int below = t->cmp == INDVALUE_LT || t->cmp == INDVALUE_LE;
		double edge = below ? ys->px0 : ys->px1;
		xmlNodePtr r = svg_rect(g, x - 10, below ? y : edge, 20, below ? edge - y : y - edge,
					hatch_url);
		html_attr(r, "stroke", "#1b7837");
		line_el(g, x - 12, y, x + 12, y, "#1b7837", NULL);
	}
	diamond(g, x, y, color);
}

/* Text broken into lines of at most `width` characters, for Chinese labels
 * that would otherwise run out of the chart. */
static void wrapped_text(xmlNodePtr parent, double x, double y, const char *anchor,
			 const char *text, size_t width, double line_h)
{
	xmlNodePtr t = svg_text(parent, x, y, anchor, "");
	size_t len = strlen(text), pos = 0;
	int line = 0;

	xmlNodeSetContent(t, NULL);
	while (pos < len) {
		size_t start = pos;
		for (size_t n = 0; n < width && pos < len; n++)
			utf8_next(text, len, &pos);
		xmlNodePtr span = html_el(t, "tspan", NULL);
		num_attr(span, "x", x);
		if (line++)
			num_attr(span, "dy", line_h);
		html_text_len(span, text + start, pos - start);
	}
}

static void y_axis(xmlNodePtr svg, const struct scale *ys, double x0, double x1)
{
	struct strbuf sb = STRBUF_INIT;

	for (double v = ys->lo; v <= ys->hi + ys->step / 2; v += ys->step) {
		double y = scale_at(ys, v);
		line_el(svg, x0, y, x1, y, "#d0d7de", NULL);
		strbuf_reset(&sb);
		indvalue_format_number(v, &sb);
		svg_text(svg, x0 - 4, y + 4, "end", sb.buf);
	}
	strbuf_release(&sb);
}

struct chart_point {
	double x, y;
	const struct indicator_obs *obs;
};

static void plot_series(xmlNodePtr svg, const struct indicator *ind, size_t s, const int *years,
			size_t nyears, const double *xs, const struct scale *ys, int compact,
			const char *hatch_url)
{
	int base_year = 0;
	const struct indvalue *base = baseline_of(ind, &base_year);
	const char *color = series_color[s % 4];
	struct chart_point *pts = xcalloc(ind->nobs ? ind->nobs : 1, sizeof(*pts));
	size_t n = 0;
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; i < ind->nobs; i++) {
		double v;
		size_t k = 0;
		if (!value_at(&ind->obs[i].value, s, base, base_year, ind->obs[i].year - base_year, &v))
			continue;
		while (k < nyears && years[k] != ind->obs[i].year)
			k++;
		if (k == nyears)
			continue;
		pts[n++] = (struct chart_point){ xs[k], scale_at(ys, v), &ind->obs[i] };
	}
	xmlNodePtr g = html_el(svg, "g", NULL);
	for (size_t i = 1; i < n; i++)
		line_el(g, pts[i - 1].x, pts[i - 1].y, pts[i].x, pts[i].y, color,
			pts[i].obs->kind == INDICATOR_TARGET ? "5 4" : NULL);
	for (size_t i = 0; i < n; i++) {
		const struct indicator_obs *o = pts[i].obs;
		if (o->kind == INDICATOR_TARGET) {
			target_mark(g, &o->value, pts[i].x, pts[i].y, ys, color, hatch_url);
		} else {
			xmlNodePtr c = html_el(g, "circle", NULL);
			num_attr(c, "cx", pts[i].x);
			num_attr(c, "cy", pts[i].y);
			html_attr(c, "r", "4.5");
			html_attr(c, "fill", o->kind == INDICATOR_ACTUAL ? color : "#fff");
			html_attr(c, "stroke", color);
			html_attr(c, "stroke-width", "2");
		}
		if (compact && o->kind != INDICATOR_TARGET && i + 1 < n)
			continue;
		strbuf_reset(&sb);
		if (o->value.kind == INDVALUE_PER_LEVEL)
			indvalue_format_number(o->value.numbers[s], &sb);
		else
			strbuf_adds(&sb, o->value.text);
		svg_text(g, pts[i].x + 8, pts[i].y - 8, NULL, sb.buf);
	}
	if (ind->nlevels > s && n && !compact)
		wrapped_text(svg, pts[n - 1].x + 14, pts[n - 1].y + 14, NULL, ind->levels[s], 5, 14);
	strbuf_release(&sb);
	free(pts);
}

static void legend(xmlNodePtr svg, double x, double y, const char *hatch_id)
{
	struct strbuf url = STRBUF_INIT;
	static const char *const labels[] = { "基线", "实际", "目标", "目标区间" };
	xmlNodePtr c;

	for (int i = 0; i < 4; i++, x += 72) {
		switch (i) {
		case 0:
		case 1:
			c = html_el(svg, "circle", NULL);
			num_attr(c, "cx", x + 5);
			num_attr(c, "cy", y - 4);
			html_attr(c, "r", "4.5");
			html_attr(c, "fill", i ? series_color[0] : "#fff");
			html_attr(c, "stroke", series_color[0]);
			html_attr(c, "stroke-width", "2");
			break;
		case 2:
			diamond(svg, x + 5, y - 4, series_color[0]);
			break;
		default:
			strbuf_addf(&url, "url(#%s)", hatch_id);
			c = svg_rect(svg, x, y - 10, 12, 12, url.buf);
			html_attr(c, "stroke", "#1b7837");
		}
		svg_text(svg, x + 16, y, NULL, labels[i]);
	}
	strbuf_release(&url);
}

void svg_indicator(xmlNodePtr parent, const struct indicator *ind, int compact, const char *id)
{
	struct strbuf desc = STRBUF_INIT, title = STRBUF_INIT, hatch = STRBUF_INIT;
	int *years = xcalloc(ind->nobs ? ind->nobs : 1, sizeof(*years));
	size_t nyears = 0, series = series_count(ind);
	double lo = 0, hi = 0, *xs = xcalloc(ind->nobs ? ind->nobs : 1, sizeof(*xs));
	const double w = compact ? 260 : 400, h = compact ? 130 : 250;
	const double left = 46, right = compact ? 50 : 90, top = 20, bottom = compact ? 24 : 48;

	for (size_t i = 0; i < ind->nobs; i++)
		if (!nyears || years[nyears - 1] != ind->obs[i].year)
			years[nyears++] = ind->obs[i].year;
	strbuf_addf(&title, "%s（%s）", ind->name, *ind->unit ? ind->unit : "无单位");
	describe(ind, &desc);
	xmlNodePtr svg = svg_root(parent, w, h, title.buf, desc.buf, id);
	strbuf_addf(&hatch, "%s-hatch", id);
	add_hatch(svg, hatch.buf);
	if (!value_range(ind, &lo, &hi)) {
		wrapped_text(svg, 10, h / 2, NULL, "没有可以画出的数值，见下表原文。", 20, 16);
		goto out;
	}
	struct scale ys;
	scale_fit(&ys, lo, hi, h - bottom, top);
	y_axis(svg, &ys, left, w - right);
	if (*ind->unit)
		svg_text(svg, 4, 12, NULL, ind->unit);
	for (size_t k = 0; k < nyears; k++) {
		struct strbuf sb = STRBUF_INIT;
		xs[k] = nyears == 1 ? (left + w - right) / 2
				    : left + 24 + (w - right - left - 48) * (double)k / (double)(nyears - 1);
		strbuf_addf(&sb, "%d", years[k]);
		svg_text(svg, xs[k], h - bottom + 18, "middle", sb.buf);
		strbuf_release(&sb);
	}
	strbuf_reset(&hatch);
	strbuf_addf(&hatch, "url(#%s-hatch)", id);
	for (size_t s = 0; s < series; s++)
		plot_series(svg, ind, s, years, nyears, xs, &ys, compact, hatch.buf);
	if (!compact) {
		strbuf_reset(&hatch);
		strbuf_addf(&hatch, "%s-legend-hatch", id);
		add_hatch(svg, hatch.buf);
		legend(svg, left, h - 8, hatch.buf);
	}
out:
	strbuf_release(&desc);
	strbuf_release(&title);
	strbuf_release(&hatch);
	free(years);
	free(xs);
}

/* The latest baseline or actual observation, and the target. */
static void latest_obs(const struct indicator *ind, const struct indicator_obs **now,
		       const struct indicator_obs **target)
{
	*now = *target = NULL;
	for (size_t i = 0; i < ind->nobs; i++) {
		const struct indicator_obs *o = &ind->obs[i];
		if (o->kind == INDICATOR_TARGET)
			*target = o;
		else if (o->value.kind == INDVALUE_ABSOLUTE)
			*now = o;
	}
}

/* Where a compare row's target sits, from the baseline, or 0. */
static int compare_target(const struct indicator *ind, const struct indicator_obs *target,
			  double *v)
{
	int base_year = 0;
	const struct indvalue *base = baseline_of(ind, &base_year);

	return target && value_at(&target->value, 0, base, base_year, target->year - base_year, v);
}

static void compare_row(xmlNodePtr svg, const struct indicator *ind, const struct scale *xs,
			double y, double left, double right_edge, const char *id)
{
	const struct indicator_obs *now, *target;
	struct strbuf sb = STRBUF_INIT;
	double v;

	latest_obs(ind, &now, &target);
	strbuf_addf(&sb, "%s %s", ind->set->doc ? ind->set->doc->meta.region : "",
		    ind->set->period ? ind->set->period : "");
	wrapped_text(svg, 4, y - 4, NULL, sb.buf, 8, 15);
	if (compare_target(ind, target, &v)) {
		double x = scale_at(xs, v);
		if (target->value.cmp != INDVALUE_EQ) {
			int below = target->value.cmp == INDVALUE_LT || target->value.cmp == INDVALUE_LE;
			strbuf_reset(&sb);
			strbuf_addf(&sb, "url(#%s-hatch)", id);
			xmlNodePtr r = svg_rect(svg, below ? left : x, y - 8,
						below ? x - left : right_edge - x, 16, sb.buf);
			html_attr(r, "stroke", "#1b7837");
		}
		diamond(svg, x, y, series_color[1]);
		svg_text(svg, x, y + 20, "middle", target->value.text);
	}
	if (now && value_at(&now->value, 0, NULL, 0, 0, &v)) {
		xmlNodePtr c = html_el(svg, "circle", NULL);
		num_attr(c, "cx", scale_at(xs, v));
		num_attr(c, "cy", y);
		html_attr(c, "r", "5");
		html_attr(c, "fill", series_color[0]);
		svg_text(svg, scale_at(xs, v), y - 10, "middle", now->value.text);
	}
	strbuf_release(&sb);
}

/* The range of a comparison: values, targets, and room for target zones. */
static int compare_range(struct indicator *const *inds, size_t n, double *lo, double *hi,
			 struct strbuf *desc)
{
	int any = 0;

	for (size_t i = 0; i < n; i++) {
		const struct indicator_obs *now, *target;
		double v[2];
		int has[2];
		latest_obs(inds[i], &now, &target);
		strbuf_addf(desc, "%s（%s）：", inds[i]->set->doc ? inds[i]->set->doc->meta.region : "",
			    inds[i]->set->title);
		if (now)
			strbuf_addf(desc, "%d年%s%s%s%s，", now->year, indicator_obs_kind_label(now->kind),
				    now->value.text, indicator_unit_gap(inds[i]->unit), inds[i]->unit);
		if (target)
			strbuf_addf(desc, "%d年目标%s；", target->year, target->value.text);
		has[0] = now && value_at(&now->value, 0, NULL, 0, 0, &v[0]);
		has[1] = compare_target(inds[i], target, &v[1]);
		for (int k = 0; k < 2; k++) {
			if (!has[k])
				continue;
			*lo = any && *lo < v[k] ? *lo : v[k];
			*hi = any && *hi > v[k] ? *hi : v[k];
			any = 1;
		}
		if (has[1] && (target->value.cmp == INDVALUE_LT || target->value.cmp == INDVALUE_LE) &&
		    *lo > 0)
			*lo = 0;
		if (has[1] && (target->value.cmp == INDVALUE_GT || target->value.cmp == INDVALUE_GE))
			*hi += (*hi - *lo) * 0.15 + (*hi == *lo);
	}
	return any;
}

void svg_compare(xmlNodePtr parent, struct indicator *const *inds, size_t n, const char *id)
{
	struct strbuf desc = STRBUF_INIT, title = STRBUF_INIT, sb = STRBUF_INIT;
	const double w = 400, left = 120, right = 24, row_h = 46, top = 12;
	double lo = 0, hi = 0, h = top + row_h * (double)n + 30;
	int any;

	strbuf_addf(&title, "%s：各地区和规划的比较", inds[0]->name);
	any = compare_range(inds, n, &lo, &hi, &desc);
	xmlNodePtr svg = svg_root(parent, w, h, title.buf, desc.buf, id);
	strbuf_addf(&sb, "%s-hatch", id);
	add_hatch(svg, sb.buf);
	if (any) {
		struct scale xs;
		scale_fit(&xs, lo, hi, left, w - right);
		for (double v = xs.lo; v <= xs.hi + xs.step / 2; v += xs.step) {
			double x = scale_at(&xs, v);
			line_el(svg, x, top, x, h - 26, "#d0d7de", NULL);
			strbuf_reset(&sb);
			indvalue_format_number(v, &sb);
			svg_text(svg, x, h - 10, "middle", sb.buf);
		}
		for (size_t i = 0; i < n; i++)
			compare_row(svg, inds[i], &xs, top + row_h * (double)i + row_h / 2, left,
				    w - right, id);
	}
	strbuf_release(&desc);
	strbuf_release(&title);
	strbuf_release(&sb);
}
