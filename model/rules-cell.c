/*
 * The rules about cells (names, CPUs, interrupts, the comm region's presence)
 * and about the system as a whole (a root cell, hypervisor memory). Cell
 * rules that compare two cells run against every other cell; with the handful
 * of cells a board holds that is cheaper than keeping owner tables, and a cell
 * rerun in the same pass reports a pair only from its lower-id side.
 */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "po/i18n.h"
#include "model/rules.h"
#include "model/units.h"
#include "model/util.h"

/* The longest name the binary configuration's 32-byte field holds. */
#define CELL_NAME_MAX 31

static void cell_diag(struct validator *v, enum diag_code code, uint32_t cell, uint32_t other,
		      char *msg)
{
	if (other != DIAG_NONE && other < cell) {
		uint32_t t = cell;

		cell = other;
		other = t;
	}
	store_add(v, code, cell, DIAG_NONE, other, DIAG_NONE, SUBJ_CELL, msg);
}

/* "45, 46, 120" for the first few interrupts set in a bitmap. */
static void irq_list(const uint32_t *bits, char *buf, size_t len)
{
	size_t used = 0;
	unsigned irq, shown = 0;

	buf[0] = '\0';
	for (irq = 0; irq < BOARD_MAX_IRQS && used + 16 < len; irq++) {
		if (!(bits[irq / 32] >> (irq % 32) & 1))
			continue;
		if (shown++ == 8) {
			snprintf(buf + used, len - used, ", ...");
			return;
		}
		used += (size_t)snprintf(buf + used, len - used, "%s%u", used ? ", " : "", irq);
	}
}

static void cell_pair(struct validator *v, uint32_t x, uint32_t y)
{
	const struct vcell *a = &v->cells[x], *b = &v->cells[y];
	uint32_t both[IRQ_WORDS];
	bool any = false;
	char buf[128];
	int w;

	if (a->name[0] && !strcmp(a->name, b->name))
		cell_diag(v, DIAG_NAME_DUP, x, y,
			  xasprintf(_("two cells are named '%s'"), a->name));
	if (a->root || b->root)
		return;
	if (a->cpus & b->cpus) {
		format_cpu_list(a->cpus & b->cpus, buf, sizeof(buf));
		cell_diag(v, DIAG_CPU_TWICE, x, y,
			  xasprintf(_("CPU %s is in both '%s' and '%s'"), buf,
				    v->cells[x < y ? x : y].name, v->cells[x < y ? y : x].name));
	}
	for (w = 0; w < IRQ_WORDS; w++) {
		both[w] = a->irqs[w] & b->irqs[w];
		any |= both[w] != 0;
	}
	if (any) {
		irq_list(both, buf, sizeof(buf));
		cell_diag(v, DIAG_IRQ_TWICE, x, y,
			  xasprintf(_("interrupt %s is granted to both '%s' and '%s'"), buf,
				    v->cells[x < y ? x : y].name, v->cells[x < y ? y : x].name));
	}
}

void rules_cell(struct validator *v, const struct board *b, uint32_t id)
{
	const struct vcell *c = &v->cells[id];
	char buf[128];
	size_t y;

	if (!c->name[0])
		cell_diag(v, DIAG_NAME_EMPTY, id, DIAG_NONE, xstrdup(_("a cell has no name")));
	if (strlen(c->name) > CELL_NAME_MAX)
		cell_diag(v, DIAG_NAME_LONG, id, DIAG_NONE,
			  xasprintf(_("cell name '%s' is longer than %d bytes"), c->name,
				    CELL_NAME_MAX));
	if (!c->root && !c->cpus)
		cell_diag(v, DIAG_NO_CPUS, id, DIAG_NONE,
			  xasprintf(_("cell '%s' has no CPU"), c->name));
	if (c->root && !(c->cpus & 1))
		cell_diag(v, DIAG_ROOT_CPU0, id, DIAG_NONE,
			  xasprintf(_("root cell '%s' does not hold CPU 0"), c->name));
	if (!c->root && c->cpus & 1)
		cell_diag(v, DIAG_ROOT_CPU0, id, DIAG_NONE,
			  xasprintf(_("cell '%s' takes CPU 0, which the root cell cannot give away"),
				    c->name));
	if (v->board_has_cpus && c->cpus & ~v->board_cpus) {
		format_cpu_list(c->cpus & ~v->board_cpus, buf, sizeof(buf));
		cell_diag(v, DIAG_CPU_MISSING, id, DIAG_NONE,
			  xasprintf(_("cell '%s' has CPU %s, which the board does not have"),
				    c->name, buf));
	}
	if (b->gic.num_irqs && c->max_irq > b->gic.num_irqs)
		cell_diag(v, DIAG_IRQ_MISSING, id, DIAG_NONE,
			  xasprintf(_("cell '%s' is granted interrupt %" PRIu32
				      ", but the interrupt controller has only %" PRIu32),
				    c->name, c->max_irq - 1, b->gic.num_irqs));
	if (!c->root && !c->n_ram)
		cell_diag(v, DIAG_NO_RAM, id, DIAG_NONE,
			  xasprintf(_("cell '%s' has no RAM: nothing can run in it"), c->name));
	if (!c->root && c->type == CELL_BARE && !c->n_comm)
		cell_diag(v, DIAG_NO_COMM_REGION, id, DIAG_NONE,
			  xasprintf(_("bare-metal cell '%s' has no communication region"),
				    c->name));
	for (y = 0; y < v->cap_cells; y++) {
		if (y == id || !v->cells[y].present)
			continue;
		/* Both in this pass: the lower id already did the pair. */
		if (v->cells[y].mark == v->stamp && y < id)
			continue;
		cell_pair(v, id, (uint32_t)y);
	}
}

void rules_global(struct validator *v, const struct board *b)
{
	uint64_t last;

	if (v->n_cells && v->root == VNONE)
		store_add(v, DIAG_NO_ROOT, DIAG_NONE, DIAG_NONE, DIAG_NONE, DIAG_NONE, SUBJ_GLOBAL,
			  xstrdup(_("the configuration has cells but no root cell")));
	if (!v->hv_size || !b->ram_index || !range_index_count(b->ram_index))
		return;
	last = range_last(v->hv_phys, v->hv_size);
	if (!range_index_covers(b->ram_index, v->hv_phys, v->hv_size))
		store_add(v, DIAG_HV_NOT_RAM, DIAG_NONE, DIAG_NONE, DIAG_NONE, DIAG_NONE, SUBJ_GLOBAL,
			  xasprintf(_("hypervisor memory 0x%" PRIx64 "-0x%" PRIx64
				      " is not all RAM"), v->hv_phys, last));
	if (spans_overlap(&v->linux_ram, v->hv_phys, last))
		store_add(v, DIAG_HV_LINUX_RAM, DIAG_NONE, DIAG_NONE, DIAG_NONE, DIAG_NONE,
			  SUBJ_GLOBAL,
			  xasprintf(_("hypervisor memory 0x%" PRIx64 "-0x%" PRIx64
				      " lies in RAM Linux uses; reserve it with mem= or memmap="),
				    v->hv_phys, last));
}
