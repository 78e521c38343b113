/*
 * Fault reporting. An inmate has no one to return an error to: the most
 * useful thing it can do with an exception is say on the UART what happened
 * and where, then stop. The typical cause in a new cell is a device the
 * config does not map (a stage-2 data abort) or an unaligned access.
 */
#include <stdint.h>

#include "console.h"
#include "inmate.h"

struct ec_name {
	uint8_t ec;
	const char *name;
};

/* Exception classes of ESR_ELx bits 31:26 an EL1 program can meet. */
static const struct ec_name ec_names[] = {
	{ 0x00, "unknown reason" },
	{ 0x01, "trapped WFI/WFE" },
	{ 0x07, "FP/SIMD access trapped" },
	{ 0x0e, "illegal execution state" },
	{ 0x15, "SVC" },
	{ 0x16, "HVC" },
	{ 0x17, "SMC" },
	{ 0x18, "trapped system register access" },
	{ 0x20, "instruction abort from a lower EL" },
	{ 0x21, "instruction abort" },
	{ 0x22, "PC alignment fault" },
	{ 0x24, "data abort from a lower EL" },
	{ 0x25, "data abort" },
	{ 0x26, "SP alignment fault" },
	{ 0x2f, "SError" },
	{ 0x3c, "BRK instruction" },
};

static const char *const vector_names[] = {
	"synchronous", "IRQ", "FIQ", "SError",
};

/* Data and instruction fault status codes (ISS bits 5:0) worth naming. */
static const char *fault_status(uint32_t fsc)
{
	if (fsc == 0x10)
		return "synchronous external abort";
	if (fsc == 0x21)
		return "alignment fault";
	if ((fsc & 0x3c) == 0x04)
		return "translation fault";
	if ((fsc & 0x3c) == 0x08)
		return "access flag fault";
	if ((fsc & 0x3c) == 0x0c)
		return "permission fault";
	return "other";
}

static const char *ec_name(uint32_t ec)
{
	for (unsigned i = 0; i < sizeof(ec_names) / sizeof(ec_names[0]); i++)
		if (ec_names[i].ec == ec)
			return ec_names[i].name;
	return "unlisted class";
}

void fault_report(uint64_t vector, uint64_t esr, uint64_t far, uint64_t elr)
{
	uint32_t ec = (esr >> 26) & 0x3f;

	printk("\nFAULT: %s exception (vector %u): %s, class 0x%02x\n",
	       vector_names[vector & 3], (unsigned)vector, ec_name(ec), ec);
	if (vector & 3) {
		/* Asynchronous: ESR and FAR describe nothing we can point at. */
		printk("FAULT: pc 0x%lx\n", (unsigned long)elr);
		return;
	}
	if (ec == 0x20 || ec == 0x21 || ec == 0x24 || ec == 0x25)
		printk("FAULT: %s%s at address 0x%lx\n", fault_status(esr & 0x3f),
		       (ec & 4) && (esr & (1u << 6)) ? " on write" : "", (unsigned long)far);
	printk("FAULT: pc 0x%lx esr 0x%lx, cell halted\n", (unsigned long)elr,
	       (unsigned long)esr);
}
