#ifndef POLICYSITE_IMPORTTEXT_H
#define POLICYSITE_IMPORTTEXT_H

#include <stddef.h>

#include "diag.h"
#include "importdoc.h"
#include "strbuf.h"

/*
 * The first stage of `policysite import`: bytes to lines of text.
 */

/* The largest input the importer reads: far above any policy text, and a
 * bound on the work a hostile file can cause. */
#define IMPORTTEXT_MAX_BYTES (16u << 20)

/*
 * Decode `len` bytes of `data` into UTF-8 in `out`, with LF line ends: a
 * UTF-8 byte-order mark is dropped, CRLF and CR become LF, control
 * characters other than tab and form feed become spaces. GB18030 (and so
 * GBK and GB2312) is converted with iconv, and `*note` then says so (a
 * static string); otherwise `*note` is NULL. UTF-16, binary data, empty
 * input and bytes that are neither UTF-8 nor GB18030 are errors recorded
 * for `name`; returns -1 then.
 */
int importtext_decode(const char *data, size_t len, const char *name, struct strbuf *out,
		      const char **note, struct diag_list *diags);

/*
 * Close up text that a PDF spaced out: "三 明 市" gives "三明市", "到 2025 年"
 * gives "到2025年", while spaces between Latin words and between numbers
 * stay ("Deep Learning", "2024 2025"). A line spaced out character by
 * character loses every space that is not between two Latin letters or
 * digits. Kept as one space: a tab (a column gap), the space after a
 * heading's numbering ("第一章 规划背景", "(一) 基础现状") and the space
 * between two issuing bodies ("中共广东省委 广东省人民政府"). The result is
 * trimmed, with runs of spaces made one; `out` is replaced.
 */
void importtext_close_up(const char *s, struct strbuf *out);

/* Whether line `s` is spaced out character by character ("推 动 地 方"). */
int importtext_is_spaced_out(const char *s);

/*
 * Split the decoded text into `doc->lines` (raw, closed-up text, widths,
 * page starts) and set `doc->wrap_width` when the text is hard-wrapped.
 */
void importtext_split(struct import_doc *doc, const char *text, size_t len);

#endif
