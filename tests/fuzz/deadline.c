/*
 * Fuzz target: deadline phrases. The input, any bytes, is searched with
 * deadline_find as task text; as a NUL-terminated string it also goes to
 * deadline_parse_one (a deadline column or a task block's deadline) and
 * deadline_plan_period_end (front matter's plan_period). Besides the
 * sanitizers, the target checks what deadline.h promises: phrases in
 * order, inside the text, not overlapping, with real dates.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "deadline.h"
#include "fuzz.h"
#include "xalloc.h"

static void fail(const char *what, size_t i)
{
	fprintf(stderr, "deadline: %s (phrase %zu)\n", what, i);
	abort();
}

static int is_real_day(const struct date *d)
{
	return d->month >= 1 && d->month <= 12 && d->day >= 1 &&
	       d->day <= date_days_in_month(d->year, d->month);
}

/* Phrases found in text have years in the header's range; an ISO date
 * given to deadline_parse_one is whatever date_parse accepts. */
static void check_phrase(const struct deadline_phrase *p, size_t len, int in_text, size_t i)
{
	const struct date zero = { 0, 0, 0 };

	if (p->start >= p->end || p->end > len)
		fail("offsets outside the text", i);
	if (p->kind == DEADLINE_DATE) {
		if (!is_real_day(&p->date))
			fail("not a real day", i);
		if (in_text && (p->date.year < DEADLINE_YEAR_MIN || p->date.year > DEADLINE_YEAR_MAX))
			fail("a year out of range", i);
	} else if (memcmp(&p->date, &zero, sizeof(zero))) {
		fail("a date on a phrase without one", i);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = ARENA_INIT;
	struct deadline_phrase *found, one;
	struct date end;
	const char *why = NULL;
	char *s;
	size_t n = deadline_find(&a, (const char *)data, size, &found);

	for (size_t i = 0; i < n; i++) {
		check_phrase(&found[i], size, 1, i);
		if (i && found[i].start < found[i - 1].end)
			fail("phrases overlap or are out of order", i);
	}
	s = xmalloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
	if (deadline_parse_one(s, &one, &why) == 0)
		check_phrase(&one, strlen(s), 0, 0);
	else if (!why || !*why)
		fail("an error without a reason", 0);
	if (deadline_plan_period_end(s, &end) == 0 && !is_real_day(&end))
		fail("a plan period that ends on no real day", 0);
	free(s);
	arena_release(&a);
	return 0;
}
