/* autojail unassign: takes a region out of a cell (the TUI's delete key). */
#include "config.h"

#include <stdio.h>

#include "po/i18n.h"
#include "model/ops.h"
#include "src/cmd.h"

static int unassign_exec(int argc, char **argv)
{
	struct cell_region *r = NULL;
	struct cell *cell = NULL;
	char why[OP_WHY_LEN];
	struct project p;
	int ret;

	if (argc != 3)
		return cmd_usage_error(&cmd_unassign_entry, _("expected a REGION and a CELL"));
	project_init(&p);
	ret = cmd_load_project(&p, false);
	if (ret != EXIT_OK)
		goto out;
	cell = config_find_cell(&p.config, argv[2]);
	if (cell)
		r = cell_find_region(cell, argv[1]);
	if (!cell) {
		fprintf(stderr, _("autojail unassign: there is no cell '%s'\n"), argv[2]);
		ret = EXIT_USAGE;
	} else if (!r) {
		fprintf(stderr, _("autojail unassign: cell '%s' has no region '%s'\n"), argv[2],
			argv[1]);
		ret = EXIT_USAGE;
	} else if (op_unassign(&p, cell->id, r->id, why) < 0) {
		fprintf(stderr, _("autojail unassign: %s\n"), why);
		ret = EXIT_PROBLEMS;
	} else {
		ret = cmd_save_project(&p);
	}
out:
	project_free(&p);
	return ret;
}

const struct cmd_entry cmd_unassign_entry = {
	.name = "unassign",
	.args = N_("REGION CELL"),
	.summary = N_("take a region out of a cell"),
	.help = N_("REGION is the region's name in the cell or its physical address.\n"
		   "The change is validated and saved to cells.yml."),
	.exec = unassign_exec,
};
