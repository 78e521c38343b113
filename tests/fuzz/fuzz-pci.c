/* libFuzzer target: sysfs PCI, a device folder's name and its resource file. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/util.h"
#include "src/extract-proc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct extract_report rep;
	struct board_pci p;
	uint16_t dom, bdf;
	char *name = xstrndup((const char *)data, size < 16 ? size : 16);

	pci_parse_name(name, &dom, &bdf);
	free(name);
	memset(&p, 0, sizeof(p));
	report_init(&rep);
	pci_parse_resource((const char *)data, size, "resource", &p, &rep);
	/* A BAR never wraps around the address space. */
	for (size_t i = 0; i < ARRAY_SIZE(p.bars); i++)
		if (p.bars[i].size && p.bars[i].start + (p.bars[i].size - 1) < p.bars[i].start)
			abort();
	report_free(&rep);
	return 0;
}
