#include "deadline.h"

#include <assert.h>
#include <string.h>

#include "utf8.h"

/* A read position in text that need not be NUL-terminated. Parsers work
 * on a copy and store it back only when a whole part has matched. */
struct cursor {
	const char *s;
	size_t len, pos;
};

/* What a dated phrase says before it is judged: a bare year needs 到 in
 * front or 前 behind, while 底, 末, 内, 上半年 and 一季度 are ends in
 * themselves. */
enum mark {
	MARK_YEAR,	/* 2025年 */
	MARK_YEAR_DU,	/* 2024年度: in running text the year of a title */
	MARK_MONTH,	/* 2025年6月 */
	MARK_DAY,	/* 2027年12月31日 */
	MARK_END,	/* 2024年底, 2025年6月末, 2024年上半年, 2023—2027年 */
};

struct dated {
	struct date date;
	enum mark mark;
	int strong;	/* 到 or 至 in front, or the whole value is a deadline */
	int as_of;	/* 截至 in front: a statement of fact unless 前 follows */
	int before;	/* 前, 之前 or 以前 behind */
	const char *bad;	/* why an impossible month or day is refused */
};

static const char *const range_marks[] = {
	"—", "–", "―", "－", "-", "～", "~", "〜", "至", "到", NULL,
};

static const struct {
	const char *text;
	int value;
} numerals[] = {
	{ "一", 1 }, { "二", 2 }, { "三", 3 }, { "四", 4 }, { "五", 5 },
	{ "六", 6 }, { "七", 7 }, { "八", 8 }, { "九", 9 }, { "十", 10 },
};
#define NUMERALS_ONE_TO_NINE 9

/* Longer units first so 每年度 is not read as 每年. */
static const char *const every_units[] = {
	"年度", "半年", "个季度", "季度", "个月", "月", "年", "周", NULL,
};

static const char *const ongoing_phrases[] = {
	"持续推进", "持续开展", "持续推动", "持续实施", "持续深化", "持续完善",
	"持续加强", "持续强化", "持续提升", "持续健全", "持续落实", "持续优化",
	"持续巩固", "长期坚持", "常态化", NULL,
};

/* Too vague in a sentence ("长期处方", "持续时间"), clear as a whole value. */
static const char *const ongoing_values[] = { "长期", "持续", "常年", NULL };

/* A phrase followed by these is where something starts (2024年下半年起,
 * 2020年底以来), not a deadline. */
static const char *const start_marks[] = { "起", "开始", "以来", NULL };

/* 2024年内 is "within 2024" but 2024年内部审计 is an audit. */
static const char *const not_within[] = {
	"部", "容", "涵", "外", "控", "科", "网", "蒙古", NULL,
};

static const char *const open_quotes[] = { "“", "\"", "‘", "'", "「", "『", NULL };
static const char *const close_quotes[] = { "”", "\"", "’", "'", "」", "』", NULL };

static int32_t peek(const struct cursor *c)
{
	size_t p = c->pos;

	return utf8_next(c->s, c->len, &p);
}

static int eat(struct cursor *c, const char *lit)
{
	size_t n = strlen(lit);

	if (c->len - c->pos < n || memcmp(c->s + c->pos, lit, n))
		return 0;
	c->pos += n;
	return 1;
}

static int eat_any(struct cursor *c, const char *const *lits)
{
	for (size_t i = 0; lits[i]; i++)
		if (eat(c, lits[i]))
			return 1;
	return 0;
}

static int starts_with(const struct cursor *c, const char *lit)
{
	struct cursor at = *c;

	return eat(&at, lit);
}

static int ends_with(const struct cursor *c, const char *lit)
{
	size_t n = strlen(lit);

	return c->pos >= n && !memcmp(c->s + c->pos - n, lit, n);
}

/* PDF text puts spaces, no-break spaces and ideographic spaces between a
 * number and its 年, and line breaks anywhere. */
static int is_space(int32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 ||
	       cp == 0x3000;
}

static void skip_spaces(struct cursor *c)
{
	while (c->pos < c->len && is_space(peek(c)))
		utf8_next(c->s, c->len, &c->pos);
}

/* Where the spaces that end at `end` (and begin after `start`) begin. */
static size_t back_over_spaces(const char *s, size_t start, size_t end)
{
	char tmp[4];
	int32_t cp;

	while (end > start && is_space(cp = utf8_prev(s, end)))
		end -= utf8_encode(cp, tmp);
	return end;
}

static int digit_value(int32_t cp)
{
	if (cp >= '0' && cp <= '9')
		return cp - '0';
	if (cp >= 0xFF10 && cp <= 0xFF19)
		return cp - 0xFF10;
	return -1;
}

/* A run of 1 to `max` digits; returns how many, 0 if none or the run is
 * longer (12025 holds no year). */
static int read_number(struct cursor *c, int max, int *value)
{
	struct cursor at = *c;
	int n = 0, d;

	*value = 0;
	while ((d = digit_value(peek(&at))) >= 0) {
		if (++n > max)
			return 0;
		*value = *value * 10 + d;
		utf8_next(at.s, at.len, &at.pos);
	}
	if (n)
		*c = at;
	return n;
}

/* 1-99 in digits, or one numeral 一 … 十 or 两 (quarters, 每两年). */
static int read_small_number(struct cursor *c, int *value)
{
	if (read_number(c, 2, value))
		return 1;
	if (eat(c, "两")) {
		*value = 2;
		return 1;
	}
	for (size_t i = 0; i < sizeof(numerals) / sizeof(numerals[0]); i++)
		if (eat(c, numerals[i].text)) {
			*value = numerals[i].value;
			return 1;
		}
	return 0;
}

static int read_year(struct cursor *c, int *year)
{
	struct cursor at = *c;

	if (read_number(&at, 4, year) != 4 || *year < DEADLINE_YEAR_MIN ||
	    *year > DEADLINE_YEAR_MAX)
		return 0;
	*c = at;
	return 1;
}

/* A year must not be the tail of a longer number or of a code like 2.2025
 * or GB2025. */
static int number_starts_here(const struct cursor *c)
{
	int32_t prev = utf8_prev(c->s, c->pos);

	if (digit_value(prev) >= 0 || prev == '.' || prev == 0xFF0E)	/* ． */
		return 0;
	return !((prev >= 'A' && prev <= 'Z') || (prev >= 'a' && prev <= 'z'));
}

/* 截至 and 截止 (then perhaps 到 and spaces) end right before `c`: the
 * phrase was judged where 截 stands and must not be read again as a bare
 * 2020年底. */
static int follows_as_of(const struct cursor *c)
{
	struct cursor at = *c;

	at.pos = back_over_spaces(at.s, 0, at.pos);
	if (ends_with(&at, "到"))
		at.pos -= strlen("到");
	return ends_with(&at, "截至") || ends_with(&at, "截止");
}

/*
 * 到 and 至 make a bare year a deadline (到2025年); 力争 or 争取 may come
 * first. 截至 and 截止 mean "as of": 截至2020年底 states a fact, so they
 * only count when 前 follows. The 至 of 截至 is not a prefix of its own.
 */
static int read_prefix(struct cursor *c, struct dated *d)
{
	if (ends_with(c, "截") || ends_with(c, "截至") || ends_with(c, "截止"))
		return 0;
	if (eat(c, "截至") || eat(c, "截止")) {
		eat(c, "到");
		d->as_of = 1;
		return 1;
	}
	if (!eat(c, "力争"))
		eat(c, "争取");
	if (!eat(c, "到") && !eat(c, "至"))
		return 0;
	d->strong = 1;
	return 1;
}

/* 2023—2027年, 2021至2025年, 2021年至2025年; the caller reads the 年
 * after the last year, which a plan_period may leave out. */
static int read_range(struct cursor *c, int first, int *last)
{
	struct cursor at = *c;

	skip_spaces(&at);
	eat(&at, "年");
	skip_spaces(&at);
	if (!eat_any(&at, range_marks))
		return 0;
	eat(&at, "—");	/* —— is one dash in Chinese typesetting */
	skip_spaces(&at);
	if (!read_year(&at, last) || *last < first)
		return 0;
	*c = at;
	return 1;
}

static void set_end(struct dated *d, int month)
{
	d->date.month = month;
	d->date.day = date_days_in_month(d->date.year, month);
	d->mark = MARK_END;
}

/* 一季度, 第二季度, 第4季度, with an optional 末. */
static int read_quarter(struct cursor *c, int *quarter)
{
	struct cursor at = *c;

	eat(&at, "第");
	if (!read_small_number(&at, quarter) || *quarter < 1 || *quarter > 4)
		return 0;
	if (!eat(&at, "季度"))
		return 0;
	if (!eat(&at, "末"))
		eat(&at, "底");
	*c = at;
	return 1;
}

/* After "6月": a day with 日 (or 号), or nothing more. */
static int read_day(struct cursor *c, struct dated *d)
{
	struct cursor at = *c;
	int day;

	d->mark = MARK_MONTH;
	skip_spaces(&at);
	if (!read_number(&at, 2, &day))
		return 1;
	skip_spaces(&at);
	if (!eat(&at, "日") && !eat(&at, "号"))
		return 1;
	*c = at;
	if (day < 1 || day > date_days_in_month(d->date.year, d->date.month)) {
		d->bad = "no such day in that month";
		return -1;
	}
	d->date.day = day;
	d->mark = MARK_DAY;
	return 1;
}

/*
 * 6月, 6月份, 6月底, 6月末, 6月30日. Returns 0 when no month follows, 1
 * when one was read, -1 for an impossible month or day: once 月 or 日 is
 * read the phrase is committed, so 2025年2月30日 never shrinks to 2025年.
 */
static int read_month(struct cursor *c, struct dated *d)
{
	struct cursor at = *c;
	int month;

	if (!read_number(&at, 2, &month))
		return 0;
	skip_spaces(&at);
	if (!eat(&at, "月"))
		return 0;
	*c = at;
	if (month < 1 || month > 12) {
		d->bad = "month out of range (1-12)";
		return -1;
	}
	d->date.month = month;
	d->date.day = date_days_in_month(d->date.year, month);
	eat(c, "份");
	if (eat(c, "底") || eat(c, "末")) {
		d->mark = MARK_END;
		return 1;
	}
	return read_day(c, d);
}

static int read_within(struct cursor *c)
{
	struct cursor at = *c;

	if (!eat(&at, "内") || eat_any(&at, not_within))
		return 0;
	*c = at;
	return 1;
}

/* Everything after "2025年"; 0, or -1 for an impossible date. */
static int read_after_year(struct cursor *c, struct dated *d)
{
	int quarter, r;

	skip_spaces(c);
	if (eat(c, "年底") || eat(c, "年末") || eat(c, "底") || eat(c, "末") ||
	    eat(c, "以内") || eat(c, "下半年") || read_within(c)) {
		set_end(d, 12);
		return 0;
	}
	if (eat(c, "上半年")) {
		set_end(d, 6);
		return 0;
	}
	if (read_quarter(c, &quarter)) {
		set_end(d, quarter * 3);
		return 0;
	}
	if ((r = read_month(c, d)) != 0)
		return r < 0 ? -1 : 0;
	d->mark = eat(c, "度") ? MARK_YEAR_DU : MARK_YEAR;
	d->date.month = 12;
	d->date.day = 31;
	return 0;
}

/* 前 closes a deadline (2024年前, 6月底前) except in 前后 "about" and in
 * 前三季度 "the first three quarters". */
static void read_before(struct cursor *c, struct dated *d)
{
	struct cursor at = *c, next;
	int n;

	skip_spaces(&at);
	if (!eat(&at, "之前") && !eat(&at, "以前") && !eat(&at, "前"))
		return;
	next = at;
	if (starts_with(&at, "后") || starts_with(&at, "几") || read_small_number(&next, &n))
		return;
	*c = at;
	d->before = 1;
}

/* A phrase with a year at `c`, with or without 到 in front. Returns 1 when
 * one was read (whether it is a deadline is judged after), 0 when none, -1
 * for an impossible date, with `c` past it. */
static int read_dated(struct cursor *c, int whole, struct dated *d)
{
	int year, prefixed = 0, last;

	memset(d, 0, sizeof(*d));
	if (digit_value(peek(c)) < 0) {
		if (!read_prefix(c, d))
			return 0;
		prefixed = 1;
		skip_spaces(c);
	} else if (!number_starts_here(c) || follows_as_of(c)) {
		return 0;
	}
	d->strong |= whole;
	if (!read_year(c, &year))
		return 0;
	d->date.year = year;
	if (!prefixed && read_range(c, year, &last)) {
		skip_spaces(c);
		if (!eat(c, "年"))
			return 0;
		d->date.year = last;
		set_end(d, 12);
		return 1;
	}
	skip_spaces(c);
	if (!eat(c, "年"))
		return 0;
	if (read_after_year(c, d) < 0)
		return -1;
	read_before(c, d);
	return 1;
}

static int is_deadline(const struct cursor *c, const struct dated *d)
{
	struct cursor next = *c;

	skip_spaces(&next);
	if (eat_any(&next, start_marks))
		return 0;
	if (d->as_of)
		return d->before;
	switch (d->mark) {
	case MARK_END:
		return 1;
	case MARK_DAY:
		return d->strong || d->before || starts_with(&next, "完成");
	case MARK_YEAR_DU:
		return d->strong || d->before;
	case MARK_YEAR:
	case MARK_MONTH:
		/* 提高到2020年的74元: 到 … 的 names a year, not a deadline. */
		return d->before || (d->strong && !starts_with(&next, "的"));
	}
	return 0;
}

/* 每年, 每季度, 每半年, 每年度, 每5年, 每两年, 每3个月, and 每月底前. */
static int read_every(struct cursor *c)
{
	int n;

	if (!eat(c, "每"))
		return 0;
	read_small_number(c, &n);
	if (!eat_any(c, every_units))
		return 0;
	if (eat(c, "底") || eat(c, "末"))
		eat(c, "前");
	return 1;
}

/* 可持续 is "sustainable", not "keep doing". */
static int read_ongoing(struct cursor *c, int whole)
{
	if (ends_with(c, "可"))
		return 0;
	return eat_any(c, ongoing_phrases) || (whole && eat_any(c, ongoing_values));
}

static void set_phrase(struct deadline_phrase *ph, size_t start, size_t end,
		       enum deadline_kind kind, const struct date *date)
{
	memset(ph, 0, sizeof(*ph));
	ph->start = start;
	ph->end = end;
	ph->kind = kind;
	if (date)
		ph->date = *date;
}

/*
 * The phrase starting at byte `pos`: 1 and `*ph`; 0 if none; -1 for an
 * impossible date, with `ph->end` past it and `*bad` saying why. `whole`
 * says the text is known to be a deadline (deadline_parse_one).
 */
static int match_at(const char *text, size_t len, size_t pos, int whole,
		    struct deadline_phrase *ph, const char **bad)
{
	struct cursor c = { text, len, pos };
	struct dated d;
	int r = read_dated(&c, whole, &d);

	if (r > 0 && is_deadline(&c, &d)) {
		set_phrase(ph, pos, c.pos, DEADLINE_DATE, &d.date);
		return 1;
	}
	if (r < 0) {
		set_phrase(ph, pos, c.pos, DEADLINE_DATE, NULL);
		*bad = d.bad;
		return -1;
	}
	c.pos = pos;
	if (read_every(&c)) {
		set_phrase(ph, pos, c.pos, DEADLINE_RECURRING, NULL);
		return 1;
	}
	c.pos = pos;
	if (read_ongoing(&c, whole)) {
		set_phrase(ph, pos, c.pos, DEADLINE_ONGOING, NULL);
		return 1;
	}
	return 0;
}

/* The first characters of what read_prefix (截至, 截止, 力争, 争取, 到,
 * 至) and read_every (每) read; digits and the first characters of
 * ongoing_phrases are the other places a phrase can start. */
static const char *const phrase_leads[] = { "截", "力", "争", "到", "至", "每", NULL };

/* Code points that can start a phrase in running text, besides digits. */
struct leads {
	int32_t cp[32];
	size_t n;
};

static void add_leads(struct leads *l, const char *const *words)
{
	for (size_t i = 0; words[i]; i++) {
		size_t pos = 0;
		int32_t cp = utf8_next(words[i], strlen(words[i]), &pos);
		size_t k = 0;
		while (k < l->n && l->cp[k] != cp)
			k++;
		assert(k < sizeof(l->cp) / sizeof(l->cp[0]));
		if (k == l->n)
			l->cp[l->n++] = cp;
	}
}

static int may_start(const struct leads *l, int32_t cp)
{
	if (digit_value(cp) >= 0)
		return 1;
	for (size_t k = 0; k < l->n; k++)
		if (l->cp[k] == cp)
			return 1;
	return 0;
}

/* match_at is tried only where a phrase can start, rather than comparing
 * every keyword at every character of the text. */
size_t deadline_find(struct arena *a, const char *text, size_t len,
		     struct deadline_phrase **out)
{
	struct deadline_phrase *items = NULL, ph;
	size_t n = 0, cap = 0, pos = 0, at;
	struct leads leads = { { 0 }, 0 };
	const char *bad;
	int r;

	add_leads(&leads, phrase_leads);
	add_leads(&leads, ongoing_phrases);
	while (pos < len) {
		at = pos;
		if (!may_start(&leads, utf8_next(text, len, &pos)))
			continue;
		r = match_at(text, len, at, 0, &ph, &bad);
		if (r > 0)
			*ARENA_PUSH(a, items, n, cap) = ph;
		if (r != 0)
			pos = ph.end;
	}
	*out = items;
	return n;
}

/* 十一五 … 十九五: the n-th five-year plan ends in 1955 + 5n from the sixth
 * (1981-1985) on. */
static int read_five_year_plan(struct cursor *c, int *year)
{
	struct cursor at = *c;
	int n = 0;

	if (!eat(&at, "十"))
		return 0;
	for (size_t i = 0; i < NUMERALS_ONE_TO_NINE && !n; i++)
		if (eat(&at, numerals[i].text))
			n = numerals[i].value;
	if (!n || !eat(&at, "五"))
		return 0;
	*year = 1955 + 5 * (10 + n);
	*c = at;
	return 1;
}

/* 2024, 2024年, 2024年度, 2024-2027, 2021至2025年. */
static int read_period_years(struct cursor *c, int *year)
{
	int last;

	if (!read_year(c, year))
		return 0;
	if (read_range(c, *year, &last))
		*year = last;
	skip_spaces(c);
	if (eat(c, "年"))
		eat(c, "度");
	return 1;
}

int deadline_plan_period_end(const char *s, struct date *end)
{
	struct cursor c = { s, strlen(s), 0 };
	int year;

	skip_spaces(&c);
	eat_any(&c, open_quotes);
	if (!read_five_year_plan(&c, &year) && !read_period_years(&c, &year))
		return -1;
	eat_any(&c, close_quotes);
	if (!eat(&c, "时期") && !eat(&c, "期间"))
		eat(&c, "规划");
	skip_spaces(&c);
	if (c.pos != c.len)
		return -1;
	end->year = year;
	end->month = 12;
	end->day = 31;
	return 0;
}

/* "2025-06-30", "2025-06", "2025" through date_parse, widened to the
 * last day they allow. */
static int parse_iso(const char *s, size_t len, struct deadline_phrase *out,
		     const char **why)
{
	char buf[16];
	struct date d;

	if (len >= sizeof(buf)) {
		*why = "expected a date as YYYY-MM-DD (or YYYY-MM, YYYY)";
		return -1;
	}
	memcpy(buf, s, len);
	buf[len] = '\0';
	if (date_parse(buf, &d, why) < 0)
		return -1;
	if (!d.month)
		d.month = 12;
	if (!d.day)
		d.day = date_days_in_month(d.year, d.month);
	set_phrase(out, 0, len, DEADLINE_DATE, &d);
	return 0;
}

static int is_iso_like(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (!(s[i] >= '0' && s[i] <= '9') && s[i] != '-')
			return 0;
	return 1;
}

/* One phrase from `start` to `end`, optionally followed by 完成. */
static int parse_whole_phrase(const char *s, size_t start, size_t end,
			      struct deadline_phrase *out, const char **why)
{
	struct cursor c = { s, end, 0 };
	const char *bad = NULL;
	int r = match_at(s, end, start, 1, out, &bad);

	if (r < 0) {
		*why = bad;
		return -1;
	}
	if (r == 0) {
		*why = "expected a date (2025-06-30, 2025-06, 2025) or a deadline phrase "
		       "such as 2025年6月底前, 每季度 or 持续推进";
		return -1;
	}
	c.pos = out->end;
	skip_spaces(&c);
	eat(&c, "完成");
	skip_spaces(&c);
	if (c.pos != end) {
		*why = "more text follows the deadline; write one deadline only, "
		       "such as 2025年6月底前";
		return -1;
	}
	return 0;
}

int deadline_parse_one(const char *s, struct deadline_phrase *out, const char **why)
{
	struct cursor c = { s, strlen(s), 0 };
	size_t end = c.len;
	const char *iso_why;

	memset(out, 0, sizeof(*out));
	skip_spaces(&c);
	end = back_over_spaces(s, c.pos, end);
	if (c.pos == end) {
		*why = "empty deadline; write a date such as 2025-06-30 or a phrase such as "
		       "2025年6月底前";
		return -1;
	}
	if (parse_iso(s + c.pos, end - c.pos, out, &iso_why) == 0) {
		out->start += c.pos;
		out->end += c.pos;
		return 0;
	}
	if (parse_whole_phrase(s, c.pos, end, out, why) == 0)
		return 0;
	if (is_iso_like(s + c.pos, end - c.pos))
		*why = iso_why;
	return -1;
}
