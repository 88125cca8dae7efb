#ifndef POLICYSITE_TASK_H
#define POLICYSITE_TASK_H

#include <stddef.h>

#include "arena.h"
#include "date.h"
#include "diag.h"

struct dept;
struct dept_registry;
struct document;
struct model;

/*
 * Tasks: who must do what by when. They are found three ways and end up
 * in one model: a measure whose paragraph ends in a responsibility clause,
 * a row of a task-breakdown table (a table with a 责任单位 column), and a
 * fenced ```task block of YAML for what the text does not say.
 */
enum task_origin {
	TASK_FROM_MEASURE,
	TASK_FROM_TABLE,
	TASK_FROM_BLOCK,
};

/* Where a deadline came from; the names are the public JSON values. */
enum task_deadline_source {
	TASK_DEADLINE_NONE,
	TASK_DEADLINE_TEXT,		/* a phrase in the task's own text */
	TASK_DEADLINE_TABLE,		/* a deadline column of its table */
	TASK_DEADLINE_PLAN_PERIOD,	/* the document's plan_period */
	TASK_DEADLINE_EXPLICIT,		/* a task block's deadline */
};

enum task_status {
	TASK_OVERDUE,
	TASK_DUE_SOON,		/* within 90 days of the as-of date */
	TASK_LATER,
	TASK_ONGOING,		/* recurring, ongoing, or no date at all */
	TASK_DONE,		/* reported */
	TASK_IN_PROGRESS,	/* reported */
	TASK_NOT_STARTED,	/* reported */
	TASK_STATUS_COUNT,
};

#define TASK_DUE_SOON_DAYS 90

struct task {
	const char *id;		/* unique: "<document slug>-<n>" or a block's own id */
	size_t index;		/* its place in m->tasks */
	struct document *doc;
	enum task_origin origin;
	const char *number;	/* as printed: "（三）", "12" */
	const char *title;
	const char *text;	/* the whole measure, row or block, plain text */
	const char *anchor;	/* id of its place in the document page */
	const char *lead_text;	/* the responsibility text as written, or NULL */
	struct dept *lead;	/* NULL when nobody is named to lead */
	struct dept **supports;
	size_t nsupports, asupports;

	struct date deadline;	/* valid when has_deadline */
	int has_deadline;
	int recurring, ongoing;	/* 每年 / 持续推进 found in the text */
	const char *deadline_text;	/* the phrase or value it came from, or NULL */
	enum task_deadline_source deadline_source;
	struct date *dates;	/* every date found in the text, in order */
	size_t ndates, adates;

	enum task_status status;
	int status_reported;
	unsigned line;		/* in doc->path */
};

/* Find every task of every document of `m`, on `jobs` threads, resolve
 * departments and deadlines, and compute statuses against the as-of date. */
int task_extract_all(struct model *m, struct arena *a, int jobs, struct diag_list *diags);

/* Read reported statuses from `path` (CSV with columns id and status:
 * done, in-progress or not-started); a missing file is fine. */
int task_read_reported(struct model *m, struct arena *a, const char *path,
		       struct diag_list *diags);

/* The stable names used in URLs, data attributes and JSON. */
const char *task_status_name(enum task_status s);
/* The label shown to readers: 已逾期, 90天内到期 … */
const char *task_status_label(enum task_status s);
const char *task_deadline_source_name(enum task_deadline_source s);
const char *task_deadline_source_label(enum task_deadline_source s);

/* Days from `a` to `b` (negative when b is earlier); both full dates. */
long task_days_between(const struct date *a, const struct date *b);

#endif
