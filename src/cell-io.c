/* Reading .cell files from disk, for import and dump. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "model/i18n.h"
#include "model/util.h"
#include "src/cell-io.h"

/* Configurations are kilobytes; anything this large is not one. */
#define CELL_FILE_MAX (64u << 20)

static int read_all(const char *path, uint8_t **data, size_t *len, struct error *err)
{
	FILE *f = fopen(path, "rb");
	size_t cap = 0, n;
	bool failed = true;

	*data = NULL;
	*len = 0;
	if (!f) {
		error_errno(err, "%s", path);
		return -1;
	}
	do {
		if (*len == cap) {
			cap = cap ? cap * 2 : 4096;
			*data = xrealloc(*data, cap);
		}
		n = fread(*data + *len, 1, cap - *len, f);
		*len += n;
	} while (n && *len <= CELL_FILE_MAX);
	if (ferror(f))
		error_errno(err, "%s", path);
	else if (*len > CELL_FILE_MAX)
		error_at(err, path, 0, 0, _("larger than %u MiB: not a Jailhouse configuration"),
			 CELL_FILE_MAX >> 20);
	else
		failed = false;
	fclose(f);
	if (failed) {
		free(*data);
		*data = NULL;
		return -1;
	}
	return 0;
}

int cell_file_import(struct config *c, const char *path, enum arch default_arch,
		     struct import_info *info, struct error *err)
{
	struct emit_error eerr;
	uint8_t *data;
	size_t len;
	int ret;

	if (read_all(path, &data, &len, err) < 0)
		return -1;
	ret = emit_import(c, path, data, len, default_arch, info, &eerr);
	if (ret < 0)
		error_set(err, "%s", eerr.text);
	free(data);
	return ret;
}
