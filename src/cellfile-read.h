/*
 * Reading .cell files from disk for import and dump: the whole file, with
 * errors that name it, then emit_import() on the bytes.
 */
#ifndef AJ_SRC_CELL_IO_H
#define AJ_SRC_CELL_IO_H

#include "emit/emit.h"
#include "src/error.h"

/* Parses the file at path and adds its cell to c (see emit_import). */
int cell_file_import(struct config *c, const char *path, enum arch default_arch,
		     struct import_info *info, struct error *err);

#endif
