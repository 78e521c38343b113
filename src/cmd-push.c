/* autojail push: builds and uploads the cells' files to the board. */
#include "config.h"

#include <stdio.h>

#include "model/i18n.h"
#include "src/board-opts.h"
#include "src/deploy.h"

static int push_exec(int argc, char **argv)
{
	struct board_opts o;
	struct project p;
	struct deploy d = { 0 };
	struct link *l = NULL;
	struct error err;
	int ret = board_opts_parse(&cmd_push_entry, argc, argv, true, 0, &o);

	if (ret != EXIT_OK)
		return ret;
	project_init(&p);
	error_clear(&err);
	ret = cmd_load_project(&p, false);
	if (ret != EXIT_OK)
		goto out;
	ret = EXIT_PROBLEMS;
	if (deploy_build(&p, o.force, &d, &err) < 0 || !(l = board_connect(&p, &o)) ||
	    deploy_push(l, &d, board_remote_dir(&p), gopt.quiet, &err) < 0) {
		if (err.set)
			fprintf(stderr, "autojail push: %s\n", err.text);
		goto out;
	}
	ret = EXIT_OK;
out:
	link_close(l);
	deploy_free(&d);
	project_free(&p);
	return ret;
}

const struct cmd_entry cmd_push_entry = {
	.name = "push",
	.args = N_("[--force] [CONNECTION OPTIONS]"),
	.summary = N_("upload the .cell files, images and start script to the board"),
	.help = BOARD_OPTS_HELP,
	.exec = push_exec,
};
