/* Unit tests of diagnostics (the quoted source line and its caret), the
 * document slug from a file name, and the table size limit. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "diag.h"
#include "harness.h"
#include "limit.h"
#include "markdown.h"
#include "slug.h"
#include "strbuf.h"
#include "utf8.h"

/* What diag_print writes for one error at `line`:`col` of a file holding
 * `text` (`len` bytes), or of no file at all when `text` is NULL. */
static char *printed(const char *text, size_t len, unsigned line, unsigned col)
{
	char dir[] = "/tmp/policysite-diag-XXXXXX", path[64], *out = NULL;
	struct diag_list list = DIAG_LIST_INIT;
	size_t size;
	FILE *f;

	if (!mkdtemp(dir))
		return NULL;
	snprintf(path, sizeof(path), "%s/a.md", dir);
	if (text && (f = fopen(path, "wb"))) {
		fwrite(text, 1, len, f);
		fclose(f);
	}
	diag_error(&list, path, line, col, "wrong");
	f = open_memstream(&out, &size);
	diag_print(&list, f);
	fclose(f);
	diag_list_release(&list);
	unlink(path);
	rmdir(dir);
	/* Only the quote: drop the location line and the summary. */
	char *quote = strchr(out, '\n') + 1, *summary = strstr(quote, "1 error, 0 warnings\n");
	*summary = '\0';
	memmove(out, quote, strlen(quote) + 1);
	return out;
}

static void quote_case(const char *text, unsigned line, unsigned col, const char *want,
		       const char *what)
{
	char *got = printed(text, text ? strlen(text) : 0, line, col);

	STR_EQ(got, want, what);
	free(got);
}

static void test_quote(void)
{
	quote_case("date: 2025-02-30\n", 1, 7,
		   "    1 | date: 2025-02-30\n"
		   "      |       ^\n", "diag: caret under the column");
	quote_case("a\nb\n（一）加强管理。（市卫生建康局）\n", 3, 10,
		   "    3 | （一）加强管理。（市卫生建康局）\n"
		   "      |                   ^\n", "diag: Chinese characters take two columns");
	quote_case("\xEF\xBB\xBFx\r\ny\rid:\t市z\r\n", 3, 6,
		   "    3 | id:     市z\n"
		   "      |           ^\n", "diag: BOM, CRLF, lone CR; a tab runs to column 8");
	quote_case("a: \x1b[31m\xE2\x80\xAEred\xff!\n", 1, 13,
		   "    1 | a: ?[31m?red\xEF\xBF\xBD!\n"
		   "      |             ^\n", "diag: control characters and invalid bytes replaced");
	quote_case("ab\n", 1, 3,
		   "    1 | ab\n"
		   "      |   ^\n", "diag: caret just past the end of the line");
	quote_case("ab\n", 1, 0, "    1 | ab\n", "diag: no column, no caret");
	quote_case("ab\n", 2, 1, "", "diag: no such line, no quote");
	quote_case("", 1, 1, "", "diag: empty file, no quote");
	quote_case(NULL, 1, 1, "", "diag: missing file, no quote");
	char *got = printed("x\0y\n", 4, 1, 1);
	STR_EQ(got, "", "diag: a file with NUL bytes is not quoted");
	free(got);

	struct strbuf line = STRBUF_INIT, want = STRBUF_INIT;
	for (int i = 0; i < 300; i++)
		strbuf_addch(&line, (char)('a' + i % 26));
	strbuf_addch(&line, '\n');
	/* Column 201: a …, 33 columns before it, 65 from it, a … */
	strbuf_addf(&want, "    1 | \xE2\x80\xA6%.98s\xE2\x80\xA6\n      | %34s^\n", line.buf + 167, "");
	quote_case(line.buf, 1, 201, want.buf, "diag: a long line is cut around the caret");
	strbuf_reset(&want);
	strbuf_addf(&want, "    1 | %.99s\xE2\x80\xA6\n      |     ^\n", line.buf);
	quote_case(line.buf, 1, 5, want.buf, "diag: a long line cut at its end only");
	strbuf_reset(&want);
	strbuf_addf(&want, "    1 | \xE2\x80\xA6%.99s\n      | %66s^\n", line.buf + 201, "");
	quote_case(line.buf, 1, 267, want.buf, "diag: a long line cut at its start only");
	strbuf_release(&line);
	strbuf_release(&want);
}

static void test_width(void)
{
	INT_EQ(diag_char_width('a'), 1, "diag: ASCII is one column");
	INT_EQ(diag_char_width(0x4E2D), 2, "diag: 中 is two columns");
	INT_EQ(diag_char_width(0xFF08), 2, "diag: full-width （ is two columns");
	INT_EQ(diag_char_width(0x3000), 2, "diag: the ideographic space is two columns");
	INT_EQ(diag_char_width(0x20BB7), 2, "diag: extension B is two columns");
	INT_EQ(diag_char_width(0x1F600), 2, "diag: emoji are two columns");
	INT_EQ(diag_char_width(0x0301), 0, "diag: a combining accent takes no column");
	INT_EQ(diag_char_width(0x2026), 1, "diag: … is one column");
	INT_EQ(diag_char_width(0xFF61), 1, "diag: half-width katakana are one column");
}

static void file_slug_case(const char *stem, const char *want)
{
	struct strbuf sb = STRBUF_INIT;
	char what[200];
	int ret = slug_from_file_name(&sb, stem);

	snprintf(what, sizeof(what), "slug: file name \"%s\"", stem);
	STR_EQ(want ? sb.buf : (ret < 0 ? "(date)" : sb.buf), want ? want : "(date)", what);
	strbuf_release(&sb);
}

static void test_file_slug(void)
{
	struct strbuf sb = STRBUF_INIT;

	file_slug_case("meizhou-2024-plan", "meizhou-2024-plan");
	file_slug_case("a", "a");
	file_slug_case("Meizhou_2024 Plan", "meizhou-2024-plan");
	file_slug_case("  --Plan (v2)!! ", "plan-v2");
	file_slug_case("梅州 2024 方案", "2024");
	file_slug_case("梅州meizhou医疗", "meizhou");
	file_slug_case("梅州 医疗 方案", NULL);
	file_slug_case("第1号", NULL);
	slug_from_date(&sb, "2024-04-22", "梅州 医疗 方案");
	OK(slug_is_valid(sb.buf) && !strncmp(sb.buf, "2024-04-22-", 11) && sb.len == 17,
	   "slug: from the date and a hash of the name");
	slug_from_date(&sb, NULL, "梅州");
	OK(slug_is_valid(sb.buf) && !strncmp(sb.buf, "undated-", 8), "slug: undated");
	strbuf_reset(&sb);
	for (int i = 0; i < 50; i++)
		strbuf_adds(&sb, "ab ");
	struct strbuf got = STRBUF_INIT;
	slug_from_file_name(&got, sb.buf);
	OK(slug_is_valid(got.buf), "slug: a long file name is cut to a valid slug");
	strbuf_release(&got);
	strbuf_release(&sb);
}

/* A table of `columns` columns and `rows` lines below its delimiter row,
 * after `before` (which ends in a newline), each line given `prefix`. */
static int table_line(const char *before, const char *prefix, size_t columns, size_t rows)
{
	struct strbuf sb = STRBUF_INIT;
	int line;

	strbuf_adds(&sb, before);
	strbuf_adds(&sb, prefix);
	for (size_t i = 0; i < columns; i++)
		strbuf_adds(&sb, "| a ");
	strbuf_addf(&sb, "|\n%s", prefix);
	for (size_t i = 0; i < columns; i++)
		strbuf_adds(&sb, i % 2 ? "|:--:" : "| --- ");
	strbuf_addf(&sb, "|\n");
	for (size_t i = 0; i < rows; i++)
		strbuf_addf(&sb, "%sx\n", prefix);
	strbuf_adds(&sb, "\n正文。\n");
	line = markdown_oversized_table(sb.buf, sb.len);
	strbuf_release(&sb);
	return line;
}

static void test_table_limit(void)
{
	size_t columns = 1000, rows = LIMIT_TABLE_CELLS / columns - 2;

	INT_EQ(table_line("", "", columns, rows), 0, "limit: a table of exactly the limit");
	INT_EQ(table_line("正文。\n\n", "", columns, rows + 1), 3,
	       "limit: one row more, reported at the header");
	INT_EQ(table_line("", "> ", columns, rows + 1), 1, "limit: a table in a block quote");
	INT_EQ(table_line("", "", 2, 49000), 0, "limit: a long narrow table is within it");
	INT_EQ(markdown_oversized_table("a\n---\nb\n", 8), 0,
	       "limit: a setext underline is not a table");
}

static void test_encodings(void)
{
	size_t bad;

	INT_EQ(utf8_check_text("t\0i\0:\0 \0K\x6d", 10, &bad), TEXT_UTF16,
	       "utf8: UTF-16LE without a byte-order mark");
	INT_EQ(utf8_check_text("\0t\0i\0:\0 \x6dK", 10, &bad), TEXT_UTF16,
	       "utf8: UTF-16BE without a byte-order mark");
	INT_EQ(utf8_check_text("a\0\0b", 4, &bad), TEXT_BINARY, "utf8: NUL bytes are binary");
}

void test_diag(void)
{
	test_encodings();
	test_width();
	test_quote();
	test_file_slug();
	test_table_limit();
}
