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

#include "emit/c-writer.h"
#include "model/units.h"


/*
 * "A | B | 0x40": named bits first, then what no name covers, or "0".
 * Lines wrap before 80 columns as in Jailhouse's configs; indent is the
 * field's, col the column the value starts at.
 */
void c_put_flags(struct emit_buf *b, const struct c_name *table, uint64_t v,
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
void c_put_value(struct emit_buf *b, const struct c_name *table, uint64_t v)
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

void c_put_comment(struct emit_buf *b, const char *s)
{
	buf_printf(b, "/* ");
	buf_put_comment_text(b, s);
	buf_printf(b, " */ ");
}

void c_put_hex_field(struct emit_buf *b, const char *indent, const char *field, uint64_t v)
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
		c_put_value(b, w->names->con_types, flags & 0xf);
		if (flags & ~0xfu) {
			buf_printf(b, " |\n%s\t\t ", indent);
			c_put_flags(b, w->names->con_flags, flags & ~0xfu, indent,
				  strlen(indent) * 8 + 17);
		}
		buf_printf(b, ",\n");
	} else {
		buf_printf(b, "%s\t.type = ", indent);
		c_put_value(b, w->names->con_types, con->type);
		buf_printf(b, ",\n%s\t.flags = ", indent);
		c_put_flags(b, w->names->con_flags, con->flags, indent, strlen(indent) * 8 + 17);
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
		c_put_value(b, w->names->archs, (uint64_t)w->c->arch);
		buf_printf(b, ",\n");
	}
	buf_printf(b, "\t\t.revision = JAILHOUSE_CONFIG_REVISION,\n");
	if (s->flags) {
		buf_printf(b, "\t\t.flags = ");
		c_put_flags(b, w->names->sys, s->flags, "\t\t", 25);
		buf_printf(b, ",\n");
	}
	buf_printf(b, "\t\t.hypervisor_memory = {\n");
	c_put_hex_field(b, "\t\t\t", "phys_start", s->hypervisor.phys);
	if (s->hypervisor.virt)
		c_put_hex_field(b, "\t\t\t", "virt_start", s->hypervisor.virt);
	c_put_hex_field(b, "\t\t\t", "size", s->hypervisor.size);
	if (s->hypervisor.flags) {
		buf_printf(b, "\t\t\t.flags = ");
		c_put_flags(b, w->names->mem, w->abi == ABI_V9 ? v9_mem_flags(s->hypervisor.flags)
							     : v14_mem_flags(s->hypervisor.flags),
			  "\t\t\t", 33);
		buf_printf(b, ",\n");
	}
	buf_printf(b, "\t\t},\n");
	put_console(w, "\t\t", "debug_console", &s->debug_console);
	buf_printf(b, "\t\t.platform_info = {\n");
	c_put_hex_field(b, "\t\t\t", "pci_mmconfig_base", s->pci_mmconfig_base);
	buf_printf(b, "\t\t\t.pci_mmconfig_end_bus = %u,\n", s->pci_mmconfig_end_bus);
	buf_printf(b, "\t\t\t.pci_is_virtual = %u,\n", s->pci_is_virtual);
	buf_printf(b, "\t\t\t.pci_domain = %u,\n", s->pci_domain);
	if (w->abi == ABI_V14)
		put_iommus(w, s);
	buf_printf(b, "\t\t\t.arm = {\n");
	buf_printf(b, "\t\t\t\t.gic_version = %u,\n", s->gic_version);
	c_put_hex_field(b, "\t\t\t\t", "gicd_base", s->gicd_base);
	c_put_hex_field(b, "\t\t\t\t", "gicc_base", s->gicc_base);
	c_put_hex_field(b, "\t\t\t\t", "gich_base", s->gich_base);
	c_put_hex_field(b, "\t\t\t\t", "gicv_base", s->gicv_base);
	c_put_hex_field(b, "\t\t\t\t", "gicr_base", s->gicr_base);
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
			c_put_value(b, w->names->archs, (uint64_t)w->c->arch);
			buf_printf(b, ",\n");
		}
		buf_printf(b, "%s.revision = JAILHOUSE_CONFIG_REVISION,\n", in);
	}
	buf_printf(b, "%s.name = ", in);
	put_cstring(b, h->name);
	buf_printf(b, ",\n");
	if (h->flags) {
		buf_printf(b, "%s.flags = ", in);
		c_put_flags(b, w->names->cell, w->abi == ABI_V9 ? v9_cell_flags(h->flags) : h->flags,
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
		c_put_hex_field(b, in, "cpu_reset_address", h->cpu_reset_address);
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

/* The configuration holds only while Linux keeps out of the RAM above mem=. */
static void put_mem_plan(struct emit_buf *b, const struct config *c)
{
	char mem[32];

	format_mem_arg(c->linux_mem, mem, sizeof(mem));
	buf_printf(b, " *\n * Linux in the root cell must boot with %s: the RAM above it\n"
		      " * is the hypervisor's and the cells'.\n", mem);
	if (c->linux_mem_assumed)
		buf_printf(b, " * The board was read from a device tree alone, so which RAM Linux\n"
			      " * uses was unknown: this mem= is the plan, not what it runs with.\n");
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

	if (header_prepare(&h, c, cell, abi, err) < 0)
		return -1;

	buf_printf(out, "/*\n * Jailhouse %s configuration \"", cell->root ? "system" : "cell");
	buf_put_comment_text(out, h.name);
	buf_printf(out, "\", config revision %d.\n", (int)abi);
	buf_printf(out, " * Written by autojail %s; change the project and generate again\n"
			" * rather than editing this file.\n", PACKAGE_VERSION);
	if (cell->root && c->linux_mem)
		put_mem_plan(out, c);
	buf_printf(out, " */\n\n");
	buf_printf(out, "#include <jailhouse/types.h>\n#include <jailhouse/cell-config.h>\n\n");
	/* Upstream's cell-config.h defines it, the TX2 fork's does not. */
	buf_printf(out, "#ifndef ARRAY_SIZE\n#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))\n"
			"#endif\n\n");
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
	c_put_arrays(&w);
	buf_printf(out, "};\n");
	return 0;
}
