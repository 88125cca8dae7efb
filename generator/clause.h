#ifndef POLICYSITE_CLAUSE_H
#define POLICYSITE_CLAUSE_H

#include <stddef.h>

struct arena;

/*
 * Responsibility clauses: the bracketed list of units at the end of a
 * policy measure that says who carries it out, such as
 *
 *   （市卫生健康局、市财政局等按职责分工负责）
 *   （牵头单位：市医保局；配合单位：市卫健委、市财政局）
 *   [市卫生健康局等按职责分工负责，各县（市、区）人民政府负责落实。
 *    以下均需各县（市、区）人民政府落实，不再列出]
 *
 * and the same lists in table cells (市卫健委、教育局，各县（市、区）).
 *
 * Names are kept as written: shared prefixes are not expanded
 * (市卫健委、教育局 gives "教育局") and aliases are not resolved; the
 * department registry does both. Whitespace inside the clause (a line
 * break from a PDF, characters spaced out one by one) is not part of any
 * name, so "市卫生\n健康局" gives "市卫生健康局".
 */

enum clause_role {
	CLAUSE_LEAD,	/* 牵头: the unit that answers for the task */
	CLAUSE_SUPPORT,	/* 配合, 参与, and every other unit besides the lead */
};

struct clause_unit {
	/* As written, without whitespace, a trailing 等, the verb (负责,
	 * 牵头, 配合 …) or a label (牵头单位：): "市卫生健康局", "教育局",
	 * "各县（市、区）人民政府". Never NULL or empty; in the arena. */
	const char *name;
	/* Byte offsets of the name in the text given: text[start] is its
	 * first byte, end is one past its last. The range may hold the
	 * whitespace that the name leaves out. */
	size_t start, end;
	enum clause_role role;
};

struct clause {
	/* The whole clause, brackets included (clause_find_trailing), or
	 * the text without surrounding whitespace (clause_parse_units), as
	 * byte offsets in the text given. */
	size_t start, end;
	/* The units in the order written; an array in the arena. When
	 * count > 0 exactly one of them is CLAUSE_LEAD: the first one
	 * marked 牵头 (or labelled 牵头单位), else the first one. */
	struct clause_unit *units;
	size_t count;
	/* Non-NULL when the clause also states a rule for every later task
	 * of the document, as 以下均需各县（市、区）人民政府落实，不再列出
	 * does: the unit named there ("各县（市、区）人民政府"), in the
	 * arena. It is not repeated in `units`. */
	const char *standing_unit;
};

/*
 * If the paragraph text ends with a responsibility clause, parse it into
 * `*out` and return 1; otherwise set `*out` to an empty clause and return
 * 0. Whitespace and 。 may follow the clause. The brackets are （）, (),
 * [], ［］ or 【】; a bracket counts as a clause only when its first
 * sentence ends in a responsibility verb (负责, 牵头, 配合, 参与, 协助;
 * 负责落实, 配合落实) or it starts with a label such as 牵头单位： or
 * 责任单位：, so （以下简称“粤东医院”） and （2023—2027年） return 0, as does a
 * clause with no unit in it. Later sentences that start with 以下 give
 * `standing_unit`; other sentences add units.
 *
 * `text` need not be NUL-terminated and may hold any bytes; the call
 * never fails except by aborting on out-of-memory. Everything `*out`
 * points to is allocated in `a`.
 */
int clause_find_trailing(struct arena *a, const char *text, size_t len, struct clause *out);

/*
 * Parse a bare unit list without brackets, such as a table cell:
 * "市卫健委、教育局、民政局、文旅局、体育局，各县（市、区）". The same
 * verbs and labels as in a bracketed clause are understood. Returns 1
 * when at least one unit was found, else 0 with `*out` empty. Ownership
 * as for clause_find_trailing.
 */
int clause_parse_units(struct arena *a, const char *text, size_t len, struct clause *out);

#endif
