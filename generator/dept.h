#ifndef POLICYSITE_DEPT_H
#define POLICYSITE_DEPT_H

#include <stddef.h>

#include "arena.h"
#include "diag.h"
#include "frontmatter.h"

struct task;

/*
 * The department registry (content/departments.yaml): every unit that can
 * lead or support a task, scoped by region, so that 三明's 市卫健委 and
 * 梅州's 市卫生健康局 are different departments while 市卫生健康局 and
 * 梅州市卫生健康局 within 梅州 are one.
 */
struct dept {
	const char *id;		/* ASCII slug, unique: the URL /departments/<id>/ */
	const char *name;	/* full name */
	const char *short_name;	/* as the region's documents write it, or NULL */
	struct strlist aliases;
	const char *region;
	const char *level;
	const char *kind;	/* government, party, collective, agency, … */
	unsigned line;

	/* Filled when tasks are linked, in task order. */
	struct task **led;
	size_t nled, aled;
	struct task **supported;
	size_t nsupported, asupported;
};

/* An entry of the registry's lookup indexes, private to dept.c. */
struct dept_index_entry;

struct dept_registry {
	struct dept *items;	/* sorted by region, then id */
	size_t count, alloc;
	/* Sorted indexes into `items`, in the arena, built by
	 * dept_registry_load so that a lookup takes log n comparisons:
	 * every name, short name and alias with its region (nby_name
	 * entries), every full name and every id (count entries each). */
	struct dept_index_entry *by_name, *by_full_name, *by_id;
	size_t nby_name;
};

/* Read the registry from `path`; a missing file is an empty registry. */
int dept_registry_load(struct dept_registry *reg, struct arena *a, const char *path,
		       struct diag_list *diags);

/* The department written `name` in a document of `region`: its name, short
 * name or an alias within the region, else its full name anywhere. `region`
 * may be NULL (a document whose front matter failed), here and below: then
 * only a full name resolves, nothing is suggested and no name is listed. */
struct dept *dept_resolve(const struct dept_registry *reg, const char *region, const char *name);

/* The name or alias in `region` closest to `name`, for "did you mean";
 * NULL when nothing is close. */
const char *dept_suggest(const struct dept_registry *reg, const char *region, const char *name);

struct dept *dept_find_id(const struct dept_registry *reg, const char *id);

/* Calls `fn` for each name and alias of the departments of `region`, for
 * linking department names in text. */
void dept_each_name(const struct dept_registry *reg, const char *region,
		    void (*fn)(void *ctx, const char *name, struct dept *d), void *ctx);

#endif
