/*
 * Emission speed: the binary .cell and the C source, both revisions, for a
 * Jetson TX2-sized configuration (root cell with 30 regions and 352
 * interrupts, four guests), and import of what was written. Then the whole
 * path of `autojail generate` on the TX2 demo project (examples/): load,
 * derive, validate and emit both formats, per revision. Prints figures.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "emit/emit.h"
#include "model/derive.h"
#include "model/util.h"
#include "src/project-io.h"
#include "tests/emit/emit-fixtures.h"

#define ROUNDS 2000

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void build(struct config *c, enum abi abi)
{
	config_init(c);
	fixture_system(c, abi);
	fixture_bare(c, abi);
	fixture_ivshmem(c, abi);
	fixture_subpage(c, abi);
	fixture_all_flags(c, abi);
}

/* Microseconds per whole configuration (every cell) for one writer. */
static double time_emit(const struct config *c, enum abi abi, bool csource, size_t *bytes)
{
	struct emit_error err;
	double t0 = now();

	for (int round = 0; round < ROUNDS; round++) {
		*bytes = 0;
		for (size_t i = 0; i < c->n_cells; i++) {
			struct emit_buf b;
			int ret;

			emit_buf_init(&b);
			ret = csource ? emit_cell_c(c, c->cells[i], abi, &b, &err)
				      : emit_cell_binary(c, c->cells[i], abi, &b, &err);
			if (ret < 0) {
				fprintf(stderr, "bench-emit: %s\n", err.text);
				return -1;
			}
			*bytes += b.len;
			emit_buf_free(&b);
		}
	}
	return (now() - t0) / ROUNDS * 1e6;
}

static double time_import(const struct config *c, enum abi abi)
{
	struct emit_buf files[8];
	struct emit_error err;
	size_t n = c->n_cells < 8 ? c->n_cells : 8;
	double t0;

	for (size_t i = 0; i < n; i++) {
		emit_buf_init(&files[i]);
		emit_cell_binary(c, c->cells[i], abi, &files[i], &err);
	}
	t0 = now();
	for (int round = 0; round < ROUNDS; round++) {
		struct import_info info;
		struct config back;

		config_init(&back);
		for (size_t i = 0; i < n; i++)
			emit_import(&back, "bench.cell", files[i].data, files[i].len, ARCH_ARM64,
				    &info, &err);
		config_free(&back);
	}
	t0 = (now() - t0) / ROUNDS * 1e6;
	for (size_t i = 0; i < n; i++)
		emit_buf_free(&files[i]);
	return t0;
}

/* Milliseconds for load, derive, validate and both formats of every cell. */
static double time_project(const char *dir, enum abi abi, int rounds)
{
	double t0 = now();

	for (int round = 0; round < rounds; round++) {
		struct emit_error eerr;
		struct project p;
		struct error err;

		project_init(&p);
		error_clear(&err);
		if (project_load(&p, dir, &err) < 0) {
			fprintf(stderr, "bench-emit: %s\n", err.text);
			project_free(&p);
			return -1;
		}
		if (abi != p.settings.abi) {
			derive_config(&p.board, &p.spec, abi, &p.config, NULL);
			validate_full(p.validator, &p.board, &p.config);
		}
		for (size_t i = 0; i < p.config.n_cells; i++) {
			struct emit_buf b, c;

			emit_buf_init(&b);
			emit_buf_init(&c);
			if (emit_cell_binary(&p.config, p.config.cells[i], abi, &b, &eerr) < 0 ||
			    emit_cell_c(&p.config, p.config.cells[i], abi, &c, &eerr) < 0)
				fprintf(stderr, "bench-emit: %s\n", eerr.text);
			emit_buf_free(&b);
			emit_buf_free(&c);
		}
		project_free(&p);
	}
	return (now() - t0) / rounds * 1e3;
}

int main(void)
{
	const char *src = getenv("top_srcdir");
	static const enum abi abis[] = { ABI_V14, ABI_V9 };

	for (size_t a = 0; a < 2; a++) {
		struct config c;
		size_t bin_bytes, c_bytes;
		double tb, tc, ti;

		build(&c, abis[a]);
		tb = time_emit(&c, abis[a], false, &bin_bytes);
		tc = time_emit(&c, abis[a], true, &c_bytes);
		ti = time_import(&c, abis[a]);
		if (tb < 0 || tc < 0)
			return 1;
		printf("bench-emit: revision %2d, %zu cells: binary %7.1f us (%zu bytes), "
		       "C %7.1f us (%zu bytes), import %7.1f us\n",
		       (int)abis[a], c.n_cells, tb, bin_bytes, tc, c_bytes, ti);
		config_free(&c);
	}
	if (src) {
		char *dir = xasprintf("%s/examples/jetson-tx2-gpio", src);

		for (size_t a = 0; a < 2; a++) {
			double ms = time_project(dir, abis[a], 50);

			if (ms >= 0)
				printf("bench-emit: TX2 demo project, revision %2d: load, derive, validate "
				       "and emit both formats %.2f ms\n", (int)abis[a], ms);
		}
		free(dir);
	}
	return 0;
}
