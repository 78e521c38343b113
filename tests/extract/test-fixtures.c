/*
 * Device-tree edge cases, each in a small .dts of tests/extract/fixtures
 * compiled with dtc while the test runs: translation, memory, interrupts,
 * GICv2/v3, CPUs, consoles, no GIC, corrupt and truncated blobs, and the
 * folder form of a tree giving the same board as its blob.
 */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libfdt.h>

#include "model/util.h"
#include "src/extract-merge.h"
#include "tests/extract/helpers.h"

static const char *srcdir;
static char tmpdir[] = "/tmp/aj-fixtures.XXXXXX";
static const char *dtc;

/* Compiles fixtures/NAME.dts into the temporary folder; returns the blob's path. */
static char *compile(const char *name)
{
	char *out = xasprintf("%s/%s.dtb", tmpdir, name);
	char *cmd = xasprintf("'%s' -q -I dts -O dtb -o '%s' '%s/tests/extract/fixtures/%s.dts'",
			      dtc, out, srcdir, name);

	ck_assert_msg(system(cmd) == 0, "dtc failed: %s", cmd);
	free(cmd);
	return out;
}

static void extract_fixture(const char *name, struct extracted *x)
{
	char *dtb = compile(name);
	struct error err;
	struct dump *d;

	error_clear(&err);
	d = dump_open_dtb(dtb, &err);
	ck_assert_msg(d != NULL, "%s", err.text);
	extract_dump(d, x);
	free(dtb);
}

START_TEST(translation)
{
	struct extracted x;
	struct board_region *r;

	extract_fixture("ranges", &x);
	ck_assert_msg(x.ret == 0, "%s", x.err.text);
	r = region_by_path(&x.b, "/soc/uart@7e201000");
	ck_assert_ptr_nonnull(r);
	ck_assert_uint_eq(r->start, 0x4fe201000);               /* 32-bit bus, 64-bit parent */
	ck_assert_uint_eq(r->size, 0x200);
	ck_assert(region_has_irq(r, 32 + 121));
	r = region_by_path(&x.b, "/soc/timer@7e003000");       /* reg wins over the unit address */
	ck_assert_uint_eq(r->start, 0x4fe004000);
	r = region_by_path(&x.b, "dma@7e007000:extra");         /* second reg entry, by reg-names */
	ck_assert_ptr_nonnull(r);
	ck_assert_uint_eq(r->start, 0x4fe00b000);
	r = region_by_path(&x.b, "/soc/inner@40000000/dev@1,100");  /* two levels of ranges */
	ck_assert_ptr_nonnull(r);
	ck_assert_uint_eq(r->start, 0xff800100);
	r = region_by_path(&x.b, "/bus@0/dev@9000000");         /* empty ranges: identity */
	ck_assert_uint_eq(r->start, 0x9000000);
	r = region_by_path(&x.b, "/soc/off@7e300000");
	ck_assert(r->disabled);
	ck_assert(!region_by_path(&x.b, "/soc/uart@7e201000")->disabled);

	ck_assert_ptr_null(region_by_path(&x.b, "/soc/lost@10000000"));
	ck_assert(report_has(&x.rep, "/soc/lost@10000000: reg 0x10000000 cannot be translated"));
	/* Below a bus without ranges: the direct child silently (not MMIO), the
	 * grandchild reported (its own parent claims to be memory mapped). */
	ck_assert_ptr_null(region_by_path(&x.b, "/soc/noranges@7e900000/sub@0"));
	ck_assert(!report_has(&x.rep, "sub@0: reg"));
	ck_assert(report_has(&x.rep, "leaf@20: reg 0x20 cannot be translated"));
	ck_assert_ptr_null(region_by_path(&x.b, "/soc/i2c@7e804000/sensor@48"));
	ck_assert(!report_has(&x.rep, "sensor@48"));
	ck_assert_int_eq(x.b.gic.version, GIC_V2);             /* gic-400 */
	ck_assert_uint_eq(x.b.gic.gicv.start, 0x8040000);
	extracted_free(&x);
}
END_TEST

START_TEST(interrupts_gicv3_cpus)
{
	struct extracted x;
	struct board_region *r;

	extract_fixture("irq", &x);
	ck_assert_msg(x.ret == 0, "%s", x.err.text);
	ck_assert_int_eq(x.b.gic.version, GIC_V3);
	ck_assert_uint_eq(x.b.gic.gicd.start, 0x38000000);
	ck_assert_uint_eq(x.b.gic.gicr.start, 0x38100000);
	ck_assert_uint_eq(x.b.gic.gicr.size, 0x100000);        /* two contiguous regions */
	ck_assert_uint_eq(x.b.gic.gicc.start, 0x38200000);
	ck_assert_uint_eq(x.b.gic.gich.start, 0x38210000);
	ck_assert_uint_eq(x.b.gic.gicv.start, 0x38220000);
	ck_assert_uint_eq(x.b.gic.maintenance_irq, 25);

	r = region_by_path(&x.b, "/bus/a@1000");       /* parent inherited from the bus: lic */
	ck_assert_uint_eq(r->n_irqs, 1);
	ck_assert(region_has_irq(r, 32 + 36));
	r = region_by_path(&x.b, "/bus/b@2000");       /* a GPIO line: no GIC interrupt */
	ck_assert_uint_eq(r->n_irqs, 0);
	r = region_by_path(&x.b, "/bus/c@3000");       /* interrupts-extended: SPI, GPIO, PPI */
	ck_assert_uint_eq(r->n_irqs, 2);
	ck_assert(region_has_irq(r, 32 + 40));
	ck_assert(region_has_irq(r, 16 + 13));
	r = region_by_path(&x.b, "/bus/d@4000");
	ck_assert(region_has_irq(r, 82) && region_has_irq(r, 83));
	r = region_by_path(&x.b, "/gpio@6000d000");
	ck_assert(region_has_irq(r, 64));
	ck_assert_ptr_nonnull(region_by_path(&x.b, "/interrupt-controller@38000000/its@38040000"));

	ck_assert_uint_eq(x.b.n_cpus, 2);
	ck_assert_uint_eq(x.b.cpus[1].mpidr, 0x100);
	ck_assert_str_eq(x.b.cpus[1].enable_method, "spin-table");
	ck_assert_str_eq(x.b.cpus[0].core_type, "arm,cortex-a53");
	extracted_free(&x);
}
END_TEST

START_TEST(consoles)
{
	struct extracted x;
	const struct board_console *c;

	extract_fixture("console", &x);
	ck_assert_msg(x.ret == 0, "%s", x.err.text);
	ck_assert_uint_eq(x.b.n_consoles, 4);
	c = console_at(&x.b, 0x1000000);
	ck_assert_uint_eq(c->con.type, CON_8250);
	ck_assert_uint_eq(c->con.flags, CON_FLAG_ACCESS_MMIO | CON_FLAG_REGDIST_4);
	ck_assert(c->is_stdout);
	ck_assert_str_eq(c->linux_name, "ttyS0");
	ck_assert_uint_eq(c->con.size, 0x40);
	c = console_at(&x.b, 0x1001000);
	ck_assert_uint_eq(c->con.flags, CON_FLAG_ACCESS_MMIO);  /* no reg-shift */
	ck_assert_str_eq(c->linux_name, "ttyS1");
	ck_assert(!c->is_stdout);
	c = console_at(&x.b, 0x1002000);
	ck_assert_uint_eq(c->con.type, CON_PL011);
	ck_assert_str_eq(c->linux_name, "ttyAMA2");
	c = console_at(&x.b, 0x1003000);
	ck_assert_uint_eq(c->con.type, CON_XUARTPS);
	ck_assert_ptr_null(console_at(&x.b, 0x1004000));       /* disabled */
	ck_assert_ptr_null(console_at(&x.b, 0x1005000));       /* no alias, not stdout */
	ck_assert_int_eq(x.b.gic.version, GIC_V2);             /* cortex-a15-gic */
	extracted_free(&x);
}
END_TEST

START_TEST(memory_and_reservations)
{
	struct extracted x;
	struct board_region *r;

	extract_fixture("memory", &x);
	ck_assert_msg(x.ret == 0, "%s", x.err.text);
	ck_assert(report_has(&x.rep, "/memory@0: memory reg with size 0"));
	ck_assert_ptr_null(region_starting(&x.b, 0, REGION_RAM));
	r = region_starting(&x.b, 0x40000000, REGION_RESERVED);  /* /memreserve/ */
	ck_assert_ptr_nonnull(r);
	ck_assert_uint_eq(r->size, 0x10000);
	r = region_by_path(&x.b, "/reserved-memory/secure@41000000");
	ck_assert_uint_eq(r->kind, REGION_RESERVED);
	ck_assert(!r->linux_uses);                              /* no-map */
	r = region_by_path(&x.b, "/reserved-memory/pool@42000000");
	ck_assert(r->linux_uses);                               /* reusable */
	ck_assert_ptr_null(region_by_path(&x.b, "/reserved-memory/linux,cma"));
	extracted_free(&x);
}
END_TEST

START_TEST(no_memory_node)
{
	struct extracted x;

	extract_fixture("nomem", &x);
	ck_assert_int_eq(x.ret, 0);
	ck_assert(report_has(&x.rep, "no memory node"));
	ck_assert_uint_eq(board_ram_size(&x.b), 0);
	extracted_free(&x);
}
END_TEST

/* An interrupt beyond the documented size of a known SoC's GIC: the data
 * is trusted over the table, and the mismatch reported. */
START_TEST(gic_size_below_use)
{
	struct extracted x;

	extract_fixture("gicsize", &x);
	ck_assert_msg(x.ret == 0, "%s", x.err.text);
	ck_assert_uint_eq(x.b.gic.num_irqs, 352);               /* SPI 300 = 332 */
	ck_assert(report_has(&x.rep, "interrupt 332 is in use, but a linux,dummy-virt GIC "
				     "has 288 interrupts"));
	extracted_free(&x);
}
END_TEST

START_TEST(no_gic)
{
	struct extracted x;

	extract_fixture("nogic", &x);
	ck_assert_int_eq(x.ret, -1);
	ck_assert_ptr_nonnull(strstr(x.err.text, "no GIC"));
	ck_assert_ptr_nonnull(strstr(x.err.text, "test,legacy-intc"));
	ck_assert_ptr_nonnull(strstr(x.err.text, "nogic.dtb"));
	extracted_free(&x);
}
END_TEST

static void write_bytes(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(data, 1, len, f), len);
	fclose(f);
}

static void *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = xmalloc(1 << 20);

	ck_assert_ptr_nonnull(f);
	*len = fread(buf, 1, 1 << 20, f);
	fclose(f);
	return buf;
}

/* Truncated, bit-flipped, old, empty and junk blobs: an error naming the file. */
START_TEST(corrupt_blobs)
{
	char *dtb = compile("ranges"), *bad = xasprintf("%s/bad.dtb", tmpdir);
	size_t len, cuts[] = { 0, 20, 100 };
	char *blob = slurp(dtb, &len);
	struct extracted x;
	struct error err;

	for (size_t variant = 0; variant < 7; variant++) {
		char *copy = xmalloc(len);

		memcpy(copy, blob, len);
		if (variant < 3) {
			write_bytes(bad, copy, cuts[variant] ? len - cuts[variant] : 0);
		} else if (variant == 3) {
			/* A property length far beyond the blob. */
			uint32_t off = fdt_off_dt_struct(copy) + 8;

			memset(copy + off + 4, 0x7f, 4);
			write_bytes(bad, copy, len);
		} else if (variant == 4) {
			memset(copy + 40, 0xff, len - 40);
			write_bytes(bad, copy, len);
		} else if (variant == 5) {
			/* Version 15 made libfdt 1.6's fdt_check_full crash (found by fuzzing). */
			copy[20] = copy[21] = copy[22] = 0;
			copy[23] = 15;
			write_bytes(bad, copy, len);
		} else {
			for (size_t i = 0; i < len; i++)
				copy[i] = (char)(i * 7 + 3);
			write_bytes(bad, copy, len);
		}
		error_clear(&err);
		extract_dump(dump_open_dtb(bad, &err), &x);
		ck_assert_msg(x.ret == -1, "variant %zu was accepted", variant);
		ck_assert_msg(strstr(x.err.text, "bad.dtb") != NULL, "%s", x.err.text);
		extracted_free(&x);
		free(copy);
	}
	free(blob);
	free(bad);
	free(dtb);
}
END_TEST

/* Blobs fuzzing found (tests/fuzz/regress-dtb): refused or read, never a crash. */
START_TEST(fuzz_findings)
{
	static const char *const names[] = { "old-version", "ranges-len-minus-one" };

	for (size_t i = 0; i < 2; i++) {
		char *path = xasprintf("%s/tests/fuzz/regress-dtb/%s", srcdir, names[i]);
		struct extracted x;
		struct error err;

		error_clear(&err);
		extract_dump(dump_open_dtb(path, &err), &x);
		ck_assert_msg(x.ret == 0 || strstr(x.err.text, names[i]), "%s", x.err.text);
		extracted_free(&x);
		free(path);
	}
}
END_TEST

/* Folder listings are sorted by name, blobs keep source order: compare sorted. */
static int region_cmp(const void *a, const void *b)
{
	const struct board_region *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return strcmp(x->name, y->name);
}

/* Writes a blob as a devicetree/base folder: a folder per node, a file per property. */
static void blob_to_folder(const void *fdt, int node, const char *dir)
{
	int prop, child;

	ck_assert_int_eq(mkdir(dir, 0777), 0);
	fdt_for_each_property_offset(prop, fdt, node) {
		const char *name;
		int plen;
		const void *val = fdt_getprop_by_offset(fdt, prop, &name, &plen);
		char *path = xasprintf("%s/%s", dir, name);

		write_bytes(path, val, (size_t)plen);
		free(path);
	}
	fdt_for_each_subnode(child, fdt, node) {
		char *path = xasprintf("%s/%s", dir, fdt_get_name(fdt, child, NULL));

		blob_to_folder(fdt, child, path);
		free(path);
	}
}

START_TEST(folder_form_equals_blob)
{
	static const char *const names[] = { "ranges", "irq", "console" };

	for (size_t k = 0; k < 3; k++) {
		char *dtb = compile(names[k]), *dump = xasprintf("%s/%s-dump", tmpdir, names[k]);
		char *base = xasprintf("%s/sys/firmware/devicetree/base", dump);
		char *cmd = xasprintf("mkdir -p '%s/sys/firmware/devicetree'", dump);
		struct extracted a, b;
		struct error err;
		size_t len;
		void *blob = slurp(dtb, &len);

		ck_assert_int_eq(system(cmd), 0);
		blob_to_folder(blob, 0, base);
		error_clear(&err);
		extract_dump(dump_open_dtb(dtb, &err), &a);
		extract_dump(dump_open_dir(dump, &err), &b);
		ck_assert_msg(a.ret == 0 && b.ret == 0, "%s / %s", a.err.text, b.err.text);
		ck_assert_uint_eq(a.b.n_regions, b.b.n_regions);
		qsort(a.b.regions, a.b.n_regions, sizeof(*a.b.regions), region_cmp);
		qsort(b.b.regions, b.b.n_regions, sizeof(*b.b.regions), region_cmp);
		for (size_t i = 0; i < a.b.n_regions; i++) {
			ck_assert_uint_eq(a.b.regions[i].start, b.b.regions[i].start);
			ck_assert_uint_eq(a.b.regions[i].size, b.b.regions[i].size);
			ck_assert_uint_eq(a.b.regions[i].n_irqs, b.b.regions[i].n_irqs);
			ck_assert_str_eq(a.b.regions[i].name, b.b.regions[i].name);
		}
		ck_assert_uint_eq(a.b.gic.gicd.start, b.b.gic.gicd.start);
		ck_assert_uint_eq(a.b.n_cpus, b.b.n_cpus);
		ck_assert_uint_eq(a.b.n_consoles, b.b.n_consoles);
		extracted_free(&a);
		extracted_free(&b);
		free(blob);
		free(cmd);
		free(base);
		free(dump);
		free(dtb);
	}
}
END_TEST

int main(void)
{
	SRunner *sr;
	Suite *s;
	TCase *tc;
	int failed;

	dtc = getenv("DTC");
	srcdir = getenv("top_srcdir");
	if (!dtc || !*dtc || !srcdir) {
		printf("1..0 # SKIP dtc not found (DTC=%s)\n", dtc ? dtc : "");
		return 0;
	}
	if (!mkdtemp(tmpdir)) {
		perror(tmpdir);
		return EXIT_FAILURE;
	}
	s = suite_create("extract-fixtures");
	tc = tcase_create("fixtures");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, translation);
	tcase_add_test(tc, interrupts_gicv3_cpus);
	tcase_add_test(tc, consoles);
	tcase_add_test(tc, memory_and_reservations);
	tcase_add_test(tc, no_memory_node);
	tcase_add_test(tc, gic_size_below_use);
	tcase_add_test(tc, no_gic);
	tcase_add_test(tc, corrupt_blobs);
	tcase_add_test(tc, fuzz_findings);
	tcase_add_test(tc, folder_form_equals_blob);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	char *cmd = xasprintf("rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", tmpdir);
	free(cmd);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
