/*
 * Jailhouse configuration output and input: binary .cell files of config
 * revision 14 (upstream) and 9 (the Jetson TX2 fork of Jailhouse v0.9.1), the
 * C sources Jailhouse's build compiles into the same bytes, the import of
 * existing .cell files and a readable listing of them.
 *
 * A root cell is written as a "system" file (jailhouse_system followed by the
 * root cell's arrays); every other cell as a cell file. Everything the model
 * holds that the chosen revision cannot express is an error, never silently
 * dropped (except a guest's console in revision 9, which has no place for
 * it and whose inmates find their UART themselves), and an import either
 * keeps every byte of the file or fails: so emit(import(file)) == file for
 * every file import accepts.
 */
#ifndef AJ_EMIT_EMIT_H
#define AJ_EMIT_EMIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "emit/bytes.h"
#include "model/cell.h"
#include "model/project.h"

#define EMIT_ERROR_LEN 512

/* A translated sentence naming the cell, or the file and byte offset. */
struct emit_error {
	char text[EMIT_ERROR_LEN];
};

/* The binary .cell of a cell (a system file for the root cell), appended to out. */
int emit_cell_binary(const struct config *c, const struct cell *cell, enum abi abi,
		     struct emit_buf *out, struct emit_error *err);
/* The same configuration as C source in the style of Jailhouse's configs/. */
int emit_cell_c(const struct config *c, const struct cell *cell, enum abi abi,
		struct emit_buf *out, struct emit_error *err);
/* The file names generate uses: NAME.cell and NAME.c, the name made safe. */
char *emit_file_base(const struct cell *cell);

/* What an imported file was. */
struct import_info {
	enum abi abi;
	bool system;             /* a root ("system") configuration */
	enum arch arch;          /* from the file (revision 14) or the default given */
};

/*
 * Parses a .cell file and adds its cell to c: a system file becomes the root
 * cell (c must have none yet) and sets c->sys and c->arch; a cell file adds a
 * guest cell. name is only used in messages. Revision 9 files carry no
 * architecture: default_arch is taken. On error c is left unchanged.
 */
int emit_import(struct config *c, const char *name, const uint8_t *data, size_t len,
		enum arch default_arch, struct import_info *info, struct emit_error *err);

/* Prints a readable listing of a parsed .cell file. */
void emit_dump(FILE *out, const struct config *c, const struct cell *cell,
	       const struct import_info *info);

#endif
