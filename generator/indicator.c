#include "indicator.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "document.h"
#include "fsio.h"
#include "hash.h"
#include "model.h"
#include "slug.h"
#include "strbuf.h"
#include "xalloc.h"
#include "yamlread.h"

static const char *const set_keys[] = { "document", "table", "title", "period", "indicators", NULL };
static const char *const ind_keys[] = {
	"id", "number", "name", "row", "unit", "domain", "nature", "direction", "compare", "parent",
	"levels", NULL,
};

const char *indicator_unit_gap(const char *unit)
{
	return (*unit >= '0' && *unit <= '9') || *unit == '/' ? " " : "";
}

const char *indicator_obs_kind_name(enum indicator_obs_kind k)
{
	static const char *const names[] = { "baseline", "target", "actual" };
	return names[k];
}

const char *indicator_obs_kind_label(enum indicator_obs_kind k)
{
	static const char *const labels[] = { "基线", "目标", "实际" };
	return labels[k];
}

const char *indicator_verdict_name(enum indvalue_verdict v)
{
	static const char *const names[] = { "achieved", "not-achieved", "unknown" };
	return names[v];
}

const char *indicator_verdict_label(enum indvalue_verdict v)
{
	static const char *const labels[] = { "已达到", "未达到", "无法判断" };
	return labels[v];
}

/* The indicators read so far by id, the first of each id only: open
 * addressing, at most half full. Searching the whole list for every value
 * row and every new indicator made loading quadratic in the indicators. */
struct id_table {
	struct indicator **slots;
	size_t size, count;	/* size is 0 or a power of two */
};

struct loader {
	struct model *m;
	struct arena *a;
	struct diag_list *diags;
	const char *path;
	struct strbuf sb;
	struct id_table ids;
};

static const char *text_of(struct loader *l, const struct ynode *map, const char *key, int required)
{
	const struct ynode *n = yaml_get(map, key);

	if (!n) {
		if (required)
			diag_error(l->diags, l->path, map->line, map->col, "missing \"%s\"", key);
		return NULL;
	}
	return yaml_scalar(n, key, l->path, l->diags);
}

static void read_levels(struct loader *l, struct indicator *ind, const struct ynode *map)
{
	const struct ynode *n = yaml_get(map, "levels");

	if (!n)
		return;
	if (n->kind != YAML_SEQUENCE) {
		diag_error(l->diags, l->path, n->line, n->col, "\"levels\" must be a list of names");
		return;
	}
	ind->levels = arena_calloc(l->a, n->count ? n->count : 1, sizeof(*ind->levels));
	for (size_t i = 0; i < n->count; i++)
		if ((ind->levels[ind->nlevels] = yaml_scalar(n->items[i], "levels", l->path, l->diags)))
			ind->nlevels++;
}

static void read_direction(struct loader *l, struct indicator *ind, const struct ynode *map)
{
	const struct ynode *n = yaml_get(map, "direction");
	const char *v = text_of(l, map, "direction", 1);

	if (!v)
		return;
	if (!strcmp(v, "higher"))
		ind->higher_is_better = 1;
	else if (strcmp(v, "lower"))
		diag_error(l->diags, l->path, n->line, n->col,
			   "\"direction\" must be higher or lower (which way is better), not \"%s\"", v);
}

static void read_indicator(struct loader *l, struct indicator_set *set, const struct ynode *map)
{
	struct indicator *ind;
	const char *nature;

	if (map->kind != YAML_MAPPING) {
		diag_error(l->diags, l->path, map->line, map->col,
			   "each indicator is a mapping (id, name, unit, …)");
		return;
	}
	yaml_check_keys(map, ind_keys, l->path, l->diags);
	ind = arena_calloc(l->a, 1, sizeof(*ind));
	ind->set = set;
	ind->line = map->line;
	ind->id = text_of(l, map, "id", 1);
	ind->name = text_of(l, map, "name", 1);
	ind->number = text_of(l, map, "number", 0);
	ind->row = text_of(l, map, "row", 0);
	ind->unit = text_of(l, map, "unit", 0);
	ind->domain = text_of(l, map, "domain", 0);
	ind->compare = text_of(l, map, "compare", 0);
	ind->parent_id = text_of(l, map, "parent", 0);
	nature = text_of(l, map, "nature", 0);
	if (nature && strcmp(nature, "预期性") && strcmp(nature, "约束性"))
		diag_error(l->diags, l->path, yaml_get(map, "nature")->line,
			   yaml_get(map, "nature")->col,
			   "\"nature\" must be 预期性 or 约束性, not \"%s\"", nature);
	ind->nature = nature;
	read_direction(l, ind, map);
	read_levels(l, ind, map);
	if (!ind->id || !ind->name)
		return;
	if (!slug_is_valid(ind->id)) {
		diag_error(l->diags, l->path, map->line, map->col,
			   "bad indicator id \"%s\": use lower-case ASCII letters, digits and '-'",
			   ind->id);
		return;
	}
	if (!ind->row)
		ind->row = ind->name;
	if (!ind->unit)
		ind->unit = "";
	struct indicator **slot = ARENA_PUSH(l->a, set->items, set->count, set->alloc);
	*slot = ind;
}

static int parse_kind(const char *s, enum indicator_obs_kind *k)
{
	for (int i = INDICATOR_BASELINE; i <= INDICATOR_ACTUAL; i++)
		if (!strcmp(s, indicator_obs_kind_name((enum indicator_obs_kind)i))) {
			*k = (enum indicator_obs_kind)i;
			return 0;
		}
	return -1;
}

static size_t id_slot(const struct id_table *t, const char *id)
{
	size_t at = hash_fnv1a(id, strlen(id)) & (t->size - 1);

	while (t->slots[at] && strcmp(t->slots[at]->id, id))
		at = (at + 1) & (t->size - 1);
	return at;
}

/* The first indicator read with `id`, or NULL. */
static struct indicator *find_indicator(const struct id_table *t, const char *id)
{
	return t->size ? t->slots[id_slot(t, id)] : NULL;
}

/* Remember `ind` unless an indicator with its id came first. */
static void add_indicator(struct id_table *t, struct indicator *ind)
{
	if ((t->count + 1) * 2 > t->size) {
		struct id_table bigger = { NULL, t->size ? t->size * 2 : 64, t->count };
		bigger.slots = xcalloc(bigger.size, sizeof(*bigger.slots));
		for (size_t i = 0; i < t->size; i++)
			if (t->slots[i])
				bigger.slots[id_slot(&bigger, t->slots[i]->id)] = t->slots[i];
		free(t->slots);
		*t = bigger;
	}
	size_t at = id_slot(t, ind->id);
	if (!t->slots[at]) {
		t->slots[at] = ind;
		t->count++;
	}
}

static int parse_year(const char *s)
{
	int y = 0;

	if (strlen(s) != 4)
		return -1;
	for (int i = 0; i < 4; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		y = y * 10 + (s[i] - '0');
	}
	return y;
}

static void add_obs(struct loader *l, const char *path, const struct csv_row *row,
		    const int cols[5])
{
	struct indicator *ind = find_indicator(&l->ids, row->fields[cols[0]]);
	enum indicator_obs_kind kind;
	int year = parse_year(row->fields[cols[1]]);
	const char *value = row->fields[cols[3]];

	if (!ind) {
		diag_error(l->diags, path, row->line, row->cols[cols[0]], "unknown indicator id \"%s\"",
			   row->fields[cols[0]]);
		return;
	}
	if (year < 1949 || year > 2100) {
		diag_error(l->diags, path, row->line, row->cols[cols[1]],
			   "year \"%s\" out of range; write a four-digit year from 1949 to 2100",
			   row->fields[cols[1]]);
		return;
	}
	if (parse_kind(row->fields[cols[2]], &kind) < 0) {
		diag_error(l->diags, path, row->line, row->cols[cols[2]],
			   "unknown kind \"%s\"; use baseline, target or actual", row->fields[cols[2]]);
		return;
	}
	for (size_t i = 0; i < ind->nobs; i++)
		if (ind->obs[i].year == year && ind->obs[i].kind == kind) {
			diag_error(l->diags, path, row->line, 1,
				   "duplicate row: %s already has a %s for %d (line %u)", ind->id,
				   indicator_obs_kind_name(kind), year, ind->obs[i].line);
			return;
		}
	struct indicator_obs *o = ARENA_PUSH(l->a, ind->obs, ind->nobs, ind->aobs);
	o->year = year;
	o->kind = kind;
	o->line = row->line;
	o->note = cols[4] >= 0 && *row->fields[cols[4]] ? row->fields[cols[4]] : NULL;
	indvalue_parse(value, &o->value);
	if (o->value.kind == INDVALUE_TEXT)
		diag_error(l->diags, path, row->line, row->cols[cols[3]],
			   "cannot read the value \"%s\" of %s; write a number, a comparison (<8, "
			   "≥80), a change (增长30%%, 每年降低0.5个百分点) or — for no data", value,
			   ind->id);
}

static void read_values(struct loader *l, const char *path)
{
	static const char *const names[5] = { "indicator", "year", "kind", "value", "note" };
	struct strbuf text = STRBUF_INIT;
	struct csv_table csv;
	int cols[5];

	if (fsio_read_text(path, &text, l->diags) < 0 ||
	    csv_parse(&csv, l->a, text.buf, text.len, path, l->diags) < 0) {
		strbuf_release(&text);
		return;
	}
	strbuf_release(&text);
	for (int i = 0; i < 5; i++) {
		cols[i] = csv_column(&csv, names[i]);
		if (cols[i] < 0 && i < 4) {
			diag_error(l->diags, path, 1, 1,
				   "the header must name the columns indicator, year, kind, value "
				   "(and optionally note); \"%s\" is missing", names[i]);
			return;
		}
	}
	for (size_t r = 1; r < csv.count; r++)
		add_obs(l, path, &csv.rows[r], cols);
}

/* The set's "table": 1 for the document's first table; 0, after a
 * diagnostic, when it is not a whole number in range. */
static int table_number(struct loader *l, const struct ynode *root, const char *table)
{
	const struct ynode *n = yaml_get(root, "table");
	char *end;
	long v;

	errno = 0;
	v = strtol(table, &end, 10);
	if (end != table && !*end && errno != ERANGE && v >= 1 && v <= INT_MAX)
		return (int)v;
	diag_error(l->diags, l->path, n->line, n->col,
		   "\"table\" must be a whole number from 1 (the document's first table) to %d, "
		   "not \"%s\"", INT_MAX, table);
	return 0;
}

static void read_set(struct loader *l, const char *dir, const char *name)
{
	struct strbuf text = STRBUF_INIT, csv = STRBUF_INIT;
	struct indicator_list *list = &l->m->indicators;
	struct indicator_set *set;
	struct ynode *root, *items;
	const char *slug, *table;

	strbuf_addf(&l->sb, "%s/%s", dir, name);
	l->path = arena_strdup(l->a, l->sb.buf);
	strbuf_reset(&l->sb);
	if (fsio_read_text(l->path, &text, l->diags) < 0)
		goto out;
	root = yaml_read(l->a, text.buf, text.len, l->path, 1, l->diags);
	if (!root)
		goto out;
	if (root->kind != YAML_MAPPING) {
		diag_error(l->diags, l->path, 1, 1, "an indicator set is a mapping (document, table, "
			   "title, indicators)");
		goto out;
	}
	yaml_check_keys(root, set_keys, l->path, l->diags);
	set = arena_calloc(l->a, 1, sizeof(*set));
	*(struct indicator_set **)ARENA_PUSH(l->a, list->sets, list->nsets, list->asets) = set;
	set->id = arena_strndup(l->a, name, strlen(name) - 5);
	if (!slug_is_valid(set->id))
		diag_error(l->diags, l->path, 0, 0,
			   "bad file name: the set id \"%s\" must be lower-case ASCII letters, digits "
			   "and '-'; rename the file", set->id);
	set->path = l->path;
	set->title = text_of(l, root, "title", 1);
	set->period = text_of(l, root, "period", 0);
	slug = text_of(l, root, "document", 1);
	table = text_of(l, root, "table", 1);
	if (slug && !(set->doc = model_find_slug(l->m, slug)))
		diag_error(l->diags, l->path, yaml_get(root, "document")->line,
			   yaml_get(root, "document")->col,
			   "\"document\" names \"%s\", which is not in content/policies/", slug);
	set->table = table ? table_number(l, root, table) : 0;
	items = yaml_get(root, "indicators");
	if (items && items->kind == YAML_SEQUENCE)
		for (size_t i = 0; i < items->count; i++)
			read_indicator(l, set, items->items[i]);
	else
		diag_error(l->diags, l->path, root->line, root->col,
			   "missing \"indicators\": the list of the table's indicators");
	for (size_t i = 0; i < set->count; i++) {
		if (find_indicator(&l->ids, set->items[i]->id))
			diag_error(l->diags, l->path, set->items[i]->line, 0,
				   "duplicate indicator id \"%s\"", set->items[i]->id);
		struct indicator **slot = ARENA_PUSH(l->a, list->all, list->count, list->alloc);
		*slot = set->items[i];
		add_indicator(&l->ids, set->items[i]);
	}
	strbuf_addf(&csv, "%s/%s.csv", dir, set->id);
	if (fsio_is_file(csv.buf))
		read_values(l, arena_strdup(l->a, csv.buf));
out:
	strbuf_release(&text);
	strbuf_release(&csv);
}

static int compare_obs(const void *pa, const void *pb)
{
	const struct indicator_obs *a = pa, *b = pb;

	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	return (int)a->kind - (int)b->kind;
}

static const struct indicator_obs *find_obs(const struct indicator *ind,
					     enum indicator_obs_kind kind, int year)
{
	const struct indicator_obs *found = NULL;

	for (size_t i = 0; i < ind->nobs; i++)
		if (ind->obs[i].kind == kind && (!year || ind->obs[i].year == year))
			found = &ind->obs[i];
	return found;
}

/* The distance from the baseline to an open target, in words. */
static void open_target(struct indicator *ind, const struct indicator_obs *target,
			const struct indicator_obs *base, struct strbuf *why)
{
	double goal, from;
	struct strbuf num = STRBUF_INIT;

	strbuf_addf(why, "%d年基线%s，%d年目标%s", base->year, base->value.text, target->year,
		    target->value.text);
	if (base->value.kind == INDVALUE_ABSOLUTE && base->value.count == 1 &&
	    indvalue_target_number(&target->value, &base->value, target->year - base->year,
				   &goal) == 0) {
		from = base->value.numbers[0];
		if (indvalue_judge(&target->value, &base->value, &base->value, ind->higher_is_better,
				   NULL) == INDVALUE_ACHIEVED) {
			strbuf_adds(why, "：基线已满足目标");
		} else if (goal == from) {
			indvalue_format_number(goal, &num);
			strbuf_addf(why, "：需%s%s%s%s", ind->higher_is_better ? "高于" : "低于", num.buf,
				    indicator_unit_gap(ind->unit), ind->unit);
		} else {
			/* A change of a percentage is in percentage points. */
			indvalue_format_number(goal > from ? goal - from : from - goal, &num);
			strbuf_addf(why, "：需%s%s%s%s", goal > from ? "提高" : "降低", num.buf,
				    indicator_unit_gap(ind->unit),
				    strcmp(ind->unit, "%") ? ind->unit : "个百分点");
		}
	}
	strbuf_adds(why, "；尚无实际值");
	strbuf_release(&num);
}

static void judge(struct loader *l, struct indicator *ind)
{
	const struct indicator_obs *target = find_obs(ind, INDICATOR_TARGET, 0);
	const struct indicator_obs *actual, *base = find_obs(ind, INDICATOR_BASELINE, 0);
	struct strbuf why = STRBUF_INIT;

	if (!target)
		return;
	/* 比2015年降低5% is measured from 2015, whatever the table's baseline. */
	if (target->value.base_year) {
		base = find_obs(ind, INDICATOR_BASELINE, target->value.base_year);
		if (!base)
			base = find_obs(ind, INDICATOR_ACTUAL, target->value.base_year);
	}
	actual = find_obs(ind, INDICATOR_ACTUAL, target->year);
	ind->progress.target_text = target->value.text;
	if (actual) {
		ind->progress.has = 1;
		ind->progress.actual_text = actual->value.text;
		ind->progress.verdict = indvalue_judge(&target->value, &actual->value,
						       base ? &base->value : NULL,
						       ind->higher_is_better, &why);
	} else if (base) {
		ind->progress.has = 1;
		ind->progress.open = target->year > l->m->config.as_of.year;
		ind->progress.verdict = INDVALUE_UNKNOWN;
		open_target(ind, target, base, &why);
		if (!ind->progress.open)
			strbuf_adds(&why, "，无法判断");
	}
	ind->progress.why = arena_strndup(l->a, why.buf, why.len);
	strbuf_release(&why);
}

static void link_indicator(struct loader *l, struct indicator *ind)
{
	if (ind->nobs)
		qsort(ind->obs, ind->nobs, sizeof(*ind->obs), compare_obs);
	if (ind->parent_id && !(ind->parent = find_indicator(&l->ids, ind->parent_id)))
		diag_error(l->diags, ind->set->path, ind->line, 0,
			   "\"parent\" names \"%s\", which is not an indicator", ind->parent_id);
	judge(l, ind);
}

/* Give the set's table in its document an anchor and a link back. */
static void link_table(struct loader *l, struct indicator_set *set)
{
	if (!set->doc)
		return;
	set->anchor = document_claim_id(set->doc, l->a, arena_strfmt(l->a, "indicators-%s", set->id));
	if (set->table < 1)
		return;	/* missing or refused, and reported as such */
	if ((size_t)set->table <= set->doc->ntables)
		document_bind_table(set->doc, l->a, (size_t)set->table, set);
	else
		diag_error(l->diags, set->path, 0, 0, "\"table\": %s has no table %d",
			   set->doc->path, set->table);
}

/* By compare key, then by place in m->indicators.all: the elements are
 * pointers to its slots. */
static int compare_slots(const void *pa, const void *pb)
{
	struct indicator **a = *(struct indicator **const *)pa;
	struct indicator **b = *(struct indicator **const *)pb;
	int c = strcmp((*a)->compare, (*b)->compare);

	return c ? c : (a > b) - (a < b);
}

/* Sort the indicators that have a compare key into m->by_compare, so that
 * indicator_comparable takes log n comparisons, not a pass over all. */
static void index_compare_keys(struct model *m, struct arena *a)
{
	const struct indicator_list *list = &m->indicators;
	struct indicator ***slots = xcalloc(list->count ? list->count : 1, sizeof(*slots));
	size_t n = 0;

	for (size_t i = 0; i < list->count; i++)
		if (list->all[i]->compare)
			slots[n++] = &list->all[i];
	if (n)
		qsort(slots, n, sizeof(*slots), compare_slots);
	m->by_compare = arena_calloc(a, n ? n : 1, sizeof(*m->by_compare));
	for (size_t k = 0; k < n; k++)
		m->by_compare[k] = *slots[k];
	m->nby_compare = n;
	free(slots);
}

int indicator_load_all(struct model *m, struct arena *a, const char *dir, struct diag_list *diags)
{
	struct loader l = { m, a, diags, NULL, STRBUF_INIT, { NULL, 0, 0 } };
	size_t errors = diags->errors;
	char **names;
	int n;

	memset(&m->indicators, 0, sizeof(m->indicators));
	m->by_compare = NULL;
	m->nby_compare = 0;
	if (!fsio_is_dir(dir))
		return 0;
	n = fsio_list_dir(dir, &names);
	for (int i = 0; i < n; i++) {
		size_t len = strlen(names[i]);
		if (len > 5 && !strcmp(names[i] + len - 5, ".yaml"))
			read_set(&l, dir, names[i]);
		free(names[i]);
	}
	free(names);
	for (size_t i = 0; i < m->indicators.count; i++)
		link_indicator(&l, m->indicators.all[i]);
	for (size_t i = 0; i < m->indicators.nsets; i++)
		link_table(&l, m->indicators.sets[i]);
	index_compare_keys(m, a);
	strbuf_release(&l.sb);
	free(l.ids.slots);
	return diags->errors > errors ? -1 : 0;
}

size_t indicator_comparable(const struct model *m, const struct indicator *ind,
			    struct indicator **out, size_t max)
{
	size_t n = 0;

	if (!ind->compare) {
		if (max)
			out[n++] = (struct indicator *)ind;
		return n;
	}
	size_t lo = 0, hi = m->nby_compare;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(m->by_compare[mid]->compare, ind->compare) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < m->nby_compare && n < max; i++) {
		if (strcmp(m->by_compare[i]->compare, ind->compare))
			break;
		out[n++] = m->by_compare[i];
	}
	return n;
}
