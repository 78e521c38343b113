/*
 * The operations every front end changes a project through. Each one checks
 * only what could never be valid, then changes the configuration through an
 * undo record (so that doing, undoing and redoing run the same code), tells
 * the validator what it touched and counts the change for redraw.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/derive.h"
#include "model/history.h"
#include "po/i18n.h"
#include "model/ops.h"
#include "model/util.h"

/* Interrupts a cell can be granted: shared peripheral interrupts 32 to 1019. */
#define IRQ_FIRST 32
#define IRQ_END 1020

int op_refuse(char *why, const char *fmt, ...)
{
	va_list ap;

	if (why) {
		va_start(ap, fmt);
		vsnprintf(why, OP_WHY_LEN, fmt, ap);
		va_end(ap);
	}
	return -1;
}

static struct history *history_of(struct project *p)
{
	if (!p->history)
		p->history = history_new();
	return p->history;
}

static struct cell *find_cell(struct project *p, uint32_t id, char *why)
{
	struct cell *cell = config_cell_by_id(&p->config, id);

	if (!cell)
		op_refuse(why, _("there is no cell with id %u"), (unsigned)id);
	return cell;
}

static struct cell_region *find_region(struct cell *cell, uint32_t id, char *why)
{
	struct cell_region *r = cell_region_by_id(cell, id);

	if (!r)
		op_refuse(why, _("cell '%s' has no region with id %u"), cell->name, (unsigned)id);
	return r;
}

/* A board region may be in a cell once; a second copy could never be valid. */
static bool board_region_taken(struct project *p, const struct cell *cell, int32_t br, char *why)
{
	size_t i;

	if (br < 0)
		return false;
	if ((size_t)br >= p->board.n_regions) {
		op_refuse(why, _("the board has no region with id %d"), (int)br);
		return true;
	}
	for (i = 0; i < cell->n_regions; i++) {
		if (cell->regions[i].board_region == br) {
			op_refuse(why, _("'%s' is already in cell '%s'"), p->board.regions[br].name,
			       cell->name);
			return true;
		}
	}
	return false;
}

/* Validates what the change touched, counts it, and forgets it. */
static void finish(struct project *p, struct change *ch)
{
	if (p->validator)
		validate_change(p->validator, &p->board, &p->config, ch);
	p->generation++;
	change_free(ch);
}

/* Does a record and keeps it for undo; the history owns it from here. */
static void apply(struct project *p, struct record *r, struct change *ch)
{
	record_apply(&p->config, &p->spec, r, true, ch);
	history_push(history_of(p), r);
}

/* Keeps a record of a change already made. */
static void keep(struct project *p, struct record *r, struct change *ch)
{
	change_cell(ch, r->cell);
	history_push(history_of(p), r);
}

/* One record as one undo step, revalidated: done when the change is already
 * made (the record only keeps it), else the record makes it. */
static void commit(struct project *p, struct record *rec, bool done)
{
	struct change ch;

	change_init(&ch);
	op_group_begin(p);
	if (done)
		keep(p, rec, &ch);
	else
		apply(p, rec, &ch);
	op_group_end(p);
	finish(p, &ch);
}

static void region_record(struct record *rec, enum record_kind kind, const struct cell *cell,
			  size_t index, const struct cell_region *r)
{
	memset(rec, 0, sizeof(*rec));
	rec->kind = kind;
	rec->cell = cell->id;
	rec->index = index;
	rec->region = *r;
	rec->region.name = xstrdup(r->name ? r->name : "");
}

static int add_region(struct project *p, struct cell *cell, const struct cell_region *value,
		      uint32_t *region_id)
{
	struct record rec;
	struct cell_region r = *value;

	r.id = p->config.next_region_id++;
	region_record(&rec, REC_REGION_ADD, cell, cell->n_regions, &r);
	if (region_id)
		*region_id = r.id;
	commit(p, &rec, false);
	return 0;
}

/*
 * A guest of cells.yml takes a device as cells.yml says it: by name, so
 * derivation brings all its registers and interrupts and decides ROOTSHARED
 * from Linux's use (shared forces it). A region mapped by hand would be
 * lost on the next load, where derivation starts again from the spec.
 */
static int assign_device(struct project *p, const struct cell *cell, uint32_t board_region,
			 bool shared, uint32_t *region_id, char *why)
{
	const struct cell *now;

	if (op_guest_device_add(p, cell->name, spec_device_name(&p->board, board_region),
				shared ? SHARE_YES : SHARE_AUTO, why) < 0)
		return -1;
	now = config_cell_by_id(&p->config, cell->id);
	for (size_t i = 0; region_id && now && i < now->n_regions; i++)
		if (now->regions[i].board_region == (int32_t)board_region)
			*region_id = now->regions[i].id;
	return 0;
}

int op_assign(struct project *p, uint32_t board_region, uint32_t cell_id, bool shared,
	      uint32_t *region_id, char *why)
{
	struct cell *cell = find_cell(p, cell_id, why);
	const struct board_region *br;
	struct cell_region r = { 0 };

	if (!cell)
		return -1;
	if (board_region > INT32_MAX || board_region >= p->board.n_regions)
		return op_refuse(why, _("the board has no region with id %u"), (unsigned)board_region);
	br = &p->board.regions[board_region];
	/* A guest of the spec that has the device only because its console
	 * is there still takes it as a device, as `cell device add` does; the
	 * spec refuses a device listed twice. */
	if (br->kind == REGION_MMIO && spec_find_guest(&p->spec, cell->name))
		return assign_device(p, cell, board_region, shared, region_id, why);
	if (board_region_taken(p, cell, (int32_t)board_region, why))
		return -1;
	r.name = br->name;
	r.phys = r.virt = br->start;
	r.size = br->size;
	/* LOADABLE is left to derivation, which knows what a cell loads where. */
	r.flags = br->kind == REGION_MMIO ? MEM_READ | MEM_WRITE | MEM_IO
					  : MEM_READ | MEM_WRITE | MEM_EXECUTE;
	if (shared)
		r.flags |= MEM_ROOTSHARED;
	r.board_region = (int32_t)board_region;
	r.origin = ORIGIN_BOARD;
	return add_region(p, cell, &r, region_id);
}

int op_region_add(struct project *p, uint32_t cell_id, const struct cell_region *tmpl,
		  uint32_t *region_id, char *why)
{
	struct cell *cell = find_cell(p, cell_id, why);

	if (!cell || board_region_taken(p, cell, tmpl->board_region, why))
		return -1;
	return add_region(p, cell, tmpl, region_id);
}

int op_unassign(struct project *p, uint32_t cell_id, uint32_t region_id, char *why)
{
	struct cell *cell = find_cell(p, cell_id, why);
	struct cell_region *r;
	struct record rec;

	if (!cell || !(r = find_region(cell, region_id, why)))
		return -1;
	if (r->origin == ORIGIN_DERIVED && r->board_region >= 0) {
		const struct device_ref *dev =
			spec_guest_device_of(p, cell->name, (uint32_t)r->board_region);

		if (dev)
			return op_guest_device_remove(p, cell->name, dev->name, why);
	}
	region_record(&rec, REC_REGION_REMOVE, cell, (size_t)(r - cell->regions), r);
	commit(p, &rec, false);
	return 0;
}

/* A derived region is made anew from the cell's description at every load:
 * an edit of it would be lost, so the description is what to change. */
static int refuse_derived(const struct cell *cell, const struct cell_region *r, char *why)
{
	return op_refuse(why, _("region '%s' of '%s' is placed from the cell's description, "
				"which is what to change (its RAM, devices or links)"),
			 r->name && *r->name ? r->name : _("(unnamed)"), cell->name);
}

int op_region_edit(struct project *p, uint32_t cell_id, uint32_t region_id,
		   const struct cell_region *value, char *why)
{
	struct cell *cell = find_cell(p, cell_id, why);
	struct cell_region *r;
	struct record rec;

	if (!cell || !(r = find_region(cell, region_id, why)))
		return -1;
	if (r->origin == ORIGIN_DERIVED)
		return refuse_derived(cell, r, why);
	region_record(&rec, REC_REGION_EDIT, cell, (size_t)(r - cell->regions), r);
	rec.before = rec.region;
	rec.before.name = xstrdup(rec.region.name);
	free(rec.region.name);
	rec.region.name = xstrdup(value->name ? value->name : "");
	rec.region.phys = value->phys;
	rec.region.virt = value->virt;
	rec.region.size = value->size;
	rec.region.flags = value->flags;
	commit(p, &rec, false);
	return 0;
}

/* A guest's device goes to the other cell as that cell takes devices. */
static int move_device(struct project *p, uint32_t from, uint32_t region_id, uint32_t to,
		       uint32_t board_region, char *why)
{
	char ignored[OP_WHY_LEN];
	int rc;

	op_group_begin(p);
	rc = op_unassign(p, from, region_id, why);
	if (!rc && (rc = op_assign(p, board_region, to, false, NULL, why)) < 0) {
		op_group_end(p);
		op_undo(p, ignored);
		return rc;
	}
	op_group_end(p);
	return rc;
}

int op_region_move(struct project *p, uint32_t from_cell, uint32_t region_id,
		   uint32_t to_cell, char *why)
{
	struct cell *from = find_cell(p, from_cell, why), *to;
	struct cell_region *r;
	struct change ch;
	struct record rec;

	if (!from || !(r = find_region(from, region_id, why)) || !(to = find_cell(p, to_cell, why)))
		return -1;
	if (from == to)
		return 0;
	if (board_region_taken(p, to, r->board_region, why))
		return -1;
	if (r->origin == ORIGIN_DERIVED && r->board_region >= 0 &&
	    spec_guest_device_of(p, from->name, (uint32_t)r->board_region))
		return move_device(p, from->id, region_id, to->id, (uint32_t)r->board_region, why);
	if (r->origin == ORIGIN_DERIVED)
		return refuse_derived(from, r, why);
	change_init(&ch);
	op_group_begin(p);
	region_record(&rec, REC_REGION_REMOVE, from, (size_t)(r - from->regions), r);
	apply(p, &rec, &ch);
	rec.kind = REC_REGION_ADD;
	rec.cell = to->id;
	rec.index = to->n_regions;
	rec.region.name = xstrdup(rec.region.name);
	apply(p, &rec, &ch);
	op_group_end(p);
	finish(p, &ch);
	return 0;
}

int op_cell_create(struct project *p, const char *name, enum cell_type type,
		   uint32_t *cell_id, char *why)
{
	struct cell *cell;
	struct record rec = { 0 };

	if (!name || !*name)
		return op_refuse(why, _("a cell needs a name"));
	/* The first cell of a configuration without one is its root cell. */
	cell = config_add_cell(&p->config, name, !config_root(&p->config));
	if (!cell->root)
		cell->type = type;
	rec.kind = REC_CELL_CREATE;
	rec.cell = cell->id;
	rec.index = (size_t)config_cell_index(&p->config, cell->id);
	rec.snapshot = cell_clone(cell);
	if (cell_id)
		*cell_id = cell->id;
	commit(p, &rec, true);
	return 0;
}

int op_cell_rename(struct project *p, uint32_t cell_id, const char *name, char *why)
{
	struct cell *cell = find_cell(p, cell_id, why);
	struct record rec = { 0 };

	if (!cell)
		return -1;
	if (!name || !*name)
		return op_refuse(why, _("a cell needs a name"));
	if (spec_names(p, cell->name))
		return spec_cell_rename(p, cell_id, name, why);
	rec.kind = REC_CELL_NAME;
	rec.cell = cell_id;
	rec.name[0] = xstrdup(cell->name ? cell->name : "");
	rec.name[1] = xstrdup(name);
	commit(p, &rec, false);
	return 0;
}

int op_cell_delete(struct project *p, uint32_t cell_id, char *why)
{
	struct cell *cell = find_cell(p, cell_id, why);
	struct record rec = { 0 };

	if (!cell)
		return -1;
	if (cell->root)
		return op_refuse(why, _("the root cell '%s' cannot be deleted"), cell->name);
	if (spec_manages(p, cell))
		return spec_cell_delete(p, cell->name, why);
	rec.kind = REC_CELL_DELETE;
	rec.cell = cell_id;
	rec.index = (size_t)config_cell_index(&p->config, cell_id);
	rec.snapshot = cell_clone(cell);
	commit(p, &rec, false);
	return 0;
}

static void set_cpus(struct project *p, struct cell *cell, uint64_t cpus, struct change *ch)
{
	struct record rec = { 0 };

	rec.kind = REC_CELL_CPUS;
	rec.cell = cell->id;
	rec.cpus[0] = cell->cpus;
	rec.cpus[1] = cpus;
	apply(p, &rec, ch);
}

int op_cell_set_cpus(struct project *p, uint32_t cell_id, uint64_t cpus, char *why)
{
	struct cell *cell = find_cell(p, cell_id, why);
	struct change ch;

	if (!cell)
		return -1;
	if (!cell->root && spec_manages(p, cell))
		return spec_cpu_give(p, cell_id, cpus, true, why);
	change_init(&ch);
	op_group_begin(p);
	set_cpus(p, cell, cpus, &ch);
	op_group_end(p);
	finish(p, &ch);
	return 0;
}

/* Whether a CPU move touches a guest whose CPUs the spec sets. */
static bool cpu_in_spec(const struct project *p, const struct cell *to, uint64_t bit)
{
	if (to->root)
		return false;
	if (spec_manages(p, to))
		return true;
	for (size_t i = 0; i < p->config.n_cells; i++) {
		const struct cell *other = p->config.cells[i];

		if (!other->root && other->cpus & bit && spec_manages(p, other))
			return true;
	}
	return false;
}

int op_cpu_assign(struct project *p, unsigned cpu, uint32_t cell_id, char *why)
{
	struct cell *cell = find_cell(p, cell_id, why);
	uint64_t bit = 1ULL << (cpu & 63);
	struct change ch;
	size_t i;

	if (!cell)
		return -1;
	if (cpu >= 64)
		return op_refuse(why, _("CPU %u does not exist: a configuration holds CPUs 0 to 63"),
			      cpu);
	if (cpu_in_spec(p, cell, bit))
		return spec_cpu_give(p, cell_id, bit, false, why);
	change_init(&ch);
	op_group_begin(p);
	/* The root cell keeps its CPUs: Jailhouse takes them away at cell create. */
	for (i = 0; i < p->config.n_cells; i++) {
		struct cell *other = p->config.cells[i];

		if (other != cell && !other->root && other->cpus & bit)
			set_cpus(p, other, other->cpus & ~bit, &ch);
	}
	if (!(cell->cpus & bit))
		set_cpus(p, cell, cell->cpus | bit, &ch);
	op_group_end(p);
	finish(p, &ch);
	return 0;
}

static struct cell_irqchip *chips_dup(const struct cell *cell)
{
	struct cell_irqchip *c;

	if (!cell->n_irqchips)
		return NULL;
	c = xmalloc(cell->n_irqchips * sizeof(*c));
	memcpy(c, cell->irqchips, cell->n_irqchips * sizeof(*c));
	return c;
}

static int change_irq(struct project *p, uint32_t cell_id, uint32_t irq, bool grant, char *why)
{
	struct cell *cell = find_cell(p, cell_id, why);
	uint64_t gicd = p->config.sys.gicd_base ? p->config.sys.gicd_base
						: p->board.gic.gicd.start;
	struct record rec = { 0 };

	if (!cell)
		return -1;
	if (irq < IRQ_FIRST || irq >= IRQ_END)
		return op_refuse(why, _("interrupt %u cannot be granted: cells take shared "
				     "peripheral interrupts 32 to 1019"), (unsigned)irq);
	if (cell_has_irq(cell, irq) == grant)
		return 0;
	rec.kind = REC_CELL_IRQS;
	rec.cell = cell_id;
	rec.chips[0] = chips_dup(cell);
	rec.n_chips[0] = cell->n_irqchips;
	if (grant)
		cell_grant_irq(cell, gicd, irq);
	else
		cell_revoke_irq(cell, irq);
	rec.chips[1] = chips_dup(cell);
	rec.n_chips[1] = cell->n_irqchips;
	commit(p, &rec, true);
	return 0;
}

int op_irq_grant(struct project *p, uint32_t cell_id, uint32_t irq, char *why)
{
	return change_irq(p, cell_id, irq, true, why);
}

int op_irq_revoke(struct project *p, uint32_t cell_id, uint32_t irq, char *why)
{
	return change_irq(p, cell_id, irq, false, why);
}

int op_set_hypervisor(struct project *p, uint64_t phys, uint64_t size, char *why)
{
	struct record rec = { 0 };

	rec.kind = REC_HV;
	rec.hv_phys[0] = p->config.sys.hypervisor.phys;
	rec.hv_size[0] = p->config.sys.hypervisor.size;
	rec.hv_phys[1] = phys;
	rec.hv_size[1] = size;
	commit(p, &rec, false);
	return 0;
}

void op_group_begin(struct project *p)
{
	history_begin(history_of(p));
}

void op_group_end(struct project *p)
{
	history_end(history_of(p));
}

bool op_can_undo(const struct project *p)
{
	return p->history && history_has(p->history, true);
}

bool op_can_redo(const struct project *p)
{
	return p->history && history_has(p->history, false);
}

/* After the configuration was put back whole (a switch record), what
 * derivation says about the spec is said again; the result is not kept. */
static void report_again(struct project *p)
{
	struct config *scratch;

	if (!p->derived)
		return;
	scratch = config_snapshot(&p->config);
	derive_report_free(p->derived);
	derive_report_init(p->derived);
	derive_config(&p->board, &p->spec, p->settings.abi, scratch, p->derived);
	config_snapshot_free(scratch);
}

static int replay(struct project *p, bool undo, char *why)
{
	struct history *h = history_of(p);
	struct change ch;
	bool ok;

	if (history_in_group(h))
		return op_refuse(why, _("an edit is still in progress"));
	if (!history_has(h, undo))
		return op_refuse(why, undo ? _("there is nothing to undo") : _("there is nothing to redo"));
	change_init(&ch);
	ok = history_replay(h, &p->config, &p->spec, undo, &ch);
	if (ok && ch.all)
		report_again(p);
	finish(p, &ch);
	if (!ok)
		return op_refuse(why, _("the configuration changed outside the edit history; "
				     "the history was cleared"));
	return 0;
}

int op_undo(struct project *p, char *why)
{
	return replay(p, true, why);
}

int op_redo(struct project *p, char *why)
{
	return replay(p, false, why);
}
