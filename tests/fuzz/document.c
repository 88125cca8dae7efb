/*
 * Fuzz target: one policy document through the model, as `policysite
 * build` reads it. The input is content/policies/fuzz-doc.md of a scratch
 * content folder whose site.yaml (raw HTML allowed, so that path is
 * fuzzed too) and small department registry stay the same; model_load
 * reads all of it: front matter, Markdown, sections, citations, tasks
 * from measures, tables and ```task blocks, deadlines, departments. When
 * the model has no errors, as a build needs, the body is also rendered to
 * HTML the way its page shows it, and the document loaded again from the
 * cache of parsed documents must render the same.
 */
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "doccache.h"
#include "fuzz.h"
#include "html.h"
#include "mdhtml.h"
#include "model.h"
#include "strbuf.h"

static const char site_yaml[] =
	"title: 卫生健康政策公开平台\n"
	"base_url: https://example.org/policy/\n"
	"as_of: 2024-12-31\n"
	"allow_raw_html: true\n";

/* A few departments of the two regions whose documents name them. */
static const char departments_yaml[] =
	"- {id: mz-health, name: 梅州市卫生健康局, short: 市卫生健康局, aliases: [市卫健局], "
	"region: 梅州市, level: 市级, kind: government}\n"
	"- {id: mz-finance, name: 梅州市财政局, short: 市财政局, region: 梅州市, level: 市级, "
	"kind: government}\n"
	"- {id: mz-insurance, name: 梅州市医疗保障局, short: 市医保局, region: 梅州市, "
	"level: 市级, kind: government}\n"
	"- {id: mz-counties, name: 各县（市、区）人民政府, region: 梅州市, level: 县区级, "
	"kind: government}\n"
	"- {id: sm-health, name: 三明市卫生健康委员会, short: 市卫健委, region: 三明市, "
	"level: 市级, kind: government}\n"
	"- {id: sm-education, name: 三明市教育局, short: 市教育局, region: 三明市, level: 市级, "
	"kind: government}\n"
	"- {id: sm-insurance, name: 三明市医疗保障局, short: 市医保局, aliases: [市医疗保障局], "
	"region: 三明市, level: 市级, kind: government}\n"
	"- {id: sm-counties, name: 各县（市、区）, region: 三明市, level: 县区级, "
	"kind: government}\n";

static void write_content(struct strbuf *dir, const uint8_t *data, size_t size)
{
	struct strbuf path = STRBUF_INIT;

	fuzz_scratch_path(dir, "content");
	strbuf_addf(&path, "%s/site.yaml", dir->buf);
	fuzz_write_file(path.buf, site_yaml, sizeof(site_yaml) - 1);
	strbuf_reset(&path);
	strbuf_addf(&path, "%s/departments.yaml", dir->buf);
	fuzz_write_file(path.buf, departments_yaml, sizeof(departments_yaml) - 1);
	strbuf_reset(&path);
	strbuf_addf(&path, "%s/policies/fuzz-doc.md", dir->buf);
	fuzz_write_file(path.buf, data, size);
	strbuf_release(&path);
}

static void render(const struct model *m, struct strbuf *out)
{
	xmlDocPtr page = xmlNewDoc((const xmlChar *)"1.0");
	xmlNodePtr root = xmlNewDocNode(page, NULL, (const xmlChar *)"html", NULL);

	xmlDocSetRootElement(page, root);
	for (size_t i = 0; i < m->ndocs; i++)
		mdhtml_render(root, &m->docs[i], m);
	html_serialise(page, out);
	xmlFreeDoc(page);
}

/* Load the content at `dir` with the cache at `cache_path`, and render it
 * into `html` when it has no error; -1 when it has one. `*lazy` counts the
 * documents taken from the cache. */
static int load_render(const char *dir, const char *cache_path, struct strbuf *html,
		       size_t *lazy)
{
	struct arena a = ARENA_INIT;
	struct diag_list diags = DIAG_LIST_INIT;
	struct doccache cache;
	struct model m;
	int ret;

	doccache_open(&cache, cache_path, 1, 1);
	ret = model_load(&m, &a, dir, NULL, NULL, NULL, 1, &cache, NULL, &diags);
	if (ret == 0) {
		render(&m, html);
		doccache_write(&cache);
	}
	*lazy = 0;
	for (size_t i = 0; i < m.ndocs; i++)
		*lazy += m.docs[i].lazy;
	model_release(&m);
	arena_release(&a);
	doccache_close(&cache);
	diag_list_release(&diags);
	return ret;
}

/* A document that loads without an error is loaded a second time from the
 * cache of parsed documents the first load wrote, and must render the
 * same: the lazily parsed tree is tied to the same sections and tasks. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct strbuf dir = STRBUF_INIT, cache = STRBUF_INIT, html = STRBUF_INIT;
	struct strbuf again = STRBUF_INIT;
	size_t lazy;

	write_content(&dir, data, size);
	fuzz_scratch_path(&cache, "parsed");
	remove(cache.buf);
	if (load_render(dir.buf, cache.buf, &html, &lazy) == 0 &&
	    (load_render(dir.buf, cache.buf, &again, &lazy) < 0 || lazy != 1 ||
	     html.len != again.len || memcmp(html.buf, again.buf, html.len)))
		abort();
	strbuf_release(&dir);
	strbuf_release(&cache);
	strbuf_release(&html);
	strbuf_release(&again);
	return 0;
}
