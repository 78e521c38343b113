/*
 * The virtual network switch's model: address parsing and allocation
 * (board networks, static addresses, exhaustion, IPv6), the checks of the
 * network section, the links it becomes, and derivation with it on the
 * small board of the derivation tests, for both config revisions.
 */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "model/network.h"
#include "model/ops.h"
#include "model/util.h"
#include "tests/model/derive-boards.h"

static char buf[NETWORK_ADDR_LEN];

static void add_net(struct board *b, const char *ifname, const char *cidr)
{
	struct board_net n = { xstrdup(ifname), xstrdup(cidr), SRC_USER };

	ARRAY_PUSH(b->nets, b->n_nets, b->cap_nets, n);
}

static struct guest_spec *linux_guest(struct spec *s, const char *name)
{
	struct guest_spec *g = spec_add_guest(s, name);

	g->type = CELL_LINUX;
	g->n_cpus = 1;
	g->ram_size = 32 * MiB;
	return g;
}

/* A switch br0 on eth0 with the given prefixes and Linux guests a and b. */
static void two_guests(struct spec *s, const char *v4, const char *v6)
{
	char why[OP_WHY_LEN];

	spec_init(s);
	s->root.name = xstrdup("mini");
	s->network.bridge = xstrdup("br0");
	s->network.uplink = xstrdup("eth0");
	s->network.ipv4_prefix = v4 ? xstrdup(v4) : NULL;
	s->network.ipv6_prefix = v6 ? xstrdup(v6) : NULL;
	linux_guest(s, "a");
	linux_guest(s, "b");
	ck_assert_int_eq(network_member_add(s, "a", NULL, NULL, why), 0);
	ck_assert_int_eq(network_member_add(s, "b", NULL, NULL, why), 0);
}

static const char *v4(const struct net_host *h)
{
	ck_assert(h->has_ipv4);
	return net_addr_format(&h->ipv4, true, buf);
}

static const char *v6(const struct net_host *h)
{
	ck_assert(h->has_ipv6);
	return net_addr_format(&h->ipv6, true, buf);
}

START_TEST(addr_parse_format)
{
	struct net_addr a, p;

	ck_assert(net_addr_parse("10.23.0.7/24", false, &a));
	ck_assert_int_eq(a.family, 4);
	ck_assert_uint_eq(a.prefix_len, 24);
	ck_assert_str_eq(net_addr_format(&a, true, buf), "10.23.0.7/24");
	ck_assert_str_eq(net_addr_format(&a, false, buf), "10.23.0.7");
	ck_assert(net_addr_parse("fd00:23::1/64", false, &a));
	ck_assert_int_eq(a.family, 6);
	ck_assert_str_eq(net_addr_format(&a, true, buf), "fd00:23::1/64");
	ck_assert(!net_addr_parse("10.23.0.7", false, &a));
	ck_assert(net_addr_parse("10.23.0.7", true, &a));
	ck_assert_uint_eq(a.prefix_len, 32);
	ck_assert(!net_addr_parse("10.23.0.7/33", false, &a));
	ck_assert(!net_addr_parse("10.23.0/24", false, &a));
	ck_assert(!net_addr_parse("10.23.0.7/", false, &a));
	ck_assert(!net_addr_parse("10.23.0.7/-1", false, &a));
	ck_assert(!net_addr_parse("fd00::1/129", false, &a));
	ck_assert(!net_addr_parse("", true, &a));
	ck_assert(net_addr_parse("10.23.0.0/16", false, &p));
	ck_assert(net_addr_parse("10.23.200.1/24", false, &a));
	ck_assert(net_addr_in(&a, &p));
	ck_assert(net_addr_parse("10.24.0.1/24", false, &a));
	ck_assert(!net_addr_in(&a, &p));
	ck_assert(net_addr_parse("10.23.0.0/21", false, &p));
	ck_assert(net_addr_parse("10.23.7.255/21", false, &a));
	ck_assert(net_addr_in(&a, &p));
	ck_assert(!net_addr_usable(&a, &p));
	ck_assert(net_addr_parse("10.23.8.0/21", false, &a));
	ck_assert(!net_addr_in(&a, &p));
	ck_assert_str_eq(net_netmask(24, buf), "255.255.255.0");
	ck_assert_str_eq(net_netmask(21, buf), "255.255.248.0");
	ck_assert_str_eq(net_netmask(0, buf), "0.0.0.0");
}
END_TEST

START_TEST(addr_pick)
{
	struct net_addr p, used[3], a;

	ck_assert(net_addr_parse("10.0.0.0/30", false, &p));
	ck_assert(net_addr_pick(&p, NULL, 0, &a));
	ck_assert_str_eq(net_addr_format(&a, true, buf), "10.0.0.1/30");
	used[0] = a;
	ck_assert(net_addr_pick(&p, used, 1, &a));
	ck_assert_str_eq(net_addr_format(&a, true, buf), "10.0.0.2/30");
	used[1] = a;
	/* .3 is the broadcast address: the /30 is full. */
	ck_assert(!net_addr_pick(&p, used, 2, &a));
	/* Host bits say where to start. */
	ck_assert(net_addr_parse("192.168.1.250/24", false, &p));
	ck_assert(net_addr_pick(&p, NULL, 0, &a));
	ck_assert_str_eq(net_addr_format(&a, true, buf), "192.168.1.250/24");
	ck_assert(net_addr_parse("192.168.1.254/24", true, &used[0]));
	ck_assert(net_addr_parse("192.168.1.251/24", true, &used[1]));
	ck_assert(net_addr_parse("192.168.1.250/24", true, &used[2]));
	ck_assert(net_addr_pick(&p, used, 3, &a));
	ck_assert_str_eq(net_addr_format(&a, false, buf), "192.168.1.252");
	/* IPv6 skips the subnet-router anycast address and carries across bytes. */
	ck_assert(net_addr_parse("fd00:23::/64", false, &p));
	ck_assert(net_addr_pick(&p, NULL, 0, &a));
	ck_assert_str_eq(net_addr_format(&a, true, buf), "fd00:23::1/64");
	ck_assert(net_addr_parse("fd00:23::ff/64", false, &p));
	ck_assert(net_addr_parse("fd00:23::ff", true, &used[0]));
	ck_assert(net_addr_pick(&p, used, 1, &a));
	ck_assert_str_eq(net_addr_format(&a, false, buf), "fd00:23::100");
}
END_TEST

START_TEST(plan_automatic)
{
	struct board b;
	struct spec s;
	struct net_plan plan;
	struct derive_report rep;

	board_mini(&b);
	two_guests(&s, "10.23.0.0/24", "fd00:23::/64");
	derive_report_init(&rep);
	ck_assert_int_eq(network_plan(&b, &s, "mini", &plan, &rep), 0);
	ck_assert_uint_eq(rep.n_msgs, 0);
	ck_assert_str_eq(plan.bridge, "br0");
	ck_assert_str_eq(v4(&plan.root), "10.23.0.1/24");
	ck_assert_str_eq(v6(&plan.root), "fd00:23::1/64");
	ck_assert_uint_eq(plan.n_members, 2);
	ck_assert_str_eq(plan.members[0].cell, "a");
	ck_assert_str_eq(plan.members[0].link, "br0-a");
	ck_assert_str_eq(v4(&plan.members[0]), "10.23.0.2/24");
	ck_assert_str_eq(v6(&plan.members[1]), "fd00:23::3/64");
	ck_assert(plan.members[1].ipv4_auto && plan.members[1].ipv6_auto);
	net_plan_free(&plan);
	derive_report_free(&rep);
	spec_free(&s);
	board_free(&b);
}
END_TEST

/* The uplink's address moves to the bridge; another interface's is skipped. */
START_TEST(plan_board_networks)
{
	struct board b;
	struct spec s;
	struct net_plan plan;
	struct derive_report rep;

	board_mini(&b);
	add_net(&b, "lo", "127.0.0.1/8");
	add_net(&b, "eth0", "10.23.0.2/24");
	add_net(&b, "wlan0", "10.23.0.1/24");
	add_net(&b, "wlan0", "fd00:23::1/64");
	two_guests(&s, "10.23.0.0/24", "fd00:23::/64");
	derive_report_init(&rep);
	ck_assert_int_eq(network_plan(&b, &s, "mini", &plan, &rep), 0);
	ck_assert_str_eq(v4(&plan.root), "10.23.0.2/24");
	ck_assert(plan.root.ipv4_moved && !plan.root.ipv4_auto);
	ck_assert_str_eq(v6(&plan.root), "fd00:23::2/64");
	ck_assert_str_eq(v4(&plan.members[0]), "10.23.0.3/24");
	ck_assert_str_eq(v4(&plan.members[1]), "10.23.0.4/24");
	ck_assert_str_eq(v6(&plan.members[0]), "fd00:23::3/64");
	ck_assert(report_said(&rep, SEV_WARNING, "wlan0"));
	ck_assert_uint_eq(derive_report_count(&rep, SEV_ERROR), 0);
	net_plan_free(&plan);
	derive_report_free(&rep);
	spec_free(&s);
	board_free(&b);
}
END_TEST

START_TEST(plan_static)
{
	struct board b;
	struct spec s;
	struct net_plan plan;
	struct derive_report rep;

	board_mini(&b);
	add_net(&b, "eth0", "192.168.7.10/24");
	two_guests(&s, "10.23.0.0/24", NULL);
	s.network.members[1].ipv4 = xstrdup("10.23.0.1");
	s.network.members[1].ipv6 = xstrdup("fd00:99::5/64");
	derive_report_init(&rep);
	ck_assert_int_eq(network_plan(&b, &s, "mini", &plan, &rep), 0);
	/* b's static .1 (prefix length from the network) is nobody else's. */
	ck_assert_str_eq(v4(&plan.members[1]), "10.23.0.1/24");
	ck_assert(!plan.members[1].ipv4_auto);
	ck_assert_str_eq(v6(&plan.members[1]), "fd00:99::5/64");
	ck_assert_str_eq(v4(&plan.root), "10.23.0.2/24");
	ck_assert(!plan.root.ipv4_moved);
	ck_assert_str_eq(v4(&plan.members[0]), "10.23.0.3/24");
	ck_assert(!plan.members[0].has_ipv6 && !plan.root.has_ipv6);
	net_plan_free(&plan);
	derive_report_free(&rep);

	/* The bridge's static address, given under the root cell's name. */
	ARRAY_GROW(s.network.members, s.network.n_members, s.network.cap_members);
	s.network.members[s.network.n_members++] =
		(struct net_member){ xstrdup("mini"), xstrdup("10.23.0.200/24"), NULL };
	derive_report_init(&rep);
	ck_assert_int_eq(network_plan(&b, &s, "mini", &plan, &rep), 0);
	ck_assert_str_eq(v4(&plan.root), "10.23.0.200/24");
	ck_assert_uint_eq(plan.n_members, 2);
	ck_assert_str_eq(v4(&plan.members[0]), "10.23.0.2/24");
	net_plan_free(&plan);
	derive_report_free(&rep);
	spec_free(&s);
	board_free(&b);
}
END_TEST

/* Each broken section gives an error naming what is wrong. */
static void expect_error(void (*breaker)(struct spec *, struct board *), const char *text)
{
	struct board b;
	struct spec s;
	struct net_plan plan;
	struct derive_report rep;

	board_mini(&b);
	two_guests(&s, "10.23.0.0/24", "fd00:23::/64");
	breaker(&s, &b);
	derive_report_init(&rep);
	ck_assert_int_eq(network_plan(&b, &s, "mini", &plan, &rep), -1);
	ck_assert_msg(report_said(&rep, SEV_ERROR, text), "no error mentioning \"%s\"", text);
	ck_assert_int_eq(rep.msgs[0].topic, DT_NETWORK);
	net_plan_free(&plan);
	derive_report_free(&rep);
	spec_free(&s);
	board_free(&b);
}

static void no_bridge(struct spec *s, struct board *b)
{
	(void)b;
	free(s->network.bridge);
	s->network.bridge = NULL;
}

static void bad_bridge(struct spec *s, struct board *b)
{
	(void)b;
	free(s->network.bridge);
	s->network.bridge = xstrdup("a-bridge-name-too-long");
}

static void same_names(struct spec *s, struct board *b)
{
	(void)b;
	free(s->network.uplink);
	s->network.uplink = xstrdup("br0");
}

static void bad_prefix(struct spec *s, struct board *b)
{
	(void)b;
	free(s->network.ipv4_prefix);
	s->network.ipv4_prefix = xstrdup("fd00::/64");
}

static void tiny_prefix(struct spec *s, struct board *b)
{
	(void)b;
	free(s->network.ipv4_prefix);
	s->network.ipv4_prefix = xstrdup("10.0.0.0/31");
}

static void full_prefix(struct spec *s, struct board *b)
{
	(void)b;
	free(s->network.ipv4_prefix);
	s->network.ipv4_prefix = xstrdup("10.0.0.0/30");
}

static void unknown_member(struct spec *s, struct board *b)
{
	(void)b;
	free(s->network.members[0].cell);
	s->network.members[0].cell = xstrdup("ghost");
}

static void bare_member(struct spec *s, struct board *b)
{
	(void)b;
	spec_find_guest(s, "b")->type = CELL_BARE;
}

static void twice(struct spec *s, struct board *b)
{
	(void)b;
	free(s->network.members[1].cell);
	s->network.members[1].cell = xstrdup("a");
}

static void board_addr(struct spec *s, struct board *b)
{
	add_net(b, "wlan0", "10.23.0.9/24");
	s->network.members[0].ipv4 = xstrdup("10.23.0.9/24");
}

static void same_static(struct spec *s, struct board *b)
{
	(void)b;
	s->network.members[0].ipv6 = xstrdup("fd00:23::9/64");
	s->network.members[1].ipv6 = xstrdup("fd00:23::9");
}

static void wrong_family(struct spec *s, struct board *b)
{
	(void)b;
	s->network.members[0].ipv4 = xstrdup("fd00:23::9/64");
}

static void broadcast(struct spec *s, struct board *b)
{
	(void)b;
	s->network.members[0].ipv4 = xstrdup("10.23.0.255/24");
}

static void link_clash(struct spec *s, struct board *b)
{
	(void)b;
	spec_add_link(s, "br0-b");
}

START_TEST(plan_errors)
{
	expect_error(no_bridge, "bridge name");
	expect_error(bad_bridge, "a-bridge-name-too-long");
	expect_error(same_names, "both called");
	expect_error(bad_prefix, "no IPv4 prefix");
	expect_error(tiny_prefix, "/30 or shorter");
	expect_error(full_prefix, "no free address left for \"b\"");
	expect_error(unknown_member, "\"ghost\"");
	expect_error(bare_member, "no Linux guest");
	expect_error(twice, "twice");
	expect_error(board_addr, "board's interface wlan0");
	expect_error(same_static, "same address");
	expect_error(wrong_family, "no IPv4 address");
	expect_error(broadcast, "network's own address");
	expect_error(link_clash, "already has a link called \"br0-b\"");
}
END_TEST

START_TEST(links_per_abi)
{
	struct spec s, out;

	two_guests(&s, NULL, NULL);
	spec_find_guest(&s, "a")->type = CELL_BARE; /* reported by the plan, not linked */
	spec_init(&out);
	network_add_links(&s, "mini", ABI_V14, &out);
	ck_assert_uint_eq(out.n_links, 1);
	ck_assert_str_eq(out.links[0].name, "br0-b");
	ck_assert_uint_eq(out.links[0].n_peers, 2);
	ck_assert_str_eq(out.links[0].peers[0], "mini");
	ck_assert_str_eq(out.links[0].peers[1], "b");
	ck_assert_uint_eq(out.links[0].protocol, SHMEM_PROTO_VETH);
	ck_assert_uint_eq(out.links[0].size, 0);
	ck_assert_uint_eq(out.links[0].output_size, 0x7f000);
	ck_assert_uint_eq(out.links[0].bdf, 0);
	spec_free(&out);
	spec_init(&out);
	spec_find_guest(&s, "a")->type = CELL_LINUX;
	network_add_links(&s, "mini", ABI_V9, &out);
	ck_assert_uint_eq(out.n_links, 2);
	ck_assert_uint_eq(out.links[1].size, 0x100000);
	ck_assert_uint_eq(out.links[1].output_size, 0);
	spec_free(&out);
	spec_free(&s);
}
END_TEST

/* The regions of a cell from its device's shmem_regions_start. */
static void check_end(const struct cell *cell, const struct cell_pci *p, enum abi abi,
		      unsigned id)
{
	const struct cell_region *r = &cell->regions[p->shmem_regions_start];

	ck_assert_uint_eq(p->shmem_protocol, SHMEM_PROTO_VETH);
	ck_assert_uint_eq(p->shmem_peers, 2);
	ck_assert_uint_eq(p->shmem_dev_id, id);
	if (abi == ABI_V9) {
		ck_assert_uint_eq(r[0].size, 0x100000);
		return;
	}
	ck_assert_uint_eq(r[0].size, 0x1000);
	ck_assert_uint_eq(r[1].size, 0);
	ck_assert_uint_eq(r[2].size, 0x7f000);
	ck_assert_uint_eq(r[3].size, 0x7f000);
	ck_assert_uint_eq(r[2].phys, r[0].phys + 0x1000);
	ck_assert_uint_eq(r[3].phys, r[0].phys + 0x80000);
	ck_assert_uint_eq(!!(r[2].flags & MEM_WRITE), id == 0);
	ck_assert_uint_eq(!!(r[3].flags & MEM_WRITE), id == 1);
	ck_assert(cell_has_irq(cell, 32 + cell->vpci_irq_base + ((p->bdf >> 3) & 3)));
}

static const struct cell_pci *member_pci(const struct cell *cell, uint16_t bdf)
{
	size_t i;

	for (i = 0; i < cell->n_pci; i++)
		if (cell->pci[i].type == PCI_IVSHMEM && cell->pci[i].bdf == bdf)
			return &cell->pci[i];
	return NULL;
}

START_TEST(derive_both_abis)
{
	enum abi abi = _i ? ABI_V9 : ABI_V14;
	struct board b;
	struct spec s;
	struct config c, again;
	struct derive_report rep;
	const struct cell_pci *pa, *pb;
	char *text;

	board_mini(&b);
	two_guests(&s, "10.23.0.0/24", NULL);
	spec_add_link(&s, "user")->output_size = 0x1000;
	link_add_peer(&s.links[0], "mini");
	link_add_peer(&s.links[0], "a");
	config_init(&c);
	derive_report_init(&rep);
	text = NULL;
	if (derive_config(&b, &s, abi, &c, &rep)) {
		text = report_text(&rep);
		ck_abort_msg("%s", text);
	}
	text = config_check_consistent(&c, abi);
	ck_assert_msg(!text, "%s", text);
	ck_assert_uint_eq(c.sys.pci_is_virtual, 1);
	pa = network_member_pci(&c, &s, "a");
	pb = network_member_pci(&c, &s, "b");
	ck_assert_ptr_nonnull(pa);
	ck_assert_ptr_nonnull(pb);
	/* The user's link keeps the first slot; the switch's links follow. */
	ck_assert_uint_eq(pa->bdf, 1 << 3);
	ck_assert_uint_eq(pb->bdf, 2 << 3);
	check_end(config_root(&c), pa, abi, 0);
	check_end(config_root(&c), pb, abi, 0);
	check_end(config_find_cell(&c, "a"), member_pci(config_find_cell(&c, "a"), pa->bdf), abi, 1);
	check_end(config_find_cell(&c, "b"), member_pci(config_find_cell(&c, "b"), pb->bdf), abi, 1);
	ck_assert_ptr_null(member_pci(config_find_cell(&c, "b"), pa->bdf));

	/* Deriving again gives the same configuration. */
	config_init(&again);
	ck_assert_int_eq(derive_config(&b, &s, abi, &again, NULL), 0);
	ck_assert_int_eq(derive_config(&b, &s, abi, &again, NULL), 0);
	ck_assert(config_same(&c, &again));
	config_free(&again);

	/* A broken section fails derivation with the network's message. */
	spec_find_guest(&s, "b")->type = CELL_BARE;
	ck_assert_int_eq(derive_config(&b, &s, abi, &c, &rep), -1);
	ck_assert(report_said(&rep, SEV_ERROR, "no Linux guest"));
	ck_assert_ptr_null(network_member_pci(&c, &s, "b"));
	ck_assert_ptr_nonnull(network_member_pci(&c, &s, "a"));

	derive_report_free(&rep);
	config_free(&c);
	spec_free(&s);
	board_free(&b);
}
END_TEST

START_TEST(member_edits)
{
	struct spec s;
	char why[OP_WHY_LEN];

	two_guests(&s, NULL, NULL);
	linux_guest(&s, "c");
	spec_add_guest(&s, "bare");
	ck_assert_int_eq(network_member_add(&s, "a", NULL, NULL, why), -1);
	ck_assert_ptr_nonnull(strstr(why, "already"));
	ck_assert_int_eq(network_member_add(&s, "ghost", NULL, NULL, why), -1);
	ck_assert_int_eq(network_member_add(&s, "bare", NULL, NULL, why), -1);
	ck_assert_ptr_nonnull(strstr(why, "Linux"));
	ck_assert_int_eq(network_member_add(&s, "c", "not-an-address", NULL, why), -1);
	ck_assert_int_eq(network_member_add(&s, "c", NULL, "10.0.0.1/8", why), -1);
	ck_assert_uint_eq(s.network.n_members, 2);
	ck_assert_int_eq(network_member_add(&s, "c", "10.0.0.3/8", "fd00::3/64", why), 0);
	ck_assert_uint_eq(s.network.n_members, 3);
	ck_assert_str_eq(s.network.members[2].ipv6, "fd00::3/64");
	ck_assert_int_eq(network_member_remove(&s, "a", why), 0);
	ck_assert_uint_eq(s.network.n_members, 2);
	ck_assert_str_eq(s.network.members[0].cell, "b");
	ck_assert_int_eq(network_member_remove(&s, "a", why), -1);
	free(s.network.bridge);
	s.network.bridge = NULL;
	ck_assert_int_eq(network_member_add(&s, "a", NULL, NULL, why), -1);
	ck_assert_ptr_nonnull(strstr(why, "bridge"));
	spec_free(&s);
}
END_TEST

/* On a project: the member's link appears and goes, validated, counted. */
START_TEST(project_join_leave)
{
	struct project p;
	char why[OP_WHY_LEN];
	unsigned gen;

	project_init(&p);
	board_free(&p.board);
	board_mini(&p.board);
	p.spec.network.bridge = xstrdup("br0");
	p.spec.network.ipv4_prefix = xstrdup("10.23.0.0/24");
	linux_guest(&p.spec, "a");
	project_ready(&p);
	ck_assert_ptr_null(network_member_pci(&p.config, &p.spec, "a"));
	gen = p.generation;
	ck_assert_int_eq(network_join(&p, "ghost", NULL, NULL, why), -1);
	ck_assert_uint_eq(p.generation, gen);
	ck_assert_int_eq(network_join(&p, "a", NULL, NULL, why), 0);
	ck_assert_uint_gt(p.generation, gen);
	ck_assert_ptr_nonnull(network_member_pci(&p.config, &p.spec, "a"));
	ck_assert_uint_eq(derive_report_count(p.derived, SEV_ERROR), 0);
	ck_assert_uint_eq(validator_count(p.validator, SEV_ERROR), 0);
	ck_assert_int_eq(network_leave(&p, "a", why), 0);
	ck_assert_ptr_null(network_member_pci(&p.config, &p.spec, "a"));
	ck_assert_uint_eq(p.config.cells[0]->n_pci, 0);
	ck_assert_int_eq(network_leave(&p, "a", why), -1);
	project_free(&p);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("network");
	TCase *tc = tcase_create("network");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, addr_parse_format);
	tcase_add_test(tc, addr_pick);
	tcase_add_test(tc, plan_automatic);
	tcase_add_test(tc, plan_board_networks);
	tcase_add_test(tc, plan_static);
	tcase_add_test(tc, plan_errors);
	tcase_add_test(tc, links_per_abi);
	tcase_add_loop_test(tc, derive_both_abis, 0, 2);
	tcase_add_test(tc, member_edits);
	tcase_add_test(tc, project_join_leave);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
