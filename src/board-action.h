/*
 * The one runner of board actions: build, push, start (with the virtual
 * switch's bridge), stop and status, as the CLI commands and the editor's
 * board pane take them. One link serves the whole sequence (and, in the
 * editor, the next action too); every step is reported as it is taken; a
 * caller that can cancel is asked between steps.
 */
#ifndef AJ_SRC_BOARD_ACTION_H
#define AJ_SRC_BOARD_ACTION_H

#include <stdbool.h>
#include <stddef.h>

#include "model/project.h"
#include "src/board-opts.h"
#include "src/deploy.h"
#include "src/error.h"
#include "src/link.h"
#include "src/remote.h"

enum board_action { BOARD_BUILD, BOARD_PUSH, BOARD_START, BOARD_STOP, BOARD_STATUS };

struct board_progress {
	/* Each step as it is taken, a translated sentence. */
	void (*step)(void *ctx, const char *what);
	/* Before each file a push sends: i of n, its path on the board. */
	void (*file)(void *ctx, const char *remote, size_t i, size_t n);
	/* Asked between steps: true ends the action there (NULL: never). */
	bool (*cancelled)(void *ctx);
	void *ctx;
};

struct board_request {
	enum board_action action;
	bool force;                  /* build despite validation errors */
	const char *const *cells;    /* start, stop: only these (all when n_cells is 0) */
	size_t n_cells;
	bool disable;                /* stop: disable the hypervisor afterwards */
	bool read_state;             /* read the board's state after the action */
};

struct board_outcome {
	struct deploy deploy;        /* what build made (build, push, start) */
	bool reached_jailhouse;      /* start or stop was begun on the board */
	bool have_state;             /* state was read (status, or read_state) */
	struct remote_state state;
};

/* Runs the request's steps. *l is the link to use: a kept one is checked
 * first and replaced when it died; a new one is opened with opt (the
 * caller closes it). Returns 0, or -1: err says why, and is unset when the
 * action was cancelled. out is filled either way; free it with
 * board_outcome_free. */
int board_action_run(struct project *p, const struct board_request *r,
		     const struct link_options *opt, struct link **l,
		     const struct board_progress *pr, struct board_outcome *out, struct error *err);
void board_outcome_free(struct board_outcome *out);
/* Progress for the CLI: steps and files on stdout, nothing with --quiet. */
extern const struct board_progress board_progress_print;
/* A CLI command's run: loads the project into p (initialized whatever
 * happens), runs r over a link opened with o's options (*l, for the caller
 * to close with board_close) and prints an error as "autojail NAME: ...".
 * Returns the exit code. */
int board_action_cli(const struct cmd_entry *e, const struct board_request *r,
		     const struct board_opts *o, struct project *p, struct link **l,
		     struct board_outcome *out);

#endif
