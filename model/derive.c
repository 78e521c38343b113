/*
 * The derivation driver: clears what an earlier run derived, makes sure the
 * cells the spec names exist, runs the passes in dependency order and keeps
 * the report. Passes live in model/derive-*.c, one concept each.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/derive-pass.h"
#include "po/i18n.h"
#include "model/units.h"
#include "model/util.h"

void derive_report_init(struct derive_report *rep)
{
	memset(rep, 0, sizeof(*rep));
}

static void guest_info_free(struct derive_guest *g)
{
	size_t i;

	free(g->cell);
	for (i = 0; i < g->n_dt_paths; i++)
		free(g->dt_paths[i]);
	free(g->dt_paths);
	free(g->console_path);
	free(g->irqs);
}

void derive_report_free(struct derive_report *rep)
{
	size_t i;

	for (i = 0; i < rep->n_msgs; i++) {
		free(rep->msgs[i].cell);
		free(rep->msgs[i].text);
	}
	free(rep->msgs);
	for (i = 0; i < rep->n_guests; i++)
		guest_info_free(&rep->guests[i]);
	free(rep->guests);
	memset(rep, 0, sizeof(*rep));
}

size_t derive_report_count(const struct derive_report *rep, enum severity sev)
{
	size_t i, n = 0;

	for (i = 0; i < rep->n_msgs; i++)
		n += rep->msgs[i].severity == sev;
	return n;
}

const struct derive_guest *derive_report_guest(const struct derive_report *rep,
					       const char *cell)
{
	size_t i;

	for (i = 0; i < rep->n_guests; i++)
		if (!strcmp(rep->guests[i].cell, cell))
			return &rep->guests[i];
	return NULL;
}

void derive_report_vadd(struct derive_report *rep, enum severity sev, enum derive_topic topic,
			const char *cell, const char *fmt, va_list ap)
{
	struct derive_msg *m;
	va_list again;
	int len;

	va_copy(again, ap);
	len = vsnprintf(NULL, 0, fmt, again);
	va_end(again);
	ARRAY_GROW(rep->msgs, rep->n_msgs, rep->cap_msgs);
	m = &rep->msgs[rep->n_msgs++];
	m->severity = sev;
	m->topic = topic;
	m->code = DIAG_DERIVE;
	m->cell = cell ? xstrdup(cell) : NULL;
	m->text = xmalloc(len < 0 ? 1 : (size_t)len + 1);
	m->text[0] = '\0';
	if (len >= 0)
		vsnprintf(m->text, (size_t)len + 1, fmt, ap);
}

void derive_note(struct derive_ctx *x, enum severity sev, enum derive_topic topic,
		 const char *cell, const char *fmt, ...)
{
	va_list ap;

	if (sev == SEV_ERROR)
		x->failed = true;
	va_start(ap, fmt);
	derive_report_vadd(x->rep, sev, topic, cell, fmt, ap);
	va_end(ap);
}

void derive_note_code(struct derive_ctx *x, enum diag_code code, enum derive_topic topic,
		      const char *cell, const char *fmt, ...)
{
	enum severity sev = diag_code_severity(code);
	va_list ap;

	if (sev == SEV_ERROR)
		x->failed = true;
	va_start(ap, fmt);
	derive_report_vadd(x->rep, sev, topic, cell, fmt, ap);
	va_end(ap);
	x->rep->msgs[x->rep->n_msgs - 1].code = code;
}

struct cell_region *derive_region(struct derive_ctx *x, struct cell *cell, const char *name,
				  uint64_t phys, uint64_t virt, uint64_t size, uint32_t flags,
				  int32_t board_region)
{
	struct cell_region *r = cell_add_region(x->c, cell, name, phys, virt, size, flags);

	r->origin = ORIGIN_DERIVED;
	r->board_region = board_region;
	return r;
}

bool derive_virt_taken(const struct cell *cell, uint64_t virt, uint64_t size)
{
	size_t i;

	for (i = 0; i < cell->n_regions; i++)
		if (range_overlaps(cell->regions[i].virt, cell->regions[i].size, virt, size))
			return true;
	return false;
}

void derive_gic_spans(const struct board *b, struct span_list *l)
{
	const struct range *parts[] = {
		&b->gic.gicd, &b->gic.gicc, &b->gic.gich, &b->gic.gicv, &b->gic.gicr,
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(parts); i++)
		span_add(l, parts[i]->start, parts[i]->size);
}

/* An imported system configuration is the user's own, byte for byte: adding
 * derived regions to it would change what importing promised to keep. */
static bool root_imported(const struct config *c)
{
	const struct cell *root = config_root(c);

	if (!root)
		return false;
	for (size_t i = 0; i < root->n_regions; i++) {
		if (root->regions[i].origin == ORIGIN_IMPORT)
			return true;
	}
	return false;
}

/* Removes derived regions everywhere, and the irqchips and ivshmem devices
 * of the cells derivation manages: those are recomputed in full. */
static void strip_cell(struct cell *cell, bool managed)
{
	size_t i = 0;

	while (i < cell->n_regions) {
		if (cell->regions[i].origin == ORIGIN_DERIVED)
			cell_remove_region_at(cell, i);
		else
			i++;
	}
	if (!managed)
		return;
	cell->n_irqchips = 0;
	for (i = 0; i < cell->n_pci;) {
		if (cell->pci[i].type == PCI_IVSHMEM) {
			memmove(&cell->pci[i], &cell->pci[i + 1],
				(cell->n_pci - i - 1) * sizeof(*cell->pci));
			cell->n_pci--;
		} else {
			i++;
		}
	}
}

static bool cell_is_managed(const struct derive_ctx *x, const struct cell *cell)
{
	return cell->root || (cell->name && spec_find_guest(x->s, cell->name));
}

/* The cells the spec names exist afterwards; flags are only set on creation
 * so that what the user set on an existing cell stays. */
static void ensure_cells(struct derive_ctx *x)
{
	const char *root_name = x->s->root.name;
	size_t i;

	x->root = config_root(x->c);
	if (!x->root)
		x->root = config_add_cell(x->c, root_name ? root_name : "root", true);
	else if (root_name && strcmp(x->root->name, root_name)) {
		free(x->root->name);
		x->root->name = xstrdup(root_name);
	}
	x->n_slots = x->s->n_guests;
	x->slots = xcalloc(x->n_slots + 1, sizeof(*x->slots));
	for (i = 0; i < x->n_slots; i++) {
		const struct guest_spec *g = &x->s->guests[i];
		struct derive_slot *slot = &x->slots[i];
		struct cell *cell = config_find_cell(x->c, g->name);

		slot->spec = g;
		if (spec_find_guest(x->s, g->name) != g) {
			derive_note(x, SEV_ERROR, DT_GENERAL, g->name,
				    _("Two guests are called \"%s\"."), g->name);
			continue;
		}
		if (cell && cell->root) {
			derive_note(x, SEV_ERROR, DT_GENERAL, g->name,
				    _("Guest \"%s\" has the root cell's name."), g->name);
			continue;
		}
		if (!cell) {
			cell = config_add_cell(x->c, g->name, false);
			cell->flags = CELL_PASSIVE_COMMREG;
			if (g->type == CELL_LINUX && x->abi == ABI_V14)
				cell->flags |= CELL_VIRTUAL_CONSOLE_PERMITTED;
		}
		/* Derived for revision 14 before (generate --abi 9 in a revision 14
		 * project), the cell may hold flags revision 9 has not. */
		if (x->abi == ABI_V9)
			cell->flags &= ~(uint32_t)(CELL_VIRTUAL_CONSOLE_PERMITTED |
						   CELL_VIRTUAL_CONSOLE_ACTIVE);
		cell->type = g->type;
		slot->cell = cell;
		if (g->type == CELL_LINUX && (!g->kernel || !g->kernel[0]))
			derive_note_code(x, DIAG_NO_KERNEL, DT_GENERAL, g->name,
					 _("Linux guest \"%s\" names no kernel: the cell can be "
					   "created but has nothing to boot; give its kernel in "
					   "cells.yml."), g->name);
	}
}

static void strip_all(struct derive_ctx *x)
{
	size_t i;

	for (i = 0; i < x->c->n_cells; i++)
		strip_cell(x->c->cells[i], cell_is_managed(x, x->c->cells[i]));
}

/* What a guest's device tree needs, collected once the cells are final. */
static void report_guests(struct derive_ctx *x)
{
	size_t i;
	uint32_t irq;

	for (i = 0; i < x->n_slots; i++) {
		struct derive_slot *slot = &x->slots[i];
		struct derive_guest *g = slot->out;

		if (!g || !slot->cell)
			continue;
		g->cpus = slot->cell->cpus;
		for (irq = 32; irq < BOARD_MAX_IRQS; irq++)
			if (cell_has_irq(slot->cell, irq))
				ARRAY_PUSH(g->irqs, g->n_irqs, g->cap_irqs, irq);
	}
}

/* One entry per guest cell; slots point into the array once it is complete. */
static void open_guest_reports(struct derive_ctx *x)
{
	struct derive_report *r = x->rep;
	size_t i, k = 0;

	for (i = 0; i < x->n_slots; i++) {
		if (!x->slots[i].cell)
			continue;
		ARRAY_GROW(r->guests, r->n_guests, r->cap_guests);
		memset(&r->guests[r->n_guests], 0, sizeof(r->guests[0]));
		r->guests[r->n_guests].cell = xstrdup(x->slots[i].cell->name);
		r->guests[r->n_guests].type = x->slots[i].spec->type;
		r->n_guests++;
	}
	for (i = 0; i < x->n_slots; i++)
		if (x->slots[i].cell)
			x->slots[i].out = &r->guests[k++];
}

/*
 * The one statement of the memory plan that every command prints: the mem=
 * Linux boots with and where the hypervisor goes. It says whether the running
 * kernel already leaves the room, or that nobody knows when the board came
 * from a device tree alone; a plan the kernel does not follow yet is a
 * warning, since enabling Jailhouse before that reboot would break Linux.
 */
static void plan_note(struct derive_ctx *x)
{
	const struct cell_region *hv = &x->c->sys.hypervisor;
	unsigned long long at = hv->phys;
	char now[32];

	if (!x->mem_ok)
		return;
	format_mem_arg(x->b->mem_limit, now, sizeof(now));
	if (!x->rep->mem_limit) {
		if (x->b->mem_limit)
			derive_note(x, SEV_INFO, DT_HYPERVISOR, NULL,
				    _("Linux boots with %s already, which leaves room for the hypervisor "
				      "(at 0x%llx) and the cells."), now, at);
		return;
	}
	format_mem_arg(x->rep->mem_limit, x->rep->mem_arg, sizeof(x->rep->mem_arg));
	if (x->c->linux_mem_assumed)
		derive_note(x, SEV_WARNING, DT_HYPERVISOR, NULL,
			    _("Which RAM Linux uses is unknown (the board was read from a device tree "
			      "alone), so the plan assumes Linux boots with %s: boot it so. The "
			      "hypervisor goes to 0x%llx, above that RAM."), x->rep->mem_arg, at);
	else if (x->b->mem_limit)
		derive_note(x, SEV_WARNING, DT_HYPERVISOR, NULL,
			    _("Linux boots with %s, which leaves too little room for the hypervisor "
			      "and the cells: boot it with %s. The hypervisor goes to 0x%llx, above "
			      "that RAM."), now, x->rep->mem_arg, at);
	else
		derive_note(x, SEV_WARNING, DT_HYPERVISOR, NULL,
			    _("Linux uses the RAM the hypervisor and the cells need: boot it with %s. "
			      "The hypervisor goes to 0x%llx, above that RAM."), x->rep->mem_arg, at);
}

int derive_config(const struct board *b, const struct spec *s, enum abi abi, struct config *c,
		  struct derive_report *rep)
{
	struct derive_ctx x;

	if (network_in_use(s))
		return network_derive_config(b, s, abi, c, rep);
	memset(&x, 0, sizeof(x));
	x.b = b;
	x.s = s;
	x.abi = abi;
	x.c = c;
	x.rep = rep ? rep : &x.own_rep;
	derive_report_free(x.rep);
	if (root_imported(c)) {
		derive_note(&x, SEV_INFO, DT_GENERAL, config_root(c)->name,
			    _("The root cell was imported from a .cell file: it and the system part "
			      "stay exactly as imported, and nothing is derived."));
		if (s->n_guests || s->n_links)
			derive_note(&x, SEV_WARNING, DT_GENERAL, NULL,
				    _("The guests and links of cells.yml are not derived for an "
				      "imported root cell; describe the root in cells.yml instead."));
		if (!rep)
			derive_report_free(&x.own_rep);
		return 0;
	}
	c->arch = b->arch;

	strip_all(&x);
	ensure_cells(&x);
	open_guest_reports(&x);
	derive_platform(&x);
	derive_guest_cpus(&x);
	derive_links_resolve(&x);
	derive_memory(&x);
	derive_vpci(&x);
	derive_guests(&x);
	derive_root(&x);
	derive_root_mmio(&x);
	derive_root_irqs(&x);
	derive_ivshmem(&x);
	derive_ivshmem_indices(&x);
	report_guests(&x);
	plan_note(&x);

	span_list_free(&x.free_ram);
	span_list_free(&x.linux_ram);
	free(x.slots);
	free(x.links);
	if (!rep)
		derive_report_free(&x.own_rep);
	return x.failed ? -1 : 0;
}
