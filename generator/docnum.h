#ifndef POLICYSITE_DOCNUM_H
#define POLICYSITE_DOCNUM_H

#include <stddef.h>

#include "strbuf.h"

/*
 * Document numbers (文号) such as 粤府办〔2023〕19号 in running text.
 *
 * The year may be bracketed with 〔〕, ［］, [], 【】 or （）; the
 * normalised form always uses 〔〕. The issuer's abbreviation is the run of
 * Chinese characters before the bracket, but text cannot tell where it
 * starts ("根据粤府办〔…"), so a match gives the longest run and callers
 * compare known numbers against its tail.
 */
struct docnum_match {
	size_t prefix_start;	/* first byte of the Chinese run before the bracket */
	size_t core_start;	/* the opening bracket */
	size_t end;		/* one past 号 */
	struct strbuf core;	/* normalised "〔2023〕19号" */
};

void docnum_match_init(struct docnum_match *m);
void docnum_match_release(struct docnum_match *m);

/* Find the first document number at or after byte `from`; 1 if found. */
int docnum_find(const char *s, size_t len, size_t from, struct docnum_match *m);

/* Normalise a whole document number as written in front matter into
 * `out` (brackets as 〔〕, spaces dropped); -1 when it is not one. */
int docnum_normalise(const char *s, struct strbuf *out);

#endif
