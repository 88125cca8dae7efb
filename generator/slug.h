#ifndef POLICYSITE_SLUG_H
#define POLICYSITE_SLUG_H

#include <stddef.h>

#include "strbuf.h"

/*
 * Anchors and file names.
 *
 * A heading id keeps Chinese: letters and digits of any script stay (ASCII
 * lower-cased), every run of anything else becomes one '-', and the result
 * is cut to SLUG_MAX_CHARS characters. "二、促进资源扩容与配置优化，提升现代化
 * 服务能力" gives "二-促进资源扩容与配置优化-提升现代化服务能力".
 */
#define SLUG_MAX_CHARS 32

void slug_heading(struct strbuf *out, const char *text);

/* Whether `s` is a valid document slug: 1-80 characters of a-z, 0-9 and
 * '-', not starting or ending with '-'. */
int slug_is_valid(const char *s);

/*
 * The slug of a document, from its file name without ".md" (`stem`). A
 * stem that is already a valid slug ("a", "meizhou-2024") stays as it is.
 * Otherwise ASCII letters and digits are kept, lower-cased; each run of
 * spaces, '_' and other ASCII punctuation between them becomes one '-';
 * anything else (Chinese) is left out; at most 80 characters.
 * "Meizhou_2024 Plan" gives "meizhou-2024-plan". Returns -1 when fewer
 * than 3 letters and digits remain, as for "梅州 医疗 方案" (a stray "2"
 * names nothing): then slug_from_date names the document.
 */
int slug_from_file_name(struct strbuf *out, const char *stem);

/* The slug of a document whose file name gives none: its date ("2024-04-22",
 * or "undated" for NULL) and 6 hex digits of the FNV-1a hash of `stem`:
 * "2024-04-22-3f9a1c". */
void slug_from_date(struct strbuf *out, const char *date, const char *stem);

/* A set of ids already used in one page, so each new one is unique:
 * "x", then "x-2", "x-3" … in document order. A hash table, so that a
 * page with thousands of ids stays fast. */
struct slug_set {
	char **slots;	/* open addressing; NULL is empty */
	unsigned *next;	/* per slot: the suffix to try first when that id repeats */
	size_t count, size;
};

#define SLUG_SET_INIT { NULL, NULL, 0, 0 }

/* Turn `id` into a unique id (appending -2, -3 …) and remember it. */
void slug_set_claim(struct slug_set *set, struct strbuf *id);
void slug_set_release(struct slug_set *set);

#endif
