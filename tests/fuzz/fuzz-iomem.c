/* libFuzzer target: /proc/iomem. Beyond not crashing: every entry it keeps
 * is well formed and nested inside its parent's list position. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "src/extract-proc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct extract_report rep;
	struct iomem io = { 0 };

	report_init(&rep);
	iomem_parse((const char *)data, size, "iomem", &io, &rep);
	for (size_t i = 0; i < io.n; i++) {
		if (io.e[i].end < io.e[i].start || io.e[i].parent >= (int)i || !io.e[i].name)
			abort();
		if (io.e[i].parent >= 0 && io.e[i].depth != io.e[io.e[i].parent].depth + 1)
			abort();
	}
	if (rep.n > 2 * (REPORT_MAX_BAD_LINES + 1) + io.n)
		abort();    /* bad lines must not flood the report */
	iomem_free(&io);
	report_free(&rep);
	return 0;
}
