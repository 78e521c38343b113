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

/* An address or prefix of the family f->arg (4 or 6), as text kept for the
 * model; members give addresses (bare), the switch prefixes. */
static bool read_addr(struct yreader *r, const struct yfield *f, void *obj, bool bare)
{
	char **out = (char **)((char *)obj + f->offset);
	struct net_addr a;

	if (!ys_read_value(r, f, obj, NULL))
		return false;
	if (!*out || (net_addr_parse(*out, bare, &a) && a.family == f->arg))
		return true;
	return yr_error_here(r, f->arg == 4 ? _("expected an IPv4 address with prefix length such "
						"as 10.23.0.2/24 for \"%s\", found \"%.60s\"")
					    : _("expected an IPv6 address with prefix length such "
						"as fd00:23::2/64 for \"%s\", found \"%.60s\""),
			     f->key, *out);
}

static bool read_member_addr(struct yreader *r, const struct yfield *f, void *obj, void *ctx)
{
	(void)ctx;
	return read_addr(r, f, obj, true);
}

static bool read_prefix(struct yreader *r, const struct yfield *f, void *obj, void *ctx)
{
	(void)ctx;
	return read_addr(r, f, obj, false);
}

static bool member_brief(const void *item)
{
	const struct net_member *m = item;

	return !m->ipv4 && !m->ipv6;
}

static const struct yfield member_fields[] = {
	YF("cell", YK_STR, struct net_member, cell, YF_REQUIRED | YF_NONNULL,
	   .doc = "a Linux cell on the switch"),
	YF("ipv4", YK_STR, struct net_member, ipv4, 0, .read = read_member_addr, .arg = 4,
	   .def_doc = "from ipv4_prefix", .doc = "its IPv4 address with prefix length"),
	YF("ipv6", YK_STR, struct net_member, ipv6, 0, .read = read_member_addr, .arg = 6,
	   .def_doc = "from ipv6_prefix", .doc = "its IPv6 address with prefix length"),
};

static const struct yschema member_schema = YS_TABLE(N_("a member of the network"),
	member_fields, .size = sizeof(struct net_member), .flow = true, .brief = member_brief);

static const struct yfield network_fields[] = {
	YF("bridge", YK_STR, struct network_spec, bridge, YF_REQUIRED,
	   .doc = "the bridge on the root cell"),
	YF("uplink", YK_STR, struct network_spec, uplink, 0,
	   .doc = "the root cell's interface the bridge joins"),
	YF("ipv4_prefix", YK_STR, struct network_spec, ipv4_prefix, 0, .read = read_prefix,
	   .arg = 4, .doc = "IPv4 network the members' addresses come from"),
	YF("ipv6_prefix", YK_STR, struct network_spec, ipv6_prefix, 0, .read = read_prefix,
	   .arg = 6, .doc = "IPv6 network the members' addresses come from"),
	YF_ARRAY("members", YK_LIST, struct network_spec, members, 0, .ref = &member_schema,
		 .doc = "the cells on the switch: a name, or a mapping"),
};

const struct yschema network_schema = YS_TABLE(N_("the network switch"), network_fields);

static bool read_cidr(struct yreader *r, const struct yfield *f, void *obj, void *ctx)
{
	struct board_net *n = obj;
	struct net_addr a;

	(void)ctx;
	if (!ys_read_value(r, f, obj, NULL))
		return false;
	if (!n->cidr || !net_addr_parse(n->cidr, false, &a))
		return yr_error_here(r, _("expected an address with prefix length such as "
					  "192.168.1.17/24 for \"cidr\", found \"%.60s\""),
				     n->cidr ? n->cidr : "");
	return true;
}

static void board_net_init(void *item, size_t index)
{
	(void)index;
	((struct board_net *)item)->sources = SRC_NET;
}

static const struct yfield board_net_fields[] = {
	YF("ifname", YK_STR, struct board_net, ifname, YF_REQUIRED, .doc = "the interface"),
	YF("cidr", YK_STR, struct board_net, cidr, YF_REQUIRED, .read = read_cidr,
	   .doc = "its address with prefix length"),
};

const struct yschema board_net_schema = YS_TABLE(N_("a network of the board"),
	board_net_fields, .size = sizeof(struct board_net), .flow = true,
	.init = board_net_init);
