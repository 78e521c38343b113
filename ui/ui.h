/*
 * The insides of the TUI, shared by its files: requests (what a key or a
 * mouse gesture asks for), views (panels as objects with a const ops table),
 * the drag-and-drop carry, and the state of one session.
 */
#ifndef AJ_UI_UI_H
#define AJ_UI_UI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

#include "model/project.h"
#include "src/remote.h"
#include "ui/requests.h"
#include "ui/tui.h"

/* One request enum for keys and mouse: keys map to these through keymap.c,
 * and the list itself is in requests.h. */
#define REQUEST_ENUM(name, keys, help, handler) REQ_##name,
enum request { REQ_NONE, REQUESTS(REQUEST_ENUM) REQ_COUNT };
#undef REQUEST_ENUM

/* An input event: a key, a mouse gesture or a new terminal size. */
enum event_type { EV_NONE, EV_KEY, EV_MOUSE, EV_RESIZE };
enum mouse_action { MOUSE_PRESS, MOUSE_DRAG, MOUSE_RELEASE, MOUSE_WHEEL_UP, MOUSE_WHEEL_DOWN };

struct event {
	enum event_type type;
	int key;                 /* a character, or a curses KEY_ code when fkey */
	bool fkey;
	enum mouse_action action;
	int x, y;                /* mouse position, or the new size for EV_RESIZE */
};

/* keymap.c */
enum request keymap_request(const struct event *ev);
/* "Down", "F2", "C-r", "q": the names scripts and the help use. */
bool keymap_parse(const char *name, struct event *ev);
const char *request_keys(enum request r, char *buf, size_t len);
const char *request_help(enum request r);
/* The requests in the order the help lists them; REQ_NONE past the end. */
enum request request_help_nth(size_t i);

/* The thing the user selected in some view; the detail form shows it. */
enum sel_kind { SEL_NONE, SEL_BOARD_REGION, SEL_CELL, SEL_CELL_REGION, SEL_CPU, SEL_IRQ, SEL_DIAG };
struct selection {
	enum sel_kind kind;
	uint32_t id;             /* board region, cell, cell region, CPU, IRQ or diag index */
	uint32_t cell;           /* the cell of a cell region */
};

/* What a pick-up carries to a drop target (a cell, or the switch for a cell). */
struct carry {
	bool active;
	enum sel_kind kind;      /* SEL_BOARD_REGION, SEL_CELL_REGION, SEL_CPU, SEL_IRQ or SEL_CELL */
	uint32_t id;
	uint32_t from_cell;      /* for a cell region */
	int origin_view;         /* focus to return to when cancelled */
	char label[96];
};

struct tui;
struct view;

struct view_ops {
	const char *title;       /* N_() */
	int header_rows;         /* rows below the title before the list starts */
	void (*init)(struct view *v, struct tui *t);
	void (*fini)(struct view *v);
	/* The model or the view's own state changed: recount the rows. */
	void (*update)(struct view *v, struct tui *t);
	/* The title line after the name (column heads), and extra header rows. */
	void (*draw_header)(struct view *v, struct tui *t, int y, int x, int w);
	void (*draw_row)(struct view *v, struct tui *t, size_t row, int y, int x, int w,
			 bool cursor);
	/* The row under a screen position (mouse hit-test); NULL means a list
	 * row under the position, as view_hit does. */
	bool (*hit)(struct view *v, struct tui *t, int y, int x, size_t *row);
	/* View-specific requests; false leaves them to the generic handler. */
	bool (*request)(struct view *v, struct tui *t, enum request r);
	/* What the row is, for the detail form and the problems' jumps. */
	bool (*select)(struct view *v, struct tui *t, size_t row, struct selection *s);
	/* Fills in what picking the row up carries; false when it carries nothing. */
	bool (*pick)(struct view *v, struct tui *t, size_t row, struct carry *c);
	/* The cell a drop on the row goes to, or -1. */
	int64_t (*drop_cell)(struct view *v, struct tui *t, size_t row);
	/* Moves the cursor to the object; false when the view does not show it. */
	bool (*find)(struct view *v, struct tui *t, const struct selection *s);
};

enum view_id { VIEW_MEMORY, VIEW_CELLS, VIEW_CPUS, VIEW_IRQS, VIEW_PROBLEMS, VIEW_DETAIL,
	       VIEW_SWITCH, VIEW_BOARD, VIEW_COUNT };

struct view {
	const struct view_ops *ops;
	int y, x, h, w;          /* the rectangle, title row included */
	bool shown;
	bool dirty;
	size_t n_rows, cursor, top;
	void *data;
};

/* Display facts derived from the model once per generation (facts.c). */
struct facts {
	unsigned generation;
	size_t n_board;
	uint64_t *owners;        /* per board region: bit i = config.cells[i] holds it */
	signed char *board_sev;  /* per board region: worst severity, -1 none */
	unsigned *cell_problems; /* per cell index */
	int addr_digits;         /* hex digits the widest address needs */
};

enum mode { MODE_NORMAL, MODE_HELP, MODE_PROMPT };

/* What the prompt's answer is for. */
enum prompt_kind { PROMPT_SEARCH, PROMPT_NEW_CELL, PROMPT_FIELD, PROMPT_QUIT, PROMPT_DELETE_CELL, PROMPT_LINK,
		   PROMPT_HOST, PROMPT_PASSWORD };

struct prompt {
	enum prompt_kind kind;
	char label[128];
	wchar_t text[256];
	size_t len, pos;
	int field;               /* detail field being edited */
	struct selection target;
	char host[256];          /* PROMPT_HOST: the board and its key's fingerprint */
	char fingerprint[512];
	bool echo;               /* PROMPT_PASSWORD: whether the answer may be shown */
};

/* Board actions (job.c), run in a worker thread. */
enum job_action { JOB_BUILD, JOB_PUSH, JOB_START, JOB_STOP, JOB_STATUS };
enum job_question { JQ_NONE, JQ_HOST, JQ_PASSWORD };

/* What the board pane shows of the last action; the main thread's copy. */
struct progress {
	bool shown;              /* the board pane is on screen */
	bool running;
	bool cancelling;
	bool failed;
	bool follow;             /* the cursor follows the newest step */
	enum job_action action;
	char **steps;
	size_t n, cap;
};

struct tui {
	struct project *p;
	struct tui_opts opts;
	bool color, unicode, mouse;
	int cols, rows;
	enum mode mode;
	bool too_small;           /* below 80x24: only a notice is drawn */
	struct view views[VIEW_COUNT];
	int focus;
	struct selection sel;
	int sel_view;            /* the view sel comes from */
	struct carry carry;
	int64_t drop_cell;       /* highlighted drop target, -1 none */
	bool drop_switch;        /* a carried cell is over the switch */
	int bar_y;               /* row of the action bar, -1 when it has no room */
	int press_view;          /* view a mouse button went down in, -1 none */
	bool button_down;        /* from a press (or motion standing in for it) to release */
	size_t press_row;
	struct facts facts;
	struct prompt prompt;
	char search[128];
	int help_top;             /* first line of the help shown */
	char msg[320];
	int msg_sev;             /* enum severity, or -1 for plain news */
	unsigned drawn_generation;
	bool full_redraw;
	bool quit;
	struct job *job;         /* the worker of board actions, NULL before the first */
	struct progress progress;
	struct remote_state board;  /* the board's state as last read */
	bool board_known;
	void *screen;            /* the curses SCREEN */
	void *dev_null_in, *dev_null_out;
};

extern const struct view_ops memory_view_ops, cells_view_ops, cpus_view_ops, irqs_view_ops,
	problems_view_ops, detail_view_ops, switch_view_ops, board_view_ops;

/* The graphical map of the address space at the top of the memory pane
 * (memory-map.c): a virtual row of columns, zoomed by powers of two. */
struct memory_map {
	int zoom;                /* the row is (width << zoom) columns */
	bool recentre;           /* centre on the cursor's region at the next frame */
	size_t offset;           /* first virtual column shown */
	int x;                   /* screen column of the first map column */
	size_t n_cols;
	uint64_t *col_start, *col_size;  /* per virtual column; size 0: folded hole */
	size_t laid_regions;     /* what the columns were laid out for */
	int laid_w, laid_zoom;
};

void memory_map_draw(struct memory_map *mm, struct tui *t, int y, int x, int w,
		     const struct board_region *cursor);
void memory_map_zoom(struct memory_map *mm, int step);
void memory_map_legend(const struct tui *t, int y, int x, int w);
/* The board region under screen column x of the map. */
bool memory_map_at(const struct memory_map *mm, const struct board *b, int x, uint32_t *id);
void memory_map_free(struct memory_map *mm);

/* tui.c */
void tui_focus(struct tui *t, int view);
void tui_dirty_all(struct tui *t);
void tui_message(struct tui *t, int severity, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void tui_feed(struct tui *t, const struct event *ev);
void tui_selection_changed(struct tui *t);

/* view.c: the generic list behaviour every view shares. */
void view_draw(struct view *v, struct tui *t);
bool view_request(struct view *v, struct tui *t, enum request r);
void view_set_cursor(struct view *v, struct tui *t, size_t row);
/* The list row under a screen position inside the view. */
bool view_hit(struct view *v, struct tui *t, int y, int x, size_t *row);
void view_scroll(struct view *v, int delta);

bool memory_search(struct view *v, struct tui *t, const char *text);
void memory_zoom(struct view *v, struct tui *t, int step);

/* layout.c */
void layout_apply(struct tui *t);
/* True when a long message covered rows of the panes, to be drawn again. */
bool layout_draw_frame(struct tui *t);
/* actionbar.c */
void actionbar_draw(struct tui *t, int y);
enum request actionbar_at(const struct tui *t, int x);
void layout_draw_too_small(struct tui *t);

/* facts.c */
void facts_update(struct tui *t);
void facts_free(struct facts *f);
/* The selection in full, for the status line; empty when nothing is selected. */
void facts_selection_text(const struct tui *t, char *buf, size_t len);
char cell_tag(size_t cell_index);
const char *cell_name_by_id(const struct tui *t, uint32_t id);
/* Owner names of a board region joined by ",", tags when narrow. */
void facts_owner_text(const struct tui *t, uint32_t board_region, bool tags, char *buf,
		      size_t len);
/* The guest (else root) cell region that uses a board region, or NULL. */
const struct cell_region *facts_region_use(const struct tui *t, uint32_t board_region,
					   uint32_t *cell_id);
void format_addr(const struct tui *t, uint64_t a, char *buf, size_t len);

/* draw.c */
enum color_role { COL_TITLE, COL_TITLE_FOCUS, COL_CURSOR, COL_ERROR, COL_WARNING, COL_DROP,
		  COL_DIM, COL_STATUS };
#define CELL_COLORS 6
void draw_init(struct tui *t);
int draw_attr(const struct tui *t, enum color_role role);
int draw_cell_attr(const struct tui *t, size_t cell_index);
/* Writes UTF-8 text at (y, x) clipped to w display columns, padding with blanks
 * when pad is set; returns the columns used. */
int draw_text(int y, int x, int w, int attr, bool pad, const char *s);
int draw_textf(int y, int x, int w, int attr, bool pad, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
void draw_fill(int y, int x, int w, int attr);
/* An attribute added to all text drawn until it is set back to 0. */
void draw_set_extra(int attr);
int text_width(const char *s);
/* Display width of the first N wide characters of S. */
int wtext_width(const wchar_t *s, size_t n);
void draw_vline(const struct tui *t, int y, int x, int h, int attr);
void draw_box(const struct tui *t, int y, int x, int h, int w, int attr);
/* Glyphs in UTF-8 or ASCII. */
/* GL_RUNNING and GL_STOPPED mark a cell the board runs or holds stopped. */
enum glyph { GL_ERROR, GL_WARNING, GL_FOLDED, GL_UNFOLDED, GL_CARRY, GL_RUNNING, GL_STOPPED,
	     GL_FOCUS, GL_COUNT };
const char *glyph(const struct tui *t, enum glyph g);
const char *glyph_severity(const struct tui *t, int sev);
int attr_severity(const struct tui *t, int sev);

/* actions.c: what requests do to the model. */
void action_pick(struct tui *t);
void action_drop(struct tui *t, uint32_t cell_id);
void action_cancel_carry(struct tui *t);
void action_undo(struct tui *t, bool redo);
void action_save(struct tui *t);
void action_quit(struct tui *t);
void action_new_cell(struct tui *t);
void action_link(struct tui *t);
void action_edit(struct tui *t);
void action_delete(struct tui *t);
void action_search(struct tui *t);
void action_prompt_search(struct tui *t, const char *answer);
void action_jump(struct tui *t, const struct selection *s);
void action_board(struct tui *t, enum job_action a);
/* Puts the cell on the virtual switch. */
void action_join_switch(struct tui *t, uint32_t cell_id);
void action_prompt_done(struct tui *t, const char *answer);
/* Whether a prompt's answer is yes (prompt.c). */
bool prompt_yes(const char *answer);

/* job.c */
const char *job_action_name(enum job_action a);
int job_begin(struct tui *t, enum job_action action);
bool job_running(const struct tui *t);
/* Takes the worker's news (steps, board state, questions, the end) into the
 * session; true when something changed. */
bool job_poll(struct tui *t);
/* Answers the question the worker waits on; the password is copied once
 * more for the link, which forgets it after use. */
void job_answer(struct tui *t, bool accept, const char *password);
void job_cancel(struct tui *t);
void job_settle(struct tui *t);
void job_close_pane(struct tui *t);
void job_free(struct tui *t);

/* view-switch.c: whether the project has a switch to show. */
bool switch_shown(const struct tui *t);

/* prompt.c */
void prompt_open(struct tui *t, enum prompt_kind kind, const char *label, const char *initial);
void prompt_key(struct tui *t, const struct event *ev);
void prompt_draw(struct tui *t);
void help_draw(struct tui *t);

/* detail view: editing a field of the selection. */
bool detail_field_value(struct tui *t, int field, char *buf, size_t len, const char **label);
int detail_field_apply(struct tui *t, int field, const char *text, char *why);

/* term.c */
bool term_open(struct tui *t, char *err, size_t len);
void term_close(struct tui *t);
bool term_read(struct tui *t, struct event *ev);
void term_suspend(struct tui *t);

#endif
