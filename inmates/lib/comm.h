/*
 * The Jailhouse communication region (jailhouse-abi.md section 4): how the
 * hypervisor tells the cell its state and sends it messages, chiefly the
 * shutdown request `jailhouse cell shutdown` makes. A cell that never answers
 * makes that command wait for its timeout, so every loop in a demo calls
 * comm_service().
 */
#ifndef AJ_INMATE_COMM_H
#define AJ_INMATE_COMM_H

#include <stdbool.h>
#include <stdint.h>

#include "uart.h"

/* Cell states. */
enum comm_cell_state {
	COMM_CELL_RUNNING = 0,
	COMM_CELL_RUNNING_LOCKED = 1,
	COMM_CELL_SHUT_DOWN = 2,
	COMM_CELL_FAILED = 3,
	COMM_CELL_FAILED_COMM_REV = 4,
};

/* Messages from the hypervisor to the cell, and the cell's replies. */
enum comm_msg {
	COMM_MSG_NONE = 0,
	COMM_MSG_SHUTDOWN_REQUEST = 1,
	COMM_MSG_RECONFIG_COMPLETED = 2,
};

enum comm_reply {
	COMM_REPLY_NONE = 0,
	COMM_REPLY_UNKNOWN = 1,
	COMM_REPLY_REQUEST_DENIED = 2,
	COMM_REPLY_REQUEST_APPROVED = 3,
	COMM_REPLY_RECEIVED = 4,
};

/* Layout of revision 2, offsets in bytes. */
#define COMM_SIGNATURE		0x00	/* "JHCOMM" */
#define COMM_REVISION		0x06	/* u16 */
#define COMM_CELL_STATE		0x08	/* u32 */
#define COMM_MSG_TO_CELL	0x0c	/* u32 */
#define COMM_REPLY_FROM_CELL	0x10	/* u32 */
#define COMM_FLAGS		0x14	/* u32 */
#define COMM_CONSOLE		0x18	/* struct console, 32 bytes */
#define COMM_ABI_REVISION	2

/* Where the region is and whether a hypervisor has filled it in. */
uintptr_t comm_base(void);
bool comm_present(void);
uint32_t comm_cell_state(void);
const char *comm_state_name(uint32_t state);
/* The hypervisor's debug console, when it is an MMIO UART we drive. */
bool comm_console(struct uart *u);
/*
 * Answers a pending message. A shutdown request is approved, the state set
 * to shut down and the CPU halted: this function then does not return.
 */
void comm_service(void);

#endif
