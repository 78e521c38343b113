/* Tegra186 GPIO and pinmux: see tegra-gpio.h. */
#include "mmio.h"
#include "tegra-gpio.h"

const struct tegra_pin tegra_pin_j21_12 = {
	.name = "J21 pin 12 (GPIO J.0, DAP1_SCLK)",
	.gpio_offset = 0x15000,
	.pad_offset = 0x1040,
};

/* The low byte of a pad register selects its function; 0 is GPIO. */
#define PAD_FUNCTION_MASK	0xffu

static uintptr_t pin_reg(const struct tegra_gpio *g, const struct tegra_pin *pin, uint32_t reg)
{
	return g->gpio_base + pin->gpio_offset + reg;
}

void tegra_pinmux_select_gpio(const struct tegra_gpio *g, const struct tegra_pin *pin)
{
	uintptr_t pad = g->pinmux_base + pin->pad_offset;

	/* Keep pull, drive and tristate settings Linux or the boot loader chose. */
	mmio_write32(pad, mmio_read32(pad) & ~PAD_FUNCTION_MASK);
	mmio_barrier();
}

void tegra_gpio_make_output(const struct tegra_gpio *g, const struct tegra_pin *pin, bool value)
{
	/* Set the level first so the pin never glitches to the wrong one. */
	mmio_write32(pin_reg(g, pin, TEGRA_GPIO_OUTPUT_VALUE), value);
	mmio_write32(pin_reg(g, pin, TEGRA_GPIO_OUTPUT_CONTROL), 0);
	mmio_write32(pin_reg(g, pin, TEGRA_GPIO_ENABLE_CONFIG),
		     TEGRA_GPIO_ENABLE | TEGRA_GPIO_OUT);
	mmio_barrier();
}

void tegra_gpio_set(const struct tegra_gpio *g, const struct tegra_pin *pin, bool value)
{
	mmio_write32(pin_reg(g, pin, TEGRA_GPIO_OUTPUT_VALUE), value);
	mmio_barrier();
}
