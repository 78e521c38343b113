/* autojail push: builds and uploads the cells' files to the board. */
#include "config.h"

#include <stdio.h>

#include "po/i18n.h"
#include "src/board-action.h"

static int push_exec(int argc, char **argv)
{
	struct board_opts o;
	struct board_request r = { .action = BOARD_PUSH };
	struct board_outcome out;
	struct project p;
	struct link *l;
	int ret = board_opts_parse(&cmd_push_entry, argc, argv, true, 0, &o);

	if (ret != EXIT_OK)
		return ret;
	r.force = o.force;
	ret = board_action_cli(&cmd_push_entry, &r, &o, &p, &l, &out);
	board_outcome_free(&out);
	board_close(&p, l);
	return ret;
}

const struct cmd_entry cmd_push_entry = {
	.name = "push",
	.args = N_("[--force] [CONNECTION OPTIONS]"),
	.summary = N_("upload the .cell files, images and start script to the board"),
	.options = CMD_OPT_FORCE | CMD_OPT_CONNECTION,
	.exec = push_exec,
};
