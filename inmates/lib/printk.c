/*
 * A small printf for the console. It formats into nothing but the UART, one
 * character at a time, so it needs no buffer and works from the fault
 * handler too. No floating point: the runtime never enables FP/SIMD.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "console.h"

struct spec {
	bool zero, left;
	unsigned width;
};

static void put_padded(const char *s, size_t len, const struct spec *sp)
{
	size_t pad = sp->width > len ? sp->width - len : 0;

	if (!sp->left)
		while (pad--)
			console_putc(sp->zero ? '0' : ' ');
	for (size_t i = 0; i < len; i++)
		console_putc(s[i]);
	if (sp->left)
		while (pad--)
			console_putc(' ');
}

static void put_number(uint64_t v, unsigned base, bool upper, bool negative,
		       const struct spec *sp)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char buf[24];
	size_t n = sizeof(buf);
	struct spec s = *sp;

	do {
		buf[--n] = digits[v % base];
		v /= base;
	} while (v);
	if (negative) {
		/* Zero padding goes between the sign and the digits. */
		if (s.zero && s.width) {
			console_putc('-');
			s.width--;
		} else {
			buf[--n] = '-';
		}
	}
	put_padded(buf + n, sizeof(buf) - n, &s);
}

static uint64_t arg_unsigned(va_list *ap, int longs)
{
	if (longs >= 1)
		return longs == 1 ? va_arg(*ap, unsigned long) : va_arg(*ap, unsigned long long);
	return va_arg(*ap, unsigned int);
}

static int64_t arg_signed(va_list *ap, int longs)
{
	if (longs >= 1)
		return longs == 1 ? va_arg(*ap, long) : va_arg(*ap, long long);
	return va_arg(*ap, int);
}

void vprintk(const char *fmt, va_list ap)
{
	va_list args;

	va_copy(args, ap);
	for (; *fmt; fmt++) {
		struct spec sp = { false, false, 0 };
		int longs = 0;
		const char *s;
		int64_t sv;
		char c;

		if (*fmt != '%') {
			console_putc(*fmt);
			continue;
		}
		for (fmt++; *fmt == '0' || *fmt == '-'; fmt++)
			*(*fmt == '0' ? &sp.zero : &sp.left) = true;
		for (; *fmt >= '0' && *fmt <= '9'; fmt++)
			sp.width = sp.width * 10 + (unsigned)(*fmt - '0');
		for (; *fmt == 'l' || *fmt == 'z'; fmt++)
			longs = *fmt == 'z' ? 1 : longs + 1;
		switch (*fmt) {
		case 'd':
		case 'i':
			sv = arg_signed(&args, longs);
			put_number(sv < 0 ? -(uint64_t)sv : (uint64_t)sv, 10, false, sv < 0, &sp);
			break;
		case 'u':
			put_number(arg_unsigned(&args, longs), 10, false, false, &sp);
			break;
		case 'x':
		case 'X':
			put_number(arg_unsigned(&args, longs), 16, *fmt == 'X', false, &sp);
			break;
		case 'p':
			console_write("0x");
			put_number((uintptr_t)va_arg(args, void *), 16, false, false, &sp);
			break;
		case 's':
			s = va_arg(args, const char *);
			if (!s)
				s = "(null)";
			put_padded(s, __builtin_strlen(s), &sp);
			break;
		case 'c':
			c = (char)va_arg(args, int);
			put_padded(&c, 1, &sp);
			break;
		case '%':
			console_putc('%');
			break;
		case '\0':
			va_end(args);
			return;
		default:
			/* Show what we cannot format rather than guess at its argument. */
			console_putc('%');
			console_putc(*fmt);
			break;
		}
	}
	va_end(args);
}

void printk(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
}
