/*
 * Uploading files to the board. Each file travels under a temporary name
 * and becomes visible under its final name only after the board has
 * confirmed its size and SHA-256, so a broken connection never leaves a
 * partial file where jailhouse would load it. Files the board already has
 * with the same checksum are not sent; when the caller knows what the last
 * push left there and SFTP's stat finds it unchanged, no command runs.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>

#include <openssl/evp.h>

#include "po/i18n.h"
#include "model/util.h"
#include "src/link-private.h"

struct local_file {
	unsigned char *data;
	size_t len;
	char sha[65];
	char *tmp;               /* remote temporary name */
};

static int read_local(const char *path, struct local_file *f, struct error *err)
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen;
	FILE *fp = fopen(path, "rb");
	struct stat st;

	if (!fp || fstat(fileno(fp), &st) < 0) {
		error_errno(err, _("cannot read %s"), path);
		if (fp)
			fclose(fp);
		return -1;
	}
	f->len = (size_t)st.st_size;
	f->data = xmalloc(f->len + 1);
	if (fread(f->data, 1, f->len, fp) != f->len) {
		error_errno(err, _("cannot read %s"), path);
		fclose(fp);
		return -1;
	}
	fclose(fp);
	EVP_Digest(f->data, f->len, md, &mdlen, EVP_sha256(), NULL);
	for (unsigned int i = 0; i < mdlen; i++)
		sprintf(f->sha + 2 * i, "%02x", md[i]);
	return 0;
}

/* The temporary name is fixed per file, so a later push overwrites what a
 * broken one left behind. */
static char *temp_name(const char *remote)
{
	const char *slash = strrchr(remote, '/');

	if (!slash)
		return xasprintf(".%s.autojail-part", remote);
	return xasprintf("%.*s/.%s.autojail-part", (int)(slash - remote), remote, slash + 1);
}

static void append(char **cmd, const char *fmt, const char *a, const char *b)
{
	char *part = xasprintf(fmt, a, b);
	char *joined = xasprintf("%s%s", *cmd, part);

	free(*cmd);
	free(part);
	*cmd = joined;
}

/* Creates the directories and asks for the checksums the board has now. */
static int remote_state(struct link *l, struct link_file *files, size_t n,
			struct local_file *lf, struct error *err)
{
	struct link_output o;
	char *cmd = xstrdup("mkdir -p --");
	int ret;

	for (size_t i = 0; i < n; i++) {
		char *dir = xstrdup(files[i].remote);
		char *slash = strrchr(dir, '/');
		char *q;

		if (slash && slash != dir) {
			*slash = '\0';
			q = link_quote(dir);
			append(&cmd, " %s%s", q, "");
			free(q);
		}
		free(dir);
	}
	append(&cmd, " . && { sha256sum --%s%s", "", "");
	for (size_t i = 0; i < n; i++) {
		char *q = link_quote(files[i].remote);

		append(&cmd, " %s%s", q, "");
		free(q);
	}
	append(&cmd, " 2>/dev/null; true; }%s%s", "", "");
	ret = link_run(l, cmd, NULL, 0, &o, err);
	free(cmd);
	if (ret == 0 && o.status != 0) {
		error_set(err, _("%s: cannot create the directories for the files: %s"),
			  link_name(l), o.err);
		ret = -1;
	}
	for (size_t i = 0; ret == 0 && i < n; i++) {
		/* sha256sum prints "HASH  PATH" per line. */
		const char *line = o.out;

		files[i].sent = true;
		while (line && *line) {
			const char *eol = strchr(line, '\n');
			size_t len = eol ? (size_t)(eol - line) : strlen(line);

			if (len == 66 + strlen(files[i].remote) && strncmp(line, lf[i].sha, 64) == 0 &&
			    strncmp(line + 66, files[i].remote, len - 66) == 0)
				files[i].sent = false;
			line = eol ? eol + 1 : NULL;
		}
	}
	link_output_free(&o);
	return ret;
}

/* libssh's SFTP reader waits for the reply to its first packet until the
 * channel is at end of file, and libssh does not count a channel as at end
 * of file while its stderr buffer holds data. A board whose SSH server runs
 * the SFTP server through a shell (dropbear) answers a missing one with
 * "sh: ...: not found" on stderr and closes the channel, and the reader
 * would spin forever. Taking stderr out of the buffer as it arrives lets
 * the reader see the end of file and fail, and keeps the shell's words. */
static int sftp_stderr(ssh_session session, ssh_channel channel, void *data, uint32_t len,
		       int is_stderr, void *userdata)
{
	struct link *l = userdata;
	size_t room = sizeof(l->sftp_err) - 1 - l->sftp_err_len;
	size_t take = len < room ? len : room;

	(void)session;
	(void)channel;
	if (!is_stderr)
		return 0;
	memcpy(l->sftp_err + l->sftp_err_len, data, take);
	l->sftp_err_len += take;
	l->sftp_err[l->sftp_err_len] = '\0';
	return (int)len;
}

/* The server's stderr without its line breaks, or libssh's error. */
static const char *sftp_reason(struct link *l)
{
	char *nl;

	while ((nl = strchr(l->sftp_err, '\n')) != NULL)
		*nl = nl[1] ? ' ' : '\0';
	return l->sftp_err[0] ? l->sftp_err : ssh_get_error(l->session);
}

static int sftp_ready(struct link *l, struct error *err)
{
	ssh_channel ch;

	if (l->sftp)
		return 0;
	ch = ssh_channel_new(l->session);
	if (!ch || link_channel_open(l, ch) != SSH_OK) {
		error_set(err, _("%s: cannot start SFTP: %s"), link_name(l),
			  ssh_get_error(l->session));
		if (ch)
			ssh_channel_free(ch);
		return -1;
	}
	memset(&l->sftp_cb, 0, sizeof(l->sftp_cb));
	l->sftp_cb.userdata = l;
	l->sftp_cb.channel_data_function = sftp_stderr;
	ssh_callbacks_init(&l->sftp_cb);
	l->sftp_err[0] = '\0';
	l->sftp_err_len = 0;
	ssh_set_channel_callbacks(ch, &l->sftp_cb);
	if (ssh_channel_request_subsystem(ch, "sftp") != SSH_OK) {
		error_set(err, _("%s: the SSH server offers no SFTP, which uploads need: "
				 "configure its sftp subsystem (OpenSSH's sftp-server)"),
			  link_name(l));
		ssh_channel_free(ch);
		return -1;
	}
	/* From here the SFTP session owns the channel. */
	l->sftp = sftp_new_channel(l->session, ch);
	if (l->sftp && sftp_init(l->sftp) == SSH_OK)
		return 0;
	error_set(err, _("%s: the board's SFTP server, which uploads need, did not start: %s"),
		  link_name(l), sftp_reason(l));
	if (l->sftp)
		sftp_free(l->sftp);
	else
		ssh_channel_free(ch);
	l->sftp = NULL;
	return -1;
}

/* The board's size and modification time of a file; false when SFTP
 * cannot tell (no SFTP on the board, no such file). */
static bool stat_remote(struct link *l, const char *remote, struct link_stat *st)
{
	struct error ignored;
	sftp_attributes a;

	error_clear(&ignored);
	if (sftp_ready(l, &ignored) < 0 || !(a = sftp_stat(l->sftp, remote)))
		return false;
	st->size = a->size;
	st->mtime = (int64_t)a->mtime;
	sftp_attributes_free(a);
	return st->mtime != 0;
}

/* Whether every file is as the last push left it: the same checksum here,
 * the same size and modification time there. */
static bool as_last_pushed(struct link *l, struct link_file *files, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct link_stat st;

		if (!files[i].last_sha || strcmp(files[i].last_sha, files[i].sha) != 0 ||
		    !stat_remote(l, files[i].remote, &st) || st.size != files[i].last.size ||
		    st.mtime != files[i].last.mtime)
			return false;
		files[i].now = st;
	}
	return true;
}

/* Every pushed file is dated by its checksum: 1980-01-01 plus the first
 * 28 bits of its SHA-256 in seconds. No change on the board gives a file
 * such a date (the board's clock would have to read that very second), and
 * another project's push of other bytes gives it another, so the next push
 * can tell by stat alone that nothing touched the file since. False when
 * SFTP cannot set it; the file's now.mtime stays 0 (unknown) then. */
static bool mark_pushed(struct link *l, struct link_file *f, size_t len)
{
	char head[8];
	struct timeval tv[2] = { { 0, 0 }, { 0, 0 } };
	struct error ignored;

	memcpy(head, f->sha, 7);
	head[7] = '\0';
	tv[0].tv_sec = tv[1].tv_sec = 315532800 + (time_t)strtoul(head, NULL, 16);
	error_clear(&ignored);
	if (sftp_ready(l, &ignored) < 0 || sftp_utimes(l->sftp, f->remote, tv) != 0)
		return false;
	f->now.size = len;
	f->now.mtime = tv[1].tv_sec;
	return true;
}

static int upload(struct link *l, const struct link_file *f, struct local_file *lf,
		  struct error *err)
{
	sftp_file file;
	size_t off = 0;

	if (sftp_ready(l, err) < 0)
		return -1;
	file = sftp_open(l->sftp, lf->tmp, O_WRONLY | O_CREAT | O_TRUNC,
			 f->executable ? 0755 : 0644);
	if (!file) {
		error_set(err, _("%s: cannot write %s: %s"), link_name(l), lf->tmp,
			  ssh_get_error(l->session));
		return -1;
	}
	while (off < lf->len) {
		size_t chunk = lf->len - off > 32768 ? 32768 : lf->len - off;
		ssize_t w = sftp_write(file, lf->data + off, chunk);

		if (w <= 0) {
			error_set(err, _("%s: the upload of %s broke off: %s"), link_name(l),
				  f->remote, ssh_get_error(l->session));
			sftp_close(file);
			return -1;
		}
		off += (size_t)w;
	}
	if (sftp_close(file) != SSH_OK) {
		error_set(err, _("%s: cannot finish %s: %s"), link_name(l), f->remote,
			  ssh_get_error(l->session));
		return -1;
	}
	return 0;
}

/* One command checks every uploaded file and renames it into place. */
static int verify_and_rename(struct link *l, struct link_file *files, size_t n,
			     struct local_file *lf, struct error *err)
{
	struct link_output o;
	char *cmd = xstrdup("set -e");
	int ret;

	for (size_t i = 0; i < n; i++) {
		char *tmp, *dst, *size;

		if (!files[i].sent)
			continue;
		tmp = link_quote(lf[i].tmp);
		dst = link_quote(files[i].remote);
		size = xasprintf("%zu", lf[i].len);
		append(&cmd, "; t=%s; d=%s", tmp, dst);
		append(&cmd, "; if [ \"$(wc -c < \"$t\")\" -ne %s ] || [ \"$(sha256sum < \"$t\" | cut -c1-64)\" != %s ]; "
		       "then rm -f -- \"$t\"; echo \"$d\" >&2; exit 3; fi; mv -f -- \"$t\" \"$d\"",
		       size, lf[i].sha);
		free(tmp);
		free(dst);
		free(size);
	}
	ret = link_run(l, cmd, NULL, 0, &o, err);
	free(cmd);
	if (ret == 0 && o.status != 0) {
		error_set(err, _("%s: the board received a damaged copy of %s; nothing was replaced"),
			  link_name(l), o.err[0] ? strtok(o.err, "\n") : "?");
		ret = -1;
	}
	link_output_free(&o);
	return ret;
}

int link_push(struct link *l, struct link_file *files, size_t n,
	      void (*progress)(void *ctx, const struct link_file *f, size_t i, size_t n),
	      void *ctx, struct error *err)
{
	struct local_file *lf = xcalloc(n ? n : 1, sizeof(*lf));
	bool any = false;
	int ret = -1;

	for (size_t i = 0; i < n; i++) {
		if (read_local(files[i].local, &lf[i], err) < 0)
			goto out;
		lf[i].tmp = temp_name(files[i].remote);
		memcpy(files[i].sha, lf[i].sha, sizeof(files[i].sha));
		files[i].sent = false;
		files[i].now.mtime = 0;
	}
	if (n && as_last_pushed(l, files, n)) {
		ret = 0;
		goto out;
	}
	if (remote_state(l, files, n, lf, err) < 0)
		goto out;
	for (size_t i = 0; i < n; i++) {
		if (!files[i].sent)
			continue;
		if (progress)
			progress(ctx, &files[i], i, n);
		if (upload(l, &files[i], &lf[i], err) < 0)
			goto out;
		any = true;
	}
	ret = any ? verify_and_rename(l, files, n, lf, err) : 0;
	for (size_t i = 0; ret == 0 && i < n && mark_pushed(l, &files[i], lf[i].len); i++)
		;
out:
	for (size_t i = 0; i < n; i++) {
		free(lf[i].data);
		free(lf[i].tmp);
	}
	free(lf);
	return ret;
}
