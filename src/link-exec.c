/*
 * Remote commands: one SSH channel per command, output collected until the
 * command ends or its time runs out, and safe quoting of arguments.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "po/i18n.h"
#include "model/util.h"
#include "src/link-private.h"

struct sink {
	char *data;
	size_t len, cap;
};

static void sink_add(struct sink *s, const char *buf, size_t n)
{
	if (s->len + n + 1 > s->cap) {
		s->cap = (s->len + n + 1) * 2;
		s->data = xrealloc(s->data, s->cap);
	}
	memcpy(s->data + s->len, buf, n);
	s->len += n;
	s->data[s->len] = '\0';
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Reads whatever is there on both streams; returns bytes read or -1. */
static int drain(ssh_channel ch, struct sink *out, struct sink *err)
{
	char buf[16384];
	int total = 0;

	for (int is_stderr = 0; is_stderr <= 1; is_stderr++) {
		int n;

		while ((n = ssh_channel_read_nonblocking(ch, buf, sizeof(buf), is_stderr)) > 0) {
			sink_add(is_stderr ? err : out, buf, (size_t)n);
			total += n;
		}
		if (n == SSH_ERROR)
			return -1;
	}
	return total;
}

static int send_input(ssh_channel ch, const void *input, size_t len)
{
	const char *p = input;

	while (len) {
		int n = ssh_channel_write(ch, p, (uint32_t)(len > 32768 ? 32768 : len));

		if (n == SSH_ERROR)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return ssh_channel_send_eof(ch) == SSH_OK ? 0 : -1;
}

int link_run(struct link *l, const char *cmd, const void *input, size_t input_len,
	     struct link_output *o, struct error *err)
{
	struct sink out = { 0 }, errs = { 0 };
	ssh_channel ch = ssh_channel_new(l->session);
	double deadline = now() + (double)l->command_timeout;
	int ret = -1;

	memset(o, 0, sizeof(*o));
	o->status = -1;
	sink_add(&out, "", 0);
	sink_add(&errs, "", 0);
	if (!ch || ssh_channel_open_session(ch) != SSH_OK ||
	    ssh_channel_request_exec(ch, cmd) != SSH_OK) {
		error_set(err, _("%s: cannot run a command: %s"), l->name, ssh_get_error(l->session));
		goto out;
	}
	if (send_input(ch, input, input_len) < 0) {
		error_set(err, _("%s: the connection broke while sending data: %s"), l->name,
			  ssh_get_error(l->session));
		goto out;
	}
	while (!ssh_channel_is_eof(ch)) {
		if (now() > deadline) {
			error_set(err, _("%s: the command did not finish within %ld seconds"),
				  l->name, l->command_timeout);
			goto out;
		}
		if (ssh_channel_poll_timeout(ch, 200, 0) == SSH_ERROR || drain(ch, &out, &errs) < 0) {
			error_set(err, _("%s: the connection broke: %s"), l->name,
				  ssh_get_error(l->session));
			goto out;
		}
	}
	if (drain(ch, &out, &errs) < 0) {
		error_set(err, _("%s: the connection broke: %s"), l->name, ssh_get_error(l->session));
		goto out;
	}
	ssh_channel_close(ch);
	o->status = ssh_channel_get_exit_status(ch);
	ret = 0;
out:
	if (ch)
		ssh_channel_free(ch);
	o->out = out.data;
	o->out_len = out.len;
	o->err = errs.data;
	o->err_len = errs.len;
	return ret;
}

int link_run_root(struct link *l, const char *cmd, const void *input, size_t input_len,
		  struct link_output *o, struct error *err)
{
	char *quoted, *wrapped;
	int ret;

	if (l->is_root)
		return link_run(l, cmd, input, input_len, o, err);
	quoted = link_quote(cmd);
	wrapped = xasprintf("sudo -n sh -c %s", quoted);
	ret = link_run(l, wrapped, input, input_len, o, err);
	free(quoted);
	free(wrapped);
	if (ret == 0 && o->status != 0 && strstr(o->err, "sudo:") &&
	    strstr(o->err, "password")) {
		error_set(err, _("%s: sudo wants a password; allow the user to run commands as root "
				 "without one (NOPASSWD in sudoers) or log in as root"),
			  l->name);
		return -1;
	}
	return ret;
}

char *link_quote(const char *arg)
{
	size_t n = 2;
	char *q, *p;

	for (const char *s = arg; *s; s++)
		n += *s == '\'' ? 4 : 1;
	q = p = xmalloc(n + 1);
	*p++ = '\'';
	for (const char *s = arg; *s; s++) {
		if (*s == '\'') {
			memcpy(p, "'\\''", 4);
			p += 4;
		} else {
			*p++ = *s;
		}
	}
	*p++ = '\'';
	*p = '\0';
	return q;
}

void link_output_free(struct link_output *o)
{
	free(o->out);
	free(o->err);
	memset(o, 0, sizeof(*o));
}
