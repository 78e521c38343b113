/*
 * Renaming, deleting and giving CPUs to the cells the spec manages: the
 * root cell and cells.yml's guests. Derivation finds a guest's cell by its
 * name and sets its CPUs from the spec, so these change the spec (and the
 * links and switch members that name the cell) rather than the cell alone;
 * ops.c sends them here.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/history.h"
#include "po/i18n.h"
#include "model/ops.h"
#include "model/util.h"

bool spec_manages(const struct project *p, const struct cell *cell)
{
	return cell->root || (cell->name && spec_find_guest(&p->spec, cell->name));
}

bool spec_names(const struct project *p, const char *name)
{
	const struct spec *s = &p->spec;

	if (!name)
		return false;
	if (spec_find_guest(s, name) || (s->root.name && !strcmp(s->root.name, name)))
		return true;
	for (size_t i = 0; i < s->n_links; i++)
		for (size_t k = 0; k < s->links[i].n_peers; k++)
			if (!strcmp(s->links[i].peers[k], name))
				return true;
	for (size_t i = 0; i < s->network.n_members; i++)
		if (s->network.members[i].cell && !strcmp(s->network.members[i].cell, name))
			return true;
	return false;
}

static void replace_name(char **slot, const char *from, const char *to)
{
	if (*slot && !strcmp(*slot, from)) {
		free(*slot);
		*slot = xstrdup(to);
	}
}

struct cell_rename {
	uint32_t cell;
	const char *name;
};

static int rename_cell(struct project *p, const void *arg, char *why)
{
	const struct cell_rename *r = arg;
	struct cell *cell = config_cell_by_id(&p->config, r->cell);
	struct guest_spec *g = spec_find_guest(&p->spec, cell->name);
	char *old = xstrdup(cell->name);

	if (config_find_cell(&p->config, r->name) || spec_find_guest(&p->spec, r->name)) {
		free(old);
		return op_refuse(why, _("there is a cell '%s' already"), r->name);
	}
	if (g)
		replace_name(&g->name, old, r->name);
	else
		replace_name(&p->spec.root.name, old, r->name);
	if (cell->root && !p->spec.root.name)
		p->spec.root.name = xstrdup(r->name);
	for (size_t i = 0; i < p->spec.n_links; i++)
		for (size_t k = 0; k < p->spec.links[i].n_peers; k++)
			replace_name(&p->spec.links[i].peers[k], old, r->name);
	for (size_t i = 0; i < p->spec.network.n_members; i++)
		replace_name(&p->spec.network.members[i].cell, old, r->name);
	replace_name(&cell->name, old, r->name);
	free(old);
	return 0;
}

int spec_cell_rename(struct project *p, uint32_t cell_id, const char *name, char *why)
{
	struct cell_rename r = { cell_id, name };

	return spec_edit(p, rename_cell, &r, why);
}

static void remove_cell(struct config *c, uint32_t id)
{
	ptrdiff_t at = config_cell_index(c, id);

	if (at < 0)
		return;
	cell_free(c->cells[at]);
	memmove(&c->cells[at], &c->cells[at + 1], (c->n_cells - (size_t)at - 1) * sizeof(*c->cells));
	c->n_cells--;
}

/* The links and the switch would name a cell that is gone: refused. */
static int delete_guest(struct project *p, const void *arg, char *why)
{
	const char *name = arg;
	const struct guest_spec *g = spec_find_guest(&p->spec, name);
	const struct cell *cell = config_find_cell(&p->config, name);

	for (size_t i = 0; i < p->spec.n_links; i++)
		for (size_t k = 0; k < p->spec.links[i].n_peers; k++)
			if (!strcmp(p->spec.links[i].peers[k], name))
				return op_refuse(why, _("link '%s' joins '%s'; delete the link first"),
					      p->spec.links[i].name, name);
	for (size_t i = 0; i < p->spec.network.n_members; i++)
		if (p->spec.network.members[i].cell && !strcmp(p->spec.network.members[i].cell, name))
			return op_refuse(why, _("'%s' is on the network switch; take it off first"),
				      name);
	spec_remove_guest(&p->spec, (size_t)(g - p->spec.guests));
	if (cell)
		remove_cell(&p->config, cell->id);
	return 0;
}

int spec_cell_delete(struct project *p, const char *name, char *why)
{
	return spec_edit(p, delete_guest, name, why);
}

/* The guests keep the CPUs they have now as explicit sets, so that giving
 * one away does not let derivation hand them another; a set of a cell
 * (whole_set) takes its CPUs from the others too. */
struct cpu_give {
	uint32_t cell;
	uint64_t bit;
	bool set;                /* the cell's whole set is bit (op_cell_set_cpus) */
};

static int give_cpu(struct project *p, const void *arg, char *why)
{
	const struct cpu_give *c = arg;

	(void)why;
	for (size_t i = 0; i < p->config.n_cells; i++) {
		struct cell *cell = p->config.cells[i];
		struct guest_spec *g = spec_find_guest(&p->spec, cell->name);
		uint64_t cpus = cell->cpus;

		if (cell->root || (cell->id != c->cell && !(cpus & c->bit)))
			continue;
		if (cell->id == c->cell)
			cpus = c->set ? c->bit : cpus | c->bit;
		else
			cpus &= ~c->bit;
		if (g) {
			g->cpus = cpus;
			g->n_cpus = 0;
		} else {
			cell->cpus = cpus;
		}
	}
	return 0;
}

int spec_cpu_give(struct project *p, uint32_t cell_id, uint64_t cpus, bool whole_set, char *why)
{
	struct cpu_give c = { cell_id, cpus, whole_set };

	if (whole_set && !cpus)
		return op_refuse(why, _("a guest needs at least one CPU"));
	return spec_edit(p, give_cpu, &c, why);
}
