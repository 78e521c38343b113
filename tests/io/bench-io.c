/*
 * Load and save of the synthetic project of 10,000 regions over 8 cells:
 * board.yml, cells.yml and autojail.yml read, cells.yml and autojail.yml
 * written atomically (with fsync). Prints medians of wall-clock time, and
 * of CPU time for the single-threaded steps, which a busy machine disturbs
 * less; never fails on timing.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "model/util.h"
#include "src/yaml-cells.h"
#include "src/project-io.h"
#include "tests/io/io-test.h"
#include "tests/model/synth.h"

#define N_REGIONS 10000
#define N_CELLS 8
#define RUNS 11

static double clock_ms(clockid_t id)
{
	struct timespec t;

	clock_gettime(id, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* Wall-clock and CPU time of one step. */
struct lap {
	double wall, cpu;
};

static void lap_start(struct lap *l)
{
	l->wall = clock_ms(CLOCK_MONOTONIC);
	l->cpu = clock_ms(CLOCK_THREAD_CPUTIME_ID);
}

static void lap_stop(struct lap *l, double *wall, double *cpu)
{
	*wall = clock_ms(CLOCK_MONOTONIC) - l->wall;
	if (cpu)
		*cpu = clock_ms(CLOCK_THREAD_CPUTIME_ID) - l->cpu;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double median(double *v)
{
	qsort(v, RUNS, sizeof(*v), cmp_double);
	return v[RUNS / 2];
}

static void die(const struct error *err)
{
	fprintf(stderr, "bench-io: %s\n", err->text);
	exit(1);
}

static long file_size(const char *dir, const char *name)
{
	char *path = xasprintf("%s/%s", dir, name);
	struct stat st;
	long n = stat(path, &st) == 0 ? (long)st.st_size : -1;

	free(path);
	return n;
}

int main(void)
{
	double t_board[RUNS], t_cells[RUNS], t_save[RUNS], t_project[RUNS], t_ready[RUNS];
	double c_board[RUNS], c_cells[RUNS], c_save[RUNS], load[3];
	struct lap lap;
	char *dir = scratch_new(), *path;
	struct project p;
	struct error err;
	size_t n_cell_regions = 0;

	error_clear(&err);
	project_init(&p);
	synth_project(&p, N_REGIONS, N_CELLS, 42);
	p.dir = xstrdup(dir);
	path = xasprintf("%s/%s", dir, BOARD_FILE);
	if (board_save(path, &p.board, &err) < 0 || project_save(&p, &err) < 0)
		die(&err);
	free(path);
	for (size_t i = 0; i < p.config.n_cells; i++)
		n_cell_regions += p.config.cells[i]->n_regions;

	for (int run = 0; run < RUNS; run++) {
		struct board b;
		struct spec s;
		struct config c;
		struct project q;

		board_init(&b);
		spec_init(&s);
		config_init(&c);
		path = xasprintf("%s/%s", dir, BOARD_FILE);
		lap_start(&lap);
		if (board_load(path, &b, &err) < 0)
			die(&err);
		lap_stop(&lap, &t_board[run], &c_board[run]);
		free(path);
		path = xasprintf("%s/%s", dir, CELLS_FILE);
		lap_start(&lap);
		if (cells_load_with_spec(path, &b, &s, &c, &err) < 0)
			die(&err);
		lap_stop(&lap, &t_cells[run], &c_cells[run]);
		free(path);
		board_free(&b);
		spec_free(&s);
		config_free(&c);

		/* As project_load does it: board.yml read beside cells.yml; then
		 * derivation and validation (project_ready), which are not file I/O. */
		project_init(&q);
		lap_start(&lap);
		if (project_load_files(&q, dir, &err) < 0)
			die(&err);
		lap_stop(&lap, &t_project[run], NULL);
		lap_start(&lap);
		project_ready(&q);
		lap_stop(&lap, &t_ready[run], NULL);
		lap_start(&lap);
		if (project_save(&q, &err) < 0)
			die(&err);
		lap_stop(&lap, &t_save[run], &c_save[run]);
		project_free(&q);
	}

	if (getloadavg(load, 3) < 1)
		load[0] = -1;
	printf("bench-io: %d board regions, %zu cell regions in %zu cells; board.yml %ld bytes, "
	       "cells.yml %ld bytes; load average %.2f\n", N_REGIONS, n_cell_regions,
	       p.config.n_cells, file_size(dir, BOARD_FILE), file_size(dir, CELLS_FILE), load[0]);
	printf("bench-io:                                   wall ms   cpu ms\n");
	printf("bench-io: load board.yml                   %8.2f %8.2f\n", median(t_board),
	       median(c_board));
	printf("bench-io: load cells.yml                   %8.2f %8.2f\n", median(t_cells),
	       median(c_cells));
	printf("bench-io: save cells.yml + autojail.yml    %8.2f %8.2f\n", median(t_save),
	       median(c_save));
	printf("bench-io: load+save, one after the other   %8.2f %8.2f\n",
	       median(t_board) + median(t_cells) + median(t_save),
	       median(c_board) + median(c_cells) + median(c_save));
	printf("bench-io: load, board.yml beside cells.yml %8.2f           (as project_load "
	       "reads them)\n", median(t_project));
	printf("bench-io: load+save as the program does it %8.2f           (target <= 50 ms)\n",
	       median(t_project) + median(t_save));
	printf("bench-io: project_ready after the load     %8.2f           (derivation and "
	       "validation, not file I/O)\n", median(t_ready));
	project_free(&p);
	scratch_free(dir);
	return 0;
}
