/*
 * Mapping the page a Linux root cell shares with an inmate: through
 * /dev/mem at its physical address, through a uio device (uio_ivshmem and
 * friends), or from a plain file standing in for it in tests.
 */
#ifndef AJ_SHMEM_MAP_H
#define AJ_SHMEM_MAP_H

#include <stddef.h>
#include <stdint.h>

enum shmem_source {
	SHMEM_DEVMEM,	/* offset = physical address */
	SHMEM_UIO,	/* offset inside the device's map 0 */
	SHMEM_FILE,	/* offset inside the file */
};

struct shmem_map {
	volatile uint8_t *bytes;	/* the shared page */
	size_t size;
	void *map;			/* what mmap returned, page aligned */
	size_t map_len;
};

/* Maps SIZE bytes at OFFSET of PATH; on failure writes a message to ERR, returns -1. */
int shmem_map_open(struct shmem_map *m, enum shmem_source src, const char *path,
		   uint64_t offset, size_t size, char *err, size_t errlen);
void shmem_map_close(struct shmem_map *m);

#endif
