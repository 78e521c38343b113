/*
 * Time from the ARM generic timer: the virtual counter runs at CNTFRQ_EL0
 * in every cell and under QEMU, needs no interrupt and no device mapping.
 */
#ifndef AJ_INMATE_TIMER_H
#define AJ_INMATE_TIMER_H

#include <stdint.h>

uint64_t timer_ticks(void);
uint64_t timer_frequency(void);
uint64_t timer_ms(void);
void delay_us(uint64_t us);
/* Waits MS milliseconds, but keeps answering the hypervisor (comm_service) meanwhile. */
void sleep_ms(uint64_t ms);

#endif
