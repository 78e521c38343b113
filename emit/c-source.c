/*
 * C sources in the style of Jailhouse's configs/ directory: one packed
 * struct holding the header and the arrays, flags by their macro names,
 * region names as comments, counts by ARRAY_SIZE. Compiled against the
 * Jailhouse headers of the same revision and cut out with objcopy, they give
 * exactly the bytes of emit_cell_binary(); the tests prove it.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "emit/c-names.h"
#include "emit/layout.h"
#include "model/i18n.h"

struct cw {
	struct emit_buf *b;
	const struct c_names *names;
	enum abi abi;
	const struct config *c;
	const struct cell *cell;
	const struct cell_header *h;
};

/*
 * "A | B | 0x40": named bits first, then what no name covers, or "0".
 * Lines wrap before 80 columns as in Jailhouse's configs; indent is the
 * field's, col the column the value starts at.
 */
static void put_flags(struct emit_buf *b, const struct c_name *table, uint64_t v,
		      const char *indent, size_t col)
{
	uint64_t rest = v;
	bool first = true;
	char hex[24];

	for (size_t i = 0; table && table[i].name; i++) {
		size_t n = strlen(table[i].name);

		if (!table[i].value || (v & table[i].value) != table[i].value)
			continue;
		rest &= ~table[i].value;
		if (!first && col + 3 + n > 80) {
			buf_printf(b, " |\n%s\t", indent);
			col = strlen(indent) * 8 + 8;
		} else if (!first) {
			buf_printf(b, " | ");
			col += 3;
		}
		buf_printf(b, "%s", table[i].name);
		col += n;
		first = false;
	}
	if (rest || first) {
		snprintf(hex, sizeof(hex), "%#llx", (unsigned long long)rest);
		if (first)
			buf_printf(b, "%s", hex);
		else if (col + 3 + strlen(hex) > 80)
			buf_printf(b, " |\n%s\t%s", indent, hex);
		else
			buf_printf(b, " | %s", hex);
	}
}

/* The name of an exact value, or the number. */
static void put_value(struct emit_buf *b, const struct c_name *table, uint64_t v)
{
	for (size_t i = 0; table && table[i].name; i++) {
		if (table[i].value == v) {
			buf_printf(b, "%s", table[i].name);
			return;
		}
	}
	buf_printf(b, "%#llx", (unsigned long long)v);
}

/* A string literal; anything but plain printable characters as octal, so
 * neither quotes, backslashes nor trigraphs can change its meaning. */
static void put_cstring(struct emit_buf *b, const char *s)
{
	buf_put_u8(b, '"');
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;

		if (ch >= 0x20 && ch < 0x7f && ch != '"' && ch != '\\' && ch != '?')
			buf_put_u8(b, ch);
		else
			buf_printf(b, "\\%03o", ch);
	}
	buf_put_u8(b, '"');
}

/* Text inside a comment: control characters as blanks, and a blank
 * between "*" and "/" so that a name cannot end the comment early. */
static void put_comment_text(struct emit_buf *b, const char *s)
{
	unsigned char prev = 0;

	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;

		if (ch < 0x20 || ch == 0x7f)
			ch = ' ';
		if (ch == '/' && prev == '*')
			buf_put_u8(b, ' ');
		buf_put_u8(b, ch);
		prev = ch;
	}
}

static void put_comment(struct emit_buf *b, const char *s)
{
	buf_printf(b, "/* ");
	put_comment_text(b, s);
	buf_printf(b, " */ ");
}

static void put_hex_field(struct emit_buf *b, const char *indent, const char *field, uint64_t v)
{
	buf_printf(b, "%s.%s = %#llx,\n", indent, field, (unsigned long long)v);
}

static void put_console(struct cw *w, const char *indent, const char *field,
			const struct console *con)
{
	struct emit_buf *b = w->b;

	buf_printf(b, "%s.%s = {\n", indent, field);
	buf_printf(b, "%s\t.address = %#llx,\n", indent, (unsigned long long)con->address);
	buf_printf(b, "%s\t.size = %#x,\n", indent, con->size);
	if (w->abi == ABI_V9) {
		uint32_t flags = v9_console_flags(con);

		buf_printf(b, "%s\t.flags = ", indent);
		put_value(b, w->names->con_types, flags & 0xf);
		if (flags & ~0xfu) {
			buf_printf(b, " |\n%s\t\t ", indent);
			put_flags(b, w->names->con_flags, flags & ~0xfu, indent,
				  strlen(indent) * 8 + 17);
		}
		buf_printf(b, ",\n");
	} else {
		buf_printf(b, "%s\t.type = ", indent);
		put_value(b, w->names->con_types, con->type);
		buf_printf(b, ",\n%s\t.flags = ", indent);
		put_flags(b, w->names->con_flags, con->flags, indent, strlen(indent) * 8 + 17);
		buf_printf(b, ",\n");
	}
	if (con->divider)
		buf_printf(b, "%s\t.divider = %#x,\n", indent, con->divider);
	if (con->gate_nr)
		buf_printf(b, "%s\t.gate_nr = %u,\n", indent, con->gate_nr);
	if (con->clock_reg)
		buf_printf(b, "%s\t.clock_reg = %#llx,\n", indent,
			   (unsigned long long)con->clock_reg);
	buf_printf(b, "%s},\n", indent);
}

static bool console_set(const struct console *con)
{
	return con->address || con->size || con->type || con->flags || con->divider ||
	       con->gate_nr || con->clock_reg;
}

static bool iommu_set(const struct iommu_unit *u)
{
	static const uint8_t zero[sizeof(u->rest)];

	return u->type || u->base || u->size || memcmp(u->rest, zero, sizeof(zero));
}

static void put_iommus(struct cw *w, const struct system_config *s)
{
	struct emit_buf *b = w->b;
	bool any = false;

	for (size_t i = 0; i < 8; i++) {
		const struct iommu_unit *u = &s->iommu[i];
		uint64_t tlb_base = 0;
		uint32_t tlb_size = 0;

		if (!iommu_set(u))
			continue;
		if (!any)
			buf_printf(b, "\t\t\t.iommu_units = {\n");
		any = true;
		/* The 12-byte union is written through its widest member. */
		for (size_t k = 0; k < 8; k++)
			tlb_base |= (uint64_t)u->rest[k] << (8 * k);
		for (size_t k = 0; k < 4; k++)
			tlb_size |= (uint32_t)u->rest[8 + k] << (8 * k);
		buf_printf(b, "\t\t\t\t[%zu] = {\n", i);
		buf_printf(b, "\t\t\t\t\t.type = %u,\n", u->type);
		buf_printf(b, "\t\t\t\t\t.base = %#llx,\n", (unsigned long long)u->base);
		buf_printf(b, "\t\t\t\t\t.size = %#x,\n", u->size);
		if (tlb_base || tlb_size)
			buf_printf(b, "\t\t\t\t\t.tipvu = { .tlb_base = %#llx, .tlb_size = %#x },\n",
				   (unsigned long long)tlb_base, tlb_size);
		buf_printf(b, "\t\t\t\t},\n");
	}
	if (any)
		buf_printf(b, "\t\t\t},\n");
}

static void put_system(struct cw *w)
{
	const struct system_config *s = &w->c->sys;
	struct emit_buf *b = w->b;

	buf_printf(b, "\t\t.signature = JAILHOUSE_SYSTEM_SIGNATURE,\n");
	if (w->abi == ABI_V14) {
		buf_printf(b, "\t\t.architecture = ");
		put_value(b, w->names->archs, (uint64_t)w->c->arch);
		buf_printf(b, ",\n");
	}
	buf_printf(b, "\t\t.revision = JAILHOUSE_CONFIG_REVISION,\n");
	if (s->flags) {
		buf_printf(b, "\t\t.flags = ");
		put_flags(b, w->names->sys, s->flags, "\t\t", 25);
		buf_printf(b, ",\n");
	}
	buf_printf(b, "\t\t.hypervisor_memory = {\n");
	put_hex_field(b, "\t\t\t", "phys_start", s->hypervisor.phys);
	if (s->hypervisor.virt)
		put_hex_field(b, "\t\t\t", "virt_start", s->hypervisor.virt);
	put_hex_field(b, "\t\t\t", "size", s->hypervisor.size);
	if (s->hypervisor.flags) {
		buf_printf(b, "\t\t\t.flags = ");
		put_flags(b, w->names->mem, w->abi == ABI_V9 ? v9_mem_flags(s->hypervisor.flags)
							     : v14_mem_flags(s->hypervisor.flags),
			  "\t\t\t", 33);
		buf_printf(b, ",\n");
	}
	buf_printf(b, "\t\t},\n");
	put_console(w, "\t\t", "debug_console", &s->debug_console);
	buf_printf(b, "\t\t.platform_info = {\n");
	put_hex_field(b, "\t\t\t", "pci_mmconfig_base", s->pci_mmconfig_base);
	buf_printf(b, "\t\t\t.pci_mmconfig_end_bus = %u,\n", s->pci_mmconfig_end_bus);
	buf_printf(b, "\t\t\t.pci_is_virtual = %u,\n", s->pci_is_virtual);
	buf_printf(b, "\t\t\t.pci_domain = %u,\n", s->pci_domain);
	if (w->abi == ABI_V14)
		put_iommus(w, s);
	buf_printf(b, "\t\t\t.arm = {\n");
	buf_printf(b, "\t\t\t\t.gic_version = %u,\n", s->gic_version);
	put_hex_field(b, "\t\t\t\t", "gicd_base", s->gicd_base);
	put_hex_field(b, "\t\t\t\t", "gicc_base", s->gicc_base);
	put_hex_field(b, "\t\t\t\t", "gich_base", s->gich_base);
	put_hex_field(b, "\t\t\t\t", "gicv_base", s->gicv_base);
	put_hex_field(b, "\t\t\t\t", "gicr_base", s->gicr_base);
	buf_printf(b, "\t\t\t\t.maintenance_irq = %u,\n", s->maintenance_irq);
	buf_printf(b, "\t\t\t},\n");
	buf_printf(b, "\t\t},\n");
}

/* The cell descriptor's own fields: the root cell's inside the system
 * header (indent two tabs deeper), a guest's at the top. */
static void put_cell_desc(struct cw *w, const char *in)
{
	const struct cell_header *h = w->h;
	struct emit_buf *b = w->b;

	if (!w->cell->root) {
		buf_printf(b, "%s.signature = JAILHOUSE_CELL_DESC_SIGNATURE,\n", in);
		if (w->abi == ABI_V14) {
			buf_printf(b, "%s.architecture = ", in);
			put_value(b, w->names->archs, (uint64_t)w->c->arch);
			buf_printf(b, ",\n");
		}
		buf_printf(b, "%s.revision = JAILHOUSE_CONFIG_REVISION,\n", in);
	}
	buf_printf(b, "%s.name = ", in);
	put_cstring(b, h->name);
	buf_printf(b, ",\n");
	if (h->flags) {
		buf_printf(b, "%s.flags = ", in);
		put_flags(b, w->names->cell, w->abi == ABI_V9 ? v9_cell_flags(h->flags) : h->flags,
			  in, strlen(in) * 8 + 9);
		buf_printf(b, ",\n");
	}
	buf_printf(b, "\n%s.cpu_set_size = sizeof(config.cpus),\n", in);
	if (h->n_memory)
		buf_printf(b, "%s.num_memory_regions = ARRAY_SIZE(config.mem_regions),\n", in);
	if (h->n_cache)
		buf_printf(b, "%s.num_cache_regions = ARRAY_SIZE(config.cache_regions),\n", in);
	if (h->n_irqchips)
		buf_printf(b, "%s.num_irqchips = ARRAY_SIZE(config.irqchips),\n", in);
	if (h->pio_bytes && w->abi == ABI_V9)
		buf_printf(b, "%s.pio_bitmap_size = ARRAY_SIZE(config.pio_bitmap),\n", in);
	else if (h->pio_bytes)
		buf_printf(b, "%s.num_pio_regions = ARRAY_SIZE(config.pio_regions),\n", in);
	if (h->n_pci)
		buf_printf(b, "%s.num_pci_devices = ARRAY_SIZE(config.pci_devices),\n", in);
	if (h->n_caps)
		buf_printf(b, "%s.num_pci_caps = ARRAY_SIZE(config.pci_caps),\n", in);
	if (h->n_stream_ids && w->abi == ABI_V14)
		buf_printf(b, "%s.num_stream_ids = ARRAY_SIZE(config.stream_ids),\n", in);
	if (h->vpci_irq_base)
		buf_printf(b, "\n%s.vpci_irq_base = %u,\n", in, h->vpci_irq_base);
	if (h->cpu_reset_address)
		put_hex_field(b, in, "cpu_reset_address", h->cpu_reset_address);
	if (h->msg_reply_timeout)
		buf_printf(b, "%s.msg_reply_timeout = %llu,\n", in,
			   (unsigned long long)h->msg_reply_timeout);
	if (w->abi == ABI_V14 && console_set(&h->console))
		put_console(w, in, "console", &h->console);
}

static void put_struct_decl(struct cw *w)
{
	const struct cell_header *h = w->h;
	struct emit_buf *b = w->b;

	buf_printf(b, "struct {\n");
	buf_printf(b, "\tstruct %s %s;\n", w->cell->root ? "jailhouse_system" : "jailhouse_cell_desc",
		   w->cell->root ? "header" : "cell");
	if (h->cpu_set_size % 8 == 0)
		buf_printf(b, "\t__u64 cpus[%u];\n", h->cpu_set_size / 8);
	else
		buf_printf(b, "\t__u8 cpus[%u];\n", h->cpu_set_size);
	if (h->n_memory)
		buf_printf(b, "\tstruct jailhouse_memory mem_regions[%u];\n", h->n_memory);
	if (h->n_cache)
		buf_printf(b, "\tstruct jailhouse_cache cache_regions[%u];\n", h->n_cache);
	if (h->n_irqchips)
		buf_printf(b, "\tstruct jailhouse_irqchip irqchips[%u];\n", h->n_irqchips);
	if (h->pio_bytes && w->abi == ABI_V9)
		buf_printf(b, "\t__u8 pio_bitmap[%u];\n", h->pio_bytes);
	else if (h->pio_bytes)
		buf_printf(b, "\tstruct jailhouse_pio pio_regions[%u];\n",
			   h->pio_bytes / PIO_V14_SIZE);
	if (h->n_pci)
		buf_printf(b, "\tstruct jailhouse_pci_device pci_devices[%u];\n", h->n_pci);
	if (h->n_caps)
		buf_printf(b, "\tstruct jailhouse_pci_capability pci_caps[%u];\n", h->n_caps);
	if (h->n_stream_ids && w->abi == ABI_V14)
		buf_printf(b, "\t__u32 stream_ids[%u];\n", h->n_stream_ids);
	buf_printf(b, "} __attribute__((packed)) config = {\n");
}

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
			buf_printf(b, "\t\t%#x,\n", (unsigned)(w->cell->cpus >> (8 * i)) & 0xff);
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
			put_comment(b, r->name);
		buf_printf(b, "{\n");
		put_hex_field(b, "\t\t\t", "phys_start", r->phys);
		put_hex_field(b, "\t\t\t", "virt_start", r->virt);
		put_hex_field(b, "\t\t\t", "size", r->size);
		buf_printf(b, "\t\t\t.flags = ");
		put_flags(b, w->names->mem,
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
		put_hex_field(b, "\t\t\t", "address", chip->address);
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
	put_value(b, w->names->pci_types, p->type);
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
		put_hex_field(b, "\t\t\t", "msix_address", p->msix_address);
	if (w->abi == ABI_V9) {
		buf_printf(b, "\t\t\t.shmem_region = %u,\n", p->shmem_regions_start);
		buf_printf(b, "\t\t\t.shmem_protocol = ");
		put_value(b, w->names->proto, v9_shmem_protocol(p->shmem_protocol));
	} else {
		buf_printf(b, "\t\t\t.shmem_regions_start = %u,\n", p->shmem_regions_start);
		buf_printf(b, "\t\t\t.shmem_dev_id = %u,\n", p->shmem_dev_id);
		buf_printf(b, "\t\t\t.shmem_peers = %u,\n", p->shmem_peers);
		buf_printf(b, "\t\t\t.shmem_protocol = ");
		put_value(b, w->names->proto, p->shmem_protocol);
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
			put_flags(b, w->names->cap_flags, cap->flags, "\t\t\t", 33);
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

int emit_cell_c(const struct config *c, const struct cell *cell, enum abi abi,
		struct emit_buf *out, struct emit_error *err)
{
	struct cell_header h;
	struct cw w = {
		.b = out,
		.names = abi == ABI_V9 ? &c_names_v9 : &c_names_v14,
		.abi = abi,
		.c = c,
		.cell = cell,
		.h = &h,
	};

	/* The same checks as the binary writer: both outputs or neither. */
	if (abi != ABI_V9 && abi != ABI_V14) {
		emit_error_set(err, _("config revision %d is not supported (only 9 and 14)"),
			       (int)abi);
		return -1;
	}
	if (header_from_cell(&h, cell, err) < 0 ||
	    (abi == ABI_V9 ? v9_check(c, cell, err) : v14_check(c, cell, err)) < 0)
		return -1;

	buf_printf(out, "/*\n * Jailhouse %s configuration \"", cell->root ? "system" : "cell");
	put_comment_text(out, h.name);
	buf_printf(out, "\", config revision %d.\n", (int)abi);
	buf_printf(out, " * Written by autojail %s; change the project and generate again\n"
			" * rather than editing this file.\n */\n\n", PACKAGE_VERSION);
	buf_printf(out, "#include <jailhouse/types.h>\n#include <jailhouse/cell-config.h>\n\n");
	buf_printf(out, "#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))\n\n");
	put_struct_decl(&w);
	if (cell->root) {
		buf_printf(out, "\t.header = {\n");
		put_system(&w);
		buf_printf(out, "\t\t.root_cell = {\n");
		put_cell_desc(&w, "\t\t\t");
		buf_printf(out, "\t\t},\n\t},\n");
	} else {
		buf_printf(out, "\t.cell = {\n");
		put_cell_desc(&w, "\t\t");
		buf_printf(out, "\t},\n");
	}
	put_cpus(&w);
	put_regions(&w);
	put_caches_and_irqchips(&w);
	put_pio(&w);
	put_pci(&w);
	buf_printf(out, "};\n");
	return 0;
}
