/* The parts of the board link that link-*.c share. */
#ifndef AJ_SRC_LINK_PRIVATE_H
#define AJ_SRC_LINK_PRIVATE_H

#include <libssh/libssh.h>
#include <libssh/sftp.h>

#include "src/link.h"

struct link {
	ssh_session session;
	sftp_session sftp;       /* opened on first upload */
	char *name;              /* user@host:port */
	char *known_hosts;
	long command_timeout;    /* seconds */
	bool is_root;
};

#endif
