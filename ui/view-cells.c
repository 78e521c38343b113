/*
 * The cells: one row per cell (CPUs, RAM, regions, problems) that unfolds
 * into the cell's regions. Cells are the drop targets of every drag; their
 * regions are drag sources themselves, for moving a region between cells,
 * and so are the guest cells when there is a switch to drop them on. Once
 * the board was read, a mark after each name says whether it runs there.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "po/i18n.h"
#include "model/units.h"
#include "model/util.h"
#include "ui/ui.h"

struct cell_row {
	uint32_t cell;
	int64_t region;          /* cell region id, or -1 for the cell itself */
};

struct cells_view {
	struct cell_row *rows;
	size_t cap;
	uint32_t *folded;        /* ids of folded cells */
	size_t n_folded, cap_folded;
	bool started;            /* the first update, which folds the root cell */
};

static bool id_in(const uint32_t *ids, size_t n, uint32_t id)
{
	for (size_t i = 0; i < n; i++)
		if (ids[i] == id)
			return true;
	return false;
}

static void cells_init(struct view *v, struct tui *t)
{
	v->data = xcalloc(1, sizeof(struct cells_view));
}

static void cells_fini(struct view *v)
{
	struct cells_view *cv = v->data;

	free(cv->rows);
	free(cv->folded);
	free(cv);
}

static void set_folded(struct cells_view *cv, uint32_t id, bool folded)
{
	for (size_t i = 0; i < cv->n_folded; i++) {
		if (cv->folded[i] == id) {
			if (!folded)
				cv->folded[i] = cv->folded[--cv->n_folded];
			return;
		}
	}
	if (folded)
		ARRAY_PUSH(cv->folded, cv->n_folded, cv->cap_folded, id);
}

static void push_row(struct cells_view *cv, size_t *n, uint32_t cell, int64_t region)
{
	if (*n >= cv->cap) {
		cv->cap = cv->cap ? 2 * cv->cap : 32;
		cv->rows = xrealloc(cv->rows, cv->cap * sizeof(*cv->rows));
	}
	cv->rows[*n].cell = cell;
	cv->rows[(*n)++].region = region;
}

static void cells_update(struct view *v, struct tui *t)
{
	struct cells_view *cv = v->data;
	const struct config *c = &t->p->config;
	size_t n = 0;

	for (size_t ci = 0; ci < c->n_cells; ci++) {
		const struct cell *cell = c->cells[ci];

		/* The root cell of a loaded project holds most of the board: it
		 * starts folded. Cells made in this session start open. */
		if (!cv->started && cell->root)
			set_folded(cv, cell->id, true);
		push_row(cv, &n, cell->id, -1);
		if (id_in(cv->folded, cv->n_folded, cell->id))
			continue;
		for (size_t ri = 0; ri < cell->n_regions; ri++)
			push_row(cv, &n, cell->id, cell->regions[ri].id);
	}
	v->n_rows = n;
	cv->started = true;
}

static uint64_t cell_ram(const struct cell *c)
{
	uint64_t sum = 0;

	for (size_t i = 0; i < c->n_regions; i++)
		if (!(c->regions[i].flags & (MEM_IO | MEM_COMM_REGION)))
			sum += c->regions[i].size;
	return sum;
}

/* What the board said of the cell when it was last read: a mark after its
 * name, and the state itself where the pane is wide enough. */
static void board_mark(const struct tui *t, const struct cell *cell, bool wide, char *line,
		       size_t len)
{
	const struct remote_cell_state *rc = NULL;
	size_t used = strlen(line);

	if (!t->board_known)
		return;
	/* The board names its root cell after the system configuration; it is
	 * cell 0 there. */
	for (size_t i = 0; i < t->board.n_cells && !rc; i++)
		if (cell->root ? t->board.cells[i].id == 0
			       : !strcmp(t->board.cells[i].name, cell->name))
			rc = &t->board.cells[i];
	if (!rc)
		return;
	snprintf(line + used, len - used, " %s%s%s",
		 glyph(t, !strncmp(rc->state, "running", 7) ? GL_RUNNING : GL_STOPPED),
		 wide ? " " : "", wide ? rc->state : "");
}

/* Width of the CPU, RAM, region and problem columns of a cell row. */
#define CELL_NUMS_W 20

static void cells_draw_header(struct view *v, struct tui *t, int y, int x, int w)
{
	int attr = draw_attr(t, COL_DIM), col, hw;

	if (t->carry.active && t->carry.kind != SEL_CELL) {
		draw_textf(y, x, w, draw_attr(t, COL_DROP), false, " %s %s ",
			   glyph(t, GL_CARRY), _("drop here"));
		return;
	}
	/* The heads stand over their columns, unless the position hint is there;
	 * each is placed by display width, so that translations line up. */
	if (v->x + v->w - CELL_NUMS_W < x || x + w != v->x + v->w)
		return;
	col = v->x + v->w - CELL_NUMS_W + 1;
	draw_text(y, col, 6, attr, true, _("cpus"));
	hw = text_width(_("ram"));
	draw_text(y, col + 6 + (hw < 5 ? 5 - hw : 0), 5, attr, false, _("ram"));
	hw = text_width(_("reg"));
	draw_text(y, col + 12 + (hw < 3 ? 3 - hw : 0), 3, attr, false, _("reg"));
	draw_text(y, col + 16, 1, attr, false, "!");
}

static void cells_draw_row(struct view *v, struct tui *t, size_t row, int y, int x, int w,
			   bool cursor)
{
	struct cells_view *cv = v->data;
	const struct cell_row *cr = &cv->rows[row];
	const struct config *c = &t->p->config;
	ptrdiff_t ci = config_cell_index(c, cr->cell);
	const struct cell *cell = ci >= 0 ? c->cells[ci] : NULL;
	int attr = cursor ? draw_attr(t, COL_CURSOR) : 0;
	char line[256], cpus[64], size[16];
	int sev, used = x;

	if (!cell) {
		draw_fill(y, x, w, attr);
		return;
	}
	if (cr->region < 0) {
		unsigned problems = t->facts.cell_problems[ci];

		sev = t->p->validator ? validator_cell_severity(t->p->validator, cell->id) : -1;
		if (t->carry.active && t->drop_cell == (int64_t)cell->id)
			attr = draw_attr(t, COL_DROP);
		format_cpu_list(cell->cpus, cpus, sizeof(cpus));
		format_size_short(cell_ram(cell), size, sizeof(size));
		used += draw_text(y, used, 1, attr | attr_severity(t, sev), true,
				  glyph_severity(t, sev));
		used += draw_textf(y, used, 4, attr | draw_cell_attr(t, (size_t)ci), true, "%s[%c]",
				   glyph(t, id_in(cv->folded, cv->n_folded, cell->id) ? GL_FOLDED
										  : GL_UNFOLDED),
				   cell_tag((size_t)ci));
		snprintf(line, sizeof(line), " %s%s", cell->name,
			 cell->root && w >= 50 ? _(" (root)") : "");
		board_mark(t, cell, w >= 50, line, sizeof(line));
		/* Fixed columns on the right, under the heads of the title line. */
		used += draw_text(y, used, x + w - used - CELL_NUMS_W, attr, true, line);
		snprintf(line, sizeof(line), " %-5.5s %5s %3zu %s", cpus[0] ? cpus : "-", size,
			 cell->n_regions, problems ? glyph_severity(t, sev) : " ");
		if (problems)
			snprintf(line + strlen(line), sizeof(line) - strlen(line), "%u", problems);
		draw_text(y, used, x + w - used, attr, true, line);
		return;
	}

	{
		const struct cell_region *r = cell_region_by_id(cell, (uint32_t)cr->region);
		char addr[24];

		if (!r) {
			draw_fill(y, x, w, attr);
			return;
		}
		sev = t->p->validator ? validator_region_severity(t->p->validator, r->id) : -1;
		format_addr(t, r->phys, addr, sizeof(addr));
		format_size_short(r->size, size, sizeof(size));
		used += draw_text(y, used, 1, attr | attr_severity(t, sev), true,
				  glyph_severity(t, sev));
		used += draw_text(y, used, 4, attr, true, "");
		/* Regions placed from the board often carry no name of their own. */
		snprintf(line, sizeof(line), "%s %6s %s", addr, size,
			 r->name && r->name[0] ? r->name
			 : r->board_region >= 0 && (size_t)r->board_region < t->p->board.n_regions
			 ? t->p->board.regions[r->board_region].name : "");
		draw_text(y, used, x + w - used, attr | attr_severity(t, sev), true, line);
	}
}

static bool cells_select(struct view *v, struct tui *t, size_t row, struct selection *s)
{
	struct cells_view *cv = v->data;

	if (row >= v->n_rows)
		return false;
	s->cell = cv->rows[row].cell;
	if (cv->rows[row].region < 0) {
		s->kind = SEL_CELL;
		s->id = cv->rows[row].cell;
	} else {
		s->kind = SEL_CELL_REGION;
		s->id = (uint32_t)cv->rows[row].region;
	}
	return true;
}

static bool cells_pick(struct view *v, struct tui *t, size_t row, struct carry *c)
{
	struct cells_view *cv = v->data;
	const struct cell *cell;
	const struct cell_region *r;

	if (row >= v->n_rows)
		return false;
	cell = config_cell_by_id(&t->p->config, cv->rows[row].cell);
	if (cell && cv->rows[row].region < 0) {
		if (cell->root || !switch_shown(t))
			return false;
		c->kind = SEL_CELL;
		c->id = cell->id;
		snprintf(c->label, sizeof(c->label), "%s", cell->name);
		return true;
	}
	r = cell ? cell_region_by_id(cell, (uint32_t)cv->rows[row].region) : NULL;
	if (!r)
		return false;
	c->kind = SEL_CELL_REGION;
	c->id = r->id;
	c->from_cell = cell->id;
	snprintf(c->label, sizeof(c->label), "%s", r->name ? r->name : "");
	return true;
}

static int64_t cells_drop_cell(struct view *v, struct tui *t, size_t row)
{
	struct cells_view *cv = v->data;

	return row < v->n_rows ? (int64_t)cv->rows[row].cell : -1;
}

static bool cells_find(struct view *v, struct tui *t, const struct selection *s)
{
	struct cells_view *cv = v->data;

	if (s->kind != SEL_CELL && s->kind != SEL_CELL_REGION)
		return false;
	if (s->kind == SEL_CELL_REGION && id_in(cv->folded, cv->n_folded, s->cell)) {
		set_folded(cv, s->cell, false);
		cells_update(v, t);
	}
	for (size_t i = 0; i < v->n_rows; i++) {
		if (cv->rows[i].cell == s->cell &&
		    (s->kind == SEL_CELL ? cv->rows[i].region < 0
					 : cv->rows[i].region == (int64_t)s->id)) {
			view_set_cursor(v, t, i);
			return true;
		}
	}
	return false;
}

static bool cells_request(struct view *v, struct tui *t, enum request r)
{
	struct cells_view *cv = v->data;
	const struct cell_row *cr;
	bool folded;

	if (!v->n_rows)
		return false;
	cr = &cv->rows[v->cursor];
	folded = id_in(cv->folded, cv->n_folded, cr->cell);
	switch (r) {
	case REQ_ENTER:
	case REQ_FOLD:
		if (cr->region >= 0)
			return false;
		set_folded(cv, cr->cell, !folded);
		break;
	case REQ_LEFT:
		if (cr->region >= 0 || !folded) {
			uint32_t cell = cr->cell;

			set_folded(cv, cell, true);
			cells_update(v, t);
			for (size_t i = 0; i < v->n_rows; i++)
				if (cv->rows[i].cell == cell && cv->rows[i].region < 0)
					view_set_cursor(v, t, i);
			return true;
		}
		return true;
	case REQ_RIGHT:
		if (cr->region >= 0 || !folded)
			return true;
		set_folded(cv, cr->cell, false);
		break;
	default:
		return false;
	}
	cells_update(v, t);
	v->dirty = true;
	return true;
}

const struct view_ops cells_view_ops = {
	.title = N_("Cells"),
	.init = cells_init,
	.fini = cells_fini,
	.update = cells_update,
	.draw_header = cells_draw_header,
	.draw_row = cells_draw_row,
	.request = cells_request,
	.select = cells_select,
	.pick = cells_pick,
	.drop_cell = cells_drop_cell,
	.find = cells_find,
};
