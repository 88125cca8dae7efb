#ifndef POLICYSITE_HASH_H
#define POLICYSITE_HASH_H

#include <stddef.h>
#include <stdint.h>

/* FNV-1a, 32 bits: the hash of hash tables and of search index shards
 * (docs/search-index.md fixes its constants; search.js repeats it). */
static inline uint32_t hash_fnv1a(const char *s, size_t len)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

#endif
