/*
 * Replacing files so that a crash, a full disk or a kill never leaves a
 * half-written file under the final name: write to a temporary file in the
 * same directory, fsync it, keep the previous file as NAME.bak, rename.
 */
#ifndef AJ_SRC_ATOMIC_H
#define AJ_SRC_ATOMIC_H

#include <stddef.h>
#include <stdio.h>

#include "src/error.h"

struct atomic_file {
	FILE *fp;                /* write here */
	char *path;              /* final name */
	char *tmp;               /* temporary name */
	int keep_backup;         /* keep the old file as PATH.bak (default 1) */
};

/* Opens the temporary file. Returns 0, or -1 with err set. */
int atomic_open(struct atomic_file *af, const char *path, struct error *err);
/* Flushes, fsyncs and renames into place; on any failure the temporary file
 * is removed, the old file stays, and -1 is returned with err set. */
int atomic_commit(struct atomic_file *af, struct error *err);
/* Drops the temporary file, leaving the old one untouched. */
void atomic_abort(struct atomic_file *af);
/* Writes a whole buffer atomically. */
int atomic_write(const char *path, const void *data, size_t len, int keep_backup,
		 struct error *err);

#endif
