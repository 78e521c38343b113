/*
 * autojail start: builds, pushes and starts cells on the board (all of the
 * project's cells, or those named). A failure undoes what this run started
 * and reports the board's resulting state.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "po/i18n.h"
#include "model/util.h"
#include "src/board-opts.h"
#include "src/deploy.h"
#include "src/remote.h"

static void print_step(void *ctx, const char *what)
{
	if (!gopt.quiet) {
		printf("  %s\n", what);
		fflush(stdout);
	}
}

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

/* The virtual switch joins the cells' network interfaces once they exist. */
static int bridge_up(struct link *l, const struct project *p, const struct deploy *d,
		     struct error *err)
{
	char *path = deploy_remote_path(board_remote_dir(p), d->net_up);
	int ret;

	print_step(NULL, _("connecting the cells to the virtual switch"));
	ret = remote_run_script(l, path, false, err);
	free(path);
	return ret;
}

static int start_exec(int argc, char **argv)
{
	struct board_opts o;
	struct project p;
	struct deploy d;
	struct remote_cell *rc = NULL;
	struct link *l;
	struct error err;
	size_t n = 0;
	char *sys = NULL;
	int ret = board_opts_parse(&cmd_start_entry, argc, argv, true, 16, &o);

	if (ret != EXIT_OK)
		return ret;
	error_clear(&err);
	ret = board_open_pushed(&cmd_start_entry, &p, &o, &d, &l);
	if (ret != EXIT_OK)
		goto out;
	ret = EXIT_PROBLEMS;
	rc = deploy_remote(&d, board_remote_dir(&p), o.args, o.n_args, &n, &err);
	if (!rc) {
		fprintf(stderr, "autojail start: %s\n", err.text);
		goto out;
	}
	sys = deploy_remote_path(board_remote_dir(&p), d.system_file);
	if (remote_start(l, sys, rc, n, print_step, NULL, &err) < 0) {
		fprintf(stderr, "autojail start: %s\n", err.text);
		report_state(l);
		goto out;
	}
	if (d.net_up && bridge_up(l, &p, &d, &err) < 0) {
		fprintf(stderr, "autojail start: %s\n", err.text);
		goto out;
	}
	ret = EXIT_OK;
out:
	free(sys);
	deploy_remote_free(rc, n);
	deploy_free(&d);
	board_close(&p, l);
	return ret;
}

const struct cmd_entry cmd_start_entry = {
	.name = "start",
	.args = N_("[CELL...] [--force] [CONNECTION OPTIONS]"),
	.summary = N_("push and start cells on the board (enabling Jailhouse when needed)"),
	.help = BOARD_OPTS_HELP,
	.exec = start_exec,
};
