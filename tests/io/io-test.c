/*
 * Scratch files and field-by-field comparisons for the project file tests.
 * A comparison names the first field that differs, so that a failing round
 * trip says what was lost.
 */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/util.h"
#include "tests/io/io-test.h"

char *scratch_new(void)
{
	const char *tmp = getenv("TMPDIR");
	char *dir = xasprintf("%s/aj-io-XXXXXX", tmp && *tmp ? tmp : "/tmp");

	if (!mkdtemp(dir))
		abort();
	return dir;
}

void scratch_free(char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	while (d && (e = readdir(d))) {
		char *path;

		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		path = xasprintf("%s/%s", dir, e->d_name);
		if (unlink(path) != 0)
			scratch_free(xstrdup(path));
		free(path);
	}
	if (d)
		closedir(d);
	rmdir(dir);
	free(dir);
}

char *scratch_file(const char *dir, const char *name, const char *data, long len)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *fp = fopen(path, "wb");
	size_t n = len < 0 ? strlen(data) : (size_t)len;

	if (!fp || fwrite(data, 1, n, fp) != n || fclose(fp) != 0)
		abort();
	return path;
}

char *file_slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf = NULL;
	size_t n = 0, cap = 0, got;

	if (!fp)
		return NULL;
	do {
		cap = cap ? cap * 2 : 4096;
		buf = xrealloc(buf, cap + 1);
		got = fread(buf + n, 1, cap - n, fp);
		n += got;
	} while (n == cap);
	fclose(fp);
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}

static bool differ(char *why, size_t len, const char *what)
{
	snprintf(why, len, "%s differs", what);
	return false;
}

static bool str_eq(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

#define SAME_STR(x, name) do { if (!str_eq(a->x, b->x)) return differ(why, len, name); } while (0)
#define SAME(x, name) do { if (a->x != b->x) return differ(why, len, name); } while (0)
#define SAME_MEM(x, name) \
	do { if (memcmp(&a->x, &b->x, sizeof(a->x))) return differ(why, len, name); } while (0)

bool settings_equal(const struct settings *a, const struct settings *b, char *why, size_t len)
{
	SAME_STR(name, "name");
	SAME_STR(board_url, "board");
	SAME(arch, "arch");
	SAME(abi, "jailhouse");
	SAME_STR(jailhouse_dir, "jailhouse_dir");
	SAME_STR(kernel_dir, "kernel_dir");
	SAME_STR(cross_compile, "cross_compile");
	SAME_STR(board_profile, "board_profile");
	SAME_STR(remote_dir, "remote_dir");
	return true;
}

static bool region_equal(const struct board_region *a, const struct board_region *b, char *why,
			 size_t len)
{
	SAME(id, "region id");
	SAME_STR(name, "region name");
	SAME(start, "region start");
	SAME(size, "region size");
	SAME(kind, "region kind");
	SAME_STR(dt_path, "region dt_path");
	SAME_STR(compatible, "region compatible");
	SAME(n_irqs, "region irq count");
	if (a->n_irqs && memcmp(a->irqs, b->irqs, a->n_irqs * sizeof(*a->irqs)))
		return differ(why, len, "region irqs");
	SAME(linux_uses, "region linux_uses");
	SAME(disabled, "region disabled");
	SAME(sources, "region sources");
	SAME(parent, "region parent");
	return true;
}

static bool gic_equal(const struct board_gic *a, const struct board_gic *b, char *why,
		      size_t len)
{
	SAME(version, "gic version");
	SAME_MEM(gicd, "gicd");
	SAME_MEM(gicc, "gicc");
	SAME_MEM(gich, "gich");
	SAME_MEM(gicv, "gicv");
	SAME_MEM(gicr, "gicr");
	SAME(maintenance_irq, "maintenance_irq");
	SAME(num_irqs, "num_irqs");
	SAME_STR(dt_path, "gic dt_path");
	SAME(sources, "gic sources");
	return true;
}

bool board_equal(const struct board *a, const struct board *b, char *why, size_t len)
{
	size_t i;

	SAME_STR(name, "board name");
	SAME_STR(model, "model");
	SAME_STR(compatible, "compatible");
	SAME(arch, "arch");
	SAME_STR(cmdline, "cmdline");
	SAME(mem_limit, "mem_limit");
	SAME_MEM(linux_irqs, "linux_irqs");
	if (!gic_equal(&a->gic, &b->gic, why, len))
		return false;
	SAME(n_regions, "region count");
	for (i = 0; i < a->n_regions; i++)
		if (!region_equal(&a->regions[i], &b->regions[i], why, len))
			return false;
	SAME(n_cpus, "cpu count");
	for (i = 0; i < a->n_cpus; i++) {
		const struct board_cpu *x = &a->cpus[i], *y = &b->cpus[i];

		if (x->logical_id != y->logical_id || x->mpidr != y->mpidr ||
		    !str_eq(x->core_type, y->core_type) ||
		    !str_eq(x->enable_method, y->enable_method) ||
		    x->linux_online != y->linux_online || x->sources != y->sources)
			return differ(why, len, "cpu");
	}
	SAME(n_consoles, "console count");
	for (i = 0; i < a->n_consoles; i++) {
		const struct board_console *x = &a->consoles[i], *y = &b->consoles[i];

		if (memcmp(&x->con, &y->con, sizeof(x->con)) || !str_eq(x->dt_path, y->dt_path) ||
		    !str_eq(x->linux_name, y->linux_name) || x->is_stdout != y->is_stdout ||
		    x->sources != y->sources)
			return differ(why, len, "console");
	}
	SAME(n_pci, "pci count");
	for (i = 0; i < a->n_pci; i++) {
		const struct board_pci *x = &a->pci[i], *y = &b->pci[i];

		if (x->domain != y->domain || x->bdf != y->bdf || x->vendor != y->vendor ||
		    x->device != y->device || x->class_code != y->class_code ||
		    memcmp(x->bars, y->bars, sizeof(x->bars)) || x->sources != y->sources)
			return differ(why, len, "pci device");
	}
	SAME(n_nets, "network count");
	for (i = 0; i < a->n_nets; i++)
		if (!str_eq(a->nets[i].ifname, b->nets[i].ifname) ||
		    !str_eq(a->nets[i].cidr, b->nets[i].cidr) ||
		    a->nets[i].sources != b->nets[i].sources)
			return differ(why, len, "network");
	SAME(n_aliases, "alias count");
	for (i = 0; i < a->n_aliases; i++)
		if (!str_eq(a->aliases[i].name, b->aliases[i].name) ||
		    !str_eq(a->aliases[i].path, b->aliases[i].path))
			return differ(why, len, "alias");
	return true;
}

static bool guest_equal(const struct guest_spec *a, const struct guest_spec *b, char *why,
			size_t len)
{
	SAME_STR(name, "guest name");
	SAME(type, "guest type");
	SAME(n_cpus, "guest cpu count");
	SAME(cpus, "guest cpus");
	SAME(ram_size, "guest ram");
	SAME(ram_phys, "guest ram_phys");
	SAME(n_devices, "guest device count");
	for (size_t i = 0; i < a->n_devices; i++)
		if (!str_eq(a->devices[i].name, b->devices[i].name) ||
		    a->devices[i].share != b->devices[i].share)
			return differ(why, len, "guest device");
	SAME(n_irqs, "guest irq count");
	if (a->n_irqs && memcmp(a->irqs, b->irqs, a->n_irqs * sizeof(*a->irqs)))
		return differ(why, len, "guest irqs");
	SAME_STR(console, "guest console");
	SAME_STR(image, "guest image");
	SAME_STR(kernel, "guest kernel");
	SAME_STR(dtb, "guest dtb");
	SAME_STR(initrd, "guest initrd");
	SAME_STR(cmdline, "guest cmdline");
	SAME_STR(expect, "guest expect");
	return true;
}

static bool link_equal(const struct link_spec *a, const struct link_spec *b, char *why,
		       size_t len)
{
	SAME_STR(name, "link name");
	SAME(n_peers, "link peer count");
	for (size_t i = 0; i < a->n_peers; i++)
		if (!str_eq(a->peers[i], b->peers[i]))
			return differ(why, len, "link peer");
	SAME(size, "link size");
	SAME(output_size, "link output_size");
	SAME(protocol, "link protocol");
	SAME(bdf, "link bdf");
	SAME(phys, "link phys");
	return true;
}

bool spec_equal(const struct spec *a, const struct spec *b, char *why, size_t len)
{
	SAME_STR(root.name, "root name");
	SAME(root.hv_phys, "root hypervisor phys");
	SAME(root.hv_size, "root hypervisor size");
	SAME(root.mmio_merge_gap, "root mmio_merge_gap");
	SAME(root.pci_mmconfig_base, "root pci_mmconfig_base");
	SAME(root.vpci_irq_base, "root vpci_irq_base");
	SAME_STR(root.console, "root console");
	SAME(n_guests, "guest count");
	for (size_t i = 0; i < a->n_guests; i++)
		if (!guest_equal(&a->guests[i], &b->guests[i], why, len))
			return false;
	SAME(n_links, "link count");
	for (size_t i = 0; i < a->n_links; i++)
		if (!link_equal(&a->links[i], &b->links[i], why, len))
			return false;
	return true;
}

static bool cell_region_equal(const struct cell_region *a, const struct cell_region *b,
			      char *why, size_t len)
{
	SAME_STR(name, "cell region name");
	SAME(phys, "cell region phys");
	SAME(virt, "cell region virt");
	SAME(size, "cell region size");
	SAME(flags, "cell region flags");
	SAME(board_region, "cell region board");
	SAME(origin, "cell region origin");
	return true;
}

#define SAME_ARRAY(arr, n, name)                                                      \
	do {                                                                          \
		if (a->n != b->n || (a->n && memcmp(a->arr, b->arr, a->n * sizeof(*a->arr)))) \
			return differ(why, len, name);                                \
	} while (0)

static bool cell_equal(const struct cell *a, const struct cell *b, char *why, size_t len)
{
	size_t i, j;

	SAME_STR(name, "cell name");
	SAME(root, "cell root");
	SAME(type, "cell type");
	SAME(flags, "cell flags");
	SAME(cpus, "cell cpus");
	SAME(cpu_set_size, "cell cpu_set_size");
	for (i = j = 0;; i++, j++) {
		while (i < a->n_regions && a->regions[i].origin == ORIGIN_DERIVED)
			i++;
		while (j < b->n_regions && b->regions[j].origin == ORIGIN_DERIVED)
			j++;
		if (i == a->n_regions || j == b->n_regions)
			break;
		if (!cell_region_equal(&a->regions[i], &b->regions[j], why, len))
			return false;
	}
	if (i != a->n_regions || j != b->n_regions)
		return differ(why, len, "cell region count");
	SAME_ARRAY(irqchips, n_irqchips, "irqchips");
	SAME_ARRAY(pci, n_pci, "pci devices");
	SAME_ARRAY(caps, n_caps, "caps");
	SAME_ARRAY(caches, n_caches, "caches");
	SAME_ARRAY(pio, pio_size, "pio");
	SAME_ARRAY(stream_ids, n_stream_ids, "stream ids");
	SAME(vpci_irq_base, "vpci_irq_base");
	SAME(cpu_reset_address, "cpu_reset_address");
	SAME(msg_reply_timeout, "msg_reply_timeout");
	SAME_MEM(console, "cell console");
	return true;
}

bool config_equal(const struct config *a, const struct config *b, char *why, size_t len)
{
	SAME(arch, "config arch");
	SAME(sys.flags, "system flags");
	SAME(sys.hypervisor.phys, "hypervisor phys");
	SAME(sys.hypervisor.size, "hypervisor size");
	SAME_STR(sys.hypervisor.name, "hypervisor name");
	SAME_MEM(sys.debug_console, "debug console");
	SAME(sys.pci_mmconfig_base, "pci_mmconfig_base");
	SAME(sys.pci_mmconfig_end_bus, "pci_mmconfig_end_bus");
	SAME(sys.pci_is_virtual, "pci_is_virtual");
	SAME(sys.pci_domain, "pci_domain");
	SAME_MEM(sys.iommu, "iommu");
	SAME(sys.maintenance_irq, "maintenance_irq");
	SAME(sys.gic_version, "gic_version");
	SAME(sys.gicd_base, "gicd_base");
	SAME(sys.gicc_base, "gicc_base");
	SAME(sys.gich_base, "gich_base");
	SAME(sys.gicv_base, "gicv_base");
	SAME(sys.gicr_base, "gicr_base");
	SAME(n_cells, "cell count");
	for (size_t i = 0; i < a->n_cells; i++)
		if (!cell_equal(a->cells[i], b->cells[i], why, len))
			return false;
	return true;
}
