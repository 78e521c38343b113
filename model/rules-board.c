/*
 * The board as the rules ask about it, flattened into sorted arrays at every
 * full run: the union of all regions, the union of Linux's RAM, and the MMIO
 * regions Linux uses. Every cell region asks these questions on every run,
 * and a binary search over a compact array answers them several times faster
 * than a tree walk; the board only changes through a full run, so the
 * arrays never need updating in place.
 */
#include "config.h"

#include <stdlib.h>

#include "model/rules.h"
#include "model/util.h"

void spans_push_merged(struct spans *s, uint64_t start, uint64_t last)
{
	if (s->n) {
		struct span *top = &s->v[s->n - 1];

		/* Touching intervals merge too, so that "covers" sees no gap between them. */
		if (start <= top->last || start - 1 == top->last) {
			if (last > top->last)
				top->last = last;
			return;
		}
	}
	ARRAY_GROW(s->v, s->n, s->cap);
	s->v[s->n++] = (struct span){ .start = start, .last = last, .id = 0, .max_last = last };
}

/* The index of the last span starting at or before addr, or -1. */
static ptrdiff_t spans_floor(const struct spans *s, uint64_t addr)
{
	ptrdiff_t lo = 0, hi = (ptrdiff_t)s->n - 1, found = -1;

	while (lo <= hi) {
		ptrdiff_t mid = lo + (hi - lo) / 2;

		if (s->v[mid].start <= addr) {
			found = mid;
			lo = mid + 1;
		} else {
			hi = mid - 1;
		}
	}
	return found;
}

bool spans_cover(const struct spans *s, uint64_t start, uint64_t last)
{
	ptrdiff_t i = spans_floor(s, start);

	return i >= 0 && s->v[i].last >= last;
}

bool spans_overlap(const struct spans *s, uint64_t start, uint64_t last)
{
	ptrdiff_t i = spans_floor(s, last);

	return i >= 0 && s->v[i].last >= start;
}

int32_t board_linux_mmio_at(const struct validator *v, uint64_t start, uint64_t last)
{
	const struct spans *s = &v->linux_mmio;
	ptrdiff_t i = spans_floor(s, last);

	/* Entries may nest, so walk back while some earlier entry still reaches start. */
	for (; i >= 0 && s->v[i].max_last >= start; i--)
		if (s->v[i].last >= start)
			return (int32_t)s->v[i].id;
	return -1;
}

struct flatten_ctx {
	struct validator *v;
	const struct board *b;
	struct spans *out;
};

static bool visit_merge(uint64_t start, uint64_t size, uint64_t key, void *arg)
{
	struct flatten_ctx *ctx = arg;

	spans_push_merged(ctx->out, start, range_last(start, size));
	return true;
}

static bool visit_linux_mmio(uint64_t start, uint64_t size, uint64_t key, void *arg)
{
	struct flatten_ctx *ctx = arg;
	const struct board_region *r;
	struct spans *s = &ctx->v->linux_mmio;
	uint64_t last = range_last(start, size);

	if (key >= ctx->b->n_regions)
		return true;
	r = &ctx->b->regions[key];
	if (r->kind != REGION_MMIO || !r->linux_uses)
		return true;
	ARRAY_GROW(s->v, s->n, s->cap);
	s->v[s->n] = (struct span){ .start = start, .last = last, .id = (uint32_t)key,
				    .max_last = last };
	if (s->n && s->v[s->n - 1].max_last > last)
		s->v[s->n].max_last = s->v[s->n - 1].max_last;
	s->n++;
	return true;
}

/* mem=limit keeps RAM from the lowest address up until limit bytes are counted. */
static void spans_keep_lowest(struct spans *s, uint64_t limit)
{
	uint64_t counted = 0;
	size_t i;

	for (i = 0; i < s->n && counted < limit; i++) {
		uint64_t size = s->v[i].last - s->v[i].start + 1;

		if (size > limit - counted) {
			s->v[i].last = s->v[i].max_last = s->v[i].start + (limit - counted) - 1;
			size = limit - counted;
		}
		counted += size;
	}
	s->n = i;
}

void board_flatten(struct validator *v, const struct board *b, uint64_t linux_mem)
{
	struct flatten_ctx ctx = { v, b, NULL };
	size_t i;

	v->board_cover.n = v->linux_ram.n = v->linux_mmio.n = 0;
	v->board_has_regions = b->n_regions > 0;
	if (b->any_index) {
		ctx.out = &v->board_cover;
		range_index_walk(b->any_index, visit_merge, &ctx);
		range_index_walk(b->any_index, visit_linux_mmio, &ctx);
	}
	if (b->linux_ram_index) {
		ctx.out = &v->linux_ram;
		range_index_walk(b->linux_ram_index, visit_merge, &ctx);
		if (linux_mem)
			spans_keep_lowest(&v->linux_ram, linux_mem);
	}
	v->board_cpus = 0;
	v->board_has_cpus = b->n_cpus > 0;
	for (i = 0; i < b->n_cpus; i++)
		if (b->cpus[i].logical_id < 64)
			v->board_cpus |= 1ULL << b->cpus[i].logical_id;
}

void board_flat_free(struct validator *v)
{
	free(v->board_cover.v);
	free(v->linux_ram.v);
	free(v->linux_mmio.v);
	v->board_cover = v->linux_ram = v->linux_mmio = (struct spans){ 0 };
}
