/*
 * Pieces the three project files share: name tables for enums and bit sets,
 * address ranges as {start, size} and the Jailhouse console description.
 */
#ifndef AJ_SRC_YAML_COMMON_H
#define AJ_SRC_YAML_COMMON_H

#include <stddef.h>

#include "model/board.h"
#include "src/yaml-schema.h"

extern const struct flag_name arch_names[];      /* arm, arm64, x86 */
extern const struct flag_name source_flag_names[]; /* dt, iomem, ... */

/* The keys of a console, as rows of the struct T that holds it at member
 * path P ("con." or nothing): its own mapping, or part of a larger one. */
#define CONSOLE_FIELDS(T, P)                                                          \
	YF("type", YK_ENUM, T, P type, YF_ALWAYS, .ref = console_type_names,             \
	   .max = UINT16_MAX, .doc = "the UART's kind, or a Jailhouse number"),            \
	YF("address", YK_HEX, T, P address, YF_ALWAYS, .doc = "its registers"),           \
	YF("size", YK_SIZE, T, P size, YF_ALWAYS, .doc = "the span of its registers"),    \
	YF("flags", YK_FLAGS, T, P flags, 0, .ref = console_flag_names,                   \
	   .doc = "how Jailhouse drives it"),                                              \
	YF("divider", YK_UINT, T, P divider, 0, .doc = "baud rate divider"),              \
	YF("gate_nr", YK_UINT, T, P gate_nr, 0, .doc = "clock gate"),                      \
	YF("clock_reg", YK_HEX, T, P clock_reg, 0, .doc = "clock register")

/* A console of its own: a cell's, the debug console. */
extern const struct yschema console_schema;
/* {start: 0x..., size: 64 KiB} */
extern const struct yschema range_schema;

/* yaml-network.c: an item of board.yml's "nets" (the networks the board's
 * Linux is on). */
extern const struct yschema board_net_schema;

#endif
