/*
 * The keys of the project files, described once. Every mapping type of
 * autojail.yml, board.yml and cells.yml is one const table of fields: the
 * key, the kind of its value, where the value lives in the struct, whether
 * it is required, its default and what it means. The same table drives the
 * reader (unknown, repeated and missing keys, values of the wrong kind, all
 * with file, line and column), the writer (keys in table order, defaults
 * left out) and the key tables of doc/file-formats.md (tests/io/doc-keys).
 * Values no kind fits get their own read or write function in the row.
 */
#ifndef AJ_SRC_YAML_SCHEMA_H
#define AJ_SRC_YAML_SCHEMA_H

#include <stddef.h>
#include <stdint.h>

#include "model/util.h"
#include "src/yaml-read.h"
#include "src/yaml-write.h"

enum ykind {
	YK_STR,      /* char *; NULL when absent */
	YK_UINT,     /* unsigned integer of the member's width, written in decimal */
	YK_HEX,      /* the same, written in hex */
	YK_SIZE,     /* the same, written as "64 MiB" */
	YK_BOOL,     /* bool */
	YK_ENUM,     /* an unsigned member holding a value of the name table ref */
	YK_FLAGS,    /* an unsigned member holding bits of the name table ref */
	YK_CPUS,     /* uint64_t CPU mask, "0,3-5" */
	YK_BDF,      /* uint16_t PCI address */
	YK_U32S,     /* uint32_t *member with n_member, cap_member: a flow list */
	YK_STRS,     /* char **member with n_member, cap_member: a flow list of names */
	YK_MAP,      /* a struct of the schema ref at offset (0: the same struct) */
	YK_LIST,     /* an array of ref's structs with n_member, cap_member */
	YK_CUSTOM,   /* read and write give the value its shape */
};

/* Field flags. */
#define YF_REQUIRED 0x01     /* the key must be present */
#define YF_ALWAYS 0x02       /* written even when it has its default value */
#define YF_NONNULL 0x04      /* a string that must not be empty, or list items */
#define YF_HEXITEMS 0x08     /* YK_U32S written in hex */
#define YF_PTRS 0x10         /* YK_LIST of pointers to structs */

struct yschema;
struct yfield;

/* One mapping being read: the keys seen so far. */
struct ymap {
	const struct yschema *s;
	unsigned next;           /* where to start looking for the next key */
	uint64_t seen;           /* bit i: fields[i] was there */
	unsigned line, column;   /* where the mapping starts */
};

#define YKEY(i) ((uint64_t)1 << (i))

/* Custom functions get the struct that holds the field and the context
 * given to ys_read or ys_write. A writer writes the key too; it is called
 * only when the value is not its default (see ys_field_is_default). */
typedef bool (*yfield_read_fn)(struct yreader *r, const struct yfield *f, void *obj,
			       void *ctx);
typedef void (*yfield_write_fn)(struct ywriter *w, const struct yfield *f, const void *obj,
				void *ctx);

struct yfield {
	const char *key;
	enum ykind kind;
	unsigned flags;
	unsigned width;             /* bytes of the member; 0 for composite values */
	size_t offset;
	size_t n_offset, cap_offset; /* YK_U32S, YK_STRS, YK_LIST; cap of YK_U32S
				      * SIZE_MAX: none */
	uint64_t max;               /* numbers: 0 for the width's maximum; enums:
				     * numbers up to max are allowed (0: names only) */
	uint64_t def;               /* the default of a scalar: left out when saving */
	const void *ref;            /* flag_name table (ENUM, FLAGS) or struct
				     * yschema (MAP, LIST, CUSTOM) */
	yfield_read_fn read;        /* instead of the kind's reader */
	yfield_write_fn write;      /* instead of the kind's writer */
	int arg;                    /* for read and write */
	unsigned part;              /* in a schema of parts: which one holds it */
	const char *value_doc;      /* the value column of the key table, when the
				     * kind does not say it */
	const char *def_doc;        /* the default column, when def does not say it */
	const char *doc;            /* what the key means */
};

struct yschema {
	const char *what;           /* N_("a cell"): names the mapping in messages */
	const struct yfield *fields;
	unsigned n_fields;          /* at most 64 */
	bool flow;                  /* written on one line, {key: value, ...} */
	bool parts;                 /* obj is an array of pointers; field.arg picks one */
	size_t size;                /* of the struct, for lists */
	/* A list item: a new one (instead of growing the array), its defaults. */
	void *(*add)(void *owner, void *ctx);
	void (*init)(void *item, size_t index);
	/* A list item whose first field is given alone, as a scalar; brief says
	 * whether an item is written that way. */
	bool (*brief)(const void *item);
	/* Whether a list item is saved. */
	bool (*keep)(const void *item);
	/* Checks and defaults once the mapping is read; m tells the keys seen. */
	bool (*done)(struct yreader *r, const struct ymap *m, void *obj, void *ctx);
};

#define YS_TABLE(what_, fields_, ...) \
	{ .what = (what_), .fields = (fields_), .n_fields = ARRAY_SIZE(fields_), __VA_ARGS__ }

/* A member of struct T read as the kind says. */
#define YF(key_, kind_, T, member, flags_, ...)                                  \
	{ .key = (key_), .kind = (kind_), .flags = (flags_),                     \
	  .width = sizeof(((T *)0)->member), .offset = offsetof(T, member), __VA_ARGS__ }

/* An array member with its count n_member and capacity cap_member (size_t). */
#define YF_ARRAY(key_, kind_, T, member, flags_, ...)                            \
	{ .key = (key_), .kind = (kind_), .flags = (flags_),                     \
	  .offset = offsetof(T, member), .n_offset = offsetof(T, n_##member) +     \
		0 * sizeof(char[sizeof(((T *)0)->n_##member) == sizeof(size_t) ? 1 : -1]), \
	  .cap_offset = offsetof(T, cap_##member), __VA_ARGS__ }

/* Reads the next node as a mapping of s into obj (or the brief scalar). */
bool ys_read(struct yreader *r, const struct yschema *s, void *obj, void *ctx);
/* Reads one field's value: what a custom reader calls for the usual part. */
bool ys_read_value(struct yreader *r, const struct yfield *f, void *obj, void *ctx);
/* Writes obj as a mapping of s; with key inside a mapping, NULL as an item. */
void ys_write(struct ywriter *w, const char *key, const struct yschema *s, const void *obj,
	      void *ctx);
/* Writes the fields of obj into the mapping the caller has begun. */
void ys_write_fields(struct ywriter *w, const struct yschema *s, const void *obj, void *ctx);
/* Whether the field of obj holds its default, so that it is not written. */
bool ys_field_is_default(const struct yfield *f, const void *obj);
/* Whether every field of obj holds its default. */
bool ys_is_default(const struct yschema *s, const void *obj);
/* Whether the mapping had field i. */
static inline bool ys_seen(const struct ymap *m, unsigned i)
{
	return m->seen & YKEY(i);
}

/* The root tables of autojail.yml, board.yml and cells.yml. */
extern const struct yschema settings_schema, board_schema, cells_schema;

#endif
