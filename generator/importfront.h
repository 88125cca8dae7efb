#ifndef POLICYSITE_IMPORTFRONT_H
#define POLICYSITE_IMPORTFRONT_H

#include <stddef.h>

#include "date.h"
#include "importdoc.h"

/*
 * The cover of a document and its front matter.
 *
 * Two kinds of cover are read. A notice (文号 on a line of its own, then a
 * title ending in 通知, 意见 …, addressees, the notice text, the issuing
 * body and the date) stays in the body as printed and also fills the
 * front matter: the title of what it issues (the part between 印发 and
 * 的通知), the 文号, the issuer and the date. A title page (title lines,
 * (征求意见稿), the issuing body, the date, before the first paragraph)
 * moves into the front matter and leaves the body.
 *
 * What the text does not say is never made up: a missing summary, issuer
 * or title gets a placeholder that starts with IMPORTFRONT_PLACEHOLDER
 * and a warning; a region or date inferred from other evidence gets a
 * warning that says from what.
 */

#define IMPORTFRONT_PLACEHOLDER "待补充："

/*
 * Parse a date at the start of `s`: 2024年4月22日, 二〇二四年四月二十二日,
 * 2022年10月, 2024年 and 2023-01-07 (digits may be full-width, spaces are
 * allowed between the parts). Returns the bytes used, or 0 when `s` does
 * not start with a real date (month and day are checked).
 */
size_t importfront_parse_date(const char *s, struct date *d);

/* Whether the whole of `text`, perhaps in brackets, is a date. */
int importfront_is_date_line(const char *text, struct date *d);

/* The region an issuer or title names at its start: 梅州市人民政府办公室
 * gives 梅州市, 潮州市湘桥区卫生健康局 潮州市湘桥区, 中共广东省委 广东省. NULL
 * when it names none; otherwise in the arena. */
const char *importfront_region(struct arena *a, const char *s);

/* 省级, 市级 or 县区级 for a region name, from its last unit; NULL when it
 * ends in none of them. */
const char *importfront_level(const char *region);

/* Read the cover at the start of `doc` into doc->front; a notice adds its
 * blocks (the 文号, the title as a heading, the signature, the date). */
void importfront_read(struct import_doc *doc);

/*
 * Complete the front matter once the body's blocks are in order: the
 * genre and plan period from the title, based_on from the 文号 cited
 * before the first numbered heading, the region (`region`, else guessed),
 * the level, and placeholders with warnings for what is missing.
 */
void importfront_complete(struct import_doc *doc, const char *region);

#endif
