#include "output.h"

#include <errno.h>
#include <string.h>

#include "fsio.h"
#include "strbuf.h"

int output_write(struct output *o, const char *relpath, const void *data, size_t len)
{
	struct strbuf path = STRBUF_INIT;
	int ret = 0;

	strbuf_addf(&path, "%s/%s", o->dir, relpath);
	if (fsio_write_file(path.buf, data, len) < 0)
		ret = diag_error(o->diags, path.buf, 0, 0, "cannot write: %s", strerror(errno));
	strbuf_release(&path);
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
