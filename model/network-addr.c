/*
 * IPv4 and IPv6 addresses for the virtual network switch: parsing,
 * printing, prefix tests, and picking the lowest free host address of a
 * prefix. Both families are kept as big-endian bytes so that one
 * increment and one compare serve both.
 */
#include "config.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/network.h"

static unsigned width(int family)
{
	return family == 4 ? 32 : 128;
}

bool net_addr_parse(const char *text, bool allow_bare, struct net_addr *a)
{
	char host[INET6_ADDRSTRLEN + 1];
	const char *slash = strchr(text, '/');
	size_t len = slash ? (size_t)(slash - text) : strlen(text);
	char *end;
	unsigned long n;

	memset(a, 0, sizeof(*a));
	if (!len || len >= sizeof(host))
		return false;
	memcpy(host, text, len);
	host[len] = '\0';
	if (inet_pton(AF_INET, host, a->bytes) == 1)
		a->family = 4;
	else if (inet_pton(AF_INET6, host, a->bytes) == 1)
		a->family = 6;
	else
		return false;
	if (!slash) {
		a->prefix_len = width(a->family);
		return allow_bare;
	}
	if (slash[1] < '0' || slash[1] > '9')
		return false;
	n = strtoul(slash + 1, &end, 10);
	if (*end || n > width(a->family))
		return false;
	a->prefix_len = (unsigned)n;
	return true;
}

const char *net_addr_format(const struct net_addr *a, bool with_len, char *buf)
{
	char host[INET6_ADDRSTRLEN];

	inet_ntop(a->family == 4 ? AF_INET : AF_INET6, a->bytes, host, sizeof(host));
	if (with_len)
		snprintf(buf, NETWORK_ADDR_LEN, "%s/%u", host, a->prefix_len);
	else
		snprintf(buf, NETWORK_ADDR_LEN, "%s", host);
	return buf;
}

/* Whether the first bits bits of x and y agree. */
static bool same_bits(const uint8_t *x, const uint8_t *y, unsigned bits)
{
	unsigned full = bits / 8, rest = bits % 8;
	uint8_t mask;

	if (memcmp(x, y, full))
		return false;
	if (!rest)
		return true;
	mask = (uint8_t)(0xff << (8 - rest));
	return (x[full] & mask) == (y[full] & mask);
}

bool net_addr_in(const struct net_addr *a, const struct net_addr *p)
{
	return a->family == p->family && same_bits(a->bytes, p->bytes, p->prefix_len);
}

bool net_addr_equal(const struct net_addr *a, const struct net_addr *b)
{
	return a->family == b->family && !memcmp(a->bytes, b->bytes, sizeof(a->bytes));
}

const char *net_netmask(unsigned prefix_len, char *buf)
{
	uint32_t m = prefix_len ? ~UINT32_C(0) << (32 - prefix_len) : 0;

	snprintf(buf, NETWORK_ADDR_LEN, "%u.%u.%u.%u", m >> 24, (m >> 16) & 0xff,
		 (m >> 8) & 0xff, m & 0xff);
	return buf;
}

/* The network's first and last address: host bits cleared, and set. */
static void bounds(const struct net_addr *p, uint8_t *first, uint8_t *last)
{
	unsigned i, bytes = width(p->family) / 8;

	for (i = 0; i < bytes; i++) {
		unsigned keep = p->prefix_len > i * 8 ? p->prefix_len - i * 8 : 0;
		uint8_t mask = keep >= 8 ? 0xff : (uint8_t)(0xff << (8 - keep));

		first[i] = p->bytes[i] & mask;
		last[i] = (uint8_t)(p->bytes[i] | ~mask);
	}
}

/* Adds one; false when the address wraps. */
static bool increment(uint8_t *x, unsigned bytes)
{
	while (bytes--)
		if (++x[bytes])
			return true;
	return false;
}

bool net_addr_usable(const struct net_addr *a, const struct net_addr *p)
{
	uint8_t first[16] = { 0 }, last[16] = { 0 };
	unsigned bytes = width(p->family) / 8;

	if (!net_addr_in(a, p))
		return false;
	/* A /31 or /32 (/127, /128) has no network or broadcast address to avoid. */
	if (width(p->family) - p->prefix_len < 2)
		return true;
	bounds(p, first, last);
	/* IPv4's broadcast; IPv6's all-ones host is no special address, but the
	 * subnet-router anycast (all zeros) is. */
	return memcmp(a->bytes, first, bytes) && (p->family == 6 || memcmp(a->bytes, last, bytes));
}

bool net_addr_pick(const struct net_addr *p, const struct net_addr *used, size_t n_used,
		   struct net_addr *out)
{
	uint8_t first[16] = { 0 }, last[16] = { 0 };
	unsigned bytes = width(p->family) / 8;
	size_t i;

	bounds(p, first, last);
	memset(out, 0, sizeof(*out));
	out->family = p->family;
	out->prefix_len = p->prefix_len;
	/* Host bits in the prefix say where automatic addresses begin. */
	memcpy(out->bytes, memcmp(p->bytes, first, bytes) ? p->bytes : first, bytes);
	for (;;) {
		bool taken = !net_addr_usable(out, p);

		for (i = 0; i < n_used && !taken; i++)
			taken = net_addr_equal(out, &used[i]);
		if (!taken)
			return true;
		if (!memcmp(out->bytes, last, bytes) || !increment(out->bytes, bytes))
			return false;
	}
}
