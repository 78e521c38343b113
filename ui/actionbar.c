/*
 * The action bar: a row of buttons for the requests that have no gesture
 * of their own (making a guest, editing, linking, saving), so that a
 * desktop user can build a configuration with the mouse, and a newcomer
 * sees the keys. Each button shows its request's first key from
 * requests.h; a click runs the request as the key would. The layout gives
 * it a row where there is room (from 140x36); at 80x24 the status line's
 * hint and the help list the keys instead.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "model/util.h"
#include "po/i18n.h"
#include "ui/ui.h"

static const struct {
	enum request req;
	const char *label;       /* N_() */
} buttons[] = {
	{ REQ_NEW, N_("New guest") }, { REQ_EDIT, N_("Edit") }, { REQ_LINK, N_("Link") },
	{ REQ_DELETE, N_("Delete") }, { REQ_SEARCH, N_("Search") }, { REQ_UNDO, N_("Undo") },
	{ REQ_REDO, N_("Redo") }, { REQ_SAVE, N_("Save") }, { REQ_BUILD, N_("Build") },
	{ REQ_PUSH, N_("Push") }, { REQ_START, N_("Start") }, { REQ_STOP, N_("Stop") },
	{ REQ_HELP, N_("Help") }, { REQ_QUIT, N_("Quit") },
};

/* "n New guest": the first key of the request and the label. */
static void button_text(size_t i, char *buf, size_t len)
{
	char keys[64];

	request_keys(buttons[i].req, keys, sizeof(keys));
	keys[strcspn(keys, " ")] = '\0';
	snprintf(buf, len, "%s %s", keys, _(buttons[i].label));
}

/* The button at screen column x, or with x = -(i + 1) button i, and the
 * columns it takes; past the table when there is none (or it does not fit). */
static size_t buttons_walk(const struct tui *t, int *x0, int *x1, int x)
{
	int col = 1;

	for (size_t i = 0; i < ARRAY_SIZE(buttons); i++) {
		char text[96];
		int w;

		button_text(i, text, sizeof(text));
		w = text_width(text);
		if (col + w > t->cols)
			break;
		if (x < 0 ? (int)i == -x - 1 : x >= col && x < col + w) {
			*x0 = col;
			*x1 = col + w;
			return i;
		}
		col += w + 2;
	}
	return ARRAY_SIZE(buttons);
}

void actionbar_draw(struct tui *t, int y)
{
	int x0, x1;

	draw_fill(y, 0, t->cols, 0);
	for (size_t i = 0; i < ARRAY_SIZE(buttons); i++) {
		char text[96];

		if (buttons_walk(t, &x0, &x1, -(int)i - 1) != i)
			break;
		button_text(i, text, sizeof(text));
		/* The key stands out, as in the help; vt100s show bold. */
		draw_text(y, x0, x1 - x0, draw_attr(t, COL_STATUS), false, text);
		draw_text(y, x0, (int)strcspn(text, " "), draw_attr(t, COL_STATUS) | A_BOLD, false,
			  text);
	}
}

enum request actionbar_at(const struct tui *t, int x)
{
	int x0, x1;
	size_t i = buttons_walk(t, &x0, &x1, x);

	return i < ARRAY_SIZE(buttons) ? buttons[i].req : REQ_NONE;
}
