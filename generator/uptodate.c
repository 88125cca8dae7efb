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
#include "pool.h"
#include "xalloc.h"

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
	struct fsio_files *docs;	/* their bytes, kept, or NULL */
	int jobs;		/* threads reading them */
};

/* The documents of a folder, read on the pool before they are hashed in
 * order: reading 10,000 took a fifth of a second on one thread. */
struct prefetch {
	const char *dir;
	char **names;
	struct strbuf *bytes;
	int *read;		/* 1 if read, -1 if not a document */
};

static int prefetch_one(void *ctx, size_t i)
{
	struct prefetch *p = ctx;
	struct strbuf path = STRBUF_INIT;

	if (p->read[i] < 0)
		return 0;
	strbuf_addf(&path, "%s/%s", p->dir, p->names[i]);
	p->read[i] = fsio_read_file(path.buf, &p->bytes[i]) == 0;
	strbuf_release(&path);
	return 0;
}

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
 * working folder, `rel` below the root), in name order: their names and
 * bytes, or `bytes`' when the file was read already. The shared hash
 * leaves out a `document`. Files are stat'ed by name in their open folder,
 * not by a path looked up from the root. Returns -1 if one cannot be read. */
static int hash_tree(struct tree_hash *t, int at, const char *name, const char *path,
		     const char *rel, int document, struct strbuf *bytes)
{
	struct stat st;
	int ret = 0;

	if (fstatat(at, name, &st, AT_SYMLINK_NOFOLLOW) < 0)
		return -1;
	/* A link is followed to a file, whose bytes count; a link to a
	 * folder (which may loop) leaves the inputs unknown. */
	if (S_ISLNK(st.st_mode) &&
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
		struct prefetch pre = { path, names, NULL, NULL };
		if (t->jobs > 1 && t->docs_dir && !strcmp(path, t->docs_dir)) {
			pre.bytes = xcalloc((size_t)n + 1, sizeof(*pre.bytes));
			pre.read = xcalloc((size_t)n + 1, sizeof(*pre.read));
			for (int i = 0; i < n; i++) {
				strbuf_init(&pre.bytes[i]);
				pre.read[i] = is_document(t, path, names[i]) ? 0 : -1;
			}
			pool_for((size_t)n, t->jobs, prefetch_one, &pre);
		}
		for (int i = 0; i < n; i++) {
			strbuf_reset(&sub);
			strbuf_reset(&subrel);
			strbuf_addf(&sub, "%s/%s", path, names[i]);
			strbuf_addf(&subrel, "%s/%s", rel, names[i]);
			if (!ret && hash_tree(t, fd, names[i], sub.buf, subrel.buf,
					      is_document(t, path, names[i]),
					      pre.read && pre.read[i] > 0 ? &pre.bytes[i] : NULL) < 0)
				ret = -1;
			if (pre.bytes)
				strbuf_release(&pre.bytes[i]);
			free(names[i]);
		}
		free(names);
		free(pre.bytes);
		free(pre.read);
		close(fd);
		strbuf_release(&sub);
		strbuf_release(&subrel);
		return ret;
	}
	if (!S_ISREG(st.st_mode))
		return -1;
	struct strbuf data = STRBUF_INIT;
	if (bytes) {
		data = *bytes;
		strbuf_init(bytes);
	} else {
		ret = fsio_read_file(path, &data);
	}
	if (!ret && document) {
		/* A document's bytes count by their own hash, which the model
		 * keys its parse and its page by, with the bytes kept. */
		uint64_t h = hash_content(HASH_FNV64_INIT, data.buf, data.len);
		t->all = hash_fnv1a64(t->all, &h, sizeof(h));
		if (t->docs)
			fsio_files_add(t->docs, path, &data, h);
	} else if (!ret) {
		t->all = hash_content(t->all, data.buf, data.len);
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

	if (hash_tree(t, AT_FDCWD, "/proc/self/exe", "/proc/self/exe", "", 0, NULL) < 0)
		return -1;
	dl_iterate_phdr(hash_library, &p);
	return p.failed ? -1 : 0;
}

int uptodate_inputs(const char *settings, const char *const *paths, size_t npaths,
		    const char *docs_dir, uint64_t *hash, uint64_t *shared, struct fsio_files *docs,
		    int jobs)
{
	struct tree_hash t = { HASH_FNV64_INIT, HASH_FNV64_INIT, docs_dir, docs, jobs };

	add_text(&t, settings, 0);
	if (hash_program(&t) < 0)
		return -1;
	for (size_t i = 0; i < npaths; i++)
		if (hash_tree(&t, AT_FDCWD, paths[i], paths[i], "", 0, NULL) < 0)
			return -1;
	*hash = t.all;
	*shared = t.shared;
	return 0;
}

/* The absolute path of `out`, which need not exist yet: a first build
 * names its stamps and cache before it makes the folder, and must name
 * them as the builds after it do. */
static void absolute_path(const char *out, struct strbuf *abs)
{
	char *real = realpath(out, NULL), *name = xstrdup(out), *slash;
	const char *last = name;
	size_t len = strlen(name);

	if (!real) {
		while (len > 1 && name[len - 1] == '/')
			name[--len] = '\0';
		slash = strrchr(name, '/');
		if (!slash) {
			real = realpath(".", NULL);
		} else if (slash == name) {
			real = xstrdup("/");
			last = slash + 1;
		} else {
			*slash = '\0';
			real = realpath(name, NULL);
			last = slash + 1;
		}
		if (real && *last)
			strbuf_addf(abs, "%s%s%s", real, strcmp(real, "/") ? "/" : "", last);
	} else {
		strbuf_adds(abs, real);
	}
	if (!abs->len)
		strbuf_adds(abs, out);
	free(real);
	free(name);
}

void uptodate_stamp_path(const char *stamp_dir, const char *kind, const char *out,
			 struct strbuf *path, struct strbuf *abs_out)
{
	struct strbuf name = STRBUF_INIT;
	char tag[HASH_TAG_LEN + 1];

	absolute_path(out, &name);
	hash_tag(hash_fnv1a64(HASH_FNV64_INIT, name.buf, name.len), tag);
	strbuf_addf(path, "%s/%s-%s", stamp_dir, kind, tag);
	if (abs_out)
		strbuf_adds(abs_out, name.buf);
	strbuf_release(&name);
}

/* The stamp's first line: the inputs. */
static void stamp_head(uint64_t inputs, struct strbuf *text)
{
	strbuf_addf(text, STAMP_HEADER "inputs %016" PRIx64 "\n", inputs);
}

int uptodate_check(const char *stamp_dir, const char *out, uint64_t inputs, uint64_t *output,
		   struct strbuf *diags, struct strbuf *summary)
{
	struct strbuf path = STRBUF_INIT, have = STRBUF_INIT, want = STRBUF_INIT;
	const char *line, *eol;
	int n = 0, same;

	uptodate_stamp_path(stamp_dir, "build", out, &path, NULL);
	stamp_head(inputs, &want);
	same = fsio_read_file(path.buf, &have) == 0 && have.len > want.len &&
	       !memcmp(have.buf, want.buf, want.len);
	line = have.buf + want.len;
	same = same && sscanf(line, "output %16" SCNx64 "\nsummary %n", output, &n) == 1 && n > 0;
	eol = same ? strchr(line + n, '\n') : NULL;
	if (eol) {
		strbuf_add(summary, line + n, (size_t)(eol - line - n));
		strbuf_adds(diags, eol + 1);
	}
	strbuf_release(&path);
	strbuf_release(&have);
	strbuf_release(&want);
	return eol != NULL;
}

void uptodate_record(const char *stamp_dir, const char *out, uint64_t inputs, uint64_t output,
		     const char *diags, const char *summary)
{
	struct strbuf path = STRBUF_INIT, text = STRBUF_INIT;

	uptodate_stamp_path(stamp_dir, "build", out, &path, NULL);
	if (strchr(summary, '\n')) {
		remove(path.buf);
	} else {
		stamp_head(inputs, &text);
		strbuf_addf(&text, "output %016" PRIx64 "\nsummary %s\n%s", output, summary, diags);
		if (fsio_write_file(path.buf, text.buf, text.len) < 0)
			remove(path.buf);
	}
	strbuf_release(&path);
	strbuf_release(&text);
}
