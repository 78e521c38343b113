/*
 * A pull reader over libyaml's event stream for the project loaders. The
 * loaders walk the file in the order it is written, one node at a time, so a
 * project of ten thousand regions is read without building a document tree.
 * Every failure records "FILE:LINE:COLUMN: what was expected" in the error
 * and makes all further calls fail, so a loader can test once per node.
 * yaml-read.c walks the structure; yaml-scalar.c converts the values.
 */
#ifndef AJ_SRC_YAML_READ_H
#define AJ_SRC_YAML_READ_H

#include <stdbool.h>
#include <stdint.h>
#include <yaml.h>

#include "model/units.h"
#include "src/error.h"

struct yreader {
	yaml_parser_t parser;
	yaml_event_t ev;         /* the current event */
	bool held;               /* ev must be deleted before the next parse */
	bool pending;            /* ev was peeked and not yet taken */
	bool failed;
	bool empty;              /* the file holds no document at all */
	bool parser_ready;
	bool null_seq;           /* a list given as null: yr_seq_next ends it */
	const char *path;
	struct error *err;
	char *data;              /* the whole file */
	size_t len;
	unsigned line, column;   /* start of the last node taken, 1-based */
};

/* Reads the file and its start; returns false with err set. */
bool yr_open(struct yreader *r, const char *path, struct error *err);
/* Checks that the document ended and nothing follows it. */
bool yr_finish(struct yreader *r);
void yr_close(struct yreader *r);

/* Records an error at a line and column (1-based) and fails the reader. */
bool yr_error(struct yreader *r, unsigned line, unsigned column, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Records an error at the node taken last. */
bool yr_error_here(struct yreader *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Starts a mapping (an empty file and a null value count as an empty one,
 * *empty tells); what names it in messages, marked with N_() and translated
 * only when shown. */
bool yr_map_start(struct yreader *r, const char *what, bool *empty);
/* The next key of the mapping: 1 with *key (valid until the next call), 0 at
 * its end, -1 on error. */
int yr_map_key(struct yreader *r, const char *what, const char **key);

/* Starts a sequence; then yr_seq_next gives 1 per item, 0 at the end, -1 on
 * error. A null value ("key:" alone, "~") is an empty list or mapping. */
bool yr_seq_begin(struct yreader *r, const char *key);
int yr_seq_next(struct yreader *r);
/* A whole sequence whose items one function reads, given arg. */
bool yr_seq_each(struct yreader *r, const char *key,
		 bool (*item)(struct yreader *r, void *arg), void *arg);
/* Whether the next node is a mapping, a sequence or a plain scalar. */
bool yr_next_is_map(struct yreader *r);
bool yr_next_is_seq(struct yreader *r);

/* A scalar's text, valid until the next call; plain tells unquoted text. */
bool yr_scalar(struct yreader *r, const char *key, const char **text, bool *plain);
/* A string; "~", "null" and an empty plain value give NULL. Replaces *out. */
bool yr_str(struct yreader *r, const char *key, char **out);
bool yr_u64(struct yreader *r, const char *key, uint64_t max, uint64_t *out);
bool yr_u32(struct yreader *r, const char *key, uint32_t *out);
bool yr_u16(struct yreader *r, const char *key, uint16_t *out);
/* "64 MiB", "0x4000000" or a plain number of bytes. */
bool yr_size(struct yreader *r, const char *key, uint64_t *out);
/* yes/no, true/false, on/off. */
bool yr_bool(struct yreader *r, const char *key, bool *out);
/* One name of the table, or a number up to max when numbers are allowed. */
bool yr_enum(struct yreader *r, const char *key, const struct flag_name *table,
	     uint64_t max, uint32_t *out);
/* A sequence of flag names (or numbers for bits without a name). */
bool yr_flags(struct yreader *r, const char *key, const struct flag_name *table,
	      uint32_t *out);
/* A CPU list "0,3-5" (also a sequence of numbers). */
bool yr_cpus(struct yreader *r, const char *key, uint64_t *mask);
/* An interrupt list "25,27-30" into a bitmap of nbits bits from base on. */
bool yr_irq_list(struct yreader *r, const char *key, uint32_t base, uint32_t nbits,
		 uint32_t *bits);
/* A sequence of numbers, appended to a dynamic array. */
bool yr_u32_seq(struct yreader *r, const char *key, uint32_t **v, size_t *n, size_t *cap);
/* PCI bus:device.function "00:1f.3", or a plain number. */
bool yr_bdf(struct yreader *r, const char *key, uint16_t *out);

/* Parses "25,27-30" into bits; false on junk or numbers outside [base, base+nbits). */
bool irq_list_parse(const char *s, uint32_t base, uint32_t nbits, uint32_t *bits);

#endif
