/*
 * What goes onto the board: the binary .cell files of the project, the
 * inmate images and kernels its cells.yml names, and a start script for
 * people who start cells by hand. Built into PROJECT/build/ and pushed as a
 * whole to the board's remote directory.
 */
#ifndef AJ_SRC_DEPLOY_H
#define AJ_SRC_DEPLOY_H

#include <stdbool.h>
#include <stddef.h>

#include "model/project.h"
#include "src/error.h"
#include "src/link.h"
#include "src/remote.h"

struct deploy_cell {
	char *name;
	char *cell_file;         /* local path of the .cell */
	char *image;             /* local inmate image, or NULL */
	char *params;            /* the inmate's command line, or NULL */
	char *kernel, *dtb, *initrd;
	char *cmdline;
	char *expect;            /* console regex for autojail test */
};

struct deploy {
	char *dir;               /* the local build directory */
	char *system_file;       /* the root cell's .cell */
	char *start_script;
	char *net_up, *net_down;    /* the virtual switch's bridge scripts, or NULL */
	struct deploy_cell *cells;
	size_t n_cells;
};

/* Writes the .cell files and the start script into PROJECT/build/, and for
 * Linux guests without a device tree of their own the generated one
 * (compiled with dtc). Refuses when validation reports errors, unless force. */
int deploy_build(struct project *p, bool force, struct deploy *d, struct error *err);
void deploy_free(struct deploy *d);
/* Uploads everything into remote_dir (unchanged files are skipped); prints
 * progress unless quiet. */
int deploy_push(struct link *l, const struct deploy *d, const char *remote_dir, bool quiet,
		struct error *err);
/* Called before each file a push checks or sends: i of n, the path on the
 * board. */
typedef void (*deploy_progress_fn)(void *ctx, const char *remote, size_t i, size_t n);
/* deploy_push for front ends that show progress themselves (the TUI):
 * nothing is printed; *sent and *total (may be NULL) count the files. */
int deploy_push_with(struct link *l, const struct deploy *d, const char *remote_dir,
		     deploy_progress_fn progress, void *ctx, size_t *sent, size_t *total,
		     struct error *err);
/* The cells as the board will see them after a push, paths under
 * remote_dir; only names given (all when n_names is 0). Free with free()
 * after freeing the paths with deploy_remote_free. */
struct remote_cell *deploy_remote(const struct deploy *d, const char *remote_dir,
				  const char *const *names, size_t n_names, size_t *n,
				  struct error *err);
void deploy_remote_free(struct remote_cell *rc, size_t n);
/* The remote path of a local file after a push. */
char *deploy_remote_path(const char *remote_dir, const char *local);

#endif
