/*
 * The C sources autojail writes compile to exactly the bytes of its binary
 * writer: each configuration is compiled with gcc (and with $AARCH64_CC when
 * set) against tests/emit/jailhouse-v14.h or -v9.h, with Jailhouse's own
 * warning flags, its data section cut out with objcopy and compared byte by
 * byte, for both revisions; with clang too when $CLANG names it.
 */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "emit/emit.h"
#include "model/util.h"
#include "tests/emit/emit-fixtures.h"

static char tmpdir[] = "/tmp/aj-emit-c-XXXXXX";

static void write_file(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	ck_assert_msg(f != NULL, "cannot write %s", path);
	ck_assert_uint_eq(fwrite(data, 1, len, f), len);
	fclose(f);
}

static uint8_t *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	uint8_t *data = NULL;
	size_t cap = 0, n;

	ck_assert_msg(f != NULL, "cannot read %s", path);
	*len = 0;
	do {
		cap += 65536;
		data = xrealloc(data, cap);
		n = fread(data + *len, 1, cap - *len, f);
		*len += n;
	} while (n);
	fclose(f);
	return data;
}

/* tmpdir/inc-REV/jailhouse/{types,cell-config}.h lead to the test header. */
static void make_include_dir(int rev)
{
	const char *src = getenv("top_srcdir");
	char path[512], text[512];

	snprintf(path, sizeof(path), "%s/inc-%d", tmpdir, rev);
	mkdir(path, 0700);
	snprintf(path, sizeof(path), "%s/inc-%d/jailhouse", tmpdir, rev);
	mkdir(path, 0700);
	snprintf(path, sizeof(path), "%s/inc-%d/jailhouse/types.h", tmpdir, rev);
	write_file(path, "/* the types are in cell-config.h */\n", 37);
	snprintf(path, sizeof(path), "%s/inc-%d/jailhouse/cell-config.h", tmpdir, rev);
	snprintf(text, sizeof(text), "#include \"%s/tests/emit/jailhouse-v%d.h\"\n",
		 src ? src : ".", rev);
	write_file(path, text, strlen(text));
}

/* Compiles the C text and returns the bytes of its .data section. */
static uint8_t *compile(const struct emit_buf *csrc, int rev, const char *cc, const char *objcopy,
			size_t *len)
{
	char cmd[2048], c_path[512], o_path[512], bin_path[512];
	int ret;

	snprintf(c_path, sizeof(c_path), "%s/config.c", tmpdir);
	snprintf(o_path, sizeof(o_path), "%s/config.o", tmpdir);
	snprintf(bin_path, sizeof(bin_path), "%s/config.bin", tmpdir);
	write_file(c_path, csrc->data, csrc->len);
	unlink(bin_path);
	snprintf(cmd, sizeof(cmd),
		 "%s -Wall -Wextra -Werror -O2 -I%s/inc-%d -c %s -o %s && "
		 "%s -O binary --only-section=.data %s %s",
		 cc, tmpdir, rev, c_path, o_path, objcopy, o_path, bin_path);
	ret = system(cmd);
	ck_assert_msg(ret == 0, "compiling the emitted C failed (%s); source in %s", cmd, c_path);
	return read_file(bin_path, len);
}

static void check_equal(const struct config *c, const struct cell *cell, enum abi abi,
			const char *cc, const char *objcopy)
{
	struct emit_buf bin, csrc;
	struct emit_error err;
	uint8_t *compiled;
	size_t len;

	emit_buf_init(&bin);
	emit_buf_init(&csrc);
	ck_assert_msg(emit_cell_binary(c, cell, abi, &bin, &err) == 0, "%s", err.text);
	ck_assert_msg(emit_cell_c(c, cell, abi, &csrc, &err) == 0, "%s", err.text);
	compiled = compile(&csrc, abi, cc, objcopy, &len);
	ck_assert_msg(len == bin.len, "cell %s rev %d: compiled %zu bytes, binary writer %zu",
		      cell->name, abi, len, bin.len);
	for (size_t i = 0; i < len; i++)
		ck_assert_msg(compiled[i] == bin.data[i],
			      "cell %s rev %d: byte %zu is %#x compiled, %#x written", cell->name,
			      abi, i, compiled[i], bin.data[i]);
	free(compiled);
	emit_buf_free(&bin);
	emit_buf_free(&csrc);
}

/* Every fixture, in one configuration, through one compiler. */
static void check_fixtures(enum abi abi, const char *cc, const char *objcopy)
{
	struct config c;

	config_init(&c);
	fixture_system(&c, abi);
	fixture_bare(&c, abi);
	fixture_ivshmem(&c, abi);
	fixture_subpage(&c, abi);
	fixture_all_flags(&c, abi);
	for (size_t i = 0; i < c.n_cells; i++)
		check_equal(&c, c.cells[i], abi, cc, objcopy);
	config_free(&c);
}

static void check_random(enum abi abi, const char *cc, const char *objcopy, unsigned n)
{
	struct rng r = { .state = 0x9e3779b97f4a7c15ull + (uint64_t)abi };

	for (unsigned k = 0; k < n; k++) {
		struct config c;

		config_init(&c);
		fixture_random(&c, abi, &r);
		for (size_t i = 0; i < c.n_cells; i++)
			check_equal(&c, c.cells[i], abi, cc, objcopy);
		config_free(&c);
	}
}

START_TEST(gcc_v14)
{
	check_fixtures(ABI_V14, "gcc", "objcopy");
	check_random(ABI_V14, "gcc", "objcopy", 8);
}
END_TEST

START_TEST(gcc_v9)
{
	check_fixtures(ABI_V9, "gcc", "objcopy");
	check_random(ABI_V9, "gcc", "objcopy", 8);
}
END_TEST

static bool aarch64_tools(const char **cc, const char **objcopy)
{
	*cc = getenv("AARCH64_CC");
	*objcopy = getenv("AARCH64_OBJCOPY");
	return *cc && **cc && *objcopy && **objcopy;
}

START_TEST(aarch64_both)
{
	const char *cc, *objcopy;

	ck_assert(aarch64_tools(&cc, &objcopy));
	check_fixtures(ABI_V14, cc, objcopy);
	check_fixtures(ABI_V9, cc, objcopy);
}
END_TEST

START_TEST(clang_both)
{
	const char *cc = getenv("CLANG");

	ck_assert(cc && *cc);
	check_fixtures(ABI_V14, cc, "objcopy");
	check_fixtures(ABI_V9, cc, "objcopy");
}
END_TEST

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

static void setup(void)
{
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
	make_include_dir(14);
	make_include_dir(9);
}

static void teardown(void)
{
	char cmd[600];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", tmpdir);
}

int main(void)
{
	Suite *s = suite_create("emit-c");
	TCase *tc = tcase_create("byte-equality");
	SRunner *sr;
	int failed;

	tcase_add_unchecked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, gcc_v14);
	tcase_add_test(tc, gcc_v9);
	if (aarch64_tools(&(const char *){ NULL }, &(const char *){ NULL }))
		tcase_add_test(tc, aarch64_both);
	else
		fprintf(stderr, "AARCH64_CC or AARCH64_OBJCOPY not set: aarch64 not compared\n");
	if (getenv("CLANG") && *getenv("CLANG"))
		tcase_add_test(tc, clang_both);
	tcase_add_test(tc, c_style);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
