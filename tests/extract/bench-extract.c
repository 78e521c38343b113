/*
 * How long extraction takes, on the two dumps the issue names: the rpi4
 * folder dump (its device tree as about 1,600 files, made into a blob
 * first) and the TX2 dump (a blob and a long /proc/iomem). Reading,
 * parsing, merging and indexing are timed; copying the dump into a project
 * is not. Prints figures; never fails on timing.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>

#include "model/util.h"
#include "src/extract-merge.h"

#define RUNS 20

static double clock_ms(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int bench(const char *boards, const char *name)
{
	char *dir = xasprintf("%s/%s", boards, name);
	double best = 1e9, total = 0, cpu_best = 1e9;
	size_t regions = 0;

	for (int i = 0; i < RUNS; i++) {
		struct extract_report rep;
		struct error err;
		struct board b;
		struct dump *d;
		double t0 = clock_ms(CLOCK_MONOTONIC), dt, dc;
		double c0 = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
		int ret;

		error_clear(&err);
		board_init(&b);
		report_init(&rep);
		d = dump_open_dir(dir, &err);
		ret = d ? extract_board(d, &b, &rep, &err) : -1;
		dt = clock_ms(CLOCK_MONOTONIC) - t0;
		dc = clock_ms(CLOCK_PROCESS_CPUTIME_ID) - c0;
		if (ret) {
			fprintf(stderr, "bench-extract: %s\n", err.text);
			free(dir);
			return -1;
		}
		regions = b.n_regions;
		dump_close(d);
		board_free(&b);
		report_free(&rep);
		total += dt;
		if (dt < best)
			best = dt;
		if (dc < cpu_best)
			cpu_best = dc;
	}
	/* CPU time shows the cost when other jobs share the machine. */
	printf("extract %-12s %4zu regions: best %6.2f ms, mean %6.2f ms, best CPU %6.2f ms "
	       "over %d runs (aim <= 20 ms)\n", name, regions, best, total / RUNS, cpu_best, RUNS);
	free(dir);
	return 0;
}

int main(void)
{
	const char *boards = getenv("BOARD_DUMPS");
	struct stat st;

	if (!boards || stat(boards, &st) != 0) {
		printf("bench-extract: board dumps not found (BOARD_DUMPS), skipped\n");
		return 0;
	}
	if (bench(boards, "rpi4") || bench(boards, "jetson-tx2"))
		return 1;
	return 0;
}
