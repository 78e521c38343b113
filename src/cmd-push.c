/* autojail push: builds and uploads the cells' files to the board. */
#include "config.h"

#include <stdio.h>

#include "po/i18n.h"
#include "src/board-opts.h"
#include "src/deploy.h"

static int push_exec(int argc, char **argv)
{
	struct board_opts o;
	struct project p;
	struct deploy d;
	struct link *l;
	int ret = board_opts_parse(&cmd_push_entry, argc, argv, true, 0, &o);

	if (ret != EXIT_OK)
		return ret;
	ret = board_open_pushed(&cmd_push_entry, &p, &o, &d, &l);
	deploy_free(&d);
	board_close(&p, l);
	return ret;
}

const struct cmd_entry cmd_push_entry = {
	.name = "push",
	.args = N_("[--force] [CONNECTION OPTIONS]"),
	.summary = N_("upload the .cell files, images and start script to the board"),
	.help = BOARD_OPTS_HELP,
	.exec = push_exec,
};
