/*
 * Cells and their contents: creation with stable ids, deep copies for undo,
 * lookups, and the interrupt bitmaps kept in Jailhouse's 128-pin slices.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/cell.h"
#include "model/units.h"
#include "model/util.h"

/*
 * Ids start at 1 so that a zeroed struct never names a real cell or region
 * by accident. The architecture defaults to the one of autojail's boards;
 * a project or an imported file sets it.
 */
void config_init(struct config *c)
{
	memset(c, 0, sizeof(*c));
	c->arch = ARCH_ARM64;
	c->sys.hypervisor.board_region = -1;
	c->next_region_id = 1;
	c->next_cell_id = 1;
}

void cell_free(struct cell *c)
{
	size_t i;

	if (!c)
		return;
	for (i = 0; i < c->n_regions; i++)
		free(c->regions[i].name);
	free(c->regions);
	free(c->irqchips);
	free(c->pci);
	free(c->caps);
	free(c->caches);
	free(c->pio);
	free(c->stream_ids);
	free(c->name);
	free(c);
}

void config_free(struct config *c)
{
	size_t i;

	for (i = 0; i < c->n_cells; i++)
		cell_free(c->cells[i]);
	free(c->cells);
	free(c->sys.hypervisor.name);
	memset(c, 0, sizeof(*c));
}

/* Copies n elements into a fresh array whose capacity is exactly n. */
static void *dup_array(const void *src, size_t n, size_t elem, size_t *cap)
{
	void *p;

	if (cap)
		*cap = n;
	if (!n)
		return NULL;
	p = xmalloc(n * elem);
	memcpy(p, src, n * elem);
	return p;
}

struct cell *cell_clone(const struct cell *c)
{
	struct cell *n = xmalloc(sizeof(*n));
	size_t i;

	*n = *c;
	n->name = c->name ? xstrdup(c->name) : NULL;
	n->regions = dup_array(c->regions, c->n_regions, sizeof(*c->regions), &n->cap_regions);
	for (i = 0; i < n->n_regions; i++)
		if (n->regions[i].name)
			n->regions[i].name = xstrdup(n->regions[i].name);
	n->irqchips = dup_array(c->irqchips, c->n_irqchips, sizeof(*c->irqchips),
				&n->cap_irqchips);
	n->pci = dup_array(c->pci, c->n_pci, sizeof(*c->pci), &n->cap_pci);
	n->caps = dup_array(c->caps, c->n_caps, sizeof(*c->caps), &n->cap_caps);
	n->caches = dup_array(c->caches, c->n_caches, sizeof(*c->caches), &n->cap_caches);
	n->pio = dup_array(c->pio, c->pio_size, 1, NULL);
	n->stream_ids = dup_array(c->stream_ids, c->n_stream_ids, sizeof(*c->stream_ids),
				  &n->cap_stream_ids);
	return n;
}

/*
 * The root cell is inserted in front so that cells[0] is always the root,
 * as the binary system configuration requires; guests keep their order.
 */
void config_adopt_cell(struct config *c, struct cell *cell)
{
	size_t i;

	cell->id = c->next_cell_id++;
	for (i = 0; i < cell->n_regions; i++)
		cell->regions[i].id = c->next_region_id++;
	ARRAY_GROW(c->cells, c->n_cells, c->cap_cells);
	if (cell->root) {
		memmove(c->cells + 1, c->cells, c->n_cells * sizeof(*c->cells));
		c->cells[0] = cell;
	} else {
		c->cells[c->n_cells] = cell;
	}
	c->n_cells++;
}

struct cell *config_add_cell(struct config *c, const char *name, bool root)
{
	struct cell *cell = xcalloc(1, sizeof(*cell));

	cell->name = xstrdup(name ? name : "");
	cell->root = root;
	cell->type = root ? CELL_LINUX : CELL_BARE;
	cell->cpu_set_size = 8;
	config_adopt_cell(c, cell);
	return cell;
}

struct cell *config_root(const struct config *c)
{
	return c->n_cells && c->cells[0]->root ? c->cells[0] : NULL;
}

struct cell *config_find_cell(const struct config *c, const char *name)
{
	size_t i;

	for (i = 0; i < c->n_cells; i++)
		if (c->cells[i]->name && !strcmp(c->cells[i]->name, name))
			return c->cells[i];
	return NULL;
}

struct cell *config_cell_by_id(const struct config *c, uint32_t id)
{
	ptrdiff_t i = config_cell_index(c, id);

	return i < 0 ? NULL : c->cells[i];
}

ptrdiff_t config_cell_index(const struct config *c, uint32_t cell_id)
{
	size_t i;

	for (i = 0; i < c->n_cells; i++)
		if (c->cells[i]->id == cell_id)
			return (ptrdiff_t)i;
	return -1;
}

struct cell_region *cell_add_region(struct config *c, struct cell *cell, const char *name,
				    uint64_t phys, uint64_t virt, uint64_t size, uint32_t flags)
{
	struct cell_region *r;

	ARRAY_GROW(cell->regions, cell->n_regions, cell->cap_regions);
	r = &cell->regions[cell->n_regions++];
	memset(r, 0, sizeof(*r));
	r->id = c->next_region_id++;
	r->name = name ? xstrdup(name) : NULL;
	r->phys = phys;
	r->virt = virt;
	r->size = size;
	r->flags = flags;
	r->board_region = -1;
	r->origin = ORIGIN_USER;
	return r;
}

ptrdiff_t cell_region_index(const struct cell *cell, uint32_t id)
{
	size_t i;

	for (i = 0; i < cell->n_regions; i++)
		if (cell->regions[i].id == id)
			return (ptrdiff_t)i;
	return -1;
}

struct cell_region *cell_region_by_id(const struct cell *cell, uint32_t id)
{
	ptrdiff_t i = cell_region_index(cell, id);

	return i < 0 ? NULL : &cell->regions[i];
}

/*
 * Names win, since a region may well be called "0x1000". An address selects
 * the region starting there, or failing that the first one containing it.
 */
struct cell_region *cell_find_region(const struct cell *cell, const char *name_or_addr)
{
	uint64_t addr;
	size_t i;

	for (i = 0; i < cell->n_regions; i++)
		if (cell->regions[i].name && !strcmp(cell->regions[i].name, name_or_addr))
			return &cell->regions[i];
	if (!parse_u64(name_or_addr, &addr))
		return NULL;
	for (i = 0; i < cell->n_regions; i++)
		if (cell->regions[i].size && cell->regions[i].phys == addr)
			return &cell->regions[i];
	for (i = 0; i < cell->n_regions; i++)
		if (range_contains(cell->regions[i].phys, cell->regions[i].size, addr, 1))
			return &cell->regions[i];
	return NULL;
}

void cell_remove_region_at(struct cell *cell, size_t index)
{
	if (index >= cell->n_regions)
		return;
	free(cell->regions[index].name);
	memmove(&cell->regions[index], &cell->regions[index + 1],
		(cell->n_regions - index - 1) * sizeof(*cell->regions));
	cell->n_regions--;
}

/* Interrupts below 32 are SGIs and PPIs: per CPU, never in a cell's bitmap. */
#define IRQ_FIRST_SPI 32
/* GIC interrupt ids 1020 to 1023 are special values, not interrupts. */
#define IRQ_LIMIT 1020
#define IRQCHIP_PINS 128

static struct cell_irqchip *irqchip_covering(const struct cell *cell, uint32_t irq)
{
	size_t i;

	for (i = 0; i < cell->n_irqchips; i++) {
		struct cell_irqchip *chip = &cell->irqchips[i];

		if (irq >= chip->pin_base && irq - chip->pin_base < IRQCHIP_PINS)
			return chip;
	}
	return NULL;
}

bool cell_has_irq(const struct cell *cell, uint32_t irq)
{
	const struct cell_irqchip *chip = irqchip_covering(cell, irq);
	uint32_t pin;

	if (!chip)
		return false;
	pin = irq - chip->pin_base;
	return (chip->pin_bitmap[pin / 32] >> (pin % 32)) & 1;
}

/*
 * Only shared peripheral interrupts (32 to 1019) can be granted; anything
 * else leaves the cell unchanged, and the operations layer refuses it with
 * a reason before calling here. New slices are kept sorted by pin_base so
 * that the emitted configuration does not depend on the order of grants.
 */
void cell_grant_irq(struct cell *cell, uint64_t gicd, uint32_t irq)
{
	struct cell_irqchip *chip;
	uint32_t pin, base;
	size_t at;

	if (irq < IRQ_FIRST_SPI || irq >= IRQ_LIMIT)
		return;
	chip = irqchip_covering(cell, irq);
	if (!chip) {
		base = IRQ_FIRST_SPI + (irq - IRQ_FIRST_SPI) / IRQCHIP_PINS * IRQCHIP_PINS;
		ARRAY_GROW(cell->irqchips, cell->n_irqchips, cell->cap_irqchips);
		for (at = 0; at < cell->n_irqchips && cell->irqchips[at].pin_base < base; at++)
			;
		memmove(&cell->irqchips[at + 1], &cell->irqchips[at],
			(cell->n_irqchips - at) * sizeof(*cell->irqchips));
		chip = &cell->irqchips[at];
		memset(chip, 0, sizeof(*chip));
		chip->address = gicd;
		chip->pin_base = base;
		cell->n_irqchips++;
	}
	pin = irq - chip->pin_base;
	chip->pin_bitmap[pin / 32] |= UINT32_C(1) << (pin % 32);
}

/*
 * A slice left without interrupts is dropped: it would grant nothing, and
 * the configuration stays what a person would have written by hand.
 */
void cell_revoke_irq(struct cell *cell, uint32_t irq)
{
	struct cell_irqchip *chip = irqchip_covering(cell, irq);
	uint32_t pin;
	size_t at;

	if (!chip)
		return;
	pin = irq - chip->pin_base;
	chip->pin_bitmap[pin / 32] &= ~(UINT32_C(1) << (pin % 32));
	if (chip->pin_bitmap[0] | chip->pin_bitmap[1] | chip->pin_bitmap[2] | chip->pin_bitmap[3])
		return;
	at = (size_t)(chip - cell->irqchips);
	memmove(&cell->irqchips[at], &cell->irqchips[at + 1],
		(cell->n_irqchips - at - 1) * sizeof(*cell->irqchips));
	cell->n_irqchips--;
}
