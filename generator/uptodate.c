#define _GNU_SOURCE	/* realpath, dl_iterate_phdr */
#include "uptodate.h"

#include <fcntl.h>
#include <inttypes.h>
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fsio.h"
#include "hash.h"

#define STAMP_HEADER "policysite build stamp 1\n"

static uint64_t hash_text(uint64_t h, const char *s)
{
	return hash_fnv1a64(h, s, strlen(s) + 1);
}

/* What a walk over files adds up. */
struct tree_hash {
	uint64_t all;
	uint64_t shared;	/* all but the documents */
	const char *docs_dir;	/* where the documents are, or NULL */
	int with_bytes;		/* inputs, not an output (see hash_tree) */
};

static void add_text(struct tree_hash *t, const char *s, int document)
{
	t->all = hash_text(t->all, s);
	if (!document)
		t->shared = hash_text(t->shared, s);
}

/* A document: a *.md file right in the documents' folder. */
static int is_document(const struct tree_hash *t, const char *dir, const char *name)
{
	size_t len = strlen(name);

	return t->docs_dir && !strcmp(dir, t->docs_dir) && len > 3 && !strcmp(name + len - 3, ".md");
}

/* Every file under `name` in the folder open as `at` (`path` from the
 * working folder, `rel` below the root), in name order; for inputs
 * (`with_bytes`) their bytes count, while the files of an output count by
 * their size, inode and time of last change. The shared hash leaves out a
 * `document`. Files are stat'ed by name in their open folder, not by a path
 * looked up from the root: the walk over a large output took twice as long.
 * Returns -1 if one cannot be read. */
static int hash_tree(struct tree_hash *t, int at, const char *name, const char *path,
		     const char *rel, int document)
{
	struct stat st;
	int ret = 0;

	if (fstatat(at, name, &st, AT_SYMLINK_NOFOLLOW) < 0)
		return -1;
	/* An input's link is followed to a file, whose bytes count; a link
	 * to a folder (which may loop) leaves the inputs unknown. */
	if (t->with_bytes && S_ISLNK(st.st_mode) &&
	    (fstatat(at, name, &st, 0) < 0 || S_ISDIR(st.st_mode)))
		return -1;
	add_text(t, rel, document);
	if (S_ISDIR(st.st_mode)) {
		char **names = NULL;
		int fd = openat(at, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		int n = fd < 0 ? -1 : fsio_list_fd(fd, &names);
		struct strbuf sub = STRBUF_INIT, subrel = STRBUF_INIT;
		if (n < 0) {
			if (fd >= 0)
				close(fd);
			return -1;
		}
		add_text(t, "d", 0);
		for (int i = 0; i < n; i++) {
			strbuf_reset(&sub);
			strbuf_reset(&subrel);
			strbuf_addf(&sub, "%s/%s", path, names[i]);
			strbuf_addf(&subrel, "%s/%s", rel, names[i]);
			if (!ret && hash_tree(t, fd, names[i], sub.buf, subrel.buf,
					      is_document(t, path, names[i])) < 0)
				ret = -1;
			free(names[i]);
		}
		free(names);
		close(fd);
		strbuf_release(&sub);
		strbuf_release(&subrel);
		return ret;
	}
	if (!t->with_bytes) {
		uint64_t facts[] = { (uint64_t)st.st_mode, (uint64_t)st.st_size, (uint64_t)st.st_ino,
				     (uint64_t)st.st_mtim.tv_sec, (uint64_t)st.st_mtim.tv_nsec };
		t->all = hash_fnv1a64(t->all, facts, sizeof(facts));
		return 0;
	}
	if (!S_ISREG(st.st_mode))
		return -1;
	struct strbuf data = STRBUF_INIT;
	ret = fsio_read_file(path, &data);
	if (!ret) {
		t->all = hash_content(t->all, data.buf, data.len);
		if (!document)
			t->shared = hash_content(t->shared, data.buf, data.len);
	}
	strbuf_release(&data);
	return ret;
}

struct program_files {
	struct tree_hash *t;
	int failed;
};

/* A library counts by its name and the file it is now (followed from a
 * link): an upgrade replaces the file. Its bytes are tens of megabytes. */
static int hash_library(struct dl_phdr_info *info, size_t size, void *arg)
{
	struct program_files *p = arg;
	struct stat st;

	(void)size;
	if (p->failed || !info->dlpi_name || info->dlpi_name[0] != '/')
		return 0;
	if (stat(info->dlpi_name, &st) < 0) {
		p->failed = 1;
		return 0;
	}
	uint64_t facts[] = { (uint64_t)st.st_size, (uint64_t)st.st_ino,
			     (uint64_t)st.st_mtim.tv_sec, (uint64_t)st.st_mtim.tv_nsec };
	add_text(p->t, info->dlpi_name, 0);
	p->t->all = hash_fnv1a64(p->t->all, facts, sizeof(facts));
	p->t->shared = hash_fnv1a64(p->t->shared, facts, sizeof(facts));
	return 0;
}

/* The program and every shared library it runs with: an upgraded libxml2
 * may write pages differently. */
static int hash_program(struct tree_hash *t)
{
	struct program_files p = { t, 0 };

	if (hash_tree(t, AT_FDCWD, "/proc/self/exe", "/proc/self/exe", "", 0) < 0)
		return -1;
	dl_iterate_phdr(hash_library, &p);
	return p.failed ? -1 : 0;
}

int uptodate_inputs(const char *settings, const char *const *paths, size_t npaths,
		    const char *docs_dir, uint64_t *hash, uint64_t *shared)
{
	struct tree_hash t = { HASH_FNV64_INIT, HASH_FNV64_INIT, docs_dir, 1 };

	add_text(&t, settings, 0);
	if (hash_program(&t) < 0)
		return -1;
	for (size_t i = 0; i < npaths; i++)
		if (hash_tree(&t, AT_FDCWD, paths[i], paths[i], "", 0) < 0)
			return -1;
	*hash = t.all;
	*shared = t.shared;
	return 0;
}

void uptodate_stamp_path(const char *stamp_dir, const char *kind, const char *out,
			 struct strbuf *path, struct strbuf *abs_out)
{
	char *abs = realpath(out, NULL);
	const char *name = abs ? abs : out;
	char tag[HASH_TAG_LEN + 1];

	hash_tag(hash_fnv1a64(HASH_FNV64_INIT, name, strlen(name)), tag);
	strbuf_addf(path, "%s/%s-%s", stamp_dir, kind, tag);
	if (abs_out)
		strbuf_adds(abs_out, name);
	free(abs);
}

/* The stamp's first lines: the inputs, and `out` as it is now; -1 if
 * the folder cannot be listed. */
static int stamp_head(const char *out, uint64_t inputs, struct strbuf *text)
{
	struct tree_hash tree = { HASH_FNV64_INIT, HASH_FNV64_INIT, NULL, 0 };

	if (hash_tree(&tree, AT_FDCWD, out, out, "", 0) < 0)
		return -1;
	strbuf_addf(text, STAMP_HEADER "inputs %016" PRIx64 "\noutput %016" PRIx64 "\nsummary ",
		    inputs, tree.all);
	return 0;
}

/* Whether `have` starts with `want`, and goes on. */
static int opens_with(const struct strbuf *have, const struct strbuf *want)
{
	return have->len > want->len && !memcmp(have->buf, want->buf, want->len);
}

int uptodate_check(const char *stamp_dir, const char *out, uint64_t inputs,
		   struct strbuf *diags, struct strbuf *summary)
{
	struct strbuf path = STRBUF_INIT, have = STRBUF_INIT, want = STRBUF_INIT;
	int same = 0;

	uptodate_stamp_path(stamp_dir, "build", out, &path, NULL);
	/* The inputs first: the walk over the output is the slow part. */
	strbuf_addf(&want, STAMP_HEADER "inputs %016" PRIx64 "\n", inputs);
	if (fsio_is_dir(out) && fsio_read_file(path.buf, &have) == 0 && opens_with(&have, &want)) {
		strbuf_reset(&want);
		same = stamp_head(out, inputs, &want) == 0 && opens_with(&have, &want);
	}
	if (same) {
		const char *line = have.buf + want.len, *eol = strchr(line, '\n');
		same = eol != NULL;
		if (same) {
			strbuf_add(summary, line, (size_t)(eol - line));
			strbuf_adds(diags, eol + 1);
		}
	}
	strbuf_release(&path);
	strbuf_release(&have);
	strbuf_release(&want);
	return same;
}

void uptodate_record(const char *stamp_dir, const char *out, uint64_t inputs,
		     const char *diags, const char *summary)
{
	struct strbuf path = STRBUF_INIT, text = STRBUF_INIT;

	uptodate_stamp_path(stamp_dir, "build", out, &path, NULL);
	if (strchr(summary, '\n') || stamp_head(out, inputs, &text) < 0) {
		remove(path.buf);
	} else {
		strbuf_addf(&text, "%s\n%s", summary, diags);
		if (fsio_write_file(path.buf, text.buf, text.len) < 0)
			remove(path.buf);
	}
	strbuf_release(&path);
	strbuf_release(&text);
}
