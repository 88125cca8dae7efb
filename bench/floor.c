/*
 * The floor of `make bench`: the least any static site generator has to do
 * with a corpus, that is read every input file once and write a given
 * number of bytes in a given number of files. bench/run.sh gives it the
 * file and byte counts of policysite's output for the same corpus, so its
 * time is what reading the inputs and writing that output costs on this
 * machine, with no parsing, rendering or compression at all.
 *
 *   bench-floor --out DIR --files F --bytes B INPUT...
 *
 * Every regular file under each INPUT folder is read whole. DIR must not
 * exist; it gets F files in subfolders of at most 1,000 (d0000/f0000000),
 * B bytes in all, the sizes as equal as they can be. The bytes written are
 * the input bytes over and over, so nothing is a run of zeros a file
 * system could skip. Prints one line with the counts.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CHUNK (1 << 20)
#define PER_DIR 1000

struct totals {
	unsigned long long files, bytes;
	unsigned char *sample;	/* the first CHUNK input bytes, reused as output */
	size_t sample_len;
};

static void die(const char *what, const char *path)
{
	fprintf(stderr, "bench-floor: %s %s: %s\n", what, path, strerror(errno));
	exit(1);
}

static void read_file(const char *path, struct totals *t, unsigned char *buf)
{
	int fd = open(path, O_RDONLY);
	ssize_t n;

	if (fd < 0)
		die("cannot open", path);
	while ((n = read(fd, buf, CHUNK)) > 0) {
		if (t->sample_len < CHUNK) {
			size_t take = (size_t)n < CHUNK - t->sample_len ? (size_t)n : CHUNK - t->sample_len;
			memcpy(t->sample + t->sample_len, buf, take);
			t->sample_len += take;
		}
		t->bytes += (unsigned long long)n;
	}
	if (n < 0)
		die("cannot read", path);
	close(fd);
	t->files++;
}

static void read_tree(const char *dir, struct totals *t, unsigned char *buf)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	struct stat st;

	if (!d)
		die("cannot open folder", dir);
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		size_t len = strlen(dir) + strlen(e->d_name) + 2;
		char *path = malloc(len);
		if (!path)
			die("out of memory at", dir);
		snprintf(path, len, "%s/%s", dir, e->d_name);
		if (lstat(path, &st) < 0)
			die("cannot stat", path);
		if (S_ISDIR(st.st_mode))
			read_tree(path, t, buf);
		else if (S_ISREG(st.st_mode))
			read_file(path, t, buf);
		free(path);
	}
	closedir(d);
}

static void write_file(const char *path, unsigned long long size, const struct totals *t)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
	size_t at = 0;

	if (fd < 0)
		die("cannot create", path);
	while (size > 0) {
		size_t n = t->sample_len - at;
		if (n > size)
			n = (size_t)size;
		ssize_t w = write(fd, t->sample + at, n);
		if (w < 0)
			die("cannot write", path);
		size -= (unsigned long long)w;
		at = (at + (size_t)w) % t->sample_len;
	}
	if (close(fd) < 0)
		die("cannot close", path);
}

static void write_tree(const char *out, unsigned long long files, unsigned long long bytes,
		       const struct totals *t)
{
	char path[4096];

	if (mkdir(out, 0755) < 0)
		die("cannot create folder", out);
	for (unsigned long long i = 0; i < files; i++) {
		if (i % PER_DIR == 0) {
			snprintf(path, sizeof(path), "%s/d%04llu", out, i / PER_DIR);
			if (mkdir(path, 0755) < 0)
				die("cannot create folder", path);
		}
		unsigned long long size = bytes / files + (i < bytes % files ? 1 : 0);
		snprintf(path, sizeof(path), "%s/d%04llu/f%07llu", out, i / PER_DIR, i);
		write_file(path, size, t);
	}
}

static unsigned long long number(const char *s, const char *what)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno || end == s || *end) {
		fprintf(stderr, "bench-floor: %s \"%s\" is not a whole number\n", what, s);
		exit(2);
	}
	return v;
}

int main(int argc, char **argv)
{
	const char *out = NULL;
	unsigned long long files = 0, bytes = 0;
	struct totals t = { 0, 0, NULL, 0 };
	unsigned char *buf;
	int i;

	for (i = 1; i + 1 < argc && argv[i][0] == '-'; i += 2) {
		if (!strcmp(argv[i], "--out"))
			out = argv[i + 1];
		else if (!strcmp(argv[i], "--files"))
			files = number(argv[i + 1], "--files");
		else if (!strcmp(argv[i], "--bytes"))
			bytes = number(argv[i + 1], "--bytes");
		else
			break;
	}
	if (!out || !files || i >= argc) {
		fprintf(stderr, "usage: bench-floor --out DIR --files F --bytes B INPUT...\n");
		return 2;
	}
	buf = malloc(CHUNK);
	t.sample = malloc(CHUNK);
	if (!buf || !t.sample) {
		fprintf(stderr, "bench-floor: out of memory\n");
		return 1;
	}
	for (; i < argc; i++)
		read_tree(argv[i], &t, buf);
	if (!t.sample_len) {
		t.sample[0] = '\n';
		t.sample_len = 1;
	}
	write_tree(out, files, bytes, &t);
	printf("bench-floor: read %llu files (%llu bytes), wrote %llu files (%llu bytes)\n",
	       t.files, t.bytes, files, bytes);
	free(buf);
	free(t.sample);
	return 0;
}
