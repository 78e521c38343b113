/*
 * Validation speed on a synthetic board of 10,000 regions spread over 8
 * cells: a full run, the first incremental run (which builds the indexes),
 * revalidation after one region edit, and operations per second through
 * model/ops.h. Prints figures; never fails on timing.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model/ops.h"
#include "model/project.h"
#include "model/util.h"
#include "model/validate.h"
#include "tests/model/synth.h"

#define N_REGIONS 10000
#define N_CELLS 8
#define FULL_RUNS 31
#define EDITS 2001
#define OPS 20000

static double now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double median(double *v, size_t n)
{
	qsort(v, n, sizeof(*v), cmp_double);
	return v[n / 2];
}

static size_t count_regions(const struct config *c)
{
	size_t i, n = 0;

	for (i = 0; i < c->n_cells; i++)
		n += c->cells[i]->n_regions;
	return n;
}

/* A device region of a cell, drawn at random. */
static struct cell_region *pick(struct project *p, uint32_t *rnd, struct cell **in)
{
	for (;;) {
		struct cell *cell = p->config.cells[synth_rand(rnd) % p->config.n_cells];

		if (cell->n_regions) {
			*in = cell;
			return &cell->regions[synth_rand(rnd) % cell->n_regions];
		}
	}
}

int main(void)
{
	static double t[EDITS > FULL_RUNS ? EDITS : FULL_RUNS];
	struct project p;
	struct validator *v;
	struct change ch;
	uint32_t rnd = 12345;
	size_t i, n;
	double t0, first_full, first_change, elapsed;
	char why[OP_WHY_LEN];

	project_init(&p);
	synth_project(&p, N_REGIONS, N_CELLS, 1);
	validator_diags(p.validator, &n);
	printf("bench-validate: synthetic board, %zu board regions, %zu cell regions in %zu cells, "
	       "%zu diagnostics\n", p.board.n_regions, count_regions(&p.config), p.config.n_cells, n);

	v = validator_new();
	t0 = now_ms();
	validate_full(v, &p.board, &p.config);
	first_full = now_ms() - t0;
	for (i = 0; i < FULL_RUNS; i++) {
		t0 = now_ms();
		validate_full(v, &p.board, &p.config);
		t[i] = now_ms() - t0;
	}
	printf("  full validation: %.3f ms median of %d (first run, fresh validator: %.3f ms)\n",
	       median(t, FULL_RUNS), FULL_RUNS, first_full);

	/* The first incremental run after a full one builds the interval indexes. */
	change_init(&ch);
	{
		struct cell *cell;
		struct cell_region *r = pick(&p, &rnd, &cell);

		change_region(&ch, r->id);
		change_cell(&ch, cell->id);
		t0 = now_ms();
		validate_change(v, &p.board, &p.config, &ch);
		first_change = now_ms() - t0;
	}
	for (i = 0; i < EDITS; i++) {
		struct cell *cell;
		struct cell_region *r = pick(&p, &rnd, &cell);

		/* Slide the region by a page and back on the next edit of it. */
		r->phys ^= 0x1000;
		r->virt ^= 0x1000;
		change_clear(&ch);
		change_region(&ch, r->id);
		change_cell(&ch, cell->id);
		t0 = now_ms();
		validate_change(v, &p.board, &p.config, &ch);
		t[i] = now_ms() - t0;
	}
	printf("  incremental revalidation after one edit: %.4f ms median of %d "
	       "(first after a full run, building the indexes: %.3f ms)\n",
	       median(t, EDITS), EDITS, first_change);
	change_free(&ch);
	validator_free(v);

	/* The project's own validator: bring it to the state edited above. */
	validate_full(p.validator, &p.board, &p.config);
	for (i = 0; i < EDITS; i++) {
		struct cell *cell;
		struct cell_region *r = pick(&p, &rnd, &cell);
		struct cell_region value = *r;

		value.phys ^= 0x1000;
		value.virt ^= 0x1000;
		t0 = now_ms();
		op_region_edit(&p, cell->id, r->id, &value, why);
		t[i] = now_ms() - t0;
	}
	printf("  op_region_edit (record for undo, validate): %.4f ms median of %d\n",
	       median(t, EDITS), EDITS);

	t0 = now_ms();
	for (i = 0; i < OPS; i++) {
		struct cell *cell;
		struct cell_region *r = pick(&p, &rnd, &cell);
		uint32_t guest = p.config.cells[1 + synth_rand(&rnd) % (p.config.n_cells - 1)]->id;

		switch (i % 6) {
		case 0: {
			struct cell_region value = *r;

			value.size = value.size == 0x1000 ? 0x2000 : 0x1000;
			op_region_edit(&p, cell->id, r->id, &value, why);
			break;
		}
		case 1:
			op_region_move(&p, cell->id, r->id, guest, why);
			break;
		case 2:
			op_irq_grant(&p, guest, 32 + synth_rand(&rnd) % 300, why);
			break;
		case 3:
			op_cpu_assign(&p, 1 + synth_rand(&rnd) % 7, guest, why);
			break;
		case 4:
			op_undo(&p, why);
			break;
		case 5:
			op_redo(&p, why);
			break;
		}
	}
	elapsed = now_ms() - t0;
	printf("  operations (edit, move, irq, cpu, undo, redo): %.0f ops/s\n",
	       OPS / (elapsed / 1e3));
	validator_diags(p.validator, &n);
	printf("  diagnostics after the operations: %zu\n", n);
	project_free(&p);
	return 0;
}
