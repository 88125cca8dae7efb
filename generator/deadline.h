#ifndef POLICYSITE_DEADLINE_H
#define POLICYSITE_DEADLINE_H

#include <stddef.h>

#include "arena.h"
#include "date.h"

/*
 * Deadline phrases in Chinese policy text: 到2025年, 2024年底前,
 * 2025年6月底前, 2027年12月31日前, 2024年三季度, 2023—2027年, 每季度,
 * 持续推进 … tests/unit/deadlines.txt lists every form with examples of
 * what is a deadline and what is not.
 *
 * Digits may be ASCII or full-width (０-９) and spaces may stand between
 * the parts, as in text taken from PDF. Years run from 1900 to 2200. A
 * bare year ("2020年全市…", "2035年远景目标纲要", "2024年度…") is not a
 * deadline: running text needs 到/至 before it or 前/底/末/内 after it.
 * Followed by 起, 开始 or 以来 a phrase says when something starts, and
 * after 截至 ("as of") it states a fact unless 前 follows: neither is a
 * deadline.
 * Nothing here reads the clock, the locale or any global state.
 */

#define DEADLINE_YEAR_MIN 1900
#define DEADLINE_YEAR_MAX 2200

enum deadline_kind {
	DEADLINE_DATE,		/* a calendar date: `date` holds the last day it allows */
	DEADLINE_RECURRING,	/* 每年, 每季度, 每月, 每半年, 每5年 …: no single date */
	DEADLINE_ONGOING,	/* 持续推进, 长期坚持, 常态化 …: no date */
};

/*
 * One phrase. `start` and `end` are byte offsets into the text that was
 * searched (end exclusive) and fall on code-point boundaries; the phrase is
 * not NUL-terminated there. The span covers 力争到 / 截至 in front and
 * 前 / 之前 / 以前 behind, but not a following 完成.
 *
 * For DEADLINE_DATE, `date` is a real day with year, month and day all
 * set: the last day the phrase allows (2025年6月底前 → 2025-06-30,
 * 2024年三季度 → 2024-09-30, 2023—2027年 → 2027-12-31). For the other
 * kinds `date` is all zero.
 */
struct deadline_phrase {
	size_t start, end;
	enum deadline_kind kind;
	struct date date;
};

/*
 * Find every deadline phrase in `text`: `len` bytes of UTF-8 that need not
 * be NUL-terminated (malformed bytes are skipped). The phrases come in
 * order of position and never overlap. `*out` receives an array allocated
 * in `a`, which owns it, or NULL when there is none. Returns the count.
 *
 * An impossible date such as 2025年2月30日前 is skipped whole: it is not
 * shortened to a deadline of 2025年. Callers that want to report it use
 * deadline_parse_one.
 */
size_t deadline_find(struct arena *a, const char *text, size_t len,
		     struct deadline_phrase **out);

/*
 * The last day of a plan period as written in front matter (plan_period)
 * or text: "十四五" and "“十四五”时期" → 2025-12-31, "十三五" → 2020-12-31,
 * "十五五" → 2030-12-31 (any of 十一五 … 十九五); "2024", "2024年",
 * "2024年度" → 2024-12-31; "2024-2027", "2021至2025年", "2023—2027年" →
 * the end year's 12-31. Spaces and quotes around it and a following 时期,
 * 期间 or 规划 are allowed, nothing else. Returns 0 and
 * sets `*end`, or -1 (leaving `*end` alone) if `s` is not a period.
 */
int deadline_plan_period_end(const char *s, struct date *end);

/*
 * Parse `s`, one deadline written by an editor (a task block's `deadline`,
 * a deadline column of a table): "2025-06-30", "2025-06" (→ its last day),
 * "2025" (→ 12-31), or one phrase deadline_find recognises, optionally
 * followed by 完成. As the whole value is known to be a deadline, forms
 * that running text only accepts after 到 stand alone here ("2025年6月",
 * "2025年12月31日", "2024年度"), and so do 长期, 持续 and 常年 (ongoing).
 * Spaces around `s` are ignored; `start` and `end` are offsets into `s`.
 *
 * Returns 0, or -1 with `*why` pointing to a static message that says
 * what is wrong and what to write instead ("no such day in that month").
 */
int deadline_parse_one(const char *s, struct deadline_phrase *out, const char **why);

#endif
