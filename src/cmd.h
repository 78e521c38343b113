/*
 * The command table: one command per file (src/cmd-NAME.c), each exporting a
 * const struct cmd_entry that src/cmd.c lists. Every TUI action has a
 * command here too, so that it can be scripted.
 */
#ifndef AJ_SRC_CMD_H
#define AJ_SRC_CMD_H

#include <stdbool.h>

#include "model/project.h"
#include "src/error.h"

/* Exit codes shared by every command. */
enum {
	EXIT_OK = 0,             /* done; for check: no errors */
	EXIT_PROBLEMS = 1,       /* check found errors, or the action failed */
	EXIT_USAGE = 2,          /* bad arguments or unreadable input */
};

/* Options several commands share, described once (cmd_print_help). */
#define CMD_OPT_CONNECTION 0x1   /* --accept-new-host, --identity, ... (board-opts.c) */
#define CMD_OPT_FORCE 0x2        /* --force */

struct cmd_entry {
	const char *name;
	const char *args;        /* N_() synopsis after the name, e.g. "REGION CELL [--shared]" */
	const char *summary;     /* N_() one line for the command list */
	const char *help;        /* N_() the options, one per line, for NAME --help */
	bool hidden;             /* not in the command list (complete, for the shell) */
	unsigned options;        /* CMD_OPT_* groups its help lists after help */
	int (*exec)(int argc, char **argv);
};

/* Global options, parsed by main before the command. */
struct global_opts {
	const char *project_dir; /* -C DIR, default "." */
	bool quiet;
	bool ascii;
};
extern struct global_opts gopt;

/* The commands, one per src/cmd-NAME.c. */
extern const struct cmd_entry cmd_init_entry;
extern const struct cmd_entry cmd_show_entry;
extern const struct cmd_entry cmd_check_entry;
extern const struct cmd_entry cmd_assign_entry;
extern const struct cmd_entry cmd_extract_entry;
extern const struct cmd_entry cmd_unassign_entry;
extern const struct cmd_entry cmd_cell_entry;
extern const struct cmd_entry cmd_link_entry;
extern const struct cmd_entry cmd_irq_entry;
extern const struct cmd_entry cmd_region_entry;
extern const struct cmd_entry cmd_switch_entry;
extern const struct cmd_entry cmd_cpu_entry;
extern const struct cmd_entry cmd_hypervisor_entry;
extern const struct cmd_entry cmd_undo_entry;
extern const struct cmd_entry cmd_redo_entry;
extern const struct cmd_entry cmd_complete_entry;
extern const struct cmd_entry cmd_build_entry;
extern const struct cmd_entry cmd_push_entry;
extern const struct cmd_entry cmd_start_entry;
extern const struct cmd_entry cmd_stop_entry;
extern const struct cmd_entry cmd_status_entry;
extern const struct cmd_entry cmd_console_entry;
extern const struct cmd_entry cmd_test_entry;
extern const struct cmd_entry cmd_tui_entry;
extern const struct cmd_entry cmd_generate_entry;
extern const struct cmd_entry cmd_import_entry;
extern const struct cmd_entry cmd_dump_entry;

/* All commands, NULL-terminated, in the order the help lists them. */
extern const struct cmd_entry *const cmd_table[];
const struct cmd_entry *cmd_find(const char *name);
/* Prints "Usage: autojail NAME ARGS" and the command's help to stdout. */
void cmd_print_help(const struct cmd_entry *e);
/* Handles --help for a command: returns true when it printed help. */
bool cmd_wants_help(const struct cmd_entry *e, int argc, char **argv);
/* Prints "autojail: TEXT" to stderr and returns EXIT_USAGE (for usage errors). */
int cmd_usage_error(const struct cmd_entry *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Loads the project in gopt.project_dir (or the bundled default board when
 * there is none and allow_default is set), validated. Prints the error and
 * returns EXIT_USAGE on failure. */
int cmd_load_project(struct project *p, bool allow_default);
/* Lists the errors the change since diag_mark_take(before) added, those
 * about the cell or region it touched first (DIAG_NONE: none), as assign
 * and every editing command print them; frees the mark. */
void cmd_report_added(struct project *p, struct diag_mark *before, uint32_t cell_id,
		      uint32_t region_id);
/* A diagnostic's severity for people, translated ("error", "warning",
 * "note"); severity_name() is the stable English word for tools. */
const char *cmd_severity_label(enum severity s);
/* Saves cells.yml (and autojail.yml) atomically; prints the error on failure. */
int cmd_save_project(struct project *p);
/* The problems of a severity check lists: the rules' diagnostics and
 * derivation's messages; show and check count with these, so they agree. */
size_t cmd_problem_count(const struct project *p, enum severity sev);
/* The errors and warnings check lists about the cell. */
size_t cmd_cell_problems(const struct project *p, const struct cell *c);
/* What init writes when not told otherwise (src/cmd-init.c), for every
 * command that makes a project: the settings, and the name of DIR. */
void cmd_settings_defaults(struct settings *s);
char *cmd_project_name(const char *dir);

#endif
