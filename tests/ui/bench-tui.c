/*
 * bench-tui: how fast the editor answers, on a virtual screen (script mode).
 *   first frame   load the bundled Jetson TX2 profile, open the screen, draw
 *                 (aim: 50 ms or less)
 *   edit + frame  on a synthetic board of 10,000 regions: a region picked up
 *                 with Space is dropped on a cell with Enter (op_assign and
 *                 incremental validation included), then the next frame is
 *                 drawn (aim: 16 ms or less)
 * Figures only; timing never fails a build.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "src/cmd.h"
#include "tests/model/synth.h"
#include "ui/tui.h"
#include "ui/ui.h"

#define FIRST_RUNS 20
#define EDITS 200
#define SYNTH_REGIONS 10000

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static void report(const char *what, double *s, size_t n, double aim)
{
	if (!n) {
		printf("bench-tui: %-34s no samples\n", what);
		return;
	}
	qsort(s, n, sizeof(*s), cmp_double);
	printf("bench-tui: %-38s median %6.2f ms  p95 %6.2f  max %6.2f  "
	       "(%zu runs, aim <= %.0f ms)\n",
	       what, s[n / 2], s[n * 95 / 100], s[n - 1], n, aim);
}

static struct tui *open_screen(struct project *p, int cols, int rows)
{
	struct tui_opts o;
	char err[256];
	struct tui *t;

	memset(&o, 0, sizeof(o));
	o.virtual_screen = true;
	o.cols = cols;
	o.rows = rows;
	t = tui_open(p, &o, err, sizeof(err));
	if (!t) {
		fprintf(stderr, "bench-tui: %s\n", err);
		exit(1);
	}
	return t;
}

static void first_frame(void)
{
	char dir[] = "/tmp/bench-tui-XXXXXX";
	double s[FIRST_RUNS];
	size_t n = 0;

	/* An empty directory: the editor opens the bundled profile. */
	if (!mkdtemp(dir)) {
		perror("bench-tui: mkdtemp");
		return;
	}
	gopt.project_dir = dir;
	for (int i = 0; i < FIRST_RUNS; i++) {
		struct project p;
		struct tui *t;
		double t0 = now_ms();

		project_init(&p);
		if (cmd_load_project(&p, true) != EXIT_OK) {
			project_free(&p);
			break;
		}
		t = open_screen(&p, 80, 24);
		tui_frame(t);
		s[n++] = now_ms() - t0;
		tui_close(t);
		project_free(&p);
	}
	rmdir(dir);
	report("first frame, TX2 profile, 80x24", s, n, 50);
}

static void edit_frames(int cols, int rows, const char *what)
{
	static double s[EDITS];
	struct event down = { .type = EV_KEY, .key = KEY_DOWN, .fkey = true };
	struct event space = { .type = EV_KEY, .key = ' ' };
	struct event enter = { .type = EV_KEY, .key = '\n' };
	struct project p;
	struct tui *t;
	size_t n = 0, refused = 0;

	project_init(&p);
	synth_project(&p, SYNTH_REGIONS, 8, 1);
	t = open_screen(&p, cols, rows);
	tui_frame(t);
	/* Aim the drops at the first guest: the cells pane keeps its cursor. */
	tui_feed(t, &space);
	tui_frame(t);
	tui_feed(t, &down);
	tui_frame(t);
	tui_feed(t, &(struct event){ .type = EV_KEY, .key = 27 });
	tui_frame(t);
	for (int i = 0; i < EDITS; i++) {
		unsigned gen = p.generation;
		double t0;

		tui_feed(t, &down);
		tui_frame(t);
		tui_feed(t, &space);
		tui_frame(t);
		t0 = now_ms();
		tui_feed(t, &enter);
		tui_frame(t);
		if (p.generation != gen)
			s[n++] = now_ms() - t0;
		else
			refused++;
	}
	report(what, s, n, 16);
	if (refused)
		printf("bench-tui: (%zu drops were refused and are not counted)\n", refused);
	tui_close(t);
	project_free(&p);
}

int main(void)
{
	first_frame();
	edit_frames(80, 24, "edit + frame, 10,000 regions, 80x24");
	edit_frames(160, 48, "edit + frame, 10,000 regions, 160x48");
	return 0;
}
