/*
 * The board's jailhouse command, run through the link as root. Every
 * argument is quoted; the hypervisor's state is read from sysfs, under
 * $AUTOJAIL_BOARD_ROOT when the board sets it (test boards do).
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "po/i18n.h"
#include "model/util.h"
#include "src/remote.h"

#define SYSFS "\"${AUTOJAIL_BOARD_ROOT:-}/sys/devices/jailhouse\""

/* Prints "present|absent", "enabled N" and one tab-separated line per cell. */
static const char status_script[] =
	"J=" SYSFS "; "
	"if [ ! -d \"$J\" ]; then echo absent; exit 0; fi; "
	"echo present; echo \"enabled $(cat \"$J/enabled\" 2>/dev/null || echo 0)\"; "
	"for c in \"$J\"/cells/*; do [ -d \"$c\" ] || continue; "
	"printf 'cell\\t%s\\t%s\\t%s\\t%s\\n' \"${c##*/}\" \"$(cat \"$c/name\")\" "
	"\"$(cat \"$c/state\")\" \"$(cat \"$c/cpus_assigned_list\" 2>/dev/null)\"; done";

static void parse_cell(struct remote_state *st, char *line)
{
	char *fields[4];
	struct remote_cell_state *c;

	for (int i = 0; i < 4; i++) {
		fields[i] = strsep(&line, "\t");
		if (!fields[i])
			return;
	}
	st->cells = xrealloc(st->cells, (st->n_cells + 1) * sizeof(*st->cells));
	c = &st->cells[st->n_cells++];
	c->id = (unsigned)strtoul(fields[0], NULL, 10);
	c->name = xstrdup(fields[1]);
	c->state = xstrdup(fields[2]);
	c->cpus = xstrdup(fields[3]);
}

int remote_status(struct link *l, struct remote_state *st, struct error *err)
{
	struct link_output o;
	char *line, *rest;

	memset(st, 0, sizeof(*st));
	if (link_run(l, status_script, NULL, 0, &o, err) < 0)
		return -1;
	rest = o.out;
	while ((line = strsep(&rest, "\n")) != NULL) {
		if (strcmp(line, "present") == 0)
			st->present = true;
		else if (strncmp(line, "enabled ", 8) == 0)
			st->enabled = atoi(line + 8) == 1;
		else if (strncmp(line, "cell\t", 5) == 0)
			parse_cell(st, line + 5);
	}
	link_output_free(&o);
	return 0;
}

void remote_state_free(struct remote_state *st)
{
	for (size_t i = 0; i < st->n_cells; i++) {
		free(st->cells[i].name);
		free(st->cells[i].state);
		free(st->cells[i].cpus);
	}
	free(st->cells);
	memset(st, 0, sizeof(*st));
}

const struct remote_cell_state *remote_state_cell(const struct remote_state *st,
						  const char *name)
{
	for (size_t i = 0; i < st->n_cells; i++) {
		if (strcmp(st->cells[i].name, name) == 0)
			return &st->cells[i];
	}
	return NULL;
}

/* Runs "jailhouse ARGS..." as root; NULL ends the arguments. */
static int jailhouse(struct link *l, struct error *err, const char *first, ...)
	__attribute__((sentinel));

static int jailhouse(struct link *l, struct error *err, const char *first, ...)
{
	struct link_output o;
	char *cmd = xstrdup("jailhouse");
	const char *arg;
	va_list ap;
	int ret;

	va_start(ap, first);
	for (arg = first; arg; arg = va_arg(ap, const char *)) {
		char *q = link_quote(arg);
		char *joined = xasprintf("%s %s", cmd, q);

		free(q);
		free(cmd);
		cmd = joined;
	}
	va_end(ap);
	ret = link_run_root(l, cmd, NULL, 0, &o, err);
	if (ret == 0 && o.status != 0) {
		char *msg = o.err[0] ? o.err : o.out;
		size_t len = strlen(msg);

		while (len && msg[len - 1] == '\n')
			msg[--len] = '\0';
		error_set(err, _("%s: '%s' failed (exit %d): %s"), link_name(l), cmd, o.status, msg);
		ret = -1;
	}
	link_output_free(&o);
	free(cmd);
	return ret;
}

static void say(remote_step_fn step, void *ctx, const char *fmt, const char *arg)
{
	char *what;

	if (!step)
		return;
	what = xasprintf(fmt, arg);
	step(ctx, what);
	free(what);
}

int remote_stop(struct link *l, const char *const *names, size_t n, bool disable,
		remote_step_fn step, void *ctx, struct error *err)
{
	struct remote_state st;
	int ret = 0;

	if (remote_status(l, &st, err) < 0)
		return -1;
	for (size_t i = 0; i < st.n_cells && ret == 0; i++) {
		const char *name = st.cells[i].name;
		bool wanted = n == 0 ? st.cells[i].id != 0 : false;

		for (size_t k = 0; k < n; k++)
			wanted |= strcmp(names[k], name) == 0;
		if (!wanted)
			continue;
		say(step, ctx, _("stopping cell %s"), name);
		if (strncmp(st.cells[i].state, "running", 7) == 0)
			ret = jailhouse(l, err, "cell", "shutdown", name, NULL);
		if (ret == 0)
			ret = jailhouse(l, err, "cell", "destroy", name, NULL);
	}
	for (size_t k = 0; k < n && ret == 0; k++) {
		if (!remote_state_cell(&st, names[k])) {
			error_set(err, _("%s: there is no cell '%s' on the board"), link_name(l),
				  names[k]);
			ret = -1;
		}
	}
	if (ret == 0 && disable && st.enabled) {
		say(step, ctx, "%s", _("disabling the hypervisor"));
		ret = jailhouse(l, err, "disable", NULL);
	}
	remote_state_free(&st);
	return ret;
}

int remote_run_script(struct link *l, const char *path, bool if_present, struct error *err)
{
	char *q = link_quote(path);
	char *cmd = if_present ? xasprintf("if [ -f %s ]; then sh %s; fi", q, q)
			       : xasprintf("sh %s", q);
	struct link_output o;
	int ret = link_run_root(l, cmd, NULL, 0, &o, err);

	if (ret == 0 && o.status != 0) {
		error_set(err, _("%s: %s failed (exit %d): %s"), link_name(l), path, o.status, o.err);
		ret = -1;
	}
	link_output_free(&o);
	free(cmd);
	free(q);
	return ret;
}

int remote_console(struct link *l, char **text, struct error *err)
{
	struct link_output o;

	if (link_run_root(l, "jailhouse console", NULL, 0, &o, err) < 0)
		return -1;
	*text = o.out;
	o.out = NULL;
	link_output_free(&o);
	return 0;
}
