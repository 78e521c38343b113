/* autojail irq: grants or revokes interrupts of a cell (the TUI's interrupt pane). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "po/i18n.h"
#include "model/ops.h"
#include "model/units.h"
#include "src/cmd.h"

static int irq_exec(int argc, char **argv)
{
	bool grant;
	struct cell *cell;
	char why[OP_WHY_LEN];
	struct project p;
	int ret;

	if (argc < 4)
		return cmd_usage_error(&cmd_irq_entry, _("expected grant or revoke, a CELL and IRQs"));
	if (strcmp(argv[1], "grant") == 0)
		grant = true;
	else if (strcmp(argv[1], "revoke") == 0)
		grant = false;
	else
		return cmd_usage_error(&cmd_irq_entry, _("unknown action '%s'"), argv[1]);
	for (int i = 3; i < argc; i++) {
		uint64_t irq;

		if (!parse_u64(argv[i], &irq) || irq >= BOARD_MAX_IRQS)
			return cmd_usage_error(&cmd_irq_entry, _("'%s' is not an interrupt number"),
					       argv[i]);
	}

	project_init(&p);
	ret = cmd_load_project(&p, false);
	if (ret != EXIT_OK)
		goto out;
	cell = config_find_cell(&p.config, argv[2]);
	if (!cell) {
		fprintf(stderr, _("autojail irq: there is no cell '%s'\n"), argv[2]);
		ret = EXIT_USAGE;
		goto out;
	}
	op_group_begin(&p);
	for (int i = 3; i < argc && ret == EXIT_OK; i++) {
		uint64_t irq;

		parse_u64(argv[i], &irq);
		if ((grant ? op_irq_grant(&p, cell->id, (uint32_t)irq, why)
			   : op_irq_revoke(&p, cell->id, (uint32_t)irq, why)) < 0) {
			fprintf(stderr, _("autojail irq: %s\n"), why);
			ret = EXIT_PROBLEMS;
		}
	}
	op_group_end(&p);
	if (ret == EXIT_OK)
		ret = cmd_save_project(&p);
out:
	project_free(&p);
	return ret;
}

const struct cmd_entry cmd_irq_entry = {
	.name = "irq",
	.args = N_("grant|revoke CELL IRQ..."),
	.summary = N_("grant interrupts to a cell or take them away"),
	.help = N_("IRQ is the absolute GIC interrupt number (an SPI n is 32 + n).\n"
		   "All interrupts are changed or none; the change is saved to cells.yml."),
	.exec = irq_exec,
};
