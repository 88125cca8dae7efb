#ifndef POLICYSITE_XALLOC_H
#define POLICYSITE_XALLOC_H

#include <stddef.h>
#include <stdlib.h>

/*
 * Allocation wrappers: out of memory is the one condition on which the
 * generator aborts, with a message, instead of returning an error.
 */
_Noreturn void xalloc_die(void);
void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
