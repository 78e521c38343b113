/* Command-line parsing: see params.h. */
#include <stddef.h>

#include "params.h"
#include "platform.h"

/* The start of KEY's value, or NULL. The buffer may lack a terminator. */
static const char *params_find(const char *key)
{
	const char *p = inmate_cmdline, *end = inmate_cmdline + PLATFORM_CMDLINE_SIZE;

	while (p < end && *p) {
		const char *k = key;

		while (p < end && *p == ' ')
			p++;
		while (p < end && *k && *p == *k) {
			p++;
			k++;
		}
		if (!*k && p < end && *p == '=')
			return p + 1;
		while (p < end && *p && *p != ' ')
			p++;
	}
	return NULL;
}

static int digit_value(char c, unsigned base)
{
	int v;

	if (c >= '0' && c <= '9')
		v = c - '0';
	else if (c >= 'a' && c <= 'f')
		v = c - 'a' + 10;
	else if (c >= 'A' && c <= 'F')
		v = c - 'A' + 10;
	else
		return -1;
	return v < (int)base ? v : -1;
}

uint64_t params_get_u64(const char *key, uint64_t def)
{
	const char *p = params_find(key), *end = inmate_cmdline + PLATFORM_CMDLINE_SIZE;
	unsigned base = 10;
	uint64_t v = 0;
	int d;

	if (!p)
		return def;
	if (p + 1 < end && p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
		base = 16;
		p += 2;
	}
	if (p >= end || digit_value(*p, base) < 0)
		return def;
	for (; p < end && (d = digit_value(*p, base)) >= 0; p++)
		v = v * base + (unsigned)d;
	if (p < end && *p && *p != ' ')
		return def;
	return v;
}

bool params_has(const char *key)
{
	return params_find(key) != NULL;
}
