/*
 * Fuzz target: indicator values. The first byte of the input is a control
 * byte (bit 0: higher is better; the other bits: a number of years for
 * indvalue_target_number); the rest is split at line breaks into a
 * target, an actual value and a baseline (missing ones are NULL, as when
 * a table has no such row). Each is parsed, judged and formatted as the
 * indicator pages do. Besides the sanitizers, the target checks the
 * invariants indvalue.h promises.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "indvalue.h"
#include "strbuf.h"
#include "xalloc.h"

static void fail(const char *what, const char *text)
{
	fprintf(stderr, "indvalue: %s: \"%s\"\n", what, text);
	abort();
}

static void check_value(const struct indvalue *v, const char *text)
{
	size_t want_min = 1, want_max = 1;
	int change = v->kind == INDVALUE_RELATIVE || v->kind == INDVALUE_ANNUAL;

	if (v->kind == INDVALUE_NONE || v->kind == INDVALUE_TEXT)
		want_min = want_max = 0;
	else if (v->kind == INDVALUE_PER_LEVEL)
		want_min = 2, want_max = INDVALUE_MAX_NUMBERS;
	if (v->text != text)
		fail("text is not the string given", text);
	if (v->count < want_min || v->count > want_max)
		fail("wrong number count for the kind", text);
	for (size_t i = 0; i < INDVALUE_MAX_NUMBERS; i++)
		if (i < v->count ? !isfinite(v->numbers[i]) : v->numbers[i] != 0)
			fail("a number that is not finite, or one past the count", text);
	if (change ? (v->sign != 1 && v->sign != -1) || v->numbers[0] < 0
		   : v->sign || v->percent_points)
		fail("sign or points wrong for the kind", text);
	if ((v->kind == INDVALUE_NONE || v->kind == INDVALUE_TEXT) && v->cmp != INDVALUE_EQ)
		fail("a comparator without a number", text);
	if (v->kind != INDVALUE_RELATIVE && v->base_year)
		fail("a base year on a value that is not a change", text);
}

static void check_why(const struct strbuf *why)
{
	static const char *const endings[] = { "已达到", "未达到", "无法判断" };
	int ends = 0;

	for (int i = 0; i < 3; i++) {
		size_t n = strlen(endings[i]);
		ends |= why->len >= n && !memcmp(why->buf + why->len - n, endings[i], n);
	}
	if (!ends || memchr(why->buf, '\n', why->len))
		fail("the explanation is not one line ending in a verdict", why->buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct indvalue v[3];
	struct strbuf why = STRBUF_INIT, num = STRBUF_INIT;
	char *text, *parts[3] = { NULL, NULL, NULL };
	double n;

	if (!size)
		return 0;
	text = xmalloc(size);
	memcpy(text, data + 1, size - 1);
	text[size - 1] = '\0';
	parts[0] = text;
	for (int i = 1; i < 3; i++) {
		char *nl = strchr(parts[i - 1], '\n');
		if (!nl)
			break;
		*nl = '\0';
		parts[i] = nl + 1;
	}
	for (int i = 0; i < 3; i++) {
		indvalue_parse(parts[i], &v[i]);
		if (parts[i])
			check_value(&v[i], parts[i]);
		for (size_t k = 0; k < v[i].count; k++)
			indvalue_format_number(v[i].numbers[k], &num);
	}
	indvalue_judge(&v[0], &v[1], parts[2] ? &v[2] : NULL, data[0] & 1, &why);
	check_why(&why);
	if (indvalue_target_number(&v[0], parts[2] ? &v[2] : NULL, data[0] >> 1, &n) == 0) {
		if (!isfinite(n))
			fail("a target number that is not finite", text);
		indvalue_format_number(n, &num);
	}
	strbuf_release(&why);
	strbuf_release(&num);
	free(text);
	return 0;
}
