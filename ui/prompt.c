/*
 * The one-line prompt on the status line (search, names, field values,
 * questions) and the help screen. Both are modes of the main loop rather
 * than loops of their own, so that script mode and resize work inside them.
 * A board action's questions are prompts too: an unknown host's key, in a
 * box that shows its fingerprint, and a password, never shown nor kept.
 */
#include "config.h"

#include <ctype.h>
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "po/i18n.h"
#include "model/util.h"
#include "ui/ui.h"

void prompt_open(struct tui *t, enum prompt_kind kind, const char *label, const char *initial)
{
	struct prompt *pr = &t->prompt;
	size_t n;

	pr->kind = kind;
	snprintf(pr->label, sizeof(pr->label), "%s", label);
	n = mbstowcs(pr->text, initial ? initial : "", ARRAY_SIZE(pr->text) - 1);
	pr->len = pr->pos = n == (size_t)-1 ? 0 : n;
	pr->text[pr->len] = L'\0';
	t->mode = MODE_PROMPT;
}

static bool is_question(enum prompt_kind k)
{
	return k == PROMPT_QUIT || k == PROMPT_DELETE_CELL || k == PROMPT_HOST;
}

static void prompt_finish(struct tui *t, bool accept)
{
	struct prompt *pr = &t->prompt;
	char answer[sizeof(pr->text)];
	size_t n = wcstombs(answer, pr->text, sizeof(answer) - 1);

	t->mode = MODE_NORMAL;
	tui_dirty_all(t);
	answer[n == (size_t)-1 ? 0 : n] = '\0';
	if (accept)
		action_prompt_done(t, answer);
	else if (pr->kind == PROMPT_HOST || pr->kind == PROMPT_PASSWORD)
		job_answer(t, false, NULL);    /* the link waits for an answer: no */
	if (pr->kind == PROMPT_PASSWORD) {
		explicit_bzero(answer, sizeof(answer));
		explicit_bzero(pr->text, sizeof(pr->text));
		pr->len = pr->pos = 0;
	}
}

void prompt_key(struct tui *t, const struct event *ev)
{
	struct prompt *pr = &t->prompt;

	if (ev->type != EV_KEY)
		return;
	/* C-c, as everywhere during a board action, cancels it. */
	if ((pr->kind == PROMPT_HOST || pr->kind == PROMPT_PASSWORD) && !ev->fkey &&
	    ev->key == 3) {
		job_cancel(t);
		return;
	}
	/* Questions take one letter. */
	if (is_question(pr->kind)) {
		if (ev->key == 27) {
			prompt_finish(t, false);
		} else if (!ev->fkey && ev->key < 128 && isalpha(ev->key)) {
			pr->text[0] = (wchar_t)tolower(ev->key);
			pr->text[1] = L'\0';
			pr->len = 1;
			prompt_finish(t, true);
		}
		return;
	}
	if (ev->fkey) {
		switch (ev->key) {
		case KEY_LEFT:
			if (pr->pos)
				pr->pos--;
			break;
		case KEY_RIGHT:
			if (pr->pos < pr->len)
				pr->pos++;
			break;
		case KEY_HOME:
			pr->pos = 0;
			break;
		case KEY_END:
			pr->pos = pr->len;
			break;
		case KEY_BACKSPACE:
			if (pr->pos) {
				wmemmove(pr->text + pr->pos - 1, pr->text + pr->pos,
					 pr->len - pr->pos + 1);
				pr->pos--;
				pr->len--;
			}
			break;
		case KEY_DC:
			if (pr->pos < pr->len) {
				wmemmove(pr->text + pr->pos, pr->text + pr->pos + 1,
					 pr->len - pr->pos);
				pr->len--;
			}
			break;
		case KEY_ENTER:
			prompt_finish(t, true);
			break;
		}
		return;
	}
	switch (ev->key) {
	case '\n':
	case '\r':
		prompt_finish(t, true);
		return;
	case 27:
	case 7:
		prompt_finish(t, false);
		return;
	case 8:
	case 127: {
		struct event bs = *ev;

		bs.fkey = true;
		bs.key = KEY_BACKSPACE;
		prompt_key(t, &bs);
		return;
	}
	case 21:   /* C-u: clear the line, as shells do */
		pr->len = pr->pos = 0;
		pr->text[0] = L'\0';
		return;
	}
	if (ev->key >= ' ' && iswprint((wint_t)ev->key) && pr->len + 1 < ARRAY_SIZE(pr->text)) {
		wmemmove(pr->text + pr->pos + 1, pr->text + pr->pos, pr->len - pr->pos + 1);
		pr->text[pr->pos++] = (wchar_t)ev->key;
		pr->len++;
	}
}

/* The unknown host's question, in a box: the fingerprint is what the user
 * compares with the board's own (ssh-keygen -lf on the board). */
static void host_draw(struct tui *t)
{
	const struct prompt *pr = &t->prompt;
	int w = t->cols - 4 > 76 ? 76 : t->cols - 4, h = 8;
	int y0 = (t->rows - h) / 2, x0 = (t->cols - w) / 2;

	for (int y = y0 + 1; y < y0 + h - 1; y++)
		draw_fill(y, x0 + 1, w - 2, A_NORMAL);
	draw_box(t, y0, x0, h, w, A_BOLD);
	draw_textf(y0, x0 + 2, w - 4, A_BOLD, false, " %s ", _("Unknown host"));
	draw_textf(y0 + 2, x0 + 2, w - 4, A_NORMAL, false,
		   _("%s is not in known_hosts. Its key's fingerprint:"), pr->host);
	draw_text(y0 + 3, x0 + 4, w - 6, A_BOLD, false, pr->fingerprint);
	draw_text(y0 + 5, x0 + 2, w - 4, A_NORMAL, false,
		  _("Trust it and remember it? (y)es, (n)o. Esc says no."));
}

void prompt_draw(struct tui *t)
{
	struct prompt *pr = &t->prompt;
	int y = t->rows - 1, col, room;
	wchar_t shown[ARRAY_SIZE(pr->text)];
	char text[sizeof(pr->text)];
	size_t n, start = 0;

	if (pr->kind == PROMPT_HOST)
		host_draw(t);

	col = draw_textf(y, 0, t->cols, draw_attr(t, COL_STATUS) | A_BOLD, false, "%s ",
			 pr->label);
	room = t->cols - col;
	/* One star per character of a password: how many, never what. */
	for (size_t i = 0; i <= pr->len; i++)
		shown[i] = i < pr->len && pr->kind == PROMPT_PASSWORD && !pr->echo ? L'*'
										   : pr->text[i];
	/* Text wider than the line scrolls, so that the cursor stays in view. */
	while (start < pr->pos && wtext_width(shown + start, pr->pos - start) >= room)
		start++;
	n = wcstombs(text, shown + start, sizeof(text) - 1);
	text[n == (size_t)-1 ? 0 : n] = '\0';
	draw_text(y, col, room, A_NORMAL, true, text);
	col += wtext_width(shown + start, pr->pos - start);
	explicit_bzero(text, sizeof(text));
	explicit_bzero(shown, sizeof(shown));
	if (col < t->cols)
		mvchgat(y, col, 1, A_REVERSE, 0, NULL);
}

/* The keys, from the same table the dispatcher uses; it scrolls with the
 * arrows when the terminal is short. */
void help_draw(struct tui *t)
{
	int w = t->cols - 4 > 90 ? 90 : t->cols - 4;
	int h = t->rows - 4;
	int y0 = 2, x0 = (t->cols - w) / 2, y = y0 + 1;

	draw_box(t, y0, x0, h, w, A_NORMAL);
	draw_textf(y0, x0 + 2, w - 4, A_BOLD, false, " %s ",
		   _("Keys (Esc closes). "
		     "The mouse drags regions, CPUs and interrupts onto cells."));
	if (t->help_top > REQ_COUNT - 2)
		t->help_top = REQ_COUNT - 2;
	for (size_t i = (size_t)t->help_top; request_help_nth(i) != REQ_NONE && y < y0 + h - 1;
	     i++) {
		enum request r = request_help_nth(i);
		char keys[96];

		request_keys(r, keys, sizeof(keys));
		draw_textf(y, x0 + 2, 14, A_BOLD, true, "%s", keys);
		draw_text(y++, x0 + 16, w - 18, A_NORMAL, true, request_help(r));
		if (y == y0 + h - 1 && request_help_nth(i + 1) != REQ_NONE)
			draw_textf(y, x0 + w - 20, 18, A_BOLD, false, " %s ", _("PgDn: more"));
	}
}

/* Yes in any of the catalogues' languages: y(es), j(a), s(ì). The prompts
 * say which letter their language wants; any of them is taken, so that a
 * German user in an English session is not refused. */
bool prompt_yes(const char *answer)
{
	return answer[0] && strchr("yYjJsS", answer[0]);
}
