/*
 * Undo steps as files: .autojail-history/undo/ and redo/ each hold states of
 * cells.yml named by a rising number, NNNNNN.yml, or NNNNNN.none for "there
 * was no cells.yml". The highest number is the top of its stack. Every file
 * is written atomically before the one it stands for is replaced, so an
 * interrupted step leaves one state twice, never one lost.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "po/i18n.h"
#include "model/util.h"
#include "src/atomic.h"
#include "src/save-history.h"
#include "src/io-file.h"
#include "src/project-io.h"

/* cells.yml files are far smaller; the limit only bounds a stray file. */
#define HISTORY_FILE_MAX (64u << 20)

struct side {
	unsigned top, bottom;    /* highest and lowest step, 0 when empty */
	size_t n;
};

static char *side_dir(const char *dir, const char *side)
{
	return xasprintf("%s/%s/%s", dir, HISTORY_DIR, side);
}

static char *step_path(const char *dir, const char *side, unsigned n, const char *ext)
{
	return xasprintf("%s/%s/%s/%06u.%s", dir, HISTORY_DIR, side, n, ext);
}

static void side_scan(const char *dir, const char *side, struct side *s)
{
	char *path = side_dir(dir, side);
	DIR *d = opendir(path);
	struct dirent *e;

	memset(s, 0, sizeof(*s));
	free(path);
	if (!d)
		return;
	while ((e = readdir(d))) {
		unsigned n;
		char ext[8];

		if (sscanf(e->d_name, "%6u.%7s", &n, ext) != 2 || !n ||
		    (strcmp(ext, "yml") && strcmp(ext, "none")))
			continue;
		s->n++;
		if (n > s->top)
			s->top = n;
		if (!s->bottom || n < s->bottom)
			s->bottom = n;
	}
	closedir(d);
}

static void step_remove(const char *dir, const char *side, unsigned n)
{
	char *yml = step_path(dir, side, n, "yml"), *none = step_path(dir, side, n, "none");

	unlink(yml);
	unlink(none);
	free(yml);
	free(none);
}

/* Reads cells.yml of dir: 0, 1 when there is none, -1 with err set. */
static int read_cells(const char *dir, char **data, size_t *len, struct error *err)
{
	char *path = xasprintf("%s/%s", dir, CELLS_FILE);
	int ret = 1;

	if (access(path, F_OK) == 0 || errno != ENOENT) {
		ret = io_file_read(path, HISTORY_FILE_MAX, data, len, err);
		if (ret > 0) {
			error_set(err, _("%s: too large to keep for undo"), path);
			ret = -1;
		}
	}
	free(path);
	return ret;
}

/* Keeps the current cells.yml of dir as step n of side. */
static int step_keep(const char *dir, const char *side, unsigned n, struct error *err)
{
	char *folder = side_dir(dir, side), *path, *data = NULL;
	size_t len = 0;
	int ret = io_make_dirs(folder, err);

	free(folder);
	if (ret < 0 || (ret = read_cells(dir, &data, &len, err)) < 0)
		return -1;
	path = step_path(dir, side, n, ret ? "none" : "yml");
	ret = atomic_write(path, ret ? "" : data, ret ? 0 : len, 0, err);
	free(path);
	free(data);
	return ret;
}

/* Makes step n of side the current cells.yml of dir. */
static int step_restore(const char *dir, const char *side, unsigned n, struct error *err)
{
	char *yml = step_path(dir, side, n, "yml"), *cells = xasprintf("%s/%s", dir, CELLS_FILE);
	char *data = NULL;
	size_t len = 0;
	int ret;

	if (access(yml, F_OK) < 0) {
		ret = unlink(cells) < 0 && errno != ENOENT ? -1 : 0;
		if (ret < 0)
			error_errno(err, _("cannot remove %s"), cells);
	} else if ((ret = io_file_read(yml, HISTORY_FILE_MAX, &data, &len, err)) == 0) {
		ret = atomic_write(cells, data, len, 1, err);
	} else if (ret > 0) {
		error_set(err, _("%s: too large"), yml);
		ret = -1;
	}
	free(data);
	free(yml);
	free(cells);
	return ret;
}

int save_history_begin(const char *dir, unsigned *step, struct error *err)
{
	struct side undo;

	side_scan(dir, "undo", &undo);
	*step = undo.top + 1;
	if (step_keep(dir, "undo", *step, err) < 0)
		return -1;
	for (; undo.n >= HISTORY_MAX && undo.bottom < *step; undo.n--)
		step_remove(dir, "undo", undo.bottom++);
	return 0;
}

void save_history_end(const char *dir, unsigned step)
{
	char *kept = step_path(dir, "undo", step, "yml"), *before = NULL, *now = NULL;
	size_t n_before = 0, n_now = 0;
	struct error err;
	bool had = access(kept, F_OK) == 0, has;
	struct side redo;

	error_clear(&err);
	has = read_cells(dir, &now, &n_now, &err) == 0;
	if (had && io_file_read(kept, HISTORY_FILE_MAX, &before, &n_before, &err) != 0)
		had = false;
	if (had == has && (!has || (n_before == n_now && !memcmp(before, now, n_now)))) {
		step_remove(dir, "undo", step);
	} else {
		side_scan(dir, "redo", &redo);
		for (unsigned i = redo.bottom; redo.n && i <= redo.top; i++)
			step_remove(dir, "redo", i);
	}
	free(kept);
	free(before);
	free(now);
}

int save_history_step(const char *dir, bool redo, size_t *left, struct error *err)
{
	const char *from = redo ? "redo" : "undo", *to = redo ? "undo" : "redo";
	struct side f, t;

	side_scan(dir, from, &f);
	side_scan(dir, to, &t);
	*left = f.n;
	if (!f.n)
		return 1;
	if (step_keep(dir, to, t.top + 1, err) < 0)
		return -1;
	if (step_restore(dir, from, f.top, err) < 0) {
		step_remove(dir, to, t.top + 1);
		return -1;
	}
	step_remove(dir, from, f.top);
	*left = f.n - 1;
	return 0;
}
