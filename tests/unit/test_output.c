/* Unit tests of the output helpers: numbers into a strbuf, comparing a
 * file with bytes, hard-linking it and replacing a link (the reuse of a
 * previous output), and the compressed copies. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "compress.h"
#include "fsio.h"
#include "harness.h"
#include "strbuf.h"

static void addu_case(unsigned long long n, const char *want)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_adds(&sb, "[");
	strbuf_addu(&sb, n);
	strbuf_adds(&sb, "]");
	STR_EQ(sb.buf, want, "strbuf_addu");
	strbuf_release(&sb);
}

/* `data` gzip-unpacked into `out`; 0 on success. */
static int gunzip(const struct strbuf *data, struct strbuf *out)
{
	z_stream z;
	char chunk[4096];
	int status;

	memset(&z, 0, sizeof(z));
	if (inflateInit2(&z, 15 + 16) != Z_OK)
		return -1;
	z.next_in = (Bytef *)data->buf;
	z.avail_in = (uInt)data->len;
	do {
		z.next_out = (Bytef *)chunk;
		z.avail_out = sizeof(chunk);
		status = inflate(&z, Z_NO_FLUSH);
		strbuf_add(out, chunk, sizeof(chunk) - z.avail_out);
	} while (status == Z_OK);
	inflateEnd(&z);
	return status == Z_STREAM_END ? 0 : -1;
}

void test_output(void)
{
	char dir[] = "/tmp/policysite-unit-XXXXXX";
	struct strbuf path = STRBUF_INIT, other = STRBUF_INIT, packed = STRBUF_INIT;
	struct strbuf plain = STRBUF_INIT, text = STRBUF_INIT;
	struct stat a, b;

	addu_case(0, "[0]");
	addu_case(9, "[9]");
	addu_case(10, "[10]");
	addu_case(1234567890123ull, "[1234567890123]");
	addu_case(ULLONG_MAX, "[18446744073709551615]");

	if (!mkdtemp(dir)) {
		OK(0, "output: a scratch folder");
		return;
	}
	strbuf_addf(&path, "%s/page.html", dir);
	OK(fsio_write_file(path.buf, "梅州市", 9) == 0, "fsio_write_file");
	OK(fsio_same_content(path.buf, "梅州市", 9), "fsio_same_content: the same bytes");
	OK(!fsio_same_content(path.buf, "梅州县", 9), "fsio_same_content: other bytes, same size");
	OK(!fsio_same_content(path.buf, "梅州", 6), "fsio_same_content: a prefix");
	OK(!fsio_same_content(path.buf, "梅州市市", 12), "fsio_same_content: longer");
	strbuf_addf(&other, "%s/missing", dir);
	OK(!fsio_same_content(other.buf, "", 0), "fsio_same_content: no file");
	strbuf_reset(&other);
	strbuf_addf(&other, "%s/link", dir);
	OK(symlink(path.buf, other.buf) == 0 && !fsio_same_content(other.buf, "梅州市", 9),
	   "fsio_same_content: a symbolic link is not followed");
	strbuf_reset(&other);
	strbuf_addf(&other, "%s/empty", dir);
	OK(fsio_write_file(other.buf, "", 0) == 0 && fsio_same_content(other.buf, "", 0),
	   "fsio_same_content: an empty file and no bytes");

	strbuf_reset(&other);
	strbuf_addf(&other, "%s/new/folders/page.html", dir);
	OK(fsio_link(path.buf, other.buf) == 0 && stat(path.buf, &a) == 0 &&
	   stat(other.buf, &b) == 0 && a.st_ino == b.st_ino,
	   "fsio_link: a hard link, its folders made");
	strbuf_reset(&other);
	strbuf_addf(&other, "%s/more/page.html", dir);
	strbuf_reset(&plain);
	strbuf_addf(&plain, "%s/missing", dir);
	OK(fsio_link(plain.buf, other.buf) < 0 && access(other.buf, F_OK) < 0,
	   "fsio_link: no source, no link");

	/* A new file in place of a hard link: the other name keeps its bytes. */
	strbuf_reset(&other);
	strbuf_addf(&other, "%s/new/folders/page.html", dir);
	OK(fsio_write_new(other.buf, "新内容", 9) == 0 && fsio_same_content(other.buf, "新内容", 9) &&
	   fsio_same_content(path.buf, "梅州市", 9),
	   "fsio_write_new: replaces a hard link, never writes into it");
	strbuf_reset(&other);
	strbuf_addf(&other, "%s/a/b/c.txt", dir);
	OK(fsio_write_new(other.buf, "x", 1) == 0 && fsio_same_content(other.buf, "x", 1),
	   "fsio_write_new: makes its folders");

	strbuf_reset(&plain);
	for (int i = 0; i < 200; i++)
		strbuf_addf(&plain, "第%d条：各县（市、区）人民政府负责落实。\n", i);
	OK(compress_gzip(plain.buf, plain.len, COMPRESS_GZIP_COPIES, &packed) == 0 &&
	   packed.len < plain.len, "compress_gzip: smaller");
	OK(gunzip(&packed, &text) == 0 && text.len == plain.len &&
	   !memcmp(text.buf, plain.buf, plain.len), "compress_gzip: unpacks to the same bytes");
	OK(packed.len > 10 && packed.buf[4] == 0 && packed.buf[5] == 0 && packed.buf[6] == 0 &&
	   packed.buf[7] == 0, "compress_gzip: no time in the header");
	strbuf_reset(&text);
	compress_describe(&text);
	OK(strstr(text.buf, "libdeflate ") && strstr(text.buf, "level 6") && strstr(text.buf, "quality 5"),
	   "compress_describe names the settings");

	OK(fsio_remove_tree(dir) == 0, "output: the scratch folder removed");
	strbuf_release(&path);
	strbuf_release(&other);
	strbuf_release(&packed);
	strbuf_release(&plain);
	strbuf_release(&text);
}
