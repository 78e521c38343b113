/*
 * autojail link: shared-memory links (ivshmem) between two cells, the root
 * cell included, as cells.yml's links section describes them; the editor's
 * link form makes the same.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "po/i18n.h"
#include "model/ops.h"
#include "model/units.h"
#include "model/util.h"
#include "src/cmd.h"
#include "src/yaml-cells.h"

struct link_opts {
	uint64_t size, output_size;
	uint32_t protocol;
};

static int parse_options(int argc, char **argv, struct link_opts *o)
{
	o->size = 0x1000;
	o->output_size = 0;
	o->protocol = SHMEM_PROTO_UNDEFINED;
	for (int i = 0; i < argc; i += 2) {
		const char *opt = argv[i], *val = argv[i + 1];

		if (strcmp(opt, "--size") && strcmp(opt, "--output-size") &&
		    strcmp(opt, "--protocol"))
			return cmd_usage_error(&cmd_link_entry, _("unknown option '%s'"), opt);
		if (!val)
			return cmd_usage_error(&cmd_link_entry, _("'%s' needs a value"), opt);
		if (!strcmp(opt, "--protocol")) {
			if (!flag_lookup(protocol_names, val, &o->protocol))
				return cmd_usage_error(&cmd_link_entry,
						       _("'%s' is not undefined, veth, custom, "
							 "virtio-front or virtio-back"), val);
		} else if (!parse_size(val, !strcmp(opt, "--size") ? &o->size : &o->output_size)) {
			return cmd_usage_error(&cmd_link_entry,
					       _("'%s' is not a size such as 4KiB"), val);
		}
	}
	return EXIT_OK;
}

static int link_exec(int argc, char **argv)
{
	struct link_opts o;
	char why[OP_WHY_LEN];
	struct project p;
	bool create;
	int ret, rc;

	if (argc < 3 || (strcmp(argv[1], "create") && strcmp(argv[1], "delete")))
		return cmd_usage_error(&cmd_link_entry, _("expected create or delete"));
	create = !strcmp(argv[1], "create");
	if (create ? argc < 5 : argc != 3)
		return cmd_usage_error(&cmd_link_entry, _("wrong number of arguments for '%s'"),
				       argv[1]);
	if (create && (ret = parse_options(argc - 5, argv + 5, &o)) != EXIT_OK)
		return ret;

	project_init(&p);
	ret = cmd_load_project(&p, false);
	if (ret == EXIT_OK) {
		rc = create ? op_link_create(&p, argv[2], argv[3], argv[4], o.size, o.output_size,
					     (uint16_t)o.protocol, why)
			    : op_link_delete(&p, argv[2], why);
		if (rc < 0) {
			fprintf(stderr, "autojail link %s: %s\n", argv[1], why);
			ret = EXIT_PROBLEMS;
		} else {
			ret = cmd_save_project(&p);
		}
	}
	project_free(&p);
	return ret;
}

const struct cmd_entry cmd_link_entry = {
	.name = "link",
	.args = N_("create NAME CELL CELL [--size SIZE] [--output-size SIZE] [--protocol P] |\n"
		   "       delete NAME"),
	.summary = N_("make or delete a shared-memory link between two cells"),
	.help = N_("  create NAME CELL CELL  a link between two cells (the root cell or guests);\n"
		   "                         the first cell is peer 0\n"
		   "    --size SIZE          the read/write section (default 4KiB)\n"
		   "    --output-size SIZE   each peer's output section (revision 14; default none)\n"
		   "    --protocol P         undefined (default), veth, custom, virtio-front or\n"
		   "                         virtio-back\n"
		   "  delete NAME            delete the link\n"
		   "Memory, the ivshmem devices and their region indices are derived; the change\n"
		   "is validated and saved to cells.yml."),
	.exec = link_exec,
};
