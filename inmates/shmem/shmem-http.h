/*
 * The seed demo's web page, served by the root cell: a button that flips
 * byte 0 of the shared page (and so the LED gpio-demo drives), GET /toggle
 * for scripts and GET /state to read the byte.
 */
#ifndef AJ_SHMEM_HTTP_H
#define AJ_SHMEM_HTTP_H

#include "inmates/shmem/shmem-map.h"

/*
 * Serves until SIGINT or SIGTERM. PORT 0 picks a free port; the address
 * actually bound is printed on stdout first. Returns the exit status.
 */
int shmem_http_serve(struct shmem_map *m, const char *bind_addr, unsigned port);

#endif
