/*
 * Import of .cell files: what it accepts reads back byte for byte, and
 * malformed files (wrong signature, unknown revision, truncated, counts that
 * do not match the length, junk where zeros belong) are refused with a
 * message naming the file, leaving the configuration as it was.
 */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emit/emit.h"
#include "model/util.h"
#include "tests/emit/emit-fixtures.h"

/* The file a fixture cell makes, as emit_cell_binary writes it. */
static void fixture_file(enum abi abi, int which, struct emit_buf *b)
{
	struct emit_error err;
	struct config c;
	struct cell *cell;

	config_init(&c);
	fixture_system(&c, abi);
	switch (which) {
	case 0:
		cell = c.cells[0];
		break;
	case 1:
		cell = fixture_bare(&c, abi);
		break;
	case 2:
		cell = fixture_ivshmem(&c, abi);
		break;
	case 3:
		cell = fixture_subpage(&c, abi);
		break;
	default:
		cell = fixture_all_flags(&c, abi);
		break;
	}
	emit_buf_init(b);
	ck_assert_msg(emit_cell_binary(&c, cell, abi, b, &err) == 0, "%s", err.text);
	config_free(&c);
}

static void set_le(struct emit_buf *b, size_t off, uint64_t v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		b->data[off + i] = (uint8_t)(v >> (8 * i));
}

/* Imports and expects failure with a message naming the file and saying what. */
static void refused(const uint8_t *data, size_t len, const char *words)
{
	struct import_info info;
	struct emit_error err;
	struct config c;

	config_init(&c);
	ck_assert_int_eq(emit_import(&c, "broken.cell", data, len, ARCH_ARM64, &info, &err), -1);
	ck_assert_msg(strncmp(err.text, "broken.cell: ", 13) == 0, "no file name: %s", err.text);
	ck_assert_msg(strstr(err.text, words) != NULL, "'%s' lacks '%s'", err.text, words);
	ck_assert_uint_eq(c.n_cells, 0);
	config_free(&c);
}

START_TEST(round_trip_fixtures)
{
	static const enum abi abis[] = { ABI_V14, ABI_V9 };

	for (size_t a = 0; a < 2; a++) {
		for (int which = 0; which < 5; which++) {
			struct emit_buf file, again;
			struct import_info info;
			struct emit_error err;
			struct config c;
			struct cell *cell;

			fixture_file(abis[a], which, &file);
			config_init(&c);
			ck_assert_msg(emit_import(&c, "f.cell", file.data, file.len, ARCH_ARM64,
						  &info, &err) == 0, "%s", err.text);
			ck_assert_int_eq(info.abi, abis[a]);
			ck_assert_int_eq(info.system, which == 0);
			ck_assert_uint_eq(c.n_cells, 1);
			cell = c.cells[0];
			ck_assert_int_eq(cell->root, which == 0);
			emit_buf_init(&again);
			ck_assert_msg(emit_cell_binary(&c, cell, abis[a], &again, &err) == 0, "%s",
				      err.text);
			ck_assert_uint_eq(again.len, file.len);
			ck_assert(memcmp(again.data, file.data, file.len) == 0);
			emit_buf_free(&file);
			emit_buf_free(&again);
			config_free(&c);
		}
	}
}
END_TEST

START_TEST(values_translated)
{
	struct emit_buf file;
	struct import_info info;
	struct emit_error err;
	struct config c;
	struct cell *cell;

	fixture_file(ABI_V9, 0, &file);
	config_init(&c);
	ck_assert_int_eq(emit_import(&c, "tx2.cell", file.data, file.len, ARCH_ARM64, &info,
				     &err), 0);
	/* 0x132 in the file: 8250, MMIO, REGDIST_4, ROOTPAGE. */
	ck_assert_uint_eq(c.sys.debug_console.type, CON_8250);
	ck_assert_uint_eq(c.sys.debug_console.flags,
			  CON_FLAG_ACCESS_MMIO | CON_FLAG_REGDIST_4 | CON_FLAG_ROOTPAGE);
	ck_assert_uint_eq(c.sys.gicd_base, 0x03881000);
	ck_assert_uint_eq(c.sys.maintenance_irq, 25);
	cell = c.cells[0];
	ck_assert_uint_eq(cell->pci[0].shmem_protocol, SHMEM_PROTO_VETH);
	ck_assert_uint_eq(cell->pci[0].shmem_peers, 2);
	ck_assert_uint_eq(cell->regions[0].origin, ORIGIN_IMPORT);
	ck_assert(cell_has_irq(cell, 383));
	emit_buf_free(&file);
	config_free(&c);

	fixture_file(ABI_V9, 3, &file);
	config_init(&c);
	ck_assert_int_eq(emit_import(&c, "sub.cell", file.data, file.len, ARCH_ARM64, &info,
				     &err), 0);
	ck_assert(c.cells[0]->regions[2].flags & MEM_IO_UNALIGNED);
	emit_buf_free(&file);
	config_free(&c);
}
END_TEST

START_TEST(bad_signature_revision)
{
	struct emit_buf f;

	refused((const uint8_t *)"JH", 2, "too short");
	fixture_file(ABI_V14, 1, &f);
	f.data[2] = 'X';
	refused(f.data, f.len, "signature");
	f.data[2] = 'C';
	set_le(&f, 6, 13, 2);
	refused(f.data, f.len, "revision 13 is not supported");
	set_le(&f, 6, 14, 2);
	f.data[5] = 7;
	refused(f.data, f.len, "unknown architecture 7");
	emit_buf_free(&f);

	fixture_file(ABI_V9, 0, &f);
	set_le(&f, 6, 10, 2);
	refused(f.data, f.len, "revision 10 is not supported");
	/* A revision 14 number under a revision 9 signature is no revision 14 file. */
	set_le(&f, 6, 14, 2);
	refused(f.data, f.len, "revision 14 is not supported");
	emit_buf_free(&f);
}
END_TEST

START_TEST(truncated_and_counts)
{
	struct emit_buf f;

	fixture_file(ABI_V14, 0, &f);
	refused(f.data, 400, "the jailhouse_system header alone has 488");
	refused(f.data, f.len - 1, "the counts in the header describe");
	emit_buf_free(&f);

	fixture_file(ABI_V9, 2, &f);
	refused(f.data, 95, "header alone has 96");
	/* One memory region more than the file holds. */
	set_le(&f, 52, f.data[52] + 1, 4);
	refused(f.data, f.len, "the counts in the header describe");
	emit_buf_free(&f);

	/* Counts so large that the sum would overflow 32 bits. */
	fixture_file(ABI_V14, 1, &f);
	set_le(&f, 52, 0xffffffff, 4);
	set_le(&f, 68, 0xffffffff, 4);
	refused(f.data, f.len, "the counts in the header describe");
	emit_buf_free(&f);
}
END_TEST

START_TEST(junk_refused)
{
	struct emit_buf f;

	fixture_file(ABI_V14, 1, &f);
	memset(f.data + 8, 'a', 32);
	refused(f.data, f.len, "not NUL-terminated");
	emit_buf_free(&f);

	fixture_file(ABI_V14, 1, &f);
	f.data[8 + 20] = 'x';
	refused(f.data, f.len, "junk after the end of the cell name");
	emit_buf_free(&f);

	/* No CPU set at all: the writer would put the default 8 bytes back. */
	fixture_file(ABI_V14, 1, &f);
	set_le(&f, 48, 0, 4);
	refused(f.data + 0, f.len, "the counts in the header describe");
	memmove(f.data + 132, f.data + 140, f.len - 140);
	refused(f.data, f.len - 8, "CPU set is empty");
	emit_buf_free(&f);

	fixture_file(ABI_V14, 1, &f);
	set_le(&f, 40, 3, 4);
	refused(f.data, f.len, "cell id");
	emit_buf_free(&f);

	fixture_file(ABI_V14, 0, &f);
	f.data[314] = 1;
	refused(f.data, f.len, "padding");
	emit_buf_free(&f);

	fixture_file(ABI_V9, 1, &f);
	set_le(&f, 44, 0x80, 4);
	refused(f.data, f.len, "unknown cell flags");
	emit_buf_free(&f);

	fixture_file(ABI_V9, 1, &f);
	set_le(&f, 40, 3, 4);
	refused(f.data, f.len, "cell id");
	emit_buf_free(&f);

	/* A revision 9 memory region with bit 15 (revision 14's IO_UNALIGNED). */
	fixture_file(ABI_V9, 1, &f);
	set_le(&f, 96 + 8 + 24, 0x8003, 8);
	refused(f.data, f.len, "memory region 0");
	emit_buf_free(&f);

	fixture_file(ABI_V9, 2, &f);
	set_le(&f, f.len - 56 + 52, 0x1234, 2);
	refused(f.data, f.len, "protocol 0x1234");
	emit_buf_free(&f);
}
END_TEST

START_TEST(into_configuration)
{
	struct emit_buf sys, cell;
	struct import_info info;
	struct emit_error err;
	struct config c;

	fixture_file(ABI_V14, 0, &sys);
	fixture_file(ABI_V14, 1, &cell);
	config_init(&c);
	ck_assert_int_eq(emit_import(&c, "g.cell", cell.data, cell.len, ARCH_ARM64, &info, &err), 0);
	ck_assert_int_eq(emit_import(&c, "s.cell", sys.data, sys.len, ARCH_ARM64, &info, &err), 0);
	/* The root cell goes first; ids stay unique. */
	ck_assert_uint_eq(c.n_cells, 2);
	ck_assert(c.cells[0]->root);
	ck_assert_str_eq(c.cells[1]->name, "gpio-demo");
	ck_assert_uint_ne(c.cells[0]->id, c.cells[1]->id);
	ck_assert_uint_ne(c.cells[0]->regions[0].id, c.cells[1]->regions[0].id);
	ck_assert_int_eq(emit_import(&c, "s2.cell", sys.data, sys.len, ARCH_ARM64, &info, &err),
			 -1);
	ck_assert_ptr_nonnull(strstr(err.text, "root cell already"));
	ck_assert_uint_eq(c.n_cells, 2);
	emit_buf_free(&sys);
	emit_buf_free(&cell);
	config_free(&c);
}
END_TEST

START_TEST(dump_listing)
{
	struct emit_buf f;
	struct import_info info;
	struct emit_error err;
	struct config c;
	char *text = NULL;
	size_t len = 0;
	FILE *out;

	fixture_file(ABI_V14, 1, &f);
	config_init(&c);
	ck_assert_int_eq(emit_import(&c, "d.cell", f.data, f.len, ARCH_ARM64, &info, &err), 0);
	out = open_memstream(&text, &len);
	emit_dump(out, &c, c.cells[0], &info);
	fclose(out);
	ck_assert_ptr_nonnull(strstr(text, "Cell configuration, revision 14, arm64"));
	ck_assert_ptr_nonnull(strstr(text, "CPUs: 3"));
	ck_assert_ptr_nonnull(strstr(text, "READ|WRITE|IO|ROOTSHARED"));
	ck_assert_ptr_nonnull(strstr(text, "READ|WRITE|COMM_REGION"));
	ck_assert_ptr_nonnull(strstr(text, "interrupts 32-159: 89,144"));
	ck_assert_ptr_nonnull(strstr(text, "VIRTUAL_CONSOLE_PERMITTED"));
	free(text);
	emit_buf_free(&f);
	config_free(&c);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("import");
	TCase *tc = tcase_create("import");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, round_trip_fixtures);
	tcase_add_test(tc, values_translated);
	tcase_add_test(tc, bad_signature_revision);
	tcase_add_test(tc, truncated_and_counts);
	tcase_add_test(tc, junk_refused);
	tcase_add_test(tc, into_configuration);
	tcase_add_test(tc, dump_listing);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
