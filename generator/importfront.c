#include "importfront.h"

#include <string.h>

#include "docnum.h"
#include "document.h"
#include "strbuf.h"
#include "utf8.h"

/* ---- dates ---- */

static int arabic_digit(int32_t cp)
{
	if (cp >= '0' && cp <= '9')
		return cp - '0';
	if (cp >= 0xFF10 && cp <= 0xFF19)
		return cp - 0xFF10;
	return -1;
}

/* 〇一二…九 as the digits of a year written in Chinese. */
static int chinese_digit(int32_t cp)
{
	static const int32_t digits[] = {
		0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D,
	};

	if (cp == 0x96F6 || cp == 0x25CB || cp == 0xFF2F || cp == 'O')	/* 零 ○ Ｏ */
		return 0;
	for (int i = 0; i < 10; i++)
		if (digits[i] == cp)
			return i;
	return -1;
}

static size_t skip_spaces(const char *s, size_t len, size_t pos)
{
	while (pos < len && s[pos] == ' ')
		pos++;
	return pos;
}

/* Up to `max` digits at `*pos` that `digit` reads; their value, or -1 when
 * there are fewer than `min`. */
static int read_digits(const char *s, size_t len, size_t *pos, int min, int max,
		       int (*digit)(int32_t))
{
	size_t p = *pos, q = p;
	int value = 0, n = 0, d;

	while (n < max && (d = digit(utf8_next(s, len, &q))) >= 0) {
		value = value * 10 + d;
		n++;
		p = q;
	}
	if (n < min)
		return -1;
	*pos = p;
	return value;
}

/* A month or day in Chinese numerals: 三, 十, 十二, 二十, 三十一; -1 if none. */
static int read_chinese_count(const char *s, size_t len, size_t *pos)
{
	size_t p = *pos, q = p;
	int32_t cp = utf8_next(s, len, &q);
	int tens = 0, units = 0, d = chinese_digit(cp);

	if (cp == 0x5341) {	/* 十 */
		tens = 1;
	} else if (d > 0) {
		size_t r = q;
		if (utf8_next(s, len, &r) == 0x5341) {
			tens = d;
			q = r;
		} else {
			units = d;
		}
	} else {
		return -1;
	}
	p = q;
	if (tens) {
		size_t r = p;
		int u = chinese_digit(utf8_next(s, len, &r));
		if (u > 0) {
			units = u;
			p = r;
		}
	}
	*pos = p;
	return tens * 10 + units;
}

/* A year (four digits, Arabic or Chinese: 2024, 二〇二四) or a month or day
 * (one or two Arabic digits, or Chinese numerals) at `*pos`; -1 if none. */
static int read_number(const char *s, size_t len, size_t *pos, int year)
{
	int v = read_digits(s, len, pos, year ? 4 : 1, year ? 4 : 2, arabic_digit);

	if (v >= 0)
		return v;
	return year ? read_digits(s, len, pos, 4, 4, chinese_digit) :
		      read_chinese_count(s, len, pos);
}

static int expect_cp(const char *s, size_t len, size_t *pos, int32_t want)
{
	size_t p = skip_spaces(s, len, *pos);

	if (utf8_next(s, len, &p) != want)
		return 0;
	*pos = skip_spaces(s, len, p);
	return 1;
}

size_t importfront_parse_date(const char *s, struct date *d)
{
	size_t len = strlen(s), pos = 0, after_year;
	int year, month, day;

	memset(d, 0, sizeof(*d));
	year = read_number(s, len, &pos, 1);
	if (year < 1900 || year > 2200)
		return 0;
	after_year = pos;
	if (pos < len && (s[pos] == '-' || s[pos] == '/' || s[pos] == '.')) {
		char sep = s[pos++];
		month = read_number(s, len, &pos, 0);
		if (month < 1 || month > 12 || pos >= len || s[pos] != sep)
			return 0;
		pos++;
		day = read_number(s, len, &pos, 0);
		if (day < 1 || day > date_days_in_month(year, month))
			return 0;
		*d = (struct date){ year, month, day };
		return pos;
	}
	if (!expect_cp(s, len, &pos, 0x5E74))	/* 年 */
		return 0;
	d->year = year;
	size_t at_month = pos;
	month = read_number(s, len, &pos, 0);
	if (month < 1 || month > 12 || !expect_cp(s, len, &pos, 0x6708)) {	/* 月 */
		pos = at_month;
		while (pos > after_year && s[pos - 1] == ' ')
			pos--;
		return pos;
	}
	d->month = month;
	size_t at_day = pos;
	day = read_number(s, len, &pos, 0);
	if (day < 1 || day > date_days_in_month(year, month) ||
	    (!expect_cp(s, len, &pos, 0x65E5) && !expect_cp(s, len, &pos, 0x53F7))) {	/* 日 号 */
		pos = at_day;
		while (pos > after_year && s[pos - 1] == ' ')
			pos--;
		return pos;
	}
	d->day = day;
	while (pos > 0 && s[pos - 1] == ' ')
		pos--;
	return pos;
}

/* `text` without the brackets around all of it, into `out`. */
static void unbracket(const char *text, struct strbuf *out)
{
	size_t len = strlen(text), pos = 0, end = len;
	int32_t first = utf8_next(text, len, &pos), last = utf8_prev(text, len);

	strbuf_reset(out);
	if ((first == '(' || first == 0xFF08) && (last == ')' || last == 0xFF09)) {
		end -= last == ')' ? 1 : 3;
		if (end < pos)
			end = pos;
		strbuf_add(out, text + pos, end - pos);
	} else {
		strbuf_adds(out, text);
	}
}

int importfront_is_date_line(const char *text, struct date *d)
{
	struct strbuf in = STRBUF_INIT;
	int ok;

	unbracket(text, &in);
	ok = in.len && importfront_parse_date(in.buf, d) == in.len;
	strbuf_release(&in);
	return ok;
}

/* ---- regions ---- */

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n >= k && !memcmp(s + n - k, suffix, k);
}

static int starts_with(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

/* The byte after the first of `units` within the next `max_chars` Chinese
 * characters from `pos`, or 0. */
static size_t find_unit(const char *s, size_t len, size_t pos, int max_chars,
			const int32_t *units)
{
	for (int n = 0; n < max_chars && pos < len; n++) {
		int32_t cp = utf8_next(s, len, &pos);
		if (!importdoc_is_han(cp))
			return 0;
		for (const int32_t *u = units; *u; u++)
			if (cp == *u && n > 0)
				return pos;
	}
	return 0;
}

const char *importfront_region(struct arena *a, const char *s)
{
	static const int32_t province[] = { 0x7701, 0 };	/* 省 */
	static const int32_t city[] = { 0x5E02, 0 };		/* 市 */
	static const int32_t prefecture[] = { 0x5DDE, 0x76DF, 0 };	/* 州 盟 */
	static const int32_t county[] = { 0x533A, 0x53BF, 0x65D7, 0 };	/* 区 县 旗 */
	size_t len, start = 0, end = 0, p;

	if (starts_with(s, "中共"))
		start = strlen("中共");
	len = strlen(s);
	if ((p = find_unit(s, len, start, 4, province)))
		end = p;
	/* 市 first: the 州 of 梅州市 is part of the name. */
	if ((p = find_unit(s, len, end ? end : start, 5, city)) ||
	    (p = find_unit(s, len, end ? end : start, 5, prefecture)))
		end = p;
	if (end && (p = find_unit(s, len, end, 4, county)))
		end = p;
	if (!end) {
		size_t autonomous = find_unit(s, len, start, 8, county);
		if (autonomous && ends_with(arena_strndup(a, s, autonomous), "自治区"))
			end = autonomous;
	}
	return end ? arena_strndup(a, s + start, end - start) : NULL;
}

const char *importfront_level(const char *region)
{
	if (!region || !*region)
		return NULL;
	if (ends_with(region, "省") || ends_with(region, "自治区"))
		return "省级";
	if (ends_with(region, "区") || ends_with(region, "县") || ends_with(region, "旗"))
		return "县区级";
	if (ends_with(region, "市") || ends_with(region, "州") || ends_with(region, "盟"))
		return "市级";
	return NULL;
}

/* ---- the cover ---- */

#define COVER_SCAN_LINES 8
#define NOTICE_TITLE_LINES 4
#define SIGNATURE_SCAN_LINES 120
#define TITLE_MAX_COLUMNS 100

static const char *const notice_words[] = {
	"通知", "通告", "决定", "意见", "批复", "函", "报告", "公告", "纪要", "决议", "命令", NULL,
};

static const char *const genre_words[] = {
	"任务分解表", "实施方案", "实施意见", "实施细则", "行动计划", "工作要点", "分解表",
	"方案", "规划", "意见", "通知", "办法", "细则", "计划", "纲要", "要点", "决定",
	"条例", "规定", "通告", "批复", "报告", "指南", NULL,
};

static const char *ends_with_any(const char *s, const char *const *words)
{
	for (const char *const *w = words; *w; w++)
		if (ends_with(s, *w))
			return *w;
	return NULL;
}

static int has_sentence_punct(const char *s)
{
	return strstr(s, "。") || strstr(s, "，") || strstr(s, "；") || strstr(s, "！") ||
	       strstr(s, "？");
}

static void use_line(struct import_doc *doc, size_t i)
{
	doc->lines[i].use = IMPORT_LINE_USED;
}

static void emit(struct import_doc *doc, enum import_block_kind kind, unsigned line,
		 unsigned end_line, const char *text)
{
	struct import_block *b = importdoc_push(doc, kind, line);

	b->end_line = end_line;
	b->text = arena_strdup(doc->a, text);
	b->cover = 1;
	if (kind == IMPORT_HEADING) {
		b->level = 2;
		b->fixed_level = 1;
	}
}

/* The title of what a notice issues: 关于印发《X》的通知 gives X. */
static void issued_title(const char *notice, struct strbuf *out)
{
	static const char *const verbs[] = { "印发", "转发", "发布", NULL };
	const char *from = NULL, *to;

	strbuf_reset(out);
	for (const char *const *v = verbs; *v && !from; v++)
		if ((from = strstr(notice, *v)))
			from += strlen(*v);
	if (!from) {
		strbuf_adds(out, notice);
		return;
	}
	to = notice + strlen(notice);
	for (const char *const *w = notice_words; *w; w++) {
		size_t n = strlen("的") + strlen(*w);
		if ((size_t)(to - from) > n && ends_with(notice, *w) &&
		    !strncmp(to - n, "的", strlen("的"))) {
			to -= n;
			break;
		}
	}
	if ((size_t)(to - from) >= 6 && starts_with(from, "《") && !strncmp(to - 3, "》", 3)) {
		from += 3;
		to -= 3;
	}
	strbuf_add(out, from, (size_t)(to - from));
}

static void set_issuer_from(struct import_doc *doc, const char *text, unsigned line)
{
	const char *about = strstr(text, "关于");

	if (!about || about == text)
		return;
	importdoc_add_string(doc, &doc->front.issuers, arena_strndup(doc->a, text, (size_t)(about - text)));
	doc->front.issuer_line = line;
}

/* The document's title printed again under a notice: short lines without
 * sentence punctuation that make up the issued title. */
static void notice_doc_title(struct import_doc *doc, size_t from)
{
	struct strbuf joined = STRBUF_INIT;
	size_t i = from, last = from;

	for (int n = 0; n < 3 && i < doc->nlines; n++, i = importdoc_next(doc, i)) {
		const struct import_line *l = &doc->lines[i];
		if (l->use != IMPORT_LINE_TEXT || has_sentence_punct(l->text) ||
		    document_numbering_length(l->text) || l->width > TITLE_MAX_COLUMNS)
			break;
		strbuf_adds(&joined, l->text);
		last = i;
		if (!strcmp(joined.buf, doc->front.title))
			break;
	}
	if (joined.len && (!strcmp(joined.buf, doc->front.title) ||
			   ends_with_any(joined.buf, genre_words))) {
		for (size_t k = from; k <= last; k = importdoc_next(doc, k))
			use_line(doc, k);
		emit(doc, IMPORT_HEADING, doc->lines[from].no, doc->lines[last].no, joined.buf);
	}
	strbuf_release(&joined);
}

/* The issuing body and the date that close a notice. */
static void notice_signature(struct import_doc *doc, size_t from)
{
	struct date d;
	size_t i = from;

	for (int n = 0; n < SIGNATURE_SCAN_LINES && i < doc->nlines; n++, i = importdoc_next(doc, i)) {
		const struct import_line *l = &doc->lines[i];
		if (l->use != IMPORT_LINE_TEXT || document_numbering_length(l->text))
			break;
		if (!importfront_is_date_line(l->text, &d))
			continue;
		size_t s = importdoc_prev(doc, i);
		if (s < doc->nlines && s >= from && doc->lines[s].use == IMPORT_LINE_TEXT &&
		    !has_sentence_punct(doc->lines[s].text) && doc->lines[s].width <= 60) {
			use_line(doc, s);
			emit(doc, IMPORT_PARAGRAPH, doc->lines[s].no, doc->lines[s].no,
			     doc->lines[s].text);
			doc->front.issuers.count = 0;
			importdoc_add_string(doc, &doc->front.issuers, doc->lines[s].text);
			doc->front.issuer_line = doc->lines[s].no;
		}
		use_line(doc, i);
		emit(doc, IMPORT_PARAGRAPH, l->no, l->no, l->text);
		doc->front.date = d;
		doc->front.date_line = l->no;
		notice_doc_title(doc, importdoc_next(doc, i));
		return;
	}
	importdoc_warn(doc, doc->front.title_line,
		       "the cover notice has no signature and date: its text may be cut off; "
		       "the front matter's date is inferred");
}

/* A cover notice: 文号 at `numline`, then its title. 0 if it is not one. */
static int read_notice(struct import_doc *doc, size_t numline, const char *number)
{
	struct strbuf title = STRBUF_INIT, issued = STRBUF_INIT;
	size_t i = importdoc_next(doc, numline), last = i;
	int found = 0;

	for (int n = 0; n < NOTICE_TITLE_LINES && i < doc->nlines; n++, i = importdoc_next(doc, i)) {
		const struct import_line *l = &doc->lines[i];
		if (l->use != IMPORT_LINE_TEXT || has_sentence_punct(l->text) ||
		    ends_with(l->text, "："))
			break;
		strbuf_adds(&title, l->text);
		last = i;
		if (ends_with_any(title.buf, notice_words)) {
			found = 1;
			break;
		}
	}
	if (found) {
		struct import_front *f = &doc->front;
		size_t first = importdoc_next(doc, numline);
		use_line(doc, numline);
		emit(doc, IMPORT_PARAGRAPH, doc->lines[numline].no, doc->lines[numline].no,
		     doc->lines[numline].text);
		for (size_t k = first; k <= last; k = importdoc_next(doc, k))
			use_line(doc, k);
		emit(doc, IMPORT_HEADING, doc->lines[first].no, doc->lines[last].no, title.buf);
		f->notice = 1;
		f->doc_number = arena_strdup(doc->a, number);
		f->doc_number_line = doc->lines[numline].no;
		issued_title(title.buf, &issued);
		f->title = arena_strdup(doc->a, issued.buf);
		f->title_line = doc->lines[first].no;
		set_issuer_from(doc, title.buf, f->title_line);
		notice_signature(doc, importdoc_next(doc, last));
	}
	strbuf_release(&title);
	strbuf_release(&issued);
	return found;
}

static const char *const status_words[] = {
	"征求意见稿", "送审稿", "讨论稿", "修订稿", "代拟稿", "草案", "初稿", "试行", "暂行", NULL,
};

static const char *const body_suffixes[] = {
	"人民政府", "政府", "办公室", "办公厅", "委员会", "领导小组", "小组", "局", "厅", "委",
	"部", "署", "办", "中心", NULL,
};

/* Whether `text` names issuing bodies only, separated by spaces. */
static int is_issuer_line(const char *text)
{
	struct strbuf part = STRBUF_INIT;
	const char *p = text;
	int ok = *text != '\0';

	while (ok && *p) {
		const char *sp = strchr(p, ' ');
		size_t n = sp ? (size_t)(sp - p) : strlen(p);
		strbuf_reset(&part);
		strbuf_add(&part, p, n);
		ok = n > 0 && ends_with_any(part.buf, body_suffixes) && !strstr(part.buf, "关于") &&
		     !ends_with_any(part.buf, genre_words);
		p += n;
		while (*p == ' ')
			p++;
	}
	strbuf_release(&part);
	return ok;
}

static void add_issuers(struct import_doc *doc, const char *text, unsigned line)
{
	const char *p = text;

	while (*p) {
		const char *sp = strchr(p, ' ');
		size_t n = sp ? (size_t)(sp - p) : strlen(p);
		importdoc_add_string(doc, &doc->front.issuers, arena_strndup(doc->a, p, n));
		p += n;
		while (*p == ' ')
			p++;
	}
	doc->front.issuer_line = line;
}

/* A title page: title lines, status, issuer and date before the text. */
static void read_title_page(struct import_doc *doc, size_t from)
{
	struct import_front *f = &doc->front;
	struct strbuf title = STRBUF_INIT, inner = STRBUF_INIT;
	struct date d;
	size_t i = from, last_title = doc->nlines;

	for (int n = 0; n < COVER_SCAN_LINES && i < doc->nlines; n++, i = importdoc_next(doc, i)) {
		struct import_line *l = &doc->lines[i];
		if (l->use != IMPORT_LINE_TEXT || l->tabbed || has_sentence_punct(l->text) ||
		    document_numbering_length(l->text) || l->width > TITLE_MAX_COLUMNS)
			break;
		unbracket(l->text, &inner);
		if (importfront_is_date_line(l->text, &d)) {
			f->date = d;
			f->date_line = l->no;
			f->date_text = l->text;
		} else if (strcmp(inner.buf, l->text) && ends_with_any(inner.buf, status_words)) {
			f->status = arena_strdup(doc->a, inner.buf);
		} else if (is_issuer_line(l->text)) {
			add_issuers(doc, l->text, l->no);
		} else if (!title.len || last_title == importdoc_prev(doc, i)) {
			if (!title.len)
				f->title_line = l->no;
			strbuf_adds(&title, l->text);
			last_title = i;
		} else {
			break;
		}
		use_line(doc, i);
	}
	if (title.len) {
		f->title = arena_strdup(doc->a, title.buf);
		/* The title printed again above the text is in the front matter. */
		if (i < doc->nlines && !strcmp(doc->lines[i].text, f->title))
			importdoc_remove(doc, i, "repeated title (in the front matter)");
	}
	strbuf_release(&title);
	strbuf_release(&inner);
}

void importfront_read(struct import_doc *doc)
{
	struct strbuf number = STRBUF_INIT;
	size_t start = importdoc_next(doc, (size_t)-1), i = start;

	for (int n = 0; n < COVER_SCAN_LINES && i < doc->nlines; n++, i = importdoc_next(doc, i)) {
		if (doc->lines[i].use == IMPORT_LINE_TEXT &&
		    docnum_normalise(doc->lines[i].text, &number) == 0 &&
		    read_notice(doc, i, number.buf))
			break;
	}
	if (!doc->front.notice && start < doc->nlines)
		read_title_page(doc, start);
	strbuf_release(&number);
}

/* ---- completing the front matter ---- */

static void plan_period(struct import_doc *doc, const char *title)
{
	static const struct {
		const char *name, *period;
	} plans[] = {
		{ "十三五", "2016-2020" }, { "十四五", "2021-2025" }, { "十五五", "2026-2030" },
	};
	const char *p;

	for (size_t k = 0; k < sizeof(plans) / sizeof(*plans); k++)
		if (strstr(title, plans[k].name)) {
			doc->front.plan_period = plans[k].period;
			return;
		}
	if ((p = strstr(title, "年度")) && p - title >= 4) {
		const char *y = p - 4;
		if (y[0] >= '1' && y[0] <= '2' && y[1] >= '0' && y[1] <= '9' && y[2] >= '0' &&
		    y[2] <= '9' && y[3] >= '0' && y[3] <= '9')
			doc->front.plan_period = arena_strndup(doc->a, y, 4);
	}
}

/* The leading words of a 文号's Chinese run that are not its issuer code:
 * 根据粤府办〔…〕 gives 粤府办. */
static const char *const citing_words[] = {
	"根据", "按照", "依据", "印发", "转发", "贯彻", "落实", "和", "及", "与", NULL,
};

static void cited_numbers(struct import_doc *doc, const char *text)
{
	struct docnum_match m;
	struct strbuf num = STRBUF_INIT;
	size_t len = strlen(text), from = 0;

	docnum_match_init(&m);
	while (docnum_find(text, len, from, &m)) {
		size_t start = m.prefix_start;
		for (int again = 1; again;) {
			again = 0;
			for (const char *const *w = citing_words; *w; w++) {
				size_t n = strlen(*w);
				if (m.core_start - start > n && !strncmp(text + start, *w, n)) {
					start += n;
					again = 1;
				}
			}
		}
		strbuf_reset(&num);
		strbuf_add(&num, text + start, m.core_start - start);
		strbuf_add(&num, m.core.buf, m.core.len);
		if (!doc->front.doc_number || strcmp(num.buf, doc->front.doc_number))
			importdoc_add_string(doc, &doc->front.based_on, num.buf);
		from = m.end;
	}
	docnum_match_release(&m);
	strbuf_release(&num);
}

static void based_on(struct import_doc *doc)
{
	for (size_t i = 0; i < doc->nblocks; i++) {
		const struct import_block *b = &doc->blocks[i];
		if (b->kind == IMPORT_MEASURE ||
		    (b->kind == IMPORT_HEADING && document_numbering_length(b->text)))
			return;
		if (b->kind == IMPORT_PARAGRAPH)
			cited_numbers(doc, b->text);
	}
}

static void guess_region(struct import_doc *doc)
{
	struct import_front *f = &doc->front;
	const char *what = "the issuer";
	unsigned line = f->issuer_line;

	if (f->issuers.count)
		f->region = importfront_region(doc->a, f->issuers.items[0]);
	if (!f->region && f->title) {
		f->region = importfront_region(doc->a, f->title);
		what = "the title";
		line = f->title_line;
	}
	if (f->region)
		importdoc_warn(doc, line,
			       "region \"%s\" and level %s guessed from %s; pass --region to "
			       "set the region (it scopes department names)", f->region,
			       importfront_level(f->region) ? importfront_level(f->region) : "unknown",
			       what);
}

/* The year of the 文号 (梅市府办〔2024〕1号 gives 2024), or 0. */
static int doc_number_year(const char *number)
{
	const char *p = number ? strstr(number, "〔") : NULL;
	int year = 0;

	if (!p)
		return 0;
	p += strlen("〔");
	for (int k = 0; k < 4; k++, p++) {
		if (*p < '0' || *p > '9')
			return 0;
		year = year * 10 + (*p - '0');
	}
	return year;
}

static void infer_date(struct import_doc *doc)
{
	struct import_front *f = &doc->front;
	int year;

	if ((year = doc_number_year(f->doc_number))) {
		f->date = (struct date){ year, 0, 0 };
		importdoc_warn(doc, f->doc_number_line,
			       "no date in the source: the date is set to %d, the year of the "
			       "document number; put the date it was issued", year);
	} else if (f->plan_period) {
		f->date = (struct date){ (f->plan_period[0] - '0') * 1000 +
					 (f->plan_period[1] - '0') * 100 +
					 (f->plan_period[2] - '0') * 10 + (f->plan_period[3] - '0'),
					 0, 0 };
		importdoc_warn(doc, f->title_line,
			       "no date in the source: the date is set to %d, the first year of "
			       "the plan period; put the date it was issued", f->date.year);
	} else {
		importdoc_warn(doc, f->title_line,
			       "no date in the source: write the date it was issued into the "
			       "front matter (the build needs one)");
	}
}

void importfront_complete(struct import_doc *doc, const char *region)
{
	struct import_front *f = &doc->front;
	const char *genre;

	if (f->title) {
		if ((genre = ends_with_any(f->title, genre_words)))
			f->genre = genre;
		plan_period(doc, f->title);
	}
	based_on(doc);
	if (region) {
		f->region = region;
	} else {
		guess_region(doc);
		if (!f->region)
			importdoc_warn(doc, f->title_line,
				       "no region in the issuer or title: pass --region");
	}
	f->level = importfront_level(f->region);
	if (f->region && !f->level)
		importdoc_warn(doc, 0,
			       "cannot tell the level of region \"%s\": the front matter's "
			       "level is a placeholder; use 省级, 市级 or 县区级", f->region);
	if (!f->date.year)
		infer_date(doc);
	if (!f->title)
		importdoc_warn(doc, 1, "no title found: the front matter's title is a placeholder");
	if (!f->issuers.count)
		importdoc_warn(doc, f->title_line,
			       "no issuing body in the source: the front matter's issuer is a "
			       "placeholder");
	importdoc_warn(doc, f->title_line,
		       "the summary cannot be taken from the text: the front matter's summary "
		       "is a placeholder; write two to four plain sentences");
}
