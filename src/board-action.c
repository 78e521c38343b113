/*
 * The board actions as one sequence of steps. autojail build, push, start
 * and stop and the editor's board pane (ui/job.c) all come here, so they
 * build, push, start and join the virtual switch the same way.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emit/net-script.h"
#include "model/network.h"
#include "model/util.h"
#include "po/i18n.h"
#include "src/board-action.h"
#include "src/board-opts.h"

static void say(const struct board_progress *pr, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void say(const struct board_progress *pr, const char *fmt, ...)
{
	va_list ap;
	char *what;

	if (!pr->step)
		return;
	va_start(ap, fmt);
	if (vasprintf(&what, fmt, ap) < 0)
		what = NULL;
	va_end(ap);
	if (what)
		pr->step(pr->ctx, what);
	free(what);
}

static bool cancelled(const struct board_progress *pr)
{
	return pr->cancelled && pr->cancelled(pr->ctx);
}

/* A kept link may have died meanwhile (the board rebooted, a network
 * hiccup): one cheap command tells. */
static bool alive(struct link *l)
{
	struct link_output out;
	struct error probe;
	bool ok;

	error_clear(&probe);
	ok = link_run(l, "true", NULL, 0, &out, &probe) == 0 && out.status == 0;
	link_output_free(&out);
	return ok;
}

static int connect_board(const struct project *p, const struct link_options *opt,
			 struct link **l, const struct board_progress *pr, struct error *err)
{
	if (*l) {
		if (alive(*l))
			return 0;
		say(pr, "%s", _("the connection was lost; connecting again"));
		link_close(*l);
		*l = NULL;
	}
	if (!p->settings.board_url) {
		error_set(err, "%s", _("the project names no board; set one with "
				       "'autojail init --force --board ssh://USER@HOST'"));
		return -1;
	}
	say(pr, _("connecting to %s"), p->settings.board_url);
	*l = link_open(p->settings.board_url, opt, err);
	return *l ? 0 : -1;
}

static void relay_file(void *ctx, const char *remote, size_t i, size_t n)
{
	const struct board_progress *pr = ctx;

	pr->file(pr->ctx, remote, i, n);
}

static int push(const struct project *p, struct link *l, const struct deploy *d,
		const struct board_progress *pr, struct error *err)
{
	const char *dir = board_remote_dir(p);
	size_t sent = 0, total = 0;

	say(pr, _("pushing to %s"), dir);
	if (deploy_push_with(l, d, dir, pr->file ? relay_file : NULL, (void *)pr, &sent, &total,
			     err) < 0)
		return -1;
	say(pr, _("pushed %zu of %zu files to %s:%s (the others were up to date)"), sent, total,
	    link_name(l), dir);
	return 0;
}

/* The cells, then the virtual switch, which joins the cells' network
 * interfaces once they exist. */
static int start(const struct project *p, struct link *l, const struct board_request *r,
		 const struct deploy *d, const struct board_progress *pr, struct error *err)
{
	const char *dir = board_remote_dir(p);
	size_t n = 0;
	struct remote_cell *rc = deploy_remote(d, dir, r->cells, r->n_cells, &n, err);
	char *sys, *up;
	int ret;

	if (!rc)
		return -1;
	sys = deploy_remote_path(dir, d->system_file);
	ret = remote_start(l, sys, rc, n, pr->step, pr->ctx, err);
	if (ret == 0 && d->net_up && !cancelled(pr)) {
		say(pr, "%s", _("connecting the cells to the virtual switch"));
		up = deploy_remote_path(dir, d->net_up);
		ret = remote_run_script(l, up, false, err);
		free(up);
	}
	free(sys);
	deploy_remote_free(rc, n);
	return ret;
}

/* Before the hypervisor goes, the switch gives the uplink its address back;
 * the teardown script is idempotent and absent when start never ran. */
static int stop(const struct project *p, struct link *l, const struct board_request *r,
		const struct board_progress *pr, struct error *err)
{
	if (r->disable && network_in_use(&p->spec)) {
		char *name = net_script_file_name(&p->config, NET_FILE_DOWN, NULL);
		char *path = xasprintf("%s/%s", board_remote_dir(p), name);
		int ret;

		say(pr, "%s", _("taking down the virtual switch"));
		ret = remote_run_script(l, path, true, err);
		free(path);
		free(name);
		if (ret < 0)
			return -1;
	}
	return remote_stop(l, r->cells, r->n_cells, r->disable, pr->step, pr->ctx, err);
}

static int read_state(struct link *l, const struct board_progress *pr, struct board_outcome *out,
		      struct error *err)
{
	say(pr, "%s", _("reading the board's state"));
	if (remote_status(l, &out->state, err) < 0)
		return -1;
	out->have_state = true;
	return 0;
}

int board_action_run(struct project *p, const struct board_request *r,
		     const struct link_options *opt, struct link **l,
		     const struct board_progress *pr, struct board_outcome *out, struct error *err)
{
	int ret = 0;

	memset(out, 0, sizeof(*out));
	if (r->action <= BOARD_START) {
		say(pr, _("building into %s/build"), p->dir);
		if (deploy_build(p, r->force, &out->deploy, err) < 0)
			return -1;
		say(pr, P_("built %zu guest cell and the root cell",
			   "built %zu guest cells and the root cell", out->deploy.n_cells),
		    out->deploy.n_cells);
		if (r->action == BOARD_BUILD)
			return 0;
	}
	if (cancelled(pr) || connect_board(p, opt, l, pr, err) < 0 || cancelled(pr))
		return -1;
	if ((r->action == BOARD_PUSH || r->action == BOARD_START) &&
	    (push(p, *l, &out->deploy, pr, err) < 0 || cancelled(pr)))
		return -1;
	out->reached_jailhouse = r->action == BOARD_START || r->action == BOARD_STOP;
	if (r->action == BOARD_START)
		ret = start(p, *l, r, &out->deploy, pr, err);
	else if (r->action == BOARD_STOP)
		ret = stop(p, *l, r, pr, err);
	if (r->action == BOARD_STATUS || r->read_state) {
		/* After a failure too: what the board runs now is what matters. */
		struct error scratch;

		error_clear(&scratch);
		if (read_state(*l, pr, out, ret < 0 ? &scratch : err) < 0)
			ret = -1;
	}
	return ret;
}

void board_outcome_free(struct board_outcome *out)
{
	deploy_free(&out->deploy);
	if (out->have_state)
		remote_state_free(&out->state);
	out->have_state = false;
}

int board_action_cli(const struct cmd_entry *e, const struct board_request *r,
		     const struct board_opts *o, struct project *p, struct link **l,
		     struct board_outcome *out)
{
	struct error err;
	int ret;

	*l = NULL;
	memset(out, 0, sizeof(*out));
	project_init(p);
	ret = cmd_load_project(p, false);
	if (ret != EXIT_OK)
		return ret;
	error_clear(&err);
	if (board_action_run(p, r, &o->link, l, &board_progress_print, out, &err) < 0) {
		fprintf(stderr, "autojail %s: %s\n", e->name, err.text);
		return EXIT_PROBLEMS;
	}
	return EXIT_OK;
}

static void print_step(void *ctx, const char *what)
{
	if (!gopt.quiet) {
		printf("  %s\n", what);
		fflush(stdout);
	}
}

static void print_file(void *ctx, const char *remote, size_t i, size_t n)
{
	if (!gopt.quiet) {
		printf(_("  [%zu/%zu] %s\n"), i + 1, n, remote);
		fflush(stdout);
	}
}

const struct board_progress board_progress_print = {
	.step = print_step,
	.file = print_file,
};
