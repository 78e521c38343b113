/*
 * Consoles: the device Linux prints to (/chosen stdout-path, which may name
 * an alias) and every serial alias, with the Jailhouse console type and
 * flags their compatible implies. An 8250 whose registers are 4 bytes apart
 * (reg-shift = 2, or a driver that implies it) needs REGDIST_4, or the
 * hypervisor writes to the wrong registers.
 */
#include "config.h"

#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "po/i18n.h"
#include "model/util.h"
#include "src/extract-fdt.h"

struct console_kind {
	const char *compatible;  /* an fnmatch pattern: SoC families number their UARTs */
	uint16_t type;
	int8_t reg_shift;        /* an 8250 driver's fixed shift, or -1: reg-shift (0) */
};

/*
 * Matched against each compatible string in the node's order; the first
 * string that matches decides. Many SoC UARTs are 8250s under another name;
 * the shifts are those their Linux drivers set: 8250_omap, 8250_mtk and
 * 8250_bcm2835aux fix 2, the generic driver (8250_of) and the DesignWare
 * one read reg-shift.
 */
static const struct console_kind console_kinds[] = {
	{ "ns16550a", CON_8250, -1 },
	{ "ns16550", CON_8250, -1 },
	{ "ns16450", CON_8250, -1 },
	{ "ns8250", CON_8250, -1 },
	{ "snps,dw-apb-uart", CON_8250, -1 },
	{ "nvidia,tegra*-uart", CON_8250, -1 },
	{ "ti,omap[234]-uart", CON_8250, 2 },
	{ "ti,am3352-uart", CON_8250, 2 },
	{ "ti,am4372-uart", CON_8250, 2 },
	{ "ti,dra742-uart", CON_8250, 2 },
	{ "ti,am654-uart", CON_8250, 2 },
	{ "mediatek,mt*-uart", CON_8250, 2 },
	{ "brcm,bcm*-aux-uart", CON_8250, 2 },
	{ "arm,pl011", CON_PL011, -1 },
	{ "arm,sbsa-uart", CON_PL011, -1 },
	{ "xlnx,xuartps", CON_XUARTPS, -1 },
	{ "cdns,uart-r1p8", CON_XUARTPS, -1 },
	{ "cdns,uart-r1p12", CON_XUARTPS, -1 },
	{ "marvell,armada-3700-uart", CON_MVEBU, -1 },
	{ "renesas,hscif", CON_HSCIF, -1 },
	{ "renesas,scifa", CON_SCIFA, -1 },
	{ "renesas,scif", CON_SCIF, -1 },
	{ "fsl,imx21-uart", CON_IMX, -1 },
	{ "fsl,imx6q-uart", CON_IMX, -1 },
	{ "fsl,imx7ulp-lpuart", CON_IMX_LPUART, -1 },
	{ "fsl,imx8qxp-lpuart", CON_IMX_LPUART, -1 },
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

/*
 * Jailhouse's 8250 driver knows two layouts: registers a byte apart read a
 * byte at a time (REGDIST_1), and registers 4 bytes apart read 32 bits at a
 * time (REGDIST_4). A 32-bit access to a byte register 4 bytes apart is what
 * hand-written configurations use on such UARTs and works; other shifts, and
 * wider registers a byte apart, cannot be driven. Returns false (reported)
 * for those.
 */
static bool console_8250_flags(struct fdt_walk *w, int off, const char *path, int fixed_shift,
			       uint16_t *flags)
{
	uint32_t shift = fixed_shift >= 0 ? (uint32_t)fixed_shift
					  : dt_prop_u32(w->fdt, off, "reg-shift", 0);
	uint32_t width = dt_prop_u32(w->fdt, off, "reg-io-width", 1);

	if (shift == 2) {
		*flags |= CON_FLAG_REGDIST_4;
		return true;
	}
	if (shift == 0 && width == 1)
		return true;
	report_at(w->rep, w->file, 0,
		  _("%s: an 8250 with reg-shift %u and reg-io-width %u, which Jailhouse's "
		    "8250 driver cannot drive (it reads bytes 1 apart or 32 bits 4 apart)"),
		  path, shift, width);
	return false;
}

/* The kind of console a compatible list names, NULL when none. */
static const struct console_kind *console_kind_of(const void *fdt, int off)
{
	int n = fdt_stringlist_count(fdt, off, "compatible");

	for (int i = 0; i < n; i++) {
		const char *c = fdt_stringlist_get(fdt, off, "compatible", i, NULL);

		for (size_t k = 0; c && k < ARRAY_SIZE(console_kinds); k++)
			if (fnmatch(console_kinds[k].compatible, c, 0) == 0)
				return &console_kinds[k];
	}
	return NULL;
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
	const struct console_kind *kind;
	uint16_t flags = CON_FLAG_ACCESS_MMIO;

	if (fdt_get_path(w->fdt, off, path, sizeof(path)) != 0)
		return;
	kind = console_kind_of(w->fdt, off);
	if (!kind) {
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
		if (kind->type == CON_8250 &&
		    !console_8250_flags(w, off, path, kind->reg_shift, &flags))
			return;
		c = board_add_console(w->b);
		c->con.address = r->start;
		c->con.size = r->size > UINT32_MAX ? UINT32_MAX : (uint32_t)r->size;
		c->con.type = kind->type;
		c->con.flags = flags;
		c->dt_path = xstrdup(path);
		c->sources |= SRC_DT;
	}
	if (alias >= 0 && !c->linux_name && console_tty_prefix(kind->type))
		c->linux_name = xasprintf("%s%d", console_tty_prefix(kind->type), alias);
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
