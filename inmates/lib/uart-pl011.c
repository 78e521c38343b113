/*
 * ARM PL011 transmit, as on QEMU's virt machine and many arm64 boards. Like
 * the 8250 driver it relies on firmware (or QEMU) having enabled the UART.
 */
#include "mmio.h"
#include "uart.h"

#define PL011_DR	0x00	/* data register */
#define PL011_FR	0x18	/* flag register */
#define FR_TXFF		0x20	/* transmit FIFO full */

void uart_pl011_putc(const struct uart *u, char c)
{
	while (mmio_read32(u->base + PL011_FR) & FR_TXFF)
		cpu_relax();
	mmio_write32(u->base + PL011_DR, (uint8_t)c);
}
