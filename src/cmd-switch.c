/*
 * autojail switch: putting a Linux guest on the virtual network switch
 * (cells.yml's network section) and taking it off, as dropping the cell on
 * the editor's switch pane and d there do, and making the switch itself.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "po/i18n.h"
#include "model/ops.h"
#include "model/util.h"
#include "src/cmd.h"

struct switch_verb {
	const char *name;
	int max_args;            /* after the verb; at least one */
	bool addresses;          /* whether --ipv4 and --ipv6 may follow */
	int (*run)(struct project *p, char **args, int n, const char *const addr[2], char *why);
};

static int verb_join(struct project *p, char **args, int n, const char *const addr[2],
		     char *why)
{
	(void)n;
	return op_network_join(p, args[0], addr[0], addr[1], why);
}

static int verb_leave(struct project *p, char **args, int n, const char *const addr[2],
		      char *why)
{
	(void)n;
	(void)addr;
	return op_network_leave(p, args[0], why);
}

/* set FIELD [VALUE]: no value removes the setting, as cell set does. */
static int verb_set(struct project *p, char **args, int n, const char *const addr[2],
		    char *why)
{
	(void)addr;
	for (int f = 0; f < NET_N_FIELDS; f++)
		if (!strcmp(args[0], net_field_names[f]))
			return op_network_set(p, (enum net_field)f, n > 1 ? args[1] : NULL, why);
	snprintf(why, OP_WHY_LEN, _("'%s' is not bridge, uplink, ipv4_prefix or ipv6_prefix"),
		 args[0]);
	return -1;
}

static const struct switch_verb switch_verbs[] = {
	{ "join", 1, true, verb_join },
	{ "leave", 1, false, verb_leave },
	{ "set", 2, false, verb_set },
};

static int usage(const char *fmt, const char *arg)
{
	return cmd_usage_error(&cmd_switch_entry, fmt, arg);
}

static int switch_exec(int argc, char **argv)
{
	const struct switch_verb *v = NULL;
	struct diag_mark before = { NULL, 0 };
	const char *addr[2] = { NULL, NULL };
	char why[OP_WHY_LEN];
	struct project p;
	const struct cell *c;
	int n, ret;

	if (argc < 2)
		return usage("%s", _("expected join, leave or set"));
	for (size_t i = 0; i < ARRAY_SIZE(switch_verbs); i++)
		if (!strcmp(argv[1], switch_verbs[i].name))
			v = &switch_verbs[i];
	if (!v)
		return usage(_("unknown action '%s'"), argv[1]);
	for (n = 0; 2 + n < argc && argv[2 + n][0] != '-'; n++)
		;
	if (n < 1 || n > v->max_args)
		return usage(_("wrong number of arguments for '%s'"), v->name);
	/* The addresses are checked by the operation, which says why one is wrong. */
	for (int i = 2 + n; i < argc; i++) {
		int k = !strcmp(argv[i], "--ipv4") ? 0 : !strcmp(argv[i], "--ipv6") ? 1 : -1;

		if (k < 0 || !v->addresses)
			return usage(argv[i][0] == '-' ? _("unknown option '%s'")
						       : _("unexpected argument '%s'"), argv[i]);
		if (i + 1 == argc)
			return usage(_("'%s' needs a value"), argv[i]);
		addr[k] = argv[++i];
	}

	project_init(&p);
	ret = cmd_load_project(&p, false);
	if (ret != EXIT_OK)
		goto out;
	diag_mark_take(&before, p.validator);
	if (v->run(&p, argv + 2, n, addr, why) < 0) {
		fprintf(stderr, "autojail switch %s: %s\n", v->name, why);
		ret = EXIT_PROBLEMS;
		goto out;
	}
	if (!gopt.quiet && v->run == verb_join)
		printf(_("%s joined the switch.\n"), argv[2]);
	else if (!gopt.quiet && v->run == verb_leave)
		printf(_("%s left the switch.\n"), argv[2]);
	c = v->run == verb_set ? NULL : config_find_cell(&p.config, argv[2]);
	cmd_report_added(&p, &before, c ? c->id : DIAG_NONE, DIAG_NONE);
	ret = cmd_save_project(&p);
out:
	free(before.d);
	project_free(&p);
	return ret;
}

const struct cmd_entry cmd_switch_entry = {
	.name = "switch",
	.args = N_("join CELL [--ipv4 ADDR] [--ipv6 ADDR] | leave CELL |\n"
		   "       set bridge|uplink|ipv4_prefix|ipv6_prefix [VALUE]"),
	.summary = N_("put a Linux guest on the virtual network switch or take it off"),
	.help = N_("  join CELL       connect the guest to the switch's bridge in the root cell;\n"
		   "                  without --ipv4 and --ipv6 its addresses come from the\n"
		   "                  switch's prefixes\n"
		   "  --ipv4 ADDR     e.g. 10.23.0.5/24\n"
		   "  --ipv6 ADDR     e.g. fd00:23::5/64\n"
		   "  leave CELL      take the guest off the switch\n"
		   "  set FIELD [VALUE]\n"
		   "                  the switch itself, as cells.yml's network section says it:\n"
		   "                  bridge (the bridge's name, e.g. br0; the switch is there\n"
		   "                  when it has one), uplink (the root cell's interface, e.g.\n"
		   "                  eth0), ipv4_prefix (e.g. 10.23.0.0/24), ipv6_prefix;\n"
		   "                  without VALUE the setting is removed\n"
		   "Problems the change causes are listed; it is saved to cells.yml."),
	.exec = switch_exec,
};
