/*
 * Derivation: from the board and the user's spec (cells.yml) to concrete
 * cells. Everything a person would otherwise compute by hand is filled in:
 * the root cell's RAM, MMIO, interrupts and platform information, hypervisor
 * placement and the mem= it needs, guest CPUs and RAM, device regions with
 * ROOTSHARED, comm regions, shared-memory links with their region indices,
 * and the virtual PCI host those links need.
 *
 * Derivation is repeatable: it first removes what an earlier run derived
 * (regions of origin ORIGIN_DERIVED, the irqchips and ivshmem devices of the
 * cells it manages) and keeps what the user placed (ORIGIN_USER, BOARD,
 * IMPORT). The same board and spec always give the same configuration.
 *
 * Cells it manages: the root cell and every guest the spec names (created
 * when absent). Cells the spec does not name, e.g. imported ones, keep their
 * irqchips and devices.
 */
#ifndef AJ_MODEL_DERIVE_H
#define AJ_MODEL_DERIVE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/board.h"
#include "model/cell.h"
#include "model/project.h"
#include "model/spec.h"
#include "model/validate.h"

/* Defaults that the spec overrides. */
#define DERIVE_HV_SIZE (16ull << 20)          /* hypervisor memory */
#define DERIVE_MMIO_MERGE_GAP 0x10000ull      /* root MMIO neighbours closer than this merge */
#define DERIVE_BARE_RAM (64ull << 10)         /* bare-metal guest RAM */
#define DERIVE_LINUX_RAM (128ull << 20)       /* Linux guest RAM */
#define DERIVE_LOADER_SIZE 0x10000ull         /* Linux guest: loader at cell-virtual 0 */
#define DERIVE_COMM_VIRT 0x80000000ull        /* where arm64 inmates expect the comm region */
#define DERIVE_COMM_SIZE 0x1000ull
#define DERIVE_IVSHMEM_STATE 0x1000ull        /* revision 14 state table */
#define DERIVE_IVSHMEM_MAX_PEERS 12

/* What one message is about, so that a front end can point at it. */
enum derive_topic {
	DT_GENERAL,
	DT_HYPERVISOR,     /* hypervisor placement, mem= */
	DT_CPUS,
	DT_RAM,
	DT_DEVICE,         /* a device a guest names */
	DT_LINK,           /* a shared-memory link */
	DT_PCI,            /* the virtual PCI host */
	DT_IRQ,
	DT_NETWORK,        /* the virtual network switch (model/network.h) */
};

struct derive_msg {
	enum severity severity;
	enum derive_topic topic;
	char *cell;        /* cell or link name the message is about, or NULL */
	char *text;        /* translated, complete sentence */
	enum diag_code code; /* its code in doc/diagnostics.md, or DIAG_DERIVE */
};

/* What a Linux guest's device tree has to describe (emit/ writes it). */
struct derive_guest {
	char *cell;
	enum cell_type type;
	uint64_t cpus;              /* logical CPUs of the board */
	uint64_t ram_virt, ram_size; /* main RAM as the guest sees it */
	uint64_t loader_virt;       /* Linux: where `jailhouse cell linux` puts its loader */
	char **dt_paths;            /* board device-tree nodes the guest was given */
	size_t n_dt_paths, cap_dt_paths;
	char *console_path;         /* the node of the guest's console, or NULL */
	uint32_t *irqs;             /* interrupts granted, absolute numbers, ascending */
	size_t n_irqs, cap_irqs;
};

struct derive_report {
	struct derive_msg *msgs;
	size_t n_msgs, cap_msgs;
	/* Non-zero when Linux must boot with less memory to make room for the
	 * hypervisor and the cells: the bytes for mem=, and the argument. */
	uint64_t mem_limit;
	char mem_arg[32];           /* "mem=7808M", empty when nothing changes */
	struct derive_guest *guests;
	size_t n_guests, cap_guests;
};

void derive_report_init(struct derive_report *rep);
void derive_report_free(struct derive_report *rep);
size_t derive_report_count(const struct derive_report *rep, enum severity sev);
/* Appends a message formatted from fmt and ap (for passes with their own note()). */
void derive_report_vadd(struct derive_report *rep, enum severity sev, enum derive_topic topic,
			const char *cell, const char *fmt, va_list ap)
	__attribute__((format(printf, 5, 0)));
const struct derive_guest *derive_report_guest(const struct derive_report *rep,
					       const char *cell);

/*
 * Derives the configuration c for board b (indexed with board_index) from
 * spec s for config revision abi. c may be empty or hold an earlier result
 * or the user's hand-placed regions. rep (emptied first) may be NULL. Returns 0, or -1 when
 * the spec cannot be met (the report says why; c holds what could be done).
 */
int derive_config(const struct board *b, const struct spec *s, enum abi abi, struct config *c,
		  struct derive_report *rep);

/* Whether a guest's device named dev (path, label, alias, console or region
 * name, as cells.yml names devices) brings board region region_id. */
bool derive_device_has_region(const struct board *b, const char *dev, uint32_t region_id);

/* Whether the spec has a network section (model/network.h) at all. */
bool network_in_use(const struct spec *s);
/*
 * derive_config for a spec with a network switch (model/network.h), which
 * derive_config calls first: derives a copy of s that has the switch's
 * links (protocol VETH, root cell and one member each), then checks the
 * network section and that every member got its link. Same contract.
 */
int network_derive_config(const struct board *b, const struct spec *s, enum abi abi,
			  struct config *c, struct derive_report *rep);

#endif
