#include "arena.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "strbuf.h"
#include "xalloc.h"

#if defined(__SANITIZE_ADDRESS__)
#define ARENA_ONE_MALLOC_EACH 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_ONE_MALLOC_EACH 1
#endif
#endif

#define ARENA_BLOCK_SIZE (64 * 1024)

struct arena_block {
	struct arena_block *next;
	size_t used, size;
	max_align_t data[];
};

void arena_init(struct arena *a)
{
	a->blocks = NULL;
}

void arena_release(struct arena *a)
{
	struct arena_block *b = a->blocks;

	while (b) {
		struct arena_block *next = b->next;
		free(b);
		b = next;
	}
	a->blocks = NULL;
}

void arena_adopt(struct arena *a, struct arena *from)
{
	struct arena_block *tail = from->blocks;

	if (!tail)
		return;
	while (tail->next)
		tail = tail->next;
	if (a->blocks) {
		tail->next = a->blocks->next;
		a->blocks->next = from->blocks;
	} else {
		a->blocks = from->blocks;
	}
	from->blocks = NULL;
}

static struct arena_block *new_block(struct arena *a, size_t size)
{
	struct arena_block *b;

	if (size > SIZE_MAX - sizeof(*b))
		xalloc_die();
	b = xmalloc(sizeof(*b) + size);
	b->used = 0;
	b->size = size;
	b->next = a->blocks;
	a->blocks = b;
	return b;
}

void *arena_alloc(struct arena *a, size_t size)
{
	struct arena_block *b = a->blocks;

	if (!size)
		size = 1;
#ifdef ARENA_ONE_MALLOC_EACH
	b = new_block(a, size);
	b->used = size;
	return b->data;
#else
	size = (size + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
	if (size > ARENA_BLOCK_SIZE / 4) {
		/* A large object gets its own block, kept behind the current
		 * one so the current block's free space is not wasted. */
		struct arena_block *big = new_block(a, size);
		if (b) {
			a->blocks = b;
			big->next = b->next;
			b->next = big;
		}
		big->used = size;
		return big->data;
	}
	if (!b || b->size - b->used < size)
		b = new_block(a, ARENA_BLOCK_SIZE);
	void *p = (char *)b->data + b->used;
	b->used += size;
	return p;
#endif
}

void *arena_calloc(struct arena *a, size_t n, size_t size)
{
	void *p;

	if (size && n > SIZE_MAX / size)
		xalloc_die();
	p = arena_alloc(a, n * size);
	memset(p, 0, n * size);
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *arena_strfmt(struct arena *a, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	char *res;

	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	res = arena_strndup(a, sb.buf, sb.len);
	strbuf_release(&sb);
	return res;
}

void *arena_push(struct arena *a, void *items_ptr, size_t *count, size_t *cap, size_t size)
{
	char **items = items_ptr;

	if (*count == *cap) {
		size_t ncap = *cap ? *cap * 2 : 8;
		char *n = arena_calloc(a, ncap, size);
		if (*count)
			memcpy(n, *items, *count * size);
		*items = n;
		*cap = ncap;
	}
	char *slot = *items + (*count)++ * size;
	memset(slot, 0, size);
	return slot;
}
