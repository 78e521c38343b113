/* Reading .cell files from disk, for import and dump. */
#include "config.h"

#include <stdlib.h>

#include "po/i18n.h"
#include "src/cellfile-read.h"
#include "src/io-file.h"

/* Configurations are kilobytes; anything this large is not one. */
#define CELL_FILE_MAX (64u << 20)

int cell_file_import(struct config *c, const char *path, enum arch default_arch,
		     struct import_info *info, struct error *err)
{
	struct emit_error eerr;
	char *data;
	size_t len;
	int ret;

	ret = io_file_read(path, CELL_FILE_MAX, &data, &len, err);
	if (ret > 0)
		error_at(err, path, 0, 0, _("larger than %u MiB: not a Jailhouse configuration"),
			 CELL_FILE_MAX >> 20);
	if (ret)
		return -1;
	ret = emit_import(c, path, (const uint8_t *)data, len, default_arch, info, &eerr);
	if (ret < 0)
		error_set(err, "%s", eerr.text);
	free(data);
	return ret;
}
