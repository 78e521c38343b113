/*
 * Driving the board's jailhouse command over the link: state from sysfs,
 * starting cells (enable, create, load, start) with rollback of what this
 * run did when a step fails, and stopping them.
 */
#ifndef AJ_SRC_REMOTE_H
#define AJ_SRC_REMOTE_H

#include <stdbool.h>
#include <stdint.h>

#include "src/error.h"
#include "src/link.h"

/* A cell as the board will run it; paths are on the board. */
struct remote_cell {
	const char *name;
	const char *cell_file;
	const char *image;       /* bare metal: loaded at load_addr; or NULL */
	uint64_t load_addr;
	const char *params;      /* the inmate's command line, loaded at params_addr; or NULL */
	uint64_t params_addr;
	const char *kernel;      /* Linux guest: booted by `jailhouse cell linux` */
	const char *dtb;
	const char *initrd;
	const char *cmdline;
};

struct remote_cell_state {
	unsigned id;
	char *name;
	char *state;             /* "running", "shut down", "failed", ... */
	char *cpus;              /* cpus_assigned_list */
};

struct remote_state {
	bool present;            /* the jailhouse driver is loaded */
	bool enabled;
	struct remote_cell_state *cells;
	size_t n_cells;
};

/* Each step as it is taken, for progress output. */
typedef void (*remote_step_fn)(void *ctx, const char *what);

int remote_status(struct link *l, struct remote_state *st, struct error *err);
void remote_state_free(struct remote_state *st);
const struct remote_cell_state *remote_state_cell(const struct remote_state *st,
						  const char *name);
/* Enables the hypervisor with system_cell when it is not enabled, then
 * creates, loads and starts each cell not yet running. On failure, what this
 * call did is undone in reverse order and err says which step failed. */
int remote_start(struct link *l, const char *system_cell, const struct remote_cell *cells,
		 size_t n, remote_step_fn step, void *ctx, struct error *err);
/* Shuts down and destroys the named cells (all non-root cells when n is 0);
 * with disable, disables the hypervisor afterwards. */
int remote_stop(struct link *l, const char *const *names, size_t n, bool disable,
		remote_step_fn step, void *ctx, struct error *err);
/* Runs a shell script that push put on the board, as root. With
 * if_present, a script that is not there is not an error (the teardown of
 * something start never set up). */
int remote_run_script(struct link *l, const char *path, bool if_present, struct error *err);
/* The hypervisor console's contents. */
int remote_console(struct link *l, char **text, struct error *err);

#endif
