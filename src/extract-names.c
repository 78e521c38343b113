/*
 * Other names of the board's devices: the aliases of /aliases ("serial0")
 * and the labels of /__symbols__ ("uarta", present when the tree was built
 * with dtc -@). cells.yml and the editor's search accept them, so a user can
 * write the name the board's documentation uses. Only names of nodes that
 * became regions are kept: the others name nothing a cell can take, and
 * board.yml stays short.
 */
#include "config.h"

#include <string.h>

#include "model/util.h"
#include "src/extract-fdt.h"

static bool names_region(const struct board *b, const char *path)
{
	for (size_t i = 0; i < b->n_regions; i++)
		if (b->regions[i].dt_path && !strcmp(b->regions[i].dt_path, path))
			return true;
	return false;
}

static bool names_known(const struct board *b, const char *name)
{
	for (size_t i = 0; i < b->n_aliases; i++)
		if (!strcmp(b->aliases[i].name, name))
			return true;
	return false;
}

static void names_from(struct fdt_walk *w, const char *node)
{
	struct board *b = w->b;
	int off = fdt_path_offset(w->fdt, node);
	int prop;

	if (off < 0)
		return;
	fdt_for_each_property_offset(prop, w->fdt, off) {
		const char *name, *val;
		int len;

		val = fdt_getprop_by_offset(w->fdt, prop, &name, &len);
		/* A path is a string; "phandle" and other non-path values are not. */
		if (!val || !name || len < 2 || val[0] != '/' || val[len - 1] != '\0' ||
		    names_known(b, name) || !names_region(b, val))
			continue;
		ARRAY_GROW(b->aliases, b->n_aliases, b->cap_aliases);
		b->aliases[b->n_aliases].name = xstrdup(name);
		b->aliases[b->n_aliases++].path = xstrdup(val);
	}
}

void names_collect(struct fdt_walk *w)
{
	names_from(w, "/aliases");
	names_from(w, "/__symbols__");
}
