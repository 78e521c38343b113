/*
 * The push record: a header line naming the board and the remote
 * directory, then one line per file, "SHA SIZE MTIME REMOTE-PATH". A line
 * that does not parse (a path with a newline in it) is only a file the
 * record does not know, which the board's checksums then judge.
 */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/util.h"
#include "src/atomic.h"
#include "src/io-file.h"
#include "src/push-record.h"

#define RECORD_FILE ".pushed"
#define RECORD_MAX (1024 * 1024)

struct push_entry {
	char sha[65];
	struct link_stat st;
	char *remote;
};

struct push_record {
	struct push_entry *entries;
	size_t n, cap;
};

static char *header(const char *board, const char *remote_dir)
{
	return xasprintf("# autojail push record: %s %s\n", board, remote_dir);
}

static void parse_line(struct push_record *r, char *line)
{
	struct push_entry e;
	int used = 0;

	if (sscanf(line, "%64[0-9a-f] %" SCNu64 " %" SCNd64 " %n", e.sha, &e.st.size, &e.st.mtime,
		   &used) != 3 || used == 0 || strlen(e.sha) != 64 || !line[used])
		return;
	e.remote = xstrdup(line + used);
	ARRAY_PUSH(r->entries, r->n, r->cap, e);
}

struct push_record *push_record_load(const char *dir, const char *board,
				     const char *remote_dir)
{
	struct push_record *r = xcalloc(1, sizeof(*r));
	char *path = xasprintf("%s/%s", dir, RECORD_FILE), *head = header(board, remote_dir);
	char *text = NULL, *rest, *line;
	struct error err;
	size_t len;

	error_clear(&err);
	if (io_file_read(path, RECORD_MAX, &text, &len, &err) == 0 &&
	    strncmp(text, head, strlen(head)) == 0) {
		rest = text + strlen(head);
		while ((line = strsep(&rest, "\n")) != NULL)
			parse_line(r, line);
	}
	free(text);
	free(head);
	free(path);
	return r;
}

void push_record_apply(const struct push_record *r, struct link_file *files, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		files[i].last_sha = NULL;
		for (size_t k = 0; k < r->n; k++) {
			if (strcmp(r->entries[k].remote, files[i].remote) == 0) {
				files[i].last_sha = r->entries[k].sha;
				files[i].last = r->entries[k].st;
			}
		}
	}
}

void push_record_save(const char *dir, const char *board, const char *remote_dir,
		      const struct link_file *files, size_t n)
{
	char *path = xasprintf("%s/%s", dir, RECORD_FILE), *text = header(board, remote_dir);
	struct error err;

	for (size_t i = 0; i < n; i++) {
		char *more;

		if (files[i].now.mtime == 0 || strchr(files[i].remote, '\n'))
			continue;
		more = xasprintf("%s%s %" PRIu64 " %" PRId64 " %s\n", text, files[i].sha,
				 files[i].now.size, files[i].now.mtime, files[i].remote);
		free(text);
		text = more;
	}
	error_clear(&err);
	atomic_write(path, text, strlen(text), 0, &err);
	free(text);
	free(path);
}

void push_record_free(struct push_record *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->entries[i].remote);
	free(r->entries);
	free(r);
}
