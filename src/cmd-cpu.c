/*
 * autojail cpu: gives CPUs to a cell, taking each from the guest that has
 * it, as dragging a CPU onto a cell in the editor does. (cell cpus sets a
 * cell's whole list instead.)
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "po/i18n.h"
#include "model/ops.h"
#include "model/units.h"
#include "src/cmd.h"

static int cpu_exec(int argc, char **argv)
{
	struct diag_mark before = { NULL, 0 };
	char why[OP_WHY_LEN], list[256];
	struct project p;
	struct cell *cell;
	uint64_t cpus;
	int ret;

	if (argc != 3)
		return cmd_usage_error(&cmd_cpu_entry, "%s", _("expected CPUs and a CELL"));
	if (!parse_cpu_list(argv[1], &cpus) || !cpus)
		return cmd_usage_error(&cmd_cpu_entry, _("'%s' is not a CPU list such as 0,3-5"),
				       argv[1]);

	project_init(&p);
	ret = cmd_load_project(&p, false);
	if (ret != EXIT_OK)
		goto out;
	cell = config_find_cell(&p.config, argv[2]);
	if (!cell) {
		fprintf(stderr, _("autojail cpu: there is no cell '%s'\n"), argv[2]);
		ret = EXIT_USAGE;
		goto out;
	}
	diag_mark_take(&before, p.validator);
	/* One step, as one drag is; a refusal saves nothing. A guest's cells
	 * are derived anew by each change, so the cell is looked up again. */
	op_group_begin(&p);
	for (unsigned i = 0; i < 64 && ret == EXIT_OK; i++) {
		if (!(cpus >> i & 1))
			continue;
		cell = config_find_cell(&p.config, argv[2]);
		if (!cell || op_cpu_assign(&p, i, cell->id, why) < 0) {
			fprintf(stderr, "autojail cpu: %s\n", cell ? why : argv[2]);
			ret = EXIT_PROBLEMS;
		}
	}
	op_group_end(&p);
	cell = config_find_cell(&p.config, argv[2]);
	if (ret != EXIT_OK || !cell)
		goto out;
	if (!gopt.quiet) {
		format_cpu_list(cell->cpus, list, sizeof(list));
		printf(_("Cell '%s' has CPUs %s now.\n"), cell->name, list);
	}
	cmd_report_added(&p, &before, cell->id, DIAG_NONE);
	ret = cmd_save_project(&p);
out:
	free(before.d);
	project_free(&p);
	return ret;
}

const struct cmd_entry cmd_cpu_entry = {
	.name = "cpu",
	.args = N_("CPUS CELL"),
	.summary = N_("give CPUs to a cell, taking them from the guest that has them"),
	.help = N_("CPUS is a list such as 2 or 1,3-5. A guest that has one of them loses it;\n"
		   "the root cell keeps its CPUs, Jailhouse takes them when the guest starts.\n"
		   "Problems the change causes are listed; it is saved to cells.yml."),
	.exec = cpu_exec,
};
