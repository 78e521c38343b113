/*
 * Files as a whole: reading one of bounded size, and creating a folder with
 * its parents. The project loaders, import and dump, the dump copy and
 * generate share these, so that each failure is reported the same way.
 */
#ifndef AJ_SRC_IO_FILE_H
#define AJ_SRC_IO_FILE_H

#include <stddef.h>

#include "src/error.h"

/* Reads the whole file in chunks, so that pipes and /proc files work too.
 * Returns 0 with *data (malloc'd, NUL-terminated) and *len; -1 with err set
 * when the file cannot be read; 1 when it holds more than max bytes, which
 * the caller explains (err is not set). */
int io_file_read(const char *path, size_t max, char **data, size_t *len, struct error *err);

/* Creates the folder and its parents, like mkdir -p. Returns 0 or -1 with
 * err set. */
int io_make_dirs(const char *path, struct error *err);

#endif
