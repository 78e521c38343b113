/*
 * Consoles: the device Linux prints to (/chosen stdout-path, which may name
 * an alias) and every serial alias, with the Jailhouse console type and
 * flags their compatible implies. An 8250 whose registers are 4 bytes apart
 * (reg-shift = 2) needs REGDIST_4, or the hypervisor writes to the wrong
 * registers.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "po/i18n.h"
#include "model/util.h"
#include "src/extract-fdt.h"

struct console_kind {
	const char *compatible;
	uint16_t type;
	uint16_t flags;          /* beyond ACCESS_MMIO */
};

/* Matched against each compatible string in the node's order; the first
 * string that appears here decides. */
static const struct console_kind console_kinds[] = {
	/* The Raspberry Pi mini UART is an 8250 whose driver implies reg-shift 2. */
	{ "brcm,bcm2835-aux-uart", CON_8250, CON_FLAG_REGDIST_4 },
	{ "ns16550a", CON_8250, 0 },
	{ "ns16550", CON_8250, 0 },
	{ "ns16450", CON_8250, 0 },
	{ "ns8250", CON_8250, 0 },
	{ "snps,dw-apb-uart", CON_8250, 0 },
	{ "nvidia,tegra20-uart", CON_8250, 0 },
	{ "ti,omap4-uart", CON_8250, 0 },
	{ "arm,pl011", CON_PL011, 0 },
	{ "arm,sbsa-uart", CON_PL011, 0 },
	{ "xlnx,xuartps", CON_XUARTPS, 0 },
	{ "cdns,uart-r1p8", CON_XUARTPS, 0 },
	{ "cdns,uart-r1p12", CON_XUARTPS, 0 },
	{ "marvell,armada-3700-uart", CON_MVEBU, 0 },
	{ "renesas,hscif", CON_HSCIF, 0 },
	{ "renesas,scifa", CON_SCIFA, 0 },
	{ "renesas,scif", CON_SCIF, 0 },
	{ "fsl,imx21-uart", CON_IMX, 0 },
	{ "fsl,imx6q-uart", CON_IMX, 0 },
	{ "fsl,imx7ulp-lpuart", CON_IMX_LPUART, 0 },
	{ "fsl,imx8qxp-lpuart", CON_IMX_LPUART, 0 },
};

/* Linux's device names per console type, for matching console= and aliases. */
static const char *const tty_prefix[] = {
	[CON_8250] = "ttyS", [CON_PL011] = "ttyAMA", [CON_XUARTPS] = "ttyPS",
	[CON_MVEBU] = "ttyMV", [CON_HSCIF] = "ttySC", [CON_SCIFA] = "ttySC",
	[CON_IMX] = "ttymxc", [CON_IMX_LPUART] = "ttyLP", [CON_SCIF] = "ttySC",
};

const char *console_tty_prefix(unsigned type)
{
	return type < ARRAY_SIZE(tty_prefix) ? tty_prefix[type] : NULL;
}

/* The Jailhouse console type of a compatible list, CON_NONE when unknown. */
static unsigned console_type_of(const void *fdt, int off, uint16_t *flags)
{
	int n = fdt_stringlist_count(fdt, off, "compatible");

	for (int i = 0; i < n; i++) {
		const char *c = fdt_stringlist_get(fdt, off, "compatible", i, NULL);

		for (size_t k = 0; c && k < ARRAY_SIZE(console_kinds); k++) {
			if (strcmp(c, console_kinds[k].compatible) != 0)
				continue;
			*flags = CON_FLAG_ACCESS_MMIO | console_kinds[k].flags;
			if (console_kinds[k].type == CON_8250 &&
			    dt_prop_u32(fdt, off, "reg-shift", 0) == 2)
				*flags |= CON_FLAG_REGDIST_4;
			return console_kinds[k].type;
		}
	}
	*flags = 0;
	return CON_NONE;
}

static struct board_console *console_find(struct board *b, const char *path)
{
	for (size_t i = 0; i < b->n_consoles; i++)
		if (b->consoles[i].dt_path && !strcmp(b->consoles[i].dt_path, path))
			return &b->consoles[i];
	return NULL;
}

static struct board_region *region_of(struct board *b, const char *path)
{
	for (size_t i = 0; i < b->n_regions; i++)
		if (b->regions[i].dt_path && !strcmp(b->regions[i].dt_path, path))
			return &b->regions[i];
	return NULL;
}

/* Adds (or updates) the console at node off; alias is -1 when not from an alias. */
static void console_add(struct fdt_walk *w, int off, int alias, bool is_stdout)
{
	char path[512];
	struct board_console *c;
	struct board_region *r;
	uint16_t flags;
	unsigned type;

	if (fdt_get_path(w->fdt, off, path, sizeof(path)) != 0)
		return;
	type = console_type_of(w->fdt, off, &flags);
	if (type == CON_NONE) {
		if (is_stdout)
			report_at(w->rep, w->file, 0,
				  _("%s: Linux's console has a type Jailhouse does not know"),
				  path);
		return;
	}
	if (!is_stdout && !dt_node_enabled(w->fdt, off))
		return;
	r = region_of(w->b, path);
	if (!r) {
		report_at(w->rep, w->file, 0, _("%s: console without a usable reg"), path);
		return;
	}
	c = console_find(w->b, path);
	if (!c) {
		c = board_add_console(w->b);
		c->con.address = r->start;
		c->con.size = r->size > UINT32_MAX ? UINT32_MAX : (uint32_t)r->size;
		c->con.type = (uint16_t)type;
		c->con.flags = flags;
		c->dt_path = xstrdup(path);
		c->sources |= SRC_DT;
	}
	if (alias >= 0 && !c->linux_name && console_tty_prefix(type))
		c->linux_name = xasprintf("%s%d", console_tty_prefix(type), alias);
	c->is_stdout |= is_stdout;
}

void console_collect(struct fdt_walk *w)
{
	int chosen = fdt_path_offset(w->fdt, "/chosen");
	int aliases = fdt_path_offset(w->fdt, "/aliases");
	int prop;

	if (chosen >= 0) {
		const char *s = dt_string(w->fdt, chosen, "stdout-path");

		if (!s)
			s = dt_string(w->fdt, chosen, "linux,stdout-path");
		if (s) {
			/* "serial0:115200n8": an alias or a path, then options. */
			int off = fdt_path_offset_namelen(w->fdt, s, (int)strcspn(s, ":"));

			if (off >= 0)
				console_add(w, off, -1, true);
			else
				report_at(w->rep, w->file, 0,
					  _("/chosen: stdout-path \"%s\" names no node"), s);
		}
	}
	if (aliases < 0)
		return;
	fdt_for_each_property_offset(prop, w->fdt, aliases) {
		const char *name, *val;
		int len, off;
		char *end;
		long idx;

		val = fdt_getprop_by_offset(w->fdt, prop, &name, &len);
		if (!val || !name || strncmp(name, "serial", 6) != 0 || len < 2 ||
		    val[len - 1] != '\0')
			continue;
		idx = strtol(name + 6, &end, 10);
		if (end == name + 6 || *end || idx < 0 || idx > 255)
			continue;
		off = fdt_path_offset(w->fdt, val);
		if (off >= 0)
			console_add(w, off, (int)idx, false);
	}
}
