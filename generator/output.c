#include "output.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "compress.h"
#include "fsio.h"
#include "progress.h"
#include "strbuf.h"

static int write_file(struct output *o, const char *path, const void *data, size_t len)
{
	if (fsio_write_file(path, data, len) < 0)
		return diag_error(o->diags, path, 0, 0, "cannot write: %s", strerror(errno));
	return 0;
}

/* `path``ext` (".gz" or ".br") beside a text file: a link to the previous
 * site's copy when `old` is that file, else compressed now. */
static int write_compressed(struct output *o, const char *path, const char *old,
			    const char *ext, const void *data, size_t len)
{
	struct strbuf packed = STRBUF_INIT, to = STRBUF_INIT, from = STRBUF_INIT;
	int gzip = !strcmp(ext, ".gz"), ret = 0;

	strbuf_addf(&to, "%s%s", path, ext);
	if (old)
		strbuf_addf(&from, "%s%s", old, ext);
	if (old && fsio_link(from.buf, to.buf) == 0)
		;
	else if ((gzip ? compress_gzip(data, len, COMPRESS_GZIP_BEST, &packed)
		       : compress_brotli(data, len, &packed)) < 0)
		ret = diag_error(o->diags, path, 0, 0, "cannot compress with %s",
				 gzip ? "zlib" : "Brotli");
	else
		ret = write_file(o, to.buf, packed.buf, packed.len);
	strbuf_release(&packed);
	strbuf_release(&to);
	strbuf_release(&from);
	return ret;
}

int output_write_from(struct output *o, const char *relpath, const void *data, size_t len,
		      const char *prev_relpath)
{
	struct strbuf path = STRBUF_INIT, old = STRBUF_INIT;
	int ret = 0, reused = 0;

	strbuf_addf(&path, "%s/%s", o->dir, relpath);
	if (o->prev) {
		strbuf_addf(&old, "%s/%s", o->prev, prev_relpath);
		reused = fsio_same_content(old.buf, data, len) && fsio_link(old.buf, path.buf) == 0;
	}
	if (!reused)
		ret = write_file(o, path.buf, data, len);
	if (!ret)
		progress_file(len, path.len > 5 && !strcmp(path.buf + path.len - 5, ".html"));
	if (!ret && o->compress && compress_wanted(relpath, len)) {
		const char *from = reused && o->prev_copies ? old.buf : NULL;
		ret = write_compressed(o, path.buf, from, ".gz", data, len);
		if (!ret)
			ret = write_compressed(o, path.buf, from, ".br", data, len);
	}
	strbuf_release(&path);
	strbuf_release(&old);
	return ret;
}

int output_write(struct output *o, const char *relpath, const void *data, size_t len)
{
	return output_write_from(o, relpath, data, len, relpath);
}

long long output_size(const struct output *o, const char *relpath)
{
	struct strbuf path = STRBUF_INIT;
	struct stat st;
	long long size;

	strbuf_addf(&path, "%s/%s", o->dir, relpath);
	size = stat(path.buf, &st) == 0 ? (long long)st.st_size : -1;
	strbuf_release(&path);
	return size;
}

int output_rename(struct output *o, const char *from, const char *to)
{
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	int ret = 0;

	strbuf_addf(&a, "%s/%s", o->dir, from);
	strbuf_addf(&b, "%s/%s", o->dir, to);
	if (rename(a.buf, b.buf) < 0)
		ret = diag_error(o->diags, b.buf, 0, 0, "cannot rename %s: %s", a.buf,
				 strerror(errno));
	strbuf_release(&a);
	strbuf_release(&b);
	return ret;
}

int output_page(struct output *o, const char *relpath, xmlDocPtr page)
{
	struct strbuf html = STRBUF_INIT;
	int ret;

	html_serialise(page, &html);
	xmlFreeDoc(page);
	ret = output_write(o, relpath, html.buf, html.len);
	strbuf_release(&html);
	return ret;
}

int output_xml(struct output *o, const char *relpath, xmlDocPtr doc)
{
	xmlChar *mem = NULL;
	int size = 0, ret;

	xmlDocDumpFormatMemoryEnc(doc, &mem, &size, "UTF-8", 1);
	xmlFreeDoc(doc);
	ret = output_write(o, relpath, mem, (size_t)size);
	xmlFree(mem);
	return ret;
}
