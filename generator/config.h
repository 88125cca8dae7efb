#ifndef POLICYSITE_CONFIG_H
#define POLICYSITE_CONFIG_H

#include "arena.h"
#include "date.h"
#include "diag.h"
#include "strbuf.h"

/* Site settings from content/site.yaml; strings live in the build arena. */
struct site_config {
	const char *title;
	const char *description;
	const char *language;	/* the lang attribute, "zh-CN" */
	const char *base_url;	/* absolute, always ends in '/' */
	const char *base_path;	/* the path part of base_url: "/" or "/sub/" */
	struct date as_of;
	int allow_raw_html;
};

/*
 * Read `path` into `cfg`. `base_url` and `as_of`, when not NULL, override
 * the file (they come from the command line); `default_as_of` (from
 * SOURCE_DATE_EPOCH) is used only when neither `as_of` nor the file gives
 * one. Returns 0, or -1 after recording diagnostics.
 */
int config_load(struct site_config *cfg, struct arena *a, const char *path,
		const char *base_url, const char *as_of, const char *default_as_of,
		struct diag_list *diags);

/* Check and normalise a base URL (http or https, adds the trailing slash);
 * NULL and `*why` set when it is not usable. */
const char *config_normalise_base_url(struct arena *a, const char *url, const char **why);


/* `out` = the site's base path followed by `path` (which has no leading
 * '/'), e.g. "/sub/policies/x/". */
void config_path(const struct site_config *cfg, struct strbuf *out, const char *path);

/* `out` = the absolute URL of `path`, for feeds, sitemaps and canonical links. */
void config_url(const struct site_config *cfg, struct strbuf *out, const char *path);
#endif
