/*
 * The image's command line: a buffer at PLATFORM_CMDLINE_OFFSET that
 * `jailhouse cell load NAME IMAGE -s "shmem=0x... beat=500" -a 0x100` fills in
 * after loading the image. Words are KEY=NUMBER, numbers decimal or 0x-hex.
 * This is how a generated cell config tells the inmate its cell-virtual
 * addresses without rebuilding the image.
 */
#ifndef AJ_INMATE_PARAMS_H
#define AJ_INMATE_PARAMS_H

#include <stdbool.h>
#include <stdint.h>

extern char inmate_cmdline[];

/* The value of KEY, or DEF when it is absent or not a number. */
uint64_t params_get_u64(const char *key, uint64_t def);
bool params_has(const char *key);

#endif
