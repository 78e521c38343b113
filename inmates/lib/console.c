/* Console selection and character output: see console.h. */
#include "comm.h"
#include "console.h"
#include "params.h"
#include "platform.h"

static struct uart console;

void console_init(void)
{
	uint64_t addr = params_get_u64("uart", 0);

	if (addr) {
		/* An explicit address keeps the platform's register layout. */
		console.type = PLATFORM_UART_TYPE;
		console.base = (uintptr_t)addr;
		console.stride = PLATFORM_UART_STRIDE;
		return;
	}
	if (comm_console(&console))
		return;
	console.type = PLATFORM_UART_TYPE;
	console.base = PLATFORM_UART_BASE;
	console.stride = PLATFORM_UART_STRIDE;
}

void console_putc(char c)
{
	if (c == '\n')
		console_putc('\r');
	switch (console.type) {
	case UART_8250:
		uart_8250_putc(&console, c);
		break;
	case UART_PL011:
		uart_pl011_putc(&console, c);
		break;
	case UART_NONE:
		break;
	}
}

void console_write(const char *s)
{
	while (*s)
		console_putc(*s++);
}
