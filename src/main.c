/*
 * autojail: global options, then one command from the table in src/cmd.c.
 * Started with no command on a terminal it opens the TUI.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "po/i18n.h"
#include "model/util.h"
#include "src/cmd.h"
#include "src/datadir.h"

static void print_version(void)
{
	printf("autojail %s\n", PACKAGE_VERSION);
	printf(_("Configuration revisions written: 14 (upstream Jailhouse), 9 (Jailhouse v0.9.1)\n"));
}

static void print_help(void)
{
	printf(_("Usage: autojail [-C DIR] [COMMAND [ARGS...]]\n"
		 "Turns a Linux board's data into Jailhouse cell configurations.\n"
		 "Without a command on a terminal, opens the full-screen editor.\n\n"));
	printf(_("Options:\n"
		 "  -C DIR         work on the project in DIR (default: the current directory)\n"
		 "  -q, --quiet    print only errors\n"
		 "  --ascii        draw lines with ASCII characters (serial terminals)\n"
		 "  -h, --help     show this help; COMMAND --help shows a command's\n"
		 "  -V, --version  show the version\n\n"));
	printf(_("Commands:\n"));
	for (size_t i = 0; cmd_table[i]; i++)
		if (!cmd_table[i]->hidden)
			printf("  %-10s %s\n", cmd_table[i]->name, _(cmd_table[i]->summary));
}

/*
 * The user's locale. A fresh system often has no definition of the UTF-8
 * locale the user names (Debian generates none but C.UTF-8), and setlocale
 * then leaves the program in "C", where gettext translates nothing. The
 * messages are still wanted: in C.UTF-8 gettext follows LANGUAGE, so the
 * language the locale's name gives goes there unless the user set one.
 */
static void set_locale(void)
{
	const char *names[] = { "LC_ALL", "LC_MESSAGES", "LANG" }, *name = NULL;
	char lang[32];

	if (setlocale(LC_ALL, ""))
		return;
	for (size_t i = 0; i < ARRAY_SIZE(names) && !name; i++) {
		name = getenv(names[i]);
		if (name && !*name)
			name = NULL;
	}
	if (!name || !(strcasestr(name, ".utf-8") || strcasestr(name, ".utf8")) ||
	    !setlocale(LC_ALL, "C.UTF-8"))
		return;
	snprintf(lang, sizeof(lang), "%.*s", (int)strcspn(name, ".@"), name);
	setenv("LANGUAGE", lang, 0);
}

int main(int argc, char **argv)
{
	const struct cmd_entry *e;
	int i;

	set_locale();
#if ENABLE_NLS
	bindtextdomain(PACKAGE, datadir_locale());
	textdomain(PACKAGE);
#endif

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		const char *a = argv[i];

		if (strcmp(a, "-C") == 0 && i + 1 < argc) {
			gopt.project_dir = argv[++i];
		} else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
			gopt.quiet = true;
		} else if (strcmp(a, "--ascii") == 0) {
			gopt.ascii = true;
		} else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			print_help();
			return EXIT_OK;
		} else if (strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0) {
			print_version();
			return EXIT_OK;
		} else {
			fprintf(stderr, _("autojail: unknown option '%s'\n"), a);
			fprintf(stderr, _("Try 'autojail --help'.\n"));
			return EXIT_USAGE;
		}
	}

	if (i == argc) {
		e = cmd_find("tui");
		if (e && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) {
			char *tui_argv[] = { (char *)"tui", NULL };

			return e->exec(1, tui_argv);
		}
		print_help();
		return EXIT_USAGE;
	}

	e = cmd_find(argv[i]);
	if (!e) {
		fprintf(stderr, _("autojail: unknown command '%s'\n"), argv[i]);
		fprintf(stderr, _("Try 'autojail --help'.\n"));
		return EXIT_USAGE;
	}
	if (cmd_wants_help(e, argc - i, argv + i))
		return EXIT_OK;
	return e->exec(argc - i, argv + i);
}
