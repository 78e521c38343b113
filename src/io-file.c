/* Files as a whole: bounded reads and mkdir -p. */
#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "po/i18n.h"
#include "model/util.h"
#include "src/io-file.h"

int io_file_read(const char *path, size_t max, char **data, size_t *len, struct error *err)
{
	FILE *fp = fopen(path, "rb");
	size_t cap = 0, got;
	char *buf = NULL;
	int ret = 0;

	*data = NULL;
	*len = 0;
	if (!fp) {
		error_errno(err, _("%s: cannot open"), path);
		return -1;
	}
	do {
		if (*len == cap) {
			/* Growing no further than max + 1 bytes tells a full file from a larger one. */
			if (cap > max) {
				ret = 1;
				break;
			}
			cap = cap ? 2 * cap : 64 * 1024;
			if (cap > max + 1)
				cap = max + 1;
			buf = xrealloc(buf, cap + 1);
		}
		got = fread(buf + *len, 1, cap - *len, fp);
		*len += got;
	} while (got);
	if (!ret && ferror(fp)) {
		error_errno(err, _("%s: cannot read"), path);
		ret = -1;
	}
	fclose(fp);
	if (ret) {
		free(buf);
		*len = 0;
		return ret;
	}
	buf[*len] = '\0';
	*data = buf;
	return 0;
}

int io_make_dirs(const char *path, struct error *err)
{
	char *p = xstrdup(path);
	int ret = 0;

	/* Each parent in turn, then the folder itself; existing ones are fine. */
	for (char *s = p + (*p == '/');; s++) {
		char c = *s;

		if (c && c != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0777) != 0 && errno != EEXIST) {
			error_errno(err, _("%s: cannot create folder"), p);
			ret = -1;
			break;
		}
		*s = c;
		if (!c)
			break;
	}
	free(p);
	return ret;
}
