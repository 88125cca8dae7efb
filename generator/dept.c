#include "dept.h"

#include <stdlib.h>
#include <string.h>

#include "fsio.h"
#include "slug.h"
#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"
#include "yamlread.h"

static const char *const dept_keys[] = {
	"id", "name", "short", "aliases", "region", "level", "kind", NULL,
};

static const char *const dept_kinds[] = {
	"government", "party", "collective", "agency", "hospital", "regulator", "group", "other",
	NULL,
};

static int in_list(const char *s, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(s, *list))
			return 1;
	return 0;
}

static const char *field(const struct ynode *map, const char *key, const char *path,
			 struct diag_list *diags, int required, int *ret)
{
	const struct ynode *n = yaml_get(map, key);
	const char *v;

	if (!n) {
		if (required)
			*ret = diag_error(diags, path, map->line, map->col,
					  "department without \"%s\"", key);
		return NULL;
	}
	if (!(v = yaml_scalar(n, key, path, diags)) || !*v) {
		if (v)
			*ret = diag_error(diags, path, n->line, n->col, "\"%s\" is empty", key);
		else
			*ret = -1;
		return NULL;
	}
	return v;
}

static int read_aliases(struct dept *d, struct arena *a, const struct ynode *map,
			const char *path, struct diag_list *diags)
{
	const struct ynode *n = yaml_get(map, "aliases");

	if (!n)
		return 0;
	if (n->kind == YAML_SCALAR) {
		const char **slot = ARENA_PUSH(a, d->aliases.items, d->aliases.count, d->aliases.alloc);
		*slot = n->value;
		return 0;
	}
	if (n->kind != YAML_SEQUENCE)
		return diag_error(diags, path, n->line, n->col, "\"aliases\" must be a list of names");
	for (size_t i = 0; i < n->count; i++) {
		const char *v = yaml_scalar(n->items[i], "aliases", path, diags);
		if (!v)
			return -1;
		const char **slot = ARENA_PUSH(a, d->aliases.items, d->aliases.count, d->aliases.alloc);
		*slot = v;
	}
	return 0;
}

static int read_dept(struct dept_registry *reg, struct arena *a, const struct ynode *map,
		     const char *path, struct diag_list *diags)
{
	struct dept *d;
	int ret = 0;

	if (map->kind != YAML_MAPPING)
		return diag_error(diags, path, map->line, map->col,
				  "each department must be a mapping (id, name, region, …)");
	if (yaml_check_keys(map, dept_keys, path, diags) < 0)
		ret = -1;
	d = ARENA_PUSH(a, reg->items, reg->count, reg->alloc);
	d->line = map->line;
	d->id = field(map, "id", path, diags, 1, &ret);
	d->name = field(map, "name", path, diags, 1, &ret);
	d->short_name = field(map, "short", path, diags, 0, &ret);
	d->region = field(map, "region", path, diags, 1, &ret);
	d->level = field(map, "level", path, diags, 1, &ret);
	d->kind = field(map, "kind", path, diags, 1, &ret);
	if (read_aliases(d, a, map, path, diags) < 0)
		ret = -1;
	if (d->id && !slug_is_valid(d->id))
		ret = diag_error(diags, path, yaml_get(map, "id")->line, yaml_get(map, "id")->col,
				 "bad department id \"%s\": use lower-case ASCII letters, digits "
				 "and '-'", d->id);
	if (d->kind && !in_list(d->kind, dept_kinds))
		ret = diag_error(diags, path, yaml_get(map, "kind")->line,
				 yaml_get(map, "kind")->col,
				 "unknown department kind \"%s\"; use government, party, collective, "
				 "agency, hospital, regulator, group or other", d->kind);
	if (ret < 0)
		reg->count--;
	return ret;
}

/* Every name a department answers to within its region. */
static size_t names_of(const struct dept *d, const char *out[], size_t max)
{
	size_t n = 0;

	out[n++] = d->name;
	if (d->short_name)
		out[n++] = d->short_name;
	for (size_t i = 0; i < d->aliases.count && n < max; i++)
		out[n++] = d->aliases.items[i];
	return n;
}

#define DEPT_MAX_NAMES 32

/* One name a department answers to in its region; with region "", its id
 * or its full name, which answer anywhere. */
struct dept_index_entry {
	const char *region, *name;
	size_t dept;	/* index in the registry */
};

static int same_name(const struct dept_index_entry *a, const struct dept_index_entry *b)
{
	return !strcmp(a->region, b->region) && !strcmp(a->name, b->name);
}

static int compare_entries(const void *pa, const void *pb)
{
	const struct dept_index_entry *a = pa, *b = pb;
	int c = strcmp(a->region, b->region);

	if (!c)
		c = strcmp(a->name, b->name);
	return c ? c : (a->dept > b->dept) - (a->dept < b->dept);
}

static struct dept_index_entry *sorted_entries(struct dept_index_entry *entries, size_t n)
{
	if (n)
		qsort(entries, n, sizeof(*entries), compare_entries);
	return entries;
}

/* An entry in `out` for every name of every department in its region,
 * unless `out` is NULL; the count. */
static size_t region_names(const struct dept_registry *reg, struct dept_index_entry *out)
{
	const char *names[DEPT_MAX_NAMES];
	size_t n = 0;

	for (size_t i = 0; i < reg->count; i++) {
		const struct dept *d = &reg->items[i];
		size_t nn = names_of(d, names, DEPT_MAX_NAMES);
		for (size_t k = 0; k < nn; k++, n++)
			if (out)
				out[n] = (struct dept_index_entry){ d->region, names[k], i };
	}
	return n;
}

/* Ids must be unique, and names within a region. The names are sorted
 * rather than compared pair by pair, so that a registry of 100,000
 * departments takes a second, not hours; each repeat is reported against
 * the first department that has the name. */
static int check_unique(const struct dept_registry *reg, const char *path,
			struct diag_list *diags)
{
	size_t n = reg->count + region_names(reg, NULL), first = 0;
	struct dept_index_entry *entries = xcalloc(n ? n : 1, sizeof(*entries));
	int ret = 0;

	for (size_t i = 0; i < reg->count; i++)
		entries[i] = (struct dept_index_entry){ "", reg->items[i].id, i };
	region_names(reg, entries + reg->count);
	sorted_entries(entries, n);
	for (size_t k = 1; k < n; k++) {
		const struct dept_index_entry *e = &entries[k];
		if (!same_name(e, &entries[first])) {
			first = k;
			continue;
		}
		/* Sorted by department within a name: skip a department's own
		 * repeats (a short name equal to its name). */
		if (e->dept == entries[first].dept || e->dept == entries[k - 1].dept)
			continue;
		const struct dept *d = &reg->items[e->dept], *o = &reg->items[entries[first].dept];
		if (!*e->region)
			ret = diag_error(diags, path, d->line, 0,
					 "duplicate department id \"%s\" (first at line %u)", d->id,
					 o->line);
		else
			ret = diag_error(diags, path, d->line, 0,
					 "\"%s\" names both %s and %s in %s; a name must be unique "
					 "within its region", e->name, o->id, d->id, d->region);
	}
	free(entries);
	return ret;
}

static int compare_dept(const void *pa, const void *pb)
{
	const struct dept *a = pa, *b = pb;
	int c = strcmp(a->region, b->region);

	return c ? c : strcmp(a->id, b->id);
}

/* The indexes dept_resolve and dept_find_id search, once the registry is
 * in its final order: names by region, full names and ids. */
static void index_registry(struct dept_registry *reg, struct arena *a)
{
	size_t n = region_names(reg, NULL), count = reg->count ? reg->count : 1;
	struct dept_index_entry *full = arena_calloc(a, count, sizeof(*full));
	struct dept_index_entry *ids = arena_calloc(a, count, sizeof(*ids));

	reg->by_name = arena_calloc(a, n ? n : 1, sizeof(*reg->by_name));
	reg->nby_name = region_names(reg, reg->by_name);
	for (size_t i = 0; i < reg->count; i++) {
		full[i] = (struct dept_index_entry){ "", reg->items[i].name, i };
		ids[i] = (struct dept_index_entry){ "", reg->items[i].id, i };
	}
	sorted_entries(reg->by_name, reg->nby_name);
	reg->by_full_name = sorted_entries(full, reg->count);
	reg->by_id = sorted_entries(ids, reg->count);
}

int dept_registry_load(struct dept_registry *reg, struct arena *a, const char *path,
		       struct diag_list *diags)
{
	struct strbuf text = STRBUF_INIT;
	struct ynode *root;
	int ret = 0;

	memset(reg, 0, sizeof(*reg));
	if (!fsio_is_file(path))
		return 0;
	if (fsio_read_text(path, &text, diags) < 0) {
		strbuf_release(&text);
		return -1;
	}
	root = yaml_read(a, text.buf, text.len, path, 1, diags);
	strbuf_release(&text);
	if (!root)
		return -1;
	if (root->kind == YAML_MAPPING && !root->count)
		return 0;
	if (root->kind != YAML_SEQUENCE)
		return diag_error(diags, path, root->line, root->col,
				  "the department registry must be a list of departments");
	for (size_t i = 0; i < root->count; i++)
		if (read_dept(reg, a, root->items[i], path, diags) < 0)
			ret = -1;
	if (check_unique(reg, path, diags) < 0)
		ret = -1;
	if (reg->count)
		qsort(reg->items, reg->count, sizeof(*reg->items), compare_dept);
	index_registry(reg, a);
	return ret;
}

/* The first entry of the sorted `entries` for `region` and `name`, or
 * NULL: with the registry order as the last sort key, the first department
 * in that order that answers to the name. */
static const struct dept_index_entry *lookup(const struct dept_index_entry *entries,
					     size_t n, const char *region, const char *name)
{
	struct dept_index_entry key = { region, name, 0 };
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (compare_entries(&entries[mid], &key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && same_name(&entries[lo], &key) ? &entries[lo] : NULL;
}

/* The departments of `region`, which the registry keeps together:
 * items[*from, return value). None for a NULL region (a document whose
 * front matter could not be read). */
static size_t region_range(const struct dept_registry *reg, const char *region, size_t *from)
{
	size_t lo = 0, hi = reg->count, end;

	*from = 0;
	if (!region)
		return 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(reg->items[mid].region, region) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*from = lo;
	for (end = lo; end < reg->count && !strcmp(reg->items[end].region, region); end++)
		;
	return end;
}

struct dept *dept_resolve(const struct dept_registry *reg, const char *region, const char *name)
{
	const struct dept_index_entry *e = NULL;

	if (region)
		e = lookup(reg->by_name, reg->nby_name, region, name);
	if (!e)
		e = lookup(reg->by_full_name, reg->count, "", name);
	return e ? &reg->items[e->dept] : NULL;
}

const char *dept_suggest(const struct dept_registry *reg, const char *region, const char *name)
{
	const char *best = NULL;
	size_t best_dist = (strlen(name) / 3 + 2) / 2 + 1, i, end = region_range(reg, region, &i);

	for (; i < end; i++) {
		const char *names[DEPT_MAX_NAMES];
		size_t n = names_of(&reg->items[i], names, DEPT_MAX_NAMES);
		for (size_t k = 0; k < n; k++) {
			size_t dist = utf8_distance(name, names[k]);
			if (dist < best_dist) {
				best_dist = dist;
				best = names[k];
			}
		}
	}
	return best;
}

struct dept *dept_find_id(const struct dept_registry *reg, const char *id)
{
	const struct dept_index_entry *e = lookup(reg->by_id, reg->count, "", id);

	return e ? &reg->items[e->dept] : NULL;
}

void dept_each_name(const struct dept_registry *reg, const char *region,
		    void (*fn)(void *ctx, const char *name, struct dept *d), void *ctx)
{
	size_t i, end = region_range(reg, region, &i);

	for (; i < end; i++) {
		struct dept *d = &reg->items[i];
		const char *names[DEPT_MAX_NAMES];
		size_t n = names_of(d, names, DEPT_MAX_NAMES);
		for (size_t k = 0; k < n; k++)
			fn(ctx, names[k], d);
	}
}
