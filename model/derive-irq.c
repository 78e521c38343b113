/*
 * Interrupts: the root cell gets every shared peripheral interrupt the
 * controller has, in 128-pin irqchip slices (pin_base 32, 160, 288, ...);
 * creating a guest takes its interrupts away from the root cell again.
 * Interrupts beyond the controller's count are left out, since validation
 * rightly calls them interrupts the board does not have.
 */
#include "config.h"

#include "model/derive-pass.h"

bool derive_irq_in_use(const struct board *b, uint32_t irq)
{
	size_t i, j;

	if (board_linux_irq(b, irq))
		return true;
	for (i = 0; i < b->n_regions; i++)
		for (j = 0; j < b->regions[i].n_irqs; j++)
			if (b->regions[i].irqs[j] == irq)
				return true;
	return false;
}

void derive_root_irqs(struct derive_ctx *x)
{
	uint32_t irq;

	for (irq = 32; irq < x->num_irqs; irq++)
		cell_grant_irq(x->root, x->b->gic.gicd.start, irq);
}
