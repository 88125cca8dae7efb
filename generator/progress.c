#define _GNU_SOURCE	/* pthread_mutex_trylock is POSIX; clock_gettime too */
#include "progress.h"

#include <pthread.h>
#include <stdatomic.h>
#include <time.h>

/* One build per process: the counts are the process's. */
static struct {
	FILE *tty;
	struct timespec start;
	atomic_size_t documents, cached, pages, files, unchanged;
	atomic_ullong bytes;
	pthread_mutex_t drawing;
	int drawn;		/* the live line is on the terminal */
	double last_draw;
} progress = { .drawing = PTHREAD_MUTEX_INITIALIZER };

static double seconds_since_start(void)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - progress.start.tv_sec) +
	       (double)(now.tv_nsec - progress.start.tv_nsec) / 1e9;
}

/* Redraw at most ten times a second, from the first second on; a thread
 * that finds another drawing does not wait for it. */
static void draw(void)
{
	if (!progress.tty || pthread_mutex_trylock(&progress.drawing))
		return;
	double t = seconds_since_start();
	if (t >= 1.0 && t - progress.last_draw >= 0.1) {
		fprintf(progress.tty, "\r已读取 %zu 个文件，已写出 %zu 个文件（%zu 个页面）",
			atomic_load(&progress.documents), atomic_load(&progress.files),
			atomic_load(&progress.pages));
		fflush(progress.tty);
		progress.drawn = 1;
		progress.last_draw = t;
	}
	pthread_mutex_unlock(&progress.drawing);
}

void progress_begin(FILE *tty)
{
	progress.tty = tty;
	clock_gettime(CLOCK_MONOTONIC, &progress.start);
}

void progress_document(void)
{
	atomic_fetch_add(&progress.documents, 1);
	draw();
}

void progress_document_cached(void)
{
	atomic_fetch_add(&progress.cached, 1);
}

void progress_file(size_t bytes, int page)
{
	atomic_fetch_add(&progress.files, 1);
	atomic_fetch_add(&progress.bytes, (unsigned long long)bytes);
	if (page)
		atomic_fetch_add(&progress.pages, 1);
	draw();
}

void progress_unchanged(void)
{
	atomic_fetch_add(&progress.unchanged, 1);
}

void progress_clear(void)
{
	if (progress.drawn)
		fputs("\r\033[K", progress.tty);	/* to the line's start, erase it */
	progress.drawn = 0;
}

void progress_counts(struct strbuf *out)
{
	double mb = (double)atomic_load(&progress.bytes) / (1024.0 * 1024.0);

	strbuf_addf(out, "%zu documents, %zu pages, %zu files (%.1f MB)",
		    atomic_load(&progress.documents), atomic_load(&progress.pages),
		    atomic_load(&progress.files), mb);
}

void progress_summary(FILE *out)
{
	struct strbuf counts = STRBUF_INIT;

	progress_counts(&counts);
	fprintf(out, "policysite: %s in %.2f s", counts.buf, seconds_since_start());
	if (atomic_load(&progress.cached))
		fprintf(out, "; %zu documents not parsed again", atomic_load(&progress.cached));
	if (atomic_load(&progress.unchanged))
		fprintf(out, "; %zu unchanged, not made again", atomic_load(&progress.unchanged));
	fputc('\n', out);
	strbuf_release(&counts);
}

void progress_up_to_date(FILE *out, const char *counts, const char *dir)
{
	fprintf(out, "policysite: up to date: %s in %s; nothing written (%.2f s)\n", counts, dir,
		seconds_since_start());
}
