/*
 * Fuzz target: the YAML readers of content/, each through its file as the
 * build reads it. The first byte of the input picks the reader (its value
 * modulo 3), the rest is the file:
 *   0  site.yaml through config_load, then the paths it makes
 *   1  departments.yaml through dept_registry_load, then every department
 *      looked up by id, name and a misspelt name
 *   2  an indicator set through indicator_load_all: the YAML, and after
 *      the first form feed (\f), if any, its CSV of values. The set's
 *      document is a stand-in with slug "fuzz-doc" and three tables.
 * Besides the sanitizers, the target checks that a registry that loaded
 * without error resolves every department it holds.
 */
#include <cmark-gfm.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "config.h"
#include "dept.h"
#include "diag.h"
#include "fuzz.h"
#include "markdown.h"
#include "model.h"
#include "strbuf.h"

/* The document an indicator set names: three tables, as the seeds'
 * plans have at most. */
static const char stand_in_body[] =
	"## 表\n\n| 指标 | 2020年 | 2025年 |\n| --- | --- | --- |\n| 人均预期寿命 | 79.1 | 79.7 |\n\n"
	"| a | b |\n| - | - |\n| 1 | 2 |\n\n| a |\n| - |\n| ＜8 |\n";

static void fail(const char *what, const char *name)
{
	fprintf(stderr, "yaml: %s: \"%s\"\n", what, name);
	abort();
}

static void read_site(struct arena *a, const char *path, struct diag_list *diags)
{
	struct site_config cfg;
	struct strbuf out = STRBUF_INIT;

	if (config_load(&cfg, a, path, NULL, NULL, NULL, diags) == 0) {
		config_path(&cfg, &out, "policies/x/");
		config_url(&cfg, &out, "feed.xml");
	}
	strbuf_release(&out);
}

static void read_departments(struct arena *a, const char *path, struct diag_list *diags)
{
	struct dept_registry reg;
	int ok = dept_registry_load(&reg, a, path, diags) == 0;

	for (size_t i = 0; i < reg.count; i++) {
		const struct dept *d = &reg.items[i];
		if (ok && (dept_find_id(&reg, d->id) != d || !dept_resolve(&reg, d->region, d->name)))
			fail("a department that loaded cannot be found", d->id);
		/* A few, so that a long registry costs the target no more than
		 * the loader. */
		if (i < 8)
			dept_suggest(&reg, d->region, arena_strfmt(a, "%s局", d->name));
	}
}

static void read_indicators(struct arena *a, const char *text, size_t len,
			    struct diag_list *diags)
{
	const char *ff = memchr(text, '\f', len);
	struct strbuf dir = STRBUF_INIT, path = STRBUF_INIT;
	struct document doc;
	struct model m;
	int too_deep;

	fuzz_scratch_path(&dir, "indicators");
	strbuf_addf(&path, "%s/fuzz-set.yaml", dir.buf);
	fuzz_write_file(path.buf, text, ff ? (size_t)(ff - text) : len);
	strbuf_reset(&path);
	strbuf_addf(&path, "%s/fuzz-set.csv", dir.buf);
	if (ff)
		fuzz_write_file(path.buf, ff + 1, len - (size_t)(ff - text) - 1);
	else
		unlink(path.buf);

	memset(&doc, 0, sizeof(doc));
	doc.path = "fuzz-doc.md";
	doc.slug = "fuzz-doc";
	doc.root = markdown_parse(stand_in_body, sizeof(stand_in_body) - 1, &too_deep);
	memset(&m, 0, sizeof(m));
	m.config.as_of = (struct date){ 2024, 12, 31 };
	m.docs = &doc;
	m.ndocs = 1;
	model_index_slugs(&m, a, diags);
	indicator_load_all(&m, a, dir.buf, diags);
	document_release(&doc);
	strbuf_release(&dir);
	strbuf_release(&path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = { "site.yaml", "departments.yaml" };
	struct arena a = ARENA_INIT;
	struct diag_list diags = DIAG_LIST_INIT;
	struct strbuf path = STRBUF_INIT;
	const char *text = (const char *)data + 1;

	if (!size)
		return 0;
	switch (data[0] % 3) {
	case 0:
	case 1:
		fuzz_scratch_path(&path, names[data[0] % 3]);
		fuzz_write_file(path.buf, text, size - 1);
		if (data[0] % 3 == 0)
			read_site(&a, path.buf, &diags);
		else
			read_departments(&a, path.buf, &diags);
		break;
	default:
		read_indicators(&a, text, size - 1, &diags);
	}
	strbuf_release(&path);
	arena_release(&a);
	diag_list_release(&diags);
	return 0;
}
