/*
 * The saved states of cells.yml, for `autojail undo` and `autojail redo`.
 * Each CLI command is a process of its own, so the editor's undo history
 * cannot span two of them; instead every save that changes cells.yml first
 * keeps what it replaces, in .autojail-history/ beside it. Undo puts the
 * newest kept state back and keeps the replaced one for redo; a save that
 * is neither empties the redo side, as a new edit does in the editor.
 */
#ifndef AJ_SRC_SAVE_HISTORY_H
#define AJ_SRC_SAVE_HISTORY_H

#include <stdbool.h>
#include <stddef.h>

#include "src/error.h"

#define HISTORY_DIR ".autojail-history"
#define HISTORY_MAX 100      /* undo steps kept; older ones are dropped */

/* What project_save calls around writing cells.yml in dir: save_history_begin
 * keeps the current file (or that there was none) as the next undo step;
 * save_history_end, once the new file is written, drops the redo side when the
 * file changed and forgets the step when it did not, so that a save that
 * changed nothing is no step. */
int save_history_begin(const char *dir, unsigned *step, struct error *err);
void save_history_end(const char *dir, unsigned step);

/* Puts cells.yml back one step (redo: forward). Returns 0, 1 when there is
 * no step to go, -1 with err set. *left is how many steps remain that way. */
int save_history_step(const char *dir, bool redo, size_t *left, struct error *err);

#endif
