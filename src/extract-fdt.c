/*
 * Loading the device tree (a blob, or a folder form tree made into one) and
 * the walk that turns its nodes into board facts. Memory and reserved memory
 * are handled here; addresses, the GIC, interrupts, CPUs and consoles in
 * their own files.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "po/i18n.h"
#include "model/util.h"
#include "src/extract-fdt.h"

#define DTB_REL "sys/firmware/fdt"
#define DT_FOLDER_REL "sys/firmware/devicetree/base"

uint32_t dt_prop_u32(const void *fdt, int off, const char *name, uint32_t dflt)
{
	int len;
	const fdt32_t *p = fdt_getprop(fdt, off, name, &len);

	return p && len == 4 ? fdt32_to_cpu(*p) : dflt;
}

const char *dt_string(const void *fdt, int off, const char *name)
{
	return fdt_stringlist_get(fdt, off, name, 0, NULL);
}

bool dt_node_enabled(const void *fdt, int off)
{
	const char *s = dt_string(fdt, off, "status");

	return !s || !strcmp(s, "okay") || !strcmp(s, "ok");
}

/* A folder form tree held in memory while the blob is written. */
struct fprop {
	char *name;
	char *val;
	size_t len;
};

struct fnode {
	char *name;
	struct fprop *props;
	size_t n_props, cap_props;
	struct fnode *kids;
	size_t n_kids, cap_kids;
};

static void fnode_free(struct fnode *n)
{
	for (size_t i = 0; i < n->n_props; i++) {
		free(n->props[i].name);
		free(n->props[i].val);
	}
	for (size_t i = 0; i < n->n_kids; i++)
		fnode_free(&n->kids[i]);
	free(n->props);
	free(n->kids);
	free(n->name);
}

/* Reads a node folder; *bytes grows by what the blob will roughly need. */
static int fnode_read(struct dump *d, const char *rel, struct fnode *node, unsigned depth,
		      size_t *bytes, struct error *err)
{
	struct dump_entry *ents;
	size_t n;
	int ret = dump_list(d, rel, &ents, &n, err);

	if (ret)
		return ret;
	if (depth > FDT_MAX_DEPTH) {
		error_set(err, _("%s: nodes nested deeper than %d"), rel, FDT_MAX_DEPTH);
		dump_entries_free(ents, n);
		return -1;
	}
	*bytes += strlen(node->name) + 16;
	for (size_t i = 0; i < n && !ret; i++) {
		char *sub = xasprintf("%s/%s", rel, ents[i].name);

		if (ents[i].is_dir) {
			struct fnode kid = { .name = xstrdup(ents[i].name) };

			ret = fnode_read(d, sub, &kid, depth + 1, bytes, err);
			ARRAY_PUSH(node->kids, node->n_kids, node->cap_kids, kid);
		} else if (strcmp(ents[i].name, "name") != 0) {
			/* Linux adds "name" to every node; a blob has none. */
			struct fprop p = { .name = xstrdup(ents[i].name) };

			ret = dump_read(d, sub, DUMP_MAX_FILE, &p.val, &p.len, err);
			if (ret == 0)
				*bytes += p.len + strlen(p.name) + 24;
			else
				p.val = NULL;
			ARRAY_PUSH(node->props, node->n_props, node->cap_props, p);
		}
		free(sub);
	}
	dump_entries_free(ents, n);
	return ret > 0 ? 0 : ret;
}

static int fnode_write(void *fdt, const struct fnode *node)
{
	int r = fdt_begin_node(fdt, node->name);

	/* A blob keeps a node's properties before its subnodes. */
	for (size_t i = 0; !r && i < node->n_props; i++)
		if (node->props[i].val)
			r = fdt_property(fdt, node->props[i].name, node->props[i].val,
					 (int)node->props[i].len);
	for (size_t i = 0; !r && i < node->n_kids; i++)
		r = fnode_write(fdt, &node->kids[i]);
	return r ? r : fdt_end_node(fdt);
}

/* Builds a blob from a folder form tree below rel. */
static int fdt_from_folder(struct dump *d, const char *rel, void **blob, size_t *len,
			   struct error *err)
{
	struct fnode root = { .name = xstrdup("") };
	size_t bytes = 1024;
	void *buf = NULL;
	int ret = fnode_read(d, rel, &root, 0, &bytes, err);

	if (ret) {
		fnode_free(&root);
		return ret;
	}
	for (;;) {
		int r;

		if (bytes > INT32_MAX) {
			error_set(err, _("%s: device tree too large"), rel);
			ret = -1;
			break;
		}
		buf = xrealloc(buf, bytes);
		/* Deduplicating property names searches the whole strings block
		 * for each of the ~1,500 properties: quadratic, and not needed. */
		r = fdt_create_with_flags(buf, (int)bytes, FDT_CREATE_FLAG_NO_NAME_DEDUP);
		if (!r)
			r = fdt_finish_reservemap(buf);
		if (!r)
			r = fnode_write(buf, &root);
		if (!r)
			r = fdt_finish(buf);
		if (r == -FDT_ERR_NOSPACE) {
			bytes *= 2;
			continue;
		}
		if (r) {
			error_set(err, _("%s: cannot build a device tree: %s"), rel, fdt_strerror(r));
			ret = -1;
		}
		break;
	}
	fnode_free(&root);
	if (ret) {
		free(buf);
		return ret;
	}
	*blob = buf;
	*len = fdt_totalsize(buf);
	return 0;
}

int fdt_load(struct dump *d, struct extract_report *rep, void **blob, size_t *len, char **name,
	     struct error *err)
{
	struct error blob_err;
	char *buf;
	int ret;

	error_clear(&blob_err);
	ret = dump_read(d, DTB_REL, DUMP_MAX_FILE, &buf, len, &blob_err);
	if (ret == 0) {
		*blob = buf;
		*name = dump_name(d, DTB_REL);
		return 0;
	}
	ret = fdt_from_folder(d, DT_FOLDER_REL, blob, len, err);
	if (ret == 0) {
		/* /sys/firmware/fdt is readable by root only; the folder by anyone. */
		if (blob_err.set)
			report_at(rep, NULL, 0, _("%s; using the folder form instead"),
				  blob_err.text);
		*name = dump_name(d, DT_FOLDER_REL);
		return 0;
	}
	if (ret > 0 && blob_err.set) {
		error_set(err, "%s", blob_err.text);
		return -1;
	}
	return ret;
}

/* A memory node's reg: where it goes in the board depends on /proc/iomem. */
static void memory_add(struct fdt_walk *w, const char *name, const struct range *regs, size_t n)
{
	struct fdt_result *res = w->res;

	for (size_t i = 0; i < n; i++) {
		if (!regs[i].size) {
			report_at(w->rep, w->file, 0,
				  _("%s: memory reg with size 0 (the firmware fills it in at "
				    "boot; RAM must come from /proc/iomem)"), w->path);
			continue;
		}
		ARRAY_GROW(res->mem, res->n_mem, res->cap_mem);
		res->mem[res->n_mem++] = (struct dt_memory){
			regs[i], xstrdup(name), xstrdup(w->path)
		};
	}
}

void fdt_result_free(struct fdt_result *res)
{
	for (size_t i = 0; i < res->n_mem; i++) {
		free(res->mem[i].name);
		free(res->mem[i].path);
	}
	for (size_t i = 0; i < res->n_pci_win; i++) {
		free(res->pci_win[i].name);
		free(res->pci_win[i].path);
	}
	for (size_t i = 0; i < res->n_cpu_paths; i++)
		free(res->cpu_paths[i]);
	free(res->pci_win);
	free(res->mem);
	free(res->cpu_paths);
	memset(res, 0, sizeof(*res));
}

/* Translates the current node's reg entries; returns how many it kept. */
static size_t node_regs(struct fdt_walk *w, int off, struct range *regs)
{
	const struct fdt_level *parent = &w->stack[w->depth - 1];
	const fdt32_t *reg = NULL;
	size_t n = 0, entry, cnt;
	int len;

	reg = fdt_getprop(w->fdt, off, "reg", &len);
	if (!reg || len <= 0)
		return 0;
	/* Children of i2c, spi or PCI buses, and of buses without ranges below
	 * the root, have bus addresses, not CPU addresses: not MMIO at all. */
	if (parent->sc == 0 || parent->pci || (w->depth > 1 && !parent->ranges))
		return 0;
	entry = (size_t)(parent->ac + parent->sc) * 4;
	if (entry == 0 || parent->sc > 2)
		return 0;
	cnt = (size_t)len / entry;
	for (size_t i = 0; i < cnt && n < FDT_MAX_REGS; i++) {
		const fdt32_t *e = reg + i * entry / 4;
		uint64_t size = dt_cells(e + parent->ac, parent->sc), start;
		const char *why;

		if (!ranges_translate(w, e, &start, &why)) {
			w->untranslatable++;
			report_at(w->rep, w->file, 0,
				  _("%s: reg 0x%llx cannot be translated to a CPU address: %s"),
				  w->path, (unsigned long long)dt_cells(e, parent->ac), why);
			continue;
		}
		regs[n++] = (struct range){ start, size };
	}
	return n;
}

static void device_add(struct fdt_walk *w, int off, const char *name, enum region_kind kind)
{
	struct range regs[FDT_MAX_REGS];
	size_t n = node_regs(w, off, regs);
	struct board_region *first = NULL;
	const char *compat = dt_string(w->fdt, off, "compatible");
	bool disabled = !dt_node_enabled(w->fdt, off);
	enum gic_version v;

	if (off == w->gic_off && gic_is_gic(w->fdt, off, &v))
		gic_fill(w, off, v, regs, n, w->path);
	for (size_t i = 0; i < n; i++) {
		const char *rn = fdt_stringlist_get(w->fdt, off, "reg-names", (int)i, NULL);
		char *label = i == 0 ? xstrdup(name)
			      : rn ? xasprintf("%s:%s", name, rn) : xasprintf("%s:%zu", name, i);
		struct board_region *r;

		if (!regs[i].size) {
			free(label);
			continue;
		}
		r = board_add_region(w->b, label, regs[i].start, regs[i].size, kind);
		free(label);
		r->dt_path = xstrdup(w->path);
		r->compatible = compat ? xstrdup(compat) : NULL;
		r->disabled = disabled;
		r->bus_window = kind == REGION_MMIO &&
				ranges_bus_window(w->fdt, off, i, regs[i].size);
		r->sources |= SRC_DT;
		if (kind == REGION_RESERVED)
			r->linux_uses = !fdt_getprop(w->fdt, off, "no-map", NULL);
		if (!first) {
			first = r;
			irq_resolve(w, off, w->stack[w->depth].iparent, r);
		}
	}
	if (!first)
		irq_resolve(w, off, w->stack[w->depth].iparent, NULL);
	irq_references(w, off, w->stack[w->depth].iparent);
	if (w->stack[w->depth].pci && kind == REGION_MMIO && !disabled)
		ranges_pci_windows(w, name);
}

/* Sets up the stack entry of node off at w->depth; false when too long a path. */
static bool level_enter(struct fdt_walk *w, int off, const char *name)
{
	struct fdt_level *l = &w->stack[w->depth];
	const struct fdt_level *up = w->depth ? &w->stack[w->depth - 1] : NULL;
	const char *type = dt_string(w->fdt, off, "device_type");
	size_t base = up ? up->path_len : 0, nlen = strlen(name);
	uint32_t own;

	if (base + nlen + 2 > sizeof(w->path))
		return false;
	if (w->depth) {
		w->path[base] = '/';
		memcpy(w->path + base + 1, name, nlen + 1);
		l->path_len = base + 1 + nlen;
	} else {
		strcpy(w->path, "/");
		l->path_len = 0;
	}
	l->off = off;
	l->ac = dt_prop_u32(w->fdt, off, "#address-cells", 2);
	l->sc = dt_prop_u32(w->fdt, off, "#size-cells", 1);
	l->ranges = fdt_getprop(w->fdt, off, "ranges", &l->ranges_len);
	/* libfdt hands out a length of -1 from a blob whose property length
	 * wraps around, even after fdt_check_full (found by fuzzing). */
	if (!l->ranges || l->ranges_len < 0) {
		l->ranges = NULL;
		l->ranges_len = 0;
	}
	own = dt_prop_u32(w->fdt, off, "interrupt-parent", 0);
	l->iparent = own ? own : (up ? up->iparent : 0);
	l->pci = type && !strcmp(type, "pci");
	l->skip = up && up->skip;
	l->cpus = false;
	l->reserved = up && up->reserved;
	return true;
}

static const char *const no_device_nodes[] = {
	"chosen", "aliases", "__symbols__", "__overrides__", "__fixups__", "__local_fixups__",
};

static void node_visit(struct fdt_walk *w, int off, const char *name)
{
	struct fdt_level *l = &w->stack[w->depth];
	const struct fdt_level *up = &w->stack[w->depth - 1];
	const char *type = dt_string(w->fdt, off, "device_type");

	if (l->skip)
		return;
	if (up->cpus) {
		if (w->depth == 2)
			cpu_add(w, off);
		l->skip = true;
		return;
	}
	if (w->depth == 1) {
		for (size_t i = 0; i < ARRAY_SIZE(no_device_nodes); i++)
			if (!strcmp(name, no_device_nodes[i]))
				l->skip = true;
		if (!strcmp(name, "cpus"))
			l->cpus = true;
		if (!strcmp(name, "reserved-memory"))
			l->reserved = true;
		if (l->skip || l->cpus || l->reserved)
			return;
		if ((type && !strcmp(type, "memory")) ||
		    !strcmp(name, "memory") || !strncmp(name, "memory@", 7)) {
			struct range regs[FDT_MAX_REGS];
			size_t n = node_regs(w, off, regs);

			memory_add(w, name, regs, n);
			if (!fdt_getprop(w->fdt, off, "reg", NULL))
				report_at(w->rep, w->file, 0, _("%s: memory node without reg"),
					  w->path);
			l->skip = true;
			return;
		}
	}
	if (l->reserved && w->depth == 2 && !fdt_getprop(w->fdt, off, "reg", NULL))
		return;     /* placed by Linux at boot (size, alloc-ranges): no address yet */
	device_add(w, off, name, l->reserved ? REGION_RESERVED : REGION_MMIO);
}

/* /memreserve/ entries, and the Raspberry Pi firmware's memreserve property. */
static void memreserve_add(struct fdt_walk *w)
{
	int n = fdt_num_mem_rsv(w->fdt), len;
	const fdt32_t *p;

	for (int i = 0; i < n; i++) {
		uint64_t addr, size;
		struct board_region *r;

		if (fdt_get_mem_rsv(w->fdt, i, &addr, &size) != 0 || !size)
			continue;
		r = board_add_region(w->b, "memreserve", addr, size, REGION_RESERVED);
		r->sources |= SRC_DT;
	}
	p = fdt_getprop(w->fdt, 0, "memreserve", &len);
	for (int i = 0; p && i + 8 <= len; i += 8) {
		uint32_t addr = fdt32_to_cpu(p[i / 4]), size = fdt32_to_cpu(p[i / 4 + 1]);
		struct board_region *r;

		if (!size)
			continue;
		r = board_add_region(w->b, "memreserve", addr, size, REGION_RESERVED);
		r->sources |= SRC_DT;
	}
}

int fdt_extract(const void *blob, size_t len, const char *file, struct board *b,
		struct fdt_result *res, struct extract_report *rep, struct error *err)
{
	struct fdt_walk *w;
	int r, off, depth = -1;

	if (len < FDT_V1_SIZE) {
		error_at(err, file, 0, 0, _("truncated device-tree blob (%zu bytes)"), len);
		return -1;
	}
	/* libfdt 1.6's fdt_check_full reads through a NULL pointer on some
	 * blobs older than version 17; the kernel and dtc write 17, so older
	 * ones are refused before libfdt looks at them. */
	if (fdt_magic(blob) == FDT_MAGIC && fdt_version(blob) < 17) {
		error_at(err, file, 0, 0, _("device-tree blob version %u is too old (17 expected)"),
			 fdt_version(blob));
		return -1;
	}
	r = fdt_check_full(blob, len);
	if (r) {
		error_at(err, file, 0, 0, _("corrupt or truncated device-tree blob: %s"),
			 fdt_strerror(r));
		return -1;
	}
	w = xcalloc(1, sizeof(*w));
	w->fdt = blob;
	w->file = file;
	w->b = b;
	w->rep = rep;
	w->res = res;
	irq_index(w);
	free(b->model);
	free(b->compatible);
	b->model = dt_string(blob, 0, "model") ? xstrdup(dt_string(blob, 0, "model")) : NULL;
	b->compatible = dt_string(blob, 0, "compatible")
			? xstrdup(dt_string(blob, 0, "compatible")) : NULL;
	memreserve_add(w);
	for (off = fdt_next_node(blob, -1, &depth); off >= 0 && depth >= 0;
	     off = fdt_next_node(blob, off, &depth)) {
		const char *name = fdt_get_name(blob, off, NULL);

		if (depth >= FDT_MAX_DEPTH || !name)
			continue;
		w->depth = depth;
		if (!level_enter(w, off, name)) {
			memset(&w->stack[depth], 0, sizeof(w->stack[depth]));
			w->stack[depth].skip = true;
			continue;
		}
		if (depth > 0)
			node_visit(w, off, name);
	}
	console_collect(w);
	names_collect(w);
	res->boot_known = cpu_known_boot(blob, &res->boot_mpidr);
	if (!res->n_mem && !report_has(rep, _("memory reg with size 0")))
		report_at(rep, file, 0, _("no memory node: RAM must come from /proc/iomem"));
	free(w->ph);
	free(w);
	return 0;
}
