/* Unit tests of the readers: Markdown repair, YAML and front matter. */
#include <cmark-gfm.h>
#include <stdlib.h>

#include "arena.h"
#include "diag.h"
#include "frontmatter.h"
#include "harness.h"
#include "markdown.h"
#include "strbuf.h"
#include "yamlread.h"

static cmark_node *first_para(cmark_node *root)
{
	return cmark_node_first_child(root);
}

static void strong_case(const char *md, const char *bold, const char *after, const char *what)
{
	int deep;
	cmark_node *root = markdown_parse(md, strlen(md), &deep);
	cmark_node *p = first_para(root);
	struct strbuf sb = STRBUF_INIT;
	cmark_node *strong = NULL;

	for (cmark_node *n = cmark_node_first_child(p); n; n = cmark_node_next(n))
		if (cmark_node_get_type(n) == CMARK_NODE_STRONG) {
			strong = n;
			break;
		}
	OK(strong != NULL, what);
	if (strong) {
		markdown_plain_text(strong, &sb);
		STR_EQ(sb.buf, bold, what);
		cmark_node *next = cmark_node_next(strong);
		STR_EQ(next ? cmark_node_get_literal(next) : "", after, what);
	}
	strbuf_release(&sb);
	cmark_node_free(root);
}

static void plain_case(const char *md, const char *want, const char *what)
{
	int deep;
	cmark_node *root = markdown_parse(md, strlen(md), &deep);
	struct strbuf sb = STRBUF_INIT;

	markdown_plain_text(root, &sb);
	STR_EQ(sb.buf, want, what);
	strbuf_release(&sb);
	cmark_node_free(root);
}

void test_markdown(void)
{
	strong_case("**“家庭医生”**签约服务", "“家庭医生”", "签约服务",
		    "markdown: bold next to CJK quotes");
	strong_case("**（一）建强卫生健康人才队伍。**实施工程。", "（一）建强卫生健康人才队伍。",
		    "实施工程。", "markdown: bold measure lead ending in 。");
	strong_case("前文**普通加粗**后文", "普通加粗", "后文", "markdown: ordinary bold untouched");
	strong_case("a **b `c` d。**e", "b c d。", "e", "markdown: bold around code span");
	plain_case("第一行\n第二行", "第一行第二行", "markdown: soft break between Chinese is silent");
	plain_case("first line\nsecond line", "first line second line",
		   "markdown: soft break between Latin is a space");
	plain_case("到2025年，\n每万人口", "到2025年，每万人口",
		   "markdown: soft break after CJK punctuation");
	plain_case("单个 ** 星号", "单个 ** 星号", "markdown: a lone ** stays text");
	plain_case("半个**星号", "半个**星号", "markdown: an unpaired ** stays text");
	plain_case("转义\\*\\*不是粗体\\*\\*", "转义**不是粗体**", "markdown: escaped ** stays text");
	plain_case("代码 `**x**` 中", "代码 **x** 中", "markdown: ** in code stays");
	strong_case("English **bold** text", "bold", " text", "markdown: Latin bold");
	plain_case("甲**乙**丙`**丁**`戊**己**庚", "甲乙丙**丁**戊己庚",
		   "markdown: bold runs around a code span");
	plain_case("`未闭合 **粗体** 后", "`未闭合 粗体 后",
		   "markdown: a lone backtick opens no code span");
	plain_case("一**二**\n三``x ` y``**四**", "一二三x ` y四",
		   "markdown: bold runs on two lines, a double-backtick span");
}

static int has_message(const struct diag_list *d, const char *part)
{
	for (size_t i = 0; i < d->count; i++)
		if (strstr(d->items[i].message, part))
			return 1;
	return 0;
}

void test_yaml(void)
{
	struct arena a = ARENA_INIT;
	struct diag_list d = DIAG_LIST_INIT;
	const char *bomb = "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n";
	const char *bad = "title: \"unclosed\nissuer: x\n";
	struct ynode *root;

	const char *good = "title: 标题\nlist:\n  - 一\n  - 二\n";

	root = yaml_read(&a, good, strlen(good), "t.yaml", 1, &d);
	OK(root && root->kind == YAML_MAPPING && root->count == 2, "yaml: mapping read");
	STR_EQ(root ? yaml_get(root, "title")->value : NULL, "标题", "yaml: scalar value");
	INT_EQ(root ? yaml_get(root, "list")->items[1]->line : 0, 4, "yaml: item line");
	root = yaml_read(&a, bomb, strlen(bomb), "bomb.yaml", 1, &d);
	OK(!root && has_message(&d, "aliases"), "yaml: anchors and aliases refused");
	diag_list_release(&d);
	root = yaml_read(&a, bad, strlen(bad), "bad.yaml", 5, &d);
	OK(!root && d.errors == 1, "yaml: unclosed quote is an error");
	OK(d.count && d.items[0].line >= 5, "yaml: error line offset by the first line");
	diag_list_release(&d);
	root = yaml_read(&a, "\ttitle: x\n", strlen("\ttitle: x\n"), "tab.yaml", 1, &d);
	OK(!root && d.errors == 1, "yaml: a tab for indentation is an error");
	diag_list_release(&d);
	const char *keys = "title: x\ntitel: x\nabcdefgh: x\nlist: x\n";
	static const char *const allowed[] = { "title", "list", NULL };
	root = yaml_read(&a, keys, strlen(keys), "keys.yaml", 1, &d);
	OK(root && yaml_check_keys(root, allowed, "keys.yaml", &d) < 0 && d.count == 2,
	   "yaml: two unknown keys, two known");
	STR_EQ(d.count == 2 ? d.items[0].message : NULL,
	       "unknown key \"titel\" (did you mean \"title\"?)", "yaml: a near key suggested");
	INT_EQ(d.count == 2 ? d.items[0].line : 0, 2, "yaml: the unknown key's line");
	STR_EQ(d.count == 2 ? d.items[1].message : NULL,
	       "unknown key \"abcdefgh\"; remove it or check the spelling",
	       "yaml: no suggestion for a far key");
	diag_list_release(&d);
	arena_release(&a);
}

void test_frontmatter(void)
{
	struct arena a = ARENA_INIT;
	struct diag_list d = DIAG_LIST_INIT;
	const char *text = "---\ntitel: x\nissuer: [甲, 乙]\ndate: 2025-02-30\nregion: 梅州市\n"
			   "level: 市级\nkind: policy\nsummary: >-\n  第一句\n  第二句\n---\n正文\n";
	size_t fm_start, fm_len, body_start;
	unsigned body_line;
	struct doc_meta meta;

	OK(frontmatter_split(text, strlen(text), "f.md", &fm_start, &fm_len, &body_start,
			     &body_line, &d) == 0, "frontmatter: split");
	INT_EQ(body_line, 12, "frontmatter: body line");
	STR_EQ(text + body_start, "正文\n", "frontmatter: body start");
	struct ynode *root = yaml_read(&a, text + fm_start, fm_len, "f.md", 2, &d);
	OK(frontmatter_read(&meta, &a, root, "f.md", &d) < 0, "frontmatter: errors reported");
	OK(has_message(&d, "unknown key \"titel\" (did you mean \"title\"?)"),
	   "frontmatter: unknown key with suggestion");
	OK(has_message(&d, "missing required field \"title\""), "frontmatter: missing title");
	OK(has_message(&d, "no such day"), "frontmatter: impossible date");
	INT_EQ(meta.issuers.count, 2, "frontmatter: issuer list");
	STR_EQ(meta.summary, "第一句第二句", "frontmatter: folded Chinese summary has no space");
	diag_list_release(&d);
	OK(frontmatter_split("---\ntitle: x\n", 13, "g.md", &fm_start, &fm_len, &body_start,
			     &body_line, &d) < 0 && has_message(&d, "not closed"),
	   "frontmatter: unclosed front matter");
	diag_list_release(&d);
	arena_release(&a);
}
