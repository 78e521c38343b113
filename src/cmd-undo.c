/*
 * autojail undo and autojail redo: step cells.yml back and forth through
 * the states saves kept (src/save-history.c). The editor's u and C-r step
 * through its own edits in memory; these step through saves, whoever made
 * them, so a script can take back what a command did.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "po/i18n.h"
#include "src/cmd.h"
#include "src/save-history.h"
#include "src/project-io.h"

/* Both commands, told apart by the name they were called by. */
static int step_exec(int argc, char **argv)
{
	bool redo = !strcmp(argv[0], "redo");
	const struct cmd_entry *e = redo ? &cmd_redo_entry : &cmd_undo_entry;
	struct project p;
	struct error err;
	size_t left;
	int ret;

	if (argc != 1)
		return cmd_usage_error(e, "%s", _("expected no arguments"));
	error_clear(&err);
	ret = save_history_step(gopt.project_dir, redo, &left, &err);
	if (ret < 0) {
		fprintf(stderr, "autojail %s: %s\n", e->name, err.text);
		return EXIT_PROBLEMS;
	}
	if (ret > 0) {
		fprintf(stderr, "autojail %s: %s\n", e->name,
			redo ? _("nothing to redo") : _("no saved change to undo"));
		return EXIT_PROBLEMS;
	}
	/* The state put back is loaded as any other, so that one the project
	 * cannot read is reported at once. */
	project_init(&p);
	ret = cmd_load_project(&p, true);
	if (ret == EXIT_OK && !gopt.quiet)
		printf(redo ? _("Redid the last undone save of %s (%zu more to redo).\n")
			    : _("Undid the last save of %s (%zu more to undo).\n"),
		       CELLS_FILE, left);
	project_free(&p);
	return ret;
}

const struct cmd_entry cmd_undo_entry = {
	.name = "undo",
	.args = "",
	.summary = N_("put cells.yml back as it was before the last save"),
	.help = N_("Every command and editor save that changes cells.yml keeps what it replaced\n"
		   "in .autojail-history/ (the last 100); undo steps back through them."),
	.exec = step_exec,
};

const struct cmd_entry cmd_redo_entry = {
	.name = "redo",
	.args = "",
	.summary = N_("take back the last undo"),
	.help = N_("Steps forward again through what undo took back, until the next save that\n"
		   "changes cells.yml."),
	.exec = step_exec,
};
