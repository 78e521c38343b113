/*
 * The C source's arrays after the header: the CPU set, memory regions with
 * their names as comments, cache regions, irqchips, port I/O, PCI devices,
 * capabilities and stream ids, each in the field names of its revision.
 */
#include "config.h"

#include "emit/c-writer.h"

static void put_cpus(struct cw *w)
{
	const struct cell_header *h = w->h;
	struct emit_buf *b = w->b;

	buf_printf(b, "\n\t.cpus = {\n");
	if (h->cpu_set_size % 8 == 0) {
		for (uint32_t i = 0; i < h->cpu_set_size / 8; i++)
			buf_printf(b, "\t\t%#llx,\n",
				   (unsigned long long)(i == 0 ? w->cell->cpus : 0));
	} else {
		for (uint32_t i = 0; i < h->cpu_set_size; i++)
			buf_printf(b, "\t\t%#x,\n",
				   i < 8 ? (unsigned)(w->cell->cpus >> (8 * i)) & 0xff : 0);
	}
	buf_printf(b, "\t},\n");
}

static void put_regions(struct cw *w)
{
	struct emit_buf *b = w->b;

	if (!w->cell->n_regions)
		return;
	buf_printf(b, "\n\t.mem_regions = {\n");
	for (size_t i = 0; i < w->cell->n_regions; i++) {
		const struct cell_region *r = &w->cell->regions[i];

		buf_printf(b, "\t\t");
		if (r->name && r->name[0])
			c_put_comment(b, r->name);
		buf_printf(b, "{\n");
		c_put_hex_field(b, "\t\t\t", "phys_start", r->phys);
		c_put_hex_field(b, "\t\t\t", "virt_start", r->virt);
		c_put_hex_field(b, "\t\t\t", "size", r->size);
		buf_printf(b, "\t\t\t.flags = ");
		c_put_flags(b, w->names->mem,
			  w->abi == ABI_V9 ? v9_mem_flags(r->flags) : v14_mem_flags(r->flags),
			  "\t\t\t", 33);
		buf_printf(b, ",\n\t\t},\n");
	}
	buf_printf(b, "\t},\n");
}

static void put_caches_and_irqchips(struct cw *w)
{
	const struct cell *cell = w->cell;
	struct emit_buf *b = w->b;

	if (cell->n_caches) {
		buf_printf(b, "\n\t.cache_regions = {\n");
		for (size_t i = 0; i < cell->n_caches; i++)
			buf_printf(b, "\t\t{ .start = %u, .size = %u, .type = %u, .flags = %#x },\n",
				   cell->caches[i].start, cell->caches[i].size,
				   cell->caches[i].type, cell->caches[i].flags);
		buf_printf(b, "\t},\n");
	}
	if (!cell->n_irqchips)
		return;
	buf_printf(b, "\n\t.irqchips = {\n");
	for (size_t i = 0; i < cell->n_irqchips; i++) {
		const struct cell_irqchip *chip = &cell->irqchips[i];

		buf_printf(b, "\t\t/* interrupts %u-%u */ {\n", chip->pin_base,
			   chip->pin_base + 127);
		c_put_hex_field(b, "\t\t\t", "address", chip->address);
		if (chip->id)
			buf_printf(b, "\t\t\t.id = %u,\n", chip->id);
		buf_printf(b, "\t\t\t.pin_base = %u,\n", chip->pin_base);
		buf_printf(b, "\t\t\t.pin_bitmap = {\n\t\t\t\t%#x, %#x, %#x, %#x,\n\t\t\t},\n",
			   chip->pin_bitmap[0], chip->pin_bitmap[1], chip->pin_bitmap[2],
			   chip->pin_bitmap[3]);
		buf_printf(b, "\t\t},\n");
	}
	buf_printf(b, "\t},\n");
}

static void put_pio(struct cw *w)
{
	const struct cell *cell = w->cell;
	struct emit_buf *b = w->b;

	if (!cell->pio_size)
		return;
	if (w->abi == ABI_V9) {
		buf_printf(b, "\n\t.pio_bitmap = {");
		for (size_t i = 0; i < cell->pio_size; i++)
			buf_printf(b, "%s%#x,", i % 8 ? " " : "\n\t\t", cell->pio[i]);
		buf_printf(b, "\n\t},\n");
		return;
	}
	buf_printf(b, "\n\t.pio_regions = {\n");
	for (size_t i = 0; i + PIO_V14_SIZE <= cell->pio_size; i += PIO_V14_SIZE) {
		const uint8_t *p = cell->pio + i;

		buf_printf(b, "\t\t{ .base = %#x, .length = %#x },\n", p[0] | p[1] << 8,
			   p[2] | p[3] << 8);
	}
	buf_printf(b, "\t},\n");
}

static void put_pci_device(struct cw *w, const struct cell_pci *p)
{
	struct emit_buf *b = w->b;
	bool masks = false;

	buf_printf(b, "\t\t/* %02x:%02x.%x */ {\n", p->bdf >> 8, (p->bdf >> 3) & 0x1f,
		   p->bdf & 7);
	buf_printf(b, "\t\t\t.type = ");
	c_put_value(b, w->names->pci_types, p->type);
	buf_printf(b, ",\n");
	if (p->iommu)
		buf_printf(b, "\t\t\t.iommu = %u,\n", p->iommu);
	buf_printf(b, "\t\t\t.domain = %u,\n", p->domain);
	buf_printf(b, "\t\t\t.bdf = %#06x,\n", p->bdf);
	for (size_t i = 0; i < 6; i++)
		masks = masks || p->bar_mask[i];
	if (masks)
		buf_printf(b, "\t\t\t.bar_mask = {\n\t\t\t\t%#x, %#x, %#x,\n"
			      "\t\t\t\t%#x, %#x, %#x,\n\t\t\t},\n",
			   p->bar_mask[0], p->bar_mask[1], p->bar_mask[2], p->bar_mask[3],
			   p->bar_mask[4], p->bar_mask[5]);
	if (p->caps_start)
		buf_printf(b, "\t\t\t.caps_start = %u,\n", p->caps_start);
	if (p->num_caps)
		buf_printf(b, "\t\t\t.num_caps = %u,\n", p->num_caps);
	if (p->num_msi_vectors)
		buf_printf(b, "\t\t\t.num_msi_vectors = %u,\n", p->num_msi_vectors);
	/* Revision 14 has one-bit fields here, revision 9 a whole byte. */
	if (p->msi_64bits)
		buf_printf(b, "\t\t\t.msi_64bits = %u,\n", w->abi == ABI_V9 ? p->msi_64bits : 1);
	if (p->msi_maskable && w->abi == ABI_V14)
		buf_printf(b, "\t\t\t.msi_maskable = 1,\n");
	if (p->num_msix_vectors)
		buf_printf(b, "\t\t\t.num_msix_vectors = %u,\n", p->num_msix_vectors);
	if (p->msix_region_size)
		buf_printf(b, "\t\t\t.msix_region_size = %#x,\n", p->msix_region_size);
	if (p->msix_address)
		c_put_hex_field(b, "\t\t\t", "msix_address", p->msix_address);
	if (w->abi == ABI_V9) {
		buf_printf(b, "\t\t\t.shmem_region = %u,\n", p->shmem_regions_start);
		buf_printf(b, "\t\t\t.shmem_protocol = ");
		c_put_value(b, w->names->proto, v9_shmem_protocol(p->shmem_protocol));
	} else {
		buf_printf(b, "\t\t\t.shmem_regions_start = %u,\n", p->shmem_regions_start);
		buf_printf(b, "\t\t\t.shmem_dev_id = %u,\n", p->shmem_dev_id);
		buf_printf(b, "\t\t\t.shmem_peers = %u,\n", p->shmem_peers);
		buf_printf(b, "\t\t\t.shmem_protocol = ");
		c_put_value(b, w->names->proto, p->shmem_protocol);
	}
	buf_printf(b, ",\n\t\t},\n");
}

static void put_pci(struct cw *w)
{
	const struct cell *cell = w->cell;
	struct emit_buf *b = w->b;

	if (cell->n_pci) {
		buf_printf(b, "\n\t.pci_devices = {\n");
		for (size_t i = 0; i < cell->n_pci; i++)
			put_pci_device(w, &cell->pci[i]);
		buf_printf(b, "\t},\n");
	}
	if (cell->n_caps) {
		buf_printf(b, "\n\t.pci_caps = {\n");
		for (size_t i = 0; i < cell->n_caps; i++) {
			const struct cell_pci_cap *cap = &cell->caps[i];

			buf_printf(b, "\t\t{\n\t\t\t.id = %s%#x,\n",
				   cap->id & 0x8000 ? "JAILHOUSE_PCI_EXT_CAP | " : "",
				   cap->id & 0x7fff);
			buf_printf(b, "\t\t\t.start = %#x,\n\t\t\t.len = %#x,\n", cap->start,
				   cap->len);
			buf_printf(b, "\t\t\t.flags = ");
			c_put_flags(b, w->names->cap_flags, cap->flags, "\t\t\t", 33);
			buf_printf(b, ",\n\t\t},\n");
		}
		buf_printf(b, "\t},\n");
	}
	if (cell->n_stream_ids && w->abi == ABI_V14) {
		buf_printf(b, "\n\t.stream_ids = {\n");
		for (size_t i = 0; i < cell->n_stream_ids; i++)
			buf_printf(b, "\t\t%#x,\n", cell->stream_ids[i]);
		buf_printf(b, "\t},\n");
	}
}

void c_put_arrays(struct cw *w)
{
	put_cpus(w);
	put_regions(w);
	put_caches_and_irqchips(w);
	put_pio(w);
	put_pci(w);
}
