/*
 * The switch in derivation. The switch is nothing but ordinary links of
 * protocol VETH between the root cell and each member, so derivation is
 * run on a copy of the spec that has them: their regions, bdfs, region
 * indices, INTx and the virtual PCI host come from the same passes as any
 * other link's. Afterwards every member's link is checked, since a cell
 * whose link is incomplete boots without a network and says nothing.
 *
 * The links are found again by their regions' names, which derivation
 * takes from the link: "<link> state" (revision 14) or "<link>" (9).
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "po/i18n.h"
#include "model/network.h"
#include "model/util.h"

static void note(struct derive_report *rep, const char *cell, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void note(struct derive_report *rep, const char *cell, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	derive_report_vadd(rep, SEV_ERROR, DT_NETWORK, cell, fmt, ap);
	va_end(ap);
}

/* The ivshmem device of cell whose first region is the link's first, or NULL. */
static const struct cell_pci *link_pci(const struct cell *cell, const char *link,
				       ptrdiff_t *first)
{
	char name[128];
	size_t i;

	*first = -1;
	snprintf(name, sizeof(name), "%s state", link);
	for (i = 0; i < cell->n_regions && *first < 0; i++)
		if (cell->regions[i].name && !strcmp(cell->regions[i].name, name))
			*first = (ptrdiff_t)i;
	for (i = 0; i < cell->n_regions && *first < 0; i++)
		if (cell->regions[i].name && !strcmp(cell->regions[i].name, link))
			*first = (ptrdiff_t)i;
	if (*first < 0)
		return NULL;
	for (i = 0; i < cell->n_pci; i++)
		if (cell->pci[i].type == PCI_IVSHMEM &&
		    cell->pci[i].shmem_regions_start == (uint32_t)*first)
			return &cell->pci[i];
	return NULL;
}

const struct cell_pci *network_member_pci(const struct config *c, const struct spec *s,
					  const char *cell)
{
	const struct cell *root = config_root(c);
	const struct cell_pci *p;
	ptrdiff_t first;
	char *link;

	if (!root)
		return NULL;
	link = network_link_name(&s->network, cell);
	p = link_pci(root, link, &first);
	free(link);
	return p;
}

/* The regions an ABI's veth layout has, from the device's first one. */
static bool layout_ok(const struct cell *cell, ptrdiff_t first, enum abi abi)
{
	static const uint64_t v14[] = { 0x1000, 0, NETWORK_V14_OUTPUT, NETWORK_V14_OUTPUT };
	const struct cell_region *r = &cell->regions[first];
	size_t i;

	if (abi == ABI_V9)
		return r->size == NETWORK_V9_SIZE;
	if ((size_t)first + ARRAY_SIZE(v14) > cell->n_regions)
		return false;
	for (i = 0; i < ARRAY_SIZE(v14); i++)
		if (r[i].size != v14[i])
			return false;
	/* Output sections at +0x1000 and +0x80000 of the state table. */
	return r[2].phys == r[0].phys + 0x1000 && r[3].phys == r[0].phys + 0x80000;
}

/* One end of a member's link: device, layout and the INTx it raises. */
static bool end_ok(const struct config *c, const struct cell *cell, const char *link,
		   unsigned id, enum abi abi, const struct cell_pci **out, ptrdiff_t *first)
{
	const struct cell_pci *p = link_pci(cell, link, first);
	uint32_t irq;

	*out = p;
	if (!p || p->shmem_protocol != SHMEM_PROTO_VETH || p->shmem_peers != 2 ||
	    p->shmem_dev_id != id || !layout_ok(cell, *first, abi) || !c->sys.pci_is_virtual)
		return false;
	/* On arm the device's pin A-D is interrupt 32 + vpci_irq_base + pin - 1. */
	irq = 32 + cell->vpci_irq_base + ((p->bdf >> 3) & 3);
	return c->arch == ARCH_X86 || cell_has_irq(cell, irq);
}

static int verify(const struct config *c, const struct net_plan *plan, enum abi abi,
		  struct derive_report *rep)
{
	const struct cell *root = config_root(c);
	int ret = 0;
	size_t i;

	for (i = 0; i < plan->n_members; i++) {
		const struct net_host *h = &plan->members[i];
		const struct cell *cell = config_find_cell(c, h->cell);
		const struct cell_pci *rp = NULL, *mp = NULL;
		ptrdiff_t rf, mf;

		if (!root || !cell || !end_ok(c, root, h->link, 0, abi, &rp, &rf) ||
		    !end_ok(c, cell, h->link, 1, abi, &mp, &mf) || rp->bdf != mp->bdf ||
		    root->regions[rf].phys != cell->regions[mf].phys) {
			note(rep, h->cell, _("The switch's link \"%s\" to cell \"%s\" is incomplete "
					     "after derivation (device, regions or interrupt)."),
			     h->link, h->cell);
			ret = -1;
		}
	}
	return ret;
}

int network_derive_config(const struct board *b, const struct spec *s, enum abi abi,
			  struct config *c, struct derive_report *rep)
{
	struct derive_report own;
	struct derive_report *r = rep ? rep : &own;
	const char *root_name = network_root_name(s, c);
	struct spec extra, copy;
	struct net_plan plan;
	int ret;

	derive_report_init(&own);
	spec_init(&extra);
	network_add_links(s, root_name, abi, &extra);
	/* A shallow copy: the spec's own links, then the switch's, and no
	 * network section, so that derive_config does not come back here. */
	copy = *s;
	memset(&copy.network, 0, sizeof(copy.network));
	copy.n_links = s->n_links + extra.n_links;
	copy.cap_links = copy.n_links;
	copy.links = xcalloc(copy.n_links + 1, sizeof(*copy.links));
	if (s->n_links)
		memcpy(copy.links, s->links, s->n_links * sizeof(*s->links));
	if (extra.n_links)
		memcpy(copy.links + s->n_links, extra.links, extra.n_links * sizeof(*extra.links));
	ret = derive_config(b, &copy, abi, c, r);
	free(copy.links);
	spec_free(&extra);

	if (network_plan(b, s, network_root_name(s, c), &plan, r) < 0)
		ret = -1;
	else if (ret == 0 && verify(c, &plan, abi, r) < 0)
		ret = -1;
	net_plan_free(&plan);
	derive_report_free(&own);
	return ret;
}
