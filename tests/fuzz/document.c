/*
 * Fuzz target: one policy document through the model, as `policysite
 * build` reads it. The input is content/policies/fuzz-doc.md of a scratch
 * content folder whose site.yaml (raw HTML allowed, so that path is
 * fuzzed too) and small department registry stay the same; model_load
 * reads all of it: front matter, Markdown, sections, citations, tasks
 * from measures, tables and ```task blocks, deadlines, departments. When
 * the model has no errors, as a build needs, the body is also rendered to
 * HTML the way its page shows it.
 */
#include <libxml/tree.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = ARENA_INIT;
	struct diag_list diags = DIAG_LIST_INIT;
	struct strbuf dir = STRBUF_INIT, html = STRBUF_INIT;
	struct model m;

	write_content(&dir, data, size);
	if (model_load(&m, &a, dir.buf, NULL, NULL, NULL, 1, &diags) == 0)
		render(&m, &html);
	model_release(&m);
	strbuf_release(&dir);
	strbuf_release(&html);
	arena_release(&a);
	diag_list_release(&diags);
	return 0;
}
