/*
 * Script mode: events from a file instead of a terminal, and the screen
 * written out as text, for deterministic screen tests. A script line is one
 * of
 *     key NAME...          Down, Enter, Space, Tab, Esc, F2, C-r, q, ...
 *     text STRING          each character typed
 *     mouse ACTION X Y     press, drag, release, wheelup, wheeldown (0-based)
 *     resize COLS ROWS
 *     expect TEXT          the screen must show TEXT (else the script fails)
 *     expect-not TEXT      ... must not
 *     dump FILE            writes the screen as it is now
 * Blank lines and lines starting with # are ignored. A frame is drawn after
 * every event, as the terminal loop does. A board action an event starts is
 * waited for until it ends or asks a question, so that what a script
 * expects next never depends on timing.
 */
#include "config.h"

#include <curses.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "po/i18n.h"
#include "model/util.h"
#include "ui/ui.h"

/* One screen row as UTF-8, trailing blanks removed. */
static void screen_row(int y, int cols, char *out, size_t len)
{
	size_t used = 0, keep = 0;
	mbstate_t st;

	memset(&st, 0, sizeof(st));
	for (int x = 0; x < cols && used + MB_LEN_MAX + 1 < len; x++) {
		cchar_t cc;
		wchar_t wch[CCHARW_MAX + 1];
		attr_t attrs = 0;
		short pair;
		int w = 1;

		if (mvwin_wch(stdscr, y, x, &cc) == ERR ||
		    getcchar(&cc, wch, &attrs, &pair, NULL) == ERR || !wch[0])
			wch[0] = L' ';
		if (attrs & A_ALTCHARSET) {
			/* The alternate character set draws lines; text shows them plainly. */
			static const char acs_from[] = "qxlkmjtuvwn", acs_to[] = "-|+++++++++";
			const char *at = wch[0] < 128 ? strchr(acs_from, (int)wch[0]) : NULL;

			wch[0] = at ? (wchar_t)acs_to[at - acs_from] : L'#';
		} else if (wcwidth(wch[0]) == 2) {
			w = 2;
		}
		{
			size_t n = wcrtomb(out + used, wch[0], &st);

			if (n == (size_t)-1) {
				out[used] = '?';
				n = 1;
				memset(&st, 0, sizeof(st));
			}
			used += n;
		}
		if (wch[0] != L' ')
			keep = used;
		x += w - 1;
	}
	out[keep] = '\0';
}

int tui_dump(struct tui *t, const char *path, char *msg, size_t len)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "w") : stdout;
	char *line = xmalloc((size_t)t->cols * 8 + 16);

	if (!f) {
		snprintf(msg, len, _("%s: cannot write the screen: %s"), path, strerror(errno));
		free(line);
		return 2;
	}
	for (int y = 0; y < t->rows; y++) {
		screen_row(y, t->cols, line, (size_t)t->cols * 8 + 16);
		fprintf(f, "%s\n", line);
	}
	free(line);
	if (f != stdout ? fclose(f) : fflush(f)) {
		snprintf(msg, len, _("%s: cannot write the screen: %s"), path, strerror(errno));
		return 2;
	}
	return 0;
}

static bool tui_screen_has(struct tui *t, const char *text)
{
	char *line = xmalloc((size_t)t->cols * 8 + 16);
	bool found = false;

	for (int y = 0; y < t->rows && !found; y++) {
		screen_row(y, t->cols, line, (size_t)t->cols * 8 + 16);
		found = strstr(line, text) != NULL;
	}
	free(line);
	return found;
}

static const struct {
	const char *name;
	enum mouse_action action;
} mouse_actions[] = {
	{ "press", MOUSE_PRESS }, { "drag", MOUSE_DRAG }, { "release", MOUSE_RELEASE },
	{ "wheelup", MOUSE_WHEEL_UP }, { "wheeldown", MOUSE_WHEEL_DOWN },
};

static void feed(struct tui *t, const struct event *ev)
{
	tui_feed(t, ev);
	job_settle(t);
	tui_frame(t);
}

/* Runs one line; returns 0, 1 for a failed expectation, 2 for a bad line. */
static int script_line(struct tui *t, char *line, const char *path, unsigned lineno,
		       char *msg, size_t len)
{
	char *arg = line + strcspn(line, " \t");
	struct event ev;

	if (*arg)
		*arg++ = '\0';
	arg += strspn(arg, " \t");
	memset(&ev, 0, sizeof(ev));
	if (!strcmp(line, "key")) {
		char *save = NULL;

		for (char *k = strtok_r(arg, " \t", &save); k; k = strtok_r(NULL, " \t", &save)) {
			if (!keymap_parse(k, &ev)) {
				snprintf(msg, len, _("%s:%u: unknown key \"%s\""), path, lineno, k);
				return 2;
			}
			feed(t, &ev);
		}
	} else if (!strcmp(line, "text")) {
		mbstate_t st;
		wchar_t wc;
		size_t n;

		memset(&st, 0, sizeof(st));
		while (*arg && (n = mbrtowc(&wc, arg, strlen(arg), &st)) != (size_t)-1 &&
		       n != (size_t)-2 && n) {
			ev.type = EV_KEY;
			ev.key = (int)wc;
			feed(t, &ev);
			arg += n;
		}
	} else if (!strcmp(line, "mouse")) {
		char action[16];
		int x, y;
		size_t i;

		if (sscanf(arg, "%15s %d %d", action, &x, &y) != 3) {
			snprintf(msg, len, _("%s:%u: expected \"mouse ACTION X Y\""), path, lineno);
			return 2;
		}
		for (i = 0; i < ARRAY_SIZE(mouse_actions); i++)
			if (!strcmp(action, mouse_actions[i].name))
				break;
		if (i == ARRAY_SIZE(mouse_actions)) {
			snprintf(msg, len, _("%s:%u: unknown mouse action \"%s\""), path, lineno,
				 action);
			return 2;
		}
		ev.type = EV_MOUSE;
		ev.action = mouse_actions[i].action;
		ev.x = x;
		ev.y = y;
		feed(t, &ev);
	} else if (!strcmp(line, "resize")) {
		if (sscanf(arg, "%d %d", &ev.x, &ev.y) != 2 || ev.x < 1 || ev.y < 1 ||
		    ev.x > 1000 || ev.y > 1000) {
			snprintf(msg, len, _("%s:%u: expected \"resize COLS ROWS\""), path, lineno);
			return 2;
		}
		ev.type = EV_RESIZE;
		feed(t, &ev);
	} else if (!strcmp(line, "expect") || !strcmp(line, "expect-not")) {
		bool want = !strcmp(line, "expect");

		tui_frame(t);
		if (tui_screen_has(t, arg) != want) {
			snprintf(msg, len,
				 want ? _("%s:%u: the screen does not show \"%s\"")
				      : _("%s:%u: the screen shows \"%s\""),
				 path, lineno, arg);
			return 1;
		}
	} else if (!strcmp(line, "dump")) {
		tui_frame(t);
		return tui_dump(t, arg, msg, len);
	} else {
		snprintf(msg, len, _("%s:%u: unknown script command \"%s\""), path, lineno, line);
		return 2;
	}
	return 0;
}

int tui_script(struct tui *t, const char *path, char *msg, size_t len)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "r") : stdin;
	char *line = NULL;
	size_t cap = 0;
	unsigned lineno = 0;
	int rc = 0;

	if (!f) {
		snprintf(msg, len, _("%s: cannot read the script: %s"), path, strerror(errno));
		return 2;
	}
	tui_frame(t);
	while (!rc && !t->quit && getline(&line, &cap, f) != -1) {
		char *s = line;

		lineno++;
		s[strcspn(s, "\r\n")] = '\0';
		s += strspn(s, " \t");
		if (!*s || *s == '#')
			continue;
		rc = script_line(t, s, path, lineno, msg, len);
	}
	free(line);
	if (f != stdin)
		fclose(f);
	tui_frame(t);
	return rc;
}
