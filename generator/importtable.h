#ifndef POLICYSITE_IMPORTTABLE_H
#define POLICYSITE_IMPORTTABLE_H

#include "importdoc.h"

/*
 * Tables. A table is found by its header row, whose cells are column
 * names policy tables use (序号, 领域, 主要指标, 单位, 2020年基数, 指标性质,
 * 责任单位 …), printed in one of three ways:
 *
 *   one row a line, cells separated by tabs (a blank leading cell is a
 *   merged cell, filled from the row above in a grouping column such as
 *   领域);
 *
 *   one cell a line, each after a tab, rows one after another (a line
 *   without a tab continues the cell before it);
 *
 *   column by column, as a PDF of a task-breakdown table reads: the
 *   grouping cell (一、坚持…), the numbered task (1.加强…。), its measures
 *   (①…②…), then the narrow column of responsible units; repeated on
 *   every page with the header. Each group becomes a heading followed by
 *   a table with a 序号 column taken from the task numbers.
 *
 * Header rows repeated on later pages, and cells a page repeats, are
 * removed with their reason. A row that cannot be squared with the header
 * ends the table there; its lines stay text, with a warning.
 */

/* Whether `text` (closed up) is a column name of a policy table. */
int importtable_is_header_word(const char *text);

/* Find the tables of `doc`, add their blocks and mark their lines. */
void importtable_find(struct import_doc *doc);

#endif
