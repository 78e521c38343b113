/*
 * Reading .cell files of revisions 14 and 9 back into the model. Every
 * problem names the file and, where it helps, the byte offset. The reader
 * refuses what the model could not write back byte for byte (junk in
 * padding, a driver-assigned id, flags the model stores elsewhere), so an
 * accepted file always round-trips exactly.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "emit/layout.h"
#include "po/i18n.h"
#include "model/util.h"

struct file_kind {
	enum abi abi;
	bool system;
	size_t header_size;
};

static int detect(const uint8_t *data, size_t len, struct file_kind *k, struct emit_error *err)
{
	unsigned rev;
	bool six;

	if (len < 8) {
		emit_error_set(err, _("%zu bytes are too short for a Jailhouse configuration"),
			       len);
		return -1;
	}
	rev = data[6] | (unsigned)data[7] << 8;
	if (memcmp(data, "JHSYST", 6) == 0 || memcmp(data, "JHCELL", 6) == 0) {
		six = true;
		k->system = data[2] == 'S';
	} else if (memcmp(data, "JHSYS", 5) == 0 || memcmp(data, "JHCLL", 5) == 0) {
		six = false;
		k->system = data[2] == 'S';
	} else {
		emit_error_set(err, _("not a Jailhouse configuration: the signature is not JHSYS, "
				      "JHCLL (revision 14), JHSYST or JHCELL (revision 9)"));
		return -1;
	}
	if (rev != (six ? ABI_V9 : ABI_V14)) {
		emit_error_set(err, _("config revision %u is not supported; autojail reads "
				      "revision 14 and revision 9 (Jailhouse v0.9.1)"), rev);
		return -1;
	}
	k->abi = six ? ABI_V9 : ABI_V14;
	if (k->abi == ABI_V9)
		k->header_size = k->system ? V9_SYSTEM_SIZE : V9_CELL_SIZE;
	else
		k->header_size = k->system ? V14_SYSTEM_SIZE : V14_CELL_SIZE;
	if (len < k->header_size) {
		emit_error_set(err, _("truncated: %zu bytes, but the %s header alone has %zu"), len,
			       k->system ? "jailhouse_system" : "jailhouse_cell_desc",
			       k->header_size);
		return -1;
	}
	return 0;
}

/* The name must be NUL-padded so that it reads back into exactly the same
 * 32 bytes; the id is the driver's, so a file that sets one cannot be
 * written back as it was. */
int header_read_name_id(struct byte_reader *r, char *name, struct emit_error *err)
{
	size_t at = r->pos, n;

	reader_bytes(r, name, CELL_NAME_SIZE);
	n = strnlen(name, CELL_NAME_SIZE);
	if (n == CELL_NAME_SIZE) {
		emit_error_set(err, _("byte %zu: the cell name is not NUL-terminated"), at);
		return -1;
	}
	for (size_t i = n; i < CELL_NAME_SIZE; i++) {
		if (name[i]) {
			emit_error_set(err, _("byte %zu: junk after the end of the cell name"),
				       at + i);
			return -1;
		}
	}
	at = r->pos;
	if (reader_u32(r)) {
		emit_error_set(err, _("byte %zu: the cell id is set by the driver and must be 0"),
			       at);
		return -1;
	}
	return 0;
}

void pci_read_head(struct byte_reader *r, struct cell_pci *p)
{
	p->type = reader_u8(r);
	p->iommu = reader_u8(r);
	p->domain = reader_u16(r);
	p->bdf = reader_u16(r);
	for (size_t i = 0; i < 6; i++)
		p->bar_mask[i] = reader_u32(r);
	p->caps_start = reader_u16(r);
	p->num_caps = reader_u16(r);
	p->num_msi_vectors = reader_u8(r);
}

void pci_read_msix(struct byte_reader *r, struct cell_pci *p)
{
	p->num_msix_vectors = reader_u16(r);
	p->msix_region_size = reader_u16(r);
	p->msix_address = reader_u64(r);
}

static uint64_t expected_length(const struct cell_header *h, size_t header_size)
{
	return header_size + (uint64_t)h->cpu_set_size + (uint64_t)h->n_memory * MEMORY_SIZE +
	       (uint64_t)h->n_cache * CACHE_SIZE + (uint64_t)h->n_irqchips * IRQCHIP_SIZE +
	       h->pio_bytes + (uint64_t)h->n_pci * PCI_DEVICE_SIZE +
	       (uint64_t)h->n_caps * PCI_CAP_SIZE + (uint64_t)h->n_stream_ids * STREAM_ID_SIZE;
}

static int read_cpus(struct byte_reader *r, const struct cell_header *h, struct cell *cell,
		     struct emit_error *err)
{
	size_t at = r->pos;

	if (!h->cpu_set_size) {
		emit_error_set(err, _("the CPU set is empty (cpu_set_size 0)"));
		return -1;
	}
	cell->cpus = 0;
	for (uint32_t i = 0; i < h->cpu_set_size; i++) {
		uint8_t byte = reader_u8(r);

		if (i >= 8 && byte) {
			emit_error_set(err, _("byte %zu: CPUs above 63 are not supported"), at + i);
			return -1;
		}
		if (i < 8)
			cell->cpus |= (uint64_t)byte << (8 * i);
	}
	cell->cpu_set_size = h->cpu_set_size;
	return 0;
}

static int read_regions(struct byte_reader *r, enum abi abi, const struct cell_header *h,
			struct cell *cell, struct emit_error *err)
{
	for (uint32_t i = 0; i < h->n_memory; i++) {
		struct cell_region reg = { .board_region = -1, .origin = ORIGIN_IMPORT };
		size_t at = r->pos;
		uint64_t raw;
		int ret;

		reg.phys = reader_u64(r);
		reg.virt = reader_u64(r);
		reg.size = reader_u64(r);
		raw = reader_u64(r);
		if (abi == ABI_V9)
			ret = v9_read_mem_flags(raw, &reg.flags, err);
		else
			ret = v14_read_mem_flags(raw, &reg.flags, err);
		if (ret < 0) {
			char inner[EMIT_ERROR_LEN];

			snprintf(inner, sizeof(inner), "%s", err->text);
			emit_error_set(err, _("byte %zu: memory region %u: %s"), at + 24, i, inner);
			return -1;
		}
		ARRAY_PUSH(cell->regions, cell->n_regions, cell->cap_regions, reg);
	}
	return 0;
}

static int read_caches(struct byte_reader *r, const struct cell_header *h, struct cell *cell,
		       struct emit_error *err)
{
	for (uint32_t i = 0; i < h->n_cache; i++) {
		struct cell_cache cache;
		size_t at;

		cache.start = reader_u32(r);
		cache.size = reader_u32(r);
		cache.type = reader_u8(r);
		at = r->pos;
		if (!reader_zero(r, 1)) {
			emit_error_set(err, _("byte %zu: the padding of cache region %u is not zero"),
				       at, i);
			return -1;
		}
		cache.flags = reader_u16(r);
		ARRAY_PUSH(cell->caches, cell->n_caches, cell->cap_caches, cache);
	}
	return 0;
}

static void read_irqchips(struct byte_reader *r, const struct cell_header *h, struct cell *cell)
{
	for (uint32_t i = 0; i < h->n_irqchips; i++) {
		struct cell_irqchip chip;

		chip.address = reader_u64(r);
		chip.id = reader_u32(r);
		chip.pin_base = reader_u32(r);
		for (size_t w = 0; w < 4; w++)
			chip.pin_bitmap[w] = reader_u32(r);
		ARRAY_PUSH(cell->irqchips, cell->n_irqchips, cell->cap_irqchips, chip);
	}
}

static int read_tail(struct byte_reader *r, enum abi abi, const struct cell_header *h,
		     struct cell *cell, struct emit_error *err)
{
	if (h->pio_bytes) {
		cell->pio = xmalloc(h->pio_bytes);
		cell->pio_size = h->pio_bytes;
		reader_bytes(r, cell->pio, h->pio_bytes);
	}
	for (uint32_t i = 0; i < h->n_pci; i++) {
		struct cell_pci pci;
		int ret = abi == ABI_V9 ? v9_read_pci(r, &pci, err) : v14_read_pci(r, &pci, err);

		if (ret < 0)
			return -1;
		ARRAY_PUSH(cell->pci, cell->n_pci, cell->cap_pci, pci);
	}
	for (uint32_t i = 0; i < h->n_caps; i++) {
		struct cell_pci_cap cap;

		cap.id = reader_u16(r);
		cap.start = reader_u16(r);
		cap.len = reader_u16(r);
		cap.flags = reader_u16(r);
		ARRAY_PUSH(cell->caps, cell->n_caps, cell->cap_caps, cap);
	}
	for (uint32_t i = 0; i < h->n_stream_ids; i++) {
		uint32_t sid = reader_u32(r);

		ARRAY_PUSH(cell->stream_ids, cell->n_stream_ids, cell->cap_stream_ids, sid);
	}
	return 0;
}

/* A cell built outside the configuration, so that a failed import leaves
 * the configuration untouched; ids are handed out on success. */
static struct cell *cell_from_header(const struct cell_header *h, bool root)
{
	struct cell *cell = xcalloc(1, sizeof(*cell));

	cell->name = xstrdup(h->name);
	cell->root = root;
	cell->type = root ? CELL_LINUX : CELL_BARE;
	cell->flags = h->flags;
	cell->vpci_irq_base = h->vpci_irq_base;
	cell->cpu_reset_address = h->cpu_reset_address;
	cell->msg_reply_timeout = h->msg_reply_timeout;
	cell->console = h->console;
	return cell;
}

static int parse(struct config *c, const uint8_t *data, size_t len, enum arch default_arch,
		 struct import_info *info, struct emit_error *err)
{
	struct system_config sys;
	struct cell_header h;
	struct byte_reader r;
	struct file_kind k;
	enum arch arch = default_arch;
	struct cell *cell;
	uint64_t expect;
	int ret;

	if (detect(data, len, &k, err) < 0)
		return -1;
	memset(&sys, 0, sizeof(sys));
	memset(&h, 0, sizeof(h));
	reader_init(&r, data, len);
	if (k.abi == ABI_V9)
		ret = v9_read_header(&r, k.system, &sys, &h, err);
	else
		ret = v14_read_header(&r, k.system, &sys, &arch, &h, err);
	if (ret < 0)
		return -1;
	expect = expected_length(&h, k.header_size);
	if (expect != len) {
		emit_error_set(err, _("the counts in the header describe %llu bytes, but the file "
				      "has %zu"), (unsigned long long)expect, len);
		return -1;
	}
	if (k.system && c->n_cells && c->cells[0]->root) {
		emit_error_set(err, _("a system configuration, but there is a root cell already"));
		return -1;
	}
	if (k.abi == ABI_V14 && c->n_cells && arch != c->arch) {
		emit_error_set(err, _("architecture %d differs from the configuration's (%d)"),
			       (int)arch, (int)c->arch);
		return -1;
	}

	cell = cell_from_header(&h, k.system);
	if (read_cpus(&r, &h, cell, err) < 0 || read_regions(&r, k.abi, &h, cell, err) < 0 ||
	    read_caches(&r, &h, cell, err) < 0) {
		cell_free(cell);
		return -1;
	}
	read_irqchips(&r, &h, cell);
	if (read_tail(&r, k.abi, &h, cell, err) < 0) {
		cell_free(cell);
		return -1;
	}
	if (k.system) {
		sys.hypervisor.board_region = -1;
		sys.hypervisor.origin = ORIGIN_IMPORT;
		free(c->sys.hypervisor.name);
		c->sys = sys;
	}
	if (k.system || !c->n_cells)
		c->arch = arch;
	config_adopt_cell(c, cell);
	info->abi = k.abi;
	info->system = k.system;
	info->arch = arch;
	return 0;
}

int emit_import(struct config *c, const char *name, const uint8_t *data, size_t len,
		enum arch default_arch, struct import_info *info, struct emit_error *err)
{
	char inner[EMIT_ERROR_LEN];

	if (parse(c, data, len, default_arch, info, err) == 0)
		return 0;
	snprintf(inner, sizeof(inner), "%s", err->text);
	emit_error_set(err, "%s: %s", name, inner);
	return -1;
}
