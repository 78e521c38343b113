/*
 * Config revision 9, the layout of Jailhouse v0.9.1 that the Jetson TX2 fork
 * runs. It differs from revision 14 in signatures, header fields, the packed
 * debug console (type and flags in one word), flag values, the PCI device
 * (one shared-memory region) and in having no per-cell console or stream
 * ids. The model keeps revision 14 values, so everything is translated here
 * in both directions, and what revision 9 cannot say is refused, with one
 * exception: a guest's console is left out, because revision 9 inmates find
 * their UART themselves and derivation names the console for both.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "emit/layout.h"
#include "po/i18n.h"

static const char signature_system[6] = { 'J', 'H', 'S', 'Y', 'S', 'T' };
static const char signature_cell[6] = { 'J', 'H', 'C', 'E', 'L', 'L' };

/* Revision 9's values where they differ from the model's. */
enum {
	V9_CELL_PASSIVE_COMMREG = 0x1,
	V9_CELL_DEBUG_CONSOLE = 0x2,
	V9_CELL_TEST_DEVICE = 0x4,
	V9_MEM_IO_UNALIGNED = 0x100,
	V9_CON_TYPE_MASK = 0x000f,
	V9_CON_ACCESS_MMIO = 0x0010,
	V9_CON_REGDIST_4 = 0x0020,
	V9_CON_ROOTPAGE = 0x0100,
	V9_PROTO_VETH = 0x0100,
	V9_PROTO_CUSTOM = 0x8000,
	/* Bytes of the platform union after the arm part (x86 is larger). */
	V9_PLATFORM_TAIL = V9_ROOT_CELL_OFFSET - 126,
};

static const uint32_t cell_flags_allowed =
	CELL_PASSIVE_COMMREG | CELL_TEST_DEVICE | CELL_DEBUG_CONSOLE;
static const uint16_t console_flags_allowed =
	CON_FLAG_ACCESS_MMIO | CON_FLAG_REGDIST_4 | CON_FLAG_ROOTPAGE;

uint32_t v9_cell_flags(uint32_t flags)
{
	return (flags & CELL_PASSIVE_COMMREG ? V9_CELL_PASSIVE_COMMREG : 0) |
	       (flags & CELL_TEST_DEVICE ? V9_CELL_TEST_DEVICE : 0) |
	       (flags & CELL_DEBUG_CONSOLE ? V9_CELL_DEBUG_CONSOLE : 0);
}

uint32_t v9_console_flags(const struct console *con)
{
	return (con->type & V9_CON_TYPE_MASK) |
	       (con->flags & CON_FLAG_ACCESS_MMIO ? V9_CON_ACCESS_MMIO : 0) |
	       (con->flags & CON_FLAG_REGDIST_4 ? V9_CON_REGDIST_4 : 0) |
	       (con->flags & CON_FLAG_ROOTPAGE ? V9_CON_ROOTPAGE : 0);
}

uint16_t v9_shmem_protocol(uint16_t proto)
{
	switch (proto) {
	case SHMEM_PROTO_VETH:
		return V9_PROTO_VETH;
	case SHMEM_PROTO_CUSTOM:
		return V9_PROTO_CUSTOM;
	default:
		return proto;
	}
}

uint64_t v9_mem_flags(uint32_t flags)
{
	uint64_t out = flags & ~(uint32_t)MEM_IO_UNALIGNED;

	if (flags & MEM_IO_UNALIGNED)
		out |= V9_MEM_IO_UNALIGNED;
	return out;
}

static int check_region_flags(const struct cell *cell, const char *what, uint32_t flags,
			      struct emit_error *err)
{
	if (flags & MEM_NO_HUGEPAGES) {
		emit_error_set(err, _("cell '%s': region %s: the flag NO_HUGEPAGES does not exist "
				      "in revision 9"), cell_label(cell), what);
		return -1;
	}
	return 0;
}

static int check_system(const struct config *c, const struct cell *cell, struct emit_error *err)
{
	const struct system_config *s = &c->sys;
	const struct console *con = &s->debug_console;

	if (s->flags) {
		emit_error_set(err, _("system flags 0x%x (VIRTUAL_DEBUG_CONSOLE) do not exist in "
				      "revision 9; give the root cell DEBUG_CONSOLE instead"),
			       s->flags);
		return -1;
	}
	for (size_t i = 0; i < 8; i++) {
		if (s->iommu[i].type || s->iommu[i].base || s->iommu[i].size) {
			emit_error_set(err, _("IOMMU units cannot be written in revision 9"));
			return -1;
		}
	}
	if (con->type > V9_CON_TYPE_MASK || con->flags & ~console_flags_allowed) {
		emit_error_set(err, _("the debug console (type %u, flags 0x%x) cannot be written "
				      "in revision 9, which knows types 0-15 and the flags "
				      "ACCESS_MMIO, REGDIST_4 and ROOTPAGE"),
			       con->type, con->flags);
		return -1;
	}
	return check_region_flags(cell, _("hypervisor memory"), s->hypervisor.flags, err);
}

static int check_pci(const struct cell *cell, const struct cell_pci *p, struct emit_error *err)
{
	unsigned bus = p->bdf >> 8, dev = (p->bdf >> 3) & 0x1f, fn = p->bdf & 7;

	if (p->msi_maskable) {
		emit_error_set(err, _("cell '%s': PCI device %02x:%02x.%x: maskable MSI cannot be "
				      "written in revision 9"), cell_label(cell), bus, dev, fn);
		return -1;
	}
	if (p->type == PCI_IVSHMEM && p->shmem_peers > 2) {
		emit_error_set(err, _("cell '%s': shared-memory device %02x:%02x.%x has %u peers; "
				      "revision 9 links exactly two cells"),
			       cell_label(cell), bus, dev, fn, p->shmem_peers);
		return -1;
	}
	if (p->shmem_protocol != SHMEM_PROTO_UNDEFINED && p->shmem_protocol != SHMEM_PROTO_VETH &&
	    p->shmem_protocol != SHMEM_PROTO_CUSTOM) {
		emit_error_set(err, _("cell '%s': shared-memory protocol 0x%x of device "
				      "%02x:%02x.%x cannot be written in revision 9 (only "
				      "undefined, veth and custom)"),
			       cell_label(cell), p->shmem_protocol, bus, dev, fn);
		return -1;
	}
	return 0;
}

int v9_check(const struct config *c, const struct cell *cell, struct emit_error *err)
{
	if (cell->flags & ~cell_flags_allowed) {
		emit_error_set(err, _("cell '%s': cell flags 0x%x do not exist in revision 9"),
			       cell_label(cell), cell->flags & ~cell_flags_allowed);
		return -1;
	}
	if (cell->n_stream_ids) {
		emit_error_set(err, _("cell '%s': revision 9 has no stream ids"), cell_label(cell));
		return -1;
	}
	if (cell->root && check_system(c, cell, err) < 0)
		return -1;
	for (size_t i = 0; i < cell->n_regions; i++) {
		const struct cell_region *reg = &cell->regions[i];
		char what[64];

		snprintf(what, sizeof(what), "%#llx", (unsigned long long)reg->phys);
		if (check_region_flags(cell, reg->name ? reg->name : what, reg->flags, err) < 0)
			return -1;
	}
	for (size_t i = 0; i < cell->n_pci; i++) {
		if (check_pci(cell, &cell->pci[i], err) < 0)
			return -1;
	}
	return 0;
}

static void put_console(struct emit_buf *b, const struct console *con)
{
	buf_put_u64(b, con->address);
	buf_put_u32(b, con->size);
	buf_put_u32(b, v9_console_flags(con));
	buf_put_u32(b, con->divider);
	buf_put_u32(b, con->gate_nr);
	buf_put_u64(b, con->clock_reg);
}

static void put_system(struct emit_buf *b, const struct config *c)
{
	const struct system_config *s = &c->sys;

	buf_put_bytes(b, signature_system, sizeof(signature_system));
	buf_put_u16(b, ABI_V9);
	buf_put_u64(b, s->hypervisor.phys);
	buf_put_u64(b, s->hypervisor.virt);
	buf_put_u64(b, s->hypervisor.size);
	buf_put_u64(b, v9_mem_flags(s->hypervisor.flags));
	put_console(b, &s->debug_console);
	buf_put_u64(b, s->pci_mmconfig_base);
	buf_put_u8(b, s->pci_mmconfig_end_bus);
	buf_put_u8(b, s->pci_is_virtual);
	buf_put_u16(b, s->pci_domain);
	/* The arm part of the platform union is packed without padding. */
	buf_put_u8(b, s->maintenance_irq);
	buf_put_u8(b, s->gic_version);
	buf_put_u64(b, s->gicd_base);
	buf_put_u64(b, s->gicc_base);
	buf_put_u64(b, s->gich_base);
	buf_put_u64(b, s->gicv_base);
	buf_put_u64(b, s->gicr_base);
	buf_put_zero(b, V9_PLATFORM_TAIL);
	/* The root cell's own signature and revision stay 0. */
	buf_put_zero(b, 8);
}

void v9_write_header(struct emit_buf *b, const struct config *c, const struct cell_header *h,
		     bool system)
{
	if (system) {
		put_system(b, c);
	} else {
		buf_put_bytes(b, signature_cell, sizeof(signature_cell));
		buf_put_u16(b, ABI_V9);
	}
	buf_put_bytes(b, h->name, CELL_NAME_SIZE);
	buf_put_u32(b, 0); /* id: the driver assigns it */
	buf_put_u32(b, v9_cell_flags(h->flags));
	buf_put_u32(b, h->cpu_set_size);
	buf_put_u32(b, h->n_memory);
	buf_put_u32(b, h->n_cache);
	buf_put_u32(b, h->n_irqchips);
	buf_put_u32(b, h->pio_bytes);
	buf_put_u32(b, h->n_pci);
	buf_put_u32(b, h->n_caps);
	buf_put_u32(b, h->vpci_irq_base);
	buf_put_u64(b, h->cpu_reset_address);
	buf_put_u64(b, h->msg_reply_timeout);
}

void v9_write_pci(struct emit_buf *b, const struct cell_pci *p)
{
	pci_put_head(b, p);
	buf_put_u8(b, p->msi_64bits);
	pci_put_msix(b, p);
	buf_put_u32(b, p->shmem_regions_start);
	buf_put_u16(b, v9_shmem_protocol(p->shmem_protocol));
	buf_put_zero(b, 2);
}

int v9_read_mem_flags(uint64_t raw, uint32_t *flags, struct emit_error *err)
{
	/* The model keeps IO_UNALIGNED in bit 15, so that bit must be free here. */
	if (raw >> 32 || raw & MEM_IO_UNALIGNED) {
		emit_error_set(err, _("memory flags 0x%llx use bits revision 9 does not define"),
			       (unsigned long long)raw);
		return -1;
	}
	*flags = (uint32_t)(raw & ~(uint64_t)V9_MEM_IO_UNALIGNED);
	if (raw & V9_MEM_IO_UNALIGNED)
		*flags |= MEM_IO_UNALIGNED;
	return 0;
}

static int read_console(struct byte_reader *r, struct console *con, struct emit_error *err)
{
	size_t at = r->pos;
	uint32_t flags;

	con->address = reader_u64(r);
	con->size = reader_u32(r);
	flags = reader_u32(r);
	con->divider = reader_u32(r);
	con->gate_nr = reader_u32(r);
	con->clock_reg = reader_u64(r);
	if (flags & ~(uint32_t)(V9_CON_TYPE_MASK | V9_CON_ACCESS_MMIO | V9_CON_REGDIST_4 |
				V9_CON_ROOTPAGE)) {
		emit_error_set(err, _("byte %zu: unknown debug console flags 0x%x"), at + 12, flags);
		return -1;
	}
	con->type = flags & V9_CON_TYPE_MASK;
	con->flags = (flags & V9_CON_ACCESS_MMIO ? CON_FLAG_ACCESS_MMIO : 0) |
		     (flags & V9_CON_REGDIST_4 ? CON_FLAG_REGDIST_4 : 0) |
		     (flags & V9_CON_ROOTPAGE ? CON_FLAG_ROOTPAGE : 0);
	return 0;
}

static int read_system(struct byte_reader *r, struct system_config *s, struct emit_error *err)
{
	uint64_t raw;

	r->pos = 8;
	s->hypervisor.phys = reader_u64(r);
	s->hypervisor.virt = reader_u64(r);
	s->hypervisor.size = reader_u64(r);
	raw = reader_u64(r);
	if (v9_read_mem_flags(raw, &s->hypervisor.flags, err) < 0 ||
	    read_console(r, &s->debug_console, err) < 0)
		return -1;
	s->pci_mmconfig_base = reader_u64(r);
	s->pci_mmconfig_end_bus = reader_u8(r);
	s->pci_is_virtual = reader_u8(r);
	s->pci_domain = reader_u16(r);
	s->maintenance_irq = reader_u8(r);
	s->gic_version = reader_u8(r);
	s->gicd_base = reader_u64(r);
	s->gicc_base = reader_u64(r);
	s->gich_base = reader_u64(r);
	s->gicv_base = reader_u64(r);
	s->gicr_base = reader_u64(r);
	if (!reader_zero(r, V9_PLATFORM_TAIL)) {
		emit_error_set(err, _("bytes 126-261: platform information the model does not "
				      "keep (x86 fields?) is not zero"));
		return -1;
	}
	if (!reader_zero(r, 8)) {
		emit_error_set(err, _("byte %d: the root cell's signature and revision must be "
				      "left zero"), V9_ROOT_CELL_OFFSET);
		return -1;
	}
	return 0;
}

int v9_read_header(struct byte_reader *r, bool system, struct system_config *sys,
		   struct cell_header *h, struct emit_error *err)
{
	uint32_t flags;
	size_t at;

	if (system) {
		if (read_system(r, sys, err) < 0)
			return -1;
	} else {
		r->pos = 8;
	}
	if (header_read_name_id(r, h->name, err) < 0)
		return -1;
	at = r->pos;
	flags = reader_u32(r);
	if (flags & ~(uint32_t)(V9_CELL_PASSIVE_COMMREG | V9_CELL_DEBUG_CONSOLE |
				V9_CELL_TEST_DEVICE)) {
		emit_error_set(err, _("byte %zu: unknown cell flags 0x%x"), at, flags);
		return -1;
	}
	h->flags = (flags & V9_CELL_PASSIVE_COMMREG ? CELL_PASSIVE_COMMREG : 0) |
		   (flags & V9_CELL_DEBUG_CONSOLE ? CELL_DEBUG_CONSOLE : 0) |
		   (flags & V9_CELL_TEST_DEVICE ? CELL_TEST_DEVICE : 0);
	h->cpu_set_size = reader_u32(r);
	h->n_memory = reader_u32(r);
	h->n_cache = reader_u32(r);
	h->n_irqchips = reader_u32(r);
	h->pio_bytes = reader_u32(r);
	h->n_pci = reader_u32(r);
	h->n_caps = reader_u32(r);
	h->n_stream_ids = 0;
	h->vpci_irq_base = reader_u32(r);
	h->cpu_reset_address = reader_u64(r);
	h->msg_reply_timeout = reader_u64(r);
	memset(&h->console, 0, sizeof(h->console));
	return 0;
}

int v9_read_pci(struct byte_reader *r, struct cell_pci *p, struct emit_error *err)
{
	size_t at = r->pos;
	uint16_t proto;

	pci_read_head(r, p);
	p->msi_64bits = reader_u8(r);
	p->msi_maskable = 0;
	pci_read_msix(r, p);
	p->shmem_regions_start = reader_u32(r);
	proto = reader_u16(r);
	switch (proto) {
	case 0:
		p->shmem_protocol = SHMEM_PROTO_UNDEFINED;
		break;
	case V9_PROTO_VETH:
		p->shmem_protocol = SHMEM_PROTO_VETH;
		break;
	case V9_PROTO_CUSTOM:
		p->shmem_protocol = SHMEM_PROTO_CUSTOM;
		break;
	default:
		emit_error_set(err, _("byte %zu: unknown shared-memory protocol 0x%x"), at + 52,
			       proto);
		return -1;
	}
	if (!reader_zero(r, 2)) {
		emit_error_set(err, _("byte %zu: the padding of a PCI device is not zero"), at + 54);
		return -1;
	}
	/* Revision 9 links exactly two peers and does not number them. */
	p->shmem_dev_id = 0;
	p->shmem_peers = p->type == PCI_IVSHMEM ? 2 : 0;
	return 0;
}
