/* autojail stop: shuts down and destroys cells on the board. */
#include "config.h"

#include <string.h>

#include "po/i18n.h"
#include "src/board-action.h"

static int stop_exec(int argc, char **argv)
{
	struct board_request r = { .action = BOARD_STOP };
	struct board_outcome out;
	struct board_opts o;
	struct project p;
	struct link *l;
	int kept = 1, ret;

	/* --disable is this command's own; the rest are connection options. */
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--disable") == 0)
			r.disable = true;
		else
			argv[kept++] = argv[i];
	}
	ret = board_opts_parse(&cmd_stop_entry, kept, argv, false, 16, &o);
	if (ret != EXIT_OK)
		return ret;
	r.cells = o.args;
	r.n_cells = o.n_args;
	ret = board_action_cli(&cmd_stop_entry, &r, &o, &p, &l, &out);
	board_outcome_free(&out);
	board_close(&p, l);
	return ret;
}

const struct cmd_entry cmd_stop_entry = {
	.name = "stop",
	.args = N_("[CELL...] [--disable] [CONNECTION OPTIONS]"),
	.summary = N_("stop cells on the board (all guests without CELL)"),
	.help = N_("  --disable          disable the hypervisor afterwards"),
	.options = CMD_OPT_CONNECTION,
	.exec = stop_exec,
};
