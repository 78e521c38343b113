/*
 * Configurations for the emission tests and the benchmark: hand-made ones
 * that cover every layout feature, and random valid ones for the property
 * test. Each is valid for the revision it is built for.
 */
#ifndef AJ_TESTS_EMIT_FIXTURES_H
#define AJ_TESTS_EMIT_FIXTURES_H

#include <stdint.h>

#include "model/cell.h"
#include "model/project.h"

/* A Jetson TX2-sized system: root cell with RAM, many MMIO regions, all
 * SPIs in three irqchip slices and a shared-memory device. */
void fixture_system(struct config *c, enum abi abi);
/* A bare-metal cell: one CPU, loadable RAM, comm region, a shared UART. */
struct cell *fixture_bare(struct config *c, enum abi abi);
/* A cell with a shared-memory link (4 regions in revision 14, 1 in 9). */
struct cell *fixture_ivshmem(struct config *c, enum abi abi);
/* Sub-page MMIO regions with access widths. */
struct cell *fixture_subpage(struct config *c, enum abi abi);
/* Every flag, array and field the revision can hold, set. */
struct cell *fixture_all_flags(struct config *c, enum abi abi);

/* A deterministic generator (xorshift), so that failures can be replayed. */
struct rng {
	uint64_t state;
};
uint64_t rng_next(struct rng *r);
/* A random valid configuration: a root cell and 0-3 guests. */
void fixture_random(struct config *c, enum abi abi, struct rng *r);

#endif
