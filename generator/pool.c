#include "pool.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>

#include "xalloc.h"

#define POOL_MAX_JOBS 256

struct pool_run {
	size_t n;
	atomic_size_t next;	/* the next item to take */
	atomic_int failed;
	int (*fn)(void *ctx, size_t i);
	void *ctx;
};

static void *work(void *arg)
{
	struct pool_run *run = arg;

	for (size_t i; (i = atomic_fetch_add(&run->next, 1)) < run->n;)
		if (run->fn(run->ctx, i) < 0)
			atomic_store(&run->failed, 1);
	return NULL;
}

int pool_for(size_t n, int jobs, int (*fn)(void *ctx, size_t i), void *ctx)
{
	struct pool_run run;
	pthread_t *threads;
	int started = 0;

	run.n = n;
	atomic_init(&run.next, 0);
	atomic_init(&run.failed, 0);
	run.fn = fn;
	run.ctx = ctx;
	if (jobs > POOL_MAX_JOBS)
		jobs = POOL_MAX_JOBS;
	if ((size_t)jobs > n)
		jobs = (int)n;
	threads = xcalloc(jobs > 1 ? (size_t)jobs - 1 : 1, sizeof(*threads));
	/* A thread that cannot start leaves its share to the others. */
	while (started < jobs - 1 && pthread_create(&threads[started], NULL, work, &run) == 0)
		started++;
	work(&run);
	for (int t = 0; t < started; t++)
		pthread_join(threads[t], NULL);
	free(threads);
	return atomic_load(&run.failed) ? -1 : 0;
}

int pool_default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > POOL_MAX_JOBS ? POOL_MAX_JOBS : (int)n;
}
