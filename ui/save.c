/*
 * Saving from the editor: cells.yml (and autojail.yml) atomically, then the
 * C source and the binary .cell of every cell for the project's config
 * revision into DIR/out/, as `autojail generate` writes them. Like generate,
 * it writes no configuration while the validator reports errors: the
 * partitioning is saved, the configurations wait until it is valid.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "emit/emit.h"
#include "po/i18n.h"
#include "model/util.h"
#include "src/atomic.h"
#include "src/error.h"
#include "src/project-io.h"
#include "ui/tui.h"

#define OUT_DIR "out"

static int write_buf(const char *dir, const char *base, const char *ext,
		     const struct emit_buf *b, char *report, size_t len)
{
	char *path = xasprintf("%s/%s%s", dir, base, ext);
	struct error err;
	int rc;

	error_clear(&err);
	rc = atomic_write(path, b->data, b->len, 0, &err);
	if (rc)
		snprintf(report, len, "%s", err.text);
	free(path);
	return rc;
}

static int emit_all(struct project *p, const char *dir, size_t *files, char *report, size_t len)
{
	const struct config *c = &p->config;
	enum abi abi = p->settings.abi ? p->settings.abi : ABI_V14;

	for (size_t i = 0; i < c->n_cells; i++) {
		const struct cell *cell = c->cells[i];
		char *base = emit_file_base(cell);
		struct emit_buf src, bin;
		struct emit_error err;
		int rc;

		emit_buf_init(&src);
		emit_buf_init(&bin);
		err.text[0] = '\0';
		rc = emit_cell_c(c, cell, abi, &src, &err);
		if (!rc)
			rc = emit_cell_binary(c, cell, abi, &bin, &err);
		if (rc)
			snprintf(report, len, "%s", err.text);
		if (!rc)
			rc = write_buf(dir, base, ".c", &src, report, len);
		if (!rc)
			rc = write_buf(dir, base, ".cell", &bin, report, len);
		emit_buf_free(&src);
		emit_buf_free(&bin);
		free(base);
		if (rc)
			return -1;
		*files += 2;
	}
	return 0;
}

int tui_save_project(struct project *p, char *report, size_t len)
{
	struct error err;
	size_t errors, files = 0;
	char *dir;
	int rc = 0;

	error_clear(&err);
	if (project_save(p, &err) < 0) {
		snprintf(report, len, "%s", err.text);
		return -1;
	}
	errors = p->validator ? validator_count(p->validator, SEV_ERROR) : 0;
	if (errors) {
		snprintf(report, len,
			 P_("Saved %s/%s; no configurations written while %zu error remains.",
			    "Saved %s/%s; no configurations written while %zu errors remain.",
			    errors),
			 p->dir, CELLS_FILE, errors);
		return 0;
	}
	dir = xasprintf("%s/%s", p->dir, OUT_DIR);
	if (mkdir(dir, 0777) && errno != EEXIST) {
		snprintf(report, len, _("%s: cannot create the directory: %s"), dir,
			 strerror(errno));
		rc = -1;
	} else if (emit_all(p, dir, &files, report, len) == 0) {
		snprintf(report, len, _("Saved %s/%s and wrote %zu files to %s/ (revision %d)."),
			 p->dir, CELLS_FILE, files, dir,
			 (int)(p->settings.abi ? p->settings.abi : ABI_V14));
	} else {
		rc = -1;
	}
	free(dir);
	return rc;
}
