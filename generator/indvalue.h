#ifndef POLICYSITE_INDVALUE_H
#define POLICYSITE_INDVALUE_H

#include <stddef.h>

#include "strbuf.h"

/*
 * Indicator values as Chinese health plans print them in their target
 * tables ("77.5", "<8", "＞90/85/80", "比2015年降低5%", "增长30%",
 * "力争每年降低0.5个百分点以上", "—"), and whether an actual value meets a
 * target. tests/unit/indvalues.txt lists every form with examples.
 *
 * Digits may be ASCII or full-width (０-９, ．) and comparators ASCII (<,
 * <=, >, >=, =), mathematical (≤ ≥ ≦ ≧), full-width (＜ ＞ ＝) or words:
 * 以上, 及以上, 不低于, 不少于 (GE); 以下, 以内, 不高于, 不超过 (LE); 低于
 * (LT); 高于, 超过 (GT). 达到, 保持在, 控制在, 提高到, 力争 only introduce
 * the number and 左右 adds nothing; a comparator before the number and a
 * word after it must agree. Spaces, no-break and ideographic spaces may
 * stand between any two parts, even inside a word ("增 长 30 %"), as in
 * text taken from PDF. A minus sign right before a digit makes a negative
 * number ("-0.5"). Numbers are read digit by digit, never with strtod, so
 * neither the locale nor the C library changes a result; a number has at
 * most 15 digits.
 *
 * Nothing here allocates (but for appending to the caller's strbuf), reads
 * the clock, the locale or any global state: the same input always gives
 * byte-identical output.
 */

enum indvalue_kind {
	INDVALUE_NONE,		/* "—", "-", "－", "", "/" : no data */
	INDVALUE_ABSOLUTE,	/* "77.5", "<8", "＞80", "≥80", "100", "95%以上" */
	INDVALUE_RELATIVE,	/* change from the baseline or a named year: "增长30%",
				 * "比2015年降低5%", "下降10%" */
	INDVALUE_ANNUAL,	/* change per year: "力争每年降低0.5个百分点以上" */
	INDVALUE_PER_LEVEL,	/* one value per level: "97/88.89/83.33", "＞90/85/80" */
	INDVALUE_TEXT,		/* nothing the parser can read; only `text` is set */
};

enum indvalue_cmp { INDVALUE_EQ, INDVALUE_LT, INDVALUE_LE, INDVALUE_GT, INDVALUE_GE };

#define INDVALUE_MAX_NUMBERS 4

/*
 * One parsed value. Invariants after indvalue_parse:
 * - `text` is the caller's string itself (not a copy): the struct is valid
 *   only as long as that string is.
 * - `count` is 0 for NONE and TEXT, 1 for ABSOLUTE, RELATIVE and ANNUAL,
 *   and 2 to INDVALUE_MAX_NUMBERS for PER_LEVEL; numbers past `count` are 0.
 * - `cmp` is EQ for NONE and TEXT. For ABSOLUTE and PER_LEVEL it bounds the
 *   value ("＞90/85/80": every level above its number; "95%以上": GE). For
 *   RELATIVE and ANNUAL it bounds the size of the change: 以上 GE, 以内 and
 *   以下 LE, none EQ.
 * - `sign` is +1 (增长, 提高, 增加, 上升, 提升) or -1 (降低, 下降, 减少) for
 *   RELATIVE and ANNUAL, 0 otherwise; `numbers[0]` is then the size of the
 *   change, never negative.
 * - `percent_points` is 1 when a RELATIVE or ANNUAL change is counted in
 *   个百分点 rather than in % of the value; 0 otherwise.
 * - `base_year` is the year a RELATIVE change starts from (比2015年 →
 *   2015); 0 means the plan's baseline. 0 for the other kinds.
 * A % or ‰ after an ABSOLUTE number is a unit and is dropped ("85%以上" →
 * 85); so is one of a few unit words (岁, 人, 张, 天, 个 …).
 */
struct indvalue {
	const char *text;
	enum indvalue_kind kind;
	enum indvalue_cmp cmp;
	double numbers[INDVALUE_MAX_NUMBERS];
	size_t count;
	int sign;
	int percent_points;
	int base_year;
};

/*
 * Parse `text` (NUL-terminated UTF-8; NULL counts as "") into `out`. Never
 * fails: anything unreadable, including malformed UTF-8, more than
 * INDVALUE_MAX_NUMBERS levels or contradictory comparators ("＞80以下"),
 * gives INDVALUE_TEXT.
 */
void indvalue_parse(const char *text, struct indvalue *out);

enum indvalue_verdict { INDVALUE_ACHIEVED, INDVALUE_NOT_ACHIEVED, INDVALUE_UNKNOWN };

/*
 * Does `actual` meet `target`?
 *
 * ABSOLUTE: the comparator decides; an EQ target takes its direction from
 * `higher_is_better` (77.5 life expectancy is met by 79.1, a 69.5
 * tuberculosis rate by 51.06: any value on the good side, the target
 * itself included).
 * RELATIVE: the target amounts to `baseline` changed by the percentage or
 * by the percentage points (see indvalue_target_number), and an EQ target
 * takes its direction from `sign` (增长30% is met by more). When
 * `target->base_year` is set, `baseline` must be the value of that year.
 * `baseline` NULL, or not one plain number, gives UNKNOWN.
 * ANNUAL: UNKNOWN, since the number of years is not known here; callers
 * that know it judge against indvalue_target_number.
 * PER_LEVEL: level by level; a single-number target applies to every level
 * of the actual value ("＞65" against "52.57/53.16"). All levels must be
 * met; one failure is NOT_ACHIEVED; different level counts are UNKNOWN.
 * An actual value with a comparator ("<0.1") is a range: ACHIEVED when all
 * of it meets the target, NOT_ACHIEVED when none does, UNKNOWN otherwise.
 * An actual value that is NONE, TEXT, RELATIVE or ANNUAL gives UNKNOWN.
 *
 * Appends one line of Chinese (no newline) to `why` saying how the verdict
 * was reached, ending with 已达到, 未达到 or 无法判断: "目标<2.4，实际8.45，未达到",
 * "目标比基线增长30%即0.44（基线0.34），实际0.5，已达到". Numbers are
 * written by indvalue_format_number. `why` may be NULL.
 */
enum indvalue_verdict indvalue_judge(const struct indvalue *target, const struct indvalue *actual,
				     const struct indvalue *baseline, int higher_is_better,
				     struct strbuf *why);

/*
 * The single value an open target amounts to, into `*out`; returns 0, or
 * -1 (and leaves `*out` alone) when it is not computable:
 * - ABSOLUTE: its number (the comparator is not applied).
 * - RELATIVE: b × (100 ± p) / 100 in %, b ± p in 个百分点, where b is
 *   `baseline`, which must be one plain number (ABSOLUTE with EQ).
 * - ANNUAL: the same change applied `years` times (1 to 100): points add
 *   up, percentages compound.
 * - NONE, TEXT and PER_LEVEL: -1.
 * Computed values are rounded to 6 decimals, so that "100" increased by
 * 10% is exactly 110 and compares equal to a parsed "110".
 */
int indvalue_target_number(const struct indvalue *target, const struct indvalue *baseline,
			   int years, double *out);

/*
 * Append `v` as tables print it: rounded half away from zero to at most 2
 * decimals, no trailing zeros, '.' as the decimal point whatever the
 * locale, no "-" before a zero ("0.44", "79.7", "30", "-0.5"). Magnitudes
 * of 1e15 and more are written without decimals; NaN and infinities as "—".
 */
void indvalue_format_number(double v, struct strbuf *out);

#endif
