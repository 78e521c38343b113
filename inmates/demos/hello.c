/*
 * hello: the first thing to run in a new cell. It proves the image loads,
 * the console works and the CPU keeps running (a heartbeat), and it answers
 * `jailhouse cell shutdown`. "beat=MS" sets the heartbeat period; "fault=ADDR"
 * reads ADDR after the second beat, to see the fault report on a board
 * whose cell config lacks a mapping.
 */
#include "inmate.h"

void inmate_main(void)
{
	uint64_t period = params_get_u64("beat", 1000);
	uint64_t start = timer_ms();

	printk("hello from an autojail inmate, heartbeat every %lu ms\n", (unsigned long)period);
	for (unsigned long n = 1;; n++) {
		sleep_ms(period);
		printk("beat %lu at %lu ms\n", n, (unsigned long)(timer_ms() - start));
		if (n == 2 && params_has("fault")) {
			uintptr_t addr = (uintptr_t)params_get_u64("fault", 0);

			printk("reading 0x%lx as asked\n", (unsigned long)addr);
			printk("read 0x%x\n", mmio_read32(addr));
		}
	}
}
