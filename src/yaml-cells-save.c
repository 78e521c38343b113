/*
 * Writing cells.yml: the spec, the system part and every cell, leaving out
 * derived regions and zero values. A cell region is one line, so that a diff
 * of two saves shows which regions changed.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "po/i18n.h"
#include "model/util.h"
#include "src/yaml-cells.h"
#include "src/project-io.h"

struct cells_writer {
	struct ywriter *w;
	const struct board *b;
	struct board_names names;
};

/*
 * A region's name when it leads back to this region, else its device-tree
 * path, else its index; names that look like numbers are quoted by yw_str,
 * so that the reader never takes them for an index.
 */
static void write_board_ref(struct cells_writer *cw, int32_t index)
{
	const struct board_region *reg;

	if (!cw->b || index < 0 || (size_t)index >= cw->b->n_regions) {
		yw_dec(cw->w, "board", (uint64_t)index);
		return;
	}
	if (!cw->names.slots)
		board_names_build(&cw->names, cw->b);
	reg = &cw->b->regions[index];
	if (cw->names.leads[index] & BOARD_NAME_LEADS)
		yw_str(cw->w, "board", reg->name);
	else if (cw->names.leads[index] & BOARD_PATH_LEADS)
		yw_str(cw->w, "board", reg->dt_path);
	else
		yw_dec(cw->w, "board", (uint64_t)index);
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

/* What the reader fills in by default is left out; see read_region. */
static void write_region(struct cells_writer *cw, const struct cell_region *reg)
{
	struct ywriter *w = cw->w;
	bool from_board = reg->board_region >= 0;

	yw_map_begin(w, true);
	if (!name_from_board(cw, reg)) {
		if (reg->name)
			yw_str(w, "name", reg->name);
		else if (from_board)
			yw_plain_kv(w, "name", "~");
	}
	yw_hex(w, "phys", reg->phys);
	if (reg->virt != reg->phys)
		yw_hex(w, "virt", reg->virt);
	yw_size(w, "size", reg->size);
	yw_flags(w, "flags", mem_flag_names, reg->flags);
	if (from_board)
		write_board_ref(cw, reg->board_region);
	if (reg->origin != (from_board ? ORIGIN_BOARD : ORIGIN_USER))
		yw_enum(w, "origin", origin_names, reg->origin);
	yw_map_end(w);
}

static void write_irqchip(struct ywriter *w, const struct cell_irqchip *chip)
{
	yw_map_begin(w, false);
	yw_hex(w, "address", chip->address);
	if (chip->id)
		yw_dec(w, "id", chip->id);
	yw_dec(w, "pin_base", chip->pin_base);
	yw_irq_list(w, "interrupts", chip->pin_base, 128, chip->pin_bitmap);
	yw_map_end(w);
}

static void write_pci(struct ywriter *w, const struct cell_pci *p)
{
	size_t nbars = ARRAY_SIZE(p->bar_mask);

	while (nbars && !p->bar_mask[nbars - 1])
		nbars--;
	yw_map_begin(w, false);
	yw_enum(w, "type", pci_type_names, p->type);
	yw_bdf(w, "bdf", p->bdf);
	if (nbars) {
		yw_seq_begin(w, "bar_mask", true);
		for (size_t i = 0; i < nbars; i++)
			yw_hex(w, NULL, p->bar_mask[i]);
		yw_seq_end(w);
	}
	if (p->shmem_protocol)
		yw_enum(w, "shmem_protocol", protocol_names, p->shmem_protocol);
	io_fields_write(w, pci_fields, n_pci_fields, p);
	yw_map_end(w);
}

static void write_pio(struct ywriter *w, const uint8_t *pio, size_t size)
{
	char *hex = xmalloc(2 * size + 1);

	for (size_t i = 0; i < size; i++)
		snprintf(hex + 2 * i, 3, "%02x", pio[i]);
	hex[2 * size] = '\0';
	yw_quoted(w, "pio", hex);
	free(hex);
}

static bool console_set(const struct console *con)
{
	static const struct console zero;

	return memcmp(con, &zero, sizeof(zero)) != 0;
}

static size_t saved_regions(const struct cell *cell)
{
	size_t n = 0;

	for (size_t i = 0; i < cell->n_regions; i++)
		n += cell->regions[i].origin != ORIGIN_DERIVED;
	return n;
}

static void write_cell(struct cells_writer *cw, const struct cell *cell)
{
	struct ywriter *w = cw->w;
	size_t i;

	yw_map_begin(w, false);
	yw_str(w, "name", cell->name);
	if (cell->root)
		yw_bool(w, "root", true);
	yw_enum(w, "type", cell_type_names, cell->type);
	if (cell->flags)
		yw_flags(w, "flags", cell_flag_names, cell->flags);
	yw_cpus(w, "cpus", cell->cpus);
	if (cell->cpu_set_size != 8)
		yw_dec(w, "cpu_set_size", cell->cpu_set_size);
	if (cell->cpu_reset_address)
		yw_hex(w, "cpu_reset_address", cell->cpu_reset_address);
	if (cell->vpci_irq_base)
		yw_dec(w, "vpci_irq_base", cell->vpci_irq_base);
	if (cell->msg_reply_timeout)
		yw_dec(w, "msg_reply_timeout", cell->msg_reply_timeout);
	if (console_set(&cell->console)) {
		yw_key(w, "console");
		yw_map_begin(w, false);
		io_console_write(w, &cell->console);
		yw_map_end(w);
	}
	if (saved_regions(cell)) {
		yw_seq_begin(w, "regions", false);
		for (i = 0; i < cell->n_regions; i++)
			if (cell->regions[i].origin != ORIGIN_DERIVED)
				write_region(cw, &cell->regions[i]);
		yw_seq_end(w);
	}
	if (cell->n_irqchips) {
		yw_seq_begin(w, "irqchips", false);
		for (i = 0; i < cell->n_irqchips; i++)
			write_irqchip(w, &cell->irqchips[i]);
		yw_seq_end(w);
	}
	if (cell->n_pci) {
		yw_seq_begin(w, "pci", false);
		for (i = 0; i < cell->n_pci; i++)
			write_pci(w, &cell->pci[i]);
		yw_seq_end(w);
	}
	if (cell->n_caps) {
		yw_seq_begin(w, "caps", false);
		for (i = 0; i < cell->n_caps; i++) {
			yw_map_begin(w, true);
			io_fields_write(w, cap_fields, 4, &cell->caps[i]);
			yw_map_end(w);
		}
		yw_seq_end(w);
	}
	if (cell->n_caches) {
		yw_seq_begin(w, "caches", false);
		for (i = 0; i < cell->n_caches; i++) {
			yw_map_begin(w, true);
			io_fields_write(w, cache_fields, 4, &cell->caches[i]);
			yw_map_end(w);
		}
		yw_seq_end(w);
	}
	if (cell->pio_size)
		write_pio(w, cell->pio, cell->pio_size);
	if (cell->n_stream_ids) {
		yw_seq_begin(w, "stream_ids", true);
		for (i = 0; i < cell->n_stream_ids; i++)
			yw_hex(w, NULL, cell->stream_ids[i]);
		yw_seq_end(w);
	}
	yw_map_end(w);
}

int cells_save_with_spec(const char *path, const struct board *b, const struct spec *s,
			 const struct config *c, struct error *err)
{
	struct ywriter w;
	struct cells_writer cw = { .w = &w, .b = b };
	bool ok;

	yw_open(&w, path, _("autojail cells: the spec and the configured cells; see "
			    "doc/file-formats.md"), err);
	yw_map_begin(&w, false);
	if (s)
		io_spec_write(&w, s);
	io_system_write(&w, c);
	if (c->n_cells) {
		yw_seq_begin(&w, "cells", false);
		for (size_t i = 0; i < c->n_cells; i++)
			write_cell(&cw, c->cells[i]);
		yw_seq_end(&w);
	}
	yw_map_end(&w);
	ok = yw_close(&w);
	board_names_free(&cw.names);
	return ok ? 0 : -1;
}

int cells_save(const char *path, const struct board *b, const struct config *c,
	       struct error *err)
{
	return cells_save_with_spec(path, b, NULL, c, err);
}
