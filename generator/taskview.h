#ifndef POLICYSITE_TASKVIEW_H
#define POLICYSITE_TASKVIEW_H

#include <libxml/tree.h>

#include "model.h"

/*
 * The pieces every task-related page shares, built as libxml2 nodes:
 * department links, deadlines with their source, status badges (text,
 * never colour alone), task cards and task tables.
 */

/* URL paths (with the base path) into `out`. */
void taskview_dept_path(const struct model *m, const struct dept *d, struct strbuf *out);
void taskview_task_path(const struct model *m, const struct task *t, struct strbuf *out);

void taskview_dept_link(const struct model *m, xmlNodePtr parent, const struct dept *d);
void taskview_deadline(xmlNodePtr parent, const struct task *t, int with_source);
void taskview_status(xmlNodePtr parent, const struct task *t);

/* The card shown under a measure: lead, supports, deadline, status. */
void taskview_card(const struct model *m, xmlNodePtr parent, const struct task *t);

/* A table of tasks with the columns of /tasks/; `with_data` adds the data
 * attributes the filter script reads. */
void taskview_table(const struct model *m, xmlNodePtr parent, struct task *const *tasks,
		    size_t n, const char *label, int with_data);

/* The reader's name of a department kind: government → 政府部门. */
const char *taskview_dept_kind(const char *kind);

/* <option>s of the departments `keep` accepts, in <optgroup>s by region,
 * appended to `select`. */
void taskview_dept_options(const struct model *m, xmlNodePtr select,
			   int (*keep)(const struct dept *d));

/* Counts of tasks by status. */
void taskview_count_status(struct task *const *tasks, size_t n, size_t counts[TASK_STATUS_COUNT]);

/* The next `max` dated, not finished tasks on or after the as-of date,
 * soonest first; returns how many were written to `out`. */
size_t taskview_upcoming(const struct model *m, struct task *const *tasks, size_t n,
			 struct task **out, size_t max);

#define TASKVIEW_DUE_NEXT 5

/* The next dated tasks as a list in slot `slot`, keeping the page's slot
 * `section` only when there are any. */
void taskview_due_next(const struct model *m, xmlDocPtr page, const char *section,
		       const char *slot, struct task *const *tasks, size_t n);

/* Fill the "at a glance" slots of a page (g-tasks, g-led, g-depts,
 * g-overdue, g-measures, g-next) for these tasks; nothing when n is 0. */
void taskview_glance(const struct model *m, xmlDocPtr page, struct task *const *tasks, size_t n,
		     size_t measures);

#endif
