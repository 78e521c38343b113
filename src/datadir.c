/* The data directories of an installed or a freshly built autojail. */
#include "config.h"

#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "model/util.h"
#include "src/datadir.h"

struct found {
	char *name;
	char *path;
};

static struct found found[4];

const char *datadir_find(const char *name, const char *env)
{
	const char *value = env ? getenv(env) : NULL;
	struct found *f = NULL;
	struct stat st;

	if (value && *value)
		return value;
	for (size_t i = 0; i < ARRAY_SIZE(found) && !f; i++) {
		if (!found[i].name || strcmp(found[i].name, name) == 0)
			f = &found[i];
	}
	if (!f)
		abort();
	if (f->path)
		return f->path;
	f->name = xstrdup(name);
#ifdef AJ_SRCDIR
	f->path = xasprintf("%s/%s", AJ_SRCDIR, name);
	if (stat(f->path, &st) == 0 && S_ISDIR(st.st_mode))
		return f->path;
	free(f->path);
#endif
	f->path = xasprintf("%s/%s", PKGDATADIR, name);
	return f->path;
}

#ifdef AJ_BUILDDIR
/* Whether this process is the autojail the build tree made, not an
 * installed copy, which must speak what was installed with it. */
static bool from_build_tree(void)
{
	char self[PATH_MAX], built[PATH_MAX];

	return realpath("/proc/self/exe", self) && realpath(AJ_BUILDDIR "/autojail", built) &&
	       !strcmp(self, built);
}
#endif

const char *datadir_locale(void)
{
	static const char *dir;
	const char *value = getenv("AUTOJAIL_LOCALEDIR");

	if (value && *value)
		return value;
	if (dir)
		return dir;
	dir = LOCALEDIR;
#ifdef AJ_BUILDDIR
	{
		struct stat st;

		if (from_build_tree() && stat(AJ_BUILDDIR "/po/locale", &st) == 0 &&
		    S_ISDIR(st.st_mode))
			dir = AJ_BUILDDIR "/po/locale";
	}
#endif
	return dir;
}
