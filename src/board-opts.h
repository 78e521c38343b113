/*
 * What the commands that talk to the board share: their connection options
 * (--accept-new-host, --identity, --known-hosts, --timeout), connecting to
 * the project's board, and the terminal prompt for passwords.
 */
#ifndef AJ_SRC_BOARD_OPTS_H
#define AJ_SRC_BOARD_OPTS_H

#include <stdbool.h>
#include <stddef.h>

#include "model/project.h"
#include "src/cmd.h"
#include "src/deploy.h"
#include "src/link.h"

struct board_opts {
	struct link_options link;
	bool force;              /* --force: build despite validation errors */
	const char *args[16];    /* positional arguments */
	size_t n_args;
};

/* Parses the connection options, --force when allow_force, and up to
 * max_args positional arguments. Returns EXIT_OK or prints the usage error. */
int board_opts_parse(const struct cmd_entry *e, int argc, char **argv, bool allow_force,
		     size_t max_args, struct board_opts *o);
/* Connects to the board named in autojail.yml; prints the error and
 * returns NULL when that fails. */
struct link *board_connect(const struct project *p, struct board_opts *o);
/* Loads the project (p is initialized whatever happens) and connects to its
 * board. Returns EXIT_OK with *l set, or prints why and returns the exit code. */
int board_open(struct project *p, struct board_opts *o, struct link **l);
/* The same after building what goes onto the board (into d) and pushing it;
 * e names the command in messages. */
int board_open_pushed(const struct cmd_entry *e, struct project *p, struct board_opts *o,
		      struct deploy *d, struct link **l);
void board_close(struct project *p, struct link *l);
/* The remote directory of the project (default /tmp/autojail). */
const char *board_remote_dir(const struct project *p);
/* Asks on the terminal without echo (unless echo); NULL when there is none. */
char *board_prompt(void *ctx, const char *question, bool echo);

#endif
