/*
 * Every validation rule, on a small hand-made board: a case that trips it
 * and a case that does not. The fixture validates clean, so each test adds
 * exactly the mistake (or the legal near-miss) it is about.
 */
#include "config.h"

#include <check.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/board.h"
#include "model/cell.h"
#include "model/util.h"
#include "model/validate.h"

#define GICD 0x3881000ULL
#define RAM 0x80000000ULL
#define LINUX_RAM 0x40000000ULL         /* mem=1G of 2 GiB */
#define GUEST_AREA 0xc0000000ULL        /* above mem=, in the root cell */
#define HV 0xd0000000ULL                /* above mem=, outside every cell */
#define COMM 0x80000000ULL
#define UART 0x3100000ULL
#define GPIO 0x2200000ULL

static struct board b;
static struct config c;
static struct cell *root, *g1, *g2;
static struct validator *v;
static const struct board_region *uart;

static void setup(void)
{
	struct board_region *r;
	unsigned i;

	board_init(&b);
	b.arch = ARCH_ARM64;
	b.mem_limit = LINUX_RAM;
	board_add_region(&b, "System RAM", RAM, 0x80000000ULL, REGION_RAM)->linux_uses = true;
	r = board_add_region(&b, "serial@3100000", UART, 0x10000, REGION_MMIO);
	r->linux_uses = true;
	board_add_region(&b, "gpio@2200000", GPIO, 0x1000, REGION_MMIO);
	board_add_region(&b, "mailbox@3200000", 0x3200000, 0x400, REGION_MMIO);
	b.gic.version = GIC_V2;
	b.gic.gicd = (struct range){ GICD, 0x1000 };
	b.gic.gicc = (struct range){ GICD + 0x1000, 0x2000 };
	b.gic.num_irqs = 384;
	for (i = 0; i < 4; i++)
		board_add_cpu(&b, i, i);
	board_index(&b);
	uart = &b.regions[1];

	config_init(&c);
	c.sys.hypervisor.phys = HV;
	c.sys.hypervisor.size = 0x1000000;
	root = config_add_cell(&c, "root", true);
	root->cpus = 0xf;
	cell_add_region(&c, root, "RAM", RAM, RAM, LINUX_RAM, MEM_READ | MEM_WRITE | MEM_EXECUTE);
	cell_add_region(&c, root, "guest RAM", GUEST_AREA, GUEST_AREA, 0x10000000,
			MEM_READ | MEM_WRITE | MEM_EXECUTE);
	cell_add_region(&c, root, "serial", UART, UART, 0x10000, MEM_READ | MEM_WRITE | MEM_IO);
	g1 = config_add_cell(&c, "inmate", false);
	g1->type = CELL_BARE;
	g1->cpus = 0x2;
	cell_add_region(&c, g1, "RAM", GUEST_AREA, 0, 0x100000,
			MEM_READ | MEM_WRITE | MEM_EXECUTE | MEM_LOADABLE);
	cell_add_region(&c, g1, "comm", 0, COMM, 0x1000, MEM_READ | MEM_WRITE | MEM_COMM_REGION);
	g2 = config_add_cell(&c, "linux", false);
	g2->type = CELL_LINUX;
	g2->cpus = 0x4;
	cell_add_region(&c, g2, "RAM", GUEST_AREA + 0x1000000, GUEST_AREA + 0x1000000, 0x100000,
			MEM_READ | MEM_WRITE | MEM_EXECUTE | MEM_LOADABLE);
	v = validator_new();
}

static void teardown(void)
{
	validator_free(v);
	config_free(&c);
	board_free(&b);
}

static void run(void)
{
	validate_full(v, &b, &c);
}

static const struct diag *find(enum diag_code code)
{
	size_t n, i;
	const struct diag *d = validator_diags(v, &n);

	for (i = 0; i < n; i++)
		if (d[i].code == code)
			return &d[i];
	return NULL;
}

static size_t count(enum diag_code code)
{
	size_t n, i, k = 0;
	const struct diag *d = validator_diags(v, &n);

	for (i = 0; i < n; i++)
		k += d[i].code == code;
	return k;
}

static size_t total(void)
{
	size_t n;

	validator_diags(v, &n);
	return n;
}

static struct cell_region *add(struct cell *cell, const char *name, uint64_t phys, uint64_t virt,
			       uint64_t size, uint32_t flags)
{
	return cell_add_region(&c, cell, name, phys, virt, size, flags);
}

/* An ivshmem device over the regions from index start on. */
static void ivshmem(struct cell *cell, uint32_t start, uint16_t bdf)
{
	struct cell_pci *d;

	cell->pci = realloc(cell->pci, (cell->n_pci + 1) * sizeof(*cell->pci));
	d = &cell->pci[cell->n_pci++];
	cell->cap_pci = cell->n_pci;
	memset(d, 0, sizeof(*d));
	d->type = PCI_IVSHMEM;
	d->bdf = bdf;
	d->shmem_regions_start = start;
	d->shmem_peers = 2;
}

START_TEST(fixture_is_clean)
{
	run();
	ck_assert_uint_eq(total(), 0);
	ck_assert_uint_eq(validator_count(v, SEV_ERROR), 0);
	ck_assert_int_eq(validator_cell_severity(v, g1->id), -1);
}
END_TEST

START_TEST(overlap_phys)
{
	const struct diag *d;

	add(g2, "second", GUEST_AREA + 0x1080000, 0x40000000, 0x100000, MEM_READ);
	run();
	d = find(DIAG_OVERLAP_PHYS);
	ck_assert_ptr_nonnull(d);
	ck_assert_uint_eq(d->cell, g2->id);
	ck_assert_uint_eq(d->region, g2->regions[0].id);
	ck_assert_uint_eq(d->other_region, g2->regions[1].id);
	ck_assert_ptr_nonnull(strstr(d->message, "second"));
	ck_assert_ptr_nonnull(strstr(d->message, "0xc1080000"));
	ck_assert_uint_eq(count(DIAG_OVERLAP_VIRT), 0);
}
END_TEST

START_TEST(overlap_phys_not_comm)
{
	/* The comm region's phys is meaningless: a region at 0 does not collide with it. */
	add(g1, "low", 0, 0x200000, 0x1000, MEM_READ);
	run();
	ck_assert_uint_eq(count(DIAG_OVERLAP_PHYS), 0);
}
END_TEST

START_TEST(overlap_virt)
{
	add(g2, "alias", GUEST_AREA + 0x2000000, GUEST_AREA + 0x1000000, 0x1000, MEM_READ);
	run();
	ck_assert_uint_eq(count(DIAG_OVERLAP_VIRT), 1);
	ck_assert_uint_eq(count(DIAG_OVERLAP_PHYS), 0);
}
END_TEST

START_TEST(cell_overlap)
{
	const struct diag *d;

	add(g2, "stolen", GUEST_AREA, GUEST_AREA, 0x1000, MEM_READ | MEM_WRITE);
	run();
	d = find(DIAG_CELL_OVERLAP);
	ck_assert_ptr_nonnull(d);
	ck_assert_uint_eq(d->cell, g1->id);
	ck_assert_uint_eq(d->other_cell, g2->id);
	ck_assert_ptr_nonnull(strstr(d->message, "'linux'"));
}
END_TEST

START_TEST(cell_overlap_legal_shares)
{
	/* Both ROOTSHARED: a legal share. */
	add(g1, "shared a", 0xc8000000, 0xc8000000, 0x1000, MEM_READ | MEM_ROOTSHARED);
	add(g2, "shared b", 0xc8000000, 0xc8000000, 0x1000, MEM_READ | MEM_ROOTSHARED);
	run();
	ck_assert_uint_eq(count(DIAG_CELL_OVERLAP), 0);
	/* Only one ROOTSHARED: not. */
	g2->regions[1].flags &= ~(uint32_t)MEM_ROOTSHARED;
	run();
	ck_assert_uint_eq(count(DIAG_CELL_OVERLAP), 1);
	/* The same link: legal again; a different link: not. */
	ivshmem(g1, 2, 0x8);
	ivshmem(g2, 1, 0x8);
	run();
	ck_assert_uint_eq(count(DIAG_CELL_OVERLAP), 0);
	g2->pci[0].bdf = 0x10;
	run();
	ck_assert_uint_eq(count(DIAG_CELL_OVERLAP), 1);
}
END_TEST

START_TEST(root_not_shared)
{
	const struct diag *d;

	add(g2, "serial", UART, UART, 0x10000, MEM_READ | MEM_WRITE | MEM_IO);
	run();
	d = find(DIAG_ROOT_NOT_SHARED);
	ck_assert_ptr_nonnull(d);
	ck_assert_ptr_nonnull(strstr(d->message, uart->name));
	ck_assert_int_eq(d->severity, SEV_WARNING);
	g2->regions[1].flags |= MEM_ROOTSHARED;
	add(g2, "gpio", GPIO, GPIO, 0x1000, MEM_READ | MEM_WRITE | MEM_IO);
	run();
	ck_assert_uint_eq(count(DIAG_ROOT_NOT_SHARED), 0);
}
END_TEST

START_TEST(not_on_board)
{
	add(g2, "nowhere", 0x10000000, 0x10000000, 0x1000, MEM_READ | MEM_WRITE | MEM_IO);
	/* Half on the board is not on the board either. */
	add(g2, "edge", GPIO + 0x800, GPIO + 0x800, 0x1000, MEM_READ | MEM_IO | MEM_IO_32);
	run();
	ck_assert_uint_eq(count(DIAG_NOT_ON_BOARD), 2);
	/* The root cell is not checked: it holds what derivation says Linux needs. */
	cell_remove_region_at(g2, 2);
	cell_remove_region_at(g2, 1);
	add(root, "nowhere", 0x10000000, 0x10000000, 0x1000, MEM_READ | MEM_WRITE | MEM_IO);
	run();
	ck_assert_uint_eq(count(DIAG_NOT_ON_BOARD), 0);
}
END_TEST

START_TEST(align_and_width)
{
	add(g2, "odd RAM", 0xc2000000, 0xc2000000, 0x1800, MEM_READ | MEM_WRITE);
	run();
	ck_assert_uint_eq(count(DIAG_ALIGN), 1);
	ck_assert_uint_eq(count(DIAG_SUBPAGE_WIDTH), 0);
	/* Sub-page MMIO is fine with an access width ... */
	add(g2, "mailbox", 0x3200000, 0x3200000, 0x400, MEM_READ | MEM_WRITE | MEM_IO | MEM_IO_32);
	run();
	ck_assert_uint_eq(count(DIAG_ALIGN), 1);
	ck_assert_uint_eq(count(DIAG_SUBPAGE_WIDTH), 0);
	/* ... and wrong without one. */
	g2->regions[2].flags &= ~(uint32_t)MEM_IO_32;
	run();
	ck_assert_uint_eq(count(DIAG_SUBPAGE_WIDTH), 1);
	ck_assert_uint_eq(count(DIAG_ALIGN), 1);
}
END_TEST

START_TEST(addr_wrap)
{
	/* Ending at the very last byte is fine; one page more wraps. */
	add(g2, "top", 0xfffffffffffff000ULL, 0xfffffffffffff000ULL, 0x1000, MEM_READ);
	run();
	ck_assert_uint_eq(count(DIAG_ADDR_WRAP), 0);
	add(g2, "wraps", 0xffffffffffffe000ULL, 0x10000000, 0x3000, MEM_READ);
	run();
	ck_assert_uint_eq(count(DIAG_ADDR_WRAP), 1);
}
END_TEST

START_TEST(zero_size)
{
	add(g2, "empty", 0xc3000000, 0xc3000000, 0, MEM_READ);
	run();
	ck_assert_uint_eq(count(DIAG_ZERO_SIZE), 1);
	ck_assert_uint_eq(total(), 1);
}
END_TEST

/* Upstream's virtual-ethernet links leave their read/write section empty. */
START_TEST(zero_size_link_section)
{
	size_t first = g2->n_regions;

	add(g2, "state", 0xc3000000, 0xc3000000, 0x1000, MEM_READ | MEM_ROOTSHARED);
	add(g2, "rw", 0, 0, 0, 0);
	add(g2, "out0", 0xc3001000, 0xc3001000, 0x1000, MEM_READ);
	add(g2, "out1", 0xc3002000, 0xc3002000, 0x1000, MEM_READ | MEM_WRITE);
	ivshmem(g2, (uint32_t)first, 0x0010);
	run();
	ck_assert_uint_eq(count(DIAG_ZERO_SIZE), 0);
}
END_TEST

START_TEST(cpu_twice)
{
	/* The root keeps every CPU; only guests conflict. */
	run();
	ck_assert_uint_eq(count(DIAG_CPU_TWICE), 0);
	g2->cpus |= 0x2;
	run();
	ck_assert_uint_eq(count(DIAG_CPU_TWICE), 1);
	ck_assert_ptr_nonnull(strstr(find(DIAG_CPU_TWICE)->message, "1"));
}
END_TEST

START_TEST(cpu_missing)
{
	g2->cpus |= 1ULL << 9;
	run();
	ck_assert_uint_eq(count(DIAG_CPU_MISSING), 1);
	/* A board without CPU facts cannot tell. */
	b.n_cpus = 0;
	run();
	ck_assert_uint_eq(count(DIAG_CPU_MISSING), 0);
	b.n_cpus = 4;
}
END_TEST

START_TEST(root_cpu0)
{
	root->cpus = 0xe;
	run();
	ck_assert_uint_eq(count(DIAG_ROOT_CPU0), 1);
	ck_assert_uint_eq(find(DIAG_ROOT_CPU0)->cell, root->id);
	root->cpus = 0xf;
	g1->cpus = 0x3;
	run();
	ck_assert_uint_eq(count(DIAG_ROOT_CPU0), 1);
	ck_assert_uint_eq(find(DIAG_ROOT_CPU0)->cell, g1->id);
}
END_TEST

START_TEST(no_cpus)
{
	g2->cpus = 0;
	run();
	ck_assert_uint_eq(count(DIAG_NO_CPUS), 1);
	ck_assert_uint_eq(find(DIAG_NO_CPUS)->cell, g2->id);
}
END_TEST

START_TEST(irq_twice)
{
	cell_grant_irq(g1, GICD, 100);
	cell_grant_irq(root, GICD, 100);
	run();
	ck_assert_uint_eq(count(DIAG_IRQ_TWICE), 0);
	cell_grant_irq(g2, GICD, 100);
	run();
	ck_assert_uint_eq(count(DIAG_IRQ_TWICE), 1);
	ck_assert_ptr_nonnull(strstr(find(DIAG_IRQ_TWICE)->message, "100"));
}
END_TEST

START_TEST(irq_twice_vpci_exempt)
{
	/* 32 + vpci_irq_base is a cell's own virtual INTx line when it has ivshmem. */
	g1->vpci_irq_base = 60;
	g2->vpci_irq_base = 60;
	cell_grant_irq(g1, GICD, 92);
	cell_grant_irq(g2, GICD, 92);
	run();
	ck_assert_uint_eq(count(DIAG_IRQ_TWICE), 1);
	ivshmem(g1, 0, 0x8);
	ivshmem(g2, 0, 0x8);
	run();
	ck_assert_uint_eq(count(DIAG_IRQ_TWICE), 0);
}
END_TEST

START_TEST(irq_missing)
{
	cell_grant_irq(g2, GICD, 383);
	run();
	ck_assert_uint_eq(count(DIAG_IRQ_MISSING), 0);
	cell_grant_irq(g2, GICD, 400);
	run();
	ck_assert_uint_eq(count(DIAG_IRQ_MISSING), 1);
	b.gic.num_irqs = 0;
	run();
	ck_assert_uint_eq(count(DIAG_IRQ_MISSING), 0);
}
END_TEST

/* An imported irqchip may name any pin_base; the slice's top must not wrap
 * to a small interrupt number that the controller has. */
START_TEST(irq_missing_at_the_top)
{
	struct cell_irqchip *chip;

	ARRAY_GROW(g2->irqchips, g2->n_irqchips, g2->cap_irqchips);
	chip = &g2->irqchips[g2->n_irqchips++];
	memset(chip, 0, sizeof(*chip));
	chip->address = GICD;
	chip->pin_base = UINT32_MAX - 31;
	chip->pin_bitmap[1] = 1;
	run();
	ck_assert_uint_eq(count(DIAG_IRQ_MISSING), 1);
	ck_assert_uint_eq(count(DIAG_IRQ_TWICE), 0);
}
END_TEST

START_TEST(hv_not_ram)
{
	c.sys.hypervisor.phys = 0x10000000;
	run();
	ck_assert_uint_eq(count(DIAG_HV_NOT_RAM), 1);
	c.sys.hypervisor.size = 0;
	run();
	ck_assert_uint_eq(count(DIAG_HV_NOT_RAM), 0);
}
END_TEST

START_TEST(hv_linux_ram)
{
	c.sys.hypervisor.phys = RAM + 0x10000000;
	run();
	ck_assert_uint_eq(count(DIAG_HV_LINUX_RAM), 1);
	ck_assert_uint_eq(count(DIAG_HV_NOT_RAM), 0);
	/* The root's RAM covers it too. */
	ck_assert_uint_eq(count(DIAG_HV_OVERLAP), 1);
	ck_assert_uint_eq(find(DIAG_HV_OVERLAP)->region, root->regions[0].id);
}
END_TEST

START_TEST(hv_overlap)
{
	add(g2, "on hv", HV + 0x10000, HV + 0x10000, 0x1000, MEM_READ);
	run();
	ck_assert_uint_eq(count(DIAG_HV_OVERLAP), 1);
	ck_assert_uint_eq(find(DIAG_HV_OVERLAP)->region, g2->regions[1].id);
	c.sys.hypervisor.phys = HV + 0x1000000;
	run();
	ck_assert_uint_eq(count(DIAG_HV_OVERLAP), 0);
}
END_TEST

START_TEST(guest_ram_linux)
{
	g2->regions[0].phys = RAM + 0x10000000;
	run();
	ck_assert_uint_eq(count(DIAG_GUEST_RAM_LINUX), 1);
	g2->regions[0].flags |= MEM_ROOTSHARED;
	run();
	ck_assert_uint_eq(count(DIAG_GUEST_RAM_LINUX), 0);
}
END_TEST

START_TEST(loadable_outside_root)
{
	g1->regions[0].phys = 0xe0000000;
	run();
	ck_assert_uint_eq(count(DIAG_LOADABLE_OUTSIDE_ROOT), 1);
	g1->regions[0].flags &= ~(uint32_t)MEM_LOADABLE;
	run();
	ck_assert_uint_eq(count(DIAG_LOADABLE_OUTSIDE_ROOT), 0);
}
END_TEST

START_TEST(no_comm_region)
{
	cell_remove_region_at(g1, 1);
	run();
	ck_assert_uint_eq(count(DIAG_NO_COMM_REGION), 1);
	ck_assert_uint_eq(find(DIAG_NO_COMM_REGION)->cell, g1->id);
	/* A Linux guest (g2) has none in the fixture and needs none. */
	g1->type = CELL_LINUX;
	run();
	ck_assert_uint_eq(count(DIAG_NO_COMM_REGION), 0);
}
END_TEST

START_TEST(no_ram)
{
	run();
	ck_assert_uint_eq(count(DIAG_NO_RAM), 0);
	/* Left with its comm region only, the cell has nothing to run from. */
	cell_remove_region_at(g1, 0);
	run();
	ck_assert_uint_eq(count(DIAG_NO_RAM), 1);
	ck_assert_uint_eq(find(DIAG_NO_RAM)->cell, g1->id);
	add(g1, "uart", GPIO, GPIO, 0x1000, MEM_READ | MEM_WRITE | MEM_IO);
	run();
	ck_assert_uint_eq(count(DIAG_NO_RAM), 1);
	add(g1, "ram", RAM + 0x40000000, 0, 0x10000, MEM_READ | MEM_WRITE | MEM_EXECUTE);
	run();
	ck_assert_uint_eq(count(DIAG_NO_RAM), 0);
}
END_TEST

START_TEST(comm_clash)
{
	const struct diag *d;

	add(g1, "uart alias", GPIO, COMM + 0x800, 0x1000, MEM_READ | MEM_WRITE | MEM_IO);
	run();
	d = find(DIAG_COMM_CLASH);
	ck_assert_ptr_nonnull(d);
	ck_assert_uint_eq(d->region, g1->regions[1].id);
	ck_assert_uint_eq(count(DIAG_OVERLAP_VIRT), 0);
	g1->regions[2].virt = COMM + 0x1000;
	run();
	ck_assert_uint_eq(count(DIAG_COMM_CLASH), 0);
}
END_TEST

START_TEST(gic_covered)
{
	add(root, "soc", 0x3800000, 0x3800000, 0x100000, MEM_READ | MEM_WRITE | MEM_IO);
	run();
	ck_assert_uint_eq(count(DIAG_GIC_COVERED), 1);
	root->regions[3].size = 0x81000;
	run();
	ck_assert_uint_eq(count(DIAG_GIC_COVERED), 0);
}
END_TEST

START_TEST(names)
{
	free(g2->name);
	g2->name = strdup("a-name-of-thirty-two-characters!");
	ck_assert_uint_eq(strlen(g2->name), 32);
	run();
	ck_assert_uint_eq(count(DIAG_NAME_LONG), 1);
	g2->name[31] = '\0';
	run();
	ck_assert_uint_eq(count(DIAG_NAME_LONG), 0);
	strcpy(g2->name, "inmate");
	run();
	ck_assert_uint_eq(count(DIAG_NAME_DUP), 1);
	ck_assert_uint_eq(find(DIAG_NAME_DUP)->cell, g1->id);
	ck_assert_uint_eq(find(DIAG_NAME_DUP)->other_cell, g2->id);
	g2->name[0] = '\0';
	run();
	ck_assert_uint_eq(count(DIAG_NAME_DUP), 0);
	ck_assert_uint_eq(count(DIAG_NAME_EMPTY), 1);
}
END_TEST

START_TEST(no_root)
{
	root->root = false;
	run();
	ck_assert_uint_eq(count(DIAG_NO_ROOT), 1);
	root->root = true;
	run();
	ck_assert_uint_eq(count(DIAG_NO_ROOT), 0);
}
END_TEST

START_TEST(no_cells_no_root)
{
	struct config empty;

	config_init(&empty);
	validate_full(v, &b, &empty);
	ck_assert_uint_eq(total(), 0);
	config_free(&empty);
}
END_TEST

/* A broken import with a region id twice is checked once, not corrupted. */
START_TEST(duplicate_ids)
{
	g2->regions[0].id = g1->regions[0].id;
	run();
	run();
	/* The id's second holder, the Linux guest's RAM, is not seen. */
	ck_assert_uint_eq(total(), count(DIAG_NO_RAM));
	ck_assert_int_eq(validator_region_severity(v, g1->regions[0].id), -1);
}
END_TEST

/* Codes are stable kebab-case names, all different; errors sort first. */
START_TEST(codes_and_order)
{
	int i, j;
	size_t n, k;
	const struct diag *d;

	for (i = 0; i < DIAG_COUNT; i++) {
		const char *name = diag_code_name(i);

		ck_assert_uint_gt(strlen(name), 2);
		for (k = 0; name[k]; k++)
			ck_assert(islower((unsigned char)name[k]) || isdigit((unsigned char)name[k]) ||
				  name[k] == '-');
		for (j = 0; j < i; j++)
			ck_assert_str_ne(name, diag_code_name(j));
		ck_assert_int_le(diag_code_severity(i), SEV_ERROR);
	}
	ck_assert_str_eq(diag_code_name(DIAG_CELL_OVERLAP), "cell-overlap");
	add(g2, "serial", UART, UART, 0x10000, MEM_READ | MEM_WRITE | MEM_IO);
	g2->cpus = 0;
	run();
	d = validator_diags(v, &n);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(d[0].severity, SEV_ERROR);
	ck_assert_int_eq(d[1].severity, SEV_WARNING);
	ck_assert_int_eq(validator_region_severity(v, g2->regions[1].id), SEV_WARNING);
	ck_assert_int_eq(validator_region_severity(v, g2->regions[0].id), -1);
	ck_assert_int_eq(validator_cell_severity(v, g2->id), SEV_ERROR);
	ck_assert_uint_eq(validator_count(v, SEV_WARNING), 1);
}
END_TEST

/* Every code has its section in doc/diagnostics.md, and no section lacks a code. */
START_TEST(codes_documented)
{
	const char *top = getenv("top_srcdir");
	char path[4096], line[256];
	bool seen[DIAG_COUNT] = { false };
	size_t headings = 0;
	FILE *f;
	int i;

	snprintf(path, sizeof(path), "%s/doc/diagnostics.md", top ? top : SRCDIR);
	f = fopen(path, "r");
	ck_assert_msg(f != NULL, "cannot open %s", path);
	while (fgets(line, sizeof(line), f)) {
		if (strncmp(line, "### ", 4))
			continue;
		line[strcspn(line, "\n")] = '\0';
		headings++;
		for (i = 0; i < DIAG_COUNT; i++)
			if (!strcmp(line + 4, diag_code_name(i)))
				seen[i] = true;
	}
	fclose(f);
	for (i = 0; i < DIAG_COUNT; i++)
		ck_assert_msg(seen[i], "%s is not documented in %s", diag_code_name(i), path);
	ck_assert_uint_eq(headings, DIAG_COUNT);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("rules");
	TCase *tc = tcase_create("rules");
	SRunner *sr;
	int failed;

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, fixture_is_clean);
	tcase_add_test(tc, overlap_phys);
	tcase_add_test(tc, overlap_phys_not_comm);
	tcase_add_test(tc, overlap_virt);
	tcase_add_test(tc, cell_overlap);
	tcase_add_test(tc, cell_overlap_legal_shares);
	tcase_add_test(tc, root_not_shared);
	tcase_add_test(tc, not_on_board);
	tcase_add_test(tc, align_and_width);
	tcase_add_test(tc, addr_wrap);
	tcase_add_test(tc, zero_size);
	tcase_add_test(tc, zero_size_link_section);
	tcase_add_test(tc, cpu_twice);
	tcase_add_test(tc, cpu_missing);
	tcase_add_test(tc, root_cpu0);
	tcase_add_test(tc, no_cpus);
	tcase_add_test(tc, irq_twice);
	tcase_add_test(tc, irq_twice_vpci_exempt);
	tcase_add_test(tc, irq_missing);
	tcase_add_test(tc, irq_missing_at_the_top);
	tcase_add_test(tc, hv_not_ram);
	tcase_add_test(tc, hv_linux_ram);
	tcase_add_test(tc, hv_overlap);
	tcase_add_test(tc, guest_ram_linux);
	tcase_add_test(tc, loadable_outside_root);
	tcase_add_test(tc, no_comm_region);
	tcase_add_test(tc, no_ram);
	tcase_add_test(tc, comm_clash);
	tcase_add_test(tc, gic_covered);
	tcase_add_test(tc, names);
	tcase_add_test(tc, no_root);
	tcase_add_test(tc, no_cells_no_root);
	tcase_add_test(tc, duplicate_ids);
	tcase_add_test(tc, codes_and_order);
	tcase_add_test(tc, codes_documented);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
