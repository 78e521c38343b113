/*
 * autojail generate: the Jailhouse configuration of the project as binary
 * .cell files and as C sources, one pair for the root cell (the system
 * configuration) and one per guest cell. Loading the project derives the
 * cells for its config revision; another revision asked for with --abi is
 * derived again, since derivation depends on it (ivshmem layout, console
 * flags). Linux guests get their device tree source as well. With
 * validation errors nothing is written unless --force. Every file is
 * replaced atomically, and nothing at all when one cell cannot be.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/util.h"
#include "po/i18n.h"
#include "src/cmd.h"
#include "src/generate.h"

struct gen_opts {
	int abi;                 /* 0: the project's */
	const char *out;         /* NULL: PROJECT/generated */
	bool force;
};

static const struct option generate_options[] = {
	{ "abi", required_argument, NULL, 'r' },
	{ "out", required_argument, NULL, 'o' },
	{ "force", no_argument, NULL, 'f' },
	{ NULL, 0, NULL, 0 }
};

static int parse_options(int argc, char **argv, struct gen_opts *o)
{
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "+r:o:f", generate_options, NULL)) != -1) {
		switch (c) {
		case 'r':
			if (strcmp(optarg, "14") == 0)
				o->abi = ABI_V14;
			else if (strcmp(optarg, "9") == 0)
				o->abi = ABI_V9;
			else
				return cmd_usage_error(&cmd_generate_entry,
						       _("unknown configuration revision '%s' (expected 14 or 9)"),
						       optarg);
			break;
		case 'o': o->out = optarg; break;
		case 'f': o->force = true; break;
		default:
			return cmd_usage_error(&cmd_generate_entry, _("unknown option '%s'"),
					       argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cmd_usage_error(&cmd_generate_entry, _("unexpected argument '%s'"),
				       argv[optind]);
	return EXIT_OK;
}

/* Derivation's own messages: why a spec could not be met, the mem= advice. */
static void print_report(const struct derive_report *rep)
{
	for (size_t i = 0; i < rep->n_msgs; i++) {
		const struct derive_msg *m = &rep->msgs[i];

		if (m->severity == SEV_INFO && gopt.quiet)
			continue;
		fprintf(m->severity == SEV_INFO ? stdout : stderr, "%s: %s%s%s\n",
			cmd_severity_label(m->severity), m->cell ? m->cell : "", m->cell ? ": " : "",
			m->text);
	}
}

static void print_errors(const struct project *p)
{
	const struct diag *d;
	size_t n;

	validate_full(p->validator, &p->board, &p->config);
	d = validator_diags(p->validator, &n);
	for (size_t i = 0; i < n; i++) {
		const struct cell *c;

		if (d[i].severity != SEV_ERROR)
			continue;
		c = d[i].cell == DIAG_NONE ? NULL : config_cell_by_id(&p->config, d[i].cell);
		fprintf(stderr, "%s [%s]", cmd_severity_label(SEV_ERROR), diag_code_name(d[i].code));
		if (c)
			fprintf(stderr, _(" cell '%s'"), c->name);
		fprintf(stderr, ": %s\n", d[i].message);
	}
}

static void print_wrote(void *ctx, const char *path, size_t len)
{
	if (!gopt.quiet)
		printf(_("Wrote %s (%zu bytes)\n"), path, len);
}

static int generate_exec(int argc, char **argv)
{
	struct gen_opts o = { 0 };
	const struct derive_report *rep;
	struct derive_report own;
	struct generate_set set = { 0 };
	struct project p;
	struct error err;
	size_t blockers;
	char *out = NULL;
	enum abi abi;
	int ret;

	ret = parse_options(argc, argv, &o);
	if (ret != EXIT_OK)
		return ret;
	derive_report_init(&own);
	project_init(&p);
	error_clear(&err);
	ret = cmd_load_project(&p, false);
	if (ret != EXIT_OK)
		goto done;
	abi = o.abi ? (enum abi)o.abi : p.settings.abi;
	rep = generate_derive(&p, abi, &own);
	print_report(rep);
	print_errors(&p);
	blockers = generate_blockers(&p, rep);
	if (blockers && !o.force) {
		fprintf(stderr, P_("autojail generate: %zu error; nothing written (--force writes "
				   "anyway)\n",
				   "autojail generate: %zu errors; nothing written (--force writes "
				   "anyway)\n", blockers),
			blockers);
		ret = EXIT_PROBLEMS;
		goto done;
	}
	out = o.out ? xstrdup(o.out) : xasprintf("%s/%s", p.dir, GENERATE_DIR);
	if (generate_set_make(&p, abi, rep, &set, &err) < 0 ||
	    generate_set_write(&set, out, print_wrote, NULL, &err) < 0) {
		fprintf(stderr, _("autojail generate: %s\n"), err.text);
		ret = EXIT_PROBLEMS;
		goto done;
	}
	if (!gopt.quiet)
		printf(P_("Config revision %d, %zu cell.\n", "Config revision %d, %zu cells.\n",
			  p.config.n_cells), (int)abi, p.config.n_cells);
done:
	generate_set_free(&set);
	free(out);
	derive_report_free(&own);
	project_free(&p);
	return ret;
}

const struct cmd_entry cmd_generate_entry = {
	.name = "generate",
	.args = N_("[--abi 14|9] [--out DIR] [--force]"),
	.summary = N_("write the Jailhouse configuration as .cell files and C sources"),
	.help = N_("  --abi 14|9   config revision to write (default: the project's)\n"
		   "  --out DIR    where to write (default: PROJECT/generated)\n"
		   "  --force      write even when validation finds errors\n"
		   "Writes NAME.cell and NAME.c for the root cell and every guest cell, and\n"
		   "NAME.dts, the device tree, for every Linux guest.\n"
		   "Exit status: 0 written, 1 errors found or not written, 2 usage error."),
	.exec = generate_exec,
};
