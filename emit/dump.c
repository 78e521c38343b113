/*
 * A readable listing of a .cell file, for people checking what a file holds
 * before they load it: the system part, the cell's flags and CPUs, every
 * memory region with its flag names, the interrupts each irqchip grants and
 * the PCI devices. Flag names are the model's (revision 14 spellings) for
 * both revisions, so that two files can be compared line by line.
 */
#include "config.h"

#include <stdio.h>

#include "emit/emit.h"
#include "po/i18n.h"
#include "model/units.h"

static const char *arch_name(enum arch a)
{
	switch (a) {
	case ARCH_X86:
		return "x86";
	case ARCH_ARM:
		return "arm";
	case ARCH_ARM64:
		return "arm64";
	}
	return "?";
}

static void dump_console(FILE *out, const char *what, const struct console *con)
{
	char flags[256];
	const char *type = flag_name(console_type_names, con->type);

	flag_format(console_flag_names, con->flags, "|", flags, sizeof(flags));
	fprintf(out, _("%s: %s at %#llx, size %#x, flags %s"), what, type ? type : "?",
		(unsigned long long)con->address, con->size, flags[0] ? flags : "0");
	if (con->divider || con->gate_nr || con->clock_reg)
		fprintf(out, _(", divider %#x, gate %u, clock register %#llx"), con->divider,
			con->gate_nr, (unsigned long long)con->clock_reg);
	fputc('\n', out);
}

static void dump_system(FILE *out, const struct system_config *s)
{
	char size[32];

	format_size(s->hypervisor.size, size, sizeof(size));
	fprintf(out, _("Hypervisor memory: %#llx, %s\n"), (unsigned long long)s->hypervisor.phys,
		size);
	if (s->flags)
		fprintf(out, _("System flags: %s\n"),
			s->flags & SYS_VIRTUAL_DEBUG_CONSOLE ? "VIRTUAL_DEBUG_CONSOLE" : "?");
	dump_console(out, _("Debug console"), &s->debug_console);
	fprintf(out, _("GIC: version %u, distributor %#llx, CPU interface %#llx, "
		       "hypervisor interface %#llx,\n     virtual CPU interface %#llx, "
		       "redistributors %#llx, maintenance interrupt %u\n"),
		s->gic_version, (unsigned long long)s->gicd_base,
		(unsigned long long)s->gicc_base, (unsigned long long)s->gich_base,
		(unsigned long long)s->gicv_base, (unsigned long long)s->gicr_base,
		s->maintenance_irq);
	fprintf(out, _("PCI: mmconfig %#llx, end bus %u, %s, domain %u\n"),
		(unsigned long long)s->pci_mmconfig_base, s->pci_mmconfig_end_bus,
		s->pci_is_virtual ? _("virtual") : _("physical"), s->pci_domain);
	for (size_t i = 0; i < 8; i++) {
		if (s->iommu[i].type || s->iommu[i].base)
			fprintf(out, _("IOMMU %zu: type %u at %#llx, size %#x\n"), i,
				s->iommu[i].type, (unsigned long long)s->iommu[i].base,
				s->iommu[i].size);
	}
}

static void dump_regions(FILE *out, const struct cell *cell)
{
	fprintf(out, P_("%zu memory region:\n", "%zu memory regions:\n", cell->n_regions),
		cell->n_regions);
	for (size_t i = 0; i < cell->n_regions; i++) {
		const struct cell_region *r = &cell->regions[i];
		char flags[256], size[32];

		flag_format(mem_flag_names, r->flags, "|", flags, sizeof(flags));
		format_size(r->size, size, sizeof(size));
		fprintf(out, "  %3zu  %#18llx -> %#18llx  %-10s %s%s%s\n", i,
			(unsigned long long)r->phys, (unsigned long long)r->virt, size,
			flags[0] ? flags : "0", r->name ? "  " : "", r->name ? r->name : "");
	}
}

/* Interrupts as ranges: "32-35,40". */
static void dump_irqchip(FILE *out, const struct cell_irqchip *chip)
{
	int start = -1, count = 0;

	fprintf(out, _("  irqchip %#llx, interrupts %u-%u:"), (unsigned long long)chip->address,
		chip->pin_base, chip->pin_base + 127);
	for (int pin = 0; pin <= 128; pin++) {
		bool on = pin < 128 && (chip->pin_bitmap[pin / 32] >> (pin % 32)) & 1;

		if (on && start < 0)
			start = pin;
		if (!on && start >= 0) {
			fprintf(out, "%s%u", count++ ? "," : " ", chip->pin_base + start);
			if (pin - 1 > start)
				fprintf(out, "-%u", chip->pin_base + pin - 1);
			start = -1;
		}
	}
	fprintf(out, "%s\n", count ? "" : _(" none"));
}

static void dump_pci(FILE *out, const struct cell *cell)
{
	static const char *const types[] = { "?", N_("device"), N_("bridge"), "ivshmem" };

	for (size_t i = 0; i < cell->n_pci; i++) {
		const struct cell_pci *p = &cell->pci[i];

		fprintf(out, _("  PCI %04x:%02x:%02x.%x %s"), p->domain, p->bdf >> 8,
			(p->bdf >> 3) & 0x1f, p->bdf & 7, _(types[p->type < 4 ? p->type : 0]));
		if (p->type == PCI_IVSHMEM)
			fprintf(out, _(", shared memory from region %u, peer %u of %u, protocol %#x"),
				p->shmem_regions_start, p->shmem_dev_id, p->shmem_peers,
				p->shmem_protocol);
		if (p->num_caps)
			fprintf(out, _(", capabilities %u-%u"), p->caps_start,
				p->caps_start + p->num_caps - 1);
		if (p->num_msi_vectors || p->num_msix_vectors)
			fprintf(out, _(", %u MSI, %u MSI-X vectors"), p->num_msi_vectors,
				p->num_msix_vectors);
		fputc('\n', out);
	}
	for (size_t i = 0; i < cell->n_caps; i++)
		fprintf(out, _("  capability %zu: id %#x, start %#x, length %u, flags %#x\n"), i,
			cell->caps[i].id, cell->caps[i].start, cell->caps[i].len,
			cell->caps[i].flags);
}

void emit_dump(FILE *out, const struct config *c, const struct cell *cell,
	       const struct import_info *info)
{
	char buf[256];

	/* Revision 9 files do not record the architecture. */
	if (info->abi == ABI_V9)
		fprintf(out, info->system ? _("System configuration, revision 9\n")
					  : _("Cell configuration, revision 9\n"));
	else
		fprintf(out, info->system ? _("System configuration, revision %d, %s\n")
					  : _("Cell configuration, revision %d, %s\n"),
			(int)info->abi, arch_name(info->arch));
	if (info->system)
		dump_system(out, &c->sys);
	fprintf(out, _("Cell \"%s\"\n"), cell->name);
	flag_format(cell_flag_names, cell->flags, "|", buf, sizeof(buf));
	fprintf(out, _("Flags: %s\n"), buf[0] ? buf : "0");
	format_cpu_list(cell->cpus, buf, sizeof(buf));
	fprintf(out, _("CPUs: %s\n"), buf[0] ? buf : _("none"));
	if (cell->vpci_irq_base)
		fprintf(out, _("Virtual PCI interrupts from: %u\n"), cell->vpci_irq_base);
	if (cell->cpu_reset_address)
		fprintf(out, _("CPU reset address: %#llx\n"),
			(unsigned long long)cell->cpu_reset_address);
	if (cell->msg_reply_timeout)
		fprintf(out, _("Message reply timeout: %llu\n"),
			(unsigned long long)cell->msg_reply_timeout);
	if (cell->console.type || cell->console.address)
		dump_console(out, _("Console"), &cell->console);
	dump_regions(out, cell);
	fprintf(out, P_("%zu irqchip:\n", "%zu irqchips:\n", cell->n_irqchips), cell->n_irqchips);
	for (size_t i = 0; i < cell->n_irqchips; i++)
		dump_irqchip(out, &cell->irqchips[i]);
	fprintf(out, P_("%zu PCI device:\n", "%zu PCI devices:\n", cell->n_pci), cell->n_pci);
	dump_pci(out, cell);
	for (size_t i = 0; i < cell->n_caches; i++)
		fprintf(out, _("  cache region: start %u, size %u, type %u, flags %#x\n"),
			cell->caches[i].start, cell->caches[i].size, cell->caches[i].type,
			cell->caches[i].flags);
	if (cell->pio_size)
		fprintf(out, _("Port I/O: %zu bytes\n"), cell->pio_size);
	for (size_t i = 0; i < cell->n_stream_ids; i++)
		fprintf(out, _("  stream id %#x\n"), cell->stream_ids[i]);
}
