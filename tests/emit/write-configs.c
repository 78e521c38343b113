/*
 * Writes the configurations the emission tests build, as generate would:
 * NAME.c and NAME.cell per cell, one folder per configuration, so that
 * tests/emit/real-jailhouse.sh lets Jailhouse's own build and checker judge
 * them (tests/lib/jailhouse-judge.sh) for both revisions:
 *   fixtures-REV   the hand-made fixtures (every layout feature, every flag)
 *   random-REV-K   random valid configurations of the property test
 *   synth-REV-K    synthetic projects, derived and validated like a user's,
 *                  a system + cell set for jailhouse-config-check
 * Usage: write-configs DIR N (N random and N synthetic ones per revision).
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "emit/emit.h"
#include "model/util.h"
#include "model/validate.h"
#include "tests/emit/emit-fixtures.h"
#include "tests/model/synth.h"

static void die(const char *what, const char *path)
{
	fprintf(stderr, "write-configs: %s %s: %s\n", what, path, strerror(errno));
	exit(EXIT_FAILURE);
}

static void write_buf(const char *dir, const char *name, const char *ext,
		      const struct emit_buf *b)
{
	char path[1024];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s.%s", dir, name, ext);
	f = fopen(path, "wb");
	if (!f || fwrite(b->data, 1, b->len, f) != b->len || fclose(f) != 0)
		die("cannot write", path);
}

/* Every cell of the configuration into its own folder DIR/what. */
static void write_config(const char *top, const char *what, const struct config *c,
			 enum abi abi)
{
	char dir[1024];

	snprintf(dir, sizeof(dir), "%s/%s", top, what);
	if (mkdir(dir, 0700) != 0)
		die("cannot create", dir);
	for (size_t i = 0; i < c->n_cells; i++) {
		struct emit_buf bin, csrc;
		struct emit_error err;
		char *base = emit_file_base(c->cells[i]);

		emit_buf_init(&bin);
		emit_buf_init(&csrc);
		if (emit_cell_binary(c, c->cells[i], abi, &bin, &err) != 0 ||
		    emit_cell_c(c, c->cells[i], abi, &csrc, &err) != 0) {
			fprintf(stderr, "write-configs: %s, cell %s: %s\n", what,
				c->cells[i]->name, err.text);
			exit(EXIT_FAILURE);
		}
		write_buf(dir, base, "c", &csrc);
		write_buf(dir, base, "cell", &bin);
		free(base);
		emit_buf_free(&bin);
		emit_buf_free(&csrc);
	}
}

static void write_revision(const char *top, enum abi abi, unsigned n)
{
	struct rng r = { .state = 0x9e3779b97f4a7c15ull + (uint64_t)abi };
	struct config c;
	char what[64];

	config_init(&c);
	fixture_system(&c, abi);
	fixture_bare(&c, abi);
	fixture_ivshmem(&c, abi);
	fixture_subpage(&c, abi);
	fixture_all_flags(&c, abi);
	snprintf(what, sizeof(what), "fixtures-%d", (int)abi);
	write_config(top, what, &c, abi);
	config_free(&c);

	for (unsigned k = 0; k < n; k++) {
		struct project p;

		config_init(&c);
		fixture_random(&c, abi, &r);
		snprintf(what, sizeof(what), "random-%d-%u", (int)abi, k);
		write_config(top, what, &c, abi);
		config_free(&c);

		/* From 2 to 9 cells over a board of 20 to 200 regions. */
		project_init(&p);
		p.settings.abi = abi;
		synth_project(&p, 20 + 20 * k, 2 + k % 8, 0x5eed0000u + k);
		if (validator_count(p.validator, SEV_ERROR) != 0) {
			fprintf(stderr, "write-configs: synthetic project %u does not validate\n", k);
			exit(EXIT_FAILURE);
		}
		snprintf(what, sizeof(what), "synth-%d-%u", (int)abi, k);
		write_config(top, what, &p.config, abi);
		project_free(&p);
	}
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: write-configs DIR N\n");
		return 2;
	}
	write_revision(argv[1], ABI_V14, (unsigned)atoi(argv[2]));
	write_revision(argv[1], ABI_V9, (unsigned)atoi(argv[2]));
	return 0;
}
