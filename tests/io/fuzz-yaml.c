/*
 * libFuzzer target for the project file loaders: every input is loaded as
 * autojail.yml, board.yml and cells.yml. A load either succeeds or sets a
 * message; whatever loads is saved, loaded and saved again, and the two
 * saves must be the same bytes (the round trip holds for any input).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/util.h"
#include "src/project-io.h"

static char *dir;

static char *path_of(const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

static void remove_dir(void)
{
	static const char *const names[] = {
		"input.yml", "first.yml", "first.yml.bak", "second.yml", "second.yml.bak",
	};

	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		char *path = path_of(names[i]);

		remove(path);
		free(path);
	}
	remove(dir);
}

static void write_input(const char *path, const unsigned char *data, size_t size)
{
	FILE *fp = fopen(path, "wb");

	if (!fp || fwrite(data, 1, size, fp) != size || fclose(fp) != 0)
		abort();
}

static void same_bytes(const char *a, const char *b)
{
	FILE *fa = fopen(a, "rb"), *fb = fopen(b, "rb");
	int ca, cb;

	if (!fa || !fb)
		abort();
	do {
		ca = getc(fa);
		cb = getc(fb);
		if (ca != cb) {
			fprintf(stderr, "fuzz-yaml: %s and %s differ\n", a, b);
			abort();
		}
	} while (ca != EOF);
	fclose(fa);
	fclose(fb);
}

static void check_loaded(int ret, const struct error *err)
{
	if (ret < 0 && !err->set)
		abort();
}

static void settings_trip(const char *in, const char *p1, const char *p2)
{
	struct settings s, t;
	struct error err;

	error_clear(&err);
	settings_init(&s);
	settings_init(&t);
	check_loaded(settings_load(in, &s, &err), &err);
	if (!err.set && settings_save(p1, &s, &err) == 0) {
		if (settings_load(p1, &t, &err) < 0 || settings_save(p2, &t, &err) < 0) {
			fprintf(stderr, "fuzz-yaml: %s\n", err.text);
			abort();
		}
		same_bytes(p1, p2);
	}
	settings_free(&s);
	settings_free(&t);
}

static void board_trip(const char *in, const char *p1, const char *p2)
{
	struct board b, c;
	struct error err;

	error_clear(&err);
	board_init(&b);
	board_init(&c);
	check_loaded(board_load(in, &b, &err), &err);
	if (!err.set && board_save(p1, &b, &err) == 0) {
		if (board_load(p1, &c, &err) < 0 || board_save(p2, &c, &err) < 0) {
			fprintf(stderr, "fuzz-yaml: %s\n", err.text);
			abort();
		}
		same_bytes(p1, p2);
	}
	board_free(&b);
	board_free(&c);
}

static void cells_trip(const char *in, const char *p1, const char *p2)
{
	struct board b;
	struct spec s, s2;
	struct config c, c2;
	struct board_region *r;
	struct error err;

	error_clear(&err);
	board_init(&b);
	r = board_add_region(&b, "serial@3100000", 0x3100000, 0x1000, REGION_MMIO);
	r->dt_path = xstrdup("/serial@3100000");
	board_add_region(&b, "System RAM", 0x80000000, 0x80000000, REGION_RAM);
	spec_init(&s);
	spec_init(&s2);
	config_init(&c);
	config_init(&c2);
	check_loaded(cells_load_with_spec(in, &b, &s, &c, &err), &err);
	if (!err.set && cells_save_with_spec(p1, &b, &s, &c, &err) == 0) {
		if (cells_load_with_spec(p1, &b, &s2, &c2, &err) < 0 ||
		    cells_save_with_spec(p2, &b, &s2, &c2, &err) < 0) {
			fprintf(stderr, "fuzz-yaml: %s\n", err.text);
			abort();
		}
		same_bytes(p1, p2);
	}
	spec_free(&s);
	spec_free(&s2);
	config_free(&c);
	config_free(&c2);
	board_free(&b);
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	char *in, *p1, *p2;

	if (!dir) {
		const char *tmp = getenv("TMPDIR");

		dir = xasprintf("%s/aj-fuzz-yaml-XXXXXX", tmp && *tmp ? tmp : "/tmp");
		if (!mkdtemp(dir))
			abort();
		atexit(remove_dir);
	}
	in = path_of("input.yml");
	p1 = path_of("first.yml");
	p2 = path_of("second.yml");
	write_input(in, data, size);
	settings_trip(in, p1, p2);
	board_trip(in, p1, p2);
	cells_trip(in, p1, p2);
	free(in);
	free(p1);
	free(p2);
	return 0;
}
