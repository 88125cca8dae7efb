#define _XOPEN_SOURCE 700	/* realpath */
#define _DEFAULT_SOURCE		/* d_type */
#include "fsio.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "limit.h"
#include "utf8.h"
#include "xalloc.h"

int fsio_read_regular(const char *path, size_t max, struct strbuf *out)
{
	/* O_NONBLOCK: opening a FIFO for reading would wait for a writer. */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	struct stat st;
	size_t start = out->len;
	ssize_t n;
	int err = 0;

	if (fd < 0)
		return -1;
	if (fstat(fd, &st) < 0)
		err = errno;
	else if (!S_ISREG(st.st_mode))
		err = EINVAL;
	else if ((uintmax_t)st.st_size > max)
		err = EFBIG;
	/* Straight into the buffer, sized for the file; the read that finds
	 * its end goes to `chunk`, as does anything past the size: the file
	 * may be growing, and its size is checked again. */
	if (!err)
		strbuf_grow(out, (size_t)st.st_size);
	while (!err) {
		char chunk[4096];
		size_t room = out->alloc - out->len - 1;
		n = read(fd, room ? out->buf + out->len : chunk, room ? room : sizeof(chunk));
		if (n == 0)
			break;
		if (n < 0 && errno != EINTR)
			err = errno;
		else if (n > 0 && out->len - start + (size_t)n > max)
			err = EFBIG;
		else if (n > 0 && room)
			strbuf_setlen(out, out->len + (size_t)n);
		else if (n > 0)
			strbuf_add(out, chunk, (size_t)n);
	}
	close(fd);
	if (err) {
		strbuf_setlen(out, start);
		errno = err;
		return -1;
	}
	return 0;
}

int fsio_read_file(const char *path, struct strbuf *out)
{
	return fsio_read_regular(path, SIZE_MAX, out);
}

static int has_bom(const char *buf, size_t len)
{
	return len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3);
}

/* The line and column of byte `off`, counted as the parsers see the text:
 * after the BOM, with CRLF and lone CR each ending one line. */
static void line_col_of(const char *buf, size_t off, unsigned *line, unsigned *col)
{
	size_t start = has_bom(buf, off) ? 3 : 0;

	*line = 1;
	for (size_t i = start; i < off; i++)
		if (buf[i] == '\n' || (buf[i] == '\r' && (i + 1 >= off || buf[i + 1] != '\n'))) {
			(*line)++;
			start = i + 1;
		}
	*col = diag_column(buf + start, off - start);
}

/* The name iconv needs for UTF-16 text: without a byte-order mark it
 * must be told the byte order, which the first character (of front
 * matter, ASCII) shows. */
static const char *utf16_name(const char *buf, size_t len)
{
	if (len < 2 || (buf[0] == '\xFF' && buf[1] == '\xFE') ||
	    (buf[0] == '\xFE' && buf[1] == '\xFF'))
		return "UTF-16";
	return buf[1] == '\0' ? "UTF-16LE" : "UTF-16BE";
}

static void normalise_newlines(struct strbuf *sb)
{
	char *cr = memchr(sb->buf, '\r', sb->len);
	size_t w;

	if (!cr)
		return;
	w = (size_t)(cr - sb->buf);
	for (size_t r = w; r < sb->len; r++) {
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

int fsio_read_content(const char *path, struct strbuf *out, struct diag_list *diags)
{
	if (fsio_read_regular(path, LIMIT_FILE_BYTES, out) == 0)
		return 0;
	if (errno == EFBIG)
		return diag_error(diags, path, 0, 0,
				  "file is larger than %u MiB, the limit for a content file; split it",
				  LIMIT_FILE_BYTES >> 20);
	if (errno == EINVAL)
		return diag_error(diags, path, 0, 0,
				  "not a regular file; content must be plain files");
	return diag_error(diags, path, 0, 0, "cannot read file: %s", strerror(errno));
}

int fsio_read_text(const char *path, struct strbuf *out, struct diag_list *diags)
{
	struct strbuf raw = STRBUF_INIT;
	int ret = fsio_read_content(path, &raw, diags);

	if (!ret && (ret = fsio_check_text(path, &raw, diags)) == 0)
		strbuf_add(out, raw.buf, raw.len);
	strbuf_release(&raw);
	return ret;
}

int fsio_check_text(const char *path, struct strbuf *text, struct diag_list *diags)
{
	size_t bad;
	unsigned line, col;

	if (text->len > LIMIT_FILE_BYTES)
		return diag_error(diags, path, 0, 0,
				  "file is larger than %u MiB, the limit for a content file; split it",
				  LIMIT_FILE_BYTES >> 20);
	switch (utf8_check_text(text->buf, text->len, &bad)) {
	case TEXT_UTF8:
		break;
	case TEXT_UTF8_BOM:
		memmove(text->buf, text->buf + 3, text->len - 3);
		strbuf_setlen(text, text->len - 3);
		break;
	case TEXT_UTF16:
		return diag_error(diags, path, 1, 1,
				  "file is UTF-16, not UTF-8; convert it, e.g. with "
				  "`iconv -f %s -t UTF-8`", utf16_name(text->buf, text->len));
	case TEXT_GB18030:
		line_col_of(text->buf, bad, &line, &col);
		return diag_error(diags, path, line, col,
				  "file looks GBK/GB18030-encoded, not UTF-8; convert it, e.g. with "
				  "`iconv -f GB18030 -t UTF-8`");
	case TEXT_BINARY:
		return diag_error(diags, path, 0, 0, "file contains NUL bytes; is it a text file?");
	case TEXT_INVALID_UTF8:
		line_col_of(text->buf, bad, &line, &col);
		return diag_error(diags, path, line, col,
				  "invalid UTF-8 byte 0x%02X; save the file as UTF-8",
				  (unsigned char)text->buf[bad]);
	}
	normalise_newlines(text);
	return 0;
}

void fsio_files_add(struct fsio_files *f, const char *path, struct strbuf *bytes, uint64_t hash)
{
	if (f->count == f->alloc) {
		f->alloc = f->alloc ? 2 * f->alloc : 64;
		f->items = xrealloc(f->items, f->alloc * sizeof(*f->items));
	}
	struct fsio_file *e = &f->items[f->count++];
	e->path = xstrdup(path);
	e->bytes = *bytes;
	e->hash = hash;
	e->taken = 0;
	strbuf_init(bytes);
}

int fsio_files_take(struct fsio_files *f, const char *path, struct strbuf *bytes,
		    uint64_t *hash)
{
	size_t lo = 0, hi = f->count;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(f->items[mid].path, path) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == f->count || strcmp(f->items[lo].path, path) || f->items[lo].taken)
		return 0;
	f->items[lo].taken = 1;
	strbuf_release(bytes);
	*bytes = f->items[lo].bytes;
	*hash = f->items[lo].hash;
	strbuf_init(&f->items[lo].bytes);
	return 1;
}

void fsio_files_release(struct fsio_files *f)
{
	for (size_t i = 0; i < f->count; i++) {
		free(f->items[i].path);
		strbuf_release(&f->items[i].bytes);
	}
	free(f->items);
	memset(f, 0, sizeof(*f));
}

/* The folder itself first: a build makes thousands of folders, most of
 * them in one that exists, and trying every folder from the root took a
 * failed mkdir for each. */
int fsio_mkdirs(const char *path)
{
	if (mkdir(path, 0777) < 0 && errno != EEXIST) {
		const char *slash = strrchr(path, '/');
		if (errno != ENOENT || !slash || slash == path)
			return -1;
		char *parent = xstrndup(path, (size_t)(slash - path));
		int ret = fsio_mkdirs(parent);
		free(parent);
		if (ret < 0 || (mkdir(path, 0777) < 0 && errno != EEXIST))
			return -1;
	}
	if (!fsio_is_dir(path)) {
		errno = ENOTDIR;
		return -1;
	}
	return 0;
}

/* Create the folder `path` is in. */
static int make_parent(const char *path)
{
	const char *slash = strrchr(path, '/');
	int ret = 0;

	if (slash && slash != path) {
		char *dir = xstrndup(path, (size_t)(slash - path));
		ret = fsio_mkdirs(dir);
		free(dir);
	}
	return ret;
}

int fsio_write_file(const char *path, const void *data, size_t len)
{
	/* The folder is made only when missing: most files go into one that
	 * an earlier file made. */
	FILE *f = fopen(path, "wb");

	if (!f && errno == ENOENT && make_parent(path) == 0)
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

int fsio_write_new(const char *path, const void *data, size_t len)
{
	const int flags = O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW;
	int fd = open(path, flags, 0666), saved;
	size_t done = 0;

	if (fd < 0 && errno == EEXIST && unlink(path) == 0)
		fd = open(path, flags, 0666);
	if (fd < 0 && errno == ENOENT && make_parent(path) == 0)
		fd = open(path, flags, 0666);
	if (fd < 0)
		return -1;
	while (done < len) {
		ssize_t n = write(fd, (const char *)data + done, len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			saved = n < 0 ? errno : EIO;
			close(fd);
			errno = saved;
			return -1;
		}
		done += (size_t)n;
	}
	return close(fd);
}

int fsio_link(const char *from, const char *path)
{
	if (link(from, path) == 0)
		return 0;
	if (errno != ENOENT || access(from, F_OK) < 0 || make_parent(path) < 0)
		return -1;
	return link(from, path);
}

int fsio_same_content(const char *path, const void *data, size_t len)
{
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	char chunk[65536];
	size_t at = 0;
	int same;

	if (fd < 0)
		return 0;
	same = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (uintmax_t)st.st_size == len;
	while (same && at < len) {
		ssize_t n = read(fd, chunk, len - at < sizeof(chunk) ? len - at : sizeof(chunk));
		if (n < 0 && errno == EINTR)
			continue;
		same = n > 0 && !memcmp(chunk, (const char *)data + at, (size_t)n);
		at += n > 0 ? (size_t)n : 0;
	}
	close(fd);
	return same;
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int fsio_list_dir(const char *path, char ***names)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC), n;

	*names = NULL;
	if (fd < 0)
		return -1;
	n = fsio_list_fd(fd, names);
	close(fd);
	return n;
}

int fsio_list_fd(int fd, char ***names)
{
	int own = dup(fd);
	DIR *d = own < 0 ? NULL : fdopendir(own);
	struct dirent *e;
	size_t n = 0, alloc = 0;
	char **list = NULL;

	*names = NULL;
	if (!d) {
		if (own >= 0)
			close(own);
		return -1;
	}
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

/* Remove what the folder open as `fd` holds; closes `fd`. Names are
 * relative to the folder, and the entry's type comes from the listing:
 * no path is looked up from the root and no file is stat'ed, which made
 * removing a large output take twice as long. */
static int remove_contents(int fd)
{
	DIR *dir = fdopendir(fd);
	struct dirent *e;
	int ret = 0;

	if (!dir) {
		close(fd);
		return -1;
	}
	while (!ret && (errno = 0, e = readdir(dir))) {
		int child;
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		/* Linux says EISDIR, POSIX EPERM, when the type was not known. */
		if (e->d_type != DT_DIR) {
			if (unlinkat(dirfd(dir), e->d_name, 0) == 0)
				continue;
			if (errno != EISDIR && errno != EPERM) {
				ret = -1;
				break;
			}
		}
		child = openat(dirfd(dir), e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		if (child < 0 || remove_contents(child) < 0 ||
		    unlinkat(dirfd(dir), e->d_name, AT_REMOVEDIR) < 0)
			ret = -1;
	}
	if (!e && errno)
		ret = -1;
	closedir(dir);
	return ret;
}

int fsio_remove_tree(const char *path)
{
	struct stat st;
	int fd;

	if (lstat(path, &st) < 0)
		return errno == ENOENT ? 0 : -1;
	if (!S_ISDIR(st.st_mode))
		return unlink(path);
	fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0 || remove_contents(fd) < 0)
		return -1;
	return rmdir(path);
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

static int check_entry(const char *root, const char *path, struct diag_list *diags);

/* Whether real path `path` is `root` or below it. */
static int is_inside(const char *root, const char *path)
{
	size_t n = strlen(root);

	if (n == 1)	/* the root folder "/" */
		return 1;
	return !strncmp(path, root, n) && (path[n] == '/' || path[n] == '\0');
}

static int check_link(const char *root, const char *path, struct diag_list *diags)
{
	char target[4096], *real = realpath(path, NULL);
	ssize_t n = readlink(path, target, sizeof(target) - 1);
	struct stat st;
	int ret = 0;

	target[n > 0 ? n : 0] = '\0';
	if (!real || !is_inside(root, real) || stat(real, &st) < 0)
		ret = diag_error(diags, path, 0, 0,
				 "symbolic link to \"%s\" does not lead to a file inside the content "
				 "folder; put the file itself there", target);
	else if (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
		ret = diag_error(diags, path, 0, 0,
				 "symbolic link to \"%s\" leads to a FIFO, socket or device; the "
				 "content folder may hold only files, folders and links to them",
				 target);
	free(real);
	return ret;
}

static int check_folder(const char *root, const char *path, struct diag_list *diags)
{
	struct strbuf child = STRBUF_INIT;
	char **names;
	int n = fsio_list_dir(path, &names), ret = 0;

	if (n < 0)
		return diag_error(diags, path, 0, 0, "cannot read the folder: %s", strerror(errno));
	for (int i = 0; i < n; i++) {
		strbuf_reset(&child);
		strbuf_addf(&child, "%s/%s", path, names[i]);
		if (check_entry(root, child.buf, diags) < 0)
			ret = -1;
	}
	free_names(names, n);
	strbuf_release(&child);
	return ret;
}

/* A link to a folder inside is not followed: what it holds is checked
 * where it really is. */
static int check_entry(const char *root, const char *path, struct diag_list *diags)
{
	struct stat st;

	if (lstat(path, &st) < 0)
		return diag_error(diags, path, 0, 0, "cannot read: %s", strerror(errno));
	if (S_ISDIR(st.st_mode))
		return check_folder(root, path, diags);
	if (S_ISLNK(st.st_mode))
		return check_link(root, path, diags);
	if (!S_ISREG(st.st_mode))
		return diag_error(diags, path, 0, 0,
				  "not a regular file but a FIFO, socket or device; the content "
				  "folder may hold only files, folders and links to them");
	return 0;
}

int fsio_check_tree(const char *root, struct diag_list *diags)
{
	char *real = realpath(root, NULL);
	int ret;

	if (!real)
		return diag_error(diags, root, 0, 0, "cannot read the content folder: %s",
				  strerror(errno));
	ret = check_folder(real, root, diags);
	free(real);
	return ret;
}
