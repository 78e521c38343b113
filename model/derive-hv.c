/*
 * Memory planning: where the hypervisor, guest RAM, Linux loaders and
 * shared-memory links go. Everything is placed in RAM Linux does not use,
 * top down. When that RAM is too small, the plan shrinks Linux with mem=
 * (which keeps RAM from the lowest address up to the limit) until the freed
 * top of RAM holds everything, and reports the mem= to boot with.
 * Placements the user fixed (spec overrides, a hypervisor set by hand) are
 * checked and kept out of the automatic ones.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/derive-pass.h"
#include "po/i18n.h"
#include "model/units.h"
#include "model/util.h"

#define HV_ALIGN (2ull << 20)
#define BIG_ALIGN (2ull << 20)
#define SMALL_ALIGN 0x10000ull
#define MEM_STEP (2ull << 20)    /* mem= advice in whole 2 MiB steps */

struct req {
	uint64_t size;
	uint64_t align;
	uint64_t *out;           /* where the placed address goes */
	bool fixed;              /* *out holds the user's address already */
	const char *cell;        /* for messages */
	const char *what;
};

struct plan {
	struct req *v;
	size_t n, cap;
};

static void plan_add(struct plan *p, uint64_t size, uint64_t align, uint64_t *out, bool fixed,
		     const char *cell, const char *what)
{
	struct req r = { size, align, out, fixed, cell, what };

	ARRAY_PUSH(p->v, p->n, p->cap, r);
}

static uint64_t ram_align(uint64_t size)
{
	return size >= BIG_ALIGN ? BIG_ALIGN : SMALL_ALIGN;
}

/* Whole pages of a requested size; a size that cannot be rounded is refused. */
static bool round_request(struct derive_ctx *x, uint64_t size, const char *cell,
			  const char *what, uint64_t *out)
{
	if (page_round(size, out))
		return true;
	derive_note(x, SEV_ERROR, DT_RAM, cell,
		    _("The size 0x%llx asked for %s is too large for the 64-bit address space."),
		    (unsigned long long)size, what);
	return false;
}

/* False when a size in the spec is too large to place at all. */
static bool collect(struct derive_ctx *x, struct plan *p)
{
	const struct root_spec *rs = &x->s->root;
	struct cell_region *hv = &x->c->sys.hypervisor;
	bool hv_fixed = rs->hv_phys || (hv->size && hv->origin != ORIGIN_DERIVED);
	bool ok = true;
	size_t i;

	/* The spec's override is derived data too: dropping it from the spec
	 * lets the next run place the hypervisor again. A hypervisor set by
	 * hand or imported (origin other than derived) stays where it is. */
	if (rs->hv_phys || !hv_fixed) {
		if (rs->hv_phys)
			hv->phys = rs->hv_phys;
		hv->size = DERIVE_HV_SIZE;
		if (rs->hv_size)
			ok &= round_request(x, rs->hv_size, NULL, _("the hypervisor"), &hv->size);
		hv->origin = ORIGIN_DERIVED;
	}
	hv->virt = 0;
	plan_add(p, hv->size, HV_ALIGN, &hv->phys, hv_fixed, NULL, _("the hypervisor"));

	for (i = 0; i < x->n_slots; i++) {
		struct derive_slot *slot = &x->slots[i];
		const struct guest_spec *g = slot->spec;
		uint64_t size = g->ram_size;

		if (!slot->cell)
			continue;
		if (!size)
			size = g->type == CELL_LINUX ? DERIVE_LINUX_RAM : DERIVE_BARE_RAM;
		ok &= round_request(x, size, g->name, _("the RAM"), &slot->ram_size);
		slot->ram_phys = g->ram_phys;
		plan_add(p, slot->ram_size, ram_align(slot->ram_size), &slot->ram_phys,
			 g->ram_phys != 0, g->name, _("the RAM"));
		if (g->type == CELL_LINUX)
			plan_add(p, DERIVE_LOADER_SIZE, SMALL_ALIGN, &slot->loader_phys, false,
				 g->name, _("the boot loader's RAM"));
	}
	for (i = 0; i < x->n_links; i++) {
		struct derive_link *l = &x->links[i];

		if (!l->ok)
			continue;
		l->phys = l->spec->phys;
		plan_add(p, l->size, DERIVE_PAGE, &l->phys, l->phys != 0, l->spec->name,
			 _("the shared memory"));
	}
	return ok;
}

/* RAM nobody has: not Linux's, not a carve-out, not in a cell the user set up. */
static void free_ram(struct derive_ctx *x, const struct span_list *linux_ram,
		     struct span_list *out)
{
	const struct board *b = x->b;
	size_t i, j;

	span_list_clear(out);
	for (i = 0; i < b->n_regions; i++)
		if (b->regions[i].kind == REGION_RAM)
			span_add(out, b->regions[i].start, b->regions[i].size);
	for (i = 0; i < b->n_regions; i++)
		if (b->regions[i].kind == REGION_RESERVED)
			span_sub(out, b->regions[i].start, b->regions[i].size);
	span_sub_list(out, linux_ram);
	for (i = 0; i < x->c->n_cells; i++) {
		const struct cell *cell = x->c->cells[i];

		for (j = 0; !cell->root && j < cell->n_regions; j++)
			span_sub(out, cell->regions[j].phys, cell->regions[j].size);
	}
}

/* Checks the user's fixed placements against each other and the free map. */
static void check_fixed(struct derive_ctx *x, const struct plan *p, const struct span_list *free)
{
	struct span_list taken = { 0 }, outside = { 0 };
	char buf[32];
	size_t i;

	for (i = 0; i < p->n; i++) {
		const struct req *r = &p->v[i];

		if (!r->fixed)
			continue;
		format_size(r->size, buf, sizeof(buf));
		if (r->size && r->size - 1 > UINT64_MAX - *r->out) {
			derive_note(x, SEV_ERROR, DT_RAM, r->cell,
				    _("%s at the address 0x%llx given for %s runs past the end of "
				      "the address space."), buf, (unsigned long long)*r->out,
				    r->what);
			continue;
		}
		span_list_clear(&outside);
		span_add(&outside, *r->out, r->size);
		span_sub_list(&outside, free);
		if (*r->out % DERIVE_PAGE)
			derive_note(x, SEV_ERROR, DT_RAM, r->cell,
				    _("The address 0x%llx given for %s is not 4 KiB aligned."),
				    (unsigned long long)*r->out, r->what);
		else if (span_overlaps(&taken, *r->out, r->size))
			derive_note(x, SEV_ERROR, DT_RAM, r->cell,
				    _("The address 0x%llx given for %s (%s) overlaps another "
				      "placement of the spec."),
				    (unsigned long long)*r->out, r->what, buf);
		else if (outside.n)
			derive_note(x, SEV_ERROR, DT_RAM, r->cell,
				    _("The address 0x%llx given for %s (%s) is not free RAM: "
				      "Linux, firmware or another cell uses part of it, or it is "
				      "not RAM."),
				    (unsigned long long)*r->out, r->what, buf);
		span_add(&taken, *r->out, r->size);
	}
	span_list_free(&taken);
	span_list_free(&outside);
}

static void sub_fixed(const struct plan *p, struct span_list *free)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		if (p->v[i].fixed)
			span_sub(free, *p->v[i].out, p->v[i].size);
}

/* Places every automatic request; false when one does not fit. */
static bool place_auto(struct plan *p, struct span_list *free)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		struct req *r = &p->v[i];

		if (r->fixed)
			continue;
		if (!span_fit_top(free, r->size, r->align, r->out))
			return false;
		span_sub(free, *r->out, r->size);
	}
	return true;
}

/* The Linux RAM mem=limit keeps: counted from the lowest address up. */
static void linux_below(const struct span_list *linux_ram, uint64_t limit, struct span_list *out)
{
	uint64_t counted = 0;
	size_t i;

	span_list_clear(out);
	for (i = 0; i < linux_ram->n && counted < limit; i++) {
		uint64_t size = linux_ram->v[i].last - linux_ram->v[i].start + 1;

		if (size > limit - counted)
			size = limit - counted;
		span_add(out, linux_ram->v[i].start, size);
		counted += size;
	}
}

static uint64_t spans_size(const struct span_list *l)
{
	uint64_t n = 0;
	size_t i;

	for (i = 0; i < l->n; i++)
		n += l->v[i].last - l->v[i].start + 1;
	return n;
}

/*
 * Tries ever smaller mem= limits, in steps of what the plan needs, because
 * carve-outs in the freed part can make the first guess fall short.
 */
static bool shrink_linux(struct derive_ctx *x, struct plan *p, const struct span_list *all_linux)
{
	uint64_t total = spans_size(all_linux), need = 0;
	struct span_list kept = { 0 };
	unsigned k;
	size_t i;

	for (i = 0; i < p->n; i++)
		if (!p->v[i].fixed)
			need += align_up(p->v[i].size, p->v[i].align) + p->v[i].align;
	for (k = 1; k <= 8 && (uint64_t)k * need < total; k++) {
		uint64_t limit = align_down(total - (uint64_t)k * need, MEM_STEP);

		linux_below(all_linux, limit, &kept);
		free_ram(x, &kept, &x->free_ram);
		sub_fixed(p, &x->free_ram);
		if (place_auto(p, &x->free_ram)) {
			span_list_clear(&x->linux_ram);
			span_add_list(&x->linux_ram, &kept);
			x->rep->mem_limit = limit;
			x->c->linux_mem = limit;
			x->c->linux_mem_assumed = !board_linux_ram_known(x->b);
			span_list_free(&kept);
			return true;
		}
	}
	span_list_free(&kept);
	return false;
}

void derive_memory(struct derive_ctx *x)
{
	struct span_list all_linux = { 0 };
	struct plan p = { 0 };
	bool sizes_ok;
	size_t i;

	/* A mem= the kernel runs with already is the plan's, unless it must shrink. */
	x->c->linux_mem = x->b->mem_limit;
	x->c->linux_mem_assumed = false;
	sizes_ok = collect(x, &p);
	span_add_index(&all_linux, x->b->linux_ram_index);
	span_list_clear(&x->linux_ram);
	span_add_list(&x->linux_ram, &all_linux);
	free_ram(x, &x->linux_ram, &x->free_ram);
	check_fixed(x, &p, &x->free_ram);
	sub_fixed(&p, &x->free_ram);
	x->mem_ok = sizes_ok &&
		    (place_auto(&p, &x->free_ram) || shrink_linux(x, &p, &all_linux));
	if (!x->mem_ok) {
		if (sizes_ok)
			derive_note(x, SEV_ERROR, DT_HYPERVISOR, NULL,
				    _("The RAM of the board cannot hold the hypervisor and the "
				      "cells, even with less memory for Linux."));
		for (i = 0; i < p.n; i++)
			if (!p.v[i].fixed)
				*p.v[i].out = 0;
	}
	free(p.v);
	span_list_free(&all_linux);
}
