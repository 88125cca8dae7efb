#include "utf8.h"

#include <string.h>

int32_t utf8_next(const char *str, size_t len, size_t *pos)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = *pos;
	int32_t cp;
	int n;

	if (i >= len)
		return -1;
	if (s[i] < 0x80) {
		*pos = i + 1;
		return s[i];
	} else if ((s[i] & 0xE0) == 0xC0) {
		cp = s[i] & 0x1F;
		n = 1;
	} else if ((s[i] & 0xF0) == 0xE0) {
		cp = s[i] & 0x0F;
		n = 2;
	} else if ((s[i] & 0xF8) == 0xF0) {
		cp = s[i] & 0x07;
		n = 3;
	} else {
		*pos = i + 1;
		return -1;
	}
	if (len - i < (size_t)n + 1) {
		*pos = i + 1;
		return -1;
	}
	for (int k = 1; k <= n; k++) {
		if ((s[i + k] & 0xC0) != 0x80) {
			*pos = i + 1;
			return -1;
		}
		cp = (cp << 6) | (s[i + k] & 0x3F);
	}
	/* Reject overlong forms, surrogates and values past U+10FFFF. */
	if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
	    (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
		*pos = i + 1;
		return -1;
	}
	*pos = i + (size_t)n + 1;
	return cp;
}

int32_t utf8_prev(const char *str, size_t pos)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t start = pos, p;

	if (!pos)
		return -1;
	while (start > 0 && pos - start < 4 && (s[start - 1] & 0xC0) == 0x80)
		start--;
	if (start > 0)
		start--;
	p = start;
	int32_t cp = utf8_next(str, pos, &p);
	return p == pos ? cp : -1;
}

size_t utf8_encode(int32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;

	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	} else if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	} else if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

int utf8_is_wide(int32_t cp)
{
	return (cp >= 0x1100 && cp <= 0x115F) ||	/* Hangul Jamo */
	       (cp >= 0x2E80 && cp <= 0x303E) ||	/* radicals, CJK symbols and punctuation */
	       (cp >= 0x3040 && cp <= 0x33FF) ||	/* kana, bopomofo, CJK compatibility */
	       (cp >= 0x3400 && cp <= 0x4DBF) ||	/* CJK extension A */
	       (cp >= 0x4E00 && cp <= 0x9FFF) ||	/* CJK unified ideographs */
	       (cp >= 0xAC00 && cp <= 0xD7A3) ||	/* Hangul syllables */
	       (cp >= 0xF900 && cp <= 0xFAFF) ||	/* CJK compatibility ideographs */
	       (cp >= 0xFE30 && cp <= 0xFE4F) ||	/* CJK compatibility forms */
	       (cp >= 0xFF00 && cp <= 0xFF60) ||	/* full-width forms */
	       (cp >= 0xFFE0 && cp <= 0xFFE6) ||
	       (cp >= 0x20000 && cp <= 0x3FFFD);	/* CJK extensions B and later */
}

int utf8_is_punct(int32_t cp)
{
	if (cp < 0x80)
		return cp > 0x20 && cp < 0x7F && !((cp >= '0' && cp <= '9') ||
						   (cp >= 'A' && cp <= 'Z') ||
						   (cp >= 'a' && cp <= 'z'));
	return (cp >= 0x2010 && cp <= 0x2027) ||	/* dashes, quotes, ellipsis */
	       (cp >= 0x3001 && cp <= 0x3003) ||	/* 、。〃 */
	       (cp >= 0x3008 && cp <= 0x3011) ||	/* 〈〉《》「」『』【】 */
	       (cp >= 0x3014 && cp <= 0x301F) ||	/* 〔〕 and friends */
	       (cp >= 0xFF01 && cp <= 0xFF0F) ||	/* ！＂＃…／ */
	       (cp >= 0xFF1A && cp <= 0xFF20) ||	/* ：；＜＝＞？＠ */
	       (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65) ||
	       cp == 0x00B7 || cp == 0x00AB || cp == 0x00BB;
}

/*
 * A rough test for GB18030/GBK: most bytes >= 0x80 come in pairs whose
 * lead byte is 0x81-0xFE and trail byte 0x40-0xFE (not 0x7F).
 */
static int looks_like_gb18030(const unsigned char *s, size_t len)
{
	size_t pairs = 0, bad = 0;

	for (size_t i = 0; i < len; i++) {
		if (s[i] < 0x80)
			continue;
		if (s[i] >= 0x81 && s[i] <= 0xFE && i + 1 < len && s[i + 1] >= 0x40 &&
		    s[i + 1] <= 0xFE && s[i + 1] != 0x7F) {
			pairs++;
			i++;
		} else {
			bad++;
		}
	}
	return pairs > 0 && bad * 20 <= pairs;
}

/*
 * UTF-16 without a byte-order mark, as `iconv -t UTF-16LE` writes: the NUL
 * bytes, mostly the high bytes of ASCII characters, sit at odd offsets for
 * little-endian and at even ones for big-endian; a few on the other side
 * are the low bytes of characters such as 一 (U+4E00).
 */
static int looks_like_utf16(const unsigned char *s, size_t len)
{
	size_t nul[2] = { 0, 0 };

	if (len % 2)
		return 0;
	for (size_t i = 0; i < len; i++)
		if (!s[i])
			nul[i % 2]++;
	return nul[0] >= 9 * nul[1] || nul[1] >= 9 * nul[0];
}

enum text_encoding utf8_check_text(const char *buf, size_t len, size_t *bad)
{
	const unsigned char *s = (const unsigned char *)buf;
	size_t pos = 0;

	*bad = 0;
	if (len >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF)))
		return TEXT_UTF16;
	if (memchr(buf, '\0', len))
		return looks_like_utf16(s, len) ? TEXT_UTF16 : TEXT_BINARY;
	size_t valid_wide = 0, invalid = 0;
	int found = 0;
	while (pos < len) {
		size_t at = pos;
		int32_t cp = utf8_next(buf, len, &pos);
		if (cp < 0) {
			if (!found)
				*bad = at;
			found = 1;
			invalid++;
		} else if (cp >= 0x80) {
			valid_wide++;
		}
	}
	/* A UTF-8 file with a few broken bytes is not GBK, even where the
	 * broken bytes happen to pair up like GBK. */
	if (found)
		return valid_wide < invalid && looks_like_gb18030(s, len) ? TEXT_GB18030
									 : TEXT_INVALID_UTF8;
	if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
		return TEXT_UTF8_BOM;
	return TEXT_UTF8;
}

char *utf8_squeeze_wide_spaces(char *s)
{
	size_t len = strlen(s), r = 0, w = 0;

	while (r < len) {
		if (s[r] == ' ' && w > 0) {
			size_t end = r;
			while (end < len && s[end] == ' ')
				end++;
			size_t p = end;
			int32_t before = utf8_prev(s, w), after = utf8_next(s, len, &p);
			if (utf8_is_wide(before) && utf8_is_wide(after)) {
				r = end;
				continue;
			}
		}
		s[w++] = s[r++];
	}
	s[w] = '\0';
	return s;
}

/* Decode up to 63 code points of `s` into `out`; the count, or 64 when
 * longer. */
static size_t decode_short(const char *s, int32_t out[64])
{
	size_t len = strlen(s), pos = 0, n = 0;

	while (pos < len) {
		if (n == 63)
			return 64;
		out[n++] = utf8_next(s, len, &pos);
	}
	return n;
}

size_t utf8_distance(const char *a, const char *b)
{
	int32_t ca[64], cb[64];
	size_t la = decode_short(a, ca), lb = decode_short(b, cb);
	size_t row[64];

	if (la >= 64 || lb >= 64)
		return 64;
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (ca[i - 1] != cb[j - 1]);
			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}
