/*
 * The rule engine. Rules look at the board and the configuration and return
 * diagnostics; every rule has a stable code documented in doc/diagnostics.md.
 * After an edit only what the edit touched is checked again, and the result
 * equals that of a full run.
 */
#ifndef AJ_MODEL_VALIDATE_H
#define AJ_MODEL_VALIDATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/board.h"
#include "model/cell.h"

enum severity {
	SEV_INFO,
	SEV_WARNING,
	SEV_ERROR,
};

enum diag_code {
	DIAG_OVERLAP_PHYS,        /* two regions of one cell overlap physically */
	DIAG_OVERLAP_VIRT,        /* ... in the cell's address space */
	DIAG_CELL_OVERLAP,        /* regions of two guest cells, not a legal share */
	DIAG_ROOT_NOT_SHARED,     /* a guest takes what Linux uses without ROOTSHARED */
	DIAG_NOT_ON_BOARD,        /* a region the board does not have */
	DIAG_ALIGN,               /* not 4 KiB aligned and not sub-page MMIO */
	DIAG_SUBPAGE_WIDTH,       /* sub-page MMIO without an access width */
	DIAG_ZERO_SIZE,
	DIAG_CPU_TWICE,           /* a CPU in two guest cells */
	DIAG_CPU_MISSING,         /* a CPU the board does not have */
	DIAG_ROOT_CPU0,           /* the root cell loses CPU 0 */
	DIAG_NO_CPUS,             /* a guest without CPUs */
	DIAG_IRQ_TWICE,           /* an interrupt granted to two guest cells */
	DIAG_IRQ_MISSING,         /* an interrupt the GIC does not have */
	DIAG_HV_NOT_RAM,          /* hypervisor memory outside RAM */
	DIAG_HV_LINUX_RAM,        /* hypervisor memory in RAM Linux uses */
	DIAG_HV_OVERLAP,          /* a cell region over hypervisor memory */
	DIAG_GUEST_RAM_LINUX,     /* guest RAM inside RAM Linux uses */
	DIAG_LOADABLE_OUTSIDE_ROOT,
	DIAG_NO_COMM_REGION,      /* bare-metal cell without a comm region */
	DIAG_COMM_CLASH,          /* something else at the comm region's address */
	DIAG_GIC_COVERED,         /* a region over the GIC's registers */
	DIAG_NAME_LONG,           /* cell name over 31 characters */
	DIAG_NAME_DUP,
	DIAG_NAME_EMPTY,
	DIAG_NO_ROOT,             /* no root cell */
	DIAG_ADDR_WRAP,           /* a region runs past the top of the address space */
	DIAG_NO_KERNEL,           /* a Linux guest the spec names no kernel for */
	DIAG_NO_RAM,              /* a guest without RAM */
	DIAG_RAM_OVER_DEVICES,    /* a bare-metal guest's RAM where its devices are */
	DIAG_COUNT
};
/* A derivation message without a code of its own ("derive"). */
#define DIAG_DERIVE DIAG_COUNT

/* No cell or no region. */
#define DIAG_NONE UINT32_MAX

struct diag {
	enum severity severity;
	enum diag_code code;
	char *message;            /* translated, with names and addresses filled in */
	uint32_t cell;            /* cell id, or DIAG_NONE */
	uint32_t region;          /* cell region id, or DIAG_NONE */
	uint32_t other_cell;      /* the second party of a pair rule */
	uint32_t other_region;
};

/* What one edit touched, recorded by the operations in ops.c. A region added
 * to or moved into a cell names that cell too, so that it can be found. */
struct change {
	uint32_t *regions;        /* ids of regions added, removed or edited */
	size_t n_regions, cap_regions;
	uint32_t *cells;          /* ids of cells added, removed, or with other fields changed */
	size_t n_cells, cap_cells;
	bool system;              /* hypervisor memory or platform information */
	bool all;                 /* the board or everything: run in full */
};

void change_init(struct change *ch);
void change_free(struct change *ch);
void change_clear(struct change *ch);
void change_region(struct change *ch, uint32_t region_id);
void change_cell(struct change *ch, uint32_t cell_id);

struct validator;

struct validator *validator_new(void);
void validator_free(struct validator *v);
void validate_full(struct validator *v, const struct board *b, const struct config *c);
void validate_change(struct validator *v, const struct board *b, const struct config *c,
		     const struct change *ch);
/* The diagnostics in a stable order: severity (errors first), code, cell, region. */
const struct diag *validator_diags(struct validator *v, size_t *n);
size_t validator_count(const struct validator *v, enum severity sev);

/* The errors before an operation (diag-mark.c), to tell afterwards which
 * ones it added. */
struct diag_mark {
	struct diag *d;
	size_t n;
};
void diag_mark_take(struct diag_mark *m, struct validator *v);
/* Up to max errors added since the mark, those about the cell or region
 * (DIAG_NONE: none) first; frees the mark. The diags are the validator's. */
size_t diag_mark_added(struct diag_mark *m, struct validator *v, uint32_t cell, uint32_t region,
		       const struct diag **out, size_t max);
/* Whether a region or cell has a diagnostic, and the worst severity; -1 when none. */
int validator_region_severity(const struct validator *v, uint32_t region_id);
int validator_cell_severity(const struct validator *v, uint32_t cell_id);

/* "cell-overlap" and friends: the code as documented and printed. */
const char *diag_code_name(enum diag_code code);
enum severity diag_code_severity(enum diag_code code);
const char *severity_name(enum severity s);

#endif
