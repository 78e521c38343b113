/*
 * What requests do to the project. Every change goes through model/ops.h:
 * a refused operation changes nothing and its reason goes to the status
 * line; one that is carried out but leaves an error is marked with the
 * validator's words for it.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "po/i18n.h"
#include "model/ops.h"
#include "model/util.h"
#include "ui/detail.h"

static struct view *focused(struct tui *t)
{
	return &t->views[t->focus];
}

void action_pick(struct tui *t)
{
	struct view *v = focused(t);
	struct carry c;

	memset(&c, 0, sizeof(c));
	if (!v->ops->pick || !v->n_rows || !v->ops->pick(v, t, v->cursor, &c)) {
		tui_message(t, -1, "%s",
			    _("Nothing to pick up here: choose a region, CPU or interrupt."));
		return;
	}
	c.active = true;
	c.origin_view = t->focus;
	t->carry = c;
	if (c.kind == SEL_CELL) {
		/* A cell has one place to go. */
		t->drop_switch = true;
		tui_focus(t, VIEW_SWITCH);
		return;
	}
	tui_focus(t, VIEW_CELLS);
	t->drop_cell = t->views[VIEW_CELLS].ops->drop_cell(&t->views[VIEW_CELLS], t,
							     t->views[VIEW_CELLS].cursor);
	t->views[VIEW_CELLS].dirty = true;
}

void action_cancel_carry(struct tui *t)
{
	int origin = t->carry.origin_view;

	if (!t->carry.active)
		return;
	t->carry.active = false;
	t->drop_cell = -1;
	t->drop_switch = false;
	t->views[VIEW_CELLS].dirty = true;
	t->views[VIEW_SWITCH].dirty = true;
	tui_focus(t, origin);
	tui_message(t, -1, "%s", _("Cancelled."));
}

/* The message of the first error the operation added, or NULL. */
static const char *errors_added(struct tui *t, struct diag_mark *before, uint32_t cell,
				uint32_t region)
{
	const struct diag *d;

	return diag_mark_added(before, t->p->validator, cell, region, &d, 1) ? d->message : NULL;
}

void action_drop(struct tui *t, uint32_t cell_id)
{
	struct project *p = t->p;
	struct carry c = t->carry;
	char why[OP_WHY_LEN] = "";
	uint32_t region = DIAG_NONE;
	const char *problem = NULL;
	struct diag_mark before;
	int rc = -1;

	t->carry.active = false;
	t->drop_cell = -1;
	diag_mark_take(&before, t->p->validator);
	switch (c.kind) {
	case SEL_BOARD_REGION:
		rc = op_assign(p, c.id, cell_id, false, &region, why);
		break;
	case SEL_CELL_REGION:
		rc = op_region_move(p, c.from_cell, c.id, cell_id, why);
		region = c.id;
		break;
	case SEL_CPU:
		rc = op_cpu_assign(p, c.id, cell_id, why);
		break;
	case SEL_IRQ:
		rc = op_irq_grant(p, cell_id, c.id, why);
		break;
	case SEL_CELL:
		snprintf(why, sizeof(why), "%s", _("a cell goes onto the switch, not into a cell"));
		break;
	default:
		snprintf(why, sizeof(why), "%s", _("Nothing was picked up."));
		break;
	}
	tui_focus(t, c.origin_view);
	tui_dirty_all(t);
	problem = errors_added(t, &before, cell_id, region);
	if (rc) {
		tui_message(t, SEV_ERROR, _("Refused: %s"),
			    why[0] ? why : _("the operation failed"));
		return;
	}
	if (problem)
		tui_message(t, SEV_ERROR, c.kind == SEL_CELL_REGION ? _("Moved %s to %s, but: %s")
				: _("Assigned %s to %s, but: %s"), c.label,
			    cell_name_by_id(t, cell_id), problem);
	else
		tui_message(t, -1, c.kind == SEL_CELL_REGION ? _("Moved %s to %s.")
				: _("Assigned %s to %s."), c.label, cell_name_by_id(t, cell_id));
}

void action_undo(struct tui *t, bool redo)
{
	char why[OP_WHY_LEN] = "";
	int rc = redo ? op_redo(t->p, why) : op_undo(t->p, why);

	if (rc)
		tui_message(t, -1, "%s",
			    why[0] ? why : redo ? _("Nothing to redo.") : _("Nothing to undo."));
	else
		tui_message(t, -1, "%s", redo ? _("Redone.") : _("Undone."));
	tui_dirty_all(t);
}

void action_save(struct tui *t)
{
	char report[sizeof(t->msg)] = "";

	if (!t->opts.save) {
		tui_message(t, SEV_ERROR, "%s", _("Saving is not available here."));
		return;
	}
	if (t->opts.save(t->p, report, sizeof(report)))
		tui_message(t, SEV_ERROR, "%s", report);
	else
		tui_message(t, -1, "%s", report);
	tui_dirty_all(t);
}

void action_quit(struct tui *t)
{
	if (project_modified(t->p) && t->opts.save)
		prompt_open(t, PROMPT_QUIT, _("Unsaved changes. Save them? (y)es, (n)o, (c)ancel:"),
			    NULL);
	else
		t->quit = true;
}

void action_new_cell(struct tui *t)
{
	prompt_open(t, PROMPT_NEW_CELL, _("Name of the new guest cell:"), NULL);
}

/* The cell the selection is in, or NULL. */
static const struct cell *selected_cell(const struct tui *t)
{
	const struct config *c = &t->p->config;

	switch (t->sel.kind) {
	case SEL_CELL:
		return config_cell_by_id(c, t->sel.id);
	case SEL_CELL_REGION:
		return config_cell_by_id(c, t->sel.cell);
	default:
		return NULL;
	}
}

void action_link(struct tui *t)
{
	const struct cell *cell = selected_cell(t), *peer = config_root(&t->p->config);
	char label[200], value[160];

	if (!cell) {
		tui_message(t, -1, "%s", _("Select a cell in the cells pane first: L links it."));
		return;
	}
	for (size_t i = 0; peer == cell && i < t->p->config.n_cells; i++)
		if (t->p->config.cells[i] != cell)
			peer = t->p->config.cells[i];
	snprintf(label, sizeof(label), _("Link %s with (cell, size, output size, protocol):"),
		 cell->name);
	snprintf(value, sizeof(value), "%s, 4 KiB, 4 KiB, undefined",
		 peer && peer != cell ? peer->name : "");
	prompt_open(t, PROMPT_LINK, label, value);
	t->prompt.target.kind = SEL_CELL;
	t->prompt.target.id = cell->id;
}

static void prompt_link(struct tui *t, const char *answer)
{
	const struct cell *cell = config_cell_by_id(&t->p->config, t->prompt.target.id);
	char why[OP_WHY_LEN] = "";

	if (!cell || !answer[0])
		return;
	if (detail_link_apply(t, cell->name, -1, answer, why))
		tui_message(t, SEV_ERROR, _("Refused: %s"), why);
	else
		tui_message(t, -1, _("%s is linked: its Details list the link (u undoes)."),
			    cell->name);
	tui_dirty_all(t);
}

void action_edit(struct tui *t)
{
	struct view *detail = &t->views[VIEW_DETAIL];
	char value[256], prompt[96];
	const char *label;

	if (t->focus != VIEW_DETAIL) {
		if (t->sel.kind == SEL_BOARD_REGION) {
			uint32_t cell;
			const struct cell_region *r = facts_region_use(t, t->sel.id, &cell);

			if (!r) {
				tui_message(t, -1, "%s",
					    _("No cell holds this region: "
					      "pick it up and drop it on a cell first."));
				return;
			}
			t->sel.kind = SEL_CELL_REGION;
			t->sel.id = r->id;
			t->sel.cell = cell;
		}
		tui_focus(t, VIEW_DETAIL);
		detail->ops->update(detail, t);
		view_set_cursor(detail, t, 0);
		return;
	}
	if (!detail_field_value(t, (int)detail->cursor, value, sizeof(value), &label)) {
		tui_message(t, -1, "%s", _("This field is read-only."));
		return;
	}
	snprintf(prompt, sizeof(prompt), _("%s:"), label);
	prompt_open(t, PROMPT_FIELD, prompt, value);
	t->prompt.field = (int)detail->cursor;
	t->prompt.target = t->sel;
}

static void delete_selection(struct tui *t)
{
	struct project *p = t->p;
	const struct selection *s = &t->sel;
	char why[OP_WHY_LEN] = "";
	int rc = 1;

	switch (s->kind) {
	case SEL_CELL_REGION:
		rc = op_unassign(p, s->cell, s->id, why);
		break;
	case SEL_BOARD_REGION: {
		uint32_t cell;
		const struct cell_region *r = facts_region_use(t, s->id, &cell);

		if (r)
			rc = op_unassign(p, cell, r->id, why);
		break;
	}
	case SEL_CELL: {
		const struct cell *c = config_cell_by_id(&p->config, s->id);

		if (c) {
			char label[160];

			snprintf(label, sizeof(label), _("Delete the cell %s? (y)es, (n)o:"),
				 c->name);
			prompt_open(t, PROMPT_DELETE_CELL, label, NULL);
			t->prompt.target = *s;
			return;
		}
		break;
	}
	case SEL_IRQ:
	case SEL_CPU:
		for (size_t ci = 0; ci < p->config.n_cells; ci++) {
			const struct cell *c = p->config.cells[ci];

			if (c->root)
				continue;
			if (s->kind == SEL_IRQ && cell_has_irq(c, s->id)) {
				rc = op_irq_revoke(p, c->id, s->id, why);
				break;
			}
			if (s->kind == SEL_CPU && cell_has_cpu(c, s->id)) {
				rc = op_cell_set_cpus(p, c->id, c->cpus & ~(1ULL << s->id), why);
				break;
			}
		}
		break;
	default:
		break;
	}
	if (rc > 0)
		tui_message(t, -1, "%s", _("Nothing to delete: no guest cell holds this."));
	else if (rc < 0)
		tui_message(t, SEV_ERROR, _("Refused: %s"), why);
	else
		tui_message(t, -1, "%s", _("Deleted (u undoes)."));
	tui_dirty_all(t);
}

void action_delete(struct tui *t)
{
	delete_selection(t);
}

void action_search(struct tui *t)
{
	prompt_open(t, PROMPT_SEARCH, _("Search (name or address; Enter alone repeats):"), NULL);
}

/* An empty answer repeats the last search, finding the next match. */
void action_prompt_search(struct tui *t, const char *answer)
{
	if (answer[0])
		snprintf(t->search, sizeof(t->search), "%s", answer);
	if (!t->search[0]) {
		tui_message(t, -1, "%s", _("No search yet: / asks for one."));
		return;
	}
	if (memory_search(&t->views[VIEW_MEMORY], t, t->search))
		tui_focus(t, VIEW_MEMORY);
	else
		tui_message(t, -1, _("No region matches \"%s\"."), t->search);
}

void action_jump(struct tui *t, const struct selection *s)
{
	struct view *cells = &t->views[VIEW_CELLS], *mem = &t->views[VIEW_MEMORY];

	if (s->kind == SEL_CELL_REGION)
		mem->ops->find(mem, t, s);
	if (cells->ops->find(cells, t, s))
		tui_focus(t, VIEW_CELLS);
	else if (mem->ops->find(mem, t, s))
		tui_focus(t, VIEW_MEMORY);
}

void action_board(struct tui *t, enum job_action a)
{
	/* Actions work on the project as the editor holds it, saved or not. */
	if (job_begin(t, a) == 0 && t->views[VIEW_BOARD].shown)
		tui_focus(t, VIEW_BOARD);
}

void action_join_switch(struct tui *t, uint32_t cell_id)
{
	const char *name = cell_name_by_id(t, cell_id);
	char why[OP_WHY_LEN] = "", cell[128];
	struct diag_mark before;
	const char *problem;
	int origin = t->carry.origin_view;

	t->carry.active = false;
	t->drop_switch = false;
	t->drop_cell = -1;
	snprintf(cell, sizeof(cell), "%s", name ? name : "");
	diag_mark_take(&before, t->p->validator);
	if (op_network_join(t->p, cell, NULL, NULL, why)) {
		free(before.d);
		tui_message(t, SEV_ERROR, _("Refused: %s"), why);
	} else if ((problem = errors_added(t, &before, cell_id, DIAG_NONE)) != NULL) {
		tui_message(t, SEV_ERROR, _("%s joined the switch, but: %s"), cell, problem);
	} else {
		tui_message(t, -1, _("%s joined the switch (u undoes)."), cell);
	}
	/* The cell shows up last on the switch: the pane takes the focus there,
	 * where d would take it off again. */
	if (t->views[VIEW_SWITCH].shown) {
		struct view *sw = &t->views[VIEW_SWITCH];

		tui_focus(t, VIEW_SWITCH);
		sw->ops->update(sw, t);
		view_set_cursor(sw, t, sw->n_rows ? sw->n_rows - 1 : 0);
	} else {
		tui_focus(t, origin);
	}
	tui_dirty_all(t);
}

static void prompt_new_cell(struct tui *t, const char *name)
{
	char why[OP_WHY_LEN] = "";
	uint32_t id;
	struct selection s = { SEL_CELL, 0, 0 };

	if (op_guest_create(t->p, name, CELL_BARE, 1, 0, &id, why)) {
		tui_message(t, SEV_ERROR, _("Refused: %s"), why);
		return;
	}
	tui_dirty_all(t);
	tui_frame(t);
	s.id = s.cell = id;
	action_jump(t, &s);
	tui_message(t, -1, _("Guest %s made: e edits it, drop devices on it, L links it."), name);
}

void action_prompt_done(struct tui *t, const char *answer)
{
	char why[OP_WHY_LEN] = "";

	switch (t->prompt.kind) {
	case PROMPT_SEARCH:
		action_prompt_search(t, answer);
		return;
	case PROMPT_NEW_CELL:
		if (answer[0])
			prompt_new_cell(t, answer);
		return;
	case PROMPT_LINK:
		prompt_link(t, answer);
		return;
	case PROMPT_FIELD:
		if (memcmp(&t->sel, &t->prompt.target, sizeof(t->sel))) {
			tui_message(t, -1, "%s", _("The selection changed; nothing was edited."));
		} else {
			struct diag_mark before;
			const char *problem;
			int rc;

			diag_mark_take(&before, t->p->validator);
			rc = detail_field_apply(t, t->prompt.field, answer, why);
			problem = errors_added(t, &before, t->sel.cell,
					       t->sel.kind == SEL_CELL_REGION ? t->sel.id
									    : DIAG_NONE);
			if (rc)
				tui_message(t, SEV_ERROR, _("Refused: %s"), why);
			else if (problem)
				tui_message(t, SEV_ERROR, _("Changed, but: %s"), problem);
			else
				tui_message(t, -1, "%s", _("Changed."));
		}
		tui_dirty_all(t);
		return;
	case PROMPT_QUIT:
		if (prompt_yes(answer)) {
			action_save(t);
			t->quit = !project_modified(t->p);
		} else if (answer[0] == 'n') {
			t->quit = true;
		}
		return;
	case PROMPT_HOST:
		job_answer(t, prompt_yes(answer), NULL);
		return;
	case PROMPT_PASSWORD:
		job_answer(t, true, answer);
		return;
	case PROMPT_DELETE_CELL:
		if (!prompt_yes(answer))
			return;
		if (op_cell_delete(t->p, t->prompt.target.id, why))
			tui_message(t, SEV_ERROR, _("Refused: %s"), why);
		else
			tui_message(t, -1, "%s", _("Cell deleted (u undoes)."));
		t->sel.kind = SEL_NONE;
		tui_dirty_all(t);
		return;
	}
}
