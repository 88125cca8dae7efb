#include "slug.h"

#include <string.h>

#include "hash.h"
#include "utf8.h"
#include "xalloc.h"

static int is_slug_char(int32_t cp)
{
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
		       (cp >= 'A' && cp <= 'Z');
	/* Wide letters stay; wide punctuation separates, as ASCII punctuation does. */
	if (utf8_is_punct(cp) || cp == 0x3000)
		return 0;
	if (cp >= 0xFF10 && cp <= 0xFF19)	/* full-width digits */
		return 1;
	return utf8_is_wide(cp) || (cp >= 0x00C0 && cp <= 0x024F) || (cp >= 0x2460 && cp <= 0x2473);
}

void slug_heading(struct strbuf *out, const char *text)
{
	size_t len = strlen(text), pos = 0, chars = 0;
	int pending_dash = 0;

	strbuf_reset(out);
	while (pos < len && chars < SLUG_MAX_CHARS) {
		int32_t cp = utf8_next(text, len, &pos);
		if (!is_slug_char(cp)) {
			pending_dash = out->len > 0;
			continue;
		}
		if (pending_dash) {
			strbuf_addch(out, '-');
			chars++;
			pending_dash = 0;
		}
		if (cp >= 0xFF10 && cp <= 0xFF19)
			cp = cp - 0xFF10 + '0';
		if (cp >= 'A' && cp <= 'Z')
			cp += 'a' - 'A';
		char enc[4];
		strbuf_add(out, enc, utf8_encode(cp, enc));
		chars++;
	}
	if (out->len && out->buf[out->len - 1] == '-')
		strbuf_setlen(out, out->len - 1);
	if (!out->len)
		strbuf_adds(out, "section");
}

int slug_is_valid(const char *s)
{
	size_t len = strlen(s);

	if (!len || len > 80 || s[0] == '-' || s[len - 1] == '-')
		return 0;
	for (size_t i = 0; i < len; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return 0;
	return 1;
}

int slug_from_file_name(struct strbuf *out, const char *stem)
{
	size_t alnum = 0;
	int pending_dash = 0;

	strbuf_reset(out);
	if (slug_is_valid(stem)) {
		strbuf_adds(out, stem);
		return 0;
	}
	for (const char *p = stem; *p && out->len < 80; p++) {
		char c = *p;
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (pending_dash && out->len >= 79)
				break;
			if (pending_dash)
				strbuf_addch(out, '-');
			pending_dash = 0;
			strbuf_addch(out, c);
			alnum++;
		} else if ((unsigned char)c < 0x80) {
			pending_dash = out->len > 0;
		}
	}
	if (out->len && out->buf[out->len - 1] == '-')
		strbuf_setlen(out, out->len - 1);
	return alnum >= 3 ? 0 : -1;
}

void slug_from_date(struct strbuf *out, const char *date, const char *stem)
{
	strbuf_reset(out);
	strbuf_addf(out, "%s-%06lx", date ? date : "undated",
		    (unsigned long)(hash_fnv1a(stem, strlen(stem)) & 0xffffff));
}

static size_t slot_of(const struct slug_set *set, const char *id)
{
	size_t at = hash_fnv1a(id, strlen(id)) & (set->size - 1);

	while (set->slots[at] && strcmp(set->slots[at], id))
		at = (at + 1) & (set->size - 1);
	return at;
}

static int has_id(const struct slug_set *set, const char *id)
{
	return set->size && set->slots[slot_of(set, id)];
}

static void grow(struct slug_set *set)
{
	struct slug_set bigger = { NULL, NULL, set->count, set->size ? set->size * 2 : 64 };

	bigger.slots = xcalloc(bigger.size, sizeof(*bigger.slots));
	bigger.next = xcalloc(bigger.size, sizeof(*bigger.next));
	for (size_t i = 0; i < set->size; i++)
		if (set->slots[i]) {
			size_t at = slot_of(&bigger, set->slots[i]);
			bigger.slots[at] = set->slots[i];
			bigger.next[at] = set->next[i];
		}
	free(set->slots);
	free(set->next);
	*set = bigger;
}

void slug_set_claim(struct slug_set *set, struct strbuf *id)
{
	if (has_id(set, id->buf)) {
		size_t base = id->len, at = slot_of(set, id->buf);
		unsigned n = set->next[at] ? set->next[at] : 2;
		for (;; n++) {
			strbuf_setlen(id, base);
			strbuf_addf(id, "-%u", n);
			if (!has_id(set, id->buf))
				break;
		}
		/* Every suffix below n is taken, and ids are never given back:
		 * the next repeat starts at n + 1, so that thousands of
		 * identical headings do not each count up from 2. */
		set->next[at] = n + 1;
	}
	if ((set->count + 1) * 2 > set->size)
		grow(set);
	set->slots[slot_of(set, id->buf)] = xstrdup(id->buf);
	set->count++;
}

void slug_set_release(struct slug_set *set)
{
	for (size_t i = 0; i < set->size; i++)
		free(set->slots[i]);
	free(set->slots);
	free(set->next);
	memset(set, 0, sizeof(*set));
}
