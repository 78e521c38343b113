/*
 * The test headers that the byte-equality test compiles against must match
 * the layout tables of ../shared/jailhouse-abi.md, or that test would prove
 * nothing: every offset and size the document gives, checked. Built twice,
 * with JH_REV=14 and JH_REV=9.
 */
#include "config.h"

#include <check.h>
#include <stddef.h>
#include <stdlib.h>

#if JH_REV == 14
#include "tests/emit/jailhouse-v14.h"
#else
#include "tests/emit/jailhouse-v9.h"
#endif

#define OFF(type, field, expect) ck_assert_uint_eq(offsetof(struct type, field), expect)

#if JH_REV == 14
START_TEST(system_layout)
{
	ck_assert_uint_eq(sizeof(struct jailhouse_system), 488);
	OFF(jailhouse_system, architecture, 5);
	OFF(jailhouse_system, revision, 6);
	OFF(jailhouse_system, flags, 8);
	OFF(jailhouse_system, hypervisor_memory, 12);
	OFF(jailhouse_system, debug_console, 44);
	OFF(jailhouse_system, platform_info.pci_mmconfig_base, 76);
	OFF(jailhouse_system, platform_info.pci_mmconfig_end_bus, 84);
	OFF(jailhouse_system, platform_info.pci_is_virtual, 85);
	OFF(jailhouse_system, platform_info.pci_domain, 86);
	OFF(jailhouse_system, platform_info.iommu_units, 88);
	ck_assert_uint_eq(sizeof(struct jailhouse_iommu), 28);
	OFF(jailhouse_system, platform_info.arm.maintenance_irq, 312);
	OFF(jailhouse_system, platform_info.arm.gic_version, 313);
	OFF(jailhouse_system, platform_info.arm.gicd_base, 316);
	OFF(jailhouse_system, platform_info.arm.gicr_base, 348);
	OFF(jailhouse_system, root_cell, 356);
}
END_TEST

START_TEST(cell_layout)
{
	ck_assert_uint_eq(sizeof(struct jailhouse_cell_desc), 132);
	OFF(jailhouse_cell_desc, name, 8);
	OFF(jailhouse_cell_desc, id, 40);
	OFF(jailhouse_cell_desc, flags, 44);
	OFF(jailhouse_cell_desc, cpu_set_size, 48);
	OFF(jailhouse_cell_desc, num_memory_regions, 52);
	OFF(jailhouse_cell_desc, num_cache_regions, 56);
	OFF(jailhouse_cell_desc, num_irqchips, 60);
	OFF(jailhouse_cell_desc, num_pio_regions, 64);
	OFF(jailhouse_cell_desc, num_pci_devices, 68);
	OFF(jailhouse_cell_desc, num_pci_caps, 72);
	OFF(jailhouse_cell_desc, num_stream_ids, 76);
	OFF(jailhouse_cell_desc, vpci_irq_base, 80);
	OFF(jailhouse_cell_desc, cpu_reset_address, 84);
	OFF(jailhouse_cell_desc, msg_reply_timeout, 92);
	OFF(jailhouse_cell_desc, console, 100);
	ck_assert_uint_eq(sizeof(struct jailhouse_console), 32);
	OFF(jailhouse_console, type, 12);
	OFF(jailhouse_console, clock_reg, 24);
	ck_assert_uint_eq(sizeof(struct jailhouse_pio), 4);
}
END_TEST

START_TEST(pci_layout)
{
	ck_assert_uint_eq(sizeof(struct jailhouse_pci_device), 56);
	OFF(jailhouse_pci_device, bdf, 4);
	OFF(jailhouse_pci_device, bar_mask, 6);
	OFF(jailhouse_pci_device, caps_start, 30);
	OFF(jailhouse_pci_device, num_msi_vectors, 34);
	OFF(jailhouse_pci_device, num_msix_vectors, 36);
	OFF(jailhouse_pci_device, msix_address, 40);
	OFF(jailhouse_pci_device, shmem_regions_start, 48);
	OFF(jailhouse_pci_device, shmem_dev_id, 52);
	OFF(jailhouse_pci_device, shmem_peers, 53);
	OFF(jailhouse_pci_device, shmem_protocol, 54);
}
END_TEST
#else
START_TEST(system_layout)
{
	ck_assert_uint_eq(sizeof(struct jailhouse_system), 358);
	OFF(jailhouse_system, revision, 6);
	OFF(jailhouse_system, hypervisor_memory, 8);
	OFF(jailhouse_system, debug_console, 40);
	OFF(jailhouse_system, platform_info, 72);
	OFF(jailhouse_system, platform_info.pci_mmconfig_end_bus, 80);
	OFF(jailhouse_system, platform_info.pci_is_virtual, 81);
	OFF(jailhouse_system, platform_info.pci_domain, 82);
	OFF(jailhouse_system, platform_info.arm.maintenance_irq, 84);
	OFF(jailhouse_system, platform_info.arm.gic_version, 85);
	OFF(jailhouse_system, platform_info.arm.gicd_base, 86);
	OFF(jailhouse_system, platform_info.arm.gicc_base, 94);
	OFF(jailhouse_system, platform_info.arm.gich_base, 102);
	OFF(jailhouse_system, platform_info.arm.gicv_base, 110);
	OFF(jailhouse_system, platform_info.arm.gicr_base, 118);
	ck_assert_uint_eq(sizeof(((struct jailhouse_system *)0)->platform_info), 190);
	OFF(jailhouse_system, root_cell, 262);
}
END_TEST

START_TEST(cell_layout)
{
	ck_assert_uint_eq(sizeof(struct jailhouse_cell_desc), 96);
	OFF(jailhouse_cell_desc, name, 8);
	OFF(jailhouse_cell_desc, id, 40);
	OFF(jailhouse_cell_desc, flags, 44);
	OFF(jailhouse_cell_desc, cpu_set_size, 48);
	OFF(jailhouse_cell_desc, num_memory_regions, 52);
	OFF(jailhouse_cell_desc, num_cache_regions, 56);
	OFF(jailhouse_cell_desc, num_irqchips, 60);
	OFF(jailhouse_cell_desc, pio_bitmap_size, 64);
	OFF(jailhouse_cell_desc, num_pci_devices, 68);
	OFF(jailhouse_cell_desc, num_pci_caps, 72);
	OFF(jailhouse_cell_desc, vpci_irq_base, 76);
	OFF(jailhouse_cell_desc, cpu_reset_address, 80);
	OFF(jailhouse_cell_desc, msg_reply_timeout, 88);
	ck_assert_uint_eq(sizeof(struct jailhouse_debug_console), 32);
	OFF(jailhouse_debug_console, flags, 12);
}
END_TEST

START_TEST(pci_layout)
{
	ck_assert_uint_eq(sizeof(struct jailhouse_pci_device), 56);
	OFF(jailhouse_pci_device, msi_64bits, 35);
	OFF(jailhouse_pci_device, num_msix_vectors, 36);
	OFF(jailhouse_pci_device, msix_region_size, 38);
	OFF(jailhouse_pci_device, msix_address, 40);
	OFF(jailhouse_pci_device, shmem_region, 48);
	OFF(jailhouse_pci_device, shmem_protocol, 52);
}
END_TEST
#endif

START_TEST(array_layouts)
{
	ck_assert_uint_eq(sizeof(struct jailhouse_memory), 32);
	OFF(jailhouse_memory, flags, 24);
	ck_assert_uint_eq(sizeof(struct jailhouse_cache), 12);
	OFF(jailhouse_cache, flags, 10);
	ck_assert_uint_eq(sizeof(struct jailhouse_irqchip), 32);
	OFF(jailhouse_irqchip, pin_base, 12);
	OFF(jailhouse_irqchip, pin_bitmap, 16);
	ck_assert_uint_eq(sizeof(struct jailhouse_pci_capability), 8);
}
END_TEST

int main(void)
{
	Suite *s = suite_create(JH_REV == 14 ? "abi-v14" : "abi-v9");
	TCase *tc = tcase_create("layout");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, system_layout);
	tcase_add_test(tc, cell_layout);
	tcase_add_test(tc, pci_layout);
	tcase_add_test(tc, array_layouts);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
