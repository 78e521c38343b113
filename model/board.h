/*
 * The board: what the hardware and the running Linux offer, as extraction
 * found it. Every fact carries the sources it came from so that the user can
 * see why autojail believes it and disagreements can be reported.
 */
#ifndef AJ_MODEL_BOARD_H
#define AJ_MODEL_BOARD_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>

#include "model/range.h"

enum arch {
	ARCH_X86 = 0,
	ARCH_ARM = 1,
	ARCH_ARM64 = 2,
};

/* Where a fact came from; a fact may have several sources (a bit set). */
enum source {
	SRC_DT = 1 << 0,         /* device tree (blob or folder) */
	SRC_IOMEM = 1 << 1,      /* /proc/iomem */
	SRC_CPUINFO = 1 << 2,    /* /proc/cpuinfo or sysfs cpu files */
	SRC_INTERRUPTS = 1 << 3, /* /proc/interrupts */
	SRC_CMDLINE = 1 << 4,    /* /proc/cmdline */
	SRC_PCI = 1 << 5,        /* /sys/bus/pci */
	SRC_USER = 1 << 6,       /* typed in by the user */
	SRC_IMPORT = 1 << 7,     /* imported from a .cell file */
	SRC_PROFILE = 1 << 8,    /* a bundled board profile */
	SRC_NET = 1 << 9,        /* ip -j addr (ip-addr.json in a dump) */
};

enum region_kind {
	REGION_RAM,      /* RAM (System RAM or a memory node) */
	REGION_RESERVED, /* RAM the firmware or a carve-out keeps */
	REGION_MMIO,     /* device registers */
};

struct board_region {
	uint32_t id;             /* index in board.regions, stable while loaded */
	char *name;              /* e.g. "serial@3100000" or "System RAM" */
	uint64_t start;
	uint64_t size;
	enum region_kind kind;
	char *dt_path;           /* NULL when not from the device tree */
	char *compatible;        /* first compatible string, or NULL */
	uint32_t *irqs;          /* absolute GIC interrupt numbers (SPI n = 32 + n) */
	size_t n_irqs;
	bool linux_uses;         /* System RAM in use, or a device Linux claimed */
	bool disabled;           /* status = "disabled" in the device tree */
	bool bus_window;         /* a window onto a bus (SPI flash), not registers */
	unsigned sources;        /* enum source bits */
	int32_t parent;          /* enclosing region (iomem nesting), or -1 */
};

enum gic_version {
	GIC_NONE = 0,
	GIC_V2 = 2,
	GIC_V3 = 3,
};

/* The interrupt controller Jailhouse intercepts. */
struct board_gic {
	enum gic_version version;
	struct range gicd;       /* distributor */
	struct range gicc;       /* CPU interface (v2) */
	struct range gich;       /* hypervisor interface (v2) */
	struct range gicv;       /* virtual CPU interface (v2) */
	struct range gicr;       /* redistributors (v3) */
	uint32_t maintenance_irq;/* absolute number (PPI n = 16 + n) */
	uint32_t num_irqs;       /* SPIs + 32, e.g. 384 on the TX2 */
	char *dt_path;
	unsigned sources;
};

struct board_cpu {
	uint32_t logical_id;     /* Linux's numbering */
	uint64_t mpidr;          /* affinity, from reg */
	char *core_type;         /* compatible, e.g. "arm,cortex-a57" */
	char *enable_method;     /* "psci", "spin-table" */
	bool linux_online;
	unsigned sources;
};

/* Jailhouse console types (the values of revision 14). */
enum console_type {
	CON_NONE = 0,
	CON_EFIFB = 1,
	CON_8250 = 2,
	CON_PL011 = 3,
	CON_XUARTPS = 4,
	CON_MVEBU = 5,
	CON_HSCIF = 6,
	CON_SCIFA = 7,
	CON_IMX = 8,
	CON_IMX_LPUART = 9,
	CON_SCIF = 10,
};

/* Console flags as revision 14 stores them, plus ROOTPAGE of revision 9. */
enum console_flag {
	CON_FLAG_ACCESS_MMIO = 0x0001,
	CON_FLAG_REGDIST_4 = 0x0002,
	CON_FLAG_FB_1920x1080 = 0x0004,
	CON_FLAG_INVERTED_GATE = 0x1000,
	CON_FLAG_MDR_QUIRK = 0x2000,
	CON_FLAG_ROOTPAGE = 0x4000, /* revision 9 only */
};

struct console {
	uint64_t address;
	uint32_t size;
	uint16_t type;           /* enum console_type */
	uint16_t flags;          /* enum console_flag */
	uint32_t divider;
	uint32_t gate_nr;
	uint64_t clock_reg;
};

struct board_console {
	struct console con;
	char *dt_path;
	char *linux_name;        /* e.g. "ttyS0", from console= or aliases */
	bool is_stdout;          /* chosen/stdout-path points here */
	unsigned sources;
};

struct board_pci {
	uint16_t domain;
	uint16_t bdf;
	uint16_t vendor, device;
	uint32_t class_code;
	struct range bars[6];
	unsigned sources;
};

/* Another name for a device-tree node: an alias (/aliases, e.g. "serial0")
 * or a label (/__symbols__, e.g. "uarta"), so that cells.yml may use it. */
struct board_alias {
	char *name;
	char *path;              /* the node's full path, e.g. "/serial@3100000" */
};

/* A network the board's Linux is on (ip -j addr), so that automatic
 * addresses of the virtual switch never collide with it. */
struct board_net {
	char *ifname;
	char *cidr;              /* "192.168.1.17/24" or "fe80::1/64" */
	unsigned sources;
};

/* Maximum interrupt number + 1 that autojail tracks (GIC SPIs end at 1020). */
#define BOARD_MAX_IRQS 1024

struct board {
	char *name;              /* profile name, e.g. "jetson-tx2" */
	char *model;             /* device tree model */
	char *compatible;        /* first root compatible */
	enum arch arch;

	struct board_region *regions;
	size_t n_regions, cap_regions;

	struct board_gic gic;

	struct board_cpu *cpus;
	size_t n_cpus, cap_cpus;

	struct board_console *consoles;
	size_t n_consoles, cap_consoles;

	struct board_pci *pci;
	size_t n_pci, cap_pci;

	struct board_alias *aliases;
	size_t n_aliases, cap_aliases;

	/* Interrupts Linux has handlers for (/proc/interrupts). */
	uint32_t linux_irqs[BOARD_MAX_IRQS / 32];

	struct board_net *nets;
	size_t n_nets, cap_nets;

	char *cmdline;           /* /proc/cmdline as read */
	uint64_t mem_limit;      /* mem= in bytes, 0 when absent */

	/* Derived indexes, rebuilt by board_index(); keys are region ids. */
	struct range_index *ram_index;       /* all RAM and reserved RAM */
	struct range_index *linux_ram_index; /* RAM Linux uses (iomem, mem=) */
	struct range_index *any_index;       /* every region */
};

void board_init(struct board *b);
void board_free(struct board *b);
/* Appends a region and returns it; strings are copied, the id assigned. */
struct board_region *board_add_region(struct board *b, const char *name, uint64_t start,
				      uint64_t size, enum region_kind kind);
void board_region_add_irq(struct board_region *r, uint32_t irq);
struct board_cpu *board_add_cpu(struct board *b, uint32_t logical_id, uint64_t mpidr);
struct board_console *board_add_console(struct board *b);
/* Rebuilds the indexes after regions or mem_limit changed. */
void board_index(struct board *b);
/* Lookups; NULL or -1 when absent. */
struct board_region *board_find_region(const struct board *b, const char *name_or_path);
struct board_region *board_region_at(const struct board *b, uint64_t addr);
const struct board_cpu *board_cpu(const struct board *b, uint32_t logical_id);
/* Whether the GIC's registers overlap the range. */
bool board_covers_gic(const struct board *b, uint64_t start, uint64_t size);
/* The base of a GICv2 CPU or virtual CPU interface (gic.gicc or gic.gicv)
 * that Jailhouse uses: the start, or start + 0xf000 for a 128 KiB frame. */
uint64_t board_gic_cpuif_base(const struct board_gic *g, const struct range *cpuif);
/* Its size as Jailhouse maps it: 8 KiB, the architected frame. */
#define BOARD_GIC_CPUIF_SIZE 0x2000
/* The console Linux prints to (stdout-path), or the first one, or NULL. */
const struct board_console *board_stdout_console(const struct board *b);
/* The number of bytes of RAM in total and in Linux's use. */
uint64_t board_ram_size(const struct board *b);
uint64_t board_linux_ram_size(const struct board *b);
/* Whether the board says which RAM Linux really uses (/proc/iomem was read),
 * not only which RAM exists (a device tree alone). */
bool board_linux_ram_known(const struct board *b);

static inline bool board_linux_irq(const struct board *b, uint32_t irq)
{
	return irq < BOARD_MAX_IRQS && (b->linux_irqs[irq / 32] >> (irq % 32)) & 1;
}

const char *region_kind_name(enum region_kind k);

/* How well a region answers a search (board-match.c): by name, node path,
 * compatible, alias or label, console name, kind, or an address in it. */
enum board_match { BOARD_MATCH_NONE, BOARD_MATCH_PART, BOARD_MATCH_EXACT };
enum board_match board_region_match(const struct board *b, const struct board_region *r,
				    const char *text);
/* The region a search goes to from region `after` (-1: from the start),
 * exact matches first, or -1 when nothing matches. */
int64_t board_find_next(const struct board *b, const char *text, int64_t after);
const char *console_type_name(unsigned type);
/* Source bits as "dt,iomem"; the buffer must hold 96 bytes. */
const char *source_names(unsigned sources, char *buf, size_t len);

#endif
