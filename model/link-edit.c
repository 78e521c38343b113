/*
 * Shared-memory links of the spec: made between any two cells, the root
 * cell included, and deleted. Derivation gives them their memory, the
 * ivshmem devices and the region indices in both cells.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/history.h"
#include "po/i18n.h"
#include "model/ops.h"
#include "model/util.h"

struct link_new {
	const char *name, *peers[2];
	uint64_t size, output_size;
	uint16_t protocol;
};

/* A peer is the root cell or a guest the spec derives. */
static bool peer_ok(const struct project *p, const char *name)
{
	const struct cell *cell = config_find_cell(&p->config, name);

	return spec_find_guest(&p->spec, name) || (cell && cell->root);
}

static int link_new(struct project *p, const void *arg, char *why)
{
	const struct link_new *n = arg;
	struct link_spec *l;

	if (!n->name || !*n->name)
		return op_refuse(why, _("a link needs a name"));
	if (spec_find_link(&p->spec, n->name))
		return op_refuse(why, _("there is a link '%s' already"), n->name);
	for (int i = 0; i < 2; i++)
		if (!n->peers[i] || !peer_ok(p, n->peers[i]))
			return op_refuse(why, _("'%s' is neither the root cell nor a guest of cells.yml"),
				      n->peers[i] ? n->peers[i] : "");
	if (!strcmp(n->peers[0], n->peers[1]))
		return op_refuse(why, _("a link joins two different cells"));
	if (!n->size)
		return op_refuse(why, _("a link needs a size"));
	l = spec_add_link(&p->spec, n->name);
	for (int i = 0; i < 2; i++)
		ARRAY_PUSH(l->peers, l->n_peers, l->cap_peers, xstrdup(n->peers[i]));
	l->size = n->size;
	l->output_size = n->output_size;
	l->protocol = n->protocol;
	return 0;
}

int op_link_create(struct project *p, const char *name, const char *a, const char *b,
		   uint64_t size, uint64_t output_size, uint16_t protocol, char *why)
{
	struct link_new n = { name, { a, b }, size, output_size, protocol };

	return spec_edit(p, link_new, &n, why);
}

static int link_drop(struct project *p, const void *arg, char *why)
{
	const char *name = arg;
	const struct link_spec *l = spec_find_link(&p->spec, name);

	if (!l)
		return op_refuse(why, _("there is no link '%s'"), name);
	spec_remove_link(&p->spec, (size_t)(l - p->spec.links));
	return 0;
}

int op_link_delete(struct project *p, const char *name, char *why)
{
	return spec_edit(p, link_drop, name, why);
}
