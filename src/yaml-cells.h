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
/* The spec's tables (yaml-spec.c, yaml-network.c) and the system part's
 * (yaml-system.c), which the cells file's table (yaml-cells.c) puts together. */
extern const struct yschema root_spec_schema, guest_schema, link_schema, network_schema;
extern const struct yschema system_schema;

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

/* What the readers of cells.yml share: the configuration being filled,
 * the references to the board, the cell whose regions are read, and an
 * interrupt list waiting for its pin_base. */
struct cells_reader {
	struct config *c;
	struct cells_refs *refs;
	struct cell *cell;
	char *irq_list;
	unsigned irq_line, irq_column;
};

/* What the writer needs to name board regions. */
struct cells_writer {
	const struct board *b;
	struct board_names names;
};

/* yaml-cells-save.c: a cell region's keys that depend on its board region
 * (the context is a struct cells_writer). */
void cells_write_region_name(struct ywriter *w, const struct yfield *f, const void *obj,
			     void *ctx);
void cells_write_region_virt(struct ywriter *w, const struct yfield *f, const void *obj,
			     void *ctx);
void cells_write_region_board(struct ywriter *w, const struct yfield *f, const void *obj,
			      void *ctx);
void cells_write_region_origin(struct ywriter *w, const struct yfield *f, const void *obj,
			       void *ctx);

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

#endif
