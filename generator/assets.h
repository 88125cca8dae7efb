#ifndef POLICYSITE_ASSETS_H
#define POLICYSITE_ASSETS_H

#include <stddef.h>

#include "diag.h"
#include "strbuf.h"

/*
 * The files of the assets folder (style sheet, scripts, images), published
 * under content-hashed names: "site.css" becomes "site.<tag>.css", so a
 * server may let browsers cache them for good, and a changed file gets a
 * new name. Templates name them by their plain names ("/assets/site.css");
 * html_templates_load puts the hashed names in their place.
 */
struct asset {
	char *name;	/* relative to the assets folder: "site.css", "img/logo.png" */
	char *hashed;	/* "site.3f9a1c0b2d.css" */
	struct strbuf data;
};

struct asset_list {
	struct asset *items;
	size_t count;
};

/* Read every file below `dir`, sorted by name; -1 after a diagnostic. */
int assets_read(struct asset_list *list, const char *dir, struct diag_list *diags);
void assets_release(struct asset_list *list);

/* The hashed name of asset `name`, or NULL when there is none. */
const char *assets_hashed(const struct asset_list *list, const char *name);

#endif
