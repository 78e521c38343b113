/*
 * Little-endian byte buffers: the binary .cell formats are written and read
 * one field at a time through these, never by copying host structs, so the
 * output does not depend on the host's byte order, padding or alignment.
 */
#ifndef AJ_EMIT_BYTES_H
#define AJ_EMIT_BYTES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A growing output buffer. */
struct emit_buf {
	uint8_t *data;
	size_t len, cap;
};

void emit_buf_init(struct emit_buf *b);
void emit_buf_free(struct emit_buf *b);
void buf_put_u8(struct emit_buf *b, uint8_t v);
void buf_put_u16(struct emit_buf *b, uint16_t v);
void buf_put_u32(struct emit_buf *b, uint32_t v);
void buf_put_u64(struct emit_buf *b, uint64_t v);
void buf_put_bytes(struct emit_buf *b, const void *p, size_t n);
void buf_put_zero(struct emit_buf *b, size_t n);
/* Appends formatted text (the C source writer uses the same buffer). */
void buf_printf(struct emit_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Free text (a name, a path) inside a comment of C, dts or sh: control
 * characters as blanks, so a line break cannot end a line comment, and a
 * blank between "*" and "/", so nothing ends a block comment early. */
void buf_put_comment_text(struct emit_buf *b, const char *s);

/* A bounds-checked reader over a file's bytes. Reads past the end return 0
 * and set overrun, so a parser checks once per structure, not per field. */
struct byte_reader {
	const uint8_t *data;
	size_t len, pos;
	bool overrun;
};

void reader_init(struct byte_reader *r, const uint8_t *data, size_t len);
uint8_t reader_u8(struct byte_reader *r);
uint16_t reader_u16(struct byte_reader *r);
uint32_t reader_u32(struct byte_reader *r);
uint64_t reader_u64(struct byte_reader *r);
void reader_bytes(struct byte_reader *r, void *out, size_t n);
/* Skips n bytes that must be zero; returns false when one is not. */
bool reader_zero(struct byte_reader *r, size_t n);
static inline size_t reader_left(const struct byte_reader *r)
{
	return r->pos <= r->len ? r->len - r->pos : 0;
}

#endif
