#include "compress.h"

#include <brotli/encode.h>
#include <limits.h>
#include <string.h>
#include <zlib.h>

/* Quality 8 is a few percent larger than 11 and thirty times faster; from
 * 9 on, the encoder switches to hash tables that cost more to set up than a
 * web page takes to compress. */
#define BROTLI_QUALITY 8

int compress_wanted(const char *path, size_t len)
{
	static const char *const text_extensions[] = {
		".html", ".css", ".js", ".json", ".xml", ".svg", ".csv", ".ics", ".txt", NULL,
	};
	const char *dot = strrchr(path, '.');

	if (len < COMPRESS_MIN_SIZE || !dot || strchr(dot, '/'))
		return 0;
	for (const char *const *e = text_extensions; *e; e++)
		if (!strcmp(dot, *e))
			return 1;
	return 0;
}

int compress_gzip(const void *data, size_t len, int level, struct strbuf *out)
{
	z_stream z;
	int status;

	if (len > UINT_MAX)
		return -1;
	memset(&z, 0, sizeof(z));
	/* 15 + 16: a 32 KB window with a gzip wrapper instead of zlib's. */
	if (deflateInit2(&z, level, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK)
		return -1;
	size_t bound = deflateBound(&z, (uLong)len);
	strbuf_grow(out, bound);
	z.next_in = (Bytef *)data;
	z.avail_in = (uInt)len;
	z.next_out = (Bytef *)out->buf + out->len;
	z.avail_out = (uInt)bound;
	status = deflate(&z, Z_FINISH);
	if (status == Z_STREAM_END)
		strbuf_setlen(out, out->len + z.total_out);
	deflateEnd(&z);
	return status == Z_STREAM_END ? 0 : -1;
}

void compress_describe(struct strbuf *out)
{
	uint32_t v = BrotliEncoderVersion();

	strbuf_addf(out, "zlib %s level %d\nbrotli %u.%u.%u quality %d\n", zlibVersion(),
		    COMPRESS_GZIP_COPIES, v >> 24, (v >> 12) & 0xfff, v & 0xfff, BROTLI_QUALITY);
}

int compress_brotli(const void *data, size_t len, struct strbuf *out)
{
	size_t size = BrotliEncoderMaxCompressedSize(len);
	int window = 16;

	if (!size)
		return -1;
	/* A window just large enough for the file: as good, and far less memory. */
	while (window < BROTLI_MAX_WINDOW_BITS && ((size_t)1 << window) < len)
		window++;
	strbuf_grow(out, size);
	if (!BrotliEncoderCompress(BROTLI_QUALITY, window, BROTLI_MODE_TEXT, len,
				   data, &size, (uint8_t *)out->buf + out->len))
		return -1;
	strbuf_setlen(out, out->len + size);
	return 0;
}
