/*
 * A project: the settings of autojail.yml, the board of board.yml and the
 * partitioning of cells.yml, with the edit history and live diagnostics.
 * Front ends hold one project and change it only through model/ops.h.
 */
#ifndef AJ_MODEL_PROJECT_H
#define AJ_MODEL_PROJECT_H

#include <stdbool.h>

#include "model/board.h"
#include "model/cell.h"
#include "model/spec.h"
#include "model/validate.h"

/* Config revisions autojail writes. */
enum abi {
	ABI_V9 = 9,   /* the Jetson TX2 fork, Jailhouse v0.9.1 */
	ABI_V14 = 14, /* upstream */
};

struct settings {
	char *name;              /* project name, also the root cell's default name */
	char *board_url;         /* ssh://user@host:port, or NULL */
	enum arch arch;
	enum abi abi;
	char *jailhouse_dir;     /* Jailhouse source tree, for users who build with it */
	char *kernel_dir;        /* kernel build tree (KDIR) */
	char *cross_compile;     /* e.g. "aarch64-linux-gnu-" */
	char *board_profile;     /* bundled profile when there is no board.yml */
	char *remote_dir;        /* where push puts files on the board */
};

struct history;
struct derive_report;

struct project {
	char *dir;               /* directory holding the project files */
	struct settings settings;
	struct board board;
	struct spec spec;        /* what cells.yml asks for */
	struct config config;    /* the concrete cells: derived plus placed by hand */
	struct history *history;
	struct validator *validator;
	struct derive_report *derived; /* what the last derivation said */
	unsigned generation;     /* bumped by every change, for redraw and autosave */
	unsigned saved_generation;
};

void settings_init(struct settings *s);
void settings_free(struct settings *s);
void project_init(struct project *p);
void project_free(struct project *p);
/* Indexes the board, derives the cells from the spec, clears history and
 * validates everything. */
void project_ready(struct project *p);
static inline bool project_modified(const struct project *p)
{
	return p->generation != p->saved_generation;
}

#endif
