/* Consoles, ranges and name tables used by more than one project file. */
#include "config.h"

#include "po/i18n.h"
#include "src/yaml-common.h"

const struct flag_name source_flag_names[] = {
	{ SRC_DT, "dt" },
	{ SRC_IOMEM, "iomem" },
	{ SRC_CPUINFO, "cpuinfo" },
	{ SRC_INTERRUPTS, "interrupts" },
	{ SRC_CMDLINE, "cmdline" },
	{ SRC_PCI, "pci" },
	{ SRC_USER, "user" },
	{ SRC_IMPORT, "import" },
	{ SRC_PROFILE, "profile" },
	{ SRC_NET, "net" },
	{ 0, NULL },
};

enum { C_TYPE, C_ADDRESS, C_SIZE, C_FLAGS, C_DIVIDER, C_GATE_NR, C_CLOCK_REG };

bool io_console_key(struct yreader *r, int k, struct console *c)
{
	uint64_t size;
	uint32_t v;

	switch (k) {
	case C_TYPE:
		if (!yr_enum(r, "type", console_type_names, UINT16_MAX, &v))
			return false;
		c->type = (uint16_t)v;
		return true;
	case C_ADDRESS:
		return yr_u64(r, "address", UINT64_MAX, &c->address);
	case C_SIZE:
		if (!yr_size(r, "size", &size))
			return false;
		if (size > UINT32_MAX)
			return yr_error_here(r, _("a console's registers span at most 4 GiB"));
		c->size = (uint32_t)size;
		return true;
	case C_FLAGS:
		if (!yr_flags(r, "flags", console_flag_names, &v))
			return false;
		if (v > UINT16_MAX)
			return yr_error_here(r, _("console flags 0x%x do not fit in 16 bits"), v);
		c->flags = (uint16_t)v;
		return true;
	case C_DIVIDER:
		return yr_u32(r, "divider", &c->divider);
	case C_GATE_NR:
		return yr_u32(r, "gate_nr", &c->gate_nr);
	case C_CLOCK_REG:
		return yr_u64(r, "clock_reg", UINT64_MAX, &c->clock_reg);
	}
	return false;
}

void io_console_write(struct ywriter *w, const struct console *c)
{
	yw_enum(w, "type", console_type_names, c->type);
	yw_hex(w, "address", c->address);
	yw_size(w, "size", c->size);
	if (c->flags)
		yw_flags(w, "flags", console_flag_names, c->flags);
	if (c->divider)
		yw_dec(w, "divider", c->divider);
	if (c->gate_nr)
		yw_dec(w, "gate_nr", c->gate_nr);
	if (c->clock_reg)
		yw_hex(w, "clock_reg", c->clock_reg);
}

bool io_console_read(struct yreader *r, const char *what, struct console *c)
{
	static const char *const keys[] = { CONSOLE_KEYS, NULL };
	struct ymap m;
	int k;

	if (!yr_map_begin(r, &m, what, keys, 0))
		return false;
	while ((k = yr_map_next(r, &m)) >= 0)
		if (!io_console_key(r, k, c))
			return false;
	return k == -1;
}

bool io_range_read(struct yreader *r, const char *what, struct range *out)
{
	static const char *const keys[] = { "start", "size", NULL };
	struct ymap m;
	int k;

	if (!yr_map_begin(r, &m, what, keys, YKEY(0) | YKEY(1)))
		return false;
	while ((k = yr_map_next(r, &m)) >= 0) {
		if (!(k == 0 ? yr_u64(r, "start", UINT64_MAX, &out->start) :
			       yr_size(r, "size", &out->size)))
			return false;
	}
	return k == -1;
}

void io_range_write(struct ywriter *w, const char *key, const struct range *rg)
{
	if (key)
		yw_key(w, key);
	yw_map_begin(w, true);
	yw_hex(w, "start", rg->start);
	yw_size(w, "size", rg->size);
	yw_map_end(w);
}

bool io_field_read(struct yreader *r, const struct io_field *f, void *obj)
{
	unsigned char *p = (unsigned char *)obj + f->offset;
	uint64_t max = f->width == 8 ? UINT64_MAX : ((uint64_t)1 << (8 * f->width)) - 1;
	uint64_t v;

	if (f->notation == IO_SIZE) {
		if (!yr_size(r, f->key, &v))
			return false;
		if (v > max)
			return yr_error_here(r, _("size too large for \"%s\""), f->key);
	} else if (!yr_u64(r, f->key, max, &v)) {
		return false;
	}
	switch (f->width) {
	case 1: *(uint8_t *)p = (uint8_t)v; break;
	case 2: *(uint16_t *)p = (uint16_t)v; break;
	case 4: *(uint32_t *)p = (uint32_t)v; break;
	default: *(uint64_t *)p = v; break;
	}
	return true;
}

void io_fields_write(struct ywriter *w, const struct io_field *f, size_t n, const void *obj)
{
	for (size_t i = 0; i < n; i++) {
		const unsigned char *p = (const unsigned char *)obj + f[i].offset;
		uint64_t v;

		switch (f[i].width) {
		case 1: v = *(const uint8_t *)p; break;
		case 2: v = *(const uint16_t *)p; break;
		case 4: v = *(const uint32_t *)p; break;
		default: v = *(const uint64_t *)p; break;
		}
		if (!v)
			continue;
		if (f[i].notation == IO_HEX)
			yw_hex(w, f[i].key, v);
		else if (f[i].notation == IO_SIZE)
			yw_size(w, f[i].key, v);
		else
			yw_dec(w, f[i].key, v);
	}
}
