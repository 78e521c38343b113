/*
 * Shared-memory links as ivshmem devices.
 *
 * Revision 14: a device of N peers owns 2 + N consecutive memory regions in
 * every peer, consecutive in guest-physical space too: the state table
 * (read-only), the read/write section, then one output section per peer,
 * writable only in the peer whose device id it is. Non-root peers map them
 * ROOTSHARED. Revision 9 (ivshmem v1): exactly two peers and one region.
 *
 * shmem_regions_start is the index of a device's first region in its cell.
 * It is computed last, after every pass has added its regions, which is the
 * renumbering people get wrong by hand.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/derive-pass.h"
#include "po/i18n.h"
#include "model/util.h"

static struct cell *peer_cell(struct derive_ctx *x, const char *name)
{
	size_t i;

	if (!strcmp(x->root->name, name))
		return x->root;
	for (i = 0; i < x->n_slots; i++)
		if (x->slots[i].cell && !strcmp(x->slots[i].cell->name, name))
			return x->slots[i].cell;
	return NULL;
}

static bool resolve_peers(struct derive_ctx *x, struct derive_link *l)
{
	const struct link_spec *ls = l->spec;
	size_t i, j;

	/* Region names and messages are made from the link's name. */
	if (!ls->name || !*ls->name) {
		derive_note(x, SEV_ERROR, DT_LINK, NULL, _("A shared-memory link has no name."));
		return false;
	}
	if (ls->n_peers < 2 || (x->abi == ABI_V9 && ls->n_peers != 2)) {
		derive_note(x, SEV_ERROR, DT_LINK, ls->name,
			    x->abi == ABI_V9 ? _("A shared-memory link of revision 9 joins exactly "
						 "two cells.")
					     : _("A shared-memory link joins at least two cells."));
		return false;
	}
	if (ls->n_peers > DERIVE_IVSHMEM_MAX_PEERS) {
		derive_note(x, SEV_ERROR, DT_LINK, ls->name,
			    _("A shared-memory link joins at most %d cells."),
			    DERIVE_IVSHMEM_MAX_PEERS);
		return false;
	}
	for (i = 0; i < ls->n_peers; i++) {
		l->peers[i] = peer_cell(x, ls->peers[i]);
		if (!l->peers[i]) {
			derive_note(x, SEV_ERROR, DT_LINK, ls->name,
				    _("The link names \"%s\", which is neither the root cell nor a "
				      "guest of the spec."), ls->peers[i]);
			return false;
		}
		for (j = 0; j < i; j++)
			if (l->peers[j] == l->peers[i]) {
				derive_note(x, SEV_ERROR, DT_LINK, ls->name,
					    _("The link names \"%s\" twice."), ls->peers[i]);
				return false;
			}
	}
	l->n_peers = ls->n_peers;
	return true;
}

/* Overrides first, so that the automatic numbers go around them. */
static void assign_bdfs(struct derive_ctx *x)
{
	uint32_t used = 0;
	size_t i, j;

	for (i = 0; i < x->n_links; i++) {
		struct derive_link *l = &x->links[i];

		if (!l->ok || !l->spec->bdf)
			continue;
		l->bdf = l->spec->bdf;
		for (j = 0; j < i; j++)
			if (x->links[j].ok && x->links[j].spec->bdf == l->bdf)
				derive_note(x, SEV_ERROR, DT_LINK, l->spec->name,
					    _("Links \"%s\" and \"%s\" have the same PCI address "
					      "%02x:%02x.%x."),
					    x->links[j].spec->name, l->spec->name, l->bdf >> 8,
					    (l->bdf >> 3) & 0x1f, l->bdf & 7);
		if (!(l->bdf >> 8))
			used |= UINT32_C(1) << ((l->bdf >> 3) & 0x1f);
	}
	for (i = 0; i < x->n_links; i++) {
		struct derive_link *l = &x->links[i];
		unsigned dev;

		if (!l->ok || l->spec->bdf)
			continue;
		for (dev = 0; dev < 32 && (used >> dev & 1); dev++)
			;
		if (dev == 32) {
			derive_note(x, SEV_ERROR, DT_LINK, l->spec->name,
				    _("The virtual PCI bus has no free slot left."));
			l->ok = false;
			continue;
		}
		used |= UINT32_C(1) << dev;
		l->bdf = (uint16_t)(dev << 3);
	}
}

/*
 * The sections in whole pages and the whole block; a link with no size at
 * all still shares one page. False when a size passes 2^64.
 */
static bool link_size(const struct derive_ctx *x, struct derive_link *l)
{
	const struct link_spec *ls = l->spec;
	uint64_t room = UINT64_MAX - DERIVE_IVSHMEM_STATE;

	if (!page_round(ls->size, &l->rw) || !page_round(ls->output_size, &l->out))
		return false;
	if (!l->rw && !l->out)
		l->rw = DERIVE_PAGE;
	if (x->abi == ABI_V9) {
		l->size = l->rw ? l->rw : l->out;
		return true;
	}
	if (l->rw > room || l->out > (room - l->rw) / l->n_peers)
		return false;
	l->size = DERIVE_IVSHMEM_STATE + l->rw + l->out * l->n_peers;
	return true;
}

void derive_links_resolve(struct derive_ctx *x)
{
	size_t i;

	x->n_links = x->s->n_links;
	x->links = xcalloc(x->n_links + 1, sizeof(*x->links));
	for (i = 0; i < x->n_links; i++) {
		struct derive_link *l = &x->links[i];

		l->spec = &x->s->links[i];
		l->ok = resolve_peers(x, l);
		if (l->ok && !link_size(x, l)) {
			derive_note(x, SEV_ERROR, DT_LINK, l->spec->name,
				    _("The shared memory is too large for the 64-bit address "
				      "space."));
			l->ok = false;
		}
	}
	assign_bdfs(x);
}

static void add_pci(struct derive_ctx *x, struct cell *cell, const struct derive_link *l,
		    unsigned id)
{
	struct cell_pci p;

	memset(&p, 0, sizeof(p));
	p.type = PCI_IVSHMEM;
	p.domain = x->c->sys.pci_domain;
	p.bdf = l->bdf;
	if (x->abi == ABI_V9) {
		/* ivshmem v1 with INTx: 256 bytes of registers and a 64-bit BAR pair. */
		p.bar_mask[0] = 0xffffff00;
		p.bar_mask[1] = 0xffffffff;
	} else {
		p.bar_mask[0] = 0xfffff000;
	}
	p.shmem_dev_id = (uint8_t)id;
	p.shmem_peers = (uint8_t)l->n_peers;
	p.shmem_protocol = l->spec->protocol;
	ARRAY_PUSH(cell->pci, cell->n_pci, cell->cap_pci, p);
}

/* Returns the id of the device's first region. */
static uint32_t add_regions(struct derive_ctx *x, struct cell *cell, const struct derive_link *l,
			    unsigned id)
{
	const struct link_spec *ls = l->spec;
	uint32_t rs = cell->root ? 0 : MEM_ROOTSHARED;
	uint64_t at = l->phys;
	uint32_t first;
	char name[96];
	unsigned j;

	if (x->abi == ABI_V9)
		return derive_region(x, cell, ls->name, at, at, l->size,
				     MEM_READ | MEM_WRITE | rs, -1)->id;
	snprintf(name, sizeof(name), "%s state", ls->name);
	first = derive_region(x, cell, name, at, at, DERIVE_IVSHMEM_STATE, MEM_READ | rs, -1)->id;
	at += DERIVE_IVSHMEM_STATE;
	snprintf(name, sizeof(name), "%s shared", ls->name);
	/* An empty section stays as an all-zero entry: the indices count it. */
	if (l->rw)
		derive_region(x, cell, name, at, at, l->rw, MEM_READ | MEM_WRITE | rs, -1);
	else
		derive_region(x, cell, name, 0, 0, 0, 0, -1);
	at += l->rw;
	for (j = 0; j < l->n_peers; j++) {
		snprintf(name, sizeof(name), "%s output %u", ls->name, j);
		if (l->out)
			derive_region(x, cell, name, at, at, l->out,
				      MEM_READ | (j == id ? MEM_WRITE : 0) | rs, -1);
		else
			derive_region(x, cell, name, 0, 0, 0, 0, -1);
		at += l->out;
	}
	return first;
}

void derive_ivshmem(struct derive_ctx *x)
{
	size_t i;
	unsigned id;

	for (i = 0; i < x->n_links; i++) {
		struct derive_link *l = &x->links[i];
		uint32_t irq = 32 + x->vpci_irq_base + ((l->bdf >> 3) & 3);

		if (!l->ok || !x->mem_ok || !x->vpci)
			continue;
		for (id = 0; id < l->n_peers; id++) {
			struct cell *cell = l->peers[id];

			if (derive_virt_taken(cell, l->phys, l->size))
				derive_note(x, SEV_ERROR, DT_LINK, l->spec->name,
					    _("The shared memory at 0x%llx collides with another "
					      "region of cell \"%s\"."),
					    (unsigned long long)l->phys, cell->name);
			l->first_region[id] = add_regions(x, cell, l, id);
			add_pci(x, cell, l, id);
			if (irq < x->num_irqs)
				cell_grant_irq(cell, x->b->gic.gicd.start, irq);
		}
	}
}

void derive_ivshmem_indices(struct derive_ctx *x)
{
	size_t i, k;
	unsigned id;

	for (i = 0; i < x->n_links; i++) {
		const struct derive_link *l = &x->links[i];

		if (!l->ok || !x->mem_ok || !x->vpci)
			continue;
		for (id = 0; id < l->n_peers; id++) {
			struct cell *cell = l->peers[id];

			for (k = 0; k < cell->n_pci; k++)
				if (cell->pci[k].type == PCI_IVSHMEM && cell->pci[k].bdf == l->bdf)
					cell->pci[k].shmem_regions_start = (uint32_t)
						cell_region_index(cell, l->first_region[id]);
		}
	}
}
