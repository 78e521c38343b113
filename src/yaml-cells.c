/*
 * cells.yml: the spec (what the user asks for) and the concrete cells, with
 * their regions, interrupt grants and PCI devices. Regions that derivation
 * computes are not written: loading the project derives them again.
 * Regions taken from the board name their board region, so that a board
 * re-extracted with other indexes still matches.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "po/i18n.h"
#include "model/util.h"
#include "src/yaml-cells.h"
#include "src/yaml-common.h"
#include "src/project-io.h"

const struct flag_name cell_type_names[] = {
	{ CELL_BARE, "bare" },
	{ CELL_LINUX, "linux" },
	{ 0, NULL },
};

const struct flag_name origin_names[] = {
	{ ORIGIN_USER, "user" },
	{ ORIGIN_BOARD, "board" },
	{ ORIGIN_IMPORT, "import" },
	{ 0, NULL },
};

const struct flag_name pci_type_names[] = {
	{ PCI_DEVICE, "device" },
	{ PCI_BRIDGE, "bridge" },
	{ PCI_IVSHMEM, "ivshmem" },
	{ 0, NULL },
};

/* A board region by index (a plain number) or by name, path, alias or label;
 * resolved by cells_resolve once the board is there. */
static bool read_board_ref(struct yreader *r, const struct yfield *f, void *obj, void *ctx)
{
	struct cells_reader *cr = ctx;
	struct board_ref ref = { .cell = cr->cell, .region = cr->cell->n_regions - 1 };
	const char *text;
	bool plain, ok = true;
	uint64_t v;

	(void)obj;
	if (!yr_scalar(r, f->key, &text, &plain))
		return false;
	ref.line = r->line;
	ref.column = r->column;
	if (plain && parse_u64(text, &v)) {
		if (v > INT32_MAX)
			ok = yr_error_here(r, _("board region index %s is too large"), text);
		ref.index = (uint32_t)v;
	} else {
		ref.text = xstrdup(text);
	}
	/* Kept even when reading failed, to be freed with the rest. */
	ARRAY_PUSH(cr->refs->v, cr->refs->n, cr->refs->cap, ref);
	return ok;
}

static void *region_add(void *owner, void *ctx)
{
	struct cells_reader *cr = ctx;

	cr->cell = owner;
	return cell_add_region(cr->c, owner, NULL, 0, 0, 0, 0);
}

static bool region_keep(const void *item)
{
	return ((const struct cell_region *)item)->origin != ORIGIN_DERIVED;
}

enum { R_NAME, R_PHYS, R_VIRT, R_SIZE, R_FLAGS, R_BOARD, R_ORIGIN };

/* The writer leaves out what these defaults give: virt equal to phys, and
 * for a region from the board its origin and (see cells_resolve) the board
 * region's name. */
static bool region_done(struct yreader *r, const struct ymap *m, void *obj, void *ctx)
{
	struct cells_reader *cr = ctx;
	struct cell_region *reg = obj;

	(void)r;
	if (!ys_seen(m, R_VIRT))
		reg->virt = reg->phys;
	if (ys_seen(m, R_BOARD) && !ys_seen(m, R_ORIGIN))
		reg->origin = ORIGIN_BOARD;
	if (ys_seen(m, R_BOARD))
		cr->refs->v[cr->refs->n - 1].fill_name = !ys_seen(m, R_NAME);
	return true;
}

static const struct yfield region_fields[] = {
	[R_NAME] = YF("name", YK_STR, struct cell_region, name, YF_ALWAYS,
		      .write = cells_write_region_name,
		      .def_doc = "the board region's name (`~`: none)", .doc = "a label"),
	[R_PHYS] = YF("phys", YK_HEX, struct cell_region, phys, YF_REQUIRED | YF_ALWAYS,
		      .doc = "physical address"),
	[R_VIRT] = YF("virt", YK_HEX, struct cell_region, virt, YF_ALWAYS,
		      .write = cells_write_region_virt, .def_doc = "phys",
		      .doc = "address the cell sees"),
	[R_SIZE] = YF("size", YK_SIZE, struct cell_region, size, YF_REQUIRED | YF_ALWAYS,
		      .doc = "in bytes"),
	[R_FLAGS] = YF("flags", YK_FLAGS, struct cell_region, flags, YF_ALWAYS,
		       .ref = mem_flag_names, .doc = "access and kind"),
	[R_BOARD] = { .key = "board", .kind = YK_CUSTOM, .read = read_board_ref,
		      .write = cells_write_region_board, .value_doc = "name, path or index",
		      .def_doc = "none", .doc = "the board region it was taken from" },
	[R_ORIGIN] = YF("origin", YK_ENUM, struct cell_region, origin, YF_ALWAYS,
			.ref = origin_names, .write = cells_write_region_origin,
			.def_doc = "board with `board`, else user", .doc = "who placed it"),
};

static const struct yschema region_schema = YS_TABLE(N_("a cell region"), region_fields,
	.size = sizeof(struct cell_region), .flow = true, .add = region_add, .keep = region_keep, .done = region_done);

/* The list is checked against pin_base, which may come later. */
static bool read_irq_list(struct yreader *r, const struct yfield *f, void *obj, void *ctx)
{
	struct cells_reader *cr = ctx;

	(void)obj;
	if (!yr_str(r, f->key, &cr->irq_list))
		return false;
	cr->irq_line = r->line;
	cr->irq_column = r->column;
	return true;
}

static void write_irq_list(struct ywriter *w, const struct yfield *f, const void *obj,
			   void *ctx)
{
	const struct cell_irqchip *chip = obj;

	(void)ctx;
	yw_irq_list(w, f->key, chip->pin_base, 128, chip->pin_bitmap);
}

static bool irqchip_done(struct yreader *r, const struct ymap *m, void *obj, void *ctx)
{
	struct cells_reader *cr = ctx;
	struct cell_irqchip *chip = obj;
	bool ok = true;

	(void)m;
	if (cr->irq_list && !irq_list_parse(cr->irq_list, chip->pin_base, 128, chip->pin_bitmap))
		ok = yr_error(r, cr->irq_line, cr->irq_column,
			      _("expected interrupts from %u to %u (pin_base + 127) for "
				"\"interrupts\", found \"%.40s\""),
			      chip->pin_base, chip->pin_base + 127, cr->irq_list);
	free(cr->irq_list);
	cr->irq_list = NULL;
	return ok;
}

static const struct yfield irqchip_fields[] = {
	YF("address", YK_HEX, struct cell_irqchip, address, YF_REQUIRED | YF_ALWAYS,
	   .doc = "the distributor's address"),
	YF("id", YK_UINT, struct cell_irqchip, id, 0, .doc = "Jailhouse's chip id"),
	YF("pin_base", YK_UINT, struct cell_irqchip, pin_base, YF_REQUIRED | YF_ALWAYS,
	   .doc = "first interrupt of the 128-pin slice"),
	{ .key = "interrupts", .kind = YK_CUSTOM, .read = read_irq_list, .write = write_irq_list,
	  .value_doc = "interrupt list", .def_doc = "none",
	  .doc = "the interrupts granted, absolute numbers from pin_base to pin_base + 127" },
};

static const struct yschema irqchip_schema = YS_TABLE(N_("an interrupt controller slice"),
	irqchip_fields, .size = sizeof(struct cell_irqchip), .done = irqchip_done);

static bool read_bar_mask(struct yreader *r, const struct yfield *f, void *obj, void *ctx)
{
	struct cell_pci *p = obj;
	size_t nbars = 0;
	int more;

	(void)ctx;
	if (!yr_seq_begin(r, f->key))
		return false;
	while ((more = yr_seq_next(r)) > 0) {
		if (nbars == ARRAY_SIZE(p->bar_mask))
			return yr_error_here(r, _("a PCI device has 6 BARs"));
		if (!yr_u32(r, f->key, &p->bar_mask[nbars++]))
			return false;
	}
	return more == 0;
}

static void write_bar_mask(struct ywriter *w, const struct yfield *f, const void *obj,
			   void *ctx)
{
	const struct cell_pci *p = obj;
	size_t nbars = ARRAY_SIZE(p->bar_mask);

	(void)ctx;
	while (nbars && !p->bar_mask[nbars - 1])
		nbars--;
	if (!nbars)
		return;
	yw_seq_begin(w, f->key, true);
	for (size_t i = 0; i < nbars; i++)
		yw_hex(w, NULL, p->bar_mask[i]);
	yw_seq_end(w);
}

/* Jailhouse's own names, as in struct jailhouse_pci_device. */
#define PCI_FIELD(member, kind, doc_) YF(#member, kind, struct cell_pci, member, 0, .doc = (doc_))

static const struct yfield pci_fields[] = {
	YF("type", YK_ENUM, struct cell_pci, type, YF_REQUIRED | YF_ALWAYS, .ref = pci_type_names,
	   .max = UINT8_MAX, .doc = "what the device is, or a number"),
	YF("bdf", YK_BDF, struct cell_pci, bdf, YF_REQUIRED | YF_ALWAYS,
	   .doc = "bus:device.function"),
	{ .key = "bar_mask", .kind = YK_CUSTOM, .read = read_bar_mask, .write = write_bar_mask,
	  .value_doc = "list of numbers, at most 6", .def_doc = "none",
	  .doc = "the BARs' size masks" },
	YF("shmem_protocol", YK_ENUM, struct cell_pci, shmem_protocol, 0, .ref = protocol_names,
	   .max = UINT16_MAX, .doc = "ivshmem: what runs over it"),
	PCI_FIELD(iommu, YK_UINT, "the IOMMU unit"),
	PCI_FIELD(domain, YK_UINT, "the PCI domain"),
	PCI_FIELD(caps_start, YK_UINT, "its first capability in caps"),
	PCI_FIELD(num_caps, YK_UINT, "how many capabilities"),
	PCI_FIELD(num_msi_vectors, YK_UINT, "MSI vectors"),
	PCI_FIELD(msi_64bits, YK_UINT, "1: 64-bit MSI"),
	PCI_FIELD(msi_maskable, YK_UINT, "1: maskable MSI"),
	PCI_FIELD(num_msix_vectors, YK_UINT, "MSI-X vectors"),
	PCI_FIELD(msix_region_size, YK_HEX, "size of the MSI-X table"),
	PCI_FIELD(msix_address, YK_HEX, "address of the MSI-X table"),
	PCI_FIELD(shmem_regions_start, YK_UINT, "ivshmem: its first region (rev 9: the one)"),
	PCI_FIELD(shmem_dev_id, YK_UINT, "ivshmem: this cell's peer number"),
	PCI_FIELD(shmem_peers, YK_UINT, "ivshmem: how many peers"),
};

static const struct yschema pci_schema = YS_TABLE(N_("a PCI device"), pci_fields,
	.size = sizeof(struct cell_pci));

static const struct yfield cap_fields[] = {
	YF("id", YK_HEX, struct cell_pci_cap, id, 0, .doc = "capability id"),
	YF("start", YK_HEX, struct cell_pci_cap, start, 0, .doc = "its offset"),
	YF("len", YK_UINT, struct cell_pci_cap, len, 0, .doc = "its length"),
	YF("flags", YK_HEX, struct cell_pci_cap, flags, 0, .doc = "Jailhouse's flags"),
};

static const struct yschema cap_schema = YS_TABLE(N_("a PCI capability"), cap_fields,
	.size = sizeof(struct cell_pci_cap), .flow = true);

static const struct yfield cache_fields[] = {
	YF("start", YK_UINT, struct cell_cache, start, 0, .doc = "first cache line"),
	YF("size", YK_UINT, struct cell_cache, size, 0, .doc = "cache lines"),
	YF("type", YK_UINT, struct cell_cache, type, 0, .doc = "Jailhouse's cache type"),
	YF("flags", YK_HEX, struct cell_cache, flags, 0, .doc = "Jailhouse's flags"),
};

static const struct yschema cache_schema = YS_TABLE(N_("a cache region"), cache_fields,
	.size = sizeof(struct cell_cache), .flow = true);

static bool read_pio(struct yreader *r, const struct yfield *f, void *obj, void *ctx)
{
	struct cell *cell = obj;
	const char *s;
	size_t n;

	(void)ctx;
	if (!yr_scalar(r, f->key, &s, NULL))
		return false;
	n = strlen(s);
	if (n % 2 || strspn(s, "0123456789abcdefABCDEF") != n)
		return yr_error_here(r, _("expected the port I/O bytes as pairs of hex digits for "
					  "\"pio\""));
	free(cell->pio);
	cell->pio_size = n / 2;
	cell->pio = n ? xmalloc(n / 2) : NULL;
	for (size_t i = 0; i < n / 2; i++) {
		char byte[3] = { s[2 * i], s[2 * i + 1], '\0' };

		cell->pio[i] = (uint8_t)strtoul(byte, NULL, 16);
	}
	return true;
}

static void write_pio(struct ywriter *w, const struct yfield *f, const void *obj, void *ctx)
{
	const struct cell *cell = obj;
	char *hex;

	(void)ctx;
	if (!cell->pio_size)
		return;
	hex = xmalloc(2 * cell->pio_size + 1);
	for (size_t i = 0; i < cell->pio_size; i++)
		snprintf(hex + 2 * i, 3, "%02x", cell->pio[i]);
	hex[2 * cell->pio_size] = '\0';
	yw_quoted(w, f->key, hex);
	free(hex);
}

static void *cell_add(void *owner, void *ctx)
{
	(void)ctx;
	return config_add_cell(owner, NULL, false);
}

enum {
	C_NAME, C_ROOT, C_TYPE, C_FLAGS, C_CPUS, C_CPU_SET_SIZE, C_CPU_RESET, C_VPCI_IRQ_BASE,
	C_MSG_REPLY_TIMEOUT, C_CONSOLE, C_REGIONS, C_IRQCHIPS, C_PCI, C_CAPS, C_CACHES, C_PIO,
	C_STREAM_IDS,
};

/* Names are unique; the root cell goes first, as config_add_cell would
 * have put it. */
static bool cell_done(struct yreader *r, const struct ymap *m, void *obj, void *ctx)
{
	struct config *c = ((struct cells_reader *)ctx)->c;
	struct cell *cell = obj;

	if (config_find_cell(c, cell->name) != cell)
		return yr_error(r, m->line, m->column, _("there are two cells named \"%s\""),
				cell->name);
	if (!cell->root)
		return true;
	if (c->cells[0] != cell && c->cells[0]->root)
		return yr_error(r, m->line, m->column,
				_("cell \"%s\" is a second root cell; there is one"), cell->name);
	memmove(c->cells + 1, c->cells, (c->n_cells - 1) * sizeof(*c->cells));
	c->cells[0] = cell;
	if (!ys_seen(m, C_TYPE))
		cell->type = CELL_LINUX;
	return true;
}

static const struct yfield cell_fields[] = {
	[C_NAME] = YF("name", YK_STR, struct cell, name, YF_REQUIRED | YF_NONNULL,
		      .doc = "the cell's name, unique"),
	[C_ROOT] = YF("root", YK_BOOL, struct cell, root, 0,
		      .doc = "the root cell (one at most; it is put first)"),
	[C_TYPE] = YF("type", YK_ENUM, struct cell, type, YF_ALWAYS, .ref = cell_type_names,
		      .def_doc = "linux for the root cell, else bare",
		      .doc = "a bare-metal inmate or Linux"),
	[C_FLAGS] = YF("flags", YK_FLAGS, struct cell, flags, 0, .ref = cell_flag_names,
		       .doc = "cell flags"),
	[C_CPUS] = YF("cpus", YK_CPUS, struct cell, cpus, YF_ALWAYS, .doc = "its CPUs"),
	[C_CPU_SET_SIZE] = YF("cpu_set_size", YK_UINT, struct cell, cpu_set_size, 0, .def = 8,
			      .doc = "bytes of the CPU set in the binary file"),
	[C_CPU_RESET] = YF("cpu_reset_address", YK_HEX, struct cell, cpu_reset_address, 0,
			   .doc = "where its CPUs start"),
	[C_VPCI_IRQ_BASE] = YF("vpci_irq_base", YK_UINT, struct cell, vpci_irq_base, 0,
			       .doc = "first interrupt of its virtual PCI devices"),
	[C_MSG_REPLY_TIMEOUT] = YF("msg_reply_timeout", YK_UINT, struct cell,
				   msg_reply_timeout, 0, .doc = "Jailhouse's message timeout"),
	[C_CONSOLE] = YF("console", YK_MAP, struct cell, console, 0, .ref = &console_schema,
			 .doc = "its console"),
	[C_REGIONS] = YF_ARRAY("regions", YK_LIST, struct cell, regions, 0,
			       .ref = &region_schema,
			       .doc = "its memory regions, without the derived ones"),
	[C_IRQCHIPS] = YF_ARRAY("irqchips", YK_LIST, struct cell, irqchips, 0,
				.ref = &irqchip_schema, .doc = "its interrupts"),
	[C_PCI] = YF_ARRAY("pci", YK_LIST, struct cell, pci, 0, .ref = &pci_schema,
			   .doc = "its PCI devices"),
	[C_CAPS] = YF_ARRAY("caps", YK_LIST, struct cell, caps, 0, .ref = &cap_schema,
			    .doc = "capabilities of its PCI devices"),
	[C_CACHES] = YF_ARRAY("caches", YK_LIST, struct cell, caches, 0, .ref = &cache_schema,
			      .doc = "cache regions (x86 imports)"),
	[C_PIO] = { .key = "pio", .kind = YK_CUSTOM, .read = read_pio, .write = write_pio,
		    .value_doc = "hex digits, quoted", .def_doc = "none",
		    .doc = "raw port I/O bytes (x86 imports)" },
	[C_STREAM_IDS] = YF_ARRAY("stream_ids", YK_U32S, struct cell, stream_ids, YF_HEXITEMS,
				  .doc = "its IOMMU stream ids"),
};

static const struct yschema cell_schema = YS_TABLE(N_("a cell"), cell_fields,
	.add = cell_add, .done = cell_done);

/* The cells file holds two structs: the spec (part 0) and the config (1). */
static const struct yfield cells_file_fields[] = {
	YF("root", YK_MAP, struct spec, root, 0, .ref = &root_spec_schema, .part = 0,
	   .doc = "overrides for the root cell"),
	YF_ARRAY("guests", YK_LIST, struct spec, guests, 0, .ref = &guest_schema, .part = 0,
		 .doc = "the guest cells you ask for"),
	YF_ARRAY("links", YK_LIST, struct spec, links, 0, .ref = &link_schema, .part = 0,
		 .doc = "shared-memory links between cells"),
	YF("network", YK_MAP, struct spec, network, 0, .ref = &network_schema, .part = 0,
	   .doc = "the virtual network switch"),
	{ .key = "system", .kind = YK_MAP, .flags = YF_ALWAYS, .ref = &system_schema, .part = 1,
	  .doc = "what the root configuration adds to the root cell" },
	YF_ARRAY("cells", YK_LIST, struct config, cells, YF_PTRS, .ref = &cell_schema,
		 .part = 1, .doc = "the configured cells"),
};

const struct yschema cells_schema = YS_TABLE(N_("the cells file"), cells_file_fields,
	.parts = true);

int cells_parse(const char *path, struct spec *s, struct config *c, struct cells_refs *refs,
		struct error *err)
{
	struct yreader r;
	struct cells_reader cr = { .c = c, .refs = refs };
	void *parts[] = { s, c };
	bool ok;

	ok = yr_open(&r, path, err) && ys_read(&r, &cells_schema, parts, &cr) && yr_finish(&r);
	yr_close(&r);
	free(cr.irq_list);
	return ok ? 0 : -1;
}

int cells_load_with_spec(const char *path, const struct board *b, struct spec *s,
			 struct config *c, struct error *err)
{
	struct spec tmp_spec;
	struct config tmp_config;
	struct cells_refs refs = { 0 };
	int ret;

	spec_init(&tmp_spec);
	config_init(&tmp_config);
	ret = cells_parse(path, &tmp_spec, &tmp_config, &refs, err);
	if (ret == 0)
		ret = cells_resolve(path, &refs, b, err);
	cells_refs_free(&refs);
	if (ret < 0) {
		spec_free(&tmp_spec);
		config_free(&tmp_config);
		return -1;
	}
	if (s) {
		spec_free(s);
		*s = tmp_spec;
	} else {
		spec_free(&tmp_spec);
	}
	config_free(c);
	*c = tmp_config;
	return 0;
}

int cells_load(const char *path, const struct board *b, struct config *c, struct error *err)
{
	return cells_load_with_spec(path, b, NULL, c, err);
}
