/* Collecting a board dump over the link, for extract --ssh. */
#ifndef AJ_SRC_EXTRACT_SSH_H
#define AJ_SRC_EXTRACT_SSH_H

#include "src/error.h"
#include "src/link.h"

/* Fetches the files extraction reads from the board into dest (created),
 * laid out as a dump folder, with one remote command that leaves nothing
 * behind on the board. */
int dump_fetch_ssh(struct link *l, const char *dest, struct error *err);

#endif
