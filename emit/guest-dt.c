/*
 * Device tree source for a Linux guest, in the shape of Jailhouse's own
 * inmate device trees: a "jailhouse,cell" hypervisor node, PSCI for the
 * CPUs, the GIC at the board's addresses (Jailhouse emulates the
 * distributor and maps the virtual CPU interface in place of the CPU
 * interface), and the virtual PCI host whose INTx pins are the cell's
 * vpci_irq_base onwards. Device nodes carry what the board model knows
 * (compatible, registers, interrupts); properties it does not know, such as
 * clocks, are left for the user, and a comment says so.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "emit/guest-dt.h"
#include "emit/layout.h"
#include "po/i18n.h"
#include "model/range.h"
#include "model/util.h"

#define PCI_WINDOW_SIZE 0x100000ull
#define PCI_WINDOW_START 0x10000000ull

/* Node names allow letters, digits and ,._+-@ only. */
static void put_node_name(struct emit_buf *b, const char *path)
{
	const char *leaf = strrchr(path, '/');

	leaf = leaf ? leaf + 1 : path;
	if (!*leaf)
		leaf = "device";
	for (; *leaf; leaf++) {
		char ch = *leaf;

		if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		      (ch >= '0' && ch <= '9') || strchr(",._+-@", ch)))
			ch = '-';
		buf_put_u8(b, (uint8_t)ch);
	}
}

/* A string property's value, escaped for dtc. */
static void put_dt_string(struct emit_buf *b, const char *s)
{
	buf_put_u8(b, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			buf_put_u8(b, '\\');
		if ((unsigned char)*s >= 0x20 && *s != 0x7f)
			buf_put_u8(b, (uint8_t)*s);
	}
	buf_put_u8(b, '"');
}

/* <hi lo hi lo> with #address-cells = #size-cells = 2. */
static void put_reg_cells(struct emit_buf *b, uint64_t start, uint64_t size)
{
	buf_printf(b, "<0x%x 0x%x 0x%x 0x%x>", (unsigned)(start >> 32), (unsigned)start,
		   (unsigned)(size >> 32), (unsigned)size);
}

static unsigned cpu_count(uint64_t cpus)
{
	unsigned n = 0;

	for (; cpus; cpus &= cpus - 1)
		n++;
	return n;
}

static void put_cpus(struct emit_buf *b, const struct board *bd, const struct derive_guest *g)
{
	buf_printf(b, "\tcpus {\n\t\t#address-cells = <1>;\n\t\t#size-cells = <0>;\n");
	for (unsigned i = 0; i < 64; i++) {
		const struct board_cpu *cpu;

		if (!(g->cpus >> i & 1))
			continue;
		cpu = board_cpu(bd, i);
		if (!cpu)
			continue;
		buf_printf(b, "\n\t\tcpu@%llx {\n\t\t\tdevice_type = \"cpu\";\n",
			   (unsigned long long)(cpu->mpidr & 0xffffff));
		if (cpu->core_type) {
			buf_printf(b, "\t\t\tcompatible = ");
			put_dt_string(b, cpu->core_type);
			buf_printf(b, ";\n");
		}
		buf_printf(b, "\t\t\treg = <0x%llx>;\n\t\t\tenable-method = \"psci\";\n\t\t};\n",
			   (unsigned long long)(cpu->mpidr & 0xffffff));
	}
	buf_printf(b, "\t};\n\n");
}

static void put_gic_and_timer(struct emit_buf *b, const struct board *bd, unsigned ncpus)
{
	const struct board_gic *gic = &bd->gic;
	/* GICv2 PPIs name the CPUs they reach (8 at most); level-low (8). */
	unsigned mask = ncpus >= 8 ? 0xff : (1u << ncpus) - 1;
	unsigned ppi_flags = gic->version == GIC_V3 ? 8 : mask << 8 | 8;

	buf_printf(b, "\tpsci {\n\t\tcompatible = \"arm,psci-0.2\";\n\t\tmethod = \"smc\";\n\t};\n\n");
	buf_printf(b, "\ttimer {\n\t\tcompatible = \"arm,armv8-timer\";\n");
	buf_printf(b, "\t\tinterrupts = <1 13 0x%x>, <1 14 0x%x>, <1 11 0x%x>, <1 10 0x%x>;\n\t};\n\n",
		   ppi_flags, ppi_flags, ppi_flags, ppi_flags);
	buf_printf(b, "\tgic: interrupt-controller@%llx {\n",
		   (unsigned long long)gic->gicd.start);
	if (gic->version == GIC_V3) {
		buf_printf(b, "\t\tcompatible = \"arm,gic-v3\";\n\t\treg = ");
		put_reg_cells(b, gic->gicd.start, gic->gicd.size ? gic->gicd.size : 0x10000);
		buf_printf(b, ", ");
		put_reg_cells(b, gic->gicr.start, gic->gicr.size);
	} else {
		buf_printf(b, "\t\tcompatible = \"arm,gic-400\";\n\t\treg = ");
		put_reg_cells(b, gic->gicd.start, gic->gicd.size ? gic->gicd.size : 0x1000);
		buf_printf(b, ", ");
		/* The guest sees the virtual CPU interface where Jailhouse maps it. */
		put_reg_cells(b, board_gic_cpuif_base(gic, &gic->gicc), BOARD_GIC_CPUIF_SIZE);
	}
	buf_printf(b, ";\n\t\tinterrupt-controller;\n\t\t#interrupt-cells = <3>;\n"
		      "\t\t#address-cells = <0>;\n\t};\n\n");
}

/*
 * ARM PrimeCell peripherals sit on Linux's AMBA bus, which binds drivers by
 * "arm,primecell" and the peripheral ID, not by the first compatible that
 * board.yml keeps: without it a PL011 gets no driver in the guest.
 */
static const char *const primecell_compatibles[] = {
	"arm,pl011", "arm,pl022", "arm,pl031", "arm,pl061", "arm,pl180", "arm,pl18x",
	"arm,pl330", "arm,sp805",
};

static void put_compatible(struct emit_buf *b, const char *compatible)
{
	buf_printf(b, "\t\tcompatible = ");
	put_dt_string(b, compatible);
	for (size_t i = 0; i < ARRAY_SIZE(primecell_compatibles); i++) {
		if (!strcmp(compatible, primecell_compatibles[i])) {
			buf_printf(b, ", ");
			put_dt_string(b, "arm,primecell");
			break;
		}
	}
	buf_printf(b, ";\n");
}

/* One node per device the guest was given: registers and granted SPIs. */
static void put_device(struct emit_buf *b, const struct board *bd, const struct cell *cell,
		       const char *path)
{
	const char *compatible = NULL;
	bool first_reg = true, first_irq = true;

	buf_printf(b, "\t");
	put_node_name(b, path);
	buf_printf(b, " {\n\t\t/* ");
	buf_put_comment_text(b, path);
	buf_printf(b, " on the board; add clocks and other properties its driver needs */\n");
	for (size_t i = 0; i < bd->n_regions; i++) {
		const struct board_region *r = &bd->regions[i];

		if (!r->dt_path || strcmp(r->dt_path, path))
			continue;
		if (r->compatible && !compatible)
			compatible = r->compatible;
		buf_printf(b, first_reg ? "\t\treg = " : ", ");
		put_reg_cells(b, r->start, r->size);
		first_reg = false;
	}
	if (!first_reg)
		buf_printf(b, ";\n");
	for (size_t i = 0; i < bd->n_regions; i++) {
		const struct board_region *r = &bd->regions[i];

		if (!r->dt_path || strcmp(r->dt_path, path))
			continue;
		for (size_t k = 0; k < r->n_irqs; k++) {
			if (r->irqs[k] < 32 || !cell_has_irq(cell, r->irqs[k]))
				continue;
			buf_printf(b, "%s<0 %u 4>", first_irq ? "\t\tinterrupts = " : ", ",
				   r->irqs[k] - 32);
			first_irq = false;
		}
		/* The node's interrupts are listed once, with its first region. */
		break;
	}
	if (!first_irq)
		buf_printf(b, ";\n");
	if (compatible)
		put_compatible(b, compatible);
	buf_printf(b, "\t\tstatus = \"okay\";\n\t};\n\n");
}

static bool window_free(const struct cell *cell, const struct system_config *s, uint64_t base)
{
	for (size_t i = 0; i < cell->n_regions; i++) {
		const struct cell_region *r = &cell->regions[i];

		if (range_overlaps(base, PCI_WINDOW_SIZE, r->virt, r->size))
			return false;
	}
	return !range_overlaps(base, PCI_WINDOW_SIZE, s->pci_mmconfig_base,
			       ((uint64_t)s->pci_mmconfig_end_bus + 1) << 20) &&
	       !range_overlaps(base, PCI_WINDOW_SIZE, s->gicd_base, 0x10000) &&
	       !range_overlaps(base, PCI_WINDOW_SIZE, s->gicc_base, 0x10000);
}

/* The virtual PCI host: ECAM at pci_mmconfig_base, INTx pins 1-4 on the
 * cell's vpci_irq_base onwards, BARs in a window free in the cell. */
static int put_pci(struct emit_buf *b, const struct config *c, const struct cell *cell,
		   struct emit_error *err)
{
	const struct system_config *s = &c->sys;
	uint64_t window = PCI_WINDOW_START;

	while (!window_free(cell, s, window)) {
		window += PCI_WINDOW_SIZE;
		if (window >= 0x100000000ull) {
			emit_error_set(err, _("cell '%s': no free 1 MiB below 4 GiB for the virtual "
					      "PCI host's memory window"), cell_label(cell));
			return -1;
		}
	}
	buf_printf(b, "\tpci@%llx {\n", (unsigned long long)s->pci_mmconfig_base);
	buf_printf(b, "\t\tcompatible = \"pci-host-ecam-generic\";\n\t\tdevice_type = \"pci\";\n");
	buf_printf(b, "\t\tbus-range = <0 %u>;\n", s->pci_mmconfig_end_bus);
	buf_printf(b, "\t\t#address-cells = <3>;\n\t\t#size-cells = <2>;\n"
		      "\t\t#interrupt-cells = <1>;\n\t\tinterrupt-map-mask = <0 0 0 7>;\n");
	buf_printf(b, "\t\tinterrupt-map =");
	for (unsigned pin = 1; pin <= 4; pin++)
		buf_printf(b, "%s<0 0 0 %u &gic 0 %u 1>", pin == 1 ? " " : ",\n\t\t\t\t", pin,
			   cell->vpci_irq_base + pin - 1);
	buf_printf(b, ";\n\t\treg = ");
	put_reg_cells(b, s->pci_mmconfig_base, ((uint64_t)s->pci_mmconfig_end_bus + 1) << 20);
	buf_printf(b, ";\n\t\tranges = <0x02000000 0x%x 0x%x 0x%x 0x%x 0x0 0x%x>;\n\t};\n\n",
		   (unsigned)(window >> 32), (unsigned)window, (unsigned)(window >> 32),
		   (unsigned)window, (unsigned)PCI_WINDOW_SIZE);
	return 0;
}

int emit_guest_dts(const struct board *b, const struct config *c, const struct cell *cell,
		   const struct derive_guest *g, struct emit_buf *out, struct emit_error *err)
{
	size_t start = out->len;

	if (b->gic.version == GIC_NONE || !g->ram_size) {
		emit_error_set(err, _("cell '%s': a guest device tree needs the board's interrupt "
				      "controller and the cell's RAM"), cell_label(cell));
		return -1;
	}
	/* The cell's name goes into the model property only, escaped there. */
	buf_printf(out, "/*\n * Device tree for a Linux guest cell of Jailhouse.\n"
			" * Written by autojail %s; compile it with\n"
			" *   dtc -I dts -O dtb -o NAME.dtb NAME.dts\n */\n\n/dts-v1/;\n\n/ {\n",
		   PACKAGE_VERSION);
	buf_printf(out, "\tmodel = ");
	put_dt_string(out, cell->name ? cell->name : "");
	buf_printf(out, ";\n\t#address-cells = <2>;\n\t#size-cells = <2>;\n"
			"\tinterrupt-parent = <&gic>;\n\n");
	buf_printf(out, "\thypervisor {\n\t\tcompatible = \"jailhouse,cell\";\n\t};\n\n");
	put_cpus(out, b, g);
	put_gic_and_timer(out, b, cpu_count(g->cpus));
	buf_printf(out, "\tmemory@%llx {\n\t\tdevice_type = \"memory\";\n\t\treg = ",
		   (unsigned long long)g->ram_virt);
	put_reg_cells(out, g->ram_virt, g->ram_size);
	buf_printf(out, ";\n\t};\n\n");
	for (size_t i = 0; i < g->n_dt_paths; i++)
		put_device(out, b, cell, g->dt_paths[i]);
	if (cell->n_pci && put_pci(out, c, cell, err) < 0) {
		out->len = start;
		return -1;
	}
	if (g->console_path) {
		buf_printf(out, "\tchosen {\n\t\tstdout-path = \"/");
		put_node_name(out, g->console_path);
		buf_printf(out, "\";\n\t};\n");
	}
	buf_printf(out, "};\n");
	return 0;
}
