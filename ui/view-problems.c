/*
 * The problems: the validator's live diagnostics, errors first. Enter jumps
 * to the region or cell a problem is about.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>

#include "po/i18n.h"
#include "model/validate.h"
#include "ui/ui.h"

static const struct diag *diags(const struct tui *t, size_t *n)
{
	*n = 0;
	return t->p->validator ? validator_diags(t->p->validator, n) : NULL;
}

static void problems_update(struct view *v, struct tui *t)
{
	diags(t, &v->n_rows);
}

static void problems_draw_header(struct view *v, struct tui *t, int y, int x, int w)
{
	if (!v->n_rows)
		draw_text(y, x, w, A_NORMAL, false, _("none"));
}

static void problems_draw_row(struct view *v, struct tui *t, size_t row, int y, int x, int w,
			      bool cursor)
{
	size_t n;
	const struct diag *d = &diags(t, &n)[row];
	int attr = cursor ? draw_attr(t, COL_CURSOR) : 0;
	int col = x;

	col += draw_text(y, col, 1, attr | attr_severity(t, (int)d->severity), true,
			 glyph_severity(t, (int)d->severity));
	col += draw_textf(y, col, x + w - col, attr, false, " %s: ", diag_code_name(d->code));
	draw_text(y, col, x + w - col, attr, true, d->message ? d->message : "");
}

/* A diagnostic is about a region when it names one, else about its cell. */
static bool diag_target(const struct diag *d, struct selection *s)
{
	if (d->region != DIAG_NONE && d->cell != DIAG_NONE) {
		s->kind = SEL_CELL_REGION;
		s->id = d->region;
		s->cell = d->cell;
		return true;
	}
	if (d->cell != DIAG_NONE) {
		s->kind = SEL_CELL;
		s->id = s->cell = d->cell;
		return true;
	}
	return false;
}

static bool problems_select(struct view *v, struct tui *t, size_t row, struct selection *s)
{
	if (row >= v->n_rows)
		return false;
	s->kind = SEL_DIAG;
	s->id = (uint32_t)row;
	return true;
}

static bool problems_request(struct view *v, struct tui *t, enum request r)
{
	size_t n;
	const struct diag *d = diags(t, &n);
	struct selection s;

	if ((r != REQ_ENTER && r != REQ_PICK) || v->cursor >= n)
		return false;
	if (diag_target(&d[v->cursor], &s))
		action_jump(t, &s);
	else
		tui_message(t, -1, _("This problem concerns the whole system, not one object."));
	return true;
}

const struct view_ops problems_view_ops = {
	.title = N_("Problems"),
	.update = problems_update,
	.draw_header = problems_draw_header,
	.draw_row = problems_draw_row,
	.request = problems_request,
	.select = problems_select,
};
