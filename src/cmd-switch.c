/*
 * autojail switch: putting a Linux guest on the virtual network switch
 * (cells.yml's network section) and taking it off, as dropping the cell on
 * the editor's switch pane and d there do.
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
	bool addresses;          /* whether --ipv4 and --ipv6 may follow the cell */
	int (*run)(struct project *p, const char *cell, const char *ipv4, const char *ipv6,
		   char *why);
};

static int verb_join(struct project *p, const char *cell, const char *ipv4, const char *ipv6,
		     char *why)
{
	return op_network_join(p, cell, ipv4, ipv6, why);
}

static int verb_leave(struct project *p, const char *cell, const char *ipv4, const char *ipv6,
		      char *why)
{
	(void)ipv4;
	(void)ipv6;
	return op_network_leave(p, cell, why);
}

static const struct switch_verb switch_verbs[] = {
	{ "join", true, verb_join },
	{ "leave", false, verb_leave },
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
	int ret;

	if (argc < 2)
		return usage("%s", _("expected join or leave"));
	for (size_t i = 0; i < ARRAY_SIZE(switch_verbs); i++)
		if (!strcmp(argv[1], switch_verbs[i].name))
			v = &switch_verbs[i];
	if (!v)
		return usage(_("unknown action '%s'"), argv[1]);
	if (argc < 3)
		return usage(_("wrong number of arguments for '%s'"), v->name);
	/* The addresses are checked by the operation, which says why one is wrong. */
	for (int i = 3; i < argc; i++) {
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
	if (v->run(&p, argv[2], addr[0], addr[1], why) < 0) {
		fprintf(stderr, "autojail switch %s: %s\n", v->name, why);
		ret = EXIT_PROBLEMS;
		goto out;
	}
	if (!gopt.quiet)
		printf(v->addresses ? _("%s joined the switch.\n") : _("%s left the switch.\n"),
		       argv[2]);
	c = config_find_cell(&p.config, argv[2]);
	cmd_report_added(&p, &before, c ? c->id : DIAG_NONE, DIAG_NONE);
	ret = cmd_save_project(&p);
out:
	free(before.d);
	project_free(&p);
	return ret;
}

const struct cmd_entry cmd_switch_entry = {
	.name = "switch",
	.args = N_("join CELL [--ipv4 ADDR] [--ipv6 ADDR] | leave CELL"),
	.summary = N_("put a Linux guest on the virtual network switch or take it off"),
	.help = N_("  join CELL       connect the guest to the switch's bridge in the root cell;\n"
		   "                  without --ipv4 and --ipv6 its addresses come from the\n"
		   "                  switch's prefixes\n"
		   "  --ipv4 ADDR     e.g. 10.23.0.5/24\n"
		   "  --ipv6 ADDR     e.g. fd00:23::5/64\n"
		   "  leave CELL      take the guest off the switch\n"
		   "The switch itself (bridge, uplink, prefixes) is cells.yml's network section.\n"
		   "Problems the change causes are listed; it is saved to cells.yml."),
	.exec = switch_exec,
};
