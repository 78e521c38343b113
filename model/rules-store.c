/*
 * Where the validator keeps its diagnostics: a slab of slots, each linked
 * into the lists of the one or two objects it is about, so that an edit can
 * drop exactly the diagnostics of what it touched. The sorted view front
 * ends read is rebuilt only after something changed.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "po/i18n.h"
#include "model/rules.h"
#include "model/util.h"

struct code_info {
	const char *name;
	enum severity severity;
};

/* Indexed by enum diag_code; the names are stable and documented in doc/diagnostics.md. */
static const struct code_info codes[DIAG_COUNT] = {
	[DIAG_OVERLAP_PHYS] = { "overlap-phys", SEV_ERROR },
	[DIAG_OVERLAP_VIRT] = { "overlap-virt", SEV_ERROR },
	[DIAG_CELL_OVERLAP] = { "cell-overlap", SEV_ERROR },
	[DIAG_ROOT_NOT_SHARED] = { "root-not-shared", SEV_WARNING },
	[DIAG_NOT_ON_BOARD] = { "not-on-board", SEV_WARNING },
	[DIAG_ALIGN] = { "align", SEV_ERROR },
	[DIAG_SUBPAGE_WIDTH] = { "subpage-width", SEV_ERROR },
	[DIAG_ZERO_SIZE] = { "zero-size", SEV_ERROR },
	[DIAG_CPU_TWICE] = { "cpu-twice", SEV_ERROR },
	[DIAG_CPU_MISSING] = { "cpu-missing", SEV_ERROR },
	[DIAG_ROOT_CPU0] = { "root-cpu0", SEV_ERROR },
	[DIAG_NO_CPUS] = { "no-cpus", SEV_ERROR },
	[DIAG_IRQ_TWICE] = { "irq-twice", SEV_ERROR },
	[DIAG_IRQ_MISSING] = { "irq-missing", SEV_ERROR },
	[DIAG_HV_NOT_RAM] = { "hv-not-ram", SEV_ERROR },
	[DIAG_HV_LINUX_RAM] = { "hv-linux-ram", SEV_ERROR },
	[DIAG_HV_OVERLAP] = { "hv-overlap", SEV_ERROR },
	[DIAG_GUEST_RAM_LINUX] = { "guest-ram-linux", SEV_ERROR },
	[DIAG_LOADABLE_OUTSIDE_ROOT] = { "loadable-outside-root", SEV_ERROR },
	[DIAG_NO_COMM_REGION] = { "no-comm-region", SEV_ERROR },
	[DIAG_COMM_CLASH] = { "comm-clash", SEV_ERROR },
	[DIAG_GIC_COVERED] = { "gic-covered", SEV_ERROR },
	[DIAG_NAME_LONG] = { "name-long", SEV_ERROR },
	[DIAG_NAME_DUP] = { "name-dup", SEV_ERROR },
	[DIAG_NAME_EMPTY] = { "name-empty", SEV_ERROR },
	[DIAG_NO_ROOT] = { "no-root", SEV_ERROR },
	[DIAG_ADDR_WRAP] = { "addr-wrap", SEV_ERROR },
	[DIAG_NO_KERNEL] = { "linux-no-kernel", SEV_WARNING },
	[DIAG_NO_RAM] = { "no-ram", SEV_ERROR },
	[DIAG_RAM_OVER_DEVICES] = { "ram-over-devices", SEV_ERROR },
};

const char *diag_code_name(enum diag_code code)
{
	return (unsigned)code < DIAG_COUNT ? codes[code].name : "unknown";
}

enum severity diag_code_severity(enum diag_code code)
{
	return (unsigned)code < DIAG_COUNT ? codes[code].severity : SEV_ERROR;
}

const char *severity_name(enum severity s)
{
	switch (s) {
	case SEV_INFO:
		return _("info");
	case SEV_WARNING:
		return _("warning");
	case SEV_ERROR:
		return _("error");
	}
	return "?";
}

#define SUBJ_SHIFT 30
#define SUBJ_ID_MASK ((1u << SUBJ_SHIFT) - 1)

static uint32_t subj_encode(enum subject_kind kind, uint32_t id)
{
	return (uint32_t)kind << SUBJ_SHIFT | (id & SUBJ_ID_MASK);
}

static uint32_t *subj_head(struct validator *v, uint32_t subj)
{
	uint32_t id = subj & SUBJ_ID_MASK;

	switch ((enum subject_kind)(subj >> SUBJ_SHIFT)) {
	case SUBJ_REGION:
		return &v->regions[id].diags;
	case SUBJ_CELL:
		return &v->cells[id].diags;
	case SUBJ_GLOBAL:
		return &v->global_diags;
	case SUBJ_HV:
		return &v->hv_diags;
	}
	abort();
}

static void cell_sev(struct validator *v, uint32_t cell, enum severity sev, int delta)
{
	if (cell != DIAG_NONE && cell < v->cap_cells)
		v->cells[cell].sev[sev] += delta;
}

static void link_in(struct validator *v, uint32_t slot, int side)
{
	struct vdiag *d = &v->diags[slot];
	uint32_t *head = subj_head(v, d->subj[side]);

	d->prev[side] = 0;
	d->next[side] = *head;
	if (*head) {
		struct vdiag *h = &v->diags[*head];

		h->prev[h->subj[0] == d->subj[side] ? 0 : 1] = slot;
	}
	*head = slot;
}

/* A slot is on one or two lists; the side tells which pair of links belongs to which. */
static int side_of(const struct vdiag *d, uint32_t subj)
{
	return d->subj[0] == subj ? 0 : 1;
}

static void link_out(struct validator *v, uint32_t slot, int side)
{
	struct vdiag *d = &v->diags[slot];
	uint32_t subj = d->subj[side];

	if (d->prev[side])
		v->diags[d->prev[side]].next[side_of(&v->diags[d->prev[side]], subj)] = d->next[side];
	else
		*subj_head(v, subj) = d->next[side];
	if (d->next[side])
		v->diags[d->next[side]].prev[side_of(&v->diags[d->next[side]], subj)] = d->prev[side];
}

void store_add(struct validator *v, enum diag_code code, uint32_t cell, uint32_t region,
	       uint32_t other_cell, uint32_t other_region, enum subject_kind kind, char *message)
{
	uint32_t slot;
	struct vdiag *d;

	if (v->free_diag) {
		slot = v->free_diag;
		v->free_diag = v->diags[slot].next[0];
	} else {
		if (!v->n_diags)
			v->n_diags = 1;
		ARRAY_GROW(v->diags, v->n_diags, v->cap_diags);
		slot = v->n_diags++;
	}
	d = &v->diags[slot];
	d->d.severity = diag_code_severity(code);
	d->d.code = code;
	d->d.message = message;
	d->d.cell = cell;
	d->d.region = region;
	d->d.other_cell = other_cell;
	d->d.other_region = other_region;
	d->subj[0] = d->subj[1] = VNONE;
	switch (kind) {
	case SUBJ_REGION:
		d->subj[0] = subj_encode(SUBJ_REGION, region);
		if (other_region != DIAG_NONE)
			d->subj[1] = subj_encode(SUBJ_REGION, other_region);
		break;
	case SUBJ_CELL:
		d->subj[0] = subj_encode(SUBJ_CELL, cell);
		if (other_cell != DIAG_NONE && other_cell != cell)
			d->subj[1] = subj_encode(SUBJ_CELL, other_cell);
		break;
	case SUBJ_HV:
		/* A region over hypervisor memory goes when either side changes. */
		d->subj[0] = subj_encode(SUBJ_REGION, region);
		d->subj[1] = subj_encode(SUBJ_HV, 0);
		break;
	case SUBJ_GLOBAL:
		d->subj[0] = subj_encode(SUBJ_GLOBAL, 0);
		break;
	}
	link_in(v, slot, 0);
	if (d->subj[1] != VNONE)
		link_in(v, slot, 1);
	v->count[d->d.severity]++;
	cell_sev(v, cell, d->d.severity, 1);
	if (other_cell != cell)
		cell_sev(v, other_cell, d->d.severity, 1);
	v->sorted_valid = false;
}

static void drop_slot(struct validator *v, uint32_t slot)
{
	struct vdiag *d = &v->diags[slot];

	link_out(v, slot, 0);
	if (d->subj[1] != VNONE)
		link_out(v, slot, 1);
	v->count[d->d.severity]--;
	cell_sev(v, d->d.cell, d->d.severity, -1);
	if (d->d.other_cell != d->d.cell)
		cell_sev(v, d->d.other_cell, d->d.severity, -1);
	free(d->d.message);
	d->d.message = NULL;
	d->subj[0] = d->subj[1] = VNONE;
	d->next[0] = v->free_diag;
	v->free_diag = slot;
	v->sorted_valid = false;
}

static void drop_list(struct validator *v, uint32_t *head)
{
	while (*head)
		drop_slot(v, *head);
}

void store_drop_region(struct validator *v, uint32_t region_id)
{
	drop_list(v, &v->regions[region_id].diags);
}

void store_drop_cell(struct validator *v, uint32_t cell_id)
{
	drop_list(v, &v->cells[cell_id].diags);
}

void store_drop_global(struct validator *v)
{
	drop_list(v, &v->global_diags);
}

void store_drop_hv(struct validator *v)
{
	drop_list(v, &v->hv_diags);
}

void store_clear(struct validator *v)
{
	size_t i;

	for (i = 1; i < v->n_diags; i++)
		free(v->diags[i].d.message);
	v->n_diags = 0;
	v->free_diag = 0;
	v->global_diags = v->hv_diags = 0;
	memset(v->count, 0, sizeof(v->count));
	v->sorted_valid = false;
}

void store_free(struct validator *v)
{
	store_clear(v);
	free(v->diags);
	free(v->sorted);
	v->diags = NULL;
	v->sorted = NULL;
	v->cap_diags = 0;
}

static int cmp_u32(uint32_t a, uint32_t b)
{
	return a < b ? -1 : a > b;
}

static int diag_compare(const void *pa, const void *pb)
{
	const struct diag *a = pa, *b = pb;
	int r;

	if (a->severity != b->severity)
		return a->severity > b->severity ? -1 : 1;
	if (a->code != b->code)
		return a->code < b->code ? -1 : 1;
	if ((r = cmp_u32(a->cell, b->cell)) || (r = cmp_u32(a->region, b->region)) ||
	    (r = cmp_u32(a->other_cell, b->other_cell)))
		return r;
	return cmp_u32(a->other_region, b->other_region);
}

const struct diag *validator_diags(struct validator *v, size_t *n)
{
	size_t i, k = 0;

	if (!v->sorted_valid) {
		size_t total = v->count[0] + v->count[1] + v->count[2];

		v->sorted = xrealloc(v->sorted, (total ? total : 1) * sizeof(*v->sorted));
		for (i = 1; i < v->n_diags; i++)
			if (v->diags[i].subj[0] != VNONE)
				v->sorted[k++] = v->diags[i].d;
		qsort(v->sorted, k, sizeof(*v->sorted), diag_compare);
		v->n_sorted = k;
		v->sorted_valid = true;
	}
	*n = v->n_sorted;
	return v->sorted;
}

size_t validator_count(const struct validator *v, enum severity sev)
{
	return (unsigned)sev < 3 ? v->count[sev] : 0;
}

int validator_region_severity(const struct validator *v, uint32_t region_id)
{
	uint32_t slot, subj = subj_encode(SUBJ_REGION, region_id);
	int worst = -1;

	if (region_id >= v->cap_regions)
		return -1;
	for (slot = v->regions[region_id].diags; slot;) {
		const struct vdiag *d = &v->diags[slot];

		if ((int)d->d.severity > worst)
			worst = d->d.severity;
		slot = d->next[side_of(d, subj)];
	}
	return worst;
}

int validator_cell_severity(const struct validator *v, uint32_t cell_id)
{
	int s;

	if (cell_id >= v->cap_cells)
		return -1;
	for (s = SEV_ERROR; s >= SEV_INFO; s--)
		if (v->cells[cell_id].sev[s])
			return s;
	return -1;
}
