/*
 * Interrupts: a device's interrupts property is a list of specifiers for its
 * interrupt parent (its own interrupt-parent, else the nearest ancestor's);
 * interrupts-extended names the controller per entry. Only specifiers that
 * reach the GIC are interrupts Jailhouse can hand to a cell. A controller
 * that merely forwards GIC specifiers (Tegra's legacy controller, wake-up
 * domains: same #interrupt-cells, no interrupt of its own) is followed to its
 * parent; a cascaded controller (a GPIO block) is not.
 */
#include "config.h"

#include <stdlib.h>

#include "po/i18n.h"
#include "model/util.h"
#include "src/extract-fdt.h"

/* Stacked domains are rarely more than two deep; the limit stops loops. */
#define IRQ_MAX_HOPS 8

static int ph_cmp(const void *a, const void *b)
{
	uint32_t x = ((const struct fdt_phandle *)a)->phandle;
	uint32_t y = ((const struct fdt_phandle *)b)->phandle;

	return x < y ? -1 : x > y;
}

/* One pass over every node: phandles with their effective interrupt parent, and the GIC. */
void irq_index(struct fdt_walk *w)
{
	uint32_t iparent[FDT_MAX_DEPTH + 1] = { 0 };
	size_t cap = 0;
	int depth = -1, off;
	enum gic_version v;

	w->gic_off = -1;
	for (off = fdt_next_node(w->fdt, -1, &depth); off >= 0 && depth >= 0;
	     off = fdt_next_node(w->fdt, off, &depth)) {
		uint32_t ph, own;
		bool ctrl;

		if (depth > FDT_MAX_DEPTH)
			continue;
		own = dt_prop_u32(w->fdt, off, "interrupt-parent", 0);
		iparent[depth] = own ? own : (depth ? iparent[depth - 1] : 0);
		ctrl = fdt_getprop(w->fdt, off, "interrupt-controller", NULL) ||
		       fdt_getprop(w->fdt, off, "interrupt-map", NULL);
		if (ctrl && w->gic_off < 0 && gic_is_gic(w->fdt, off, &v) &&
		    dt_node_enabled(w->fdt, off))
			w->gic_off = off;
		ph = fdt_get_phandle(w->fdt, off);
		if (!ph)
			continue;
		ARRAY_GROW(w->ph, w->n_ph, cap);
		w->ph[w->n_ph++] = (struct fdt_phandle){
			.phandle = ph,
			.off = off,
			.iparent = iparent[depth],
			.icells = ctrl ? dt_prop_u32(w->fdt, off, "#interrupt-cells", 0) : 0,
			.has_irqs = fdt_getprop(w->fdt, off, "interrupts", NULL) ||
				    fdt_getprop(w->fdt, off, "interrupts-extended", NULL),
		};
	}
	if (w->n_ph)
		qsort(w->ph, w->n_ph, sizeof(*w->ph), ph_cmp);
	w->gic_phandle = w->gic_off >= 0 ? fdt_get_phandle(w->fdt, w->gic_off) : 0;
}

static const struct fdt_phandle *irq_phandle(const struct fdt_walk *w, uint32_t phandle)
{
	struct fdt_phandle key = { .phandle = phandle };

	if (!phandle || !w->n_ph)
		return NULL;
	return bsearch(&key, w->ph, w->n_ph, sizeof(*w->ph), ph_cmp);
}

/* One specifier for a controller: the absolute GIC number, or -1. */
static int64_t irq_to_gic(const struct fdt_walk *w, uint32_t ctrl, const fdt32_t *spec,
			  uint32_t n, unsigned hops)
{
	const struct fdt_phandle *p = irq_phandle(w, ctrl), *gic;

	if (!p || n < 2)
		return -1;
	if (ctrl == w->gic_phandle) {
		uint32_t type = fdt32_to_cpu(spec[0]), num = fdt32_to_cpu(spec[1]);

		if (type == 0 && num < BOARD_MAX_IRQS - 32)
			return 32 + (int64_t)num;     /* SPI */
		if (type == 1 && num < 16)
			return 16 + (int64_t)num;     /* PPI */
		return -1;
	}
	gic = irq_phandle(w, w->gic_phandle);
	if (hops < IRQ_MAX_HOPS && gic && p->icells == gic->icells && !p->has_irqs &&
	    p->iparent && p->iparent != ctrl)
		return irq_to_gic(w, p->iparent, spec, n, hops + 1);
	return -1;
}

static void irq_add(struct board_region *r, int64_t irq)
{
	if (irq < 0)
		return;
	for (size_t i = 0; i < r->n_irqs; i++)
		if (r->irqs[i] == (uint32_t)irq)
			return;
	board_region_add_irq(r, (uint32_t)irq);
}

void irq_resolve(struct fdt_walk *w, int off, uint32_t iparent, struct board_region *r)
{
	const fdt32_t *p;
	int len;

	p = fdt_getprop(w->fdt, off, "interrupts-extended", &len);
	if (p && len > 0) {
		size_t cells = (size_t)len / 4, i = 0;

		while (i < cells) {
			const struct fdt_phandle *ctrl = irq_phandle(w, fdt32_to_cpu(p[i]));

			if (!ctrl || !ctrl->icells || i + 1 + ctrl->icells > cells) {
				report_at(w->rep, w->file, 0,
					  _("%s: interrupts-extended names an unknown controller"),
					  w->path);
				return;
			}
			irq_add(r, irq_to_gic(w, ctrl->phandle, p + i + 1, ctrl->icells, 0));
			i += 1 + ctrl->icells;
		}
		return;
	}
	p = fdt_getprop(w->fdt, off, "interrupts", &len);
	if (!p || len <= 0)
		return;
	const struct fdt_phandle *ctrl = irq_phandle(w, iparent);

	if (!ctrl || !ctrl->icells) {
		report_at(w->rep, w->file, 0, _("%s: interrupts without an interrupt parent"),
			  w->path);
		return;
	}
	for (size_t i = 0; i + ctrl->icells <= (size_t)len / 4; i += ctrl->icells)
		irq_add(r, irq_to_gic(w, iparent, p + i, ctrl->icells, 0));
}
