/*
 * autojail complete: the words bash completion offers
 * (completion/autojail.bash), from the program itself rather than from a
 * list in the script or YAML parsed in bash: the commands from the table;
 * a command's options, verbs and what each argument is from its synopsis
 * and help (the untranslated texts, so that a new option completes the
 * day it is documented); cell and region names from the project, loaded
 * as every command loads it.
 *
 *     autojail [-C DIR] complete -- WORD... CURRENT
 *
 * prints the candidates for CURRENT (which may be empty) after the words
 * typed before it, one a line, or "@files" where a file name goes. Not in
 * the command list: it is for the script.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "po/i18n.h"
#include "model/util.h"
#include "src/cmd.h"

#define MAX_WORDS 512
#define WORD_LEN 64

/* A synopsis or help text cut into words, with each word's nesting in [ ]. */
struct words {
	char w[MAX_WORDS][WORD_LEN];
	int depth[MAX_WORDS];
	size_t n;
};

/* What an argument placeholder stands for. */
enum arg_kind { ARG_NONE, ARG_CELL, ARG_REGION, ARG_BOARD_REGION, ARG_FILE, ARG_CHOICE };

static const struct {
	const char *word;
	enum arg_kind kind;
} placeholders[] = {
	{ "CELL", ARG_CELL }, { "TO-CELL", ARG_CELL }, { "REGION", ARG_REGION },
	{ "DEV", ARG_BOARD_REGION }, { "FILE", ARG_FILE }, { "FILE.cell", ARG_FILE },
	{ "DIR", ARG_FILE },
};

static const char *const global_options[] = {
	"-C", "-q", "--quiet", "--ascii", "-h", "--help", "-V", "--version",
};

static const char *current;
/* What was offered, so that an option the synopsis and the help both name
 * is offered once. */
static char offered[256][WORD_LEN];
static size_t n_offered;

static void offer(const char *word)
{
	if (!word || !word[0] || strncmp(word, current, strlen(current)))
		return;
	for (size_t i = 0; i < n_offered; i++)
		if (!strcmp(offered[i], word))
			return;
	if (n_offered < ARRAY_SIZE(offered))
		snprintf(offered[n_offered++], WORD_LEN, "%s", word);
	printf("%s\n", word);
}

/* Splits text at white space; a word's depth is the [ ] nesting it starts in. */
static void split(const char *text, size_t len, struct words *out)
{
	int depth = 0;
	size_t i = 0;

	out->n = 0;
	while (i < len && out->n < MAX_WORDS) {
		size_t start, k;

		while (i < len && isspace((unsigned char)text[i]))
			i++;
		if (i == len)
			break;
		for (start = i; i < len && !isspace((unsigned char)text[i]); i++)
			;
		snprintf(out->w[out->n], WORD_LEN, "%.*s", (int)(i - start), text + start);
		out->depth[out->n++] = depth;
		for (k = start; k < i; k++)
			depth += (text[k] == '[') - (text[k] == ']');
	}
}

/* The synopsis's alternatives are separated by a '|' beside white space
 * ("create NAME | rename NAME NEW"); one inside a word lists choices. */
static size_t alternative(const char *args, size_t index, struct words *out)
{
	const char *start = args;
	size_t n = 0;

	for (const char *c = args;; c++) {
		bool sep = *c == '|' && ((c > args && isspace((unsigned char)c[-1])) ||
					 isspace((unsigned char)c[1]));

		if (!*c || sep) {
			if (n++ == index) {
				split(start, (size_t)(c - start), out);
				return n;
			}
			if (!*c)
				return 0;
			start = c + 1;
		}
	}
}

/* A verb is the lower-case first word of an alternative: "cell create". */
static bool has_verbs(const struct cmd_entry *e)
{
	struct words a;

	return alternative(e->args, 0, &a) && a.n && islower((unsigned char)a.w[0][0]);
}

/* Whether word, one of a|b|c, is one of the choices. */
static bool choice_has(const char *choices, const char *word)
{
	size_t len = strlen(word);

	for (const char *c = choices; c; c = strchr(c, '|'), c = c ? c + 1 : NULL)
		if (!strncmp(c, word, len) && (c[len] == '|' || c[len] == '\0'))
			return true;
	return false;
}

static void offer_choices(const char *choices)
{
	char buf[WORD_LEN], *save = NULL;

	snprintf(buf, sizeof(buf), "%s", choices);
	for (char *t = strtok_r(buf, "|", &save); t; t = strtok_r(NULL, "|", &save))
		offer(t);
}

/* Trims the brackets and punctuation around a word of a synopsis or help. */
static char *bare(char *w)
{
	size_t n;

	while (*w == '[' || *w == '(')
		w++;
	n = strlen(w);
	while (n && strchr("]),;.", w[n - 1]) && !(n > 3 && !strcmp(w + n - 3, "...")))
		w[--n] = '\0';
	return w;
}

/* A placeholder is in capitals (DIR, SIZE, COLSxROWS), not a capitalized word. */
static bool is_placeholder(const char *w)
{
	return isupper((unsigned char)w[0]) && !islower((unsigned char)w[1]);
}

/* What the value of option opt is: *kind, with its choices in buf; false
 * when the option takes no value. Its first mention in the synopsis or the
 * help says. */
static bool option_value(const struct cmd_entry *e, const char *opt, enum arg_kind *kind,
			 char *buf)
{
	const char *texts[2] = { e->args, e->help };
	struct words t;

	for (size_t k = 0; k < 2; k++) {
		if (!texts[k])
			continue;
		split(texts[k], strlen(texts[k]), &t);
		for (size_t i = 0; i + 1 < t.n; i++) {
			char *next;

			if (strcmp(bare(t.w[i]), opt))
				continue;
			next = bare(t.w[i + 1]);
			if (strchr(next, '|')) {
				*kind = ARG_CHOICE;
				snprintf(buf, WORD_LEN, "%s", next);
				return true;
			}
			if (!is_placeholder(next))
				return false;
			*kind = ARG_NONE;
			for (size_t p = 0; p < ARRAY_SIZE(placeholders); p++)
				if (!strcmp(next, placeholders[p].word))
					*kind = placeholders[p].kind;
			return true;
		}
	}
	return false;
}

static void offer_options(const struct cmd_entry *e)
{
	const char *texts[2] = { e->args, e->help };
	struct words t;

	offer("--help");
	for (size_t k = 0; k < 2; k++) {
		if (!texts[k])
			continue;
		split(texts[k], strlen(texts[k]), &t);
		for (size_t i = 0; i < t.n; i++) {
			char *w = bare(t.w[i]);
			/* Short options only from the synopsis: help text quotes others' (sudo -n). */
			bool opt = (w[0] == '-' && w[1] == '-' && islower((unsigned char)w[2])) ||
				   (k == 0 && w[0] == '-' && islower((unsigned char)w[1]) && !w[2]);

			if (opt && strcmp(w, "--help"))
				offer(w);
		}
	}
}

/* The kind of the nth argument (after the verb) and the cell an earlier
 * CELL of the same alternative named, for REGION. */
static enum arg_kind argument(const struct cmd_entry *e, char **pos, size_t n_pos,
			      char *choices, const char **cell)
{
	struct words a;
	size_t index = 0, want = n_pos, seen = 0;
	const char *last = NULL;
	bool verbs = has_verbs(e);

	*cell = NULL;
	if (verbs) {
		while (alternative(e->args, index, &a) && a.n && !choice_has(a.w[0], pos[0]))
			index++;
		if (!a.n || !choice_has(a.w[0], pos[0]))
			return ARG_NONE;
	} else {
		alternative(e->args, 0, &a);
	}
	for (size_t i = verbs; i < a.n; i++) {
		char *w = a.w[i];
		bool repeated = strstr(w, "...") != NULL;

		/* Optional groups hold options, except a repeated argument: [CELL...];
		 * an option's value (--start ADDR) is no argument either. */
		if (w[0] == '-' && i + 1 < a.n &&
		    (is_placeholder(bare(a.w[i + 1])) || strchr(a.w[i + 1], '|')))
			i++;
		if (a.depth[i] > 0 || (w[0] == '[' && !repeated) || w[0] == '-')
			continue;
		w = bare(w);
		if (repeated)
			w[strcspn(w, ".")] = '\0';
		if (!strcmp(w, "CELL") && verbs + seen < n_pos && !*cell)
			*cell = pos[verbs + seen];
		last = w;
		if (verbs + seen++ == want || repeated)
			break;
		last = NULL;
	}
	if (!last)
		return ARG_NONE;
	if (strchr(last, '|')) {
		snprintf(choices, WORD_LEN, "%s", last);
		return ARG_CHOICE;
	}
	/* cell's NAME is a cell, except the one create makes. */
	if (!strcmp(last, "NAME") && !strcmp(e->name, "cell") && strcmp(pos[0], "create"))
		return ARG_CELL;
	for (size_t p = 0; p < ARRAY_SIZE(placeholders); p++)
		if (!strcmp(last, placeholders[p].word))
			return placeholders[p].kind == ARG_REGION && !*cell ? ARG_BOARD_REGION
									   : placeholders[p].kind;
	return ARG_NONE;
}

static void offer_names(enum arg_kind kind, const char *cell_name)
{
	struct project p;

	project_init(&p);
	if (cmd_load_project(&p, false) == EXIT_OK) {
		const struct cell *c = cell_name ? config_find_cell(&p.config, cell_name) : NULL;

		for (size_t i = 0; kind == ARG_CELL && i < p.config.n_cells; i++)
			offer(p.config.cells[i]->name);
		for (size_t i = 0; kind == ARG_REGION && c && i < c->n_regions; i++)
			offer(c->regions[i].name);
		for (size_t i = 0; kind == ARG_BOARD_REGION && i < p.board.n_regions; i++)
			offer(p.board.regions[i].name);
	}
	project_free(&p);
}

static void offer_kind(enum arg_kind kind, const char *choices, const char *cell)
{
	if (kind == ARG_FILE)
		printf("@files\n");
	else if (kind == ARG_CHOICE)
		offer_choices(choices);
	else if (kind != ARG_NONE)
		offer_names(kind, cell);
}

static int complete_exec(int argc, char **argv)
{
	const struct cmd_entry *e;
	char *pos[MAX_WORDS], choices[WORD_LEN] = "";
	enum arg_kind kind;
	const char *cell;
	size_t n_pos = 0;
	int first = argc > 1 && !strcmp(argv[1], "--") ? 2 : 1, last = argc - 1;

	if (last < first)
		return cmd_usage_error(&cmd_complete_entry, "%s", _("expected the words typed"));
	current = argv[last];
	if (last == first) {
		for (size_t i = 0; current[0] == '-' && i < ARRAY_SIZE(global_options); i++)
			offer(global_options[i]);
		for (size_t i = 0; current[0] != '-' && cmd_table[i]; i++)
			if (!cmd_table[i]->hidden)
				offer(cmd_table[i]->name);
		return EXIT_OK;
	}
	e = cmd_find(argv[first]);
	if (!e || e->hidden)
		return EXIT_OK;
	/* The words so far: options with their values, and the arguments. */
	for (int i = first + 1; i < last; i++) {
		if (argv[i][0] != '-') {
			if (n_pos < MAX_WORDS)
				pos[n_pos++] = argv[i];
		} else if (option_value(e, argv[i], &kind, choices) && i + 1 == last) {
			offer_kind(kind, choices, NULL);
			return EXIT_OK;
		} else if (option_value(e, argv[i], &kind, choices)) {
			i++;
		}
	}
	if (current[0] == '-') {
		offer_options(e);
		return EXIT_OK;
	}
	if (!n_pos && has_verbs(e)) {
		struct words a;

		for (size_t i = 0; alternative(e->args, i, &a); i++)
			if (a.n)
				offer_choices(a.w[0]);
		return EXIT_OK;
	}
	kind = argument(e, pos, n_pos, choices, &cell);
	offer_kind(kind, choices, cell);
	return EXIT_OK;
}

const struct cmd_entry cmd_complete_entry = {
	.name = "complete",
	.args = "-- WORD...",
	.summary = N_("the words bash completion offers"),
	.help = "",
	.hidden = true,
	.exec = complete_exec,
};
