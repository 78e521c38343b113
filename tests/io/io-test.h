/* Helpers of the tests of tests/io: scratch directories, files, comparisons. */
#ifndef AJ_TESTS_IO_TEST_H
#define AJ_TESTS_IO_TEST_H

#include <stdbool.h>
#include <stddef.h>

#include "model/project.h"

/* A fresh directory under $TMPDIR, removed with its files by scratch_free. */
char *scratch_new(void);
void scratch_free(char *dir);
/* DIR/NAME written with len bytes of data (strlen when len is -1). */
char *scratch_file(const char *dir, const char *name, const char *data, long len);
/* The whole file, NUL-terminated, or NULL. */
char *file_slurp(const char *path, size_t *len);

/* Deep comparisons; the first difference goes into why. Ids are not compared:
 * a load numbers cells and regions afresh. */
bool settings_equal(const struct settings *a, const struct settings *b, char *why, size_t len);
bool board_equal(const struct board *a, const struct board *b, char *why, size_t len);
bool spec_equal(const struct spec *a, const struct spec *b, char *why, size_t len);
/* Regions of origin ORIGIN_DERIVED are skipped: they are not saved. */
bool config_equal(const struct config *a, const struct config *b, char *why, size_t len);

#endif
