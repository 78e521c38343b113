/*
 * autojail build: the files that go onto the board, in PROJECT/build/.
 * With --jailhouse, also runs Jailhouse's own build in the configured tree
 * for users who want its driver, firmware and tools.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "po/i18n.h"
#include "model/util.h"
#include "src/board-action.h"
#include "src/cmd.h"
#include "src/link.h"

static int jailhouse_make(const struct settings *s)
{
	char *dir, *kdir, *cross, *cmd;
	int status;

	if (!s->jailhouse_dir) {
		fprintf(stderr, _("autojail build: autojail.yml names no Jailhouse tree "
				  "(jailhouse_dir)\n"));
		return EXIT_USAGE;
	}
	dir = link_quote(s->jailhouse_dir);
	kdir = link_quote(s->kernel_dir ? s->kernel_dir : "");
	cross = link_quote(s->cross_compile ? s->cross_compile : "");
	cmd = xasprintf("make -C %s ARCH=%s CROSS_COMPILE=%s%s%s", dir,
			s->arch == ARCH_ARM ? "arm" : "arm64", cross,
			s->kernel_dir ? " KDIR=" : "", s->kernel_dir ? kdir : "");
	printf(_("Running %s\n"), cmd);
	fflush(stdout);
	status = system(cmd);
	free(dir);
	free(kdir);
	free(cross);
	free(cmd);
	if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, _("autojail build: Jailhouse's build failed\n"));
		return EXIT_PROBLEMS;
	}
	return EXIT_OK;
}

static int build_exec(int argc, char **argv)
{
	struct board_request r = { .action = BOARD_BUILD };
	struct board_opts o = { 0 };
	struct board_outcome out;
	const struct deploy *d = &out.deploy;
	bool jailhouse = false;
	struct project p;
	struct link *l;
	int ret;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--force") == 0)
			r.force = true;
		else if (strcmp(argv[i], "--jailhouse") == 0)
			jailhouse = true;
		else
			return cmd_usage_error(&cmd_build_entry, _("unexpected argument '%s'"), argv[i]);
	}
	ret = board_action_cli(&cmd_build_entry, &r, &o, &p, &l, &out);
	if (ret == EXIT_OK && !gopt.quiet) {
		printf(_("Built in %s:\n  %s\n"), d->dir, d->system_file);
		for (size_t i = 0; i < d->n_cells; i++) {
			printf("  %s\n", d->cells[i].cell_file);
			if (d->cells[i].image)
				printf("  %s\n", d->cells[i].image);
		}
		printf("  %s\n", d->start_script);
	}
	if (ret == EXIT_OK && jailhouse)
		ret = jailhouse_make(&p.settings);
	board_outcome_free(&out);
	board_close(&p, l);
	return ret;
}

const struct cmd_entry cmd_build_entry = {
	.name = "build",
	.args = N_("[--force] [--jailhouse]"),
	.summary = N_("build the .cell files and start script for the board"),
	.help = N_("  --force      build even when validation reports errors\n"
		   "  --jailhouse  also run make in the configured Jailhouse tree\n"
		   "               (ARCH, CROSS_COMPILE and KDIR from autojail.yml)"),
	.exec = build_exec,
};
