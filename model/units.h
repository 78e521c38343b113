/*
 * The notations people use in project files and on the command line:
 * sizes ("64 MiB", "0x4000000"), CPU lists ("0,3-5") and flag names.
 */
#ifndef AJ_MODEL_UNITS_H
#define AJ_MODEL_UNITS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decimal, 0x hexadecimal or 0b binary; fails on junk and on overflow. */
bool parse_u64(const char *s, uint64_t *out);
/* A number with an optional unit: B, KiB, MiB, GiB, TiB (K, M, G, T and
 * KB, MB, GB as the same binary units), space allowed before the unit. */
bool parse_size(const char *s, uint64_t *out);
/* "64 MiB" when the value is a whole number of a unit, else "0x..." hex. */
void format_size(uint64_t v, char *buf, size_t len);
/* The kernel argument for a memory limit: "mem=7992M", or bytes when not
 * whole megabytes. */
void format_mem_arg(uint64_t limit, char *buf, size_t len);
/* Human-readable and approximate, for narrow columns: "7.6G", "64K". */
void format_size_short(uint64_t v, char *buf, size_t len);
/* The same with unit names, for people: "7.6 GiB", "64 KiB". */
void format_size_human(uint64_t v, char *buf, size_t len);
/* "0,3-5" to a bit set of CPUs 0..63. An empty list is the empty set. */
bool parse_cpu_list(const char *s, uint64_t *mask);
void format_cpu_list(uint64_t mask, char *buf, size_t len);

/* Symbolic names of bit flags, e.g. READ for MEM_READ. */
struct flag_name {
	uint32_t value;
	const char *name;
};

extern const struct flag_name mem_flag_names[];   /* READ, WRITE, ..., IO_64 */
extern const struct flag_name cell_flag_names[];  /* PASSIVE_COMMREG, ... */
extern const struct flag_name console_flag_names[];/* ACCESS_MMIO, REGDIST_4, ... */
extern const struct flag_name console_type_names[];/* NONE, EFIFB, 8250, PL011, ... */

/* Looks a name up case-insensitively, with or without a JAILHOUSE_MEM_ style prefix. */
bool flag_lookup(const struct flag_name *table, const char *name, uint32_t *value);
/* Names of the bits set, joined by sep; unnamed bits as 0x hex. */
/* A set of names joined by |, comma, + or blanks, or a number. */
bool flag_parse(const struct flag_name *table, const char *text, uint32_t *out);
void flag_format(const struct flag_name *table, uint32_t value, const char *sep,
		 char *buf, size_t len);
const char *flag_name(const struct flag_name *table, uint32_t value);

#endif
