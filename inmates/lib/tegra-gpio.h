/*
 * Tegra186 main GPIO controller and pin multiplexer (shared/jetson-tx2.md).
 * Each pin has its own 0x20-byte register block in the controller; the pad
 * that brings it to the header is switched to the GPIO function in PADCTL_A.
 * Linux uses both blocks too, so the cell maps them ROOTSHARED and this
 * driver changes only the pin's own block and the pad's function bits.
 */
#ifndef AJ_INMATE_TEGRA_GPIO_H
#define AJ_INMATE_TEGRA_GPIO_H

#include <stdbool.h>
#include <stdint.h>

/* One pin: offsets of its GPIO block and of its pad register. */
struct tegra_pin {
	const char *name;
	uint32_t gpio_offset;	/* from the GPIO controller base */
	uint32_t pad_offset;	/* from the PADCTL_A base */
};

/* J21 header pin 12: port J pin 0, pad DAP1_SCLK. */
extern const struct tegra_pin tegra_pin_j21_12;

struct tegra_gpio {
	uintptr_t gpio_base;	/* cell-virtual base of the controller */
	uintptr_t pinmux_base;	/* cell-virtual base of PADCTL_A */
};

/* Registers of a pin's block. */
#define TEGRA_GPIO_ENABLE_CONFIG	0x00
#define TEGRA_GPIO_DEBOUNCE		0x04
#define TEGRA_GPIO_INPUT		0x08
#define TEGRA_GPIO_OUTPUT_CONTROL	0x0c
#define TEGRA_GPIO_OUTPUT_VALUE		0x10
#define TEGRA_GPIO_INTERRUPT_CLEAR	0x14

/* ENABLE_CONFIG: bit 0 enables the pin, bit 1 makes it an output. */
#define TEGRA_GPIO_ENABLE		0x1
#define TEGRA_GPIO_OUT			0x2

void tegra_pinmux_select_gpio(const struct tegra_gpio *g, const struct tegra_pin *pin);
void tegra_gpio_make_output(const struct tegra_gpio *g, const struct tegra_pin *pin, bool value);
void tegra_gpio_set(const struct tegra_gpio *g, const struct tegra_pin *pin, bool value);

#endif
