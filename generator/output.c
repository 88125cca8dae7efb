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

/* `path`.gz and `path`.br beside a text file. */
static int write_compressed(struct output *o, struct strbuf *path, const void *data,
			    size_t len)
{
	struct strbuf packed = STRBUF_INIT;
	size_t plain = path->len;
	int ret = 0;

	if (compress_gzip(data, len, &packed) < 0) {
		ret = diag_error(o->diags, path->buf, 0, 0, "cannot compress with zlib");
	} else {
		strbuf_adds(path, ".gz");
		ret = write_file(o, path->buf, packed.buf, packed.len);
	}
	strbuf_setlen(path, plain);
	strbuf_reset(&packed);
	if (!ret && compress_brotli(data, len, &packed) < 0) {
		ret = diag_error(o->diags, path->buf, 0, 0, "cannot compress with Brotli");
	} else if (!ret) {
		strbuf_adds(path, ".br");
		ret = write_file(o, path->buf, packed.buf, packed.len);
	}
	strbuf_release(&packed);
	return ret;
}

int output_write(struct output *o, const char *relpath, const void *data, size_t len)
{
	struct strbuf path = STRBUF_INIT;
	int ret;

	strbuf_addf(&path, "%s/%s", o->dir, relpath);
	ret = write_file(o, path.buf, data, len);
	if (!ret)
		progress_file(len, path.len > 5 && !strcmp(path.buf + path.len - 5, ".html"));
	if (!ret && o->compress && compress_wanted(relpath, len))
		ret = write_compressed(o, &path, data, len);
	strbuf_release(&path);
	return ret;
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
