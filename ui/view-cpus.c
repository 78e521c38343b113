/*
 * The CPUs: one row per logical CPU with its core type and the cells that
 * hold it. A CPU is a drag source for op_cpu_assign.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "po/i18n.h"
#include "model/util.h"
#include "ui/ui.h"

static void cpus_update(struct view *v, struct tui *t)
{
	v->n_rows = t->p->board.n_cpus;
}

/* "arm,cortex-a57" reads as "cortex-a57", or "a57" in a narrow pane. */
static const char *core_short(const char *type, int room)
{
	const char *comma, *dash;

	if (!type)
		return "?";
	comma = strchr(type, ',');
	type = comma ? comma + 1 : type;
	dash = strrchr(type, '-');
	return dash && text_width(type) > room ? dash + 1 : type;
}

static void cpus_draw_row(struct view *v, struct tui *t, size_t row, int y, int x, int w,
			  bool cursor)
{
	const struct board_cpu *cpu = &t->p->board.cpus[row];
	const struct config *c = &t->p->config;
	int attr = cursor ? draw_attr(t, COL_CURSOR) : 0, attr_owner = attr;
	char owners[128] = "";
	size_t used = 0, n_owners = 0, n_guests = 0;
	ptrdiff_t first_guest = -1;
	int col = x;

	for (size_t ci = 0; ci < c->n_cells; ci++) {
		size_t room = used < sizeof(owners) ? sizeof(owners) - used : 0;

		if (!cell_has_cpu(c->cells[ci], cpu->logical_id))
			continue;
		n_owners++;
		if (!c->cells[ci]->root && n_guests++ == 0)
			first_guest = (ptrdiff_t)ci;
		if (w < 40)
			used += (size_t)snprintf(owners + used, room, "%s%c", used ? "," : "",
						 cell_tag(ci));
		else
			used += (size_t)snprintf(owners + used, room, "%s%s", used ? "," : "",
						 c->cells[ci]->name);
	}
	/* A CPU in two cells shows both owners; the validator's verdict is on
	 * the cells and in the problems pane. */
	col += draw_textf(y, col, 7, attr, true, " cpu%u%s", cpu->logical_id,
			  cpu->linux_online ? "" : "*");
	if (first_guest >= 0)
		attr_owner |= draw_cell_attr(t, (size_t)first_guest);
	col += draw_textf(y, col, w < 40 ? 6 : 24, attr_owner, true, "%s ",
			  n_owners ? owners : "-");
	draw_text(y, col, x + w - col, attr, true, core_short(cpu->core_type, x + w - col));
}

static bool cpus_select(struct view *v, struct tui *t, size_t row, struct selection *s)
{
	if (row >= v->n_rows)
		return false;
	s->kind = SEL_CPU;
	s->id = t->p->board.cpus[row].logical_id;
	return true;
}

static bool cpus_pick(struct view *v, struct tui *t, size_t row, struct carry *c)
{
	if (row >= v->n_rows)
		return false;
	c->kind = SEL_CPU;
	c->id = t->p->board.cpus[row].logical_id;
	snprintf(c->label, sizeof(c->label), "cpu%u", c->id);
	return true;
}

static bool cpus_find(struct view *v, struct tui *t, const struct selection *s)
{
	if (s->kind != SEL_CPU)
		return false;
	for (size_t i = 0; i < v->n_rows; i++) {
		if (t->p->board.cpus[i].logical_id == s->id) {
			view_set_cursor(v, t, i);
			return true;
		}
	}
	return false;
}

const struct view_ops cpus_view_ops = {
	.title = N_("CPUs"),
	.update = cpus_update,
	.draw_row = cpus_draw_row,
	.select = cpus_select,
	.pick = cpus_pick,
	.find = cpus_find,
};
