/*
 * The detail form's rows for guests of cells.yml: type, RAM, console, image
 * or kernel and the rest of a guest's settings, its devices with their
 * share, and the shared-memory links of any cell. They say what cells.yml
 * says, and each edit is the model operation `autojail cell` and
 * `autojail link` use, so the editor and the CLI write the same file.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/ops.h"
#include "model/units.h"
#include "model/util.h"
#include "po/i18n.h"
#include "src/yaml-cells.h"
#include "ui/detail.h"

/* The settings a guest of each type uses; console and expect both have. */
static bool setting_applies(enum guest_field f, enum cell_type type)
{
	switch (f) {
	case GUEST_IMAGE:
		return type == CELL_BARE;
	case GUEST_KERNEL:
	case GUEST_INITRD:
	case GUEST_CMDLINE:
	case GUEST_DTB:
		return type == CELL_LINUX;
	default:
		return true;
	}
}

static const char *setting_label(enum guest_field f)
{
	static const char *const labels[GUEST_N_FIELDS] = {
		[GUEST_CONSOLE] = N_("Console"), [GUEST_IMAGE] = N_("Image"),
		[GUEST_KERNEL] = N_("Kernel"), [GUEST_INITRD] = N_("Initrd"),
		[GUEST_CMDLINE] = N_("Cmdline"), [GUEST_DTB] = N_("Device tree"),
		[GUEST_EXPECT] = N_("Expect"),
	};

	return _(labels[f]);
}

static void share_text(int share, char *buf, size_t len)
{
	snprintf(buf, len, "%s", share == SHARE_YES ? _("shared with Linux (yes)")
			  : share == SHARE_NO ? _("not shared (no)")
			  : _("shared when Linux uses it (auto)"));
}

static void link_fill(const struct link_spec *l, const char *cell, struct field *x)
{
	const char *peer = l->n_peers < 2 ? "" : strcmp(l->peers[0], cell) ? l->peers[0]
									  : l->peers[1];
	const char *proto = flag_name(protocol_names, l->protocol);
	char size[32], out[32];

	format_size(l->size, size, sizeof(size));
	format_size(l->output_size, out, sizeof(out));
	snprintf(x->value, sizeof(x->value), _("%s with %s, %s, output %s, %s"), l->name, peer,
		 size, out, proto ? proto : "?");
	snprintf(x->edit, sizeof(x->edit), "%s, %s, %s, %s", peer, size, out, proto ? proto : "");
}

static void links_fill(struct tui *t, const struct cell *cell, struct field *f, size_t *n)
{
	const struct spec *s = &t->p->spec;

	for (size_t i = 0; i < s->n_links && *n < MAX_FIELDS; i++)
		for (size_t k = 0; k < s->links[i].n_peers; k++)
			if (!strcmp(s->links[i].peers[k], cell->name)) {
				struct field *x = detail_add(f, n, F_LINK, _("Link"));

				x->arg = (int)i;
				link_fill(&s->links[i], cell->name, x);
				break;
			}
}

void detail_guest_fill(struct tui *t, const struct cell *cell, struct field *f, size_t *n)
{
	const struct guest_spec *g = spec_find_guest(&t->p->spec, cell->name);
	struct field *x;

	if (g) {
		x = detail_add(f, n, F_GUEST_TYPE, _("Type"));
		snprintf(x->value, sizeof(x->value), "%s", flag_name(cell_type_names, g->type));
		x = detail_add(f, n, F_GUEST_RAM, _("RAM"));
		if (g->ram_size)
			format_size(g->ram_size, x->value, sizeof(x->value));
		else
			snprintf(x->value, sizeof(x->value), "%s", _("the type's default"));
		for (int k = 0; k < GUEST_N_FIELDS; k++) {
			const char *v = spec_guest_setting(g, (enum guest_field)k);

			if (!setting_applies((enum guest_field)k, g->type))
				continue;
			x = detail_add(f, n, F_GUEST_SETTING, setting_label((enum guest_field)k));
			x->arg = k;
			snprintf(x->value, sizeof(x->value), "%s", v ? v : "");
		}
		for (size_t i = 0; i < g->n_devices && *n < MAX_FIELDS - 1; i++) {
			char share[128];

			x = detail_add(f, n, F_DEVICE_SHARE, _("Device"));
			x->arg = (int)i;

			share_text(g->devices[i].share, share, sizeof(share));
			snprintf(x->value, sizeof(x->value), "%.120s: %s", g->devices[i].name, share);
			snprintf(x->edit, sizeof(x->edit), "%s",
				 device_share_names[g->devices[i].share]);
		}
	}
	links_fill(t, cell, f, n);
}

void detail_device_fill(struct tui *t, const struct cell *cell, const struct cell_region *r,
			struct field *f, size_t *n)
{
	const struct guest_spec *g = spec_find_guest(&t->p->spec, cell->name);
	const struct device_ref *d;
	struct field *x;

	if (!g || r->board_region < 0 ||
	    !(d = spec_guest_device_of(t->p, cell->name, (uint32_t)r->board_region)))
		return;
	x = detail_add(f, n, F_DEVICE_SHARE, _("Shared"));
	x->arg = (int)(d - g->devices);
	share_text(d->share, x->value, sizeof(x->value));
	snprintf(x->edit, sizeof(x->edit), "%s", device_share_names[d->share]);
}

int detail_guest_apply(struct tui *t, const struct cell *cell, const struct field *f,
		       const char *text, char *why)
{
	struct project *p = t->p;
	const struct guest_spec *g = spec_find_guest(&p->spec, cell->name);
	uint32_t value;
	uint64_t size;

	if (f->id == F_LINK)
		return detail_link_apply(t, cell->name, f->arg, text, why);
	if (!g)
		return op_refuse(why, _("'%s' is no guest cell of cells.yml"), cell->name);
	switch (f->id) {
	case F_GUEST_TYPE:
		if (!flag_lookup(cell_type_names, text, &value))
			return op_refuse(why, _("\"%s\" is no guest type: bare or linux."), text);
		return op_guest_type(p, cell->name, (enum cell_type)value, why);
	case F_GUEST_RAM:
		if (!parse_size(text, &size) || !size)
			return op_refuse(why, _("\"%s\" is not a size such as 64 MiB or 0x1000."),
				      text);
		return op_guest_ram(p, cell->name, size, why);
	case F_GUEST_SETTING:
		return op_guest_set(p, cell->name, (enum guest_field)f->arg, text, why);
	case F_DEVICE_SHARE:
		for (size_t i = 0; i < ARRAY_SIZE(device_share_names); i++)
			if (!strcmp(text, device_share_names[i]))
				return op_guest_device_share(p, cell->name,
							     g->devices[f->arg].name, (int)i, why);
		return op_refuse(why, _("\"%s\" is not yes, no or auto."), text);
	default:
		return op_refuse(why, "%s", _("This field is read-only."));
	}
}

int detail_link_delete(struct tui *t, const struct field *f, char *why)
{
	const struct spec *s = &t->p->spec;

	if (f->id != F_LINK || (size_t)f->arg >= s->n_links)
		return op_refuse(why, "%s", _("This is no link."));
	return op_link_delete(t->p, s->links[f->arg].name, why);
}

int detail_guest_device_remove(struct tui *t, const struct cell *cell, const struct field *f,
			       char *why)
{
	const struct guest_spec *g = spec_find_guest(&t->p->spec, cell->name);

	if (!g || f->id != F_DEVICE_SHARE || (size_t)f->arg >= g->n_devices)
		return op_refuse(why, "%s", _("This is no device of a guest."));
	return op_guest_device_remove(t->p, cell->name, g->devices[f->arg].name, why);
}

/* The next comma-separated word of *text, spaces around it dropped. */
static char *next_word(char **text)
{
	char *w = *text, *end;

	if (!w)
		return NULL;
	*text = strchr(w, ',');
	if (*text)
		*(*text)++ = '\0';
	while (*w == ' ')
		w++;
	end = w + strlen(w);
	while (end > w && end[-1] == ' ')
		*--end = '\0';
	return *w ? w : NULL;
}

/* A name for a new link of a and b that no link has yet. */
static char *new_link_name(const struct spec *s, const char *a, const char *b)
{
	char *name = xasprintf("%s-%s", a, b);

	for (unsigned i = 2; spec_find_link(s, name); i++) {
		free(name);
		name = xasprintf("%s-%s-%u", a, b, i);
	}
	return name;
}

int detail_link_apply(struct tui *t, const char *a, int link, const char *text, char *why)
{
	struct project *p = t->p;
	char *copy = xstrdup(text), *rest = copy, *peer, *w, *name;
	uint64_t size = 0x1000, out = 0;
	uint32_t proto = SHMEM_PROTO_UNDEFINED;
	int rc = -1;

	peer = next_word(&rest);
	if (!peer)
		rc = op_refuse(why, "%s", _("Name the cell to link with (the root cell or a guest)."));
	else if ((w = next_word(&rest)) && !parse_size(w, &size))
		rc = op_refuse(why, _("\"%s\" is not a size such as 4 KiB."), w);
	else if ((w = next_word(&rest)) && !parse_size(w, &out))
		rc = op_refuse(why, _("\"%s\" is not a size such as 4 KiB."), w);
	else if ((w = next_word(&rest)) && !flag_lookup(protocol_names, w, &proto))
		rc = op_refuse(why, _("\"%s\" is not undefined, veth, custom, virtio-front or "
				   "virtio-back."), w);
	else if (link < 0) {
		name = new_link_name(&p->spec, a, peer);
		rc = op_link_create(p, name, a, peer, size, out, (uint16_t)proto, why);
		free(name);
	} else {
		/* Keeps the link's name and which cell is peer 0. */
		const struct link_spec *l = &p->spec.links[link];
		bool first = !strcmp(l->peers[0], a);
		char *keep = xstrdup(l->name), ignored[OP_WHY_LEN];
		bool deleted;

		op_group_begin(p);
		rc = op_link_delete(p, keep, why);
		deleted = rc == 0;
		if (deleted)
			rc = op_link_create(p, keep, first ? a : peer, first ? peer : a, size, out,
					    (uint16_t)proto, why);
		op_group_end(p);
		if (rc && deleted)
			op_undo(p, ignored);
		free(keep);
	}
	free(copy);
	return rc;
}
