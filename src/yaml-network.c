/*
 * The "network" section of cells.yml: the virtual network switch.
 *
 *   network:
 *     bridge: br0
 *     uplink: eth0
 *     ipv4_prefix: 10.23.0.0/24
 *     ipv6_prefix: fd00:23::/64
 *     members:
 *       - linux1                     # addresses from the prefixes
 *       - { cell: linux2, ipv4: 10.23.0.50/24, ipv6: fd00:23::50/64 }
 *
 * Addresses are checked for their form here, so that a typo is reported
 * at its line; whether they fit the board is derivation's job.
 *
 * board.yml keeps the networks the board's Linux is on (ip -j addr), which
 * automatic addresses must avoid:
 *
 *   nets:
 *     - { ifname: eth0, cidr: 192.168.1.17/24 }
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "po/i18n.h"
#include "model/network.h"
#include "model/util.h"
#include "src/yaml-cells.h"

/* An address or prefix of the given family, as text kept for the model. */
static bool read_addr(struct yreader *r, const char *key, int fam, bool bare, char **out)
{
	struct net_addr a;

	if (!yr_str(r, key, out))
		return false;
	if (!*out || (net_addr_parse(*out, bare, &a) && a.family == fam))
		return true;
	return yr_error_here(r, fam == 4 ? _("expected an IPv4 address with prefix length such "
					     "as 10.23.0.2/24 for \"%s\", found \"%.60s\"")
					 : _("expected an IPv6 address with prefix length such "
					     "as fd00:23::2/64 for \"%s\", found \"%.60s\""),
			     key, *out);
}

static bool read_member(struct yreader *r, void *arg)
{
	struct network_spec *n = arg;
	static const char *const keys[] = { "cell", "ipv4", "ipv6", NULL };
	struct net_member *m;
	struct ymap map;
	int k;

	ARRAY_GROW(n->members, n->n_members, n->cap_members);
	m = &n->members[n->n_members++];
	memset(m, 0, sizeof(*m));
	if (!yr_next_is_map(r)) {
		if (!yr_str(r, "members", &m->cell))
			return false;
		return m->cell ? true : yr_error_here(r, _("a member of the network is a cell name"));
	}
	if (!yr_map_begin(r, &map, N_("a member of the network"), keys, YKEY(0)))
		return false;
	while ((k = yr_map_next(r, &map)) >= 0) {
		bool ok;

		switch (k) {
		case 0:
			ok = yr_str(r, "cell", &m->cell);
			if (ok && !m->cell)
				ok = yr_error_here(r, _("a member of the network is a cell name"));
			break;
		case 1: ok = read_addr(r, "ipv4", 4, true, &m->ipv4); break;
		default: ok = read_addr(r, "ipv6", 6, true, &m->ipv6); break;
		}
		if (!ok)
			return false;
	}
	return k == -1;
}

bool io_network_read(struct yreader *r, struct network_spec *n)
{
	static const char *const keys[] = {
		"bridge", "uplink", "ipv4_prefix", "ipv6_prefix", "members", NULL,
	};
	struct ymap m;
	int k;

	if (!yr_map_begin(r, &m, N_("the network switch"), keys, YKEY(0)))
		return false;
	while ((k = yr_map_next(r, &m)) >= 0) {
		bool ok = true;

		switch (k) {
		case 0: ok = yr_str(r, "bridge", &n->bridge); break;
		case 1: ok = yr_str(r, "uplink", &n->uplink); break;
		case 2: ok = read_addr(r, "ipv4_prefix", 4, false, &n->ipv4_prefix); break;
		case 3: ok = read_addr(r, "ipv6_prefix", 6, false, &n->ipv6_prefix); break;
		case 4: ok = yr_seq_each(r, "members", read_member, n); break;
		}
		if (!ok)
			return false;
	}
	return k == -1;
}

void io_network_write(struct ywriter *w, const struct network_spec *n)
{
	size_t i;

	if (!n->bridge && !n->uplink && !n->ipv4_prefix && !n->ipv6_prefix && !n->n_members)
		return;
	yw_key(w, "network");
	yw_map_begin(w, false);
	yw_str(w, "bridge", n->bridge);
	yw_str(w, "uplink", n->uplink);
	yw_str(w, "ipv4_prefix", n->ipv4_prefix);
	yw_str(w, "ipv6_prefix", n->ipv6_prefix);
	if (n->n_members) {
		yw_seq_begin(w, "members", false);
		for (i = 0; i < n->n_members; i++) {
			const struct net_member *m = &n->members[i];

			if (!m->ipv4 && !m->ipv6) {
				yw_str(w, NULL, m->cell);
				continue;
			}
			yw_map_begin(w, true);
			yw_str(w, "cell", m->cell);
			yw_str(w, "ipv4", m->ipv4);
			yw_str(w, "ipv6", m->ipv6);
			yw_map_end(w);
		}
		yw_seq_end(w);
	}
	yw_map_end(w);
}

static bool read_board_net(struct yreader *r, void *arg)
{
	struct board *b = arg;
	static const char *const keys[] = { "ifname", "cidr", NULL };
	struct board_net *n;
	struct net_addr a;
	struct ymap m;
	int k;

	ARRAY_GROW(b->nets, b->n_nets, b->cap_nets);
	n = &b->nets[b->n_nets++];
	memset(n, 0, sizeof(*n));
	n->sources = SRC_NET;
	if (!yr_map_begin(r, &m, N_("a network of the board"), keys, YKEY(0) | YKEY(1)))
		return false;
	while ((k = yr_map_next(r, &m)) >= 0) {
		if (!yr_str(r, keys[k], k ? &n->cidr : &n->ifname))
			return false;
		if (k && (!n->cidr || !net_addr_parse(n->cidr, false, &a)))
			return yr_error_here(r, _("expected an address with prefix length such as "
						  "192.168.1.17/24 for \"cidr\", found \"%.60s\""),
					     n->cidr ? n->cidr : "");
	}
	return k == -1;
}

bool io_board_nets_read(struct yreader *r, struct board *b)
{
	return yr_seq_each(r, "nets", read_board_net, b);
}

void io_board_nets_write(struct ywriter *w, const struct board *b)
{
	size_t i;

	if (!b->n_nets)
		return;
	yw_seq_begin(w, "nets", false);
	for (i = 0; i < b->n_nets; i++) {
		yw_map_begin(w, true);
		yw_str(w, "ifname", b->nets[i].ifname);
		yw_str(w, "cidr", b->nets[i].cidr);
		yw_map_end(w);
	}
	yw_seq_end(w);
}
