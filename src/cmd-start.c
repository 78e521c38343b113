/*
 * autojail start: builds, pushes and starts cells on the board (all of the
 * project's cells, or those named). A failure undoes what this run started
 * and reports the board's resulting state.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "po/i18n.h"
#include "src/board-action.h"
#include "src/board-opts.h"

static void report_state(struct link *l)
{
	struct remote_state st;
	struct error err;

	error_clear(&err);
	if (remote_status(l, &st, &err) < 0) {
		fprintf(stderr, _("The board's state is unknown: %s\n"), err.text);
		return;
	}
	fprintf(stderr, _("The board now: hypervisor %s"), st.enabled ? _("enabled") : _("disabled"));
	for (size_t i = 0; i < st.n_cells; i++)
		fprintf(stderr, ", %s %s", st.cells[i].name, st.cells[i].state);
	fprintf(stderr, "\n");
	remote_state_free(&st);
}

static int start_exec(int argc, char **argv)
{
	struct board_opts o;
	struct board_request r = { .action = BOARD_START };
	struct board_outcome out;
	struct project p;
	struct link *l;
	int ret = board_opts_parse(&cmd_start_entry, argc, argv, true, 16, &o);

	if (ret != EXIT_OK)
		return ret;
	r.force = o.force;
	r.cells = o.args;
	r.n_cells = o.n_args;
	ret = board_action_cli(&cmd_start_entry, &r, &o, &p, &l, &out);
	if (ret != EXIT_OK && out.reached_jailhouse)
		report_state(l);
	board_outcome_free(&out);
	board_close(&p, l);
	return ret;
}

const struct cmd_entry cmd_start_entry = {
	.name = "start",
	.args = N_("[CELL...] [--force] [CONNECTION OPTIONS]"),
	.summary = N_("push and start cells on the board (enabling Jailhouse when needed)"),
	.options = CMD_OPT_FORCE | CMD_OPT_CONNECTION,
	.exec = start_exec,
};
