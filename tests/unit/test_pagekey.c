/* Unit tests of the record of an output's files (pagekey.h): its text
 * names every file that is there with its key and facts and every folder
 * that holds them, a path noted twice keeps its keyed entry, lines that do
 * not parse are left out, a folder with a file added or removed is no
 * longer the recorded one, and a file copied elsewhere (new inode and
 * time) is known by its size and bytes' hash. Writes a small folder to
 * /tmp. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fsio.h"
#include "hash.h"
#include "harness.h"
#include "pagekey.h"
#include "strbuf.h"

static void put(const char *dir, const char *rel, const char *text)
{
	struct strbuf path = STRBUF_INIT;

	strbuf_addf(&path, "%s/%s", dir, rel);
	OK(fsio_write_new(path.buf, text, strlen(text)) == 0, rel);
	strbuf_release(&path);
}

static void parse_case(const char *line, const char *want_path, unsigned long long want_key)
{
	struct pagekey_record r;

	pagekey_record_init(&r);
	pagekey_record_parse(&r, line);
	if (!want_path) {
		INT_EQ(r.count, 0, "a line that does not parse is left out");
	} else {
		INT_EQ(r.count, 1, "a line that parses");
		if (r.count) {
			STR_EQ(r.items[0].path, want_path, "its path");
			INT_EQ(r.items[0].key, want_key, "its key");
		}
	}
	pagekey_record_release(&r);
}

void test_pagekey(void)
{
	char dir[] = "/tmp/policysite-pagekey-XXXXXX";
	struct pagekey_record r, back;
	struct strbuf text = STRBUF_INIT, path = STRBUF_INIT;
	const struct pagekey_entry *e;

	if (!mkdtemp(dir)) {
		OK(0, "a scratch folder");
		return;
	}
	put(dir, "index.html", "<p>home</p>");
	put(dir, "a/x.html", "<p>x</p>");
	put(dir, "a/b/y.html", "<p>y</p>");

	pagekey_record_init(&r);
	pagekey_record_add(&r, "a/x.html", 0x5, 0);
	/* written after its key missed, with its bytes' hash */
	pagekey_record_add(&r, "a/x.html", 0, hash_content(HASH_FNV64_INIT, "<p>x</p>", 8));
	pagekey_record_add(&r, "index.html", 0, 0x1234);
	pagekey_record_add(&r, "a/b/y.html", 0x7, 0);
	pagekey_record_add(&r, "gone.html", 0x3, 0);	/* not there: left out */
	pagekey_record_text(&r, dir, &text);
	OK(strstr(text.buf, " a/x.html\n") && strstr(text.buf, " ./\n") &&
		   strstr(text.buf, " a/\n") && strstr(text.buf, " a/b/\n") &&
		   !strstr(text.buf, "gone.html"),
	   "the text names the files that are there and their folders");

	pagekey_record_init(&back);
	pagekey_record_parse(&back, text.buf);
	INT_EQ(back.count, 6, "three files and three folders");
	e = pagekey_record_find(&back, "a/x.html");
	OK(e && e->key == 0x5, "a path noted twice keeps its keyed entry");
	OK(e && e->hash == hash_content(HASH_FNV64_INIT, "<p>x</p>", 8),
	   "with the hash the other entry knew");
	strbuf_addf(&path, "%s/a/x.html", dir);
	OK(e && pagekey_file_same(e, path.buf), "the file is the one recorded");
	OK(pagekey_folders_same(&back, dir), "the folders are the ones recorded");
	e = pagekey_record_find(&back, "index.html");
	OK(e && e->key == 0 && e->hash == 0x1234, "an unkeyed file is noted with key 0, and its hash");

	/* Copied: a new inode and time, the same bytes. */
	e = pagekey_record_find(&back, "a/x.html");
	{
		struct strbuf moved = STRBUF_INIT;
		struct pagekey_entry now;
		strbuf_addf(&moved, "%s/a/x-copy.html", dir);
		put(dir, "a/x-copy.html", "<p>x</p>");
		OK(e && !pagekey_file_same(e, moved.buf), "a copy is not the file by its facts");
		OK(e && pagekey_file_check(e, moved.buf, 1, &now) && now.key == 0x5 &&
			   now.hash == e->hash && now.inode != e->inode,
		   "but is by its bytes, and its entry has the copy's inode");
		put(dir, "a/x-copy.html", "<p>y</p>");
		OK(e && !pagekey_file_check(e, moved.buf, 1, &now),
		   "a copy of the same size with other bytes is not the file");
		remove(moved.buf);
		strbuf_release(&moved);
	}
	e = pagekey_record_find(&back, "a/b/y.html");
	strbuf_reset(&path);
	strbuf_addf(&path, "%s/a/b/y.html", dir);
	OK(e && !pagekey_file_check(e, path.buf, 1, NULL),
	   "a file whose hash is not known is not known by its bytes");
	strbuf_reset(&path);
	strbuf_addf(&path, "%s/a/x.html", dir);

	/* A changed file (longer: its inode may be the old one's), then a file
	 * added to a folder. */
	put(dir, "a/x.html", "<p>x, changed</p>");
	e = pagekey_record_find(&back, "a/x.html");
	OK(e && !pagekey_file_same(e, path.buf), "a file written anew is not the one recorded");
	put(dir, "a/b/CNAME", "example.org\n");
	OK(!pagekey_folders_same(&back, dir), "a folder with a file added is not the one recorded");

	parse_case("0000000000000001 1 2 3 4 00000000000000aa a b.html", "a b.html", 1);
	parse_case("00000000000000ff 18446744073709551615 2 3 4 ffffffffffffffff p", "p", 0xff);
	parse_case("0000000000000001 18446744073709551616 2 3 4 0 p", NULL, 0);
	parse_case("zz 1 2 3 4 0 p", NULL, 0);
	parse_case("0000000000000001 1 2 3 4 0 ", NULL, 0);
	parse_case("0000000000000001 1 2 3 4 0", NULL, 0);
	parse_case("0000000000000001 1 2 3 4 p", NULL, 0);	/* no hash: a record of before */
	parse_case("0000000000000001  1 2 3 4 0 p", NULL, 0);
	parse_case("", NULL, 0);

	pagekey_record_release(&r);
	pagekey_record_release(&back);
	strbuf_release(&text);
	strbuf_release(&path);
	strbuf_reset(&path);
	strbuf_adds(&path, dir);
	fsio_remove_tree(path.buf);
	strbuf_release(&path);
}
