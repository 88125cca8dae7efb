#ifndef POLICYSITE_POOL_H
#define POLICYSITE_POOL_H

#include <stddef.h>

/*
 * Work shared out over threads. pool_for calls fn(ctx, i) once for every i
 * in [0, n), on up to `jobs` threads (the caller's among them), and returns
 * when all calls have returned; with one job, or one item, it is a plain
 * loop. The calls may run in any order and at the same time: each must
 * touch only its own item's output (diagnostics are safe to record).
 * Returns -1 if any call did, else 0.
 */
int pool_for(size_t n, int jobs, int (*fn)(void *ctx, size_t i), void *ctx);

/* The number of processors online, at least 1: the default for --jobs. */
int pool_default_jobs(void);

#endif
