/* autojail console: what the hypervisor and the cells printed to its console. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "po/i18n.h"
#include "src/board-opts.h"
#include "src/remote.h"

static int console_exec(int argc, char **argv)
{
	struct board_opts o;
	struct project p;
	struct link *l = NULL;
	struct error err;
	char *text = NULL;
	int ret = board_opts_parse(&cmd_console_entry, argc, argv, false, 0, &o);

	if (ret != EXIT_OK)
		return ret;
	error_clear(&err);
	ret = board_open(&p, &o, &l);
	if (ret == EXIT_OK) {
		if (remote_console(l, &text, &err) < 0) {
			fprintf(stderr, "autojail console: %s\n", err.text);
			ret = EXIT_PROBLEMS;
		} else {
			fputs(text, stdout);
		}
	}
	free(text);
	board_close(&p, l);
	return ret;
}

const struct cmd_entry cmd_console_entry = {
	.name = "console",
	.args = N_("[CONNECTION OPTIONS]"),
	.summary = N_("print the hypervisor console of the board"),
	.options = CMD_OPT_CONNECTION,
	.exec = console_exec,
};
