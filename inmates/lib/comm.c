/* Communication region access: see comm.h. */
#include "comm.h"
#include "console.h"
#include "inmate.h"
#include "mmio.h"
#include "params.h"
#include "platform.h"

/* Console flags in the region (revision 14 layout of struct console). */
#define CON_ADDRESS	0x00
#define CON_TYPE	0x0c
#define CON_FLAGS	0x0e
#define CON_ACCESS_MMIO	0x1
#define CON_REGDIST_4	0x2

uintptr_t comm_base(void)
{
	return (uintptr_t)params_get_u64("comm", PLATFORM_COMM_REGION);
}

bool comm_present(void)
{
	static const char sig[6] = "JHCOMM";
	uintptr_t base = comm_base();

	for (unsigned i = 0; i < sizeof(sig); i++)
		if (mmio_read8(base + COMM_SIGNATURE + i) != (uint8_t)sig[i])
			return false;
	return true;
}

/* Messages and states sit at the same offsets in older revisions; the console does not. */
static uint16_t comm_revision(void)
{
	return mmio_read32(comm_base() + COMM_SIGNATURE + 4) >> 16;
}

uint32_t comm_cell_state(void)
{
	return mmio_read32(comm_base() + COMM_CELL_STATE);
}

const char *comm_state_name(uint32_t state)
{
	static const char *const names[] = {
		[COMM_CELL_RUNNING] = "running",
		[COMM_CELL_RUNNING_LOCKED] = "running/locked",
		[COMM_CELL_SHUT_DOWN] = "shut down",
		[COMM_CELL_FAILED] = "failed",
		[COMM_CELL_FAILED_COMM_REV] = "comm ABI mismatch",
	};

	if (state < sizeof(names) / sizeof(names[0]))
		return names[state];
	return "unknown";
}

bool comm_console(struct uart *u)
{
	uintptr_t con = comm_base() + COMM_CONSOLE;
	uint32_t word = mmio_read32(con + CON_TYPE);
	uint16_t type = word & 0xffff, flags = word >> 16;
	uint64_t addr = mmio_read32(con + CON_ADDRESS) |
			(uint64_t)mmio_read32(con + CON_ADDRESS + 4) << 32;

	if (!comm_present() || comm_revision() != COMM_ABI_REVISION)
		return false;
	if (!(flags & CON_ACCESS_MMIO) || addr == 0)
		return false;
	if (type != UART_8250 && type != UART_PL011)
		return false;
	u->type = (enum uart_type)type;
	u->base = (uintptr_t)addr;
	u->stride = (flags & CON_REGDIST_4) ? 4 : 1;
	return true;
}

/* Clear the message before replying: the hypervisor waits for the reply. */
static void comm_reply(uint32_t reply)
{
	uintptr_t base = comm_base();

	mmio_write32(base + COMM_MSG_TO_CELL, COMM_MSG_NONE);
	mmio_barrier();
	mmio_write32(base + COMM_REPLY_FROM_CELL, reply);
	mmio_barrier();
}

void comm_service(void)
{
	uintptr_t base = comm_base();
	uint32_t msg;

	if (!comm_present())
		return;
	msg = mmio_read32(base + COMM_MSG_TO_CELL);
	switch (msg) {
	case COMM_MSG_NONE:
		return;
	case COMM_MSG_SHUTDOWN_REQUEST:
		printk("shutdown requested: approved\n");
		comm_reply(COMM_REPLY_REQUEST_APPROVED);
		mmio_write32(base + COMM_CELL_STATE, COMM_CELL_SHUT_DOWN);
		mmio_barrier();
		inmate_halt();
	case COMM_MSG_RECONFIG_COMPLETED:
		comm_reply(COMM_REPLY_RECEIVED);
		return;
	default:
		printk("unknown message %u from the hypervisor\n", msg);
		comm_reply(COMM_REPLY_UNKNOWN);
		return;
	}
}
