/*
 * Malformed project files: for each loader and each kind of damage (wrong
 * types, unknown keys, truncation, binary junk, huge numbers, duplicate keys,
 * aliases), the message names the file, the line and column, and the key;
 * the output keeps its old contents. Cutting a valid file at every byte
 * never crashes and never succeeds halfway.
 */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/util.h"
#include "src/project-io.h"
#include "tests/io/io-test.h"

enum which { SETTINGS, BOARD, CELLS };

struct bad_case {
	enum which file;
	const char *text;
	long len;                /* -1: strlen */
	unsigned line;
	const char *needle;      /* must appear in the message */
	const char *needle2;     /* and this too, when set */
};

static const struct bad_case bad_cases[] = {
	/* autojail.yml */
	{ SETTINGS, "name: demo\narch: [arm]\n", -1, 2, "\"arch\"", "list" },
	{ SETTINGS, "name: demo\nfrobnicate: 1\n", -1, 2, "frobnicate", "kernel_dir" },
	{ SETTINGS, "name: \"demo\nboard: ssh://x", -1, 2, "end of stream", NULL },
	{ SETTINGS, "name: demo\n\x01\x02\xff\xfe\n", 16, 2, "not a YAML text", NULL },
	{ SETTINGS, "name: demo\njailhouse: 99999999999999999999999\n", -1, 2, "\"jailhouse\"",
	  "too large" },
	{ SETTINGS, "name: demo\njailhouse: 10\n", -1, 2, "\"jailhouse\"", "14" },
	{ SETTINGS, "name: a\narch: arm\nname: b\n", -1, 3, "\"name\"", "twice" },
	{ SETTINGS, "name: &n demo\n", -1, 1, "anchors", NULL },
	{ SETTINGS, "arch: arm64\n", -1, 1, "\"name\"", "lacks" },
	{ SETTINGS, "", 0, 1, "\"name\"", "lacks" },
	{ SETTINGS, "name: a\n---\nname: b\n", -1, 2, "one YAML document", NULL },
	{ SETTINGS, "- name\n", -1, 1, "mapping", NULL },
	{ SETTINGS, "name: demo\n\tarch: arm\n", -1, 2, "tab", "spaces" },
	{ SETTINGS, "name: demo\nboard: 192.168.0.1\n", -1, 2, "\"board\"", "ssh://" },
	{ SETTINGS, "name: demo\narch: sparc\n", -1, 2, "\"arch\"", "arm64" },
	{ SETTINGS, "name: demo\narch: 0b100000000\n", -1, 2, "\"arch\"", "arm64" },
	{ SETTINGS, "name: demo\nboard_profile: ../etc\n", -1, 2, "\"board_profile\"",
	  "not a profile name" },
	{ SETTINGS, "name: demo\nboard_profile: \"\"\n", -1, 2, "\"board_profile\"",
	  "not a profile name" },
	/* board.yml */
	{ BOARD, "regions:\n  - name: x\n    start: {a: 1}\n    size: 4K\n", -1, 3, "\"start\"",
	  "mapping" },
	{ BOARD, "regions:\n  - start: 0\n    size: 4K\n    colour: red\n", -1, 4, "colour",
	  "linux_uses" },
	{ BOARD, "regions:\n  - {name: x, start: 0x1000, size: 4K\n", -1, 3, "invalid YAML",
	  NULL },
	{ BOARD, "name: b\nregions:\n  - name: x\n    start: 0x1000\n", -1, 3, "\"size\"",
	  "lacks" },
	{ BOARD, "name: b\nmodel: \"a\0b\"\n", 21, 2, "not a YAML text", NULL },
	{ BOARD, "name: b\nmem_limit: 99999999999 TiB\n", -1, 2, "\"mem_limit\"", NULL },
	{ BOARD, "regions:\n  - {start: 0x10000000000000000, size: 1}\n", -1, 2, "\"start\"",
	  "too large" },
	{ BOARD, "cpus:\n  - id: 4294967296\n", -1, 2, "\"id\"", "too large" },
	{ BOARD, "name: a\nmodel: b\nname: c\n", -1, 3, "\"name\"", "twice" },
	{ BOARD, "regions:\n  - {start: 0, size: 1, parent: 5}\n", -1, 2, "\"parent\"", NULL },
	{ BOARD, "gic:\n  version: 1\n", -1, 2, "version 2 or 3", NULL },
	{ BOARD, "gic:\n  gicd: {start: 0x1000}\n", -1, 2, "\"size\"", "lacks" },
	{ BOARD, "regions:\n  - {start: 0, size: 1, kind: rom}\n", -1, 2, "\"kind\"", "mmio" },
	{ BOARD, "linux_irqs: \"25,1024\"\n", -1, 1, "\"linux_irqs\"", "1023" },
	{ BOARD, "cpus:\n  - {id: 0, online: maybe}\n", -1, 2, "\"online\"", "yes or no" },
	{ BOARD, "regions: &r []\nmore: *r\n", -1, 1, "anchors", NULL },
	{ BOARD, "pci:\n  - {bdf: 00:20.0}\n", -1, 2, "\"bdf\"", "bus:device.function" },
	/* cells.yml */
	{ CELLS, "cells: {name: x}\n", -1, 1, "\"cells\"", "list" },
	{ CELLS, "cells:\n  - name: a\n    regions:\n      - {phys: 0, size: 4K, flagz: []}\n", -1,
	  4, "flagz", "origin" },
	{ CELLS, "cells:\n  - name: a\n    regions:\n      - {phys: 0, size: 4K, flags: [READ,\n",
	  -1, 5, "invalid YAML", NULL },
	{ CELLS, "cells:\n  - name: a\n    cpus: \"1\x7f\"\n", -1, 3, "not a YAML text", NULL },
	{ CELLS, "guests:\n  - name: a\n    ram: 0x1ffffffffffffffff\n", -1, 3, "\"ram\"", NULL },
	{ CELLS, "guests:\n  - name: a\n    cpus: 65\n", -1, 3, "64 CPUs", NULL },
	{ CELLS, "cells:\n  - name: a\n    cpus: \"1\"\n    cpus: \"2\"\n", -1, 4, "\"cpus\"",
	  "twice" },
	{ CELLS, "cells:\n  - name: a\n    flags: [PASSIVE_COMMREG, BOGUS]\n", -1, 3, "BOGUS",
	  "AARCH32" },
	{ CELLS, "cells:\n  - name: a\n    regions:\n      - {phys: 0, size: 1, board: nosuch}\n",
	  -1, 4, "nosuch", NULL },
	{ CELLS, "cells:\n  - name: a\n    regions:\n      - {phys: 0, size: 1, board: 99}\n", -1,
	  4, "no region 99", NULL },
	{ CELLS, "cells:\n  - name: a\n    irqchips:\n      - address: 0x3881000\n"
		 "        interrupts: \"31\"\n        pin_base: 32\n", -1, 5, "\"interrupts\"",
	  "32 to 159" },
	{ CELLS, "cells:\n  - {name: a, root: yes}\n  - {name: b, root: yes}\n", -1, 3,
	  "second root", NULL },
	{ CELLS, "cells:\n  - {name: a}\n  - {name: a}\n", -1, 3, "two cells named", NULL },
	{ CELLS, "links:\n  - name: l\n    peers: [a, b]\n    protocol: 0x10000\n", -1, 4,
	  "\"protocol\"", "veth" },
	{ CELLS, "system:\n  iommu:\n    - {unit: 8}\n", -1, 3, "\"unit\"", NULL },
	{ CELLS, "system:\n  gic_version: 256\n", -1, 2, "\"gic_version\"", "255" },
	{ CELLS, "cells:\n  - name: a\n    pio: \"0g\"\n", -1, 3, "\"pio\"", NULL },
	{ CELLS, "guests:\n  - name: a\n    devices: [{name: x, shared: sometimes}]\n", -1, 3,
	  "\"shared\"", NULL },
	{ CELLS, "guests:\n  - &g {name: a}\n", -1, 2, "anchors", NULL },
};

static const char *const file_names[] = { "autojail.yml", "board.yml", "cells.yml" };

/* The output must keep what it held before a failed load. */
START_TEST(malformed)
{
	const struct bad_case *c = &bad_cases[_i];
	char *dir = scratch_new();
	char *path = scratch_file(dir, file_names[c->file], c->text, c->len);
	char *prefix = xasprintf("%s:%u:", path, c->line);
	struct settings s;
	struct board b, ref;
	struct config cfg;
	struct error err;
	int ret = 0;

	error_clear(&err);
	settings_init(&s);
	s.name = xstrdup("keep");
	board_init(&b);
	b.name = xstrdup("keep");
	board_init(&ref);
	board_add_region(&ref, "serial@3100000", 0x3100000, 0x1000, REGION_MMIO);
	config_init(&cfg);
	config_add_cell(&cfg, "keep", true);
	switch (c->file) {
	case SETTINGS: ret = settings_load(path, &s, &err); break;
	case BOARD: ret = board_load(path, &b, &err); break;
	case CELLS: ret = cells_load(path, &ref, &cfg, &err); break;
	}
	ck_assert_msg(ret == -1, "case %d loaded", _i);
	ck_assert_msg(err.set, "case %d: no message", _i);
	ck_assert_msg(!strncmp(err.text, prefix, strlen(prefix)),
		      "case %d: \"%s\" does not start with %s", _i, err.text, prefix);
	ck_assert_msg(strstr(err.text, c->needle), "case %d: \"%s\" lacks %s", _i, err.text,
		      c->needle);
	ck_assert_msg(!c->needle2 || strstr(err.text, c->needle2), "case %d: \"%s\" lacks %s",
		      _i, err.text, c->needle2);
	ck_assert_str_eq(s.name, "keep");
	ck_assert_str_eq(b.name, "keep");
	ck_assert_int_eq(cfg.n_cells, 1);
	ck_assert_str_eq(cfg.cells[0]->name, "keep");
	settings_free(&s);
	board_free(&b);
	board_free(&ref);
	config_free(&cfg);
	free(prefix);
	free(path);
	scratch_free(dir);
}
END_TEST

START_TEST(missing_file)
{
	char *dir = scratch_new(), *path = xasprintf("%s/board.yml", dir);
	struct board b;
	struct error err;

	error_clear(&err);
	board_init(&b);
	ck_assert_int_eq(board_load(path, &b, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.text, path));
	/* A directory where the file should be. */
	error_clear(&err);
	ck_assert_int_eq(board_load(dir, &b, &err), -1);
	ck_assert_msg(strstr(err.text, dir) && strstr(err.text, "cannot read"), "%s", err.text);
	board_free(&b);
	free(path);
	scratch_free(dir);
}
END_TEST

/* A valid cells.yml, cut after every byte: each prefix loads or fails with a
 * message that names the file; none crashes or leaks (run under valgrind). */
START_TEST(truncated_everywhere)
{
	static const char text[] =
		"guests:\n"
		"  - name: g\n"
		"    cpus: \"2-3\"\n"
		"    devices: [uart, {name: gpio, shared: no}]\n"
		"system:\n"
		"  arch: arm64\n"
		"  hypervisor: {phys: 0x100000000, size: 16 MiB}\n"
		"cells:\n"
		"  - name: root\n"
		"    root: yes\n"
		"    cpus: \"0-1\"\n"
		"    regions:\n"
		"      - {name: ram, phys: 0x80000000, size: 2 GiB, flags: [READ, WRITE]}\n"
		"    irqchips:\n"
		"      - {address: 0x3881000, pin_base: 32, interrupts: \"32-40,55\"}\n";
	char *dir = scratch_new();
	size_t n = strlen(text);

	for (size_t cut = 0; cut <= n; cut++) {
		char *path = scratch_file(dir, "cells.yml", text, (long)cut);
		struct config c;
		struct spec s;
		struct error err;
		int ret;

		error_clear(&err);
		config_init(&c);
		spec_init(&s);
		ret = cells_load_with_spec(path, NULL, &s, &c, &err);
		ck_assert_msg(ret == 0 || (ret == -1 && !strncmp(err.text, path, strlen(path))),
			      "cut %zu: %d %s", cut, ret, err.text);
		config_free(&c);
		spec_free(&s);
		free(path);
	}
	scratch_free(dir);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("io-errors");
	TCase *tc = tcase_create("errors");
	SRunner *sr;
	int failed;

	tcase_add_loop_test(tc, malformed, 0, (int)ARRAY_SIZE(bad_cases));
	tcase_add_test(tc, missing_file);
	tcase_add_test(tc, truncated_everywhere);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
