/*
 * Saving from the editor: cells.yml (and autojail.yml) atomically, then the
 * configuration's files for the project's config revision into
 * DIR/generated/, made by the pipeline `autojail generate` uses
 * (src/generate.h), so both write the same files. Like generate, it writes
 * no configuration while the validator or derivation reports errors: the
 * partitioning is saved, the configurations wait until it is valid.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "model/util.h"
#include "po/i18n.h"
#include "src/error.h"
#include "src/generate.h"
#include "src/project-io.h"
#include "ui/tui.h"

int tui_save_project(struct project *p, char *report, size_t len)
{
	struct generate_set set;
	struct error err;
	size_t errors;
	char *dir;
	int rc = 0;

	error_clear(&err);
	if (project_save(p, &err) < 0) {
		snprintf(report, len, "%s", err.text);
		return -1;
	}
	errors = generate_blockers(p, p->derived);
	if (errors) {
		snprintf(report, len,
			 P_("Saved %s/%s; no configurations written while %zu error remains.",
			    "Saved %s/%s; no configurations written while %zu errors remain.",
			    errors),
			 p->dir, CELLS_FILE, errors);
		return 0;
	}
	dir = xasprintf("%s/%s", p->dir, GENERATE_DIR);
	if (generate_set_make(p, p->settings.abi, p->derived, &set, &err) < 0 ||
	    generate_set_write(&set, dir, NULL, NULL, &err) < 0) {
		snprintf(report, len, _("Saved %s/%s, but wrote no configurations: %s"), p->dir,
			 CELLS_FILE, err.text);
		rc = -1;
	} else {
		snprintf(report, len, _("Saved %s/%s and wrote %zu files to %s/ (revision %d)."),
			 p->dir, CELLS_FILE, set.n_files, dir, (int)set.abi);
	}
	generate_set_free(&set);
	free(dir);
	return rc;
}
