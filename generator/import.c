#include "import.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "fsio.h"
#include "importdoc.h"
#include "importfront.h"
#include "importpage.h"
#include "importstruct.h"
#include "importtable.h"
#include "importtext.h"
#include "importwrite.h"
#include "slug.h"

int import_convert(const char *data, size_t len, const char *name, const char *region,
		   struct strbuf *out, struct strbuf *removed, const char **note,
		   struct diag_list *diags)
{
	struct arena arena = ARENA_INIT;
	struct strbuf text = STRBUF_INIT;
	struct import_doc doc;

	if (importtext_decode(data, len, name, &text, note, diags) < 0) {
		strbuf_release(&text);
		return -1;
	}
	memset(&doc, 0, sizeof(doc));
	doc.a = &arena;
	doc.name = name;
	doc.diags = diags;
	importtext_split(&doc, text.buf, text.len);
	importpage_remove(&doc);
	importfront_read(&doc);
	importtable_find(&doc);
	importstruct_paragraphs(&doc);
	importdoc_sort_blocks(&doc);
	importstruct_outline(&doc);
	importfront_complete(&doc, region);
	importwrite_document(&doc, out);
	if (removed)
		importwrite_removed(&doc, removed);
	arena_release(&arena);
	strbuf_release(&text);
	return 0;
}

/* Read the input: a regular file of at most IMPORTTEXT_MAX_BYTES, checked
 * before reading, so a device or a FIFO is refused rather than waited on. */
static int read_input(const char *path, struct strbuf *out, struct diag_list *diags)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return diag_error(diags, path, 0, 0, "cannot open the file: %s", strerror(errno));
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return diag_error(diags, path, 0, 0, "not a regular file: give a text file");
	}
	if ((unsigned long long)st.st_size > IMPORTTEXT_MAX_BYTES) {
		close(fd);
		return diag_error(diags, path, 0, 0,
				  "the file has %lld bytes, more than the %u the importer reads",
				  (long long)st.st_size, IMPORTTEXT_MAX_BYTES);
	}
	strbuf_reset(out);
	for (;;) {
		strbuf_grow(out, 65536);
		n = read(fd, out->buf + out->len, out->alloc - out->len - 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		strbuf_setlen(out, out->len + (size_t)n);
		if (out->len > IMPORTTEXT_MAX_BYTES) {
			close(fd);
			return diag_error(diags, path, 0, 0,
					  "the file grew past the %u bytes the importer reads",
					  IMPORTTEXT_MAX_BYTES);
		}
	}
	close(fd);
	if (n < 0)
		return diag_error(diags, path, 0, 0, "cannot read the file: %s", strerror(errno));
	return 0;
}

/* The output file and its slug, from -o and --slug. */
static int output_path(const struct import_request *req, struct strbuf *path,
		       struct diag_list *diags)
{
	const char *out = req->output, *base, *slug = req->slug;
	size_t n;

	strbuf_reset(path);
	if (slug && !slug_is_valid(slug))
		return diag_error(diags, "--slug", 0, 0,
				  "\"%s\" is not a slug: use lower-case letters, digits and "
				  "hyphens", slug);
	if (!out)
		return 0;
	n = strlen(out);
	if ((n && out[n - 1] == '/') || fsio_is_dir(out)) {
		if (!slug)
			return diag_error(diags, "-o", 0, 0,
					  "\"%s\" is a folder: give --slug to name the document", out);
		strbuf_addf(path, "%s%s%s.md", out, out[n - 1] == '/' ? "" : "/", slug);
		return 0;
	}
	base = strrchr(out, '/');
	base = base ? base + 1 : out;
	n = strlen(base);
	if (n <= 3 || strcmp(base + n - 3, ".md"))
		return diag_error(diags, "-o", 0, 0,
				  "\"%s\" does not end in .md: the content folder reads only "
				  "<slug>.md files", out);
	struct strbuf stem = STRBUF_INIT;
	strbuf_add(&stem, base, n - 3);
	int ret = 0;
	if (!slug_is_valid(stem.buf))
		ret = diag_error(diags, "-o", 0, 0,
				 "\"%s\" is not a slug, and the file name is the document's "
				 "URL: use lower-case letters, digits and hyphens", stem.buf);
	else if (slug && strcmp(slug, stem.buf))
		ret = diag_error(diags, "--slug", 0, 0,
				 "--slug %s differs from the file name of -o (%s)", slug, stem.buf);
	strbuf_release(&stem);
	strbuf_adds(path, out);
	return ret;
}

static int same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
}

static int write_to(const char *path, const struct strbuf *sb, struct diag_list *diags)
{
	if (fsio_write_file(path, sb->buf, sb->len) < 0)
		return diag_error(diags, path, 0, 0, "cannot write the file: %s", strerror(errno));
	return 0;
}

int import_run(const struct import_request *req, FILE *out, const char **note,
	       struct diag_list *diags)
{
	struct strbuf input = STRBUF_INIT, doc = STRBUF_INIT, removed = STRBUF_INIT;
	struct strbuf path = STRBUF_INIT;
	int ret = output_path(req, &path, diags);

	*note = NULL;
	if (!ret && path.len && same_file(path.buf, req->input))
		ret = diag_error(diags, "-o", 0, 0, "the output would overwrite the input");
	if (!ret)
		ret = read_input(req->input, &input, diags);
	if (!ret)
		ret = import_convert(input.buf, input.len, req->input, req->region, &doc,
				     req->removed ? &removed : NULL, note, diags);
	if (!ret && !diags->errors) {
		if (path.len)
			ret = write_to(path.buf, &doc, diags);
		else if (fwrite(doc.buf, 1, doc.len, out) != doc.len || fflush(out))
			ret = diag_error(diags, "-", 0, 0, "cannot write the document: %s",
					 strerror(errno));
		if (!ret && req->removed)
			ret = write_to(req->removed, &removed, diags);
	}
	strbuf_release(&input);
	strbuf_release(&doc);
	strbuf_release(&removed);
	strbuf_release(&path);
	return ret;
}
