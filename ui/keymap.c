/*
 * Keys to requests. One table binds every key, so that the help screen, the
 * script reader and the dispatcher agree; every function key has a letter
 * beside it for terminals (vt100, serial consoles) that do not send them.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "po/i18n.h"
#include "model/util.h"
#include "ui/ui.h"

#define CTRL(c) ((c) & 0x1f)

struct binding {
	int key;
	bool fkey;
	enum request req;
};

static const struct binding bindings[] = {
	{ KEY_UP, true, REQ_UP }, { 'k', false, REQ_UP },
	{ KEY_DOWN, true, REQ_DOWN }, { 'j', false, REQ_DOWN },
	{ KEY_LEFT, true, REQ_LEFT }, { 'h', false, REQ_LEFT },
	{ KEY_RIGHT, true, REQ_RIGHT }, { 'l', false, REQ_RIGHT },
	{ KEY_PPAGE, true, REQ_PAGE_UP }, { CTRL('b'), false, REQ_PAGE_UP },
	{ KEY_NPAGE, true, REQ_PAGE_DOWN }, { CTRL('f'), false, REQ_PAGE_DOWN },
	{ KEY_HOME, true, REQ_HOME }, { 'g', false, REQ_HOME },
	{ KEY_END, true, REQ_END }, { 'G', false, REQ_END },
	{ '\t', false, REQ_FOCUS_NEXT }, { KEY_BTAB, true, REQ_FOCUS_PREV },
	{ ' ', false, REQ_PICK },
	{ '\n', false, REQ_ENTER }, { '\r', false, REQ_ENTER }, { KEY_ENTER, true, REQ_ENTER },
	{ 27, false, REQ_CANCEL },
	{ 'z', false, REQ_FOLD },
	{ '/', false, REQ_SEARCH }, { KEY_F(3), true, REQ_SEARCH },
	{ '?', false, REQ_HELP }, { KEY_F(1), true, REQ_HELP },
	{ 's', false, REQ_SAVE }, { KEY_F(2), true, REQ_SAVE },
	{ 'q', false, REQ_QUIT }, { KEY_F(10), true, REQ_QUIT }, { CTRL('c'), false, REQ_QUIT },
	{ 'u', false, REQ_UNDO }, { CTRL('r'), false, REQ_REDO },
	{ 'n', false, REQ_NEW }, { KEY_F(7), true, REQ_NEW },
	{ 'e', false, REQ_EDIT }, { KEY_F(4), true, REQ_EDIT },
	{ 'd', false, REQ_DELETE }, { KEY_F(8), true, REQ_DELETE }, { KEY_DC, true, REQ_DELETE },
	{ 'b', false, REQ_BUILD }, { KEY_F(5), true, REQ_BUILD },
	{ 'p', false, REQ_PUSH }, { KEY_F(6), true, REQ_PUSH },
	{ 'x', false, REQ_START }, { KEY_F(9), true, REQ_START },
	{ 'X', false, REQ_STOP }, { KEY_F(11), true, REQ_STOP },
	{ 'r', false, REQ_STATUS }, { KEY_F(12), true, REQ_STATUS },
	{ CTRL('l'), false, REQ_REDRAW },
	{ CTRL('z'), false, REQ_SUSPEND },
};

/* What each request does, for the help screen, in the order it lists them. */
static const char *const request_texts[REQ_COUNT] = {
	[REQ_UP] = N_("move up"),
	[REQ_DOWN] = N_("move down"),
	[REQ_LEFT] = N_("fold the tree node, or go to its parent"),
	[REQ_RIGHT] = N_("unfold the tree node, or go to its first child"),
	[REQ_PAGE_UP] = N_("page up"),
	[REQ_PAGE_DOWN] = N_("page down"),
	[REQ_HOME] = N_("first row"),
	[REQ_END] = N_("last row"),
	[REQ_FOCUS_NEXT] = N_("next pane"),
	[REQ_FOCUS_PREV] = N_("previous pane"),
	[REQ_PICK] = N_("pick up a region, CPU, interrupt, or a cell for the switch"),
	[REQ_ENTER] = N_("pick up, drop, jump to a problem, edit a field"),
	[REQ_CANCEL] = N_("cancel a drag, prompt or board action; close board pane"),
	[REQ_FOLD] = N_("fold or unfold"),
	[REQ_SEARCH] = N_("search regions by name or address"),
	[REQ_HELP] = N_("this help"),
	[REQ_SAVE] = N_("save cells.yml and emit the configurations"),
	[REQ_QUIT] = N_("quit (asks when there are unsaved changes)"),
	[REQ_UNDO] = N_("undo"),
	[REQ_REDO] = N_("redo"),
	[REQ_NEW] = N_("new cell"),
	[REQ_EDIT] = N_("edit the selected cell, region or field"),
	[REQ_DELETE] = N_("unassign, revoke, delete a cell; take one off the switch"),
	[REQ_BUILD] = N_("build the cells into build/ (board pane shows the steps)"),
	[REQ_PUSH] = N_("build and push them to the board"),
	[REQ_START] = N_("build, push and start them on the board"),
	[REQ_STOP] = N_("stop the guest cells on the board"),
	[REQ_STATUS] = N_("read the board's state (hypervisor, cells, their states)"),
	[REQ_REDRAW] = N_("redraw the screen"),
	[REQ_SUSPEND] = N_("suspend to the shell"),
};

/* The help lists what people need first: picking up, dropping, saving. */
static const enum request help_order[] = {
	REQ_PICK, REQ_ENTER, REQ_CANCEL, REQ_FOCUS_NEXT, REQ_FOCUS_PREV, REQ_SEARCH,
	REQ_SAVE, REQ_QUIT, REQ_UNDO, REQ_REDO, REQ_NEW, REQ_EDIT, REQ_DELETE, REQ_HELP,
	REQ_UP, REQ_DOWN, REQ_LEFT, REQ_RIGHT, REQ_FOLD, REQ_PAGE_UP, REQ_PAGE_DOWN,
	REQ_HOME, REQ_END, REQ_BUILD, REQ_PUSH, REQ_START, REQ_STOP, REQ_STATUS, REQ_REDRAW,
	REQ_SUSPEND,
};

enum request request_help_nth(size_t i)
{
	return i < ARRAY_SIZE(help_order) ? help_order[i] : REQ_NONE;
}

enum request keymap_request(const struct event *ev)
{
	for (size_t i = 0; i < ARRAY_SIZE(bindings); i++)
		if (bindings[i].key == ev->key && bindings[i].fkey == ev->fkey)
			return bindings[i].req;
	return REQ_NONE;
}

/* Names of special keys, as scripts write them and the help shows them. */
static const struct {
	const char *name;
	int key;
	bool fkey;
} key_names[] = {
	{ "Up", KEY_UP, true }, { "Down", KEY_DOWN, true },
	{ "Left", KEY_LEFT, true }, { "Right", KEY_RIGHT, true },
	{ "PgUp", KEY_PPAGE, true }, { "PgDn", KEY_NPAGE, true },
	{ "Home", KEY_HOME, true }, { "End", KEY_END, true },
	{ "BTab", KEY_BTAB, true }, { "Delete", KEY_DC, true },
	{ "Backspace", KEY_BACKSPACE, true },
	{ "Enter", '\n', false }, { "Tab", '\t', false }, { "Space", ' ', false },
	{ "Esc", 27, false },
};

bool keymap_parse(const char *name, struct event *ev)
{
	memset(ev, 0, sizeof(*ev));
	ev->type = EV_KEY;
	for (size_t i = 0; i < ARRAY_SIZE(key_names); i++) {
		if (!strcasecmp(name, key_names[i].name)) {
			ev->key = key_names[i].key;
			ev->fkey = key_names[i].fkey;
			return true;
		}
	}
	if ((name[0] == 'F' || name[0] == 'f') && name[1] >= '1' && name[1] <= '9') {
		char *end;
		long n = strtol(name + 1, &end, 10);
		if (*end || n < 1 || n > 12)
			return false;
		ev->key = KEY_F((int)n);
		ev->fkey = true;
		return true;
	}
	if ((name[0] == 'C' || name[0] == 'c') && name[1] == '-' && name[2] && !name[3]) {
		ev->key = CTRL(name[2]);
		return true;
	}
	if (name[0] && !name[1]) {
		ev->key = (unsigned char)name[0];
		return true;
	}
	return false;
}

static void binding_name(const struct binding *b, char *buf, size_t len)
{
	for (size_t i = 0; i < ARRAY_SIZE(key_names); i++) {
		if (key_names[i].key == b->key && key_names[i].fkey == b->fkey) {
			snprintf(buf, len, "%s", key_names[i].name);
			return;
		}
	}
	if (b->fkey && b->key >= KEY_F(1) && b->key <= KEY_F(12))
		snprintf(buf, len, "F%d", b->key - KEY_F(0));
	else if (!b->fkey && b->key < 32)
		snprintf(buf, len, "C-%c", b->key + 'a' - 1);
	else if (b->fkey)
		snprintf(buf, len, "%s", keyname(b->key));
	else
		snprintf(buf, len, "%c", b->key);
}

const char *request_keys(enum request r, char *buf, size_t len)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < ARRAY_SIZE(bindings); i++) {
		char one[24];

		/* Enter is bound three ways; the help shows it once. */
		if (bindings[i].req != r || (r == REQ_ENTER && bindings[i].key != '\n'))
			continue;
		binding_name(&bindings[i], one, sizeof(one));
		/* A full buffer keeps what fits; nothing may point past its end. */
		if (used + 1 >= len)
			break;
		used += (size_t)snprintf(buf + used, len - used, "%s%s", used ? " " : "", one);
	}
	return buf;
}

const char *request_help(enum request r)
{
	return r < REQ_COUNT && request_texts[r] ? _(request_texts[r]) : "";
}
