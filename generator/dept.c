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

/* One name a department answers to, or its id (with region ""). */
struct name_entry {
	const char *region, *name;
	size_t dept;	/* index in the registry */
};

static int same_name(const struct name_entry *a, const struct name_entry *b)
{
	return !strcmp(a->region, b->region) && !strcmp(a->name, b->name);
}

static int compare_entries(const void *pa, const void *pb)
{
	const struct name_entry *a = pa, *b = pb;
	int c = strcmp(a->region, b->region);

	if (!c)
		c = strcmp(a->name, b->name);
	return c ? c : (a->dept > b->dept) - (a->dept < b->dept);
}

/* Ids must be unique, and names within a region. The names are sorted
 * rather than compared pair by pair, so that a registry of 100,000
 * departments takes a second, not hours; each repeat is reported against
 * the first department that has the name. */
static int check_unique(const struct dept_registry *reg, const char *path,
			struct diag_list *diags)
{
	const char *names[DEPT_MAX_NAMES];
	struct name_entry *entries;
	size_t n = 0, first = 0;
	int ret = 0;

	for (size_t i = 0; i < reg->count; i++)
		n += 1 + names_of(&reg->items[i], names, DEPT_MAX_NAMES);
	entries = xcalloc(n, sizeof(*entries));
	n = 0;
	for (size_t i = 0; i < reg->count; i++) {
		const struct dept *d = &reg->items[i];
		size_t nn = names_of(d, names, DEPT_MAX_NAMES);
		entries[n++] = (struct name_entry){ "", d->id, i };
		for (size_t k = 0; k < nn; k++)
			entries[n++] = (struct name_entry){ d->region, names[k], i };
	}
	if (n)
		qsort(entries, n, sizeof(*entries), compare_entries);
	for (size_t k = 1; k < n; k++) {
		const struct name_entry *e = &entries[k];
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
	return ret;
}

/* A document whose front matter could not be read has no region. */
static int in_region(const struct dept *d, const char *region)
{
	return region && !strcmp(d->region, region);
}

struct dept *dept_resolve(const struct dept_registry *reg, const char *region, const char *name)
{
	for (size_t i = 0; i < reg->count; i++) {
		struct dept *d = &reg->items[i];
		const char *names[DEPT_MAX_NAMES];
		size_t n = names_of(d, names, DEPT_MAX_NAMES);
		if (!in_region(d, region))
			continue;
		for (size_t k = 0; k < n; k++)
			if (!strcmp(names[k], name))
				return d;
	}
	for (size_t i = 0; i < reg->count; i++)
		if (!strcmp(reg->items[i].name, name))
			return &reg->items[i];
	return NULL;
}

const char *dept_suggest(const struct dept_registry *reg, const char *region, const char *name)
{
	const char *best = NULL;
	size_t best_dist = (strlen(name) / 3 + 2) / 2 + 1;

	for (size_t i = 0; i < reg->count; i++) {
		const struct dept *d = &reg->items[i];
		const char *names[DEPT_MAX_NAMES];
		size_t n = names_of(d, names, DEPT_MAX_NAMES);
		if (!in_region(d, region))
			continue;
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
	for (size_t i = 0; i < reg->count; i++)
		if (!strcmp(reg->items[i].id, id))
			return &reg->items[i];
	return NULL;
}

void dept_each_name(const struct dept_registry *reg, const char *region,
		    void (*fn)(void *ctx, const char *name, struct dept *d), void *ctx)
{
	for (size_t i = 0; i < reg->count; i++) {
		struct dept *d = &reg->items[i];
		const char *names[DEPT_MAX_NAMES];
		size_t n = names_of(d, names, DEPT_MAX_NAMES);
		if (!in_region(d, region))
			continue;
		for (size_t k = 0; k < n; k++)
			fn(ctx, names[k], d);
	}
}
