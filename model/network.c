/*
 * The virtual network switch as a model: checking cells.yml's network
 * section, choosing every address on the switch, and the links the switch
 * becomes. Derivation with them is in model/network-derive.c, the edits
 * front ends make in model/network-edit.c.
 *
 * Addresses: a member's static address wins; the others are picked from
 * the prefixes, lowest first, skipping every address the board's Linux
 * already has (board.nets, from `ip -j addr`) and every static one. The
 * bridge comes first: it takes a static address given under the root
 * cell's name, else the uplink's own address inside the prefix (the bridge
 * script moves it from the uplink, which as a bridge port can no longer
 * use it), else the lowest free one.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "po/i18n.h"
#include "model/network.h"
#include "model/util.h"

/* Linux limits interface names to 15 bytes and forbids these characters. */
#define IFNAME_MAX 15

struct plan_ctx {
	const struct board *b;
	const struct spec *s;
	const char *root_name;
	struct derive_report *rep;
	bool failed;
	struct net_addr prefix[2];  /* [0] IPv4, [1] IPv6 */
	bool has_prefix[2];
	struct net_addr *used;      /* addresses nobody else may get */
	size_t n_used, cap_used;
};

static void note(struct plan_ctx *x, enum severity sev, const char *cell, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void note(struct plan_ctx *x, enum severity sev, const char *cell, const char *fmt, ...)
{
	va_list ap;

	if (sev == SEV_ERROR)
		x->failed = true;
	if (!x->rep)
		return;
	va_start(ap, fmt);
	derive_report_vadd(x->rep, sev, DT_NETWORK, cell, fmt, ap);
	va_end(ap);
}

bool network_in_use(const struct spec *s)
{
	const struct network_spec *n = &s->network;

	return n->bridge || n->uplink || n->ipv4_prefix || n->ipv6_prefix || n->n_members;
}

const char *network_root_name(const struct spec *s, const struct config *c)
{
	const struct cell *root = c ? config_root(c) : NULL;

	if (s->root.name)
		return s->root.name;
	return root ? root->name : "root";
}

char *network_link_name(const struct network_spec *n, const char *cell)
{
	return xasprintf("%s-%s", n->bridge ? n->bridge : "net", cell);
}

static bool ifname_ok(const char *name)
{
	size_t len = strlen(name);

	return len && len <= IFNAME_MAX && !strpbrk(name, "/: \t\n'\"\\$`") &&
	       strcmp(name, ".") && strcmp(name, "..");
}

static void check_names(struct plan_ctx *x)
{
	const struct network_spec *n = &x->s->network;
	size_t i;

	if (!n->bridge) {
		note(x, SEV_ERROR, NULL, _("The network section needs a bridge name, e.g. \"br0\"."));
		return;
	}
	if (!ifname_ok(n->bridge))
		note(x, SEV_ERROR, NULL, _("\"%s\" cannot be a Linux interface name: 1 to %d "
					   "characters, no spaces, slashes, colons or quotes."),
		     n->bridge, IFNAME_MAX);
	if (!n->uplink)
		return;
	if (!ifname_ok(n->uplink))
		note(x, SEV_ERROR, NULL, _("\"%s\" cannot be a Linux interface name: 1 to %d "
					   "characters, no spaces, slashes, colons or quotes."),
		     n->uplink, IFNAME_MAX);
	else if (!strcmp(n->uplink, n->bridge))
		note(x, SEV_ERROR, NULL, _("The bridge and its uplink are both called \"%s\"."),
		     n->bridge);
	if (!x->b->n_nets)
		return;
	for (i = 0; i < x->b->n_nets; i++)
		if (x->b->nets[i].ifname && !strcmp(x->b->nets[i].ifname, n->uplink))
			return;
	note(x, SEV_WARNING, NULL, _("The board's Linux has no interface \"%s\" with an address "
				     "(ip addr); the bridge script will fail if it does not exist."),
	     n->uplink);
}

static void check_prefix(struct plan_ctx *x, int fam)
{
	const char *text = fam == 4 ? x->s->network.ipv4_prefix : x->s->network.ipv6_prefix;
	struct net_addr *p = &x->prefix[fam == 6];
	unsigned max = fam == 4 ? 30 : 126;

	if (!text)
		return;
	if (!net_addr_parse(text, false, p) || p->family != fam) {
		note(x, SEV_ERROR, NULL, fam == 4 ? _("\"%s\" is no IPv4 prefix such as "
						      "\"10.23.0.0/24\".")
						  : _("\"%s\" is no IPv6 prefix such as "
						      "\"fd00:23::/64\"."), text);
		return;
	}
	if (p->prefix_len > max) {
		note(x, SEV_ERROR, NULL, _("The prefix %s leaves no room for a bridge and cells: "
					   "use /%u or shorter."), text, max);
		return;
	}
	x->has_prefix[fam == 6] = true;
}

static void use(struct plan_ctx *x, const struct net_addr *a)
{
	ARRAY_PUSH(x->used, x->n_used, x->cap_used, *a);
}

/* The board's addresses: nobody on the switch may take them. Another
 * interface of the board on the switch's network makes routing ambiguous. */
static void collect_board(struct plan_ctx *x)
{
	const char *uplink = x->s->network.uplink;
	struct net_addr a;
	char buf[NETWORK_ADDR_LEN];
	size_t i;
	int f;

	for (i = 0; i < x->b->n_nets; i++) {
		const struct board_net *bn = &x->b->nets[i];

		if (!bn->cidr || !net_addr_parse(bn->cidr, true, &a))
			continue;
		use(x, &a);
		f = a.family == 6;
		if (x->has_prefix[f] && net_addr_in(&a, &x->prefix[f]) && bn->ifname &&
		    (!uplink || strcmp(bn->ifname, uplink)))
			note(x, SEV_WARNING, NULL, _("The board's interface %s (%s) is on the "
						     "switch's network %s too."),
			     bn->ifname, bn->cidr, net_addr_format(&x->prefix[f], true, buf));
	}
}

static const struct board_net *board_has(const struct board *b, const struct net_addr *a)
{
	struct net_addr o;
	size_t i;

	for (i = 0; i < b->n_nets; i++)
		if (b->nets[i].cidr && net_addr_parse(b->nets[i].cidr, true, &o) &&
		    net_addr_equal(&o, a))
			return &b->nets[i];
	return NULL;
}

/* A static address: parsed, in the right family, not the board's. */
static void static_addr(struct plan_ctx *x, struct net_host *h, const char *text, int fam,
			bool is_root)
{
	struct net_addr *a = fam == 4 ? &h->ipv4 : &h->ipv6;
	const struct net_addr *p = &x->prefix[fam == 6];
	bool has_p = x->has_prefix[fam == 6];
	const struct board_net *bn;
	char buf[NETWORK_ADDR_LEN];

	if (!text)
		return;
	if (!net_addr_parse(text, has_p, a) || a->family != fam) {
		note(x, SEV_ERROR, h->cell, fam == 4 ? _("\"%s\" is no IPv4 address with prefix "
							 "length such as \"10.23.0.2/24\".")
						     : _("\"%s\" is no IPv6 address with prefix "
							 "length such as \"fd00:23::2/64\"."), text);
		return;
	}
	if (!strchr(text, '/'))
		a->prefix_len = p->prefix_len;
	if (has_p && !net_addr_in(a, p))
		note(x, SEV_WARNING, h->cell, _("%s is outside the switch's network %s: the other "
						"cells reach it only through a router."),
		     text, net_addr_format(p, true, buf));
	else if (has_p && !net_addr_usable(a, p))
		note(x, SEV_ERROR, h->cell, _("%s is the network's own address, not a host's."),
		     text);
	bn = board_has(x->b, a);
	/* The bridge may take over the uplink's address; anything else collides. */
	if (bn && is_root && fam == 4 && bn->ifname && x->s->network.uplink &&
	    !strcmp(bn->ifname, x->s->network.uplink))
		h->ipv4_moved = true;
	else if (bn)
		note(x, SEV_ERROR, h->cell, _("%s is already the address of the board's "
					      "interface %s."), text, bn->ifname ? bn->ifname : "?");
	if (fam == 4)
		h->has_ipv4 = true;
	else
		h->has_ipv6 = true;
}

/* Statics of different hosts must differ. */
static void check_duplicate(struct plan_ctx *x, const struct net_host *h, const struct net_plan *p,
			    size_t upto)
{
	size_t i;

	for (i = 0; i <= upto; i++) {
		const struct net_host *o = i == 0 ? &p->root : &p->members[i - 1];

		if (o == h)
			break;
		if ((h->has_ipv4 && o->has_ipv4 && net_addr_equal(&h->ipv4, &o->ipv4)) ||
		    (h->has_ipv6 && o->has_ipv6 && net_addr_equal(&h->ipv6, &o->ipv6)))
			note(x, SEV_ERROR, h->cell, _("Cells \"%s\" and \"%s\" have the same "
						      "address."), o->cell, h->cell);
	}
}

/* Whether a member entry may have a link: a Linux guest of the spec, named once. */
static bool member_ok(struct plan_ctx *x, size_t idx, bool quiet)
{
	const struct net_member *m = &x->s->network.members[idx];
	const struct guest_spec *g;
	char *name;
	size_t i;

	if (!m->cell) {
		if (!quiet)
			note(x, SEV_ERROR, NULL, _("A member of the network needs a cell name."));
		return false;
	}
	for (i = 0; i < idx; i++)
		if (x->s->network.members[i].cell && !strcmp(x->s->network.members[i].cell, m->cell)) {
			if (!quiet)
				note(x, SEV_ERROR, m->cell, _("Cell \"%s\" is on the network twice."),
				     m->cell);
			return false;
		}
	if (!strcmp(m->cell, x->root_name))
		return false;
	g = spec_find_guest(x->s, m->cell);
	if (!g) {
		if (!quiet)
			note(x, SEV_ERROR, m->cell, _("The network names \"%s\", which is neither the "
						      "root cell nor a guest."), m->cell);
		return false;
	}
	if (g->type != CELL_LINUX) {
		if (!quiet)
			note(x, SEV_ERROR, m->cell, _("Cell \"%s\" is no Linux guest: only Linux has "
						      "the ivshmem-net driver the switch needs."),
			     m->cell);
		return false;
	}
	name = network_link_name(&x->s->network, m->cell);
	for (i = 0; i < x->s->n_links && !quiet; i++)
		if (x->s->links[i].name && !strcmp(x->s->links[i].name, name))
			note(x, SEV_ERROR, m->cell, _("The spec already has a link called \"%s\", "
						      "the name of the switch's link to \"%s\"."),
			     name, m->cell);
	free(name);
	return true;
}

static void pick(struct plan_ctx *x, struct net_host *h, int fam)
{
	const int f = fam == 6;
	struct net_addr *a = f ? &h->ipv6 : &h->ipv4;
	bool *has = f ? &h->has_ipv6 : &h->has_ipv4;
	char buf[NETWORK_ADDR_LEN];

	if (*has || !x->has_prefix[f])
		return;
	if (!net_addr_pick(&x->prefix[f], x->used, x->n_used, a)) {
		note(x, SEV_ERROR, h->cell, _("The network %s has no free address left for "
					      "\"%s\"."), net_addr_format(&x->prefix[f], true, buf),
		     h->cell);
		return;
	}
	*has = true;
	if (f)
		h->ipv6_auto = true;
	else
		h->ipv4_auto = true;
	use(x, a);
}

/* The uplink's own address in the IPv4 prefix, which the bridge takes over. */
static void take_uplink_addr(struct plan_ctx *x, struct net_host *root)
{
	const char *uplink = x->s->network.uplink;
	struct net_addr a;
	size_t i;

	if (root->has_ipv4 || !uplink || !x->has_prefix[0])
		return;
	for (i = 0; i < x->b->n_nets; i++) {
		const struct board_net *bn = &x->b->nets[i];

		if (bn->ifname && !strcmp(bn->ifname, uplink) && bn->cidr &&
		    net_addr_parse(bn->cidr, true, &a) && a.family == 4 &&
		    net_addr_usable(&a, &x->prefix[0])) {
			root->ipv4 = a;
			root->has_ipv4 = true;
			root->ipv4_moved = true;
			return;
		}
	}
}

int network_plan(const struct board *b, const struct spec *s, const char *root_name,
		 struct net_plan *plan, struct derive_report *rep)
{
	const struct network_spec *n = &s->network;
	struct plan_ctx x;
	size_t i;

	memset(&x, 0, sizeof(x));
	x.b = b;
	x.s = s;
	x.root_name = root_name;
	x.rep = rep;
	memset(plan, 0, sizeof(*plan));
	plan->bridge = n->bridge ? xstrdup(n->bridge) : NULL;
	plan->uplink = n->uplink ? xstrdup(n->uplink) : NULL;
	plan->root.cell = xstrdup(root_name);
	plan->members = xcalloc(n->n_members + 1, sizeof(*plan->members));

	check_names(&x);
	check_prefix(&x, 4);
	check_prefix(&x, 6);
	collect_board(&x);
	for (i = 0; i < n->n_members; i++) {
		const struct net_member *m = &n->members[i];
		struct net_host *h;

		if (m->cell && !strcmp(m->cell, root_name)) {
			static_addr(&x, &plan->root, m->ipv4, 4, true);
			static_addr(&x, &plan->root, m->ipv6, 6, true);
			continue;
		}
		if (!member_ok(&x, i, false))
			continue;
		h = &plan->members[plan->n_members++];
		h->cell = xstrdup(m->cell);
		h->link = network_link_name(n, m->cell);
		static_addr(&x, h, m->ipv4, 4, false);
		static_addr(&x, h, m->ipv6, 6, false);
		if (!m->ipv4 && !m->ipv6 && !x.has_prefix[0] && !x.has_prefix[1])
			note(&x, SEV_WARNING, m->cell, _("Cell \"%s\" gets no address: give it one "
							 "or the network a prefix."), m->cell);
	}
	take_uplink_addr(&x, &plan->root);
	for (i = 0; i <= plan->n_members; i++) {
		struct net_host *h = i ? &plan->members[i - 1] : &plan->root;

		check_duplicate(&x, h, plan, i);
		if (h->has_ipv4)
			use(&x, &h->ipv4);
		if (h->has_ipv6)
			use(&x, &h->ipv6);
	}
	for (i = 0; i <= plan->n_members; i++) {
		struct net_host *h = i ? &plan->members[i - 1] : &plan->root;

		pick(&x, h, 4);
		pick(&x, h, 6);
	}
	free(x.used);
	return x.failed ? -1 : 0;
}

static void host_free(struct net_host *h)
{
	free(h->cell);
	free(h->link);
}

void net_plan_free(struct net_plan *plan)
{
	size_t i;

	free(plan->bridge);
	free(plan->uplink);
	host_free(&plan->root);
	for (i = 0; i < plan->n_members; i++)
		host_free(&plan->members[i]);
	free(plan->members);
	memset(plan, 0, sizeof(*plan));
}

void network_add_links(const struct spec *s, const char *root_name, enum abi abi,
		       struct spec *out)
{
	struct plan_ctx x;
	size_t i;

	memset(&x, 0, sizeof(x));
	x.s = s;
	x.root_name = root_name;
	for (i = 0; i < s->network.n_members; i++) {
		const char *cell = s->network.members[i].cell;
		struct link_spec *l;
		char *name;

		if (!member_ok(&x, i, true))
			continue;
		name = network_link_name(&s->network, cell);
		l = spec_add_link(out, name);
		free(name);
		ARRAY_PUSH(l->peers, l->n_peers, l->cap_peers, xstrdup(root_name));
		ARRAY_PUSH(l->peers, l->n_peers, l->cap_peers, xstrdup(cell));
		l->protocol = SHMEM_PROTO_VETH;
		if (abi == ABI_V9) {
			l->size = NETWORK_V9_SIZE;
		} else {
			l->size = 0;
			l->output_size = NETWORK_V14_OUTPUT;
		}
	}
}
