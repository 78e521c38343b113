/*
 * /proc/cpuinfo, /proc/interrupts and /proc/cmdline. Each is read line by
 * line from a buffer; lines that do not fit are reported (the first few of
 * them) and skipped, so a damaged file still yields what it can.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "po/i18n.h"
#include "model/util.h"
#include "src/extract-proc.h"

/* The next line (without its newline) from *pos; false at the end. */
static bool line_next(const char *buf, size_t len, size_t *pos, const char **s, size_t *n)
{
	const char *nl;

	if (*pos >= len)
		return false;
	*s = buf + *pos;
	nl = memchr(*s, '\n', len - *pos);
	*n = nl ? (size_t)(nl - *s) : len - *pos;
	*pos += *n + 1;
	return true;
}

static bool all_digits(const char *s, size_t n)
{
	if (!n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return true;
}

/* A bounded copy of a field for strtoul, which needs a terminated string. */
static bool field_u32(const char *s, size_t n, int base, uint32_t *out)
{
	char tmp[32], *end;
	unsigned long v;

	while (n && isspace((unsigned char)*s)) {
		s++;
		n--;
	}
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	if (!n || n >= sizeof(tmp) || *s == '-' || *s == '+')
		return false;
	memcpy(tmp, s, n);
	tmp[n] = '\0';
	v = strtoul(tmp, &end, base);
	if (*end || v > UINT32_MAX)
		return false;
	*out = (uint32_t)v;
	return true;
}

static bool key_is(const char *s, size_t n, const char *key)
{
	size_t k = strlen(key);

	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return n == k && !memcmp(s, key, k);
}

void cpuinfo_parse(const char *buf, size_t len, const char *file, struct cpuinfo *out,
		   struct extract_report *rep)
{
	struct bad_lines bl = { rep, file, 0 };
	struct cpuinfo_cpu *cur = NULL;
	unsigned line = 0;
	size_t pos = 0, n;
	const char *s;

	while (line_next(buf, len, &pos, &s, &n)) {
		line++;
		const char *colon;
		size_t k;
		uint32_t v;

		if (n == 0)
			continue;
		if (memchr(s, '\0', n)) {
			bad_line(&bl, line, _("binary data"));
			continue;
		}
		colon = memchr(s, ':', n);
		if (!colon) {
			bad_line(&bl, line, _("expected \"NAME : VALUE\""));
			continue;
		}
		k = (size_t)(colon - s);
		if (key_is(s, k, "processor")) {
			if (!field_u32(colon + 1, n - k - 1, 10, &v) || v >= 4096) {
				bad_line(&bl, line, _("expected a CPU number"));
				cur = NULL;
				continue;
			}
			ARRAY_GROW(out->cpus, out->n, out->cap);
			cur = &out->cpus[out->n++];
			*cur = (struct cpuinfo_cpu){ .logical = v };
		} else if (key_is(s, k, "model name")) {
			out->aarch32 |= n - k > 7 && memmem(colon, n - k, "ARMv7", 5) != NULL;
		} else if (cur && key_is(s, k, "CPU implementer")) {
			if (!field_u32(colon + 1, n - k - 1, 0, &cur->implementer))
				bad_line(&bl, line, _("expected a number"));
		} else if (cur && key_is(s, k, "CPU part")) {
			cur->has_part = field_u32(colon + 1, n - k - 1, 0, &cur->part);
			if (!cur->has_part)
				bad_line(&bl, line, _("expected a number"));
		}
	}
	bad_lines_finish(&bl);
}

void cpuinfo_free(struct cpuinfo *ci)
{
	free(ci->cpus);
	memset(ci, 0, sizeof(*ci));
}

struct core_part {
	uint32_t implementer, part;
	const char *compatible;
};

/* MIDR implementer and part numbers as the Arm and NVIDIA manuals give them. */
static const struct core_part core_parts[] = {
	{ 0x41, 0xc07, "arm,cortex-a7" },   { 0x41, 0xc09, "arm,cortex-a9" },
	{ 0x41, 0xc0f, "arm,cortex-a15" },  { 0x41, 0xd03, "arm,cortex-a53" },
	{ 0x41, 0xd04, "arm,cortex-a35" },  { 0x41, 0xd05, "arm,cortex-a55" },
	{ 0x41, 0xd07, "arm,cortex-a57" },  { 0x41, 0xd08, "arm,cortex-a72" },
	{ 0x41, 0xd09, "arm,cortex-a73" },  { 0x41, 0xd0a, "arm,cortex-a75" },
	{ 0x41, 0xd0b, "arm,cortex-a76" },  { 0x41, 0xd0c, "arm,neoverse-n1" },
	{ 0x41, 0xd0d, "arm,cortex-a77" },  { 0x41, 0xd41, "arm,cortex-a78" },
	{ 0x4e, 0x000, "nvidia,denver" },   { 0x4e, 0x003, "nvidia,denver" },
	{ 0x4e, 0x004, "nvidia,carmel" },
};

const char *cpuinfo_core_compatible(uint32_t implementer, uint32_t part)
{
	for (size_t i = 0; i < ARRAY_SIZE(core_parts); i++)
		if (core_parts[i].implementer == implementer && core_parts[i].part == part)
			return core_parts[i].compatible;
	return NULL;
}

size_t interrupts_parse(const char *buf, size_t len, const char *file,
			uint32_t bits[BOARD_MAX_IRQS / 32], struct extract_report *rep)
{
	struct bad_lines bl = { rep, file, 0 };
	unsigned line = 0;
	size_t count = 0, pos = 0, n;
	const char *s;

	while (line_next(buf, len, &pos, &s, &n)) {
		line++;
		const char *colon, *p, *end = s + n;
		size_t k;
		uint32_t irq;

		if (line == 1 || n == 0)
			continue;       /* the header names the CPUs */
		if (memchr(s, '\0', n)) {
			bad_line(&bl, line, _("binary data"));
			continue;
		}
		colon = memchr(s, ':', n);
		if (!colon) {
			bad_line(&bl, line, _("expected \"NUMBER: COUNTS CHIP HWIRQ ...\""));
			continue;
		}
		p = s;
		while (p < colon && *p == ' ')
			p++;
		if (!all_digits(p, (size_t)(colon - p)))
			continue;       /* IPI0:, Err:, Mis: are not device interrupts */
		/* Skip the per-CPU counts; the first other word names the chip. */
		p = colon + 1;
		for (;;) {
			while (p < end && (*p == ' ' || *p == '\t'))
				p++;
			for (k = 0; p + k < end && p[k] != ' ' && p[k] != '\t'; k++)
				;
			if (!k || !all_digits(p, k))
				break;
			p += k;
		}
		if (!k) {
			bad_line(&bl, line, _("no interrupt chip after the counts"));
			continue;
		}
		if (k < 3 || memcmp(p, "GIC", 3) != 0)
			continue;       /* a GPIO or MSI domain: not a GIC line */
		p += k;
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		for (k = 0; p + k < end && p[k] != ' ' && p[k] != '\t'; k++)
			;
		if (!field_u32(p, k, 10, &irq)) {
			bad_line(&bl, line, _("expected the GIC interrupt number after the chip"));
			continue;
		}
		if (irq >= BOARD_MAX_IRQS) {
			bad_line(&bl, line, _("GIC interrupt number out of range"));
			continue;
		}
		if (!((bits[irq / 32] >> (irq % 32)) & 1))
			count++;
		bits[irq / 32] |= 1u << (irq % 32);
	}
	bad_lines_finish(&bl);
	return count;
}

bool cmdline_size(const char *s, uint64_t *out, const char **end)
{
	char *e;
	unsigned long long v;
	unsigned shift = 0;

	if (!isdigit((unsigned char)*s))
		return false;
	v = strtoull(s, &e, 0);
	switch (*e) {
	case 'T': case 't': shift = 40; e++; break;
	case 'G': case 'g': shift = 30; e++; break;
	case 'M': case 'm': shift = 20; e++; break;
	case 'K': case 'k': shift = 10; e++; break;
	default: break;
	}
	if (shift && v > (UINT64_MAX >> shift))
		return false;
	*out = (uint64_t)v << shift;
	*end = e;
	return true;
}

/* Splits at blanks outside double quotes, as the kernel does. */
static char *next_word(char **p)
{
	char *s = *p, *w, *d;
	bool quoted = false;

	while (*s && isspace((unsigned char)*s))
		s++;
	if (!*s)
		return NULL;
	w = d = s;
	for (; *s && (quoted || !isspace((unsigned char)*s)); s++) {
		if (*s == '"')
			quoted = !quoted;
		else
			*d++ = *s;
	}
	if (*s)
		s++;
	*d = '\0';
	*p = s;
	return w;
}

void cmdline_parse(const char *buf, size_t len, const char *file, struct cmdline *out,
		   struct extract_report *rep)
{
	char *copy = xstrndup(buf, len), *p = copy, *w;

	if (strlen(copy) != len)
		report_at(rep, file, 1, _("binary data: read up to the first NUL byte"));
	while ((w = next_word(&p))) {
		if (!strncmp(w, "mem=", 4)) {
			const char *end;
			uint64_t v;

			if (!cmdline_size(w + 4, &v, &end) || *end || !v)
				report_at(rep, file, 1, _("cannot read \"%s\""), w);
			else
				out->mem = v;
		} else if (!strncmp(w, "memmap=", 7)) {
			ARRAY_PUSH(out->memmaps, out->n_memmaps, out->cap_memmaps, xstrdup(w + 7));
		} else if (!strncmp(w, "console=", 8)) {
			ARRAY_PUSH(out->consoles, out->n_consoles, out->cap_consoles,
				   xstrdup(w + 8));
		}
	}
	free(copy);
}

void cmdline_free(struct cmdline *c)
{
	for (size_t i = 0; i < c->n_consoles; i++)
		free(c->consoles[i]);
	for (size_t i = 0; i < c->n_memmaps; i++)
		free(c->memmaps[i]);
	free(c->consoles);
	free(c->memmaps);
	memset(c, 0, sizeof(*c));
}

uint32_t kernel_log_gic_spis(const char *buf, size_t len, unsigned *line)
{
	static const char tag[] = "GICv3: ";
	const char *p = buf, *end = buf + len;
	uint32_t spis = 0;

	for (unsigned n = 1; p < end; n++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl ? nl : end;
		const char *t = memmem(p, (size_t)(eol - p), tag, sizeof(tag) - 1);
		unsigned v;
		int used = 0;

		/* The driver prints "%d SPIs implemented"; "Extended SPIs" are
		 * a separate range Jailhouse does not use. */
		if (t && sscanf(t + sizeof(tag) - 1, "%u SPIs implemented%n", &v, &used) == 1 &&
		    used && v > 0 && v <= 1020 - 32) {
			spis = v;
			*line = n;
		}
		p = eol + 1;
	}
	return spis;
}
