/*
 * The one emission pipeline: the full set of files a project's Jailhouse
 * configuration is made of for one config revision (NAME.cell and NAME.c
 * per cell, NAME.dts per Linux guest derivation described, the virtual
 * switch's bridge scripts and its Linux members' network files), made in
 * memory first and written only when every file could be made. autojail
 * generate, the editor's save and autojail build all use it, so they write
 * the same bytes under the same names.
 */
#ifndef AJ_SRC_GENERATE_H
#define AJ_SRC_GENERATE_H

#include <stdbool.h>
#include <stddef.h>

#include "emit/bytes.h"
#include "model/derive.h"
#include "model/project.h"
#include "src/error.h"

/* The folder of the project generate and the editor's save write into. */
#define GENERATE_DIR "generated"

struct generate_file {
	char *name;              /* the file's name in the set's folder */
	struct emit_buf data;
	bool executable;         /* the bridge scripts, run by hand on the board */
};

struct generate_set {
	enum abi abi;
	struct generate_file *files;
	size_t n_files;
};

/* The report of derivation for abi: the project's own when abi is its
 * revision, else a derivation again into own (derivation depends on the
 * revision: ivshmem layout, console flags), which replaces p->config. */
const struct derive_report *generate_derive(struct project *p, enum abi abi,
					    struct derive_report *own);
/* What stops a set from being written: the validator's errors and the
 * parts of the spec derivation could not meet. */
size_t generate_blockers(const struct project *p, const struct derive_report *rep);
/* Makes every file of p's configuration for abi (rep says which guests got
 * a device tree). On any failure, or when two files would get the same
 * name, s is left empty and err says why. */
int generate_set_make(const struct project *p, enum abi abi, const struct derive_report *rep,
		      struct generate_set *s, struct error *err);
/* The file of the set with that name, or NULL. */
const struct generate_file *generate_set_find(const struct generate_set *s, const char *name);
/* Called after each file is written, with its path. */
typedef void (*generate_wrote_fn)(void *ctx, const char *path, size_t len);
/* Writes every file into dir (made when missing), each replaced atomically. */
int generate_set_write(const struct generate_set *s, const char *dir, generate_wrote_fn wrote,
		       void *ctx, struct error *err);
void generate_set_free(struct generate_set *s);

#endif
