/*
 * Starting cells as one script on the board: enable the hypervisor when it
 * is not enabled, then create, load and start each cell not yet running. On
 * the first failing step the script itself undoes, in reverse order, what it
 * did, so a dropped connection halfway leaves no half-started board; it
 * reports each step on its own line for the progress shown here. The
 * rollback is written out per cell with every name quoted: nothing coming
 * from the project is ever evaluated by the board's shell.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "po/i18n.h"
#include "model/util.h"
#include "src/remote.h"

static void word(FILE *f, const char *s)
{
	char *q = link_quote(s);

	fprintf(f, " %s", q);
	free(q);
}

static const char script_head[] =
	"J=\"${AUTOJAIL_BOARD_ROOT:-}/sys/devices/jailhouse\"\n"
	"run() { out=$(\"$@\" 2>&1) && return 0; printf 'fail %s\\n' \"$*\"; "
	"printf '%s\\n' \"$out\" | sed 's/^/out /'; rollback; }\n"
	"state_of() { for c in \"$J\"/cells/*; do [ -f \"$c/name\" ] && "
	"[ \"$(cat \"$c/name\")\" = \"$1\" ] && { cat \"$c/state\"; return; }; done; echo absent; }\n"
	"en=0\n";

static void write_cell(FILE *f, size_t i, const struct remote_cell *c)
{
	fprintf(f, "s=$(state_of");
	word(f, c->name);
	fprintf(f, ")\ncase $s in running*) echo 'step running %zu' ;; *)\n", i);
	if (c->kernel) {
		/* cell linux creates, loads and starts the cell itself. */
		fprintf(f, "if [ \"$s\" != absent ]; then run jailhouse cell destroy");
		word(f, c->name);
		fprintf(f, "; fi\necho 'step linux %zu'\nrun jailhouse cell linux", i);
		word(f, c->cell_file);
		word(f, c->kernel);
		if (c->dtb) {
			word(f, "-d");
			word(f, c->dtb);
		}
		if (c->initrd) {
			word(f, "-i");
			word(f, c->initrd);
		}
		if (c->cmdline) {
			word(f, "-c");
			word(f, c->cmdline);
		}
		fprintf(f, "\nc%zu=1\n", i);
	} else {
		fprintf(f, "if [ \"$s\" = absent ]; then echo 'step create %zu'; run jailhouse cell create", i);
		word(f, c->cell_file);
		fprintf(f, "; c%zu=1; fi\n", i);
		if (c->image) {
			fprintf(f, "echo 'step load %zu'\nrun jailhouse cell load", i);
			word(f, c->name);
			word(f, c->image);
			fprintf(f, " -a 0x%llx", (unsigned long long)c->load_addr);
			if (c->params) {
				word(f, "-s");
				word(f, c->params);
				fprintf(f, " -a 0x%llx", (unsigned long long)c->params_addr);
			}
			fputc('\n', f);
		}
		fprintf(f, "echo 'step start %zu'\nrun jailhouse cell start", i);
		word(f, c->name);
		fputc('\n', f);
	}
	fprintf(f, ";; esac\n");
}

static char *start_script(const char *system_cell, const struct remote_cell *cells, size_t n)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	fputs(script_head, f);
	for (size_t i = 0; i < n; i++)
		fprintf(f, "c%zu=0\n", i);
	fputs("rollback() {\n", f);
	for (size_t i = n; i-- > 0;) {
		fprintf(f, "  if [ $c%zu = 1 ]; then echo 'undo destroy %zu'; jailhouse cell destroy", i, i);
		word(f, cells[i].name);
		fputs(" >/dev/null 2>&1; fi\n", f);
	}
	fputs("  if [ $en = 1 ]; then echo 'undo disable'; jailhouse disable >/dev/null 2>&1; fi\n"
	      "  exit 3\n}\n", f);
	fputs("if [ \"$(cat \"$J/enabled\" 2>/dev/null)\" != 1 ]; then echo 'step enable'; "
	      "run jailhouse enable", f);
	word(f, system_cell);
	fputs("; en=1; fi\n", f);
	for (size_t i = 0; i < n; i++)
		write_cell(f, i, &cells[i]);
	fclose(f);
	return buf;
}

/* Turns the script's step lines into progress messages. */
static void report_line(const char *line, const char *system_cell,
			const struct remote_cell *cells, size_t n, remote_step_fn step, void *ctx)
{
	static const struct {
		const char *tag;
		const char *fmt;
	} steps[] = {
		{ "step create ", N_("creating cell %s") },
		{ "step load ", N_("loading cell %s") },
		{ "step start ", N_("starting cell %s") },
		{ "step linux ", N_("booting Linux in cell %s") },
		{ "step running ", N_("cell %s is already running") },
		{ "undo destroy ", N_("rolling back: destroying cell %s") },
	};
	char *what = NULL;

	if (strcmp(line, "step enable") == 0)
		what = xasprintf(_("enabling the hypervisor with %s"), system_cell);
	else if (strcmp(line, "undo disable") == 0)
		what = xstrdup(_("rolling back: disabling the hypervisor"));
	for (size_t k = 0; !what && k < ARRAY_SIZE(steps); k++) {
		size_t tl = strlen(steps[k].tag);
		unsigned long i;

		if (strncmp(line, steps[k].tag, tl) == 0 &&
		    (i = strtoul(line + tl, NULL, 10)) < n)
			what = xasprintf(_(steps[k].fmt), cells[i].name);
	}
	if (what && step)
		step(ctx, what);
	free(what);
}

int remote_start(struct link *l, const char *system_cell, const struct remote_cell *cells,
		 size_t n, remote_step_fn step, void *ctx, struct error *err)
{
	char *script = start_script(system_cell, cells, n);
	char *failed = NULL, *output = xstrdup("");
	struct link_output o;
	char *line, *rest;
	int ret;

	ret = link_run_root(l, script, NULL, 0, &o, err);
	free(script);
	if (ret < 0) {
		free(output);
		return -1;
	}
	rest = o.out;
	while ((line = strsep(&rest, "\n")) != NULL) {
		if (strncmp(line, "fail ", 5) == 0) {
			free(failed);
			failed = xstrdup(line + 5);
		} else if (strncmp(line, "out ", 4) == 0) {
			char *more = xasprintf("%s%s%s", output, output[0] ? " " : "", line + 4);

			free(output);
			output = more;
		} else {
			report_line(line, system_cell, cells, n, step, ctx);
		}
	}
	if (o.status != 0) {
		if (failed)
			error_set(err, _("%s: '%s' failed: %s"), link_name(l), failed, output);
		else
			error_set(err, _("%s: starting the cells failed (exit %d): %s"), link_name(l),
				  o.status, o.err);
		ret = -1;
	}
	free(failed);
	free(output);
	link_output_free(&o);
	return ret;
}
