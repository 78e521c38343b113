/*
 * Putting cells on the virtual network switch and taking them off: the
 * spec edits, refused with a reason when they can never be valid, and the
 * same on a project, derived and validated like every other change and
 * recorded for undo.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/history.h"
#include "po/i18n.h"
#include "model/network.h"
#include "model/ops.h"
#include "model/util.h"

static bool addr_text_ok(const char *text, int fam)
{
	struct net_addr a;

	return !text || (net_addr_parse(text, true, &a) && a.family == fam);
}

int network_member_add(struct spec *s, const char *cell, const char *ipv4, const char *ipv6,
		       char *why)
{
	struct network_spec *n = &s->network;
	const struct guest_spec *g = spec_find_guest(s, cell);
	struct net_member *m;
	size_t i;

	if (!n->bridge)
		return op_refuse(why, _("There is no network switch; give it a bridge name first."));
	if (!g)
		return op_refuse(why, _("\"%s\" is no guest cell."), cell);
	if (g->type != CELL_LINUX)
		return op_refuse(why, _("\"%s\" is no Linux guest: only Linux can use the switch."),
			      cell);
	for (i = 0; i < n->n_members; i++)
		if (n->members[i].cell && !strcmp(n->members[i].cell, cell))
			return op_refuse(why, _("\"%s\" is on the switch already."), cell);
	if (!addr_text_ok(ipv4, 4))
		return op_refuse(why, _("\"%s\" is no IPv4 address."), ipv4);
	if (!addr_text_ok(ipv6, 6))
		return op_refuse(why, _("\"%s\" is no IPv6 address."), ipv6);
	ARRAY_GROW(n->members, n->n_members, n->cap_members);
	m = &n->members[n->n_members++];
	m->cell = xstrdup(cell);
	m->ipv4 = ipv4 ? xstrdup(ipv4) : NULL;
	m->ipv6 = ipv6 ? xstrdup(ipv6) : NULL;
	return 0;
}

int network_member_remove(struct spec *s, const char *cell, char *why)
{
	struct network_spec *n = &s->network;
	size_t i;

	for (i = 0; i < n->n_members; i++)
		if (n->members[i].cell && !strcmp(n->members[i].cell, cell))
			break;
	if (i == n->n_members)
		return op_refuse(why, _("\"%s\" is not on the switch."), cell);
	free(n->members[i].cell);
	free(n->members[i].ipv4);
	free(n->members[i].ipv6);
	memmove(&n->members[i], &n->members[i + 1], (n->n_members - i - 1) * sizeof(*n->members));
	n->n_members--;
	return 0;
}

struct member_edit {
	const char *cell, *ipv4, *ipv6;
	bool join;
};

static int member_edit(struct project *p, const void *arg, char *why)
{
	const struct member_edit *m = arg;

	return m->join ? network_member_add(&p->spec, m->cell, m->ipv4, m->ipv6, why)
		       : network_member_remove(&p->spec, m->cell, why);
}

static int network_change(struct project *p, const char *cell, const char *ipv4,
			  const char *ipv6, bool join, char *why)
{
	struct member_edit m = { cell, ipv4, ipv6, join };

	return spec_edit(p, member_edit, &m, why);
}

int op_network_join(struct project *p, const char *cell, const char *ipv4, const char *ipv6,
		    char *why)
{
	return network_change(p, cell, ipv4, ipv6, true, why);
}

int op_network_leave(struct project *p, const char *cell, char *why)
{
	return network_change(p, cell, NULL, NULL, false, why);
}

int network_join(struct project *p, const char *cell, const char *ipv4, const char *ipv6,
		 char *why)
{
	return op_network_join(p, cell, ipv4, ipv6, why);
}

int network_leave(struct project *p, const char *cell, char *why)
{
	return op_network_leave(p, cell, why);
}

const char *const net_field_names[NET_N_FIELDS] = {
	[NET_BRIDGE] = "bridge", [NET_UPLINK] = "uplink",
	[NET_IPV4_PREFIX] = "ipv4_prefix", [NET_IPV6_PREFIX] = "ipv6_prefix",
};

struct setting {
	enum net_field field;
	const char *value;
};

/* As Linux takes an interface name (dev_valid_name). */
static bool ifname_ok(const char *s)
{
	size_t n = strlen(s);

	return n && n < 16 && strcmp(s, ".") && strcmp(s, "..") && !strpbrk(s, "/: \t\n");
}

/* cells.yml cannot say a switch without a bridge, so the other settings
 * need one, and the bridge goes only with the switch, once it is empty. */
static int setting_edit(struct project *p, const void *arg, char *why)
{
	const struct setting *set = arg;
	struct network_spec *n = &p->spec.network;
	char **slot[NET_N_FIELDS] = { &n->bridge, &n->uplink, &n->ipv4_prefix, &n->ipv6_prefix };
	const char *value = set->value && set->value[0] ? set->value : NULL;
	int fam = set->field == NET_IPV4_PREFIX ? 4 : 6;
	struct net_addr a;

	if (set->field != NET_BRIDGE && !n->bridge)
		return op_refuse(why, _("There is no network switch; give it a bridge name first."));
	if (set->field == NET_BRIDGE && !value && n->n_members)
		return op_refuse(why, _("The switch has members still: take them off first."));
	if (set->field <= NET_UPLINK && value && !ifname_ok(value))
		return op_refuse(why, _("\"%s\" is no interface name: 1 to 15 characters without "
				     "'/', ':' or spaces."), value);
	if (set->field >= NET_IPV4_PREFIX && value &&
	    !(net_addr_parse(value, false, &a) && a.family == fam))
		return op_refuse(why, fam == 4 ? _("\"%s\" is no IPv4 prefix such as 10.23.0.0/24.")
					    : _("\"%s\" is no IPv6 prefix such as fd00:23::/64."),
			      value);
	for (int f = 0; f < NET_N_FIELDS; f++) {
		if (f == (int)set->field || (set->field == NET_BRIDGE && !value)) {
			free(*slot[f]);
			*slot[f] = f == (int)set->field && value ? xstrdup(value) : NULL;
		}
	}
	return 0;
}

int op_network_set(struct project *p, enum net_field field, const char *value, char *why)
{
	struct setting set = { field, value };

	return spec_edit(p, setting_edit, &set, why);
}
