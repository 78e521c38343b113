/*
 * The terminal: curses set-up on the user's terminal or on a virtual screen,
 * mouse reporting, suspend and resume, and reading input as events.
 *
 * Mouse reporting asks for button-motion (1002) and SGR coordinates (1006)
 * whatever TERM says, because tmux and modern terminals support them while
 * their terminfo entries often describe only the old X10 protocol. curses
 * decodes SGR reports when the entry says kmous=\E[<; otherwise they arrive
 * as plain characters and are decoded here.
 */
#include "config.h"

#include <curses.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <unistd.h>

#include "po/i18n.h"
#include "ui/ui.h"

#define MOUSE_ON "\033[?1002h\033[?1006h"
#define MOUSE_OFF "\033[?1006l\033[?1002l"

static volatile sig_atomic_t continued;

static void on_sigcont(int sig)
{
	(void)sig;
	continued = 1;
}

/* Terminals on a serial line (vt100, vt220) have no mouse; the Linux console
 * reports only through gpm, which is not what curses reads here. */
static bool terminal_has_mouse(void)
{
	const char *term = getenv("TERM");
	const char *kmous = tigetstr("kmous");

	if (!term || !strncmp(term, "linux", 5))
		return false;
	return kmous && kmous != (char *)-1 && *kmous;
}

static bool open_virtual(struct tui *t, char *err, size_t len)
{
	static const char *const terms[] = { "xterm-256color", "xterm", "vt100", "dumb" };
	FILE *in = fopen("/dev/null", "r"), *out = fopen("/dev/null", "w");
	SCREEN *s = NULL;

	if (!in || !out) {
		snprintf(err, len, _("cannot open /dev/null: %s"), strerror(errno));
		if (in)
			fclose(in);
		if (out)
			fclose(out);
		return false;
	}
	for (size_t i = 0; !s && i < sizeof(terms) / sizeof(terms[0]); i++)
		s = newterm(terms[i], out, in);
	if (!s) {
		snprintf(err, len, "%s", _("no terminal description found for the virtual screen"));
		fclose(in);
		fclose(out);
		return false;
	}
	t->screen = s;
	t->dev_null_in = in;
	t->dev_null_out = out;
	resize_term(t->opts.rows, t->opts.cols);
	t->cols = t->opts.cols;
	t->rows = t->opts.rows;
	return true;
}

static void term_mouse_on(struct tui *t)
{
	if (!t->mouse)
		return;
	mousemask(ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION, NULL);
	mouseinterval(0);
	putp(MOUSE_ON);
	fflush(stdout);
}

static bool open_real(struct tui *t, char *err, size_t len)
{
	struct sigaction sa;
	SCREEN *s;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		snprintf(err, len, "%s",
			 _("the TUI needs a terminal; use --script FILE for a virtual screen"));
		return false;
	}
	s = newterm(NULL, stdout, stdin);
	if (!s) {
		snprintf(err, len, _("cannot use the terminal type \"%s\""),
			 getenv("TERM") ? getenv("TERM") : "");
		return false;
	}
	t->screen = s;
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	getmaxyx(stdscr, t->rows, t->cols);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_sigcont;
	sigaction(SIGCONT, &sa, NULL);
	/* Wake up now and then to notice a resume after an outside SIGSTOP. */
	wtimeout(stdscr, 500);
	t->mouse = terminal_has_mouse();
	term_mouse_on(t);
	return true;
}

bool term_open(struct tui *t, char *err, size_t len)
{
	if (!(t->opts.virtual_screen ? open_virtual(t, err, len) : open_real(t, err, len)))
		return false;
	draw_init(t);
	return true;
}

void term_close(struct tui *t)
{
	if (!t->screen)
		return;
	if (t->mouse) {
		putp(MOUSE_OFF);
		fflush(stdout);
	}
	endwin();
	delscreen(t->screen);
	t->screen = NULL;
	if (t->dev_null_in)
		fclose(t->dev_null_in);
	if (t->dev_null_out)
		fclose(t->dev_null_out);
	t->dev_null_in = t->dev_null_out = NULL;
}

void term_suspend(struct tui *t)
{
	if (t->opts.virtual_screen)
		return;
	/* putp goes through stdio: flush it before curses writes and we stop. */
	if (t->mouse) {
		putp(MOUSE_OFF);
		fflush(stdout);
	}
	endwin();
	raise(SIGSTOP);
	/* Back from the shell: curses restores its modes on refresh, ours here. */
	continued = 0;
	refresh();
	term_mouse_on(t);
	tui_dirty_all(t);
}

static int read_char(int timeout_ms, wint_t *wc)
{
	int rc;

	wtimeout(stdscr, timeout_ms);
	rc = wget_wch(stdscr, wc);
	wtimeout(stdscr, 500);
	return rc;
}

/* After ESC [ <: "b;x;yM" for a press or motion, "b;x;ym" for a release. */
static bool read_sgr(struct event *ev)
{
	int num[3] = { 0, 0, 0 }, k = 0;
	wint_t wc;

	for (;;) {
		if (read_char(50, &wc) != OK)
			return false;
		if (wc >= '0' && wc <= '9' && num[k] < 100000) {
			num[k] = num[k] * 10 + (int)(wc - '0');
		} else if (wc == ';' && k < 2) {
			k++;
		} else if ((wc == 'M' || wc == 'm') && k == 2) {
			break;
		} else {
			return false;
		}
	}
	ev->type = EV_MOUSE;
	ev->x = num[1] - 1;
	ev->y = num[2] - 1;
	if (num[0] & 64) {
		ev->action = num[0] & 1 ? MOUSE_WHEEL_DOWN : MOUSE_WHEEL_UP;
	} else if (wc == 'm') {
		ev->action = MOUSE_RELEASE;
	} else if (num[0] & 32) {
		ev->action = MOUSE_DRAG;
	} else if ((num[0] & 3) == 0) {
		ev->action = MOUSE_PRESS;
	} else {
		return false;   /* other buttons mean nothing here */
	}
	return true;
}

static bool from_curses_mouse(struct event *ev)
{
	MEVENT me;

	if (getmouse(&me) != OK)
		return false;
	ev->type = EV_MOUSE;
	ev->x = me.x;
	ev->y = me.y;
	if (me.bstate & BUTTON4_PRESSED)
		ev->action = MOUSE_WHEEL_UP;
#ifdef BUTTON5_PRESSED
	else if (me.bstate & BUTTON5_PRESSED)
		ev->action = MOUSE_WHEEL_DOWN;
#endif
	else if (me.bstate & BUTTON1_PRESSED)
		ev->action = MOUSE_PRESS;
	else if (me.bstate & BUTTON1_RELEASED)
		ev->action = MOUSE_RELEASE;
	else if (me.bstate & REPORT_MOUSE_POSITION)
		ev->action = MOUSE_DRAG;
	else
		return false;
	return true;
}

/* Waits for the next event; false when there is none (a timeout). */
bool term_read(struct tui *t, struct event *ev)
{
	wint_t wc;
	int rc;

	memset(ev, 0, sizeof(*ev));
	if (continued) {
		continued = 0;
		term_mouse_on(t);
		tui_dirty_all(t);
	}
	rc = wget_wch(stdscr, &wc);
	if (rc == ERR)
		return false;
	if (rc == KEY_CODE_YES) {
		if (wc == KEY_RESIZE) {
			ev->type = EV_RESIZE;
			getmaxyx(stdscr, ev->y, ev->x);
			return true;
		}
		if (wc == KEY_MOUSE)
			return from_curses_mouse(ev);
		ev->type = EV_KEY;
		ev->key = (int)wc;
		ev->fkey = true;
		return true;
	}
	if (wc == 27) {
		wint_t next;

		if (read_char(0, &next) != OK) {
			ev->type = EV_KEY;
			ev->key = 27;
			return true;
		}
		if (next == '[') {
			/* A CSI sequence curses did not know: an SGR mouse report, or
			 * a key this terminal type does not describe, dropped whole. */
			if (read_char(50, &next) == OK && next == '<')
				return read_sgr(ev);
			while (next < '@' || next > '~')
				if (read_char(50, &next) != OK)
					break;
			return false;
		}
		unget_wch(next);
		ev->type = EV_KEY;
		ev->key = 27;
		return true;
	}
	ev->type = EV_KEY;
	ev->key = (int)wc;
	return true;
}
