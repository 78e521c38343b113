/*
 * The user's intent from cells.yml: guests and shared-memory links before
 * derivation turns them into regions, irqchips and PCI devices.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/spec.h"
#include "model/util.h"

void spec_init(struct spec *s)
{
	memset(s, 0, sizeof(*s));
}

static void guest_free(struct guest_spec *g)
{
	size_t i;

	for (i = 0; i < g->n_devices; i++)
		free(g->devices[i].name);
	free(g->devices);
	free(g->irqs);
	free(g->name);
	free(g->console);
	free(g->image);
	free(g->kernel);
	free(g->dtb);
	free(g->initrd);
	free(g->cmdline);
	free(g->expect);
}

static void link_free(struct link_spec *l)
{
	size_t i;

	for (i = 0; i < l->n_peers; i++)
		free(l->peers[i]);
	free(l->peers);
	free(l->name);
}

void spec_free(struct spec *s)
{
	size_t i;

	free(s->root.name);
	free(s->root.console);
	for (i = 0; i < s->n_guests; i++)
		guest_free(&s->guests[i]);
	free(s->guests);
	for (i = 0; i < s->n_links; i++)
		link_free(&s->links[i]);
	free(s->links);
	free(s->network.bridge);
	free(s->network.uplink);
	free(s->network.ipv4_prefix);
	free(s->network.ipv6_prefix);
	for (i = 0; i < s->network.n_members; i++) {
		free(s->network.members[i].cell);
		free(s->network.members[i].ipv4);
		free(s->network.members[i].ipv6);
	}
	free(s->network.members);
	memset(s, 0, sizeof(*s));
}

/* Zeroed fields mean "derive it": no CPUs chosen, RAM placed automatically. */
struct guest_spec *spec_add_guest(struct spec *s, const char *name)
{
	struct guest_spec *g;

	ARRAY_GROW(s->guests, s->n_guests, s->cap_guests);
	g = &s->guests[s->n_guests++];
	memset(g, 0, sizeof(*g));
	g->name = xstrdup(name);
	g->type = CELL_BARE;
	return g;
}

struct link_spec *spec_add_link(struct spec *s, const char *name)
{
	struct link_spec *l;

	ARRAY_GROW(s->links, s->n_links, s->cap_links);
	l = &s->links[s->n_links++];
	memset(l, 0, sizeof(*l));
	l->name = xstrdup(name);
	l->protocol = SHMEM_PROTO_UNDEFINED;
	return l;
}

struct guest_spec *spec_find_guest(const struct spec *s, const char *name)
{
	size_t i;

	for (i = 0; i < s->n_guests; i++)
		if (!strcmp(s->guests[i].name, name))
			return &s->guests[i];
	return NULL;
}
