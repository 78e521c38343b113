/* autojail stop: shuts down and destroys cells on the board. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "model/i18n.h"
#include "src/board-opts.h"
#include "src/remote.h"

static void print_step(void *ctx, const char *what)
{
	if (!gopt.quiet)
		printf("  %s\n", what);
}

static int stop_exec(int argc, char **argv)
{
	struct board_opts o;
	struct project p;
	struct link *l = NULL;
	struct error err;
	bool disable = false;
	int kept = 1, ret;

	/* --disable is this command's own; the rest are connection options. */
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--disable") == 0)
			disable = true;
		else
			argv[kept++] = argv[i];
	}
	ret = board_opts_parse(&cmd_stop_entry, kept, argv, false, 16, &o);
	if (ret != EXIT_OK)
		return ret;
	project_init(&p);
	error_clear(&err);
	ret = cmd_load_project(&p, false);
	if (ret == EXIT_OK && (l = board_connect(&p, &o)) == NULL)
		ret = EXIT_PROBLEMS;
	if (ret == EXIT_OK &&
	    remote_stop(l, o.args, o.n_args, disable, print_step, NULL, &err) < 0) {
		fprintf(stderr, "autojail stop: %s\n", err.text);
		ret = EXIT_PROBLEMS;
	}
	link_close(l);
	project_free(&p);
	return ret;
}

const struct cmd_entry cmd_stop_entry = {
	.name = "stop",
	.args = N_("[CELL...] [--disable] [CONNECTION OPTIONS]"),
	.summary = N_("stop cells on the board (all guests without CELL)"),
	.help = N_("  --disable  disable the hypervisor afterwards"),
	.exec = stop_exec,
};
