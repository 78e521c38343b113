/*
 * Keys to requests. The bindings are read from requests.h, written in the
 * names scripts use, so that the help screen, the script reader and the
 * dispatcher cannot disagree.
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

struct request_info {
	const char *keys;        /* as keymap_parse names them, space-separated */
	const char *help;        /* N_() */
};

#define REQUEST_INFO(name, keys, help, handler) [REQ_##name] = { keys, help },
static const struct request_info requests[REQ_COUNT] = { REQUESTS(REQUEST_INFO) };
#undef REQUEST_INFO

/* Filled from requests.h once, at the first key. */
static struct binding bindings[REQ_COUNT * 4];
static size_t n_bindings;

static void bindings_load(void)
{
	for (int r = REQ_NONE + 1; r < REQ_COUNT; r++) {
		const char *k = requests[r].keys;

		while (*k) {
			char name[16];
			size_t len = strcspn(k, " ");
			struct event ev;

			snprintf(name, sizeof(name), "%.*s", (int)len, k);
			k += len + (k[len] == ' ');
			/* A typo in requests.h must not bind a key silently wrong. */
			if (!keymap_parse(name, &ev) || n_bindings == ARRAY_SIZE(bindings))
				abort();
			bindings[n_bindings++] = (struct binding){ ev.key, ev.fkey, (enum request)r };
		}
	}
}

enum request request_help_nth(size_t i)
{
	return i + 1 < REQ_COUNT ? (enum request)(i + 1) : REQ_NONE;
}

enum request keymap_request(const struct event *ev)
{
	int key = ev->key;
	bool fkey = ev->fkey;

	if (!n_bindings)
		bindings_load();
	/* Return and the keypad's Enter are Enter. */
	if ((!fkey && key == '\r') || (fkey && key == KEY_ENTER)) {
		key = '\n';
		fkey = false;
	}
	for (size_t i = 0; i < n_bindings; i++)
		if (bindings[i].key == key && bindings[i].fkey == fkey)
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

const char *request_keys(enum request r, char *buf, size_t len)
{
	snprintf(buf, len, "%s", r > REQ_NONE && r < REQ_COUNT ? requests[r].keys : "");
	return buf;
}

const char *request_help(enum request r)
{
	return r > REQ_NONE && r < REQ_COUNT ? _(requests[r].help) : "";
}
