/*
 * Fuzz target: responsibility clauses. The input, any bytes, goes both to
 * clause_find_trailing (the tail of a paragraph) and to
 * clause_parse_units (a table cell). Besides the sanitizers, the target
 * checks what clause.h promises: offsets inside the text, names never
 * empty, exactly one lead when there are units.
 */
#include <stdio.h>
#include <stdlib.h>

#include "arena.h"
#include "clause.h"
#include "fuzz.h"

static void fail(const char *what, size_t i)
{
	fprintf(stderr, "clause: %s (unit %zu)\n", what, i);
	abort();
}

static void check_clause(const struct clause *c, int found, size_t len)
{
	size_t leads = 0;

	if (found != (c->count > 0))
		fail("the result and the unit count disagree", 0);
	if (found && (c->start > c->end || c->end > len))
		fail("the clause's offsets leave the text", 0);
	for (size_t i = 0; i < c->count; i++) {
		const struct clause_unit *u = &c->units[i];
		if (!u->name || !*u->name)
			fail("empty name", i);
		if (u->start >= u->end || u->end > len || u->start < c->start || u->end > c->end)
			fail("the unit's offsets leave the clause", i);
		leads += u->role == CLAUSE_LEAD;
	}
	if (c->count && leads != 1)
		fail("not exactly one lead", leads);
	if (c->standing_unit && !*c->standing_unit)
		fail("empty standing unit", 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = ARENA_INIT;
	struct clause c;
	int found;

	found = clause_find_trailing(&a, (const char *)data, size, &c);
	check_clause(&c, found, size);
	found = clause_parse_units(&a, (const char *)data, size, &c);
	check_clause(&c, found, size);
	arena_release(&a);
	return 0;
}
