#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "json.h"
#include "output.h"
#include "pool.h"
#include "strbuf.h"
#include "svg.h"

#define INDICATOR_MAX_COMPARE 16

static void ind_path(const struct model *m, const struct indicator *ind, struct strbuf *out)
{
	strbuf_reset(out);
	strbuf_addf(out, "%sindicators/%s/", m->config.base_path, ind->id);
}

static void verdict_badge(xmlNodePtr parent, const struct indicator *ind)
{
	struct strbuf cls = STRBUF_INIT;
	const char *label = ind->progress.open ? "尚无实际值"
						: indicator_verdict_label(ind->progress.verdict);

	strbuf_addf(&cls, "status verdict-%s", ind->progress.open ? "open"
					: indicator_verdict_name(ind->progress.verdict));
	html_text(html_el(parent, "span", cls.buf), label);
	strbuf_release(&cls);
}

static const char *cmp_words(enum indvalue_cmp c)
{
	static const char *const words[] = { "", "低于", "不高于", "高于", "不低于" };
	return words[c];
}

/* What a parsed value says, in words: "低于 8‰", "比基线增长30%". */
static void describe_value(const struct indicator *ind, const struct indvalue *v, struct strbuf *out)
{
	struct strbuf num = STRBUF_INIT;

	switch (v->kind) {
	case INDVALUE_NONE:
		strbuf_adds(out, "无数据");
		break;
	case INDVALUE_ABSOLUTE:
		indvalue_format_number(v->numbers[0], &num);
		strbuf_addf(out, "%s%s%s%s", cmp_words(v->cmp), num.buf, indicator_unit_gap(ind->unit),
			    ind->unit);
		break;
	case INDVALUE_RELATIVE:
	case INDVALUE_ANNUAL:
		indvalue_format_number(v->numbers[0], &num);
		if (v->kind == INDVALUE_ANNUAL)
			strbuf_adds(out, "每年");
		else if (v->base_year)
			strbuf_addf(out, "比%d年", v->base_year);
		else
			strbuf_adds(out, "比基线");
		strbuf_addf(out, "%s%s%s%s", v->sign < 0 ? "降低" : "提高", num.buf,
			    v->percent_points ? "个百分点" : "%",
			    v->cmp == INDVALUE_GE ? "以上" : v->cmp == INDVALUE_EQ ? "" : "以内");
		break;
	case INDVALUE_PER_LEVEL:
		for (size_t i = 0; i < v->count; i++) {
			strbuf_reset(&num);
			indvalue_format_number(v->numbers[i], &num);
			strbuf_addf(out, "%s%s%s%s%s", i ? "；" : "",
				    i < ind->nlevels ? ind->levels[i] : "", i < ind->nlevels ? " " : "",
				    cmp_words(v->cmp), num.buf);
		}
		break;
	case INDVALUE_TEXT:
		strbuf_adds(out, "无法读出数值");
		break;
	}
	strbuf_release(&num);
}

/* The values as a table: year, kind, the value as printed, what it means. */
static void values_table(xmlNodePtr parent, const struct indicator *ind, const char *label)
{
	static const char *const heads[] = { "年份", "类型", "原文", "解读" };
	xmlNodePtr table = html_table(parent, label, "values-table"), tr, body;
	struct strbuf sb = STRBUF_INIT;

	html_table_head(table, heads, 4);
	body = html_el(table, "tbody", NULL);
	for (size_t i = 0; i < ind->nobs; i++) {
		const struct indicator_obs *o = &ind->obs[i];
		tr = html_el(body, "tr", NULL);
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%d", o->year);
		html_text(html_el(tr, "td", NULL), sb.buf);
		html_text(html_el(tr, "td", NULL), indicator_obs_kind_label(o->kind));
		html_text(html_el(tr, "td", NULL), o->value.text);
		strbuf_reset(&sb);
		describe_value(ind, &o->value, &sb);
		if (o->note)
			strbuf_addf(&sb, "（%s）", o->note);
		html_text(html_el(tr, "td", NULL), sb.buf);
	}
	strbuf_release(&sb);
}

static void set_heading(const struct model *m, xmlNodePtr parent, const struct indicator_set *set)
{
	struct strbuf href = STRBUF_INIT;
	xmlNodePtr h = html_el(parent, "h2", NULL);

	html_attr(h, "id", set->id);
	html_text(h, set->title);
	if (set->doc) {
		xmlNodePtr p = html_el(parent, "p", "set-source");
		html_text(p, "出自");
		strbuf_addf(&href, "%spolicies/%s/#%s", m->config.base_path, set->doc->slug, set->anchor);
		html_link(p, href.buf, set->doc->meta.title);
	}
	strbuf_release(&href);
}

/* A small multiple: name, chart, the target and the verdict. */
static void card(const struct model *m, xmlNodePtr list, const struct indicator *ind,
		 const char *heading)
{
	struct strbuf sb = STRBUF_INIT;
	xmlNodePtr li = html_el(list, "li", "ind-card");

	ind_path(m, ind, &sb);
	xmlNodePtr h = html_el(li, heading, NULL);
	if (ind->number && *ind->number) {
		html_text(h, ind->number);
		html_text(h, " ");
	}
	html_link(h, sb.buf, ind->name);
	strbuf_reset(&sb);
	strbuf_addf(&sb, "chart-%s", ind->id);
	svg_indicator(li, ind, 1, sb.buf);
	if (ind->progress.has) {
		xmlNodePtr p = html_el(li, "p", "ind-verdict");
		verdict_badge(p, ind);
		html_text(p, " ");
		html_text(p, ind->progress.why);
	}
	strbuf_release(&sb);
}

static int write_index(struct output *o)
{
	const struct model *m = o->model;
	uint64_t key = pagekey_begin(o->keys, "indicators");
	xmlDocPtr page;
	xmlNodePtr slot;

	for (size_t s = 0; s < m->indicators.nsets; s++)
		key = pagekey_text(key, m->indicators.sets[s]->anchor);
	if (output_reuse(o, "indicators/index.html", key))
		return 0;
	page = html_page_new(o->templates, TEMPLATE_INDICATORS);
	slot = html_slot(page, "sets");
	for (size_t s = 0; slot && s < m->indicators.nsets; s++) {
		const struct indicator_set *set = m->indicators.sets[s];
		xmlNodePtr sec = html_el(slot, "section", "ind-set");
		xmlNodePtr list = NULL;
		set_heading(m, sec, set);
		for (size_t i = 0; i < set->count; i++) {
			const struct indicator *ind = set->items[i];
			if (!list || (ind->domain && (!i || !set->items[i - 1]->domain ||
						      strcmp(ind->domain, set->items[i - 1]->domain)))) {
				if (ind->domain)
					html_text(html_el(sec, "h3", NULL), ind->domain);
				list = html_el(sec, "ul", "ind-grid");
			}
			card(m, list, ind, ind->domain ? "h4" : "h3");
		}
	}
	output_fill_layout(o, page, "indicators/", NULL);
	return output_page(o, "indicators/index.html", page);
}

static void compare_table(xmlNodePtr parent, struct indicator *const *inds, size_t n)
{
	static const char *const heads[] = { "地区", "规划", "基线或实际", "目标", "进展" };
	xmlNodePtr table = html_table(parent, "各地比较", NULL), tr, body;
	struct strbuf sb = STRBUF_INIT;

	html_table_head(table, heads, 5);
	body = html_el(table, "tbody", NULL);
	for (size_t i = 0; i < n; i++) {
		const struct indicator *ind = inds[i];
		const struct indicator_obs *now = NULL, *target = NULL;
		for (size_t k = 0; k < ind->nobs; k++)
			if (ind->obs[k].kind == INDICATOR_TARGET)
				target = &ind->obs[k];
			else
				now = &ind->obs[k];
		tr = html_el(body, "tr", NULL);
		html_text(html_el(tr, "td", NULL), ind->set->doc ? ind->set->doc->meta.region : "");
		html_text(html_el(tr, "td", NULL), ind->set->title);
		strbuf_reset(&sb);
		if (now)
			strbuf_addf(&sb, "%d年%s %s%s%s", now->year, indicator_obs_kind_label(now->kind),
				    now->value.text, indicator_unit_gap(ind->unit), ind->unit);
		html_text(html_el(tr, "td", NULL), sb.buf);
		strbuf_reset(&sb);
		if (target)
			strbuf_addf(&sb, "%d年 %s", target->year, target->value.text);
		html_text(html_el(tr, "td", NULL), sb.buf);
		xmlNodePtr td = html_el(tr, "td", NULL);
		if (ind->progress.has)
			verdict_badge(td, ind);
	}
	strbuf_release(&sb);
}

static void fill_meta(const struct model *m, xmlDocPtr page, const struct indicator *ind)
{
	struct strbuf sb = STRBUF_INIT;
	xmlNodePtr dd;

	html_slot_text(page, "set-title", ind->set->title);
	html_slot_text(page, "ind-name", ind->name);
	html_slot_text(page, "unit", *ind->unit ? ind->unit : "无");
	html_slot_text(page, "domain", ind->domain ? ind->domain : "—");
	if (ind->nature) {
		html_slot(page, "row-nature");
		html_slot_text(page, "nature", ind->nature);
	}
	html_slot_text(page, "direction", ind->higher_is_better ? "越高越好" : "越低越好");
	if ((dd = html_slot(page, "source")) && ind->set->doc) {
		strbuf_addf(&sb, "%spolicies/%s/#%s", m->config.base_path, ind->set->doc->slug,
			    ind->set->anchor);
		html_link(dd, sb.buf, ind->set->doc->meta.title);
	}
	if (ind->parent) {
		html_slot(page, "row-parent");
		ind_path(m, ind->parent, &sb);
		html_link(html_slot(page, "parent"), sb.buf, ind->parent->name);
	}
	strbuf_release(&sb);
}

/* An indicator's page shows nothing of a document's body but the anchor
 * of its table there, and of the tables of those it is compared with
 * (pagekey.h). */
static uint64_t indicator_key(const struct output *o, const struct indicator *ind,
			      struct indicator *const *same, size_t n)
{
	uint64_t key = pagekey_text(pagekey_begin(o->keys, "indicator"), ind->id);

	key = pagekey_text(key, ind->set->anchor);
	for (size_t i = 0; i < n; i++)
		key = pagekey_text(key, same[i]->set->anchor);
	return key;
}

static int write_indicator(struct output *o, const struct indicator *ind)
{
	const struct model *m = o->model;
	xmlDocPtr page;
	struct indicator *same[INDICATOR_MAX_COMPARE];
	struct strbuf sb = STRBUF_INIT;
	xmlNodePtr slot;
	size_t n = indicator_comparable(m, ind, same, INDICATOR_MAX_COMPARE);
	int ret;

	strbuf_addf(&sb, "indicators/%s/index.html", ind->id);
	if (output_reuse(o, sb.buf, indicator_key(o, ind, same, n))) {
		strbuf_release(&sb);
		return 0;
	}
	strbuf_reset(&sb);
	page = html_page_new(o->templates, TEMPLATE_INDICATOR);
	fill_meta(m, page, ind);
	if ((slot = html_slot(page, "verdict"))) {
		if (ind->progress.has)
			verdict_badge(slot, ind);
		else
			html_text(slot, "没有可比较的目标和实际值。");
	}
	if (ind->progress.has)
		html_slot_text(page, "why", ind->progress.why);
	if ((slot = html_slot(page, "chart")))
		svg_indicator(slot, ind, 0, "indicator-chart");
	if ((slot = html_slot(page, "values")))
		values_table(slot, ind, "数据表");
	strbuf_addf(&sb, "%sindicators/%s/data.csv", m->config.base_path, ind->id);
	html_slot_attr(page, "csv", "href", sb.buf);
	if (n > 1) {
		html_slot(page, "compare-section");
		if ((slot = html_slot(page, "compare-chart")))
			svg_compare(slot, same, n, "compare-chart");
		if ((slot = html_slot(page, "compare-table")))
			compare_table(slot, same, n);
	}
	strbuf_reset(&sb);
	strbuf_addf(&sb, "%s：%s的基线、目标和历年实际值，进展判断和图表。", ind->set->title,
		    ind->name);
	char *description = strbuf_detach(&sb, NULL);
	strbuf_addf(&sb, "indicators/%s/", ind->id);
	output_fill_layout(o, page, sb.buf, description);
	free(description);
	strbuf_adds(&sb, "index.html");
	ret = output_page(o, sb.buf, page);
	strbuf_release(&sb);
	return ret;
}

#define UTF8_BOM "\xEF\xBB\xBF"

static const char *cmp_name(enum indvalue_cmp c)
{
	static const char *const names[] = { "=", "<", "<=", ">", ">=" };
	return names[c];
}

static const char *value_kind_name(enum indvalue_kind k)
{
	static const char *const names[] = {
		"none", "absolute", "relative", "annual", "per-level", "text",
	};
	return names[k];
}

static void numbers_json(struct strbuf *out, const struct indvalue *v, struct strbuf *tmp)
{
	strbuf_addch(out, '[');
	for (size_t i = 0; i < v->count; i++) {
		strbuf_reset(tmp);
		indvalue_format_number(v->numbers[i], tmp);
		strbuf_addf(out, "%s%s", i ? ", " : "", tmp->buf);
	}
	strbuf_addch(out, ']');
}

static void indicator_json(const struct model *m, struct strbuf *out, const struct indicator *ind,
			   struct strbuf *tmp)
{
	strbuf_adds(out, "  {\n    \"id\": ");
	json_string(out, ind->id);
	strbuf_adds(out, ",\n    \"name\": ");
	json_string(out, ind->name);
	strbuf_adds(out, ",\n    \"unit\": ");
	json_string(out, ind->unit);
	strbuf_adds(out, ",\n    \"domain\": ");
	json_string(out, ind->domain);
	strbuf_adds(out, ",\n    \"region\": ");
	json_string(out, ind->set->doc ? ind->set->doc->meta.region : NULL);
	strbuf_adds(out, ",\n    \"document\": ");
	json_string(out, ind->set->doc ? ind->set->doc->slug : NULL);
	strbuf_adds(out, ",\n    \"set\": ");
	json_string(out, ind->set->id);
	strbuf_adds(out, ",\n    \"nature\": ");
	json_string(out, ind->nature);
	strbuf_adds(out, ",\n    \"direction\": ");
	json_string(out, ind->higher_is_better ? "higher" : "lower");
	strbuf_adds(out, ",\n    \"compare\": ");
	json_string(out, ind->compare);
	strbuf_adds(out, ",\n    \"parent\": ");
	json_string(out, ind->parent ? ind->parent->id : NULL);
	strbuf_adds(out, ",\n    \"values\": [");
	for (size_t i = 0; i < ind->nobs; i++) {
		const struct indicator_obs *o = &ind->obs[i];
		strbuf_addf(out, "%s\n      {\"year\": %d, \"kind\": ", i ? "," : "", o->year);
		json_string(out, indicator_obs_kind_name(o->kind));
		strbuf_adds(out, ", \"text\": ");
		json_string(out, o->value.text);
		strbuf_adds(out, ", \"value_kind\": ");
		json_string(out, value_kind_name(o->value.kind));
		strbuf_adds(out, ", \"comparator\": ");
		json_string(out, o->value.count ? cmp_name(o->value.cmp) : NULL);
		strbuf_adds(out, ", \"numbers\": ");
		numbers_json(out, &o->value, tmp);
		strbuf_adds(out, "}");
	}
	strbuf_adds(out, ind->nobs ? "\n    ],\n    \"progress\": " : "],\n    \"progress\": ");
	if (ind->progress.has) {
		strbuf_adds(out, "{\"verdict\": ");
		json_string(out, ind->progress.open ? "open" : indicator_verdict_name(ind->progress.verdict));
		strbuf_adds(out, ", \"why\": ");
		json_string(out, ind->progress.why);
		strbuf_adds(out, "}");
	} else {
		strbuf_adds(out, "null");
	}
	strbuf_adds(out, ",\n    \"url\": ");
	strbuf_reset(tmp);
	strbuf_addf(tmp, "%sindicators/%s/", m->config.base_url, ind->id);
	json_string(out, tmp->buf);
	strbuf_adds(out, "\n  }");
}

static void csv_rows(struct strbuf *out, const struct indicator *ind, struct strbuf *tmp)
{
	for (size_t i = 0; i < ind->nobs; i++) {
		const struct indicator_obs *o = &ind->obs[i];
		const char *region = ind->set->doc ? ind->set->doc->meta.region : "";
		char year[8];
		snprintf(year, sizeof(year), "%d", o->year);
		strbuf_reset(tmp);
		for (size_t k = 0; k < o->value.count; k++) {
			if (k)
				strbuf_addch(tmp, '/');
			indvalue_format_number(o->value.numbers[k], tmp);
		}
		const char *fields[] = {
			ind->id, ind->name, ind->unit, region, year, indicator_obs_kind_name(o->kind),
			o->value.text, o->value.count ? cmp_name(o->value.cmp) : "", tmp->buf,
			o->note ? o->note : "",
		};
		for (size_t k = 0; k < sizeof(fields) / sizeof(*fields); k++) {
			if (k)
				strbuf_addch(out, ',');
			csv_field(out, fields[k]);
		}
		strbuf_adds(out, "\r\n");
	}
}

#define IND_CSV_HEADER UTF8_BOM "id,name,unit,region,year,kind,text,comparator,numbers,note\r\n"

static int write_data(struct output *o)
{
	const struct model *m = o->model;
	struct strbuf json = STRBUF_INIT, csv = STRBUF_INIT, one = STRBUF_INIT, tmp = STRBUF_INIT;
	struct strbuf path = STRBUF_INIT;
	/* They show the documents' slugs and regions, front matter only. */
	uint64_t key = pagekey_begin(o->keys, "indicator data");
	int need_json = !output_reuse(o, "data/indicators.json", key);
	int need_csv = !output_reuse(o, "data/indicators.csv", key);
	int ret = 0;

	strbuf_adds(&json, "[\n");
	strbuf_adds(&csv, IND_CSV_HEADER);
	for (size_t i = 0; i < m->indicators.count; i++) {
		const struct indicator *ind = m->indicators.all[i];
		if (need_json) {
			indicator_json(m, &json, ind, &tmp);
			strbuf_adds(&json, i + 1 < m->indicators.count ? ",\n" : "\n");
		}
		if (need_csv)
			csv_rows(&csv, ind, &tmp);
		strbuf_reset(&path);
		strbuf_addf(&path, "indicators/%s/data.csv", ind->id);
		if (output_reuse(o, path.buf, pagekey_text(key, ind->id)))
			continue;
		strbuf_reset(&one);
		strbuf_adds(&one, IND_CSV_HEADER);
		csv_rows(&one, ind, &tmp);
		if (output_write(o, path.buf, one.buf, one.len) < 0)
			ret = -1;
	}
	strbuf_adds(&json, "]\n");
	if ((need_json && output_write(o, "data/indicators.json", json.buf, json.len) < 0) ||
	    (need_csv && output_write(o, "data/indicators.csv", csv.buf, csv.len) < 0))
		ret = -1;
	strbuf_release(&json);
	strbuf_release(&csv);
	strbuf_release(&one);
	strbuf_release(&tmp);
	strbuf_release(&path);
	return ret;
}

/* Item i: the index page, the data files, then one page per indicator. */
static int write_item(void *ctx, size_t i)
{
	struct output *o = ctx;

	switch (i) {
	case 0:
		return write_index(o);
	case 1:
		return write_data(o);
	default:
		return write_indicator(o, o->model->indicators.all[i - 2]);
	}
}

int indpages_write(struct output *o)
{
	return pool_for(o->model->indicators.count + 2, o->jobs, write_item, o);
}

#define HOME_INDICATORS 4

void indpages_home(const struct output *o, xmlDocPtr page)
{
	const struct model *m = o->model;
	xmlNodePtr list = NULL;
	size_t shown = 0;

	for (size_t i = 0; i < m->indicators.count && shown < HOME_INDICATORS; i++) {
		const struct indicator *ind = m->indicators.all[i];
		struct indicator *same[2];
		if (indicator_comparable(m, ind, same, 2) < 2 || same[0] != ind)
			continue;
		if (!list) {
			html_slot(page, "indicators-section");
			list = html_slot(page, "indicators");
		}
		if (list)
			card(m, list, ind, "h3");
		shown++;
	}
}
