#include "assets.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "fsio.h"
#include "hash.h"
#include "xalloc.h"

/* "css/site.css" with tag t becomes "css/site.t.css"; a name without an
 * extension gets ".t" at the end. */
static char *hashed_name(const char *name, const struct strbuf *data)
{
	char tag[HASH_TAG_LEN + 1];
	const char *base = strrchr(name, '/');
	const char *dot = strrchr(base ? base + 1 : name, '.');
	struct strbuf sb = STRBUF_INIT;

	hash_tag(hash_fnv1a64(HASH_FNV64_INIT, data->buf, data->len), tag);
	if (!dot || dot == (base ? base + 1 : name))	/* ".htaccess" has no extension */
		dot = name + strlen(name);
	strbuf_add(&sb, name, (size_t)(dot - name));
	strbuf_addf(&sb, ".%s%s", tag, dot);
	return strbuf_detach(&sb, NULL);
}

static int read_folder(struct asset_list *list, size_t *alloc, const char *dir,
		       const char *prefix, struct diag_list *diags)
{
	char **names;
	int n = fsio_list_dir(dir, &names), ret = 0;

	if (n < 0)
		return diag_error(diags, dir, 0, 0, "cannot read the assets folder: %s",
				  strerror(errno));
	for (int i = 0; i < n; i++) {
		struct strbuf path = STRBUF_INIT, name = STRBUF_INIT;
		if (names[i][0] == '.')	/* editor and system files */
			goto next;
		strbuf_addf(&path, "%s/%s", dir, names[i]);
		strbuf_addf(&name, "%s%s", prefix, names[i]);
		if (fsio_is_dir(path.buf)) {
			strbuf_addch(&name, '/');
			if (read_folder(list, alloc, path.buf, name.buf, diags) < 0)
				ret = -1;
			goto next;
		}
		if (list->count == *alloc) {
			*alloc = *alloc ? *alloc * 2 : 8;
			list->items = xrealloc(list->items, *alloc * sizeof(*list->items));
		}
		struct asset *a = &list->items[list->count];
		strbuf_init(&a->data);
		if (fsio_read_file(path.buf, &a->data) < 0) {
			strbuf_release(&a->data);
			ret = diag_error(diags, path.buf, 0, 0, "cannot read: %s", strerror(errno));
			goto next;
		}
		a->name = strbuf_detach(&name, NULL);
		a->hashed = hashed_name(a->name, &a->data);
		list->count++;
next:
		strbuf_release(&path);
		strbuf_release(&name);
		free(names[i]);
	}
	free(names);
	return ret;
}

int assets_read(struct asset_list *list, const char *dir, struct diag_list *diags)
{
	size_t alloc = 0;

	memset(list, 0, sizeof(*list));
	return read_folder(list, &alloc, dir, "", diags);
}

void assets_release(struct asset_list *list)
{
	for (size_t i = 0; i < list->count; i++) {
		free(list->items[i].name);
		free(list->items[i].hashed);
		strbuf_release(&list->items[i].data);
	}
	free(list->items);
	memset(list, 0, sizeof(*list));
}

const char *assets_hashed(const struct asset_list *list, const char *name)
{
	for (size_t i = 0; i < list->count; i++)
		if (!strcmp(list->items[i].name, name))
			return list->items[i].hashed;
	return NULL;
}
