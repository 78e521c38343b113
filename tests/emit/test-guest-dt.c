/*
 * Device trees for Linux guests: the CPUs, RAM, GIC and timer of the cell,
 * only the interrupts it was granted, the virtual PCI host with INTx on
 * vpci_irq_base and a memory window clear of the cell's regions; the source
 * compiles with dtc and reads back with libfdt.
 */
#include "config.h"

#include <check.h>
#include <libfdt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emit/guest-dt.h"
#include "model/util.h"

struct fixture {
	struct board b;
	struct config c;
	struct cell *cell;
	struct derive_guest g;
};

static void setup_fixture(struct fixture *f)
{
	struct board_region *uart;
	struct board_cpu *cpu;

	board_init(&f->b);
	f->b.arch = ARCH_ARM64;
	f->b.gic.version = GIC_V2;
	f->b.gic.gicd = (struct range){ 0x3881000, 0x1000 };
	f->b.gic.gicc = (struct range){ 0x3882000, 0x2000 };
	cpu = board_add_cpu(&f->b, 0, 0x100);
	cpu->core_type = xstrdup("arm,cortex-a57");
	board_add_cpu(&f->b, 1, 0x1);
	cpu = board_add_cpu(&f->b, 2, 0x101);
	cpu->core_type = xstrdup("arm,cortex-a57");
	uart = board_add_region(&f->b, "serial@c280000", 0xc280000, 0x40, REGION_MMIO);
	uart->dt_path = xstrdup("/bus@0/serial@c280000");
	uart->compatible = xstrdup("nvidia,tegra186-uart");
	board_region_add_irq(uart, 32 + 114);
	board_region_add_irq(uart, 32 + 115);
	board_index(&f->b);

	config_init(&f->c);
	f->c.sys.pci_mmconfig_base = 0x280000000ull;
	f->c.sys.gicd_base = 0x3881000;
	f->c.sys.gicc_base = 0x3882000;
	f->cell = config_add_cell(&f->c, "linux \"demo\"", false);
	f->cell->type = CELL_LINUX;
	f->cell->cpus = 0x5;
	f->cell->vpci_irq_base = 200;
	cell_add_region(&f->c, f->cell, "RAM", 0x26c800000ull, 0x26c800000ull, 128 << 20, 7);
	/* Where the PCI window would go first: it has to move up. */
	cell_add_region(&f->c, f->cell, "in the way", 0x10000000, 0x10000000, 0x1000, 3);
	cell_grant_irq(f->cell, 0x3881000, 32 + 114);
	ARRAY_GROW(f->cell->pci, f->cell->n_pci, f->cell->cap_pci);
	memset(&f->cell->pci[0], 0, sizeof(f->cell->pci[0]));
	f->cell->pci[0].type = PCI_IVSHMEM;
	f->cell->n_pci = 1;

	memset(&f->g, 0, sizeof(f->g));
	f->g.cell = f->cell->name;
	f->g.type = CELL_LINUX;
	f->g.cpus = f->cell->cpus;
	f->g.ram_virt = 0x26c800000ull;
	f->g.ram_size = 128 << 20;
	f->g.dt_paths = xmalloc(sizeof(char *));
	f->g.dt_paths[0] = xstrdup("/bus@0/serial@c280000");
	f->g.n_dt_paths = 1;
	f->g.console_path = xstrdup("/bus@0/serial@c280000");
}

static void free_fixture(struct fixture *f)
{
	free(f->g.dt_paths[0]);
	free(f->g.dt_paths);
	free(f->g.console_path);
	config_free(&f->c);
	board_free(&f->b);
}

static char *dts_text(struct fixture *f)
{
	struct emit_error err;
	struct emit_buf b;

	emit_buf_init(&b);
	ck_assert_msg(emit_guest_dts(&f->b, &f->c, f->cell, &f->g, &b, &err) == 0, "%s", err.text);
	buf_put_u8(&b, 0);
	return (char *)b.data;
}

START_TEST(source_content)
{
	struct fixture f;
	char *dts;

	setup_fixture(&f);
	dts = dts_text(&f);
	ck_assert_ptr_nonnull(strstr(dts, "compatible = \"jailhouse,cell\";"));
	ck_assert_ptr_nonnull(strstr(dts, "cpu@100 {"));
	ck_assert_ptr_nonnull(strstr(dts, "cpu@101 {"));
	ck_assert_ptr_null(strstr(dts, "cpu@1 {"));
	/* Two CPUs: the PPIs reach CPU interfaces 0 and 1. */
	ck_assert_ptr_nonnull(strstr(dts, "<1 13 0x308>"));
	ck_assert_ptr_nonnull(strstr(dts, "reg = <0x2 0x6c800000 0x0 0x8000000>;"));
	/* The granted UART interrupt, not the other one. */
	ck_assert_ptr_nonnull(strstr(dts, "interrupts = <0 114 4>;"));
	ck_assert_ptr_null(strstr(dts, "<0 115 4>"));
	ck_assert_ptr_nonnull(strstr(dts, "<0 0 0 1 &gic 0 200 1>"));
	ck_assert_ptr_nonnull(strstr(dts, "<0 0 0 4 &gic 0 203 1>"));
	ck_assert_ptr_nonnull(strstr(dts, "ranges = <0x02000000 0x0 0x10100000 0x0 0x10100000"));
	ck_assert_ptr_nonnull(strstr(dts, "stdout-path = \"/serial@c280000\";"));
	ck_assert_ptr_nonnull(strstr(dts, "model = \"linux \\\"demo\\\"\";"));
	free(dts);
	free_fixture(&f);
}
END_TEST

/* A board.yml is the user's text: a path cannot end the comment it is named in. */
START_TEST(path_stays_in_comment)
{
	struct fixture f;
	char *dts;

	setup_fixture(&f);
	free(f.g.dt_paths[0]);
	f.g.dt_paths[0] = xstrdup("/bus@0/x*/ junk /*y");
	dts = dts_text(&f);
	ck_assert_ptr_null(strstr(dts, "x*/ junk"));
	ck_assert_ptr_nonnull(strstr(dts, "/* /bus@0/x* / junk /*y on the board;"));
	free(dts);
	free_fixture(&f);
}
END_TEST

START_TEST(needs_gic_and_ram)
{
	struct emit_error err;
	struct emit_buf b;
	struct fixture f;

	setup_fixture(&f);
	f.g.ram_size = 0;
	emit_buf_init(&b);
	ck_assert_int_eq(emit_guest_dts(&f.b, &f.c, f.cell, &f.g, &b, &err), -1);
	ck_assert_uint_eq(b.len, 0);
	emit_buf_free(&b);
	free_fixture(&f);
}
END_TEST

/* Compiled by dtc and read back with libfdt. */
/* Linux's AMBA bus binds a PL011 by "arm,primecell", which board.yml does not keep. */
START_TEST(pl011_stays_primecell)
{
	struct fixture f;
	char *dts;

	setup_fixture(&f);
	free(f.b.regions[0].compatible);
	f.b.regions[0].compatible = xstrdup("arm,pl011");
	dts = dts_text(&f);
	ck_assert_msg(strstr(dts, "\t\tcompatible = \"arm,pl011\", \"arm,primecell\";\n") != NULL,
		      "%s", dts);
	free(dts);
	free_fixture(&f);
}
END_TEST

START_TEST(compiles)
{
	const char *dtc = getenv("DTC");
	char dir[] = "/tmp/aj-guest-dt-XXXXXX", cmd[1024], path[256];
	static char blob[65536];
	const fdt32_t *reg;
	struct fixture f;
	char *dts;
	FILE *fp;
	size_t n;
	int node, len;

	ck_assert(dtc && *dtc);
	ck_assert_ptr_nonnull(mkdtemp(dir));
	setup_fixture(&f);
	dts = dts_text(&f);
	snprintf(path, sizeof(path), "%s/guest.dts", dir);
	fp = fopen(path, "w");
	fputs(dts, fp);
	fclose(fp);
	snprintf(cmd, sizeof(cmd), "%s -q -I dts -O dtb -o %s/guest.dtb %s && rm %s", dtc, dir,
		 path, path);
	ck_assert_int_eq(system(cmd), 0);
	snprintf(path, sizeof(path), "%s/guest.dtb", dir);
	fp = fopen(path, "rb");
	n = fread(blob, 1, sizeof(blob), fp);
	fclose(fp);
	remove(path);
	remove(dir);
	ck_assert_uint_gt(n, 0);
	ck_assert_int_eq(fdt_check_full(blob, n), 0);
	node = fdt_path_offset(blob, "/memory@26c800000");
	ck_assert_int_ge(node, 0);
	reg = fdt_getprop(blob, node, "reg", &len);
	ck_assert_int_eq(len, 16);
	ck_assert_uint_eq(fdt32_to_cpu(reg[0]), 0x2);
	ck_assert_uint_eq(fdt32_to_cpu(reg[3]), 0x8000000);
	node = fdt_path_offset(blob, "/hypervisor");
	ck_assert_int_eq(fdt_node_check_compatible(blob, node, "jailhouse,cell"), 0);
	node = fdt_path_offset(blob, "/pci@280000000");
	ck_assert_int_eq(fdt_node_check_compatible(blob, node, "pci-host-ecam-generic"), 0);
	free(dts);
	free_fixture(&f);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("guest-dt");
	TCase *tc = tcase_create("guest-dt");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, source_content);
	tcase_add_test(tc, path_stays_in_comment);
	tcase_add_test(tc, needs_gic_and_ram);
	tcase_add_test(tc, pl011_stays_primecell);
	if (getenv("DTC") && *getenv("DTC"))
		tcase_add_test(tc, compiles);
	else
		fprintf(stderr, "DTC not set: the device tree is not compiled\n");
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
