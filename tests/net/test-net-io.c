/*
 * The switch's files: cells.yml's network section read, written and read
 * again, its errors named by line; the board's networks from the JSON of
 * `ip -j addr` (a real capture's shape), broken JSON refused whole; and the
 * emitted scripts' and guest settings' content for a derived project.
 */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "emit/net-script.h"
#include "model/derive.h"
#include "model/network.h"
#include "model/util.h"
#include "src/extract-dump.h"
#include "src/extract-merge.h"
#include "src/yaml-cells.h"
#include "src/project-io.h"
#include "tests/io/io-test.h"
#include "tests/model/derive-boards.h"

static const char cells_text[] =
	"guests:\n"
	"  - { name: a, type: linux, cpus: 1, ram: 32 MiB }\n"
	"  - { name: b, type: linux, cpus: 1, ram: 32 MiB }\n"
	"network:\n"
	"  bridge: br0\n"
	"  uplink: eth0\n"
	"  ipv4_prefix: 10.23.0.0/24\n"
	"  ipv6_prefix: fd00:23::/64\n"
	"  members:\n"
	"    - a\n"
	"    - { cell: b, ipv4: 10.23.0.50/24, ipv6: \"fd00:23::50/64\" }\n";

static void load(const char *path, struct spec *s, struct config *c)
{
	struct error err;

	spec_init(s);
	config_init(c);
	error_clear(&err);
	ck_assert_msg(cells_load_with_spec(path, NULL, s, c, &err) == 0, "%s", err.text);
}

static void assert_section(const struct network_spec *n)
{
	ck_assert_str_eq(n->bridge, "br0");
	ck_assert_str_eq(n->uplink, "eth0");
	ck_assert_str_eq(n->ipv4_prefix, "10.23.0.0/24");
	ck_assert_str_eq(n->ipv6_prefix, "fd00:23::/64");
	ck_assert_uint_eq(n->n_members, 2);
	ck_assert_str_eq(n->members[0].cell, "a");
	ck_assert_ptr_null(n->members[0].ipv4);
	ck_assert_str_eq(n->members[1].cell, "b");
	ck_assert_str_eq(n->members[1].ipv4, "10.23.0.50/24");
	ck_assert_str_eq(n->members[1].ipv6, "fd00:23::50/64");
}

START_TEST(section_round_trip)
{
	char *dir = scratch_new();
	char *p1 = scratch_file(dir, "cells.yml", cells_text, -1);
	char *p2 = xasprintf("%s/again.yml", dir);
	struct spec s, s2;
	struct config c, c2;
	struct error err;

	load(p1, &s, &c);
	assert_section(&s.network);
	error_clear(&err);
	ck_assert_msg(cells_save_with_spec(p2, NULL, &s, &c, &err) == 0, "%s", err.text);
	load(p2, &s2, &c2);
	assert_section(&s2.network);
	spec_free(&s);
	spec_free(&s2);
	config_free(&c);
	config_free(&c2);
	free(p1);
	free(p2);
	scratch_free(dir);
}
END_TEST

/* Each broken section is refused with its line and what was expected. */
START_TEST(section_errors)
{
	static const struct {
		const char *text, *where, *what;
	} cases[] = {
		{ "network:\n  uplink: eth0\n", "cells.yml:2", "bridge" },
		{ "network:\n  bridge: br0\n  ipv4_prefix: 10.23.0/24\n", "cells.yml:3",
		  "IPv4" },
		{ "network:\n  bridge: br0\n  ipv6_prefix: 10.0.0.0/8\n", "cells.yml:3", "IPv6" },
		{ "network:\n  bridge: br0\n  members:\n    - { cell: a, ipv4: 300.1.1.1 }\n",
		  "cells.yml:4", "IPv4" },
		{ "network:\n  bridge: br0\n  members:\n    - { ipv4: 10.0.0.1/8 }\n", "cells.yml:4",
		  "cell" },
		{ "network:\n  bridge: br0\n  colour: blue\n", "cells.yml:3", "colour" },
	};
	char *dir = scratch_new();
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		char *path = scratch_file(dir, "cells.yml", cases[i].text, -1);
		struct spec s;
		struct config c;
		struct error err;

		spec_init(&s);
		config_init(&c);
		error_clear(&err);
		ck_assert_int_eq(cells_load_with_spec(path, NULL, &s, &c, &err), -1);
		ck_assert_msg(strstr(err.text, cases[i].where) && strstr(err.text, cases[i].what),
			      "case %zu: %s", i, err.text);
		spec_free(&s);
		config_free(&c);
		free(path);
	}
	scratch_free(dir);
}
END_TEST

/* The shape of a real capture: loopback, a wired and a wireless interface. */
static const char ip_json[] =
	"[{\"ifindex\":1,\"ifname\":\"lo\",\"flags\":[\"LOOPBACK\",\"UP\",\"LOWER_UP\"],"
	"\"mtu\":65536,\"addr_info\":[{\"family\":\"inet\",\"local\":\"127.0.0.1\","
	"\"prefixlen\":8,\"scope\":\"host\",\"label\":\"lo\",\"valid_life_time\":4294967295},"
	"{\"family\":\"inet6\",\"local\":\"::1\",\"prefixlen\":128,\"scope\":\"host\"}]},"
	"{\"ifindex\":2,\"ifname\":\"eth0\",\"flags\":[\"BROADCAST\",\"UP\"],\"mtu\":1500,"
	"\"linkinfo\":{\"info_kind\":\"veth\"},\"addr_info\":[{\"family\":\"inet\","
	"\"local\":\"192.168.1.17\",\"prefixlen\":24,\"broadcast\":\"192.168.1.255\","
	"\"scope\":\"global\",\"dynamic\":true},{\"family\":\"inet6\",\"local\":"
	"\"fe80::dea6:32ff:fe01:2\",\"prefixlen\":64,\"scope\":\"link\"}]},"
	"{\"ifindex\":3,\"ifname\":\"wlan0\",\"flags\":[\"NO-CARRIER\"],\"addr_info\":[]}]\n";

START_TEST(ip_addr_json)
{
	struct extract_report rep;
	struct board b;

	board_init(&b);
	report_init(&rep);
	ck_assert_int_eq(net_parse_ip_json(ip_json, strlen(ip_json), "ip-addr.json", &b, &rep), 0);
	ck_assert_uint_eq(rep.n, 0);
	ck_assert_uint_eq(b.n_nets, 2);
	ck_assert_str_eq(b.nets[0].ifname, "eth0");
	ck_assert_str_eq(b.nets[0].cidr, "192.168.1.17/24");
	ck_assert_uint_eq(b.nets[0].sources, SRC_NET);
	ck_assert_str_eq(b.nets[1].cidr, "fe80::dea6:32ff:fe01:2/64");
	report_free(&rep);
	board_free(&b);
}
END_TEST

START_TEST(ip_addr_json_broken)
{
	static const char *const bad[] = {
		"", "{}", "[{\"ifname\":\"eth0\",\"addr_info\":[{\"local\":\"10.0.0.1\"",
		"[{\"addr_info\":[]}]", "[1, 2]", "[{\"ifname\":\"eth0\",\"addr_info\":[7]}]",
		"\x01\x02\xff",
	};
	struct extract_report rep;
	struct board b;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		board_init(&b);
		report_init(&rep);
		ck_assert_msg(net_parse_ip_json(bad[i], strlen(bad[i]), "ip-addr.json", &b, &rep) < 0,
			      "case %zu accepted", i);
		ck_assert_uint_eq(b.n_nets, 0);
		ck_assert_msg(report_has(&rep, "ip-addr.json"), "case %zu not reported", i);
		report_free(&rep);
		board_free(&b);
	}
}
END_TEST

/* Damaged captures (bytes changed, cut short) never crash the parser, and
 * a refused one adds nothing. */
START_TEST(ip_addr_json_damaged)
{
	static const char junk[] = "[]{}\":,0x\\ \n\t-9e";
	uint64_t state = 0x2545f4914f6cdd1dull;
	size_t len = strlen(ip_json), k, i;
	char *buf = xmalloc(len + 1);

	for (k = 0; k < 3000; k++) {
		struct extract_report rep;
		struct board b;
		size_t cut = len, n;

		memcpy(buf, ip_json, len + 1);
		for (i = 0; i < 1 + k % 4; i++) {
			state ^= state << 13;
			state ^= state >> 7;
			state ^= state << 17;
			buf[state % len] = junk[(state >> 32) % (sizeof(junk) - 1)];
		}
		if (k % 3 == 0)
			cut = (state >> 20) % len;
		board_init(&b);
		report_init(&rep);
		if (net_parse_ip_json(buf, cut, "ip-addr.json", &b, &rep) < 0)
			ck_assert_uint_eq(b.n_nets, 0);
		for (n = 0; n < b.n_nets; n++)
			ck_assert(b.nets[n].ifname && b.nets[n].cidr);
		report_free(&rep);
		board_free(&b);
	}
	free(buf);
}
END_TEST

/* The Raspberry Pi 4 dump with an ip-addr.json beside it: extraction
 * collects the networks, board.yml keeps them. */
START_TEST(extract_and_keep)
{
	const char *boards = getenv("BOARD_DUMPS");
	char *dir = scratch_new(), *src, *dst, *yml;
	struct extract_report rep;
	struct board b, b2;
	struct error err;
	struct dump *d;
	const char *sub[] = { "proc", "sys" };
	size_t i;

	if (!boards)
		boards = "tests/data/boards";
	for (i = 0; i < ARRAY_SIZE(sub); i++) {
		src = xasprintf("%s/rpi4/%s", boards, sub[i]);
		dst = xasprintf("%s/%s", dir, sub[i]);
		ck_assert_msg(symlink(src, dst) == 0, "cannot link %s", src);
		free(src);
		free(dst);
	}
	free(scratch_file(dir, "ip-addr.json", ip_json, -1));
	error_clear(&err);
	d = dump_open_dir(dir, &err);
	ck_assert_msg(d != NULL, "%s", err.text);
	board_init(&b);
	report_init(&rep);
	ck_assert_msg(extract_board(d, &b, &rep, &err) == 0, "%s", err.text);
	dump_close(d);
	ck_assert_uint_eq(b.n_nets, 2);
	ck_assert_str_eq(b.nets[0].cidr, "192.168.1.17/24");

	yml = xasprintf("%s/board.yml", dir);
	ck_assert_msg(board_save(yml, &b, &err) == 0, "%s", err.text);
	board_init(&b2);
	ck_assert_msg(board_load(yml, &b2, &err) == 0, "%s", err.text);
	ck_assert_uint_eq(b2.n_nets, 2);
	for (i = 0; i < 2; i++) {
		ck_assert_str_eq(b2.nets[i].ifname, b.nets[i].ifname);
		ck_assert_str_eq(b2.nets[i].cidr, b.nets[i].cidr);
	}
	board_free(&b2);
	free(scratch_file(dir, "bad.yml", "nets:\n  - { ifname: eth0, cidr: 10.0.0.1 }\n", -1));
	free(yml);
	yml = xasprintf("%s/bad.yml", dir);
	board_init(&b2);
	ck_assert_int_eq(board_load(yml, &b2, &err), -1);
	ck_assert_msg(strstr(err.text, "bad.yml:2") && strstr(err.text, "cidr"), "%s", err.text);
	board_free(&b2);
	free(yml);
	report_free(&rep);
	board_free(&b);
	scratch_free(dir);
}
END_TEST

/* The scripts and settings of a derived switch on the small test board. */
START_TEST(emitted_files)
{
	struct board b;
	struct spec s;
	struct config c;
	struct emit_buf up, down, nd;
	struct emit_error err;
	char *dir = scratch_new();
	char *path = scratch_file(dir, "cells.yml", cells_text, -1);
	char *arg, *name;
	struct board_net n = { NULL, NULL, SRC_NET };

	board_mini(&b);
	n.ifname = xstrdup("eth0");
	n.cidr = xstrdup("10.23.0.1/24");
	ARRAY_PUSH(b.nets, b.n_nets, b.cap_nets, n);
	load(path, &s, &c);
	ck_assert_int_eq(derive_config(&b, &s, ABI_V14, &c, NULL), 0);
	emit_buf_init(&up);
	emit_buf_init(&down);
	emit_buf_init(&nd);
	ck_assert_int_eq(net_script_emit(&b, &s, &c, NET_FILE_UP, NULL, &up, &err), 0);
	ck_assert_int_eq(net_script_emit(&b, &s, &c, NET_FILE_DOWN, NULL, &down, &err), 0);
	ck_assert_int_eq(net_script_emit(&b, &s, &c, NET_FILE_NETWORKD, "b", &nd, &err), 0);
	buf_put_u8(&up, 0);
	buf_put_u8(&down, 0);
	buf_put_u8(&nd, 0);
	ck_assert_ptr_nonnull(strstr((char *)up.data, "bridge=br0\nuplink=eth0\n"));
	ck_assert_ptr_nonnull(strstr((char *)up.data, "ip -4 addr del 10.23.0.1/24 dev \"$uplink\""));
	ck_assert_ptr_nonnull(strstr((char *)up.data, "netdev 0000:00:00.0"));
	ck_assert_ptr_nonnull(strstr((char *)up.data, "netdev 0000:00:01.0"));
	ck_assert_ptr_nonnull(strstr((char *)up.data, "ip -6 addr replace fd00:23::1/64"));
	ck_assert_ptr_nonnull(strstr((char *)down.data, "ip -4 addr replace 10.23.0.1/24 dev "
							"\"$uplink\""));
	ck_assert_ptr_nonnull(strstr((char *)nd.data, "Address=10.23.0.50/24\n"
						      "Address=fd00:23::50/64\n"));
	arg = net_script_guest_cmdline(&b, &s, &c, "a");
	ck_assert_str_eq(arg, "ip=10.23.0.2:::255.255.255.0:a::off");
	free(arg);
	name = net_script_file_name(&c, NET_FILE_UP, NULL);
	ck_assert_str_eq(name, "root-net-up.sh");
	free(name);
	/* A member that is not on the switch has no settings. */
	ck_assert_ptr_null(net_script_guest_cmdline(&b, &s, &c, "root"));
	ck_assert_int_eq(net_script_emit(&b, &s, &c, NET_FILE_NETWORKD, "root", &nd, &err), -1);
	/* A section with errors is refused. */
	s.network.members[1].ipv4[0] = 'x';
	ck_assert_int_eq(net_script_emit(&b, &s, &c, NET_FILE_UP, NULL, &up, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.text, "errors"));
	emit_buf_free(&up);
	emit_buf_free(&down);
	emit_buf_free(&nd);
	spec_free(&s);
	config_free(&c);
	board_free(&b);
	free(path);
	scratch_free(dir);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("net-io");
	TCase *tc = tcase_create("net-io");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, section_round_trip);
	tcase_add_test(tc, section_errors);
	tcase_add_test(tc, ip_addr_json);
	tcase_add_test(tc, ip_addr_json_broken);
	tcase_add_test(tc, ip_addr_json_damaged);
	tcase_add_test(tc, extract_and_keep);
	tcase_add_test(tc, emitted_files);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
