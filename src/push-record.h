/*
 * What the last push to a board left there: each file's SHA-256, and its
 * size and modification time on the board, kept in the build directory
 * (build/.pushed) so that a push with nothing changed can tell by SFTP's
 * stat alone, without a command on the board. The record names the board
 * and the remote directory; a push to another one ignores it.
 */
#ifndef AJ_SRC_PUSH_RECORD_H
#define AJ_SRC_PUSH_RECORD_H

#include <stddef.h>

#include "src/link.h"

struct push_record;

/* The record in dir for board (link_name) and remote_dir; an empty one when
 * there is none or it is another board's. Never NULL. */
struct push_record *push_record_load(const char *dir, const char *board,
				     const char *remote_dir);
/* Gives each file what the record knows of it (last_sha, last); the files
 * point into r, which must outlive them. */
void push_record_apply(const struct push_record *r, struct link_file *files, size_t n);
/* Replaces the record after a push. A record that cannot be written only
 * makes the next push check the board's checksums, so failures are
 * ignored. */
void push_record_save(const char *dir, const char *board, const char *remote_dir,
		      const struct link_file *files, size_t n);
void push_record_free(struct push_record *r);

#endif
