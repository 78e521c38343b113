/*
 * Writing cells.yml by its tables (yaml-cells.c), leaving out derived
 * regions and zero values; here are the keys of a cell region that depend
 * on the board. A cell region is one line, so that a diff of two saves
 * shows which regions changed.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "po/i18n.h"
#include "model/util.h"
#include "src/yaml-cells.h"
#include "src/project-io.h"

/*
 * A region's name when it leads back to this region, else its device-tree
 * path, else its index; names that look like numbers are quoted by yw_str,
 * so that the reader never takes them for an index.
 */
void cells_write_region_board(struct ywriter *w, const struct yfield *f, const void *obj,
			      void *ctx)
{
	struct cells_writer *cw = ctx;
	int32_t index = ((const struct cell_region *)obj)->board_region;
	const struct board_region *reg;

	if (index < 0)
		return;
	if (!cw->b || (size_t)index >= cw->b->n_regions) {
		yw_dec(w, f->key, (uint64_t)index);
		return;
	}
	if (!cw->names.slots)
		board_names_build(&cw->names, cw->b);
	reg = &cw->b->regions[index];
	if (cw->names.leads[index] & BOARD_NAME_LEADS)
		yw_str(w, f->key, reg->name);
	else if (cw->names.leads[index] & BOARD_PATH_LEADS)
		yw_str(w, f->key, reg->dt_path);
	else
		yw_dec(w, f->key, (uint64_t)index);
}

/* Whether the reader, given the board reference, restores the name. */
static bool name_from_board(const struct cells_writer *cw, const struct cell_region *reg)
{
	const char *board_name;

	if (reg->board_region < 0 || !cw->b || (size_t)reg->board_region >= cw->b->n_regions)
		return false;
	board_name = cw->b->regions[reg->board_region].name;
	return reg->name && board_name && !strcmp(reg->name, board_name);
}

/* What the reader fills in by default is left out; see region_done. */
void cells_write_region_name(struct ywriter *w, const struct yfield *f, const void *obj,
			     void *ctx)
{
	const struct cell_region *reg = obj;

	/* A region of the user's own without a name has an empty one in the
	 * model (the operations keep a name always); the file says nothing. */
	if (name_from_board(ctx, reg) || (reg->board_region < 0 && reg->name && !reg->name[0]))
		return;
	if (reg->name)
		yw_str(w, f->key, reg->name);
	else if (reg->board_region >= 0)
		yw_plain_kv(w, f->key, "~");
}

void cells_write_region_virt(struct ywriter *w, const struct yfield *f, const void *obj,
			     void *ctx)
{
	const struct cell_region *reg = obj;

	(void)ctx;
	if (reg->virt != reg->phys)
		yw_hex(w, f->key, reg->virt);
}

void cells_write_region_origin(struct ywriter *w, const struct yfield *f, const void *obj,
			       void *ctx)
{
	const struct cell_region *reg = obj;

	(void)ctx;
	if (reg->origin != (reg->board_region >= 0 ? ORIGIN_BOARD : ORIGIN_USER))
		yw_enum(w, f->key, origin_names, reg->origin);
}

int cells_save_with_spec(const char *path, const struct board *b, const struct spec *s,
			 const struct config *c, struct error *err)
{
	struct ywriter w;
	struct cells_writer cw = { .b = b };
	const void *parts[] = { s, c };
	bool ok;

	yw_open(&w, path, _("autojail cells: the spec and the configured cells; see "
			    "doc/file-formats.md"), err);
	ys_write(&w, NULL, &cells_schema, parts, &cw);
	ok = yw_close(&w);
	board_names_free(&cw.names);
	return ok ? 0 : -1;
}

int cells_save(const char *path, const struct board *b, const struct config *c,
	       struct error *err)
{
	return cells_save_with_spec(path, b, NULL, c, err);
}
