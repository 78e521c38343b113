/*
 * examples/jetson-tx2-gpio as shipped: its cells.yml read with the real
 * YAML reader asks for what the TX2 demo spec of the other tests asks for,
 * and with the bundled jetson-tx2 profile the project loads, derives without
 * errors for both revisions (once Linux boots with the mem= derivation
 * advises), validates without diagnostics, and its platform information
 * matches shared/jetson-tx2.md.
 */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/derive.h"
#include "model/project.h"
#include "model/util.h"
#include "model/validate.h"
#include "src/error.h"
#include "src/project-io.h"
#include "tests/model/derive-boards.h"

static char *example_path(const char *file)
{
	const char *src = getenv("top_srcdir");

	return xasprintf("%s/examples/jetson-tx2-gpio%s%s", src ? src : AJ_SRCDIR,
			 file ? "/" : "", file ? file : "");
}

/* Returns the mem= limit derivation advises, 0 when Linux may keep its RAM. */
static uint64_t derive_ok(const struct board *b, const struct spec *s, enum abi abi,
			  struct config *c)
{
	struct derive_report rep;
	uint64_t limit;
	char *text;
	int rc;

	derive_report_init(&rep);
	rc = derive_config(b, s, abi, c, &rep);
	text = report_text(&rep);
	ck_assert_msg(rc == 0 && !derive_report_count(&rep, SEV_ERROR), "%s", text);
	free(text);
	limit = rep.mem_limit;
	derive_report_free(&rep);
	return limit;
}

START_TEST(example_spec_is_the_demo)
{
	char *path = example_path("cells.yml");
	struct spec s, demo;
	struct config c, loaded, want;
	struct board b;
	struct error err;
	enum abi abi;

	error_clear(&err);
	board_tx2(&b);
	spec_init(&s);
	config_init(&loaded);
	ck_assert_msg(cells_load_with_spec(path, &b, &s, &loaded, &err) == 0, "%s", err.text);
	ck_assert_uint_eq(s.n_guests, 1);
	ck_assert_str_eq(s.guests[0].name, "gpio-demo");
	ck_assert_uint_eq(s.n_links, 1);
	spec_tx2_demo(&demo);
	for (abi = ABI_V9; abi <= ABI_V14; abi += ABI_V14 - ABI_V9) {
		config_init(&c);
		config_init(&want);
		derive_ok(&b, &s, abi, &c);
		derive_ok(&b, &demo, abi, &want);
		ck_assert_msg(config_same(&c, &want), "revision %d differs", abi);
		config_free(&c);
		config_free(&want);
	}
	config_free(&loaded);
	spec_free(&demo);
	spec_free(&s);
	board_free(&b);
	free(path);
}
END_TEST

static char *boards_path(void)
{
	const char *src = getenv("top_srcdir");

	return xasprintf("%s/boards", src ? src : AJ_SRCDIR);
}

static bool have_profile(void)
{
	char *boards = boards_path(), *profile = xasprintf("%s/jetson-tx2/board.yml", boards);
	bool ok = access(profile, R_OK) == 0;

	free(profile);
	free(boards);
	return ok;
}

START_TEST(example_on_bundled_profile)
{
	char *boards = boards_path(), *dir = example_path(NULL);
	struct project p;
	struct error err;
	struct validator *v;
	const struct cell *demo, *root;
	const struct cell_region *uart = NULL;
	enum abi abi;
	size_t i, n;

	setenv("AUTOJAIL_BOARDS", boards, 0);
	error_clear(&err);
	project_init(&p);
	ck_assert_msg(project_load(&p, dir, &err) == 0, "%s", err.text);
	for (abi = ABI_V9; abi <= ABI_V14; abi += ABI_V14 - ABI_V9) {
		const struct diag *d;
		uint64_t limit = derive_ok(&p.board, &p.spec, abi, &p.config);

		/* The profile's Linux uses all RAM: boot it with the advised mem=
		 * (as extraction would then see it), and the advice is met. */
		if (limit) {
			p.board.mem_limit = limit;
			board_index(&p.board);
			ck_assert_uint_eq(derive_ok(&p.board, &p.spec, abi, &p.config), 0);
		}
		root = config_root(&p.config);
		demo = config_find_cell(&p.config, "gpio-demo");
		ck_assert_ptr_nonnull(demo);
		ck_assert_uint_eq(p.config.sys.gic_version, 2);
		ck_assert_uint_eq(p.config.sys.gicd_base, 0x03881000);
		ck_assert_uint_eq(p.config.sys.gicc_base, 0x03882000);
		ck_assert_uint_eq(p.config.sys.gich_base, 0x03884000);
		ck_assert_uint_eq(p.config.sys.gicv_base, 0x03886000);
		ck_assert_uint_eq(p.config.sys.maintenance_irq, 25);
		ck_assert_uint_eq(root->irqchips[0].pin_base, 32);
		for (i = 0; i < demo->n_regions; i++)
			if (range_contains(demo->regions[i].phys, demo->regions[i].size,
					   0x03100000, 0x40))
				uart = &demo->regions[i];
		ck_assert_ptr_nonnull(uart);
		ck_assert(uart->flags & MEM_ROOTSHARED);
		ck_assert_uint_eq(demo->n_pci, 1);
		ck_assert_uint_eq(demo->regions[demo->pci[0].shmem_regions_start].phys,
				  root->regions[root->pci[0].shmem_regions_start].phys);

		v = validator_new();
		validate_full(v, &p.board, &p.config);
		d = validator_diags(v, &n);
		for (i = 0; i < n; i++)
			ck_assert_msg(0, "revision %d: %s: %s", abi, diag_code_name(d[i].code),
				      d[i].message);
		validator_free(v);
	}
	project_free(&p);
	free(dir);
	free(boards);
}
END_TEST

static Suite *example_suite(void)
{
	Suite *s = suite_create("derive-example");
	TCase *t = tcase_create("jetson-tx2-gpio");

	tcase_add_test(t, example_spec_is_the_demo);
	/* The bundled profile comes from extraction; without it there is
	 * nothing to load, and the case is left out rather than passed. */
	if (have_profile())
		tcase_add_test(t, example_on_bundled_profile);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(example_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
