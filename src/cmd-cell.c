/*
 * autojail cell: create, rename and delete cells and set their CPUs, the
 * same operations as the TUI's cell pane.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "po/i18n.h"
#include "model/ops.h"
#include "model/units.h"
#include "model/util.h"
#include "src/cmd.h"

struct cell_verb {
	const char *name;
	int nargs;               /* arguments after the verb */
	int (*run)(struct project *p, char **args, char *why);
};

static struct cell *lookup(struct project *p, const char *name, char *why)
{
	struct cell *c = config_find_cell(&p->config, name);

	if (!c)
		snprintf(why, OP_WHY_LEN, _("there is no cell '%s'"), name);
	return c;
}

static int verb_create(struct project *p, char **args, char *why)
{
	enum cell_type type = CELL_BARE;

	if (args[1] && strcmp(args[1], "--linux") == 0)
		type = CELL_LINUX;
	else if (args[1] && strcmp(args[1], "--bare") != 0) {
		snprintf(why, OP_WHY_LEN, _("unknown option '%s'"), args[1]);
		return -1;
	}
	return op_cell_create(p, args[0], type, NULL, why);
}

static int verb_rename(struct project *p, char **args, char *why)
{
	struct cell *c = lookup(p, args[0], why);

	return c ? op_cell_rename(p, c->id, args[1], why) : -1;
}

static int verb_delete(struct project *p, char **args, char *why)
{
	struct cell *c = lookup(p, args[0], why);

	return c ? op_cell_delete(p, c->id, why) : -1;
}

static int verb_cpus(struct project *p, char **args, char *why)
{
	struct cell *c = lookup(p, args[0], why);
	uint64_t cpus;

	if (!c)
		return -1;
	if (!parse_cpu_list(args[1], &cpus)) {
		snprintf(why, OP_WHY_LEN, _("'%s' is not a CPU list such as 0,3-5"), args[1]);
		return -1;
	}
	return op_cell_set_cpus(p, c->id, cpus, why);
}

static const struct cell_verb cell_verbs[] = {
	{ "create", 1, verb_create },
	{ "rename", 2, verb_rename },
	{ "delete", 1, verb_delete },
	{ "cpus", 2, verb_cpus },
};

static int cell_exec(int argc, char **argv)
{
	const struct cell_verb *v = NULL;
	char *args[3] = { NULL, NULL, NULL };
	char why[OP_WHY_LEN];
	struct project p;
	int ret;

	if (argc < 2)
		return cmd_usage_error(&cmd_cell_entry, _("expected create, rename, delete or cpus"));
	for (size_t i = 0; i < ARRAY_SIZE(cell_verbs); i++) {
		if (strcmp(argv[1], cell_verbs[i].name) == 0)
			v = &cell_verbs[i];
	}
	if (!v)
		return cmd_usage_error(&cmd_cell_entry, _("unknown action '%s'"), argv[1]);
	/* create takes an optional --linux or --bare after the name. */
	if (argc - 2 < v->nargs || argc - 2 > v->nargs + (v->run == verb_create))
		return cmd_usage_error(&cmd_cell_entry, _("wrong number of arguments for '%s'"),
				       v->name);
	for (int i = 2; i < argc; i++)
		args[i - 2] = argv[i];

	project_init(&p);
	ret = cmd_load_project(&p, false);
	if (ret == EXIT_OK) {
		if (v->run(&p, args, why) < 0) {
			fprintf(stderr, "autojail cell %s: %s\n", v->name, why);
			ret = EXIT_PROBLEMS;
		} else {
			ret = cmd_save_project(&p);
		}
	}
	project_free(&p);
	return ret;
}

const struct cmd_entry cmd_cell_entry = {
	.name = "cell",
	.args = N_("create NAME [--linux] | rename NAME NEW | delete NAME | cpus NAME LIST"),
	.summary = N_("create, rename or delete a cell, or set its CPUs"),
	.help = N_("  create NAME [--linux]  a new bare-metal (or Linux) guest cell\n"
		   "  rename NAME NEW        rename a cell\n"
		   "  delete NAME            delete a guest cell and its regions\n"
		   "  cpus NAME LIST         set the cell's CPUs, e.g. 1,2 or 3-5\n"
		   "The change is validated and saved to cells.yml."),
	.exec = cell_exec,
};
