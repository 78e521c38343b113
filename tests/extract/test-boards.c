/*
 * Extraction of the real board dumps in ../shared/boards: the facts each
 * board is known to have (shared/jetson-tx2.md, the boards' README), read
 * back from the board model. Skipped when the dumps are not there.
 */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "model/derive.h"
#include "model/util.h"
#include "src/extract-advice.h"
#include "src/extract-merge.h"
#include "tests/extract/helpers.h"

#define MiB (UINT64_C(1) << 20)
#define GiB (UINT64_C(1) << 30)

static const char *boards;

static void extract(const char *name, struct extracted *x)
{
	char *dir = xasprintf("%s/%s", boards, name);
	struct error err;
	struct dump *d;

	error_clear(&err);
	d = dump_open_dir(dir, &err);
	ck_assert_msg(d != NULL, "%s", err.text);
	extract_dump(d, x);
	free(dir);
}

START_TEST(tx2_gic_cpus_console)
{
	struct extracted x;
	const struct board_console *con;
	struct board_region *r;

	extract("jetson-tx2", &x);
	ck_assert_msg(x.ret == 0, "%s", x.err.text);
	ck_assert_int_eq(x.b.gic.version, GIC_V2);
	ck_assert_uint_eq(x.b.gic.gicd.start, 0x3881000);
	ck_assert_uint_eq(x.b.gic.gicc.start, 0x3882000);
	ck_assert_uint_eq(x.b.gic.gich.start, 0x3884000);
	ck_assert_uint_eq(x.b.gic.gicv.start, 0x3886000);
	ck_assert_uint_eq(x.b.gic.maintenance_irq, 25);
	/* Not in the tree: Tegra186's documented count (shared/jetson-tx2.md). */
	ck_assert_uint_eq(x.b.gic.num_irqs, 384);
	ck_assert(!report_has(&x.rep, "interrupt count"));
	ck_assert_uint_eq(x.b.n_cpus, 6);
	/* No cpuinfo in this dump: numbered as L4T does, from the A57 it boots
	 * on, then device-tree order (shared/jetson-tx2.md); said so. */
	ck_assert_uint_eq(x.b.cpus[0].mpidr, 0x100);
	ck_assert_str_eq(x.b.cpus[0].core_type, "arm,cortex-a57");
	ck_assert_uint_eq(x.b.cpus[1].mpidr, 0x000);
	ck_assert_uint_eq(x.b.cpus[2].mpidr, 0x001);
	ck_assert_str_eq(x.b.cpus[2].core_type, "nvidia,tegra186-denver");
	ck_assert_uint_eq(x.b.cpus[3].mpidr, 0x101);
	ck_assert_uint_eq(x.b.cpus[5].mpidr, 0x103);
	ck_assert_uint_eq(x.b.cpus[5].logical_id, 5);
	ck_assert(!(x.b.cpus[0].sources & SRC_CPUINFO));
	ck_assert(report_has(&x.rep, "no /proc/cpuinfo"));
	ck_assert(report_has(&x.rep, "booted on CPU 0x100"));

	con = console_at(&x.b, 0x3100000);
	ck_assert_ptr_nonnull(con);
	ck_assert_uint_eq(con->con.type, CON_8250);
	ck_assert_uint_eq(con->con.flags, CON_FLAG_ACCESS_MMIO | CON_FLAG_REGDIST_4);
	ck_assert(con->is_stdout);
	ck_assert_str_eq(con->linux_name, "ttyS0");

	r = region_by_path(&x.b, "/serial@3100000");
	ck_assert_ptr_nonnull(r);
	ck_assert(r->linux_uses);                       /* iomem "serial" */
	ck_assert_uint_eq(r->sources & (SRC_DT | SRC_IOMEM), SRC_DT | SRC_IOMEM);
	ck_assert(region_has_irq(r, 32 + 112));
	extracted_free(&x);
}
END_TEST

/* Derivation's memory plan for the board alone, as extract prints it. */
static void plan_of(struct board *b, struct config *c, struct derive_report *rep)
{
	struct spec s;

	spec_init(&s);
	config_init(c);
	derive_report_init(rep);
	board_index(b);
	ck_assert_int_eq(derive_config(b, &s, ABI_V14, c, rep), 0);
	spec_free(&s);
}

START_TEST(tx2_ram_and_advice)
{
	struct extracted x;
	struct derive_report rep;
	struct config c;
	struct advice a;
	struct board_region *r;

	extract("jetson-tx2", &x);
	ck_assert_int_eq(x.ret, 0);
	r = region_starting(&x.b, 0x80000000, REGION_RAM);
	ck_assert_ptr_nonnull(r);
	ck_assert(r->linux_uses);
	/* RAM and carve-outs together: 0x80000000 + 8 GiB. */
	ck_assert_uint_eq(board_ram_size(&x.b), 8 * GiB);
	ck_assert(report_has(&x.rep, "iomem:169: ignored"));    /* the garbled line */
	/* Linux uses all RAM: the model's plan shrinks it to make room at the top. */
	plan_of(&x.b, &c, &rep);
	ck_assert_str_eq(rep.mem_arg, "mem=7992M");
	ck_assert_uint_eq(c.linux_mem, 7992 * MiB);
	ck_assert(!c.linux_mem_assumed);                    /* iomem says what Linux uses */
	ck_assert_uint_eq(c.sys.hypervisor.phys, 0x274800000);
	derive_report_free(&rep);
	config_free(&c);
	advice_compute(&x.b, &a);
	ck_assert_ptr_nonnull(strstr(a.where, "extlinux.conf"));
	ck_assert_ptr_null(a.duplicate_console);
	advice_free(&a);
	extracted_free(&x);
}
END_TEST

START_TEST(rpi4_folder_form)
{
	struct extracted x;
	const struct board_console *con;
	struct derive_report rep;
	struct config c;

	extract("rpi4", &x);
	ck_assert_msg(x.ret == 0, "%s", x.err.text);
	ck_assert_int_eq(x.b.gic.version, GIC_V2);
	ck_assert_uint_eq(x.b.gic.gicd.start, 0xff841000);   /* 0x40041000 through /soc */
	ck_assert_uint_eq(x.b.gic.gicc.start, 0xff842000);
	ck_assert_uint_eq(x.b.gic.maintenance_irq, 25);
	/* BCM2711 is not in the table of known GICs: a lower bound, said so. */
	ck_assert_uint_eq(x.b.gic.num_irqs % 32, 0);
	ck_assert(report_has(&x.rep, "the GIC may have more"));
	ck_assert_int_eq(x.b.arch, ARCH_ARM);                /* cpuinfo: ARMv7 kernel */
	ck_assert_uint_eq(x.b.n_cpus, 4);
	ck_assert(x.b.cpus[1].linux_online);
	ck_assert(!x.b.cpus[2].linux_online);               /* Jailhouse held CPUs 2-3 */
	ck_assert(report_has(&x.rep, "while Jailhouse was enabled"));
	ck_assert_uint_eq(x.b.mem_limit, 768 * MiB);
	ck_assert_uint_le(board_linux_ram_size(&x.b), 768 * MiB);

	con = console_at(&x.b, 0xfe215040);                 /* the mini UART */
	ck_assert_ptr_nonnull(con);
	ck_assert_uint_eq(con->con.type, CON_8250);
	ck_assert(con->con.flags & CON_FLAG_REGDIST_4);
	ck_assert_str_eq(con->linux_name, "ttyS0");
	ck_assert(con->sources & SRC_CMDLINE);
	ck_assert_ptr_nonnull(region_starting(&x.b, 0xf8000000, REGION_RESERVED));

	ck_assert_uint_eq(x.b.n_pci, 2);
	ck_assert_uint_eq(x.b.pci[1].vendor, 0x1106);
	ck_assert_uint_eq(x.b.pci[1].device, 0x3483);
	ck_assert_uint_eq(x.b.pci[1].bdf, 0x0100);
	ck_assert_uint_eq(x.b.pci[1].bars[0].start, 0x600000000);

	plan_of(&x.b, &c, &rep);            /* mem=768M left RAM free already */
	ck_assert_str_eq(rep.mem_arg, "");
	ck_assert_uint_eq(c.linux_mem, 768 * MiB);
	derive_report_free(&rep);
	config_free(&c);
	extracted_free(&x);
}
END_TEST

/* The same SoC as a blob whose memory node is reg 0+0: RAM comes from iomem. */
START_TEST(rpi4_blob_zero_memory)
{
	struct extracted x;

	extract("rpi4-4gb", &x);
	ck_assert_int_eq(x.ret, 0);
	ck_assert_uint_eq(x.b.gic.gicd.start, 0xff841000);
	ck_assert(report_has(&x.rep, "memory reg with size 0"));
	ck_assert_uint_gt(board_linux_ram_size(&x.b), 3 * GiB);
	extracted_free(&x);
}
END_TEST

START_TEST(qemu_gicv3)
{
	struct extracted x;
	const struct board_console *con;
	struct board_region *r;

	extract("qemu-arm64-virt-gicv3", &x);
	ck_assert_msg(x.ret == 0, "%s", x.err.text);
	ck_assert_int_eq(x.b.gic.version, GIC_V3);
	ck_assert_uint_eq(x.b.gic.gicd.start, 0x8000000);
	ck_assert_uint_eq(x.b.gic.gicr.start, 0x80a0000);
	ck_assert_uint_eq(x.b.gic.gicr.size, 0xf60000);
	ck_assert_uint_eq(x.b.gic.maintenance_irq, 25);
	ck_assert_uint_eq(x.b.gic.num_irqs, 288);  /* QEMU virt: 256 SPIs */
	ck_assert(board_linux_irq(&x.b, 25));     /* vgic */
	ck_assert(board_linux_irq(&x.b, 33));     /* pl011: SPI 1 */
	ck_assert(!board_linux_irq(&x.b, 40));
	ck_assert_uint_eq(x.b.n_cpus, 4);
	ck_assert(x.b.cpus[3].linux_online);
	con = console_at(&x.b, 0x9000000);
	ck_assert_ptr_nonnull(con);
	ck_assert_uint_eq(con->con.type, CON_PL011);
	ck_assert_str_eq(con->linux_name, "ttyAMA0");
	ck_assert(con->is_stdout);
	/* mem=768M of 1 GiB: the top 256 MiB is RAM Linux leaves alone. */
	r = region_starting(&x.b, 0x70000000, REGION_RAM);
	ck_assert_ptr_nonnull(r);
	ck_assert(!r->linux_uses);
	ck_assert_uint_eq(r->size, 256 * MiB);
	ck_assert_uint_eq(x.b.n_pci, 2);
	ck_assert_uint_eq(x.b.pci[1].vendor, 0x1af4);
	extracted_free(&x);
}
END_TEST

START_TEST(qemu_gicv2)
{
	struct extracted x;

	extract("qemu-arm64-virt-gicv2", &x);
	ck_assert_int_eq(x.ret, 0);
	ck_assert_int_eq(x.b.gic.version, GIC_V2);
	ck_assert_uint_eq(x.b.gic.gicd.start, 0x8000000);
	ck_assert_uint_eq(x.b.gic.gicc.start, 0x8010000);
	ck_assert_uint_eq(x.b.gic.gich.start, 0x8030000);
	ck_assert_uint_eq(x.b.gic.gicv.start, 0x8040000);
	ck_assert_uint_eq(x.b.gic.num_irqs, 288);
	extracted_free(&x);
}
END_TEST

/* Tegra210 devices name the legacy controller, which forwards to the GIC. */
START_TEST(nano_stacked_controller)
{
	struct extracted x;
	struct board_region *r;

	extract("jetson-nano", &x);
	ck_assert_int_eq(x.ret, 0);
	r = region_by_path(&x.b, "/serial@70006000");
	ck_assert_ptr_nonnull(r);
	ck_assert(region_has_irq(r, 32 + 36));
	ck_assert(report_has(&x.rep, "no /proc/iomem"));
	extracted_free(&x);
}
END_TEST

START_TEST(rpi3b_has_no_gic)
{
	struct extracted x;

	extract("rpi3b", &x);
	ck_assert_int_eq(x.ret, -1);
	ck_assert_ptr_nonnull(strstr(x.err.text, "no GIC"));
	ck_assert_ptr_nonnull(strstr(x.err.text, "rpi3b/sys/firmware/fdt"));
	extracted_free(&x);
}
END_TEST

int main(void)
{
	struct stat st;
	SRunner *sr;
	Suite *s;
	TCase *tc;
	int failed;

	boards = getenv("BOARD_DUMPS");
	if (!boards || stat(boards, &st) != 0) {
		printf("1..0 # SKIP board dumps not found (BOARD_DUMPS=%s)\n",
		       boards ? boards : "");
		return 0;
	}
	s = suite_create("extract-boards");
	tc = tcase_create("boards");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, tx2_gic_cpus_console);
	tcase_add_test(tc, tx2_ram_and_advice);
	tcase_add_test(tc, rpi4_folder_form);
	tcase_add_test(tc, rpi4_blob_zero_memory);
	tcase_add_test(tc, qemu_gicv3);
	tcase_add_test(tc, qemu_gicv2);
	tcase_add_test(tc, nano_stacked_controller);
	tcase_add_test(tc, rpi3b_has_no_gic);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
