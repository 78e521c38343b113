/*
 * A synthetic board and partitioning of any size, for tests and benchmarks:
 * one System RAM region (Linux uses the first 2 GiB through mem=, hypervisor
 * and guest memory lie above), a GICv2, and n - 1 MMIO devices, each given to
 * a guest drawn at random (ROOTSHARED when Linux uses it). project_ready()
 * derives the root cell's RAM and devices; the builder adds only the root
 * region over guest memory. Guests alternate bare-metal (with a comm region)
 * and Linux, each with its own CPU, RAM and interrupts; guests 1 and 2 share
 * an ivshmem link. The result validates clean, and the same seed always gives
 * the same project.
 */
#ifndef AJ_TESTS_MODEL_SYNTH_H
#define AJ_TESTS_MODEL_SYNTH_H

#include <stddef.h>
#include <stdint.h>

#include "model/project.h"

/* Where synth puts things, for tests that aim at them. */
#define SYNTH_RAM_BASE 0x80000000ULL
#define SYNTH_RAM_SIZE 0x100000000ULL      /* 4 GiB of System RAM ... */
#define SYNTH_LINUX_RAM 0x80000000ULL      /* ... of which mem= gives Linux 2 GiB */
#define SYNTH_HV_BASE 0x100000000ULL
#define SYNTH_HV_SIZE 0x1000000ULL
#define SYNTH_GUEST_RAM_BASE 0x101000000ULL
#define SYNTH_GUEST_RAM_SIZE 0x1000000ULL  /* per guest */
#define SYNTH_DEV_BASE 0x02000000ULL
#define SYNTH_GICD 0x03881000ULL
#define SYNTH_NUM_IRQS 384
#define SYNTH_COMM_VIRT 0x80000000ULL

/* A small deterministic generator (xorshift32); state must not be 0. */
uint32_t synth_rand(uint32_t *state);

/* Fills an initialised, empty board with n_regions regions and n_cpus CPUs. */
void synth_board(struct board *b, size_t n_regions, unsigned n_cpus, uint32_t seed);
/* Fills an initialised, empty configuration with n_cells cells (1 to 64). */
void synth_config(struct config *c, const struct board *b, unsigned n_cells, uint32_t seed);
/* Both, into an initialised project, then project_ready(). */
void synth_project(struct project *p, size_t n_regions, unsigned n_cells, uint32_t seed);

#endif
