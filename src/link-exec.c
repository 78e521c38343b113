/*
 * Remote commands, output collected until the command ends or its time
 * runs out, and safe quoting of arguments. The commands of a link run one
 * after another in one shell on the board, started with the first: a
 * channel per command cost the board a session, a fork and the login
 * shell's startup files every time (80 ms per command on the loopback test
 * board, whose bash reads a .bashrc that runs pyenv), a sequence of a dozen
 * commands a second. Each command runs as `sh -c` of its own, with its
 * output framed by a marker that is random per shell; a command that runs
 * out of time takes the shell with it, and the next command starts another.
 */
#include "config.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/socket.h>
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

/* A command with input on stdin needs a channel of its own. */
static int run_channel(struct link *l, const char *cmd, const void *input, size_t input_len,
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

void link_shell_close(struct link *l)
{
	if (!l->shell)
		return;
	if (ssh_channel_is_open(l->shell)) {
		ssh_channel_send_eof(l->shell);
		ssh_channel_close(l->shell);
	}
	ssh_channel_free(l->shell);
	l->shell = NULL;
}

/* OpenSSH servers send their authentication's debug messages as packets of
 * their own as the first channel opens, the second held back by Nagle's
 * algorithm until we acknowledge the first, which Linux delays by 40 ms on
 * a connection it takes for interactive. Waiting for the channel here
 * rather than in libssh lets us ask for immediate ACKs meanwhile
 * (TCP_QUICKACK does not stick, so again each time round). */
int link_channel_open(struct link *l, ssh_channel ch)
{
	double deadline = now() + (double)l->command_timeout;
	int fd = ssh_get_fd(l->session), rc;

	ssh_set_blocking(l->session, 0);
	while ((rc = ssh_channel_open_session(ch)) == SSH_AGAIN && now() < deadline) {
		struct pollfd p = { .fd = fd, .events = POLLIN };

#ifdef TCP_QUICKACK
		setsockopt(fd, IPPROTO_TCP, TCP_QUICKACK, &(int){ 1 }, sizeof(int));
#endif
		poll(&p, 1, 20);
	}
	ssh_set_blocking(l->session, 1);
	return rc;
}

static int shell_open(struct link *l, struct error *err)
{
	unsigned char rnd[16];

	if (l->shell)
		return 0;
	if (getrandom(rnd, sizeof(rnd), 0) != (ssize_t)sizeof(rnd)) {
		error_errno(err, "%s", _("cannot make a random marker for the board's shell"));
		return -1;
	}
	strcpy(l->mark, "AJ");
	for (size_t i = 0; i < sizeof(rnd); i++)
		sprintf(l->mark + 2 + 2 * i, "%02x", rnd[i]);
	l->shell = ssh_channel_new(l->session);
	if (!l->shell || link_channel_open(l, l->shell) != SSH_OK ||
	    ssh_channel_request_exec(l->shell, "exec sh") != SSH_OK) {
		error_set(err, _("%s: cannot run a command: %s"), l->name, ssh_get_error(l->session));
		link_shell_close(l);
		return -1;
	}
	return 0;
}

/* Where the framed output of a command lies in s: after "MARK<\n" and up
 * to "\nMARK>" followed by tail. *scan is how far earlier calls looked. */
static bool framed(const struct sink *s, const char *mark, const char *tail, size_t *scan,
		   size_t *start, size_t *len)
{
	char *open = xasprintf("%s<\n", mark), *close = xasprintf("\n%s>%s", mark, tail);
	size_t from = *scan > strlen(close) ? *scan - strlen(close) : 0;
	const char *b = memmem(s->data, s->len, open, strlen(open)), *e = NULL;

	if (b) {
		*start = (size_t)(b - s->data) + strlen(open);
		if (from < *start)
			from = *start;
		e = memmem(s->data + from, s->len - from, close, strlen(close));
		if (e)
			*len = (size_t)(e - s->data) - *start;
	}
	*scan = s->len;
	free(open);
	free(close);
	return e != NULL;
}

static int run_shell(struct link *l, const char *cmd, struct link_output *o, struct error *err)
{
	struct sink out = { 0 }, errs = { 0 };
	double deadline = now() + (double)l->command_timeout;
	size_t out_scan = 0, err_scan = 0, out_at = 0, out_len = 0, err_at = 0, err_len = 0;
	bool out_done = false, err_done = false;
	char *q, *line;
	int ret = -1;

	memset(o, 0, sizeof(*o));
	o->status = -1;
	sink_add(&out, "", 0);
	sink_add(&errs, "", 0);
	if (shell_open(l, err) < 0)
		goto out;
	/* The command's stdin is not the shell's: it must not eat the
	 * commands that follow. The stdout marker ends in the exit status. */
	q = link_quote(cmd);
	line = xasprintf("printf '%s<\\n'; printf '%s<\\n' >&2; sh -c %s </dev/null; "
			 "printf '\\n%s> %%d\\n' $?; printf '\\n%s>\\n' >&2\n",
			 l->mark, l->mark, q, l->mark, l->mark);
	free(q);
	ret = ssh_channel_write(l->shell, line, (uint32_t)strlen(line)) == (int)strlen(line) ? 0 : -1;
	free(line);
	if (ret < 0) {
		error_set(err, _("%s: the connection broke while sending data: %s"), l->name,
			  ssh_get_error(l->session));
		goto fail;
	}
	while (!(out_done && err_done)) {
		if (now() > deadline) {
			error_set(err, _("%s: the command did not finish within %ld seconds"),
				  l->name, l->command_timeout);
			goto fail;
		}
		/* Both streams are drained each time round, so that a command that
		 * fills one while the other is awaited cannot stall the channel. */
		if (ssh_channel_is_eof(l->shell) ||
		    ssh_channel_poll_timeout(l->shell, 200, out_done) == SSH_ERROR ||
		    drain(l->shell, &out, &errs) < 0) {
			error_set(err, _("%s: the connection broke: %s"), l->name,
				  ssh_get_error(l->session));
			goto fail;
		}
		out_done = out_done || framed(&out, l->mark, " ", &out_scan, &out_at, &out_len);
		err_done = err_done || framed(&errs, l->mark, "\n", &err_scan, &err_at, &err_len);
	}
	o->status = atoi(out.data + out_at + out_len + strlen(l->mark) + 2);
	memmove(out.data, out.data + out_at, out_len);
	out.data[out.len = out_len] = '\0';
	memmove(errs.data, errs.data + err_at, err_len);
	errs.data[errs.len = err_len] = '\0';
	ret = 0;
	goto out;
fail:
	link_shell_close(l);
	ret = -1;
out:
	o->out = out.data;
	o->out_len = out.len;
	o->err = errs.data;
	o->err_len = errs.len;
	return ret;
}

int link_run(struct link *l, const char *cmd, const void *input, size_t input_len,
	     struct link_output *o, struct error *err)
{
	if (input)
		return run_channel(l, cmd, input, input_len, o, err);
	return run_shell(l, cmd, o, err);
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
