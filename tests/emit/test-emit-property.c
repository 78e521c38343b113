/*
 * Property test over random valid configurations (a fixed seed, so that a
 * failure can be replayed): for both revisions and every cell,
 * emit -> import -> emit gives the same bytes, the imported cell has no
 * overlapping regions, and the C writer accepts what the binary writer does.
 */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "emit/emit.h"
#include "model/range.h"
#include "tests/emit/emit-fixtures.h"

#define CONFIGS 1000

static void check_no_overlap(const struct cell *cell, unsigned k)
{
	for (size_t i = 0; i < cell->n_regions; i++) {
		const struct cell_region *a = &cell->regions[i];

		for (size_t j = i + 1; j < cell->n_regions; j++) {
			const struct cell_region *b = &cell->regions[j];

			ck_assert_msg(!range_overlaps(a->phys, a->size, b->phys, b->size) &&
				      !range_overlaps(a->virt, a->size, b->virt, b->size),
				      "config %u cell %s: regions %zu and %zu overlap", k, cell->name,
				      i, j);
		}
	}
}

static void run(enum abi abi, uint64_t seed)
{
	struct rng r = { .state = seed };
	size_t cells = 0, bytes = 0;

	for (unsigned k = 0; k < CONFIGS; k++) {
		struct config c;

		config_init(&c);
		fixture_random(&c, abi, &r);
		for (size_t i = 0; i < c.n_cells; i++) {
			struct emit_buf first, second, csrc;
			struct import_info info;
			struct emit_error err;
			struct config back;

			emit_buf_init(&first);
			emit_buf_init(&second);
			emit_buf_init(&csrc);
			ck_assert_msg(emit_cell_binary(&c, c.cells[i], abi, &first, &err) == 0,
				      "config %u: %s", k, err.text);
			ck_assert_msg(emit_cell_c(&c, c.cells[i], abi, &csrc, &err) == 0,
				      "config %u: %s", k, err.text);
			config_init(&back);
			ck_assert_msg(emit_import(&back, "random.cell", first.data, first.len,
						  ARCH_ARM64, &info, &err) == 0,
				      "config %u: %s", k, err.text);
			ck_assert_int_eq(info.system, c.cells[i]->root);
			check_no_overlap(back.cells[0], k);
			ck_assert_msg(emit_cell_binary(&back, back.cells[0], abi, &second, &err) == 0,
				      "config %u: %s", k, err.text);
			ck_assert_msg(first.len == second.len &&
				      memcmp(first.data, second.data, first.len) == 0,
				      "config %u cell %zu: import then emit changed the bytes", k, i);
			cells++;
			bytes += first.len;
			emit_buf_free(&first);
			emit_buf_free(&second);
			emit_buf_free(&csrc);
			config_free(&back);
		}
		config_free(&c);
	}
	ck_assert_uint_ge(cells, CONFIGS);
	ck_assert_uint_gt(bytes, 0);
}

START_TEST(round_trip_v14)
{
	run(ABI_V14, 0x853c49e6748fea9bull);
}
END_TEST

START_TEST(round_trip_v9)
{
	run(ABI_V9, 0xda3e39cb94b95bdbull);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("emit-property");
	TCase *tc = tcase_create("round-trip");
	SRunner *sr;
	int failed;

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, round_trip_v14);
	tcase_add_test(tc, round_trip_v9);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
