/*
 * A project on disk: the three files of one directory, or a bundled board
 * profile standing in for board.yml. A load either replaces the whole
 * project or leaves it as it was.
 */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "po/i18n.h"
#include "model/util.h"
#include "src/datadir.h"
#include "src/save-history.h"
#include "src/yaml-cells.h"
#include "src/project-io.h"

const char *boards_dir(void)
{
	return datadir_find("boards", "AUTOJAIL_BOARDS");
}

static char *project_board_path(const char *dir, const struct settings *s, struct error *err)
{
	char *path = xasprintf("%s/%s", dir, BOARD_FILE);

	if (access(path, F_OK) == 0)
		return path;
	if (!s->board_profile) {
		error_at(err, path, 0, 0, _("missing, and %s names no board_profile to use "
					   "instead"), SETTINGS_FILE);
		free(path);
		return NULL;
	}
	free(path);
	/* settings_load has checked that the profile is a plain folder name. */
	return xasprintf("%s/%s/%s", boards_dir(), s->board_profile, BOARD_FILE);
}

/* board.yml is read on a second thread while cells.yml is parsed: the two
 * are the bulk of a large project and do not depend on each other until the
 * cells' board references are resolved. */
struct board_job {
	const char *path;
	struct board *board;
	struct error err;
	int ret;
};

static void *board_job_run(void *arg)
{
	struct board_job *job = arg;

	job->ret = board_load(job->path, job->board, &job->err);
	return NULL;
}

static int load_board_and_cells(const char *board_path, const char *cells_path,
				struct board *board, struct spec *spec, struct config *config,
				struct error *err)
{
	struct board_job job = { .path = board_path, .board = board };
	struct cells_refs refs = { 0 };
	struct error cells_err;
	pthread_t thread;
	bool threaded;
	int ret = 0;

	error_clear(&job.err);
	error_clear(&cells_err);
	threaded = pthread_create(&thread, NULL, board_job_run, &job) == 0;
	if (!threaded)
		board_job_run(&job);
	if (access(cells_path, F_OK) == 0)
		ret = cells_parse(cells_path, spec, config, &refs, &cells_err);
	if (threaded)
		pthread_join(thread, NULL);
	/* The board comes first: its errors explain the cells' ones. */
	if (job.ret < 0) {
		error_set(err, "%s", job.err.text);
		ret = -1;
	} else if (ret < 0) {
		error_set(err, "%s", cells_err.text);
	} else {
		ret = cells_resolve(cells_path, &refs, board, err);
	}
	cells_refs_free(&refs);
	return ret;
}

int project_load_files(struct project *p, const char *dir, struct error *err)
{
	struct settings settings;
	struct board board;
	struct spec spec;
	struct config config;
	char *path, *board_path = NULL;
	int ret = -1;

	settings_init(&settings);
	board_init(&board);
	spec_init(&spec);
	config_init(&config);

	path = xasprintf("%s/%s", dir, SETTINGS_FILE);
	if (settings_load(path, &settings, err) < 0)
		goto out;
	free(path);
	path = xasprintf("%s/%s", dir, CELLS_FILE);
	config.arch = settings.arch;
	board_path = project_board_path(dir, &settings, err);
	if (!board_path ||
	    load_board_and_cells(board_path, path, &board, &spec, &config, err) < 0)
		goto out;

	settings_free(&p->settings);
	board_free(&p->board);
	spec_free(&p->spec);
	config_free(&p->config);
	p->settings = settings;
	p->board = board;
	p->spec = spec;
	p->config = config;
	if (p->dir != dir) {
		free(p->dir);
		p->dir = xstrdup(dir);
	}
	p->saved_generation = p->generation;
	free(path);
	free(board_path);
	return 0;
out:
	free(path);
	free(board_path);
	settings_free(&settings);
	board_free(&board);
	spec_free(&spec);
	config_free(&config);
	return ret;
}

int project_load(struct project *p, const char *dir, struct error *err)
{
	if (project_load_files(p, dir, err) < 0)
		return -1;
	project_ready(p);
	return 0;
}

int project_save(struct project *p, struct error *err)
{
	const char *dir = p->dir ? p->dir : ".";
	char *path;
	unsigned step;
	int ret;

	/* What the save replaces is kept first, for autojail undo. */
	if (save_history_begin(dir, &step, err) < 0)
		return -1;
	path = xasprintf("%s/%s", dir, CELLS_FILE);
	ret = cells_save_with_spec(path, &p->board, &p->spec, &p->config, err);
	free(path);
	save_history_end(dir, step);
	if (ret == 0) {
		path = xasprintf("%s/%s", dir, SETTINGS_FILE);
		ret = settings_save(path, &p->settings, err);
		free(path);
	}
	if (ret == 0)
		p->saved_generation = p->generation;
	return ret;
}
