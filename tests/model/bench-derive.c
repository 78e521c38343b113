/*
 * Time of one derivation of the TX2 GPIO demo (revisions 14 and 9) on the
 * TX2-like test board, and of a project with 3 guests, 4 links and 2,000
 * board devices. Prints figures; never fails on time.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "model/derive.h"
#include "model/util.h"
#include "tests/model/derive-boards.h"

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void measure(const char *what, const struct board *b, const struct spec *s, enum abi abi,
		    unsigned rounds)
{
	double t0 = now(), dt;
	unsigned i;

	for (i = 0; i < rounds; i++) {
		struct config c;

		config_init(&c);
		if (derive_config(b, s, abi, &c, NULL))
			fprintf(stderr, "%s: derivation failed\n", what);
		config_free(&c);
	}
	dt = (now() - t0) / rounds;
	printf("derive %-32s rev %2d: %8.3f ms\n", what, abi, dt * 1e3);
}

/* The mini board with 2,000 more devices, 4 KiB apart with gaps. */
static void board_big(struct board *b)
{
	unsigned i;

	board_mini(b);
	for (i = 0; i < 2000; i++) {
		char name[32];
		struct board_region *r;

		snprintf(name, sizeof(name), "dev@%x", 0x10000000 + i * 0x3000);
		r = board_add_region(b, name, 0x10000000 + i * 0x3000ull, 0x1000, REGION_MMIO);
		board_region_add_irq(r, 64 + i % 200);
	}
	board_index(b);
}

static void spec_big(struct spec *s)
{
	static const char *const names[] = { "a", "b", "c" };
	unsigned i;

	spec_init(s);
	for (i = 0; i < 3; i++) {
		struct guest_spec *g = spec_add_guest(s, names[i]);
		char dev[32];
		unsigned d;

		g->ram_size = 16 * MiB;
		for (d = 0; d < 50; d++) {
			snprintf(dev, sizeof(dev), "dev@%x", 0x10000000 + (i * 50 + d) * 0x3000);
			spec_add_device(g, dev, SHARE_AUTO);
		}
	}
	for (i = 0; i < 4; i++) {
		struct link_spec *l = spec_add_link(s, i % 2 ? "even" : "odd");

		link_add_peer(l, names[i % 3]);
		link_add_peer(l, names[(i + 1) % 3]);
		l->size = 0x10000;
	}
}

int main(void)
{
	struct board b;
	struct spec s;

	board_tx2(&b);
	spec_tx2_demo(&s);
	measure("the TX2 GPIO demo", &b, &s, ABI_V14, 2000);
	measure("the TX2 GPIO demo", &b, &s, ABI_V9, 2000);
	spec_free(&s);
	board_free(&b);

	board_big(&b);
	spec_big(&s);
	measure("3 guests, 4 links, 2,000 devices", &b, &s, ABI_V14, 50);
	spec_free(&s);
	board_free(&b);
	return 0;
}
