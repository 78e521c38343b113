/*
 * The detail form: the fields of whatever is selected elsewhere. Fields of
 * cell regions (name, start, virtual address, size, flags) and of cells
 * (name, CPUs) are editable, and those of cells.yml's guests and links
 * (detail-guest.c); an edit goes through model/ops.h like any other change,
 * so it is validated and can be undone.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "po/i18n.h"
#include "model/ops.h"
#include "model/units.h"
#include "model/util.h"
#include "ui/detail.h"

struct field *detail_add(struct field *f, size_t *n, enum field_id id, const char *label)
{
	struct field *x = &f[(*n)++];

	x->id = id;
	x->arg = 0;
	x->label = label;
	x->value[0] = '\0';
	x->edit[0] = '\0';
	return x;
}

static void fill_region(struct tui *t, const struct cell *cell, const struct cell_region *r,
			struct field *f, size_t *n)
{
	char buf[64];

	snprintf(detail_add(f, n, F_REGION_NAME, _("Name"))->value, 256, "%s", r->name ? r->name : "");
	format_addr(t, r->phys, buf, sizeof(buf));
	snprintf(detail_add(f, n, F_REGION_PHYS, _("Start"))->value, 256, "%s", buf);
	format_addr(t, r->virt, buf, sizeof(buf));
	snprintf(detail_add(f, n, F_REGION_VIRT, _("Virtual"))->value, 256, "%s", buf);
	format_size(r->size, buf, sizeof(buf));
	snprintf(detail_add(f, n, F_REGION_SIZE, _("Size"))->value, 256, "%s", buf);
	flag_format(mem_flag_names, r->flags, "|", detail_add(f, n, F_REGION_FLAGS, _("Flags"))->value,
		    256);
	snprintf(detail_add(f, n, F_INFO, _("Cell"))->value, 256, "%s", cell->name);
	if (r->board_region >= 0 && (size_t)r->board_region < t->p->board.n_regions)
		snprintf(detail_add(f, n, F_INFO, _("Board"))->value, 256, "%s",
			 t->p->board.regions[r->board_region].name);
	detail_device_fill(t, cell, r, f, n);
}

static size_t detail_fields(struct tui *t, struct field *f)
{
	const struct project *p = t->p;
	const struct selection *s = &t->sel;
	const struct cell *cell = NULL;
	size_t n = 0;
	char buf[128];

	switch (s->kind) {
	case SEL_CELL_REGION: {
		const struct cell_region *r;

		cell = config_cell_by_id(&p->config, s->cell);
		r = cell ? cell_region_by_id(cell, s->id) : NULL;
		if (r)
			fill_region(t, cell, r, f, &n);
		break;
	}
	case SEL_CELL:
		cell = config_cell_by_id(&p->config, s->id);
		if (!cell)
			break;
		snprintf(detail_add(f, &n, F_CELL_NAME, _("Name"))->value, 256, "%s", cell->name);
		format_cpu_list(cell->cpus, detail_add(f, &n, F_CELL_CPUS, _("CPUs"))->value, 256);
		if (!spec_find_guest(&p->spec, cell->name))
			snprintf(detail_add(f, &n, F_INFO, _("Type"))->value, 256, "%s",
				 cell->root ? _("root cell")
				 : cell->type == CELL_LINUX ? _("Linux guest") : _("bare metal"));
		detail_guest_fill(t, cell, f, &n);
		snprintf(detail_add(f, &n, F_INFO, _("Regions"))->value, 256, "%zu", cell->n_regions);
		break;
	case SEL_BOARD_REGION: {
		const struct board_region *r = &p->board.regions[s->id];
		const struct cell_region *use;
		uint32_t use_cell;
		char a[24], e[24];

		snprintf(detail_add(f, &n, F_INFO, _("Name"))->value, 256, "%s", r->name);
		format_addr(t, r->start, a, sizeof(a));
		format_addr(t, range_last(r->start, r->size), e, sizeof(e));
		format_size(r->size, buf, sizeof(buf));
		snprintf(detail_add(f, &n, F_INFO, _("Range"))->value, 256, "%s-%s (%s)", a, e, buf);
		snprintf(detail_add(f, &n, F_INFO, _("Kind"))->value, 256, "%s%s%s",
			 region_kind_name(r->kind), r->linux_uses ? _(", Linux uses it") : "",
			 r->disabled ? _(", disabled") : "");
		facts_owner_text(t, r->id, false, detail_add(f, &n, F_INFO, _("Cells"))->value, 256);
		use = facts_region_use(t, r->id, &use_cell);
		if (use) {
			flag_format(mem_flag_names, use->flags, "|", buf, sizeof(buf));
			snprintf(detail_add(f, &n, F_INFO, _("Assigned"))->value, 256, "%s: %s",
				 cell_name_by_id(t, use_cell), buf);
		}
		if (r->dt_path)
			snprintf(detail_add(f, &n, F_INFO, _("Node"))->value, 256, "%s", r->dt_path);
		if (r->compatible)
			snprintf(detail_add(f, &n, F_INFO, _("Compatible"))->value, 256, "%s",
				 r->compatible);
		if (r->n_irqs) {
			struct field *x = detail_add(f, &n, F_INFO, _("IRQs"));
			size_t used = 0;

			for (size_t i = 0; i < r->n_irqs && used < 200; i++)
				used += (size_t)snprintf(x->value + used, 256 - used, "%s%u",
							 i ? "," : "", r->irqs[i]);
		}
		source_names(r->sources, buf, sizeof(buf));
		snprintf(detail_add(f, &n, F_INFO, _("Sources"))->value, 256, "%s", buf);
		break;
	}
	case SEL_CPU: {
		const struct board_cpu *cpu = board_cpu(&p->board, s->id);

		if (!cpu)
			break;
		snprintf(detail_add(f, &n, F_INFO, _("CPU"))->value, 256, "%u (MPIDR 0x%llx)",
			 cpu->logical_id, (unsigned long long)cpu->mpidr);
		snprintf(detail_add(f, &n, F_INFO, _("Core"))->value, 256, "%s",
			 cpu->core_type ? cpu->core_type : "?");
		snprintf(detail_add(f, &n, F_INFO, _("Linux"))->value, 256, "%s",
			 cpu->linux_online ? _("online") : _("offline"));
		snprintf(detail_add(f, &n, F_INFO, _("Enable"))->value, 256, "%s",
			 cpu->enable_method ? cpu->enable_method : "?");
		break;
	}
	case SEL_IRQ:
		snprintf(detail_add(f, &n, F_INFO, _("Interrupt"))->value, 256, "%u", s->id);
		snprintf(detail_add(f, &n, F_INFO, _("Linux"))->value, 256, "%s",
			 board_linux_irq(&p->board, s->id) ? _("has a handler") : _("unused"));
		for (size_t ci = 0; ci < p->config.n_cells && n < MAX_FIELDS; ci++)
			if (cell_has_irq(p->config.cells[ci], s->id))
				snprintf(detail_add(f, &n, F_INFO, _("Granted"))->value, 256, "%s",
					 p->config.cells[ci]->name);
		break;
	case SEL_DIAG: {
		size_t nd;
		const struct diag *d = t->p->validator ? validator_diags(t->p->validator, &nd)
						       : NULL;

		if (!d || s->id >= nd)
			break;
		snprintf(detail_add(f, &n, F_INFO, _("Problem"))->value, 256, "%s %s",
			 severity_name(d[s->id].severity), diag_code_name(d[s->id].code));
		snprintf(detail_add(f, &n, F_INFO, _("Message"))->value, 256, "%s",
			 d[s->id].message ? d[s->id].message : "");
		if (d[s->id].cell != DIAG_NONE)
			snprintf(detail_add(f, &n, F_INFO, _("Cell"))->value, 256, "%s",
				 cell_name_by_id(t, d[s->id].cell));
		break;
	}
	case SEL_NONE:
		break;
	}
	return n;
}

static void detail_update(struct view *v, struct tui *t)
{
	struct field f[MAX_FIELDS];

	v->n_rows = detail_fields(t, f);
}

static void detail_draw_row(struct view *v, struct tui *t, size_t row, int y, int x, int w,
			    bool cursor)
{
	struct field f[MAX_FIELDS];
	size_t n = detail_fields(t, f);
	int attr = cursor ? draw_attr(t, COL_CURSOR) : 0;
	int col = x;

	if (row >= n) {
		draw_fill(y, x, w, attr);
		return;
	}
	col += draw_textf(y, col, 12, attr | (f[row].id != F_INFO ? A_BOLD : 0), true, " %s%s",
			  f[row].label, f[row].id != F_INFO ? "*" : "");
	draw_text(y, col, x + w - col, attr, true, f[row].value);
}

bool detail_field_value(struct tui *t, int field, char *buf, size_t len, const char **label)
{
	struct field f[MAX_FIELDS];
	size_t n = detail_fields(t, f);

	if (field < 0 || (size_t)field >= n || f[field].id == F_INFO)
		return false;
	snprintf(buf, len, "%s", f[field].edit[0] ? f[field].edit : f[field].value);
	*label = f[field].label;
	return true;
}

int detail_field_apply(struct tui *t, int field, const char *text, char *why)
{
	struct field f[MAX_FIELDS];
	size_t n = detail_fields(t, f);
	struct project *p = t->p;
	const struct cell *cell;
	const struct cell_region *r;
	struct cell_region value;
	uint64_t num;
	int rc;

	if (field < 0 || (size_t)field >= n) {
		snprintf(why, OP_WHY_LEN, "%s", _("The selection changed."));
		return -1;
	}
	switch (f[field].id) {
	case F_CELL_NAME:
		return op_cell_rename(p, t->sel.id, text, why);
	case F_CELL_CPUS:
		if (!parse_cpu_list(text, &num)) {
			snprintf(why, OP_WHY_LEN, _("\"%s\" is not a CPU list such as 0,3-5."),
				 text);
			return -1;
		}
		return op_cell_set_cpus(p, t->sel.id, num, why);
	case F_INFO:
		snprintf(why, OP_WHY_LEN, "%s", _("This field is read-only."));
		return -1;
	case F_GUEST_TYPE:
	case F_GUEST_RAM:
	case F_GUEST_SETTING:
	case F_DEVICE_SHARE:
	case F_LINK:
		cell = config_cell_by_id(&p->config, t->sel.kind == SEL_CELL ? t->sel.id
									: t->sel.cell);
		if (!cell) {
			snprintf(why, OP_WHY_LEN, "%s", _("The cell no longer exists."));
			return -1;
		}
		return detail_guest_apply(t, cell, &f[field], text, why);
	default:
		break;
	}
	cell = config_cell_by_id(&p->config, t->sel.cell);
	r = cell ? cell_region_by_id(cell, t->sel.id) : NULL;
	if (!r) {
		snprintf(why, OP_WHY_LEN, "%s", _("The region no longer exists."));
		return -1;
	}
	value = *r;
	value.name = xstrdup(r->name ? r->name : "");
	switch (f[field].id) {
	case F_REGION_NAME:
		free(value.name);
		value.name = xstrdup(text);
		break;
	case F_REGION_PHYS:
	case F_REGION_VIRT:
		if (!parse_u64(text, &num)) {
			snprintf(why, OP_WHY_LEN, _("\"%s\" is not an address."), text);
			free(value.name);
			return -1;
		}
		if (f[field].id == F_REGION_PHYS)
			value.phys = num;
		else
			value.virt = num;
		break;
	case F_REGION_SIZE:
		if (!parse_size(text, &num)) {
			snprintf(why, OP_WHY_LEN,
				 _("\"%s\" is not a size such as 64 MiB or 0x1000."), text);
			free(value.name);
			return -1;
		}
		value.size = num;
		break;
	case F_REGION_FLAGS: {
		uint32_t flags;

		if (!flag_parse(mem_flag_names, text, &flags)) {
			snprintf(why, OP_WHY_LEN,
				 _("\"%s\" is not a list of flags such as READ|WRITE|IO."), text);
			free(value.name);
			return -1;
		}
		value.flags = flags;
		break;
	}
	default:
		break;
	}
	rc = op_region_edit(p, t->sel.cell, t->sel.id, &value, why);
	free(value.name);
	return rc;
}

/* d on a link row deletes the link; on a device row the guest lets the
 * device go. Elsewhere d deletes what the other panes selected. */
static bool detail_delete(struct view *v, struct tui *t)
{
	struct field f[MAX_FIELDS];
	size_t n = detail_fields(t, f);
	const struct cell *cell;
	char why[OP_WHY_LEN] = "";
	int rc;

	if (v->cursor >= n || (f[v->cursor].id != F_LINK && f[v->cursor].id != F_DEVICE_SHARE))
		return false;
	if (f[v->cursor].id == F_LINK) {
		rc = detail_link_delete(t, &f[v->cursor], why);
	} else {
		cell = config_cell_by_id(&t->p->config,
					 t->sel.kind == SEL_CELL ? t->sel.id : t->sel.cell);
		rc = cell ? detail_guest_device_remove(t, cell, &f[v->cursor], why) : -1;
	}
	if (rc)
		tui_message(t, SEV_ERROR, _("Refused: %s"), why);
	else
		tui_message(t, -1, "%s", _("Deleted (u undoes)."));
	tui_dirty_all(t);
	return true;
}

static bool detail_request(struct view *v, struct tui *t, enum request r)
{
	if (r == REQ_DELETE)
		return detail_delete(v, t);
	if (r != REQ_ENTER && r != REQ_EDIT && r != REQ_PICK)
		return false;
	action_edit(t);
	return true;
}

const struct view_ops detail_view_ops = {
	.title = N_("Details"),
	.update = detail_update,
	.draw_row = detail_draw_row,
	.request = detail_request,
};
