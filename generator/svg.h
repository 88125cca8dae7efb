#ifndef POLICYSITE_SVG_H
#define POLICYSITE_SVG_H

#include <libxml/tree.h>

#include "model.h"

/*
 * Charts written as inline SVG: no script, no chart library. Each has
 * role="img", a <title> and a <desc> that says the numbers in words, and
 * carries its meaning in text and shape, not colour alone. Coordinates
 * are printed in the C locale with fixed precision, so output is stable.
 */

/* Bars of task counts by status, each labelled with its name and count. */
void svg_status_bars(xmlNodePtr parent, const size_t counts[TASK_STATUS_COUNT],
		     const char *title);

/* A timeline of dated tasks by year: a dot per task, a cross for an
 * overdue one, ten to a row in their year, and the as-of date as a line. */
void svg_timeline(const struct model *m, xmlNodePtr parent, struct task *const *tasks, size_t n);

/* One indicator over the years: baseline and actual values as points
 * labelled with their text, the target as a point or, for "<8" and
 * "≥80", as a hatched zone; one line per level for per-level values.
 * `compact` draws the small multiple of /indicators/. `id` must be
 * unique within the page. */
void svg_indicator(xmlNodePtr parent, const struct indicator *ind, int compact, const char *id);

/* The same indicator in several regions or plans: one row each, the
 * baseline or actual value as a dot and the target as a diamond or zone,
 * on a shared axis. */
void svg_compare(xmlNodePtr parent, struct indicator *const *inds, size_t n, const char *id);

#endif
