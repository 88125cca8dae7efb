#include "yamlread.h"

#include <string.h>
#include <yaml.h>

#include "limit.h"
#include "utf8.h"

struct reader {
	struct arena *arena;
	yaml_parser_t parser;
	const char *file;
	const char *text;	/* `len` bytes, not necessarily NUL-terminated */
	size_t len;
	unsigned first_line;
	struct diag_list *diags;
};

/* libyaml marks are 0-based and count characters (not bytes), which is
 * the unit of our columns too. */
static unsigned mark_line(const struct reader *r, yaml_mark_t m)
{
	return r->first_line + (unsigned)m.line;
}

/* The character at a libyaml mark (marks count characters, not bytes). */
static int32_t char_at_mark(const struct reader *r, yaml_mark_t m)
{
	size_t pos = 0;

	for (size_t i = 0; i < m.index && pos < r->len; i++)
		utf8_next(r->text, r->len, &pos);
	return pos < r->len ? (unsigned char)r->text[pos] : -1;
}

static int parse_error(struct reader *r)
{
	yaml_parser_t *p = &r->parser;
	const char *what = p->problem ? p->problem : "malformed YAML";
	yaml_mark_t at = p->problem_mark;

	if (char_at_mark(r, at) == '\t')
		return diag_error(r->diags, r->file, mark_line(r, at), (unsigned)at.column + 1,
				  "tab character in YAML; indent with spaces");
	if (p->context && strstr(p->context, "quoted scalar"))
		return diag_error(r->diags, r->file, mark_line(r, p->context_mark),
				  (unsigned)p->context_mark.column + 1,
				  "quoted text is not closed (%s); add the closing quote", what);
	if (p->context)
		return diag_error(r->diags, r->file, mark_line(r, at), (unsigned)at.column + 1,
				  "%s %s", p->context, what);
	return diag_error(r->diags, r->file, mark_line(r, at), (unsigned)at.column + 1, "%s", what);
}

static struct ynode *new_node(struct reader *r, enum yaml_kind kind, yaml_mark_t m)
{
	struct ynode *n = arena_calloc(r->arena, 1, sizeof(*n));

	n->kind = kind;
	n->line = mark_line(r, m);
	n->col = (unsigned)m.column + 1;
	return n;
}

static void add_item(struct reader *r, struct ynode *parent, struct ynode *child)
{
	struct ynode **slot = ARENA_PUSH(r->arena, parent->items, parent->count, parent->alloc);
	*slot = child;
}

static int next_event(struct reader *r, yaml_event_t *ev)
{
	if (!yaml_parser_parse(&r->parser, ev))
		return parse_error(r);
	return 0;
}

static struct ynode *read_node(struct reader *r, yaml_event_t *ev, unsigned depth);

static struct ynode *read_children(struct reader *r, struct ynode *n, yaml_event_type_t end,
				   unsigned depth)
{
	for (;;) {
		yaml_event_t ev;
		if (next_event(r, &ev) < 0)
			return NULL;
		if (ev.type == end) {
			yaml_event_delete(&ev);
			break;
		}
		struct ynode *child = read_node(r, &ev, depth + 1);
		yaml_event_delete(&ev);
		if (!child)
			return NULL;
		add_item(r, n, child);
	}
	if (n->kind == YAML_MAPPING) {
		for (size_t i = 0; i < n->count; i += 2)
			if (n->items[i]->kind != YAML_SCALAR) {
				diag_error(r->diags, r->file, n->items[i]->line, n->items[i]->col,
					   "mapping keys must be plain text");
				return NULL;
			}
		n->count /= 2;
	}
	return n;
}

static struct ynode *read_node(struct reader *r, yaml_event_t *ev, unsigned depth)
{
	struct ynode *n;

	if (depth > LIMIT_YAML_DEPTH) {
		diag_error(r->diags, r->file, mark_line(r, ev->start_mark),
			   (unsigned)ev->start_mark.column + 1,
			   "YAML nested deeper than %d levels, the limit; flatten it",
			   LIMIT_YAML_DEPTH);
		return NULL;
	}
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		n = new_node(r, YAML_SCALAR, ev->start_mark);
		n->value = arena_strndup(r->arena, (const char *)ev->data.scalar.value,
					 ev->data.scalar.length);
		if (ev->data.scalar.anchor)
			goto anchor;
		return n;
	case YAML_SEQUENCE_START_EVENT:
		if (ev->data.sequence_start.anchor)
			goto anchor;
		n = new_node(r, YAML_SEQUENCE, ev->start_mark);
		return read_children(r, n, YAML_SEQUENCE_END_EVENT, depth);
	case YAML_MAPPING_START_EVENT:
		if (ev->data.mapping_start.anchor)
			goto anchor;
		n = new_node(r, YAML_MAPPING, ev->start_mark);
		return read_children(r, n, YAML_MAPPING_END_EVENT, depth);
	case YAML_ALIAS_EVENT:
		goto anchor;
	default:
		diag_error(r->diags, r->file, mark_line(r, ev->start_mark),
			   (unsigned)ev->start_mark.column + 1, "unexpected YAML event");
		return NULL;
	}
anchor:
	diag_error(r->diags, r->file, mark_line(r, ev->start_mark),
		   (unsigned)ev->start_mark.column + 1,
		   "YAML anchors and aliases (&name, *name) are not supported; write the value out");
	return NULL;
}

/* Reads STREAM-START, DOCUMENT-START, the root, and expects the end. */
static struct ynode *read_document(struct reader *r)
{
	yaml_event_t ev;
	struct ynode *root = NULL;

	if (next_event(r, &ev) < 0)
		return NULL;
	yaml_event_delete(&ev);	/* stream start */
	if (next_event(r, &ev) < 0)
		return NULL;
	if (ev.type == YAML_STREAM_END_EVENT) {
		yaml_event_delete(&ev);
		return new_node(r, YAML_MAPPING, (yaml_mark_t){0, 0, 0});
	}
	yaml_event_delete(&ev);	/* document start */
	if (next_event(r, &ev) < 0)
		return NULL;
	root = read_node(r, &ev, 0);
	yaml_event_delete(&ev);
	if (!root)
		return NULL;
	if (next_event(r, &ev) < 0)
		return NULL;
	yaml_event_delete(&ev);	/* document end */
	if (next_event(r, &ev) < 0)
		return NULL;
	if (ev.type != YAML_STREAM_END_EVENT) {
		diag_error(r->diags, r->file, mark_line(r, ev.start_mark),
			   (unsigned)ev.start_mark.column + 1,
			   "more than one YAML document; remove the extra `---`");
		root = NULL;
	}
	yaml_event_delete(&ev);
	return root;
}

struct ynode *yaml_read(struct arena *a, const char *text, size_t len, const char *file,
			unsigned first_line, struct diag_list *diags)
{
	struct reader r = { a, { 0 }, file, text, len, first_line, diags };
	struct ynode *root;

	if (!yaml_parser_initialize(&r.parser)) {
		diag_error(diags, file, 0, 0, "cannot initialise the YAML parser");
		return NULL;
	}
	yaml_parser_set_input_string(&r.parser, (const unsigned char *)text, len);
	yaml_parser_set_encoding(&r.parser, YAML_UTF8_ENCODING);
	root = read_document(&r);
	yaml_parser_delete(&r.parser);
	return root;
}

struct ynode *yaml_get(const struct ynode *map, const char *key)
{
	if (!map || map->kind != YAML_MAPPING)
		return NULL;
	for (size_t i = 0; i < map->count; i++)
		if (!strcmp(map->items[2 * i]->value, key))
			return map->items[2 * i + 1];
	return NULL;
}

int yaml_check_keys(const struct ynode *map, const char *const *allowed, const char *file,
		    struct diag_list *diags)
{
	int ret = 0;

	for (size_t i = 0; i < map->count; i++) {
		const struct ynode *key = map->items[2 * i];
		const char *best = NULL;
		size_t best_dist = 3;
		int known = 0;

		/* Edit distances, for a suggestion, only for a key not allowed. */
		for (const char *const *k = allowed; *k && !known; k++)
			known = !strcmp(key->value, *k);
		for (const char *const *k = allowed; *k && !known; k++) {
			size_t d = utf8_distance(key->value, *k);
			if (!d)
				known = 1;
			if (d < best_dist) {
				best_dist = d;
				best = *k;
			}
		}
		if (known)
			continue;
		if (best)
			ret = diag_error(diags, file, key->line, key->col,
					 "unknown key \"%s\" (did you mean \"%s\"?)", key->value, best);
		else
			ret = diag_error(diags, file, key->line, key->col,
					 "unknown key \"%s\"; remove it or check the spelling",
					 key->value);
	}
	return ret;
}

const char *yaml_scalar(const struct ynode *node, const char *key, const char *file,
			struct diag_list *diags)
{
	if (node->kind == YAML_SCALAR)
		return node->value;
	diag_error(diags, file, node->line, node->col, "\"%s\" must be text, not a %s", key,
		   node->kind == YAML_SEQUENCE ? "list" : "mapping");
	return NULL;
}
