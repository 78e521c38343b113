/*
 * CPUs from /cpus: MPIDR affinity from reg, core type from compatible, the
 * enable method. The logical numbers given here follow device-tree order;
 * extract-merge.c renumbers them from /proc/cpuinfo or the cpuN uevents when
 * the dump has them, because Linux numbers CPUs from the boot CPU, which need
 * not be the first in the tree (the TX2 boots on an A57 listed after its two
 * Denver cores).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "po/i18n.h"
#include "model/util.h"
#include "src/extract-fdt.h"
#include "src/extract-proc.h"

void cpu_add(struct fdt_walk *w, int off)
{
	const struct fdt_level *cpus = &w->stack[w->depth - 1];
	const char *type, *name = fdt_get_name(w->fdt, off, NULL);
	const fdt32_t *reg;
	struct board_cpu *c;
	int len;

	type = dt_string(w->fdt, off, "device_type");
	if (!(type && !strcmp(type, "cpu")) && !(name && !strncmp(name, "cpu@", 4)))
		return;     /* cpu-map, l2-cache and friends */
	reg = fdt_getprop(w->fdt, off, "reg", &len);
	if (!reg || cpus->ac == 0 || cpus->ac > 2 || len < (int)(cpus->ac * 4))
		return;
	c = board_add_cpu(w->b, (uint32_t)w->b->n_cpus, dt_cells(reg, cpus->ac));
	const char *compat = dt_string(w->fdt, off, "compatible");
	const char *method = dt_string(w->fdt, off, "enable-method");

	if (compat)
		c->core_type = xstrdup(compat);
	if (method)
		c->enable_method = xstrdup(method);
	c->linux_online = dt_node_enabled(w->fdt, off);
	c->sources |= SRC_DT;
	ARRAY_PUSH(w->res->cpu_paths, w->res->n_cpu_paths, w->res->cap_cpu_paths,
		   xstrdup(w->path));
}

/* Whether a device-tree core compatible is the core cpuinfo names: the same
 * string, or the same core name after the vendor ("nvidia,tegra186-denver"
 * is an "nvidia,denver"). */
static bool core_matches(const char *dt, const char *ci)
{
	const char *fam;
	size_t dl, fl;

	if (!dt || !ci || !strcmp(dt, ci))
		return true;
	fam = strchr(ci, ',');
	fam = fam ? fam + 1 : ci;
	dl = strlen(dt);
	fl = strlen(fam);
	return dl > fl && !strcmp(dt + dl - fl, fam) && (dt[dl - fl - 1] == ',' ||
							 dt[dl - fl - 1] == '-');
}

/*
 * Linux numbers the CPU it boots on 0 and the others in device-tree order;
 * without cpuinfo the boot CPU is known only for SoCs whose firmware always
 * starts the same one. The blob's boot_cpuid_phys does not tell: dtc writes
 * 0 and boot loaders leave it.
 */
static const struct {
	const char *compatible;
	uint64_t mpidr;
} cpu_boot_table[] = {
	/* Tegra186 (Jetson TX2): L4T boots on the first Cortex-A57, listed
	 * after the two Denver cores (shared/jetson-tx2.md). */
	{ "nvidia,tegra186", 0x100 },
};

bool cpu_known_boot(const void *fdt, uint64_t *mpidr)
{
	for (size_t i = 0; i < ARRAY_SIZE(cpu_boot_table); i++) {
		if (fdt_node_check_compatible(fdt, 0, cpu_boot_table[i].compatible) == 0) {
			*mpidr = cpu_boot_table[i].mpidr;
			return true;
		}
	}
	return false;
}

/* Logical numbers from the boot CPU: 0 for it, then device-tree order.
 * Returns false when no CPU has the boot CPU's MPIDR. */
static bool cpu_number_from_boot(const struct board *b, uint64_t boot, int64_t *logical)
{
	uint32_t next = 1;
	size_t j;

	for (j = 0; j < b->n_cpus && b->cpus[j].mpidr != boot; j++)
		;
	if (j == b->n_cpus)
		return false;
	logical[j] = 0;
	for (size_t k = 0; k < b->n_cpus; k++)
		if (k != j)
			logical[k] = next++;
	return true;
}

static int cpu_cmp(const void *a, const void *b)
{
	uint32_t x = ((const struct board_cpu *)a)->logical_id;
	uint32_t y = ((const struct board_cpu *)b)->logical_id;

	return x < y ? -1 : x > y;
}

void cpu_number(struct board *b, const struct fdt_result *res, const struct cpu_node *ue,
		size_t n_ue, const struct cpuinfo *ci, const char *ci_file,
		struct extract_report *rep)
{
	size_t n = b->n_cpus;
	int64_t *logical = xmalloc((n + 1) * sizeof(*logical));
	bool from_linux = n_ue || (ci && ci->n);
	uint32_t next = 0;

	for (size_t j = 0; j < n; j++)
		logical[j] = -1;
	if (n_ue) {
		/* sysfs names each logical CPU's node: the exact answer. */
		for (size_t i = 0; i < n_ue; i++)
			for (size_t j = 0; j < n && j < res->n_cpu_paths; j++)
				if (logical[j] < 0 && !strcmp(res->cpu_paths[j], ue[i].path))
					logical[j] = ue[i].logical;
	} else if (ci && ci->n) {
		/* Linux numbers the boot CPU 0 and the others as they come up,
		 * which is device-tree order within a core type; so each logical
		 * CPU takes the first unnumbered node of its core type. */
		for (size_t i = 0; i < ci->n; i++) {
			const char *core = ci->cpus[i].has_part
				? cpuinfo_core_compatible(ci->cpus[i].implementer, ci->cpus[i].part)
				: NULL;
			size_t j;

			for (j = 0; j < n; j++)
				if (logical[j] < 0 && core_matches(b->cpus[j].core_type, core))
					break;
			if (j == n) {
				report_at(rep, ci_file, 0,
					  _("CPU %u (%s) matches no device-tree CPU"),
					  ci->cpus[i].logical, core ? core : _("unknown core"));
				continue;
			}
			logical[j] = ci->cpus[i].logical;
		}
	} else if (n && res->boot_known && cpu_number_from_boot(b, res->boot_mpidr, logical)) {
		report_at(rep, NULL, 0,
			  _("no /proc/cpuinfo or cpuN uevents: logical CPU numbers assume that "
			    "Linux booted on CPU 0x%llx, as it does on this SoC, and numbered the "
			    "others in device-tree order; extract from the running board to be "
			    "sure"), (unsigned long long)res->boot_mpidr);
	} else if (n) {
		report_at(rep, NULL, 0,
			  _("no /proc/cpuinfo or cpuN uevents: logical CPU numbers follow "
			    "device-tree order, but Linux numbers from the boot CPU (on the "
			    "Jetson TX2 an A57 listed after the Denver cores); extract from the "
			    "running board to get Linux's numbering"));
	}
	for (size_t j = 0; j < n; j++)
		if (logical[j] >= next)
			next = (uint32_t)logical[j] + 1;
	for (size_t j = 0; j < n; j++) {
		struct board_cpu *c = &b->cpus[j];

		if (logical[j] >= 0) {
			c->logical_id = (uint32_t)logical[j];
			if (from_linux)
				c->sources |= SRC_CPUINFO;
		} else {
			c->logical_id = from_linux ? next++ : (uint32_t)j;
		}
		if (ci && ci->n) {
			c->linux_online = false;
			for (size_t i = 0; i < ci->n; i++)
				c->linux_online |= ci->cpus[i].logical == c->logical_id;
		}
	}
	free(logical);
	qsort(b->cpus, n, sizeof(*b->cpus), cpu_cmp);
}
