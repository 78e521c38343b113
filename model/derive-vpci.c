/*
 * The virtual PCI host Jailhouse emulates for ivshmem devices, on whenever
 * a shared-memory link exists: its ECAM window (1 MiB per bus, as many buses
 * as the links' PCI addresses need) in a hole of
 * the address map, and a block of four interrupts (INTx A to D) that no
 * device of the board and no Linux driver uses.
 */
#include "config.h"

#include "model/derive-pass.h"
#include "po/i18n.h"
#include "model/util.h"

#define ECAM_BUS (1ull << 20)

/*
 * Everything with an address: board regions, the GIC, placed memory, and
 * the cells' own addresses, since guests see the window at the same address
 * (the comm region at 0x80000000, say).
 */
static void occupied(const struct derive_ctx *x, struct span_list *busy)
{
	const struct board *b = x->b;
	size_t i, j;

	for (i = 0; i < b->n_regions; i++)
		span_add(busy, b->regions[i].start, b->regions[i].size);
	derive_gic_spans(b, busy);
	span_add(busy, x->c->sys.hypervisor.phys, x->c->sys.hypervisor.size);
	span_add(busy, DERIVE_COMM_VIRT, DERIVE_COMM_SIZE);
	for (i = 0; i < x->c->n_cells; i++)
		for (j = 0; j < x->c->cells[i]->n_regions; j++) {
			const struct cell_region *r = &x->c->cells[i]->regions[j];

			span_add(busy, r->phys, r->size);
			span_add(busy, r->virt, r->size);
		}
	for (i = 0; i < x->n_slots; i++)
		if (x->slots[i].cell && x->mem_ok) {
			span_add(busy, 0, x->slots[i].ram_size);
			span_add(busy, x->slots[i].ram_phys, x->slots[i].ram_size);
		}
}

/*
 * Above everything the board describes: below it, device-tree bus windows
 * (a PCIe controller's apertures, say) may hide addresses no region names.
 * False when no free window fits between the board's top and 2^64.
 */
static bool mmconfig_hole(const struct derive_ctx *x, const struct span_list *busy,
			  uint64_t size, uint64_t *base)
{
	uint64_t top = 0, at;
	size_t i;

	for (i = 0; i < x->b->n_regions; i++)
		if (range_last(x->b->regions[i].start, x->b->regions[i].size) > top)
			top = range_last(x->b->regions[i].start, x->b->regions[i].size);
	if (top > UINT64_MAX - ECAM_BUS)
		return false;
	for (at = align_up(top + 1, ECAM_BUS); size - 1 <= UINT64_MAX - at; at += ECAM_BUS) {
		if (!span_overlaps(busy, at, size)) {
			*base = at;
			return true;
		}
		if (at > UINT64_MAX - ECAM_BUS)
			break;
	}
	return false;
}

/* One bus unless a link's PCI address names a higher one. */
static uint8_t last_bus(const struct derive_ctx *x)
{
	uint8_t bus = 0;
	size_t i;

	for (i = 0; i < x->n_links; i++)
		if (x->links[i].ok && x->links[i].bdf >> 8 > bus)
			bus = (uint8_t)(x->links[i].bdf >> 8);
	return bus;
}

static void place_mmconfig(struct derive_ctx *x)
{
	struct system_config *sys = &x->c->sys;
	struct span_list busy = { 0 };
	uint64_t base = x->s->root.pci_mmconfig_base;
	uint8_t end_bus = last_bus(x);
	uint64_t size = ((uint64_t)end_bus + 1) * ECAM_BUS;

	occupied(x, &busy);
	if (!base) {
		if (!mmconfig_hole(x, &busy, size, &base))
			derive_note(x, SEV_ERROR, DT_PCI, NULL,
				    _("The PCI configuration window (%llu MiB) does not fit above "
				      "the board's address map."),
				    (unsigned long long)(size / ECAM_BUS));
	} else if (size - 1 > UINT64_MAX - base) {
		derive_note(x, SEV_ERROR, DT_PCI, NULL,
			    _("The PCI configuration window 0x%llx runs past the end of the "
			      "address space."), (unsigned long long)base);
	} else if (base % ECAM_BUS) {
		derive_note(x, SEV_ERROR, DT_PCI, NULL,
			    _("The PCI configuration window 0x%llx is not 1 MiB aligned."),
			    (unsigned long long)base);
	} else if (span_overlaps(&busy, base, size)) {
		derive_note(x, SEV_ERROR, DT_PCI, NULL,
			    _("The PCI configuration window 0x%llx overlaps a device, RAM or "
			      "the interrupt controller."), (unsigned long long)base);
	}
	sys->pci_mmconfig_base = base;
	sys->pci_mmconfig_end_bus = end_bus;
	sys->pci_is_virtual = 1;
	span_list_free(&busy);
}

/* Real PCI keeps its domains; the virtual host takes the next one. */
static uint16_t virtual_domain(const struct board *b)
{
	uint16_t d = 0;
	size_t i;

	for (i = 0; i < b->n_pci; i++)
		if (b->pci[i].domain >= d)
			d = (uint16_t)(b->pci[i].domain + 1);
	return d;
}

static bool irq_block_free(const struct derive_ctx *x, uint32_t base)
{
	uint32_t k;

	if (32 + base + 3 >= x->num_irqs)
		return false;
	for (k = 0; k < 4; k++)
		if (derive_irq_in_use(x->b, 32 + base + k))
			return false;
	return true;
}

/* From the top, where SoCs rarely wire devices. */
static void pick_irq_base(struct derive_ctx *x)
{
	uint32_t base = x->s->root.vpci_irq_base;

	if (base) {
		if (!irq_block_free(x, base))
			derive_note(x, SEV_ERROR, DT_PCI, NULL,
				    _("Interrupts %u to %u for virtual PCI are not free: the board "
				      "has fewer, or a device or Linux uses one of them."),
				    32 + base, 32 + base + 3);
		x->vpci_irq_base = base;
		return;
	}
	for (base = x->num_irqs > 36 ? x->num_irqs - 36 : 0; base > 0; base--)
		if (irq_block_free(x, base)) {
			x->vpci_irq_base = base;
			return;
		}
	derive_note(x, SEV_ERROR, DT_PCI, NULL,
		    _("The interrupt controller has no four free interrupts for virtual PCI."));
}

void derive_vpci(struct derive_ctx *x)
{
	struct system_config *sys = &x->c->sys;
	size_t i, j;

	x->vpci = false;
	for (i = 0; i < x->n_links; i++)
		x->vpci |= x->links[i].ok;
	if (!x->vpci) {
		sys->pci_mmconfig_base = 0;
		sys->pci_mmconfig_end_bus = 0;
		sys->pci_is_virtual = 0;
		sys->pci_domain = 0;
		x->root->vpci_irq_base = 0;
		for (i = 0; i < x->n_slots; i++)
			if (x->slots[i].cell)
				x->slots[i].cell->vpci_irq_base = 0;
		return;
	}
	sys->pci_domain = virtual_domain(x->b);
	place_mmconfig(x);
	pick_irq_base(x);
	x->root->vpci_irq_base = x->vpci_irq_base;
	for (i = 0; i < x->n_slots; i++)
		if (x->slots[i].cell)
			x->slots[i].cell->vpci_irq_base = 0;
	for (i = 0; i < x->n_links; i++)
		for (j = 0; x->links[i].ok && j < x->links[i].n_peers; j++)
			x->links[i].peers[j]->vpci_irq_base = x->vpci_irq_base;
}
