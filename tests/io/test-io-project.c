/*
 * A project directory: the three files together, a bundled profile standing
 * in for board.yml, the errors when something is missing, and the bundled
 * profiles themselves, which must load and round-trip.
 */
#include "config.h"

#include <check.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/util.h"
#include "src/project-io.h"
#include "tests/io/io-test.h"

static const char board_text[] =
	"name: tiny\n"
	"arch: arm64\n"
	"gic: {version: 2, gicd: {start: 0x3881000, size: 4 KiB}, num_irqs: 384}\n"
	"cpus:\n  - {id: 0, mpidr: 0, online: yes}\n  - {id: 1, mpidr: 1, online: yes}\n"
	"regions:\n"
	"  - {name: System RAM, start: 0x80000000, size: 1 GiB, kind: ram, linux_uses: yes}\n"
	"  - {name: serial@3100000, start: 0x3100000, size: 4 KiB, kind: mmio}\n";

static const char cells_text[] =
	"guests:\n  - {name: demo, cpus: 1, ram: 16 MiB, devices: [serial@3100000]}\n"
	"cells:\n"
	"  - name: tiny\n    root: yes\n    cpus: \"0\"\n"
	"    regions:\n"
	"      - {name: uart, phys: 0x3100000, size: 4 KiB, flags: [READ, WRITE, IO],"
	" board: serial@3100000, origin: board}\n";

START_TEST(load_and_save)
{
	char *dir = scratch_new(), *files[3], why[128];
	struct project p, q;
	struct cell *root;
	struct cell_region *uart;
	char *first, *second;
	struct error err;

	error_clear(&err);
	files[0] = scratch_file(dir, "autojail.yml", "name: tiny\narch: arm64\njailhouse: 14\n",
				-1);
	files[1] = scratch_file(dir, "board.yml", board_text, -1);
	files[2] = scratch_file(dir, "cells.yml", cells_text, -1);
	project_init(&p);
	p.generation = 7;
	ck_assert_msg(project_load(&p, dir, &err) == 0, "%s", err.text);
	ck_assert_str_eq(p.dir, dir);
	ck_assert_str_eq(p.settings.name, "tiny");
	ck_assert_int_eq(p.board.n_regions, 2);
	ck_assert_int_eq(p.spec.n_guests, 1);
	/* Derivation may add cells and regions; what the file says is there. */
	root = config_find_cell(&p.config, "tiny");
	ck_assert_ptr_nonnull(root);
	ck_assert(root->root);
	uart = cell_find_region(root, "uart");
	ck_assert_ptr_nonnull(uart);
	ck_assert_int_eq(uart->board_region, 1);
	ck_assert_int_eq(uart->origin, ORIGIN_BOARD);
	ck_assert(!project_modified(&p));

	/* A change, a save: the project is clean again and reads back the same. */
	free(p.settings.remote_dir);
	p.settings.remote_dir = xstrdup("/tmp/aj");
	p.generation++;
	ck_assert(project_modified(&p));
	ck_assert_msg(project_save(&p, &err) == 0, "%s", err.text);
	ck_assert(!project_modified(&p));
	project_init(&q);
	ck_assert_msg(project_load(&q, dir, &err) == 0, "%s", err.text);
	ck_assert_str_eq(q.settings.remote_dir, "/tmp/aj");
	ck_assert_msg(spec_equal(&p.spec, &q.spec, why, sizeof(why)), "%s", why);
	ck_assert_msg(config_equal(&p.config, &q.config, why, sizeof(why)), "%s", why);
	/* Saving what was loaded, derivation included, writes the same bytes. */
	first = file_slurp(files[2], NULL);
	ck_assert_msg(project_save(&q, &err) == 0, "%s", err.text);
	second = file_slurp(files[2], NULL);
	ck_assert_str_eq(first, second);
	free(first);
	free(second);
	project_free(&p);
	project_free(&q);
	for (int i = 0; i < 3; i++)
		free(files[i]);
	scratch_free(dir);
}
END_TEST

START_TEST(board_from_profile)
{
	char *dir = scratch_new(), *boards = scratch_new(), *prof = xasprintf("%s/tiny", boards);
	char *f1, *f2;
	struct project p;
	struct error err;

	error_clear(&err);
	ck_assert_int_eq(mkdir(prof, 0755), 0);
	f1 = scratch_file(prof, "board.yml", board_text, -1);
	f2 = scratch_file(dir, "autojail.yml", "name: p\nboard_profile: tiny\n", -1);
	setenv("AUTOJAIL_BOARDS", boards, 1);
	ck_assert_str_eq(boards_dir(), boards);
	project_init(&p);
	ck_assert_msg(project_load(&p, dir, &err) == 0, "%s", err.text);
	ck_assert_str_eq(p.board.name, "tiny");
	ck_assert_int_eq(p.board.n_regions, 2);
	project_free(&p);
	unsetenv("AUTOJAIL_BOARDS");
	free(f1);
	free(f2);
	free(prof);
	scratch_free(dir);
	scratch_free(boards);
}
END_TEST

struct project_error {
	const char *settings;    /* NULL: no autojail.yml */
	const char *needle;
};

static const struct project_error project_errors[] = {
	{ NULL, "autojail.yml" },
	{ "name: p\n", "board_profile" },
	{ "name: p\nboard_profile: ../etc\n", "not a profile name" },
	{ "name: p\nboard_profile: nosuch\n", "nosuch/board.yml" },
};

/* A failed load names the file and leaves the project as it was. */
START_TEST(load_errors)
{
	const struct project_error *c = &project_errors[_i];
	char *dir = scratch_new(), *boards = scratch_new(), *f = NULL;
	struct project p;
	struct error err;

	error_clear(&err);
	if (c->settings)
		f = scratch_file(dir, "autojail.yml", c->settings, -1);
	setenv("AUTOJAIL_BOARDS", boards, 1);
	project_init(&p);
	p.settings.name = xstrdup("keep");
	ck_assert_int_eq(project_load(&p, dir, &err), -1);
	ck_assert_msg(strstr(err.text, c->needle), "\"%s\" lacks %s", err.text, c->needle);
	ck_assert_str_eq(p.settings.name, "keep");
	project_free(&p);
	unsetenv("AUTOJAIL_BOARDS");
	free(f);
	scratch_free(dir);
	scratch_free(boards);
}
END_TEST

/* Every bundled profile loads, and saving it again changes nothing. */
START_TEST(bundled_profiles)
{
	const char *src = getenv("top_srcdir");
	char *boards = xasprintf("%s/boards", src ? src : AJ_SRCDIR), *tmp = scratch_new();
	DIR *d = opendir(boards);
	struct dirent *e;

	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d))) {
		char *path = xasprintf("%s/%s/board.yml", boards, e->d_name);
		char *copy = xasprintf("%s/%s.yml", tmp, e->d_name), *again, *orig, why[128];
		struct board b, c;
		struct error err;

		error_clear(&err);
		if (e->d_name[0] == '.' || access(path, R_OK) != 0) {
			free(path);
			free(copy);
			continue;
		}
		board_init(&b);
		board_init(&c);
		ck_assert_msg(board_load(path, &b, &err) == 0, "%s", err.text);
		ck_assert_int_eq(board_save(copy, &b, &err), 0);
		ck_assert_msg(board_load(copy, &c, &err) == 0, "%s", err.text);
		ck_assert_msg(board_equal(&b, &c, why, sizeof(why)), "%s: %s", path, why);
		again = xasprintf("%s.again", copy);
		ck_assert_int_eq(board_save(again, &c, &err), 0);
		orig = file_slurp(copy, NULL);
		free(copy);
		copy = file_slurp(again, NULL);
		ck_assert_str_eq(orig, copy);
		free(orig);
		free(again);
		board_free(&b);
		board_free(&c);
		free(path);
		free(copy);
	}
	closedir(d);
	free(boards);
	scratch_free(tmp);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("io-project");
	TCase *tc = tcase_create("project");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, load_and_save);
	tcase_add_test(tc, board_from_profile);
	tcase_add_loop_test(tc, load_errors, 0, (int)ARRAY_SIZE(project_errors));
	tcase_add_test(tc, bundled_profiles);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
