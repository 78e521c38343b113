/*
 * What every view shares: a title line, optional header rows, a scrolled
 * list with a cursor, and the movement requests. A view's ops table adds
 * what its rows mean; this file never looks at the model.
 */
#include "config.h"

#include <curses.h>

#include "po/i18n.h"
#include "ui/ui.h"

static size_t view_body_rows(const struct view *v)
{
	int body = v->h - 1 - v->ops->header_rows;

	return body > 0 ? (size_t)body : 0;
}

/* Keeps the cursor inside the list and on screen. */
static void view_clamp(struct view *v)
{
	size_t body = view_body_rows(v);

	if (v->n_rows == 0) {
		v->cursor = v->top = 0;
		return;
	}
	if (v->cursor >= v->n_rows)
		v->cursor = v->n_rows - 1;
	if (v->cursor < v->top)
		v->top = v->cursor;
	if (body && v->cursor >= v->top + body)
		v->top = v->cursor - body + 1;
	if (body && v->top + body > v->n_rows)
		v->top = v->n_rows > body ? v->n_rows - body : 0;
}

void view_set_cursor(struct view *v, struct tui *t, size_t row)
{
	v->cursor = row;
	view_clamp(v);
	v->dirty = true;
	if (v == &t->views[t->focus])
		tui_selection_changed(t);
}

bool view_hit(struct view *v, struct tui *t, int y, int x, size_t *row)
{
	int first = v->y + 1 + v->ops->header_rows;

	if (y < first || v->top + (size_t)(y - first) >= v->n_rows)
		return false;
	*row = v->top + (size_t)(y - first);
	return true;
}

/* The wheel moves the window, and the cursor only as far as it must. */
void view_scroll(struct view *v, int delta)
{
	size_t body = view_body_rows(v);
	size_t max_top = v->n_rows > body ? v->n_rows - body : 0;

	if (delta < 0)
		v->top = v->top > (size_t)-delta ? v->top - (size_t)-delta : 0;
	else
		v->top = v->top + (size_t)delta < max_top ? v->top + (size_t)delta : max_top;
	if (v->cursor < v->top)
		v->cursor = v->top;
	if (body && v->cursor >= v->top + body)
		v->cursor = v->top + body - 1;
	v->dirty = true;
}

void view_draw(struct view *v, struct tui *t)
{
	bool focused = v == &t->views[t->focus];
	int title_attr = draw_attr(t, focused ? COL_TITLE_FOCUS : COL_TITLE);
	int used, hint = 0;
	size_t body = view_body_rows(v);

	if (!v->shown || v->h <= 0)
		return;
	view_clamp(v);
	/* The focused pane is told by a marker and a rule under its whole title
	 * line (underline, which vt100 has), not by reverse video alone. */
	if (focused)
		draw_set_extra(A_UNDERLINE | A_BOLD);
	used = draw_textf(v->y, v->x, v->w, title_attr, false, "%s%s ",
			  focused ? glyph(t, GL_FOCUS) : " ", _(v->ops->title));
	draw_fill(v->y, v->x + used, v->w - used, A_NORMAL);
	if (v->n_rows > body && body > 0) {
		/* A position hint at the end of the title line, where it costs no row. */
		char pos[32];

		snprintf(pos, sizeof(pos), " %zu/%zu ", v->cursor + 1, v->n_rows);
		hint = text_width(pos);
		draw_text(v->y, v->x + v->w - hint, hint, title_attr, false, pos);
	}
	if (v->ops->draw_header)
		v->ops->draw_header(v, t, v->y, v->x + used, v->w - used - hint);
	draw_set_extra(0);
	for (size_t i = 0; i < body; i++) {
		int y = v->y + 1 + v->ops->header_rows + (int)i;
		size_t row = v->top + i;

		/* The row the details show stays visible, underlined, when its
		 * pane loses the focus (to the details, or to a drag's target). */
		if (row < v->n_rows && !focused && row == v->cursor && v == &t->views[t->sel_view])
			draw_set_extra(A_UNDERLINE);
		if (row < v->n_rows)
			v->ops->draw_row(v, t, row, y, v->x, v->w, focused && row == v->cursor);
		else
			draw_fill(y, v->x, v->w, A_NORMAL);
		draw_set_extra(0);
	}
	v->dirty = false;
}

bool view_request(struct view *v, struct tui *t, enum request r)
{
	size_t body = view_body_rows(v);
	size_t page = body > 1 ? body - 1 : 1;

	if (v->ops->request && v->ops->request(v, t, r))
		return true;
	if (v->n_rows == 0)
		return false;
	switch (r) {
	case REQ_UP:
		if (v->cursor > 0)
			view_set_cursor(v, t, v->cursor - 1);
		return true;
	case REQ_DOWN:
		if (v->cursor + 1 < v->n_rows)
			view_set_cursor(v, t, v->cursor + 1);
		return true;
	case REQ_PAGE_UP:
		view_set_cursor(v, t, v->cursor > page ? v->cursor - page : 0);
		return true;
	case REQ_PAGE_DOWN:
		view_set_cursor(v, t, v->cursor + page);
		return true;
	case REQ_HOME:
		view_set_cursor(v, t, 0);
		return true;
	case REQ_END:
		view_set_cursor(v, t, v->n_rows - 1);
		return true;
	default:
		return false;
	}
}
