/*
 * Config revision 14, the layout of upstream Jailhouse: headers, consoles
 * and PCI devices. The model keeps revision 14's flag values, so most
 * fields pass through; what the model uses for revision 9 alone is refused.
 */
#include "config.h"

#include "emit/layout.h"
#include "po/i18n.h"

static const char signature_system[5] = { 'J', 'H', 'S', 'Y', 'S' };
static const char signature_cell[5] = { 'J', 'H', 'C', 'L', 'L' };

int v14_check(const struct config *c, const struct cell *cell, struct emit_error *err)
{
	if (cell->flags & CELL_DEBUG_CONSOLE) {
		emit_error_set(err, _("cell '%s': the DEBUG_CONSOLE flag exists only in revision 9; "
				      "revision 14 uses VIRTUAL_CONSOLE_PERMITTED"),
			       cell_label(cell));
		return -1;
	}
	if (cell->console.flags & CON_FLAG_ROOTPAGE ||
	    (cell->root && c->sys.debug_console.flags & CON_FLAG_ROOTPAGE)) {
		emit_error_set(err, _("cell '%s': the console flag ROOTPAGE exists only in revision 9"),
			       cell_label(cell));
		return -1;
	}
	if (cell->pio_size % PIO_V14_SIZE) {
		emit_error_set(err, _("cell '%s': %zu bytes of port I/O data are not whole "
				      "revision 14 pio regions (4 bytes each)"),
			       cell_label(cell), cell->pio_size);
		return -1;
	}
	return 0;
}

uint64_t v14_mem_flags(uint32_t flags)
{
	return flags;
}

static void put_console(struct emit_buf *b, const struct console *con)
{
	buf_put_u64(b, con->address);
	buf_put_u32(b, con->size);
	buf_put_u16(b, con->type);
	buf_put_u16(b, con->flags);
	buf_put_u32(b, con->divider);
	buf_put_u32(b, con->gate_nr);
	buf_put_u64(b, con->clock_reg);
}

static void put_platform(struct emit_buf *b, const struct system_config *s)
{
	buf_put_u64(b, s->pci_mmconfig_base);
	buf_put_u8(b, s->pci_mmconfig_end_bus);
	buf_put_u8(b, s->pci_is_virtual);
	buf_put_u16(b, s->pci_domain);
	for (size_t i = 0; i < 8; i++) {
		buf_put_u32(b, s->iommu[i].type);
		buf_put_u64(b, s->iommu[i].base);
		buf_put_u32(b, s->iommu[i].size);
		buf_put_bytes(b, s->iommu[i].rest, sizeof(s->iommu[i].rest));
	}
	buf_put_u8(b, s->maintenance_irq);
	buf_put_u8(b, s->gic_version);
	buf_put_zero(b, 2);
	buf_put_u64(b, s->gicd_base);
	buf_put_u64(b, s->gicc_base);
	buf_put_u64(b, s->gich_base);
	buf_put_u64(b, s->gicv_base);
	buf_put_u64(b, s->gicr_base);
}

void v14_write_header(struct emit_buf *b, const struct config *c, const struct cell_header *h,
		      bool system)
{
	if (system) {
		const struct system_config *s = &c->sys;

		buf_put_bytes(b, signature_system, sizeof(signature_system));
		buf_put_u8(b, (uint8_t)c->arch);
		buf_put_u16(b, ABI_V14);
		buf_put_u32(b, s->flags);
		buf_put_u64(b, s->hypervisor.phys);
		buf_put_u64(b, s->hypervisor.virt);
		buf_put_u64(b, s->hypervisor.size);
		buf_put_u64(b, v14_mem_flags(s->hypervisor.flags));
		put_console(b, &s->debug_console);
		put_platform(b, s);
		/* The root cell's own signature, architecture and revision stay 0. */
		buf_put_zero(b, 8);
	} else {
		buf_put_bytes(b, signature_cell, sizeof(signature_cell));
		buf_put_u8(b, (uint8_t)c->arch);
		buf_put_u16(b, ABI_V14);
	}
	buf_put_bytes(b, h->name, CELL_NAME_SIZE);
	buf_put_u32(b, 0); /* id: the driver assigns it */
	buf_put_u32(b, h->flags);
	buf_put_u32(b, h->cpu_set_size);
	buf_put_u32(b, h->n_memory);
	buf_put_u32(b, h->n_cache);
	buf_put_u32(b, h->n_irqchips);
	buf_put_u32(b, h->pio_bytes / PIO_V14_SIZE);
	buf_put_u32(b, h->n_pci);
	buf_put_u32(b, h->n_caps);
	buf_put_u32(b, h->n_stream_ids);
	buf_put_u32(b, h->vpci_irq_base);
	buf_put_u64(b, h->cpu_reset_address);
	buf_put_u64(b, h->msg_reply_timeout);
	put_console(b, &h->console);
}

void v14_write_pci(struct emit_buf *b, const struct cell_pci *p)
{
	pci_put_head(b, p);
	buf_put_u8(b, (uint8_t)((p->msi_64bits ? 1 : 0) | (p->msi_maskable ? 2 : 0)));
	pci_put_msix(b, p);
	buf_put_u32(b, p->shmem_regions_start);
	buf_put_u8(b, p->shmem_dev_id);
	buf_put_u8(b, p->shmem_peers);
	buf_put_u16(b, p->shmem_protocol);
}

int v14_read_mem_flags(uint64_t raw, uint32_t *flags, struct emit_error *err)
{
	if (raw >> 32) {
		emit_error_set(err, _("memory flags 0x%llx use bits above 31, which no revision "
				      "defines"), (unsigned long long)raw);
		return -1;
	}
	*flags = (uint32_t)raw;
	return 0;
}

static int read_console(struct byte_reader *r, struct console *con, struct emit_error *err)
{
	size_t at = r->pos;

	con->address = reader_u64(r);
	con->size = reader_u32(r);
	con->type = reader_u16(r);
	con->flags = reader_u16(r);
	con->divider = reader_u32(r);
	con->gate_nr = reader_u32(r);
	con->clock_reg = reader_u64(r);
	/* The model stores revision 9's ROOTPAGE in this bit. */
	if (con->flags & CON_FLAG_ROOTPAGE) {
		emit_error_set(err, _("byte %zu: console flag 0x%x is not defined in revision 14"),
			       at + 14, CON_FLAG_ROOTPAGE);
		return -1;
	}
	return 0;
}

static int read_platform(struct byte_reader *r, struct system_config *s, struct emit_error *err)
{
	size_t pad_at;

	s->pci_mmconfig_base = reader_u64(r);
	s->pci_mmconfig_end_bus = reader_u8(r);
	s->pci_is_virtual = reader_u8(r);
	s->pci_domain = reader_u16(r);
	for (size_t i = 0; i < 8; i++) {
		s->iommu[i].type = reader_u32(r);
		s->iommu[i].base = reader_u64(r);
		s->iommu[i].size = reader_u32(r);
		reader_bytes(r, s->iommu[i].rest, sizeof(s->iommu[i].rest));
	}
	s->maintenance_irq = reader_u8(r);
	s->gic_version = reader_u8(r);
	pad_at = r->pos;
	if (!reader_zero(r, 2)) {
		emit_error_set(err, _("byte %zu: the padding of the platform information is not "
				      "zero"), pad_at);
		return -1;
	}
	s->gicd_base = reader_u64(r);
	s->gicc_base = reader_u64(r);
	s->gich_base = reader_u64(r);
	s->gicv_base = reader_u64(r);
	s->gicr_base = reader_u64(r);
	return 0;
}

int v14_read_header(struct byte_reader *r, bool system, struct system_config *sys,
		    enum arch *arch, struct cell_header *h, struct emit_error *err)
{
	uint8_t a;
	size_t at;

	r->pos = 5;
	a = reader_u8(r);
	if (a > ARCH_ARM64) {
		emit_error_set(err, _("byte 5: unknown architecture %u (0 x86, 1 arm, 2 arm64)"), a);
		return -1;
	}
	*arch = (enum arch)a;
	reader_u16(r); /* revision, checked by the caller */
	if (system) {
		uint64_t raw;

		sys->flags = reader_u32(r);
		sys->hypervisor.phys = reader_u64(r);
		sys->hypervisor.virt = reader_u64(r);
		sys->hypervisor.size = reader_u64(r);
		raw = reader_u64(r);
		if (v14_read_mem_flags(raw, &sys->hypervisor.flags, err) < 0 ||
		    read_console(r, &sys->debug_console, err) < 0 ||
		    read_platform(r, sys, err) < 0)
			return -1;
		if (!reader_zero(r, 8)) {
			emit_error_set(err, _("byte %d: the root cell's signature, architecture and "
					      "revision must be left zero"), V14_ROOT_CELL_OFFSET);
			return -1;
		}
	}
	if (header_read_name_id(r, h->name, err) < 0)
		return -1;
	at = r->pos;
	h->flags = reader_u32(r);
	if (h->flags & CELL_DEBUG_CONSOLE) {
		emit_error_set(err, _("byte %zu: cell flag 0x%x is not defined in revision 14"),
			       at, CELL_DEBUG_CONSOLE);
		return -1;
	}
	h->cpu_set_size = reader_u32(r);
	h->n_memory = reader_u32(r);
	h->n_cache = reader_u32(r);
	h->n_irqchips = reader_u32(r);
	h->pio_bytes = reader_u32(r);
	h->n_pci = reader_u32(r);
	h->n_caps = reader_u32(r);
	h->n_stream_ids = reader_u32(r);
	h->vpci_irq_base = reader_u32(r);
	h->cpu_reset_address = reader_u64(r);
	h->msg_reply_timeout = reader_u64(r);
	if (h->pio_bytes > UINT32_MAX / PIO_V14_SIZE) {
		emit_error_set(err, _("byte %zu: %u pio regions cannot fit in a file"),
			       at + 20, h->pio_bytes);
		return -1;
	}
	h->pio_bytes *= PIO_V14_SIZE;
	return read_console(r, &h->console, err);
}

int v14_read_pci(struct byte_reader *r, struct cell_pci *p, struct emit_error *err)
{
	size_t at = r->pos;
	uint8_t msi;

	pci_read_head(r, p);
	msi = reader_u8(r);
	if (msi & ~3u) {
		emit_error_set(err, _("byte %zu: unknown MSI bits 0x%x in a PCI device"),
			       at + 35, msi);
		return -1;
	}
	p->msi_64bits = msi & 1;
	p->msi_maskable = (msi >> 1) & 1;
	pci_read_msix(r, p);
	p->shmem_regions_start = reader_u32(r);
	p->shmem_dev_id = reader_u8(r);
	p->shmem_peers = reader_u8(r);
	p->shmem_protocol = reader_u16(r);
	return 0;
}
