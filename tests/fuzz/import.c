/*
 * Fuzz target: `policysite import`. The input, any bytes, is converted as
 * if read from a text file: encoding detection and conversion, text
 * repair, page furniture, the cover notice, structure and tables. When the
 * conversion succeeds, the target checks what import.h promises: the same
 * input gives the same bytes a second time, the document is valid UTF-8
 * starting with front matter, and the list of removed lines is text too.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "fuzz.h"
#include "import.h"
#include "strbuf.h"
#include "utf8.h"

/* Valid UTF-8 without a BOM: what the importer writes. */
static int is_utf8(const struct strbuf *sb)
{
	size_t bad;

	return utf8_check_text(sb->buf, sb->len, &bad) == TEXT_UTF8;
}

static void fail(const char *what)
{
	fprintf(stderr, "import: %s\n", what);
	abort();
}

static int convert(const uint8_t *data, size_t size, struct strbuf *out, struct strbuf *removed)
{
	struct diag_list diags = DIAG_LIST_INIT;
	const char *note = NULL;
	int ret = import_convert((const char *)data, size, "fuzz.txt", size % 2 ? "梅州市" : NULL,
				 out, removed, &note, &diags);

	diag_list_release(&diags);
	return ret;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct strbuf out = STRBUF_INIT, removed = STRBUF_INIT;
	struct strbuf again = STRBUF_INIT, removed_again = STRBUF_INIT;

	if (convert(data, size, &out, &removed) == 0) {
		if (!is_utf8(&out))
			fail("the document is not valid UTF-8");
		if (removed.len && !is_utf8(&removed))
			fail("the removed lines are not valid UTF-8");
		if (out.len < 4 || memcmp(out.buf, "---\n", 4))
			fail("the document does not start with front matter");
		if (convert(data, size, &again, &removed_again) != 0 || again.len != out.len ||
		    memcmp(again.buf, out.buf, out.len) || removed_again.len != removed.len ||
		    memcmp(removed_again.buf, removed.buf, removed.len))
			fail("a second conversion of the same input differs");
	}
	strbuf_release(&out);
	strbuf_release(&removed);
	strbuf_release(&again);
	strbuf_release(&removed_again);
	return 0;
}
