/*
 * autojail hypervisor: where Jailhouse's own memory goes. Set by hand it
 * stays there; derivation places the guests around it.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "po/i18n.h"
#include "model/ops.h"
#include "model/units.h"
#include "src/cmd.h"

static int hypervisor_exec(int argc, char **argv)
{
	struct diag_mark before = { NULL, 0 };
	char why[OP_WHY_LEN], size_text[32];
	uint64_t phys, size;
	struct project p;
	int ret;

	if (argc != 3)
		return cmd_usage_error(&cmd_hypervisor_entry, "%s", _("expected ADDR and SIZE"));
	if (!parse_u64(argv[1], &phys))
		return cmd_usage_error(&cmd_hypervisor_entry, _("'%s' is not an address"), argv[1]);
	if (!parse_size(argv[2], &size) || !size)
		return cmd_usage_error(&cmd_hypervisor_entry,
				       _("'%s' is not a size such as 64KiB"), argv[2]);

	project_init(&p);
	ret = cmd_load_project(&p, false);
	if (ret != EXIT_OK)
		goto out;
	diag_mark_take(&before, p.validator);
	if (op_set_hypervisor(&p, phys, size, why) < 0) {
		fprintf(stderr, "autojail hypervisor: %s\n", why);
		ret = EXIT_PROBLEMS;
		goto out;
	}
	if (!gopt.quiet) {
		format_size_human(size, size_text, sizeof(size_text));
		printf(_("The hypervisor's memory is at 0x%llx, %s.\n"), (unsigned long long)phys,
		       size_text);
	}
	cmd_report_added(&p, &before, DIAG_NONE, DIAG_NONE);
	ret = cmd_save_project(&p);
out:
	free(before.d);
	project_free(&p);
	return ret;
}

const struct cmd_entry cmd_hypervisor_entry = {
	.name = "hypervisor",
	.args = N_("ADDR SIZE"),
	.summary = N_("place the hypervisor's memory by hand"),
	.help = N_("ADDR is the physical start, SIZE e.g. 6MiB; the memory must be RAM that Linux\n"
		   "does not use. Problems the change causes are listed; it is saved to cells.yml."),
	.exec = hypervisor_exec,
};
