/* Shared-page helpers: see shmem.h. */
#include "mmio.h"
#include "params.h"
#include "platform.h"
#include "shmem.h"

uintptr_t shmem_base(void)
{
	return (uintptr_t)params_get_u64("shmem", PLATFORM_SHMEM);
}

uint8_t shmem_read8(size_t off)
{
	return mmio_read8(shmem_base() + off);
}

void shmem_write8(size_t off, uint8_t v)
{
	mmio_write8(shmem_base() + off, v);
}

uint32_t shmem_read32(size_t off)
{
	return mmio_read32(shmem_base() + off);
}

void shmem_write32(size_t off, uint32_t v)
{
	mmio_write32(shmem_base() + off, v);
}

void shmem_barrier(void)
{
	mmio_barrier();
}
