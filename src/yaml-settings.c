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

enum {
	K_NAME, K_BOARD, K_ARCH, K_JAILHOUSE, K_JAILHOUSE_DIR, K_KERNEL_DIR, K_CROSS_COMPILE,
	K_BOARD_PROFILE, K_REMOTE_DIR,
};

static const char *const settings_keys[] = {
	"name", "board", "arch", "jailhouse", "jailhouse_dir", "kernel_dir", "cross_compile",
	"board_profile", "remote_dir", NULL,
};

static bool read_abi(struct yreader *r, enum abi *abi)
{
	uint64_t v;

	if (!yr_u64(r, "jailhouse", UINT32_MAX, &v))
		return false;
	if (v != ABI_V9 && v != ABI_V14)
		return yr_error_here(r, _("expected configuration revision 14 (upstream) or 9 (the "
					  "Jetson TX2 fork) for \"jailhouse\", found %u"),
				     (unsigned)v);
	*abi = (enum abi)v;
	return true;
}

static bool read_url(struct yreader *r, char **url)
{
	if (!yr_str(r, "board", url))
		return false;
	if (*url && strncmp(*url, "ssh://", 6) != 0)
		return yr_error_here(r, _("expected the board as ssh://user@host[:port] for "
					  "\"board\", found \"%.60s\""), *url);
	return true;
}

/* A profile is a folder of the boards directory: no way out of it. */
static bool read_profile(struct yreader *r, char **profile)
{
	const char *p;

	if (!yr_str(r, "board_profile", profile))
		return false;
	p = *profile;
	if (p && (!*p || strchr(p, '/') || !strcmp(p, ".") || !strcmp(p, "..")))
		return yr_error_here(r, _("\"%.60s\" is not a profile name for \"board_profile\": "
					  "expected a folder name such as jetson-tx2"), p);
	return true;
}

static bool read_settings(struct yreader *r, struct settings *s)
{
	struct ymap m;
	uint32_t arch;
	int k;

	if (!yr_map_begin(r, &m, N_("the project settings"), settings_keys, YKEY(K_NAME)))
		return false;
	while ((k = yr_map_next(r, &m)) >= 0) {
		bool ok = true;

		switch (k) {
		case K_NAME:
			ok = yr_str(r, "name", &s->name);
			if (ok && !s->name)
				ok = yr_error_here(r, _("the project needs a name"));
			break;
		case K_BOARD: ok = read_url(r, &s->board_url); break;
		case K_ARCH:
			ok = yr_enum(r, "arch", arch_names, 0, &arch);
			s->arch = (enum arch)arch;
			break;
		case K_JAILHOUSE: ok = read_abi(r, &s->abi); break;
		case K_JAILHOUSE_DIR: ok = yr_str(r, "jailhouse_dir", &s->jailhouse_dir); break;
		case K_KERNEL_DIR: ok = yr_str(r, "kernel_dir", &s->kernel_dir); break;
		case K_CROSS_COMPILE: ok = yr_str(r, "cross_compile", &s->cross_compile); break;
		case K_BOARD_PROFILE: ok = read_profile(r, &s->board_profile); break;
		case K_REMOTE_DIR: ok = yr_str(r, "remote_dir", &s->remote_dir); break;
		}
		if (!ok)
			return false;
	}
	return k == -1;
}

int settings_load(const char *path, struct settings *s, struct error *err)
{
	struct yreader r;
	struct settings tmp;
	bool ok;

	settings_init(&tmp);
	ok = yr_open(&r, path, err) && read_settings(&r, &tmp) && yr_finish(&r);
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
	yw_map_begin(&w, false);
	yw_str(&w, "name", s->name);
	yw_str(&w, "board", s->board_url);
	yw_enum(&w, "arch", arch_names, s->arch);
	yw_dec(&w, "jailhouse", (uint64_t)s->abi);
	yw_str(&w, "jailhouse_dir", s->jailhouse_dir);
	yw_str(&w, "kernel_dir", s->kernel_dir);
	yw_str(&w, "cross_compile", s->cross_compile);
	yw_str(&w, "board_profile", s->board_profile);
	yw_str(&w, "remote_dir", s->remote_dir);
	yw_map_end(&w);
	return yw_close(&w) ? 0 : -1;
}
