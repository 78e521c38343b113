/*
 * The networks the board's Linux is on, from ip-addr.json in the dump: the
 * output of `ip -j addr` saved there. The virtual network switch must not
 * hand out these addresses, and the bridge may take over the uplink's.
 *
 * JSON is a subset of YAML's flow style, so libyaml's event parser reads
 * it; only ifname and each addr_info's local, prefixlen and scope matter.
 * Loopback (scope host) addresses are left out: no cell can collide with
 * them. A file that is not such JSON is reported, never fatal.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "po/i18n.h"
#include "model/util.h"
#include "src/extract-merge.h"

#define IP_ADDR_FILE "ip-addr.json"

struct net_reader {
	yaml_parser_t parser;
	yaml_event_t ev;
	bool have_ev;
	const char *name;
	struct extract_report *rep;
	bool failed;
};

/* One address of addr_info, before the interface's name is known. */
struct pending_addr {
	char *local;
	unsigned long prefixlen;
	bool has_prefixlen;
	bool host_scope;
};

static bool next(struct net_reader *nr)
{
	if (nr->have_ev)
		yaml_event_delete(&nr->ev);
	nr->have_ev = false;
	if (!yaml_parser_parse(&nr->parser, &nr->ev)) {
		report_at(nr->rep, nr->name, (unsigned)nr->parser.problem_mark.line + 1,
			  _("not the JSON of `ip -j addr`: %s"),
			  nr->parser.problem ? nr->parser.problem : _("unreadable"));
		nr->failed = true;
		return false;
	}
	nr->have_ev = true;
	return true;
}

static bool unexpected(struct net_reader *nr, const char *what)
{
	report_at(nr->rep, nr->name, (unsigned)nr->ev.start_mark.line + 1,
		  _("not the JSON of `ip -j addr`: expected %s"), what);
	nr->failed = true;
	return false;
}

/* Skips the value that starts with the current event, nested or not. */
static bool skip_value(struct net_reader *nr)
{
	int depth = 0;

	do {
		switch (nr->ev.type) {
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			depth++;
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			depth--;
			break;
		case YAML_SCALAR_EVENT:
		case YAML_ALIAS_EVENT:
			break;
		default:
			return unexpected(nr, _("a value"));
		}
		if (depth == 0)
			return true;
	} while (next(nr));
	return false;
}

static const char *scalar(const struct net_reader *nr)
{
	return nr->ev.type == YAML_SCALAR_EVENT ? (const char *)nr->ev.data.scalar.value : NULL;
}

static bool read_addr(struct net_reader *nr, struct pending_addr *a)
{
	char *key;

	if (nr->ev.type != YAML_MAPPING_START_EVENT)
		return unexpected(nr, _("an address object"));
	while (next(nr) && nr->ev.type == YAML_SCALAR_EVENT) {
		key = xstrdup(scalar(nr));
		if (!next(nr)) {
			free(key);
			return false;
		}
		if (!strcmp(key, "local") && scalar(nr)) {
			free(a->local);
			a->local = xstrdup(scalar(nr));
		} else if (!strcmp(key, "prefixlen") && scalar(nr)) {
			char *end;

			a->prefixlen = strtoul(scalar(nr), &end, 10);
			a->has_prefixlen = !*end && *scalar(nr) && a->prefixlen <= 128;
		} else if (!strcmp(key, "scope") && scalar(nr)) {
			a->host_scope = !strcmp(scalar(nr), "host");
		} else if (!skip_value(nr)) {
			free(key);
			return false;
		}
		free(key);
	}
	return !nr->failed && nr->ev.type == YAML_MAPPING_END_EVENT;
}

static void add_nets(struct board *b, const char *ifname, struct pending_addr *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		struct board_net net;

		if (!v[i].local || !v[i].has_prefixlen || v[i].host_scope)
			continue;
		net.ifname = xstrdup(ifname);
		net.cidr = xasprintf("%s/%lu", v[i].local, v[i].prefixlen);
		net.sources = SRC_NET;
		ARRAY_PUSH(b->nets, b->n_nets, b->cap_nets, net);
	}
}

static bool read_iface(struct net_reader *nr, struct board *b)
{
	struct pending_addr *addrs = NULL;
	size_t n = 0, cap = 0, i;
	char *ifname = NULL, *key;
	bool ok = true;

	if (nr->ev.type != YAML_MAPPING_START_EVENT)
		return unexpected(nr, _("an interface object"));
	while (ok && next(nr) && nr->ev.type == YAML_SCALAR_EVENT) {
		key = xstrdup(scalar(nr));
		ok = next(nr);
		if (ok && !strcmp(key, "ifname") && scalar(nr)) {
			free(ifname);
			ifname = xstrdup(scalar(nr));
		} else if (ok && !strcmp(key, "addr_info") &&
			   nr->ev.type == YAML_SEQUENCE_START_EVENT) {
			while (ok && next(nr) && nr->ev.type != YAML_SEQUENCE_END_EVENT) {
				ARRAY_GROW(addrs, n, cap);
				memset(&addrs[n], 0, sizeof(addrs[n]));
				ok = read_addr(nr, &addrs[n++]);
			}
		} else if (ok) {
			ok = skip_value(nr);
		}
		free(key);
	}
	ok = ok && !nr->failed && nr->ev.type == YAML_MAPPING_END_EVENT;
	if (ok && !ifname)
		ok = unexpected(nr, _("\"ifname\" in every interface"));
	if (ok)
		add_nets(b, ifname, addrs, n);
	for (i = 0; i < n; i++)
		free(addrs[i].local);
	free(addrs);
	free(ifname);
	return ok;
}

int net_parse_ip_json(const char *buf, size_t len, const char *name, struct board *b,
		      struct extract_report *rep)
{
	struct net_reader nr;
	size_t before = b->n_nets;
	bool ok;

	memset(&nr, 0, sizeof(nr));
	nr.name = name;
	nr.rep = rep;
	yaml_parser_initialize(&nr.parser);
	yaml_parser_set_input_string(&nr.parser, (const unsigned char *)buf, len);
	ok = next(&nr) && nr.ev.type == YAML_STREAM_START_EVENT && next(&nr) &&
	     nr.ev.type == YAML_DOCUMENT_START_EVENT && next(&nr);
	if (ok && nr.ev.type != YAML_SEQUENCE_START_EVENT)
		ok = unexpected(&nr, _("a list of interfaces"));
	while (ok && next(&nr) && nr.ev.type != YAML_SEQUENCE_END_EVENT)
		ok = read_iface(&nr, b);
	ok = ok && !nr.failed;
	if (!ok && !nr.failed)
		report_at(rep, name, 0, _("not the JSON of `ip -j addr`"));
	if (nr.have_ev)
		yaml_event_delete(&nr.ev);
	yaml_parser_delete(&nr.parser);
	if (ok)
		return 0;
	/* Nothing half-read stays: a broken file gives no networks at all. */
	while (b->n_nets > before) {
		b->n_nets--;
		free(b->nets[b->n_nets].ifname);
		free(b->nets[b->n_nets].cidr);
	}
	return -1;
}

void net_extract(struct dump *d, struct board *b, struct extract_report *rep)
{
	struct error err;
	char *buf, *name;
	size_t len;
	int ret;

	error_clear(&err);
	ret = dump_read(d, IP_ADDR_FILE, DUMP_MAX_FILE, &buf, &len, &err);
	if (ret < 0)
		report_at(rep, NULL, 0, "%s", err.text);
	if (ret)
		return;
	name = dump_name(d, IP_ADDR_FILE);
	net_parse_ip_json(buf, len, name, b, rep);
	free(name);
	free(buf);
}
