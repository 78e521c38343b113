/*
 * shmem-echo: answers the root cell through the shared page, the smallest
 * proof that both sides see the same memory. Protocol in echo-proto.h;
 * `autojail-shmem echo TEXT` is the other side. A request already waiting
 * when the cell starts is answered too.
 */
#include "echo-proto.h"
#include "inmate.h"

/* Shows the request on the console, unprintable bytes as dots. */
static void echo_log(uint32_t seq, uint32_t len)
{
	printk("request %u, %u bytes: \"", seq, len);
	for (uint32_t i = 0; i < len && i < 64; i++) {
		uint8_t c = shmem_read8(ECHO_REQ_DATA + i);

		console_putc(c >= 0x20 && c < 0x7f ? (char)c : '.');
	}
	printk("%s\"\n", len > 64 ? "..." : "");
}

void inmate_main(void)
{
	uint32_t answered;

	if (!shmem_base()) {
		printk("shmem-echo: no shared page: load with -s \"shmem=ADDR\" -a 0x%x\n",
		       PLATFORM_CMDLINE_OFFSET);
		return;
	}
	printk("shmem-echo: shared page 0x%lx, waiting for requests\n",
	       (unsigned long)shmem_base());
	answered = shmem_read32(ECHO_ANS_SEQ);
	for (;;) {
		uint32_t seq = shmem_read32(ECHO_REQ_SEQ), len;

		if (seq == answered) {
			sleep_ms(1);
			continue;
		}
		shmem_barrier();
		len = shmem_read32(ECHO_REQ_LEN);
		if (len > ECHO_MAX)
			len = ECHO_MAX;
		echo_log(seq, len);
		for (uint32_t i = 0; i < len; i++)
			shmem_write8(ECHO_ANS_DATA + i, shmem_read8(ECHO_REQ_DATA + i));
		shmem_write32(ECHO_ANS_LEN, len);
		shmem_barrier();
		shmem_write32(ECHO_ANS_SEQ, seq);
		shmem_barrier();
		answered = seq;
	}
}
