/* Consoles, ranges and name tables used by more than one project file. */
#include "config.h"

#include "po/i18n.h"
#include "src/yaml-common.h"

const struct flag_name source_flag_names[] = {
	{ SRC_DT, "dt" },
	{ SRC_IOMEM, "iomem" },
	{ SRC_CPUINFO, "cpuinfo" },
	{ SRC_INTERRUPTS, "interrupts" },
	{ SRC_CMDLINE, "cmdline" },
	{ SRC_PCI, "pci" },
	{ SRC_USER, "user" },
	{ SRC_IMPORT, "import" },
	{ SRC_PROFILE, "profile" },
	{ SRC_NET, "net" },
	{ 0, NULL },
};

static const struct yfield console_fields[] = {
	CONSOLE_FIELDS(struct console, ),
};

const struct yschema console_schema = YS_TABLE(N_("a console"), console_fields);

static const struct yfield range_fields[] = {
	YF("start", YK_HEX, struct range, start, YF_REQUIRED | YF_ALWAYS, .doc = "first address"),
	YF("size", YK_SIZE, struct range, size, YF_REQUIRED | YF_ALWAYS, .doc = "in bytes"),
};

const struct yschema range_schema = YS_TABLE(N_("an address range"), range_fields, .flow = true);
