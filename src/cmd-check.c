/*
 * autojail check: the diagnostics of the project, for people or, with
 * --json, for tools. Exit 0 when there is no error, 1 when there is.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "model/derive.h"
#include "po/i18n.h"
#include "src/cmd.h"

struct names {
	const char *cell;
	const char *region;
};

static struct names diag_names(const struct config *cfg, uint32_t cell_id, uint32_t region_id)
{
	struct names n = { NULL, NULL };
	const struct cell *c;

	if (cell_id == DIAG_NONE)
		return n;
	c = config_cell_by_id(cfg, cell_id);
	if (!c)
		return n;
	n.cell = c->name;
	if (region_id != DIAG_NONE) {
		const struct cell_region *r = cell_region_by_id(c, region_id);

		if (r)
			n.region = r->name;
	}
	return n;
}

static void json_string(const char *s)
{
	if (!s) {
		fputs("null", stdout);
		return;
	}
	putchar('"');
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;

		if (ch == '"' || ch == '\\')
			printf("\\%c", ch);
		else if (ch == '\n')
			fputs("\\n", stdout);
		else if (ch < 0x20)
			printf("\\u%04x", ch);
		else
			putchar(ch);
	}
	putchar('"');
}

/* Derivation's problems with a code of their own give it, the others "derive". */
static const char *derive_code_name(const struct derive_msg *m)
{
	return m->code == DIAG_DERIVE ? "derive" : diag_code_name(m->code);
}

static void print_json(const struct derive_report *rep, const struct config *cfg,
		       const struct diag *d, size_t n)
{
	printf("[");
	for (size_t i = 0; i < rep->n_msgs; i++) {
		printf("%s\n  {\"severity\": \"%s\", \"code\": \"%s\", \"message\": ",
		       i ? "," : "", severity_name(rep->msgs[i].severity),
		       derive_code_name(&rep->msgs[i]));
		json_string(rep->msgs[i].text);
		printf(", \"cell\": ");
		json_string(rep->msgs[i].cell);
		printf(", \"region\": null, \"other_cell\": null, \"other_region\": null}");
	}
	for (size_t i = 0; i < n; i++) {
		struct names a = diag_names(cfg, d[i].cell, d[i].region);
		struct names b = diag_names(cfg, d[i].other_cell, d[i].other_region);

		printf("%s\n  {\"severity\": \"%s\", \"code\": \"%s\", \"message\": ",
		       i || rep->n_msgs ? "," : "",
		       severity_name(d[i].severity), diag_code_name(d[i].code));
		json_string(d[i].message);
		printf(", \"cell\": ");
		json_string(a.cell);
		printf(", \"region\": ");
		json_string(a.region);
		printf(", \"other_cell\": ");
		json_string(b.cell);
		printf(", \"other_region\": ");
		json_string(b.region);
		printf("}");
	}
	printf("%s]\n", n || rep->n_msgs ? "\n" : "");
}

static void print_text(const struct derive_report *rep, const struct config *cfg,
		       const struct diag *d, size_t n)
{
	for (size_t i = 0; i < rep->n_msgs; i++) {
		printf("%s [%s]", cmd_severity_label(rep->msgs[i].severity),
		       derive_code_name(&rep->msgs[i]));
		if (rep->msgs[i].cell)
			printf(_(" cell '%s'"), rep->msgs[i].cell);
		printf(": %s\n", rep->msgs[i].text);
	}
	for (size_t i = 0; i < n; i++) {
		struct names a = diag_names(cfg, d[i].cell, d[i].region);

		printf("%s [%s]", cmd_severity_label(d[i].severity), diag_code_name(d[i].code));
		if (a.cell)
			printf(_(" cell '%s'"), a.cell);
		if (a.region)
			printf(_(" region '%s'"), a.region);
		printf(": %s\n", d[i].message);
	}
}

static int check_exec(int argc, char **argv)
{
	struct project p;
	bool json = false;
	const struct diag *d;
	size_t n, errors;
	int ret;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json = true;
		else
			return cmd_usage_error(&cmd_check_entry, _("unexpected argument '%s'"), argv[i]);
	}
	project_init(&p);
	ret = cmd_load_project(&p, true);
	if (ret != EXIT_OK) {
		project_free(&p);
		return ret;
	}
	d = validator_diags(p.validator, &n);
	/* Derivation's own problems count like the rules' diagnostics. */
	errors = cmd_problem_count(&p, SEV_ERROR);
	if (json) {
		print_json(p.derived, &p.config, d, n);
	} else {
		print_text(p.derived, &p.config, d, n);
		if (!gopt.quiet) {
			size_t warnings = cmd_problem_count(&p, SEV_WARNING);

			printf(P_("%zu error", "%zu errors", errors), errors);
			printf(", ");
			printf(P_("%zu warning\n", "%zu warnings\n", warnings), warnings);
		}
	}
	project_free(&p);
	return errors ? EXIT_PROBLEMS : EXIT_OK;
}

const struct cmd_entry cmd_check_entry = {
	.name = "check",
	.args = N_("[--json]"),
	.summary = N_("validate the project and list the problems"),
	.help = N_("  --json   print the diagnostics as a JSON array for tools\n"
		   "Without a project in the directory, checks the bundled Jetson TX2 board.\n"
		   "Exit status: 0 no errors, 1 errors found, 2 usage or input error.\n"
		   "Every code is explained in doc/diagnostics.md."),
	.exec = check_exec,
};
