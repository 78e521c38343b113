/*
 * autojail dump: what a .cell file holds, readable: the system part, the
 * cell's flags and CPUs, its memory regions with flag names, interrupts
 * and devices. Needs no project.
 */
#include "config.h"

#include <stdio.h>

#include "po/i18n.h"
#include "src/cellfile-read.h"
#include "src/cmd.h"

static int dump_exec(int argc, char **argv)
{
	int ret = EXIT_OK;

	if (argc < 2)
		return cmd_usage_error(&cmd_dump_entry, _("name at least one .cell file"));
	for (int i = 1; i < argc; i++) {
		struct import_info info;
		struct config c;
		struct error err;

		config_init(&c);
		error_clear(&err);
		if (cell_file_import(&c, argv[i], ARCH_ARM64, &info, &err) < 0) {
			fprintf(stderr, "autojail dump: %s\n", err.text);
			ret = EXIT_USAGE;
		} else {
			if (argc > 2)
				printf("%s%s:\n", i > 1 ? "\n" : "", argv[i]);
			emit_dump(stdout, &c, c.cells[0], &info);
		}
		config_free(&c);
	}
	return ret;
}

const struct cmd_entry cmd_dump_entry = {
	.name = "dump",
	.args = N_("FILE.cell..."),
	.summary = N_("list what a .cell file holds: regions, CPUs, interrupts, devices"),
	.help = N_("Reads configuration revisions 14 and 9, system and cell files.\n"
		   "Exit status: 0 listed, 2 a file is unreadable or malformed."),
	.exec = dump_exec,
};
