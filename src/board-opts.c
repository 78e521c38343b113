/* Connection options and connecting to the project's board. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "po/i18n.h"
#include "model/units.h"
#include "model/util.h"
#include "src/board-opts.h"

int board_opts_parse(const struct cmd_entry *e, int argc, char **argv, bool allow_force,
		     size_t max_args, struct board_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->link.policy = HOSTKEY_STRICT;
	o->link.prompt = board_prompt;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;
		uint64_t secs;

		if (strcmp(a, "--accept-new-host") == 0) {
			o->link.policy = HOSTKEY_ACCEPT_NEW;
		} else if (strcmp(a, "--force") == 0 && allow_force) {
			o->force = true;
		} else if (strcmp(a, "--identity") == 0 || strcmp(a, "--known-hosts") == 0 ||
			   strcmp(a, "--timeout") == 0) {
			if (!v)
				return cmd_usage_error(e, _("%s needs a value"), a);
			i++;
			if (a[2] == 'i') {
				o->link.identity = v;
			} else if (a[2] == 'k') {
				o->link.known_hosts = v;
			} else if (!parse_u64(v, &secs) || secs == 0 || secs > 86400) {
				return cmd_usage_error(e, _("'%s' is not a number of seconds"), v);
			} else {
				o->link.connect_timeout = (long)secs;
				o->link.command_timeout = (long)secs;
			}
		} else if (a[0] == '-' && a[1]) {
			return cmd_usage_error(e, _("unknown option '%s'"), a);
		} else if (o->n_args < max_args && o->n_args < ARRAY_SIZE(o->args)) {
			o->args[o->n_args++] = a;
		} else {
			return cmd_usage_error(e, _("unexpected argument '%s'"), a);
		}
	}
	return EXIT_OK;
}

struct link *board_connect(const struct project *p, struct board_opts *o)
{
	struct error err;
	struct link *l;

	if (!p->settings.board_url) {
		fprintf(stderr, _("autojail: the project names no board; set one with "
				  "'autojail init --force --board ssh://USER@HOST'\n"));
		return NULL;
	}
	error_clear(&err);
	l = link_open(p->settings.board_url, &o->link, &err);
	if (!l)
		fprintf(stderr, "autojail: %s\n", err.text);
	return l;
}

int board_open(struct project *p, struct board_opts *o, struct link **l)
{
	int ret;

	*l = NULL;
	project_init(p);
	ret = cmd_load_project(p, false);
	if (ret == EXIT_OK && (*l = board_connect(p, o)) == NULL)
		ret = EXIT_PROBLEMS;
	return ret;
}

int board_open_pushed(const struct cmd_entry *e, struct project *p, struct board_opts *o,
		      struct deploy *d, struct link **l)
{
	struct error err;
	int ret;

	*l = NULL;
	memset(d, 0, sizeof(*d));
	project_init(p);
	ret = cmd_load_project(p, false);
	if (ret != EXIT_OK)
		return ret;
	error_clear(&err);
	if (deploy_build(p, o->force, d, &err) < 0 || !(*l = board_connect(p, o)) ||
	    deploy_push(*l, d, board_remote_dir(p), gopt.quiet, &err) < 0) {
		if (err.set)
			fprintf(stderr, "autojail %s: %s\n", e->name, err.text);
		return EXIT_PROBLEMS;
	}
	return EXIT_OK;
}

void board_close(struct project *p, struct link *l)
{
	link_close(l);
	project_free(p);
}

const char *board_remote_dir(const struct project *p)
{
	return p->settings.remote_dir ? p->settings.remote_dir : "/tmp/autojail";
}

char *board_prompt(void *ctx, const char *question, bool echo)
{
	struct termios old, quiet;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	FILE *tty = fopen("/dev/tty", "r+");

	if (!tty)
		return NULL;
	fputs(question, tty);
	fflush(tty);
	if (!echo && tcgetattr(fileno(tty), &old) == 0) {
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(fileno(tty), TCSAFLUSH, &quiet);
	} else {
		echo = true;
	}
	n = getline(&line, &cap, tty);
	if (!echo) {
		tcsetattr(fileno(tty), TCSAFLUSH, &old);
		fputc('\n', tty);
	}
	fclose(tty);
	if (n < 0) {
		free(line);
		return NULL;
	}
	line[strcspn(line, "\n")] = '\0';
	return line;
}
