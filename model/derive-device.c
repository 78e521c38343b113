/*
 * Board devices for guests. A guest names a device the way its user knows
 * it: a device-tree path, a label or alias ("uarta", "serial0"), Linux's
 * console name ("ttyS0") or a board region's name. The device brings all
 * its register regions and its interrupts; whatever Linux uses stays shared
 * with the root cell (ROOTSHARED), the mistake that kills the root cell
 * most often when configurations are written by hand.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/derive-pass.h"
#include "model/range.h"
#include "po/i18n.h"
#include "model/util.h"

struct id_list {
	uint32_t *v;
	size_t n, cap;
};

static const char *alias_path(const struct board *b, const char *name)
{
	size_t i;

	for (i = 0; i < b->n_aliases; i++)
		if (b->aliases[i].name && !strcmp(b->aliases[i].name, name))
			return b->aliases[i].path;
	for (i = 0; i < b->n_consoles; i++)
		if (b->consoles[i].linux_name && !strcmp(b->consoles[i].linux_name, name))
			return b->consoles[i].dt_path;
	return name[0] == '/' ? name : NULL;
}

static const char *basename_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* Every region of the device: a node may have several reg entries. */
static void resolve(const struct board *b, const char *name, struct id_list *ids)
{
	const char *path = alias_path(b, name);
	size_t i;

	for (i = 0; path && i < b->n_regions; i++) {
		const struct board_region *r = &b->regions[i];

		if ((r->dt_path && !strcmp(r->dt_path, path)) ||
		    (r->name && !strcmp(r->name, path)))
			ARRAY_PUSH(ids->v, ids->n, ids->cap, r->id);
	}
	for (i = 0; !ids->n && i < b->n_regions; i++)
		if (b->regions[i].name && !strcmp(b->regions[i].name, name))
			ARRAY_PUSH(ids->v, ids->n, ids->cap, b->regions[i].id);
	for (i = 0; !ids->n && i < b->n_regions; i++) {
		const struct board_region *r = &b->regions[i];

		if (r->dt_path && !strcmp(basename_of(r->dt_path), name)) {
			/* The node found; now all of its regions. */
			size_t j;

			for (j = 0; j < b->n_regions; j++) {
				const char *p = b->regions[j].dt_path;

				if (p && !strcmp(p, r->dt_path))
					ARRAY_PUSH(ids->v, ids->n, ids->cap, b->regions[j].id);
			}
		}
	}
}

bool derive_device_has_region(const struct board *b, const char *dev, uint32_t region_id)
{
	struct id_list ids = { 0 };
	bool found = false;

	resolve(b, dev, &ids);
	for (size_t i = 0; i < ids.n && !found; i++)
		found = ids.v[i] == region_id;
	free(ids.v);
	return found;
}

const struct board_console *derive_find_console(const struct board *b, const char *name)
{
	struct id_list ids = { 0 };
	const char *path = alias_path(b, name);
	const struct board_console *found = NULL;
	size_t i, j;

	for (i = 0; path && i < b->n_consoles && !found; i++)
		if (b->consoles[i].dt_path && !strcmp(b->consoles[i].dt_path, path))
			found = &b->consoles[i];
	if (!found) {
		resolve(b, name, &ids);
		for (i = 0; i < b->n_consoles && !found; i++)
			for (j = 0; j < ids.n && !found; j++)
				if (range_contains(b->regions[ids.v[j]].start,
						   b->regions[ids.v[j]].size,
						   b->consoles[i].con.address, 1))
					found = &b->consoles[i];
	}
	free(ids.v);
	return found;
}

static uint32_t widths(uint64_t start, uint64_t size)
{
	static const uint32_t flag[] = { MEM_IO_8, MEM_IO_16, MEM_IO_32, MEM_IO_64 };
	uint32_t f = 0;
	unsigned i;

	for (i = 0; i < ARRAY_SIZE(flag); i++)
		if (!(start % (1u << i)) && !(size % (1u << i)))
			f |= flag[i];
	return f;
}

static bool covered(const struct cell *cell, uint64_t phys, uint64_t size)
{
	size_t i;

	for (i = 0; i < cell->n_regions; i++)
		if (range_contains(cell->regions[i].phys, cell->regions[i].size, phys, size))
			return true;
	return false;
}

static bool linux_uses_device(const struct board *b, const struct id_list *ids)
{
	const struct board_console *con = board_stdout_console(b);
	size_t i;

	for (i = 0; i < ids->n; i++) {
		const struct board_region *r = &b->regions[ids->v[i]];

		if (r->linux_uses)
			return true;
		/* Linux prints there even when no driver claimed it in iomem. */
		if (con && range_contains(r->start, r->size, con->con.address, 1))
			return true;
	}
	return false;
}

static void note_path(struct derive_guest *out, const char *path)
{
	size_t i;

	if (!out || !path)
		return;
	for (i = 0; i < out->n_dt_paths; i++)
		if (!strcmp(out->dt_paths[i], path))
			return;
	ARRAY_PUSH(out->dt_paths, out->n_dt_paths, out->cap_dt_paths, xstrdup(path));
}

/* Whether RAM of the cell (not IO, not the comm region) lies at the virtual range. */
static bool ram_at(const struct cell *cell, uint64_t virt, uint64_t size)
{
	for (size_t i = 0; i < cell->n_regions; i++) {
		const struct cell_region *c = &cell->regions[i];

		if (!(c->flags & (MEM_IO | MEM_COMM_REGION)) &&
		    range_overlaps(c->virt, c->size, virt, size))
			return true;
	}
	return false;
}

/*
 * Exactly the device's registers: a page would also hand over whatever else
 * sits in it, and validation checks regions against the board. Registers
 * smaller than a page are sub-page MMIO, which Jailhouse emulates with the
 * access widths it is told.
 */
static bool map_region(struct derive_ctx *x, struct derive_slot *slot,
		       const struct board_region *r, bool shared)
{
	struct cell *cell = slot->cell;
	uint32_t flags = MEM_READ | MEM_WRITE;

	if (r->kind == REGION_MMIO) {
		flags |= MEM_IO;
		if (r->start % DERIVE_PAGE || r->size % DERIVE_PAGE)
			flags |= widths(r->start, r->size);
	}
	if (shared)
		flags |= MEM_ROOTSHARED;
	if (covered(cell, r->start, r->size))
		return false;
	if (!derive_virt_taken(cell, r->start, r->size)) {
		derive_region(x, cell, r->name ? r->name : basename_of(r->dt_path), r->start,
			      r->start, r->size, flags, (int32_t)r->id);
		return true;
	}
	if (cell->type == CELL_BARE && ram_at(cell, r->start, r->size))
		derive_note_code(x, DIAG_RAM_OVER_DEVICES, DT_DEVICE, cell->name,
				 _("The cell's RAM covers the registers of %s at 0x%llx, where "
				   "the inmate reaches the device: give the cell less RAM, below "
				   "its devices."),
				 r->name ? r->name : r->dt_path, (unsigned long long)r->start);
	else
		derive_note(x, SEV_ERROR, DT_DEVICE, cell->name,
			    _("The registers of %s at 0x%llx collide with another region of "
			      "the cell's address space."),
			    r->name ? r->name : r->dt_path, (unsigned long long)r->start);
	return false;
}

/* share is the device_ref's SHARE_AUTO, SHARE_YES or SHARE_NO. */
bool derive_device_add(struct derive_ctx *x, struct derive_slot *slot, const char *name,
		       int share)
{
	const struct board *b = x->b;
	struct id_list ids = { 0 };
	bool shared, told = false, kept_irqs = false, mapped = false;
	size_t i, j;

	resolve(b, name, &ids);
	if (!ids.n) {
		derive_note(x, SEV_ERROR, DT_DEVICE, slot->cell->name,
			    _("The board has no device \"%s\" (a device-tree path, label, alias "
			      "or region name was expected)."), name);
		return false;
	}
	shared = share == SHARE_YES || (share == SHARE_AUTO && linux_uses_device(b, &ids));
	for (i = 0; i < ids.n; i++) {
		const struct board_region *r = &b->regions[ids.v[i]];

		if (r->disabled && !told) {
			derive_note(x, SEV_WARNING, DT_DEVICE, slot->cell->name,
				    _("The device \"%s\" is disabled in the device tree."), name);
			told = true;
		}
		mapped |= map_region(x, slot, r, shared);
		note_path(slot->out, r->dt_path);
		for (j = 0; j < r->n_irqs; j++) {
			if (r->irqs[j] < 32 || r->irqs[j] >= x->num_irqs)
				continue;
			/* Taking the interrupt of a device Linux keeps using would
			 * silence its driver: the guest polls unless asked otherwise. */
			if (shared) {
				kept_irqs = true;
				continue;
			}
			cell_grant_irq(slot->cell, b->gic.gicd.start, r->irqs[j]);
		}
	}
	/* Named twice (as a device and as the console): said once. */
	if (kept_irqs && mapped)
		derive_note(x, SEV_INFO, DT_IRQ, slot->cell->name,
			    _("The interrupts of \"%s\" stay with Linux, which uses the device; "
			      "list them under the guest's irqs to take them."), name);
	free(ids.v);
	return true;
}
