/*
 * gpio-demo: the seed's Jetson TX2 demo. Switches J21 pin 12 to GPIO output
 * through the pin multiplexer and the GPIO controller, then mirrors byte 0
 * of the page shared with the root cell onto the pin (non-zero = high) and
 * logs every change. The root cell flips the byte with autojail-shmem.
 * "gpio=ADDR" and "pinmux=ADDR" override where the cell maps the blocks,
 * "poll=MS" how often the byte is read.
 */
#include "inmate.h"
#include "tegra-gpio.h"

void inmate_main(void)
{
	const struct tegra_pin *pin = &tegra_pin_j21_12;
	struct tegra_gpio g = {
		.gpio_base = (uintptr_t)params_get_u64("gpio", PLATFORM_GPIO_BASE),
		.pinmux_base = (uintptr_t)params_get_u64("pinmux", PLATFORM_PINMUX_BASE),
	};
	uint64_t period = params_get_u64("poll", 10);
	uint8_t byte;

	if (!shmem_base()) {
		printk("gpio-demo: no shared page: load with -s \"shmem=ADDR\" -a 0x%x\n",
		       PLATFORM_CMDLINE_OFFSET);
		return;
	}
	printk("gpio-demo: %s, GPIO 0x%lx, PADCTL_A 0x%lx, shared page 0x%lx\n", pin->name,
	       (unsigned long)g.gpio_base, (unsigned long)g.pinmux_base,
	       (unsigned long)shmem_base());
	tegra_pinmux_select_gpio(&g, pin);
	byte = shmem_read8(0);
	tegra_gpio_make_output(&g, pin, byte != 0);
	printk("pin configured as output, byte 0 = 0x%02x: pin %s\n", byte, byte ? "high" : "low");
	for (;;) {
		uint8_t now;

		sleep_ms(period);
		now = shmem_read8(0);
		if (now == byte)
			continue;
		if ((now != 0) != (byte != 0))
			tegra_gpio_set(&g, pin, now != 0);
		printk("byte 0 = 0x%02x: pin %s\n", now, now ? "high" : "low");
		byte = now;
	}
}
