/*
 * Address translation: a reg address is in the address space of the node's
 * bus; each bus's ranges maps it into its parent's space, up to the root,
 * whose space is the CPU's. An empty ranges is the identity; a missing one
 * means the bus is not memory mapped, so the address has no CPU address.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "po/i18n.h"
#include "model/util.h"
#include "src/extract-fdt.h"

/* Registers of one device stay below this; flash windows are 16 MiB and up. */
#define RANGES_BUS_WINDOW_MIN (1ull << 20)

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

/*
 * A controller of a bus whose devices have no CPU addresses (#size-cells 0
 * below it: SPI, I2C) lists its registers first. A large further reg entry
 * is the bus's own address space seen through the controller (a QSPI
 * controller's memory-mapped flash: 128 MiB on ZynqMP, 256 MiB on LS1046A,
 * 4 GiB on AM625), not registers, and no hand-written configuration maps it.
 */
bool ranges_bus_window(const void *fdt, int off, size_t i, uint64_t size)
{
	return i > 0 && size >= RANGES_BUS_WINDOW_MIN &&
	       fdt_getprop(fdt, off, "#size-cells", NULL) &&
	       dt_prop_u32(fdt, off, "#size-cells", 1) == 0;
}

/* The PCI space code in the top cell of a PCI address (0b01 I/O, 0b1x memory). */
static const char *pci_space_name(uint32_t hi)
{
	switch ((hi >> 24) & 3) {
	case 1:
		return "io";
	case 2:
		return "mem";
	case 3:
		return "mem64";
	default:
		return "config";
	}
}

/*
 * A PCI host bridge's ranges are the windows through which the CPU reaches
 * the devices behind it: I/O and memory BARs. Its children have PCI
 * addresses, so the devices never add them. Like memory nodes, they are
 * kept aside: /proc/iomem, when the dump has it, shows the windows Linux
 * set up and the BARs in them; only a device tree alone needs them.
 */
void ranges_pci_windows(struct fdt_walk *w, const char *name)
{
	const struct fdt_level *l = &w->stack[w->depth], *up = &w->stack[w->depth - 1];
	size_t entry = (size_t)(l->ac + up->ac + l->sc), n;
	struct fdt_result *res = w->res;

	if (!l->ranges || !l->ranges_len || l->ac != 3 || up->ac == 0 || up->ac > 2 ||
	    l->sc == 0 || l->sc > 2)
		return;
	n = (size_t)l->ranges_len / (entry * 4);
	for (size_t i = 0; i < n; i++) {
		const fdt32_t *e = l->ranges + i * entry;
		uint64_t size = dt_cells(e + l->ac + up->ac, l->sc), start;
		const char *why;

		if (!size)
			continue;
		if (!ranges_translate(w, e + l->ac, &start, &why)) {
			w->untranslatable++;
			report_at(w->rep, w->file, 0,
				  _("%s: reg 0x%llx cannot be translated to a CPU address: %s"),
				  w->path, (unsigned long long)dt_cells(e + l->ac, up->ac), why);
			continue;
		}
		ARRAY_GROW(res->pci_win, res->n_pci_win, res->cap_pci_win);
		/* A bridge may have several windows of one space (Tegra's ports). */
		res->pci_win[res->n_pci_win++] = (struct dt_memory){
			{ start, size },
			xasprintf("%s:%s@%llx", name, pci_space_name(fdt32_to_cpu(e[0])),
				  (unsigned long long)start),
			xstrdup(w->path),
		};
	}
}
