/* The parts of the board link that link-*.c share. */
#ifndef AJ_SRC_LINK_PRIVATE_H
#define AJ_SRC_LINK_PRIVATE_H

#include <libssh/libssh.h>
#include <libssh/sftp.h>

#include "src/link.h"

struct link {
	ssh_session session;
	sftp_session sftp;       /* opened on first upload */
	ssh_channel shell;       /* runs the commands; opened on the first one */
	char mark[40];           /* the shell's end-of-output marker, random per shell */
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
