/* autojail status: the hypervisor and its cells as the board reports them. */
#include "config.h"

#include <stdio.h>

#include "po/i18n.h"
#include "src/board-opts.h"
#include "src/remote.h"

static void print_status(const struct project *p, struct link *l, const struct remote_state *st)
{
	printf(_("Board %s: Jailhouse %s\n"), link_name(l),
	       !st->present ? _("not loaded") : st->enabled ? _("enabled") : _("disabled"));
	if (st->n_cells)
		printf("  %-4s %-24s %-16s %s\n", _("ID"), _("CELL"), _("STATE"), _("CPUS"));
	for (size_t i = 0; i < st->n_cells; i++) {
		const struct remote_cell_state *c = &st->cells[i];

		printf("  %-4u %-24s %-16s %s\n", c->id, c->name, c->state, c->cpus);
	}
	for (size_t i = 0; i < p->config.n_cells; i++) {
		const struct cell *c = p->config.cells[i];

		if (!c->root && !remote_state_cell(st, c->name))
			printf(_("  -    %-24s not on the board\n"), c->name);
	}
}

static int status_exec(int argc, char **argv)
{
	struct board_opts o;
	struct remote_state st;
	struct project p;
	struct link *l = NULL;
	struct error err;
	int ret = board_opts_parse(&cmd_status_entry, argc, argv, false, 0, &o);

	if (ret != EXIT_OK)
		return ret;
	error_clear(&err);
	ret = board_open(&p, &o, &l);
	if (ret == EXIT_OK) {
		if (remote_status(l, &st, &err) < 0) {
			fprintf(stderr, "autojail status: %s\n", err.text);
			ret = EXIT_PROBLEMS;
		} else {
			print_status(&p, l, &st);
			remote_state_free(&st);
		}
	}
	board_close(&p, l);
	return ret;
}

const struct cmd_entry cmd_status_entry = {
	.name = "status",
	.args = N_("[CONNECTION OPTIONS]"),
	.summary = N_("show the hypervisor's state and the cells on the board"),
	.options = CMD_OPT_CONNECTION,
	.exec = status_exec,
};
