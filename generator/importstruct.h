#ifndef POLICYSITE_IMPORTSTRUCT_H
#define POLICYSITE_IMPORTSTRUCT_H

#include <stddef.h>

#include "importdoc.h"

/*
 * Paragraphs, headings and measures.
 *
 * Lines join into paragraphs where the text goes on: a line that stops
 * mid-sentence joins the next one (across a page break too), and in
 * hard-wrapped text so does a line that fills the printed width. A line
 * that opens with numbering, a short line without punctuation and 附件
 * start anew. Joining puts no space between Chinese characters and one
 * between Latin words or numbers.
 *
 * A paragraph that opens with numbering is a heading when it has no
 * sentence in it (一、总体要求, （一）主要目标), a measure when its first
 * sentence is short and more text follows ((一)建强卫生健康人才队伍。实施…),
 * which the writer makes its bold lead. Levels follow the document's own
 * order of numbering styles: the first style met is ##, a new style one
 * level down, a style met before goes back to its level; 附件 starts
 * again one level below its own heading.
 *
 * What looks wrong is reported, never fixed by guesswork: numbering out
 * of sequence, a paragraph that begins like another one, a numbered
 * paragraph without a short lead, a short line that may be a heading,
 * text that breaks off mid-sentence.
 */

enum import_numbering_style {
	IMPORT_NUM_NONE,
	IMPORT_NUM_CHAPTER,	/* 第一章 */
	IMPORT_NUM_SECTION,	/* 第一节 */
	IMPORT_NUM_PART,	/* 第一部分 */
	IMPORT_NUM_ARTICLE,	/* 第一条 */
	IMPORT_NUM_CHINESE,	/* 一、 */
	IMPORT_NUM_CHINESE_PAREN,	/* （一） (一) */
	IMPORT_NUM_ARABIC,	/* 1. 1． 1、 */
	IMPORT_NUM_ARABIC_PAREN,	/* （1） (1) */
	IMPORT_NUM_CIRCLED,	/* ① */
};

struct import_numbering {
	enum import_numbering_style style;
	int value;		/* 三十一 gives 31; 0 when unreadable */
	size_t len;		/* bytes, as document_numbering_length */
};

/* The numbering at the start of `text`; style NONE when there is none. */
void importstruct_numbering(const char *text, struct import_numbering *n);

/* The value of Chinese numerals: 三十一 gives 31, 一百零五 105; -1 when
 * `s` (of `len` bytes) holds anything else. */
int importstruct_chinese_value(const char *s, size_t len);

/* Join the text lines of `doc` into paragraph blocks. */
void importstruct_paragraphs(struct import_doc *doc);

/* With the blocks in order: headings, measures, levels and the warnings
 * about the document's structure. */
void importstruct_outline(struct import_doc *doc);

#endif
