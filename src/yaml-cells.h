/*
 * The parts of cells.yml, each read and written by its own file: the spec
 * (yaml-spec.c: root, guests, links) and the system part (yaml-system.c);
 * yaml-cells.c reads the cells themselves and puts the file together.
 */
#ifndef AJ_SRC_YAML_CELLS_H
#define AJ_SRC_YAML_CELLS_H

#include "model/board.h"
#include "model/cell.h"
#include "model/project.h"
#include "model/spec.h"
#include "src/yaml-read.h"
#include "src/yaml-write.h"

#include "src/yaml-common.h"

extern const struct flag_name protocol_names[];  /* undefined, veth, custom, virtio-* */
extern const struct flag_name cell_type_names[]; /* bare, linux */
extern const struct flag_name origin_names[];    /* user, board, import */
extern const struct flag_name pci_type_names[];  /* device, bridge, ivshmem */
/* The numeric fields of PCI devices, capabilities (4) and caches (4). */
extern const struct io_field pci_fields[], cap_fields[], cache_fields[];
extern const size_t n_pci_fields;

bool io_spec_root_read(struct yreader *r, struct root_spec *root);
bool io_spec_guests_read(struct yreader *r, struct spec *s);
bool io_spec_links_read(struct yreader *r, struct spec *s);
/* Writes the keys root, guests and links of the spec, each only when set. */
void io_spec_write(struct ywriter *w, const struct spec *s);
/* yaml-network.c: the value of "network" (the virtual network switch); the
 * writer writes the key "network" only when the section is set. */
bool io_network_read(struct yreader *r, struct network_spec *n);
void io_network_write(struct ywriter *w, const struct network_spec *n);

/* Board region names and paths, each leading to the first region with it. */
struct board_names {
	const struct board *b;
	uint32_t *slots;         /* (index << 1 | is_path) + 1; 0 is empty */
	size_t mask;
	uint8_t *leads;          /* per region: BOARD_NAME_LEADS, BOARD_PATH_LEADS */
};

/* The region's name (path) finds the region itself, not an earlier one. */
#define BOARD_NAME_LEADS 1
#define BOARD_PATH_LEADS 2

void board_names_build(struct board_names *bn, const struct board *b);
void board_names_free(struct board_names *bn);

/*
 * A cell region's reference to a board region. cells.yml is parsed first
 * and the references resolved when the board is there, so that board.yml
 * can be read at the same time.
 */
struct board_ref {
	struct cell *cell;
	size_t region;           /* index in cell->regions */
	char *text;              /* name, path, alias or label; NULL: by index */
	uint32_t index;
	unsigned line, column;
	bool fill_name;          /* the region takes the board region's name */
};

struct cells_refs {
	struct board_ref *v;
	size_t n, cap;
};

/* Reads cells.yml into s and c, noting board references in refs; on
 * failure s and c hold partial state for the caller to free. */
int cells_parse(const char *path, struct spec *s, struct config *c, struct cells_refs *refs,
		struct error *err);
/* Points the references at b's regions; b may be NULL when all are indexes. */
int cells_resolve(const char *path, const struct cells_refs *refs, const struct board *b,
		  struct error *err);
void cells_refs_free(struct cells_refs *refs);

/* project_load without project_ready: the files only (for the benchmark). */
int project_load_files(struct project *p, const char *dir, struct error *err);

bool io_system_read(struct yreader *r, struct config *c);
/* Writes the key "system". */
void io_system_write(struct ywriter *w, const struct config *c);

#endif
