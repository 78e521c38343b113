/*
 * autojail assign: gives a board region to a cell, as dragging it onto the
 * cell in the TUI does, and saves cells.yml.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "po/i18n.h"
#include "model/ops.h"
#include "model/units.h"
#include "src/cmd.h"

/* A region is named by board name, device-tree path, or an address inside it. */
static const struct board_region *find_region(const struct board *b, const char *what)
{
	uint64_t addr;

	if (parse_u64(what, &addr))
		return board_region_at(b, addr);
	return board_find_region(b, what);
}

static int assign_exec(int argc, char **argv)
{
	const char *args[2] = { NULL, NULL };
	const struct board_region *br;
	struct project p;
	struct cell *cell;
	struct diag_mark before = { NULL, 0 };
	char why[OP_WHY_LEN];
	bool shared = false;
	uint32_t region_id;
	int n = 0, ret;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--shared") == 0)
			shared = true;
		else if (argv[i][0] == '-' && argv[i][1])
			return cmd_usage_error(&cmd_assign_entry, _("unknown option '%s'"), argv[i]);
		else if (n < 2)
			args[n++] = argv[i];
		else
			return cmd_usage_error(&cmd_assign_entry, _("unexpected argument '%s'"), argv[i]);
	}
	if (n != 2)
		return cmd_usage_error(&cmd_assign_entry, _("expected a REGION and a CELL"));

	project_init(&p);
	ret = cmd_load_project(&p, false);
	if (ret != EXIT_OK)
		goto out;
	br = find_region(&p.board, args[0]);
	cell = config_find_cell(&p.config, args[1]);
	diag_mark_take(&before, p.validator);
	if (!br) {
		fprintf(stderr, _("autojail assign: the board has no region '%s'\n"), args[0]);
		ret = EXIT_USAGE;
	} else if (!cell) {
		fprintf(stderr, _("autojail assign: there is no cell '%s'\n"), args[1]);
		ret = EXIT_USAGE;
	} else if (op_assign(&p, br->id, cell->id, shared, &region_id, why) < 0) {
		fprintf(stderr, _("autojail assign: %s\n"), why);
		ret = EXIT_PROBLEMS;
	} else {
		if (!gopt.quiet)
			printf(_("Assigned %s (0x%llx, %llu bytes) to cell '%s'%s.\n"), br->name,
			       (unsigned long long)br->start, (unsigned long long)br->size,
			       cell->name, shared ? _(", shared with the root cell") : "");
		cmd_report_added(&p, &before, cell->id, region_id);
		ret = cmd_save_project(&p);
	}
out:
	free(before.d);
	project_free(&p);
	return ret;
}

const struct cmd_entry cmd_assign_entry = {
	.name = "assign",
	.args = N_("REGION CELL [--shared]"),
	.summary = N_("give a board region to a cell"),
	.help = N_("REGION is a board region's name, device-tree path, or an address in it.\n"
		   "  --shared   keep it usable by the root cell (ROOTSHARED)\n"
		   "Problems the assignment causes are listed; the change is saved to cells.yml."),
	.exec = assign_exec,
};
