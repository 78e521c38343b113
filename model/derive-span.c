/*
 * Sorted lists of address spans: the free-memory and occupied-address maps
 * the derivation passes place things in. Lists stay small (tens of spans),
 * so plain arrays with insertion are simpler than a tree and fast enough.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/derive-pass.h"
#include "model/util.h"

void span_list_free(struct span_list *l)
{
	free(l->v);
	memset(l, 0, sizeof(*l));
}

void span_list_clear(struct span_list *l)
{
	l->n = 0;
}

static void span_insert_at(struct span_list *l, size_t at, uint64_t start, uint64_t last)
{
	ARRAY_GROW(l->v, l->n, l->cap);
	memmove(&l->v[at + 1], &l->v[at], (l->n - at) * sizeof(*l->v));
	l->v[at].start = start;
	l->v[at].last = last;
	l->n++;
}

static void span_remove_at(struct span_list *l, size_t at)
{
	memmove(&l->v[at], &l->v[at + 1], (l->n - at - 1) * sizeof(*l->v));
	l->n--;
}

/* Spans that overlap or touch the new one are swallowed by it. */
void span_add(struct span_list *l, uint64_t start, uint64_t size)
{
	uint64_t last;
	size_t i;

	if (!size)
		return;
	last = range_last(start, size);
	for (i = 0; i < l->n && l->v[i].last < start && l->v[i].last + 1 < start; i++)
		;
	while (i < l->n && (last == UINT64_MAX || l->v[i].start <= last + 1)) {
		if (l->v[i].start < start)
			start = l->v[i].start;
		if (l->v[i].last > last)
			last = l->v[i].last;
		span_remove_at(l, i);
	}
	span_insert_at(l, i, start, last);
}

void span_sub(struct span_list *l, uint64_t start, uint64_t size)
{
	uint64_t last;
	size_t i = 0;

	if (!size)
		return;
	last = range_last(start, size);
	while (i < l->n) {
		struct span s = l->v[i];

		if (s.last < start) {
			i++;
			continue;
		}
		if (s.start > last)
			break;
		span_remove_at(l, i);
		if (s.start < start)
			span_insert_at(l, i++, s.start, start - 1);
		if (s.last > last)
			span_insert_at(l, i++, last + 1, s.last);
	}
}

void span_add_list(struct span_list *l, const struct span_list *other)
{
	size_t i;

	for (i = 0; i < other->n; i++)
		span_add(l, other->v[i].start, other->v[i].last - other->v[i].start + 1);
}

void span_sub_list(struct span_list *l, const struct span_list *other)
{
	size_t i;

	for (i = 0; i < other->n; i++)
		span_sub(l, other->v[i].start, other->v[i].last - other->v[i].start + 1);
}

bool span_overlaps(const struct span_list *l, uint64_t start, uint64_t size)
{
	size_t i;

	if (!size)
		return false;
	for (i = 0; i < l->n; i++)
		if (l->v[i].start <= range_last(start, size) && start <= l->v[i].last)
			return true;
	return false;
}

/*
 * Top-down placement keeps the low RAM that firmware and Linux's early
 * allocations prefer untouched, and stacks the cells under the hypervisor
 * the way hand-written configurations do.
 */
bool span_fit_top(const struct span_list *l, uint64_t size, uint64_t align, uint64_t *at)
{
	size_t i = l->n;

	if (!size)
		return false;
	while (i--) {
		const struct span *s = &l->v[i];
		uint64_t top, cand;

		if (s->last - s->start < size - 1)
			continue;
		top = s->last - (size - 1);         /* the highest start that fits */
		cand = align_down(top, align);
		if (cand >= s->start) {
			*at = cand;
			return true;
		}
	}
	return false;
}

static bool span_index_visit(uint64_t start, uint64_t size, uint64_t key, void *arg)
{
	(void)key;
	span_add(arg, start, size);
	return true;
}

void span_add_index(struct span_list *l, const struct range_index *idx)
{
	if (idx)
		range_index_walk(idx, span_index_visit, l);
}
