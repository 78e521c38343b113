/*
 * Every request of the editor, once. Adding one means adding a line here:
 * the enum, the key bindings, the help screen and the dispatcher all come
 * from this list.
 *
 * R(NAME, KEYS, HELP, HANDLER)
 *   NAME     REQ_NAME in enum request.
 *   KEYS     the default keys, as scripts name them (keymap_parse), with
 *            spaces between. Every function or cursor key has a plain
 *            character beside it: vt100 and serial consoles send neither
 *            Shift-Tab nor PgUp/PgDn nor F-keys.
 *   HELP     the help screen's line, N_().
 *   HANDLER  what runs it when no view took it first (tui.c), or NULL when
 *            only the views act on it (movement).
 *
 * The help lists the requests in this order: what people need first.
 */
#ifndef AJ_UI_REQUESTS_H
#define AJ_UI_REQUESTS_H

#define REQUESTS(R) \
	R(PICK, "Space", \
	  N_("pick up a region, CPU, interrupt, or a cell for the switch"), req_pick) \
	R(ENTER, "Enter", N_("pick up, drop, jump to a problem, edit a field"), req_pick) \
	R(CANCEL, "Esc", N_("cancel a drag, prompt or board action; close board pane"), \
	  req_cancel) \
	R(FOCUS_NEXT, "Tab ]", N_("next pane (during a drag: next drop target)"), req_focus) \
	R(FOCUS_PREV, "BTab [", N_("previous pane (during a drag: previous drop target)"), \
	  req_focus) \
	R(SEARCH, "/ F3", N_("search by name, path, compatible, alias, label, address"), \
	  req_search) \
	R(SEARCH_NEXT, "N", N_("next match of the last search"), req_search) \
	R(SAVE, "s F2", N_("save cells.yml and emit the configurations"), req_save) \
	R(QUIT, "q F10 C-c", N_("quit (asks when there are unsaved changes)"), req_quit) \
	R(UNDO, "u", N_("undo"), req_undo) \
	R(REDO, "C-r", N_("redo"), req_undo) \
	R(NEW, "n F7", N_("new guest cell"), req_new) \
	R(LINK, "L", N_("link the selected cell with another by shared memory"), req_link) \
	R(EDIT, "e F4", N_("edit the selected cell, region or field"), req_edit) \
	R(DELETE, "d F8 Delete", N_("unassign, revoke, delete a cell; take one off the switch"), \
	  req_delete) \
	R(HELP, "? F1", N_("this help"), req_help) \
	R(UP, "Up k", N_("move up"), NULL) \
	R(DOWN, "Down j", N_("move down"), NULL) \
	R(LEFT, "Left h", N_("fold the tree node, or go to its parent"), NULL) \
	R(RIGHT, "Right l", N_("unfold the tree node, or go to its first child"), NULL) \
	R(FOLD, "z", N_("fold or unfold"), NULL) \
	R(PAGE_UP, "PgUp C-b <", N_("page up"), NULL) \
	R(PAGE_DOWN, "PgDn C-f >", N_("page down"), NULL) \
	R(HOME, "Home g", N_("first row"), NULL) \
	R(END, "End G", N_("last row"), NULL) \
	R(ZOOM_IN, "+ =", N_("memory map: zoom in around the cursor"), req_zoom) \
	R(ZOOM_OUT, "-", N_("memory map: zoom out"), req_zoom) \
	R(BUILD, "b F5", N_("build the cells into build/ (board pane shows the steps)"), \
	  req_board) \
	R(PUSH, "p F6", N_("build and push them to the board"), req_board) \
	R(START, "x F9", N_("build, push and start them on the board"), req_board) \
	R(STOP, "X F11", N_("stop the guest cells on the board"), req_board) \
	R(STATUS, "r F12", N_("read the board's state (hypervisor, cells, their states)"), \
	  req_board) \
	R(REDRAW, "C-l", N_("redraw the screen"), req_redraw) \
	R(SUSPEND, "C-z", N_("suspend to the shell"), req_suspend)

#endif
