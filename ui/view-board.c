/*
 * The board pane: the steps of the last board action as they are taken
 * (build, push, start, stop, status; ui/job.c runs them), then the board's
 * state as last read: whether the hypervisor is enabled and each cell with
 * its state. It takes the problems' place while shown; Esc cancels a
 * running action and closes the pane once it is over.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "po/i18n.h"
#include "ui/ui.h"

/* Rows: the steps, then (when the board was read) a summary and its cells. */
static size_t state_rows(const struct tui *t)
{
	return t->board_known ? 1 + t->board.n_cells : 0;
}

static void board_update(struct view *v, struct tui *t)
{
	v->n_rows = t->progress.n + state_rows(t);
	if (t->progress.follow && v->n_rows)
		v->cursor = v->n_rows - 1;
}

static void board_draw_header(struct view *v, struct tui *t, int y, int x, int w)
{
	const struct progress *pr = &t->progress;
	const char *what;
	int attr = draw_attr(t, COL_DIM);

	if (pr->running)
		what = pr->cancelling ? _("cancelling...") : _("running, Esc cancels");
	else if (pr->failed)
		what = _("failed, Esc closes"), attr = attr_severity(t, SEV_ERROR);
	else if (pr->cancelling)
		what = _("cancelled, Esc closes");
	else
		what = _("done, Esc closes");
	draw_textf(y, x, w, attr, false, "%s: %s", job_action_name(pr->action), what);
}

/* Draws S from COL, at least WIDTH columns; returns where the next column starts. */
static int board_column(int y, int col, int end, int attr, const char *s, int width)
{
	int used = draw_text(y, col, end - col, attr, false, s);

	return col + (used > width ? used : width) + 1;
}

static void board_draw_row(struct view *v, struct tui *t, size_t row, int y, int x, int w,
			   bool cursor)
{
	const struct progress *pr = &t->progress;
	int attr = cursor ? draw_attr(t, COL_CURSOR) : 0;

	if (row < pr->n) {
		const char *line = pr->steps[row];
		bool bad = !strncmp(line, _("failed: "), strlen(_("failed: ")));

		draw_textf(y, x, w, attr | (bad ? attr_severity(t, SEV_ERROR) : 0), true, " %s",
			   line);
		return;
	}
	row -= pr->n;
	if (row == 0) {
		const struct remote_state *st = &t->board;

		draw_textf(y, x, w, attr | A_BOLD, true, " %s %s", _("Board now:"),
			   !st->present ? _("the jailhouse driver is not loaded")
			   : st->enabled ? _("hypervisor enabled") : _("hypervisor disabled"));
		return;
	}
	{
		const struct remote_cell_state *c = &t->board.cells[row - 1];
		int a = attr | (strncmp(c->state, "running", 7) ? draw_attr(t, COL_DIM) : 0);
		int end = x + w, col = x + 3;

		/* Cell names may hold wide characters: columns go by display
		 * width, and a long name pushes the rest right, never over it. */
		draw_fill(y, x, w, a);
		col = board_column(y, col, end, a, c->name, 16);
		col = board_column(y, col, end, a, c->state, 12);
		draw_textf(y, col, end - col, a, false, "%s %s", _("cpus"),
			   c->cpus && c->cpus[0] ? c->cpus : "-");
	}
}

static bool board_request(struct view *v, struct tui *t, enum request r)
{
	switch (r) {
	case REQ_UP: case REQ_DOWN: case REQ_PAGE_UP: case REQ_PAGE_DOWN:
	case REQ_HOME: case REQ_END:
		/* Looking back stops the cursor from following the newest step. */
		t->progress.follow = false;
		return false;
	default:
		return false;
	}
}

const struct view_ops board_view_ops = {
	.title = N_("Board"),
	.update = board_update,
	.draw_header = board_draw_header,
	.draw_row = board_draw_row,
	.request = board_request,
};
