/*
 * Cells: the partitioning the user wants, in the terms Jailhouse's binary
 * configuration uses, independent of the config revision. Flags are kept in
 * revision 14 values; emit/ translates for revision 9.
 */
#ifndef AJ_MODEL_CELL_H
#define AJ_MODEL_CELL_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>

#include "model/board.h"

/* Memory region flags (revision 14 values). */
enum mem_flag {
	MEM_READ = 0x0001,
	MEM_WRITE = 0x0002,
	MEM_EXECUTE = 0x0004,
	MEM_DMA = 0x0008,
	MEM_IO = 0x0010,
	MEM_COMM_REGION = 0x0020,
	MEM_LOADABLE = 0x0040,
	MEM_ROOTSHARED = 0x0080,
	MEM_NO_HUGEPAGES = 0x0100,
	MEM_IO_UNALIGNED = 0x8000,
	MEM_IO_8 = 0x10000,
	MEM_IO_16 = 0x20000,
	MEM_IO_32 = 0x40000,
	MEM_IO_64 = 0x80000,
};
#define MEM_IO_WIDTHS (MEM_IO_8 | MEM_IO_16 | MEM_IO_32 | MEM_IO_64)

/* Cell flags. Revision 14 values; DEBUG_CONSOLE exists in revision 9 only. */
enum cell_flag {
	CELL_PASSIVE_COMMREG = 0x00000001,
	CELL_TEST_DEVICE = 0x00000002,
	CELL_AARCH32 = 0x00000004,
	CELL_DEBUG_CONSOLE = 0x00000100, /* revision 9's 0x2 */
	CELL_VIRTUAL_CONSOLE_PERMITTED = 0x40000000,
	CELL_VIRTUAL_CONSOLE_ACTIVE = 0x80000000,
};

/* System flags. */
enum sys_flag {
	SYS_VIRTUAL_DEBUG_CONSOLE = 0x1,
};

/* Where a cell region came from: it decides what cells.yml keeps. */
enum region_origin {
	ORIGIN_USER,     /* written by the user (cells.yml, CLI, TUI) */
	ORIGIN_BOARD,    /* assigned from a board region */
	ORIGIN_DERIVED,  /* computed by derivation; regenerated, not saved */
	ORIGIN_IMPORT,   /* read from a .cell file */
};

struct cell_region {
	uint32_t id;             /* unique in the configuration, never reused */
	char *name;              /* comment in C output, label in the TUI */
	uint64_t phys;
	uint64_t virt;
	uint64_t size;
	uint32_t flags;          /* enum mem_flag */
	int32_t board_region;    /* board region id, or -1 */
	enum region_origin origin;
};

/* One 128-pin slice of the interrupt controller as a cell sees it. */
struct cell_irqchip {
	uint64_t address;
	uint32_t id;
	uint32_t pin_base;       /* 32, 160, 288, ... */
	uint32_t pin_bitmap[4];  /* bit n of word w = interrupt pin_base + 32w + n */
};

enum pci_type {
	PCI_DEVICE = 1,
	PCI_BRIDGE = 2,
	PCI_IVSHMEM = 3,
};

/* Shared-memory protocols (revision 14 values). */
enum shmem_protocol {
	SHMEM_PROTO_UNDEFINED = 0x0000,
	SHMEM_PROTO_VETH = 0x0001,
	SHMEM_PROTO_CUSTOM = 0x4000,
	SHMEM_PROTO_VIRTIO_FRONT = 0x8000,
	SHMEM_PROTO_VIRTIO_BACK = 0xc000,
};

struct cell_pci {
	uint8_t type;            /* enum pci_type */
	uint8_t iommu;
	uint16_t domain;
	uint16_t bdf;
	uint32_t bar_mask[6];
	uint16_t caps_start;
	uint16_t num_caps;
	uint8_t num_msi_vectors;
	uint8_t msi_64bits;
	uint8_t msi_maskable;
	uint16_t num_msix_vectors;
	uint16_t msix_region_size;
	uint64_t msix_address;
	uint32_t shmem_regions_start; /* revision 9: the one shared region */
	uint8_t shmem_dev_id;
	uint8_t shmem_peers;
	uint16_t shmem_protocol;
};

struct cell_pci_cap {
	uint16_t id;
	uint16_t start;
	uint16_t len;
	uint16_t flags;
};

/* x86-only arrays are kept so that imported files survive a round trip. */
struct cell_cache {
	uint32_t start;
	uint32_t size;
	uint8_t type;
	uint16_t flags;
};

enum cell_type {
	CELL_BARE,               /* a bare-metal inmate */
	CELL_LINUX,              /* a Linux guest (jailhouse cell linux) */
};

struct cell {
	uint32_t id;             /* unique in the configuration, never reused */
	char *name;
	bool root;
	enum cell_type type;
	uint32_t flags;          /* enum cell_flag */
	uint64_t cpus;           /* bit n = logical CPU n */
	uint32_t cpu_set_size;   /* bytes in the binary file, normally 8 */

	struct cell_region *regions;
	size_t n_regions, cap_regions;

	struct cell_irqchip *irqchips;
	size_t n_irqchips, cap_irqchips;

	struct cell_pci *pci;
	size_t n_pci, cap_pci;

	struct cell_pci_cap *caps;
	size_t n_caps, cap_caps;

	struct cell_cache *caches;
	size_t n_caches, cap_caches;

	uint8_t *pio;            /* raw: rev 14 pairs of u16, rev 9 a bitmap */
	size_t pio_size;

	uint32_t *stream_ids;
	size_t n_stream_ids, cap_stream_ids;

	uint32_t vpci_irq_base;
	uint64_t cpu_reset_address;
	uint64_t msg_reply_timeout;
	struct console console;
};

struct iommu_unit {
	uint32_t type;
	uint64_t base;
	uint32_t size;
	uint8_t rest[12];        /* architecture-specific union, kept raw */
};

/* Everything the root ("system") configuration adds to the root cell. */
struct system_config {
	uint32_t flags;          /* enum sys_flag */
	struct cell_region hypervisor;   /* phys and size used */
	struct console debug_console;
	uint64_t pci_mmconfig_base;
	uint8_t pci_mmconfig_end_bus;
	uint8_t pci_is_virtual;
	uint16_t pci_domain;
	struct iommu_unit iommu[8];
	uint8_t maintenance_irq;
	uint8_t gic_version;
	uint64_t gicd_base, gicc_base, gich_base, gicv_base, gicr_base;
};

/* The whole partitioning: the system part, the root cell and the guests. */
struct config {
	enum arch arch;
	struct system_config sys;
	/* The mem= the root cell's Linux must boot with for this partitioning
	 * (0: as it runs now). Derivation plans it; validation judges Linux's
	 * RAM by it, and the C output states it. */
	uint64_t linux_mem;
	bool linux_mem_assumed;  /* planned for a board whose Linux RAM use is unknown */
	struct cell **cells;     /* cells[0] is the root cell when present */
	size_t n_cells, cap_cells;
	uint32_t next_region_id;
	uint32_t next_cell_id;
};

void config_init(struct config *c);
void config_free(struct config *c);
/* A deep copy, ids included. */
struct cell *cell_clone(const struct cell *c);
void cell_free(struct cell *c);
/* Creates a cell with a fresh id and appends it; the root cell goes first. */
struct cell *config_add_cell(struct config *c, const char *name, bool root);
/* Takes over a cell built elsewhere (an import), giving it and its regions
 * fresh ids; the root cell goes first. */
void config_adopt_cell(struct config *c, struct cell *cell);
struct cell *config_root(const struct config *c);
struct cell *config_find_cell(const struct config *c, const char *name);
struct cell *config_cell_by_id(const struct config *c, uint32_t id);
ptrdiff_t config_cell_index(const struct config *c, uint32_t cell_id);
/* Appends a region with a fresh id; the name is copied. */
struct cell_region *cell_add_region(struct config *c, struct cell *cell, const char *name,
				    uint64_t phys, uint64_t virt, uint64_t size, uint32_t flags);
struct cell_region *cell_region_by_id(const struct cell *cell, uint32_t id);
ptrdiff_t cell_region_index(const struct cell *cell, uint32_t id);
/* Finds a region by name, or by address when the text is a number. */
struct cell_region *cell_find_region(const struct cell *cell, const char *name_or_addr);
void cell_remove_region_at(struct cell *cell, size_t index);

/* Interrupt grants, across all of a cell's irqchips. */
bool cell_has_irq(const struct cell *cell, uint32_t irq);
/* Grants an interrupt, adding a 128-pin irqchip slice at gicd when needed. */
void cell_grant_irq(struct cell *cell, uint64_t gicd, uint32_t irq);
void cell_revoke_irq(struct cell *cell, uint32_t irq);

static inline bool cell_has_cpu(const struct cell *c, unsigned cpu)
{
	return cpu < 64 && (c->cpus >> cpu) & 1;
}

#endif
