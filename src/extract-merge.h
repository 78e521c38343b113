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

#endif
