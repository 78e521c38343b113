/*
 * Boards and checks the derivation tests share: a small QEMU-virt-like
 * board, a TX2-like board built from shared/jetson-tx2.md and the TX2's
 * /proc/iomem, the TX2 demo spec, and consistency checks over a config.
 */
#ifndef AJ_TESTS_DERIVE_BOARDS_H
#define AJ_TESTS_DERIVE_BOARDS_H

#include <stdbool.h>
#include <stdint.h>

#include "model/board.h"
#include "model/cell.h"
#include "model/derive.h"
#include "model/spec.h"

#define KiB (UINT64_C(1) << 10)
#define MiB (UINT64_C(1) << 20)
#define GiB (UINT64_C(1) << 30)

/* 4 CPUs, RAM 0x40000000 + 1 GiB of which Linux uses the first 768 MiB,
 * GICv2 at 0x08000000, PL011 (Linux's console) 0x09000000 with irq 33,
 * rtc 0x09010000 (34), gpio 0x09030000 (39, not Linux's), two i2c blocks
 * in one page at 0x09040000 and 0x09040100 (40, 41), 288 interrupts. */
void board_mini(struct board *b);
/* The TX2 as shared/jetson-tx2.md and its iomem describe it. */
void board_tx2(struct board *b);
/* gpio-demo: 1 CPU, 64 KiB, UART-A, GPIO, PADCTL_A, console UART-A, and a
 * link with the root cell "jetson-tx2": one shared page and one output page
 * per peer (examples/jetson-tx2-gpio/cells.yml says the same). */
void spec_tx2_demo(struct spec *s);

void spec_add_device(struct guest_spec *g, const char *name, int share);
void link_add_peer(struct link_spec *l, const char *cell);

/* Returns NULL when every cell is free of overlaps (physical and virtual)
 * and every ivshmem device's indices name its regions; else what is wrong. */
char *config_check_consistent(const struct config *c, enum abi abi);
/* Whether two configurations are the same, ids aside. */
bool config_same(const struct config *a, const struct config *b);
/* The region of a cell whose name is given, or NULL. */
const struct cell_region *region_named(const struct cell *cell, const char *name);
/* A report's messages joined, for failure output. */
char *report_text(const struct derive_report *rep);
/* Whether the report has a message of this severity containing the text. */
bool report_said(const struct derive_report *rep, enum severity sev, const char *text);

#endif
