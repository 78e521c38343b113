/* Polled UART output: the two register layouts our boards use. */
#ifndef AJ_INMATE_UART_H
#define AJ_INMATE_UART_H

#include <stdint.h>

/* Values match the console types of the Jailhouse config (jailhouse-abi.md). */
enum uart_type {
	UART_NONE = 0,
	UART_8250 = 2,
	UART_PL011 = 3,
};

struct uart {
	enum uart_type type;
	uintptr_t base;
	unsigned stride;	/* bytes between registers: 1 or 4 (8250 only) */
};

void uart_8250_putc(const struct uart *u, char c);
void uart_pl011_putc(const struct uart *u, char c);

#endif
