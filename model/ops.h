/*
 * The operations every front end uses to change a project: the CLI, the
 * TUI's keyboard and mouse, and script mode all call these, so that each
 * change is validated, recorded for undo and counted the same way.
 *
 * Each returns 0 on success. An operation that can never be valid (an
 * unknown cell, a region already in the cell) is refused: it returns -1 and
 * puts a translated reason into why (a buffer of OP_WHY_LEN bytes), changing
 * nothing. An operation whose result is merely invalid is carried out; the
 * diagnostics say what is wrong.
 */
#ifndef AJ_MODEL_OPS_H
#define AJ_MODEL_OPS_H

#include <stdbool.h>
#include <stdint.h>

#include "model/project.h"

#define OP_WHY_LEN 256

/* Assigns a board region to a cell, phys = virt = the board address. Flags
 * follow the kind: RAM read/write/execute, MMIO read/write/IO; shared adds
 * ROOTSHARED. Returns the new region's id in *region_id when not NULL. */
int op_assign(struct project *p, uint32_t board_region, uint32_t cell_id, bool shared,
	      uint32_t *region_id, char *why);
int op_unassign(struct project *p, uint32_t cell_id, uint32_t region_id, char *why);
/* Adds a region with the values of tmpl (its id is ignored). */
int op_region_add(struct project *p, uint32_t cell_id, const struct cell_region *tmpl,
		  uint32_t *region_id, char *why);
/* Replaces a region's name, addresses, size and flags with those of value. */
int op_region_edit(struct project *p, uint32_t cell_id, uint32_t region_id,
		   const struct cell_region *value, char *why);
/* Moves a region from one cell to another (a drag between cells). */
int op_region_move(struct project *p, uint32_t from_cell, uint32_t region_id,
		   uint32_t to_cell, char *why);
int op_cell_create(struct project *p, const char *name, enum cell_type type,
		   uint32_t *cell_id, char *why);
int op_cell_rename(struct project *p, uint32_t cell_id, const char *name, char *why);
int op_cell_delete(struct project *p, uint32_t cell_id, char *why);
int op_cell_set_cpus(struct project *p, uint32_t cell_id, uint64_t cpus, char *why);
/* Gives one CPU to a cell, taking it from any other guest (a CPU drag). */
int op_cpu_assign(struct project *p, unsigned cpu, uint32_t cell_id, char *why);
int op_irq_grant(struct project *p, uint32_t cell_id, uint32_t irq, char *why);
int op_irq_revoke(struct project *p, uint32_t cell_id, uint32_t irq, char *why);
int op_set_hypervisor(struct project *p, uint64_t phys, uint64_t size, char *why);
/* Puts a Linux guest on the virtual network switch (ipv4/ipv6 NULL for
 * automatic addresses) or takes it off: the spec's network section is
 * edited and the cells derived and validated anew. Undo gives back the
 * members and the configuration exactly (model/network-edit.c). */
int op_network_join(struct project *p, const char *cell, const char *ipv4, const char *ipv6,
		    char *why);
int op_network_leave(struct project *p, const char *cell, char *why);

/* Groups the operations until op_group_end into one undo step. */
void op_group_begin(struct project *p);
void op_group_end(struct project *p);
bool op_can_undo(const struct project *p);
bool op_can_redo(const struct project *p);
/* Undo and redo revalidate what they touch, like any operation. */
int op_undo(struct project *p, char *why);
int op_redo(struct project *p, char *why);

struct history *history_new(void);
void history_free(struct history *h);
void history_clear(struct history *h);

#endif
