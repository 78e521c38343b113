/*
 * Private to the rule engine (validate.c and rules-*.c): the validator's own
 * copy of what it last checked, its indexes and the diagnostics it holds.
 *
 * The copy exists so that an incremental run knows where a region used to be
 * (to take it out of the indexes) and which diagnostics it was part of. Every
 * diagnostic is linked into the lists of its subjects: the one or two regions
 * it names, or the one or two cells of a cell rule, or the global or
 * hypervisor list. An edit drops the lists of what it touched and reruns the
 * rules centred on those objects; everything else stays as it was.
 *
 * Adding a rule: its code's name and severity go into the table in
 * rules-store.c; its check goes where its inputs are: rules_region_unary (a
 * region alone, the board, hypervisor memory), rules_pair_phys or
 * rules_pair_virt (two overlapping regions), rules_cell (a cell's own fields,
 * or two cells), rules_global (the system part). That placement is what tells
 * an incremental run when to rerun it.
 */
#ifndef AJ_MODEL_RULES_H
#define AJ_MODEL_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/board.h"
#include "model/cell.h"
#include "model/range.h"
#include "model/validate.h"

#define VNONE UINT32_MAX
#define PAGE_MASK 0xfffULL
#define IRQ_WORDS (BOARD_MAX_IRQS / 32)

struct vregion {
	bool present;
	uint32_t cell;           /* cell id */
	uint64_t phys, virt, size;
	uint32_t flags;
	bool linked;             /* one of a shared-memory link's regions */
	uint32_t link;           /* the link: PCI domain and bdf of its ivshmem device */
	const char *name;        /* borrowed: an edit of the region is always reported */
	uint32_t prev, next;     /* the cell's list of regions (region ids) */
	uint32_t diags;          /* head of this region's diagnostic list */
	uint32_t mark;           /* equals validator.stamp while in the recheck set */
	/* Where the region is in the configuration, found for the run in progress. */
	const struct cell *loc;
	uint32_t loc_idx;
	uint32_t loc_stamp;
};

struct vcell {
	bool present;
	bool root;
	enum cell_type type;
	char *name;              /* owned: a rename must be noticed after the old name is freed */
	uint64_t cpus;
	uint32_t irqs[IRQ_WORDS];/* granted, minus the virtual PCI INTx range */
	uint32_t max_irq;        /* highest granted interrupt + 1, 0 when none */
	uint32_t n_comm;         /* regions flagged COMM_REGION */
	uint32_t n_ram;          /* RAM to run from: not IO, comm region or shared memory */
	uint32_t n_linked;       /* regions on a shared-memory link */
	uint32_t first;          /* head of the region list */
	uint32_t diags;
	uint32_t sev[3];         /* diagnostics naming this cell, per severity */
	uint32_t mark;
	struct range_index *virt;/* the cell's regions by address inside the cell */
};

/* A stored diagnostic; slot 0 of the store is never used so 0 means none. */
struct vdiag {
	struct diag d;
	uint32_t subj[2];        /* encoded subjects, VNONE when unused */
	uint32_t prev[2], next[2];
};

/* A sorted, merged set of address intervals from the board. */
struct span {
	uint64_t start, last;
	uint32_t id;             /* board region id (for lists that keep them) */
	uint64_t max_last;       /* highest last byte up to here (unmerged lists) */
};

struct spans {
	struct span *v;
	size_t n, cap;
};

/* Ids are handed out by counters and never reused, so arrays indexed by id
 * stay about as long as the configuration has ever been. */
struct validator {
	bool ready;              /* a full run has filled the copy */
	struct vregion *regions;
	size_t cap_regions;
	struct vcell *cells;
	size_t cap_cells;
	uint32_t root;           /* root cell id, or VNONE */
	uint32_t n_cells;
	uint64_t hv_phys, hv_size;
	uint64_t linux_mem;          /* the configuration's mem= the board was flattened with */

	/* The board, flattened at every full run (a board change runs in full). */
	struct spans board_cover;    /* union of all board regions */
	struct spans linux_ram;      /* union of RAM Linux uses */
	struct spans linux_mmio;     /* MMIO Linux uses, by start, unmerged */
	uint64_t board_cpus;
	bool board_has_cpus;
	bool board_has_regions;

	/* Indexes for incremental runs, built on the first one after a full run. */
	bool indexed;
	struct range_index *phys;    /* every cell's regions, by physical address */
	struct range_index *root_phys;

	/* The recheck sets of the run in progress. */
	uint32_t stamp;
	uint32_t *rset;
	size_t n_rset, cap_rset;
	uint32_t *cset;
	size_t n_cset, cap_cset;

	/* Diagnostics. */
	struct vdiag *diags;
	size_t n_diags, cap_diags;   /* slots in use, including slot 0 */
	uint32_t free_diag;          /* chain of free slots through next[0] */
	uint32_t global_diags, hv_diags;
	size_t count[3];
	struct diag *sorted;
	size_t n_sorted;
	bool sorted_valid;
};

/* Subjects of a diagnostic. */
enum subject_kind { SUBJ_REGION, SUBJ_CELL, SUBJ_GLOBAL, SUBJ_HV };

/* rules-store.c: diagnostic storage. */
void store_clear(struct validator *v);
void store_free(struct validator *v);
/* Adds a diagnostic and links it to its subjects; the message is taken over. */
void store_add(struct validator *v, enum diag_code code, uint32_t cell, uint32_t region,
	       uint32_t other_cell, uint32_t other_region, enum subject_kind kind, char *message);
/* Drops every diagnostic on the list of a region, a cell, or the global or hv list. */
void store_drop_region(struct validator *v, uint32_t region_id);
void store_drop_cell(struct validator *v, uint32_t cell_id);
void store_drop_global(struct validator *v);
void store_drop_hv(struct validator *v);

/* validate.c: the copy. */
static inline bool vregion_in_set(const struct validator *v, uint32_t id)
{
	return v->regions[id].mark == v->stamp;
}

/* rules-board.c: the board flattened for fast lookups, with Linux's RAM as
 * the configuration's mem= (linux_mem, 0: as the board runs) leaves it. */
void board_flatten(struct validator *v, const struct board *b, uint64_t linux_mem);
void board_flat_free(struct validator *v);
bool spans_cover(const struct spans *s, uint64_t start, uint64_t last);
bool spans_overlap(const struct spans *s, uint64_t start, uint64_t last);
/* A Linux-used MMIO board region overlapping the range, or -1. */
int32_t board_linux_mmio_at(const struct validator *v, uint64_t start, uint64_t last);
/* Merges sorted intervals into a union. */
void spans_push_merged(struct spans *s, uint64_t start, uint64_t last);

/* rules-region.c */
/* Rules of one region alone (and against the board and hypervisor memory). */
void rules_region_unary(struct validator *v, const struct board *b, uint32_t id);
/* A region over hypervisor memory. */
void rules_region_hv(struct validator *v, uint32_t id);
/* Region rules over everything by sorting and sweeping (full runs). */
void rules_regions_sweep(struct validator *v);
/* Region rules centred on one region through the indexes (incremental runs). */
void rules_region_centred(struct validator *v, const struct board *b, uint32_t id);
bool region_is_guest(const struct validator *v, const struct vregion *r);

/* rules-cell.c */
/* Rules of one cell, and pair rules against every cell not already rerun. */
void rules_cell(struct validator *v, const struct board *b, uint32_t cell_id);
void rules_global(struct validator *v, const struct board *b);

#endif
