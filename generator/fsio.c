#include "fsio.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "utf8.h"
#include "xalloc.h"

int fsio_read_file(const char *path, struct strbuf *out)
{
	char chunk[65536];
	FILE *f = fopen(path, "rb");
	size_t n;

	if (!f)
		return -1;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		strbuf_add(out, chunk, n);
	if (ferror(f)) {
		int saved = errno;
		fclose(f);
		errno = saved;
		return -1;
	}
	fclose(f);
	return 0;
}

static void line_col_of(const char *buf, size_t off, unsigned *line, unsigned *col)
{
	size_t start = 0;

	*line = 1;
	for (size_t i = 0; i < off; i++)
		if (buf[i] == '\n') {
			(*line)++;
			start = i + 1;
		}
	*col = 1;
	for (size_t i = start; i < off; i++)
		if (((unsigned char)buf[i] & 0xC0) != 0x80)
			(*col)++;
}

static void normalise_newlines(struct strbuf *sb)
{
	size_t w = 0;

	for (size_t r = 0; r < sb->len; r++) {
		if (sb->buf[r] == '\r') {
			sb->buf[w++] = '\n';
			if (r + 1 < sb->len && sb->buf[r + 1] == '\n')
				r++;
		} else {
			sb->buf[w++] = sb->buf[r];
		}
	}
	strbuf_setlen(sb, w);
}

int fsio_read_text(const char *path, struct strbuf *out, struct diag_list *diags)
{
	struct strbuf raw = STRBUF_INIT;
	size_t bad;
	unsigned line, col;
	int ret = 0;

	if (fsio_read_file(path, &raw) < 0) {
		ret = diag_error(diags, path, 0, 0, "cannot read file: %s", strerror(errno));
		goto out;
	}
	switch (utf8_check_text(raw.buf, raw.len, &bad)) {
	case TEXT_UTF8:
		strbuf_add(out, raw.buf, raw.len);
		break;
	case TEXT_UTF8_BOM:
		strbuf_add(out, raw.buf + 3, raw.len - 3);
		break;
	case TEXT_UTF16:
		ret = diag_error(diags, path, 1, 1,
				 "file is UTF-16, not UTF-8; convert it, e.g. with "
				 "`iconv -f UTF-16 -t UTF-8`");
		goto out;
	case TEXT_GB18030:
		line_col_of(raw.buf, bad, &line, &col);
		ret = diag_error(diags, path, line, col,
				 "file looks GBK/GB18030-encoded, not UTF-8; convert it, e.g. with "
				 "`iconv -f GB18030 -t UTF-8`");
		goto out;
	case TEXT_BINARY:
		ret = diag_error(diags, path, 0, 0, "file contains NUL bytes; is it a text file?");
		goto out;
	case TEXT_INVALID_UTF8:
		line_col_of(raw.buf, bad, &line, &col);
		ret = diag_error(diags, path, line, col,
				 "invalid UTF-8 byte 0x%02X; save the file as UTF-8",
				 (unsigned char)raw.buf[bad]);
		goto out;
	}
	normalise_newlines(out);
out:
	strbuf_release(&raw);
	return ret;
}

int fsio_mkdirs(const char *path)
{
	char *p = xstrdup(path);
	int ret = 0;

	for (char *s = p + 1; ; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char saved = *s;
		*s = '\0';
		if (mkdir(p, 0777) < 0 && errno != EEXIST) {
			ret = -1;
			break;
		}
		*s = saved;
		if (!saved)
			break;
	}
	free(p);
	if (!ret && !fsio_is_dir(path)) {
		errno = ENOTDIR;
		ret = -1;
	}
	return ret;
}

int fsio_write_file(const char *path, const void *data, size_t len)
{
	const char *slash = strrchr(path, '/');
	FILE *f;

	if (slash && slash != path) {
		char *dir = xstrndup(path, (size_t)(slash - path));
		int r = fsio_mkdirs(dir);
		free(dir);
		if (r < 0)
			return -1;
	}
	f = fopen(path, "wb");
	if (!f)
		return -1;
	if (len && fwrite(data, 1, len, f) != len) {
		int saved = errno;
		fclose(f);
		errno = saved;
		return -1;
	}
	return fclose(f) == 0 ? 0 : -1;
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int fsio_list_dir(const char *path, char ***names)
{
	DIR *d = opendir(path);
	struct dirent *e;
	size_t n = 0, alloc = 0;
	char **list = NULL;

	*names = NULL;
	if (!d)
		return -1;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (n == alloc) {
			alloc = alloc ? alloc * 2 : 16;
			list = xrealloc(list, alloc * sizeof(*list));
		}
		list[n++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (n)
		qsort(list, n, sizeof(*list), compare_names);
	*names = list;
	return (int)n;
}

static void free_names(char **names, int n)
{
	for (int i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

int fsio_remove_tree(const char *path)
{
	struct stat st;
	char **names;
	int n, ret = 0;

	if (lstat(path, &st) < 0)
		return errno == ENOENT ? 0 : -1;
	if (!S_ISDIR(st.st_mode))
		return unlink(path);
	n = fsio_list_dir(path, &names);
	if (n < 0)
		return -1;
	for (int i = 0; i < n && !ret; i++) {
		char *child = xmalloc(strlen(path) + strlen(names[i]) + 2);
		sprintf(child, "%s/%s", path, names[i]);
		ret = fsio_remove_tree(child);
		free(child);
	}
	free_names(names, n);
	return ret ? ret : rmdir(path);
}

int fsio_is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int fsio_is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}
