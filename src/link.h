/*
 * The link to a board over SSH (libssh): connection with host-key checking,
 * authentication, remote commands with timeouts, and file upload that never
 * leaves a partial file under its final name.
 */
#ifndef AJ_SRC_LINK_H
#define AJ_SRC_LINK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "src/error.h"

struct link_target {
	char *user;              /* NULL: the local user name */
	char *host;
	unsigned port;           /* 22 when not given */
};

/* Parses ssh://[user@]host[:port][/], host may be [IPv6]. */
int link_target_parse(const char *url, struct link_target *t, struct error *err);
void link_target_free(struct link_target *t);

enum hostkey_policy {
	HOSTKEY_STRICT,          /* unknown hosts are refused */
	HOSTKEY_ACCEPT_NEW,      /* unknown hosts are added to known_hosts */
	HOSTKEY_ASK,             /* unknown hosts are put to callbacks.confirm_host */
};

struct link_options {
	const char *known_hosts; /* NULL: $HOME/.ssh/known_hosts */
	const char *identity;    /* a private key file to try first, or NULL */
	long connect_timeout;    /* seconds; 0: 10 */
	long command_timeout;    /* seconds per remote command; 0: 60 */
	enum hostkey_policy policy;
	/* Asks the user to trust an unknown host key; true accepts it. */
	bool (*confirm_host)(void *ctx, const char *host, const char *fingerprint);
	/* Asks for a password or keyboard-interactive answer; returns a
	 * malloc'd answer, or NULL to give up. Answers are never stored. */
	char *(*prompt)(void *ctx, const char *question, bool echo);
	void *ctx;
};

struct link;

/* Connects, checks the host key and authenticates. A changed host key is
 * always refused. */
struct link *link_open(const char *url, const struct link_options *opt, struct error *err);
void link_close(struct link *l);
/* "user@host:port" for messages. */
const char *link_name(const struct link *l);

/* Output of a remote command. */
struct link_output {
	char *out;               /* NUL-terminated stdout */
	size_t out_len;
	char *err;               /* NUL-terminated stderr */
	size_t err_len;
	int status;              /* exit status; -1 when killed or unknown */
};

void link_output_free(struct link_output *o);
/* Runs a shell command on the board; input (may be NULL) goes to its
 * stdin. Returns 0 when the command ran (whatever its status), -1 when the
 * link failed or the command timed out. */
int link_run(struct link *l, const char *cmd, const void *input, size_t input_len,
	     struct link_output *o, struct error *err);
/* Like link_run, as root: through "sudo -n" when the login is not root,
 * with a clear error when sudo wants a password. */
int link_run_root(struct link *l, const char *cmd, const void *input, size_t input_len,
		  struct link_output *o, struct error *err);
/* Quotes one argument for a POSIX shell; the result is malloc'd. */
char *link_quote(const char *arg);

/* A file's size and modification time on the board. */
struct link_stat {
	uint64_t size;
	int64_t mtime;           /* seconds; 0: unknown */
};

/* A file to put on the board. */
struct link_file {
	const char *local;       /* path on this machine */
	const char *remote;      /* final path on the board */
	bool executable;
	/* What the board had after the last push, when the caller kept it
	 * (last_sha NULL: unknown). */
	const char *last_sha;
	struct link_stat last;
	bool sent;               /* out: false when the board had it already */
	char sha[65];            /* out: the file's SHA-256 */
	struct link_stat now;    /* out: the board's file after the push */
};

/* Uploads files into place: each goes to a temporary name, its size and
 * SHA-256 are checked on the board, then it is renamed. Files whose
 * checksum already matches are not sent again. Every file is then dated
 * by its checksum, a time between 1980 and 1988 that no change on the
 * board gives it: when every file is as the last push left it (the same
 * SHA-256 here, the same size and date on the board) nothing runs on the
 * board but SFTP's stat. Progress, when not NULL, is called before each
 * file. */
int link_push(struct link *l, struct link_file *files, size_t n,
	      void (*progress)(void *ctx, const struct link_file *f, size_t i, size_t n),
	      void *ctx, struct error *err);

#endif
