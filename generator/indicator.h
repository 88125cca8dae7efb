#ifndef POLICYSITE_INDICATOR_H
#define POLICYSITE_INDICATOR_H

#include <stddef.h>

#include "arena.h"
#include "diag.h"
#include "indvalue.h"

struct document;
struct model;

/*
 * Indicators: the numbers a plan sets out to reach. Each set is one table
 * of one document, described by content/indicators/<set>.yaml (names,
 * units, domains, nature, direction) with its values, one observation a
 * row, in <set>.csv. Every value keeps the text as printed and is parsed
 * where a number exists (indvalue.h).
 */
enum indicator_obs_kind {
	INDICATOR_BASELINE,
	INDICATOR_TARGET,
	INDICATOR_ACTUAL,
};

struct indicator_obs {
	int year;
	enum indicator_obs_kind kind;
	struct indvalue value;	/* value.text is the text as printed */
	const char *note;
	unsigned line;		/* in the CSV */
};

struct indicator_set {
	const char *id;		/* the file's base name */
	const char *path;	/* the YAML file */
	const char *title;
	const char *period;
	struct document *doc;
	int table;		/* 1-based table of doc */
	const char *anchor;	/* id of that table in the document page */
	struct indicator **items;
	size_t count, alloc;
};

/* A verdict on a target, with the reason in words. */
struct indicator_progress {
	enum indvalue_verdict verdict;
	int has;		/* 0 when there was nothing to judge */
	int open;		/* no actual value yet and the target's year is after
				 * the as-of year: the distance to go is in `why` */
	const char *why;
	const char *target_text, *actual_text;
};

struct indicator {
	const char *id;
	const char *number;
	const char *name;
	const char *row;	/* the table cell text that names it */
	const char *unit;
	const char *domain;
	const char *nature;	/* 预期性, 约束性 or NULL */
	int higher_is_better;
	const char *compare;	/* cross-region key, or NULL */
	const char *parent_id;
	struct indicator *parent;
	const char **levels;
	size_t nlevels;
	struct indicator_set *set;
	struct indicator_obs *obs;	/* sorted by year, then kind */
	size_t nobs, aobs;
	struct indicator_progress progress;
	unsigned line;
};

struct indicator_list {
	struct indicator_set **sets;	/* sorted by id */
	size_t nsets, asets;
	struct indicator **all;		/* every indicator, in set and table order */
	size_t count, alloc;
};

/* Read every set in `dir` (a missing folder is no indicators), link them
 * to their documents and judge their progress. */
int indicator_load_all(struct model *m, struct arena *a, const char *dir, struct diag_list *diags);

/* Indicators sharing `ind`'s compare key, `ind` included, in set order. */
size_t indicator_comparable(const struct model *m, const struct indicator *ind,
			    struct indicator **out, size_t max);

/* What goes between a number and `unit`: nothing ("79.1岁"), or a space
 * when the unit starts with a digit or a slash ("10.70 1/10万"). */
const char *indicator_unit_gap(const char *unit);

const char *indicator_obs_kind_name(enum indicator_obs_kind k);
const char *indicator_obs_kind_label(enum indicator_obs_kind k);
const char *indicator_verdict_name(enum indvalue_verdict v);
const char *indicator_verdict_label(enum indvalue_verdict v);

#endif
