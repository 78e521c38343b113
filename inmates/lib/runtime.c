/* From head.S to the demo: console, banner, and the halt every path ends in. */
#include "inmate.h"

void inmate_halt(void)
{
	__asm__ volatile("msr daifset, #0xf");
	for (;;)
		__asm__ volatile("wfi");
}

void runtime_start(void)
{
	uint64_t el;

	console_init();
	__asm__ volatile("mrs %0, currentel" : "=r"(el));
	printk("autojail inmate runtime (%s), EL%u, timer %lu Hz\n", PLATFORM_NAME,
	       (unsigned)(el >> 2) & 3, (unsigned long)timer_frequency());
	if (comm_present())
		printk("cell state: %s\n", comm_state_name(comm_cell_state()));
	inmate_main();
}
