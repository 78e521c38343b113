/*
 * Opening the link: parse the board's address, connect with a timeout,
 * check the host key against known_hosts and authenticate by agent, key
 * files, keyboard-interactive or password.
 */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <pwd.h>

#include <libssh/libssh.h>

#include "po/i18n.h"
#include "model/util.h"
#include "src/link-private.h"

int link_target_parse(const char *url, struct link_target *t, struct error *err)
{
	const char *p, *at, *end;
	char *port_end;

	memset(t, 0, sizeof(*t));
	t->port = 22;
	if (strncmp(url, "ssh://", 6) != 0) {
		error_set(err, _("the board address '%s' does not start with ssh://"), url);
		return -1;
	}
	p = url + 6;
	end = p + strcspn(p, "/");
	at = memchr(p, '@', (size_t)(end - p));
	if (at) {
		t->user = xstrndup(p, (size_t)(at - p));
		p = at + 1;
	}
	if (*p == '[') {
		const char *close = memchr(p, ']', (size_t)(end - p));

		if (!close) {
			error_set(err, _("the board address '%s' has an unclosed '['"), url);
			goto fail;
		}
		t->host = xstrndup(p + 1, (size_t)(close - p - 1));
		p = close + 1;
	} else {
		size_t n = strcspn(p, ":/");

		t->host = xstrndup(p, n);
		p += n;
	}
	if (*p == ':') {
		long port = strtol(p + 1, &port_end, 10);

		if (port_end == p + 1 || port < 1 || port > 65535 || port_end != end) {
			error_set(err, _("the board address '%s' has no valid port"), url);
			goto fail;
		}
		t->port = (unsigned)port;
	} else if (p != end) {
		error_set(err, _("cannot read the board address '%s'"), url);
		goto fail;
	}
	if (!t->host[0] || (t->user && !t->user[0])) {
		error_set(err, _("the board address '%s' lacks a host or user"), url);
		goto fail;
	}
	return 0;
fail:
	link_target_free(t);
	return -1;
}

void link_target_free(struct link_target *t)
{
	free(t->user);
	free(t->host);
	t->user = t->host = NULL;
}

/* libssh finds the home directory through the password database; tests and
 * users with a different $HOME expect $HOME. */
static char *home_path(const char *rest)
{
	const char *home = getenv("HOME");

	if (!home || !home[0]) {
		struct passwd *pw = getpwuid(getuid());

		home = pw ? pw->pw_dir : "/";
	}
	return xasprintf("%s/%s", home, rest);
}

static int check_host_key(struct link *l, const struct link_options *opt, struct error *err)
{
	enum ssh_known_hosts_e state = ssh_session_is_known_server(l->session);
	unsigned char *hash = NULL;
	ssh_key key = NULL;
	char *fingerprint = NULL;
	size_t hlen;
	int ret = -1;

	if (state == SSH_KNOWN_HOSTS_OK)
		return 0;
	if (ssh_get_server_publickey(l->session, &key) < 0 ||
	    ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash, &hlen) < 0) {
		error_set(err, _("%s: cannot read the host key: %s"), l->name,
			  ssh_get_error(l->session));
		goto out;
	}
	fingerprint = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, hlen);
	switch (state) {
	case SSH_KNOWN_HOSTS_CHANGED:
	case SSH_KNOWN_HOSTS_OTHER:
		error_set(err, _("%s: the host key has CHANGED (now %s); this may be an attack, "
				 "or the board was reinstalled. Refusing to connect. If the change "
				 "is expected, remove the old key from %s."),
			  l->name, fingerprint, l->known_hosts);
		goto out;
	case SSH_KNOWN_HOSTS_UNKNOWN:
	case SSH_KNOWN_HOSTS_NOT_FOUND:
		if (opt->policy == HOSTKEY_STRICT ||
		    (opt->policy == HOSTKEY_ASK &&
		     !(opt->confirm_host && opt->confirm_host(opt->ctx, l->name, fingerprint)))) {
			error_set(err, _("%s: unknown host, key %s. Check the fingerprint on the "
					 "board, then connect again with --accept-new-host."),
				  l->name, fingerprint);
			goto out;
		}
		if (ssh_session_update_known_hosts(l->session) != SSH_OK) {
			error_set(err, _("%s: cannot add the host key to %s: %s"), l->name,
				  l->known_hosts, ssh_get_error(l->session));
			goto out;
		}
		ret = 0;
		break;
	default:
		error_set(err, _("%s: cannot check the host key against %s: %s"), l->name,
			  l->known_hosts, ssh_get_error(l->session));
		goto out;
	}
out:
	ssh_string_free_char(fingerprint);
	ssh_clean_pubkey_hash(&hash);
	ssh_key_free(key);
	return ret;
}

static int auth_kbdint(struct link *l, const struct link_options *opt)
{
	int rc = ssh_userauth_kbdint(l->session, NULL, NULL);

	while (rc == SSH_AUTH_INFO) {
		int n = ssh_userauth_kbdint_getnprompts(l->session);

		for (int i = 0; i < n; i++) {
			char echo = 0;
			const char *q = ssh_userauth_kbdint_getprompt(l->session, (unsigned)i, &echo);
			char *answer = opt->prompt(opt->ctx, q, echo != 0);

			if (!answer)
				return SSH_AUTH_DENIED;
			ssh_userauth_kbdint_setanswer(l->session, (unsigned)i, answer);
			explicit_bzero(answer, strlen(answer));
			free(answer);
		}
		rc = ssh_userauth_kbdint(l->session, NULL, NULL);
	}
	return rc;
}

static int authenticate(struct link *l, const struct link_options *opt, struct error *err)
{
	int methods, rc;

	rc = ssh_userauth_none(l->session, NULL);
	if (rc == SSH_AUTH_SUCCESS)
		return 0;
	methods = ssh_userauth_list(l->session, NULL);
	if (opt->identity && (methods & SSH_AUTH_METHOD_PUBLICKEY)) {
		ssh_key key = NULL;

		if (ssh_pki_import_privkey_file(opt->identity, NULL, NULL, NULL, &key) == SSH_OK) {
			rc = ssh_userauth_publickey(l->session, NULL, key);
			ssh_key_free(key);
			if (rc == SSH_AUTH_SUCCESS)
				return 0;
		}
	}
	if (methods & SSH_AUTH_METHOD_PUBLICKEY) {
		/* The agent first, then the default key files of ~/.ssh. */
		if (ssh_userauth_publickey_auto(l->session, NULL, NULL) == SSH_AUTH_SUCCESS)
			return 0;
	}
	if (opt->prompt && (methods & SSH_AUTH_METHOD_INTERACTIVE)) {
		if (auth_kbdint(l, opt) == SSH_AUTH_SUCCESS)
			return 0;
	}
	if (opt->prompt && (methods & SSH_AUTH_METHOD_PASSWORD)) {
		char *question = xasprintf(_("Password for %s: "), l->name);
		char *pw = opt->prompt(opt->ctx, question, false);

		free(question);
		if (pw) {
			rc = ssh_userauth_password(l->session, NULL, pw);
			explicit_bzero(pw, strlen(pw));
			free(pw);
			if (rc == SSH_AUTH_SUCCESS)
				return 0;
		}
	}
	error_set(err, _("%s: authentication failed (tried the SSH agent, key files%s)"), l->name,
		  opt->prompt ? _(" and a password") : "");
	return -1;
}

struct link *link_open(const char *url, const struct link_options *opt, struct error *err)
{
	struct link_target t;
	struct link *l;
	long timeout;
	char *ssh_dir, *config;

	if (link_target_parse(url, &t, err) < 0)
		return NULL;
	l = xcalloc(1, sizeof(*l));
	l->session = ssh_new();
	l->command_timeout = opt->command_timeout > 0 ? opt->command_timeout : 60;
	l->known_hosts = opt->known_hosts ? xstrdup(opt->known_hosts)
					  : home_path(".ssh/known_hosts");
	ssh_dir = home_path(".ssh");
	config = home_path(".ssh/config");
	timeout = opt->connect_timeout > 0 ? opt->connect_timeout : 10;

	ssh_options_set(l->session, SSH_OPTIONS_HOST, t.host);
	ssh_options_set(l->session, SSH_OPTIONS_PORT, &t.port);
	if (t.user)
		ssh_options_set(l->session, SSH_OPTIONS_USER, t.user);
	ssh_options_set(l->session, SSH_OPTIONS_SSH_DIR, ssh_dir);
	ssh_options_set(l->session, SSH_OPTIONS_PROCESS_CONFIG, &(bool){ false });
	if (access(config, R_OK) == 0)
		ssh_options_parse_config(l->session, config);
	ssh_options_set(l->session, SSH_OPTIONS_KNOWNHOSTS, l->known_hosts);
	ssh_options_set(l->session, SSH_OPTIONS_TIMEOUT, &timeout);
	/* Every exchange with the board is a small request waiting for a small
	 * answer; with Nagle's algorithm each second packet in a row waited for
	 * the peer's delayed ACK, 40 ms on Linux (authentication, opening a
	 * channel, sftp). */
	ssh_options_set(l->session, SSH_OPTIONS_NODELAY, &(int){ 1 });
	if (!t.user) {
		char *user = NULL;

		ssh_options_get(l->session, SSH_OPTIONS_USER, &user);
		t.user = xstrdup(user ? user : "root");
		ssh_string_free_char(user);
	}
	l->is_root = strcmp(t.user, "root") == 0;
	l->name = strchr(t.host, ':') ? xasprintf("%s@[%s]:%u", t.user, t.host, t.port)
				      : xasprintf("%s@%s:%u", t.user, t.host, t.port);
	free(ssh_dir);
	free(config);
	link_target_free(&t);

	if (ssh_connect(l->session) != SSH_OK) {
		error_set(err, _("%s: cannot connect: %s"), l->name, ssh_get_error(l->session));
		goto fail;
	}
	if (check_host_key(l, opt, err) < 0 || authenticate(l, opt, err) < 0)
		goto fail;
	return l;
fail:
	link_close(l);
	return NULL;
}

void link_close(struct link *l)
{
	if (!l)
		return;
	if (l->sftp)
		sftp_free(l->sftp);
	link_shell_close(l);
	if (ssh_is_connected(l->session))
		ssh_disconnect(l->session);
	ssh_free(l->session);
	free(l->known_hosts);
	free(l->name);
	free(l);
}

const char *link_name(const struct link *l)
{
	return l->name;
}
