/*
 * The seed's Jetson TX2 GPIO demo derived on a TX2-like board built from
 * shared/jetson-tx2.md and the TX2's /proc/iomem: platform information,
 * the root cell's interrupt slices, the demo cell's ROOTSHARED devices,
 * its interrupt bitmap words and the ivshmem region indices, for both
 * config revisions.
 */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "model/derive.h"
#include "model/util.h"
#include "tests/model/derive-boards.h"

struct tx2 {
	struct board b;
	struct spec s;
	struct config c;
	struct derive_report rep;
	struct cell *root, *demo;
};

static void tx2_derive(struct tx2 *t, enum abi abi)
{
	char *text, *why;
	int rc;

	board_tx2(&t->b);
	spec_tx2_demo(&t->s);
	config_init(&t->c);
	derive_report_init(&t->rep);
	rc = derive_config(&t->b, &t->s, abi, &t->c, &t->rep);
	text = report_text(&t->rep);
	ck_assert_msg(rc == 0 && !derive_report_count(&t->rep, SEV_ERROR) &&
		      !derive_report_count(&t->rep, SEV_WARNING), "%s", text);
	free(text);
	why = config_check_consistent(&t->c, abi);
	ck_assert_msg(!why, "%s", why);
	t->root = config_root(&t->c);
	t->demo = config_find_cell(&t->c, "gpio-demo");
	ck_assert_ptr_nonnull(t->demo);
}

static void tx2_free(struct tx2 *t)
{
	derive_report_free(&t->rep);
	config_free(&t->c);
	spec_free(&t->s);
	board_free(&t->b);
}

START_TEST(platform_info)
{
	struct tx2 t;
	size_t i;

	tx2_derive(&t, ABI_V14);
	ck_assert_uint_eq(t.c.sys.gic_version, 2);
	ck_assert_uint_eq(t.c.sys.gicd_base, 0x03881000);
	ck_assert_uint_eq(t.c.sys.gicc_base, 0x03882000);
	ck_assert_uint_eq(t.c.sys.gich_base, 0x03884000);
	ck_assert_uint_eq(t.c.sys.gicv_base, 0x03886000);
	ck_assert_uint_eq(t.c.sys.maintenance_irq, 25);
	ck_assert_uint_eq(t.c.sys.debug_console.address, 0x03100000);
	ck_assert_uint_eq(t.c.sys.debug_console.type, CON_8250);
	ck_assert_uint_eq(t.c.sys.debug_console.flags, CON_FLAG_ACCESS_MMIO | CON_FLAG_REGDIST_4);
	ck_assert_str_eq(t.root->name, "jetson-tx2");
	ck_assert_uint_eq(t.root->cpus, 0x3f);
	/* 384 interrupts: slices at 32, 160, 288; the last one has 96 pins. */
	ck_assert_uint_eq(t.root->n_irqchips, 3);
	for (i = 0; i < 3; i++) {
		ck_assert_uint_eq(t.root->irqchips[i].pin_base, 32 + 128 * i);
		ck_assert_uint_eq(t.root->irqchips[i].address, 0x03881000);
	}
	ck_assert_uint_eq(t.root->irqchips[2].pin_bitmap[2], 0xffffffff);
	ck_assert_uint_eq(t.root->irqchips[2].pin_bitmap[3], 0);
	for (i = 0; i < t.root->n_regions; i++)
		ck_assert(!board_covers_gic(&t.b, t.root->regions[i].phys,
					    t.root->regions[i].size));
	tx2_free(&t);
}
END_TEST

START_TEST(hypervisor_above_linux)
{
	struct tx2 t;
	const struct cell_region *hv;

	tx2_derive(&t, ABI_V14);
	hv = &t.c.sys.hypervisor;
	/* Linux's last System RAM ends at 0x2771fffff; DRAM at 0x27fffffff. */
	ck_assert_uint_eq(hv->phys, 0x27f000000);
	ck_assert_uint_eq(hv->size, DERIVE_HV_SIZE);
	ck_assert_uint_eq(t.rep.mem_limit, 0);
	ck_assert(!range_index_any(t.b.linux_ram_index, hv->phys, hv->size, NULL));
	tx2_free(&t);
}
END_TEST

START_TEST(demo_cell_devices)
{
	struct tx2 t;
	const struct cell_region *r;

	tx2_derive(&t, ABI_V14);
	ck_assert_uint_eq(__builtin_popcountll(t.demo->cpus), 1);
	ck_assert(!(t.demo->cpus & 1));
	r = region_named(t.demo, "RAM");
	ck_assert_uint_eq(r->virt, 0);
	ck_assert_uint_eq(r->size, 64 * KiB);
	ck_assert(r->flags & MEM_LOADABLE);
	/* UART-A: its 64 bytes of registers, sub-page with access widths, and
	 * ROOTSHARED because it is Linux's console. */
	r = region_named(t.demo, "serial");
	ck_assert_ptr_nonnull(r);
	ck_assert_uint_eq(r->phys, 0x03100000);
	ck_assert_uint_eq(r->virt, 0x03100000);
	ck_assert_uint_eq(r->size, 0x40);
	ck_assert_uint_eq(r->flags,
			  MEM_READ | MEM_WRITE | MEM_IO | MEM_IO_WIDTHS | MEM_ROOTSHARED);
	r = region_named(t.demo, "security");
	ck_assert_uint_eq(r->phys, 0x02200000);
	ck_assert(r->flags & MEM_ROOTSHARED);
	r = region_named(t.demo, "gpio");
	ck_assert_uint_eq(r->phys, 0x02210000);
	ck_assert(r->flags & MEM_ROOTSHARED);
	r = region_named(t.demo, "/pinmux@2430000");
	ck_assert_uint_eq(r->phys, 0x02430000);
	ck_assert_uint_eq(r->size, 0x15000);
	ck_assert(r->flags & MEM_ROOTSHARED);
	r = region_named(t.demo, "communication region");
	ck_assert_uint_eq(r->virt, 0x80000000);
	ck_assert_uint_eq(t.demo->console.address, 0x03100000);
	ck_assert_uint_eq(t.demo->console.type, CON_8250);
	tx2_free(&t);
}
END_TEST

START_TEST(demo_ivshmem_v14)
{
	struct tx2 t;
	const struct cell_pci *p;
	const struct cell_region *st;

	tx2_derive(&t, ABI_V14);
	/* RAM, comm, serial, security, gpio, pinmux: the link starts at 6. */
	ck_assert_uint_eq(t.demo->n_pci, 1);
	p = &t.demo->pci[0];
	ck_assert_uint_eq(p->shmem_regions_start, 6);
	ck_assert_uint_eq(p->shmem_dev_id, 1);
	ck_assert_uint_eq(p->shmem_peers, 2);
	ck_assert_uint_eq(t.demo->n_regions, 10);
	st = &t.demo->regions[6];
	ck_assert_uint_eq(st->flags, MEM_READ | MEM_ROOTSHARED);
	ck_assert_uint_eq(t.demo->regions[7].size, 0x1000);
	ck_assert_uint_eq(t.demo->regions[7].phys, st->phys + 0x1000);
	ck_assert_uint_eq(t.demo->regions[7].flags, MEM_READ | MEM_WRITE | MEM_ROOTSHARED);
	/* Outputs: the root cell's (peer 0) read-only here, its own writable. */
	ck_assert_uint_eq(t.demo->regions[8].phys, st->phys + 0x2000);
	ck_assert_uint_eq(t.demo->regions[8].flags, MEM_READ | MEM_ROOTSHARED);
	ck_assert_uint_eq(t.demo->regions[9].phys, st->phys + 0x3000);
	ck_assert_uint_eq(t.demo->regions[9].flags, MEM_READ | MEM_WRITE | MEM_ROOTSHARED);
	p = &t.root->pci[0];
	ck_assert_uint_eq(t.root->regions[p->shmem_regions_start].phys, st->phys);
	ck_assert_uint_eq(t.root->regions[p->shmem_regions_start].flags, MEM_READ);
	ck_assert_uint_eq(t.root->regions[p->shmem_regions_start + 1].flags,
			  MEM_READ | MEM_WRITE);
	ck_assert_uint_eq(t.root->regions[p->shmem_regions_start + 2].flags,
			  MEM_READ | MEM_WRITE);
	ck_assert_uint_eq(t.root->regions[p->shmem_regions_start + 3].flags, MEM_READ);

	/* The only interrupt of the demo cell is its INTx: 32 + 348 = 380,
	 * slice 288, pin 92: word 2, bit 28. The UART's and GPIO's stay Linux's. */
	ck_assert_uint_eq(t.demo->vpci_irq_base, 348);
	ck_assert_uint_eq(t.demo->n_irqchips, 1);
	ck_assert_uint_eq(t.demo->irqchips[0].pin_base, 288);
	ck_assert_uint_eq(t.demo->irqchips[0].pin_bitmap[0], 0);
	ck_assert_uint_eq(t.demo->irqchips[0].pin_bitmap[1], 0);
	ck_assert_uint_eq(t.demo->irqchips[0].pin_bitmap[2], 1u << 28);
	ck_assert_uint_eq(t.demo->irqchips[0].pin_bitmap[3], 0);
	ck_assert_uint_eq(t.c.sys.pci_is_virtual, 1);
	ck_assert_uint_eq(t.c.sys.pci_mmconfig_base, 0x280000000);
	tx2_free(&t);
}
END_TEST

START_TEST(demo_ivshmem_v9)
{
	struct tx2 t;
	const struct cell_region *r;

	tx2_derive(&t, ABI_V9);
	ck_assert_uint_eq(t.demo->pci[0].shmem_regions_start, 6);
	ck_assert_uint_eq(t.demo->n_regions, 7);
	r = &t.demo->regions[6];
	ck_assert_str_eq(r->name, "gpio-shm");
	ck_assert_uint_eq(r->size, 0x1000);
	ck_assert_uint_eq(r->flags, MEM_READ | MEM_WRITE | MEM_ROOTSHARED);
	r = &t.root->regions[t.root->pci[0].shmem_regions_start];
	ck_assert_str_eq(r->name, "gpio-shm");
	ck_assert_uint_eq(r->phys, t.demo->regions[6].phys);
	/* 8250, MMIO, REGDIST_4 and the root page flag: 0x132 once emitted. */
	ck_assert_uint_eq(t.c.sys.debug_console.flags,
			  CON_FLAG_ACCESS_MMIO | CON_FLAG_REGDIST_4 | CON_FLAG_ROOTPAGE);
	tx2_free(&t);
}
END_TEST

static Suite *tx2_suite(void)
{
	Suite *s = suite_create("derive-tx2");
	TCase *t = tcase_create("tx2");

	tcase_add_test(t, platform_info);
	tcase_add_test(t, hypervisor_above_linux);
	tcase_add_test(t, demo_cell_devices);
	tcase_add_test(t, demo_ivshmem_v14);
	tcase_add_test(t, demo_ivshmem_v9);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(tx2_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
