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

struct cells_reader {
	struct yreader *r;
	struct config *c;
	struct spec *s;
	struct cells_refs *refs;
};

/* A board region by index (a plain number) or by name, path, alias or label;
 * resolved by cells_resolve once the board is there. */
static bool read_board_ref(struct cells_reader *cr, struct board_ref *ref)
{
	struct yreader *r = cr->r;
	const char *text;
	bool plain;
	uint64_t v;

	if (!yr_scalar(r, "board", &text, &plain))
		return false;
	ref->line = r->line;
	ref->column = r->column;
	if (plain && parse_u64(text, &v)) {
		if (v > INT32_MAX)
			return yr_error_here(r, _("board region index %s is too large"), text);
		ref->index = (uint32_t)v;
		return true;
	}
	ref->text = xstrdup(text);
	return true;
}

static bool read_region(struct cells_reader *cr, struct cell *cell)
{
	static const char *const keys[] = {
		"name", "phys", "virt", "size", "flags", "board", "origin", NULL,
	};
	struct yreader *r = cr->r;
	struct cell_region *reg = cell_add_region(cr->c, cell, NULL, 0, 0, 0, 0);
	struct board_ref ref = { .cell = cell, .region = cell->n_regions - 1 };
	struct ymap m;
	uint32_t origin;
	int k;

	if (!yr_map_begin(r, &m, N_("a cell region"), keys, YKEY(1) | YKEY(3)))
		return false;
	while ((k = yr_map_next(r, &m)) >= 0) {
		bool ok = true;

		switch (k) {
		case 0: ok = yr_str(r, "name", &reg->name); break;
		case 1: ok = yr_u64(r, "phys", UINT64_MAX, &reg->phys); break;
		case 2: ok = yr_u64(r, "virt", UINT64_MAX, &reg->virt); break;
		case 3: ok = yr_size(r, "size", &reg->size); break;
		case 4: ok = yr_flags(r, "flags", mem_flag_names, &reg->flags); break;
		case 5:
			ok = read_board_ref(cr, &ref);
			/* Kept even when reading failed, to be freed with the rest. */
			ARRAY_PUSH(cr->refs->v, cr->refs->n, cr->refs->cap, ref);
			break;
		case 6:
			ok = yr_enum(r, "origin", origin_names, 0, &origin);
			reg->origin = (enum region_origin)origin;
			break;
		}
		if (!ok)
			return false;
	}
	if (k != -1)
		return false;
	/* The writer leaves out what these defaults give: virt equal to phys,
	 * and for a region from the board its origin and (see cells_resolve)
	 * the board region's name. */
	if (!(m.seen & YKEY(2)))
		reg->virt = reg->phys;
	if ((m.seen & YKEY(5)) && !(m.seen & YKEY(6)))
		reg->origin = ORIGIN_BOARD;
	if (m.seen & YKEY(5))
		cr->refs->v[cr->refs->n - 1].fill_name = !(m.seen & YKEY(0));
	return true;
}

static bool read_irqchip(struct yreader *r, struct cell *cell)
{
	static const char *const keys[] = { "address", "id", "pin_base", "interrupts", NULL };
	struct cell_irqchip *chip;
	struct ymap m;
	char *list = NULL;
	unsigned line = 0, column = 0;
	bool ok = true;
	int k;

	ARRAY_GROW(cell->irqchips, cell->n_irqchips, cell->cap_irqchips);
	chip = &cell->irqchips[cell->n_irqchips++];
	memset(chip, 0, sizeof(*chip));
	if (!yr_map_begin(r, &m, N_("an interrupt controller slice"), keys, YKEY(0) | YKEY(2)))
		return false;
	while (ok && (k = yr_map_next(r, &m)) >= 0) {
		switch (k) {
		case 0: ok = yr_u64(r, "address", UINT64_MAX, &chip->address); break;
		case 1: ok = yr_u32(r, "id", &chip->id); break;
		case 2: ok = yr_u32(r, "pin_base", &chip->pin_base); break;
		case 3:
			/* The list is checked against pin_base, which may come later. */
			ok = yr_str(r, "interrupts", &list);
			line = r->line;
			column = r->column;
			break;
		}
	}
	if (ok && k == -1 && list &&
	    !irq_list_parse(list, chip->pin_base, 128, chip->pin_bitmap))
		yr_error(r, line, column, _("expected interrupts from %u to %u (pin_base + 127) "
					    "for \"interrupts\", found \"%.40s\""),
			 chip->pin_base, chip->pin_base + 127, list);
	free(list);
	return ok && k == -1 && !r->failed;
}

const struct io_field pci_fields[] = {
	IO_FIELD(struct cell_pci, iommu, IO_DEC),
	IO_FIELD(struct cell_pci, domain, IO_DEC),
	IO_FIELD(struct cell_pci, caps_start, IO_DEC),
	IO_FIELD(struct cell_pci, num_caps, IO_DEC),
	IO_FIELD(struct cell_pci, num_msi_vectors, IO_DEC),
	IO_FIELD(struct cell_pci, msi_64bits, IO_DEC),
	IO_FIELD(struct cell_pci, msi_maskable, IO_DEC),
	IO_FIELD(struct cell_pci, num_msix_vectors, IO_DEC),
	IO_FIELD(struct cell_pci, msix_region_size, IO_HEX),
	IO_FIELD(struct cell_pci, msix_address, IO_HEX),
	IO_FIELD(struct cell_pci, shmem_regions_start, IO_DEC),
	IO_FIELD(struct cell_pci, shmem_dev_id, IO_DEC),
	IO_FIELD(struct cell_pci, shmem_peers, IO_DEC),
};

const size_t n_pci_fields = ARRAY_SIZE(pci_fields);

enum { P_TYPE, P_BDF, P_BAR_MASK, P_PROTOCOL, P_FIELDS };

static const char *const pci_keys[] = {
	"type", "bdf", "bar_mask", "shmem_protocol",
	"iommu", "domain", "caps_start", "num_caps", "num_msi_vectors", "msi_64bits",
	"msi_maskable", "num_msix_vectors", "msix_region_size", "msix_address",
	"shmem_regions_start", "shmem_dev_id", "shmem_peers", NULL,
};

static bool read_pci(struct yreader *r, struct cell *cell)
{
	struct cell_pci *p;
	struct ymap m;
	uint32_t v;
	size_t nbars = 0;
	int k, more;

	ARRAY_GROW(cell->pci, cell->n_pci, cell->cap_pci);
	p = &cell->pci[cell->n_pci++];
	memset(p, 0, sizeof(*p));
	if (!yr_map_begin(r, &m, N_("a PCI device"), pci_keys, YKEY(P_TYPE) | YKEY(P_BDF)))
		return false;
	while ((k = yr_map_next(r, &m)) >= 0) {
		bool ok = true;

		switch (k) {
		case P_TYPE:
			ok = yr_enum(r, "type", pci_type_names, UINT8_MAX, &v);
			p->type = (uint8_t)v;
			break;
		case P_BDF: ok = yr_bdf(r, "bdf", &p->bdf); break;
		case P_BAR_MASK:
			if (!yr_seq_begin(r, "bar_mask"))
				return false;
			while ((more = yr_seq_next(r)) > 0) {
				if (nbars == ARRAY_SIZE(p->bar_mask))
					return yr_error_here(r, _("a PCI device has 6 BARs"));
				if (!yr_u32(r, "bar_mask", &p->bar_mask[nbars++]))
					return false;
			}
			ok = more == 0;
			break;
		case P_PROTOCOL:
			ok = yr_enum(r, "shmem_protocol", protocol_names, UINT16_MAX, &v);
			p->shmem_protocol = (uint16_t)v;
			break;
		default:
			ok = io_field_read(r, &pci_fields[k - P_FIELDS], p);
			break;
		}
		if (!ok)
			return false;
	}
	return k == -1;
}

const struct io_field cap_fields[] = {
	IO_FIELD(struct cell_pci_cap, id, IO_HEX),
	IO_FIELD(struct cell_pci_cap, start, IO_HEX),
	IO_FIELD(struct cell_pci_cap, len, IO_DEC),
	IO_FIELD(struct cell_pci_cap, flags, IO_HEX),
};

const struct io_field cache_fields[] = {
	IO_FIELD(struct cell_cache, start, IO_DEC),
	IO_FIELD(struct cell_cache, size, IO_DEC),
	IO_FIELD(struct cell_cache, type, IO_DEC),
	IO_FIELD(struct cell_cache, flags, IO_HEX),
};

/* A mapping of numeric fields only: a capability or a cache. */
static bool read_fields(struct yreader *r, const char *what, const char *const *keys,
			const struct io_field *fields, void *obj)
{
	struct ymap m;
	int k;

	if (!yr_map_begin(r, &m, what, keys, 0))
		return false;
	while ((k = yr_map_next(r, &m)) >= 0)
		if (!io_field_read(r, &fields[k], obj))
			return false;
	return k == -1;
}

static bool read_caps_caches(struct yreader *r, struct cell *cell, bool caps)
{
	static const char *const cap_keys[] = { "id", "start", "len", "flags", NULL };
	static const char *const cache_keys[] = { "start", "size", "type", "flags", NULL };
	int more;

	if (!yr_seq_begin(r, caps ? "caps" : "caches"))
		return false;
	while ((more = yr_seq_next(r)) > 0) {
		bool ok;

		if (caps) {
			ARRAY_GROW(cell->caps, cell->n_caps, cell->cap_caps);
			memset(&cell->caps[cell->n_caps], 0, sizeof(*cell->caps));
			ok = read_fields(r, N_("a PCI capability"), cap_keys, cap_fields,
					 &cell->caps[cell->n_caps++]);
		} else {
			ARRAY_GROW(cell->caches, cell->n_caches, cell->cap_caches);
			memset(&cell->caches[cell->n_caches], 0, sizeof(*cell->caches));
			ok = read_fields(r, N_("a cache region"), cache_keys, cache_fields,
					 &cell->caches[cell->n_caches++]);
		}
		if (!ok)
			return false;
	}
	return more == 0;
}

static bool read_pio(struct yreader *r, struct cell *cell)
{
	const char *s;
	size_t n;

	if (!yr_scalar(r, "pio", &s, NULL))
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

enum {
	C_NAME, C_ROOT, C_TYPE, C_FLAGS, C_CPUS, C_CPU_SET_SIZE, C_CPU_RESET, C_VPCI_IRQ_BASE,
	C_MSG_REPLY_TIMEOUT, C_CONSOLE, C_REGIONS, C_IRQCHIPS, C_PCI, C_CAPS, C_CACHES, C_PIO,
	C_STREAM_IDS,
};

static const char *const cell_keys[] = {
	"name", "root", "type", "flags", "cpus", "cpu_set_size", "cpu_reset_address",
	"vpci_irq_base", "msg_reply_timeout", "console", "regions", "irqchips", "pci", "caps",
	"caches", "pio", "stream_ids", NULL,
};

/* The root cell goes first, as config_add_cell would have put it. */
static bool make_root(struct cells_reader *cr, struct cell *cell, struct ymap *m)
{
	struct config *c = cr->c;

	if (c->cells[0] != cell && c->cells[0]->root)
		return yr_error(cr->r, m->line, m->column,
				_("cell \"%s\" is a second root cell; there is one"), cell->name);
	memmove(c->cells + 1, c->cells, (c->n_cells - 1) * sizeof(*c->cells));
	c->cells[0] = cell;
	if (!(m->seen & YKEY(C_TYPE)))
		cell->type = CELL_LINUX;
	return true;
}

static bool read_cell_list(struct cells_reader *cr, struct cell *cell, int k)
{
	struct yreader *r = cr->r;
	int more;

	if (!yr_seq_begin(r, cell_keys[k]))
		return false;
	while ((more = yr_seq_next(r)) > 0) {
		bool ok = k == C_REGIONS ? read_region(cr, cell) :
			  k == C_IRQCHIPS ? read_irqchip(r, cell) : read_pci(r, cell);

		if (!ok)
			return false;
	}
	return more == 0;
}

static bool read_cell(struct yreader *r, void *arg)
{
	struct cells_reader *cr = arg;
	struct cell *cell = config_add_cell(cr->c, NULL, false);
	struct ymap m;
	uint32_t v;
	int k;

	if (!yr_map_begin(r, &m, N_("a cell"), cell_keys, YKEY(C_NAME)))
		return false;
	while ((k = yr_map_next(r, &m)) >= 0) {
		bool ok = true;

		switch (k) {
		case C_NAME:
			ok = yr_str(r, "name", &cell->name);
			if (ok && !cell->name)
				ok = yr_error_here(r, _("a cell needs a name"));
			break;
		case C_ROOT: ok = yr_bool(r, "root", &cell->root); break;
		case C_TYPE:
			ok = yr_enum(r, "type", cell_type_names, 0, &v);
			cell->type = (enum cell_type)v;
			break;
		case C_FLAGS: ok = yr_flags(r, "flags", cell_flag_names, &cell->flags); break;
		case C_CPUS: ok = yr_cpus(r, "cpus", &cell->cpus); break;
		case C_CPU_SET_SIZE: ok = yr_u32(r, "cpu_set_size", &cell->cpu_set_size); break;
		case C_CPU_RESET:
			ok = yr_u64(r, "cpu_reset_address", UINT64_MAX, &cell->cpu_reset_address);
			break;
		case C_VPCI_IRQ_BASE: ok = yr_u32(r, "vpci_irq_base", &cell->vpci_irq_base); break;
		case C_MSG_REPLY_TIMEOUT:
			ok = yr_u64(r, "msg_reply_timeout", UINT64_MAX, &cell->msg_reply_timeout);
			break;
		case C_CONSOLE:
			ok = io_console_read(r, N_("the cell's console"), &cell->console);
			break;
		case C_REGIONS: case C_IRQCHIPS: case C_PCI:
			ok = read_cell_list(cr, cell, k);
			break;
		case C_CAPS: case C_CACHES: ok = read_caps_caches(r, cell, k == C_CAPS); break;
		case C_PIO: ok = read_pio(r, cell); break;
		case C_STREAM_IDS:
			ok = yr_u32_seq(r, "stream_ids", &cell->stream_ids, &cell->n_stream_ids,
					&cell->cap_stream_ids);
			break;
		}
		if (!ok)
			return false;
	}
	if (k != -1)
		return false;
	if (config_find_cell(cr->c, cell->name) != cell)
		return yr_error(r, m.line, m.column, _("there are two cells named \"%s\""),
				cell->name);
	return !cell->root || make_root(cr, cell, &m);
}

enum { F_ROOT, F_GUESTS, F_LINKS, F_SYSTEM, F_CELLS, F_NETWORK };

static const char *const file_keys[] = {
	"root", "guests", "links", "system", "cells", "network", NULL,
};

static bool read_cells_file(struct cells_reader *cr)
{
	struct yreader *r = cr->r;
	struct ymap m;
	int k;

	if (!yr_map_begin(r, &m, N_("the cells file"), file_keys, 0))
		return false;
	while ((k = yr_map_next(r, &m)) >= 0) {
		bool ok = true;

		switch (k) {
		case F_ROOT: ok = io_spec_root_read(r, &cr->s->root); break;
		case F_GUESTS: ok = io_spec_guests_read(r, cr->s); break;
		case F_LINKS: ok = io_spec_links_read(r, cr->s); break;
		case F_NETWORK: ok = io_network_read(r, &cr->s->network); break;
		case F_SYSTEM: ok = io_system_read(r, cr->c); break;
		case F_CELLS: ok = yr_seq_each(r, "cells", read_cell, cr); break;
		}
		if (!ok)
			return false;
	}
	return k == -1;
}

int cells_parse(const char *path, struct spec *s, struct config *c, struct cells_refs *refs,
		struct error *err)
{
	struct yreader r;
	struct cells_reader cr = { .r = &r, .c = c, .s = s, .refs = refs };
	bool ok;

	ok = yr_open(&r, path, err) && read_cells_file(&cr) && yr_finish(&r);
	yr_close(&r);
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
