/*
 * A binary .cell file: the revision's header, then the arrays in the order
 * Jailhouse reads them (CPU set, memory, cache, irqchips, port I/O, PCI
 * devices, PCI capabilities, stream ids), every field little-endian.
 */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "emit/layout.h"
#include "po/i18n.h"
#include "model/util.h"

void emit_error_set(struct emit_error *err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err->text, sizeof(err->text), fmt, ap);
	va_end(ap);
}

const char *cell_label(const struct cell *cell)
{
	return cell->name && cell->name[0] ? cell->name : _("(unnamed)");
}

static int check_count(const struct cell *cell, const char *what, size_t n,
		       struct emit_error *err)
{
	if (n > UINT32_MAX) {
		emit_error_set(err, _("cell '%s': too many %s (%zu)"), cell_label(cell), what, n);
		return -1;
	}
	return 0;
}

/* Fails when a count does not fit its field. */
static int header_from_cell(struct cell_header *h, const struct cell *cell,
			    struct emit_error *err)
{
	const char *name = cell->name ? cell->name : "";
	unsigned set_bits;

	memset(h, 0, sizeof(*h));
	if (strlen(name) >= CELL_NAME_SIZE) {
		emit_error_set(err, _("cell '%s': the name is longer than %d characters"), name,
			       CELL_NAME_SIZE - 1);
		return -1;
	}
	memcpy(h->name, name, strlen(name));
	h->flags = cell->flags;
	h->cpu_set_size = cell->cpu_set_size ? cell->cpu_set_size : DEFAULT_CPU_SET_SIZE;
	set_bits = h->cpu_set_size < 8 ? h->cpu_set_size * 8 : 64;
	if (set_bits < 64 && cell->cpus >> set_bits) {
		emit_error_set(err, _("cell '%s': CPUs above %u do not fit a %u-byte CPU set"),
			       cell_label(cell), set_bits - 1, h->cpu_set_size);
		return -1;
	}
	if (check_count(cell, _("memory regions"), cell->n_regions, err) < 0 ||
	    check_count(cell, _("cache regions"), cell->n_caches, err) < 0 ||
	    check_count(cell, _("irqchips"), cell->n_irqchips, err) < 0 ||
	    check_count(cell, _("bytes of port I/O data"), cell->pio_size, err) < 0 ||
	    check_count(cell, _("PCI devices"), cell->n_pci, err) < 0 ||
	    check_count(cell, _("PCI capabilities"), cell->n_caps, err) < 0 ||
	    check_count(cell, _("stream ids"), cell->n_stream_ids, err) < 0)
		return -1;
	h->n_memory = (uint32_t)cell->n_regions;
	h->n_cache = (uint32_t)cell->n_caches;
	h->n_irqchips = (uint32_t)cell->n_irqchips;
	h->pio_bytes = (uint32_t)cell->pio_size;
	h->n_pci = (uint32_t)cell->n_pci;
	h->n_caps = (uint32_t)cell->n_caps;
	h->n_stream_ids = (uint32_t)cell->n_stream_ids;
	h->vpci_irq_base = cell->vpci_irq_base;
	h->cpu_reset_address = cell->cpu_reset_address;
	h->msg_reply_timeout = cell->msg_reply_timeout;
	h->console = cell->console;
	return 0;
}

void pci_put_head(struct emit_buf *b, const struct cell_pci *p)
{
	buf_put_u8(b, p->type);
	buf_put_u8(b, p->iommu);
	buf_put_u16(b, p->domain);
	buf_put_u16(b, p->bdf);
	for (size_t i = 0; i < 6; i++)
		buf_put_u32(b, p->bar_mask[i]);
	buf_put_u16(b, p->caps_start);
	buf_put_u16(b, p->num_caps);
	buf_put_u8(b, p->num_msi_vectors);
}

void pci_put_msix(struct emit_buf *b, const struct cell_pci *p)
{
	buf_put_u16(b, p->num_msix_vectors);
	buf_put_u16(b, p->msix_region_size);
	buf_put_u64(b, p->msix_address);
}

int header_prepare(struct cell_header *h, const struct config *c, const struct cell *cell,
		   enum abi abi, struct emit_error *err)
{
	if (abi != ABI_V9 && abi != ABI_V14) {
		emit_error_set(err, _("config revision %d is not supported (only 9 and 14)"),
			       (int)abi);
		return -1;
	}
	if (header_from_cell(h, cell, err) < 0)
		return -1;
	return abi == ABI_V9 ? v9_check(c, cell, err) : v14_check(c, cell, err);
}

static void put_arrays(struct emit_buf *b, enum abi abi, const struct cell *cell,
		       const struct cell_header *h)
{
	for (uint32_t i = 0; i < h->cpu_set_size; i++)
		buf_put_u8(b, i < 8 ? (uint8_t)(cell->cpus >> (8 * i)) : 0);
	for (size_t i = 0; i < cell->n_regions; i++) {
		const struct cell_region *r = &cell->regions[i];

		buf_put_u64(b, r->phys);
		buf_put_u64(b, r->virt);
		buf_put_u64(b, r->size);
		buf_put_u64(b, abi == ABI_V9 ? v9_mem_flags(r->flags) : v14_mem_flags(r->flags));
	}
	for (size_t i = 0; i < cell->n_caches; i++) {
		buf_put_u32(b, cell->caches[i].start);
		buf_put_u32(b, cell->caches[i].size);
		buf_put_u8(b, cell->caches[i].type);
		buf_put_u8(b, 0);
		buf_put_u16(b, cell->caches[i].flags);
	}
	for (size_t i = 0; i < cell->n_irqchips; i++) {
		const struct cell_irqchip *chip = &cell->irqchips[i];

		buf_put_u64(b, chip->address);
		buf_put_u32(b, chip->id);
		buf_put_u32(b, chip->pin_base);
		for (size_t w = 0; w < 4; w++)
			buf_put_u32(b, chip->pin_bitmap[w]);
	}
	buf_put_bytes(b, cell->pio, cell->pio_size);
	for (size_t i = 0; i < cell->n_pci; i++) {
		if (abi == ABI_V9)
			v9_write_pci(b, &cell->pci[i]);
		else
			v14_write_pci(b, &cell->pci[i]);
	}
	for (size_t i = 0; i < cell->n_caps; i++) {
		buf_put_u16(b, cell->caps[i].id);
		buf_put_u16(b, cell->caps[i].start);
		buf_put_u16(b, cell->caps[i].len);
		buf_put_u16(b, cell->caps[i].flags);
	}
	if (abi == ABI_V14) {
		for (size_t i = 0; i < cell->n_stream_ids; i++)
			buf_put_u32(b, cell->stream_ids[i]);
	}
}

int emit_cell_binary(const struct config *c, const struct cell *cell, enum abi abi,
		     struct emit_buf *out, struct emit_error *err)
{
	struct cell_header h;

	if (header_prepare(&h, c, cell, abi, err) < 0)
		return -1;
	if (abi == ABI_V9)
		v9_write_header(out, c, &h, cell->root);
	else
		v14_write_header(out, c, &h, cell->root);
	put_arrays(out, abi, cell, &h);
	return 0;
}

char *emit_file_base(const struct cell *cell)
{
	const char *name = cell->name && cell->name[0] ? cell->name : "cell";
	char *base = xstrdup(name);

	/* Cell names may hold blanks or slashes; file names must not. */
	for (char *p = base; *p; p++) {
		if (!isalnum((unsigned char)*p) && *p != '-' && *p != '_' && *p != '.')
			*p = '-';
	}
	if (base[0] == '.')
		base[0] = '_';
	return base;
}
