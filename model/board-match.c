/*
 * Finding board regions the way their user names them: by the region's
 * name, its device-tree node path, a compatible string, an alias or label
 * ("serial0", "uarta"), Linux's console name ("ttyS0"), its kind ("ram")
 * or an address inside it. Exact names rank before partial ones, so that
 * "ram" finds System RAM before "sram@30000000".
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/board.h"
#include "model/units.h"
#include "model/util.h"

static bool has(const char *s, const char *text)
{
	return s && strcasestr(s, text);
}

static bool same(const char *s, const char *text)
{
	return s && !strcasecmp(s, text);
}

static const char *base_of(const char *path)
{
	const char *slash = path ? strrchr(path, '/') : NULL;

	return slash ? slash + 1 : path;
}

enum board_match board_region_match(const struct board *b, const struct board_region *r,
				    const char *text)
{
	enum board_match best = BOARD_MATCH_NONE;
	uint64_t addr;

	if (!text[0])
		return BOARD_MATCH_NONE;
	if (parse_u64(text, &addr))
		return range_contains(r->start, r->size, addr, 1) ? BOARD_MATCH_EXACT
							      : BOARD_MATCH_NONE;
	if (same(region_kind_name(r->kind), text) || same(r->name, text) ||
	    same(base_of(r->dt_path), text) || same(r->dt_path, text) || same(r->compatible, text))
		return BOARD_MATCH_EXACT;
	if (has(r->name, text) || has(r->dt_path, text) || has(r->compatible, text))
		best = BOARD_MATCH_PART;
	if (!r->dt_path)
		return best;
	for (size_t i = 0; i < b->n_aliases; i++) {
		const struct board_alias *a = &b->aliases[i];

		if (!a->path || strcmp(a->path, r->dt_path))
			continue;
		if (same(a->name, text))
			return BOARD_MATCH_EXACT;
		if (has(a->name, text))
			best = BOARD_MATCH_PART;
	}
	for (size_t i = 0; i < b->n_consoles; i++) {
		const struct board_console *c = &b->consoles[i];

		if (c->dt_path && !strcmp(c->dt_path, r->dt_path) && same(c->linux_name, text))
			return BOARD_MATCH_EXACT;
	}
	return best;
}

static int64_t first_of(const enum board_match *m, size_t n, enum board_match rank, size_t from)
{
	for (size_t i = from; i < n; i++)
		if (m[i] == rank)
			return (int64_t)i;
	return -1;
}

/* The matches in order are the exact ones, then the partial ones, each in
 * board order; the answer is the one after `after` in that order, wrapping,
 * so that repeating a search walks through all of them. */
int64_t board_find_next(const struct board *b, const char *text, int64_t after)
{
	enum board_match *m = xmalloc((b->n_regions + 1) * sizeof(*m));
	enum board_match cur = BOARD_MATCH_NONE;
	size_t n = b->n_regions;
	int64_t found = -1;
	int rank;

	for (size_t i = 0; i < n; i++)
		m[i] = board_region_match(b, &b->regions[i], text);
	if (after >= 0 && (size_t)after < n)
		cur = m[after];
	if (cur != BOARD_MATCH_NONE) {
		found = first_of(m, n, cur, (size_t)after + 1);
		for (rank = (int)cur - 1; found < 0 && rank > BOARD_MATCH_NONE; rank--)
			found = first_of(m, n, (enum board_match)rank, 0);
	}
	for (rank = BOARD_MATCH_EXACT; found < 0 && rank > BOARD_MATCH_NONE; rank--)
		found = first_of(m, n, (enum board_match)rank, 0);
	free(m);
	return found;
}
