#include "frontmatter.h"

#include <string.h>

#include "utf8.h"
#include "yamlread.h"

static const char *const meta_keys[] = {
	"title", "doc_number", "issuer", "date", "region", "level", "kind", "genre",
	"status", "plan_period", "based_on", "summary", "interprets", "tasks", "updated", NULL,
};

static const char *const levels[] = { "省级", "市级", "县区级", NULL };

static int is_fence(const char *line, size_t len)
{
	while (len && (line[len - 1] == ' ' || line[len - 1] == '\t'))
		len--;
	return len == 3 && !memcmp(line, "---", 3);
}

int frontmatter_split(const char *text, size_t len, const char *path, size_t *fm_start,
		      size_t *fm_len, size_t *body_start, unsigned *body_line,
		      struct diag_list *diags)
{
	const char *nl = memchr(text, '\n', len);
	size_t pos, line = 2;

	*fm_start = *fm_len = *body_start = 0;
	*body_line = 1;
	if (!is_fence(text, nl ? (size_t)(nl - text) : len))
		return 0;
	if (!nl)
		return diag_error(diags, path, 1, 1,
				  "front matter is not closed; end it with a line `---`");
	*fm_start = pos = (size_t)(nl - text) + 1;
	while (pos < len) {
		const char *end = memchr(text + pos, '\n', len - pos);
		size_t llen = end ? (size_t)(end - text) - pos : len - pos;
		if (is_fence(text + pos, llen)) {
			*fm_len = pos - *fm_start;
			*body_start = end ? pos + llen + 1 : len;
			*body_line = (unsigned)line + 1;
			return 0;
		}
		pos += llen + 1;
		line++;
	}
	return diag_error(diags, path, 1, 1,
			  "front matter is not closed; end it with a line `---`");
}

static const char *text_field(const struct ynode *root, const char *key, struct arena *a,
			      const char *path, struct diag_list *diags, int *ret)
{
	const struct ynode *n = yaml_get(root, key);
	const char *v;

	if (!n)
		return NULL;
	v = yaml_scalar(n, key, path, diags);
	if (!v) {
		*ret = -1;
		return NULL;
	}
	if (!*v) {
		*ret = diag_error(diags, path, n->line, n->col, "\"%s\" is empty", key);
		return NULL;
	}
	return utf8_squeeze_wide_spaces(arena_strdup(a, v));
}

/* A key that may hold one text or a list of texts. */
static int list_field(struct strlist *out, const struct ynode *root, const char *key,
		      struct arena *a, const char *path, struct diag_list *diags)
{
	const struct ynode *n = yaml_get(root, key);

	if (!n)
		return 0;
	if (n->kind == YAML_MAPPING)
		return diag_error(diags, path, n->line, n->col,
				  "\"%s\" must be text or a list of texts", key);
	if (n->kind == YAML_SCALAR) {
		const char **slot = ARENA_PUSH(a, out->items, out->count, out->alloc);
		*slot = arena_strdup(a, n->value);
		return 0;
	}
	for (size_t i = 0; i < n->count; i++) {
		const char *v = yaml_scalar(n->items[i], key, path, diags);
		if (!v)
			return -1;
		const char **slot = ARENA_PUSH(a, out->items, out->count, out->alloc);
		*slot = arena_strdup(a, v);
	}
	return 0;
}

static int check_required(const struct doc_meta *m, const struct ynode *root, const char *path,
			  struct diag_list *diags)
{
	static const char *const required[] = {
		"title", "issuer", "date", "region", "level", "kind", "summary", NULL,
	};
	int ret = 0;

	for (const char *const *k = required; *k; k++)
		if (!yaml_get(root, *k))
			ret = diag_error(diags, path, root->line, root->col,
					 "missing required field \"%s\" in front matter", *k);
	if (m->kind == DOC_INTERPRETATION && !m->interprets)
		ret = diag_error(diags, path, root->line, root->col,
				 "an interpretation needs \"interprets\": the slug of the policy it "
				 "explains");
	if (m->kind == DOC_POLICY && m->interprets)
		ret = diag_error(diags, path, m->interprets_line, m->interprets_col,
				 "\"interprets\" is only for kind: interpretation");
	return ret;
}

static int read_enum_fields(struct doc_meta *m, const struct ynode *root, const char *path,
			    struct diag_list *diags)
{
	const struct ynode *n;
	const char *why;
	int ret = 0;

	if ((n = yaml_get(root, "date")) && n->kind == YAML_SCALAR &&
	    date_parse(n->value, &m->date, &why) < 0)
		ret = diag_error(diags, path, n->line, n->col, "bad date \"%s\": %s", n->value, why);
	m->updated = m->date;
	if ((n = yaml_get(root, "updated")) && n->kind == YAML_SCALAR) {
		if (date_parse(n->value, &m->updated, &why) < 0)
			ret = diag_error(diags, path, n->line, n->col, "bad date \"%s\": %s",
					 n->value, why);
		else if (date_compare(&m->updated, &m->date) < 0)
			ret = diag_error(diags, path, n->line, n->col,
					 "\"updated\" (%s) is before the document's date; it is "
					 "when the page was last revised", n->value);
	}
	if ((n = yaml_get(root, "kind")) && n->kind == YAML_SCALAR) {
		if (!strcmp(n->value, "policy"))
			m->kind = DOC_POLICY;
		else if (!strcmp(n->value, "interpretation"))
			m->kind = DOC_INTERPRETATION;
		else
			ret = diag_error(diags, path, n->line, n->col,
					 "unknown kind \"%s\"; use policy or interpretation",
					 n->value);
	}
	if ((n = yaml_get(root, "level")) && n->kind == YAML_SCALAR) {
		const char *const *l;
		for (l = levels; *l && strcmp(*l, n->value); l++)
			;
		if (!*l)
			ret = diag_error(diags, path, n->line, n->col,
					 "unknown level \"%s\"; use 省级, 市级 or 县区级", n->value);
	}
	if ((n = yaml_get(root, "tasks")) && n->kind == YAML_SCALAR) {
		if (!strcmp(n->value, "none"))
			m->no_tasks = 1;
		else if (strcmp(n->value, "measures"))
			ret = diag_error(diags, path, n->line, n->col,
					 "\"tasks\" must be measures (the default) or none, not "
					 "\"%s\"", n->value);
	}
	if ((n = yaml_get(root, "doc_number"))) {
		m->doc_number_line = n->line;
		m->doc_number_col = n->col;
	}
	if ((n = yaml_get(root, "interprets"))) {
		m->interprets_line = n->line;
		m->interprets_col = n->col;
	}
	return ret;
}

int frontmatter_read(struct doc_meta *m, struct arena *a, const struct ynode *root,
		     const char *path, struct diag_list *diags)
{
	int ret = 0;

	memset(m, 0, sizeof(*m));
	if (root->kind != YAML_MAPPING)
		return diag_error(diags, path, root->line, root->col,
				  "front matter must be a mapping of keys to values");
	if (yaml_check_keys(root, meta_keys, path, diags) < 0)
		ret = -1;
	m->title = text_field(root, "title", a, path, diags, &ret);
	m->doc_number = text_field(root, "doc_number", a, path, diags, &ret);
	m->region = text_field(root, "region", a, path, diags, &ret);
	m->level = text_field(root, "level", a, path, diags, &ret);
	m->genre = text_field(root, "genre", a, path, diags, &ret);
	m->status = text_field(root, "status", a, path, diags, &ret);
	m->plan_period = text_field(root, "plan_period", a, path, diags, &ret);
	m->summary = text_field(root, "summary", a, path, diags, &ret);
	m->interprets = text_field(root, "interprets", a, path, diags, &ret);
	text_field(root, "date", a, path, diags, &ret);
	text_field(root, "updated", a, path, diags, &ret);
	text_field(root, "kind", a, path, diags, &ret);
	if (list_field(&m->issuers, root, "issuer", a, path, diags) < 0 ||
	    list_field(&m->based_on, root, "based_on", a, path, diags) < 0)
		ret = -1;
	if (read_enum_fields(m, root, path, diags) < 0)
		ret = -1;
	if (check_required(m, root, path, diags) < 0)
		ret = -1;
	return ret;
}
