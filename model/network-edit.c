/*
 * Putting cells on the virtual network switch and taking them off: the
 * spec edits, refused with a reason when they can never be valid, and the
 * same on a project, derived and validated like every other change and
 * recorded for undo.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/history.h"
#include "po/i18n.h"
#include "model/network.h"
#include "model/ops.h"
#include "model/util.h"

static int refuse(char *why, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int refuse(char *why, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, OP_WHY_LEN, fmt, ap);
	va_end(ap);
	return -1;
}

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
		return refuse(why, _("There is no network switch; give it a bridge name first."));
	if (!g)
		return refuse(why, _("\"%s\" is no guest cell."), cell);
	if (g->type != CELL_LINUX)
		return refuse(why, _("\"%s\" is no Linux guest: only Linux can use the switch."),
			      cell);
	for (i = 0; i < n->n_members; i++)
		if (n->members[i].cell && !strcmp(n->members[i].cell, cell))
			return refuse(why, _("\"%s\" is on the switch already."), cell);
	if (!addr_text_ok(ipv4, 4))
		return refuse(why, _("\"%s\" is no IPv4 address."), ipv4);
	if (!addr_text_ok(ipv6, 6))
		return refuse(why, _("\"%s\" is no IPv6 address."), ipv6);
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
		return refuse(why, _("\"%s\" is not on the switch."), cell);
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
