/* Internal to emit/: what the two halves of the C source writer share. */
#ifndef AJ_EMIT_C_WRITER_H
#define AJ_EMIT_C_WRITER_H

#include "emit/c-names.h"
#include "emit/layout.h"

struct cw {
	struct emit_buf *b;
	const struct c_names *names;
	enum abi abi;
	const struct config *c;
	const struct cell *cell;
	const struct cell_header *h;
};

/* "A | B | 0x40", wrapped before 80 columns under indent; col is where the
 * value starts. */
void c_put_flags(struct emit_buf *b, const struct c_name *table, uint64_t v,
		 const char *indent, size_t col);
/* The name of an exact value, or the number. */
void c_put_value(struct emit_buf *b, const struct c_name *table, uint64_t v);
/* The name as a comment before a region, made safe for one. */
void c_put_comment(struct emit_buf *b, const char *s);
void c_put_hex_field(struct emit_buf *b, const char *indent, const char *field, uint64_t v);
/* The arrays after the header: CPUs, regions, irqchips, PCI and the rest. */
void c_put_arrays(struct cw *w);

#endif
