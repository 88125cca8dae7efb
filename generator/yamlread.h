#ifndef POLICYSITE_YAMLREAD_H
#define POLICYSITE_YAMLREAD_H

#include <stddef.h>

#include "arena.h"
#include "diag.h"

/*
 * A YAML document read with libyaml into a small tree in the arena, with
 * source positions. Scalars stay strings: callers decide what a value
 * means. Anchors and aliases are refused (content never needs them, and
 * they are how "billion laughs" documents blow up).
 */
enum yaml_kind {
	YAML_SCALAR,
	YAML_SEQUENCE,
	YAML_MAPPING,
};

struct ynode {
	enum yaml_kind kind;
	unsigned line, col;	/* 1-based, in the file the text came from */
	const char *value;	/* scalars */
	size_t count;		/* sequence items, or mapping pairs */
	struct ynode **items;	/* sequence: items; mapping: key, value, key, value … */
	size_t alloc;
};

/*
 * Parse `text` (UTF-8, `len` bytes) as one YAML document, refusing nesting
 * deeper than LIMIT_YAML_DEPTH (limit.h). `first_line` is the file line
 * where the text starts (front matter starts at line 2). Returns the root
 * (an empty mapping for empty text), or NULL after recording a diagnostic.
 */
struct ynode *yaml_read(struct arena *a, const char *text, size_t len, const char *file,
			unsigned first_line, struct diag_list *diags);

/* The value of `key` in a mapping, or NULL. */
struct ynode *yaml_get(const struct ynode *map, const char *key);



/*
 * Record an error for every key of `map` not in the NULL-terminated list
 * `allowed`, suggesting the closest allowed key. Returns -1 if any.
 */
int yaml_check_keys(const struct ynode *map, const char *const *allowed, const char *file,
		    struct diag_list *diags);

/* The text of a scalar `node`, or NULL after recording "`key` must be
 * text" when it is a list or mapping. */
const char *yaml_scalar(const struct ynode *node, const char *key, const char *file,
			struct diag_list *diags);
#endif
