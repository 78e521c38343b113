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

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static void guest_copy(struct guest_spec *dst, const struct guest_spec *src)
{
	*dst = *src;
	dst->name = dup_or_null(src->name);
	dst->console = dup_or_null(src->console);
	dst->image = dup_or_null(src->image);
	dst->kernel = dup_or_null(src->kernel);
	dst->dtb = dup_or_null(src->dtb);
	dst->initrd = dup_or_null(src->initrd);
	dst->cmdline = dup_or_null(src->cmdline);
	dst->expect = dup_or_null(src->expect);
	dst->cap_devices = src->n_devices;
	dst->devices = src->n_devices ? xmalloc(src->n_devices * sizeof(*dst->devices)) : NULL;
	for (size_t i = 0; i < src->n_devices; i++) {
		dst->devices[i] = src->devices[i];
		dst->devices[i].name = xstrdup(src->devices[i].name);
	}
	dst->cap_irqs = src->n_irqs;
	dst->irqs = src->n_irqs ? xmalloc(src->n_irqs * sizeof(*dst->irqs)) : NULL;
	if (src->n_irqs)
		memcpy(dst->irqs, src->irqs, src->n_irqs * sizeof(*dst->irqs));
}

static void link_copy(struct link_spec *dst, const struct link_spec *src)
{
	*dst = *src;
	dst->name = dup_or_null(src->name);
	dst->cap_peers = src->n_peers;
	dst->peers = src->n_peers ? xmalloc(src->n_peers * sizeof(*dst->peers)) : NULL;
	for (size_t i = 0; i < src->n_peers; i++)
		dst->peers[i] = xstrdup(src->peers[i]);
}

void spec_copy(struct spec *dst, const struct spec *src)
{
	const struct network_spec *n = &src->network;

	*dst = *src;
	dst->root.name = dup_or_null(src->root.name);
	dst->root.console = dup_or_null(src->root.console);
	dst->cap_guests = src->n_guests;
	dst->guests = src->n_guests ? xmalloc(src->n_guests * sizeof(*dst->guests)) : NULL;
	for (size_t i = 0; i < src->n_guests; i++)
		guest_copy(&dst->guests[i], &src->guests[i]);
	dst->cap_links = src->n_links;
	dst->links = src->n_links ? xmalloc(src->n_links * sizeof(*dst->links)) : NULL;
	for (size_t i = 0; i < src->n_links; i++)
		link_copy(&dst->links[i], &src->links[i]);
	dst->network.bridge = dup_or_null(n->bridge);
	dst->network.uplink = dup_or_null(n->uplink);
	dst->network.ipv4_prefix = dup_or_null(n->ipv4_prefix);
	dst->network.ipv6_prefix = dup_or_null(n->ipv6_prefix);
	dst->network.cap_members = n->n_members;
	dst->network.members = n->n_members ? xmalloc(n->n_members * sizeof(*n->members)) : NULL;
	for (size_t i = 0; i < n->n_members; i++) {
		dst->network.members[i].cell = dup_or_null(n->members[i].cell);
		dst->network.members[i].ipv4 = dup_or_null(n->members[i].ipv4);
		dst->network.members[i].ipv6 = dup_or_null(n->members[i].ipv6);
	}
}

struct link_spec *spec_find_link(const struct spec *s, const char *name)
{
	for (size_t i = 0; i < s->n_links; i++)
		if (s->links[i].name && !strcmp(s->links[i].name, name))
			return &s->links[i];
	return NULL;
}

void spec_remove_guest(struct spec *s, size_t index)
{
	guest_free(&s->guests[index]);
	memmove(&s->guests[index], &s->guests[index + 1],
		(s->n_guests - index - 1) * sizeof(*s->guests));
	s->n_guests--;
}

void spec_remove_link(struct spec *s, size_t index)
{
	link_free(&s->links[index]);
	memmove(&s->links[index], &s->links[index + 1], (s->n_links - index - 1) * sizeof(*s->links));
	s->n_links--;
}
