#ifndef POLICYSITE_LIMIT_H
#define POLICYSITE_LIMIT_H

/*
 * The largest input policysite accepts, in one place. Each limit is checked
 * where the input is read, and input past it is a diagnostic that names
 * the limit, never a crash, a hang or gigabytes of memory. They sit far
 * above real policy content (the largest bundled document is 77 KB, its
 * largest table some 200 cells), and docs/content-format.md ("Limits")
 * and the README list them for content authors: keep the three in step.
 */

/* Bytes in one content file, checked before it is read. A one-line
 * paragraph of several megabytes is still built whole. */
#define LIMIT_FILE_BYTES (16u << 20)

/* Nesting of YAML lists and mappings in front matter, site.yaml, the
 * department registry and indicator sets. (YAML anchors and aliases are
 * refused outright: they are how "billion laughs" documents blow up.) */
#define LIMIT_YAML_DEPTH 32

/* Nesting of Markdown blocks and emphasis: quotes in quotes, lists in
 * lists. Deeper text is refused before any recursive walk of the tree. */
#define LIMIT_MARKDOWN_DEPTH 64

/* Cells in one table: a Markdown table, or a CSV file (rows times
 * columns). Every cell costs a tree node, an HTML element and search
 * index entries; two million cells took a gigabyte to check. */
#define LIMIT_TABLE_CELLS 100000

#endif
