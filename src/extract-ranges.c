/*
 * Address translation: a reg address is in the address space of the node's
 * bus; each bus's ranges maps it into its parent's space, up to the root,
 * whose space is the CPU's. An empty ranges is the identity; a missing one
 * means the bus is not memory mapped, so the address has no CPU address.
 */
#include "config.h"

#include "po/i18n.h"
#include "src/extract-fdt.h"

uint64_t dt_cells(const fdt32_t *p, uint32_t n)
{
	uint64_t v = 0;

	/* Wider numbers (PCI's three cells) carry flags in the top cell. */
	if (n > 2) {
		p += n - 2;
		n = 2;
	}
	for (uint32_t i = 0; i < n; i++)
		v = (v << 32) | fdt32_to_cpu(p[i]);
	return v;
}

/* Maps a through one bus's ranges; false when no entry covers it. */
static bool ranges_step(const struct fdt_level *bus, const struct fdt_level *up, uint64_t *a)
{
	uint32_t cc = bus->ac, pc = up->ac, sc = bus->sc;
	size_t entry = (size_t)(cc + pc + sc), n;

	if (bus->ranges_len == 0)
		return true;
	if (entry == 0 || cc > 2 || pc > 2 || sc > 2)
		return false;
	n = (size_t)bus->ranges_len / (entry * 4);
	for (size_t i = 0; i < n; i++) {
		const fdt32_t *e = bus->ranges + i * entry;
		uint64_t child = dt_cells(e, cc);
		uint64_t parent = dt_cells(e + cc, pc);
		uint64_t size = dt_cells(e + cc + pc, sc);

		if (*a >= child && (*a - child < size || (size == 0 && sc == 0))) {
			*a = parent + (*a - child);
			return true;
		}
	}
	return false;
}

bool ranges_translate(const struct fdt_walk *w, const fdt32_t *addr, uint64_t *out,
		      const char **why)
{
	const struct fdt_level *parent = &w->stack[w->depth - 1];
	uint64_t a;

	if (parent->ac == 0 || parent->ac > 2) {
		*why = _("the bus's addresses are not one or two cells");
		return false;
	}
	a = dt_cells(addr, parent->ac);
	for (int i = w->depth - 1; i >= 1; i--) {
		const struct fdt_level *bus = &w->stack[i];

		if (!bus->ranges) {
			*why = _("a bus on the way to the root has no ranges");
			return false;
		}
		if (!ranges_step(bus, &w->stack[i - 1], &a)) {
			*why = _("the address lies outside every entry of a bus's ranges");
			return false;
		}
	}
	*out = a;
	return true;
}
