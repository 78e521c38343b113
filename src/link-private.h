/* The parts of the board link that link-*.c share. */
#ifndef AJ_SRC_LINK_PRIVATE_H
#define AJ_SRC_LINK_PRIVATE_H

#include <libssh/libssh.h>
#include <libssh/callbacks.h>
#include <libssh/sftp.h>

#include "src/link.h"

struct link {
	ssh_session session;
	sftp_session sftp;       /* opened on first upload */
	ssh_channel shell;       /* runs the commands; opened on the first one */
	char mark[40];           /* the shell's end-of-output marker, random per shell */
	/* What the SFTP channel's server writes to stderr, taken out of
	 * libssh's buffer (see link-push.c) and kept for the error message. */
	struct ssh_channel_callbacks_struct sftp_cb;
	char sftp_err[256];
	size_t sftp_err_len;
	char *name;              /* user@host:port */
	char *known_hosts;
	long command_timeout;    /* seconds */
	bool is_root;
};

/* Opens a session channel without the 40 ms that OpenSSH's debug messages
 * otherwise cost the first channel of a link (link-exec.c). */
int link_channel_open(struct link *l, ssh_channel ch);
/* Ends the shell that runs the link's commands (link-exec.c). */
void link_shell_close(struct link *l);

#endif
