#ifndef POLICYSITE_UTF8_H
#define POLICYSITE_UTF8_H

#include <stddef.h>
#include <stdint.h>

/*
 * UTF-8 helpers. Every input file must be UTF-8; utf8_check_text names
 * the likely encoding of one that is not, so the diagnostic can say what
 * to convert from.
 */

/* Decode the code point at `*pos` and advance past it; -1 on a malformed
 * sequence (then `*pos` advances by one byte). */
int32_t utf8_next(const char *s, size_t len, size_t *pos);

/* The code point that ends right before `pos`, or -1. */
int32_t utf8_prev(const char *s, size_t pos);

/* Append code point `cp` as UTF-8 to `out` (at least 4 bytes); returns
 * the number of bytes written. */
size_t utf8_encode(int32_t cp, char *out);

/* Chinese, Japanese and Korean characters and their full-width
 * punctuation: text in which a line break means no space. */
int utf8_is_wide(int32_t cp);

/* Punctuation, ASCII or CJK (for the emphasis flanking rules). */
int utf8_is_punct(int32_t cp);

enum text_encoding {
	TEXT_UTF8,
	TEXT_UTF8_BOM,
	TEXT_UTF16,
	TEXT_GB18030,
	TEXT_BINARY,
	TEXT_INVALID_UTF8,
};

/*
 * Classify `buf`: valid UTF-8 (with or without BOM), or what it likely is
 * instead. TEXT_UTF16 is UTF-16 with a BOM, or without one when nine in
 * ten NUL bytes sit at offsets of the same parity. For TEXT_INVALID_UTF8 and TEXT_GB18030, `*bad` receives the
 * byte offset of the first invalid sequence.
 */
enum text_encoding utf8_check_text(const char *buf, size_t len, size_t *bad);


/* Remove, in place, spaces that stand between two wide characters: a line
 * break folded into a space by YAML or a PDF means nothing in Chinese.
 * Returns `s`. */
char *utf8_squeeze_wide_spaces(char *s);

/* The edit distance between two strings, counted in code points; strings
 * longer than 63 code points count as far apart (64). For "did you
 * mean" suggestions. */
size_t utf8_distance(const char *a, const char *b);
#endif
