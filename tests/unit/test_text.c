/* Unit tests of the text helpers: UTF-8, slugs, dates, document numbers
 * and heading numbering. */
#include <stdlib.h>

#include "date.h"
#include "docnum.h"
#include "document.h"
#include "harness.h"
#include "json.h"
#include "slug.h"
#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"

void test_utf8(void)
{
	size_t bad;
	char *s;

	INT_EQ(utf8_check_text("梅州", 6, &bad), TEXT_UTF8, "utf8: valid Chinese");
	INT_EQ(utf8_check_text("\xEF\xBB\xBFok", 5, &bad), TEXT_UTF8_BOM, "utf8: BOM");
	INT_EQ(utf8_check_text("\xFF\xFEh\0i\0", 6, &bad), TEXT_UTF16, "utf8: UTF-16 BOM");
	/* "梅州市" in GBK */
	INT_EQ(utf8_check_text("\xC3\xB7\xD6\xDD\xCA\xD0", 6, &bad), TEXT_GB18030,
	       "utf8: GBK bytes are named as such");
	INT_EQ(utf8_check_text("中文中文\xE4\xB8", 14, &bad), TEXT_INVALID_UTF8,
	       "utf8: truncated sequence in UTF-8 text");
	INT_EQ(bad, 12, "utf8: offset of the bad byte");
	INT_EQ(utf8_check_text("a\xED\xA0\x80", 4, &bad), TEXT_INVALID_UTF8, "utf8: surrogate");
	OK(utf8_is_wide(0x4E2D) && utf8_is_wide(0x3002) && !utf8_is_wide('a'),
	   "utf8: wide characters");
	s = xstrdup("到 2025 年，每万人口 拥有 全科医生 and more text");
	STR_EQ(utf8_squeeze_wide_spaces(s), "到 2025 年，每万人口拥有全科医生 and more text",
	       "utf8: spaces between Chinese squeezed, others kept");
	free(s);
}

static void slug_case(const char *in, const char *want)
{
	struct strbuf sb = STRBUF_INIT;
	char what[200];

	slug_heading(&sb, in);
	snprintf(what, sizeof(what), "slug: %s", in);
	STR_EQ(sb.buf, want, what);
	strbuf_release(&sb);
}

void test_slug(void)
{
	struct slug_set set = SLUG_SET_INIT;
	struct strbuf id = STRBUF_INIT;

	slug_case("二、促进资源扩容与配置优化，提升现代化服务能力",
		  "二-促进资源扩容与配置优化-提升现代化服务能力");
	slug_case("（一）建强卫生健康人才队伍", "一-建强卫生健康人才队伍");
	slug_case("(三十一)强化考核评价", "三十一-强化考核评价");
	slug_case("1. 强化区级医院区域龙头地位", "1-强化区级医院区域龙头地位");
	slug_case("第一章  规划背景", "第一章-规划背景");
	slug_case("Hello, World!", "hello-world");
	slug_case("２０２５年目标", "2025年目标");
	slug_case("……", "section");
	slug_case("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五",
		  "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二");
	strbuf_adds(&id, "主要目标");
	slug_set_claim(&set, &id);
	strbuf_reset(&id);
	strbuf_adds(&id, "主要目标");
	slug_set_claim(&set, &id);
	STR_EQ(id.buf, "主要目标-2", "slug: a repeated heading gets -2");
	strbuf_release(&id);
	slug_set_release(&set);
	OK(slug_is_valid("meizhou-2024") && !slug_is_valid("Meizhou") && !slug_is_valid("-a") &&
	   !slug_is_valid("梅州") && !slug_is_valid(""), "slug: document slugs");
}

static void date_case(const char *in, int ok, const char *what)
{
	struct date d;
	const char *why;

	INT_EQ(date_parse(in, &d, &why) == 0, ok, what);
}

void test_date(void)
{
	struct date a, b;
	const char *why;
	char out[32];

	date_case("2024-04-22", 1, "date: full date");
	date_case("2022-10", 1, "date: year and month");
	date_case("2022", 1, "date: year");
	date_case("2025-02-30", 0, "date: 30 February is refused");
	date_case("2024-02-29", 1, "date: leap day");
	date_case("2023-02-29", 0, "date: no leap day in 2023");
	date_case("2024-13-01", 0, "date: month 13");
	date_case("2024/04/22", 0, "date: slashes");
	date_case("24-04-22", 0, "date: short year");
	date_parse("2024-04-22", &a, &why);
	date_parse("2024-04", &b, &why);
	OK(date_compare(&a, &b) > 0, "date: a day sorts after its month");
	date_format_zh(&a, out);
	STR_EQ(out, "2024年4月22日", "date: Chinese form");
	date_format_rfc3339(&b, out);
	STR_EQ(out, "2024-04-01T00:00:00Z", "date: RFC 3339 of a month");
}

static void csv_case(const char *in, const char *want)
{
	struct strbuf sb = STRBUF_INIT;
	char what[200];

	csv_field(&sb, in);
	snprintf(what, sizeof(what), "csv field: %s", in);
	STR_EQ(sb.buf, want, what);
	strbuf_release(&sb);
}

void test_docnum(void)
{
	csv_case("plain", "plain");
	csv_case("a,b", "\"a,b\"");
	csv_case("say \"hi\"", "\"say \"\"hi\"\"\"");
	csv_case("=SUM(A1)", "\"'=SUM(A1)\"");
	csv_case("+86", "\"'+86\"");
	csv_case("-", "-");
	csv_case("=", "=");
	csv_case("-0.5", "-0.5");
	csv_case("-cmd", "\"'-cmd\"");

	struct docnum_match m;
	struct strbuf norm = STRBUF_INIT;
	const char *text = "根据《通知》（粤府办〔2023〕19号）和梅市明电[2023]113 号精神";
	size_t len = strlen(text);

	docnum_match_init(&m);
	OK(docnum_find(text, len, 0, &m), "docnum: finds 粤府办〔2023〕19号");
	STR_EQ(m.core.buf, "〔2023〕19号", "docnum: core normalised");
	OK(!strncmp(text + m.prefix_start, "粤府办", strlen("粤府办")),
	   "docnum: prefix starts after the bracket");
	OK(docnum_find(text, len, m.end, &m), "docnum: finds the second number");
	STR_EQ(m.core.buf, "〔2023〕113号", "docnum: square brackets and a space normalised");
	OK(!docnum_find("（2023年）", strlen("（2023年）"), 0, &m), "docnum: a bare year is not one");
	OK(!docnum_find("〔2023〕19号", strlen("〔2023〕19号"), 0, &m),
	   "docnum: a number without issuer is not one");
	OK(docnum_normalise("明医改组［2024］4 号", &norm) == 0, "docnum: front matter form");
	STR_EQ(norm.buf, "明医改组〔2024〕4号", "docnum: front matter normalised");
	OK(docnum_normalise("第4号文件", &norm) < 0, "docnum: not a document number");
	docnum_match_release(&m);
	strbuf_release(&norm);
}

static void numbering_case(const char *in, const char *want)
{
	char what[200];
	size_t n = document_numbering_length(in);

	snprintf(what, sizeof(what), "numbering: %s", in);
	OK(n == strlen(want) && !strncmp(in, want, n), what);
	if (n != strlen(want))
		printf("    got %zu bytes, expected \"%s\"\n", n, want);
}

void test_numbering(void)
{
	numbering_case("（一）建强卫生健康人才队伍。", "（一）");
	numbering_case("(三十一)强化考核评价。", "(三十一)");
	numbering_case("一、总体要求", "一、");
	numbering_case("十二、保障措施", "十二、");
	numbering_case("1.全面实施健康知识普及行动。", "1.");
	numbering_case("12. 加强宣传", "12.");
	numbering_case("3、推进", "3、");
	numbering_case("（1）建立", "（1）");
	numbering_case("①深入开展", "①");
	numbering_case("第三章 主要任务", "第三章");
	numbering_case("第二部分", "第二部分");
	numbering_case("2.5倍", "");
	numbering_case("编者注：", "");
	numbering_case("一是", "");
	numbering_case("2024年", "");
}
