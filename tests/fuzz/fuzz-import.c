/*
 * libFuzzer target for the .cell importer. Beyond not crashing, it checks
 * the importer's promise: whatever it accepts, the writers give back byte
 * for byte (emit(import(file)) == file), the C writer accepts too, and the
 * listing can be printed.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emit/emit.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct import_info info;
	struct emit_error err;
	struct emit_buf again, csrc;
	struct config c;
	FILE *null;

	config_init(&c);
	if (emit_import(&c, "fuzz.cell", data, size, ARCH_ARM64, &info, &err) < 0) {
		/* Every refusal names the file. */
		if (strncmp(err.text, "fuzz.cell: ", 11) != 0 || c.n_cells)
			abort();
		config_free(&c);
		return 0;
	}
	emit_buf_init(&again);
	emit_buf_init(&csrc);
	if (emit_cell_binary(&c, c.cells[0], info.abi, &again, &err) < 0 ||
	    again.len != size || memcmp(again.data, data, size) != 0)
		abort();
	if (emit_cell_c(&c, c.cells[0], info.abi, &csrc, &err) < 0)
		abort();
	null = fopen("/dev/null", "w");
	if (null) {
		emit_dump(null, &c, c.cells[0], &info);
		fclose(null);
	}
	emit_buf_free(&again);
	emit_buf_free(&csrc);
	config_free(&c);
	return 0;
}
