/* Unit tests of indicator values: every example of tests/unit/indvalues.txt
 * (parse and judge), then number formatting, target numbers and truncated
 * input. */
#include <math.h>
#include <stdlib.h>

#include "fsio.h"
#include "harness.h"
#include "indvalue.h"
#include "strbuf.h"
#include "xalloc.h"

#define EXAMPLES "tests/unit/indvalues.txt"
#define FENCE "````````````````````````````````"

struct counts {
	int parse, judge, malformed;
};

/* An input as the examples write it: → stands for a tab, ␣ for a space. */
static void unescape(struct strbuf *sb, const char *l)
{
	while (*l) {
		if (!strncmp(l, "→", 3)) {
			strbuf_addch(sb, '\t');
			l += 3;
		} else if (!strncmp(l, "␣", 3)) {
			strbuf_addch(sb, ' ');
			l += 3;
		} else {
			strbuf_addch(sb, *l++);
		}
	}
}

static void describe(struct strbuf *sb, const struct indvalue *v)
{
	static const char *const kinds[] = {
		"none", "absolute", "relative", "annual", "per-level", "text",
	};
	static const char *const cmps[] = { "eq", "lt", "le", "gt", "ge" };

	strbuf_adds(sb, kinds[v->kind]);
	if (v->kind == INDVALUE_NONE || v->kind == INDVALUE_TEXT)
		return;
	strbuf_addf(sb, " %s ", cmps[v->cmp]);
	for (size_t i = 0; i < v->count; i++) {
		if (i)
			strbuf_addch(sb, '/');
		indvalue_format_number(v->numbers[i], sb);
	}
	if (v->sign)
		strbuf_addf(sb, " sign %+d", v->sign);
	if (v->percent_points)
		strbuf_adds(sb, " points");
	if (v->base_year)
		strbuf_addf(sb, " year %d", v->base_year);
}

/* The invariants the header promises, whatever the kind. */
static int well_formed(const struct indvalue *v, const char *text)
{
	size_t want_min = 1, want_max = 1;
	int changes = v->kind == INDVALUE_RELATIVE || v->kind == INDVALUE_ANNUAL;

	if (v->kind == INDVALUE_NONE || v->kind == INDVALUE_TEXT)
		want_min = want_max = 0;
	else if (v->kind == INDVALUE_PER_LEVEL)
		want_min = 2, want_max = INDVALUE_MAX_NUMBERS;
	if (v->text != text || v->count < want_min || v->count > want_max)
		return 0;
	for (size_t i = v->count; i < INDVALUE_MAX_NUMBERS; i++)
		if (v->numbers[i] != 0)
			return 0;
	if (changes ? (v->sign != 1 && v->sign != -1) || v->numbers[0] < 0
		    : v->sign || v->percent_points)
		return 0;
	if ((v->kind == INDVALUE_NONE || v->kind == INDVALUE_TEXT) && v->cmp != INDVALUE_EQ)
		return 0;
	return v->kind == INDVALUE_RELATIVE || !v->base_year;
}

static void check_parse(const char *input, const char *want, unsigned line)
{
	struct strbuf text = STRBUF_INIT, got = STRBUF_INIT, what = STRBUF_INIT;
	struct indvalue v;

	unescape(&text, input);
	indvalue_parse(text.buf, &v);
	describe(&got, &v);
	if (!well_formed(&v, text.buf))
		strbuf_adds(&got, " (breaks the header's invariants)");
	strbuf_addf(&what, "indvalue: parse \"%s\"", input);
	STR_EQ(got.buf, want, what.buf);
	if (strcmp(got.buf, want))
		printf("    example at %s:%u\n", EXAMPLES, line);
	strbuf_release(&text);
	strbuf_release(&got);
	strbuf_release(&what);
}

static int run_parse(char **p, unsigned *line)
{
	unsigned at = *line + 1;
	char *input = test_next_line(p, line), *dot = test_next_line(p, line);
	char *want = test_next_line(p, line), *end = test_next_line(p, line);

	if (!input || !dot || !want || !end || strcmp(dot, ".") || strcmp(end, FENCE)) {
		printf("    malformed parse example at %s:%u\n", EXAMPLES, at);
		return 0;
	}
	check_parse(input, want, at);
	return 1;
}

/* A judge example: "target: …", "actual: …", maybe "baseline: …", then
 * "better: higher" or "better: lower". */
struct judge_case {
	struct strbuf target, actual, baseline;
	int has_baseline, higher;
};

static int read_field(struct judge_case *jc, const char *l)
{
	if (!strncmp(l, "target: ", 8)) {
		unescape(&jc->target, l + 8);
	} else if (!strncmp(l, "actual: ", 8)) {
		unescape(&jc->actual, l + 8);
	} else if (!strncmp(l, "baseline: ", 10)) {
		unescape(&jc->baseline, l + 10);
		jc->has_baseline = 1;
	} else if (!strcmp(l, "better: higher")) {
		jc->higher = 1;
	} else if (!strcmp(l, "better: lower")) {
		jc->higher = 0;
	} else {
		return 0;
	}
	return 1;
}

static void check_judge(const struct judge_case *jc, const char *want, unsigned line)
{
	static const char *const verdicts[] = { "achieved", "not achieved", "unknown" };
	struct indvalue t, a, b;
	struct strbuf why = STRBUF_INIT, got = STRBUF_INIT, what = STRBUF_INIT;
	enum indvalue_verdict v;

	indvalue_parse(jc->target.buf, &t);
	indvalue_parse(jc->actual.buf, &a);
	indvalue_parse(jc->baseline.buf, &b);
	v = indvalue_judge(&t, &a, jc->has_baseline ? &b : NULL, jc->higher, &why);
	strbuf_addf(&got, "%s: %s", verdicts[v], why.buf);
	strbuf_addf(&what, "indvalue: judge \"%s\" against \"%s\"", jc->target.buf,
		    jc->actual.buf);
	STR_EQ(got.buf, want, what.buf);
	if (strcmp(got.buf, want))
		printf("    example at %s:%u\n", EXAMPLES, line);
	strbuf_release(&why);
	strbuf_release(&got);
	strbuf_release(&what);
}

static int run_judge(char **p, unsigned *line)
{
	struct judge_case jc = { STRBUF_INIT, STRBUF_INIT, STRBUF_INIT, 0, -1 };
	unsigned at = *line + 1;
	char *l, *want = NULL;
	int good = 1;

	while ((l = test_next_line(p, line)) && strcmp(l, "."))
		good &= read_field(&jc, l);
	if (l)
		want = test_next_line(p, line);
	l = test_next_line(p, line);
	good &= want && l && !strcmp(l, FENCE) && jc.higher >= 0;
	if (good)
		check_judge(&jc, want, at);
	else
		printf("    malformed judge example at %s:%u\n", EXAMPLES, at);
	strbuf_release(&jc.target);
	strbuf_release(&jc.actual);
	strbuf_release(&jc.baseline);
	return good;
}

static void run_examples(void)
{
	struct strbuf file = STRBUF_INIT;
	struct counts n = { 0, 0, 0 };
	unsigned line = 0;
	char *p, *l;

	OK(fsio_read_file(EXAMPLES, &file) == 0, "indvalue: read " EXAMPLES);
	p = file.buf;
	while ((l = test_next_line(&p, &line))) {
		if (!strcmp(l, FENCE " parse")) {
			if (run_parse(&p, &line))
				n.parse++;
			else
				n.malformed++;
		} else if (!strcmp(l, FENCE " judge")) {
			if (run_judge(&p, &line))
				n.judge++;
			else
				n.malformed++;
		}
	}
	INT_EQ(n.malformed, 0, "indvalue: every example is well formed");
	OK(n.parse >= 40, "indvalue: at least 40 parse examples");
	OK(n.judge >= 15, "indvalue: at least 15 judge examples");
	strbuf_release(&file);
}

static void format_case(double v, const char *want)
{
	struct strbuf got = STRBUF_INIT, what = STRBUF_INIT;

	indvalue_format_number(v, &got);
	strbuf_addf(&what, "indvalue: format number as \"%s\"", want);
	STR_EQ(got.buf, want, what.buf);
	strbuf_release(&got);
	strbuf_release(&what);
}

static void test_format(void)
{
	format_case(0.442, "0.44");
	format_case(79.7, "79.7");
	format_case(30, "30");
	format_case(30.00, "30");
	format_case(0.80, "0.8");
	format_case(12.7015, "12.7");
	format_case(88.885, "88.89");
	format_case(0.005, "0.01");
	format_case(-0.5, "-0.5");
	format_case(-0.001, "0");
	format_case(-0.0, "0");
	format_case(1234567.891, "1234567.89");
	format_case(1e15, "1000000000000000");
	format_case(INFINITY, "—");
	format_case(NAN, "—");
}

/* `target` against `baseline` over `years`; `want` is the number
 * formatted, or "-1" when not computable. */
static void number_case(const char *target, const char *baseline, int years, const char *want)
{
	struct indvalue t, b;
	struct strbuf got = STRBUF_INIT, what = STRBUF_INIT;
	double v;

	indvalue_parse(target, &t);
	indvalue_parse(baseline, &b);
	if (indvalue_target_number(&t, baseline ? &b : NULL, years, &v) == 0)
		indvalue_format_number(v, &got);
	else
		strbuf_adds(&got, "-1");
	strbuf_addf(&what, "indvalue: \"%s\" from \"%s\" over %d years", target,
		    baseline ? baseline : "(none)", years);
	STR_EQ(got.buf, want, what.buf);
	strbuf_release(&got);
	strbuf_release(&what);
}

static void test_target_number(void)
{
	double v = 0;
	struct indvalue t, b;

	number_case("77.5", NULL, 0, "77.5");
	number_case("<2.4", NULL, 0, "2.4");
	number_case("增长30%", "0.34", 0, "0.44");
	number_case("增长30%", "0.72", 0, "0.94");
	number_case("增长30%", NULL, 0, "-1");
	number_case("增长30%", "-", 0, "-1");
	number_case("增长30%", "<8", 0, "-1");
	number_case("比2015年降低5%", "13.37", 0, "12.7");
	number_case("降低2个百分点", "13.37", 0, "11.37");
	number_case("力争每年降低0.5个百分点以上", "52.5", 5, "50");
	number_case("每年提高10%", "100", 2, "121");
	number_case("每年提高10%", "100", 0, "-1");
	number_case("每年提高10%", "100", 101, "-1");
	number_case("每年提高10%", NULL, 3, "-1");
	number_case("＞90/85/80", NULL, 0, "-1");
	number_case("—", NULL, 0, "-1");
	number_case("达标", NULL, 0, "-1");
	/* Rounded to 6 decimals: 100 increased by 10% is 110 itself. */
	indvalue_parse("增长10%", &t);
	indvalue_parse("100", &b);
	OK(indvalue_target_number(&t, &b, 0, &v) == 0 && v == 110,
	   "indvalue: a computed target equals the parsed number");
}

/* Numbers are read digit by digit and must equal what the compiler makes
 * of the same decimal. */
static void test_exact_numbers(void)
{
	struct indvalue v;

	indvalue_parse("12.3456", &v);
	OK(v.numbers[0] == 12.3456, "indvalue: 12.3456 is the nearest double");
	indvalue_parse("0.1", &v);
	OK(v.numbers[0] == 0.1, "indvalue: 0.1 is the nearest double");
	indvalue_parse("８８．８９", &v);
	OK(v.numbers[0] == 88.89, "indvalue: full-width 88.89 is the nearest double");
	indvalue_parse("123456789012345", &v);
	OK(v.kind == INDVALUE_ABSOLUTE && v.numbers[0] == 123456789012345.0,
	   "indvalue: 15 digits are read");
	indvalue_parse("1234567890.123456", &v);
	INT_EQ(v.kind, INDVALUE_TEXT, "indvalue: 16 digits are too many");
	indvalue_parse(NULL, &v);
	OK(v.kind == INDVALUE_NONE && v.text && !*v.text, "indvalue: NULL reads as empty");
}

static void test_judge_without_why(void)
{
	struct indvalue t, a;

	indvalue_parse("<2.4", &t);
	indvalue_parse("8.45", &a);
	INT_EQ(indvalue_judge(&t, &a, NULL, 0, NULL), INDVALUE_NOT_ACHIEVED,
	       "indvalue: judge without an explanation");
}

/* Every prefix of each input in a buffer of exactly that size: the
 * sanitizers catch a read past the NUL, and cut UTF-8 is met. */
static void test_truncations(void)
{
	static const char *const inputs[] = {
		"力争每年降低0.5个百分点以上", "比2015年降低5%", "＞90/85/80", "≥ 80 %",
		"较2020年水平提高不低于5个百分点", "８５％以上", "－0.5", NULL,
	};
	int good = 1;

	for (size_t i = 0; inputs[i]; i++)
		for (size_t k = 0; k <= strlen(inputs[i]); k++) {
			char *copy = xmalloc(k + 1);
			struct indvalue v;

			memcpy(copy, inputs[i], k);
			copy[k] = '\0';
			indvalue_parse(copy, &v);
			good &= well_formed(&v, copy);
			free(copy);
		}
	OK(good, "indvalue: truncated inputs give well-formed values");
}

void test_indvalue(void)
{
	run_examples();
	test_format();
	test_target_number();
	test_exact_numbers();
	test_judge_without_why();
	test_truncations();
}
