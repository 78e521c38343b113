/* Generic timer: see timer.h. */
#include "comm.h"
#include "mmio.h"
#include "timer.h"

uint64_t timer_ticks(void)
{
	uint64_t v;

	/* The ISB keeps the read from being taken early, before prior code. */
	__asm__ volatile("isb; mrs %0, cntvct_el0" : "=r"(v) :: "memory");
	return v;
}

uint64_t timer_frequency(void)
{
	uint64_t v;

	__asm__ volatile("mrs %0, cntfrq_el0" : "=r"(v));
	return v;
}

/* Splitting the division keeps ticks * 1000000 from overflowing after hours. */
static uint64_t ticks_to(uint64_t ticks, uint64_t per_second)
{
	uint64_t f = timer_frequency();

	return ticks / f * per_second + ticks % f * per_second / f;
}

uint64_t timer_ms(void)
{
	return ticks_to(timer_ticks(), 1000);
}

void delay_us(uint64_t us)
{
	uint64_t f = timer_frequency();
	uint64_t end = timer_ticks() + us / 1000000 * f + us % 1000000 * f / 1000000;

	while (timer_ticks() < end)
		cpu_relax();
}

void sleep_ms(uint64_t ms)
{
	uint64_t end = timer_ms() + ms;

	do {
		comm_service();
		delay_us(ms < 10 ? ms * 1000 : 10000);
	} while (timer_ms() < end);
}
