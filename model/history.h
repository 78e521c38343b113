/*
 * Private to ops.c, history.c and network-edit.c: the undo records. Each
 * record knows both sides of one small change (a region added or removed at
 * an index, a region edited, a cell field, a whole cell created or deleted,
 * hypervisor memory, the switch's members), so that undo and redo replay it
 * exactly, ids included, and say what they touched for incremental
 * validation.
 */
#ifndef AJ_MODEL_HISTORY_H
#define AJ_MODEL_HISTORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/cell.h"
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
	/* The switch's members, and the whole configuration as derivation left
	 * it: derivation lays out the links anew and may renumber what it
	 * derived, so both sides are kept whole rather than recomputed. */
	REC_NETWORK,
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
	struct net_member *members[2];
	size_t n_members[2];
	struct config *configs[2];
};

/* A deep copy of a configuration (cells, ids, system part), and putting one
 * back; counters of fresh ids only grow. */
struct config *config_snapshot(const struct config *c);
void config_snapshot_free(struct config *snap);
void config_restore(struct config *c, const struct config *snap);
/* A copy of the switch's member list. */
struct net_member *net_members_copy(const struct net_member *m, size_t n);
void net_members_free(struct net_member *m, size_t n);

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

#endif
