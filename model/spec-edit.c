/*
 * Changes of the spec, cells.yml's guests and links: the one path that
 * every such operation takes (spec_edit), and the guest operations of
 * model/ops.h. A guest's RAM, comm region, device regions, interrupts and
 * link regions are derived, so an edit changes the intent and derives the
 * cells again; undo puts both back whole.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/derive.h"
#include "model/history.h"
#include "po/i18n.h"
#include "model/ops.h"
#include "model/util.h"

const char *const guest_field_names[GUEST_N_FIELDS] = {
	[GUEST_CONSOLE] = "console", [GUEST_IMAGE] = "image", [GUEST_KERNEL] = "kernel",
	[GUEST_INITRD] = "initrd", [GUEST_CMDLINE] = "cmdline", [GUEST_DTB] = "dtb",
	[GUEST_EXPECT] = "expect",
};

const char *const device_share_names[3] = {
	[SHARE_AUTO] = "auto", [SHARE_YES] = "yes", [SHARE_NO] = "no",
};

static struct spec *spec_dup(const struct spec *s)
{
	struct spec *copy = xmalloc(sizeof(*copy));

	spec_copy(copy, s);
	return copy;
}

static void spec_drop(struct spec *s)
{
	spec_free(s);
	free(s);
}

int spec_edit(struct project *p, int (*edit)(struct project *p, const void *arg, char *why),
	      const void *arg, char *why)
{
	struct record rec;

	memset(&rec, 0, sizeof(rec));
	rec.kind = REC_SPEC;
	rec.specs[0] = spec_dup(&p->spec);
	rec.configs[0] = config_snapshot(&p->config);
	if (edit(p, arg, why) < 0) {
		spec_free(&p->spec);
		spec_copy(&p->spec, rec.specs[0]);
		config_restore(&p->config, rec.configs[0]);
		spec_drop(rec.specs[0]);
		config_snapshot_free(rec.configs[0]);
		return -1;
	}
	if (!p->derived)
		p->derived = xmalloc(sizeof(*p->derived));
	else
		derive_report_free(p->derived);
	derive_report_init(p->derived);
	derive_config(&p->board, &p->spec, p->settings.abi, &p->config, p->derived);
	rec.specs[1] = spec_dup(&p->spec);
	rec.configs[1] = config_snapshot(&p->config);
	if (!p->history)
		p->history = history_new();
	op_group_begin(p);
	history_push(p->history, &rec);
	op_group_end(p);
	if (!p->validator)
		p->validator = validator_new();
	validate_full(p->validator, &p->board, &p->config);
	p->generation++;
	return 0;
}

static struct guest_spec *guest_of(struct project *p, const char *name, char *why)
{
	struct guest_spec *g = name ? spec_find_guest(&p->spec, name) : NULL;

	if (!g)
		op_refuse(why, _("'%s' is no guest cell of cells.yml"), name ? name : "");
	return g;
}

struct guest_new {
	const char *name;
	enum cell_type type;
	unsigned n_cpus;
	uint64_t ram_size;
};

static int guest_new(struct project *p, const void *arg, char *why)
{
	const struct guest_new *n = arg;
	struct guest_spec *g;

	if (!n->name || !*n->name)
		return op_refuse(why, _("a cell needs a name"));
	if (config_find_cell(&p->config, n->name) || spec_find_guest(&p->spec, n->name))
		return op_refuse(why, _("there is a cell '%s' already"), n->name);
	if (n->type != CELL_BARE && n->type != CELL_LINUX)
		return op_refuse(why, _("a guest is bare-metal or Linux"));
	g = spec_add_guest(&p->spec, n->name);
	g->type = n->type;
	g->n_cpus = n->n_cpus ? n->n_cpus : 1;
	g->ram_size = n->ram_size;
	return 0;
}

int op_guest_create(struct project *p, const char *name, enum cell_type type, unsigned n_cpus,
		    uint64_t ram_size, uint32_t *cell_id, char *why)
{
	struct guest_new n = { name, type, n_cpus, ram_size };
	const struct cell *cell;

	if (spec_edit(p, guest_new, &n, why) < 0)
		return -1;
	cell = config_find_cell(&p->config, name);
	if (cell_id)
		*cell_id = cell ? cell->id : 0;
	return 0;
}

struct guest_change {
	const char *guest;
	enum guest_field field;
	const char *text;
	enum cell_type type;
	unsigned n_cpus;
	uint64_t value;
	int share;
};

static char **field_of(struct guest_spec *g, enum guest_field f)
{
	char **fields[GUEST_N_FIELDS] = {
		[GUEST_CONSOLE] = &g->console, [GUEST_IMAGE] = &g->image,
		[GUEST_KERNEL] = &g->kernel, [GUEST_INITRD] = &g->initrd,
		[GUEST_CMDLINE] = &g->cmdline, [GUEST_DTB] = &g->dtb, [GUEST_EXPECT] = &g->expect,
	};

	return fields[f];
}

const char *spec_guest_setting(const struct guest_spec *g, enum guest_field f)
{
	return *field_of((struct guest_spec *)g, f);
}

static int set_field(struct project *p, const void *arg, char *why)
{
	const struct guest_change *c = arg;
	struct guest_spec *g = guest_of(p, c->guest, why);
	char **field;

	if (!g)
		return -1;
	if ((unsigned)c->field >= GUEST_N_FIELDS)
		return op_refuse(why, _("a guest has no such setting"));
	field = field_of(g, c->field);
	free(*field);
	*field = c->text && *c->text ? xstrdup(c->text) : NULL;
	return 0;
}

int op_guest_set(struct project *p, const char *guest, enum guest_field field, const char *value,
		 char *why)
{
	struct guest_change c = { .guest = guest, .field = field, .text = value };

	return spec_edit(p, set_field, &c, why);
}

static int set_type(struct project *p, const void *arg, char *why)
{
	const struct guest_change *c = arg;
	struct guest_spec *g = guest_of(p, c->guest, why);

	if (!g)
		return -1;
	if (c->type != CELL_BARE && c->type != CELL_LINUX)
		return op_refuse(why, _("a guest is bare-metal or Linux"));
	g->type = c->type;
	return 0;
}

int op_guest_type(struct project *p, const char *guest, enum cell_type type, char *why)
{
	struct guest_change c = { .guest = guest, .type = type };

	return spec_edit(p, set_type, &c, why);
}

/* A count leaves the choice to derivation; a set names the CPUs. */
static int set_cpus(struct project *p, const void *arg, char *why)
{
	const struct guest_change *c = arg;
	struct guest_spec *g = guest_of(p, c->guest, why);

	if (!g)
		return -1;
	if (!c->n_cpus && !c->value)
		return op_refuse(why, _("a guest needs at least one CPU"));
	g->n_cpus = c->value ? 0 : c->n_cpus;
	g->cpus = c->value;
	return 0;
}

int op_guest_cpus(struct project *p, const char *guest, unsigned n_cpus, uint64_t cpus, char *why)
{
	struct guest_change c = { .guest = guest, .n_cpus = n_cpus, .value = cpus };

	return spec_edit(p, set_cpus, &c, why);
}

static int set_ram(struct project *p, const void *arg, char *why)
{
	const struct guest_change *c = arg;
	struct guest_spec *g = guest_of(p, c->guest, why);

	if (!g)
		return -1;
	g->ram_size = c->value;
	return 0;
}

int op_guest_ram(struct project *p, const char *guest, uint64_t size, char *why)
{
	struct guest_change c = { .guest = guest, .value = size };

	return spec_edit(p, set_ram, &c, why);
}

static ptrdiff_t device_index(const struct guest_spec *g, const char *dev)
{
	for (size_t i = 0; i < g->n_devices; i++)
		if (!strcmp(g->devices[i].name, dev))
			return (ptrdiff_t)i;
	return -1;
}

/* share < 0 removes the device; else it is added or its share set. */
static int device_change(struct project *p, const void *arg, char *why)
{
	const struct guest_change *c = arg;
	struct guest_spec *g = guest_of(p, c->guest, why);
	ptrdiff_t at;

	if (!g)
		return -1;
	if (!c->text || !*c->text)
		return op_refuse(why, _("name a device by its path, label, alias or region name"));
	at = device_index(g, c->text);
	if (c->share < 0) {
		if (at < 0)
			return op_refuse(why, _("'%s' is not a device of '%s'"), c->text, g->name);
		free(g->devices[at].name);
		memmove(&g->devices[at], &g->devices[at + 1],
			(g->n_devices - (size_t)at - 1) * sizeof(*g->devices));
		g->n_devices--;
		return 0;
	}
	if (at < 0) {
		ARRAY_GROW(g->devices, g->n_devices, g->cap_devices);
		at = (ptrdiff_t)g->n_devices++;
		g->devices[at].name = xstrdup(c->text);
	}
	g->devices[at].share = c->share;
	return 0;
}

int op_guest_device_add(struct project *p, const char *guest, const char *dev, int share,
			char *why)
{
	struct guest_spec *g = guest_of(p, guest, why);
	struct guest_change c = { .guest = guest, .text = dev, .share = share };

	if (!g)
		return -1;
	if (dev && device_index(g, dev) >= 0)
		return op_refuse(why, _("'%s' is a device of '%s' already"), dev, guest);
	return spec_edit(p, device_change, &c, why);
}

int op_guest_device_remove(struct project *p, const char *guest, const char *dev, char *why)
{
	struct guest_change c = { .guest = guest, .text = dev, .share = -1 };

	return spec_edit(p, device_change, &c, why);
}

int op_guest_device_share(struct project *p, const char *guest, const char *dev, int share,
			  char *why)
{
	struct guest_spec *g = guest_of(p, guest, why);
	struct guest_change c = { .guest = guest, .text = dev, .share = share };

	if (!g)
		return -1;
	if (!dev || device_index(g, dev) < 0)
		return op_refuse(why, _("'%s' is not a device of '%s'"), dev ? dev : "", guest);
	return spec_edit(p, device_change, &c, why);
}

const struct device_ref *spec_guest_device_of(const struct project *p, const char *guest,
					      uint32_t board_region)
{
	const struct guest_spec *g = guest ? spec_find_guest(&p->spec, guest) : NULL;

	for (size_t i = 0; g && i < g->n_devices; i++)
		if (derive_device_has_region(&p->board, g->devices[i].name, board_region))
			return &g->devices[i];
	return NULL;
}

/* The node's path is unique where names (and labels) need not be. */
const char *spec_device_name(const struct board *b, uint32_t board_region)
{
	const struct board_region *r = &b->regions[board_region];

	return r->dt_path ? r->dt_path : r->name;
}
