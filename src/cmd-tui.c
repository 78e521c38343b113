/*
 * autojail tui: the full-screen editor on the terminal, or, with --script,
 * on a virtual screen that a script of keys and mouse events drives and
 * that --dump-screen writes out as text (for tests and benchmarks).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "po/i18n.h"
#include "src/cmd.h"
#include "ui/tui.h"

struct tui_args {
	const char *script;
	const char *dump;
	int cols, rows;
	bool ascii;
};

static int parse_args(int argc, char **argv, struct tui_args *a)
{
	const struct cmd_entry *e = &cmd_tui_entry;

	memset(a, 0, sizeof(*a));
	a->cols = 80;
	a->rows = 24;
	a->ascii = gopt.ascii;
	for (int i = 1; i < argc; i++) {
		const char *o = argv[i];

		if (!strcmp(o, "--ascii")) {
			a->ascii = true;
		} else if ((!strcmp(o, "--script") || !strcmp(o, "--dump-screen") ||
			    !strcmp(o, "--size")) && i + 1 >= argc) {
			return cmd_usage_error(e, _("%s needs a value"), o);
		} else if (!strcmp(o, "--script")) {
			a->script = argv[++i];
		} else if (!strcmp(o, "--dump-screen")) {
			a->dump = argv[++i];
		} else if (!strcmp(o, "--size")) {
			char x;
			int end = 0;

			if (sscanf(argv[++i], "%d%c%d%n", &a->cols, &x, &a->rows, &end) != 3 ||
			    x != 'x' || argv[i][end] != '\0' || a->cols < 1 || a->rows < 1 || a->cols > 1000 || a->rows > 1000)
				return cmd_usage_error(
					e, _("--size wants COLSxROWS, e.g. 80x24, not \"%s\""),
					argv[i]);
		} else {
			return cmd_usage_error(e, _("unknown option \"%s\""), o);
		}
	}
	if (a->dump && !a->script)
		return cmd_usage_error(e, "%s", _("--dump-screen needs --script"));
	return EXIT_OK;
}

static int tui_exec(int argc, char **argv)
{
	struct tui_args a;
	struct tui_opts o;
	struct project p;
	struct tui *t;
	char msg[1024] = "";
	int rc;

	rc = parse_args(argc, argv, &a);
	if (rc != EXIT_OK)
		return rc;
	project_init(&p);
	rc = cmd_load_project(&p, true);
	if (rc != EXIT_OK) {
		project_free(&p);
		return rc;
	}
	memset(&o, 0, sizeof(o));
	o.virtual_screen = a.script != NULL;
	o.cols = a.cols;
	o.rows = a.rows;
	o.ascii = a.ascii;
	o.save = tui_save_project;
	t = tui_open(&p, &o, msg, sizeof(msg));
	if (!t) {
		fprintf(stderr, "autojail tui: %s\n", msg);
		project_free(&p);
		return EXIT_USAGE;
	}
	if (a.script) {
		rc = tui_script(t, a.script, msg, sizeof(msg));
		if (a.dump && rc != 2) {
			char dmsg[512] = "";

			if (tui_dump(t, a.dump, dmsg, sizeof(dmsg))) {
				fprintf(stderr, "autojail tui: %s\n", dmsg);
				rc = 2;
			}
		}
	} else {
		rc = tui_run(t);
	}
	tui_close(t);
	if (rc && msg[0])
		fprintf(stderr, "autojail tui: %s\n", msg);
	project_free(&p);
	return rc == 2 ? EXIT_USAGE : rc ? EXIT_PROBLEMS : EXIT_OK;
}

const struct cmd_entry cmd_tui_entry = {
	.name = "tui",
	.args = N_("[--ascii] [--script FILE [--dump-screen OUT] [--size COLSxROWS]]"),
	.summary = N_("the full-screen editor (what autojail runs on a terminal "
		      "without arguments)"),
	.help = N_("  --ascii              plain ASCII lines and marks, for serial consoles\n"
		   "  --script FILE        read keys and mouse events from FILE (- for stdin)\n"
		   "                       and draw on a virtual screen; no terminal needed\n"
		   "  --dump-screen OUT    write the final screen as text to OUT (- for stdout)\n"
		   "  --size COLSxROWS     size of the virtual screen (default 80x24)\n"
		   "Press ? in the editor for its keys. Board actions (b build, p push,\n"
		   "x start, X stop, r status) run inside the editor with their steps in\n"
		   "the board pane; Esc cancels one when the step under way ends (a start\n"
		   "script on the board runs to its end, undoing itself only on failure).\n"
		   "An unknown board's host key is shown for a yes or no; passwords are\n"
		   "asked for and never kept. Exit status with --script: 0 done,\n"
		   "1 an expect line failed, 2 usage error or malformed script."),
	.exec = tui_exec,
};
