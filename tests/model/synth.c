/*
 * The synthetic board builder (see synth.h). It writes the board and cells
 * directly rather than through the operations, so that a benchmark measures
 * what it means to and a test starts from a known, clean configuration.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/util.h"
#include "tests/model/synth.h"

uint32_t synth_rand(uint32_t *state)
{
	uint32_t x = *state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return *state = x;
}

static void gic_set(struct range *r, uint64_t start, uint64_t size)
{
	r->start = start;
	r->size = size;
}

void synth_board(struct board *b, size_t n_regions, unsigned n_cpus, uint32_t seed)
{
	uint32_t rnd = seed ? seed : 1;
	size_t n_dev = n_regions ? n_regions - 1 : 0, k, slot;
	/* Devices fill the space below RAM, one 64 KiB slot each while they fit. */
	uint64_t stride = 0x10000;
	struct board_region *r;
	unsigned i;
	char name[64];

	b->name = xstrdup("synthetic");
	b->model = xstrdup("Synthetic board");
	b->compatible = xstrdup("autojail,synthetic");
	b->arch = ARCH_ARM64;
	b->mem_limit = SYNTH_LINUX_RAM;
	b->gic.version = GIC_V2;
	gic_set(&b->gic.gicd, SYNTH_GICD, 0x1000);
	gic_set(&b->gic.gicc, SYNTH_GICD + 0x1000, 0x2000);
	gic_set(&b->gic.gich, SYNTH_GICD + 0x3000, 0x2000);
	gic_set(&b->gic.gicv, SYNTH_GICD + 0x5000, 0x2000);
	b->gic.num_irqs = SYNTH_NUM_IRQS;
	b->gic.maintenance_irq = 25;
	for (i = 0; i < n_cpus; i++)
		board_add_cpu(b, i, i)->linux_online = true;

	if (!n_regions)
		return;
	r = board_add_region(b, "System RAM", SYNTH_RAM_BASE, SYNTH_RAM_SIZE, REGION_RAM);
	r->linux_uses = true;
	r->sources = SRC_IOMEM;
	while (n_dev && stride > 0x1000 && n_dev * stride > SYNTH_RAM_BASE - SYNTH_DEV_BASE - 0x100000)
		stride /= 2;
	for (k = 0, slot = 0; k < n_dev; slot++) {
		uint64_t start = SYNTH_DEV_BASE + slot * stride;
		uint32_t x = synth_rand(&rnd);
		uint64_t size = x % 16 == 0 ? 0x400 : x % 4 == 1 ? stride : 0x1000;

		/* Keep clear of the interrupt controller's registers. */
		if (range_overlaps(start, stride, SYNTH_GICD, 0x8000))
			continue;
		snprintf(name, sizeof(name), "dev%zu@%llx", k, (unsigned long long)start);
		r = board_add_region(b, name, start, size, REGION_MMIO);
		snprintf(name, sizeof(name), "/soc/dev@%llx", (unsigned long long)start);
		r->dt_path = xstrdup(name);
		r->compatible = xstrdup("autojail,synthetic-device");
		board_region_add_irq(r, 32 + (uint32_t)(k % (SYNTH_NUM_IRQS - 32)));
		r->linux_uses = synth_rand(&rnd) % 10 < 3;
		r->sources = SRC_DT | SRC_IOMEM;
		k++;
	}
}

static struct cell_region *add(struct config *c, struct cell *cell, const char *name,
			       uint64_t phys, uint64_t virt, uint64_t size, uint32_t flags)
{
	return cell_add_region(c, cell, name, phys, virt, size, flags);
}

/* A revision-14 style link: state table, read/write section, one output per peer. */
static void synth_link(struct config *c, struct cell *a, struct cell *b, uint64_t phys)
{
	struct cell *peers[2] = { a, b };
	unsigned i;

	for (i = 0; i < 2; i++) {
		struct cell *cell = peers[i];
		struct cell_pci *d;
		/* Only the read-only state table is ROOTSHARED in a guest; the other
		 * sections overlap between the peers because they are one link. */
		uint32_t shared = cell->root ? 0 : MEM_ROOTSHARED;

		ARRAY_GROW(cell->pci, cell->n_pci, cell->cap_pci);
		d = &cell->pci[cell->n_pci++];
		memset(d, 0, sizeof(*d));
		d->type = PCI_IVSHMEM;
		d->bdf = 0x0008;
		d->bar_mask[0] = 0xfffff000;
		d->shmem_regions_start = (uint32_t)cell->n_regions;
		d->shmem_dev_id = (uint8_t)i;
		d->shmem_peers = 2;
		d->shmem_protocol = SHMEM_PROTO_VETH;
		add(c, cell, "ivshmem state", phys, phys, 0x1000, MEM_READ | shared);
		add(c, cell, "ivshmem rw", phys + 0x1000, phys + 0x1000, 0x1000,
		    MEM_READ | MEM_WRITE);
		add(c, cell, "ivshmem out 0", phys + 0x2000, phys + 0x2000, 0x7e000,
		    MEM_READ | (i == 0 ? MEM_WRITE : 0));
		add(c, cell, "ivshmem out 1", phys + 0x80000, phys + 0x80000, 0x7e000,
		    MEM_READ | (i == 1 ? MEM_WRITE : 0));
	}
}

void synth_config(struct config *c, const struct board *b, unsigned n_cells, uint32_t seed)
{
	uint32_t rnd = seed ? seed ^ 0x9e3779b9u : 1;
	struct cell **cells;
	uint64_t all_cpus = 0;
	unsigned i, irq;
	size_t k;
	char name[32];

	if (n_cells < 1)
		n_cells = 1;
	if (n_cells > 64)
		n_cells = 64;
	cells = xcalloc(n_cells, sizeof(*cells));
	c->arch = ARCH_ARM64;
	c->sys.hypervisor.phys = SYNTH_HV_BASE;
	c->sys.hypervisor.size = SYNTH_HV_SIZE;
	c->sys.gicd_base = b->gic.gicd.start;
	c->sys.gic_version = 2;
	for (k = 0; k < b->n_cpus; k++)
		all_cpus |= 1ULL << (b->cpus[k].logical_id & 63);

	/* Derivation gives the root cell Linux's RAM and devices; the memory the
	 * guests load into is the user's to add, since only the root reaches it. */
	cells[0] = config_add_cell(c, "root", true);
	cells[0]->cpus = all_cpus;
	add(c, cells[0], "guest memory", SYNTH_GUEST_RAM_BASE, SYNTH_GUEST_RAM_BASE,
	    (uint64_t)n_cells * SYNTH_GUEST_RAM_SIZE, MEM_READ | MEM_WRITE | MEM_EXECUTE);
	for (i = 1; i < n_cells; i++) {
		struct cell *g;
		bool bare = i % 2 == 1;
		uint64_t ram = SYNTH_GUEST_RAM_BASE + (uint64_t)(i - 1) * SYNTH_GUEST_RAM_SIZE;

		snprintf(name, sizeof(name), "guest%u", i);
		g = cells[i] = config_add_cell(c, name, false);
		g->type = bare ? CELL_BARE : CELL_LINUX;
		g->cpus = 1ULL << i;
		add(c, g, "RAM", ram, bare ? 0 : ram, SYNTH_GUEST_RAM_SIZE,
		    MEM_READ | MEM_WRITE | MEM_EXECUTE | MEM_LOADABLE);
		if (bare)
			add(c, g, "comm region", 0, SYNTH_COMM_VIRT, 0x1000,
			    MEM_READ | MEM_WRITE | MEM_COMM_REGION);
		for (irq = 0; irq < 4; irq++)
			cell_grant_irq(g, c->sys.gicd_base, 32 + 8 * i + irq);
	}
	if (n_cells > 2)
		synth_link(c, cells[1], cells[2],
			   SYNTH_GUEST_RAM_BASE + (uint64_t)(n_cells - 1) * SYNTH_GUEST_RAM_SIZE);

	for (k = 0; k < b->n_regions; k++) {
		const struct board_region *br = &b->regions[k];
		struct cell *cell;
		struct cell_region *r;
		uint32_t flags = MEM_READ | MEM_WRITE | MEM_IO;

		if (br->kind != REGION_MMIO)
			continue;
		if (n_cells < 2)
			continue;
		cell = cells[1 + synth_rand(&rnd) % (n_cells - 1)];
		if (br->size & 0xfff)
			flags |= MEM_IO_32;
		if (br->linux_uses)
			flags |= MEM_ROOTSHARED;
		r = add(c, cell, br->name, br->start, br->start, br->size, flags);
		r->board_region = (int32_t)br->id;
		r->origin = ORIGIN_BOARD;
	}
	free(cells);
}

void synth_project(struct project *p, size_t n_regions, unsigned n_cells, uint32_t seed)
{
	unsigned n_cpus = n_cells < 4 ? 4 : n_cells;

	p->settings.name = xstrdup("synthetic");
	p->settings.arch = ARCH_ARM64;
	synth_board(&p->board, n_regions, n_cpus > 64 ? 64 : n_cpus, seed);
	synth_config(&p->config, &p->board, n_cells, seed);
	project_ready(p);
}
