/* autojail's own inmates, built for a project's cells by `autojail build`. */
#ifndef AJ_SRC_INMATE_BUILD_H
#define AJ_SRC_INMATE_BUILD_H

#include <stdint.h>

#include "model/project.h"
#include "src/error.h"

/* cells.yml names one of them as "inmate:NAME" (e.g. inmate:gpio-demo). */
#define INMATE_PREFIX "inmate:"
/* Where an inmate's command line is loaded: `-s PARAMS -a 0x100`. */
#define INMATE_PARAMS_ADDR 0x100

/* Builds inmate NAME into outdir with the project's cross compiler; the
 * image's path goes to *image. */
int inmate_build(const struct settings *s, const char *name, const char *outdir, char **image,
		 struct error *err);
/* The command line a bare-metal cell's inmate needs to find what the
 * configuration gave it ("shmem=0x..." for its shared-memory link), or NULL. */
char *inmate_params(const struct cell *c, enum abi abi);

#endif
