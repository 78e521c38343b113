/*
 * Register and shared-memory access. Every access is volatile and of the
 * exact width asked for: with the MMU off all memory is Device memory, where
 * the compiler must neither merge, split nor reorder accesses.
 */
#ifndef AJ_INMATE_MMIO_H
#define AJ_INMATE_MMIO_H

#include <stdint.h>

static inline uint8_t mmio_read8(uintptr_t addr)
{
	return *(volatile uint8_t *)addr;
}

static inline void mmio_write8(uintptr_t addr, uint8_t v)
{
	*(volatile uint8_t *)addr = v;
}

static inline uint32_t mmio_read32(uintptr_t addr)
{
	return *(volatile uint32_t *)addr;
}

static inline void mmio_write32(uintptr_t addr, uint32_t v)
{
	*(volatile uint32_t *)addr = v;
}

/* Orders our accesses against another observer (the root cell, the hypervisor). */
static inline void mmio_barrier(void)
{
	__asm__ volatile("dsb sy" ::: "memory");
}

static inline void cpu_relax(void)
{
	__asm__ volatile("yield" ::: "memory");
}

#endif
