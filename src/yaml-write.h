/*
 * Writing project files: libyaml's emitter does the quoting, this layer the
 * notations (hex addresses, "64 MiB" sizes, CPU lists, flag names) and the
 * atomic replacement through src/atomic.h. Errors are sticky: after the first
 * failure every call does nothing and yw_close reports it.
 */
#ifndef AJ_SRC_YAML_WRITE_H
#define AJ_SRC_YAML_WRITE_H

#include <stdbool.h>
#include <stdint.h>
#include <yaml.h>

#include "model/units.h"
#include "src/atomic.h"
#include "src/error.h"

struct ywriter {
	yaml_emitter_t em;
	struct atomic_file af;
	bool open;
	bool failed;
	const char *path;
	struct error *err;
};

/* Opens PATH's temporary file and starts the document with a comment line. */
bool yw_open(struct ywriter *w, const char *path, const char *comment, struct error *err);
/* Ends the document and replaces the file; on any failure the old file stays. */
bool yw_close(struct ywriter *w);

void yw_map_begin(struct ywriter *w, bool flow);
void yw_map_end(struct ywriter *w);
void yw_seq_begin(struct ywriter *w, const char *key, bool flow);
void yw_seq_end(struct ywriter *w);
/* A key whose value follows (a mapping or a list). */
void yw_key(struct ywriter *w, const char *key);

/* Scalars: with a key inside a mapping, or with key NULL as a list item. */
void yw_str(struct ywriter *w, const char *key, const char *value);
/* Text written as it is, unquoted where YAML allows: numbers, names, "~". */
void yw_plain_kv(struct ywriter *w, const char *key, const char *text);
/* Like yw_str, but always quoted, so that it never reads as a number. */
void yw_quoted(struct ywriter *w, const char *key, const char *value);
void yw_dec(struct ywriter *w, const char *key, uint64_t v);
void yw_hex(struct ywriter *w, const char *key, uint64_t v);
void yw_size(struct ywriter *w, const char *key, uint64_t v);
void yw_bool(struct ywriter *w, const char *key, bool v);
/* A flow list of the names of the bits set; bits without a name as hex. */
void yw_flags(struct ywriter *w, const char *key, const struct flag_name *table, uint32_t v);
/* The name of v in the table, or v in hex when it has none. */
void yw_enum(struct ywriter *w, const char *key, const struct flag_name *table, uint32_t v);
void yw_cpus(struct ywriter *w, const char *key, uint64_t mask);
void yw_bdf(struct ywriter *w, const char *key, uint16_t bdf);
/* Interrupt bitmap of nbits bits from base as "32-40,55". */
void yw_irq_list(struct ywriter *w, const char *key, uint32_t base, uint32_t nbits,
		 const uint32_t *bits);

#endif
