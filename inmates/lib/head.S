/*
 * Entry point: Jailhouse starts a bare-metal arm64 cell at cell-virtual 0
 * (cpu_reset_address) at EL1 with the MMU and caches off and all interrupts
 * in an unknown state. Nothing here may touch memory before the stack and
 * vectors are set, and no C code may run before .bss is zero.
 */
#include "platform.h"

	.section .text.head, "ax"
	.global _start
_start:
	b	entry

	/* A marker so a person (or a tool) can tell our images apart. */
	.balign	8
	.ascii	"AJINMATE"

	/* The command-line buffer sits at a fixed offset (see the linker scripts). */
	.org	PLATFORM_CMDLINE_OFFSET
	.global	inmate_cmdline
inmate_cmdline:
	.fill	PLATFORM_CMDLINE_SIZE, 1, 0

entry:
	msr	daifset, #0xf

	adrp	x0, vectors
	add	x0, x0, :lo12:vectors
	msr	vbar_el1, x0
	isb

	adrp	x0, __stack_top
	add	x0, x0, :lo12:__stack_top
	mov	sp, x0

	/* The linker script keeps both ends of .bss 8-byte aligned. */
	adrp	x0, __bss_start
	add	x0, x0, :lo12:__bss_start
	adrp	x1, __bss_end
	add	x1, x1, :lo12:__bss_end
1:	cmp	x0, x1
	b.hs	2f
	str	xzr, [x0], #8
	b	1b

2:	bl	runtime_start
	b	inmate_halt
