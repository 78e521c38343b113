/*
 * Reading and writing the project files with libyaml:
 *   autojail.yml  settings (board login, architecture, config revision, trees)
 *   board.yml     the board as extraction found it
 *   cells.yml     the partitioning: system part, root cell, guest cells
 * Sizes are written as "64 MiB" or 0x hex, CPU lists as "0,3-5", flags by
 * name. Every load error names file, line and column and what was expected;
 * every save is atomic and keeps the previous file as .bak.
 */
#ifndef AJ_SRC_PROJECT_IO_H
#define AJ_SRC_PROJECT_IO_H

#include "model/project.h"
#include "src/error.h"

#define SETTINGS_FILE "autojail.yml"
#define BOARD_FILE "board.yml"
#define CELLS_FILE "cells.yml"

int settings_load(const char *path, struct settings *s, struct error *err);
int settings_save(const char *path, const struct settings *s, struct error *err);
int board_load(const char *path, struct board *b, struct error *err);
int board_save(const char *path, const struct board *b, struct error *err);
/* Cells may refer to board regions by name or device-tree path. */
int cells_load(const char *path, const struct board *b, struct config *c, struct error *err);
int cells_save(const char *path, const struct board *b, const struct config *c,
	       struct error *err);
/* cells.yml holds the spec (root, guests, links) too: these read and write
 * both. cells_load reads and drops the spec; cells_save writes none.
 * Loaders replace their initialized output only on success and leave it
 * untouched on failure; all of them return 0, or -1 with err set. */
int cells_load_with_spec(const char *path, const struct board *b, struct spec *s,
			 struct config *c, struct error *err);
int cells_save_with_spec(const char *path, const struct board *b, const struct spec *s,
			 const struct config *c, struct error *err);

/* Loads DIR/autojail.yml, DIR/board.yml (or the profile the settings name,
 * from the bundled boards/ directory) and DIR/cells.yml when present; then
 * project_ready(). Missing autojail.yml is an error. */
int project_load(struct project *p, const char *dir, struct error *err);
/* Saves cells.yml and autojail.yml of p->dir; marks the project saved. */
int project_save(struct project *p, struct error *err);
/* The directory of bundled board profiles: $AUTOJAIL_BOARDS, the source
 * tree's boards/ when run from the build tree, or PKGDATADIR/boards. */
const char *boards_dir(void);

#endif
