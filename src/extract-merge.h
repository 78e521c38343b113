/*
 * Extraction as a whole: every source of a dump read into one board model,
 * each fact tagged with its sources, disagreements reported as warnings.
 */
#ifndef AJ_SRC_EXTRACT_MERGE_H
#define AJ_SRC_EXTRACT_MERGE_H

#include <stdio.h>

#include "model/board.h"
#include "src/error.h"
#include "src/extract-dump.h"
#include "src/extract-report.h"

/* Fills b (initialised by the caller) from the dump. Returns 0, or -1 with
 * err set when the dump cannot make a board: no or a corrupt device tree,
 * or no GIC (Jailhouse on ARM needs one). */
int extract_board(struct dump *d, struct board *b, struct extract_report *rep,
		  struct error *err);

/* extract-pci.c: PCI devices from sys/bus/pci/devices, when the dump has them. */
void pci_extract(struct dump *d, struct board *b, struct extract_report *rep);

/* extract-net.c: the board's networks (board.nets) from ip-addr.json, the
 * output of `ip -j addr`, when the dump has it. The parser adds nothing
 * and returns -1 (reported) on a file that is not that JSON. */
void net_extract(struct dump *d, struct board *b, struct extract_report *rep);
int net_parse_ip_json(const char *buf, size_t len, const char *name, struct board *b,
		      struct extract_report *rep);

/* extract-advice.c: what the user should change on the board. */
struct advice {
	uint64_t need;           /* bytes of RAM to keep from Linux */
	uint64_t free_ram;       /* RAM Linux does not use now */
	uint64_t hv_start, hv_size;     /* proposed hypervisor memory */
	uint64_t pool_start, pool_size; /* proposed memory for the cells */
	uint64_t mem;            /* the mem= value to use, 0 when none is needed */
	const char *where;       /* the boot-loader file and line to change */
	char *duplicate_console; /* a console= given twice, or NULL */
};

/* The published TX2 layout's sizes, used as the default request. */
#define ADVICE_HV_SIZE (64ull << 20)
#define ADVICE_POOL_SIZE (16ull << 20)

/* mem= for a layout: the RAM Linux may keep below the lowest reserved byte,
 * rounded down to 128 MiB. 0 when the layout leaves no RAM below it. */
uint64_t advice_mem_for(const struct board *b, uint64_t reserve_start);
/* Fills a: a placement for hypervisor and pool when Linux leaves no RAM
 * free, the mem= that keeps them free, and a duplicated console=. */
void advice_compute(const struct board *b, struct advice *a);
void advice_free(struct advice *a);
/* Prints the advice (nothing when there is none). */
void advice_print(const struct advice *a, FILE *out);

#endif
