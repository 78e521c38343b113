/*
 * Pieces the three project files share: name tables for enums and bit sets,
 * address ranges as {start, size} and the Jailhouse console description.
 */
#ifndef AJ_SRC_YAML_COMMON_H
#define AJ_SRC_YAML_COMMON_H

#include <stddef.h>

#include "model/board.h"
#include "src/yaml-read.h"
#include "src/yaml-write.h"

extern const struct flag_name arch_names[];      /* arm, arm64, x86 */
extern const struct flag_name source_flag_names[]; /* dt, iomem, ... */

/* The keys of a console, in the order io_console_key numbers them; a
 * mapping that holds more keys lists these first. */
#define CONSOLE_KEYS "type", "address", "size", "flags", "divider", "gate_nr", "clock_reg"
#define CONSOLE_NKEYS 7

/* Reads the value of console key k (below CONSOLE_NKEYS). */
bool io_console_key(struct yreader *r, int k, struct console *c);
/* Writes the console's keys, leaving out zero values. */
void io_console_write(struct ywriter *w, const struct console *c);
/* Reads a whole console mapping of CONSOLE_KEYS only. */
bool io_console_read(struct yreader *r, const char *what, struct console *c);

/* {start: 0x..., size: 64 KiB} */
bool io_range_read(struct yreader *r, const char *what, struct range *out);
void io_range_write(struct ywriter *w, const char *key, const struct range *rg);

/*
 * Plain numeric fields of a struct, described once for reading and writing
 * (PCI devices, capabilities, caches, IOMMU units). Zero values are left out.
 */
enum io_notation { IO_DEC, IO_HEX, IO_SIZE };

struct io_field {
	const char *key;
	size_t offset;
	unsigned width;          /* bytes: 1, 2, 4 or 8 */
	enum io_notation notation;
};

#define IO_FIELD(type, member, notation) \
	{ #member, offsetof(type, member), sizeof(((type *)0)->member), notation }

bool io_field_read(struct yreader *r, const struct io_field *f, void *obj);
void io_fields_write(struct ywriter *w, const struct io_field *f, size_t n, const void *obj);

/* yaml-network.c: board.yml's "nets" (the networks the board's Linux is on):
 * the value of the key, and the key itself when there are any. */
bool io_board_nets_read(struct yreader *r, struct board *b);
void io_board_nets_write(struct ywriter *w, const struct board *b);

#endif
