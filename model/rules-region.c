/*
 * The rules about memory regions: each region alone (size, alignment, the
 * board, the GIC, hypervisor memory, root cover for LOADABLE) and pairs of
 * regions whose ranges overlap (inside one cell, between guest cells, at the
 * communication region). A full run finds the pairs by sorting every region
 * once and sweeping; an incremental run asks the interval indexes for the
 * partners of each changed region. Both end in the same pair functions, which
 * put the lower region id first so that a pair reads the same either way.
 */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "po/i18n.h"
#include "model/rules.h"
#include "model/util.h"

bool region_is_guest(const struct validator *v, const struct vregion *r)
{
	return !v->cells[r->cell].root;
}

/* "'uart' (0x3100000-0x310ffff)" for messages; buf holds 160 bytes. */
static const char *region_label(const struct vregion *r, bool virt, char *buf, size_t len)
{
	uint64_t start = virt ? r->virt : r->phys;

	if (r->size)
		snprintf(buf, len, "'%s' (0x%" PRIx64 "-0x%" PRIx64 ")", r->name, start,
			 range_last(start, r->size));
	else
		snprintf(buf, len, "'%s' (0x%" PRIx64 ")", r->name, start);
	return buf;
}

static void region_diag(struct validator *v, enum diag_code code, uint32_t id, char *msg)
{
	store_add(v, code, v->regions[id].cell, id, DIAG_NONE, DIAG_NONE, SUBJ_REGION, msg);
}

void rules_region_unary(struct validator *v, const struct board *b, uint32_t id)
{
	const struct vregion *r = &v->regions[id];
	bool comm = r->flags & MEM_COMM_REGION;
	/* The comm region has no physical backing; only its place in the cell counts. */
	uint64_t misaligned = (r->virt | r->size | (comm ? 0 : r->phys)) & PAGE_MASK;
	char l[160];
	uint64_t last;
	int32_t br;

	/* Past 2^64 the hypervisor would wrap to address 0; the indexes cut such
	 * a region at the top, so only this rule sees it. */
	if (r->size && (r->size - 1 > UINT64_MAX - r->virt ||
			(!comm && r->size - 1 > UINT64_MAX - r->phys)))
		region_diag(v, DIAG_ADDR_WRAP, id,
			    xasprintf(_("region %s runs past the end of the 64-bit address space"),
				      region_label(r, false, l, sizeof(l))));
	/* A shared-memory link's unused section is an all-zero region by convention. */
	if (!r->size && !r->linked)
		region_diag(v, DIAG_ZERO_SIZE, id, xasprintf(_("region %s has size 0"),
							      region_label(r, false, l, sizeof(l))));
	if (misaligned && !(r->flags & MEM_IO))
		region_diag(v, DIAG_ALIGN, id,
			    xasprintf(_("region %s (virtual 0x%" PRIx64 ", size 0x%" PRIx64
					") is not a multiple of 4 KiB; only IO regions may be smaller"),
				      region_label(r, false, l, sizeof(l)), r->virt, r->size));
	if (misaligned && r->flags & MEM_IO && !(r->flags & MEM_IO_WIDTHS))
		region_diag(v, DIAG_SUBPAGE_WIDTH, id,
			    xasprintf(_("sub-page IO region %s needs an access width "
					"(IO_8, IO_16, IO_32 or IO_64)"),
				      region_label(r, false, l, sizeof(l))));
	if (comm || !r->size)
		return;
	last = range_last(r->phys, r->size);
	if (board_covers_gic(b, r->phys, r->size))
		region_diag(v, DIAG_GIC_COVERED, id,
			    xasprintf(_("region %s covers the interrupt controller's registers"),
				      region_label(r, false, l, sizeof(l))));
	if (!region_is_guest(v, r))
		return;
	if (v->board_has_regions && !spans_cover(&v->board_cover, r->phys, last))
		region_diag(v, DIAG_NOT_ON_BOARD, id,
			    xasprintf(_("region %s is not memory or a device the board has"),
				      region_label(r, false, l, sizeof(l))));
	if (r->flags & MEM_ROOTSHARED)
		return;
	br = board_linux_mmio_at(v, r->phys, last);
	if (br >= 0)
		region_diag(v, DIAG_ROOT_NOT_SHARED, id,
			    xasprintf(_("region %s takes '%s', which Linux uses, without ROOTSHARED: "
					"the root cell loses it when the cell is created"),
				      region_label(r, false, l, sizeof(l)),
				      b->regions[br].name ? b->regions[br].name : ""));
	if (!(r->flags & MEM_IO) && spans_overlap(&v->linux_ram, r->phys, last))
		region_diag(v, DIAG_GUEST_RAM_LINUX, id,
			    xasprintf(_("region %s lies in RAM Linux uses"),
				      region_label(r, false, l, sizeof(l))));
}

void rules_region_hv(struct validator *v, uint32_t id)
{
	const struct vregion *r = &v->regions[id];
	char l[160];

	if (r->flags & MEM_COMM_REGION ||
	    !range_overlaps(r->phys, r->size, v->hv_phys, v->hv_size))
		return;
	store_add(v, DIAG_HV_OVERLAP, r->cell, id, DIAG_NONE, DIAG_NONE, SUBJ_HV,
		  xasprintf(_("region %s overlaps hypervisor memory (0x%" PRIx64 "-0x%" PRIx64 ")"),
			    region_label(r, false, l, sizeof(l)), v->hv_phys,
			    range_last(v->hv_phys, v->hv_size)));
}

static bool loadable_checked(const struct validator *v, const struct vregion *r)
{
	return r->flags & MEM_LOADABLE && !(r->flags & MEM_COMM_REGION) && r->size &&
	       region_is_guest(v, r);
}

/* LOADABLE: covered by the root cell, decided by the caller's coverage test. */
static void rules_region_loadable(struct validator *v, uint32_t id, bool covered_by_root)
{
	char l[160];

	if (covered_by_root)
		return;
	region_diag(v, DIAG_LOADABLE_OUTSIDE_ROOT, id,
		    xasprintf(_("loadable region %s is not inside the root cell's memory"),
			      region_label(&v->regions[id], false, l, sizeof(l))));
}

/* Two regions whose physical ranges overlap; two regions of one cell whose
 * virtual ranges overlap. Each pair is reported once, in canonical order. */
static void rules_pair_phys(struct validator *v, uint32_t a, uint32_t b)
{
	const struct vregion *ra, *rb;
	char la[160], lb[160];

	if (a > b) {
		uint32_t t = a;

		a = b;
		b = t;
	}
	ra = &v->regions[a];
	rb = &v->regions[b];
	if (ra->cell == rb->cell) {
		store_add(v, DIAG_OVERLAP_PHYS, ra->cell, a, rb->cell, b, SUBJ_REGION,
			  xasprintf(_("regions %s and %s of one cell overlap in physical memory"),
				    region_label(ra, false, la, sizeof(la)),
				    region_label(rb, false, lb, sizeof(lb))));
		return;
	}
	/* A guest takes memory from the root at cell create: only guest pairs conflict. */
	if (!region_is_guest(v, ra) || !region_is_guest(v, rb))
		return;
	if (ra->flags & rb->flags & MEM_ROOTSHARED)
		return;
	if (ra->linked && rb->linked && ra->link == rb->link)
		return;
	store_add(v, DIAG_CELL_OVERLAP, ra->cell, a, rb->cell, b, SUBJ_REGION,
		  xasprintf(_("region %s overlaps %s of cell '%s'"),
			    region_label(ra, false, la, sizeof(la)),
			    region_label(rb, false, lb, sizeof(lb)), v->cells[rb->cell].name));
}

static void rules_pair_virt(struct validator *v, uint32_t a, uint32_t b)
{
	const struct vregion *ra, *rb;
	bool ca, cb;
	char la[160], lb[160];

	if (a > b) {
		uint32_t t = a;

		a = b;
		b = t;
	}
	ca = v->regions[a].flags & MEM_COMM_REGION;
	cb = v->regions[b].flags & MEM_COMM_REGION;
	if (cb && !ca) {
		uint32_t t = a;

		a = b;
		b = t;
	}
	ra = &v->regions[a];
	rb = &v->regions[b];
	region_label(ra, true, la, sizeof(la));
	region_label(rb, true, lb, sizeof(lb));
	if (ca || cb)
		store_add(v, DIAG_COMM_CLASH, ra->cell, a, rb->cell, b, SUBJ_REGION,
			  xasprintf(_("region %s lies at the communication region %s"), lb, la));
	else
		store_add(v, DIAG_OVERLAP_VIRT, ra->cell, a, rb->cell, b, SUBJ_REGION,
			  xasprintf(_("regions %s and %s overlap in the cell's address space"),
				    la, lb));
}

struct item {
	uint64_t start, last;
	uint32_t id;
};

/* LSD radix sort on start, a byte a pass, skipping passes where all keys agree:
 * a full run sorts every region, and this is several times faster than qsort. */
static void items_sort(struct item *a, size_t n, struct item *tmp)
{
	size_t count[8][256];
	struct item *src = a, *dst = tmp, *t;
	size_t i;
	int pass;

	if (n < 2)
		return;
	memset(count, 0, sizeof(count));
	for (i = 0; i < n; i++)
		for (pass = 0; pass < 8; pass++)
			count[pass][(a[i].start >> (8 * pass)) & 0xff]++;
	for (pass = 0; pass < 8; pass++) {
		size_t *c = count[pass], sum = 0, d;

		if (c[(src[0].start >> (8 * pass)) & 0xff] == n)
			continue;
		for (d = 0; d < 256; d++) {
			size_t k = c[d];

			c[d] = sum;
			sum += k;
		}
		for (i = 0; i < n; i++)
			dst[c[(src[i].start >> (8 * pass)) & 0xff]++] = src[i];
		t = src;
		src = dst;
		dst = t;
	}
	if (src != a)
		memcpy(a, src, n * sizeof(*a));
}

/* Overlapping pairs of a sorted list: each item against those starting inside it. */
static void items_sweep(struct validator *v, const struct item *a, size_t n,
			void (*pair)(struct validator *, uint32_t, uint32_t))
{
	size_t i, j;

	for (i = 0; i < n; i++)
		for (j = i + 1; j < n && a[j].start <= a[i].last; j++)
			pair(v, a[i].id, a[j].id);
}

void rules_regions_sweep(struct validator *v)
{
	struct item *items, *tmp;
	struct spans root = { 0 };
	size_t i, n = 0, total = 0, k;

	for (i = 0; i < v->cap_regions; i++)
		total += v->regions[i].present;
	items = xmalloc((total ? total : 1) * sizeof(*items));
	tmp = xmalloc((total ? total : 1) * sizeof(*tmp));
	for (i = 0; i < v->cap_regions; i++) {
		const struct vregion *r = &v->regions[i];

		if (r->present && r->size && !(r->flags & MEM_COMM_REGION))
			items[n++] = (struct item){ r->phys, range_last(r->phys, r->size),
						    (uint32_t)i };
	}
	items_sort(items, n, tmp);
	items_sweep(v, items, n, rules_pair_phys);
	for (i = 0; i < n; i++)
		if (!region_is_guest(v, &v->regions[items[i].id]))
			spans_push_merged(&root, items[i].start, items[i].last);
	for (i = 0; i < v->cap_regions; i++) {
		const struct vregion *r = &v->regions[i];

		if (r->present && loadable_checked(v, r))
			rules_region_loadable(v, (uint32_t)i,
					      spans_cover(&root, r->phys,
							  range_last(r->phys, r->size)));
	}
	for (k = 0; k < v->cap_cells; k++) {
		uint32_t id;

		if (!v->cells[k].present)
			continue;
		n = 0;
		for (id = v->cells[k].first; id != VNONE; id = v->regions[id].next) {
			const struct vregion *r = &v->regions[id];

			if (r->size)
				items[n++] = (struct item){ r->virt, range_last(r->virt, r->size),
							    id };
		}
		items_sort(items, n, tmp);
		items_sweep(v, items, n, rules_pair_virt);
	}
	free(root.v);
	free(tmp);
	free(items);
}

struct centre {
	struct validator *v;
	uint32_t id;
	void (*pair)(struct validator *, uint32_t, uint32_t);
};

static bool visit_partner(uint64_t start, uint64_t size, uint64_t key, void *arg)
{
	struct centre *ctx = arg;
	uint32_t other = (uint32_t)key;

	/* When both are being rechecked, the lower id reports the pair. */
	if (other == ctx->id || (vregion_in_set(ctx->v, other) && other < ctx->id))
		return true;
	ctx->pair(ctx->v, ctx->id, other);
	return true;
}

void rules_region_centred(struct validator *v, const struct board *b, uint32_t id)
{
	const struct vregion *r = &v->regions[id];
	struct centre ctx = { v, id, rules_pair_phys };

	rules_region_unary(v, b, id);
	rules_region_hv(v, id);
	if (!r->size)
		return;
	if (!(r->flags & MEM_COMM_REGION))
		range_index_query(v->phys, r->phys, r->size, visit_partner, &ctx);
	if (loadable_checked(v, r))
		rules_region_loadable(v, id, range_index_covers(v->root_phys, r->phys, r->size));
	ctx.pair = rules_pair_virt;
	range_index_query(v->cells[r->cell].virt, r->virt, r->size, visit_partner, &ctx);
}
