/*
 * The device tree, read with libfdt. A folder form tree (devicetree/base) is
 * first turned into a blob with libfdt's sequential-write functions, so both
 * forms go through one walk. The walk fills the board: memory, reserved
 * memory, MMIO regions with translated addresses and resolved interrupts, the
 * GIC, the CPUs and the consoles.
 *
 * The pieces of the walk (ranges, GIC, interrupts, CPUs, consoles) live in
 * their own files and share struct fdt_walk.
 */
#ifndef AJ_SRC_EXTRACT_FDT_H
#define AJ_SRC_EXTRACT_FDT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <libfdt.h>

#include "model/board.h"
#include "src/error.h"
#include "src/extract-dump.h"
#include "src/extract-report.h"

/* Deepest node nesting the walk follows; real trees stay below 10. */
#define FDT_MAX_DEPTH 32
/* Most reg entries of one node taken into the board. */
#define FDT_MAX_REGS 64

/* Reads sys/firmware/fdt, or else builds a blob from sys/firmware/devicetree/base.
 * Returns 0 with *blob (malloc'd) and *name (the file or folder, for messages),
 * 1 when the dump has neither, -1 with err set. */
int fdt_load(struct dump *d, struct extract_report *rep, void **blob, size_t *len, char **name,
	     struct error *err);
/* What the walk finds besides the board's own fields: the memory nodes, whose
 * place in the board depends on /proc/iomem, and each CPU's node path (in
 * the order of b->cpus), which the cpuN uevents refer to. */
struct dt_memory {
	struct range r;
	char *name;
	char *path;
};

struct fdt_result {
	struct dt_memory *mem;
	size_t n_mem, cap_mem;
	/* The windows of enabled PCI host bridges (their ranges). */
	struct dt_memory *pci_win;
	size_t n_pci_win, cap_pci_win;
	char **cpu_paths;
	size_t n_cpu_paths, cap_cpu_paths;
	/* The CPU a known SoC's firmware boots Linux on, which Linux numbers 0. */
	bool boot_known;
	uint64_t boot_mpidr;
	/* The highest GIC interrupt any node, interrupt-map or MSI or router
	 * range refers to: the GIC has at least this many. */
	uint32_t irq_max;
};

/* Checks the blob with fdt_check_full and walks it into b and res. Returns 0
 * or -1 with err set (a corrupt or truncated blob). */
int fdt_extract(const void *blob, size_t len, const char *file, struct board *b,
		struct fdt_result *res, struct extract_report *rep, struct error *err);
void fdt_result_free(struct fdt_result *res);

/* A one-cell property, or dflt when absent or of another size. */
uint32_t dt_prop_u32(const void *fdt, int off, const char *name, uint32_t dflt);
/* The first string of a property, NULL when absent or not NUL-terminated. */
const char *dt_string(const void *fdt, int off, const char *name);
/* status absent, "okay" or "ok". */
bool dt_node_enabled(const void *fdt, int off);

/* One ancestor on the walk's stack. */
struct fdt_level {
	int off;
	uint32_t ac, sc;         /* #address-cells, #size-cells for the children */
	const fdt32_t *ranges;   /* NULL when the node has no ranges */
	int ranges_len;          /* bytes; 0 is an identity mapping */
	uint32_t iparent;        /* effective interrupt-parent phandle, 0 when none */
	bool pci;                /* device_type "pci": children have PCI addresses */
	bool skip;               /* chosen, aliases, overlays' bookkeeping: no devices */
	bool cpus;               /* /cpus: children are CPUs */
	bool reserved;           /* /reserved-memory: children are carve-outs */
	size_t path_len;
};

/* What the interrupt resolution needs of a node that has a phandle. */
struct fdt_phandle {
	uint32_t phandle;
	int off;
	uint32_t iparent;        /* effective interrupt-parent */
	uint32_t icells;         /* #interrupt-cells, 0 when not a controller */
	bool has_irqs;           /* the node itself has interrupts */
};

struct fdt_walk {
	const void *fdt;
	const char *file;
	struct board *b;
	struct extract_report *rep;
	struct fdt_result *res;
	struct fdt_level stack[FDT_MAX_DEPTH];
	int depth;               /* of the current node; stack[0] is the root */
	char path[1024];
	struct fdt_phandle *ph;  /* sorted by phandle */
	size_t n_ph;
	int gic_off;             /* the GIC Jailhouse uses, -1 when none */
	uint32_t gic_phandle;
	unsigned untranslatable; /* reg entries that have no CPU address */
};

/* extract-ranges.c: a reg entry of the current node (its address is in the
 * parent's space, cells from stack[depth - 1]) as a CPU address. Returns
 * false and sets *why to a translated reason when it has none. */
bool ranges_translate(const struct fdt_walk *w, const fdt32_t *addr, uint64_t *out,
		      const char **why);
uint64_t dt_cells(const fdt32_t *p, uint32_t n);
/* Whether reg entry i (of size bytes) of node off is the memory-mapped
 * window onto the bus the node controls rather than its registers. */
bool ranges_bus_window(const void *fdt, int off, size_t i, uint64_t size);
/* The current node is an enabled PCI host bridge: its ranges go to
 * res->pci_win. */
void ranges_pci_windows(struct fdt_walk *w, const char *name);

/* extract-gic.c */
bool gic_is_gic(const void *fdt, int off, enum gic_version *version);
void gic_fill(struct fdt_walk *w, int off, enum gic_version v, const struct range *regs,
	      size_t n_regs, const char *path);
/* Whether any node is an interrupt controller at all (for the no-GIC error). */
const char *gic_other_controller(const void *fdt);
/* The documented interrupt count of a known SoC's GIC (SPIs + 32) and the
 * root compatible string that names the SoC, or 0 for an unknown one. */
uint32_t gic_known_irqs(const void *fdt, const char **compatible);

/* extract-irq.c: the phandle table, then per-node resolution. */
void irq_index(struct fdt_walk *w);
/* Resolves the current node's interrupts into absolute GIC numbers on r
 * (NULL for a node without registers, which only counts them). */
void irq_resolve(struct fdt_walk *w, int off, uint32_t iparent, struct board_region *r);
/* Counts the GIC interrupts a node's interrupt-map and interrupt ranges
 * (MSI frames, routers) refer to. */
void irq_references(struct fdt_walk *w, int off, uint32_t iparent);

/* extract-cpu.c: a node below /cpus. */
void cpu_add(struct fdt_walk *w, int off);

/* Linux's logical number of a CPU node, from sys/devices/system/cpu/cpuN/uevent. */
struct cpu_node {
	uint32_t logical;
	char *path;
};

/* The MPIDR of the CPU a known SoC boots on (root compatible); false when
 * the SoC is not known. */
bool cpu_known_boot(const void *fdt, uint64_t *mpidr);

struct cpuinfo;
/* Renumbers b's CPUs (device-tree order, paths in res) as Linux does: from
 * the uevents when there are any, else from cpuinfo's core types, else from
 * a known boot CPU; marks the CPUs Linux runs on and sorts b->cpus by
 * logical number. */
void cpu_number(struct board *b, const struct fdt_result *res, const struct cpu_node *ue,
		size_t n_ue, const struct cpuinfo *ci, const char *ci_file,
		struct extract_report *rep);

/* extract-console.c: consoles from /chosen and /aliases, after the walk. */
void console_collect(struct fdt_walk *w);
/* extract-names.c: aliases and labels of the nodes that became regions. */
void names_collect(struct fdt_walk *w);
/* "ttyS" for CON_8250 and so on, NULL when Linux's name is unknown. */
const char *console_tty_prefix(unsigned type);

#endif
