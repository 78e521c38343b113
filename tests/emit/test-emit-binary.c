/*
 * The binary writer puts every field where the tables of
 * ../shared/jailhouse-abi.md say, in little endian, for both revisions, and
 * refuses what the chosen revision cannot express instead of dropping it.
 */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "emit/emit.h"
#include "tests/emit/emit-fixtures.h"

static uint64_t le(const struct emit_buf *b, size_t off, size_t n)
{
	uint64_t v = 0;

	ck_assert_uint_le(off + n, b->len);
	for (size_t i = 0; i < n; i++)
		v |= (uint64_t)b->data[off + i] << (8 * i);
	return v;
}

static void emit_ok(const struct config *c, const struct cell *cell, enum abi abi,
		    struct emit_buf *b)
{
	struct emit_error err;

	emit_buf_init(b);
	ck_assert_msg(emit_cell_binary(c, cell, abi, b, &err) == 0, "%s", err.text);
}

START_TEST(system_v14)
{
	struct config c;
	struct emit_buf b;
	struct cell *root;
	size_t arrays;

	config_init(&c);
	fixture_system(&c, ABI_V14);
	root = c.cells[0];
	emit_ok(&c, root, ABI_V14, &b);
	ck_assert(memcmp(b.data, "JHSYS", 5) == 0);
	ck_assert_uint_eq(b.data[5], 2);
	ck_assert_uint_eq(le(&b, 6, 2), 14);
	ck_assert_uint_eq(le(&b, 8, 4), 1);
	ck_assert_uint_eq(le(&b, 12, 8), 0x270000000ull);
	ck_assert_uint_eq(le(&b, 28, 8), 16 << 20);
	ck_assert_uint_eq(le(&b, 44, 8), 0x3100000);
	ck_assert_uint_eq(le(&b, 44 + 12, 2), 2);     /* console type 8250 */
	ck_assert_uint_eq(le(&b, 44 + 14, 2), 3);     /* MMIO | REGDIST_4 */
	ck_assert_uint_eq(le(&b, 76, 8), 0x48000000);
	ck_assert_uint_eq(b.data[85], 1);
	ck_assert_uint_eq(b.data[312], 25);
	ck_assert_uint_eq(b.data[313], 2);
	ck_assert_uint_eq(le(&b, 314, 2), 0);
	ck_assert_uint_eq(le(&b, 316, 8), 0x03881000);
	ck_assert_uint_eq(le(&b, 324, 8), 0x03882000);
	ck_assert_uint_eq(le(&b, 356, 8), 0);         /* root cell: no signature */
	ck_assert_str_eq((char *)b.data + 356 + 8, "jetson-tx2");
	ck_assert_uint_eq(le(&b, 356 + 48, 4), 8);
	ck_assert_uint_eq(le(&b, 356 + 52, 4), root->n_regions);
	ck_assert_uint_eq(le(&b, 356 + 60, 4), 3);    /* irqchips: 32, 160, 288 */
	ck_assert_uint_eq(le(&b, 356 + 68, 4), 1);
	ck_assert_uint_eq(le(&b, 356 + 80, 4), 100);
	ck_assert_uint_eq(le(&b, 488, 8), 0x39);      /* CPU set right after the header */
	arrays = 8 + root->n_regions * 32 + 3 * 32 + 56;
	ck_assert_uint_eq(b.len, 488 + arrays);
	/* First region, then the first irqchip slice. */
	ck_assert_uint_eq(le(&b, 496, 8), 0x80000000);
	ck_assert_uint_eq(le(&b, 496 + 24, 8), 0xf);
	ck_assert_uint_eq(le(&b, 496 + root->n_regions * 32 + 12, 4), 32);
	ck_assert_uint_eq(le(&b, 496 + root->n_regions * 32 + 16, 4), 0xffffffff);
	emit_buf_free(&b);
	config_free(&c);
}
END_TEST

START_TEST(system_v9)
{
	struct config c;
	struct emit_buf b;
	struct cell *root;
	size_t pci;

	config_init(&c);
	fixture_system(&c, ABI_V9);
	root = c.cells[0];
	emit_ok(&c, root, ABI_V9, &b);
	ck_assert(memcmp(b.data, "JHSYST", 6) == 0);
	ck_assert_uint_eq(le(&b, 6, 2), 9);
	ck_assert_uint_eq(le(&b, 8, 8), 0x270000000ull);
	ck_assert_uint_eq(le(&b, 40, 8), 0x3100000);
	ck_assert_uint_eq(le(&b, 52, 4), 0x132);      /* the TX2's debug console flags */
	ck_assert_uint_eq(le(&b, 72, 8), 0x48000000);
	ck_assert_uint_eq(b.data[81], 1);
	ck_assert_uint_eq(b.data[84], 25);
	ck_assert_uint_eq(b.data[85], 2);
	ck_assert_uint_eq(le(&b, 86, 8), 0x03881000);
	ck_assert_uint_eq(le(&b, 94, 8), 0x03882000);
	ck_assert_uint_eq(le(&b, 102, 8), 0x03884000);
	ck_assert_uint_eq(le(&b, 110, 8), 0x03886000);
	ck_assert_str_eq((char *)b.data + 262 + 8, "jetson-tx2");
	ck_assert_uint_eq(le(&b, 262 + 52, 4), root->n_regions);
	ck_assert_uint_eq(le(&b, 262 + 68, 4), 1);
	ck_assert_uint_eq(le(&b, 262 + 76, 4), 100);
	ck_assert_uint_eq(le(&b, 358, 8), 0x39);
	pci = 358 + 8 + root->n_regions * 32 + 3 * 32;
	ck_assert_uint_eq(b.len, pci + 56);
	ck_assert_uint_eq(b.data[pci], 3);            /* ivshmem */
	ck_assert_uint_eq(le(&b, pci + 48, 4), root->n_regions - 1);
	ck_assert_uint_eq(le(&b, pci + 52, 2), 0x100); /* VETH in revision 9 */
	emit_buf_free(&b);
	config_free(&c);
}
END_TEST

START_TEST(cells_both)
{
	struct config c;
	struct emit_buf b;
	struct cell *cell;

	config_init(&c);
	fixture_system(&c, ABI_V14);
	cell = fixture_all_flags(&c, ABI_V14);
	emit_ok(&c, cell, ABI_V14, &b);
	ck_assert(memcmp(b.data, "JHCLL", 5) == 0);
	ck_assert_uint_eq(le(&b, 44, 4), 0xc0000007);
	ck_assert_uint_eq(le(&b, 64, 4), 2);          /* pio regions, not bytes */
	ck_assert_uint_eq(le(&b, 76, 4), 3);          /* stream ids */
	ck_assert_uint_eq(le(&b, 84, 8), 0x40000);
	ck_assert_uint_eq(le(&b, 100 + 12, 2), CON_SCIF);
	ck_assert_uint_eq(le(&b, 48, 4), 16);
	ck_assert_uint_eq(le(&b, 132, 8), 0xffffffffffffffeull);
	ck_assert_uint_eq(le(&b, 140, 8), 0);
	ck_assert_uint_eq(le(&b, 132 + 16 + 24, 8), 0xf81ff); /* every memory flag */
	emit_buf_free(&b);
	config_free(&c);

	config_init(&c);
	fixture_system(&c, ABI_V9);
	cell = fixture_all_flags(&c, ABI_V9);
	emit_ok(&c, cell, ABI_V9, &b);
	ck_assert(memcmp(b.data, "JHCELL", 6) == 0);
	ck_assert_uint_eq(le(&b, 44, 4), 7);          /* PASSIVE_COMMREG, DEBUG_CONSOLE, TEST_DEVICE */
	ck_assert_uint_eq(le(&b, 64, 4), 8);          /* pio bitmap bytes */
	ck_assert_uint_eq(le(&b, 80, 8), 0x40000);
	ck_assert_uint_eq(le(&b, 88, 8), 1234567);
	ck_assert_uint_eq(le(&b, 96 + 16 + 24, 8), 0xf01ff); /* IO_UNALIGNED is 0x100 */
	emit_buf_free(&b);
	config_free(&c);
}
END_TEST

static void emit_fails(const struct config *c, const struct cell *cell, enum abi abi,
		       const char *words)
{
	struct emit_buf b;
	struct emit_error err;

	emit_buf_init(&b);
	ck_assert_int_eq(emit_cell_binary(c, cell, abi, &b, &err), -1);
	ck_assert_msg(strstr(err.text, words) != NULL, "'%s' lacks '%s'", err.text, words);
	ck_assert_int_eq(emit_cell_c(c, cell, abi, &b, &err), -1);
	emit_buf_free(&b);
}

START_TEST(refusals)
{
	struct config c;
	struct cell *cell;

	config_init(&c);
	fixture_system(&c, ABI_V14);
	cell = fixture_bare(&c, ABI_V14);
	emit_fails(&c, cell, ABI_V9, "cell flags 0x40000000");
	cell->flags = 0;
	emit_fails(&c, c.cells[0], ABI_V9, "VIRTUAL_DEBUG_CONSOLE");
	cell->regions[0].flags |= MEM_NO_HUGEPAGES;
	emit_fails(&c, cell, ABI_V9, "NO_HUGEPAGES");
	cell->regions[0].flags &= ~(uint32_t)MEM_NO_HUGEPAGES;
	cell->flags = CELL_DEBUG_CONSOLE;
	emit_fails(&c, cell, ABI_V14, "DEBUG_CONSOLE");
	cell->flags = 0;
	free(cell->name);
	cell->name = strdup("a-name-that-is-longer-than-31-chars");
	emit_fails(&c, cell, ABI_V14, "longer than 31");
	config_free(&c);

	config_init(&c);
	fixture_system(&c, ABI_V9);
	emit_fails(&c, c.cells[0], ABI_V14, "ROOTPAGE");
	cell = fixture_ivshmem(&c, ABI_V9);
	cell->pci[0].shmem_peers = 3;
	emit_fails(&c, cell, ABI_V9, "exactly two");
	cell->pci[0].shmem_peers = 2;
	cell->pci[0].shmem_protocol = SHMEM_PROTO_VIRTIO_FRONT;
	emit_fails(&c, cell, ABI_V9, "protocol");
	cell->pci[0].shmem_protocol = SHMEM_PROTO_VETH;
	cell->cpu_set_size = 1;
	cell->cpus = 0x100;
	emit_fails(&c, cell, ABI_V9, "CPU set");
	config_free(&c);
}
END_TEST

/* Revision 9 has no per-cell console: a guest's is left out, nothing else. */
START_TEST(v9_without_console)
{
	struct config c;
	struct emit_buf with, without;
	struct cell *cell;

	config_init(&c);
	fixture_system(&c, ABI_V9);
	cell = fixture_bare(&c, ABI_V9);
	emit_ok(&c, cell, ABI_V9, &without);
	cell->console.address = 0x3100000;
	cell->console.type = CON_8250;
	emit_ok(&c, cell, ABI_V9, &with);
	ck_assert_uint_eq(with.len, without.len);
	ck_assert(memcmp(with.data, without.data, with.len) == 0);
	emit_buf_free(&with);
	emit_buf_free(&without);
	config_free(&c);
}
END_TEST

START_TEST(file_base)
{
	struct config c;
	struct cell *cell;
	char *base;

	config_init(&c);
	cell = config_add_cell(&c, "../my cell/x", false);
	base = emit_file_base(cell);
	ck_assert_str_eq(base, "_.-my-cell-x");
	free(base);
	config_free(&c);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("emit-binary");
	TCase *tc = tcase_create("layout");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, system_v14);
	tcase_add_test(tc, system_v9);
	tcase_add_test(tc, cells_both);
	tcase_add_test(tc, refusals);
	tcase_add_test(tc, v9_without_console);
	tcase_add_test(tc, file_base);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
