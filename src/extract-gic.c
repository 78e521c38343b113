/*
 * The GIC: Jailhouse on ARM intercepts the distributor and needs the
 * addresses of every interface and the maintenance interrupt. GICv2 lists
 * distributor, CPU, hypervisor and virtual CPU interface in reg; GICv3 lists
 * the distributor, #redistributor-regions redistributor regions, then the
 * optional v2-compatible interfaces.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "po/i18n.h"
#include "model/util.h"
#include "src/extract-fdt.h"

static const char *const gic_v2_compatible[] = {
	"arm,gic-400", "arm,cortex-a15-gic", "arm,cortex-a9-gic", "arm,cortex-a7-gic",
	"arm,arm11mp-gic", "arm,pl390", "brcm,brahma-b15-gic", "qcom,msm-qgic2",
};

bool gic_is_gic(const void *fdt, int off, enum gic_version *version)
{
	int len;
	const char *c = fdt_getprop(fdt, off, "compatible", &len);

	if (!c)
		return false;
	if (fdt_stringlist_contains(c, len, "arm,gic-v3")) {
		*version = GIC_V3;
		return true;
	}
	for (size_t i = 0; i < ARRAY_SIZE(gic_v2_compatible); i++) {
		if (fdt_stringlist_contains(c, len, gic_v2_compatible[i])) {
			*version = GIC_V2;
			return true;
		}
	}
	return false;
}

static void gic_set(struct range *dst, const struct range *regs, size_t n_regs, size_t i)
{
	if (i < n_regs)
		*dst = regs[i];
}

void gic_fill(struct fdt_walk *w, int off, enum gic_version v, const struct range *regs,
	      size_t n_regs, const char *path)
{
	struct board_gic *g = &w->b->gic;
	const fdt32_t *irq;
	size_t first_v2 = 1;
	int len;

	if (off != w->gic_off)
		return;
	g->version = v;
	gic_set(&g->gicd, regs, n_regs, 0);
	if (v == GIC_V3) {
		const fdt32_t *nr = fdt_getprop(w->fdt, off, "#redistributor-regions", &len);
		uint32_t n_redist = nr && len == 4 ? fdt32_to_cpu(*nr) : 1;

		if (n_redist == 0 || n_redist > FDT_MAX_REGS)
			n_redist = 1;
		gic_set(&g->gicr, regs, n_regs, 1);
		/* Contiguous redistributor regions form one range; others cannot. */
		for (size_t i = 2; i <= n_redist && i < n_regs; i++) {
			if (regs[i].start == g->gicr.start + g->gicr.size) {
				g->gicr.size += regs[i].size;
			} else {
				report_at(w->rep, w->file, 0,
					  _("%s: redistributor region %zu at 0x%llx is not "
					    "contiguous with the first; only the first is used"),
					  path, i, (unsigned long long)regs[i].start);
				break;
			}
		}
		first_v2 = 1 + n_redist;
	}
	gic_set(&g->gicc, regs, n_regs, first_v2);
	gic_set(&g->gich, regs, n_regs, first_v2 + 1);
	gic_set(&g->gicv, regs, n_regs, first_v2 + 2);
	if (v == GIC_V2 && (!g->gich.size || !g->gicv.size))
		report_at(w->rep, w->file, 0,
			  _("%s: no hypervisor or virtual CPU interface in reg: the CPUs may "
			    "lack virtualization support"), path);

	/* The GIC's own interrupt is the maintenance interrupt (a PPI). */
	irq = fdt_getprop(w->fdt, off, "interrupts", &len);
	if (irq && len >= 12 && fdt32_to_cpu(irq[0]) == 1 && fdt32_to_cpu(irq[1]) < 16)
		g->maintenance_irq = 16 + fdt32_to_cpu(irq[1]);
	else
		report_at(w->rep, w->file, 0,
			  _("%s: no maintenance interrupt (a PPI in interrupts)"), path);
	free(g->dt_path);
	g->dt_path = xstrdup(path);
	g->sources |= SRC_DT;
}

/*
 * How many interrupts the GIC implements is in GICD_TYPER, a register the
 * device tree does not describe, and /proc/interrupts shows only those
 * Linux uses. For the SoC families we know, the figure comes from a
 * documented source, keyed by a compatible string of the root node. Where
 * no other source is named, it is what the root cell of Jailhouse's own
 * hand-written configuration for a board of the family grants (upstream
 * configs/arm64, release 0.12): root Linux keeps every line the GIC has.
 */
static const struct {
	const char *compatible;
	uint32_t num_irqs;
} gic_known_sizes[] = {
	/* Tegra186 (Jetson TX2): shared/jetson-tx2.md, irqchips at 32, 160, 288. */
	{ "nvidia,tegra186", 384 },
	/* QEMU's virt machine: `info qtree` of QEMU 7.2 shows num-irq = 288
	 * on its GICv2 and GICv3 alike, though a GICv3 guest's kernel logs
	 * 224 SPIs (tests/data/logs), which wins when the dump has the log. */
	{ "linux,dummy-virt", 288 },
	/* ZynqMP: the kernel's zynqmp.dtsi names SPIs up to 155; the
	 * hand-written root cell's 32-159 would leave those out. */
	{ "xlnx,zynqmp", 192 },
	{ "fsl,ls1028a", 288 },
	{ "fsl,ls1043a", 288 },
	{ "fsl,ls1046a", 288 },
	{ "fsl,ls1088a", 288 },
	{ "fsl,ls2088a", 288 },
	{ "fsl,imx8mq", 416 },
	{ "fsl,imx8mm", 416 },
	{ "fsl,imx8mn", 416 },
	{ "fsl,imx8mp", 416 },
	{ "fsl,imx8qm", 416 },
	{ "marvell,armada3720", 160 },
	{ "ti,am625", 672 },
	{ "ti,am654", 672 },
	{ "ti,j721e", 928 },
	{ "ti,j7200", 928 },
	{ "hisilicon,hi6220", 160 },
	{ "allwinner,sun50i-a64", 160 },
	{ "amd,seattle", 416 },
};

uint32_t gic_known_irqs(const void *fdt, const char **compatible)
{
	for (size_t i = 0; i < ARRAY_SIZE(gic_known_sizes); i++) {
		if (fdt_node_check_compatible(fdt, 0, gic_known_sizes[i].compatible) == 0) {
			*compatible = gic_known_sizes[i].compatible;
			return gic_known_sizes[i].num_irqs;
		}
	}
	return 0;
}

/* The controller the root's interrupt-parent names, else the first one. */
const char *gic_other_controller(const void *fdt)
{
	const fdt32_t *ip = fdt_getprop(fdt, 0, "interrupt-parent", NULL);
	int off = ip ? fdt_node_offset_by_phandle(fdt, fdt32_to_cpu(*ip)) : -1;

	for (off = off >= 0 ? off : fdt_next_node(fdt, -1, NULL); off >= 0;
	     off = fdt_next_node(fdt, off, NULL)) {
		if (fdt_getprop(fdt, off, "interrupt-controller", NULL)) {
			const char *c = dt_string(fdt, off, "compatible");

			return c ? c : fdt_get_name(fdt, off, NULL);
		}
	}
	return NULL;
}
