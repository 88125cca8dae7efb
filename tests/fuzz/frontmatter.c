/*
 * Fuzz target: a document's front matter, as document_parse reads it.
 * frontmatter_split cuts the YAML from the text, yaml_read parses it and
 * frontmatter_read checks every field. The input is the whole file; as
 * fsio_read_text only ever hands valid UTF-8 on, other input stops after
 * the split.
 */
#include "arena.h"
#include "diag.h"
#include "frontmatter.h"
#include "fuzz.h"
#include "utf8.h"
#include "yamlread.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	struct arena a = ARENA_INIT;
	struct diag_list diags = DIAG_LIST_INIT;
	size_t fm_start, fm_len, body_start, bad;
	unsigned body_line;

	if (frontmatter_split(text, size, "fuzz.md", &fm_start, &fm_len, &body_start, &body_line,
			      &diags) == 0 &&
	    body_start && utf8_check_text(text, size, &bad) == TEXT_UTF8) {
		struct ynode *root = yaml_read(&a, text + fm_start, fm_len, "fuzz.md", 2, &diags);
		struct doc_meta meta;
		if (root)
			frontmatter_read(&meta, &a, root, "fuzz.md", &diags);
	}
	arena_release(&a);
	diag_list_release(&diags);
	return 0;
}
