#include "config.h"

#include <string.h>

#include "fsio.h"
#include "strbuf.h"
#include "yamlread.h"

static const char *const config_keys[] = {
	"title", "description", "language", "base_url", "as_of", "allow_raw_html", NULL,
};

const char *config_normalise_base_url(struct arena *a, const char *url, const char **why)
{
	const char *rest;
	size_t len = strlen(url);

	if (!strncmp(url, "https://", 8))
		rest = url + 8;
	else if (!strncmp(url, "http://", 7))
		rest = url + 7;
	else {
		*why = "base URL must start with http:// or https://";
		return NULL;
	}
	if (!*rest || *rest == '/') {
		*why = "base URL has no host";
		return NULL;
	}
	for (const char *p = url; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == '"' || *p == '<' || *p == '>' ||
		    *p == '\\' || *p == '?' || *p == '#' || (unsigned char)*p >= 0x7F) {
			*why = "base URL may not contain spaces, quotes, '?', '#' or "
			       "non-ASCII characters (percent-encode them)";
			return NULL;
		}
	if (!strchr(rest, '/'))
		return arena_strfmt(a, "%s/", url);
	if (url[len - 1] != '/')
		return arena_strfmt(a, "%s/", url);
	return arena_strdup(a, url);
}

static const char *base_path_of(struct arena *a, const char *base_url)
{
	const char *host = strstr(base_url, "://") + 3;

	return arena_strdup(a, strchr(host, '/'));
}

static int read_bool(const struct ynode *n, const char *file, struct diag_list *diags, int *out)
{
	const char *v = yaml_scalar(n, "allow_raw_html", file, diags);

	if (!v)
		return -1;
	if (!strcmp(v, "true") || !strcmp(v, "yes"))
		*out = 1;
	else if (!strcmp(v, "false") || !strcmp(v, "no"))
		*out = 0;
	else
		return diag_error(diags, file, n->line, n->col,
				  "\"allow_raw_html\" must be true or false, not \"%s\"", v);
	return 0;
}

static int set_as_of(struct site_config *cfg, const char *value, const char *file,
		     unsigned line, unsigned col, struct diag_list *diags)
{
	const char *why;

	if (date_parse(value, &cfg->as_of, &why) < 0)
		return diag_error(diags, file, line, col, "bad as-of date \"%s\": %s", value, why);
	if (!cfg->as_of.day)
		return diag_error(diags, file, line, col,
				  "bad as-of date \"%s\": give a full date, YYYY-MM-DD", value);
	return 0;
}

static int set_base_url(struct site_config *cfg, struct arena *a, const char *value,
			const char *file, unsigned line, unsigned col, struct diag_list *diags)
{
	const char *why;
	const char *url = config_normalise_base_url(a, value, &why);

	if (!url)
		return diag_error(diags, file, line, col, "bad base URL \"%s\": %s", value, why);
	cfg->base_url = url;
	cfg->base_path = base_path_of(a, url);
	return 0;
}

static int read_settings(struct site_config *cfg, struct arena *a, const struct ynode *root,
			 const char *path, struct diag_list *diags)
{
	const struct ynode *n;
	int ret = 0;

	if (root->kind != YAML_MAPPING)
		return diag_error(diags, path, root->line, root->col,
				  "site settings must be a mapping of keys to values");
	ret = yaml_check_keys(root, config_keys, path, diags);
	if ((n = yaml_get(root, "title")) && !(cfg->title = yaml_scalar(n, "title", path, diags)))
		ret = -1;
	if ((n = yaml_get(root, "description")) &&
	    !(cfg->description = yaml_scalar(n, "description", path, diags)))
		ret = -1;
	if ((n = yaml_get(root, "language")) &&
	    !(cfg->language = yaml_scalar(n, "language", path, diags)))
		ret = -1;
	if ((n = yaml_get(root, "allow_raw_html")) &&
	    read_bool(n, path, diags, &cfg->allow_raw_html) < 0)
		ret = -1;
	if ((n = yaml_get(root, "base_url"))) {
		const char *v = yaml_scalar(n, "base_url", path, diags);
		if (!v || set_base_url(cfg, a, v, path, n->line, n->col, diags) < 0)
			ret = -1;
	}
	if ((n = yaml_get(root, "as_of"))) {
		const char *v = yaml_scalar(n, "as_of", path, diags);
		if (!v || set_as_of(cfg, v, path, n->line, n->col, diags) < 0)
			ret = -1;
	}
	if (!cfg->title || !*cfg->title)
		ret = diag_error(diags, path, 1, 1, "missing \"title\": name the site");
	return ret;
}

int config_load(struct site_config *cfg, struct arena *a, const char *path,
		const char *base_url, const char *as_of, const char *default_as_of,
		struct diag_list *diags)
{
	struct strbuf text = STRBUF_INIT;
	struct ynode *root;
	int ret = 0;

	memset(cfg, 0, sizeof(*cfg));
	cfg->language = "zh-CN";
	cfg->description = "";
	cfg->base_url = "http://localhost/";
	cfg->base_path = "/";
	if (fsio_read_text(path, &text, diags) < 0) {
		strbuf_release(&text);
		return -1;
	}
	root = yaml_read(a, text.buf, text.len, path, 1, diags);
	strbuf_release(&text);
	if (!root || read_settings(cfg, a, root, path, diags) < 0)
		ret = -1;
	if (base_url && set_base_url(cfg, a, base_url, "--base-url", 0, 0, diags) < 0)
		ret = -1;
	if (as_of && set_as_of(cfg, as_of, "--as-of", 0, 0, diags) < 0)
		ret = -1;
	if (!cfg->as_of.year && default_as_of &&
	    set_as_of(cfg, default_as_of, "SOURCE_DATE_EPOCH", 0, 0, diags) < 0)
		ret = -1;
	if (!cfg->as_of.year && !ret)
		ret = diag_error(diags, path, 1, 1,
				 "missing \"as_of\": the date deadlines are judged against "
				 "(YYYY-MM-DD; --as-of or SOURCE_DATE_EPOCH also set it)");
	return ret;
}

void config_path(const struct site_config *cfg, struct strbuf *out, const char *path)
{
	strbuf_reset(out);
	strbuf_adds(out, cfg->base_path);
	strbuf_adds(out, path);
}

void config_url(const struct site_config *cfg, struct strbuf *out, const char *path)
{
	strbuf_reset(out);
	strbuf_adds(out, cfg->base_url);
	strbuf_adds(out, path);
}
