/* Unit tests of the importer's helpers: Chinese dates, closing up
 * spaced-out text, page furniture, numbering, regions, table headers. */
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "importfront.h"
#include "importpage.h"
#include "importstruct.h"
#include "importtable.h"
#include "importtext.h"
#include "strbuf.h"

static void date_case(const char *in, const char *want)
{
	struct date d;
	char got[11] = "";
	char what[160];

	if (importfront_is_date_line(in, &d))
		date_format(&d, got);
	snprintf(what, sizeof(what), "import date: %s", in);
	STR_EQ(got, want, what);
}

static void close_case(const char *in, const char *want)
{
	struct strbuf sb = STRBUF_INIT;
	char what[200];

	importtext_close_up(in, &sb);
	snprintf(what, sizeof(what), "import close up: %s", in);
	STR_EQ(sb.buf, want, what);
	strbuf_release(&sb);
}

static void page_case(const char *in, int want)
{
	char what[120];

	snprintf(what, sizeof(what), "import page number: \"%s\"", in);
	INT_EQ(importpage_is_page_number(in), want, what);
}

static void numbering_case(const char *in, enum import_numbering_style style, int value)
{
	struct import_numbering n;
	char what[120];

	importstruct_numbering(in, &n);
	snprintf(what, sizeof(what), "import numbering: %s", in);
	INT_EQ(n.style * 1000 + n.value, (int)style * 1000 + value, what);
}

void test_import(void)
{
	struct arena a = ARENA_INIT;

	date_case("2024 年 4 月 22 日", "2024-04-22");
	date_case("2024年4月22日", "2024-04-22");
	date_case("二〇二四年四月二十二日", "2024-04-22");
	date_case("二○二三年十二月三十一日", "2023-12-31");
	date_case("二〇二二年十月", "2022-10");
	date_case("2022年10月", "2022-10");
	date_case("(2023年1月7日)", "2023-01-07");
	date_case("（２０２３年１月７日）", "2023-01-07");
	date_case("2023-01-07", "2023-01-07");
	date_case("2024年", "2024");
	date_case("2023年2月30日", "");
	date_case("2023年13月", "");
	date_case("2024年4月22日印发", "");
	date_case("到2025年", "");
	date_case("二〇二四", "");

	close_case("三 明 市 卫 健 委", "三明市卫健委");
	close_case("到 2025 年，每万人口", "到2025年，每万人口");
	close_case("Deep Learning 与 AI", "Deep Learning与AI");
	close_case("落 实 13— 14 周 岁 HPV 疫 苗", "落实13—14周岁HPV疫苗");
	close_case("对 医 院 病 例 组 合 指 数 （ CMI） 、 成 本", "对医院病例组合指数（CMI）、成本");
	close_case("2024 2025 年度", "2024 2025年度");
	close_case("第一章  规划背景", "第一章 规划背景");
	close_case("(一) 基础现状", "(一) 基础现状");
	close_case("1. 面临的形势。新冠", "1. 面临的形势。新冠");
	close_case("① 深 入 开 展", "①深入开展");
	close_case("中共广东省委 广东省人民政府", "中共广东省委 广东省人民政府");
	close_case("“十三五”期间, 我市", "“十三五”期间,我市");
	close_case("领域\t主要指标\t2020 年 区现状", "领域 主要指标 2020年区现状");
	close_case("  　  ", "");
	OK(importtext_is_spaced_out("推 动 地 方 各 级") && !importtext_is_spaced_out("到 2025 年"),
	   "import: spaced-out lines told from spaced numbers");

	page_case("— 3 —", 1);
	page_case("- 12 -", 1);
	page_case("－3－", 1);
	page_case("—10—", 1);
	page_case("第 3 页", 1);
	page_case("第3页 共10页", 1);
	page_case("第3页/共10页", 1);
	page_case("Page 7", 1);
	page_case("3", 0);
	page_case("— 3 — 4", 0);
	page_case("第三章", 0);
	page_case("2.5", 0);
	OK(importpage_is_bare_number("17") && !importpage_is_bare_number("2025") &&
	   !importpage_is_bare_number("1.5"), "import: bare numbers of one to three digits");
	OK(importpage_is_toc_entry("一、规划背景\t1") && importpage_is_toc_entry("(一) 基础现状  12") &&
	   importpage_is_toc_entry("1. 强化区级医院……13") && !importpage_is_toc_entry("到2025年") &&
	   !importpage_is_toc_entry("每千人口 2.17"), "import: entries of a printed table of contents");

	numbering_case("第三章 主要任务", IMPORT_NUM_CHAPTER, 3);
	numbering_case("第十节 建立健全", IMPORT_NUM_SECTION, 10);
	numbering_case("二十三、组织保障", IMPORT_NUM_CHINESE, 23);
	numbering_case("（三十一）强化考核评价。", IMPORT_NUM_CHINESE_PAREN, 31);
	numbering_case("(十二)加强", IMPORT_NUM_CHINESE_PAREN, 12);
	numbering_case("12. 强化", IMPORT_NUM_ARABIC, 12);
	numbering_case("（3）", IMPORT_NUM_ARABIC_PAREN, 3);
	numbering_case("⑤打造", IMPORT_NUM_CIRCLED, 5);
	numbering_case("2.5倍", IMPORT_NUM_NONE, 0);
	INT_EQ(importstruct_chinese_value("一百零五", strlen("一百零五")), 105,
	       "import: Chinese numerals 一百零五");
	INT_EQ(importstruct_chinese_value("十", strlen("十")), 10, "import: Chinese numerals 十");

	STR_EQ(importfront_region(&a, "梅州市人民政府办公室"), "梅州市", "import region: 梅州市");
	STR_EQ(importfront_region(&a, "潮州市湘桥区卫生健康局"), "潮州市湘桥区",
	       "import region: 潮州市湘桥区");
	STR_EQ(importfront_region(&a, "中共广东省委"), "广东省", "import region: 广东省");
	STR_EQ(importfront_region(&a, "三明市深化医药卫生体制改革领导小组"), "三明市",
	       "import region: 三明市");
	OK(!importfront_region(&a, "关于推进卫生健康高质量发展的意见"),
	   "import region: none in a title without a place");
	STR_EQ(importfront_level("广东省"), "省级", "import level: 省级");
	STR_EQ(importfront_level("潮州市湘桥区"), "县区级", "import level: 县区级");
	STR_EQ(importfront_level("清远市"), "市级", "import level: 市级");

	OK(importtable_is_header_word("2020年区现状") && importtable_is_header_word("指标性质") &&
	   importtable_is_header_word("责任单位") && !importtable_is_header_word("2025年目标指标性质") &&
	   !importtable_is_header_word("人均预期寿命"), "import: table header words");
	arena_release(&a);
}
