/*
 * Private to ops.c, history.c, spec-edit.c and network-edit.c: the undo records. Each
 * record knows both sides of one small change (a region added or removed at
 * an index, a region edited, a cell field, a whole cell created or deleted,
 * hypervisor memory, the spec), so that undo and redo replay it
 * exactly, ids included, and say what they touched for incremental
 * validation.
 */
#ifndef AJ_MODEL_HISTORY_H
#define AJ_MODEL_HISTORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/cell.h"
#include "model/project.h"
#include "model/spec.h"
#include "model/validate.h"

struct history;

enum record_kind {
	REC_REGION_ADD,      /* region inserted at index */
	REC_REGION_REMOVE,   /* region removed from index */
	REC_REGION_EDIT,     /* before -> region */
	REC_CELL_NAME,
	REC_CELL_CPUS,
	REC_CELL_IRQS,       /* the irqchip slices, whole */
	REC_CELL_CREATE,     /* snapshot inserted at index of the cells */
	REC_CELL_DELETE,     /* snapshot removed from index */
	REC_HV,
	/* The spec (guests, links, the switch) and the whole configuration as
	 * derivation left it: derivation lays out memory and links anew and may
	 * renumber what it derived, so both sides are kept whole rather than
	 * recomputed. */
	REC_SPEC,
};

struct record {
	enum record_kind kind;
	uint32_t cell;                 /* cell id */
	size_t index;
	struct cell_region region;     /* added, removed, or the value after an edit */
	struct cell_region before;     /* an edit's value before */
	char *name[2];                 /* before, after */
	uint64_t cpus[2];
	struct cell_irqchip *chips[2];
	size_t n_chips[2];
	struct cell *snapshot;
	uint64_t hv_phys[2], hv_size[2];
	struct spec *specs[2];
	struct config *configs[2];
};

/* A deep copy of a configuration (cells, ids, system part), and putting one
 * back; counters of fresh ids only grow. */
struct config *config_snapshot(const struct config *c);
void config_snapshot_free(struct config *snap);
void config_restore(struct config *c, const struct config *snap);
/*
 * A change of the spec (model/spec-edit.c): edit(p, arg, why) changes
 * p->spec (and may rename cells of p->config); it returns -1 with a reason
 * when the change can never be valid, and then everything is put back.
 * Otherwise the cells are derived anew, fully validated and recorded as one
 * REC_SPEC undo step.
 */
int spec_edit(struct project *p, int (*edit)(struct project *p, const void *arg, char *why),
	      const void *arg, char *why);

/* Applies a record forward (as done) or backward (as undone) and notes what
 * it touched; false when the configuration does not hold what it expects. */
bool record_apply(struct config *c, struct spec *s, const struct record *r, bool forward,
		  struct change *ch);
/* Adds a record to the step being built; the history owns its memory from here. */
void history_push(struct history *h, struct record *r);
void history_begin(struct history *h);
void history_end(struct history *h);
bool history_in_group(const struct history *h);
/* Replays the newest step backward (undo) or the newest undone step forward
 * (redo) and moves it to the other stack; false when there is none. */
bool history_replay(struct history *h, struct config *c, struct spec *s, bool undo,
		    struct change *ch);
bool history_has(const struct history *h, bool undo);

/* For ops.c: whether the spec manages a cell (the root cell or a guest of
 * cells.yml), and the cell operations for those (model/spec-cells.c). */
bool spec_manages(const struct project *p, const struct cell *cell);
/* Whether the spec names a cell anywhere: a guest, the root, a link, the switch. */
bool spec_names(const struct project *p, const char *name);
int spec_cell_rename(struct project *p, uint32_t cell_id, const char *name, char *why);
int spec_cell_delete(struct project *p, const char *name, char *why);
int spec_cpu_give(struct project *p, uint32_t cell_id, uint64_t cpus, bool whole_set, char *why);

#endif
