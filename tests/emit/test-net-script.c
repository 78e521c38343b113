/*
 * The bridge scripts of the virtual network switch, run for real by sh with
 * a bridge and cell names that are shell code: a stand-in `ip` first in PATH
 * keeps the host's network untouched, and an empty sysfs makes every
 * member's interface missing, so the script reports each cell by its name.
 */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "emit/net-script.h"
#include "model/derive.h"
#include "model/network.h"
#include "model/util.h"
#include "tests/model/derive-boards.h"

static const char *const hostile[] = {
	"a$(touch pwn1)",
	"b`touch pwn2`'\"",
	"c\ntouch pwn3",
};

static void write_file(const char *path, const void *data, size_t len, mode_t mode)
{
	FILE *f = fopen(path, "w");

	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(data, 1, len, f), len);
	ck_assert_int_eq(fclose(f), 0);
	ck_assert_int_eq(chmod(path, mode), 0);
}

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "r");
	char *text = xcalloc(1, 65536);

	ck_assert_ptr_nonnull(f);
	ck_assert_uint_gt(fread(text, 1, 65535, f), 0);
	fclose(f);
	return text;
}

/* Every cell named above joins the switch; derivation gives each its link. */
static void derive_switch(struct board *b, struct spec *s, struct config *c)
{
	char why[256];
	size_t i;

	board_mini(b);
	spec_init(s);
	config_init(c);
	s->root.name = xstrdup("mini");
	/* Linux takes such an interface name; sh must not run its second half. */
	s->network.bridge = xstrdup("br;>pwn0");
	s->network.ipv4_prefix = xstrdup("10.23.0.0/24");
	for (i = 0; i < ARRAY_SIZE(hostile); i++) {
		struct guest_spec *g = spec_add_guest(s, hostile[i]);

		g->type = CELL_LINUX;
		g->ram_size = 16 * MiB;
		ck_assert_msg(network_member_add(s, hostile[i], NULL, NULL, why) == 0, "%s", why);
	}
	ck_assert_int_eq(derive_config(b, s, ABI_V14, c, NULL), 0);
}

START_TEST(cell_names_stay_text)
{
	char dir[] = "/tmp/aj-net-script-XXXXXX", path[256], cmd[512];
	static const char fake_ip[] = "#!/bin/sh\nexit 0\n";
	struct emit_error err;
	struct emit_buf up;
	struct board b;
	struct spec s;
	struct config c;
	char *errors;
	size_t i;

	derive_switch(&b, &s, &c);
	emit_buf_init(&up);
	ck_assert_msg(net_script_emit(&b, &s, &c, NET_FILE_UP, NULL, &up, &err) == 0, "%s",
		      err.text);
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/up.sh", dir);
	write_file(path, up.data, up.len, 0755);
	snprintf(path, sizeof(path), "%s/ip", dir);
	write_file(path, fake_ip, sizeof(fake_ip) - 1, 0755);
	snprintf(cmd, sizeof(cmd), "cd %s && PATH=%s:$PATH AUTOJAIL_SYSFS=%s/none sh ./up.sh "
		 "2>errors >/dev/null", dir, dir, dir);
	/* Every member's interface is missing, so the script ends with 1. */
	ck_assert_int_ne(system(cmd), 0);

	snprintf(path, sizeof(path), "%s/errors", dir);
	errors = read_file(path);
	for (i = 0; i < ARRAY_SIZE(hostile); i++) {
		char want[128];

		snprintf(path, sizeof(path), "%s/pwn%zu", dir, i + 1);
		ck_assert_msg(access(path, F_OK) != 0, "cell name %zu ran as a command", i + 1);
		snprintf(want, sizeof(want), "no interface of cell %s at PCI", hostile[i]);
		ck_assert_msg(strstr(errors, want), "missing \"%s\" in:\n%s", want, errors);
	}
	free(errors);
	snprintf(path, sizeof(path), "%s/pwn0", dir);
	ck_assert_msg(access(path, F_OK) != 0, "the bridge's name ran as a command");
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	ck_assert_int_eq(system(cmd), 0);
	emit_buf_free(&up);
	config_free(&c);
	spec_free(&s);
	board_free(&b);
}
END_TEST

int main(void)
{
	Suite *suite = suite_create("net-script");
	TCase *tc = tcase_create("scripts");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, cell_names_stay_text);
	suite_add_tcase(suite, tc);
	sr = srunner_create(suite);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
