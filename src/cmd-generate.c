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
#include <sys/stat.h>

#include "emit/emit.h"
#include "emit/guest-dt.h"
#include "emit/net-script.h"
#include "model/derive.h"
#include "po/i18n.h"
#include "model/network.h"
#include "model/util.h"
#include "src/atomic.h"
#include "src/cmd.h"
#include "src/io-file.h"

struct gen_opts {
	int abi;                 /* 0: the project's */
	const char *out;         /* NULL: PROJECT/generated */
	bool force;
};

/* One file to write, kept in memory until every cell has been emitted. */
struct gen_file {
	char *path;
	struct emit_buf data;
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

/* Derivation's own messages: why a spec could not be met, the mem= advice.
 * Returns whether derivation met the spec. */
static bool print_report(const struct derive_report *rep)
{
	for (size_t i = 0; i < rep->n_msgs; i++) {
		const struct derive_msg *m = &rep->msgs[i];

		if (m->severity == SEV_INFO && gopt.quiet)
			continue;
		fprintf(m->severity == SEV_INFO ? stdout : stderr, "%s: %s%s%s\n",
			cmd_severity_label(m->severity), m->cell ? m->cell : "", m->cell ? ": " : "",
			m->text);
	}
	return derive_report_count(rep, SEV_ERROR) == 0;
}

/* The report of a derivation for abi: the load's, or a new one (*own). */
static const struct derive_report *derive_for(struct project *p, enum abi abi,
					      struct derive_report *own)
{
	if (abi == p->settings.abi)
		return p->derived;
	derive_config(&p->board, &p->spec, abi, &p->config, own);
	return own;
}

static size_t print_errors(const struct project *p)
{
	const struct diag *d;
	size_t n, errors = 0;

	validate_full(p->validator, &p->board, &p->config);
	d = validator_diags(p->validator, &n);
	for (size_t i = 0; i < n; i++) {
		const struct cell *c;

		if (d[i].severity != SEV_ERROR)
			continue;
		errors++;
		c = d[i].cell == DIAG_NONE ? NULL : config_cell_by_id(&p->config, d[i].cell);
		fprintf(stderr, "%s [%s]", cmd_severity_label(SEV_ERROR), diag_code_name(d[i].code));
		if (c)
			fprintf(stderr, _(" cell '%s'"), c->name);
		fprintf(stderr, ": %s\n", d[i].message);
	}
	return errors;
}

/* A Linux guest's device tree, when derivation described the guest. */
static int emit_dts(const struct project *p, const struct derive_report *rep,
		    const struct cell *c, const char *out, const char *base,
		    struct gen_file *files, size_t *n_files, struct emit_error *eerr)
{
	const struct derive_guest *g = rep ? derive_report_guest(rep, c->name) : NULL;
	struct gen_file *dts;

	if (c->root || c->type != CELL_LINUX || !g)
		return 0;
	dts = &files[(*n_files)++];
	dts->path = xasprintf("%s/%s.dts", out, base);
	emit_buf_init(&dts->data);
	return emit_guest_dts(&p->board, &p->config, c, g, &dts->data, eerr);
}

/* The virtual switch's bridge scripts for the root cell, and each Linux
 * member's network settings. */
static int emit_network(const struct project *p, const char *out, struct gen_file *files,
			size_t *n_files, struct emit_error *eerr)
{
	const struct network_spec *net = &p->spec.network;
	const enum net_file root_files[] = { NET_FILE_UP, NET_FILE_DOWN };

	if (!network_in_use(&p->spec))
		return 0;
	for (size_t i = 0; i < ARRAY_SIZE(root_files); i++) {
		struct gen_file *f = &files[(*n_files)++];
		char *name = net_script_file_name(&p->config, root_files[i], NULL);

		f->path = xasprintf("%s/%s", out, name);
		free(name);
		emit_buf_init(&f->data);
		if (net_script_emit(&p->board, &p->spec, &p->config, root_files[i], NULL, &f->data,
				    eerr) < 0)
			return -1;
	}
	for (size_t i = 0; i < net->n_members; i++) {
		const struct cell *c = config_find_cell(&p->config, net->members[i].cell);
		struct gen_file *f;
		char *name;

		if (!c || c->type != CELL_LINUX)
			continue;
		f = &files[(*n_files)++];
		name = net_script_file_name(&p->config, NET_FILE_NETWORKD, c->name);
		f->path = xasprintf("%s/%s", out, name);
		free(name);
		emit_buf_init(&f->data);
		if (net_script_emit(&p->board, &p->spec, &p->config, NET_FILE_NETWORKD, c->name,
				    &f->data, eerr) < 0)
			return -1;
	}
	return 0;
}

static int emit_all(const struct project *p, enum abi abi, const struct derive_report *rep,
		    const char *out, struct gen_file *files, size_t *n_files)
{
	struct emit_error eerr;

	*n_files = 0;
	for (size_t i = 0; i < p->config.n_cells; i++) {
		const struct cell *c = p->config.cells[i];
		char *base = emit_file_base(c);
		struct gen_file *bin = &files[(*n_files)++], *src = &files[(*n_files)++];
		int ret;

		bin->path = xasprintf("%s/%s.cell", out, base);
		src->path = xasprintf("%s/%s.c", out, base);
		emit_buf_init(&bin->data);
		emit_buf_init(&src->data);
		ret = emit_cell_binary(&p->config, c, abi, &bin->data, &eerr);
		if (ret == 0)
			ret = emit_cell_c(&p->config, c, abi, &src->data, &eerr);
		if (ret == 0)
			ret = emit_dts(p, rep, c, out, base, files, n_files, &eerr);
		free(base);
		if (ret < 0) {
			fprintf(stderr, _("autojail generate: %s\n"), eerr.text);
			return -1;
		}
		/* Names that differ only in characters a file name cannot hold. */
		for (size_t k = 0; &files[k] != bin; k++) {
			if (strcmp(files[k].path, bin->path) == 0) {
				fprintf(stderr, _("autojail generate: two cells would both be written "
						  "to %s; rename one\n"), bin->path);
				return -1;
			}
		}
	}
	if (emit_network(p, out, files, n_files, &eerr) < 0) {
		fprintf(stderr, _("autojail generate: %s\n"), eerr.text);
		return -1;
	}
	return 0;
}

static int write_all(const struct gen_file *files, size_t n, const char *out)
{
	struct error err;

	error_clear(&err);
	if (io_make_dirs(out, &err) < 0) {
		fprintf(stderr, "autojail generate: %s\n", err.text);
		return EXIT_PROBLEMS;
	}
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(files[i].path);

		if (atomic_write(files[i].path, files[i].data.data, files[i].data.len, 0, &err) < 0) {
			fprintf(stderr, "autojail generate: %s\n", err.text);
			return EXIT_PROBLEMS;
		}
		/* The bridge scripts are run by hand on the board. */
		if (len > 3 && strcmp(files[i].path + len - 3, ".sh") == 0)
			chmod(files[i].path, 0755);
		if (!gopt.quiet)
			printf(_("Wrote %s (%zu bytes)\n"), files[i].path, files[i].data.len);
	}
	return EXIT_OK;
}

static int generate_exec(int argc, char **argv)
{
	struct gen_opts o = { 0 };
	const struct derive_report *rep = NULL;
	struct derive_report own;
	struct gen_file *files = NULL;
	struct project p;
	size_t n_files = 0, errors;
	char *out = NULL;
	bool derived;
	enum abi abi;
	int ret;

	ret = parse_options(argc, argv, &o);
	if (ret != EXIT_OK)
		return ret;
	derive_report_init(&own);
	project_init(&p);
	ret = cmd_load_project(&p, false);
	if (ret != EXIT_OK)
		goto done;
	abi = o.abi ? (enum abi)o.abi : p.settings.abi;
	rep = derive_for(&p, abi, &own);
	derived = print_report(rep);
	errors = print_errors(&p);
	if ((errors || !derived) && !o.force) {
		fprintf(stderr, P_("autojail generate: %zu error; nothing written (--force writes "
				   "anyway)\n",
				   "autojail generate: %zu errors; nothing written (--force writes "
				   "anyway)\n", errors + !derived),
			errors + !derived);
		ret = EXIT_PROBLEMS;
		goto done;
	}
	out = o.out ? xstrdup(o.out) : xasprintf("%s/generated", p.dir);
	/* .cell, .c and .dts per cell; two bridge scripts and a file per switch member. */
	files = xcalloc(3 * p.config.n_cells + 2 + p.spec.network.n_members, sizeof(*files));
	if (emit_all(&p, abi, rep, out, files, &n_files) < 0)
		ret = EXIT_PROBLEMS;
	else
		ret = write_all(files, n_files, out);
	if (ret == EXIT_OK && !gopt.quiet)
		printf(P_("Config revision %d, %zu cell.\n", "Config revision %d, %zu cells.\n",
			  p.config.n_cells), (int)abi, p.config.n_cells);
done:
	for (size_t i = 0; i < n_files; i++) {
		free(files[i].path);
		emit_buf_free(&files[i].data);
	}
	free(files);
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
