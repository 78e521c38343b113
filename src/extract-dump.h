/*
 * Where board data comes from. A dump is a tree of files laid out as on the
 * board's root file system (proc/iomem, sys/firmware/fdt, ...), whatever
 * holds it: a folder, the running machine, a single device-tree blob, and
 * later an SSH session. Extraction reads only through these operations, so a
 * new kind of source needs nothing but a new ops table.
 */
#ifndef AJ_SRC_EXTRACT_DUMP_H
#define AJ_SRC_EXTRACT_DUMP_H

#include <stdbool.h>
#include <stddef.h>

#include "src/error.h"

/* The largest file extraction reads: real /proc files and DTBs are far smaller. */
#define DUMP_MAX_FILE (16u << 20)

/* The kernel log as `dmesg` prints it: a file of the dump at its top, as
 * the running machine has none. */
#define KERNEL_LOG_FILE "dmesg.txt"

struct dump_entry {
	char *name;
	bool is_dir;
};

struct dump;

struct dump_ops {
	/* Reads a whole file (NUL-terminated, len without the NUL). Returns 0,
	 * 1 when the file is absent, -1 with err set when it cannot be read or
	 * is larger than limit. */
	int (*read)(struct dump *d, const char *rel, size_t limit, char **buf, size_t *len,
		    struct error *err);
	/* Lists a folder, sorted by name. Returns 0, 1 when absent, -1 on error. */
	int (*list)(struct dump *d, const char *rel, struct dump_entry **ents, size_t *n,
		    struct error *err);
	void (*close)(struct dump *d);
};

struct dump {
	const struct dump_ops *ops;
	char *root;              /* folder, "/" or the DTB file */
	char *label;             /* prefix of file names in messages */
	/* The folder read last, kept open: a device tree's properties are read
	 * folder by folder, and openat() below it skips the long path walk. */
	char *cached_rel;
	int cached_fd;
};

/* A dump folder (layout in shared/boards/README.md). */
struct dump *dump_open_dir(const char *dir, struct error *err);
/* The running machine's own /proc and /sys. */
struct dump *dump_open_local(void);
/* A device-tree blob alone, seen as sys/firmware/fdt. */
struct dump *dump_open_dtb(const char *file, struct error *err);
void dump_close(struct dump *d);

int dump_read(struct dump *d, const char *rel, size_t limit, char **buf, size_t *len,
	      struct error *err);
int dump_list(struct dump *d, const char *rel, struct dump_entry **ents, size_t *n,
	      struct error *err);
void dump_entries_free(struct dump_entry *ents, size_t n);
/* The name messages use for a file of the dump (a static buffer per call site is
 * not enough for two at once, so the caller frees the result). */
char *dump_name(const struct dump *d, const char *rel);

/*
 * Copies the files extraction reads into dest (created) so that extraction
 * can be repeated offline from there. Returns 0 or -1 with err set.
 */
int dump_copy(struct dump *d, const char *dest, struct error *err);

#endif
