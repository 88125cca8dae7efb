#ifndef POLICYSITE_STRBUF_H
#define POLICYSITE_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

/*
 * A growable byte buffer for temporary text.
 *
 * Invariants: `buf` is never NULL and always NUL-terminated at `buf[len]`,
 * also right after strbuf_init (it then points to a shared empty string
 * that is never written). The buffer owns its bytes until strbuf_detach
 * hands them to the caller, who frees them with free().
 */
struct strbuf {
	char *buf;
	size_t len;
	size_t alloc;
};

#define STRBUF_INIT { strbuf_empty, 0, 0 }
extern char strbuf_empty[];

void strbuf_init(struct strbuf *sb);
void strbuf_release(struct strbuf *sb);
void strbuf_reset(struct strbuf *sb);
/* Make room for `extra` more bytes plus the NUL. */
void strbuf_grow(struct strbuf *sb, size_t extra);
void strbuf_add(struct strbuf *sb, const void *data, size_t len);
void strbuf_adds(struct strbuf *sb, const char *s);

/* Inline: the search index and the JSON files append millions of bytes
 * one at a time. */
static inline void strbuf_addch(struct strbuf *sb, int c)
{
	if (sb->len + 1 >= sb->alloc)
		strbuf_grow(sb, 1);
	sb->buf[sb->len++] = (char)c;
	sb->buf[sb->len] = '\0';
}
/* The decimal digits of `n`: for the millions of numbers of the search
 * index, where strbuf_addf's formatting would be a tenth of a build. */
void strbuf_addu(struct strbuf *sb, unsigned long long n);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap);
void strbuf_setlen(struct strbuf *sb, size_t len);
/* Hand the bytes to the caller (never NULL) and reset the buffer. */
char *strbuf_detach(struct strbuf *sb, size_t *len);

#endif
