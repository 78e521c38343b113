/*
 * The root cell's MMIO: the registers of every enabled device, in whole
 * pages, with neighbours closer than the merge gap joined into one region
 * as hand-written configurations do (fewer regions, and Linux may touch
 * registers between two described devices). A merge never bridges the
 * interrupt controller's frames, RAM, the hypervisor or the virtual PCI
 * window: Jailhouse must trap or own those. A window onto a bus behind a
 * controller (SPI flash) is not registers and is left out unless /proc/iomem
 * shows that Linux's driver maps it.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/derive-pass.h"
#include "po/i18n.h"
#include "model/util.h"

static void barriers(const struct derive_ctx *x, struct span_list *bar)
{
	const struct board *b = x->b;
	const struct system_config *sys = &x->c->sys;
	size_t i;

	derive_gic_spans(b, bar);
	for (i = 0; i < b->n_regions; i++)
		if (b->regions[i].kind != REGION_MMIO)
			span_add(bar, b->regions[i].start, b->regions[i].size);
	span_add(bar, sys->hypervisor.phys, sys->hypervisor.size);
	if (sys->pci_is_virtual)
		span_add(bar, sys->pci_mmconfig_base,
			 ((uint64_t)sys->pci_mmconfig_end_bus + 1) << 20);
}

static void merge(struct span_list *l, const struct span_list *bar, uint64_t gap)
{
	size_t i = 0;

	while (i + 1 < l->n) {
		struct span *a = &l->v[i], *b = &l->v[i + 1];
		uint64_t hole = b->start - a->last - 1;

		if (hole < gap && !span_overlaps(bar, a->last + 1, hole)) {
			a->last = b->last;
			memmove(b, b + 1, (l->n - i - 2) * sizeof(*b));
			l->n--;
		} else {
			i++;
		}
	}
}

/* A merged region is named after the first and last device in it. */
static void name_span(const struct board *b, const struct span *s, char *buf, size_t len,
		      int32_t *board_region)
{
	const struct board_region *first = NULL, *last = NULL;
	size_t i, n = 0;

	for (i = 0; i < b->n_regions; i++) {
		const struct board_region *r = &b->regions[i];

		if (r->kind != REGION_MMIO || r->disabled ||
		    !range_overlaps(r->start, r->size, s->start, s->last - s->start + 1))
			continue;
		if (r->parent >= 0 && b->regions[r->parent].kind == REGION_MMIO)
			continue;       /* named by its parent */
		if (!first || r->start < first->start)
			first = r;
		if (!last || r->start > last->start)
			last = r;
		n++;
	}
	*board_region = n == 1 ? (int32_t)first->id : -1;
	if (!first)
		snprintf(buf, len, "MMIO");
	else if (n == 1 || first == last)
		snprintf(buf, len, "%s", first->name ? first->name : first->dt_path);
	else
		snprintf(buf, len, "%s .. %s", first->name ? first->name : first->dt_path,
			 last->name ? last->name : last->dt_path);
}

void derive_root_mmio(struct derive_ctx *x)
{
	const struct board *b = x->b;
	uint64_t gap = x->s->root.mmio_merge_gap ? x->s->root.mmio_merge_gap
						 : DERIVE_MMIO_MERGE_GAP;
	struct span_list mmio = { 0 }, bar = { 0 };
	char name[160];
	size_t i;

	for (i = 0; i < b->n_regions; i++) {
		const struct board_region *r = &b->regions[i];
		uint64_t ps, pe;

		if (r->kind != REGION_MMIO || r->disabled || !r->size)
			continue;
		/* A bus's window is mapped only when Linux's driver claimed it. */
		if (r->bus_window && !(r->linux_uses && r->sources & SRC_IOMEM))
			continue;
		ps = align_down(r->start, DERIVE_PAGE);
		pe = align_up(range_last(r->start, r->size) + 1, DERIVE_PAGE);
		span_add(&mmio, ps, pe ? pe - ps : 0 - ps);
	}
	barriers(x, &bar);
	merge(&mmio, &bar, gap);
	span_sub_list(&mmio, &bar);
	for (i = 0; i < mmio.n; i++) {
		const struct span *s = &mmio.v[i];
		uint64_t size = s->last - s->start + 1;
		uint32_t flags = MEM_READ | MEM_WRITE | MEM_IO;
		int32_t board_region;

		/* Cut by a barrier inside a page: sub-page, so widths are needed. */
		if (s->start % DERIVE_PAGE || size % DERIVE_PAGE)
			flags |= MEM_IO_8 | MEM_IO_16 | MEM_IO_32 | MEM_IO_64;
		name_span(b, s, name, sizeof(name), &board_region);
		derive_region(x, x->root, name, s->start, s->start, size, flags, board_region);
	}
	span_list_free(&mmio);
	span_list_free(&bar);
}
