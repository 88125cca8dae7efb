#include "docnum.h"

#include <string.h>

#include "utf8.h"

#define DOCNUM_MAX_PREFIX 10

void docnum_match_init(struct docnum_match *m)
{
	memset(m, 0, sizeof(*m));
	strbuf_init(&m->core);
}

void docnum_match_release(struct docnum_match *m)
{
	strbuf_release(&m->core);
}

static int32_t closing_bracket(int32_t open)
{
	switch (open) {
	case 0x3014: return 0x3015;	/* 〔〕 */
	case 0xFF3B: return 0xFF3D;	/* ［］ */
	case '[': return ']';
	case 0x3010: return 0x3011;	/* 【】 */
	case 0xFF08: return 0xFF09;	/* （） */
	case '(': return ')';
	default: return 0;
	}
}

static int is_han(int32_t cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF);
}

static size_t skip_spaces(const char *s, size_t len, size_t pos)
{
	while (pos < len && s[pos] == ' ')
		pos++;
	return pos;
}

/* Match "〔YYYY〕N号" at `pos`; the end offset or 0. */
static size_t match_core(const char *s, size_t len, size_t pos, struct strbuf *core)
{
	size_t p = pos;
	int32_t open = utf8_next(s, len, &p), close = closing_bracket(open);
	size_t year = p, num;

	if (!close)
		return 0;
	p = skip_spaces(s, len, p);
	year = p;
	while (p < len && s[p] >= '0' && s[p] <= '9')
		p++;
	if (p - year != 4)
		return 0;
	size_t year_end = p;
	p = skip_spaces(s, len, p);
	if (utf8_next(s, len, &p) != close)
		return 0;
	p = skip_spaces(s, len, p);
	num = p;
	while (p < len && s[p] >= '0' && s[p] <= '9' && p - num < 6)
		p++;
	if (p == num)
		return 0;
	size_t num_end = p;
	p = skip_spaces(s, len, p);
	if (utf8_next(s, len, &p) != 0x53F7)	/* 号 */
		return 0;
	strbuf_reset(core);
	strbuf_adds(core, "〔");
	strbuf_add(core, s + year, year_end - year);
	strbuf_adds(core, "〕");
	strbuf_add(core, s + num, num_end - num);
	strbuf_adds(core, "号");
	return p;
}

int docnum_find(const char *s, size_t len, size_t from, struct docnum_match *m)
{
	size_t pos = from;

	while (pos < len) {
		size_t at = pos;
		int32_t cp = utf8_next(s, len, &pos);
		if (!closing_bracket(cp))
			continue;
		size_t end = match_core(s, len, at, &m->core);
		if (!end)
			continue;
		size_t start = at;
		for (int n = 0; n < DOCNUM_MAX_PREFIX && start > from; n++) {
			int32_t prev = utf8_prev(s, start);
			if (!is_han(prev))
				break;
			start -= 3;
		}
		if (start == at)
			continue;	/* "（2023）" alone is a year, not a number */
		m->prefix_start = start;
		m->core_start = at;
		m->end = end;
		return 1;
	}
	return 0;
}

int docnum_normalise(const char *s, struct strbuf *out)
{
	struct docnum_match m;
	size_t len = strlen(s);
	int ret = -1;

	docnum_match_init(&m);
	if (docnum_find(s, len, 0, &m) && m.prefix_start == 0 &&
	    skip_spaces(s, len, m.end) == len) {
		strbuf_reset(out);
		strbuf_add(out, s, m.core_start);
		strbuf_add(out, m.core.buf, m.core.len);
		ret = 0;
	}
	docnum_match_release(&m);
	return ret;
}
