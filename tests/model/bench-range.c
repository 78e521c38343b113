/*
 * Throughput of the interval index for boards of 10,000 and 100,000 regions:
 * inserts, overlap queries and removals. Prints figures; never fails on time.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "model/range.h"
#include "model/util.h"

static uint64_t rng_state = UINT64_C(0x853c49e6748fea9b);

static uint64_t rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * UINT64_C(2685821657736338717);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static bool count_hit(uint64_t start, uint64_t size, uint64_t key, void *arg)
{
	(*(uint64_t *)arg)++;
	return true;
}

/* Page-aligned regions of 4 KiB to 16 MiB in a 1 TiB window, like a memory map. */
static struct range random_region(void)
{
	struct range r;

	r.start = (rng() % (UINT64_C(1) << 40)) & ~UINT64_C(0xfff);
	r.size = (1 + rng() % 4096) << 12;
	return r;
}

static void bench(size_t n)
{
	struct range *regions = xmalloc(n * sizeof(*regions));
	struct range *queries = xmalloc(n * sizeof(*queries));
	struct range_index *idx = range_index_new();
	uint64_t hits = 0, covered = 0;
	double t0, t_insert, t_query, t_covers, t_remove;
	size_t i;

	for (i = 0; i < n; i++) {
		regions[i] = random_region();
		queries[i] = random_region();
	}

	t0 = now();
	for (i = 0; i < n; i++)
		range_index_insert(idx, regions[i].start, regions[i].size, i);
	t_insert = now() - t0;

	t0 = now();
	for (i = 0; i < n; i++)
		range_index_query(idx, queries[i].start, queries[i].size, count_hit, &hits);
	t_query = now() - t0;

	t0 = now();
	for (i = 0; i < n; i++)
		covered += range_index_covers(idx, queries[i].start, queries[i].size);
	t_covers = now() - t0;

	t0 = now();
	for (i = 0; i < n; i++)
		if (!range_index_remove(idx, regions[i].start, regions[i].size, i))
			abort();
	t_remove = now() - t0;

	printf("bench-range: %zu ranges: insert %.0f ns/op (%.2f M/s), query %.0f ns/op "
	       "(%.2f M/s, %.2f hits each), covers %.0f ns/op, remove %.0f ns/op\n",
	       n, t_insert / (double)n * 1e9, (double)n / t_insert / 1e6,
	       t_query / (double)n * 1e9, (double)n / t_query / 1e6,
	       (double)hits / (double)n, t_covers / (double)n * 1e9,
	       t_remove / (double)n * 1e9);
	/* Printed so the work cannot be optimised away and the figures can be checked. */
	printf("bench-range: %zu ranges: %llu of %zu queries fully covered\n", n,
	       (unsigned long long)covered, n);
	range_index_free(idx);
	free(regions);
	free(queries);
}

int main(void)
{
	bench(10000);
	bench(100000);
	return 0;
}
