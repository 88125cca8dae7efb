#ifndef POLICYSITE_HASH_H
#define POLICYSITE_HASH_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

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

/* FNV-1a, 64 bits, fed in pieces: the content hash of hashed file names. */
#define HASH_FNV64_INIT 14695981039346656037ull

static inline uint64_t hash_fnv1a64(uint64_t h, const void *data, size_t len)
{
	const unsigned char *p = data;

	for (size_t i = 0; i < len; i++) {
		h ^= p[i];
		h *= 1099511628211ull;
	}
	return h;
}

/* Fold the bytes `data` into `h` by their size and two checksums that
 * libdeflate computes at memory speed (CRC-32 and Adler-32), where FNV-1a
 * would take a multiplication a byte: for telling a file from its
 * previous version, not for resisting forgery. */
uint64_t hash_content(uint64_t h, const void *data, size_t len);

/* The tag of a content-hashed name ("site.<tag>.css"): 10 hex digits, 40
 * bits, plenty to tell one version of a file from the next. */
#define HASH_TAG_LEN 10

static inline void hash_tag(uint64_t h, char out[HASH_TAG_LEN + 1])
{
	snprintf(out, HASH_TAG_LEN + 1, "%010llx",
		 (unsigned long long)((h ^ (h >> 40)) & 0xffffffffffull));
}

#endif
