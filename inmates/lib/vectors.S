/*
 * The EL1 exception vector table: 16 entries of 0x80 bytes, 2 KiB aligned.
 * The runtime runs with interrupts masked, so any entry taken is a fault:
 * pass its index and the syndrome registers to C, which reports and halts.
 */
	.macro	vector, index
	.balign	0x80
	mov	x0, #\index
	b	vector_common
	.endm

	.section .text.vectors, "ax"
	.balign	0x800
	.global	vectors
vectors:
	vector	0
	vector	1
	vector	2
	vector	3
	vector	4
	vector	5
	vector	6
	vector	7
	vector	8
	vector	9
	vector	10
	vector	11
	vector	12
	vector	13
	vector	14
	vector	15

vector_common:
	mrs	x1, esr_el1
	mrs	x2, far_el1
	mrs	x3, elr_el1
	bl	fault_report
	b	inmate_halt
