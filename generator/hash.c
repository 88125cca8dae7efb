#include "hash.h"

#include <libdeflate.h>

uint64_t hash_content(uint64_t h, const void *data, size_t len)
{
	uint64_t facts[] = { len, libdeflate_crc32(0, data, len), libdeflate_adler32(1, data, len) };

	return hash_fnv1a64(h, facts, sizeof(facts));
}
