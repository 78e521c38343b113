/*
 * The interrupt controller: the pins that matter (those a device names,
 * those Linux has handlers for, those granted to a guest), each with its
 * owners and the device. A pin is a drag source for op_irq_grant.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "po/i18n.h"
#include "model/util.h"
#include "ui/ui.h"

struct irqs_view {
	uint32_t rows[BOARD_MAX_IRQS];
	int32_t device[BOARD_MAX_IRQS];  /* first board region naming the pin, or -1 */
};

static void irqs_init(struct view *v, struct tui *t)
{
	v->data = xcalloc(1, sizeof(struct irqs_view));
}

static void irqs_fini(struct view *v)
{
	free(v->data);
}

static void irqs_update(struct view *v, struct tui *t)
{
	struct irqs_view *iv = v->data;
	const struct board *b = &t->p->board;
	const struct config *c = &t->p->config;
	bool want[BOARD_MAX_IRQS];
	size_t n = 0;

	memset(want, 0, sizeof(want));
	for (size_t i = 0; i < BOARD_MAX_IRQS; i++)
		iv->device[i] = -1;
	for (size_t r = 0; r < b->n_regions; r++) {
		for (size_t k = 0; k < b->regions[r].n_irqs; k++) {
			uint32_t irq = b->regions[r].irqs[k];

			if (irq < BOARD_MAX_IRQS) {
				want[irq] = true;
				if (iv->device[irq] < 0)
					iv->device[irq] = (int32_t)r;
			}
		}
	}
	for (uint32_t irq = 0; irq < BOARD_MAX_IRQS; irq++) {
		if (board_linux_irq(b, irq))
			want[irq] = true;
		for (size_t ci = 1; !want[irq] && ci < c->n_cells; ci++)
			if (!c->cells[ci]->root && cell_has_irq(c->cells[ci], irq))
				want[irq] = true;
		if (want[irq])
			iv->rows[n++] = irq;
	}
	v->n_rows = n;
}

static void irqs_draw_header(struct view *v, struct tui *t, int y, int x, int w)
{
	const struct board_gic *g = &t->p->board.gic;

	if (g->version != GIC_NONE && v->w < 40)
		draw_textf(y, x, w, A_NORMAL, false, "GICv%d", (int)g->version);
	else if (g->version != GIC_NONE)
		draw_textf(y, x, w, A_NORMAL, false, _("GICv%d, %u pins"), (int)g->version,
			   g->num_irqs);
	else
		draw_text(y, x, w, draw_attr(t, COL_WARNING), false, _("no GIC found"));
}

static void irqs_draw_row(struct view *v, struct tui *t, size_t row, int y, int x, int w,
			  bool cursor)
{
	struct irqs_view *iv = v->data;
	const struct board *b = &t->p->board;
	const struct config *c = &t->p->config;
	uint32_t irq = iv->rows[row];
	int attr = cursor ? draw_attr(t, COL_CURSOR) : 0;
	char owners[96] = "", kind[16];
	size_t used = 0, guests = 0;
	ptrdiff_t first_guest = -1;
	int col = x;

	for (size_t ci = 0; ci < c->n_cells; ci++) {
		if (!cell_has_irq(c->cells[ci], irq))
			continue;
		if (!c->cells[ci]->root && guests++ == 0)
			first_guest = (ptrdiff_t)ci;
		if (used + 1 >= sizeof(owners))
			continue;
		used += (size_t)snprintf(owners + used, sizeof(owners) - used, "%s%c",
					 used ? "," : "", cell_tag(ci));
	}
	if (irq >= 32)
		snprintf(kind, sizeof(kind), "SPI%u", irq - 32);
	else if (irq >= 16)
		snprintf(kind, sizeof(kind), "PPI%u", irq - 16);
	else
		snprintf(kind, sizeof(kind), "SGI%u", irq);
	col += draw_textf(y, col, 12, attr, true, "%5u %-6s", irq, kind);
	col += draw_textf(y, col, 2, attr, true, "%s ", board_linux_irq(b, irq) ? "L" : " ");
	col += draw_textf(y, col, 6,
			  attr | (first_guest >= 0 ? draw_cell_attr(t, (size_t)first_guest) : 0),
			  true, "%-5s ", used ? owners : "-");
	draw_text(y, col, x + w - col, attr, true,
		  iv->device[irq] >= 0 ? b->regions[iv->device[irq]].name : "");
}

static bool irqs_select(struct view *v, struct tui *t, size_t row, struct selection *s)
{
	struct irqs_view *iv = v->data;

	if (row >= v->n_rows)
		return false;
	s->kind = SEL_IRQ;
	s->id = iv->rows[row];
	return true;
}

static bool irqs_pick(struct view *v, struct tui *t, size_t row, struct carry *c)
{
	struct irqs_view *iv = v->data;

	if (row >= v->n_rows)
		return false;
	c->kind = SEL_IRQ;
	c->id = iv->rows[row];
	snprintf(c->label, sizeof(c->label), _("interrupt %u"), c->id);
	return true;
}

static bool irqs_find(struct view *v, struct tui *t, const struct selection *s)
{
	struct irqs_view *iv = v->data;

	if (s->kind != SEL_IRQ)
		return false;
	for (size_t i = 0; i < v->n_rows; i++) {
		if (iv->rows[i] == s->id) {
			view_set_cursor(v, t, i);
			return true;
		}
	}
	return false;
}

const struct view_ops irqs_view_ops = {
	.title = N_("Interrupts"),
	.init = irqs_init,
	.fini = irqs_fini,
	.update = irqs_update,
	.draw_header = irqs_draw_header,
	.draw_row = irqs_draw_row,
	.select = irqs_select,
	.pick = irqs_pick,
	.find = irqs_find,
};
