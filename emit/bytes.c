/* Little-endian writing and bounds-checked reading, byte by byte. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emit/bytes.h"
#include "model/util.h"

void emit_buf_init(struct emit_buf *b)
{
	b->data = NULL;
	b->len = b->cap = 0;
}

void emit_buf_free(struct emit_buf *b)
{
	free(b->data);
	emit_buf_init(b);
}

static uint8_t *buf_reserve(struct emit_buf *b, size_t n)
{
	if (b->len + n > b->cap) {
		size_t cap = b->cap ? b->cap : 256;

		while (cap < b->len + n)
			cap *= 2;
		b->data = xrealloc(b->data, cap);
		b->cap = cap;
	}
	return b->data + b->len;
}

/* Stores v in n bytes, least significant first. */
static void buf_put_le(struct emit_buf *b, uint64_t v, size_t n)
{
	uint8_t *p = buf_reserve(b, n);

	for (size_t i = 0; i < n; i++)
		p[i] = (uint8_t)(v >> (8 * i));
	b->len += n;
}

void buf_put_u8(struct emit_buf *b, uint8_t v)
{
	buf_put_le(b, v, 1);
}

void buf_put_u16(struct emit_buf *b, uint16_t v)
{
	buf_put_le(b, v, 2);
}

void buf_put_u32(struct emit_buf *b, uint32_t v)
{
	buf_put_le(b, v, 4);
}

void buf_put_u64(struct emit_buf *b, uint64_t v)
{
	buf_put_le(b, v, 8);
}

void buf_put_bytes(struct emit_buf *b, const void *p, size_t n)
{
	if (!n)
		return;
	memcpy(buf_reserve(b, n), p, n);
	b->len += n;
}

void buf_put_zero(struct emit_buf *b, size_t n)
{
	if (!n)
		return;
	memset(buf_reserve(b, n), 0, n);
	b->len += n;
}

void buf_printf(struct emit_buf *b, const char *fmt, ...)
{
	size_t room = b->cap - b->len;
	va_list ap;
	int n;

	/* Most pieces fit in the space left: format once, straight into it. */
	va_start(ap, fmt);
	n = vsnprintf(room ? (char *)b->data + b->len : NULL, room, fmt, ap);
	va_end(ap);
	if (n <= 0)
		return;
	if ((size_t)n >= room) {
		/* One more byte for the NUL vsnprintf writes; len excludes it. */
		buf_reserve(b, (size_t)n + 1);
		va_start(ap, fmt);
		vsnprintf((char *)b->data + b->len, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	b->len += (size_t)n;
}

void reader_init(struct byte_reader *r, const uint8_t *data, size_t len)
{
	r->data = data;
	r->len = len;
	r->pos = 0;
	r->overrun = false;
}

static uint64_t reader_le(struct byte_reader *r, size_t n)
{
	uint64_t v = 0;

	if (reader_left(r) < n) {
		r->overrun = true;
		r->pos = r->len;
		return 0;
	}
	for (size_t i = 0; i < n; i++)
		v |= (uint64_t)r->data[r->pos + i] << (8 * i);
	r->pos += n;
	return v;
}

uint8_t reader_u8(struct byte_reader *r)
{
	return (uint8_t)reader_le(r, 1);
}

uint16_t reader_u16(struct byte_reader *r)
{
	return (uint16_t)reader_le(r, 2);
}

uint32_t reader_u32(struct byte_reader *r)
{
	return (uint32_t)reader_le(r, 4);
}

uint64_t reader_u64(struct byte_reader *r)
{
	return reader_le(r, 8);
}

void reader_bytes(struct byte_reader *r, void *out, size_t n)
{
	if (reader_left(r) < n) {
		r->overrun = true;
		r->pos = r->len;
		memset(out, 0, n);
		return;
	}
	memcpy(out, r->data + r->pos, n);
	r->pos += n;
}

bool reader_zero(struct byte_reader *r, size_t n)
{
	bool zero = true;

	if (reader_left(r) < n) {
		r->overrun = true;
		r->pos = r->len;
		return true;
	}
	for (size_t i = 0; i < n; i++)
		zero = zero && r->data[r->pos + i] == 0;
	r->pos += n;
	return zero;
}

void buf_put_comment_text(struct emit_buf *b, const char *s)
{
	unsigned char prev = 0;

	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;

		if (ch < 0x20 || ch == 0x7f)
			ch = ' ';
		if (ch == '/' && prev == '*')
			buf_put_u8(b, ' ');
		buf_put_u8(b, ch);
		prev = ch;
	}
}
