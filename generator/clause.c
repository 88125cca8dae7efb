#include "clause.h"

#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "strbuf.h"
#include "xalloc.h"

/*
 * The parser works on a copy of the text without whitespace, so that a
 * line break from a PDF ("市发展改\n革局", "按\n职责分工负责") or text
 * spaced out character by character changes nothing; `map` takes each
 * byte of the copy back to its offset in the text given.
 */
struct squeezed {
	struct strbuf s;
	size_t *map;
};

/* What a verb or label says about the units it governs. */
enum tag {
	TAG_ANY,	/* 负责, 责任单位: the first unit leads */
	TAG_LEAD,	/* 牵头 */
	TAG_SUPPORT,	/* 配合, 参与 */
};

struct marker {
	const char *text;
	enum tag tag;
};

struct parse {
	struct arena *a;
	const char *s;		/* squeezed text */
	const size_t *map;
	struct clause *out;
	size_t cap;
	size_t lead;		/* first unit marked 牵头, or SIZE_MAX */
};

/* Openers and closers pair by index. The first two are round, the next
 * three square: only those enclose a clause. 〔〕 only nests (〔2024〕). */
static const char *const open_marks[] = { "（", "(", "[", "［", "【", "〔", NULL };
static const char *const close_marks[] = { "）", ")", "]", "］", "】", "〕", NULL };

static const char *const sentence_seps[] = { "。", NULL };
static const char *const segment_seps[] = { "，", ",", "；", ";", NULL };
static const char *const item_seps[] = { "、", "和", "及", NULL };
static const char *const full_stops[] = { "。", "．", ".", NULL };
static const char *const colons[] = { "：", ":", NULL };

/* Longer verbs first: 牵头负责 must not be read as 负责. */
static const struct marker verbs[] = {
	{ "牵头负责", TAG_LEAD },
	{ "配合落实", TAG_SUPPORT },
	{ "负责落实", TAG_ANY },
	{ "负责", TAG_ANY },
	{ "牵头", TAG_LEAD },
	{ "配合", TAG_SUPPORT },
	{ "参与", TAG_SUPPORT },
	{ "协助", TAG_SUPPORT },
	{ NULL, TAG_ANY },
};

static const struct marker labels[] = {
	{ "牵头单位", TAG_LEAD },
	{ "牵头部门", TAG_LEAD },
	{ "责任单位", TAG_ANY },
	{ "责任部门", TAG_ANY },
	{ "配合单位", TAG_SUPPORT },
	{ "配合部门", TAG_SUPPORT },
	{ "参与单位", TAG_SUPPORT },
	{ "协办单位", TAG_SUPPORT },
	{ NULL, TAG_ANY },
};

/* What may stand between the units and the verb: 等按职责分工负责. */
static const char *const adverbs[] = {
	"按照职责分工", "根据职责分工", "按职责分工", "按照职责", "根据职责", "按职责",
	"分工", "共同", "分别", "各自", NULL,
};
static const char *const etc_words[] = {
	"等有关部门", "等相关部门", "等有关单位", "等相关单位", "等部门", "等单位", "等", NULL,
};

/* 以下均需各县（市、区）人民政府落实: a rule for the rest of the document. */
static const char *const standing_prefixes[] = {
	"以下各项均需", "以下各项均由", "以下任务均需", "以下任务均由",
	"以下均需", "以下均由", "以下均请", "以下均要", NULL,
};
static const char *const standing_ends[] = {
	"负责落实", "落实", "负责", "牵头", "，", ",", "；", ";", NULL,
};

/* 和 and 及 also occur inside names (市工业和信息化局, 市政务服务和数据管理
 * 局), so they split only after a word that ends a unit's name. */
static const char *const unit_finals[] = {
	"局", "委", "办", "部", "府", "会", "院", "厅", "处", "室", "所", "站", "心", "社",
	"团", "队", "行", "司", "组", "署", "校", "馆", "位", "门", "）", ")", "】", "]", NULL,
};

static size_t space_len(const char *s, size_t len, size_t i)
{
	unsigned char c = (unsigned char)s[i];

	/* NUL is dropped too, so that every name is a proper C string. */
	if (c == ' ' || (c >= '\t' && c <= '\r') || c == '\0')
		return 1;
	if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0)
		return 2;	/* no-break space */
	if (c == 0xE3 && i + 2 < len && !memcmp(s + i, "\xE3\x80\x80", 3))
		return 3;	/* ideographic space */
	return 0;
}

static void squeeze(struct squeezed *q, const char *text, size_t len)
{
	size_t i = 0, run, n;

	strbuf_init(&q->s);
	strbuf_grow(&q->s, len);
	q->map = xmalloc((len ? len : 1) * sizeof(*q->map));
	while (i < len) {
		n = space_len(text, len, i);
		if (n) {
			i += n;
			continue;
		}
		for (run = i; run < len && !space_len(text, len, run); run++)
			q->map[q->s.len + run - i] = run;
		strbuf_add(&q->s, text + i, run - i);
		i = run;
	}
}

static void squeezed_release(struct squeezed *q)
{
	strbuf_release(&q->s);
	free(q->map);
}

/* Whether `m` starts at `b` and ends by `e`. Called at every byte of the
 * text for every mark, so it stops at the first byte that differs rather
 * than measuring `m` first. */
static int has_at(const char *s, size_t b, size_t e, const char *m)
{
	size_t n = 0;

	while (m[n] && b + n < e && s[b + n] == m[n])
		n++;
	return !m[n];
}

/* Whether `m` ends at `e` and starts at or after `b`. */
static int has_before(const char *s, size_t b, size_t e, const char *m)
{
	size_t n = strlen(m);

	return e - b >= n && !memcmp(s + e - n, m, n);
}

static int mark_at(const char *s, size_t b, size_t e, const char *const *marks)
{
	for (int k = 0; marks[k]; k++)
		if (has_at(s, b, e, marks[k]))
			return k;
	return -1;
}

static int mark_before(const char *s, size_t b, size_t e, const char *const *marks)
{
	for (int k = 0; marks[k]; k++)
		if (has_before(s, b, e, marks[k]))
			return k;
	return -1;
}

static int marker_before(const char *s, size_t b, size_t e, const struct marker *marks)
{
	for (int k = 0; marks[k].text; k++)
		if (has_before(s, b, e, marks[k].text))
			return k;
	return -1;
}

/* `e` without one of `marks` at its end. */
static size_t strip_suffix(const char *s, size_t b, size_t e, const char *const *marks)
{
	int k = mark_before(s, b, e, marks);

	return k < 0 ? e : e - strlen(marks[k]);
}

/* 0 for round brackets, 1 for square ones, -1 for the rest. */
static int family(int k)
{
	return k < 2 ? 0 : k < 5 ? 1 : -1;
}

/* The length of the bracket at `i`, counted into `*depth`; 0 if none. */
static size_t bracket_step(const char *s, size_t i, size_t e, size_t *depth)
{
	int k;

	if ((k = mark_at(s, i, e, open_marks)) >= 0) {
		(*depth)++;
		return strlen(open_marks[k]);
	}
	if ((k = mark_at(s, i, e, close_marks)) >= 0) {
		if (*depth)
			(*depth)--;
		return strlen(close_marks[k]);
	}
	return 0;
}

/* The first of `marks` outside brackets in s[b, e), with its index in
 * `*which`; `e` when there is none. Splitting here keeps 各县（市、区）
 * and 村（居） whole. */
static size_t find_outside(const char *s, size_t b, size_t e, const char *const *marks,
			   int *which)
{
	size_t depth = 0, i = b, n;
	int k;

	while (i < e) {
		if (!depth && (k = mark_at(s, i, e, marks)) >= 0) {
			*which = k;
			return i;
		}
		n = bracket_step(s, i, e, &depth);
		i += n ? n : 1;
	}
	*which = -1;
	return e;
}

/* Past the separator found by find_outside, or `e`. */
static size_t after(size_t at, size_t e, const char *const *marks, int which)
{
	return which < 0 ? e : at + strlen(marks[which]);
}

static void add_unit(struct parse *p, size_t b, size_t e, enum tag tag)
{
	struct clause_unit *u;

	if (b >= e)
		return;
	u = ARENA_PUSH(p->a, p->out->units, p->out->count, p->cap);
	u->name = arena_strndup(p->a, p->s + b, e - b);
	u->start = p->map[b];
	u->end = p->map[e - 1] + 1;
	u->role = CLAUSE_SUPPORT;
	if (tag == TAG_LEAD && p->lead == SIZE_MAX)
		p->lead = p->out->count - 1;
}

/* Where the item that ends with 和 or 及 at `at` ends, or SIZE_MAX when
 * that word is part of a name. */
static size_t joined_item_end(const char *s, size_t item, size_t at, int which)
{
	if (which == 2 && has_before(s, item, at, "以"))
		at -= strlen("以");	/* 以及 */
	return mark_before(s, item, at, unit_finals) >= 0 ? at : SIZE_MAX;
}

static void split_list(struct parse *p, size_t b, size_t e, enum tag tag)
{
	size_t item = b, i = b, at, end;
	int k;

	while (i < e) {
		at = find_outside(p->s, i, e, item_seps, &k);
		i = after(at, e, item_seps, k);
		if (k < 0)
			break;
		/* 和 at the very end joins nothing: keep it in the name. */
		end = k == 0 ? at : i < e ? joined_item_end(p->s, item, at, k) : SIZE_MAX;
		if (end != SIZE_MAX) {
			add_unit(p, item, end, tag);
			item = i;
		}
	}
	add_unit(p, item, e, tag);
}

/* The end of a label such as 牵头单位： at `b`, with its tag in `*tag`;
 * `b` when there is none. */
static size_t skip_label(const char *s, size_t b, size_t e, enum tag *tag)
{
	size_t i;
	int c;

	for (int k = 0; labels[k].text; k++) {
		if (!has_at(s, b, e, labels[k].text))
			continue;
		i = b + strlen(labels[k].text);
		if ((c = mark_at(s, i, e, colons)) < 0)
			continue;
		*tag = labels[k].tag;
		return i + strlen(colons[c]);
	}
	return b;
}

/* One part between commas: [label：]units[等][按职责分工][verb]. */
static void parse_segment(struct parse *p, size_t b, size_t e)
{
	enum tag tag = TAG_ANY;
	int k;

	b = skip_label(p->s, b, e, &tag);
	if ((k = marker_before(p->s, b, e, verbs)) >= 0) {
		e -= strlen(verbs[k].text);
		if (tag == TAG_ANY)
			tag = verbs[k].tag;
		e = strip_suffix(p->s, b, e, adverbs);
	}
	e = strip_suffix(p->s, b, e, etc_words);
	if (has_at(p->s, b, e, "由"))
		b += strlen("由");	/* 由市卫健委牵头 */
	split_list(p, b, e, tag);
}

static void parse_sentence(struct parse *p, size_t b, size_t e)
{
	size_t at;
	int k;

	while (b < e) {
		at = find_outside(p->s, b, e, segment_seps, &k);
		parse_segment(p, b, at);
		b = after(at, e, segment_seps, k);
	}
}

static void parse_standing(struct parse *p, size_t b, size_t e)
{
	int k = mark_at(p->s, b, e, standing_prefixes);
	size_t at;

	if (k < 0 || p->out->standing_unit)
		return;
	b += strlen(standing_prefixes[k]);
	at = find_outside(p->s, b, e, standing_ends, &k);
	at = strip_suffix(p->s, b, at, etc_words);
	if (at > b)
		p->out->standing_unit = arena_strndup(p->a, p->s + b, at - b);
}

/* Sentences after the first that start with 以下 state a standing rule
 * rather than more units. */
static void parse_body(struct parse *p, size_t b, size_t e)
{
	size_t at, start = b;
	int k;

	while (b < e) {
		at = find_outside(p->s, b, e, sentence_seps, &k);
		if (b > start && has_at(p->s, b, at, "以下"))
			parse_standing(p, b, at);
		else
			parse_sentence(p, b, at);
		b = after(at, e, sentence_seps, k);
	}
}

/* Parse s[b, e) into `*out`, which must be empty; 0 when no unit is in
 * it, and `*out` is left empty. */
static int parse_list(struct arena *a, const struct squeezed *q, size_t b, size_t e,
		      struct clause *out)
{
	struct parse p = { a, q->s.buf, q->map, out, 0, SIZE_MAX };

	parse_body(&p, b, e);
	if (!out->count) {
		memset(out, 0, sizeof(*out));
		return 0;
	}
	out->units[p.lead == SIZE_MAX ? 0 : p.lead].role = CLAUSE_LEAD;
	return 1;
}

/* The rule that tells a clause from other brackets: a label at the start,
 * or a responsibility verb at the end of the first sentence. */
static int is_responsibility(const char *s, size_t b, size_t e)
{
	enum tag tag;
	int k;

	if (skip_label(s, b, e, &tag) != b)
		return 1;
	e = find_outside(s, b, e, sentence_seps, &k);
	return marker_before(s, b, e, verbs) >= 0;
}

/* Whether s[0, e) ends with a round or square bracket; then `*open` is
 * where its opening bracket starts and s[*inner, *close) is inside. */
static int find_bracket(const char *s, size_t e, size_t *open, size_t *inner, size_t *close)
{
	int k = mark_before(s, 0, e, close_marks), fam = family(k), c, o;
	size_t depth = 1, i;

	if (k < 0 || fam < 0)
		return 0;
	*close = i = e - strlen(close_marks[k]);
	while (i > 0) {
		c = mark_before(s, 0, i, close_marks);
		o = mark_before(s, 0, i, open_marks);
		if (c >= 0 && family(c) == fam) {
			depth++;
			i -= strlen(close_marks[c]);
		} else if (o >= 0 && family(o) == fam) {
			i -= strlen(open_marks[o]);
			if (!--depth) {
				*open = i;
				*inner = i + strlen(open_marks[o]);
				return 1;
			}
		} else {
			i--;
		}
	}
	return 0;
}

int clause_find_trailing(struct arena *a, const char *text, size_t len, struct clause *out)
{
	struct squeezed q;
	size_t e, prev, open, inner, close;
	int found = 0;

	memset(out, 0, sizeof(*out));
	squeeze(&q, text, len);
	e = q.s.len;
	do {
		prev = e;
		e = strip_suffix(q.s.buf, 0, e, full_stops);
	} while (e != prev);
	if (find_bracket(q.s.buf, e, &open, &inner, &close) &&
	    is_responsibility(q.s.buf, inner, close))
		found = parse_list(a, &q, inner, close, out);
	if (found) {
		out->start = q.map[open];
		out->end = q.map[e - 1] + 1;
	}
	squeezed_release(&q);
	return found;
}

int clause_parse_units(struct arena *a, const char *text, size_t len, struct clause *out)
{
	struct squeezed q;
	int found;

	memset(out, 0, sizeof(*out));
	squeeze(&q, text, len);
	found = parse_list(a, &q, 0, q.s.len, out);
	if (found) {
		out->start = q.map[0];
		out->end = q.map[q.s.len - 1] + 1;
	}
	squeezed_release(&q);
	return found;
}
