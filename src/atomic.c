/*
 * Atomic replacement of files. The temporary file lives in the target's
 * directory so that rename() never crosses a file system; the previous file
 * is hard-linked to NAME.bak first so that there is no moment without a file
 * under the final name.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "po/i18n.h"
#include "model/util.h"
#include "src/atomic.h"

int atomic_open(struct atomic_file *af, const char *path, struct error *err)
{
	struct stat st;
	int fd;

	memset(af, 0, sizeof(*af));
	af->keep_backup = 1;
	af->path = xstrdup(path);
	af->tmp = xasprintf("%s.tmpXXXXXX", path);
	fd = mkstemp(af->tmp);
	if (fd < 0) {
		error_errno(err, _("cannot create a temporary file for %s"), path);
		free(af->path);
		free(af->tmp);
		af->path = af->tmp = NULL;
		return -1;
	}
	/* Keep the mode of the file being replaced; new files get the usual 0666 & ~umask. */
	if (stat(path, &st) == 0) {
		fchmod(fd, st.st_mode & 07777);
	} else {
		mode_t mask = umask(0);

		umask(mask);
		fchmod(fd, 0666 & ~mask);
	}
	af->fp = fdopen(fd, "w");
	if (!af->fp) {
		error_errno(err, _("cannot write %s"), af->tmp);
		close(fd);
		atomic_abort(af);
		return -1;
	}
	return 0;
}

static void fsync_dir(const char *path)
{
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');
	int fd;

	if (slash == dir)
		slash[1] = '\0';
	else if (slash)
		*slash = '\0';
	else
		strcpy(dir, ".");
	fd = open(dir, O_RDONLY | O_DIRECTORY);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(dir);
}

static int keep_backup(const char *path, struct error *err)
{
	char *bak = xasprintf("%s.bak", path);
	int ret = 0;

	if (access(path, F_OK) == 0) {
		if (unlink(bak) < 0 && errno != ENOENT) {
			error_errno(err, _("cannot replace backup %s"), bak);
			ret = -1;
		} else if (link(path, bak) < 0) {
			error_errno(err, _("cannot keep backup %s"), bak);
			ret = -1;
		}
	}
	free(bak);
	return ret;
}

int atomic_commit(struct atomic_file *af, struct error *err)
{
	int failed = 0;

	if (fflush(af->fp) != 0 || ferror(af->fp)) {
		error_errno(err, _("cannot write %s"), af->path);
		failed = 1;
	} else if (fsync(fileno(af->fp)) < 0) {
		error_errno(err, _("cannot flush %s to disk"), af->path);
		failed = 1;
	}
	if (fclose(af->fp) != 0 && !failed) {
		error_errno(err, _("cannot write %s"), af->path);
		failed = 1;
	}
	af->fp = NULL;
	if (!failed && af->keep_backup && keep_backup(af->path, err) < 0)
		failed = 1;
	if (!failed && rename(af->tmp, af->path) < 0) {
		error_errno(err, _("cannot replace %s"), af->path);
		failed = 1;
	}
	if (failed) {
		atomic_abort(af);
		return -1;
	}
	fsync_dir(af->path);
	free(af->tmp);
	free(af->path);
	af->tmp = af->path = NULL;
	return 0;
}

void atomic_abort(struct atomic_file *af)
{
	if (af->fp)
		fclose(af->fp);
	if (af->tmp)
		unlink(af->tmp);
	free(af->tmp);
	free(af->path);
	memset(af, 0, sizeof(*af));
}

int atomic_write(const char *path, const void *data, size_t len, int backup, struct error *err)
{
	struct atomic_file af;

	if (atomic_open(&af, path, err) < 0)
		return -1;
	af.keep_backup = backup;
	if (len && fwrite(data, 1, len, af.fp) != len) {
		error_errno(err, _("cannot write %s"), path);
		atomic_abort(&af);
		return -1;
	}
	return atomic_commit(&af, err);
}
