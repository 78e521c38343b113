/* autojail.yml: the project's settings, one flat mapping. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "po/i18n.h"
#include "src/yaml-common.h"
#include "src/project-io.h"

const struct flag_name arch_names[] = {
	{ ARCH_ARM, "arm" },
	{ ARCH_ARM64, "arm64" },
	{ ARCH_X86, "x86" },
	{ 0, NULL },
};

static bool read_abi(struct yreader *r, const struct yfield *f, void *obj, void *ctx)
{
	struct settings *s = obj;

	(void)ctx;
	if (!ys_read_value(r, f, obj, NULL))
		return false;
	if (s->abi != ABI_V9 && s->abi != ABI_V14)
		return yr_error_here(r, _("expected configuration revision 14 (upstream) or 9 (the "
					  "Jetson TX2 fork) for \"jailhouse\", found %u"),
				     (unsigned)s->abi);
	return true;
}

static bool read_url(struct yreader *r, const struct yfield *f, void *obj, void *ctx)
{
	struct settings *s = obj;

	(void)ctx;
	if (!ys_read_value(r, f, obj, NULL))
		return false;
	if (s->board_url && strncmp(s->board_url, "ssh://", 6) != 0)
		return yr_error_here(r, _("expected the board as ssh://user@host[:port] for "
					  "\"board\", found \"%.60s\""), s->board_url);
	return true;
}

/* A profile is a folder of the boards directory: no way out of it. */
static bool read_profile(struct yreader *r, const struct yfield *f, void *obj, void *ctx)
{
	const char *p;

	(void)ctx;
	if (!ys_read_value(r, f, obj, NULL))
		return false;
	p = ((struct settings *)obj)->board_profile;
	if (p && (!*p || strchr(p, '/') || !strcmp(p, ".") || !strcmp(p, "..")))
		return yr_error_here(r, _("\"%.60s\" is not a profile name for \"board_profile\": "
					  "expected a folder name such as jetson-tx2"), p);
	return true;
}

static const struct yfield settings_fields[] = {
	YF("name", YK_STR, struct settings, name, YF_REQUIRED | YF_NONNULL,
	   .doc = "the project's name"),
	YF("board", YK_STR, struct settings, board_url, 0, .read = read_url,
	   .value_doc = "`ssh://user@host[:port]`", .def_doc = "no board to reach",
	   .doc = "how to log in to the board"),
	YF("arch", YK_ENUM, struct settings, arch, YF_ALWAYS, .ref = arch_names,
	   .def = ARCH_ARM64, .doc = "the board's architecture"),
	YF("jailhouse", YK_UINT, struct settings, abi, YF_ALWAYS, .read = read_abi,
	   .max = UINT32_MAX, .def = ABI_V14, .value_doc = "14 or 9",
	   .doc = "configuration revision: 14 upstream, 9 the Jetson TX2 fork"),
	YF("jailhouse_dir", YK_STR, struct settings, jailhouse_dir, 0,
	   .doc = "Jailhouse source tree, for building inmates"),
	YF("kernel_dir", YK_STR, struct settings, kernel_dir, 0,
	   .doc = "the board's Linux source tree"),
	YF("cross_compile", YK_STR, struct settings, cross_compile, 0,
	   .doc = "compiler prefix, such as aarch64-linux-gnu-"),
	YF("board_profile", YK_STR, struct settings, board_profile, 0, .read = read_profile,
	   .doc = "bundled profile used when there is no board.yml"),
	YF("remote_dir", YK_STR, struct settings, remote_dir, 0,
	   .doc = "folder on the board that push fills"),
};

const struct yschema settings_schema = YS_TABLE(N_("the project settings"), settings_fields);

int settings_load(const char *path, struct settings *s, struct error *err)
{
	struct yreader r;
	struct settings tmp;
	bool ok;

	settings_init(&tmp);
	ok = yr_open(&r, path, err) && ys_read(&r, &settings_schema, &tmp, NULL) && yr_finish(&r);
	yr_close(&r);
	if (!ok) {
		settings_free(&tmp);
		return -1;
	}
	settings_free(s);
	*s = tmp;
	return 0;
}

int settings_save(const char *path, const struct settings *s, struct error *err)
{
	struct ywriter w;

	yw_open(&w, path, _("autojail project settings; see doc/file-formats.md"), err);
	ys_write(&w, NULL, &settings_schema, s, NULL);
	return yw_close(&w) ? 0 : -1;
}
