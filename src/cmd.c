/*
 * The command table and what every command shares: help, usage errors,
 * loading and saving the project.
 */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "po/i18n.h"
#include "model/ops.h"
#include "model/util.h"
#include "model/derive.h"
#include "src/cmd.h"
#include "src/project-io.h"

struct global_opts gopt = { .project_dir = "." };

const struct cmd_entry *const cmd_table[] = {
	&cmd_init_entry,
	&cmd_extract_entry,
	&cmd_show_entry,
	&cmd_check_entry,
	&cmd_assign_entry,
	&cmd_unassign_entry,
	&cmd_region_entry,
	&cmd_cell_entry,
	&cmd_link_entry,
	&cmd_irq_entry,
	&cmd_cpu_entry,
	&cmd_switch_entry,
	&cmd_hypervisor_entry,
	&cmd_undo_entry,
	&cmd_redo_entry,
	&cmd_generate_entry,
	&cmd_import_entry,
	&cmd_dump_entry,
	&cmd_build_entry,
	&cmd_push_entry,
	&cmd_start_entry,
	&cmd_stop_entry,
	&cmd_status_entry,
	&cmd_console_entry,
	&cmd_test_entry,
	&cmd_tui_entry,
	&cmd_complete_entry,
	NULL
};

const struct cmd_entry *cmd_find(const char *name)
{
	for (size_t i = 0; cmd_table[i]; i++) {
		if (strcmp(cmd_table[i]->name, name) == 0)
			return cmd_table[i];
	}
	return NULL;
}

static const struct {
	unsigned option;
	const char *help;
} option_help[] = {
	{ CMD_OPT_FORCE,
	  N_("  --force            go on despite errors in the configuration, to see what\n"
	     "                     Jailhouse itself says of it") },
	{ CMD_OPT_CONNECTION,
	  N_("  --accept-new-host  trust and remember an unknown board's host key\n"
	     "  --identity FILE    a private key to try before the agent and ~/.ssh\n"
	     "  --known-hosts FILE where host keys are kept (default ~/.ssh/known_hosts)\n"
	     "  --timeout SECONDS  for connecting and for each remote command") },
};

void cmd_print_help(const struct cmd_entry *e)
{
	bool blank = true;

	printf(_("Usage: autojail %s %s\n"), e->name, e->args[0] ? _(e->args) : "");
	printf("%s\n", _(e->summary));
	if (e->help && e->help[0])
		printf("\n%s\n", _(e->help));
	for (size_t i = 0; i < ARRAY_SIZE(option_help); i++) {
		if (!(e->options & option_help[i].option))
			continue;
		printf("%s%s\n", blank && !(e->help && e->help[0]) ? "\n" : "", _(option_help[i].help));
		blank = false;
	}
}

bool cmd_wants_help(const struct cmd_entry *e, int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			cmd_print_help(e);
			return true;
		}
	}
	return false;
}

int cmd_usage_error(const struct cmd_entry *e, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "autojail %s: ", e->name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n");
	fprintf(stderr, _("Try 'autojail %s --help'.\n"), e->name);
	return EXIT_USAGE;
}

/* With no project here, the bundled default board stands in, so that a
 * first look needs no set-up. */
static int load_default(struct project *p, struct error *err)
{
	char *path;
	int ret;

	p->settings.name = xstrdup("jetson-tx2");
	p->settings.board_profile = xstrdup("jetson-tx2");
	p->settings.arch = ARCH_ARM64;
	path = xasprintf("%s/jetson-tx2/%s", boards_dir(), BOARD_FILE);
	ret = board_load(path, &p->board, err);
	free(path);
	if (ret == 0)
		project_ready(p);
	return ret;
}

int cmd_load_project(struct project *p, bool allow_default)
{
	struct error err;
	char *settings;
	int ret;

	error_clear(&err);
	p->dir = xstrdup(gopt.project_dir);
	settings = xasprintf("%s/%s", gopt.project_dir, SETTINGS_FILE);
	if (allow_default && access(settings, F_OK) != 0)
		ret = load_default(p, &err);
	else
		ret = project_load(p, gopt.project_dir, &err);
	free(settings);
	if (ret < 0) {
		fprintf(stderr, "autojail: %s\n", err.text);
		return EXIT_USAGE;
	}
	return EXIT_OK;
}

size_t cmd_problem_count(const struct project *p, enum severity sev)
{
	return validator_count(p->validator, sev) + derive_report_count(p->derived, sev);
}

size_t cmd_cell_problems(const struct project *p, const struct cell *c)
{
	const struct diag *d;
	size_t n, problems = 0;

	d = validator_diags(p->validator, &n);
	for (size_t k = 0; k < n; k++)
		problems += d[k].severity != SEV_INFO &&
			    (d[k].cell == c->id || d[k].other_cell == c->id);
	for (size_t k = 0; k < p->derived->n_msgs; k++) {
		const struct derive_msg *m = &p->derived->msgs[k];

		problems += m->severity != SEV_INFO && m->cell && c->name &&
			    !strcmp(m->cell, c->name);
	}
	return problems;
}

void cmd_report_added(struct project *p, struct diag_mark *before, uint32_t cell_id,
		      uint32_t region_id)
{
	const struct diag *d[16];
	size_t n = diag_mark_added(before, p->validator, cell_id, region_id, d, 16);

	for (size_t i = 0; i < n; i++)
		printf("  %s [%s]: %s\n", severity_name(d[i]->severity),
		       diag_code_name(d[i]->code), d[i]->message);
}

const char *cmd_severity_label(enum severity s)
{
	switch (s) {
	case SEV_ERROR: return _("error");
	case SEV_WARNING: return _("warning");
	default: return _("note");
	}
}

int cmd_save_project(struct project *p)
{
	struct error err;

	error_clear(&err);
	if (project_save(p, &err) < 0) {
		fprintf(stderr, "autojail: %s\n", err.text);
		return EXIT_PROBLEMS;
	}
	return EXIT_OK;
}
