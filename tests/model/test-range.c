/*
 * The interval index against a brute-force model: thousands of random
 * inserts, removals and queries with a fixed seed, in a window at the bottom
 * and one at the very top of the address space, plus the edge cases.
 */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "model/range.h"
#include "model/util.h"

/* xorshift64*: the same sequence on every machine, unlike rand(). */
static uint64_t rng_state;

static uint64_t rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * UINT64_C(2685821657736338717);
}

struct entry {
	uint64_t start, size, key;
};

/* What was visited, in order. */
struct seen {
	struct entry *e;
	size_t n, cap;
	size_t stop_after;       /* 0 = never stop */
};

static bool record(uint64_t start, uint64_t size, uint64_t key, void *arg)
{
	struct seen *s = arg;
	struct entry e = { start, size, key };

	ARRAY_PUSH(s->e, s->n, s->cap, e);
	return !s->stop_after || s->n < s->stop_after;
}

static uint64_t last_of(const struct entry *e)
{
	return e->start + (e->size - 1);
}

/* The index's order: start, then key, then last byte. */
static int entry_cmp(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	if (last_of(x) != last_of(y))
		return last_of(x) < last_of(y) ? -1 : 1;
	return 0;
}

#define WINDOW 4096
#define HIGH_BASE (UINT64_MAX - (WINDOW - 1))

/* The brute-force model: a list of entries and a byte count per address. */
struct model {
	struct entry *e;
	size_t n, cap;
	unsigned low[WINDOW], high[WINDOW];
};

static unsigned *model_byte(struct model *m, uint64_t addr)
{
	return addr < WINDOW ? &m->low[addr] : &m->high[addr - HIGH_BASE];
}

static void model_mark(struct model *m, const struct entry *e, int delta)
{
	uint64_t a = e->start;

	for (;;) {
		*model_byte(m, a) += (unsigned)delta;
		if (a == last_of(e))
			break;
		a++;
	}
}

/* A random non-empty range inside one window; a quarter of them at the top. */
static struct entry random_range(unsigned max_size)
{
	struct entry e;
	uint64_t off = rng() % WINDOW;

	e.size = 1 + rng() % max_size;
	if (e.size > WINDOW - off)
		e.size = WINDOW - off;
	e.start = rng() % 4 ? off : HIGH_BASE + off;
	e.key = rng() % 8;
	return e;
}

static void check_query(const struct range_index *idx, struct model *m, const struct entry *q)
{
	struct seen got = { NULL, 0, 0, 0 };
	struct entry *want;
	size_t n_want = 0, i;
	bool covered = true;
	uint64_t a, key = 0;

	want = xmalloc((m->n + 1) * sizeof(*want));
	for (i = 0; i < m->n; i++)
		if (range_overlaps(m->e[i].start, m->e[i].size, q->start, q->size))
			want[n_want++] = m->e[i];
	qsort(want, n_want, sizeof(*want), entry_cmp);
	range_index_query(idx, q->start, q->size, record, &got);
	ck_assert_uint_eq(got.n, n_want);
	for (i = 0; i < n_want; i++)
		ck_assert_int_eq(entry_cmp(&got.e[i], &want[i]), 0);

	ck_assert_int_eq(range_index_any(idx, q->start, q->size, &key), n_want > 0);
	if (n_want)
		ck_assert_uint_eq(key, want[0].key);

	for (a = q->start;; a++) {
		if (!*model_byte(m, a))
			covered = false;
		if (a == last_of(q))
			break;
	}
	ck_assert_int_eq(range_index_covers(idx, q->start, q->size), covered);
	free(want);
	free(got.e);
}

static void check_walk(const struct range_index *idx, struct model *m)
{
	struct seen got = { NULL, 0, 0, 0 };
	size_t i;

	if (m->n)
		qsort(m->e, m->n, sizeof(*m->e), entry_cmp);
	range_index_walk(idx, record, &got);
	ck_assert_uint_eq(got.n, m->n);
	ck_assert_uint_eq(range_index_count(idx), m->n);
	for (i = 0; i < m->n; i++)
		ck_assert_int_eq(entry_cmp(&got.e[i], &m->e[i]), 0);
	free(got.e);
}

START_TEST(random_against_brute_force)
{
	struct range_index *idx = range_index_new();
	struct model *m = xcalloc(1, sizeof(*m));
	unsigned op;

	rng_state = UINT64_C(0x9e3779b97f4a7c15) + (uint64_t)_i;
	for (op = 0; op < 6000; op++) {
		unsigned what = (unsigned)(rng() % 100);

		if (what < 45) {
			struct entry e = random_range(what < 5 ? WINDOW : 200);

			range_index_insert(idx, e.start, e.size, e.key);
			ARRAY_PUSH(m->e, m->n, m->cap, e);
			model_mark(m, &e, 1);
		} else if (what < 70 && m->n) {
			size_t i = rng() % m->n;
			struct entry e = m->e[i];

			ck_assert(range_index_remove(idx, e.start, e.size, e.key));
			m->e[i] = m->e[--m->n];
			model_mark(m, &e, -1);
		} else if (what < 75) {
			/* A key no entry has: removal must fail and change nothing. */
			struct entry e = random_range(200);

			ck_assert(!range_index_remove(idx, e.start, e.size, 1000 + e.key));
		} else {
			struct entry q = random_range(what < 80 ? WINDOW : 64);

			check_query(idx, m, &q);
		}
		if (op % 500 == 0)
			check_walk(idx, m);
	}
	check_walk(idx, m);
	range_index_clear(idx);
	ck_assert_uint_eq(range_index_count(idx), 0);
	ck_assert(!range_index_any(idx, 0, UINT64_MAX, NULL));
	free(m->e);
	free(m);
	range_index_free(idx);
}
END_TEST

START_TEST(empty_ranges)
{
	struct range_index *idx = range_index_new();
	struct seen got = { NULL, 0, 0, 0 };

	range_index_insert(idx, 0x1000, 0, 1);
	ck_assert_uint_eq(range_index_count(idx), 0);
	range_index_insert(idx, 0x1000, 0x1000, 1);
	ck_assert(!range_index_remove(idx, 0x1000, 0, 1));
	range_index_query(idx, 0x1800, 0, record, &got);
	ck_assert_uint_eq(got.n, 0);
	ck_assert(!range_index_any(idx, 0x1800, 0, NULL));
	/* Like range_contains(), an empty range counts as not covered. */
	ck_assert(!range_index_covers(idx, 0x1800, 0));
	ck_assert(range_index_covers(idx, 0x1800, 1));
	ck_assert(!range_overlaps(0x1000, 0, 0x1000, 0x10));
	ck_assert(!range_contains(0x1000, 0x1000, 0x1800, 0));
	range_index_free(idx);
}
END_TEST

START_TEST(top_of_address_space)
{
	struct range_index *idx = range_index_new();
	struct seen got = { NULL, 0, 0, 0 };
	uint64_t key = 0;

	range_index_insert(idx, UINT64_MAX - 0xfff, 0x1000, 7);
	range_index_insert(idx, UINT64_MAX - 0x1fff, 0x1000, 8);
	ck_assert(range_index_any(idx, UINT64_MAX, 1, &key));
	ck_assert_uint_eq(key, 7);
	ck_assert(range_index_covers(idx, UINT64_MAX - 0x1fff, 0x2000));
	ck_assert(!range_index_covers(idx, UINT64_MAX - 0x2000, 0x2001));
	ck_assert(!range_index_any(idx, 0, UINT64_MAX - 0x1fff, NULL));
	ck_assert(range_index_any(idx, 0, UINT64_MAX - 0x1ffe, NULL));
	range_index_walk(idx, record, &got);
	ck_assert_uint_eq(got.n, 2);
	ck_assert_uint_eq(got.e[0].key, 8);
	ck_assert_uint_eq(got.e[1].size, 0x1000);
	ck_assert(range_index_remove(idx, UINT64_MAX - 0xfff, 0x1000, 7));
	ck_assert(!range_index_any(idx, UINT64_MAX, 1, NULL));
	/* A size running past the top is cut at the last address. */
	range_index_insert(idx, UINT64_MAX - 0xf, 0x20, 9);
	got.n = 0;
	range_index_query(idx, UINT64_MAX, 1, record, &got);
	ck_assert_uint_eq(got.n, 1);
	ck_assert_uint_eq(got.e[0].size, 0x10);
	ck_assert(range_index_remove(idx, UINT64_MAX - 0xf, 0x20, 9));
	ck_assert(range_overlaps(UINT64_MAX, 1, UINT64_MAX - 0xfff, 0x1000));
	ck_assert(range_contains(UINT64_MAX - 0xfff, 0x1000, UINT64_MAX, 1));
	/* The inline tests cut a range running past the top as the index does,
	 * rather than wrapping its end to a low address. */
	ck_assert_uint_eq(range_last(UINT64_MAX - 0xfff, 0x2000), UINT64_MAX);
	ck_assert(range_overlaps(UINT64_MAX - 0xfff, 0x2000, UINT64_MAX - 0x7ff, 0x100));
	ck_assert(range_overlaps(UINT64_MAX - 0x7ff, 0x100, UINT64_MAX - 0xfff, 0x2000));
	ck_assert(!range_overlaps(UINT64_MAX - 0xfff, 0x2000, 0x100, 0x100));
	ck_assert(range_contains(UINT64_MAX - 0xfff, 0x2000, UINT64_MAX - 0x7ff, 0x10));
	free(got.e);
	range_index_free(idx);
}
END_TEST

START_TEST(duplicates_under_keys)
{
	struct range_index *idx = range_index_new();
	struct seen got = { NULL, 0, 0, 0 };

	range_index_insert(idx, 0x2000, 0x1000, 3);
	range_index_insert(idx, 0x2000, 0x1000, 1);
	range_index_insert(idx, 0x2000, 0x1000, 2);
	range_index_insert(idx, 0x2000, 0x1000, 2);
	range_index_query(idx, 0x2fff, 1, record, &got);
	ck_assert_uint_eq(got.n, 4);
	ck_assert_uint_eq(got.e[0].key, 1);
	ck_assert_uint_eq(got.e[1].key, 2);
	ck_assert_uint_eq(got.e[2].key, 2);
	ck_assert_uint_eq(got.e[3].key, 3);
	ck_assert(range_index_remove(idx, 0x2000, 0x1000, 2));
	ck_assert(range_index_remove(idx, 0x2000, 0x1000, 2));
	ck_assert(!range_index_remove(idx, 0x2000, 0x1000, 2));
	/* Same start and key, other size: a different entry. */
	ck_assert(!range_index_remove(idx, 0x2000, 0x800, 1));
	ck_assert_uint_eq(range_index_count(idx), 2);
	free(got.e);
	range_index_free(idx);
}
END_TEST

START_TEST(coverage_and_early_stop)
{
	struct range_index *idx = range_index_new();
	struct seen got = { NULL, 0, 0, 1 };

	range_index_insert(idx, 0x0, 0x1000, 1);
	range_index_insert(idx, 0x1000, 0x1000, 2);
	range_index_insert(idx, 0x800, 0x100, 3);   /* nested, adds nothing */
	range_index_insert(idx, 0x3000, 0x1000, 4);
	ck_assert(range_index_covers(idx, 0x800, 0x1000));
	ck_assert(range_index_covers(idx, 0x0, 0x2000));
	ck_assert(!range_index_covers(idx, 0x0, 0x2001));
	ck_assert(!range_index_covers(idx, 0x1800, 0x2000));
	ck_assert(range_index_covers(idx, 0x3000, 0x1000));
	range_index_query(idx, 0x0, 0x4000, record, &got);
	ck_assert_uint_eq(got.n, 1);
	ck_assert_uint_eq(got.e[0].key, 1);
	free(got.e);
	range_index_free(idx);
}
END_TEST

static Suite *range_suite(void)
{
	Suite *s = suite_create("range");
	TCase *tc = tcase_create("index");

	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, random_against_brute_force, 0, 4);
	tcase_add_test(tc, empty_ranges);
	tcase_add_test(tc, top_of_address_space);
	tcase_add_test(tc, duplicates_under_keys);
	tcase_add_test(tc, coverage_and_early_stop);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(range_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
