/* The cell's console: one UART chosen at start, and printk on top of it. */
#ifndef AJ_INMATE_CONSOLE_H
#define AJ_INMATE_CONSOLE_H

#include <stdarg.h>

#include "uart.h"

/* Picks the UART: "uart=ADDR", else the comm region's console, else the platform's. */
void console_init(void);
void console_putc(char c);
void console_write(const char *s);

/* printf subset: %d %i %u %x %X %p %s %c %%, flags 0 and -, width, l, ll, z. */
void printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void vprintk(const char *fmt, va_list ap);

#endif
