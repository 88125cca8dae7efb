#ifndef POLICYSITE_TEST_CONTENT_H
#define POLICYSITE_TEST_CONTENT_H

#include <stddef.h>

/* A content folder under /tmp for a test and the files written in it,
 * removed by content_remove in reverse order. */
struct content {
	char dir[64];
	char paths[24][128];
	size_t count;
};

/* Make the folder, /tmp/policysite-<tag>-XXXXXX; 0, or -1. */
int content_init(struct content *c, const char *tag);

/* The path of `name` in the folder, to be removed at the end; written
 * with `text`, a folder when `text` is NULL, left alone when it is "-". */
const char *content_add(struct content *c, const char *name, const char *text);

void content_remove(struct content *c);

/* Write `text` to the file at `path`. */
void write_text(const char *path, const char *text);

#endif
