#include "indvalue.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "utf8.h"

/* A read position in NUL-terminated text. Parsers work on a copy and store
 * it back only when a whole part has matched. */
struct cursor {
	const char *s;
	size_t len, pos;
};

struct word {
	const char *text;
	int value;
};

#define MAX_DIGITS 15
#define YEAR_MIN 1900
#define YEAR_MAX 2200
#define ANNUAL_MAX_YEARS 100

enum unit { UNIT_NONE, UNIT_PERCENT, UNIT_POINTS, UNIT_OTHER };

static const char *const lead_words[] = { "力争", "争取", "确保", "力求", NULL };

/* Words that only introduce the number: "达到95%", "保持在98%以上". */
static const char *const neutral_words[] = {
	"达到", "达", "保持在", "保持", "维持在", "稳定在", "控制在", "降至", "降到", "升至",
	"升到", "为", "在", NULL,
};

/* Longer forms first: "不低于" before "低于", "<=" before "<". */
static const struct word cmp_words[] = {
	{ "不低于", INDVALUE_GE }, { "不少于", INDVALUE_GE }, { "不小于", INDVALUE_GE },
	{ "不高于", INDVALUE_LE }, { "不超过", INDVALUE_LE }, { "不多于", INDVALUE_LE },
	{ "不大于", INDVALUE_LE }, { "低于", INDVALUE_LT }, { "小于", INDVALUE_LT },
	{ "少于", INDVALUE_LT }, { "不到", INDVALUE_LT }, { "高于", INDVALUE_GT },
	{ "大于", INDVALUE_GT }, { "超过", INDVALUE_GT }, { "多于", INDVALUE_GT },
	{ "<=", INDVALUE_LE }, { "<＝", INDVALUE_LE }, { "＜=", INDVALUE_LE },
	{ "＜＝", INDVALUE_LE }, { ">=", INDVALUE_GE }, { ">＝", INDVALUE_GE },
	{ "＞=", INDVALUE_GE }, { "＞＝", INDVALUE_GE }, { "<", INDVALUE_LT },
	{ "＜", INDVALUE_LT }, { ">", INDVALUE_GT }, { "＞", INDVALUE_GT },
	{ "≤", INDVALUE_LE }, { "≦", INDVALUE_LE }, { "⩽", INDVALUE_LE },
	{ "≥", INDVALUE_GE }, { "≧", INDVALUE_GE }, { "⩾", INDVALUE_GE },
	{ "=", INDVALUE_EQ }, { "＝", INDVALUE_EQ }, { NULL, 0 },
};

/* 左右 ("about") says nothing about the direction: -1 means no comparator. */
static const struct word cmp_suffixes[] = {
	{ "及以上", INDVALUE_GE }, { "以上", INDVALUE_GE }, { "及以下", INDVALUE_LE },
	{ "以下", INDVALUE_LE }, { "以内", INDVALUE_LE }, { "左右", -1 }, { NULL, 0 },
};

static const struct word verbs[] = {
	{ "增长", 1 }, { "提高", 1 }, { "增加", 1 }, { "上升", 1 }, { "提升", 1 },
	{ "降低", -1 }, { "下降", -1 }, { "减少", -1 }, { NULL, 0 },
};

/* "个" must come after "个百分点", which is not a unit of a level. */
static const struct word units[] = {
	{ "个百分点", UNIT_POINTS }, { "百分点", UNIT_POINTS }, { "%", UNIT_PERCENT },
	{ "％", UNIT_PERCENT }, { "‰", UNIT_OTHER }, { "‱", UNIT_OTHER },
	{ "岁", UNIT_OTHER }, { "万人", UNIT_OTHER }, { "人", UNIT_OTHER },
	{ "张", UNIT_OTHER }, { "天", UNIT_OTHER }, { "个", UNIT_OTHER },
	{ "家", UNIT_OTHER }, { "所", UNIT_OTHER }, { "名", UNIT_OTHER },
	{ "次", UNIT_OTHER }, { "万元", UNIT_OTHER }, { "亿元", UNIT_OTHER },
	{ "元", UNIT_OTHER }, { NULL, 0 },
};

static const double powers_of_ten[MAX_DIGITS + 1] = {
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
};

static int32_t peek(const struct cursor *c)
{
	size_t p = c->pos;

	return utf8_next(c->s, c->len, &p);
}

static void advance(struct cursor *c)
{
	utf8_next(c->s, c->len, &c->pos);
}

/* PDF text puts spaces, no-break spaces and ideographic spaces anywhere. */
static int is_space(int32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 ||
	       cp == 0x3000;
}

static void skip_spaces(struct cursor *c)
{
	while (c->pos < c->len && is_space(peek(c)))
		advance(c);
}

static int at_end(struct cursor *c)
{
	skip_spaces(c);
	return c->pos >= c->len;
}

/* Match `lit` code point by code point, with spaces allowed before and
 * between them ("增 长"). */
static int eat(struct cursor *c, const char *lit)
{
	struct cursor at = *c;
	size_t i = 0, n = strlen(lit);

	while (i < n) {
		skip_spaces(&at);
		if (at.pos >= at.len || utf8_next(lit, n, &i) != utf8_next(at.s, at.len, &at.pos))
			return 0;
	}
	*c = at;
	return 1;
}

static int eat_any(struct cursor *c, const char *const *lits)
{
	for (size_t i = 0; lits[i]; i++)
		if (eat(c, lits[i]))
			return 1;
	return 0;
}

/* The first word of `words` at the cursor: its value, or 0 and `*found`
 * unchanged when none matches. */
static int eat_word(struct cursor *c, const struct word *words, int *found)
{
	for (size_t i = 0; words[i].text; i++)
		if (eat(c, words[i].text)) {
			*found = words[i].value;
			return 1;
		}
	return 0;
}

static int digit_value(int32_t cp)
{
	if (cp >= '0' && cp <= '9')
		return cp - '0';
	if (cp >= 0xFF10 && cp <= 0xFF19)	/* ０-９ */
		return cp - 0xFF10;
	return -1;
}

static int is_minus(int32_t cp)
{
	return cp == '-' || cp == 0xFF0D || cp == 0x2212;	/* - － − */
}

/* A run of digits onto `*mantissa`, counting them in `*digits`; 0 when
 * the total passes MAX_DIGITS. */
static int read_digits(struct cursor *c, int64_t *mantissa, int *digits, int *run)
{
	int d;

	*run = 0;
	while ((d = digit_value(peek(c))) >= 0) {
		if (++*digits > MAX_DIGITS)
			return 0;
		*mantissa = *mantissa * 10 + d;
		++*run;
		advance(c);
	}
	return 1;
}

/* A decimal number: digits, then '.' or '．' and digits. The value is the
 * mantissa divided by a power of ten, both exact in a double, so the one
 * rounding step gives the double nearest the decimal, as strtod would in
 * the C locale. */
static int read_decimal(struct cursor *c, int allow_minus, double *value)
{
	struct cursor at = *c, frac;
	int64_t mantissa = 0;
	int digits = 0, run = 0, decimals = 0, negative = 0;

	skip_spaces(&at);
	if (allow_minus && is_minus(peek(&at))) {
		advance(&at);
		negative = 1;
	}
	if (!read_digits(&at, &mantissa, &digits, &run) || !run)
		return 0;
	frac = at;
	if (peek(&frac) == '.' || peek(&frac) == 0xFF0E) {
		advance(&frac);
		if (!read_digits(&frac, &mantissa, &digits, &decimals))
			return 0;
		if (decimals)
			at = frac;
	}
	*value = (double)mantissa / powers_of_ten[decimals];
	if (negative && mantissa)
		*value = -*value;
	*c = at;
	return 1;
}

static int read_year(struct cursor *c, int *year)
{
	struct cursor at = *c;
	int d, n = 0;

	skip_spaces(&at);
	*year = 0;
	while ((d = digit_value(peek(&at))) >= 0 && n < 5) {
		*year = *year * 10 + d;
		n++;
		advance(&at);
	}
	if (n != 4 || *year < YEAR_MIN || *year > YEAR_MAX || !eat(&at, "年"))
		return 0;
	*c = at;
	return 1;
}

static int read_unit(struct cursor *c)
{
	int unit = UNIT_NONE;

	eat_word(c, units, &unit);
	return unit;
}

/* A change verb not followed by 到 or 至: "提高到90%" is a level. */
static int read_verb(struct cursor *c, int *sign)
{
	struct cursor at = *c;

	if (!eat_word(&at, verbs, sign))
		return 0;
	if (eat(&at, "到") || eat(&at, "至"))
		return 0;
	*c = at;
	return 1;
}

/* Words before a level: neutral ones (达到, 保持在, 提高到), then at most
 * one comparator. `*cmp` is -1 when none was written. */
static void read_cmp_prefix(struct cursor *c, int *cmp)
{
	int sign;

	*cmp = -1;
	for (;;) {
		struct cursor at = *c;

		if (eat_any(c, neutral_words))
			continue;
		if (eat_word(&at, verbs, &sign) && (eat(&at, "到") || eat(&at, "至"))) {
			*c = at;
			continue;
		}
		break;
	}
	eat_word(c, cmp_words, cmp);
}

static int direction(int cmp)
{
	if (cmp == INDVALUE_LT || cmp == INDVALUE_LE)
		return -1;
	if (cmp == INDVALUE_GT || cmp == INDVALUE_GE)
		return 1;
	return 0;
}

/* The comparator written before the number and the one after (-1: none)
 * must not contradict each other ("＞80以下"); the one before is the more
 * precise ("＞80%以上" is GT). */
static int merge_cmp(int before, int after, enum indvalue_cmp *out)
{
	if (before >= 0 && after >= 0 && direction(before) != direction(after))
		return 0;
	*out = before >= 0 ? (enum indvalue_cmp)before
			   : after >= 0 ? (enum indvalue_cmp)after : INDVALUE_EQ;
	return 1;
}

/* Size, unit and bound of a change: "0.5个百分点以上", "不低于5%". */
static int read_change(struct cursor *c, struct indvalue *v)
{
	int before, after = -1, unit;

	read_cmp_prefix(c, &before);
	if (!read_decimal(c, 0, &v->numbers[0]))
		return 0;
	unit = read_unit(c);
	if (unit != UNIT_PERCENT && unit != UNIT_POINTS)
		return 0;
	v->count = 1;
	v->percent_points = unit == UNIT_POINTS;
	eat_word(c, cmp_suffixes, &after);
	return merge_cmp(before, after, &v->cmp) && at_end(c);
}

static int parse_annual(struct cursor *c, struct indvalue *v)
{
	eat_any(c, lead_words);
	if (!eat(c, "每年") && !eat(c, "年均") && !eat(c, "平均每年"))
		return 0;
	if (!read_verb(c, &v->sign))
		return 0;
	v->kind = INDVALUE_ANNUAL;
	return read_change(c, v);
}

/* 比2015年, 较2020年水平, 比基线, 在2020年(的)基础上; or nothing. */
static int read_base(struct cursor *c, int *year)
{
	static const char *const after_year[] = { "的基础上", "基础上", "水平", NULL };
	static const char *const baseline_words[] = { "基线", "基期", "基数", NULL };

	if (eat(c, "比") || eat(c, "较")) {
		if (read_year(c, year))
			eat_any(c, after_year);
		else
			eat_any(c, baseline_words);
		return 1;
	}
	if (eat(c, "在"))
		return read_year(c, year) && eat_any(c, after_year);
	return 1;
}

static int parse_relative(struct cursor *c, struct indvalue *v)
{
	eat_any(c, lead_words);
	if (!read_base(c, &v->base_year) || !read_verb(c, &v->sign))
		return 0;
	v->kind = INDVALUE_RELATIVE;
	return read_change(c, v);
}

/* One level: a number and its unit; a level after the first may repeat
 * the first one's comparator but no other. */
static int read_level(struct cursor *c, struct indvalue *v, int *first_cmp)
{
	int cmp;

	read_cmp_prefix(c, &cmp);
	if (v->count == 0)
		*first_cmp = cmp;
	else if (cmp >= 0 && cmp != *first_cmp)
		return 0;
	if (v->count == INDVALUE_MAX_NUMBERS || !read_decimal(c, 1, &v->numbers[v->count]))
		return 0;
	v->count++;
	return read_unit(c) != UNIT_POINTS;
}

static int parse_levels(struct cursor *c, struct indvalue *v)
{
	int before = -1, after = -1;

	eat_any(c, lead_words);
	do {
		if (!read_level(c, v, &before))
			return 0;
	} while (eat(c, "/") || eat(c, "／"));
	eat_word(c, cmp_suffixes, &after);
	v->kind = v->count > 1 ? INDVALUE_PER_LEVEL : INDVALUE_ABSOLUTE;
	return merge_cmp(before, after, &v->cmp) && at_end(c);
}

/* Dashes, slashes and spaces only: the cell has no data. */
static int is_none(const char *s, size_t len)
{
	size_t pos = 0;

	while (pos < len) {
		int32_t cp = utf8_next(s, len, &pos);

		if (!is_space(cp) && !is_minus(cp) && cp != '/' && cp != 0xFF0F &&
		    cp != 0x2010 && cp != 0x2012 && cp != 0x2013 && cp != 0x2014 &&
		    cp != 0x2015 && cp != 0x2500)
			return 0;
	}
	return 1;
}

void indvalue_parse(const char *text, struct indvalue *out)
{
	static int (*const parsers[])(struct cursor *, struct indvalue *) = {
		parse_annual, parse_relative, parse_levels,
	};
	const struct indvalue empty = { .text = text ? text : "", .kind = INDVALUE_TEXT };

	*out = empty;
	if (is_none(out->text, strlen(out->text))) {
		out->kind = INDVALUE_NONE;
		return;
	}
	for (size_t i = 0; i < sizeof(parsers) / sizeof(parsers[0]); i++) {
		struct cursor c = { out->text, strlen(out->text), 0 };
		struct indvalue v = empty;

		if (parsers[i](&c, &v)) {
			*out = v;
			return;
		}
	}
}

/* Round to 6 decimals: the result is the double nearest that decimal,
 * the same a parsed "110" or "0.442" gives. */
static double round6(double x)
{
	double t;

	if (!(x > -1e9 && x < 1e9))
		return x;
	t = x * 1e6;
	return (double)(int64_t)(t < 0 ? t - 0.5 : t + 0.5) / 1e6;
}

static int is_plain(const struct indvalue *v)
{
	return v && v->kind == INDVALUE_ABSOLUTE && v->cmp == INDVALUE_EQ;
}

static double apply_change(double base, const struct indvalue *change)
{
	double p = change->sign * change->numbers[0];

	return change->percent_points ? base + p : base * (100 + p) / 100;
}

int indvalue_target_number(const struct indvalue *target, const struct indvalue *baseline,
			   int years, double *out)
{
	double v;

	switch (target->kind) {
	case INDVALUE_ABSOLUTE:
		*out = target->numbers[0];
		return 0;
	case INDVALUE_RELATIVE:
		if (!is_plain(baseline))
			return -1;
		v = apply_change(baseline->numbers[0], target);
		break;
	case INDVALUE_ANNUAL:
		if (!is_plain(baseline) || years < 1 || years > ANNUAL_MAX_YEARS)
			return -1;
		v = baseline->numbers[0];
		for (int i = 0; i < years; i++)
			v = apply_change(v, target);
		break;
	default:
		return -1;
	}
	if (!isfinite(v))
		return -1;
	*out = round6(v);
	return 0;
}

void indvalue_format_number(double v, struct strbuf *out)
{
	double mag = v < 0 ? -v : v;
	int64_t cents;

	if (!isfinite(v)) {
		strbuf_adds(out, "—");
		return;
	}
	if (mag >= 1e15) {
		/* No decimal point, so the locale cannot change the digits. */
		strbuf_addf(out, "%.0f", v);
		return;
	}
	cents = (int64_t)(mag * 100 + 0.5);
	strbuf_addf(out, "%s%lld", v < 0 && cents ? "-" : "", (long long)(cents / 100));
	if (cents % 10)
		strbuf_addf(out, ".%02d", (int)(cents % 100));
	else if (cents % 100)
		strbuf_addf(out, ".%d", (int)(cents % 100 / 10));
}

/* Text as the source printed it, between quotes, with control characters
 * made spaces so that the explanation stays on one line. */
static void add_quoted(struct strbuf *sb, const char *text)
{
	strbuf_adds(sb, "“");
	for (const char *p = text; *p; p++)
		strbuf_addch(sb, (unsigned char)*p < 0x20 || *p == 0x7F ? ' ' : *p);
	strbuf_adds(sb, "”");
}

/* How values read in an explanation, the same whatever spacing or
 * full-width forms the source used. */
static const char *cmp_symbol(enum indvalue_cmp cmp)
{
	static const char *const symbols[] = { "", "<", "≤", ">", "≥" };

	return symbols[cmp];
}

static void describe_change(const struct indvalue *v, struct strbuf *sb)
{
	strbuf_adds(sb, v->sign < 0 ? "降低" : "增长");
	if (v->cmp == INDVALUE_GT)
		strbuf_adds(sb, "超过");
	else if (v->cmp == INDVALUE_LT)
		strbuf_adds(sb, "不到");
	indvalue_format_number(v->numbers[0], sb);
	strbuf_adds(sb, v->percent_points ? "个百分点" : "%");
	if (v->cmp == INDVALUE_GE)
		strbuf_adds(sb, "以上");
	else if (v->cmp == INDVALUE_LE)
		strbuf_adds(sb, "以内");
}

static void describe_base(const struct indvalue *v, struct strbuf *sb)
{
	if (v->base_year)
		strbuf_addf(sb, "%d年", v->base_year);
	else
		strbuf_adds(sb, "基线");
}

static void describe(const struct indvalue *v, struct strbuf *sb)
{
	switch (v->kind) {
	case INDVALUE_NONE:
		strbuf_adds(sb, "—");
		break;
	case INDVALUE_TEXT:
		add_quoted(sb, v->text);
		break;
	case INDVALUE_ABSOLUTE:
	case INDVALUE_PER_LEVEL:
		strbuf_adds(sb, cmp_symbol(v->cmp));
		for (size_t i = 0; i < v->count; i++) {
			if (i)
				strbuf_addch(sb, '/');
			indvalue_format_number(v->numbers[i], sb);
		}
		break;
	case INDVALUE_RELATIVE:
		strbuf_adds(sb, "比");
		describe_base(v, sb);
		describe_change(v, sb);
		break;
	case INDVALUE_ANNUAL:
		strbuf_adds(sb, "每年");
		describe_change(v, sb);
		break;
	}
}

/* What the actual value must satisfy: `op` is never EQ. */
struct need {
	enum indvalue_cmp op;
	double bound[INDVALUE_MAX_NUMBERS];
	size_t count;
};

/* The values an actual value stands for: one number, or a half-line when
 * it has a comparator ("<0.1"). */
struct range {
	double lo, hi;
	int lo_open, hi_open;
};

static struct range range_of(enum indvalue_cmp cmp, double a)
{
	struct range r = { a, a, 0, 0 };

	if (cmp == INDVALUE_LT || cmp == INDVALUE_LE) {
		r.lo = -INFINITY;
		r.hi_open = cmp == INDVALUE_LT;
	} else if (cmp == INDVALUE_GT || cmp == INDVALUE_GE) {
		r.hi = INFINITY;
		r.lo_open = cmp == INDVALUE_GT;
	}
	return r;
}

/* ACHIEVED when every value of `r` passes `op t`, NOT_ACHIEVED when none
 * does. */
static enum indvalue_verdict check_range(enum indvalue_cmp op, double t, struct range r)
{
	int all, none;

	switch (op) {
	case INDVALUE_GE:
		all = r.lo > t || (r.lo == t && !r.lo_open);
		none = r.hi < t || (r.hi == t && r.hi_open);
		break;
	case INDVALUE_GT:
		all = r.lo > t || (r.lo == t && r.lo_open);
		none = r.hi <= t;
		break;
	case INDVALUE_LE:
		all = r.hi < t || (r.hi == t && !r.hi_open);
		none = r.lo > t || (r.lo == t && r.lo_open);
		break;
	default:
		all = r.hi < t || (r.hi == t && r.hi_open);
		none = r.lo >= t;
		break;
	}
	return all ? INDVALUE_ACHIEVED : none ? INDVALUE_NOT_ACHIEVED : INDVALUE_UNKNOWN;
}

/* A change bounds how far the value moves; turned into a bound on the
 * value, a decrease mirrors it: "降低5%以上" means at or below. */
static enum indvalue_cmp change_op(const struct indvalue *t)
{
	static const enum indvalue_cmp mirror[] = {
		INDVALUE_LE, INDVALUE_GT, INDVALUE_GE, INDVALUE_LT, INDVALUE_LE,
	};

	if (t->sign < 0)
		return mirror[t->cmp];
	return t->cmp == INDVALUE_EQ ? INDVALUE_GE : t->cmp;
}

static int need_relative(const struct indvalue *t, const struct indvalue *b, struct need *need,
			 struct strbuf *sb)
{
	describe(t, sb);
	if (!b || b->kind == INDVALUE_NONE) {
		strbuf_adds(sb, "，缺少");
		describe_base(t, sb);
		strbuf_adds(sb, "数值，无法判断");
		return -1;
	}
	if (indvalue_target_number(t, b, 0, &need->bound[0]) < 0) {
		strbuf_adds(sb, "，基线");
		describe(b, sb);
		strbuf_adds(sb, "不是单一数值，无法判断");
		return -1;
	}
	need->count = 1;
	need->op = change_op(t);
	strbuf_adds(sb, "即");
	indvalue_format_number(need->bound[0], sb);
	strbuf_adds(sb, "（");
	describe_base(t, sb);
	indvalue_format_number(b->numbers[0], sb);
	strbuf_adds(sb, "）");
	return 0;
}

static void need_levels(const struct indvalue *t, int higher_is_better, struct need *need,
			struct strbuf *sb)
{
	describe(t, sb);
	need->op = t->cmp;
	if (t->cmp == INDVALUE_EQ) {
		need->op = higher_is_better ? INDVALUE_GE : INDVALUE_LE;
		strbuf_adds(sb, higher_is_better ? "（越高越好）" : "（越低越好）");
	}
	need->count = t->count;
	memcpy(need->bound, t->numbers, sizeof(need->bound));
}

static int actual_readable(const struct indvalue *a, struct strbuf *sb)
{
	switch (a->kind) {
	case INDVALUE_ABSOLUTE:
	case INDVALUE_PER_LEVEL:
		return 1;
	case INDVALUE_NONE:
		strbuf_adds(sb, "，无实际值，无法判断");
		return 0;
	case INDVALUE_TEXT:
		strbuf_adds(sb, "，实际");
		add_quoted(sb, a->text);
		strbuf_adds(sb, "无法读取，无法判断");
		return 0;
	default:
		strbuf_adds(sb, "，实际");
		describe(a, sb);
		strbuf_adds(sb, "不是数值，无法判断");
		return 0;
	}
}

/* Level by level; one failure fails the whole. */
static enum indvalue_verdict judge_actual(const struct need *need, const struct indvalue *a,
					  struct strbuf *sb)
{
	enum indvalue_verdict v[INDVALUE_MAX_NUMBERS];
	int failed = 0, unknown = 0;

	if (!actual_readable(a, sb))
		return INDVALUE_UNKNOWN;
	strbuf_adds(sb, "，实际");
	describe(a, sb);
	if (need->count != a->count && need->count != 1) {
		strbuf_adds(sb, "，层级数不一致，无法判断");
		return INDVALUE_UNKNOWN;
	}
	for (size_t i = 0; i < a->count; i++) {
		v[i] = check_range(need->op, need->bound[need->count == 1 ? 0 : i],
				   range_of(a->cmp, a->numbers[i]));
		failed += v[i] == INDVALUE_NOT_ACHIEVED;
		unknown += v[i] == INDVALUE_UNKNOWN;
	}
	if (failed && a->count > 1) {
		strbuf_adds(sb, "，第");
		for (size_t i = 0, n = 0; i < a->count; i++)
			if (v[i] == INDVALUE_NOT_ACHIEVED)
				strbuf_addf(sb, "%s%zu", n++ ? "、" : "", i + 1);
		strbuf_adds(sb, "项未达到");
	} else {
		strbuf_adds(sb, failed ? "，未达到" : unknown ? "，无法判断" : "，已达到");
	}
	return failed ? INDVALUE_NOT_ACHIEVED : unknown ? INDVALUE_UNKNOWN : INDVALUE_ACHIEVED;
}

static enum indvalue_verdict judge_target(const struct indvalue *t, const struct indvalue *a,
					  const struct indvalue *b, int higher_is_better,
					  struct strbuf *sb)
{
	struct need need = { INDVALUE_GE, { 0 }, 0 };

	strbuf_adds(sb, "目标");
	switch (t->kind) {
	case INDVALUE_NONE:
		strbuf_adds(sb, "无数值，无法判断");
		return INDVALUE_UNKNOWN;
	case INDVALUE_TEXT:
		add_quoted(sb, t->text);
		strbuf_adds(sb, "无法读取，无法判断");
		return INDVALUE_UNKNOWN;
	case INDVALUE_ANNUAL:
		describe(t, sb);
		strbuf_adds(sb, "，缺少年数，无法判断");
		return INDVALUE_UNKNOWN;
	case INDVALUE_RELATIVE:
		if (need_relative(t, b, &need, sb) < 0)
			return INDVALUE_UNKNOWN;
		break;
	default:
		need_levels(t, higher_is_better, &need, sb);
		break;
	}
	return judge_actual(&need, a, sb);
}

enum indvalue_verdict indvalue_judge(const struct indvalue *target, const struct indvalue *actual,
				     const struct indvalue *baseline, int higher_is_better,
				     struct strbuf *why)
{
	struct strbuf unused = STRBUF_INIT;
	enum indvalue_verdict verdict;

	verdict = judge_target(target, actual, baseline, higher_is_better, why ? why : &unused);
	strbuf_release(&unused);
	return verdict;
}
