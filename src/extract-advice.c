/*
 * Kernel command line advice. Jailhouse takes its own memory and the cells'
 * memory from RAM Linux must not touch; on ARM that RAM is kept free with
 * mem=, which limits how many bytes of memory Linux takes, counted from the
 * lowest address up. So the value is the RAM below the reserved area, not
 * its address. A console= given twice makes Linux print everything twice.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "po/i18n.h"
#include "model/units.h"
#include "model/util.h"
#include "src/extract-merge.h"

/* mem= is rounded down to the arm64 sparse-memory section (128 MiB with 4 KiB
 * pages): the limit then ends on a section and leaves a margin below the
 * reserved area. For the published TX2 layout this gives its mem=7808M. */
#define ADVICE_MEM_ALIGN (128ull << 20)
/* Hypervisor and pool start on 16 MiB boundaries below the end of the RAM
 * they are cut from: block mappings stay possible, and the TX2's published
 * layout (0x271000000 and 0x270000000 below RAM ending at 0x2757fffff) is
 * exactly this placement. */
#define ADVICE_PLACE_ALIGN (16ull << 20)

/* Bytes the kernel counts toward mem=: its System RAM and the no-map
 * reservations inside RAM (iomem "reserved"), which memblock still holds
 * when it applies the limit. */
static bool counts_for_mem(const struct board_region *r)
{
	if (r->kind == REGION_RAM)
		return r->linux_uses;
	return r->kind == REGION_RESERVED && (r->sources & SRC_IOMEM) && r->name &&
	       !strcmp(r->name, "reserved");
}

uint64_t advice_mem_for(const struct board *b, uint64_t reserve_start)
{
	uint64_t sum = 0;

	for (size_t i = 0; i < b->n_regions; i++) {
		const struct board_region *r = &b->regions[i];
		uint64_t end;

		if (!counts_for_mem(r) || r->start >= reserve_start)
			continue;
		end = range_last(r->start, r->size);
		if (end >= reserve_start)
			end = reserve_start - 1;
		sum += end - r->start + 1;
	}
	return sum / ADVICE_MEM_ALIGN * ADVICE_MEM_ALIGN;
}

struct free_arg {
	uint64_t used;
};

static bool used_visit(uint64_t start, uint64_t size, uint64_t key, void *arg)
{
	((struct free_arg *)arg)->used += size;
	return true;
}

/* RAM that is not Linux's: RAM regions minus what the linux RAM index holds. */
static uint64_t free_ram(const struct board *b)
{
	uint64_t sum = 0;

	for (size_t i = 0; i < b->n_regions; i++) {
		const struct board_region *r = &b->regions[i];
		struct free_arg fa = { 0 };

		if (r->kind != REGION_RAM)
			continue;
		if (b->linux_ram_index)
			range_index_query(b->linux_ram_index, r->start, r->size, used_visit, &fa);
		if (fa.used < r->size)
			sum += r->size - fa.used;
	}
	return sum;
}

static const char *bootloader_line(const struct board *b)
{
	const char *c = b->compatible ? b->compatible : "";

	if (!strncmp(c, "nvidia,", 7))
		return _("the APPEND line of the boot entry in /boot/extlinux/extlinux.conf "
			 "(L4T)");
	if (!strncmp(c, "raspberrypi,", 12) || !strncmp(c, "brcm,bcm27", 10))
		return _("/boot/firmware/cmdline.txt (/boot/cmdline.txt on older images)");
	if (!strcmp(c, "linux,dummy-virt"))
		return _("QEMU's -append option");
	return _("the kernel command line of the boot loader (U-Boot bootargs, extlinux.conf "
		 "APPEND, or GRUB_CMDLINE_LINUX)");
}

static char *duplicate_console(const char *cmdline)
{
	char *copy = xstrdup(cmdline), *save = NULL, *dup = NULL;
	char **seen = NULL;
	size_t n = 0, cap = 0;

	for (char *w = strtok_r(copy, " \t\n", &save); w && !dup; w = strtok_r(NULL, " \t\n", &save)) {
		if (strncmp(w, "console=", 8) != 0)
			continue;
		w += 8;
		w[strcspn(w, ",")] = '\0';
		for (size_t i = 0; i < n && !dup; i++)
			if (!strcmp(seen[i], w))
				dup = xstrdup(w);
		ARRAY_PUSH(seen, n, cap, w);
	}
	free(seen);
	free(copy);
	return dup;
}

void advice_compute(const struct board *b, struct advice *a)
{
	const struct board_region *best = NULL;

	memset(a, 0, sizeof(*a));
	a->where = bootloader_line(b);
	if (b->cmdline)
		a->duplicate_console = duplicate_console(b->cmdline);
	a->hv_size = ADVICE_HV_SIZE;
	a->pool_size = ADVICE_POOL_SIZE;
	a->need = a->hv_size + a->pool_size;
	a->free_ram = free_ram(b);
	if (a->free_ram >= a->need)
		return;
	/* Cut the area from the top of the highest Linux RAM range that holds it. */
	for (size_t i = 0; i < b->n_regions; i++) {
		const struct board_region *r = &b->regions[i];
		uint64_t end = (r->start + r->size) / ADVICE_PLACE_ALIGN * ADVICE_PLACE_ALIGN;

		if (r->kind != REGION_RAM || !r->linux_uses || end < r->start + a->need)
			continue;
		if (!best || r->start > best->start)
			best = r;
	}
	if (!best)
		return;
	a->hv_start = (best->start + best->size) / ADVICE_PLACE_ALIGN * ADVICE_PLACE_ALIGN -
		      a->hv_size;
	a->pool_start = a->hv_start - a->pool_size;
	a->mem = advice_mem_for(b, a->pool_start);
}

void advice_free(struct advice *a)
{
	free(a->duplicate_console);
	a->duplicate_console = NULL;
}

void advice_print(const struct advice *a, FILE *out)
{
	char need[32], mem[32];

	if (a->mem) {
		format_size(a->need, need, sizeof(need));
		fprintf(out, _("Linux uses all RAM, but the hypervisor and the cells need %s of "
			       "their own.\n"), need);
		fprintf(out, _("  Start Linux with mem=%lluM in %s.\n"),
			(unsigned long long)(a->mem >> 20), a->where);
		fprintf(out, _("  That keeps 0x%llx-0x%llx free: the cells' memory at 0x%llx, "
			       "the hypervisor at 0x%llx.\n"),
			(unsigned long long)a->pool_start,
			(unsigned long long)(a->hv_start + a->hv_size - 1),
			(unsigned long long)a->pool_start, (unsigned long long)a->hv_start);
	} else if (a->free_ram < a->need) {
		format_size(a->need, need, sizeof(need));
		format_size(a->free_ram, mem, sizeof(mem));
		fprintf(out, _("Only %s of RAM is free for the hypervisor and the cells, which "
			       "need %s, and no RAM range can give it.\n"), mem, need);
	}
	if (a->duplicate_console)
		fprintf(out, _("console=%s appears more than once on the kernel command line: "
			       "keep one in %s, or Linux prints every line twice.\n"),
			a->duplicate_console, a->where);
}
