/* autojail stop: shuts down and destroys cells on the board. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emit/net-script.h"
#include "po/i18n.h"
#include "model/network.h"
#include "model/util.h"
#include "src/board-opts.h"
#include "src/remote.h"

static void print_step(void *ctx, const char *what)
{
	if (!gopt.quiet)
		printf("  %s\n", what);
}

/* Before the hypervisor goes, the switch gives the uplink its address back;
 * the teardown script is idempotent and absent when start never ran. */
static int bridge_down(struct link *l, const struct project *p, struct error *err)
{
	char *name = net_script_file_name(&p->config, NET_FILE_DOWN, NULL);
	char *path = xasprintf("%s/%s", board_remote_dir(p), name);
	int ret;

	print_step(NULL, _("taking down the virtual switch"));
	ret = remote_run_script(l, path, true, err);
	free(path);
	free(name);
	return ret;
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
	error_clear(&err);
	ret = board_open(&p, &o, &l);
	if (ret == EXIT_OK && disable && network_in_use(&p.spec) && bridge_down(l, &p, &err) < 0) {
		fprintf(stderr, "autojail stop: %s\n", err.text);
		ret = EXIT_PROBLEMS;
	}
	if (ret == EXIT_OK &&
	    remote_stop(l, o.args, o.n_args, disable, print_step, NULL, &err) < 0) {
		fprintf(stderr, "autojail stop: %s\n", err.text);
		ret = EXIT_PROBLEMS;
	}
	board_close(&p, l);
	return ret;
}

const struct cmd_entry cmd_stop_entry = {
	.name = "stop",
	.args = N_("[CELL...] [--disable] [CONNECTION OPTIONS]"),
	.summary = N_("stop cells on the board (all guests without CELL)"),
	.help = N_("  --disable  disable the hypervisor afterwards"),
	.exec = stop_exec,
};
