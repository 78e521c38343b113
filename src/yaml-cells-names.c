/*
 * References from cells.yml to board regions. Names and device-tree paths
 * are hashed to the first region that carries them, so that ten thousand
 * references resolve in linear time and the writer can tell whether a name
 * leads back to the same region.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "po/i18n.h"
#include "model/util.h"
#include "src/yaml-cells.h"

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

/* The index of the first region named or at the path key, or -1. */
static int32_t board_names_find(const struct board_names *bn, const char *key)
{
	for (size_t i = hash_str(key) & bn->mask;; i = (i + 1) & bn->mask) {
		uint32_t slot = bn->slots[i];

		if (!slot)
			return -1;
		if (!strcmp(slot_key(bn->b, slot), key))
			return (int32_t)((slot - 1) >> 1);
	}
}

/* Adds key unless an earlier region has it; returns whether it was added. */
static bool names_add(struct board_names *bn, const char *key, uint32_t slot)
{
	size_t i;

	if (!key || board_names_find(bn, key) >= 0)
		return false;
	for (i = hash_str(key) & bn->mask; bn->slots[i]; i = (i + 1) & bn->mask)
		;
	bn->slots[i] = slot;
	return true;
}

void board_names_build(struct board_names *bn, const struct board *b)
{
	size_t size = 16;

	while (size < 4 * b->n_regions)
		size *= 2;
	bn->b = b;
	bn->mask = size - 1;
	bn->slots = xcalloc(size, sizeof(*bn->slots));
	bn->leads = xcalloc(b->n_regions ? b->n_regions : 1, sizeof(*bn->leads));
	for (uint32_t i = 0; i < b->n_regions; i++) {
		if (names_add(bn, b->regions[i].name, (i << 1) + 1))
			bn->leads[i] |= BOARD_NAME_LEADS;
		if (names_add(bn, b->regions[i].dt_path, (i << 1 | 1) + 1))
			bn->leads[i] |= BOARD_PATH_LEADS;
	}
}

void board_names_free(struct board_names *bn)
{
	free(bn->slots);
	free(bn->leads);
	bn->slots = NULL;
	bn->leads = NULL;
}

int cells_resolve(const char *path, const struct cells_refs *refs, const struct board *b,
		  struct error *err)
{
	struct board_names names = { 0 };
	const struct board_region *found;
	int ret = 0;

	for (size_t i = 0; i < refs->n && ret == 0; i++) {
		const struct board_ref *ref = &refs->v[i];
		struct cell_region *reg = &ref->cell->regions[ref->region];
		int32_t index = (int32_t)ref->index;

		if (!ref->text) {
			if (b && ref->index >= b->n_regions) {
				error_at(err, path, ref->line, ref->column,
					 _("the board has no region %u (it has %zu)"), ref->index,
					 b->n_regions);
				ret = -1;
			}
		} else if (!b) {
			error_at(err, path, ref->line, ref->column,
				 _("\"board: %.60s\" needs a board to refer to"), ref->text);
			ret = -1;
		} else {
			if (!names.slots)
				board_names_build(&names, b);
			index = board_names_find(&names, ref->text);
			if (index < 0 && (found = board_find_region(b, ref->text)))
				index = (int32_t)found->id;
			if (index < 0) {
				error_at(err, path, ref->line, ref->column,
					 _("the board has no region, device-tree path or alias "
					   "\"%.60s\""), ref->text);
				ret = -1;
			}
		}
		if (ret == 0) {
			reg->board_region = index;
			if (ref->fill_name && b && b->regions[index].name)
				reg->name = xstrdup(b->regions[index].name);
		}
	}
	board_names_free(&names);
	return ret;
}

void cells_refs_free(struct cells_refs *refs)
{
	for (size_t i = 0; i < refs->n; i++)
		free(refs->v[i].text);
	free(refs->v);
	memset(refs, 0, sizeof(*refs));
}
