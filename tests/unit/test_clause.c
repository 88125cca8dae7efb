/* Unit tests of responsibility clauses: every example in
 * tests/unit/clauses.txt, whose head describes the format. */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "clause.h"
#include "harness.h"
#include "strbuf.h"

#define CLAUSES_FILE "tests/unit/clauses.txt"
#define FENCE "````````````````````````````````"

enum example_state { OUTSIDE, INPUT, EXPECTED };

struct example {
	enum example_state state;
	int units;		/* clause_parse_units rather than clause_find_trailing */
	int number, line;
	struct strbuf heading, input, expected;
};

static int read_file(const char *path, struct strbuf *sb)
{
	char chunk[4096];
	size_t n;
	FILE *f = fopen(path, "rb");

	if (!f)
		return -1;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		strbuf_add(sb, chunk, n);
	return fclose(f);
}

static int line_is(const char *line, size_t n, const char *s)
{
	return n == strlen(s) && !memcmp(line, s, n);
}

/* Append an input line, turning → back into a tab and ␣ into a space. */
static void add_input(struct strbuf *sb, const char *line, size_t n)
{
	size_t i = 0;

	if (sb->len)
		strbuf_addch(sb, '\n');
	while (i < n) {
		if (n - i >= 3 && !memcmp(line + i, "→", 3)) {
			strbuf_addch(sb, '\t');
			i += 3;
		} else if (n - i >= 3 && !memcmp(line + i, "␣", 3)) {
			strbuf_addch(sb, ' ');
			i += 3;
		} else {
			strbuf_addch(sb, line[i++]);
		}
	}
}

static size_t blank_len(const char *s, size_t len, size_t i)
{
	if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')
		return 1;
	return len - i >= 3 && !memcmp(s + i, "\xE3\x80\x80", 3) ? 3 : 0;
}

/* Whether text[start, end) is `name` with blanks in between. */
static int covers(const char *text, size_t len, size_t start, size_t end, const char *name)
{
	size_t i = start, n;

	if (start >= end || end > len)
		return 0;
	while (i < end) {
		if ((n = blank_len(text, end, i))) {
			i += n;
		} else if (*name && *name == text[i]) {
			name++;
			i++;
		} else {
			return 0;
		}
	}
	return !*name;
}

static int clause_range_ok(const char *text, size_t len, const struct clause *c, int units)
{
	static const char *const opens[] = { "（", "(", "[", "［", "【" };
	static const char *const closes[] = { "）", ")", "]", "］", "】" };
	int open = 0, close = 0;

	if (c->start >= c->end || c->end > len)
		return 0;
	if (units)
		return !blank_len(text, len, c->start) && !blank_len(text, len, c->end - 1);
	for (size_t k = 0; k < sizeof(opens) / sizeof(*opens); k++) {
		size_t o = strlen(opens[k]), e = strlen(closes[k]);
		open |= c->end - c->start >= o && !memcmp(text + c->start, opens[k], o);
		close |= c->end - c->start >= e && !memcmp(text + c->end - e, closes[k], e);
	}
	return open && close;
}

/* The result in the notation of the examples file, its lines joined by
 * "; " so that a failure prints on one indented line, plus an item for
 * any offset that does not cover what it should. */
static void describe(const struct example *ex, const struct clause *c, int found,
		     struct strbuf *got)
{
	const char *text = ex->input.buf;
	size_t len = ex->input.len;

	if (!found) {
		strbuf_adds(got, c->count || c->standing_unit ? "none, but not empty" : "none");
		return;
	}
	for (size_t i = 0; i < c->count; i++) {
		const struct clause_unit *u = &c->units[i];

		strbuf_addf(got, "%s%s %s", i ? "; " : "",
			    u->role == CLAUSE_LEAD ? "lead" : "support", u->name);
		if (!covers(text, len, u->start, u->end, u->name))
			strbuf_addf(got, "; bad offsets %zu-%zu", u->start, u->end);
	}
	if (c->standing_unit)
		strbuf_addf(got, "; standing %s", c->standing_unit);
	if (!clause_range_ok(text, len, c, ex->units))
		strbuf_addf(got, "; bad clause offsets %zu-%zu", c->start, c->end);
}

static void run_example(struct example *ex)
{
	struct arena a = ARENA_INIT;
	struct clause c;
	struct strbuf got = STRBUF_INIT, what = STRBUF_INIT;
	int found;

	if (ex->units)
		found = clause_parse_units(&a, ex->input.buf, ex->input.len, &c);
	else
		found = clause_find_trailing(&a, ex->input.buf, ex->input.len, &c);
	describe(ex, &c, found, &got);
	strbuf_addf(&what, "clause: example %d, %s (%s:%d)", ex->number, ex->heading.buf,
		    CLAUSES_FILE, ex->line);
	STR_EQ(got.buf, ex->expected.buf, what.buf);
	strbuf_release(&got);
	strbuf_release(&what);
	arena_release(&a);
}

static void start_example(struct example *ex, const char *line, size_t n, int lineno)
{
	ex->units = line_is(line, n, FENCE " units");
	ex->number++;
	ex->line = lineno;
	ex->state = INPUT;
	strbuf_reset(&ex->input);
	strbuf_reset(&ex->expected);
}

static void take_line(struct example *ex, const char *line, size_t n, int lineno)
{
	switch (ex->state) {
	case OUTSIDE:
		if (n > 3 && !memcmp(line, "## ", 3)) {
			strbuf_reset(&ex->heading);
			strbuf_add(&ex->heading, line + 3, n - 3);
		} else if (line_is(line, n, FENCE " clause") || line_is(line, n, FENCE " units")) {
			start_example(ex, line, n, lineno);
		}
		break;
	case INPUT:
		if (line_is(line, n, "."))
			ex->state = EXPECTED;
		else
			add_input(&ex->input, line, n);
		break;
	case EXPECTED:
		if (line_is(line, n, FENCE)) {
			run_example(ex);
			ex->state = OUTSIDE;
		} else {
			if (ex->expected.len)
				strbuf_adds(&ex->expected, "; ");
			strbuf_add(&ex->expected, line, n);
		}
		break;
	}
}

void test_clause(void)
{
	struct strbuf file = STRBUF_INIT;
	struct example ex = { OUTSIDE, 0, 0, 0, STRBUF_INIT, STRBUF_INIT, STRBUF_INIT };
	const char *p, *nl, *end;
	int lineno = 0;

	if (read_file(CLAUSES_FILE, &file) < 0) {
		OK(0, "clause: " CLAUSES_FILE " can be read (run from the repository root)");
		strbuf_release(&file);
		return;
	}
	for (p = file.buf, end = file.buf + file.len; p < end; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			nl = end;
		take_line(&ex, p, (size_t)(nl - p), ++lineno);
	}
	OK(ex.state == OUTSIDE, "clause: the last example in " CLAUSES_FILE " is closed");
	/* A broken fence would skip examples silently; the file holds more. */
	OK(ex.number >= 35, "clause: " CLAUSES_FILE " holds at least 35 examples");
	strbuf_release(&ex.heading);
	strbuf_release(&ex.input);
	strbuf_release(&ex.expected);
	strbuf_release(&file);
}
