/*
 * The runtime's interface to a demo. A demo defines inmate_main(); the
 * runtime has already set the stack, the exception vectors and the console,
 * and zeroed .bss. Returning from inmate_main halts the CPU.
 */
#ifndef AJ_INMATE_H
#define AJ_INMATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "comm.h"
#include "console.h"
#include "mmio.h"
#include "params.h"
#include "platform.h"
#include "shmem.h"
#include "timer.h"

void inmate_main(void);

/* Stops this CPU for good, with interrupts masked. */
void inmate_halt(void) __attribute__((noreturn));

/* Called from head.S once C can run. */
void runtime_start(void);
/* Called from vectors.S; prints the exception and returns to halt. */
void fault_report(uint64_t vector, uint64_t esr, uint64_t far, uint64_t elr);

#endif
