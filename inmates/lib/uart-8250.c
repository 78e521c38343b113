/*
 * 8250/16550 transmit. The TX2's UART-A spaces its registers 4 bytes apart;
 * Linux or the boot loader has programmed baud rate and line format already,
 * and reprogramming the divisor would need the input clock, which the cell
 * does not know, so only the transmit path is touched.
 */
#include "mmio.h"
#include "uart.h"

#define UART_8250_THR	0	/* transmit holding register */
#define UART_8250_LSR	5	/* line status register */
#define LSR_THRE	0x20	/* transmit holding register empty */

void uart_8250_putc(const struct uart *u, char c)
{
	uintptr_t lsr = u->base + UART_8250_LSR * u->stride;

	if (u->stride == 4) {
		while (!(mmio_read32(lsr) & LSR_THRE))
			cpu_relax();
		mmio_write32(u->base + UART_8250_THR, (uint8_t)c);
	} else {
		while (!(mmio_read8(lsr) & LSR_THRE))
			cpu_relax();
		mmio_write8(u->base + UART_8250_THR, (uint8_t)c);
	}
}
