/*
 * The full-screen front end, as the rest of autojail sees it: open a TUI on a
 * loaded project, either on the user's terminal or on a virtual screen that a
 * script drives (for tests and benchmarks), run it, close it.
 */
#ifndef AJ_UI_TUI_H
#define AJ_UI_TUI_H

#include <stdbool.h>
#include <stddef.h>

#include "model/project.h"

struct tui;

/* What a save did, in one translated line for the status bar, or why it failed. */
typedef int (*tui_save_fn)(struct project *p, char *report, size_t len);

struct tui_opts {
	bool virtual_screen;     /* render off screen: no terminal needed */
	int cols, rows;          /* size of the virtual screen */
	bool ascii;              /* plain ASCII line drawing and glyphs */
	tui_save_fn save;        /* writes the project; NULL disables saving */
};

/* Opens the screen; returns NULL with a message in err (ERROR_LEN bytes). */
struct tui *tui_open(struct project *p, const struct tui_opts *o, char *err, size_t len);
void tui_close(struct tui *t);
/* Reads the terminal and runs until the user quits. */
int tui_run(struct tui *t);
/* Draws what changed since the last frame. */
void tui_frame(struct tui *t);
/* Runs a script of key, text, mouse, resize and expect lines (see ui/script.c).
 * Returns 0, 1 when an expectation failed, 2 on a malformed script; msg names
 * the script's file and line. */
int tui_script(struct tui *t, const char *path, char *msg, size_t len);
/* Writes the screen as UTF-8 text, one line per row, trailing blanks removed. */
int tui_dump(struct tui *t, const char *path, char *msg, size_t len);
/* The save the editor uses: cells.yml, then the files autojail generate
 * writes, into DIR/generated/, unless errors remain (ui/save.c). */
int tui_save_project(struct project *p, char *report, size_t len);

#endif
