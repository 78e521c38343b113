/*
 * The values of project files: strings, numbers with their range, sizes,
 * yes/no, names from a table, flag lists, CPU and interrupt lists, PCI
 * addresses. Each reads one scalar (or a short list) through the pull
 * reader and says what was expected when the text does not fit.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "po/i18n.h"
#include "model/util.h"
#include "src/yaml-read.h"

bool yr_str(struct yreader *r, const char *key, char **out)
{
	const char *s;
	bool plain;

	if (!yr_scalar(r, key, &s, &plain))
		return false;
	free(*out);
	*out = NULL;
	if (plain && (!*s || !strcmp(s, "~") || !strcasecmp(s, "null")))
		return true;
	*out = xstrdup(s);
	return true;
}

/* Whether the text is a well-formed number that parse_u64 refused as too big. */
static bool looks_numeric(const char *s)
{
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		return s[2] && strspn(s + 2, "0123456789abcdefABCDEF") == strlen(s + 2);
	return *s && strspn(s, "0123456789") == strlen(s);
}

bool yr_u64(struct yreader *r, const char *key, uint64_t max, uint64_t *out)
{
	const char *s;
	uint64_t v;

	if (!yr_scalar(r, key, &s, NULL))
		return false;
	if (!parse_u64(s, &v)) {
		if (looks_numeric(s))
			return yr_error_here(r, _("number %.40s is too large for \"%s\" (at most "
						  "%llu)"), s, key, (unsigned long long)max);
		return yr_error_here(r, _("expected a number for \"%s\", found \"%.40s\""), key, s);
	}
	if (v > max)
		return yr_error_here(r, _("number %.40s is too large for \"%s\" (at most %llu)"), s,
				     key, (unsigned long long)max);
	*out = v;
	return true;
}

bool yr_u32(struct yreader *r, const char *key, uint32_t *out)
{
	uint64_t v;

	if (!yr_u64(r, key, UINT32_MAX, &v))
		return false;
	*out = (uint32_t)v;
	return true;
}

bool yr_u16(struct yreader *r, const char *key, uint16_t *out)
{
	uint64_t v;

	if (!yr_u64(r, key, UINT16_MAX, &v))
		return false;
	*out = (uint16_t)v;
	return true;
}

bool yr_size(struct yreader *r, const char *key, uint64_t *out)
{
	const char *s;

	if (!yr_scalar(r, key, &s, NULL))
		return false;
	if (!parse_size(s, out))
		return yr_error_here(r, _("expected a size for \"%s\" such as 64 MiB or 0x4000000 "
					  "(at most 2^64-1 bytes), found \"%.40s\""), key, s);
	return true;
}

bool yr_bool(struct yreader *r, const char *key, bool *out)
{
	static const char *const yes[] = { "yes", "true", "on" };
	static const char *const no[] = { "no", "false", "off" };
	const char *s;

	if (!yr_scalar(r, key, &s, NULL))
		return false;
	for (size_t i = 0; i < ARRAY_SIZE(yes); i++) {
		if (!strcasecmp(s, yes[i])) {
			*out = true;
			return true;
		}
		if (!strcasecmp(s, no[i])) {
			*out = false;
			return true;
		}
	}
	return yr_error_here(r, _("expected yes or no for \"%s\", found \"%.40s\""), key, s);
}

static void yr_name_list(const struct flag_name *table, char *buf, size_t len)
{
	size_t n = 0;

	buf[0] = '\0';
	for (size_t i = 0; table[i].name && n < len; i++)
		n += (size_t)snprintf(buf + n, len - n, "%s%s", i ? ", " : "", table[i].name);
}

/* A name of the table or, when max is non-zero, a number up to max. */
static bool yr_name_value(struct yreader *r, const char *key, const char *s,
			  const struct flag_name *table, uint64_t max, uint32_t *out)
{
	uint64_t v;
	char list[600];

	/* Names first: "8250" is a console type, not the number 8250. */
	for (const struct flag_name *f = table; f->name; f++) {
		if (tolower((unsigned char)f->name[0]) == tolower((unsigned char)s[0]) &&
		    !strcasecmp(f->name, s)) {
			*out = f->value;
			return true;
		}
	}
	/* Any spelling of a number is a number, allowed or not; flag_lookup
	 * would take one for any table. */
	if (parse_u64(s, &v) || looks_numeric(s)) {
		if (max && parse_u64(s, &v) && v <= max) {
			*out = (uint32_t)v;
			return true;
		}
	} else if (flag_lookup(table, s, out)) {
		return true;
	}
	yr_name_list(table, list, sizeof(list));
	return yr_error_here(r, _("unknown value \"%.40s\" for \"%s\"; expected one of: %s%s"), s,
			     key, list, max ? _(" or a number") : "");
}

bool yr_enum(struct yreader *r, const char *key, const struct flag_name *table, uint64_t max,
	     uint32_t *out)
{
	const char *s;

	return yr_scalar(r, key, &s, NULL) && yr_name_value(r, key, s, table, max, out);
}

bool yr_flags(struct yreader *r, const char *key, const struct flag_name *table, uint32_t *out)
{
	const char *s;
	uint32_t bit;
	int more;

	*out = 0;
	if (!yr_seq_begin(r, key))
		return false;
	while ((more = yr_seq_next(r)) > 0) {
		if (!yr_scalar(r, key, &s, NULL) ||
		    !yr_name_value(r, key, s, table, UINT32_MAX, &bit))
			return false;
		*out |= bit;
	}
	return more == 0;
}

bool yr_cpus(struct yreader *r, const char *key, uint64_t *mask)
{
	const char *s;
	uint64_t cpu;
	int more;

	*mask = 0;
	if (yr_next_is_seq(r)) {
		yr_seq_begin(r, key);
		while ((more = yr_seq_next(r)) > 0) {
			if (!yr_u64(r, key, 63, &cpu))
				return false;
			*mask |= (uint64_t)1 << cpu;
		}
		return more == 0;
	}
	if (!yr_scalar(r, key, &s, NULL))
		return false;
	if (!parse_cpu_list(s, mask))
		return yr_error_here(r, _("expected a CPU list for \"%s\" such as \"0,3-5\" (CPUs "
					  "0 to 63), found \"%.40s\""), key, s);
	return true;
}

bool irq_list_parse(const char *s, uint32_t base, uint32_t nbits, uint32_t *bits)
{
	char buf[32];

	while (*s == ' ')
		s++;
	while (*s) {
		size_t n = strcspn(s, ",");
		char *dash;
		uint64_t lo, hi;

		if (n == 0 || n >= sizeof(buf))
			return false;
		memcpy(buf, s, n);
		while (n && buf[n - 1] == ' ')
			n--;
		buf[n] = '\0';
		dash = strchr(buf, '-');
		if (dash)
			*dash = '\0';
		if (!parse_u64(buf, &lo) || (dash && !parse_u64(dash + 1, &hi)))
			return false;
		if (!dash)
			hi = lo;
		if (lo > hi || lo < base || hi - base >= nbits)
			return false;
		for (uint64_t i = lo - base; i <= hi - base; i++)
			bits[i / 32] |= (uint32_t)1 << (i % 32);
		s += strcspn(s, ",");
		if (*s == ',')
			s++;
		while (*s == ' ')
			s++;
	}
	return true;
}

bool yr_irq_list(struct yreader *r, const char *key, uint32_t base, uint32_t nbits,
		 uint32_t *bits)
{
	const char *s;

	if (!yr_scalar(r, key, &s, NULL))
		return false;
	if (!irq_list_parse(s, base, nbits, bits))
		return yr_error_here(r, _("expected a list of interrupts from %u to %u for \"%s\" "
					  "such as \"32-40,55\", found \"%.40s\""),
				     base, base + nbits - 1, key, s);
	return true;
}

bool yr_u32_seq(struct yreader *r, const char *key, uint32_t **v, size_t *n, size_t *cap)
{
	uint32_t x;
	int more;

	if (!yr_seq_begin(r, key))
		return false;
	while ((more = yr_seq_next(r)) > 0) {
		if (!yr_u32(r, key, &x))
			return false;
		ARRAY_PUSH(*v, *n, *cap, x);
	}
	return more == 0;
}

bool yr_bdf(struct yreader *r, const char *key, uint16_t *out)
{
	const char *s;
	uint64_t v;

	if (!yr_scalar(r, key, &s, NULL))
		return false;
	/* Exactly "BB:DD.F" in hex, the way lspci prints it. */
	if (strlen(s) == 7 && s[2] == ':' && s[5] == '.' &&
	    strspn(s, "0123456789abcdefABCDEF:.") == 7) {
		unsigned long bus = strtoul(s, NULL, 16), dev = strtoul(s + 3, NULL, 16);
		unsigned long fn = strtoul(s + 6, NULL, 16);

		if (dev < 32 && fn < 8) {
			*out = (uint16_t)(bus << 8 | dev << 3 | fn);
			return true;
		}
	} else if (parse_u64(s, &v) && v <= UINT16_MAX) {
		*out = (uint16_t)v;
		return true;
	}
	return yr_error_here(r, _("expected a PCI address bus:device.function for \"%s\" such as "
				  "00:1f.3, found \"%.40s\""), key, s);
}
