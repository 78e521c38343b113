/* Configurations for the emission tests and the benchmark. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "model/util.h"
#include "tests/emit/emit-fixtures.h"

#define GICD 0x03881000ull
#define RW (MEM_READ | MEM_WRITE)

static void fixture_platform(struct config *c, enum abi abi)
{
	struct system_config *s = &c->sys;

	c->arch = ARCH_ARM64;
	s->flags = abi == ABI_V14 ? SYS_VIRTUAL_DEBUG_CONSOLE : 0;
	s->hypervisor.phys = 0x270000000ull;
	s->hypervisor.size = 16ull << 20;
	s->debug_console.address = 0x3100000;
	s->debug_console.size = 0x10000;
	s->debug_console.type = CON_8250;
	s->debug_console.flags = CON_FLAG_ACCESS_MMIO | CON_FLAG_REGDIST_4;
	if (abi == ABI_V9)
		s->debug_console.flags |= CON_FLAG_ROOTPAGE;
	s->pci_mmconfig_base = 0x48000000;
	s->pci_is_virtual = 1;
	s->maintenance_irq = 25;
	s->gic_version = 2;
	s->gicd_base = GICD;
	s->gicc_base = 0x03882000;
	s->gich_base = 0x03884000;
	s->gicv_base = 0x03886000;
}

static void add_ivshmem(struct cell *cell, uint16_t bdf, uint32_t start, uint8_t id,
			enum abi abi)
{
	struct cell_pci p;

	memset(&p, 0, sizeof(p));
	p.type = PCI_IVSHMEM;
	p.bdf = bdf;
	p.bar_mask[0] = 0xfffff000;
	p.shmem_regions_start = start;
	p.shmem_dev_id = abi == ABI_V14 ? id : 0;
	p.shmem_peers = 2;
	p.shmem_protocol = SHMEM_PROTO_VETH;
	ARRAY_PUSH(cell->pci, cell->n_pci, cell->cap_pci, p);
}

/* Revision 14: state table, an empty read/write section, one output per
 * peer (writable by its owner); revision 9: one shared region. */
static void add_shmem_regions(struct config *c, struct cell *cell, enum abi abi, unsigned id)
{
	uint32_t shared = cell->root ? 0 : MEM_ROOTSHARED;

	if (abi == ABI_V9) {
		cell_add_region(c, cell, "ivshmem", 0x2fe000000ull, 0x2fe000000ull, 0x100000,
				RW | shared);
		return;
	}
	cell_add_region(c, cell, "ivshmem state", 0x2fe000000ull, 0x2fe000000ull, 0x1000,
			MEM_READ | shared);
	cell_add_region(c, cell, NULL, 0, 0, 0, 0);
	cell_add_region(c, cell, "ivshmem output 0", 0x2fe001000ull, 0x2fe001000ull, 0x7f000,
			MEM_READ | (id == 0 ? MEM_WRITE : 0) | shared);
	cell_add_region(c, cell, "ivshmem output 1", 0x2fe080000ull, 0x2fe080000ull, 0x7f000,
			MEM_READ | (id == 1 ? MEM_WRITE : 0) | shared);
}

void fixture_system(struct config *c, enum abi abi)
{
	static const struct { const char *name; uint64_t start, size; } mmio[] = {
		{ "gpio@2200000", 0x2200000, 0x20000 },
		{ "pinmux@2430000", 0x2430000, 0x15000 },
		{ "serial@3100000", 0x3100000, 0x10000 },
		{ "i2c@3160000", 0x3160000, 0x10000 },
		{ "sdhci@3400000", 0x3400000, 0x20000 },
		{ "ethernet@2490000", 0x2490000, 0x10000 },
		{ "usb@3530000", 0x3530000, 0x8000 },
		{ "host1x@13e00000", 0x13e00000, 0x40000 },
		{ "gpu@17000000", 0x17000000, 0x1000000 },
		{ "pcie@10003000", 0x10003000, 0x1000 },
		{ "hsp@3c00000", 0x3c00000, 0xa0000 },
		{ "tegra-carveouts", 0x30000000, 0x10000000 },
	};
	struct cell *root;
	uint32_t first_shmem;

	fixture_platform(c, abi);
	root = config_add_cell(c, "jetson-tx2", true);
	root->cpus = 0x39;
	root->vpci_irq_base = 100;
	cell_add_region(c, root, "System RAM", 0x80000000, 0x80000000, 0x70000000, RW |
			MEM_EXECUTE | MEM_DMA);
	cell_add_region(c, root, "System RAM", 0x100000000ull, 0x100000000ull, 0x170000000ull,
			RW | MEM_EXECUTE | MEM_DMA);
	for (size_t i = 0; i < ARRAY_SIZE(mmio); i++)
		cell_add_region(c, root, mmio[i].name, mmio[i].start, mmio[i].start, mmio[i].size,
				RW | MEM_IO);
	first_shmem = (uint32_t)root->n_regions;
	add_shmem_regions(c, root, abi, 0);
	for (uint32_t irq = 32; irq < 384; irq++)
		cell_grant_irq(root, GICD, irq);
	add_ivshmem(root, 0x0008, first_shmem, 0, abi);
}

struct cell *fixture_bare(struct config *c, enum abi abi)
{
	struct cell *cell = config_add_cell(c, "gpio-demo", false);

	cell->cpus = 0x8;
	cell->flags = abi == ABI_V9 ? CELL_DEBUG_CONSOLE : CELL_VIRTUAL_CONSOLE_PERMITTED;
	cell_add_region(c, cell, "RAM", 0x2f0000000ull, 0, 0x10000,
			RW | MEM_EXECUTE | MEM_LOADABLE);
	cell_add_region(c, cell, "serial@3100000", 0x3100000, 0x3100000, 0x10000,
			RW | MEM_IO | MEM_ROOTSHARED);
	cell_add_region(c, cell, "communication region", 0, 0x80000000, 0x1000,
			RW | MEM_COMM_REGION);
	cell_grant_irq(cell, GICD, 32 + 112);
	cell_grant_irq(cell, GICD, 32 + 57);
	if (abi == ABI_V14) {
		cell->console.address = 0x3100000;
		cell->console.size = 0x1000;
		cell->console.type = CON_8250;
		cell->console.flags = CON_FLAG_ACCESS_MMIO | CON_FLAG_REGDIST_4;
	}
	return cell;
}

struct cell *fixture_ivshmem(struct config *c, enum abi abi)
{
	struct cell *cell = config_add_cell(c, "net-peer", false);

	cell->cpus = 0x6;
	cell->vpci_irq_base = 100;
	cell_add_region(c, cell, "RAM", 0x2e0000000ull, 0, 0x1000000, RW | MEM_EXECUTE |
			MEM_LOADABLE);
	add_shmem_regions(c, cell, abi, 1);
	cell_add_region(c, cell, "communication region", 0, 0x80000000, 0x1000,
			RW | MEM_COMM_REGION);
	add_ivshmem(cell, 0x0008, 1, 1, abi);
	cell_grant_irq(cell, GICD, 32 + 100);
	return cell;
}

struct cell *fixture_subpage(struct config *c, enum abi abi)
{
	struct cell *cell = config_add_cell(c, "subpage", false);

	(void)abi;
	/* A CPU set that is no whole number of u64 words: the C writer uses bytes. */
	cell->cpu_set_size = 12;
	cell->cpus = 0x10;
	cell_add_region(c, cell, "RAM", 0x2f1000000ull, 0, 0x100000, RW | MEM_EXECUTE |
			MEM_LOADABLE);
	cell_add_region(c, cell, "pinmux pad", 0x2431040, 0x2431040, 0x40,
			RW | MEM_IO | MEM_IO_32 | MEM_ROOTSHARED);
	cell_add_region(c, cell, "gpio port", 0x2210100, 0x2210100, 0x100,
			RW | MEM_IO | MEM_IO_8 | MEM_IO_16 | MEM_IO_32 | MEM_IO_64 |
			MEM_IO_UNALIGNED);
	cell_add_region(c, cell, "communication region", 0, 0x80000000, 0x1000,
			RW | MEM_COMM_REGION);
	return cell;
}

struct cell *fixture_all_flags(struct config *c, enum abi abi)
{
	struct cell *cell = config_add_cell(c, "all \"flags\"\\ ?\?= */", false);
	struct cell_pci dev;
	struct cell_pci_cap cap = { .id = 0x8010, .start = 0x100, .len = 0x3c, .flags = 1 };
	struct cell_cache cache = { .start = 4, .size = 8, .type = 1, .flags = 1 };
	static const uint8_t pio[8] = { 0xf8, 0x03, 0x08, 0x00, 0x40, 0x00, 0x04, 0x00 };
	uint32_t every = RW | MEM_EXECUTE | MEM_DMA | MEM_IO | MEM_COMM_REGION |
			 MEM_LOADABLE | MEM_ROOTSHARED | MEM_IO_UNALIGNED | MEM_IO_8 |
			 MEM_IO_16 | MEM_IO_32 | MEM_IO_64;

	cell->cpus = 0xffffffffffffffeull;
	cell->cpu_set_size = 16;
	if (abi == ABI_V14) {
		every |= MEM_NO_HUGEPAGES;
		cell->flags = CELL_PASSIVE_COMMREG | CELL_TEST_DEVICE | CELL_AARCH32 |
			      CELL_VIRTUAL_CONSOLE_PERMITTED | CELL_VIRTUAL_CONSOLE_ACTIVE;
		cell->console = (struct console){ 0x1c28000, 0x400, CON_SCIF, 0x3007, 13, 7,
						  0x1c20068 };
		for (uint32_t s = 0; s < 3; s++)
			ARRAY_PUSH(cell->stream_ids, cell->n_stream_ids, cell->cap_stream_ids,
				   0x100 + s);
	} else {
		cell->flags = CELL_PASSIVE_COMMREG | CELL_TEST_DEVICE | CELL_DEBUG_CONSOLE;
	}
	cell->vpci_irq_base = 200;
	cell->cpu_reset_address = 0x40000;
	cell->msg_reply_timeout = 1234567;
	cell_add_region(c, cell, "every flag", 0x10000000, 0x20000000, 0x3000, every);
	cell_add_region(c, cell, NULL, 0xfffffffffffff000ull, 0x1000, 0x1000, 0);
	ARRAY_PUSH(cell->caches, cell->n_caches, cell->cap_caches, cache);
	cell->pio = xmalloc(sizeof(pio));
	memcpy(cell->pio, pio, sizeof(pio));
	cell->pio_size = sizeof(pio);
	memset(&dev, 0, sizeof(dev));
	dev.type = PCI_DEVICE;
	dev.iommu = 1;
	dev.domain = 1;
	dev.bdf = 0xff07;
	for (size_t i = 0; i < 6; i++)
		dev.bar_mask[i] = 0xffffff00u + (uint32_t)i;
	dev.caps_start = 0;
	dev.num_caps = 1;
	dev.num_msi_vectors = 4;
	dev.msi_64bits = 1;
	dev.msi_maskable = abi == ABI_V14;
	dev.num_msix_vectors = 16;
	dev.msix_region_size = 0x1000;
	dev.msix_address = 0xfee00000;
	ARRAY_PUSH(cell->pci, cell->n_pci, cell->cap_pci, dev);
	dev.type = PCI_IVSHMEM;
	dev.bdf = 0x0010;
	dev.shmem_regions_start = 0;
	dev.shmem_peers = 2;
	dev.shmem_dev_id = abi == ABI_V14 ? 1 : 0;
	dev.shmem_protocol = SHMEM_PROTO_CUSTOM;
	dev.num_caps = 0;
	ARRAY_PUSH(cell->pci, cell->n_pci, cell->cap_pci, dev);
	ARRAY_PUSH(cell->caps, cell->n_caps, cell->cap_caps, cap);
	for (uint32_t irq = 32; irq < 1020; irq += 37)
		cell_grant_irq(cell, GICD, irq);
	return cell;
}

uint64_t rng_next(struct rng *r)
{
	uint64_t x = r->state;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	r->state = x;
	return x;
}

static uint64_t rng_below(struct rng *r, uint64_t n)
{
	return n ? rng_next(r) % n : 0;
}

static const uint32_t random_flags_v14[] = {
	MEM_READ, MEM_WRITE, MEM_EXECUTE, MEM_DMA, MEM_IO, MEM_LOADABLE, MEM_ROOTSHARED,
	MEM_NO_HUGEPAGES, MEM_IO_UNALIGNED, MEM_IO_8, MEM_IO_16, MEM_IO_32, MEM_IO_64,
};

/* Disjoint regions, in a random order, at random page or sub-page sizes. */
static void random_regions(struct config *c, struct cell *cell, enum abi abi, struct rng *r)
{
	size_t n = (size_t)rng_below(r, 40);
	uint64_t phys = 0x1000 * (1 + rng_below(r, 0x100000));
	uint64_t virt = 0x1000 * rng_below(r, 0x100000);

	for (size_t i = 0; i < n; i++) {
		bool sub = rng_below(r, 5) == 0;
		uint64_t size = sub ? 4 * (1 + rng_below(r, 0x3ff)) : 0x1000 * (1 + rng_below(r, 4096));
		uint32_t flags = 0;
		char name[32];

		for (size_t f = 0; f < ARRAY_SIZE(random_flags_v14); f++) {
			if (rng_below(r, 3) == 0)
				flags |= random_flags_v14[f];
		}
		if (abi == ABI_V9)
			flags &= ~(uint32_t)MEM_NO_HUGEPAGES;
		if (sub)
			flags |= MEM_IO | MEM_IO_32;
		snprintf(name, sizeof(name), "region %zu", i);
		cell_add_region(c, cell, rng_below(r, 4) ? name : NULL, phys, virt, size, flags);
		/* Keep every region on its own pages, as sub-page MMIO needs. */
		phys += (size + 0xfff) / 0x1000 * 0x1000 + 0x1000 * rng_below(r, 16);
		virt += (size + 0xfff) / 0x1000 * 0x1000 + 0x1000 * rng_below(r, 16);
	}
	/* Shuffle: the writer must not depend on the order. */
	for (size_t i = n; i > 1; i--) {
		size_t j = (size_t)rng_below(r, i);
		struct cell_region t = cell->regions[i - 1];

		cell->regions[i - 1] = cell->regions[j];
		cell->regions[j] = t;
	}
}

static void random_cell(struct config *c, struct cell *cell, enum abi abi, struct rng *r)
{
	uint32_t v14 = CELL_PASSIVE_COMMREG | CELL_TEST_DEVICE | CELL_AARCH32 |
		       CELL_VIRTUAL_CONSOLE_PERMITTED | CELL_VIRTUAL_CONSOLE_ACTIVE;
	uint32_t v9 = CELL_PASSIVE_COMMREG | CELL_TEST_DEVICE | CELL_DEBUG_CONSOLE;
	size_t n_irqs = (size_t)rng_below(r, 30), n_pci = (size_t)rng_below(r, 4);

	cell->cpus = rng_next(r);
	cell->flags = (uint32_t)rng_next(r) & (abi == ABI_V14 ? v14 : v9);
	cell->vpci_irq_base = (uint32_t)rng_below(r, 1000);
	cell->cpu_reset_address = rng_below(r, 2) ? 0x1000 * rng_below(r, 1000) : 0;
	cell->msg_reply_timeout = rng_below(r, 100);
	random_regions(c, cell, abi, r);
	for (size_t i = 0; i < n_irqs; i++)
		cell_grant_irq(cell, GICD, 32 + (uint32_t)rng_below(r, 988));
	for (size_t i = 0; i < n_pci; i++) {
		struct cell_pci p;

		memset(&p, 0, sizeof(p));
		p.type = PCI_IVSHMEM;
		p.bdf = (uint16_t)(i << 3);
		p.bar_mask[0] = 0xfffff000;
		p.bar_mask[1] = rng_below(r, 2) ? 0xfffff000 : 0;
		p.shmem_regions_start = (uint32_t)rng_below(r, cell->n_regions + 1);
		p.shmem_peers = 2;
		p.shmem_dev_id = abi == ABI_V14 ? (uint8_t)rng_below(r, 2) : 0;
		p.shmem_protocol = rng_below(r, 2) ? SHMEM_PROTO_VETH : SHMEM_PROTO_CUSTOM;
		p.num_msix_vectors = abi == ABI_V14 ? (uint16_t)rng_below(r, 3) : 0;
		ARRAY_PUSH(cell->pci, cell->n_pci, cell->cap_pci, p);
	}
	if (abi == ABI_V14 && rng_below(r, 3) == 0) {
		cell->console.address = 0x1000 * rng_below(r, 0x10000);
		cell->console.size = 0x1000;
		cell->console.type = (uint16_t)rng_below(r, 11);
		cell->console.flags = (uint16_t)rng_below(r, 8);
	}
}

void fixture_random(struct config *c, enum abi abi, struct rng *r)
{
	size_t guests = (size_t)rng_below(r, 4);
	char name[32];

	fixture_platform(c, abi);
	c->sys.hypervisor.phys = 0x1000 * rng_below(r, 0x1000000);
	c->sys.gicr_base = rng_below(r, 2) ? 0x3890000 : 0;
	c->sys.gic_version = c->sys.gicr_base ? 3 : 2;
	random_cell(c, config_add_cell(c, "root", true), abi, r);
	for (size_t g = 0; g < guests; g++) {
		snprintf(name, sizeof(name), "guest-%zu-%llx", g,
			 (unsigned long long)rng_below(r, 1u << 20));
		random_cell(c, config_add_cell(c, name, false), abi, r);
	}
}
