/* libFuzzer target: /proc/interrupts. The count it returns must match the
 * bits it set, and no bit may lie beyond the board's interrupt range. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "src/extract-proc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint32_t bits[BOARD_MAX_IRQS / 32] = { 0 };
	struct extract_report rep;
	size_t n, set = 0;

	report_init(&rep);
	n = interrupts_parse((const char *)data, size, "interrupts", bits, &rep);
	for (size_t i = 0; i < BOARD_MAX_IRQS / 32; i++)
		set += (size_t)__builtin_popcount(bits[i]);
	if (set != n)
		abort();
	report_free(&rep);
	return 0;
}
