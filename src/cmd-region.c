/*
 * autojail region: the editor's region actions as commands. add puts a
 * region of the user's own into a cell, edit changes what the detail form
 * shows (name, start, virtual address, size, flags), move is a drag from
 * one cell to another; each is the model operation the editor calls.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "po/i18n.h"
#include "model/ops.h"
#include "model/units.h"
#include "model/util.h"
#include "src/cmd.h"

/* The fields an option names; a field not given keeps its value. */
enum field { F_NAME, F_START, F_VIRT, F_SIZE, F_FLAGS, F_COUNT };

static const char *const field_options[F_COUNT] = {
	"--name", "--start", "--virt", "--size", "--flags",
};

struct fields {
	const char *text[F_COUNT];  /* NULL: not given */
	uint64_t num[F_COUNT];      /* parsed addresses and sizes */
};

struct region_verb {
	const char *name;
	int n_words;                /* CELL, REGION, TO-CELL before the options */
	bool options;               /* whether --name ... --flags follow */
	/* Returns an exit code; *region is the region changed, for the report. */
	int (*run)(struct project *p, struct cell *cell, char **words, const struct fields *f,
		   uint32_t *region);
};

static int usage(const char *fmt, const char *arg)
{
	return cmd_usage_error(&cmd_region_entry, fmt, arg);
}

/* Checks the options' values before the project is loaded, so that a typo
 * is a usage error whatever the project holds. */
static int parse_fields(int argc, char **argv, struct fields *f)
{
	memset(f, 0, sizeof(*f));
	for (int i = 0; i < argc; i++) {
		int k = 0;

		while (k < F_COUNT && strcmp(argv[i], field_options[k]))
			k++;
		if (k == F_COUNT)
			return usage(argv[i][0] == '-' ? _("unknown option '%s'")
						       : _("unexpected argument '%s'"), argv[i]);
		if (i + 1 == argc)
			return usage(_("'%s' needs a value"), argv[i]);
		f->text[k] = argv[++i];
		if ((k == F_START || k == F_VIRT) && !parse_u64(f->text[k], &f->num[k]))
			return usage(_("'%s' is not an address"), f->text[k]);
		if (k == F_SIZE && (!parse_size(f->text[k], &f->num[k]) || !f->num[k]))
			return usage(_("'%s' is not a size such as 64KiB"), f->text[k]);
	}
	return EXIT_OK;
}

/* F, +F (adds) or -F (takes away), F a list such as READ|WRITE|IO. */
static bool apply_flags(const char *text, uint32_t *flags)
{
	uint32_t bits;

	if (!flag_parse(mem_flag_names, text + (text[0] == '+' || text[0] == '-'), &bits))
		return false;
	if (text[0] == '+')
		*flags |= bits;
	else if (text[0] == '-')
		*flags &= ~bits;
	else
		*flags = bits;
	return true;
}

static void apply_fields(const struct fields *f, struct cell_region *r)
{
	if (f->text[F_NAME]) {
		free(r->name);
		r->name = xstrdup(f->text[F_NAME]);
	}
	if (f->text[F_START])
		r->phys = f->num[F_START];
	if (f->text[F_VIRT])
		r->virt = f->num[F_VIRT];
	if (f->text[F_SIZE])
		r->size = f->num[F_SIZE];
}

/* "NAME (0x1000, 4 KiB)" for the messages. */
static const char *describe(const struct cell_region *r, char *buf, size_t len)
{
	char size[32];

	format_size_human(r->size, size, sizeof(size));
	if (r->name && r->name[0])
		snprintf(buf, len, "%s (0x%llx, %s)", r->name, (unsigned long long)r->phys, size);
	else
		snprintf(buf, len, "0x%llx (%s)", (unsigned long long)r->phys, size);
	return buf;
}

static int refused(const char *verb, const char *why)
{
	fprintf(stderr, "autojail region %s: %s\n", verb, why);
	return EXIT_PROBLEMS;
}

/* The region named, or NULL with *ret set. Whether it may change is the
 * model's question (op_region_edit, op_region_move). */
static struct cell_region *find(struct cell *cell, const char *what, const char *verb, int *ret)
{
	struct cell_region *r = cell_find_region(cell, what);

	if (!r) {
		fprintf(stderr, _("autojail region %s: cell '%s' has no region '%s'\n"), verb,
			cell->name, what);
		*ret = EXIT_USAGE;
	}
	return r;
}

static int region_add(struct project *p, struct cell *cell, char **words, const struct fields *f,
		      uint32_t *region)
{
	const struct board_region *br;
	struct cell_region r = { 0 };
	char why[OP_WHY_LEN], text[OP_WHY_LEN];
	int ret;

	(void)words;
	if (!f->text[F_START] || !f->text[F_SIZE])
		return usage(_("'%s' needs --start and --size"), "add");
	r.phys = r.virt = f->num[F_START];
	/* Flags by default as assign gives them to what the board has there. */
	br = board_region_at(&p->board, r.phys);
	r.flags = br && br->kind == REGION_MMIO ? MEM_READ | MEM_WRITE | MEM_IO
						: MEM_READ | MEM_WRITE | MEM_EXECUTE;
	if (f->text[F_FLAGS] && !apply_flags(f->text[F_FLAGS], &r.flags))
		return usage(_("'%s' is not a list of flags such as READ|WRITE|IO"),
			     f->text[F_FLAGS]);
	r.name = xstrdup("");
	apply_fields(f, &r);
	r.board_region = -1;
	r.origin = ORIGIN_USER;
	ret = op_region_add(p, cell->id, &r, region, why);
	if (ret == 0 && !gopt.quiet)
		printf(_("Added %s to cell '%s'.\n"), describe(&r, text, sizeof(text)), cell->name);
	free(r.name);
	return ret < 0 ? refused("add", why) : EXIT_OK;
}

static int region_edit(struct project *p, struct cell *cell, char **words,
		       const struct fields *f, uint32_t *region)
{
	int ret = EXIT_OK;
	struct cell_region *r = find(cell, words[1], "edit", &ret), value;
	char why[OP_WHY_LEN], text[OP_WHY_LEN];

	if (!r)
		return ret;
	value = *r;
	if (f->text[F_FLAGS] && !apply_flags(f->text[F_FLAGS], &value.flags))
		return usage(_("'%s' is not a list of flags such as READ|WRITE|IO"),
			     f->text[F_FLAGS]);
	value.name = xstrdup(r->name ? r->name : "");
	apply_fields(f, &value);
	*region = r->id;
	ret = op_region_edit(p, cell->id, r->id, &value, why);
	if (ret == 0 && !gopt.quiet)
		printf(_("Changed %s of cell '%s'.\n"), describe(&value, text, sizeof(text)),
		       cell->name);
	free(value.name);
	return ret < 0 ? refused("edit", why) : EXIT_OK;
}

static int region_move(struct project *p, struct cell *cell, char **words,
		       const struct fields *f, uint32_t *region)
{
	int ret = EXIT_OK;
	struct cell_region *r = find(cell, words[1], "move", &ret);
	struct cell *to = config_find_cell(&p->config, words[2]);
	char why[OP_WHY_LEN], text[OP_WHY_LEN];

	(void)f;
	if (!r)
		return ret;
	if (!to) {
		fprintf(stderr, _("autojail region %s: there is no cell '%s'\n"), "move",
			words[2]);
		return EXIT_USAGE;
	}
	if (to == cell) {
		snprintf(why, sizeof(why), _("the region is in '%s' already"), to->name);
		return refused("move", why);
	}
	/* The region keeps its id in the cell it goes to. */
	*region = r->id;
	describe(r, text, sizeof(text));
	if (op_region_move(p, cell->id, r->id, to->id, why) < 0)
		return refused("move", why);
	if (!gopt.quiet)
		printf(_("Moved %s from cell '%s' to '%s'.\n"), text, cell->name, to->name);
	return EXIT_OK;
}

static const struct region_verb region_verbs[] = {
	{ "add", 1, true, region_add },
	{ "edit", 2, true, region_edit },
	{ "move", 3, false, region_move },
};

static int region_exec(int argc, char **argv)
{
	const struct region_verb *v = NULL;
	struct diag_mark before = { NULL, 0 };
	struct fields f;
	struct project p;
	struct cell *cell;
	uint32_t region = DIAG_NONE;
	int ret;

	if (argc < 2)
		return usage("%s", _("expected add, edit or move"));
	for (size_t i = 0; i < ARRAY_SIZE(region_verbs); i++)
		if (!strcmp(argv[1], region_verbs[i].name))
			v = &region_verbs[i];
	if (!v)
		return usage(_("unknown action '%s'"), argv[1]);
	if (argc - 2 < v->n_words || (!v->options && argc - 2 > v->n_words))
		return usage(_("wrong number of arguments for '%s'"), v->name);
	ret = parse_fields(argc - 2 - v->n_words, argv + 2 + v->n_words, &f);
	if (ret != EXIT_OK)
		return ret;

	project_init(&p);
	ret = cmd_load_project(&p, false);
	if (ret != EXIT_OK)
		goto out;
	cell = config_find_cell(&p.config, argv[2]);
	if (!cell) {
		fprintf(stderr, _("autojail region %s: there is no cell '%s'\n"), v->name, argv[2]);
		ret = EXIT_USAGE;
		goto out;
	}
	diag_mark_take(&before, p.validator);
	ret = v->run(&p, cell, argv + 2, &f, &region);
	if (ret == EXIT_OK) {
		/* The errors about the region come first, then those of the cell
		 * it is in now. */
		if (v->n_words == 3)
			cell = config_find_cell(&p.config, argv[4]);
		cmd_report_added(&p, &before, cell->id, region);
		ret = cmd_save_project(&p);
	}
out:
	free(before.d);
	project_free(&p);
	return ret;
}

const struct cmd_entry cmd_region_entry = {
	.name = "region",
	.args = N_("add CELL --start ADDR --size SIZE [OPTIONS] | edit CELL REGION [OPTIONS] |\n"
		   "       move CELL REGION TO-CELL"),
	.summary = N_("add a region of your own to a cell, change a region or move it"),
	.help = N_("REGION is the region's name in the cell or an address in it.\n"
		   "  add CELL --start ADDR --size SIZE\n"
		   "                  a region that is no board region's (virtual address = start)\n"
		   "  edit CELL REGION\n"
		   "                  change the fields the options give, as the editor's detail\n"
		   "                  form does\n"
		   "  move CELL REGION TO-CELL\n"
		   "                  move the region to another cell, as a drag does\n"
		   "Options of add and edit:\n"
		   "  --name NAME     the region's name\n"
		   "  --start ADDR    physical start address\n"
		   "  --virt ADDR     address in the cell\n"
		   "  --size SIZE     e.g. 4KiB or 0x1000\n"
		   "  --flags FLAGS   e.g. READ|WRITE|IO; +FLAGS adds them, -FLAGS takes them away\n"
		   "                  (add: READ|WRITE|EXECUTE, or READ|WRITE|IO on a device)\n"
		   "Regions placed from a guest's description change with 'autojail cell'.\n"
		   "Problems the change causes are listed; it is saved to cells.yml."),
	.exec = region_exec,
};
