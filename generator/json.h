#ifndef POLICYSITE_JSON_H
#define POLICYSITE_JSON_H

#include "strbuf.h"

/*
 * The one escaping path for text outside libxml2 trees: JSON strings, CSV
 * fields and iCalendar text. Each appends `s` to `out` in its format.
 */

/* A JSON string with its quotes; <, >, & and U+2028/9 are escaped too, so
 * the output is also safe inside HTML. NULL gives null. */
void json_string(struct strbuf *out, const char *s);

/* A CSV field, quoted when it holds a comma, quote or line break; a value
 * a spreadsheet would take for a formula (=SUM(…), +1, @x) gets a leading
 * apostrophe. */
void csv_field(struct strbuf *out, const char *s);

/* A URL fragment or path segment: bytes other than ASCII letters, digits
 * and -._~ percent-encoded, so Chinese anchors survive any client. */
void url_component(struct strbuf *out, const char *s);

/* iCalendar TEXT: backslash, semicolon, comma and newline escaped. */
void ics_text(struct strbuf *out, const char *s);

#endif
