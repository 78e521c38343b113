/*
 * Sizes, CPU lists and flag names as people write them. Parsers are strict:
 * a project file with "64 MIB!" must fail loudly rather than load as 64, so
 * everything not understood is rejected, including signs and overflow.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/board.h"
#include "model/cell.h"
#include "model/units.h"
#include "model/util.h"

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return 99;
}

/*
 * Reads the longest number at the start of s into *out and returns the
 * number of characters used, or 0 when there is no number or it overflows.
 * "0b" and "0x" count as prefixes only when a digit of that base follows,
 * so that "0B" still reads as zero followed by the unit B.
 */
static size_t scan_u64(const char *s, uint64_t *out)
{
	unsigned base = 10;
	size_t i = 0;
	uint64_t v = 0;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && digit_value(s[2]) < 16) {
		base = 16;
		i = 2;
	} else if (s[0] == '0' && (s[1] == 'b' || s[1] == 'B') && digit_value(s[2]) < 2) {
		base = 2;
		i = 2;
	}
	if (digit_value(s[i]) >= (int)base)
		return 0;
	for (; digit_value(s[i]) < (int)base; i++) {
		unsigned d = (unsigned)digit_value(s[i]);

		if (v > (UINT64_MAX - d) / base)
			return 0;
		v = v * base + d;
	}
	*out = v;
	return i;
}

bool parse_u64(const char *s, uint64_t *out)
{
	uint64_t v;
	size_t n = scan_u64(s, &v);

	if (!n || s[n])
		return false;
	*out = v;
	return true;
}

struct size_unit {
	const char *name;
	unsigned shift;
};

/* Every spelling means the binary unit: memory maps are never decimal. */
static const struct size_unit size_units[] = {
	{ "B", 0 },
	{ "K", 10 }, { "KB", 10 }, { "KiB", 10 },
	{ "M", 20 }, { "MB", 20 }, { "MiB", 20 },
	{ "G", 30 }, { "GB", 30 }, { "GiB", 30 },
	{ "T", 40 }, { "TB", 40 }, { "TiB", 40 },
};

bool parse_size(const char *s, uint64_t *out)
{
	uint64_t v;
	size_t n = scan_u64(s, &v), i;
	const char *unit;

	if (!n)
		return false;
	unit = s + n;
	if (!*unit) {
		*out = v;
		return true;
	}
	while (*unit == ' ' || *unit == '\t')
		unit++;
	for (i = 0; i < sizeof(size_units) / sizeof(size_units[0]); i++) {
		unsigned shift = size_units[i].shift;

		if (strcasecmp(unit, size_units[i].name))
			continue;
		if (shift && v > UINT64_MAX >> shift)
			return false;
		*out = v << shift;
		return true;
	}
	return false;
}

static const char *const unit_names[] = { "KiB", "MiB", "GiB", "TiB" };

void format_size(uint64_t v, char *buf, size_t len)
{
	int i;

	for (i = 3; v && i >= 0; i--) {
		unsigned shift = 10 * (unsigned)(i + 1);

		if (!(v & ((UINT64_C(1) << shift) - 1))) {
			snprintf(buf, len, "%llu %s", (unsigned long long)(v >> shift),
				 unit_names[i]);
			return;
		}
	}
	snprintf(buf, len, "0x%llx", (unsigned long long)v);
}

void format_mem_arg(uint64_t limit, char *buf, size_t len)
{
	if (limit % (UINT64_C(1) << 20))
		snprintf(buf, len, "mem=%llu", (unsigned long long)limit);
	else
		snprintf(buf, len, "mem=%lluM", (unsigned long long)(limit >> 20));
}

/* Approximate: the largest unit the value reaches, one decimal while it
 * says something ("9.96" would print as "10.0"). */
static void format_approx(uint64_t v, const char *const names[7], char *buf, size_t len)
{
	unsigned i;
	double d;

	for (i = 0; i < 6 && v >> (10 * (i + 1)); i++)
		;
	if (!(v & ((UINT64_C(1) << (10 * i)) - 1))) {
		snprintf(buf, len, "%llu%s", (unsigned long long)(v >> (10 * i)), names[i]);
		return;
	}
	d = (double)v / (double)(UINT64_C(1) << (10 * i));
	snprintf(buf, len, d < 9.95 ? "%.1f%s" : "%.0f%s", d, names[i]);
}

void format_size_short(uint64_t v, char *buf, size_t len)
{
	static const char *const letters[7] = { "B", "K", "M", "G", "T", "P", "E" };

	format_approx(v, letters, buf, len);
}

void format_size_human(uint64_t v, char *buf, size_t len)
{
	static const char *const names[7] = { " B", " KiB", " MiB", " GiB", " TiB", " PiB",
					      " EiB" };

	format_approx(v, names, buf, len);
}

static const char *skip_blanks(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

/* Reads a CPU number 0..63 in decimal; returns the characters used or 0. */
static size_t scan_cpu(const char *s, unsigned *cpu)
{
	size_t i = 0;
	unsigned v = 0;

	while (s[i] >= '0' && s[i] <= '9') {
		v = v * 10 + (unsigned)(s[i] - '0');
		if (v > 63)
			return 0;
		i++;
	}
	*cpu = v;
	return i;
}

bool parse_cpu_list(const char *s, uint64_t *mask)
{
	uint64_t m = 0;
	unsigned first, last, c;
	size_t n;

	s = skip_blanks(s);
	if (!*s) {
		*mask = 0;
		return true;
	}
	for (;;) {
		n = scan_cpu(s, &first);
		if (!n)
			return false;
		s = skip_blanks(s + n);
		last = first;
		if (*s == '-') {
			s = skip_blanks(s + 1);
			n = scan_cpu(s, &last);
			if (!n || last < first)
				return false;
			s = skip_blanks(s + n);
		}
		for (c = first; c <= last; c++)
			m |= UINT64_C(1) << c;
		if (!*s)
			break;
		if (*s != ',')
			return false;
		s = skip_blanks(s + 1);
	}
	*mask = m;
	return true;
}

/*
 * Runs of three or more CPUs collapse to "a-b"; a pair stays "a,b", which
 * reads as two CPUs rather than as a range and parses back the same.
 */
void format_cpu_list(uint64_t mask, char *buf, size_t len)
{
	unsigned c = 0, end;
	size_t used = 0;
	char item[32];
	int n;

	if (!len)
		return;
	buf[0] = '\0';
	while (c < 64 && used < len) {
		if (!((mask >> c) & 1)) {
			c++;
			continue;
		}
		for (end = c; end + 1 < 64 && (mask >> (end + 1)) & 1; end++)
			;
		if (end - c >= 2)
			snprintf(item, sizeof(item), "%u-%u", c, end);
		else if (end > c)
			snprintf(item, sizeof(item), "%u,%u", c, end);
		else
			snprintf(item, sizeof(item), "%u", c);
		n = snprintf(buf + used, len - used, "%s%s", used ? "," : "", item);
		used += n > 0 ? (size_t)n : 0;
		c = end + 1;
	}
}

const struct flag_name mem_flag_names[] = {
	{ MEM_READ, "READ" },
	{ MEM_WRITE, "WRITE" },
	{ MEM_EXECUTE, "EXECUTE" },
	{ MEM_DMA, "DMA" },
	{ MEM_IO, "IO" },
	{ MEM_COMM_REGION, "COMM_REGION" },
	{ MEM_LOADABLE, "LOADABLE" },
	{ MEM_ROOTSHARED, "ROOTSHARED" },
	{ MEM_NO_HUGEPAGES, "NO_HUGEPAGES" },
	{ MEM_IO_UNALIGNED, "IO_UNALIGNED" },
	{ MEM_IO_8, "IO_8" },
	{ MEM_IO_16, "IO_16" },
	{ MEM_IO_32, "IO_32" },
	{ MEM_IO_64, "IO_64" },
	{ 0, NULL },
};

const struct flag_name cell_flag_names[] = {
	{ CELL_PASSIVE_COMMREG, "PASSIVE_COMMREG" },
	{ CELL_TEST_DEVICE, "TEST_DEVICE" },
	{ CELL_AARCH32, "AARCH32" },
	{ CELL_DEBUG_CONSOLE, "DEBUG_CONSOLE" },
	{ CELL_VIRTUAL_CONSOLE_PERMITTED, "VIRTUAL_CONSOLE_PERMITTED" },
	{ CELL_VIRTUAL_CONSOLE_ACTIVE, "VIRTUAL_CONSOLE_ACTIVE" },
	{ 0, NULL },
};

const struct flag_name console_flag_names[] = {
	{ CON_FLAG_ACCESS_MMIO, "ACCESS_MMIO" },
	{ CON_FLAG_REGDIST_4, "REGDIST_4" },
	{ CON_FLAG_FB_1920x1080, "FB_1920x1080" },
	{ CON_FLAG_INVERTED_GATE, "INVERTED_GATE" },
	{ CON_FLAG_MDR_QUIRK, "MDR_QUIRK" },
	{ CON_FLAG_ROOTPAGE, "ROOTPAGE" },
	{ 0, NULL },
};

/* Values, not bits: look them up with flag_name(), not flag_format(). */
const struct flag_name console_type_names[] = {
	{ CON_NONE, "NONE" },
	{ CON_EFIFB, "EFIFB" },
	{ CON_8250, "8250" },
	{ CON_PL011, "PL011" },
	{ CON_XUARTPS, "XUARTPS" },
	{ CON_MVEBU, "MVEBU" },
	{ CON_HSCIF, "HSCIF" },
	{ CON_SCIFA, "SCIFA" },
	{ CON_IMX, "IMX" },
	{ CON_IMX_LPUART, "IMX_LPUART" },
	{ CON_SCIF, "SCIF" },
	{ 0, NULL },
};

/* The spellings of Jailhouse's C macros, longest first so that each is stripped whole. */
static const char *const flag_prefixes[] = {
	"JAILHOUSE_CON_TYPE_", "JAILHOUSE_MEM_", "JAILHOUSE_CELL_", "JAILHOUSE_CON_",
	"CON_TYPE_", "MEM_", "CELL_", "CON_",
};

static bool table_find(const struct flag_name *table, const char *name, uint32_t *value)
{
	const struct flag_name *f;

	for (f = table; f->name; f++) {
		if (!strcasecmp(f->name, name)) {
			*value = f->value;
			return true;
		}
	}
	return false;
}

/*
 * Besides names, a number is accepted (flag_format writes unnamed bits as
 * hex), so that whatever flag_format produced reads back to the same value.
 */
bool flag_lookup(const struct flag_name *table, const char *name, uint32_t *value)
{
	uint64_t v;
	size_t i;

	if (table_find(table, name, value))
		return true;
	for (i = 0; i < sizeof(flag_prefixes) / sizeof(flag_prefixes[0]); i++) {
		size_t n = strlen(flag_prefixes[i]);

		if (!strncasecmp(name, flag_prefixes[i], n) && table_find(table, name + n, value))
			return true;
	}
	if (parse_u64(name, &v) && v <= UINT32_MAX) {
		*value = (uint32_t)v;
		return true;
	}
	return false;
}

/* A whole flag set as people type it: names joined by |, comma, + or
 * blanks ("READ|WRITE|IO", "read, write"), or one number. */
bool flag_parse(const struct flag_name *table, const char *text, uint32_t *out)
{
	char *copy = xstrdup(text), *save = NULL;
	uint64_t num;
	bool ok = true;

	*out = 0;
	if (parse_u64(text, &num) && num <= UINT32_MAX) {
		*out = (uint32_t)num;
		free(copy);
		return true;
	}
	for (char *tok = strtok_r(copy, "|, +", &save); tok; tok = strtok_r(NULL, "|, +", &save)) {
		uint32_t bit;

		if (!flag_lookup(table, tok, &bit)) {
			ok = false;
			break;
		}
		*out |= bit;
	}
	free(copy);
	return ok;
}

void flag_format(const struct flag_name *table, uint32_t value, const char *sep,
		 char *buf, size_t len)
{
	const struct flag_name *f;
	size_t used = 0;
	int n;

	if (!len)
		return;
	buf[0] = '\0';
	for (f = table; f->name && used < len; f++) {
		if (!f->value || (value & f->value) != f->value)
			continue;
		n = snprintf(buf + used, len - used, "%s%s", used ? sep : "", f->name);
		used += n > 0 ? (size_t)n : 0;
		value &= ~f->value;
	}
	if (value && used < len)
		snprintf(buf + used, len - used, "%s0x%x", used ? sep : "", (unsigned)value);
}

const char *flag_name(const struct flag_name *table, uint32_t value)
{
	const struct flag_name *f;

	for (f = table; f->name; f++)
		if (f->value == value)
			return f->name;
	return NULL;
}
