/*
 * The session: opening the screen, the frame (redraw what is dirty), and
 * the dispatcher that turns events into requests, mouse gestures into
 * picks and drops, and both into actions. The terminal and script mode feed
 * it the same events.
 */
#include "config.h"

#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "po/i18n.h"
#include "model/util.h"
#include "ui/ui.h"

static const struct view_ops *const view_table[VIEW_COUNT] = {
	[VIEW_MEMORY] = &memory_view_ops,
	[VIEW_CELLS] = &cells_view_ops,
	[VIEW_CPUS] = &cpus_view_ops,
	[VIEW_IRQS] = &irqs_view_ops,
	[VIEW_PROBLEMS] = &problems_view_ops,
	[VIEW_DETAIL] = &detail_view_ops,
	[VIEW_SWITCH] = &switch_view_ops,
	[VIEW_BOARD] = &board_view_ops,
};

/* The main loop's wait for input while a board action runs, so that its
 * steps appear as they are taken. */
#define JOB_POLL_MS 100
#define IDLE_POLL_MS 500

#define WHEEL_ROWS 3

void tui_message(struct tui *t, int severity, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(t->msg, sizeof(t->msg), fmt, ap);
	va_end(ap);
	t->msg_sev = severity;
}

void tui_dirty_all(struct tui *t)
{
	for (int i = 0; i < VIEW_COUNT; i++)
		t->views[i].dirty = true;
	t->full_redraw = true;
}

void tui_selection_changed(struct tui *t)
{
	struct view *v = &t->views[t->focus];

	/* While a drag goes on the details keep showing what it carries. */
	if (t->carry.active) {
		if (t->focus == VIEW_CELLS)
			t->drop_cell = v->ops->drop_cell(v, t, v->cursor);
		v->dirty = true;
		return;
	}
	if (v->ops->select && v->n_rows && v->ops->select(v, t, v->cursor, &t->sel)) {
		t->views[t->sel_view].dirty = true;
		t->sel_view = t->focus;
		t->views[VIEW_DETAIL].dirty = true;
		t->views[VIEW_DETAIL].cursor = 0;
	}
	/* The address bar marks the memory map's cursor. */
	if (t->focus == VIEW_MEMORY)
		v->dirty = true;
}

void tui_focus(struct tui *t, int view)
{
	if (view < 0 || view >= VIEW_COUNT || !t->views[view].shown)
		return;
	t->views[t->focus].dirty = true;
	t->focus = view;
	t->views[view].dirty = true;
	tui_selection_changed(t);
}

static void focus_step(struct tui *t, int step)
{
	int v = t->focus;

	for (int i = 0; i < VIEW_COUNT; i++) {
		v = (v + step + VIEW_COUNT) % VIEW_COUNT;
		if (t->views[v].shown)
			break;
	}
	tui_focus(t, v);
}

struct tui *tui_open(struct project *p, const struct tui_opts *o, char *err, size_t len)
{
	struct tui *t = xcalloc(1, sizeof(*t));

	t->p = p;
	t->opts = *o;
	if (t->opts.cols <= 0 || t->opts.rows <= 0) {
		t->opts.cols = 80;
		t->opts.rows = 24;
	}
	t->drop_cell = -1;
	t->press_view = -1;
	t->bar_y = -1;
	t->msg_sev = -1;
	if (!term_open(t, err, len)) {
		free(t);
		return NULL;
	}
	for (int i = 0; i < VIEW_COUNT; i++) {
		t->views[i].ops = view_table[i];
		if (view_table[i]->init)
			view_table[i]->init(&t->views[i], t);
	}
	facts_update(t);
	for (int i = 0; i < VIEW_COUNT; i++)
		t->views[i].ops->update(&t->views[i], t);
	layout_apply(t);
	t->drawn_generation = p->generation;
	tui_focus(t, VIEW_MEMORY);
	tui_dirty_all(t);
	return t;
}

void tui_close(struct tui *t)
{
	if (!t)
		return;
	job_free(t);
	term_close(t);
	for (int i = 0; i < VIEW_COUNT; i++)
		if (t->views[i].ops && t->views[i].ops->fini)
			t->views[i].ops->fini(&t->views[i]);
	facts_free(&t->facts);
	free(t);
}

static void tui_resize(struct tui *t, int cols, int rows)
{
	if (cols < 1 || rows < 1)
		return;
	if (t->opts.virtual_screen)
		resize_term(rows, cols);
	t->cols = cols;
	t->rows = rows;
	layout_apply(t);
	erase();
	tui_dirty_all(t);
}

void tui_frame(struct tui *t)
{
	if (t->too_small) {
		layout_draw_too_small(t);
		refresh();
		t->full_redraw = true;
		return;
	}
	if (t->p->generation != t->drawn_generation || t->facts.generation != t->p->generation) {
		facts_update(t);
		tui_dirty_all(t);
		t->drawn_generation = t->p->generation;
	}
	if (t->full_redraw)
		erase();
	for (int i = 0; i < VIEW_COUNT; i++) {
		struct view *v = &t->views[i];

		if (!v->dirty && !t->full_redraw)
			continue;
		v->ops->update(v, t);
		view_draw(v, t);
	}
	t->full_redraw = layout_draw_frame(t);
	if (t->mode == MODE_HELP) {
		help_draw(t);
		/* Whatever the help covered must be drawn again when it closes. */
		t->full_redraw = true;
	} else if (t->mode == MODE_PROMPT) {
		prompt_draw(t);
	}
	refresh();
}

static struct view *tui_view_at(struct tui *t, int y, int x, size_t *row, bool *on_row)
{
	for (int i = 0; i < VIEW_COUNT; i++) {
		struct view *v = &t->views[i];

		if (!v->shown || y < v->y || y >= v->y + v->h || x < v->x || x >= v->x + v->w)
			continue;
		*row = 0;
		*on_row = v->ops->hit ? v->ops->hit(v, t, y, x, row) : view_hit(v, t, y, x, row);
		return v;
	}
	*on_row = false;
	return NULL;
}

/* The cell under the pointer, when it is over the cells pane; a carried
 * cell goes to the switch only. */
static int64_t drop_target(struct tui *t, struct view *v, int vi, size_t row, bool on_row)
{
	if (t->carry.kind == SEL_CELL)
		return -1;
	return vi == VIEW_CELLS && on_row ? v->ops->drop_cell(v, t, row) : -1;
}

static bool over_switch(const struct tui *t, int vi)
{
	return t->carry.kind == SEL_CELL && vi == VIEW_SWITCH;
}

/* Drops what is carried where the pointer is, or cancels the drag. */
static void drop_here(struct tui *t, int64_t cell, int vi, bool released)
{
	if (over_switch(t, vi)) {
		action_join_switch(t, t->carry.id);
	} else if (cell >= 0) {
		action_drop(t, (uint32_t)cell);
	} else {
		action_cancel_carry(t);
		if (released)
			tui_message(t, -1, "%s",
				    t->carry.kind == SEL_CELL
				    ? _("Dropped outside the switch: nothing changed.")
				    : _("Dropped outside the cells: nothing changed."));
	}
}

static void dispatch(struct tui *t, enum request r);

/* Press selects and arms a drag; motion starts it and tracks the target
 * cell; release drops on the cell under the pointer or cancels. */
static void mouse_event(struct tui *t, const struct event *ev)
{
	size_t row = 0;
	bool on_row = false;
	struct view *v = tui_view_at(t, ev->y, ev->x, &row, &on_row);
	int vi = v ? (int)(v - t->views) : -1;

	/* curses can lose a press that arrives in one read with the motion after
	 * it; motion with the button held and no press seen stands in for it. */
	if (ev->action == MOUSE_DRAG && !t->button_down) {
		struct event press = *ev;

		press.action = MOUSE_PRESS;
		mouse_event(t, &press);
	}
	/* While a board action runs the project must not change: no drags. */
	if (job_running(t) && (ev->action == MOUSE_DRAG || ev->action == MOUSE_RELEASE))
		return;
	if (ev->action == MOUSE_PRESS)
		t->button_down = true;
	else if (ev->action == MOUSE_RELEASE)
		t->button_down = false;
	switch (ev->action) {
	case MOUSE_WHEEL_UP:
	case MOUSE_WHEEL_DOWN:
		if (v) {
			view_scroll(v, ev->action == MOUSE_WHEEL_UP ? -WHEEL_ROWS : WHEEL_ROWS);
			if (vi == t->focus)
				tui_selection_changed(t);
		}
		return;
	case MOUSE_PRESS:
		t->msg[0] = '\0';
		if (ev->y == t->bar_y && !t->carry.active) {
			dispatch(t, actionbar_at(t, ev->x));
			return;
		}
		if (t->carry.active) {
			/* A click on a cell finishes a drag begun with the keyboard. */
			drop_here(t, drop_target(t, v, vi, row, on_row), vi, false);
			return;
		}
		t->press_view = -1;
		if (!v)
			return;
		/* A click on the field under the cursor edits it, as Enter does. */
		if (on_row && vi == VIEW_DETAIL && t->focus == vi && row == v->cursor) {
			action_edit(t);
			return;
		}
		tui_focus(t, vi);
		if (on_row) {
			view_set_cursor(v, t, row);
			t->press_view = vi;
			t->press_row = row;
		}
		return;
	case MOUSE_DRAG:
		if (!t->carry.active && t->press_view >= 0) {
			struct view *src = &t->views[t->press_view];
			struct carry c;

			memset(&c, 0, sizeof(c));
			if (!src->ops->pick || !src->ops->pick(src, t, t->press_row, &c)) {
				t->press_view = -1;
				return;
			}
			c.active = true;
			c.origin_view = t->press_view;
			t->carry = c;
		}
		if (!t->carry.active)
			return;
		t->drop_cell = drop_target(t, v, vi, row, on_row);
		t->drop_switch = over_switch(t, vi);
		t->views[VIEW_CELLS].dirty = true;
		t->views[VIEW_SWITCH].dirty = true;
		return;
	case MOUSE_RELEASE:
		if (t->carry.active && t->press_view >= 0)
			drop_here(t, drop_target(t, v, vi, row, on_row), vi, true);
		t->press_view = -1;
		return;
	}
}

/* Whether the cell has what is carried already: dropping there would only
 * be refused, so Tab passes it by. */
static bool carry_holds(const struct tui *t, uint32_t cell_id)
{
	const struct cell *cell = config_cell_by_id(&t->p->config, cell_id);

	if (!cell)
		return true;
	switch (t->carry.kind) {
	case SEL_BOARD_REGION:
		for (size_t i = 0; i < cell->n_regions; i++)
			if (cell->regions[i].board_region == (int32_t)t->carry.id)
				return true;
		return false;
	case SEL_CELL_REGION:
		return cell_id == t->carry.from_cell;
	case SEL_CPU:
		return cell_has_cpu(cell, t->carry.id);
	case SEL_IRQ:
		return cell_has_irq(cell, t->carry.id);
	default:
		return false;
	}
}

/* Tab during a drag goes to the next cell that would take the item, so the
 * user sees where it will land before dropping. */
static void carry_step(struct tui *t, int step)
{
	struct view *cells = &t->views[VIEW_CELLS];
	size_t n = cells->n_rows;

	if (t->carry.kind == SEL_CELL || !n)
		return;
	for (size_t k = 1; k <= n; k++) {
		size_t row = (cells->cursor + (step > 0 ? k : n - k)) % n;
		int64_t c = cells->ops->drop_cell(cells, t, row);

		if (c >= 0 && c != t->drop_cell && !carry_holds(t, (uint32_t)c)) {
			view_set_cursor(cells, t, row);
			tui_selection_changed(t);
			return;
		}
	}
}

static bool carry_request(struct tui *t, enum request r)
{
	struct view *cells = &t->views[VIEW_CELLS];

	switch (r) {
	case REQ_ENTER:
	case REQ_PICK:
		if (t->carry.kind == SEL_CELL && t->drop_switch)
			action_join_switch(t, t->carry.id);
		else if (t->drop_cell >= 0)
			action_drop(t, (uint32_t)t->drop_cell);
		return true;
	case REQ_CANCEL:
		action_cancel_carry(t);
		return true;
	case REQ_UP: case REQ_DOWN: case REQ_PAGE_UP: case REQ_PAGE_DOWN:
	case REQ_HOME: case REQ_END: case REQ_LEFT: case REQ_RIGHT:
		/* A carried cell has one place to go: the switch. */
		if (t->carry.kind != SEL_CELL)
			view_request(cells, t, r);
		tui_selection_changed(t);
		return true;
	case REQ_FOCUS_NEXT:
	case REQ_FOCUS_PREV:
		carry_step(t, r == REQ_FOCUS_NEXT ? 1 : -1);
		return true;
	case REQ_HELP:
		return false;
	default:
		/* Anything else ends the drag first. */
		action_cancel_carry(t);
		return false;
	}
}

/* While a board action runs: Esc (or C-c, q) cancels it; looking around is
 * fine, changing the project is not, since the action reads it. */
static bool busy_request(struct tui *t, enum request r)
{
	switch (r) {
	case REQ_CANCEL:
	case REQ_QUIT:
		job_cancel(t);
		return true;
	case REQ_UP: case REQ_DOWN: case REQ_PAGE_UP: case REQ_PAGE_DOWN:
	case REQ_HOME: case REQ_END: case REQ_FOCUS_NEXT: case REQ_FOCUS_PREV:
	case REQ_HELP: case REQ_REDRAW: case REQ_NONE:
		return false;
	default:
		tui_message(t, SEV_WARNING, "%s", _("A board action is running: Esc cancels it."));
		return true;
	}
}

/* The generic handlers of requests.h: they run when the focused view did
 * not take the request first (deleting on the switch, picking in a list). */
typedef void request_fn(struct tui *t, enum request r);

static void req_pick(struct tui *t, enum request r)
{
	if (!view_request(&t->views[t->focus], t, r))
		action_pick(t);
}

static void req_edit(struct tui *t, enum request r)
{
	if (!view_request(&t->views[t->focus], t, r))
		action_edit(t);
}

static void req_delete(struct tui *t, enum request r)
{
	if (!view_request(&t->views[t->focus], t, r))
		action_delete(t);
}

static void req_cancel(struct tui *t, enum request r)
{
	(void)r;
	job_close_pane(t);
}

static void req_focus(struct tui *t, enum request r)
{
	focus_step(t, r == REQ_FOCUS_NEXT ? 1 : -1);
}

static void req_search(struct tui *t, enum request r)
{
	if (r == REQ_SEARCH_NEXT)
		action_prompt_search(t, "");
	else
		action_search(t);
}

static void req_save(struct tui *t, enum request r)
{
	(void)r;
	action_save(t);
}

static void req_quit(struct tui *t, enum request r)
{
	(void)r;
	action_quit(t);
}

static void req_undo(struct tui *t, enum request r)
{
	action_undo(t, r == REQ_REDO);
}

static void req_new(struct tui *t, enum request r)
{
	(void)r;
	action_new_cell(t);
}

static void req_link(struct tui *t, enum request r)
{
	(void)r;
	action_link(t);
}

static void req_help(struct tui *t, enum request r)
{
	(void)r;
	t->mode = MODE_HELP;
	t->help_top = 0;
}

static void req_zoom(struct tui *t, enum request r)
{
	memory_zoom(&t->views[VIEW_MEMORY], t, r == REQ_ZOOM_IN ? 1 : -1);
}

static void req_board(struct tui *t, enum request r)
{
	static const enum job_action jobs[REQ_COUNT] = {
		[REQ_BUILD] = JOB_BUILD, [REQ_PUSH] = JOB_PUSH, [REQ_START] = JOB_START,
		[REQ_STOP] = JOB_STOP, [REQ_STATUS] = JOB_STATUS,
	};

	action_board(t, jobs[r]);
}

static void req_redraw(struct tui *t, enum request r)
{
	(void)r;
	clearok(curscr, TRUE);
	tui_dirty_all(t);
}

static void req_suspend(struct tui *t, enum request r)
{
	(void)r;
	term_suspend(t);
}

#define REQUEST_HANDLER(name, keys, help, handler) [REQ_##name] = handler,
static request_fn *const handlers[REQ_COUNT] = { REQUESTS(REQUEST_HANDLER) };
#undef REQUEST_HANDLER

static void dispatch(struct tui *t, enum request r)
{
	if (r == REQ_NONE)
		return;
	t->msg[0] = '\0';
	if (job_running(t) && busy_request(t, r))
		return;
	if (t->carry.active && carry_request(t, r))
		return;
	if (handlers[r])
		handlers[r](t, r);
	else
		view_request(&t->views[t->focus], t, r);
}

static void help_key(struct tui *t, enum request r)
{
	switch (r) {
	case REQ_UP:
		if (t->help_top > 0)
			t->help_top--;
		return;
	case REQ_DOWN:
		t->help_top++;
		return;
	case REQ_PAGE_UP:
	case REQ_HOME:
		t->help_top = 0;
		return;
	case REQ_PAGE_DOWN:
	case REQ_END:
		/* Never past the last line, so that PgUp comes straight back. */
		t->help_top += 10;
		if (t->help_top > REQ_COUNT - 2)
			t->help_top = REQ_COUNT - 2;
		return;
	default:
		t->mode = MODE_NORMAL;
		tui_dirty_all(t);
		return;
	}
}

void tui_feed(struct tui *t, const struct event *ev)
{
	if (ev->type == EV_RESIZE) {
		tui_resize(t, ev->x, ev->y);
		return;
	}
	if (t->too_small) {
		if (ev->type == EV_KEY && keymap_request(ev) == REQ_QUIT && !project_modified(t->p))
			t->quit = true;
		return;
	}
	if (t->mode == MODE_PROMPT) {
		prompt_key(t, ev);
		return;
	}
	if (t->mode == MODE_HELP) {
		if (ev->type == EV_KEY)
			help_key(t, keymap_request(ev));
		return;
	}
	if (ev->type == EV_MOUSE)
		mouse_event(t, ev);
	else if (ev->type == EV_KEY)
		dispatch(t, keymap_request(ev));
}

int tui_run(struct tui *t)
{
	while (!t->quit) {
		struct event ev;

		job_poll(t);
		tui_frame(t);
		wtimeout(stdscr, job_running(t) ? JOB_POLL_MS : IDLE_POLL_MS);
		if (term_read(t, &ev))
			tui_feed(t, &ev);
	}
	return 0;
}
