#ifndef POLICYSITE_UPTODATE_H
#define POLICYSITE_UPTODATE_H

#include <stddef.h>
#include <stdint.h>

#include "fsio.h"
#include "strbuf.h"

/*
 * A build with nothing to do is skipped. After each successful build, a
 * stamp per output folder (<stamp dir>/build-<hash of its path>) records
 * a hash of everything the build read: the program itself and its shared
 * libraries, the options that shape the output, and every file under the
 * content, templates and assets folders; a hash of the output it left (the
 * output's own stamp, which names each file as it was left, see site.h);
 * and the warnings and summary it printed. A later build that finds both
 * unchanged prints those again and writes nothing.
 */

/* The stamp file `<stamp_dir>/<kind>-<tag>` of output folder `out`, the
 * tag a hash of its absolute path, which goes to `abs_out` when not NULL
 * (the folder's own name if it has none yet). */
void uptodate_stamp_path(const char *stamp_dir, const char *kind, const char *out,
			 struct strbuf *path, struct strbuf *abs_out);

/* The hash of a build's inputs: `settings` (the options, as text), the
 * program with the shared libraries it has loaded, and the files at
 * `paths`, each a file or a folder whose files are all read;
 * `shared`, the same without the documents, the *.md files right in
 * folder `docs_dir` (named as `paths` and the folders below them are:
 * "<path>/<name>"): what any page may be made of (see pagekey.h). The
 * documents' bytes go to `docs` when not NULL, by those names, in name
 * order, read on `jobs` threads. Returns -1 if one cannot be read: such a
 * build is never skipped. */
int uptodate_inputs(const char *settings, const char *const *paths, size_t npaths,
		    const char *docs_dir, uint64_t *hash, uint64_t *shared, struct fsio_files *docs,
		    int jobs);

/* 1 if the last build of `out` was from `inputs`: then the hash of the
 * output it left goes to `*output`, its warnings are appended to `diags`
 * and its summary ("6 documents, 114 pages, …") to `summary`; else 0. */
int uptodate_check(const char *stamp_dir, const char *out, uint64_t inputs, uint64_t *output,
		   struct strbuf *diags, struct strbuf *summary);

/* Record a successful build of `out` from `inputs`, which left the output
 * whose hash is `output` and printed `diags` and `summary`. A stamp that
 * cannot be written is removed. */
void uptodate_record(const char *stamp_dir, const char *out, uint64_t inputs, uint64_t output,
		     const char *diags, const char *summary);

#endif
