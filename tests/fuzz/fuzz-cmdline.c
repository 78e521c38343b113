/* libFuzzer target: /proc/cmdline. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "src/extract-proc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct extract_report rep;
	struct cmdline cl = { 0 };

	report_init(&rep);
	cmdline_parse((const char *)data, size, "cmdline", &cl, &rep);
	for (size_t i = 0; i < cl.n_consoles; i++)
		if (strlen(cl.consoles[i]) > size)
			abort();
	cmdline_free(&cl);
	report_free(&rep);
	return 0;
}
