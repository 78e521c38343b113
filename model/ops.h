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

/* Writes the reason (why may be NULL) and returns -1: how every operation
 * refuses. */
int op_refuse(char *why, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

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
/* The switch itself, cells.yml's network keys (net_field_names); value NULL
 * or empty removes a setting, and removing the bridge removes the switch,
 * which must have no members then. */
enum net_field { NET_BRIDGE, NET_UPLINK, NET_IPV4_PREFIX, NET_IPV6_PREFIX, NET_N_FIELDS };
extern const char *const net_field_names[NET_N_FIELDS];
int op_network_set(struct project *p, enum net_field field, const char *value, char *why);

/*
 * Guests and links of the spec, cells.yml's intent (model/spec-edit.c,
 * model/link-edit.c): each changes the spec, derives the cells again (RAM
 * placed, comm region, device regions with ROOTSHARED, interrupts, link
 * regions and their indices) and validates them; one undo step each.
 * Renaming, deleting and the CPUs of these cells (op_cell_rename,
 * op_cell_delete, op_cell_set_cpus, op_cpu_assign) change the spec as well.
 */
enum guest_field {
	GUEST_CONSOLE, GUEST_IMAGE, GUEST_KERNEL, GUEST_INITRD, GUEST_CMDLINE, GUEST_DTB,
	GUEST_EXPECT, GUEST_N_FIELDS
};
/* Their names in cells.yml, which the CLI and the editor use as well. */
extern const char *const guest_field_names[GUEST_N_FIELDS];
/* The words for a device's share: auto (ROOTSHARED when Linux uses the
 * device), yes, no; as the CLI and the editor take them. */
extern const char *const device_share_names[3];
/* A guest's setting of that field, NULL when it has none. */
const char *spec_guest_setting(const struct guest_spec *g, enum guest_field f);
/* n_cpus 0 is one CPU; ram_size 0 the default for the type. */
int op_guest_create(struct project *p, const char *name, enum cell_type type, unsigned n_cpus,
		    uint64_t ram_size, uint32_t *cell_id, char *why);
/* value NULL or empty removes the setting. */
int op_guest_set(struct project *p, const char *guest, enum guest_field field, const char *value,
		 char *why);
int op_guest_type(struct project *p, const char *guest, enum cell_type type, char *why);
/* A count (cpus 0: derivation picks) or an explicit set. */
int op_guest_cpus(struct project *p, const char *guest, unsigned n_cpus, uint64_t cpus, char *why);
int op_guest_ram(struct project *p, const char *guest, uint64_t size, char *why);
/* A device by path, label, alias or region name; share is SHARE_AUTO
 * (ROOTSHARED when Linux uses it), SHARE_YES or SHARE_NO. */
int op_guest_device_add(struct project *p, const char *guest, const char *dev, int share,
			char *why);
int op_guest_device_remove(struct project *p, const char *guest, const char *dev, char *why);
int op_guest_device_share(struct project *p, const char *guest, const char *dev, int share,
			  char *why);
/* The device of the guest that brings board region board_region, or NULL:
 * what the editor shows and toggles on a device region of a guest. */
const struct device_ref *spec_guest_device_of(const struct project *p, const char *guest,
					      uint32_t board_region);
/* The name cells.yml gives a board region as a guest's device. */
const char *spec_device_name(const struct board *b, uint32_t board_region);
/* A link between cells a and b (the root cell or guests); a's is peer 0. */
int op_link_create(struct project *p, const char *name, const char *a, const char *b,
		   uint64_t size, uint64_t output_size, uint16_t protocol, char *why);
int op_link_delete(struct project *p, const char *name, char *why);

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
