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
#include <string.h>

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

/* What irq_index needs of a node, read in one pass over its properties
 * (each fdt_getprop would walk them again). */
struct node_irq_props {
	uint32_t phandle, iparent, icells;
	bool ctrl, has_irqs;
};

static uint32_t cell0(const fdt32_t *p, int len)
{
	return len >= 4 ? fdt32_to_cpu(p[0]) : 0;
}

static void node_irq_props(const void *fdt, int off, struct node_irq_props *n)
{
	int prop;

	memset(n, 0, sizeof(*n));
	fdt_for_each_property_offset(prop, fdt, off) {
		const char *name;
		int len;
		const fdt32_t *p = fdt_getprop_by_offset(fdt, prop, &name, &len);

		if (!p)
			continue;
		if (!strcmp(name, "phandle") || (!n->phandle && !strcmp(name, "linux,phandle")))
			n->phandle = cell0(p, len);
		else if (!strcmp(name, "interrupt-parent"))
			n->iparent = cell0(p, len);
		else if (!strcmp(name, "#interrupt-cells"))
			n->icells = cell0(p, len);
		else if (!strcmp(name, "interrupt-controller") || !strcmp(name, "interrupt-map"))
			n->ctrl = true;
		else if (!strcmp(name, "interrupts") || !strcmp(name, "interrupts-extended"))
			n->has_irqs = true;
	}
	if (n->phandle == (uint32_t)-1)
		n->phandle = 0;
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
		struct node_irq_props n;

		if (depth > FDT_MAX_DEPTH)
			continue;
		node_irq_props(w->fdt, off, &n);
		iparent[depth] = n.iparent ? n.iparent : (depth ? iparent[depth - 1] : 0);
		if (n.ctrl && w->gic_off < 0 && gic_is_gic(w->fdt, off, &v) &&
		    dt_node_enabled(w->fdt, off))
			w->gic_off = off;
		if (!n.phandle)
			continue;
		ARRAY_GROW(w->ph, w->n_ph, cap);
		w->ph[w->n_ph++] = (struct fdt_phandle){
			.phandle = n.phandle,
			.off = off,
			.iparent = iparent[depth],
			.icells = n.ctrl ? n.icells : 0,
			.has_irqs = n.has_irqs,
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

/* r is NULL for a node without registers: its interrupts still count for
 * how many the GIC has. */
static void irq_add(struct fdt_walk *w, struct board_region *r, int64_t irq)
{
	if (irq < 0)
		return;
	if ((uint32_t)irq > w->res->irq_max)
		w->res->irq_max = (uint32_t)irq;
	if (!r)
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
				if (r)
					report_at(w->rep, w->file, 0,
						  _("%s: interrupts-extended names an unknown "
						    "controller"), w->path);
				return;
			}
			irq_add(w, r, irq_to_gic(w, ctrl->phandle, p + i + 1, ctrl->icells, 0));
			i += 1 + ctrl->icells;
		}
		return;
	}
	p = fdt_getprop(w->fdt, off, "interrupts", &len);
	if (!p || len <= 0)
		return;
	const struct fdt_phandle *ctrl = irq_phandle(w, iparent);

	if (!ctrl || !ctrl->icells) {
		if (r)
			report_at(w->rep, w->file, 0,
				  _("%s: interrupts without an interrupt parent"), w->path);
		return;
	}
	for (size_t i = 0; i + ctrl->icells <= (size_t)len / 4; i += ctrl->icells)
		irq_add(w, r, irq_to_gic(w, iparent, p + i, ctrl->icells, 0));
}

/* An interrupt-map (PCI INTx, interrupt nexus nodes): each entry is a child
 * unit address and specifier, the parent's phandle, the parent's unit
 * address and specifier. */
static void irq_map_refs(struct fdt_walk *w, int off, const fdt32_t *p, int len)
{
	size_t cells = (size_t)len / 4, i = 0;
	uint32_t child = dt_prop_u32(w->fdt, off, "#address-cells", 0) +
			 dt_prop_u32(w->fdt, off, "#interrupt-cells", 1);

	while (i + child < cells) {
		const struct fdt_phandle *par = irq_phandle(w, fdt32_to_cpu(p[i + child]));
		uint32_t pac;

		if (!par || !par->icells)
			return;     /* a malformed map: where the next entry starts is unknown */
		pac = dt_prop_u32(w->fdt, par->off, "#address-cells", 0);
		i += child + 1 + pac;
		if (i + par->icells > cells)
			return;
		irq_add(w, NULL, irq_to_gic(w, par->phandle, p + i, par->icells, 0));
		i += par->icells;
	}
}

/* The last GIC interrupt of count lines from base (absolute numbers). */
static void irq_range_refs(struct fdt_walk *w, uint64_t base, uint64_t count)
{
	if (count && base + count - 1 < BOARD_MAX_IRQS)
		irq_add(w, NULL, (int64_t)(base + count - 1));
}

/* One pass over the node's properties: every node is asked, few have any. */
void irq_references(struct fdt_walk *w, int off, uint32_t iparent)
{
	int prop;

	fdt_for_each_property_offset(prop, w->fdt, off) {
		const char *name;
		int len;
		const fdt32_t *p = fdt_getprop_by_offset(w->fdt, prop, &name, &len);

		if (!p || len <= 0)
			continue;
		if (!strcmp(name, "interrupt-map")) {
			irq_map_refs(w, off, p, len);
		} else if (!strcmp(name, "arm,msi-base-spi")) {
			/* GICv2m MSI frames: the SPIs a frame raises. */
			irq_range_refs(w, 32 + (uint64_t)fdt32_to_cpu(p[0]),
				       dt_prop_u32(w->fdt, off, "arm,msi-num-spis", 0));
		} else if (!strcmp(name, "marvell,spi-ranges")) {
			/* Marvell's GICP: <first SPI, count> pairs it signals. */
			for (int i = 0; i + 1 < len / 4; i += 2)
				irq_range_refs(w, 32 + (uint64_t)fdt32_to_cpu(p[i]),
					       fdt32_to_cpu(p[i + 1]));
		} else if (!strcmp(name, "ti,interrupt-ranges") && iparent &&
			   iparent == w->gic_phandle) {
			/* TI's interrupt routers, programmed through the secure
			 * firmware: <input, parent's interrupt, count> triplets;
			 * towards the GIC the parent's number is the absolute one. */
			for (int i = 0; i + 2 < len / 4; i += 3)
				irq_range_refs(w, fdt32_to_cpu(p[i + 1]), fdt32_to_cpu(p[i + 2]));
		}
	}
}
