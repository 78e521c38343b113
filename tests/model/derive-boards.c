/* Boards, specs and checks shared by the derivation tests. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/util.h"
#include "tests/model/derive-boards.h"

static struct board_region *dev(struct board *b, const char *name, const char *path,
				uint64_t start, uint64_t size, bool linux_uses)
{
	struct board_region *r = board_add_region(b, name, start, size, REGION_MMIO);

	r->dt_path = path ? xstrdup(path) : NULL;
	r->linux_uses = linux_uses;
	r->sources = SRC_DT;
	return r;
}

static void alias(struct board *b, const char *name, const char *path)
{
	struct board_alias a = { xstrdup(name), xstrdup(path) };

	ARRAY_PUSH(b->aliases, b->n_aliases, b->cap_aliases, a);
}

static void cpus(struct board *b, unsigned n, const uint64_t *mpidr)
{
	unsigned i;

	for (i = 0; i < n; i++)
		board_add_cpu(b, i, mpidr ? mpidr[i] : i)->linux_online = true;
}

void board_mini(struct board *b)
{
	struct board_region *r;
	struct board_console *con;

	board_init(b);
	b->name = xstrdup("mini");
	b->arch = ARCH_ARM64;
	board_add_region(b, "memory@40000000", 0x40000000, 1 * GiB, REGION_RAM);
	r = board_add_region(b, "System RAM", 0x40000000, 768 * MiB, REGION_RAM);
	r->linux_uses = true;
	r = dev(b, "pl011@9000000", "/pl011@9000000", 0x09000000, 0x1000, true);
	board_region_add_irq(r, 33);
	r = dev(b, "pl031@9010000", "/pl031@9010000", 0x09010000, 0x1000, true);
	board_region_add_irq(r, 34);
	r = dev(b, "pl061@9030000", "/pl061@9030000", 0x09030000, 0x1000, false);
	board_region_add_irq(r, 39);
	r = dev(b, "i2c@9040000", "/i2c@9040000", 0x09040000, 0x100, false);
	board_region_add_irq(r, 40);
	r = dev(b, "i2c@9040100", "/i2c@9040100", 0x09040100, 0x100, false);
	board_region_add_irq(r, 41);
	b->gic.version = GIC_V2;
	b->gic.gicd = (struct range){ 0x08000000, 0x10000 };
	b->gic.gicc = (struct range){ 0x08010000, 0x10000 };
	b->gic.gich = (struct range){ 0x08030000, 0x10000 };
	b->gic.gicv = (struct range){ 0x08040000, 0x10000 };
	b->gic.maintenance_irq = 25;
	b->gic.num_irqs = 288;
	dev(b, "intc@8000000", "/intc@8000000", 0x08000000, 0x50000, false);
	cpus(b, 4, NULL);
	con = board_add_console(b);
	con->con = (struct console){ .address = 0x09000000, .size = 0x1000, .type = CON_PL011,
				     .flags = CON_FLAG_ACCESS_MMIO | CON_FLAG_REGDIST_4 };
	con->dt_path = xstrdup("/pl011@9000000");
	con->linux_name = xstrdup("ttyAMA0");
	con->is_stdout = true;
	alias(b, "serial0", "/pl011@9000000");
	board_index(b);
}

void board_tx2(struct board *b)
{
	static const uint64_t mpidr[] = { 0x100, 0x000, 0x001, 0x101, 0x102, 0x103 };
	struct board_region *r;
	struct board_console *con;

	board_init(b);
	b->name = xstrdup("jetson-tx2");
	b->arch = ARCH_ARM64;
	board_add_region(b, "memory@80000000", 0x80000000, 8 * GiB, REGION_RAM);
	r = board_add_region(b, "System RAM", 0x80000000, 0x70000000, REGION_RAM);
	r->linux_uses = true;
	r = board_add_region(b, "System RAM", 0xf0200000, 0x275800000 - 0xf0200000, REGION_RAM);
	r->linux_uses = true;
	board_add_region(b, "persistent_ram", 0x275880000, 0x200000, REGION_RESERVED);
	r = board_add_region(b, "System RAM", 0x277000000, 0x200000, REGION_RAM);
	r->linux_uses = true;

	r = dev(b, "security", "/gpio@2200000", 0x02200000, 0x10000, true);
	board_region_add_irq(r, 32 + 0x2f);
	board_region_add_irq(r, 32 + 0x32);
	r = dev(b, "gpio", "/gpio@2200000", 0x02210000, 0x10000, true);
	board_region_add_irq(r, 32 + 0x2f);
	dev(b, "/pinmux@2430000", "/pinmux@2430000", 0x02430000, 0x15000, true);
	dev(b, "/dma@2600000", "/dma@2600000", 0x02600000, 0x210000, true);
	dev(b, "/mc_sid@2c00000", "/mc_sid@2c00000", 0x02c00000, 0x20000, true);
	r = dev(b, "serial", "/serial@3100000", 0x03100000, 0x40, true);
	board_region_add_irq(r, 32 + 0x70);
	r = dev(b, "/serial@3110000", "/serial@3110000", 0x03110000, 0x40, true);
	board_region_add_irq(r, 32 + 0x71);
	r = dev(b, "/i2c@3160000", "/i2c@3160000", 0x03160000, 0x100, true);
	board_region_add_irq(r, 32 + 0x1a);
	dev(b, "interrupt-controller@3881000", "/interrupt-controller@3881000", 0x03881000,
	    0x7000, false);
	r = dev(b, "/sdhci@3400000", "/sdhci@3400000", 0x03400000, 0x210, true);
	board_region_add_irq(r, 32 + 0x3e);
	dev(b, "/iommu@12000000", "/iommu@12000000", 0x12000000, 0x1000000, true);
	dev(b, "/host1x", "/host1x", 0x13e00000, 0x10000, true);

	b->gic.version = GIC_V2;
	b->gic.gicd = (struct range){ 0x03881000, 0x1000 };
	b->gic.gicc = (struct range){ 0x03882000, 0x2000 };
	b->gic.gich = (struct range){ 0x03884000, 0x2000 };
	b->gic.gicv = (struct range){ 0x03886000, 0x2000 };
	b->gic.maintenance_irq = 25;
	b->gic.num_irqs = 384;
	cpus(b, 6, mpidr);
	con = board_add_console(b);
	con->con = (struct console){ .address = 0x03100000, .size = 0x1000, .type = CON_8250,
				     .flags = CON_FLAG_ACCESS_MMIO | CON_FLAG_REGDIST_4 };
	con->dt_path = xstrdup("/serial@3100000");
	con->linux_name = xstrdup("ttyS0");
	con->is_stdout = true;
	alias(b, "serial0", "/serial@3100000");
	alias(b, "uarta", "/serial@3100000");
	alias(b, "gpio", "/gpio@2200000");
	board_index(b);
}

void spec_add_device(struct guest_spec *g, const char *name, int share)
{
	struct device_ref d = { xstrdup(name), share };

	ARRAY_PUSH(g->devices, g->n_devices, g->cap_devices, d);
}

void link_add_peer(struct link_spec *l, const char *cell)
{
	ARRAY_PUSH(l->peers, l->n_peers, l->cap_peers, xstrdup(cell));
}

void spec_tx2_demo(struct spec *s)
{
	struct guest_spec *g;
	struct link_spec *l;

	spec_init(s);
	s->root.name = xstrdup("jetson-tx2");
	g = spec_add_guest(s, "gpio-demo");
	g->type = CELL_BARE;
	g->n_cpus = 1;
	g->ram_size = 64 * KiB;
	spec_add_device(g, "uarta", SHARE_AUTO);
	spec_add_device(g, "/gpio@2200000", SHARE_AUTO);
	spec_add_device(g, "/pinmux@2430000", SHARE_AUTO);
	g->console = xstrdup("uarta");
	l = spec_add_link(s, "gpio-shm");
	link_add_peer(l, "jetson-tx2");
	link_add_peer(l, "gpio-demo");
	l->size = 4 * KiB;
	l->output_size = 4 * KiB;
}

static char *fail(const char *fmt, const struct cell *cell, size_t i, size_t j)
{
	return xasprintf(fmt, cell->name, i, j);
}

static char *check_ivshmem(const struct cell *cell, enum abi abi)
{
	size_t k;

	for (k = 0; k < cell->n_pci; k++) {
		const struct cell_pci *p = &cell->pci[k];
		size_t first = p->shmem_regions_start, count, j;

		if (p->type != PCI_IVSHMEM)
			continue;
		count = abi == ABI_V9 ? 1 : 2 + (size_t)p->shmem_peers;
		if (first + count > cell->n_regions)
			return fail("%s: ivshmem %zu: regions %zu.. past the end", cell, k, first);
		if (abi == ABI_V9)
			continue;
		/* State first, read-only; outputs writable only at the own index. */
		if (!cell->regions[first].size ||
		    (cell->regions[first].flags & (MEM_READ | MEM_WRITE)) != MEM_READ)
			return fail("%s: ivshmem %zu: region %zu is no state table", cell, k,
				    first);
		for (j = 2; j < count; j++) {
			const struct cell_region *r = &cell->regions[first + j];
			bool own = j - 2 == p->shmem_dev_id;

			if (r->size && !!(r->flags & MEM_WRITE) != own)
				return fail("%s: ivshmem %zu: output %zu writable wrongly", cell,
					    k, j - 2);
		}
		for (j = 1; j < count; j++) {
			const struct cell_region *prev = &cell->regions[first + j - 1];
			const struct cell_region *r = &cell->regions[first + j];

			if (r->size && prev->size && prev->phys + prev->size != r->phys)
				return fail("%s: ivshmem %zu: region %zu not consecutive", cell, k,
					    j);
		}
	}
	return NULL;
}

char *config_check_consistent(const struct config *c, enum abi abi)
{
	size_t n, i, j;
	char *why;

	for (n = 0; n < c->n_cells; n++) {
		const struct cell *cell = c->cells[n];

		for (i = 0; i < cell->n_regions; i++)
			for (j = i + 1; j < cell->n_regions; j++) {
				const struct cell_region *a = &cell->regions[i];
				const struct cell_region *b = &cell->regions[j];

				if (range_overlaps(a->phys, a->size, b->phys, b->size) &&
				    !((a->flags | b->flags) & MEM_COMM_REGION))
					return fail("%s: regions %zu and %zu overlap physically",
						    cell, i, j);
				if (range_overlaps(a->virt, a->size, b->virt, b->size))
					return fail("%s: regions %zu and %zu overlap virtually",
						    cell, i, j);
			}
		why = check_ivshmem(cell, abi);
		if (why)
			return why;
	}
	return NULL;
}

static bool region_same(const struct cell_region *a, const struct cell_region *b)
{
	return a->phys == b->phys && a->virt == b->virt && a->size == b->size &&
	       a->flags == b->flags && a->board_region == b->board_region &&
	       a->origin == b->origin && !strcmp(a->name ? a->name : "", b->name ? b->name : "");
}

static bool cell_same(const struct cell *a, const struct cell *b)
{
	size_t i;

	if (strcmp(a->name, b->name) || a->root != b->root || a->type != b->type ||
	    a->flags != b->flags || a->cpus != b->cpus || a->n_regions != b->n_regions ||
	    a->n_irqchips != b->n_irqchips || a->n_pci != b->n_pci ||
	    a->vpci_irq_base != b->vpci_irq_base ||
	    memcmp(&a->console, &b->console, sizeof(a->console)))
		return false;
	for (i = 0; i < a->n_regions; i++)
		if (!region_same(&a->regions[i], &b->regions[i]))
			return false;
	for (i = 0; i < a->n_irqchips; i++)
		if (memcmp(&a->irqchips[i], &b->irqchips[i], sizeof(*a->irqchips)))
			return false;
	for (i = 0; i < a->n_pci; i++)
		if (memcmp(&a->pci[i], &b->pci[i], sizeof(*a->pci)))
			return false;
	return true;
}

bool config_same(const struct config *a, const struct config *b)
{
	const struct system_config *x = &a->sys, *y = &b->sys;
	size_t i;

	if (a->n_cells != b->n_cells || x->hypervisor.phys != y->hypervisor.phys ||
	    x->hypervisor.size != y->hypervisor.size || x->flags != y->flags ||
	    x->pci_mmconfig_base != y->pci_mmconfig_base ||
	    x->pci_mmconfig_end_bus != y->pci_mmconfig_end_bus ||
	    x->pci_is_virtual != y->pci_is_virtual ||
	    x->pci_domain != y->pci_domain || x->gicd_base != y->gicd_base ||
	    memcmp(&x->debug_console, &y->debug_console, sizeof(x->debug_console)))
		return false;
	for (i = 0; i < a->n_cells; i++)
		if (!cell_same(a->cells[i], b->cells[i]))
			return false;
	return true;
}

const struct cell_region *region_named(const struct cell *cell, const char *name)
{
	size_t i;

	for (i = 0; i < cell->n_regions; i++)
		if (cell->regions[i].name && !strcmp(cell->regions[i].name, name))
			return &cell->regions[i];
	return NULL;
}

char *report_text(const struct derive_report *rep)
{
	char *s = xstrdup(""), *n;
	size_t i;

	for (i = 0; i < rep->n_msgs; i++) {
		n = xasprintf("%s[%d] %s: %s\n", s, rep->msgs[i].severity,
			      rep->msgs[i].cell ? rep->msgs[i].cell : "-", rep->msgs[i].text);
		free(s);
		s = n;
	}
	return s;
}

bool report_said(const struct derive_report *rep, enum severity sev, const char *text)
{
	size_t i;

	for (i = 0; i < rep->n_msgs; i++)
		if (rep->msgs[i].severity == sev && strstr(rep->msgs[i].text, text))
			return true;
	return false;
}
