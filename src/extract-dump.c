/*
 * Dump sources on the local file system: a dump folder, the running machine
 * (the same code with "/" as the folder) and a lone device-tree blob. The
 * copy into the project goes through the same operations, so it works for
 * any source.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "po/i18n.h"
#include "model/util.h"
#include "src/extract-dump.h"
#include "src/io-file.h"

#define DTB_REL "sys/firmware/fdt"

char *dump_name(const struct dump *d, const char *rel)
{
	if (!d->label)
		return xstrdup(d->root);
	return xasprintf("%s/%s", d->label, rel);
}

/* Reads an open file to its end: /proc files report size 0, so fstat is no
 * guide. One byte beyond the limit tells a file of exactly limit bytes from a
 * larger one. Returns 0, or an errno value (EFBIG beyond the limit); the
 * caller words the message, so that no name is formatted when all goes well. */
static int read_fd(int fd, size_t limit, char **buf, size_t *len)
{
	size_t cap = limit < 4096 ? limit + 1 : 4096, n = 0;
	char *p = xmalloc(cap + 1);

	for (;;) {
		ssize_t got;

		if (n == cap) {
			if (n > limit)
				break;
			cap = cap * 2 > limit + 1 ? limit + 1 : cap * 2;
			p = xrealloc(p, cap + 1);
		}
		got = read(fd, p + n, cap - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			int saved = errno;

			free(p);
			return saved;
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	if (n > limit) {
		free(p);
		return EFBIG;
	}
	p[n] = '\0';
	*buf = p;
	*len = n;
	return 0;
}

static int read_error(int code, const char *name, size_t limit, struct error *err)
{
	if (code == EFBIG) {
		error_set(err, _("%s: larger than %zu bytes, not read"), name, limit);
	} else {
		errno = code;
		error_errno(err, _("%s: cannot read"), name);
	}
	return -1;
}

static int read_path(const char *path, const char *name, size_t limit, char **buf, size_t *len,
		     struct error *err)
{
	int fd, ret;

	/* No fstat: a folder shows itself by EISDIR, and a dump of 1,600
	 * device-tree files is read faster without a system call per file. */
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOENT || errno == ENOTDIR)
			return 1;
		error_errno(err, _("%s: cannot open"), name);
		return -1;
	}
	ret = read_fd(fd, limit, buf, len);
	close(fd);
	return ret ? read_error(ret, name, limit, err) : 0;
}

/* An open descriptor of folder rel (length n) of the dump, or -1. */
static int dir_fd_of(struct dump *d, const char *rel, size_t n)
{
	char *path;

	if (d->cached_rel && strlen(d->cached_rel) == n && !strncmp(d->cached_rel, rel, n))
		return d->cached_fd;
	if (d->cached_rel) {
		close(d->cached_fd);
		free(d->cached_rel);
		d->cached_rel = NULL;
	}
	path = xasprintf("%s/%.*s", d->root, (int)n, rel);
	d->cached_fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	free(path);
	if (d->cached_fd >= 0)
		d->cached_rel = xstrndup(rel, n);
	return d->cached_fd;
}

static int dir_read(struct dump *d, const char *rel, size_t limit, char **buf, size_t *len,
		    struct error *err)
{
	const char *slash = strrchr(rel, '/');
	char *name;
	int fd, dfd, ret;

	dfd = slash ? dir_fd_of(d, rel, (size_t)(slash - rel)) : -1;
	if (slash && dfd < 0 && (errno == ENOENT || errno == ENOTDIR))
		return 1;
	if (dfd >= 0) {
		fd = openat(dfd, slash + 1, O_RDONLY | O_CLOEXEC);
	} else {
		char *path = xasprintf("%s/%s", d->root, rel);

		fd = open(path, O_RDONLY | O_CLOEXEC);
		free(path);
	}
	if (fd < 0 && (errno == ENOENT || errno == ENOTDIR))
		return 1;
	if (fd < 0) {
		name = dump_name(d, rel);
		error_errno(err, _("%s: cannot open"), name);
		free(name);
		return -1;
	}
	ret = read_fd(fd, limit, buf, len);
	close(fd);
	if (ret) {
		name = dump_name(d, rel);
		read_error(ret, name, limit, err);
		free(name);
		return -1;
	}
	return 0;
}

static int entry_cmp(const void *a, const void *b)
{
	return strcmp(((const struct dump_entry *)a)->name, ((const struct dump_entry *)b)->name);
}

static int dir_list(struct dump *d, const char *rel, struct dump_entry **ents, size_t *n,
		    struct error *err)
{
	char *path = xasprintf("%s/%s", d->root, rel);
	struct dump_entry *v = NULL;
	size_t cnt = 0, cap = 0;
	struct dirent *de;
	DIR *dir;

	dir = opendir(path);
	free(path);
	if (!dir) {
		char *name;

		if (errno == ENOENT || errno == ENOTDIR)
			return 1;
		name = dump_name(d, rel);
		error_errno(err, _("%s: cannot list"), name);
		free(name);
		return -1;
	}
	while ((de = readdir(dir))) {
		struct dump_entry e;
		struct stat st;

		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		e.name = xstrdup(de->d_name);
		if (de->d_type == DT_DIR || de->d_type == DT_REG)
			e.is_dir = de->d_type == DT_DIR;
		else    /* symlinks (sysfs) and file systems without d_type */
			e.is_dir = fstatat(dirfd(dir), de->d_name, &st, 0) == 0 &&
				   S_ISDIR(st.st_mode);
		ARRAY_PUSH(v, cnt, cap, e);
	}
	closedir(dir);
	if (cnt)
		qsort(v, cnt, sizeof(*v), entry_cmp);
	*ents = v;
	*n = cnt;
	return 0;
}

static void dir_close(struct dump *d)
{
	if (d->cached_rel) {
		close(d->cached_fd);
		free(d->cached_rel);
	}
	free(d->root);
	free(d->label);
	free(d);
}

static const struct dump_ops dir_ops = {
	.read = dir_read,
	.list = dir_list,
	.close = dir_close,
};

struct dump *dump_open_dir(const char *dir, struct error *err)
{
	struct dump *d;
	struct stat st;
	size_t len = strlen(dir);

	if (stat(dir, &st) != 0) {
		error_errno(err, _("%s: cannot open the dump folder"), dir);
		return NULL;
	}
	if (!S_ISDIR(st.st_mode)) {
		error_set(err, _("%s: not a folder (use --dtb for a device-tree blob)"), dir);
		return NULL;
	}
	while (len > 1 && dir[len - 1] == '/')
		len--;
	d = xcalloc(1, sizeof(*d));
	d->ops = &dir_ops;
	d->root = xstrndup(dir, len);
	d->label = xstrdup(d->root);
	return d;
}

/* The running machine has no ip-addr.json nor dmesg.txt: commands print
 * them, as the board-side collection over SSH does. */
static const struct {
	const char *rel, *command;
} local_commands[] = {
	{ "ip-addr.json", "ip -j addr 2>/dev/null" },
	{ KERNEL_LOG_FILE, "dmesg 2>/dev/null" },
};

static int local_read(struct dump *d, const char *rel, size_t limit, char **buf, size_t *len,
		      struct error *err)
{
	const char *command = NULL;
	FILE *out;
	size_t n = 0;
	char *data;

	for (size_t i = 0; i < ARRAY_SIZE(local_commands); i++)
		if (!strcmp(rel, local_commands[i].rel))
			command = local_commands[i].command;
	if (!command)
		return dir_read(d, rel, limit, buf, len, err);
	out = popen(command, "r");
	if (!out)
		return 1;
	data = xmalloc(limit + 1);
	n = fread(data, 1, limit, out);
	if (pclose(out) != 0 || n == 0 || n == limit) {
		free(data);
		return 1;
	}
	data[n] = '\0';
	*buf = data;
	*len = n;
	return 0;
}

static const struct dump_ops local_ops = {
	.read = local_read,
	.list = dir_list,
	.close = dir_close,
};

struct dump *dump_open_local(void)
{
	struct dump *d = xcalloc(1, sizeof(*d));

	d->ops = &local_ops;
	d->root = xstrdup("");  /* "" + "/" + "proc/iomem" is the absolute path */
	d->label = xstrdup("");
	return d;
}

/* A lone blob answers only for sys/firmware/fdt; every other file is absent. */
static int dtb_read(struct dump *d, const char *rel, size_t limit, char **buf, size_t *len,
		    struct error *err)
{
	if (strcmp(rel, DTB_REL) != 0)
		return 1;
	return read_path(d->root, d->root, limit, buf, len, err);
}

static int dtb_list(struct dump *d, const char *rel, struct dump_entry **ents, size_t *n,
		    struct error *err)
{
	return 1;
}

static const struct dump_ops dtb_ops = {
	.read = dtb_read,
	.list = dtb_list,
	.close = dir_close,
};

struct dump *dump_open_dtb(const char *file, struct error *err)
{
	struct dump *d;

	if (access(file, R_OK) != 0) {
		error_errno(err, _("%s: cannot read the device-tree blob"), file);
		return NULL;
	}
	d = xcalloc(1, sizeof(*d));
	d->ops = &dtb_ops;
	d->root = xstrdup(file);
	return d;
}

void dump_close(struct dump *d)
{
	if (d)
		d->ops->close(d);
}

int dump_read(struct dump *d, const char *rel, size_t limit, char **buf, size_t *len,
	      struct error *err)
{
	return d->ops->read(d, rel, limit, buf, len, err);
}

int dump_list(struct dump *d, const char *rel, struct dump_entry **ents, size_t *n,
	      struct error *err)
{
	*ents = NULL;
	*n = 0;
	return d->ops->list(d, rel, ents, n, err);
}

void dump_entries_free(struct dump_entry *ents, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(ents[i].name);
	free(ents);
}

/* Creates every folder of path (relative to nothing: path is complete). */
static int write_file(const char *path, const char *data, size_t len, struct error *err)
{
	FILE *f = fopen(path, "wb");
	bool ok;

	if (!f) {
		error_errno(err, _("%s: cannot write"), path);
		return -1;
	}
	/* fclose reports the errors of buffered writes (a full disk), and the
	 * stream is gone after it whatever it returns. */
	ok = fwrite(data, 1, len, f) == len;
	ok = fclose(f) == 0 && ok;
	if (!ok) {
		error_errno(err, _("%s: cannot write"), path);
		return -1;
	}
	return 0;
}

/* Copies one file when the source has it; absent files are simply not copied. */
static int copy_file(struct dump *d, const char *rel, const char *dest, struct error *err)
{
	char *buf, *out, *slash;
	size_t len;
	int ret = dump_read(d, rel, DUMP_MAX_FILE, &buf, &len, err);

	if (ret)
		return ret > 0 ? 0 : -1;
	out = xasprintf("%s/%s", dest, rel);
	slash = strrchr(out, '/');
	*slash = '\0';
	ret = io_make_dirs(out, err);
	*slash = '/';
	if (!ret)
		ret = write_file(out, buf, len, err);
	free(out);
	free(buf);
	return ret;
}

/* Copies a folder form device tree: every file a property, every folder a node. */
static int copy_tree(struct dump *d, const char *rel, const char *dest, unsigned depth,
		     struct error *err)
{
	struct dump_entry *ents;
	size_t n;
	int ret = dump_list(d, rel, &ents, &n, err);

	if (ret)
		return ret > 0 ? 0 : -1;
	if (depth > 64) {
		error_set(err, _("%s: folders nested too deeply"), rel);
		ret = -1;
	}
	for (size_t i = 0; i < n && !ret; i++) {
		char *sub = xasprintf("%s/%s", rel, ents[i].name);

		ret = ents[i].is_dir ? copy_tree(d, sub, dest, depth + 1, err)
				     : copy_file(d, sub, dest, err);
		free(sub);
	}
	dump_entries_free(ents, n);
	return ret;
}

static const char *const proc_files[] = {
	"proc/iomem", "proc/cpuinfo", "proc/interrupts", "proc/cmdline", DTB_REL,
	"sys/devices/system/cpu/online", "sys/devices/system/cpu/possible",
	"sys/devices/system/cpu/present",
	"ip-addr.json",          /* `ip -j addr`, which extract-net.c reads */
	KERNEL_LOG_FILE,
};

static const char *const pci_files[] = { "config", "resource", "vendor", "device", "class" };

/* Copies files of each entry of a folder whose name starts with prefix. */
static int copy_each(struct dump *d, const char *folder, const char *prefix,
		     const char *const *files, size_t n_files, const char *dest, struct error *err)
{
	struct dump_entry *ents;
	size_t n;
	int ret = dump_list(d, folder, &ents, &n, err);

	if (ret)
		return ret > 0 ? 0 : -1;
	for (size_t i = 0; i < n && !ret; i++) {
		if (strncmp(ents[i].name, prefix, strlen(prefix)) != 0 || !ents[i].is_dir)
			continue;
		for (size_t j = 0; j < n_files && !ret; j++) {
			char *rel = xasprintf("%s/%s/%s", folder, ents[i].name, files[j]);

			ret = copy_file(d, rel, dest, err);
			free(rel);
		}
	}
	dump_entries_free(ents, n);
	return ret;
}

int dump_copy(struct dump *d, const char *dest, struct error *err)
{
	static const char *const cpu_files[] = { "uevent" };
	int ret = io_make_dirs(dest, err);

	for (size_t i = 0; i < ARRAY_SIZE(proc_files) && !ret; i++)
		ret = copy_file(d, proc_files[i], dest, err);
	if (!ret)
		ret = copy_tree(d, "sys/firmware/devicetree/base", dest, 0, err);
	if (!ret)
		ret = copy_each(d, "sys/bus/pci/devices", "", pci_files, ARRAY_SIZE(pci_files),
				dest, err);
	if (!ret)
		ret = copy_each(d, "sys/devices/system/cpu", "cpu", cpu_files, 1, dest, err);
	return ret;
}
