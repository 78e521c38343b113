/*
 * Guest cells from the spec: CPUs, RAM, the comm region, devices, console
 * and extra interrupts. Bare-metal inmates run from cell-virtual 0; Linux
 * guests get a small loader region at 0 (where `jailhouse cell linux` puts
 * its boot loader) and their RAM at the same address as physically, which is
 * what their device tree's memory node then says.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/derive-pass.h"
#include "po/i18n.h"
#include "model/units.h"
#include "model/util.h"

static uint64_t board_cpu_mask(const struct board *b)
{
	uint64_t m = 0;
	size_t i;

	for (i = 0; i < b->n_cpus; i++)
		if (b->cpus[i].logical_id < 64)
			m |= UINT64_C(1) << b->cpus[i].logical_id;
	return m;
}

static bool is_slot_cell(const struct derive_ctx *x, const struct cell *cell)
{
	size_t i;

	for (i = 0; i < x->n_slots; i++)
		if (x->slots[i].cell == cell)
			return true;
	return false;
}

/*
 * Explicit CPU lists are honoured first, so that a count never takes a CPU
 * another guest names; counts then take the lowest free CPUs, never CPU 0,
 * which runs the root cell's Linux and the jailhouse command.
 */
void derive_guest_cpus(struct derive_ctx *x)
{
	uint64_t have = board_cpu_mask(x->b), taken = 1;
	char buf[160];
	size_t i;
	unsigned cpu, want;

	for (i = 0; i < x->c->n_cells; i++)
		if (!x->c->cells[i]->root && !is_slot_cell(x, x->c->cells[i]))
			taken |= x->c->cells[i]->cpus;
	for (i = 0; i < x->n_slots; i++) {
		struct derive_slot *slot = &x->slots[i];
		uint64_t want_set = slot->spec->cpus;

		if (!slot->cell || !want_set)
			continue;
		if (want_set & ~have) {
			format_cpu_list(want_set & ~have, buf, sizeof(buf));
			derive_note(x, SEV_ERROR, DT_CPUS, slot->cell->name,
				    _("The board has no CPU %s."), buf);
		}
		if (want_set & 1)
			derive_note(x, SEV_ERROR, DT_CPUS, slot->cell->name,
				    _("CPU 0 cannot leave the root cell."));
		else if (want_set & taken & have) {
			format_cpu_list(want_set & taken & have, buf, sizeof(buf));
			derive_note(x, SEV_ERROR, DT_CPUS, slot->cell->name,
				    _("CPU %s already belongs to another cell."), buf);
		}
		slot->cell->cpus = want_set;
		taken |= want_set;
	}
	for (i = 0; i < x->n_slots; i++) {
		struct derive_slot *slot = &x->slots[i];

		if (!slot->cell || slot->spec->cpus)
			continue;
		want = slot->spec->n_cpus ? slot->spec->n_cpus : 1;
		slot->cell->cpus = 0;
		for (cpu = 1; cpu < 64 && want; cpu++) {
			uint64_t bit = UINT64_C(1) << cpu;

			if ((have & bit) && !(taken & bit)) {
				slot->cell->cpus |= bit;
				taken |= bit;
				want--;
			}
		}
		if (want)
			derive_note(x, SEV_ERROR, DT_CPUS, slot->cell->name,
				    P_("The board lacks %u free CPU for this cell.",
				       "The board lacks %u free CPUs for this cell.", want),
				    want);
	}
}

static bool has_flag(const struct cell *cell, uint32_t flag)
{
	size_t i;

	for (i = 0; i < cell->n_regions; i++)
		if (cell->regions[i].flags & flag)
			return true;
	return false;
}

static void guest_region(struct derive_ctx *x, struct cell *cell, const char *name,
			 uint64_t phys, uint64_t virt, uint64_t size, uint32_t flags)
{
	if (derive_virt_taken(cell, virt, size)) {
		derive_note(x, SEV_ERROR, DT_RAM, cell->name,
			    _("The cell's %s at cell address 0x%llx collides with another of its "
			      "regions."), name, (unsigned long long)virt);
		return;
	}
	derive_region(x, cell, name, phys, virt, size, flags, -1);
}

static void guest_memory(struct derive_ctx *x, struct derive_slot *slot)
{
	struct cell *cell = slot->cell;
	const uint32_t rwx = MEM_READ | MEM_WRITE | MEM_EXECUTE;

	if (!x->mem_ok)
		return;
	if (slot->spec->type == CELL_BARE) {
		guest_region(x, cell, "RAM", slot->ram_phys, 0, slot->ram_size,
			     rwx | MEM_LOADABLE);
		slot->out->ram_virt = 0;
	} else {
		guest_region(x, cell, "loader RAM", slot->loader_phys, 0, DERIVE_LOADER_SIZE,
			     rwx | MEM_LOADABLE);
		guest_region(x, cell, "RAM", slot->ram_phys, slot->ram_phys, slot->ram_size,
			     rwx | MEM_DMA | MEM_LOADABLE);
		slot->out->ram_virt = slot->ram_phys;
		slot->out->loader_virt = 0;
	}
	slot->out->ram_size = slot->ram_size;
}

static void guest_console(struct derive_ctx *x, struct derive_slot *slot)
{
	const char *name = slot->spec->console;
	const struct board_console *con;

	if (!name)
		return;
	con = derive_find_console(x->b, name);
	if (!derive_device_add(x, slot, name, SHARE_AUTO))
		return;
	if (!con) {
		derive_note(x, SEV_WARNING, DT_DEVICE, slot->cell->name,
			    _("\"%s\" is not a console the board describes; the cell gets its "
			      "registers but no console settings."), name);
		return;
	}
	slot->cell->console = con->con;
	free(slot->out->console_path);
	slot->out->console_path = con->dt_path ? xstrdup(con->dt_path) : NULL;
}

static void guest_irqs(struct derive_ctx *x, struct derive_slot *slot)
{
	size_t i;

	for (i = 0; i < slot->spec->n_irqs; i++) {
		uint32_t irq = slot->spec->irqs[i];

		if (irq < 32 || irq >= x->num_irqs) {
			derive_note(x, SEV_ERROR, DT_IRQ, slot->cell->name,
				    _("Interrupt %u is not a shared peripheral interrupt of the "
				      "board (32 to %u)."), irq, x->num_irqs - 1);
			continue;
		}
		cell_grant_irq(slot->cell, x->b->gic.gicd.start, irq);
	}
}

void derive_guests(struct derive_ctx *x)
{
	size_t i, j;

	for (i = 0; i < x->n_slots; i++) {
		struct derive_slot *slot = &x->slots[i];
		const struct guest_spec *g = slot->spec;

		if (!slot->cell)
			continue;
		guest_memory(x, slot);
		if (!has_flag(slot->cell, MEM_COMM_REGION))
			guest_region(x, slot->cell, "communication region", 0, DERIVE_COMM_VIRT,
				     DERIVE_COMM_SIZE, MEM_COMM_REGION | MEM_READ | MEM_WRITE);
		for (j = 0; j < g->n_devices; j++)
			derive_device_add(x, slot, g->devices[j].name, (int)g->devices[j].share);
		guest_console(x, slot);
		guest_irqs(x, slot);
	}
}
