/*
 * Address ranges and an overlap index over them.
 *
 * A range is [start, start + size). Ranges may reach the top of the 64-bit
 * address space, so comparisons use the last byte, never start + size; a
 * size running past the top (hand-written input) is cut at the last address,
 * so that a last byte is never below its start.
 */
#ifndef AJ_MODEL_RANGE_H
#define AJ_MODEL_RANGE_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>

struct range {
	uint64_t start;
	uint64_t size;
};

/* The last byte of a non-empty range, at most the last address. */
static inline uint64_t range_last(uint64_t start, uint64_t size)
{
	if (!size)
		return start;
	return size - 1 > UINT64_MAX - start ? UINT64_MAX : start + (size - 1);
}

/* Whether two non-empty ranges share at least one byte. */
static inline bool range_overlaps(uint64_t a, uint64_t asize, uint64_t b, uint64_t bsize)
{
	if (!asize || !bsize)
		return false;
	return a <= range_last(b, bsize) && b <= range_last(a, asize);
}

/* Whether [inner, inner + isize) lies inside [outer, outer + osize). */
static inline bool range_contains(uint64_t outer, uint64_t osize, uint64_t inner, uint64_t isize)
{
	if (!osize || !isize)
		return false;
	return inner >= outer && range_last(inner, isize) <= range_last(outer, osize);
}

/*
 * An interval tree: insert, remove and overlap queries in O(log n) (plus the
 * number of hits). Each entry carries a caller-chosen key, e.g. a region id;
 * the same range may be present under several keys.
 */
struct range_index;

/* Called for each entry that overlaps a query; return false to stop early. */
typedef bool (*range_visit_fn)(uint64_t start, uint64_t size, uint64_t key, void *arg);

struct range_index *range_index_new(void);
void range_index_free(struct range_index *idx);
void range_index_clear(struct range_index *idx);
size_t range_index_count(const struct range_index *idx);
/* Empty ranges are ignored: they overlap nothing. */
void range_index_insert(struct range_index *idx, uint64_t start, uint64_t size, uint64_t key);
/* Removes the entry with exactly this range and key; false when absent. */
bool range_index_remove(struct range_index *idx, uint64_t start, uint64_t size, uint64_t key);
/* Visits entries overlapping [start, start + size) in address order. */
void range_index_query(const struct range_index *idx, uint64_t start, uint64_t size,
		       range_visit_fn fn, void *arg);
/* Whether any entry overlaps; when one does and hit is non-NULL, its key. */
bool range_index_any(const struct range_index *idx, uint64_t start, uint64_t size, uint64_t *hit);
/* Whether the union of the entries covers every byte of the range. */
bool range_index_covers(const struct range_index *idx, uint64_t start, uint64_t size);
/* Visits all entries in address order. */
void range_index_walk(const struct range_index *idx, range_visit_fn fn, void *arg);

#endif
