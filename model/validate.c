/*
 * The rule engine's two entry points. A full run copies the configuration,
 * flattens the board and checks everything by sorting and sweeping. An
 * incremental run works out what an edit touched (the regions and cells it
 * names, the cells those regions were and are in, regions whose shared-memory
 * link changed, LOADABLE regions under a changed root region), drops the
 * diagnostics of exactly those objects and reruns the rules centred on them,
 * finding partners through interval indexes. Both must end with the same
 * diagnostics; tests/model/test-incremental.c holds them to that.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/rules.h"
#include "model/util.h"

struct validator *validator_new(void)
{
	struct validator *v = xcalloc(1, sizeof(*v));

	v->root = VNONE;
	v->phys = range_index_new();
	v->root_phys = range_index_new();
	return v;
}

static void cells_reset(struct validator *v)
{
	size_t i;

	for (i = 0; i < v->cap_cells; i++) {
		struct vcell *vc = &v->cells[i];

		free(vc->name);
		range_index_free(vc->virt);
		memset(vc, 0, sizeof(*vc));
		vc->first = VNONE;
	}
	v->root = VNONE;
	v->n_cells = 0;
}

void validator_free(struct validator *v)
{
	if (!v)
		return;
	store_free(v);
	cells_reset(v);
	free(v->cells);
	free(v->regions);
	free(v->rset);
	free(v->cset);
	range_index_free(v->phys);
	range_index_free(v->root_phys);
	board_flat_free(v);
	free(v);
}

static struct vregion *vregion_get(struct validator *v, uint32_t id)
{
	if (id >= v->cap_regions) {
		size_t cap = v->cap_regions ? v->cap_regions : 64;

		while (cap <= id)
			cap *= 2;
		v->regions = xrealloc(v->regions, cap * sizeof(*v->regions));
		memset(v->regions + v->cap_regions, 0, (cap - v->cap_regions) * sizeof(*v->regions));
		v->cap_regions = cap;
	}
	return &v->regions[id];
}

static struct vcell *vcell_get(struct validator *v, uint32_t id)
{
	if (id >= v->cap_cells) {
		size_t i, cap = v->cap_cells ? v->cap_cells : 16;

		while (cap <= id)
			cap *= 2;
		v->cells = xrealloc(v->cells, cap * sizeof(*v->cells));
		memset(v->cells + v->cap_cells, 0, (cap - v->cap_cells) * sizeof(*v->cells));
		for (i = v->cap_cells; i < cap; i++)
			v->cells[i].first = VNONE;
		v->cap_cells = cap;
	}
	return &v->cells[id];
}

/* The shared-memory link of the region at index idx: the ivshmem device whose
 * regions (state table, read/write, one output per peer) include it. */
static bool region_link(const struct cell *cell, size_t idx, uint32_t *key)
{
	size_t i;

	for (i = 0; i < cell->n_pci; i++) {
		const struct cell_pci *d = &cell->pci[i];
		size_t n = d->shmem_peers ? 2u + d->shmem_peers : 1;

		if (d->type == PCI_IVSHMEM && idx >= d->shmem_regions_start &&
		    idx - d->shmem_regions_start < n) {
			*key = (uint32_t)d->domain << 16 | d->bdf;
			return true;
		}
	}
	return false;
}

static bool cell_has_ivshmem(const struct cell *cell)
{
	size_t i;

	for (i = 0; i < cell->n_pci; i++)
		if (cell->pci[i].type == PCI_IVSHMEM)
			return true;
	return false;
}

static void index_insert(struct validator *v, uint32_t id)
{
	struct vregion *r = &v->regions[id];

	range_index_insert(v->cells[r->cell].virt, r->virt, r->size, id);
	if (r->flags & MEM_COMM_REGION)
		return;
	range_index_insert(v->phys, r->phys, r->size, id);
	if (v->cells[r->cell].root)
		range_index_insert(v->root_phys, r->phys, r->size, id);
}

static void index_remove(struct validator *v, uint32_t id)
{
	struct vregion *r = &v->regions[id];

	range_index_remove(v->cells[r->cell].virt, r->virt, r->size, id);
	if (r->flags & MEM_COMM_REGION)
		return;
	range_index_remove(v->phys, r->phys, r->size, id);
	if (v->cells[r->cell].root)
		range_index_remove(v->root_phys, r->phys, r->size, id);
}

/* What a guest can run from; r->linked must be set. */
static bool region_is_ram(const struct vregion *r)
{
	return r->size && !r->linked && !(r->flags & (MEM_IO | MEM_COMM_REGION));
}

/* Copies a region into the validator's view, at the head of its cell's list. */
static void region_load(struct validator *v, const struct cell *cell, size_t idx)
{
	const struct cell_region *cr = &cell->regions[idx];
	struct vregion *r = vregion_get(v, cr->id);
	struct vcell *vc = &v->cells[cell->id];

	r->present = true;
	r->cell = cell->id;
	r->phys = cr->phys;
	r->virt = cr->virt;
	r->size = cr->size;
	r->flags = cr->flags;
	r->name = cr->name ? cr->name : "";
	r->linked = region_link(cell, idx, &r->link);
	r->prev = VNONE;
	r->next = vc->first;
	if (vc->first != VNONE)
		v->regions[vc->first].prev = cr->id;
	vc->first = cr->id;
	vc->n_comm += !!(r->flags & MEM_COMM_REGION);
	vc->n_ram += region_is_ram(r);
	vc->n_linked += r->linked;
	if (v->indexed)
		index_insert(v, cr->id);
}

static void region_unload(struct validator *v, uint32_t id)
{
	struct vregion *r = &v->regions[id];
	struct vcell *vc = &v->cells[r->cell];

	if (v->indexed)
		index_remove(v, id);
	if (r->prev != VNONE)
		v->regions[r->prev].next = r->next;
	else
		vc->first = r->next;
	if (r->next != VNONE)
		v->regions[r->next].prev = r->prev;
	vc->n_comm -= !!(r->flags & MEM_COMM_REGION);
	vc->n_ram -= region_is_ram(r);
	vc->n_linked -= r->linked;
	r->present = false;
	r->name = NULL;
}

/* Copies a cell's own fields (not its regions). */
static void cell_load(struct validator *v, const struct cell *cell)
{
	struct vcell *vc = vcell_get(v, cell->id);
	uint32_t lo = 0, hi = 0;
	size_t i;
	int w;

	if (!vc->present)
		v->n_cells++;
	vc->present = true;
	vc->root = cell->root;
	vc->type = cell->type;
	if (!vc->name || strcmp(vc->name, cell->name ? cell->name : "")) {
		free(vc->name);
		vc->name = xstrdup(cell->name ? cell->name : "");
	}
	vc->cpus = cell->cpus;
	if (!vc->virt)
		vc->virt = range_index_new();
	memset(vc->irqs, 0, sizeof(vc->irqs));
	vc->max_irq = 0;
	for (i = 0; i < cell->n_irqchips; i++) {
		const struct cell_irqchip *ic = &cell->irqchips[i];

		for (w = 0; w < 4; w++) {
			/* 64 bits: an imported pin_base near 2^32 must not wrap to 0. */
			uint64_t base = (uint64_t)ic->pin_base + 32 * (uint64_t)w, top;
			uint32_t bits = ic->pin_bitmap[w];

			if (!bits)
				continue;
			top = base + 32 - (uint64_t)__builtin_clz(bits);
			if (top > vc->max_irq)
				vc->max_irq = top > UINT32_MAX ? UINT32_MAX : (uint32_t)top;
			if (base % 32 == 0 && base < BOARD_MAX_IRQS)
				vc->irqs[base / 32] |= bits;
			else
				for (uint32_t n = 0; n < 32; n++)
					if (bits >> n & 1 && base + n < BOARD_MAX_IRQS)
						vc->irqs[(base + n) / 32] |= 1u << ((base + n) % 32);
		}
	}
	/* The virtual PCI host's INTx lines are the cell's own, never a physical conflict. */
	if (cell_has_ivshmem(cell)) {
		lo = 32 + cell->vpci_irq_base;
		hi = lo + 4;
		for (; lo < hi && lo < BOARD_MAX_IRQS; lo++)
			vc->irqs[lo / 32] &= ~(1u << (lo % 32));
	}
	if (cell->root)
		v->root = cell->id;
}

static void cell_unload(struct validator *v, uint32_t id)
{
	struct vcell *vc = &v->cells[id];

	if (!vc->present)
		return;
	v->n_cells--;
	if (v->root == id)
		v->root = VNONE;
	free(vc->name);
	vc->name = NULL;
	range_index_free(vc->virt);
	vc->virt = NULL;
	vc->present = false;
	vc->root = false;
}

/* Builds the indexes from the copy, on the first incremental run after a full one. */
static void indexes_build(struct validator *v)
{
	size_t i;

	v->indexed = true;
	for (i = 0; i < v->cap_regions; i++)
		if (v->regions[i].present)
			index_insert(v, (uint32_t)i);
}

static void indexes_clear(struct validator *v)
{
	size_t i;

	v->indexed = false;
	range_index_clear(v->phys);
	range_index_clear(v->root_phys);
	for (i = 0; i < v->cap_cells; i++)
		if (v->cells[i].virt)
			range_index_clear(v->cells[i].virt);
}

static void next_stamp(struct validator *v)
{
	size_t i;

	if (++v->stamp)
		return;
	for (i = 0; i < v->cap_regions; i++)
		v->regions[i].mark = v->regions[i].loc_stamp = 0;
	for (i = 0; i < v->cap_cells; i++)
		v->cells[i].mark = 0;
	v->stamp = 1;
}

void validate_full(struct validator *v, const struct board *b, const struct config *c)
{
	size_t i, j;

	store_clear(v);
	indexes_clear(v);
	cells_reset(v);
	if (v->cap_regions)
		memset(v->regions, 0, v->cap_regions * sizeof(*v->regions));
	if (c->next_region_id)
		vregion_get(v, c->next_region_id - 1);
	board_flatten(v, b, c->linux_mem);
	v->linux_mem = c->linux_mem;
	v->ready = true;
	v->hv_phys = c->sys.hypervisor.phys;
	v->hv_size = c->sys.hypervisor.size;
	next_stamp(v);

	for (i = 0; i < c->n_cells; i++) {
		const struct cell *cell = c->cells[i];

		/* Ids are unique by construction; a configuration breaking that
		 * (a bad import) must not corrupt the copy's lists. */
		if (vcell_get(v, cell->id)->present)
			continue;
		cell_load(v, cell);
		v->cells[cell->id].mark = v->stamp;
		for (j = cell->n_regions; j-- > 0;)
			if (!vregion_get(v, cell->regions[j].id)->present)
				region_load(v, cell, j);
	}
	for (i = 0; i < v->cap_regions; i++) {
		if (!v->regions[i].present)
			continue;
		v->regions[i].mark = v->stamp;
		rules_region_unary(v, b, (uint32_t)i);
		rules_region_hv(v, (uint32_t)i);
	}
	rules_regions_sweep(v);
	for (i = 0; i < v->cap_cells; i++)
		if (v->cells[i].present)
			rules_cell(v, b, (uint32_t)i);
	rules_global(v, b);
}

static void rset_add(struct validator *v, uint32_t id)
{
	struct vregion *r = vregion_get(v, id);

	if (r->mark == v->stamp)
		return;
	r->mark = v->stamp;
	ARRAY_PUSH(v->rset, v->n_rset, v->cap_rset, id);
}

static void cset_add(struct validator *v, uint32_t id)
{
	struct vcell *vc = vcell_get(v, id);

	if (vc->mark == v->stamp)
		return;
	vc->mark = v->stamp;
	ARRAY_PUSH(v->cset, v->n_cset, v->cap_cset, id);
}

/* Notes where each region of a cell is now, for the regions about to be recopied. */
static void locate_cell(struct validator *v, const struct cell *cell)
{
	size_t j;

	for (j = 0; j < cell->n_regions; j++) {
		struct vregion *r = vregion_get(v, cell->regions[j].id);

		r->loc = cell;
		r->loc_idx = (uint32_t)j;
		r->loc_stamp = v->stamp;
	}
}

static bool located(const struct validator *v, uint32_t id)
{
	return v->regions[id].loc_stamp == v->stamp;
}

/* Adds the regions of a cell whose shared-memory link is no longer what the copy says. */
static void links_compare(struct validator *v, const struct cell *cell)
{
	size_t j;

	if (!cell_has_ivshmem(cell) && !v->cells[cell->id].n_linked)
		return;
	for (j = 0; j < cell->n_regions; j++) {
		const struct vregion *r = &v->regions[cell->regions[j].id];
		uint32_t key = 0;
		bool linked = region_link(cell, j, &key);

		if (!r->present || r->cell != cell->id || r->linked != linked ||
		    (linked && r->link != key))
			rset_add(v, cell->regions[j].id);
	}
}

static bool visit_loadable(uint64_t start, uint64_t size, uint64_t key, void *arg)
{
	struct validator *v = arg;
	const struct vregion *r = &v->regions[key];

	if (r->flags & MEM_LOADABLE && region_is_guest(v, r))
		rset_add(v, (uint32_t)key);
	return true;
}

static bool visit_hv(uint64_t start, uint64_t size, uint64_t key, void *arg)
{
	struct validator *v = arg;

	if (!vregion_in_set(v, (uint32_t)key))
		rules_region_hv(v, (uint32_t)key);
	return true;
}

/* Region ranges of the root cell before and after the edit: LOADABLE guest
 * regions under them may have gained or lost their cover. */
struct root_ranges {
	struct range *v;
	size_t n, cap;
};

static void recopy_regions(struct validator *v, const struct config *c, struct root_ranges *rr)
{
	size_t i;

	for (i = 0; i < v->n_rset; i++) {
		uint32_t id = v->rset[i];
		struct vregion *r = &v->regions[id];
		const struct cell *cell;

		if (r->present) {
			if (v->cells[r->cell].root && !(r->flags & MEM_COMM_REGION))
				ARRAY_PUSH(rr->v, rr->n, rr->cap, ((struct range){ r->phys, r->size }));
			region_unload(v, id);
		}
		if (!located(v, id))
			continue;
		cell = r->loc;
		region_load(v, cell, r->loc_idx);
		if (cell->root && !(r->flags & MEM_COMM_REGION))
			ARRAY_PUSH(rr->v, rr->n, rr->cap, ((struct range){ r->phys, r->size }));
	}
}

/* Finds the cells to recheck and where the changed regions are now; false
 * when the edit changed which cell is the root, which needs a full run. */
static bool collect(struct validator *v, const struct config *c, const struct change *ch)
{
	size_t i, j;
	bool missing = false;

	for (i = 0; i < ch->n_cells; i++)
		cset_add(v, ch->cells[i]);
	for (i = 0; i < ch->n_regions; i++) {
		const struct vregion *r = vregion_get(v, ch->regions[i]);

		rset_add(v, ch->regions[i]);
		if (r->present)
			cset_add(v, r->cell);
	}
	for (i = 0; i < v->n_cset; i++) {
		const struct cell *cell = config_cell_by_id(c, v->cset[i]);

		if (cell)
			locate_cell(v, cell);
	}
	/* A new region in a cell the change did not name: look everywhere once. */
	for (i = 0; i < ch->n_regions && !missing; i++)
		missing = !v->regions[ch->regions[i]].present && !located(v, ch->regions[i]);
	for (i = 0; missing && i < c->n_cells; i++) {
		const struct cell *cell = c->cells[i];

		if (vcell_get(v, cell->id)->mark == v->stamp)
			continue;
		for (j = 0; j < cell->n_regions; j++) {
			if (vregion_get(v, cell->regions[j].id)->mark == v->stamp) {
				cset_add(v, cell->id);
				locate_cell(v, cell);
				break;
			}
		}
	}
	for (i = 0; i < v->n_cset; i++) {
		uint32_t id = v->cset[i];
		const struct cell *cell = config_cell_by_id(c, id);
		const struct vcell *vc = &v->cells[id];
		uint32_t r;

		if ((cell && cell->root) != (vc->present && vc->root))
			return false;
		if (!cell || !vc->present || strcmp(vc->name, cell->name ? cell->name : "")) {
			/* Messages name the cell: every region of a renamed, new or deleted cell. */
			for (r = vc->first; r != VNONE; r = v->regions[r].next)
				rset_add(v, r);
			for (j = 0; cell && j < cell->n_regions; j++)
				rset_add(v, cell->regions[j].id);
		} else {
			links_compare(v, cell);
		}
	}
	return true;
}

void validate_change(struct validator *v, const struct board *b, const struct config *c,
		     const struct change *ch)
{
	struct root_ranges rr = { 0 };
	size_t i;

	/* Another mem= moves Linux's RAM under every region. */
	if (ch->all || !v->ready || c->linux_mem != v->linux_mem) {
		validate_full(v, b, c);
		return;
	}
	if (!v->indexed)
		indexes_build(v);
	next_stamp(v);
	v->n_rset = v->n_cset = 0;
	if (!collect(v, c, ch)) {
		validate_full(v, b, c);
		return;
	}
	/* Cells first, so that regions moving in find their cell's index. */
	for (i = 0; i < v->n_cset; i++) {
		const struct cell *cell = config_cell_by_id(c, v->cset[i]);

		if (cell)
			cell_load(v, cell);
	}
	recopy_regions(v, c, &rr);
	for (i = 0; i < v->n_cset; i++)
		if (!config_cell_by_id(c, v->cset[i]))
			cell_unload(v, v->cset[i]);
	for (i = 0; i < rr.n; i++)
		range_index_query(v->phys, rr.v[i].start, rr.v[i].size, visit_loadable, v);
	free(rr.v);

	for (i = 0; i < v->n_rset; i++)
		store_drop_region(v, v->rset[i]);
	for (i = 0; i < v->n_cset; i++)
		store_drop_cell(v, v->cset[i]);
	if (v->n_cset || ch->system)
		store_drop_global(v);
	if (ch->system) {
		store_drop_hv(v);
		v->hv_phys = c->sys.hypervisor.phys;
		v->hv_size = c->sys.hypervisor.size;
	}

	for (i = 0; i < v->n_rset; i++)
		if (v->regions[v->rset[i]].present)
			rules_region_centred(v, b, v->rset[i]);
	for (i = 0; i < v->n_cset; i++)
		if (v->cells[v->cset[i]].present)
			rules_cell(v, b, v->cset[i]);
	if (v->n_cset || ch->system)
		rules_global(v, b);
	if (ch->system && v->hv_size) {
		range_index_query(v->phys, v->hv_phys, v->hv_size, visit_hv, v);
	}
}
