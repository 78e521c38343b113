/*
 * Parsers of the text files a running Linux offers: /proc/iomem,
 * /proc/cpuinfo, /proc/interrupts, /proc/cmdline, the PCI files of sysfs and
 * the one line of the kernel log that the device tree cannot give.
 * They take a buffer, never a path, so the fuzz targets can call them
 * directly; bad lines become warnings naming file and line.
 */
#ifndef AJ_SRC_EXTRACT_PROC_H
#define AJ_SRC_EXTRACT_PROC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/board.h"
#include "src/extract-report.h"

/* /proc/iomem: one entry per line, nested by indentation. */
struct iomem_entry {
	uint64_t start, end;     /* end is the last byte, as iomem prints it */
	unsigned depth;          /* indentation / 2 */
	int parent;              /* index of the enclosing entry, -1 at the top */
	char *name;
	unsigned line;
};

struct iomem {
	struct iomem_entry *e;
	size_t n, cap;
};

void iomem_parse(const char *buf, size_t len, const char *file, struct iomem *out,
		 struct extract_report *rep);
void iomem_free(struct iomem *io);

/* /proc/cpuinfo: the logical CPUs Linux runs on. */
struct cpuinfo_cpu {
	uint32_t logical;
	uint32_t implementer;    /* "CPU implementer", e.g. 0x41 Arm, 0x4e NVIDIA */
	uint32_t part;           /* "CPU part", e.g. 0xd07 Cortex-A57 */
	bool has_part;
};

struct cpuinfo {
	struct cpuinfo_cpu *cpus;
	size_t n, cap;
	bool aarch32;            /* "model name : ARMv7 ...": a 32-bit kernel */
};

void cpuinfo_parse(const char *buf, size_t len, const char *file, struct cpuinfo *out,
		   struct extract_report *rep);
void cpuinfo_free(struct cpuinfo *ci);
/* The device-tree compatible of a core, e.g. "arm,cortex-a57", or NULL. */
const char *cpuinfo_core_compatible(uint32_t implementer, uint32_t part);

/* /proc/interrupts: sets the bit of every GIC interrupt Linux handles.
 * Returns the number of such interrupts. */
size_t interrupts_parse(const char *buf, size_t len, const char *file,
			uint32_t bits[BOARD_MAX_IRQS / 32], struct extract_report *rep);

/* /proc/cmdline */
struct cmdline {
	uint64_t mem;            /* mem=, 0 when absent */
	char **consoles;         /* console= values in order, e.g. "ttyS0,115200n8" */
	size_t n_consoles, cap_consoles;
	char **memmaps;          /* memmap= values */
	size_t n_memmaps, cap_memmaps;
};

void cmdline_parse(const char *buf, size_t len, const char *file, struct cmdline *out,
		   struct extract_report *rep);
void cmdline_free(struct cmdline *c);
/* mem=/memmap= size notation: a number with K, M, G, T suffix (binary). */
bool cmdline_size(const char *s, uint64_t *out, const char **end);

/* The kernel log (`dmesg`): how many SPIs the GICv3 driver found in
 * GICD_TYPER ("GICv3: 256 SPIs implemented"). Returns the count, 0 when the
 * log does not say (a GICv2 driver never does; an old log may have lost
 * the boot lines), and the line in *line. */
uint32_t kernel_log_gic_spis(const char *buf, size_t len, unsigned *line);

/* sysfs PCI: resource lines "start end flags" into a device's BARs. */
bool pci_parse_resource(const char *buf, size_t len, const char *file, struct board_pci *p,
			struct extract_report *rep);
/* "DDDD:BB:DD.F" into domain and bus/device/function. */
bool pci_parse_name(const char *name, uint16_t *domain, uint16_t *bdf);

#endif
