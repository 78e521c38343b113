/*
 * autojail test: starts each cell on the board, waits for it to run,
 * matches its console output against the regex cells.yml expects, stops it,
 * and writes test_results.yml.
 */
#include "config.h"

#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "po/i18n.h"
#include "model/util.h"
#include "src/board-opts.h"
#include "src/deploy.h"
#include "src/remote.h"
#include "src/yaml-write.h"

#define MAX_TRANSITIONS 16

struct cell_result {
	const char *name;
	bool passed;
	char *reason;            /* why it failed, or NULL */
	double start_ms, run_ms, stop_ms;
	char *states[MAX_TRANSITIONS];
	double state_ms[MAX_TRANSITIONS];
	size_t n_states;
	char *output;
};

static double ms_since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) * 1e3 + (double)(t.tv_nsec - t0->tv_nsec) / 1e6;
}

static void note_state(struct cell_result *r, const char *state, double ms)
{
	if (r->n_states && strcmp(r->states[r->n_states - 1], state) == 0)
		return;
	if (r->n_states < MAX_TRANSITIONS) {
		r->states[r->n_states] = xstrdup(state);
		r->state_ms[r->n_states++] = ms;
	}
}

/* Polls the board until the cell runs or fails, or the time is up. */
static bool wait_running(struct link *l, struct cell_result *r, const struct timespec *t0,
			 double limit_ms, struct error *err)
{
	const struct timespec pause = { 0, 100 * 1000 * 1000 };

	while (ms_since(t0) < limit_ms) {
		struct remote_state st;
		const struct remote_cell_state *c;
		bool done = false, running = false;

		if (remote_status(l, &st, err) < 0)
			return false;
		c = remote_state_cell(&st, r->name);
		note_state(r, c ? c->state : "absent", ms_since(t0));
		if (c && strncmp(c->state, "running", 7) == 0)
			done = running = true;
		else if (c && strcmp(c->state, "failed") == 0)
			done = true;
		remote_state_free(&st);
		if (done)
			return running;
		nanosleep(&pause, NULL);
	}
	return false;
}

static void test_cell(struct link *l, const char *sys, const struct remote_cell *rc,
		      const char *expect, double wait_ms, struct cell_result *r)
{
	const char *name = rc->name;
	struct timespec t0;
	struct error err;

	error_clear(&err);
	r->name = name;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (remote_start(l, sys, rc, 1, NULL, NULL, &err) < 0) {
		r->reason = xstrdup(err.text);
		return;
	}
	r->start_ms = ms_since(&t0);
	if (!wait_running(l, r, &t0, wait_ms, &err)) {
		r->reason = err.set ? xstrdup(err.text)
				    : xasprintf(_("cell %s did not reach the state running"), name);
	} else if (remote_console(l, &r->output, &err) < 0) {
		r->reason = xstrdup(err.text);
	} else if (expect) {
		regex_t re;

		if (regcomp(&re, expect, REG_EXTENDED | REG_NOSUB) != 0)
			r->reason = xasprintf(_("the expected output of %s is not a valid regex: %s"),
					      name, expect);
		else if (regexec(&re, r->output, 0, NULL, 0) != 0)
			r->reason = xasprintf(_("the console did not show %s"), expect);
		regfree(&re);
	}
	r->run_ms = ms_since(&t0);
	if (remote_stop(l, &name, 1, false, NULL, NULL, &err) < 0 && !r->reason)
		r->reason = xstrdup(err.text);
	r->stop_ms = ms_since(&t0);
	note_state(r, "destroyed", r->stop_ms);
	r->passed = r->reason == NULL;
}

static int write_results(const char *path, struct cell_result *res, size_t n, struct error *err)
{
	struct ywriter w;

	if (!yw_open(&w, path, _("autojail test results"), err))
		return -1;
	yw_map_begin(&w, false);
	yw_seq_begin(&w, "cells", false);
	for (size_t i = 0; i < n; i++) {
		struct cell_result *r = &res[i];

		yw_map_begin(&w, false);
		yw_str(&w, "name", r->name);
		yw_str(&w, "result", r->passed ? "passed" : "failed");
		if (r->reason)
			yw_str(&w, "reason", r->reason);
		yw_key(&w, "durations_ms");
		yw_map_begin(&w, true);
		yw_dec(&w, "start", (uint64_t)r->start_ms);
		yw_dec(&w, "running", (uint64_t)r->run_ms);
		yw_dec(&w, "stop", (uint64_t)r->stop_ms);
		yw_map_end(&w);
		yw_seq_begin(&w, "states", false);
		for (size_t k = 0; k < r->n_states; k++) {
			yw_map_begin(&w, true);
			yw_str(&w, "state", r->states[k]);
			yw_dec(&w, "at_ms", (uint64_t)r->state_ms[k]);
			yw_map_end(&w);
		}
		yw_seq_end(&w);
		yw_str(&w, "output", r->output ? r->output : "");
		yw_map_end(&w);
	}
	yw_seq_end(&w);
	yw_map_end(&w);
	return yw_close(&w) ? 0 : -1;
}

static int run_tests(struct project *p, const struct board_opts *o, const struct deploy *d,
		     struct link *l, double wait_ms)
{
	struct remote_cell *rc;
	struct cell_result *res = NULL;
	struct error err;
	char *sys = NULL, *path = NULL;
	size_t n = 0, failed = 0;
	int ret = EXIT_PROBLEMS;

	error_clear(&err);
	rc = deploy_remote(d, board_remote_dir(p), o->args, o->n_args, &n, &err);
	if (!rc) {
		fprintf(stderr, "autojail test: %s\n", err.text);
		return ret;
	}
	sys = deploy_remote_path(board_remote_dir(p), d->system_file);
	res = xcalloc(n ? n : 1, sizeof(*res));
	for (size_t i = 0; i < n; i++) {
		const struct guest_spec *g = spec_find_guest(&p->spec, rc[i].name);

		test_cell(l, sys, &rc[i], g ? g->expect : NULL, wait_ms, &res[i]);
		failed += !res[i].passed;
		printf("%s %s%s%s\n", res[i].passed ? _("PASS") : _("FAIL"), rc[i].name,
		       res[i].reason ? ": " : "", res[i].reason ? res[i].reason : "");
	}
	path = xasprintf("%s/test_results.yml", p->dir);
	if (write_results(path, res, n, &err) < 0)
		fprintf(stderr, "autojail test: %s\n", err.text);
	else if (!gopt.quiet)
		printf(_("%zu passed, %zu failed; results in %s\n"), n - failed, failed, path);
	ret = failed || err.set ? EXIT_PROBLEMS : EXIT_OK;
	for (size_t i = 0; i < n; i++) {
		free(res[i].reason);
		free(res[i].output);
		for (size_t k = 0; k < res[i].n_states; k++)
			free(res[i].states[k]);
	}
	free(res);
	free(path);
	free(sys);
	deploy_remote_free(rc, n);
	return ret;
}

static int test_exec(int argc, char **argv)
{
	struct board_opts o;
	struct project p;
	struct deploy d;
	struct link *l;
	double wait_ms = 30000;
	int kept = 1, ret;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--wait") == 0 && i + 1 < argc) {
			wait_ms = atof(argv[++i]) * 1000;
			if (wait_ms <= 0)
				return cmd_usage_error(&cmd_test_entry, _("'%s' is not a number of seconds"),
						       argv[i]);
		} else {
			argv[kept++] = argv[i];
		}
	}
	ret = board_opts_parse(&cmd_test_entry, kept, argv, true, 16, &o);
	if (ret != EXIT_OK)
		return ret;
	ret = board_open_pushed(&cmd_test_entry, &p, &o, &d, &l);
	if (ret == EXIT_OK)
		ret = run_tests(&p, &o, &d, l, wait_ms);
	deploy_free(&d);
	board_close(&p, l);
	return ret;
}

const struct cmd_entry cmd_test_entry = {
	.name = "test",
	.args = N_("[CELL...] [--wait SECONDS] [--force] [CONNECTION OPTIONS]"),
	.summary = N_("start each cell, check it runs and prints what it should, stop it"),
	.help = N_("A cell's 'expect' in cells.yml is a regex its console output must match.\n"
		   "Results go to test_results.yml.\n\n"
		   "  --wait SECONDS     how long a cell may take to run (default 30)"),
	.options = CMD_OPT_FORCE | CMD_OPT_CONNECTION,
	.exec = test_exec,
};
