#ifndef POLICYSITE_FRONTMATTER_H
#define POLICYSITE_FRONTMATTER_H

#include <stddef.h>

#include "arena.h"
#include "date.h"
#include "diag.h"

struct ynode;

enum doc_kind {
	DOC_POLICY,
	DOC_INTERPRETATION,
};

struct strlist {
	const char **items;
	size_t count, alloc;
};

/* The front matter of one document; strings live in the build arena. */
struct doc_meta {
	const char *title;
	const char *doc_number;	/* 文号, NULL when the document has none */
	unsigned doc_number_line, doc_number_col;
	struct strlist issuers;
	struct date date;
	struct date updated;	/* last revised; the date when not given */
	const char *region;
	const char *level;
	enum doc_kind kind;
	const char *genre;
	const char *status;
	const char *plan_period;
	struct strlist based_on;
	const char *summary;
	const char *interprets;	/* slug, interpretations only */
	int no_tasks;		/* tasks: none — its measures are not tasks */
	unsigned interprets_line, interprets_col;
};


/* Read the front matter mapping `root` of `path` into `meta`. */
int frontmatter_read(struct doc_meta *meta, struct arena *a, const struct ynode *root,
		     const char *path, struct diag_list *diags);

/* Split `text` into front matter and body. The YAML is `fm_len` bytes at
 * `fm_start`; the body starts at byte `body_start`, on line `body_line`.
 * Text without a leading `---` line is all body. */
int frontmatter_split(const char *text, size_t len, const char *path, size_t *fm_start,
		      size_t *fm_len, size_t *body_start, unsigned *body_line,
		      struct diag_list *diags);

#endif
