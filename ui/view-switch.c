/*
 * The virtual network switch (cells.yml "network"): the bridge in the root
 * cell with its uplink and address, then each member cell with the
 * addresses it gets (model/network.h network_plan). A cell dragged from the
 * cells pane and dropped here joins the switch; Delete takes the member
 * under the cursor off it. Both are operations of model/ops.h, validated
 * and undoable like every other change. Shown when the project has a switch.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "po/i18n.h"
#include "model/network.h"
#include "model/ops.h"
#include "model/util.h"
#include "ui/ui.h"

struct switch_view {
	struct net_plan plan;
	bool planned;
	unsigned generation;
	int name_w;              /* the widest name on the switch, plus a blank */
};

bool switch_shown(const struct tui *t)
{
	return t->p->spec.network.bridge != NULL;
}

static void switch_init(struct view *v, struct tui *t)
{
	v->data = xcalloc(1, sizeof(struct switch_view));
}

static void switch_fini(struct view *v)
{
	struct switch_view *sv = v->data;

	if (sv->planned)
		net_plan_free(&sv->plan);
	free(sv);
}

/* The plan is made again only when the project changed. */
static void switch_update(struct view *v, struct tui *t)
{
	struct switch_view *sv = v->data;
	struct project *p = t->p;

	if (!switch_shown(t)) {
		v->n_rows = 0;
		return;
	}
	if (!sv->planned || sv->generation != p->generation) {
		if (sv->planned)
			net_plan_free(&sv->plan);
		memset(&sv->plan, 0, sizeof(sv->plan));
		network_plan(&p->board, &p->spec, network_root_name(&p->spec, &p->config), &sv->plan,
			     NULL);
		sv->planned = true;
		sv->generation = p->generation;
		sv->name_w = sv->plan.root.cell ? text_width(sv->plan.root.cell) + 1 : 5;
		for (size_t i = 0; i < sv->plan.n_members; i++)
			if (sv->plan.members[i].cell &&
			    text_width(sv->plan.members[i].cell) + 1 > sv->name_w)
				sv->name_w = text_width(sv->plan.members[i].cell) + 1;
		if (sv->name_w > 16)
			sv->name_w = 16;
	}
	v->n_rows = 1 + sv->plan.n_members;
}

static void switch_draw_header(struct view *v, struct tui *t, int y, int x, int w)
{
	const struct network_spec *n = &t->p->spec.network;

	if (t->carry.active && t->carry.kind == SEL_CELL && t->drop_switch)
		draw_textf(y, x, w, draw_attr(t, COL_DROP), false, " %s %s %s ",
			   glyph(t, GL_CARRY), t->carry.label, _("joins"));
	else if (t->carry.active && t->carry.kind == SEL_CELL)
		draw_textf(y, x, w, draw_attr(t, COL_DIM), false, " %s %s ", glyph(t, GL_CARRY),
			   _("drop here"));
	else
		draw_textf(y, x, w, draw_attr(t, COL_DIM), false, "%s %s %s", n->bridge,
			   _("on"), n->uplink ? n->uplink : "?");
}

static void addresses(const struct net_host *h, char *buf, size_t len)
{
	char a4[NETWORK_ADDR_LEN], a6[NETWORK_ADDR_LEN];

	snprintf(buf, len, "%s %s", h->has_ipv4 ? net_addr_format(&h->ipv4, true, a4) : "",
		 h->has_ipv6 ? net_addr_format(&h->ipv6, true, a6) : "");
}

static void switch_draw_row(struct view *v, struct tui *t, size_t row, int y, int x, int w,
			    bool cursor)
{
	struct switch_view *sv = v->data;
	int attr = cursor ? draw_attr(t, COL_CURSOR) : 0;
	const struct net_host *h = row == 0 ? &sv->plan.root : &sv->plan.members[row - 1];
	const struct cell *c = h->cell ? config_find_cell(&t->p->config, h->cell) : NULL;
	ptrdiff_t ci = c ? config_cell_index(&t->p->config, c->id) : -1;
	char tag[2] = { row == 0 ? '=' : ci >= 0 ? cell_tag((size_t)ci) : '?', '\0' };
	char addr[2 * NETWORK_ADDR_LEN + 2];
	int used = x;

	if (t->carry.active && t->carry.kind == SEL_CELL && t->drop_switch)
		attr = draw_attr(t, COL_DROP);
	addresses(h, addr, sizeof(addr));
	used += draw_textf(y, used, 3, attr | (ci >= 0 ? draw_cell_attr(t, (size_t)ci) : 0), true,
			   " %s", tag);
	used += draw_textf(y, used, sv->name_w, attr, true, "%s ", h->cell ? h->cell : "");
	draw_text(y, used, x + w - used, attr, true, addr);
}

/* The member under the cursor, as a cell of the configuration. */
static const struct cell *row_cell(struct view *v, struct tui *t, size_t row)
{
	struct switch_view *sv = v->data;
	const struct net_host *h;

	if (row >= v->n_rows)
		return NULL;
	h = row == 0 ? &sv->plan.root : &sv->plan.members[row - 1];
	return h->cell ? config_find_cell(&t->p->config, h->cell) : NULL;
}

static bool switch_select(struct view *v, struct tui *t, size_t row, struct selection *s)
{
	const struct cell *c = row_cell(v, t, row);

	if (!c)
		return false;
	s->kind = SEL_CELL;
	s->id = s->cell = c->id;
	return true;
}

static bool switch_request(struct view *v, struct tui *t, enum request r)
{
	struct switch_view *sv = v->data;
	char why[OP_WHY_LEN] = "";
	const char *name;

	if (r != REQ_DELETE)
		return false;
	if (v->cursor == 0 || v->cursor >= v->n_rows) {
		tui_message(t, -1, "%s", _("The root cell holds the switch; choose a member."));
		return true;
	}
	name = sv->plan.members[v->cursor - 1].cell;
	{
		char cell[128];

		snprintf(cell, sizeof(cell), "%s", name);
		if (op_network_leave(t->p, cell, why))
			tui_message(t, SEV_ERROR, _("Refused: %s"), why);
		else
			tui_message(t, -1, _("%s left the switch (u undoes)."), cell);
	}
	tui_dirty_all(t);
	return true;
}

const struct view_ops switch_view_ops = {
	.title = N_("Switch"),
	.init = switch_init,
	.fini = switch_fini,
	.update = switch_update,
	.draw_header = switch_draw_header,
	.draw_row = switch_draw_row,
	.request = switch_request,
	.select = switch_select,
};
