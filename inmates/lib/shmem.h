/*
 * The page shared with the root cell. Both sides see it uncached (the inmate
 * runs with the MMU off; autojail-shmem maps it with O_SYNC), so plain
 * volatile accesses plus a barrier between data and flag are enough.
 */
#ifndef AJ_INMATE_SHMEM_H
#define AJ_INMATE_SHMEM_H

#include <stddef.h>
#include <stdint.h>

/* The shared page's cell-virtual address ("shmem=ADDR"), 0 when unknown. */
uintptr_t shmem_base(void);
uint8_t shmem_read8(size_t off);
void shmem_write8(size_t off, uint8_t v);
uint32_t shmem_read32(size_t off);
void shmem_write32(size_t off, uint32_t v);
/* Orders accesses to the page: data before its flag, a flag before its data. */
void shmem_barrier(void);

#endif
