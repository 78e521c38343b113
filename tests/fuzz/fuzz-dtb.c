/* libFuzzer target: a device-tree blob through the whole walk. A blob that
 * fdt_check_full accepts may still be nonsense (loops of phandles, absurd
 * cell counts, strings without their NUL); none of it may crash or hang,
 * and a refusal names the file. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "src/extract-fdt.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fdt_result res = { 0 };
	struct extract_report rep;
	struct error err;
	struct board b;
	/* libfdt wants the blob 8-byte aligned; the fuzzer's buffer need not be. */
	void *blob = malloc(size ? size : 1);

	memcpy(blob, data, size);
	board_init(&b);
	report_init(&rep);
	error_clear(&err);
	if (fdt_extract(blob, size, "fuzz.dtb", &b, &res, &rep, &err) != 0 &&
	    strncmp(err.text, "fuzz.dtb: ", 10) != 0)
		abort();
	board_index(&b);
	fdt_result_free(&res);
	report_free(&rep);
	board_free(&b);
	free(blob);
	return 0;
}
