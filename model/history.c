/*
 * Undo and redo. A step is the list of records one operation (or one group
 * of operations) made; undo replays a step's records backward in reverse
 * order, redo forward in order. Records restore values, never recompute
 * them, so the configuration returns to exactly what it was, ids included.
 * Counters of fresh ids are not rolled back: an id is never handed out twice.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/history.h"
#include "model/ops.h"
#include "model/util.h"

struct step {
	struct record *recs;
	size_t n, cap;
};

struct history {
	struct step *undo;
	size_t n_undo, cap_undo;
	struct step *redo;
	size_t n_redo, cap_redo;
	struct step open;        /* the step being built */
	int depth;               /* nesting of op_group_begin */
};

static void record_free(struct record *r)
{
	free(r->region.name);
	free(r->before.name);
	free(r->name[0]);
	free(r->name[1]);
	free(r->chips[0]);
	free(r->chips[1]);
	if (r->snapshot)
		cell_free(r->snapshot);
	for (int side = 0; side < 2; side++) {
		if (r->specs[side]) {
			spec_free(r->specs[side]);
			free(r->specs[side]);
		}
		config_snapshot_free(r->configs[side]);
	}
}

static void step_free(struct step *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		record_free(&s->recs[i]);
	free(s->recs);
	memset(s, 0, sizeof(*s));
}

struct history *history_new(void)
{
	return xcalloc(1, sizeof(struct history));
}

static void stack_clear(struct step *stack, size_t *n)
{
	while (*n)
		step_free(&stack[--*n]);
}

void history_clear(struct history *h)
{
	stack_clear(h->undo, &h->n_undo);
	stack_clear(h->redo, &h->n_redo);
	step_free(&h->open);
	h->depth = 0;
}

void history_free(struct history *h)
{
	if (!h)
		return;
	history_clear(h);
	free(h->undo);
	free(h->redo);
	free(h);
}

void history_push(struct history *h, struct record *r)
{
	ARRAY_PUSH(h->open.recs, h->open.n, h->open.cap, *r);
}

void history_begin(struct history *h)
{
	h->depth++;
}

/* A finished step goes onto the undo stack; anything undone before is gone. */
void history_end(struct history *h)
{
	if (h->depth > 0)
		h->depth--;
	if (h->depth || !h->open.n)
		return;
	stack_clear(h->redo, &h->n_redo);
	ARRAY_PUSH(h->undo, h->n_undo, h->cap_undo, h->open);
	memset(&h->open, 0, sizeof(h->open));
}

bool history_in_group(const struct history *h)
{
	return h->depth > 0;
}

bool history_has(const struct history *h, bool undo)
{
	return undo ? h->n_undo > 0 : h->n_redo > 0;
}

static void region_copy(struct cell_region *dst, const struct cell_region *src)
{
	*dst = *src;
	dst->name = src->name ? xstrdup(src->name) : NULL;
}

static bool region_insert(struct cell *cell, size_t index, const struct cell_region *r)
{
	if (index > cell->n_regions)
		return false;
	ARRAY_GROW(cell->regions, cell->n_regions, cell->cap_regions);
	memmove(&cell->regions[index + 1], &cell->regions[index],
		(cell->n_regions - index) * sizeof(*cell->regions));
	region_copy(&cell->regions[index], r);
	cell->n_regions++;
	return true;
}

static bool region_delete(struct cell *cell, size_t index, uint32_t id)
{
	if (index >= cell->n_regions || cell->regions[index].id != id)
		return false;
	cell_remove_region_at(cell, index);
	return true;
}

static bool cell_insert(struct config *c, size_t index, const struct cell *snapshot,
			struct change *ch)
{
	size_t i;

	if (index > c->n_cells)
		return false;
	ARRAY_GROW(c->cells, c->n_cells, c->cap_cells);
	memmove(&c->cells[index + 1], &c->cells[index], (c->n_cells - index) * sizeof(*c->cells));
	c->cells[index] = cell_clone(snapshot);
	c->n_cells++;
	for (i = 0; i < snapshot->n_regions; i++)
		change_region(ch, snapshot->regions[i].id);
	return true;
}

static bool cell_delete(struct config *c, uint32_t id, struct change *ch)
{
	ptrdiff_t at = config_cell_index(c, id);
	struct cell *cell;
	size_t i;

	if (at < 0)
		return false;
	cell = c->cells[at];
	for (i = 0; i < cell->n_regions; i++)
		change_region(ch, cell->regions[i].id);
	memmove(&c->cells[at], &c->cells[at + 1], (c->n_cells - (size_t)at - 1) * sizeof(*c->cells));
	c->n_cells--;
	cell_free(cell);
	return true;
}

static void chips_set(struct cell *cell, const struct cell_irqchip *chips, size_t n)
{
	free(cell->irqchips);
	cell->irqchips = n ? xmalloc(n * sizeof(*chips)) : NULL;
	if (n)
		memcpy(cell->irqchips, chips, n * sizeof(*chips));
	cell->n_irqchips = cell->cap_irqchips = n;
}

struct config *config_snapshot(const struct config *c)
{
	struct config *snap = xmalloc(sizeof(*snap));

	*snap = *c;
	snap->cells = c->n_cells ? xmalloc(c->n_cells * sizeof(*snap->cells)) : NULL;
	snap->cap_cells = c->n_cells;
	for (size_t i = 0; i < c->n_cells; i++)
		snap->cells[i] = cell_clone(c->cells[i]);
	if (c->sys.hypervisor.name)
		snap->sys.hypervisor.name = xstrdup(c->sys.hypervisor.name);
	return snap;
}

void config_snapshot_free(struct config *snap)
{
	if (!snap)
		return;
	config_free(snap);
	free(snap);
}

void config_restore(struct config *c, const struct config *snap)
{
	uint32_t next_region = c->next_region_id, next_cell = c->next_cell_id;
	struct config *copy = config_snapshot(snap);

	config_free(c);
	*c = *copy;
	free(copy);
	if (c->next_region_id < next_region)
		c->next_region_id = next_region;
	if (c->next_cell_id < next_cell)
		c->next_cell_id = next_cell;
}

/* Puts one side of a spec record back: the spec and the configuration
 * whole; everything is validated again. */
static bool spec_apply(struct config *c, struct spec *s, const struct record *r, int side,
		       struct change *ch)
{
	if (!r->configs[side] || !r->specs[side])
		return false;
	spec_free(s);
	spec_copy(s, r->specs[side]);
	config_restore(c, r->configs[side]);
	ch->all = true;
	return true;
}

bool record_apply(struct config *c, struct spec *s, const struct record *r, bool forward,
		  struct change *ch)
{
	struct cell *cell = NULL;
	struct cell_region *reg;
	int side = forward ? 1 : 0;

	if (r->kind != REC_HV && r->kind != REC_CELL_CREATE && r->kind != REC_CELL_DELETE &&
	    r->kind != REC_SPEC) {
		cell = config_cell_by_id(c, r->cell);
		if (!cell)
			return false;
		change_cell(ch, r->cell);
	}
	switch (r->kind) {
	case REC_REGION_ADD:
	case REC_REGION_REMOVE:
		change_region(ch, r->region.id);
		if (forward == (r->kind == REC_REGION_ADD))
			return region_insert(cell, r->index, &r->region);
		return region_delete(cell, r->index, r->region.id);
	case REC_REGION_EDIT:
		change_region(ch, r->region.id);
		reg = cell_region_by_id(cell, r->region.id);
		if (!reg)
			return false;
		free(reg->name);
		region_copy(reg, forward ? &r->region : &r->before);
		return true;
	case REC_CELL_NAME:
		free(cell->name);
		cell->name = xstrdup(r->name[side]);
		return true;
	case REC_CELL_CPUS:
		cell->cpus = r->cpus[side];
		return true;
	case REC_CELL_IRQS:
		chips_set(cell, r->chips[side], r->n_chips[side]);
		return true;
	case REC_CELL_CREATE:
	case REC_CELL_DELETE:
		change_cell(ch, r->cell);
		if (forward == (r->kind == REC_CELL_CREATE))
			return cell_insert(c, r->index, r->snapshot, ch);
		return cell_delete(c, r->cell, ch);
	case REC_HV:
		c->sys.hypervisor.phys = r->hv_phys[side];
		c->sys.hypervisor.size = r->hv_size[side];
		ch->system = true;
		return true;
	case REC_SPEC:
		return spec_apply(c, s, r, side, ch);
	}
	return false;
}

bool history_replay(struct history *h, struct config *c, struct spec *sp, bool undo,
		    struct change *ch)
{
	struct step st;
	size_t i;
	bool ok = true;

	if (undo ? !h->n_undo : !h->n_redo)
		return false;
	st = undo ? h->undo[--h->n_undo] : h->redo[--h->n_redo];
	for (i = 0; ok && i < st.n; i++)
		ok = record_apply(c, sp, &st.recs[undo ? st.n - 1 - i : i], !undo, ch);
	if (!ok) {
		/* The configuration was changed behind the history's back: what it
		 * holds can no longer be replayed, and everything is rechecked. */
		step_free(&st);
		history_clear(h);
		ch->all = true;
		return false;
	}
	if (undo)
		ARRAY_PUSH(h->redo, h->n_redo, h->cap_redo, st);
	else
		ARRAY_PUSH(h->undo, h->n_undo, h->cap_undo, st);
	return true;
}
