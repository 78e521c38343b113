/*
 * autojail import: existing .cell files into the project's cells.yml. A
 * system file replaces the root cell and the system part; a cell file
 * replaces the guest cell of the same name or adds one. Imported regions
 * are kept as they are (origin "import"); a guest the spec does not name is
 * left alone by derivation, so generating again gives its bytes back. (The
 * root cell and the system part are derived from the board on every load.)
 * All files are read before anything changes: one bad file and cells.yml
 * stays as it was. In a folder without a project the files make one.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "po/i18n.h"
#include "model/util.h"
#include "src/cellfile-read.h"
#include "src/cmd.h"
#include "src/project-io.h"

/* Moves the cell into the project's configuration, replacing its namesake. */
static bool adopt(struct config *dst, struct config *src, struct cell *cell)
{
	struct cell *old = cell->root ? config_root(dst) : config_find_cell(dst, cell->name);
	bool replaced = old != NULL;

	if (cell->root) {
		free(dst->sys.hypervisor.name);
		dst->sys = src->sys;
		src->sys.hypervisor.name = NULL;
		dst->arch = src->arch;
	}
	if (old) {
		dst->cells[config_cell_index(dst, old->id)] = cell;
		cell_free(old);
		return replaced;
	}
	/* The root cell goes first, as the system configuration needs. */
	ARRAY_GROW(dst->cells, dst->n_cells, dst->cap_cells);
	if (cell->root) {
		memmove(dst->cells + 1, dst->cells, dst->n_cells * sizeof(*dst->cells));
		dst->cells[0] = cell;
	} else {
		dst->cells[dst->n_cells] = cell;
	}
	dst->n_cells++;
	return replaced;
}

/* Reads every file into in; prints the first problem. */
static int read_files(struct config *in, int argc, char **argv, enum arch arch,
		      struct import_info *infos)
{
	struct error err;

	for (int i = 1; i < argc; i++) {
		error_clear(&err);
		if (cell_file_import(in, argv[i], arch, &infos[i], &err) < 0) {
			fprintf(stderr, "autojail import: %s\n", err.text);
			return EXIT_USAGE;
		}
	}
	return EXIT_OK;
}

/*
 * Without autojail.yml the files make the project: their revision and
 * architecture become its own (revision 9 files name none: arm64, the TX2
 * fork's), and where there is no board.yml yet, one that names only the board
 * stands in (the files say the rest) until extract reads the real board.
 * Nothing is written here; the board is saved with the rest.
 */
static int new_project(struct project *p, int argc, char **argv, bool *board_new)
{
	struct import_info *infos = xcalloc((size_t)argc, sizeof(*infos));
	struct config scratch;
	struct error err;
	char *path;
	int ret;

	config_init(&scratch);
	ret = read_files(&scratch, argc, argv, ARCH_ARM64, infos);
	for (int i = 2; i < argc && ret == EXIT_OK; i++) {
		if (infos[i].abi != infos[1].abi || infos[i].arch != infos[1].arch) {
			fprintf(stderr, _("autojail import: %s: the file is of another revision or "
					  "architecture than %s; a new project takes one of each\n"),
				argv[i], argv[1]);
			ret = EXIT_USAGE;
		}
	}
	config_free(&scratch);
	if (ret != EXIT_OK) {
		free(infos);
		return ret;
	}
	cmd_settings_defaults(&p->settings);
	p->settings.name = cmd_project_name(gopt.project_dir);
	p->settings.arch = infos[1].arch;
	p->settings.abi = infos[1].abi;
	p->config.arch = infos[1].arch;
	p->dir = xstrdup(gopt.project_dir);
	free(infos);
	path = xasprintf("%s/%s", gopt.project_dir, BOARD_FILE);
	*board_new = access(path, F_OK) != 0;
	error_clear(&err);
	if (*board_new) {
		p->board.name = xstrdup(p->settings.name);
		p->board.arch = p->settings.arch;
	} else if (board_load(path, &p->board, &err) < 0) {
		fprintf(stderr, "autojail: %s\n", err.text);
		ret = EXIT_USAGE;
	}
	free(path);
	if (ret == EXIT_OK)
		project_ready(p);
	return ret;
}

static int save_new_board(const struct project *p)
{
	struct error err;
	char *path = xasprintf("%s/%s", p->dir, BOARD_FILE);
	int ret = EXIT_OK;

	error_clear(&err);
	if (board_save(path, &p->board, &err) < 0) {
		fprintf(stderr, "autojail: %s\n", err.text);
		ret = EXIT_PROBLEMS;
	}
	free(path);
	return ret;
}

static int import_exec(int argc, char **argv)
{
	struct project p;
	struct config in;
	struct import_info *infos;
	bool fresh, board_new = false;
	char *settings;
	int ret;

	if (argc < 2)
		return cmd_usage_error(&cmd_import_entry, _("name at least one .cell file"));
	project_init(&p);
	settings = xasprintf("%s/%s", gopt.project_dir, SETTINGS_FILE);
	fresh = access(settings, F_OK) != 0;
	free(settings);
	ret = fresh ? new_project(&p, argc, argv, &board_new) : cmd_load_project(&p, false);
	if (ret != EXIT_OK) {
		project_free(&p);
		return ret;
	}
	/* Ids continue the project's, so that they stay unique after the merge. */
	config_init(&in);
	in.arch = p.config.arch;
	in.next_cell_id = p.config.next_cell_id;
	in.next_region_id = p.config.next_region_id;
	infos = xcalloc((size_t)argc, sizeof(*infos));
	ret = read_files(&in, argc, argv, p.settings.arch, infos);
	for (int i = 1; i < argc && ret == EXIT_OK; i++) {
		if (infos[i].arch != p.settings.arch) {
			fprintf(stderr, _("autojail import: %s: the file is for another architecture "
					  "than the project (autojail.yml)\n"), argv[i]);
			ret = EXIT_USAGE;
		}
	}
	if (ret == EXIT_OK) {
		for (size_t k = 0; k < in.n_cells; k++) {
			struct cell *cell = in.cells[k];
			/* A new project's root cell was only derived from the empty board. */
			bool replaced = adopt(&p.config, &in, cell) && !fresh;

			if (!gopt.quiet)
				printf(replaced ? _("Replaced %s cell '%s' (%zu regions)\n")
						: _("Added %s cell '%s' (%zu regions)\n"),
				       cell->root ? _("root") : _("guest"), cell->name,
				       cell->n_regions);
			if (cell->root)
				fprintf(stderr, _("autojail import: note: the imported root cell and "
						  "system part stay exactly as imported; nothing is "
						  "derived for them, and guests in cells.yml are not "
						  "derived beside them\n"));
		}
		in.n_cells = 0;
		p.config.next_cell_id = in.next_cell_id;
		p.config.next_region_id = in.next_region_id;
		p.generation++;
		if (board_new)
			ret = save_new_board(&p);
		if (ret == EXIT_OK)
			ret = cmd_save_project(&p);
		if (ret == EXIT_OK && fresh && !gopt.quiet)
			printf(_("Created the project '%s' (config revision %d) in %s.\n"),
			       p.settings.name, (int)p.settings.abi, p.dir);
	}
	free(infos);
	config_free(&in);
	project_free(&p);
	return ret;
}

const struct cmd_entry cmd_import_entry = {
	.name = "import",
	.args = N_("FILE.cell..."),
	.summary = N_("import existing .cell files into cells.yml"),
	.help = N_("A system configuration replaces the root cell and the system part;\n"
		   "a cell configuration replaces the guest of the same name or adds it.\n"
		   "Revisions 14 and 9 are read. Guest cells that cells.yml's spec does not\n"
		   "name are kept as imported, so generate writes them back byte for byte.\n"
		   "Without autojail.yml the files make the project: its revision and\n"
		   "architecture are theirs, and a board.yml naming only the board stands\n"
		   "in until extract reads the board.\n"
		   "Exit status: 0 imported, 1 cells.yml not written, 2 a file is unreadable\n"
		   "or malformed."),
	.exec = import_exec,
};
