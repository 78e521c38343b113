/*
 * Drawing primitives: text clipped by display width (so that translated and
 * UTF-8 names line up), colours that fall back to attributes on terminals
 * without colour or when NO_COLOR is set, and line drawing in Unicode, the
 * terminal's alternate character set, or plain ASCII for serial consoles.
 */
#include "config.h"

#include <curses.h>
#include <langinfo.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "model/util.h"
#include "model/validate.h"
#include "ui/ui.h"

static const short cell_colors[CELL_COLORS] = {
	COLOR_CYAN, COLOR_GREEN, COLOR_MAGENTA, COLOR_YELLOW, COLOR_BLUE, COLOR_WHITE,
};

enum { PAIR_TITLE = 1, PAIR_ERROR, PAIR_WARNING, PAIR_DROP, PAIR_STATUS, PAIR_CELL0 };

void draw_init(struct tui *t)
{
	const char *no_color = getenv("NO_COLOR");

	t->unicode = !t->opts.ascii && !strcmp(nl_langinfo(CODESET), "UTF-8");
	t->color = !t->opts.virtual_screen && has_colors() && !(no_color && *no_color);
	if (!t->color)
		return;
	start_color();
	use_default_colors();
	init_pair(PAIR_TITLE, COLOR_BLACK, COLOR_CYAN);
	init_pair(PAIR_ERROR, COLOR_RED, -1);
	init_pair(PAIR_WARNING, COLOR_YELLOW, -1);
	init_pair(PAIR_DROP, COLOR_BLACK, COLOR_GREEN);
	init_pair(PAIR_STATUS, COLOR_BLACK, COLOR_WHITE);
	for (int i = 0; i < CELL_COLORS; i++)
		init_pair((short)(PAIR_CELL0 + i), cell_colors[i], -1);
}

/* Each role has a colour and an attribute that carries the meaning without it. */
int draw_attr(const struct tui *t, enum color_role role)
{
	bool c = t->color;

	switch (role) {
	case COL_TITLE:
		return A_BOLD | A_UNDERLINE;
	case COL_TITLE_FOCUS:
		return A_REVERSE | A_BOLD;
	case COL_CURSOR:
		return A_REVERSE;
	case COL_ERROR:
		return c ? (int)(COLOR_PAIR(PAIR_ERROR) | A_BOLD) : A_BOLD;
	case COL_WARNING:
		return c ? (int)COLOR_PAIR(PAIR_WARNING) : A_NORMAL;
	case COL_DROP:
		return c ? (int)(COLOR_PAIR(PAIR_DROP) | A_BOLD) : A_REVERSE | A_UNDERLINE | A_BOLD;
	case COL_DIM:
		return A_DIM;
	case COL_STATUS:
		return c ? (int)COLOR_PAIR(PAIR_STATUS) : A_REVERSE;
	default:
		return A_NORMAL;
	}
}

int draw_cell_attr(const struct tui *t, size_t cell_index)
{
	if (!t->color || cell_index == 0)
		return A_NORMAL;
	return (int)COLOR_PAIR(PAIR_CELL0 + (int)((cell_index - 1) % CELL_COLORS));
}

int attr_severity(const struct tui *t, int sev)
{
	if (sev == SEV_ERROR)
		return draw_attr(t, COL_ERROR);
	if (sev == SEV_WARNING)
		return draw_attr(t, COL_WARNING);
	return A_NORMAL;
}

static const char *const glyphs[GL_COUNT][2] = {
	[GL_ERROR] = { "E", "\u2717" },
	[GL_WARNING] = { "W", "!" },
	[GL_FOLDED] = { "+", "\u25b8" },
	[GL_UNFOLDED] = { "-", "\u25be" },
	[GL_CARRY] = { ">", "\u25b6" },
	[GL_RUNNING] = { "*", "\u25cf" },
	[GL_STOPPED] = { "o", "\u25cb" },
	[GL_FOCUS] = { ">", "\u25b6" },
};

const char *glyph(const struct tui *t, enum glyph g)
{
	return glyphs[g][t->unicode];
}

const char *glyph_severity(const struct tui *t, int sev)
{
	if (sev == SEV_ERROR)
		return glyph(t, GL_ERROR);
	if (sev == SEV_WARNING)
		return glyph(t, GL_WARNING);
	return " ";
}

/* Decodes one character; invalid bytes show as '?' so that a broken name
 * cannot shift the columns after it. */
static size_t next_wchar(const char *s, mbstate_t *st, wchar_t *wc)
{
	size_t n = mbrtowc(wc, s, MB_CUR_MAX, st);

	if (n == (size_t)-1 || n == (size_t)-2) {
		memset(st, 0, sizeof(*st));
		*wc = L'?';
		return 1;
	}
	return n ? n : 1;
}

static int wchar_width(wchar_t wc)
{
	int w = wcwidth(wc);

	return w < 0 ? 1 : w;
}

int wtext_width(const wchar_t *s, size_t n)
{
	int w = 0;

	for (size_t i = 0; i < n && s[i]; i++)
		w += wchar_width(s[i]);
	return w;
}

int text_width(const char *s)
{
	mbstate_t st;
	int w = 0;

	memset(&st, 0, sizeof(st));
	while (*s) {
		wchar_t wc;

		s += next_wchar(s, &st, &wc);
		w += wchar_width(wc);
	}
	return w;
}

/* Added to every attribute while set: marks a whole row however its
 * columns are drawn. */
static int extra_attr;

void draw_set_extra(int attr)
{
	extra_attr = attr;
}

int draw_text(int y, int x, int w, int attr, bool pad, const char *s)
{
	mbstate_t st;
	int used = 0;

	/* Off the screen, curses would go on writing where the cursor was. */
	if (w <= 0 || move(y, x) == ERR)
		return 0;
	memset(&st, 0, sizeof(st));
	attrset(attr | extra_attr);
	while (*s) {
		wchar_t wc[2] = { 0, 0 };
		int cw;

		s += next_wchar(s, &st, &wc[0]);
		if (wc[0] < L' ')
			wc[0] = L'?';
		cw = wchar_width(wc[0]);
		if (used + cw > w)
			break;
		addnwstr(wc, 1);
		used += cw;
	}
	if (pad)
		for (; used < w; used++)
			addch(' ');
	attrset(A_NORMAL);
	return used;
}

int draw_textf(int y, int x, int w, int attr, bool pad, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	return draw_text(y, x, w, attr, pad, buf);
}

void draw_fill(int y, int x, int w, int attr)
{
	draw_text(y, x, w, attr, true, "");
}

static void draw_hline(const struct tui *t, int y, int x, int w, int attr)
{
	attrset(attr);
	if (t->unicode) {
		for (int i = 0; i < w; i++)
			mvaddwstr(y, x + i, L"\u2500");
	} else {
		mvhline(y, x, t->opts.ascii ? '-' : ACS_HLINE, w);
	}
	attrset(A_NORMAL);
}

void draw_vline(const struct tui *t, int y, int x, int h, int attr)
{
	attrset(attr);
	if (t->unicode) {
		for (int i = 0; i < h; i++)
			mvaddwstr(y + i, x, L"\u2502");
	} else {
		mvvline(y, x, t->opts.ascii ? '|' : ACS_VLINE, h);
	}
	attrset(A_NORMAL);
}

void draw_box(const struct tui *t, int y, int x, int h, int w, int attr)
{
	for (int i = 0; i < h; i++)
		draw_fill(y + i, x, w, attr);
	draw_hline(t, y, x, w, attr);
	draw_hline(t, y + h - 1, x, w, attr);
	draw_vline(t, y, x, h, attr);
	draw_vline(t, y, x + w - 1, h, attr);
	attrset(attr);
	if (t->unicode) {
		mvaddwstr(y, x, L"\u250c");
		mvaddwstr(y, x + w - 1, L"\u2510");
		mvaddwstr(y + h - 1, x, L"\u2514");
		mvaddwstr(y + h - 1, x + w - 1, L"\u2518");
	} else if (t->opts.ascii) {
		mvaddch(y, x, '+');
		mvaddch(y, x + w - 1, '+');
		mvaddch(y + h - 1, x, '+');
		mvaddch(y + h - 1, x + w - 1, '+');
	} else {
		mvaddch(y, x, ACS_ULCORNER);
		mvaddch(y, x + w - 1, ACS_URCORNER);
		mvaddch(y + h - 1, x, ACS_LLCORNER);
		mvaddch(y + h - 1, x + w - 1, ACS_LRCORNER);
	}
	attrset(A_NORMAL);
}
