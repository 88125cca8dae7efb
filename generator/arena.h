#ifndef POLICYSITE_ARENA_H
#define POLICYSITE_ARENA_H

#include <stdarg.h>
#include <stddef.h>

/*
 * A per-build memory pool: the model (documents, headings, strings) is
 * allocated here and freed in one arena_release call.
 *
 * Under AddressSanitizer every allocation is its own malloc, so overflows
 * between neighbouring objects are still caught.
 */
struct arena_block;

struct arena {
	struct arena_block *blocks;
};

#define ARENA_INIT { NULL }

void arena_init(struct arena *a);
/* Free everything allocated from the arena; it can be used again. */
void arena_release(struct arena *a);
void *arena_alloc(struct arena *a, size_t size);
/* Move everything allocated from `from` into `a`, to be released with it;
 * `from` is then empty. Allocation goes on in `a`'s current block. */
void arena_adopt(struct arena *a, struct arena *from);
void *arena_calloc(struct arena *a, size_t n, size_t size);
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_strfmt(struct arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Grow `*items` (of `*count` elements of `size` bytes) by one zeroed
 * element and return a pointer to it. Old arrays stay in the arena. */
void *arena_push(struct arena *a, void *items_ptr, size_t *count, size_t *cap, size_t size);

#define ARENA_PUSH(a, arr, count, cap) \
	((__typeof__(arr))arena_push((a), &(arr), &(count), &(cap), sizeof(*(arr))))

#endif
