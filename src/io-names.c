/*
 * Board region names and device-tree paths hashed to the first region that
 * carries them, so that ten thousand references in cells.yml resolve in
 * linear time and the writer can tell whether a name leads back to the same
 * region.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/util.h"
#include "src/io-cells.h"

static uint64_t hash_str(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ull;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 0x100000001b3ull;
	return h;
}

static const char *slot_key(const struct board *b, uint32_t slot)
{
	const struct board_region *r = &b->regions[(slot - 1) >> 1];

	return ((slot - 1) & 1) ? r->dt_path : r->name;
}

int32_t board_names_find(const struct board_names *bn, const char *key)
{
	for (size_t i = hash_str(key) & bn->mask;; i = (i + 1) & bn->mask) {
		uint32_t slot = bn->slots[i];

		if (!slot)
			return -1;
		if (!strcmp(slot_key(bn->b, slot), key))
			return (int32_t)((slot - 1) >> 1);
	}
}

static void names_add(struct board_names *bn, const char *key, uint32_t slot)
{
	size_t i;

	if (!key || board_names_find(bn, key) >= 0)
		return;
	for (i = hash_str(key) & bn->mask; bn->slots[i]; i = (i + 1) & bn->mask)
		;
	bn->slots[i] = slot;
}

void board_names_build(struct board_names *bn, const struct board *b)
{
	size_t size = 16;

	while (size < 4 * b->n_regions)
		size *= 2;
	bn->b = b;
	bn->mask = size - 1;
	bn->slots = xcalloc(size, sizeof(*bn->slots));
	for (uint32_t i = 0; i < b->n_regions; i++) {
		names_add(bn, b->regions[i].name, (i << 1) + 1);
		names_add(bn, b->regions[i].dt_path, (i << 1 | 1) + 1);
	}
}

void board_names_free(struct board_names *bn)
{
	free(bn->slots);
	bn->slots = NULL;
}
