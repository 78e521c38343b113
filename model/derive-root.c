/*
 * The root cell and the system part: platform information from the
 * interrupt controller, the debug console, the root cell's CPUs and the RAM
 * Linux uses, plus the guest RAM Jailhouse must reach through the root cell
 * to load images (LOADABLE regions have to lie inside root-cell memory).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/derive-pass.h"
#include "po/i18n.h"
#include "model/util.h"

/* Without the board's count, enough 128-pin slices for every device interrupt. */
static uint32_t irq_count(const struct board *b)
{
	uint32_t max = 0;
	size_t i, j;

	if (b->gic.num_irqs)
		return b->gic.num_irqs > 1020 ? 1020 : b->gic.num_irqs;
	for (i = 0; i < b->n_regions; i++)
		for (j = 0; j < b->regions[i].n_irqs; j++)
			if (b->regions[i].irqs[j] > max && b->regions[i].irqs[j] < 1020)
				max = b->regions[i].irqs[j];
	if (max < 32)
		return 160;
	return 32 + (uint32_t)align_up(max - 32 + 1, 128);
}

void derive_platform(struct derive_ctx *x)
{
	const struct board *b = x->b;
	struct system_config *sys = &x->c->sys;
	const struct board_console *con;

	x->num_irqs = irq_count(b);
	if (b->gic.version != GIC_V2 && b->gic.version != GIC_V3)
		derive_note(x, SEV_ERROR, DT_GENERAL, NULL,
			    _("The board has no GICv2 or GICv3 interrupt controller; "
			      "Jailhouse cannot run on it."));
	sys->gic_version = (uint8_t)b->gic.version;
	sys->maintenance_irq = (uint8_t)b->gic.maintenance_irq;
	sys->gicd_base = b->gic.gicd.start;
	sys->gicc_base = board_gic_cpuif_base(&b->gic, &b->gic.gicc);
	sys->gich_base = b->gic.gich.start;
	sys->gicv_base = board_gic_cpuif_base(&b->gic, &b->gic.gicv);
	sys->gicr_base = b->gic.gicr.start;
	sys->flags = x->abi == ABI_V14 ? SYS_VIRTUAL_DEBUG_CONSOLE : 0;

	if (x->s->root.console) {
		con = derive_find_console(b, x->s->root.console);
		if (!con)
			derive_note(x, SEV_ERROR, DT_DEVICE, x->root->name,
				    _("The debug console \"%s\" is not a console of the board."),
				    x->s->root.console);
	} else {
		con = board_stdout_console(b);
		if (!con)
			derive_note(x, SEV_WARNING, DT_DEVICE, x->root->name,
				    _("The board has no console: the hypervisor will print "
				      "nothing."));
	}
	memset(&sys->debug_console, 0, sizeof(sys->debug_console));
	if (con) {
		sys->debug_console = con->con;
		/* The TX2 fork wants the console page marked as the root cell's. */
		if (x->abi == ABI_V9)
			sys->debug_console.flags |= CON_FLAG_ROOTPAGE;
	}
}

/* The board region a root span belongs to, for the user's and validation's sake. */
static int32_t ram_region_of(const struct board *b, uint64_t start, uint64_t size)
{
	size_t i;

	for (i = 0; i < b->n_regions; i++) {
		const struct board_region *r = &b->regions[i];

		if (r->kind != REGION_MMIO && range_contains(r->start, r->size, start, size))
			return (int32_t)r->id;
	}
	return -1;
}

static void add_spans(struct derive_ctx *x, const struct span_list *l, const char *name,
		      uint32_t flags)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		uint64_t size = l->v[i].last - l->v[i].start + 1;

		derive_region(x, x->root, name, l->v[i].start, l->v[i].start, size, flags,
			      ram_region_of(x->b, l->v[i].start, size));
	}
}

static void root_cpus(struct derive_ctx *x)
{
	size_t i;

	x->root->cpus = 0;
	for (i = 0; i < x->b->n_cpus; i++) {
		uint32_t id = x->b->cpus[i].logical_id;

		if (id < 64)
			x->root->cpus |= UINT64_C(1) << id;
		else
			derive_note(x, SEV_WARNING, DT_CPUS, x->root->name,
				    _("CPU %u is beyond the 64 CPUs a configuration "
				      "describes."), id);
	}
	if (!x->root->cpus)
		derive_note(x, SEV_ERROR, DT_CPUS, x->root->name,
			    _("The board lists no CPUs."));
}

void derive_root(struct derive_ctx *x)
{
	const struct board *b = x->b;
	const struct cell_region *hv = &x->c->sys.hypervisor;
	struct span_list ram = { 0 }, kept = { 0 }, guests = { 0 };
	size_t i, j;

	root_cpus(x);

	span_add_list(&ram, &x->linux_ram);
	span_sub(&ram, hv->phys, hv->size);
	add_spans(x, &ram, "System RAM", MEM_READ | MEM_WRITE | MEM_EXECUTE);

	/* Carve-outs a Linux driver uses (ramoops, say) are not System RAM but
	 * the root cell must keep them, or Linux faults on first access. */
	for (i = 0; i < b->n_regions; i++)
		if (b->regions[i].kind == REGION_RESERVED && b->regions[i].linux_uses)
			span_add(&kept, b->regions[i].start, b->regions[i].size);
	span_sub_list(&kept, &ram);
	span_sub(&kept, hv->phys, hv->size);
	add_spans(x, &kept, "reserved RAM", MEM_READ | MEM_WRITE);

	for (i = 0; i < x->n_slots; i++) {
		const struct cell *cell = x->slots[i].cell;

		for (j = 0; cell && j < cell->n_regions; j++)
			if (cell->regions[j].flags & MEM_LOADABLE)
				span_add(&guests, cell->regions[j].phys, cell->regions[j].size);
	}
	span_sub_list(&guests, &ram);
	span_sub_list(&guests, &kept);
	span_sub(&guests, hv->phys, hv->size);
	add_spans(x, &guests, "RAM for loading guests", MEM_READ | MEM_WRITE | MEM_EXECUTE);

	span_list_free(&ram);
	span_list_free(&kept);
	span_list_free(&guests);
}
