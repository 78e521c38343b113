/*
 * The device tree a Linux guest cell boots with (`jailhouse cell linux -d`):
 * its CPUs, RAM, the interrupt controller, the timer, the devices it was
 * given with only the interrupts it was granted, the virtual PCI host of its
 * shared-memory devices and its console. Written as source for dtc.
 */
#ifndef AJ_EMIT_GUEST_DT_H
#define AJ_EMIT_GUEST_DT_H

#include "emit/emit.h"
#include "model/board.h"
#include "model/derive.h"

int emit_guest_dts(const struct board *b, const struct config *c, const struct cell *cell,
		   const struct derive_guest *g, struct emit_buf *out, struct emit_error *err);

#endif
