/* libFuzzer target: /proc/cpuinfo. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "src/extract-proc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct extract_report rep;
	struct cpuinfo ci = { 0 };

	report_init(&rep);
	cpuinfo_parse((const char *)data, size, "cpuinfo", &ci, &rep);
	for (size_t i = 0; i < ci.n; i++)
		if (ci.cpus[i].logical >= 4096)
			abort();
	cpuinfo_free(&ci);
	report_free(&rep);
	return 0;
}
