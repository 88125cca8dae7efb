/* Unit tests of deadline phrases: every example of tests/unit/deadlines.txt,
 * then plan periods and single deadlines written by editors. */
#include <stdlib.h>

#include "arena.h"
#include "date.h"
#include "deadline.h"
#include "fsio.h"
#include "harness.h"
#include "strbuf.h"
#include "xalloc.h"

#define EXAMPLES "tests/unit/deadlines.txt"
#define FENCE "````````````````````````````````"

/* One phrase as the examples write it: "date 2025-06-30 2025年6月底前". */
static void describe(struct strbuf *sb, const char *text, const struct deadline_phrase *ph)
{
	char day[11];

	switch (ph->kind) {
	case DEADLINE_DATE:
		date_format(&ph->date, day);
		strbuf_addf(sb, "date %s ", day);
		break;
	case DEADLINE_RECURRING:
		strbuf_adds(sb, "recurring ");
		break;
	case DEADLINE_ONGOING:
		strbuf_adds(sb, "ongoing ");
		break;
	}
	strbuf_add(sb, text + ph->start, ph->end - ph->start);
	strbuf_addch(sb, '\n');
}

/* Phrases in order, inside the text, not overlapping, and full dates. */
static int well_formed(const struct deadline_phrase *ph, size_t n, size_t len)
{
	size_t last_end = 0;

	for (size_t i = 0; i < n; i++) {
		if (ph[i].start < last_end || ph[i].end <= ph[i].start || ph[i].end > len)
			return 0;
		if (ph[i].kind == DEADLINE_DATE && (!ph[i].date.month || !ph[i].date.day))
			return 0;
		last_end = ph[i].end;
	}
	return 1;
}

static void check_example(const char *input, const char *want, unsigned line)
{
	struct arena a = ARENA_INIT;
	struct strbuf got = STRBUF_INIT, what = STRBUF_INIT;
	struct deadline_phrase *ph;
	size_t n = deadline_find(&a, input, strlen(input), &ph);

	for (size_t i = 0; i < n; i++)
		describe(&got, input, &ph[i]);
	if (!well_formed(ph, n, strlen(input)))
		strbuf_adds(&got, "(phrases out of order, outside the text or without a day)\n");
	strbuf_addf(&what, "deadline: %s", input);
	STR_EQ(got.buf, want, what.buf);
	if (strcmp(got.buf, want))
		printf("    example at %s:%u\n", EXAMPLES, line);
	strbuf_release(&got);
	strbuf_release(&what);
	arena_release(&a);
}

/* Every prefix of the input in a buffer of exactly that size, so the
 * sanitizers catch a read past `len` and cut UTF-8 sequences are met. */
static int check_truncations(const char *input)
{
	size_t len = strlen(input);
	int good = 1;

	for (size_t k = 0; k <= len; k++) {
		struct arena a = ARENA_INIT;
		struct deadline_phrase *ph;
		char *copy = xmalloc(k ? k : 1);
		size_t n;

		memcpy(copy, input, k);
		n = deadline_find(&a, copy, k, &ph);
		good &= well_formed(ph, n, k);
		free(copy);
		arena_release(&a);
	}
	return good;
}

/* The block after an "example" fence; returns 0 if it is malformed. */
static int run_example(char **p, unsigned *line, int *truncations_ok)
{
	struct strbuf want = STRBUF_INIT;
	unsigned at = *line + 1;
	char *input = test_next_line(p, line), *l = test_next_line(p, line);

	if (!input || !l || strcmp(l, ".")) {
		printf("    malformed example at %s:%u\n", EXAMPLES, at);
		return 0;
	}
	while ((l = test_next_line(p, line)) && strcmp(l, FENCE)) {
		strbuf_adds(&want, l);
		strbuf_addch(&want, '\n');
	}
	check_example(input, want.buf, at);
	*truncations_ok &= check_truncations(input);
	strbuf_release(&want);
	return 1;
}

static void run_examples(void)
{
	struct strbuf file = STRBUF_INIT;
	unsigned line = 0;
	int count = 0, malformed = 0, truncations_ok = 1;
	char *p, *l;

	OK(fsio_read_file(EXAMPLES, &file) == 0, "deadline: read " EXAMPLES);
	p = file.buf;
	while ((l = test_next_line(&p, &line)))
		if (!strcmp(l, FENCE " example")) {
			if (run_example(&p, &line, &truncations_ok))
				count++;
			else
				malformed++;
		}
	INT_EQ(malformed, 0, "deadline: every example is well formed");
	OK(count >= 40, "deadline: at least 40 examples");
	OK(truncations_ok, "deadline: truncated examples give well-formed phrases");
	strbuf_release(&file);
}

static void period_case(const char *in, const char *want)
{
	struct date end = { 0, 0, 0 };
	struct strbuf what = STRBUF_INIT;
	char got[11] = "-1";

	if (deadline_plan_period_end(in, &end) == 0)
		date_format(&end, got);
	strbuf_addf(&what, "deadline: plan period \"%s\"", in);
	STR_EQ(got, want, what.buf);
	strbuf_release(&what);
}

static void test_plan_periods(void)
{
	period_case("十四五", "2025-12-31");
	period_case("“十四五”", "2025-12-31");
	period_case("“十四五”时期", "2025-12-31");
	period_case("十三五", "2020-12-31");
	period_case("十五五", "2030-12-31");
	period_case("十一五规划", "2010-12-31");
	period_case("2024年度", "2024-12-31");
	period_case("2024", "2024-12-31");
	period_case(" \"2024\" ", "2024-12-31");
	period_case("2024-2027", "2027-12-31");
	period_case("2021至2025年", "2025-12-31");
	period_case("2023—2027年", "2027-12-31");
	period_case("２０２１－２０２５", "2025-12-31");
	period_case("十四", "-1");
	period_case("十两五", "-1");
	period_case("2027-2024", "-1");
	period_case("2024年6月", "-1");
	period_case("2024-2027年后", "-1");
	period_case("1899", "-1");
	period_case("", "-1");
}

/* Parse `in` as one deadline; `want` is what describe() prints, or the
 * reason it was refused. */
static void one_case(const char *in, const char *want)
{
	struct deadline_phrase ph;
	struct strbuf got = STRBUF_INIT, what = STRBUF_INIT;
	const char *why = NULL;

	if (deadline_parse_one(in, &ph, &why) == 0)
		describe(&got, in, &ph);
	else
		strbuf_addf(&got, "error: %s\n", why ? why : "(no reason)");
	strbuf_setlen(&got, got.len - 1);
	strbuf_addf(&what, "deadline: one deadline \"%s\"", in);
	STR_EQ(got.buf, want, what.buf);
	strbuf_release(&got);
	strbuf_release(&what);
}

static void test_parse_one(void)
{
	one_case("2025-06-30", "date 2025-06-30 2025-06-30");
	one_case("2025-06", "date 2025-06-30 2025-06");
	one_case("2024-02", "date 2024-02-29 2024-02");
	one_case("2025", "date 2025-12-31 2025");
	one_case("  2025-06-30 ", "date 2025-06-30 2025-06-30");
	one_case("2025年6月底前", "date 2025-06-30 2025年6月底前");
	one_case("2024年底前完成", "date 2024-12-31 2024年底前");
	one_case("到2027年", "date 2027-12-31 到2027年");
	one_case("2025年6月", "date 2025-06-30 2025年6月");
	one_case("2025年12月31日", "date 2025-12-31 2025年12月31日");
	one_case("2024年度", "date 2024-12-31 2024年度");
	one_case("２０２４年", "date 2024-12-31 ２０２４年");
	one_case("　2025年三季度　", "date 2025-09-30 2025年三季度");
	one_case("每季度", "recurring 每季度");
	one_case("持续推进", "ongoing 持续推进");
	one_case("长期", "ongoing 长期");
	one_case("2025-02-30", "error: no such day in that month");
	one_case("2025年2月30日前", "error: no such day in that month");
	one_case("2025年13月", "error: month out of range (1-12)");
	one_case("20250630", "error: expected a date as YYYY-MM-DD (or YYYY-MM, YYYY)");
	one_case("年底前",
		 "error: expected a date (2025-06-30, 2025-06, 2025) or a deadline phrase "
		 "such as 2025年6月底前, 每季度 or 持续推进");
	one_case("2025年6月底前和2026年",
		 "error: more text follows the deadline; write one deadline only, "
		 "such as 2025年6月底前");
	one_case(" ", "error: empty deadline; write a date such as 2025-06-30 or a phrase "
		 "such as 2025年6月底前");
}

void test_deadline(void)
{
	run_examples();
	test_plan_periods();
	test_parse_one();
}
