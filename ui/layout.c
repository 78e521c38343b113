/*
 * The layout manager: where each pane goes for the terminal's size. At 80x24
 * the panes are stacked in three bands under the memory map; from 140x36
 * the memory map and the problems take the left and the other panes a
 * column on the right, above a row of buttons (actionbar.c). Below 80x24 only a notice is shown, and the panes
 * come back when the terminal grows again. The switch, when the project has
 * one, sits beside the problems; the board pane of a board action takes
 * the place of both, a little taller, until Esc closes it.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "po/i18n.h"
#include "model/validate.h"
#include "ui/ui.h"

#define MIN_COLS 80
#define MIN_ROWS 24
#define WIDE_COLS 140
#define WIDE_ROWS 36
/* Rows the board pane adds to the band it shares, for the board's cells. */
#define BOARD_EXTRA 4
/* Rows a message too long for the status line may take above it. */
#define MSG_MAX_ROWS 4

static void place(struct view *v, int y, int x, int h, int w)
{
	if (v->y != y || v->x != x || v->h != h || v->w != w)
		v->dirty = true;
	v->y = y;
	v->x = x;
	v->h = h;
	v->w = w;
	v->shown = h > 1 && w > 0;
}

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* The left part of the bottom band (x, w): the board pane, or the problems
 * with the switch beside them. */
static void place_band(struct tui *t, int y, int x, int h, int w)
{
	int sw = switch_shown(t) ? w / 2 : 0;

	if (t->progress.shown) {
		place(&t->views[VIEW_BOARD], y, x, h, w);
		place(&t->views[VIEW_PROBLEMS], 0, 0, 0, 0);
		place(&t->views[VIEW_SWITCH], 0, 0, 0, 0);
		return;
	}
	place(&t->views[VIEW_BOARD], 0, 0, 0, 0);
	place(&t->views[VIEW_PROBLEMS], y, x, h, sw ? w - sw - 1 : w);
	place(&t->views[VIEW_SWITCH], y, x + w - sw, sw ? h : 0, sw);
}

static void layout_normal(struct tui *t, int W, int H)
{
	int extra = H - MIN_ROWS;
	int hb = 5 + extra / 4 + (t->progress.shown ? BOARD_EXTRA : 0), hm = 7 + extra / 4;
	int hmem = H - 1 - hb - hm;
	int cw = W - 46, pw = switch_shown(t) || t->progress.shown ? W * 6 / 10 : W / 2;

	place(&t->views[VIEW_MEMORY], 0, 0, hmem, W);
	place(&t->views[VIEW_CELLS], hmem, 0, hm, cw);
	place(&t->views[VIEW_CPUS], hmem, cw + 1, hm, 19);
	place(&t->views[VIEW_IRQS], hmem, cw + 21, hm, W - cw - 21);
	place_band(t, hmem + hm, 0, hb, pw);
	place(&t->views[VIEW_DETAIL], hmem + hm, pw + 1, hb, W - pw - 1);
}

static void layout_wide(struct tui *t, int W, int H)
{
	int right = 63, left = W - right - 1;
	int hp = clamp(H / 5, 6, 14) + (t->progress.shown ? BOARD_EXTRA : 0), body = H - 2;
	int hc = body * 30 / 100;
	int hcpu = clamp((int)t->p->board.n_cpus + 1, 3, 12);
	/* Details gets a third: a Linux guest's settings are a dozen rows. */
	int hd = clamp(body / 3, 10, 18), hi = body - hc - hcpu - hd;

	place(&t->views[VIEW_MEMORY], 0, 0, body - hp, left);
	place_band(t, body - hp, 0, hp, left);
	place(&t->views[VIEW_CELLS], 0, left + 1, hc, right);
	place(&t->views[VIEW_CPUS], hc, left + 1, hcpu, right);
	place(&t->views[VIEW_IRQS], hc + hcpu, left + 1, hi, right);
	place(&t->views[VIEW_DETAIL], hc + hcpu + hi, left + 1, hd, right);
	t->bar_y = body;
}

void layout_apply(struct tui *t)
{
	t->too_small = t->cols < MIN_COLS || t->rows < MIN_ROWS;
	if (t->too_small)
		return;
	t->bar_y = -1;
	if (t->cols >= WIDE_COLS && t->rows >= WIDE_ROWS)
		layout_wide(t, t->cols, t->rows);
	else
		layout_normal(t, t->cols, t->rows);
	/* The focus never stays on a pane that went away. */
	if (!t->views[t->focus].shown)
		t->focus = t->progress.shown ? VIEW_BOARD : VIEW_CELLS;
	t->full_redraw = true;
}

/*
 * Word-wraps S into W columns from row Y and returns the rows it takes;
 * draws only when DRAW, so that text can be measured first: the too-small
 * notice is centred (a narrow terminal must still show the size it asks
 * for), a long message is put above the status line.
 */
static int wrap_text(int y, int w, int attr, bool draw, const char *s)
{
	char words[400], line[400] = "", *save = NULL;
	int rows = 0;

	snprintf(words, sizeof(words), "%s", s);
	for (char *word = strtok_r(words, " ", &save); word; word = strtok_r(NULL, " ", &save)) {
		if (line[0] && text_width(line) + 1 + text_width(word) > w) {
			if (draw)
				draw_text(y + rows, 0, w, attr, false, line);
			rows++;
			line[0] = '\0';
		}
		snprintf(line + strlen(line), sizeof(line) - strlen(line), "%s%s",
			 line[0] ? " " : "", word);
	}
	if (line[0] && draw)
		draw_text(y + rows, 0, w, attr, false, line);
	return rows + (line[0] != '\0');
}

/* Separators between panes that sit side by side, and the status line. */
bool layout_draw_frame(struct tui *t)
{
	const struct project *p = t->p;
	size_t errors = p->validator ? validator_count(p->validator, SEV_ERROR) : 0;
	size_t warnings = p->validator ? validator_count(p->validator, SEV_WARNING) : 0;
	const struct cell *drop = t->drop_cell >= 0
		? config_cell_by_id(&p->config, (uint32_t)t->drop_cell) : NULL;
	char right[160], left[400];
	int y = t->rows - 1, rw, rows, attr;
	bool covered = false;

	if (t->full_redraw) {
		if (t->bar_y >= 0)
			actionbar_draw(t, t->bar_y);
		for (int i = 0; i < VIEW_COUNT; i++) {
			const struct view *v = &t->views[i];

			if (v->shown && v->x > 0)
				draw_vline(t, v->y, v->x - 1, v->h, A_NORMAL);
		}
	}
	snprintf(right, sizeof(right), " %s%s %zu  %s %zu  %s ",
		 project_modified(p) ? _("[+] ") : "", _("errors"), errors, _("warnings"), warnings,
		 _("?:help"));
	if (t->carry.active && t->carry.kind == SEL_CELL)
		snprintf(left, sizeof(left), _(" %s %s: Enter puts it on the switch, Esc cancels"),
			 glyph(t, GL_CARRY), t->carry.label);
	else if (t->carry.active && drop)
		snprintf(left, sizeof(left),
			 _(" %s %s goes to %s: Enter drops it, Tab another cell, Esc cancels"),
			 glyph(t, GL_CARRY), t->carry.label, drop->name);
	else if (t->carry.active)
		snprintf(left, sizeof(left),
			 _(" %s %s: choose a cell, Enter drops it, Esc cancels"),
			 glyph(t, GL_CARRY), t->carry.label);
	else if (t->msg[0])
		snprintf(left, sizeof(left), " %s", t->msg);
	else
		facts_selection_text(t, left, sizeof(left));
	/* Until something is selected, the keys a newcomer needs. */
	if (!left[0])
		snprintf(left, sizeof(left), "%s",
			 _(" ?:help Tab:pane Space:pick up /:search s:save q:quit"));
	/* A long message wins over the words around the counts. */
	if (text_width(left) + text_width(right) > t->cols)
		snprintf(right, sizeof(right), " %s%s%zu %s%zu ?", project_modified(p) ? "[+] " : "",
			 glyph(t, GL_ERROR), errors, glyph(t, GL_WARNING), warnings);
	rw = text_width(right);
	attr = draw_attr(t, COL_STATUS) |
	       (t->msg[0] && !t->carry.active ? attr_severity(t, t->msg_sev) : 0);
	/* A message too long for the line takes the rows above it until the
	 * next key, which draws the panes there again. */
	if (t->msg[0] && !t->carry.active && text_width(left) > t->cols - rw &&
	    (rows = wrap_text(0, t->cols - rw, attr, false, left)) > 1) {
		rows = rows > MSG_MAX_ROWS ? MSG_MAX_ROWS : rows;
		for (int i = 0; i < rows; i++)
			draw_fill(y - rows + 1 + i, 0, t->cols, draw_attr(t, COL_STATUS));
		wrap_text(y - rows + 1, t->cols - rw, attr, true, left);
		covered = true;
	} else {
		draw_fill(y, 0, t->cols, draw_attr(t, COL_STATUS));
		draw_text(y, 0, t->cols - rw, attr, true, left);
	}
	draw_text(y, t->cols - rw, rw,
		  draw_attr(t, COL_STATUS) | (errors ? A_BOLD : 0), false, right);
	return covered;
}

void layout_draw_too_small(struct tui *t)
{
	char size[160];
	const char *lines[3] = { size, _("Enlarge the window, or press q to quit."),
				 _("There are unsaved changes: enlarge the window to save them.") };
	const int attrs[3] = { A_BOLD, A_NORMAL, A_NORMAL };
	size_t n = project_modified(t->p) ? 3 : 2;
	int rows = 0, y;

	erase();
	snprintf(size, sizeof(size), _("Terminal too small: %dx%d, autojail needs %dx%d."),
		 t->cols, t->rows, MIN_COLS, MIN_ROWS);
	for (size_t i = 0; i < n; i++)
		rows += wrap_text(0, t->cols, attrs[i], false, lines[i]);
	y = rows < t->rows ? (t->rows - rows) / 2 : 0;
	for (size_t i = 0; i < n; i++)
		y += wrap_text(y, t->cols, attrs[i], true, lines[i]);
}
