/*
 * The C sources autojail writes look like Jailhouse's own configs: field and
 * flag names of the revision they are for. That they compile to exactly the
 * bytes of the binary writer is for Jailhouse's own build to say:
 * tests/emit/real-jailhouse.sh has it judge them.
 */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "emit/emit.h"
#include "tests/emit/emit-fixtures.h"

/* The C writer names the fields and flags of the revision it writes. */
START_TEST(c_style)
{
	struct emit_buf b14, b9;
	struct emit_error err;
	struct config c;
	struct cell *bare;

	config_init(&c);
	fixture_system(&c, ABI_V14);
	bare = fixture_bare(&c, ABI_V14);
	emit_buf_init(&b14);
	ck_assert_int_eq(emit_cell_c(&c, bare, ABI_V14, &b14, &err), 0);
	buf_put_u8(&b14, 0);
	ck_assert_ptr_nonnull(strstr((char *)b14.data,
				     ".num_memory_regions = ARRAY_SIZE(config.mem_regions)"));
	ck_assert_ptr_nonnull(strstr((char *)b14.data, "/* serial@3100000 */ {"));
	ck_assert_ptr_nonnull(strstr((char *)b14.data,
				     "\t\t\t.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |\n"
				     "\t\t\t\tJAILHOUSE_MEM_IO | JAILHOUSE_MEM_ROOTSHARED,\n"));
	ck_assert_ptr_nonnull(strstr((char *)b14.data, ".architecture = JAILHOUSE_ARM64"));
	config_free(&c);

	config_init(&c);
	fixture_system(&c, ABI_V9);
	emit_buf_init(&b9);
	ck_assert_int_eq(emit_cell_c(&c, c.cells[0], ABI_V9, &b9, &err), 0);
	buf_put_u8(&b9, 0);
	ck_assert_ptr_nonnull(strstr((char *)b9.data, "JAILHOUSE_CON1_TYPE_8250 |"));
	ck_assert_ptr_nonnull(strstr((char *)b9.data, "JAILHOUSE_CON2_TYPE_ROOTPAGE"));
	ck_assert_ptr_nonnull(strstr((char *)b9.data, ".shmem_region = "));
	ck_assert_ptr_null(strstr((char *)b9.data, ".architecture"));
	emit_buf_free(&b14);
	emit_buf_free(&b9);
	config_free(&c);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("emit-c");
	TCase *tc = tcase_create("style");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, c_style);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
